#!/usr/bin/env python3
"""Import third-party lexicon sources into jdmatch lexicon files.

Reads the sources in ``--sources`` (default ``<repo>/../shared/eval/lexicon-sources``)
and writes, in load order:

* ``lexicon/skills/languages.jsonl``     GitHub linguist (MIT)
* ``lexicon/skills/onet.jsonl``          O*NET Technology Skills (CC BY 4.0)
* ``lexicon/skills/stackoverflow.jsonl`` Stack Overflow tags + synonyms (CC BY-SA 4.0)

Precedence: ``core-*.jsonl`` (hand-curated, read as they are at run time), then
languages, onet, skillspan (read if present, never written), stackoverflow.
A surface form (name, alias or ambiguous form; compared case-insensitively, with
``-``/``_`` as spaces and whitespace collapsed) belongs to one entry only; a form
claimed earlier is skipped, an entry whose name is claimed earlier is skipped, and
ids are unique across all files.

Precision first: forms that are ordinary English words (wordfreq zipf >= 3.0 and in
an English dictionary, or very frequent), common personal/place names, or only
1-2 characters long never go into ``aliases``; they go into ``ambiguous`` (matched
case-sensitively in technical context only) or are dropped.

Needs: ``pip install wordfreq english-words`` (both ship their data; no network).

Run:  /work/venv/bin/python tools/import_lexicon.py [--sources DIR] [--out DIR]
"""
from __future__ import annotations

import argparse
import collections
import csv
import json
import re
import sys
from pathlib import Path

from english_words import get_english_words_set
from wordfreq import zipf_frequency

REPO = Path(__file__).resolve().parent.parent
FIELDS = ["id", "name", "label", "category", "aliases", "ambiguous", "cues", "implies", "source"]

# --------------------------------------------------------------------------- thresholds
ZIPF_WORD = 3.0          # dictionary word at least this frequent -> ordinary English
ZIPF_MODERN = 5.0        # non-dictionary word this frequent (email, online) -> ordinary
LINGUIST_KNOWN_SO = 1000  # linguist language counts as well-known with >= this many SO questions
ONET_MIN_OCC = 2          # O*NET product kept if Hot Technology or named by >= this many occupations
SO_MIN_COUNT = 600       # Stack Overflow tag kept with >= this many questions
SO_WORD_TOOL_MIN = 2500   # tag whose name is an English word kept only if whitelisted (KNOWN_WORD_TOOLS)

# --------------------------------------------------------------------------- word lists
STOPWORDS = {"a", "an", "and", "or", "of", "the", "for", "to", "in", "on", "with", "by", "at",
             "as", "from", "into", "de", "la", "le", "du", "et", "is", "it", "not", "no", "all"}

# Tech terms that wordfreq/dictionary would call ordinary, but whose sense in
# resumes and job postings is overwhelmingly technical (kept unambiguous).
TECH_OK = {"linux", "unix", "html", "css", "sql", "php", "javascript", "json", "xml", "yaml",
           "mysql", "ajax", "jquery", "github", "gitlab", "wordpress", "ubuntu", "kubernetes",
           "docker", "kotlin", "typescript", "golang", "perl", "haskell", "fortran", "cobol",
           "matlab", "microsoft", "facebook", "youtube", "instagram", "linkedin", "salesforce",
           "photoshop", "autocad", "powerpoint", "sharepoint", "quickbooks", "tableau",
           "javafx", "android", "ios", "macos", "iphone", "ipad", "api", "apis", "http", "https",
           "xcode", "npm", "webpack", "nginx", "postgresql", "mongodb", "sqlite", "redis",
           "oauth", "ssl", "tls", "tcp", "udp", "ssh", "csv", "pdf", "wifi", "bluetooth",
           "scala", "erlang", "clojure", "lisp", "prolog", "pascal", "smalltalk", "groovy",
           "powershell", "bash", "vba", "wpf", "winforms", "laravel", "django", "symfony",
           "codeigniter", "magento", "drupal", "joomla", "hadoop", "pandas", "numpy", "scipy",
           "tensorflow", "pytorch", "keras", "opencv", "selenium", "jenkins", "ansible",
           "terraform", "cassandra", "elasticsearch", "kafka", "firebase", "heroku", "azure",
           "vmware", "citrix", "cisco", "sap", "jira", "confluence", "solidity", "graphql",
           "latex", "markdown", "regex", "ecmascript", "webassembly", "cuda", "opengl",
           "vulkan", "directx", "unity3d", "json5", "toml", "asp", "jsp", "servlet", "jsx",
           "python", "java", "lua", "elixir", "tomcat", "apache"}
# (apache, groovy, elixir, julia, ruby, cassandra, jenkins, confluence, ... stay ambiguous:
#  they are ordinary words or names.)
TECH_OK -= {"apache", "groovy", "elixir", "cassandra", "jenkins", "confluence"}

# Modern common words missing from the (older) dictionaries.
MODERN_WORDS = {"email", "emails", "online", "website", "websites", "web", "software", "internet",
                "app", "apps", "blog", "blogs", "smartphone", "laptop", "download", "upload",
                "login", "logout", "username", "password", "homepage", "webcam", "okay", "ok",
                "hashtag", "selfie", "podcast", "cyber", "cloud", "data", "offline", "desktop",
                "wiki", "chat", "tweet", "emoji", "inbox", "startup", "ebook", "gif", "tv",
                "video", "audio", "mobile", "digital", "analytics", "dashboard", "workflow",
                "spreadsheet", "database", "server", "network", "browser", "dev", "devs",
                "backend", "frontend", "fullstack", "runtime", "toolkit", "plugin", "plugins",
                "config", "setup", "admin", "info", "docs", "doc", "demo", "beta", "pro",
                "lite", "plus", "max", "mini", "micro", "nano", "meta", "core", "hub", "lab",
                "labs", "studio", "suite", "cloud", "connect", "express", "enterprise"}

# Personal names, surnames and places that collide with product names.
NAMES = {"julia", "ruby", "jolie", "jasmine", "jasmin", "hudson", "jenkins", "cassandra",
         "crystal", "pearl", "amber", "ella", "ada", "alice", "bob", "eve", "grace", "ivy",
         "jade", "rose", "may", "june", "april", "august", "max", "sam", "alex", "chris",
         "lucia", "maya", "nancy", "victoria", "vera", "vero", "quint", "odin", "sage",
         "clarion", "harbour", "logan", "mason", "morgan", "taylor", "jackson", "jordan",
         "carter", "parker", "hunter", "austin", "dallas", "denver", "phoenix", "aurora",
         "boston", "paris", "london", "berlin", "sydney", "tokyo", "cairo", "genie", "lasso",
         "wren", "zeek", "bro", "nim", "elm", "io", "ox", "oz", "pony",
         "janet", "mercury", "opal", "faust", "curry", "haxe", "fancy", "dylan",
         "lucy", "ember", "meteor", "polymer", "aspen", "avalon", "sierra", "atlas",
         "apollo", "orion", "titan", "nova", "luna", "stella", "helix", "nexus", "zeus",
         "hermes", "athena", "minerva", "neptune", "jupiter", "saturn", "mars", "venus",
         "pluto", "gemini", "camel", "marshall", "houston", "lincoln",
         "elvis", "homer", "ivan", "igor", "oscar", "otto", "hugo", "felix", "leo",
         "bruno", "ariel", "diana", "emma", "olivia", "sophia", "mia", "ava", "isabella",
         "charlotte", "harper", "evelyn", "abigail", "emily", "elizabeth", "sofia",
         "avery", "scarlett", "madison", "penelope", "layla", "chloe", "victoria", "riley",
         "zoey", "nora", "lily", "eleanor", "hannah", "lillian", "addison", "aubrey",
         "ellie", "stella", "natalie", "zoe", "leah", "hazel", "violet", "claire", "skylar",
         "lucy", "paisley", "everly", "anna", "caroline", "nova", "genesis", "emilia",
         "kennedy", "samantha", "maya", "willow", "kinsley", "naomi", "aaliyah", "elena",
         "sarah", "ariana", "allison", "gabriella", "alice", "madelyn", "cora", "ruby",
         "eva", "serenity", "autumn", "adeline", "hailey", "gianna", "valentina", "isla",
         "eliana", "quinn", "nevaeh", "ivy", "sadie", "piper", "lydia", "alexa", "josephine",
         "emery", "julia", "delilah", "arianna", "vivian", "kaylee", "sophie", "brielle",
         "madeline", "liam", "noah", "william", "james", "oliver", "benjamin", "elijah",
         "lucas", "mason", "ethan", "daniel", "henry", "sebastian", "jack", "aiden", "owen",
         "samuel", "matthew", "joseph", "david", "carter", "wyatt", "john", "luke", "gabriel",
         "anthony", "isaac", "dylan", "grayson", "julian", "levi", "christopher", "joshua",
         "andrew", "lincoln", "mateo", "ryan", "jaxon", "nathan", "aaron", "isaiah", "thomas",
         "charles", "caleb", "josiah", "christian", "hunter", "eli", "jonathan", "connor",
         "landon", "adrian", "asher", "cameron", "colton", "easton", "jeremiah", "robert",
         "nicholas", "xavier", "jace", "dominic", "austin", "ian", "adam", "jose", "ezra",
         "smith", "johnson", "williams", "brown", "jones", "garcia", "miller", "davis",
         "rodriguez", "martinez", "hernandez", "lopez", "gonzalez", "wilson", "anderson",
         "thomas", "moore", "martin", "lee", "thompson", "white", "harris", "clark",
         "lewis", "robinson", "walker", "young", "allen", "king", "wright", "scott", "torres",
         "nguyen", "hill", "flores", "green", "adams", "nelson", "baker", "hall", "rivera",
         "campbell", "mitchell", "roberts", "turner", "phillips", "evans", "edwards",
         "collins", "stewart", "morris", "murphy", "cook", "rogers", "peterson", "cooper",
         "reed", "bailey", "bell", "kelly", "howard", "ward", "cox", "richardson", "wood",
         "watson", "brooks", "bennett", "gray", "james", "reyes", "cruz", "hughes", "price",
         "myers", "long", "foster", "sanders", "ross", "morales", "powell", "sullivan",
         "russell", "ortiz", "jenkins", "gutierrez", "perry", "butler", "barnes", "fisher",
         "henderson", "coleman", "simmons", "patterson", "jordan", "reynolds", "hamilton",
         "graham", "kim", "gonzales", "alexander", "ramos", "wallace", "griffin", "west",
         "cole", "hayes", "chavez", "gibson", "bryant", "ellis", "stevens", "murray", "ford",
         "marshall", "owens", "mcdonald", "harrison", "ruiz", "kennedy", "wells", "alvarez",
         "woods", "mendoza", "castillo", "olson", "webb", "washington", "tucker", "freeman",
         "burns", "henry", "vasquez", "snyder", "simpson", "crawford", "jimenez", "porter",
         "mason", "shaw", "gordon", "wagner", "hunter", "romero", "hicks", "dixon", "hunt",
         "palmer", "robertson", "black", "holmes", "stone", "meyer", "boyd", "mills",
         "warren", "fox", "rose", "rice", "moreno", "schmidt", "patel", "ferguson", "nichols",
         "herrera", "medina", "ryan", "fernandez", "weaver", "daniels", "stephens", "gardner",
         "payne", "kelley", "dunn", "pierce", "arnold", "tran", "spencer", "peters", "hawkins",
         "grant", "hansen", "castro", "hoffman", "hart", "elliott", "cunningham", "knight",
         "bradley", "carroll", "hudson", "duncan", "armstrong", "berry", "andrews", "johnston",
         "ray", "lane", "riley", "carpenter", "perkins", "aguilar", "silva", "richards",
         "willis", "matthews", "chapman", "lawrence", "garza", "vargas", "watkins", "wheeler",
         "larson", "carlson", "harper", "george", "greene", "burke", "guzman", "morrison",
         "munoz", "jacobs", "obrien", "lawson", "franklin", "lynch", "bishop", "carr",
         "salazar", "austin", "mendez", "gilbert", "jensen", "williamson", "montgomery",
         "harvey", "oliver", "howell", "dean", "hanson", "weber", "garrett", "sims", "burton",
         "fuller", "soto", "mccoy", "welch", "chen", "schultz", "walters", "reid", "fields",
         "walsh", "little", "fowler", "bowman", "davidson", "may", "day", "schneider",
         "newman", "brewer", "lucas", "holland", "wong", "banks", "santos", "curtis",
         "pearson", "delgado", "valdez", "pena", "rios", "douglas", "sandoval", "barrett",
         "hopkins", "keller", "guerrero", "stanley", "bates", "alvarado", "beck", "ortega",
         "wade", "estrada", "contreras", "barnett", "caldwell", "santiago", "lambert",
         "powers", "chambers", "nunez", "craig", "leonard", "lowe", "rhodes", "byrd",
         "gregory", "shelton", "frazier", "becker", "maldonado", "fleming", "vega", "sutton",
         "cohen", "jennings", "parks", "mcdaniel", "watts", "barker", "norris", "vaughn",
         "vazquez", "holt", "schwartz", "steele", "benson", "neal", "dominguez", "horton",
         "terry", "wolfe", "hale", "lyons", "graves", "haynes", "miles", "park", "warner",
         "padilla", "bush", "thornton", "mccarthy", "mann", "zimmerman", "erickson",
         "fletcher", "mckinney", "page", "dawson", "joseph", "marquez", "reeves", "klein",
         "espinoza", "baldwin", "moran", "love", "robbins", "higgins", "ball", "cortez",
         "le", "griffith", "bowen", "sharp", "cummings", "ramsey", "hardy", "swanson",
         "barber", "acosta", "luna", "chandler", "blair", "daniel", "cross", "simon",
         "dennis", "oconnor", "quinn", "gross", "navarro", "moss", "fitzgerald", "doyle",
         "mclaughlin", "rojas", "rodgers", "stevenson", "singh", "yang", "figueroa", "harmon",
         "newton", "paul", "manning", "garner", "mcgee", "reese", "francis", "burgess",
         "adkins", "goodman", "curry", "brady", "christensen", "potter", "walton", "goodwin",
         "mullins", "molina", "webster", "fischer", "campos", "avila", "sherman", "todd",
         "chang", "blake", "malone", "wolf", "hodges", "juarez", "gill", "farmer", "hines",
         "gallagher", "duran", "hubbard", "cannon", "miranda", "wang", "saunders", "tate",
         "mack", "hammond", "carrillo", "townsend", "wise", "ingram", "barton", "mejia",
         "ayala", "schroeder", "hampton", "rowe", "parsons", "frank", "waters", "strickland",
         "osborne", "maxwell", "chan", "deleon", "norman", "harrington", "casey", "patton",
         "logan", "bowers", "mueller", "glover", "floyd", "hartman", "buchanan", "cobb",
         "french", "kramer", "mccormick", "clarke", "tyler", "gibbs", "moody", "conner",
         "sparks", "mcguire", "leon", "bauer", "norton", "pope", "flynn", "hogan", "robles",
         "salinas", "yates", "lindsey", "lloyd", "marsh", "mcbride", "owen", "solis", "pham",
         "lang", "pratt", "lara", "brock", "ballard", "trujillo", "shaffer", "drake", "roman",
         "aguirre", "morton", "stokes", "lamb", "pacheco", "patrick", "cochran", "shepherd",
         "cain", "burnett", "hess", "li", "cervantes", "olsen", "briggs", "ochoa", "cabrera",
         "velasquez", "montoya", "roth", "meyers", "cardenas", "fuentes", "weiss", "hoover",
         "wilkins", "nicholson", "underwood", "short", "carson", "morrow", "colon",
         "holloway", "summers", "bryan", "petersen", "mckenzie", "serrano", "wilcox", "carey",
         "clayton", "poole", "calderon", "gallegos", "greer", "rivas", "guerra", "decker",
         "collier", "wall", "whitaker", "bass", "flowers", "davenport", "conley", "houston",
         "huff", "copeland", "hood", "monroe", "massey", "roberson", "combs", "franco",
         "larsen", "pittman", "randall", "skinner", "wilkinson", "kirby", "cameron", "bridges",
         "anthony", "richard", "kirk", "bruce", "singleton", "mathis", "bradford", "boone",
         "abbott", "charles", "allison", "sweeney", "atkinson", "horn", "jefferson", "rosales",
         "york", "christian", "phelps", "farrell", "castaneda", "nash", "dickerson", "bond",
         "wyatt", "foley", "chase", "gates", "vincent", "mathews", "hodge", "garrison",
         "trevino", "villarreal", "heath", "dalton", "valencia", "callahan", "hensley",
         "atkins", "huffman", "roy", "boyer", "shields", "lin", "hancock", "grimes", "glenn",
         "cline", "delacruz", "camacho", "dillon", "parrish", "oneill", "melton", "booth",
         "kane", "berg", "harrell", "pitts", "savage", "wiggins", "brennan", "salas", "marks",
         "russo", "sawyer", "baxter", "golden", "hutchinson", "liu", "walter", "mcdowell",
         "wiley", "rich", "humphrey", "johns", "koch", "suarez", "hobbs", "beard", "gilmore",
         "ibarra", "keith", "macias", "khan", "andrade", "ware", "stephenson", "henson",
         "wilkerson", "dyer", "mcclure", "blackwell", "mercado", "tanner", "eaton", "clay",
         "barron", "beasley", "oneal", "preston", "small", "wu", "zamora", "macdonald",
         "vance", "snow", "mcclain", "stafford", "orozco", "barry", "english", "shannon",
         "kline", "jacobson", "woodard", "huang", "kemp", "mosley", "prince", "merritt",
         "hurst", "villanueva", "roach", "nolan", "lam", "yoder", "mccullough", "lester",
         "santana", "valenzuela", "winters", "barrera", "leach", "orr", "berger", "mckee",
         "strong", "conway", "stein", "whitehead", "bullock", "escobar", "knox", "meadows",
         "solomon", "velez", "odonnell", "kerr", "stout", "blankenship", "browning",
         "kent", "lozano", "bartlett", "pruitt", "buck", "barr", "gaines", "durham", "gentry",
         "mcintyre", "sloan", "melendez", "rocha", "herman", "sexton", "moon", "hendricks",
         "rangel", "stark", "lowery", "hardin", "hull", "sellers", "ellison", "calhoun",
         "gillespie", "mora", "knapp", "mccall", "morse", "dorsey", "weeks", "nielsen",
         "livingston", "leblanc", "mclean", "bradshaw", "glass", "middleton", "buckley",
         "schaefer", "frost", "howe", "house", "mcintosh", "ho", "pennington", "reilly",
         "hebert", "mcfarland", "hickman", "noble", "spears", "conrad", "arias", "galvan",
         "velazquez", "huynh", "frederick", "randolph", "cantu", "fitzpatrick", "mahoney",
         "peck", "villa", "michael", "donovan", "mcconnell", "walls", "boyle", "mayer",
         "zuniga", "giles", "pineda", "pace", "hurley", "mays", "mcmillan", "crosby", "ayers",
         "case", "bentley", "shepard", "everett", "pugh", "david", "mcmahon", "dunlap",
         "bender", "hahn", "harding", "acevedo", "raymond", "blackburn", "duffy", "landry",
         "dougherty", "bautista", "shah", "potts", "arroyo", "valentine", "meza", "gould",
         "vaughan", "fry", "rush", "avery", "herring", "dodson", "clements", "sampson",
         "tapia", "bean", "lynn", "crane", "farley", "cisneros", "benton", "ashley", "mckay",
         "finley", "best", "blevins", "friedman", "moses", "sosa", "blanchard", "huber",
         "frye", "krueger", "bernard", "rosario", "rubio", "mullen", "benjamin", "haley",
         "chung", "moyer", "choi", "horne", "yu", "woodward", "ali", "nixon", "hayden",
         "rivers", "estes", "mccarty", "richmond", "stuart", "maynard", "brandt", "oconnell",
         "hanna", "sanford", "sheppard", "church", "burch", "levy", "rasmussen", "coffey",
         "ponce", "faulkner", "donaldson", "schmitt", "novak", "costa", "montes", "booker",
         "cordova", "waller", "arellano", "maddox", "mata", "bonilla", "stanton", "compton",
         "kaufman", "dudley", "mcpherson", "beltran", "dickson", "mccann", "villegas",
         "proctor", "hester", "cantrell", "daugherty", "cherry", "bray", "davila", "rowland",
         "levine", "madden", "spence", "good", "irwin", "werner", "krause", "petty", "whitney",
         "baird", "hooper", "pollard", "zavala", "jarvis", "holden", "haas", "hendrix",
         "mcgrath", "bird", "lucero", "terrell", "riggs", "joyce", "mercer", "rollins",
         "galloway", "duke", "odom", "andersen", "downs", "hatfield", "benitez", "archer",
         "huerta", "travis", "mcneil", "hinton", "zhang", "hays", "mayo", "fritz", "branch",
         "mooney", "ewing", "ritter", "esparza", "frey", "braun", "gay", "riddle", "haney",
         "kaiser", "holder", "chaney", "mcknight", "gamble", "vang", "cooley", "carney",
         "cowan", "forbes", "ferrell", "davies", "barajas", "shea", "osborn", "bright",
         "cuevas", "bolton", "murillo", "lutz", "duarte", "kidd", "key", "cooke"}

# Ordinary-word names of tools well known enough to keep (as ambiguous) even when
# nothing unambiguous remains for them.
KNOWN_WORD_TOOLS = {
    "spring", "express", "flask", "swift", "rust", "dart", "go", "excel", "access", "ant",
    "salt", "chef", "puppet", "teams", "angular", "react", "ruby", "julia", "crystal",
    "apache", "oracle", "jasmine", "mocha", "chai", "jest", "cypress", "pandas", "selenium",
    "flutter", "ionic", "ember", "backbone", "meteor", "polymer", "knockout", "unity",
    "blender", "maven", "hive", "pig", "spark", "storm", "airflow", "luigi", "torch",
    "shiny", "vagrant", "consul", "vault", "nomad", "packer", "prometheus", "jenkins",
    "hudson", "bamboo", "ansible", "cassandra", "drupal", "joomla", "magento", "sinatra",
    "rails", "django", "pyramid", "bottle", "tornado", "twisted", "celery", "gulp", "grunt",
    "bower", "yarn", "babel", "redux", "mongoose", "sequelize", "passport", "socket", "lodash",
    "underscore", "moment", "d3", "highcharts", "leaflet", "openlayers", "electron", "nest",
    "next", "nuxt", "gatsby", "hugo", "jekyll", "sass", "less", "stylus", "bootstrap",
    "foundation", "material", "tailwind", "svelte", "elm", "clojure", "scheme", "racket",
    "haskell", "erlang", "elixir", "groovy", "kotlin", "scala", "perl", "lua", "matlab",
    "octave", "mathematica", "sas", "stata", "spss", "tableau", "looker", "excel", "word",
    "outlook", "visio", "project", "access", "sharepoint", "salesforce", "jira", "confluence",
    "trello", "slack", "zoom", "git", "mercurial", "subversion", "perforce", "docker",
    "kubernetes", "helm", "istio", "envoy", "traefik", "nginx", "tomcat", "jetty", "jboss",
    "wildfly", "weblogic", "websphere", "glassfish", "undertow", "netty", "vert.x", "akka",
    "play", "lift", "grails", "struts", "wicket", "vaadin", "gwt", "jsf", "primefaces",
    "hibernate", "mybatis", "jooq", "liquibase", "flyway", "kafka", "rabbitmq", "activemq",
    "zeromq", "nats", "pulsar", "flink", "beam", "storm", "samza", "nifi", "solr",
    "lucene", "elasticsearch", "kibana", "logstash", "beats", "grafana", "graphite",
    "nagios", "zabbix", "splunk", "datadog", "sentry", "jaeger", "zipkin", "opentelemetry",
    "cucumber", "gherkin", "robot", "protractor", "karma", "enzyme", "puppeteer",
    "playwright", "postman", "insomnia", "swagger", "graphql", "apollo", "relay", "prisma",
    "realm", "firebase", "parse", "couchdb", "pouchdb", "couchbase", "neo4j", "arangodb",
    "orientdb", "dynamodb", "cosmos", "bigtable", "bigquery", "snowflake", "redshift",
    "athena", "glue", "lambda", "sagemaker", "xamarin", "cordova", "phonegap", "capacitor",
    "processing", "arduino", "raspberry", "vim", "emacs", "eclipse", "netbeans", "atom",
    "sublime", "brackets", "wordpress", "shopify", "woocommerce", "prestashop", "odoo",
    "unreal", "godot", "cocos2d", "phaser", "three.js", "babylon", "pygame", "tkinter",
    "qt", "gtk", "wxwidgets", "swing", "javafx", "awt", "winforms", "wpf", "uwp",
    "silverlight", "flash", "flex", "air", "coldfusion", "delphi", "lazarus", "fortran",
    "cobol", "pascal", "ada", "prolog", "lisp", "smalltalk", "forth", "assembly", "verilog",
    "vhdl", "labview", "simulink", "ansys", "abaqus", "comsol", "solidworks", "catia",
    "revit", "sketchup", "rhino", "maya", "houdini", "nuke", "cinema", "premiere",
    "illustrator", "indesign", "dreamweaver", "fireworks", "lightroom", "figma", "sketch",
    "invision", "zeplin", "heroku", "netlify", "vercel", "openshift", "cloudfoundry",
    "openstack", "terraform", "pulumi", "cloudformation", "chef", "saltstack",
    "regex", "bash", "shell", "powershell", "zsh", "fish", "awk", "sed", "grep", "curl",
    "wget", "make", "cmake", "gradle", "sbt", "leiningen", "cargo", "pip", "conda",
    "anaconda", "jupyter", "ipython", "spyder", "rstudio", "knitr", "ggplot2", "dplyr",
    "tidyverse", "plotly", "bokeh", "seaborn", "matplotlib", "scikit-learn", "xgboost",
    "lightgbm", "catboost", "keras", "theano", "caffe", "mxnet", "onnx", "spacy", "nltk",
    "gensim", "opencv", "dlib", "tesseract", "numpy", "scipy", "sympy", "numba", "cython",
    "dask", "ray", "polars", "arrow", "parquet", "avro", "orc", "protobuf", "thrift",
    "grpc", "rest", "soap", "odata", "jwt", "oauth", "saml", "ldap", "kerberos", "openid",
}

# Multi-word forms made of ordinary words that are nonetheless established terms.
MULTI_OK = {"visual basic", "shell script", "common lisp", "standard ml", "power query",
            "answer set programming", "linear programming", "game maker language",
            "spring boot", "spring security", "spring data", "spring cloud", "spring batch",
            "spring mvc", "ruby on rails", "react native", "visual studio", "visual studio code",
            "google maps", "google sheets", "google docs", "google drive", "google cloud",
            "google cloud platform", "google analytics", "google ads", "google apps script",
            "apple script", "active directory", "web services", "unit testing", "machine learning",
            "deep learning", "design patterns", "data structures", "web scraping",
            "image processing", "natural language processing", "computer vision",
            "continuous integration", "continuous deployment", "continuous delivery",
            "dependency injection", "functional programming", "object oriented programming",
            "data modeling", "data warehouse", "distributed computing", "big data",
            "data science", "data analysis", "data mining", "data visualization",
            "reverse engineering", "software design", "system design", "test automation",
            "load testing", "performance testing", "integration testing", "penetration testing",
            "signal processing", "speech recognition", "neural network", "reinforcement learning",
            "parallel processing", "cloud computing", "shell scripting", "microsoft word", "microsoft excel",
            "internet explorer", "windows server", "sql server", "office 365",
            "pure data", "regular expression", "protocol buffer", "public key"}
TECH_HEADS = {"script", "language", "programming", "framework", "api", "sdk", "ide",
              "database", "server", "compiler", "interpreter"}
VENDOR_TOKENS = {"google", "amazon", "microsoft", "apple", "oracle", "adobe", "ibm", "apache",
                 "azure", "aws", "android", "ios", "facebook", "twitter", "ms", "sap", "salesforce",
                 "autodesk", "cisco", "vmware", "jetbrains", "atlassian", "windows", "intel",
                 "nvidia", "firebase", "jquery", "django", "python", "java", "ruby", "linux"}

_DICT: set[str] | None = None


def english_dict() -> set[str]:
    global _DICT
    if _DICT is None:
        _DICT = get_english_words_set(["web2", "gcide"], lower=True, alpha=True)
    return _DICT


def in_dict(tok: str) -> bool:
    d = english_dict()
    if tok in d:
        return True
    for suf in ("s", "es", "ed", "ing"):
        if tok.endswith(suf) and len(tok) > len(suf) + 2 and tok[: -len(suf)] in d:
            return True
    if tok.endswith("ies") and tok[:-3] + "y" in d:
        return True
    return False


def ordinary_token(tok: str) -> bool:
    """True if a lowercase token is an ordinary English word or a common name."""
    if tok in STOPWORDS or tok in NAMES or tok in MODERN_WORDS:
        return True
    if tok in TECH_OK:
        return False
    if not tok.isalpha():
        return False
    z = zipf_frequency(tok, "en")
    if z >= ZIPF_WORD and in_dict(tok):
        return True
    return z >= ZIPF_MODERN


def tokens_of(form: str) -> list[str]:
    return [t for t in re.split(r"[\s\-_/]+", form.lower()) if t]


def is_ambiguous(form: str, known: bool = False) -> bool:
    compact = re.sub(r"\s+", "", form)
    if len(compact) <= 2:
        return True
    toks = tokens_of(form)
    if not toks:
        return True
    if len(toks) == 1:
        return ordinary_token(toks[0])
    low = " ".join(toks)
    if low in MULTI_OK or known:
        return False
    if toks[-1] in TECH_HEADS:
        return False
    if any(t in VENDOR_TOKENS for t in toks):
        return False
    return all(ordinary_token(t) for t in toks)


SEG_PREFIXES = {"ui", "ns", "on", "http", "java", "android", "std", "web", "db", "js", "sql",
                "xml", "json", "url", "api", "app", "css", "html", "dom", "io", "os", "win",
                "gui", "cg", "av", "mk", "gl", "re", "un", "pre", "sub", "multi", "auto"}


def segmentable(tok: str) -> bool:
    """True if tok is a run of ordinary words (listbox, threadpool, uitabbarcontroller)."""
    n = len(tok)
    ok = [False] * (n + 1)
    ok[0] = True
    for i in range(n):
        if not ok[i]:
            continue
        for j in range(i + 2, n + 1):
            w = tok[i:j]
            if w in SEG_PREFIXES or (w in english_dict() and zipf_frequency(w, "en") >= 3.0):
                ok[j] = True
    return ok[n]


def word_like(tok: str) -> bool:
    """Dictionary word at any frequency, a run of words, or a concept-noun suffix."""
    if not tok.isalpha():
        return False
    if tok in TECH_OK:
        return False
    if ordinary_token(tok) or (in_dict(tok) and zipf_frequency(tok, "en") >= 1.5):
        return True
    if re.search(r"(ing|tion|sion|ment|ity|ness|ance|ence|ism|ization|isation|able|ible|ator|ors)$", tok):
        return True
    return api_identifier(tok)


API_SUFFIX = re.compile(
    r"(view|views|exception|error|listener|controller|manager|request|response|reader|writer|"
    r"stream|builder|picker|box|bar|button|field|label|cell|item|adapter|receiver|task|event|"
    r"handler|panel|grid|table|list|map|set|array|string|date|time|timer|dialog|menu|tip|area|"
    r"path|name|names|file|files|line|space|card|tab|layout|pool|client|server|page|load|"
    r"change|click|out|in|call|host|set|get|data|info|formatter|constraint|connection|image|"
    r"player|notification|source|model|template|context|collection|loop|each|query|text)$")


def api_identifier(tok: str) -> bool:
    """listbox, threadpool, uitableview, onclick: programming identifiers, not skills."""
    if re.match(r"^(ui|ns|mk|av|ca|sk|cl|on|get|set|std|is)[a-z]{3,}$", tok) and segmentable(tok[2:] if tok[:2] in {"ui", "ns", "mk", "av", "ca", "sk", "cl", "on", "is"} else tok[3:]):
        return True
    return bool(API_SUFFIX.search(tok)) and segmentable(tok)


_TOKENIZER = None


def key(form: str) -> str:
    """How the recognizer sees a form: its lower-cased tokens (so "VB6" == "vb 6"), - and _ as spaces."""
    global _TOKENIZER
    if _TOKENIZER is None:
        from jdmatch.tokens import make_tokenizer

        _TOKENIZER = make_tokenizer()
    from jdmatch.tokens import fold_plural

    text = re.sub(r"\s+", " ", re.sub(r"[-_]", " ", form)).strip()
    return " ".join(fold_plural(t.text) for t in _TOKENIZER(text) if not t.is_space)


def slug(name: str) -> str:
    s = name.lower().strip()
    s = re.sub(r"\s+", "-", s)
    s = re.sub(r"[^a-z0-9.+#_-]", "", s)
    s = re.sub(r"-{2,}", "-", s).strip("-.")
    return s or "x"


# --------------------------------------------------------------------------- registry
class Registry:
    """Forms and ids claimed so far, in load order."""

    def __init__(self) -> None:
        self.forms: dict[str, str] = {}
        self.ids: set[str] = set()
        self.skips: collections.Counter = collections.Counter()

    def claimed(self, form: str) -> str | None:
        return self.forms.get(key(form))

    def load_file(self, path: Path) -> int:
        n = 0
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line:
                continue
            e = json.loads(line)
            self.ids.add(e["id"])
            where = f"{path.name}:{e['id']}"
            for f in [e["name"], *e.get("aliases", []), *e.get("ambiguous", [])]:
                self.forms.setdefault(key(f), where)
            n += 1
        return n

    def new_id(self, name: str, source: str) -> str:
        base = slug(name)
        cand = base
        if cand in self.ids:
            cand = f"{base}-{source}"
        i = 2
        while cand in self.ids:
            cand = f"{base}-{source}-{i}"
            i += 1
        return cand

    def add(self, file: str, name: str, label: str, category: str, aliases: list[str],
            ambiguous: list[str], source: str, known: bool = False, keep_ambiguous_only: bool = False,
            cues: list[str] | None = None, implies: list[str] | None = None) -> dict | None:
        """Build an entry, dropping claimed forms; returns None if nothing new remains."""
        name = re.sub(r"\s+", " ", name).strip()
        if self.claimed(name):
            self.skips[f"{file}: name already claimed"] += 1
            return None
        name_amb = is_ambiguous(name, known=False)
        out_alias: list[str] = []
        out_amb: list[str] = []
        seen_exact = {name.lower()}
        seen_keys = {key(name)}
        for form, ambig_hint in [(a, False) for a in aliases] + [(a, True) for a in ambiguous]:
            form = re.sub(r"\s+", " ", form).strip()
            if not form or form.lower() in seen_exact:
                continue
            k = key(form)
            owner = self.forms.get(k)
            if owner is not None:
                self.skips[f"{file}: alias already claimed"] += 1
                continue
            if ambig_hint or is_ambiguous(form, known=known and len(tokens_of(form)) > 1):
                if k in seen_keys:
                    continue
                out_amb.append(form)
            else:
                out_alias.append(form)
            seen_exact.add(form.lower())
            seen_keys.add(k)
        if name_amb:
            # the name is an ordinary word: it is matched only as an ambiguous form
            out_amb.insert(0, name)
            if not out_alias and not keep_ambiguous_only:
                self.skips[f"{file}: only ambiguous forms, obscure"] += 1
                return None
        # keep an ambiguous form only if it does not merely restate an alias/name
        entry_id = self.new_id(name, source)
        entry = {"id": entry_id, "name": name, "label": label, "category": category,
                 "aliases": out_alias, "ambiguous": out_amb, "cues": cues or [],
                 "implies": implies or [], "source": source}
        self.ids.add(entry_id)
        for f in [name, *out_alias, *out_amb]:
            self.forms.setdefault(key(f), f"{file}:{entry_id}")
        return entry


# Dropped after a reviewer read them in context (false hits on sample documents):
# "Self-scheduling" (linguist's Self), "Project lead" (a Stack Overflow tag).
REVIEW_DROP = {"self", "project"}


def write_jsonl(path: Path, entries: list[dict]) -> None:
    entries = [e for e in entries if e["id"] not in REVIEW_DROP]
    entries = sorted(entries, key=lambda e: e["id"])
    with path.open("w", encoding="utf-8") as fh:
        for e in entries:
            fh.write(json.dumps({k: e[k] for k in FIELDS}, ensure_ascii=False) + "\n")


# --------------------------------------------------------------------------- Stack Overflow counts (used as popularity)
def load_so(sources: Path) -> tuple[dict[str, int], dict[str, list[str]], dict[str, str]]:
    counts: dict[str, int] = {}
    with (sources / "so_tags_compact.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            counts[r["tag"]] = int(r["count"])
    syn: dict[str, list[str]] = collections.defaultdict(list)
    syn_target: dict[str, str] = {}
    with (sources / "so_tag_synonyms_compact.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            syn[r["target_tag"]].append(r["source_tag"])
            syn_target[r["source_tag"]] = r["target_tag"]
    return counts, syn, syn_target


def so_popularity(forms: list[str], counts: dict[str, int], syn_target: dict[str, str]) -> int:
    best = 0
    for f in forms:
        base = re.sub(r"\s+", "-", f.lower().strip())
        for t in (base, base + "-lang", base + "lang", base + "-language"):
            t2 = syn_target.get(t, t)
            best = max(best, counts.get(t2, 0))
    return best


# --------------------------------------------------------------------------- linguist
LING_DATA_KEEP = {
    "JSON": "data_format", "JSON5": "data_format", "JSONLD": "data_format", "YAML": "data_format",
    "TOML": "data_format", "CSV": "data_format", "TSV": "data_format", "XML": "data_format",
    "INI": "data_format", "HOCON": "data_format", "Avro IDL": "data_format",
    "FlatBuffers": "data_format", "Protocol Buffer": "data_format", "SVG": "data_format",
    "ASN.1": "data_format", "Web Ontology Language": "data_format", "EBNF": "data_format",
    "SQL": "language", "SPARQL": "language", "GraphQL": "language", "Kusto": "language",
    "PlantUML": "language", "YANG": "language", "Graphviz (DOT)": "language",
    "Regular Expression": "language",
}
LING_PROSE_KEEP = {"Markdown", "reStructuredText", "AsciiDoc", "RMarkdown", "Texinfo", "Textile"}
LING_DROP = {
    "Python console", "Julia REPL", "ShellSession", "Elvish Transcript", "Linker Script",
    "GCC Machine Description", "Gentoo Ebuild", "Gentoo Eclass", "OpenRC runscript",
    "Alpine Abuild", "Roff Manpage", "Vim Help File", "Vim Snippet", "YASnippet",
    "Filebench WML", "Jison Lex", "Pod 6", "NumPy", "Apollo Guidance Computer",
    "KoLmafia ASH", "Witcher Script", "Procfile", "TI Program", "Glyph", "Formatted",
    "Literate Agda", "Literate CoffeeScript", "Literate Haskell", "Fortran Free Form",
    "Parrot Assembly", "Parrot Internal Representation", "Cpp-ObjDump", "C-ObjDump",
    "D-ObjDump", "ObjDump", "NetLinx+ERB", "JavaScript+ERB", "Isabelle ROOT", "Csound Document",
    "Csound Score", "ColdFusion CFC", "Unix Assembly", "Motorola 68K Assembly", "Tcsh",
    "Glimmer JS", "Glimmer TS", "Terraform Template", "Bluespec BH", "Cairo Zero",
    "Lean 4", "Snakemake", "mcfunction", "Dogescript", "Omgrofl", "Brainfuck", "LOLCODE",
    "HolyC", "Redcode", "Befunge", "Tape", "Just", "Slash", "Click", "Fluent", "Text",
    "Genero per", "MUF", "Module Management System", "Mathematical Programming System",
    "Pic", "Gettext Catalog", "Muse", "Pod", "RDoc", "Creole", "Gemini", "Sweave",
    "Wikitext", "Org", "Rich Text Format", "RUNOFF", "B (Formal Method)",
    "Tree-sitter Query", "Untyped Plutus Core", "Roff",
}
# linguist aliases that are file extensions or misleading for people
LING_ALIAS_DROP = {"inc", "cake", "cakescript", "rusthon", "apples", "node", "console",
                   "bash session", "mf", "bsdmake", "help", "snippet", "yas", "man", "manpage",
                   "man page", "man-page", "mdoc", "pandoc", "md", "progress", "ls", "py3",
                   "rb", "rs", "ts", "js", "sh", "py", "cpp", "fb", "ql", "gf", "m2", "i7",
                   "opy", "typ", "tsp", "be", "bh", "bsv", "cds", "sdc", "xdc", "gas", "rpc",
                   "xdr", "coffee", "vim", "emacs", "flex", "bazel", "bzl", "velocity",
                   "django", "html+django", "htmldjango", "html+jinja", "jruby", "macruby",
                   "rake", "rbx", "envrc", "vhs", "terraform", "opentofu", "octave", "delphi",
                   "mathematica", "wolfram", "mma", "wl", "squeak", "cucumber", "carto",
                   "advpl", "clipper", "foxpro", "osascript", "coq", "rocq", "nixos", "nargo",
                   "cfm", "soy", "litcoffee", "lhs", "sml", "ftl", "ahk", "au3", "dcl", "ats2",
                   "kak", "abl", "openedge", "razor", "erb", "eex", "heex", "leex", "ecr",
                   "sepolicy", "pcbnew", "vtl", "bmax", "b3d", "xten", "byond"}
LING_NAME_FIX = {"Graphviz (DOT)": "Graphviz DOT", "Protocol Buffer": "Protocol Buffers",
                 "Shell": "Shell scripting", "Batchfile": "Batch files", "Assembly": "Assembly language",
                 "Vim script": "Vim script", "TeX": "TeX", "Makefile": "Makefile",
                 "Regular Expression": "Regular expressions", "HCL": "HCL",
                 "Rocq Prover": "Coq", "Pascal": "Pascal", "Cuda": "CUDA", "Awk": "AWK",
                 "Lex": "Lex", "sed": "sed", "jq": "jq", "q": "q"}
LING_EXTRA_ALIASES = {"TeX": ["LaTeX"], "Shell": ["shell script", "shell scripting", "Bash",
                      "Zsh", "sh"], "Rocq Prover": ["Rocq"], "Protocol Buffer": ["Protocol Buffer"],
                      "Regular Expression": ["regular expression", "regex", "regexp"],
                      "Graphviz (DOT)": ["Graphviz"], "Cuda": ["Cuda"], "Awk": ["Awk", "gawk"],
                      "Kusto": ["KQL", "Kusto Query Language"],
                      "Web Ontology Language": ["OWL"], "Jupyter Notebook": ["Jupyter"],
                      "PLSQL": ["PL/SQL"], "PLpgSQL": ["PL/pgSQL"], "TSQL": ["T-SQL", "Transact-SQL"],
                      "Visual Basic .NET": ["VB.NET"], "Objective-C": ["Objective C"],
                      "HCL": ["HashiCorp Configuration Language"],
                      "Batchfile": ["batch file", "batch script", "Batchfile"]}
SINGLE_CHAR_KEEP = {"C", "R", "D"}
# well known although the Stack Overflow extract has no tag for them
LING_KNOWN = {"Swift", "Go", "Kotlin", "TypeScript", "Elixir", "Julia", "Crystal", "Zig", "Nim"}


def build_languages(sources: Path, reg: Registry, counts, syn_target) -> list[dict]:
    entries: list[tuple[int, dict]] = []
    rows = [json.loads(l) for l in (sources / "linguist_languages_compact.jsonl").read_text(
        encoding="utf-8").splitlines() if l.strip()]
    cand = []
    for d in rows:
        name, typ = d["name"], d["type"]
        if name in LING_DROP or "+" in name and name not in {"C++", "Objective-C++"}:
            reg.skips["languages: dropped (file type / dialect / esoteric)"] += 1
            continue
        if typ == "data":
            if name not in LING_DATA_KEEP:
                reg.skips["languages: data type not kept"] += 1
                continue
            label = LING_DATA_KEEP[name]
        elif typ == "prose":
            if name not in LING_PROSE_KEEP:
                reg.skips["languages: prose type not kept"] += 1
                continue
            label = "language"
        else:
            label = "language"
        if len(name) == 1 and name not in SINGLE_CHAR_KEEP:
            reg.skips["languages: one-letter name"] += 1
            continue
        aliases = [a for a in d["aliases"] if a.lower() not in LING_ALIAS_DROP]
        pop = so_popularity([name, *d["aliases"]], counts, syn_target)
        known = pop >= LINGUIST_KNOWN_SO or name in LING_KNOWN
        cand.append((pop, name, label, aliases, known))
    # popular first, so that they claim shared forms
    cand.sort(key=lambda c: (-c[0], c[1].lower()))
    for pop, name, label, aliases, known in cand:
        disp = LING_NAME_FIX.get(name, name)
        extra = LING_EXTRA_ALIASES.get(name, [])
        al = list(extra) + ([name] if disp != name else []) + aliases
        al = [fix_case(a) for a in al]
        # ambiguous forms of obscure languages are noise: drop them
        if not known:
            al = [a for a in al if not is_ambiguous(a)]
        category = "Languages" if label == "language" else "Data formats"
        e = reg.add("languages", disp, label, category, al, [], "linguist",
                    keep_ambiguous_only=known)
        if e is not None:
            entries.append((pop, e))
        elif is_ambiguous(disp) and not known:
            pass
    return [e for _, e in entries]


# proper capitalisation for forms that end up ambiguous or need a display name
CASE: dict[str, str] = {}


def learn_case(form: str) -> None:
    for tok in re.split(r"\s+", form):
        if any(c.isupper() for c in tok) and tok.lower() not in CASE:
            CASE[tok.lower()] = tok


def fix_case(form: str) -> str:
    if any(c.isupper() for c in form):
        return form
    toks = form.split(" ")
    if len(toks) == 1 and (form.lower() in CASE):
        return CASE[form.lower()]
    if len(toks) == 1 and is_ambiguous(form):
        return form[:1].upper() + form[1:]
    return form


# --------------------------------------------------------------------------- O*NET
VENDORS = sorted({
    "Microsoft", "IBM", "IBM Rational", "Oracle", "Adobe Systems", "Adobe", "Autodesk", "SAP",
    "Apple", "Apache", "Google", "Amazon", "Amazon Web Services", "The MathWorks", "MathWorks",
    "National Instruments", "Dassault Systemes", "ESRI", "Intuit", "Sage", "Siemens", "Corel",
    "Bentley Systems", "Bentley", "Trimble", "Cisco Systems", "Cisco", "Symantec", "Infor",
    "Hewlett-Packard", "HP", "Red Hat", "VMware", "Atlassian", "Salesforce", "Epic Systems",
    "Cerner", "McKesson", "Allscripts", "Blackbaud", "Elsevier", "Wolfram Research",
    "JetBrains", "Mozilla", "Facebook", "Sun Microsystems", "Teradata", "SAS Institute",
    "Minitab", "Avid Technology", "Avid", "Mentor Graphics", "Synopsys", "Cadence",
    "PTC", "ANSYS", "Schlumberger", "Intergraph", "Epicor", "Thomson Reuters", "Thomson",
    "Micro Focus", "CA Technologies", "BMC Software", "EMC", "Citrix", "Novell", "Hyland",
    "Kronos", "Workday", "ServiceNow", "Tableau Software", "Qlik", "MicroStrategy",
    "Informatica", "TIBCO", "Software AG", "Progress Software", "Embarcadero",
    "Embarcadero Technologies", "Unity Technologies", "Epic Games", "Eclipse Foundation",
    "GitHub", "Smartsheet", "Zoho", "Xerox", "Nuance", "Nuance Communications",
    "Bloomberg", "FactSet", "Moody's", "Fair Isaac", "Experian", "Equifax", "LexisNexis",
    "ADP", "Automatic Data Processing", "Paychex", "Ceridian", "Deltek", "Unit4",
    "Rockwell Automation", "Schneider Electric", "ABB", "GE", "GE Healthcare", "FANUC",
    "Honeywell", "Emerson", "Yokogawa", "OSIsoft", "AVEVA", "Aspen Technology",
    "Golden Software", "RockWare", "Scientific Software Group", "Vero Software",
    "Elite Software", "Chempute Software", "Assisi Software", "Exact Software", "Oracle JD Edwards",
    "Hexagon", "Nemetschek", "Graphisoft", "Chief Architect", "SolidWorks", "Accelrys",
    "Waters", "Thermo Fisher Scientific", "Agilent", "Bruker", "PerkinElmer", "Illumina",
    "NVIDIA", "Intel", "Meta", "Twitter", "LinkedIn", "Dropbox", "Box", "Slack",
    "Slack Technologies", "Zoom", "Cloudera", "Hortonworks", "MongoDB", "Elastic",
    "Splunk", "Docker", "HashiCorp", "Puppet", "Chef", "Progress", "Pivotal", "VMware Pivotal",
    "Ellucian", "Jenzabar", "PowerSchool", "Blackboard", "Instructure", "Moodle",
    "Sparx Systems", "No Magic", "Altova", "Quest Software", "Idera", "Redgate",
    "SolarWinds", "Ipswitch", "Nagios", "Zabbix", "Wireshark", "NetScout", "Riverbed",
    "Juniper Networks", "F5 Networks", "Palo Alto Networks", "Check Point", "Fortinet",
    "McAfee", "Trend Micro", "Kaspersky", "Sophos", "Avast", "Bitdefender", "ESET",
    "Trimble Navigation", "Hexagon Geospatial", "Pitney Bowes", "Caliper", "Clark Labs",
    "Tyler Technologies", "SunGard", "Scientific Software International", "Henry Schein",
    "Jeppesen", "Jeppesen Marine", "Experian", "Allscripts", "Trimble", "Kronos", "Fiserv", "Jack Henry", "FIS", "Intuit QuickBooks",
}, key=lambda v: (-len(v.split()), -len(v)))
VENDOR_NOT_STRIPPED = {"Minitab", "Docker", "Puppet", "Chef", "MongoDB", "Splunk", "Zabbix",
                       "Nagios", "Wireshark", "Moodle", "Slack", "Zoom", "Dropbox", "Box",
                       "Salesforce", "GitHub", "Smartsheet", "Workday", "ServiceNow"}
ONET_LABEL = {
    "Data base management system software": "database",
    "Object oriented data base management software": "database",
    "Development environment software": "tool",
    "Object or component oriented development software": "library",
    "Operating system software": "os",
    "Network operating system enhancement software": "os",
    "Network operation system software": "os",
    "Web platform development software": "framework",
    "Graphical user interface development software": "framework",
    "Compiler and decompiler software": "tool",
}
ONET_CATEGORY = {
    "Analytical or scientific software": "Scientific & analytics",
    "Data base user interface and query software": "Databases",
    "Data base management system software": "Databases",
    "Object oriented data base management software": "Databases",
    "Data base reporting software": "Business intelligence",
    "Business intelligence and data analysis software": "Business intelligence",
    "Data mining software": "Data & ML",
    "Medical software": "Healthcare software",
    "Word processing software": "Office software",
    "Spreadsheet software": "Office software",
    "Office suite software": "Office software",
    "Presentation software": "Office software",
    "Electronic mail software": "Communication",
    "Instant messaging software": "Communication",
    "Video conferencing software": "Communication",
    "Network conferencing software": "Communication",
    "Desktop communications software": "Communication",
    "Enterprise resource planning ERP software": "ERP",
    "Computer aided design CAD software": "CAD & engineering",
    "Computer aided manufacturing CAM software": "CAD & engineering",
    "Computer aided design CAD and computer aided manufacturing CAM system": "CAD & engineering",
    "Industrial control software": "Industrial control",
    "Development environment software": "Development tools",
    "Program testing software": "Testing",
    "Compiler and decompiler software": "Development tools",
    "Configuration management software": "DevOps",
    "File versioning software": "DevOps",
    "Object or component oriented development software": "Languages & libraries",
    "Web platform development software": "Web development",
    "Web page creation and editing software": "Web development",
    "Graphical user interface development software": "Frontend",
    "Operating system software": "Operating systems",
    "Network operating system enhancement software": "Operating systems",
    "Network operation system software": "Operating systems",
    "Graphics or photo imaging software": "Graphics & design",
    "Video creation and editing software": "Media production",
    "Music or sound editing software": "Media production",
    "Desktop publishing software": "Graphics & design",
    "Project management software": "Project management",
    "Financial analysis software": "Finance software",
    "Accounting software": "Finance software",
    "Tax preparation software": "Finance software",
    "Time accounting software": "HR & payroll",
    "Human resources software": "HR & payroll",
    "Customer relationship management CRM software": "CRM & sales",
    "Sales and marketing software": "CRM & sales",
    "Point of sale POS software": "CRM & sales",
    "Map creation software": "GIS & mapping",
    "Route navigation software": "GIS & mapping",
    "Mobile location based services software": "GIS & mapping",
    "Document management software": "Document management",
    "Content workflow software": "Document management",
    "Enterprise application integration software": "Integration",
    "Application server software": "Servers",
    "Transaction server software": "Servers",
    "Portal server software": "Servers",
    "Communications server software": "Servers",
    "Network monitoring software": "Networking",
    "Network security and virtual private network VPN equipment software": "Security",
    "Network security or virtual private network VPN management software": "Security",
    "Transaction security and virus protection software": "Security",
    "Authentication server software": "Security",
    "Compliance software": "Compliance",
    "Enterprise system management software": "IT operations",
    "Administration software": "IT operations",
    "Backup or archival software": "IT operations",
    "Helpdesk or call center software": "IT operations",
    "Materials requirements planning logistics and supply chain software": "Supply chain",
    "Inventory management software": "Supply chain",
    "Computer based training software": "Education software",
    "Information retrieval or search software": "Information retrieval",
    "Requirements analysis and system architecture software": "Software design",
    "Metadata management software": "Data management",
    "Calendar and scheduling software": "Office software",
    "Internet browser software": "Office software",
}


GENERIC_TECH = {"http", "https", "sql", "xml", "json", "html", "api", "server", "pos", "crm", "erp",
                "cad", "cam", "gis", "web", "ide", "sdk", "suite", "office", "pro", "online", "net",
                "cloud", "mobile", "system", "systems", "enterprise", "studio", "manager"}


def onet_category(title: str) -> str:
    if title in ONET_CATEGORY:
        return ONET_CATEGORY[title]
    t = re.sub(r"\s+software$", "", title)
    t = " ".join(w for w in t.split() if not (w.isupper() and len(w) > 1))
    return t[:1].upper() + t[1:]


def strip_vendor(name: str) -> tuple[str | None, str]:
    """Return (vendor, rest) for a name starting with a known vendor."""
    for v in VENDORS:
        if name.startswith(v + " ") and v not in VENDOR_NOT_STRIPPED:
            return v, name[len(v) + 1:]
    toks = name.split()
    # "Vitera Healthcare Solutions Vitera Intergy": the repeated brand starts the product
    for i in range(1, len(toks) - 1):
        if toks[i] == toks[0] and toks[0][:1].isupper():
            return " ".join(toks[:i]), " ".join(toks[i:])
    return None, name


def acronym_match(words: list[str], acr: str) -> bool:
    a = acr.lower()
    full = "".join(w[0] for w in words if w).lower()
    nostop = "".join(w[0] for w in words if w and w.lower() not in STOPWORDS).lower()
    return a in (full, nostop)


def parse_onet_name(raw: str) -> dict | None:
    """Derive canonical name, aliases and vendor-less core from an O*NET example."""
    full = raw.strip()
    name = re.sub(r"\s+(software|systems?|program|programs|applications?)$", "", full)
    vendor, rest = strip_vendor(name)
    if vendor:
        rest = re.sub(r"^(Tech|Technologies|Software|Systems|Inc|Corporation|Solutions|Group|Media) ",
                      "", rest)
        v2, rest2 = strip_vendor(rest)
        if v2:  # "Adobe Systems Adobe Acrobat" -> vendor form "Adobe Acrobat"
            vendor_form, rest = rest, rest2
        else:
            vendor_form = name
    else:
        vendor_form = None
    toks = rest.split()
    if not toks:
        return None
    aliases = [full] if full != name else []
    desc = None
    # "<sentence-case description> <Product/ACRONYM>", e.g. "Structured query language SQL"
    first_upper = next((i for i, t in enumerate(toks) if i > 0 and re.search(r"[A-Z0-9]", t)), None)
    if first_upper is not None and first_upper >= 2 and all(
            t.islower() or t in STOPWORDS for t in toks[1:first_upper]) and toks[0][0].isupper():
        desc = toks[:first_upper]
        prod = toks[first_upper:]
        if any(t.islower() for t in prod) or any(re.search(r"[\d-]", t) for t in desc):
            return None  # "Point of sale POS bookstore", "Three-dimensional 3D ..."
        if len(prod) == 1 and prod[0].isupper():
            if not acronym_match(desc, prod[0]):
                return None
            aliases.append(" ".join(desc))
        core = " ".join(prod)
        aliases.append(rest)
    elif len(toks) >= 3 and toks[-1].isupper() and acronym_match(toks[:-1], toks[-1]) and all(
            t[0].isupper() or t in STOPWORDS for t in toks[:-1]):
        # "Amazon Web Services AWS" -> name "Amazon Web Services", alias "AWS"
        core = " ".join(toks[:-1])
        aliases += [toks[-1], rest]
    else:
        core = rest
    # generic: no proper-name token at all ("Data entry", "Web browser")
    ctoks = core.split()
    proper = [t for i, t in enumerate(ctoks) if re.search(r"[A-Z0-9]", t[1:] if i == 0 else t)
              or (i == 0 and not ordinary_token(re.sub(r"[^a-z]", "", t.lower()) or "x"))]
    if not proper and not vendor:
        return None
    if len(ctoks) >= 2 and not re.search(r"[A-Z0-9]", core[1:]):
        return None  # "Anti-spyware", "Data entry"
    if sum(1 for t in ctoks if t.islower() and t not in STOPWORDS) >= 2:
        return None
    if len(ctoks) >= 2 and not any(re.search(r"[A-Z0-9]", t) for t in ctoks[1:]) and not vendor \
            and ordinary_token(ctoks[0].lower()):
        return None
    return {"full": full, "vendor": vendor, "vendor_form": vendor_form, "core": core,
            "aliases": aliases}


def build_onet(sources: Path, reg: Registry) -> list[dict]:
    occ: dict[str, set] = collections.defaultdict(set)
    hot: collections.Counter = collections.Counter()
    com: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    with (sources / "onet_technology_skills.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            ex = r["Example"].strip()
            occ[ex].add(r["O*NET-SOC Code"])
            com[ex][r["Commodity Title"]] += 1
            if r["Hot Technology"] == "Y":
                hot[ex] += 1
    for ex in occ:
        learn_case(ex)
    selected = [ex for ex in occ if hot[ex] or len(occ[ex]) >= ONET_MIN_OCC]
    reg.skips["onet: products below occupation/hot threshold"] += len(occ) - len(selected)
    parsed = {}
    for ex in selected:
        p = parse_onet_name(ex)
        if p is None:
            reg.skips["onet: generic (no product name)"] += 1
            continue
        parsed[ex] = p
    core_count = collections.Counter(key(p["core"]) for p in parsed.values())
    order = sorted(parsed, key=lambda ex: (-(hot[ex] > 0), -len(occ[ex]), ex.lower()))
    entries = []
    for ex in order:
        p = parsed[ex]
        core, vendor_form = p["core"], p["vendor_form"]
        distinctive = any(not ordinary_token(t) and t not in GENERIC_TECH for t in tokens_of(core))
        core_ok = distinctive and not is_ambiguous(core) and core_count[key(core)] == 1
        aliases = list(p["aliases"])
        ambiguous = []
        if p["vendor"] and not core_ok:
            name = vendor_form if vendor_form else ex
            if core_count[key(core)] == 1 and len(core.split()) == 1 and hot[ex] and len(occ[ex]) >= 3:
                ambiguous.append(core)
        else:
            name = core
            if vendor_form:
                aliases.insert(0, vendor_form)
        if p["vendor"] and p["vendor"] not in name:
            aliases.append(f"{p['vendor']} {core}")
        title = com[ex].most_common(1)[0][0]
        label = ONET_LABEL.get(title, "tool")
        e = reg.add("onet", name, label, onet_category(title), aliases, ambiguous, "onet")
        if e is not None:
            entries.append(e)
    return entries


# --------------------------------------------------------------------------- Stack Overflow
SO_GENERIC_SUFFIX = {
    "layout", "fragments", "fragment", "intent", "activity", "models", "model", "forms",
    "form", "views", "view", "templates", "template", "admin", "queryset", "routing",
    "controller", "controllers", "components", "component", "directive", "directives",
    "service", "events", "event", "plugin", "plugins", "package", "packages", "module",
    "modules", "extension", "extensions", "permissions", "emulator", "widget", "widgets",
    "recyclerview", "listview", "textview", "edittext", "button", "image", "images",
    "table", "tables", "query", "queries", "formula", "formulas", "functions", "function",
    "loop", "loops", "array", "arrays", "string", "strings", "list", "lists", "error",
    "errors", "exception", "exceptions", "installation", "install", "configuration",
    "config", "settings", "debugging", "performance", "security", "testing", "test",
    "tests", "deployment", "build", "builds", "release", "update", "upgrade", "migration",
    "migrations", "session", "sessions", "cookies", "cache", "caching", "authentication",
    "authorization", "login", "logging", "validation", "serialization", "annotations",
    "annotation", "interop", "binding", "bindings", "navigation", "animation", "styles",
    "style", "theme", "themes", "charts", "chart", "graph", "graphs", "ui", "gui", "state",
    "props", "hooks", "hook", "router", "store", "context", "lifecycle", "middleware",
    "filter", "filters", "field", "fields", "file", "files", "path", "paths", "data",
    "datasource", "mapping", "relationships", "pagination", "search", "select", "join",
    "insert", "upload", "download", "notifications", "notification", "permissions",
    "manifest", "gradle", "ndk", "sdk-manager", "studio-3.0", "webview", "mapview",
    "canvas", "camera", "audio", "video", "media", "sensor", "location", "keyboard",
    "toolbar", "actionbar", "menu", "dialog", "alertdialog", "spinner", "tabs", "viewpager",
    "scrollview", "imageview", "cardview", "adapter", "service", "broadcastreceiver",
    "contentprovider", "asynctask", "handler", "threading", "thread", "threads", "memory",
    "crash", "import", "export", "output", "input", "print", "printing", "pdf", "excel",
    "json", "xml", "csv", "api", "rest", "ajax", "http", "request", "response", "url",
    "routes", "route", "signals", "tags", "tag", "storage", "hosting", "functions",
    "messaging", "auth", "admin-sdk", "realtime-database", "console", "shell", "cli",
    "commands", "command", "scripts", "script", "macros", "macro", "vba", "objects",
    "object", "class", "classes", "types", "type", "generics", "reflection", "dependencies",
    "versions", "version", "compatibility", "support", "integration", "library", "libraries",
}
SO_CONCEPT_HEADS = {"learning", "testing", "processing", "programming", "engineering",
                    "development", "analysis", "analytics", "integration", "deployment",
                    "delivery", "architecture", "computing", "modeling", "modelling", "mining",
                    "scraping", "vision", "recognition", "patterns", "structures", "science",
                    "intelligence", "automation", "visualization", "warehouse", "services",
                    "networking", "cryptography", "injection", "design", "management"}
SO_CONCEPT_BLOCK = {"memory-management", "exception-handling", "error-handling",
                    "file-handling", "event-handling", "string-formatting", "date-format",
                    "window-management", "session-management", "state-management",
                    "package-management", "dependency-management", "build-automation",
                    "code-analysis", "static-analysis", "data-analysis", "text-processing",
                    "string-processing", "list-processing", "batch-processing",
                    "image-processing", "audio-processing", "video-processing",
                    "file-processing", "stream-processing", "xml-processing", "web-development",
                    "software-design", "ui-design", "game-development", "web-services",
                    "design-patterns", "data-structures", "mobile-development",
                    "android-development", "ios-development"}
SO_CONCEPT_KEEP = {"machine-learning", "deep-learning", "unit-testing", "integration-testing",
                   "web-scraping", "image-processing", "natural-language-processing",
                   "computer-vision", "continuous-integration", "continuous-deployment",
                   "continuous-delivery", "dependency-injection", "functional-programming",
                   "data-modeling", "data-warehouse", "distributed-computing", "big-data",
                   "data-science", "data-analysis", "data-mining", "data-visualization",
                   "reverse-engineering", "test-automation", "load-testing",
                   "performance-testing", "penetration-testing", "signal-processing",
                   "speech-recognition", "neural-network", "reinforcement-learning",
                   "parallel-processing", "cloud-computing", "design-patterns",
                   "data-structures", "web-services", "microservices", "multithreading",
                   "oop", "tdd", "bdd", "ci-cd", "devops", "agile", "scrum", "etl",
                   "object-oriented-analysis", "domain-driven-design", "event-sourcing",
                   "cqrs", "serverless", "containers", "virtualization", "cryptography",
                   "encryption", "authentication", "web-development", "game-development",
                   "software-design", "ui-design", "mobile-development", "image-recognition",
                   "object-detection", "sentiment-analysis", "time-series",
                   "statistics", "regression", "classification", "clustering",
                   "nlp", "ocr", "seo", "accessibility", "localization",
                   "internationalization", "responsive-design", "web-accessibility",
                   "version-control", "code-review", "refactoring", "concurrency",
                   "parallel-computing", "gpu-programming", "embedded", "iot",
                   "blockchain", "computer-science", "algorithm", "algorithms",
                   "regex", "networking", "security", "reactive-programming",
                   "asynchronous", "socket-programming", "network-programming",
                   "system-administration", "database-design", "query-optimization",
                   "performance-tuning", "load-balancing", "high-availability",
                   "scalability", "distributed-system", "message-queue",
                   "rest", "restful-architecture", "soap", "graphql", "websocket",
                   "single-page-application", "progressive-web-apps", "pwa",
                   "mvc", "mvvm", "model-view-controller", "orm", "crud"}
# concept tags whose one-word names are English words: kept as concepts (ambiguous)
SO_CONCEPT_LABEL = "concept"


def so_version_base(tag: str, counts: dict[str, int]) -> str | None:
    m = re.match(r"^(.+?)[-_]?v?\d+(\.\d+|\.x)*(-\d+)?$", tag)
    if m:
        base = m.group(1).rstrip("-_")
        if base in counts and base != tag:
            return base
    return None


def so_name(tag: str) -> str:
    if re.search(r"\d", tag) and "-" in tag:
        return tag
    if tag in {"c#", "f#", ".net", "c++", "node.js", "vb.net", "asp.net"}:
        return {"c#": "C#", "f#": "F#", ".net": ".NET", "c++": "C++", "node.js": "Node.js",
                "vb.net": "VB.NET", "asp.net": "ASP.NET"}[tag]
    out = []
    for tok in tag.split("-"):
        if tok in CASE:
            out.append(CASE[tok])
        elif re.fullmatch(r"open[a-z]{2,4}", tok) and not ordinary_token(tok[4:]):
            out.append("Open" + tok[4:].upper())
        elif re.search(r"[^a-z]", tok):
            # node.js, d3.js, c#, .net, 3ds: keep as is, upper-case short non-word stems
            out.append(tok if not re.fullmatch(r"[a-z]{1,3}\d*", tok) else tok.upper())
        elif (len(tok) <= 3 or (len(tok) <= 5 and not re.search(r"[aeiou]", tok))) \
                and not ordinary_token(tok) and tok not in {"npm", "vim", "git"}:
            out.append(tok.upper())
        else:
            out.append(tok[:1].upper() + tok[1:])
    return " ".join(out)


SO_CASE_FIX = {"php": "PHP", "npm": "npm", "vim": "Vim", "git": "Git", "ios": "iOS",
               "macos": "macOS", "osx": "OS X", "iphone": "iPhone", "ipad": "iPad",
               "jquery": "jQuery", "javascript": "JavaScript", "typescript": "TypeScript",
               "mysql": "MySQL", "postgresql": "PostgreSQL", "mongodb": "MongoDB",
               "github": "GitHub", "gitlab": "GitLab", "xcode": "Xcode", "wordpress": "WordPress",
               "phpmyadmin": "phpMyAdmin", "nodejs": "Node.js", "reactjs": "React",
               "angularjs": "AngularJS", "vuejs": "Vue.js", "websocket": "WebSocket",
               "webrtc": "WebRTC", "opengl": "OpenGL", "opencv": "OpenCV", "graphql": "GraphQL",
               "mariadb": "MariaDB", "sqlite": "SQLite", "dynamodb": "DynamoDB",
               "couchdb": "CouchDB", "rabbitmq": "RabbitMQ", "activemq": "ActiveMQ",
               "elasticsearch": "Elasticsearch", "phpunit": "PHPUnit", "junit": "JUnit",
               "testng": "TestNG", "nunit": "NUnit", "xunit": "xUnit", "pytest": "pytest",
               "numpy": "NumPy", "scipy": "SciPy", "tensorflow": "TensorFlow", "pytorch": "PyTorch",
               "matplotlib": "Matplotlib", "jsp": "JSP", "jsf": "JSF", "jpa": "JPA", "jdbc": "JDBC",
               "wpf": "WPF", "wcf": "WCF", "uwp": "UWP", "winforms": "WinForms", "linq": "LINQ",
               "oop": "OOP", "tdd": "TDD", "bdd": "BDD", "etl": "ETL", "orm": "ORM",
               "mvc": "MVC", "mvvm": "MVVM", "nlp": "NLP", "ocr": "OCR", "seo": "SEO",
               "iot": "IoT", "pwa": "PWA", "crud": "CRUD", "devops": "DevOps",
               "ci-cd": "CI/CD", "cqrs": "CQRS", "bigquery": "BigQuery", "pyspark": "PySpark",
               "sparkr": "SparkR", "dplyr": "dplyr", "ggplot2": "ggplot2", "knitr": "knitr",
               "data.table": "data.table", "jupyter-notebook": "Jupyter Notebook",
               "ipython": "IPython", "pyqt": "PyQt", "pyqt5": "PyQt5", "wxpython": "wxPython",
               "javafx": "JavaFX", "rxjs": "RxJS", "rxjava": "RxJava", "ngrx": "NgRx",
               "graphql": "GraphQL", "oauth": "OAuth", "oauth-2.0": "OAuth 2.0",
               "openid": "OpenID", "openssl": "OpenSSL", "openshift": "OpenShift",
               "openstack": "OpenStack", "powershell": "PowerShell", "powerbi": "Power BI",
               "sharepoint": "SharePoint", "devexpress": "DevExpress", "codeigniter": "CodeIgniter",
               "cakephp": "CakePHP", "phpstorm": "PhpStorm", "pycharm": "PyCharm",
               "intellij-idea": "IntelliJ IDEA", "visual-studio-code": "Visual Studio Code",
               "vscode": "VS Code", "google-bigquery": "Google BigQuery",
               "amazon-web-services": "Amazon Web Services", "twitter-bootstrap": "Bootstrap",
               "ruby-on-rails": "Ruby on Rails", "asp.net-mvc": "ASP.NET MVC",
               "asp.net-core": "ASP.NET Core", "asp.net-web-api": "ASP.NET Web API",
               "entity-framework": "Entity Framework", ".net-core": ".NET Core",
               "sql-server": "SQL Server", "ms-access": "Microsoft Access",
               "ms-word": "Microsoft Word", "ms-office": "Microsoft Office",
               "d3.js": "D3.js", "three.js": "three.js", "chart.js": "Chart.js",
               "express": "Express", "socket.io": "Socket.IO", "next.js": "Next.js",
               "nuxt.js": "Nuxt.js", "vue.js": "Vue.js", "ember.js": "Ember.js",
               "backbone.js": "Backbone.js", "knockout.js": "Knockout.js", "react-native": "React Native",
               "laravel": "Laravel", "symfony": "Symfony", "django": "Django", "unity3d": "Unity",
               "hadoop": "Hadoop", "apache-spark": "Apache Spark", "apache-kafka": "Apache Kafka",
               "kubernetes": "Kubernetes", "docker": "Docker", "docker-compose": "Docker Compose",
               "jenkins": "Jenkins", "ansible": "Ansible", "terraform": "Terraform",
               "c++11": "C++11", "ecmascript-6": "ECMAScript 6", "xpath": "XPath",
               "xquery": "XQuery", "xslt": "XSLT", "json": "JSON", "html5": "HTML5",
               "css3": "CSS3", "sass": "Sass", "less": "Less", "svg": "SVG", "webgl": "WebGL",
               "webpack": "webpack", "babeljs": "Babel", "eslint": "ESLint", "tslint": "TSLint",
               "jestjs": "Jest", "mocha.js": "Mocha", "cypress": "Cypress", "selenium": "Selenium",
               "selenium-webdriver": "Selenium WebDriver", "mongoose": "Mongoose",
               "sequelize.js": "Sequelize", "typeorm": "TypeORM", "graphql-js": "GraphQL.js",
               "macos": "macOS", "tvos": "tvOS", "watchos": "watchOS", "ipados": "iPadOS",
               "swiftui": "SwiftUI", "uikit": "UIKit", "appkit": "AppKit", "arkit": "ARKit",
               "core-data": "Core Data", "cocoa-touch": "Cocoa Touch", "objective-c": "Objective-C",
               "sqlalchemy": "SQLAlchemy", "beautifulsoup": "Beautiful Soup", "scikit-learn": "scikit-learn",
               "xgboost": "XGBoost", "lightgbm": "LightGBM", "nltk": "NLTK", "spacy": "spaCy",
               "huggingface-transformers": "Hugging Face Transformers", "openai-api": "OpenAI API",
               "langchain": "LangChain", "fastapi": "FastAPI", "aiohttp": "aiohttp",
               "asyncio": "asyncio", "tkinter": "Tkinter", "pygame": "Pygame", "kivy": "Kivy",
               "gitlab-ci": "GitLab CI", "github-actions": "GitHub Actions", "azure-devops": "Azure DevOps",
               "bitbucket": "Bitbucket", "jira": "Jira", "sonarqube": "SonarQube",
               "nestjs": "NestJS", "nextjs": "Next.js", "gatsby": "Gatsby", "svelte": "Svelte",
               "vuetify.js": "Vuetify", "material-ui": "Material UI", "tailwind-css": "Tailwind CSS",
               "jwt": "JWT", "ssl": "SSL", "ssh": "SSH", "tcp": "TCP", "udp": "UDP", "http": "HTTP",
               "https": "HTTPS", "ftp": "FTP", "smtp": "SMTP", "dns": "DNS", "ldap": "LDAP",
               "saml": "SAML", "grpc": "gRPC", "rest": "REST", "soap": "SOAP", "wsdl": "WSDL",
               "iis": "IIS", "gcc": "GCC", "llvm": "LLVM", "clang": "Clang", "cmake": "CMake",
               "msbuild": "MSBuild", "nuget": "NuGet", "pip": "pip", "conda": "conda",
               "anaconda": "Anaconda", "homebrew": "Homebrew", "apt": "APT", "yum": "yum",
               "wsl": "WSL", "vba": "VBA", "vbscript": "VBScript", "google-apps-script": "Google Apps Script",
               "google-sheets": "Google Sheets", "google-maps": "Google Maps",
               "google-cloud-platform": "Google Cloud Platform", "firebase": "Firebase",
               "google-cloud-firestore": "Cloud Firestore", "amazon-s3": "Amazon S3",
               "amazon-ec2": "Amazon EC2", "aws-lambda": "AWS Lambda", "amazon-dynamodb": "Amazon DynamoDB",
               "amazon-rds": "Amazon RDS", "amazon-ecs": "Amazon ECS", "amazon-eks": "Amazon EKS",
               "azure-functions": "Azure Functions", "azure-devops": "Azure DevOps",
               "rspec": "RSpec", "jboss": "JBoss", "icloud": "iCloud", "mingw": "MinGW",
               "uwsgi": "uWSGI", "cocoapods": "CocoaPods", "wxwidgets": "wxWidgets",
               "websphere": "WebSphere", "jetty": "Jetty", "leaflet": "Leaflet",
               "pyinstaller": "PyInstaller", "phpexcel": "PHPExcel", "sharepoint-online": "SharePoint Online",
               "onedrive": "OneDrive", "powerapps": "Power Apps", "power-automate": "Power Automate",
               "powerquery": "Power Query", "dax": "DAX", "ssis": "SSIS", "ssrs": "SSRS", "ssas": "SSAS",
               "matplotlib": "Matplotlib", "javamail": "JavaMail", "jsoup": "jsoup", "gson": "Gson",
               "jackson": "Jackson", "okhttp": "OkHttp", "retrofit": "Retrofit", "retrofit2": "Retrofit 2",
               "rxjs": "RxJS", "redux": "Redux", "mobx": "MobX", "vuex": "Vuex", "graphene": "Graphene",
               "celery": "Celery", "gunicorn": "Gunicorn", "uvicorn": "Uvicorn", "pyspark": "PySpark",
               "hbase": "HBase", "hdfs": "HDFS", "mapreduce": "MapReduce", "apache-pig": "Apache Pig",
               "hiveql": "HiveQL", "oozie": "Oozie", "sqoop": "Sqoop", "apache-flink": "Apache Flink",
               "apache-beam": "Apache Beam", "apache-nifi": "Apache NiFi", "apache-camel": "Apache Camel",
               "activemq": "ActiveMQ", "zeromq": "ZeroMQ", "mqtt": "MQTT", "amqp": "AMQP",
               "xamarin.forms": "Xamarin.Forms", "xamarin.android": "Xamarin.Android",
               "xamarin.ios": "Xamarin.iOS", "blazor": "Blazor", "signalr": "SignalR",
               "automapper": "AutoMapper", "nhibernate": "NHibernate", "mockito": "Mockito",
               "powermock": "PowerMock", "easymock": "EasyMock", "testcafe": "TestCafe",
               "webdriverio": "WebdriverIO", "appium": "Appium", "jmeter": "JMeter",
               "soapui": "SoapUI", "postman": "Postman", "swagger": "Swagger", "openapi": "OpenAPI",
               "keycloak": "Keycloak", "okta": "Okta", "auth0": "Auth0", "identityserver4": "IdentityServer4",
               "teamcity": "TeamCity", "travis-ci": "Travis CI", "circleci": "CircleCI",
               "bitbucket-pipelines": "Bitbucket Pipelines", "azure-pipelines": "Azure Pipelines",
               "sonarqube": "SonarQube", "nexus": "Nexus", "artifactory": "Artifactory",
               "vagrant": "Vagrant", "packer": "Packer", "consul": "Consul", "hashicorp-vault": "HashiCorp Vault",
               "prometheus": "Prometheus", "grafana": "Grafana", "kibana": "Kibana", "logstash": "Logstash",
               "datadog": "Datadog", "splunk": "Splunk", "new-relic": "New Relic", "sentry": "Sentry",
               "istio": "Istio", "kubernetes-helm": "Helm", "openshift": "OpenShift", "rancher": "Rancher",
               "minikube": "Minikube", "kubectl": "kubectl", "docker-swarm": "Docker Swarm",
               "apache-zookeeper": "Apache ZooKeeper", "zookeeper": "ZooKeeper", "hazelcast": "Hazelcast",
               "memcached": "Memcached", "varnish": "Varnish", "haproxy": "HAProxy", "traefik": "Traefik",
               "cloudflare": "Cloudflare", "mulesoft": "MuleSoft", "talend": "Talend", "informatica": "Informatica",
               "pentaho": "Pentaho", "qlikview": "QlikView", "qliksense": "Qlik Sense", "tableau-api": "Tableau API",
               "looker": "Looker", "dbt": "dbt", "snowflake-cloud-data-platform": "Snowflake",
               "databricks": "Databricks", "azure-databricks": "Azure Databricks",
               "azure-data-factory": "Azure Data Factory", "aws-glue": "AWS Glue",
               "amazon-redshift": "Amazon Redshift", "amazon-athena": "Amazon Athena",
               "amazon-kinesis": "Amazon Kinesis", "amazon-sqs": "Amazon SQS", "amazon-sns": "Amazon SNS",
               "amazon-cloudformation": "AWS CloudFormation", "aws-cdk": "AWS CDK",
               "amazon-cloudwatch": "Amazon CloudWatch", "amazon-iam": "AWS IAM",
               "amazon-cognito": "Amazon Cognito", "aws-api-gateway": "Amazon API Gateway",
               "amazon-elastic-beanstalk": "AWS Elastic Beanstalk", "amazon-route53": "Amazon Route 53",
               "amazon-cloudfront": "Amazon CloudFront", "amazon-sagemaker": "Amazon SageMaker",
               "mapbox": "Mapbox", "dropbox": "Dropbox", "virtualbox": "VirtualBox",
               "fancybox": "fancyBox", "sandbox": "sandbox", "firefox": "Firefox", "paypal": "PayPal",
               "webstorm": "WebStorm", "webkit": "WebKit", "sitecore": "Sitecore", "liferay": "Liferay",
               "teradata": "Teradata", "resharper": "ReSharper", "umbraco": "Umbraco",
               "opencart": "OpenCart", "servicestack": "ServiceStack", "eclipselink": "EclipseLink",
               "autohotkey": "AutoHotkey", "antlr": "ANTLR", "netsuite": "NetSuite",
               "openstreetmap": "OpenStreetMap", "capistrano": "Capistrano", "valgrind": "Valgrind",
               "marklogic": "MarkLogic", "biztalk": "BizTalk", "mediawiki": "MediaWiki",
               "dotnetnuke": "DotNetNuke", "sybase": "Sybase", "wireshark": "Wireshark",
               "solaris": "Solaris", "arcgis": "ArcGIS", "googletest": "GoogleTest",
               "installshield": "InstallShield", "paramiko": "Paramiko", "clearcase": "ClearCase",
               "informix": "Informix", "specflow": "SpecFlow", "thymeleaf": "Thymeleaf",
               "playframework": "Play Framework", "rubygems": "RubyGems", "webdriver": "WebDriver",
               "robotframework": "Robot Framework", "debian": "Debian", "dojo": "Dojo",
               "nosql": "NoSQL", "gnuplot": "gnuplot", "mongoid": "Mongoid", "proguard": "ProGuard",
               "cloudera": "Cloudera", "ravendb": "RavenDB", "indexeddb": "IndexedDB",
               "bioinformatics": "Bioinformatics", "graphviz": "Graphviz", "pandoc": "Pandoc",
               "ironpython": "IronPython", "nservicebus": "NServiceBus", "restsharp": "RestSharp",
               "ghostscript": "Ghostscript", "kohana": "Kohana", "silverstripe": "SilverStripe",
               "greasemonkey": "Greasemonkey", "freemarker": "FreeMarker", "sendgrid": "SendGrid",
               "logback": "Logback", "guice": "Guice", "openxml": "Open XML", "watir": "Watir",
               "casperjs": "CasperJS", "phantomjs": "PhantomJS", "requirejs": "RequireJS",
               "gruntjs": "Grunt", "momentjs": "Moment.js", "fullcalendar": "FullCalendar",
               "avfoundation": "AVFoundation", "mapkit": "MapKit", "scenekit": "SceneKit",
               "afnetworking": "AFNetworking", "firemonkey": "FireMonkey", "appcelerator": "Appcelerator",
               "codenameone": "Codename One", "osgi": "OSGi", "odbc": "ODBC", "oledb": "OLE DB",
               "owin": "OWIN", "sqlplus": "SQL*Plus", "winapi": "WinAPI", "unicode": "Unicode",
               "activerecord": "ActiveRecord", "admob": "AdMob", "flexbox": "Flexbox",
               "xmlhttprequest": "XMLHttpRequest", "storyboard": "Storyboard", "posix": "POSIX",
               "javadoc": "Javadoc", "sinon": "Sinon.js", "ehcache": "Ehcache", "resteasy": "RESTEasy",
               "boto": "boto", "boto3": "Boto3", "pcre": "PCRE", "winsock": "Winsock",
               "directshow": "DirectShow", "highstock": "Highstock", "soundcloud": "SoundCloud",
               "kinect": "Kinect", "minecraft": "Minecraft", "itunes": "iTunes", "whatsapp": "WhatsApp",
               "netlogo": "NetLogo", "umbraco": "Umbraco", "datatables": "DataTables",
               "fabricjs": "Fabric.js", "kineticjs": "KineticJS", "prototypejs": "Prototype.js",
               "jstree": "jsTree", "omniauth": "OmniAuth", "carrierwave": "CarrierWave",
               "activeadmin": "ActiveAdmin", "actionmailer": "Action Mailer", "bouncycastle": "Bouncy Castle",
               "jodatime": "Joda-Time", "urllib": "urllib", "libcurl": "libcurl",
               }


def so_label(tag: str, concept: bool) -> tuple[str, str]:
    if concept:
        return "concept", "Concepts"
    t = tag.lower()
    if re.match(r"^(amazon|aws|azure|google-cloud|gcp|google-compute|firebase|heroku|"
                r"ibm-cloud|openshift|digital-?ocean|cloudflare|alibaba-cloud)", t):
        return "cloud", "Cloud"
    if re.search(r"(sql|db$|database|mongo|redis|cassandra|couch|neo4j|oracle|mariadb|"
                 r"elasticsearch|hbase|hive|snowflake|bigquery|redshift|dynamo)", t):
        return "database", "Databases"
    if re.match(r"^(android|ios|iphone|ipad|xamarin|flutter|react-native|swiftui|uikit|"
                r"cordova|ionic|kotlin-multiplatform|watchos|tvos|objective-c)", t):
        return "platform", "Mobile"
    if re.search(r"(test|junit|mocha|jasmine|jest|selenium|cypress|cucumber|mockito|"
                 r"pytest|karma|protractor|rspec)", t):
        return "tool", "Testing"
    if re.search(r"(docker|kubernetes|jenkins|ansible|terraform|puppet|vagrant|gitlab|github|"
                 r"(^|-)(git|svn|ci|chef|helm|maven|gradle|nginx|apache|teamcity|circleci)($|-)|"
                 r"mercurial|travis|bamboo|sonar|artifactory|prometheus|grafana|kibana|splunk)", t):
        return "tool", "DevOps"
    if re.search(r"(tensorflow|keras|pytorch|scikit|pandas|numpy|spark|hadoop|kafka|"
                 r"nltk|spacy|opencv|matplotlib|ggplot|dplyr|jupyter|airflow|dask)", t):
        return "library", "Data & ML"
    if re.search(r"(^linux|ubuntu|debian|centos|fedora|windows|macos|osx|unix|freebsd|redhat)", t):
        return "os", "Operating systems"
    if re.search(r"(\.js$|(^|-)(js|css|less|sass|html)($|-)|jquery|react|angular|vue|svelte|"
                 r"ember|backbone|bootstrap|css|webpack|babel|tailwind|material-ui|typescript)", t):
        return "library", "Frontend"
    if re.search(r"(django|flask|rails|laravel|symfony|spring|express|asp\.net|fastapi|"
                 r"struts|hibernate|entity-framework|codeigniter|cakephp|zend|yii|phoenix)", t):
        return "framework", "Web frameworks"
    return "tool", "Developer tools"


def build_stackoverflow(reg: Registry, counts: dict[str, int], syn: dict[str, list[str]]) -> list[dict]:
    for k, v in SO_CASE_FIX.items():
        CASE.setdefault(k, v)
    kept_tags = {t for t, c in counts.items() if c >= SO_MIN_COUNT}
    reg.skips["stackoverflow: tags below count threshold"] += len(counts) - len(kept_tags)
    entries = []
    for tag in sorted(kept_tags, key=lambda t: (-counts[t], t)):
        if so_version_base(tag, counts):
            reg.skips["stackoverflow: version tag"] += 1
            continue
        toks = [t for t in re.split(r"[-]", tag) if t]
        concept = tag in SO_CONCEPT_KEEP or (len(toks) >= 2 and toks[-1] in SO_CONCEPT_HEADS
                                             and tag not in SO_CONCEPT_BLOCK
                                             and not any(t in VENDOR_TOKENS for t in toks))
        if tag in SO_CONCEPT_BLOCK and tag not in SO_CONCEPT_KEEP:
            reg.skips["stackoverflow: question/concept tag"] += 1
            continue
        # sub-feature of another tag: android-layout, django-models, excel-formula
        parent = next((tag[:i] for i in range(len(tag) - 1, 0, -1)
                       if tag[i] == "-" and tag[:i] in kept_tags), None)
        if parent and not concept and tag not in SO_CASE_FIX:
            rest = tag[len(parent) + 1:].split("-")
            if rest[-1] in SO_GENERIC_SUFFIX or all(word_like(r) for r in rest if r.isalpha()) \
                    and not any(re.search(r"[^a-z]", r) for r in rest):
                reg.skips["stackoverflow: sub-feature of another tag"] += 1
                continue
        base = tag.replace("-", " ")
        whitelisted = base in KNOWN_WORD_TOOLS or tag in SO_CASE_FIX or base in MULTI_OK
        if not concept and not whitelisted:
            if re.search(r"\.[a-z]+\.", tag) or len(tag) <= 2:
                reg.skips["stackoverflow: API identifier / too short"] += 1
                continue
            named = any(not word_like(t) for t in toks) or any(t in VENDOR_TOKENS for t in toks)
            if len(toks) == 1 and toks[0].isalpha() and segmentable(toks[0]):
                named = False  # barcode, hashcode, eventemitter: compounds of ordinary words
            if re.search(r"-\d+(\.\d+)*$", tag) or re.fullmatch(r"\d+bit-\d+bit", tag):
                named = False  # java-ee-6, 32bit-64bit
            if not named:
                reg.skips["stackoverflow: ordinary-word / API-identifier tag (question/concept)"] += 1
                continue
        name = SO_CASE_FIX.get(tag) or so_name(tag)
        aliases = []
        if name.lower() != tag:
            aliases.append(tag)
        if "-" in tag:
            aliases.append(tag.replace("-", " "))
        for s in sorted(syn.get(tag, [])):
            if so_version_base(s, counts) or re.search(r"\d+(\.\d+)+$", s):
                continue
            stoks = [t for t in s.split("-") if t]
            if s in VENDOR_TOKENS or (all(word_like(t) for t in stoks)
                                      and s.replace("-", " ") not in MULTI_OK):
                reg.skips["stackoverflow: synonym that is an ordinary word"] += 1
                continue
            aliases.append(s)
            if "-" in s:
                aliases.append(s.replace("-", " "))
        label, category = so_label(tag, concept)
        known = counts[tag] >= 4 * SO_MIN_COUNT
        amb_name = is_ambiguous(name)
        e = reg.add("stackoverflow", name, label, category, [fix_case(a) if is_ambiguous(a) else a
                                                           for a in aliases], [],
                    "stackoverflow", known=known or tag in SO_CASE_FIX or tag.replace("-", " ") in MULTI_OK,
                    keep_ambiguous_only=amb_name and (tag.replace("-", " ") in KNOWN_WORD_TOOLS
                                                      or concept or tag in SO_CASE_FIX))
        if e is not None:
            entries.append(e)
    return entries


# --------------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sources", type=Path, default=REPO.parent / "shared" / "eval" / "lexicon-sources")
    ap.add_argument("--out", type=Path, default=REPO / "lexicon" / "skills")
    args = ap.parse_args(argv)
    src, out = args.sources, args.out
    out.mkdir(parents=True, exist_ok=True)
    reg = Registry()
    loaded = {}
    core_files = sorted(out.glob("core-*.jsonl"),
                        key=lambda p: (0 if p.name == "core-tech.jsonl" else 1 if p.name == "core-practice.jsonl" else 2, p.name))
    legacy = out / "core.jsonl"
    if legacy.exists():
        core_files.insert(0, legacy)
    for p in core_files:
        loaded[p.name] = reg.load_file(p)
    counts, syn, syn_target = load_so(src)

    langs = build_languages(src, reg, counts, syn_target)
    onet = build_onet(src, reg)
    skillspan = out / "skillspan.jsonl"
    if skillspan.exists():
        loaded[skillspan.name] = reg.load_file(skillspan)
    so = build_stackoverflow(reg, counts, syn)

    write_jsonl(out / "languages.jsonl", langs)
    write_jsonl(out / "onet.jsonl", onet)
    write_jsonl(out / "stackoverflow.jsonl", so)

    print("read (claims respected):", ", ".join(f"{k}={v}" for k, v in loaded.items()) or "none")
    for fname, es in (("languages.jsonl", langs), ("onet.jsonl", onet), ("stackoverflow.jsonl", so)):
        n_amb = sum(1 for e in es if e["ambiguous"])
        print(f"wrote {fname}: {len(es)} entries, {sum(len(e['aliases']) for e in es)} aliases, "
              f"{sum(len(e['ambiguous']) for e in es)} ambiguous forms ({n_amb} entries with some)")
    print("skips:")
    for k, v in sorted(reg.skips.items()):
        print(f"  {k}: {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
