"""Plain sentences naming common tools are found; ordinary prose gives no ambiguous hit."""

from __future__ import annotations

import pytest

from jdmatch.matcher import Matcher

TOOLS = {
    "python": "Python",
    "java": "Java",
    "go": "Go",
    "javascript": "JavaScript",
    "typescript": "TypeScript",
    "csharp": "C#",
    "cpp": "C++",
    "ruby": "Ruby",
    "rust": "Rust",
    "swift": "Swift",
    "kotlin": "Kotlin",
    "r": "R",
    "scala": "Scala",
    "php": "PHP",
    "react": "React",
    "spring": "Spring",
    "spring-boot": "Spring Boot",
    "django": "Django",
    "flask": "Flask",
    "express": "Express",
    "nodejs": "NodeJS",
    "postgresql": "Postgres",
    "mysql": "MySQL",
    "mongodb": "MongoDB",
    "redis": "Redis",
    "kafka": "Kafka",
    "docker": "Docker",
    "kubernetes": "k8s",
    "aws": "AWS",
    "gcp": "GCP",
    "azure": "Azure",
    "git": "Git",
    "jenkins": "Jenkins",
    "terraform": "Terraform",
    "ansible": "Ansible",
    "chef": "Chef",
    "puppet": "Puppet",
    "hive": "Hive",
    "spark": "Spark",
    "angular": "Angular",
    "vuejs": "Vue",
    "dotnet": ".NET",
    "graphql": "GraphQL",
    "prometheus": "Prometheus",
    "grafana": "Grafana",
    "linux": "Linux",
    "ci-cd": "CI/CD",
    "rest-api": "REST APIs",
    "microservices": "microservices",
}
TEMPLATES = [
    "We use {} every day.",
    "She has five years of {} experience.",
    "Our team builds services with {}.",
    "I wrote the tooling in {}.",
    "Familiarity with {} is a plus.",
    "{} is part of our stack.",
]

PROSE = [
    "I go to the gym before work, and in the spring I like to go hiking.",
    "Go to the front desk and ask for the key.",
    "Spring is the best season; the garden comes alive.",
    "Children react quickly when the bell rings.",
    "Express your ideas clearly in the cover letter.",
    "A swift reply is appreciated.",
    "There was rust on the old gate.",
    "Ruby is my sister and she works as a nurse.",
    "We visited the island of Java and drank strong coffee.",
    "A python was sleeping in the zoo.",
    "The hive buzzed with bees all summer.",
    "A swarm of locusts crossed the field.",
    "The chef tasted the soup and added salt.",
    "The children loved the puppet show.",
    "Mr. Jenkins will call you tomorrow.",
    "She read a novel by Kafka on the train.",
    "The sky was azure over the bay.",
    "Grade C in chemistry is not enough.",
    "The R&D budget grew this year.",
    "Our C-suite met on Monday to plan the go-live.",
    # a cue word that is itself an ordinary word ("spring" for Java, "beam" for Elixir)
    "We go to the beach and drink java in the spring.",
    "Spring came early, so we drank java on the porch.",
    "The old beam cracked while the elixir cooled.",
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher()


def test_recall_on_plain_sentences(matcher: Matcher) -> None:
    found = total = 0
    misses = []
    for tid, name in TOOLS.items():
        for template in TEMPLATES:
            sentence = template.format(name)
            total += 1
            if tid in {m.id for m in matcher.skills(sentence)}:
                found += 1
            else:
                misses.append(sentence)
    assert found / total >= 0.95, misses


@pytest.mark.parametrize("text", PROSE, ids=lambda t: t[:30])
def test_no_tech_hit_in_ordinary_prose(matcher: Matcher, text: str) -> None:
    tech = {"language", "framework", "library", "database", "cloud", "tool", "platform", "os"}
    assert [m.text for m in matcher.skills(text) if m.label in tech] == []


@pytest.mark.parametrize(
    "text, ids",
    [
        ("Backend services in Java with Spring and Hibernate.", {"java", "spring", "hibernate"}),
        ("Built Java services using the spring framework.", {"java", "spring"}),
        ("Knows python and pandas well.", {"python", "pandas"}),
    ],
)
def test_a_cue_written_as_its_name_still_confirms(
    matcher: Matcher, text: str, ids: set[str]
) -> None:
    assert ids <= {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Wrote Java-\nScript and Type-\n  Script code.",
            [("javascript", "Java-\nScript"), ("typescript", "Type-\n  Script")],
        ),
        ("Tuned Post-\r\ngreSQL queries.", [("postgresql", "Post-\r\ngreSQL")]),
        (
            "Ran Kuber-\nnetes and Dock-\ner in production.",
            [("kubernetes", "Kuber-\nnetes"), ("docker", "Dock-\ner")],
        ),
        ("Practised Test-\nDriven Development daily.", [("tdd", "Test-\nDriven Development")]),
        ("A well-\nknown team with a long-\nterm plan.", []),
    ],
    ids=[
        "java-type-script",
        "postgres-crlf",
        "kubernetes-docker",
        "tdd-hyphen-kept",
        "ordinary-words",
    ],
)
def test_a_name_hyphenated_across_a_line_break(
    matcher: Matcher, text: str, expected: list[tuple[str, str]]
) -> None:
    found = [(m.id, m.text) for m in matcher.skills(text)]
    assert found == expected
    for m in matcher.skills(text):
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Python-based microservices on Kubernetes", ["python", "microservices", "kubernetes"]),
        ("Kafka-driven pipelines and Java-backed services", ["kafka", "java"]),
        ("A Swift-first iOS team", ["swift", "ios"]),
        ("Go-powered services behind gRPC", ["go", "grpc"]),
        ("Python- and Go-based microservices", ["python", "go", "microservices"]),
        ("Docker-, Helm-\tor Terraform-managed deployments", ["docker", "helm", "terraform"]),
        ("unit- and integration tests", ["unit-testing", "integration-testing"]),
        ("Did front- and back-end development", ["frontend-development", "backend-development"]),
        ("The go-live of the C-suite dashboard", []),
        ("pre- and post-sales work, full- or part-time", []),
        ("A Go-ahead from Rust-belt investors", []),
    ],
    ids=[
        "python-based",
        "kafka-driven",
        "swift-first",
        "go-powered",
        "suspended-python-go",
        "suspended-list",
        "suspended-tests",
        "suspended-front-back",
        "go-live",
        "suspended-ordinary",
        "go-ahead",
    ],
)
def test_a_name_glued_to_a_word_of_use_is_the_name(
    matcher: Matcher, text: str, expected: list[str]
) -> None:
    """ "Python-based" names Python (a word of use after the hyphen), and so does "Python- and
    Go-based" (a suspended hyphen); "go-live", "C-suite" name nothing."""
    found = [m.id for m in matcher.skills(text)]
    assert found == expected
    for m in matcher.skills(text):
        assert text[m.start : m.end] == m.text and not m.text.endswith("-")


@pytest.mark.parametrize(
    "text",
    [
        "Oracle — Principal Engineer, 2015–2019",
        "Docker - Developer Advocate",
        "GitHub, Inc. – Staff Engineer",
        "Salesforce.com, Inc. — Member of Technical Staff",
        "Slack Technologies — Senior Software Engineer",
        "• Tableau Software | Data Analyst",
        "Amazon Web Services (AWS), Seattle, WA — SDE II",
    ],
)
def test_a_company_opening_a_job_line_is_an_employer(matcher: Matcher, text: str) -> None:
    # "<company> — <job title>" is the mirror of "<job title>, <company>"
    assert [m.text for m in matcher.skills(text) if m.label != "soft_skill"] == []


@pytest.mark.parametrize(
    "text, ids",
    [
        ("Docker — containers for every service", {"docker"}),
        ("Oracle | PL/SQL, performance tuning", {"oracle-db", "plsql"}),
        ("Skills: GitHub — Actions and Pages", {"github"}),
        ("Deployed on AWS (EC2), Lambda and S3.", {"aws", "aws-lambda"}),
    ],
)
def test_a_tool_opening_a_skills_line_is_still_a_skill(
    matcher: Matcher, text: str, ids: set[str]
) -> None:
    assert ids <= {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Snowflake (2018 – 2021)",
        "Datadog, Jan 2020 – Present",
        "• Twilio | Mar 2016 - Dec 2019",
        "Shopify (remote) — Backend Developer",
        "Cloudflare, Hybrid",
        "Splunk Technologies, Austin, TX",
        "Nvidia Labs | Research Engineer",
    ],
)
def test_a_company_with_its_dates_or_work_mode_is_an_employer(matcher: Matcher, text: str) -> None:
    # how an experience entry writes the company it was at: its dates, the work mode, a company word
    assert [m.id for m in matcher.skills(text) if m.label != "soft_skill"] == []


@pytest.mark.parametrize(
    "text, ids",
    [
        ("Ran Snowflake (2018 – 2021 data) for finance", {"snowflake"}),
        ("Dashboards in SQL and Tableau, 2019 – 2022, for the sales team", {"tableau", "sql"}),
        ("Datadog monitors and Splunk searches", {"datadog", "splunk"}),
        ("Skills: Snowflake, Datadog, Twilio", {"snowflake", "datadog", "twilio"}),
    ],
)
def test_a_tool_with_dates_in_a_sentence_is_still_a_skill(
    matcher: Matcher, text: str, ids: set[str]
) -> None:
    assert ids <= {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, ids",
    [
        ("MySQL&MongoDB", {"mysql", "mongodb"}),
        ("Terraform&Ansible&Vault", {"terraform", "ansible", "vault"}),
        ("Java‧Kotlin‧Gradle", {"java", "kotlin", "gradle"}),
        ("Swift・Objective-C・Xcode", {"swift", "objective-c", "xcode"}),
        ("Modern C++20 and C++03 legacy code", {"cpp"}),
    ],
)
def test_more_list_separators_and_glued_versions(
    matcher: Matcher, text: str, ids: set[str]
) -> None:
    assert ids <= {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize("text", ["our R&D lab", "AT&T and Q&A sessions", "P&L ownership"])
def test_an_ampersand_inside_an_initialism_splits_nothing(matcher: Matcher, text: str) -> None:
    assert [
        m.id for m in matcher.skills(text) if m.label not in ("soft_skill", "domain", "field")
    ] == []


@pytest.mark.parametrize(
    "text, implied",
    [
        ("Flask-SQLAlchemy models", {"flask", "sqlalchemy"}),
        ("Android application development", {"android", "mobile-development"}),
        ("Spring Data JPA repositories", {"jpa", "spring-data"}),
        ("Linux systems administrator", {"linux", "system-administration"}),
        ("ECMAScript 2015 modules", {"javascript"}),
    ],
)
def test_compound_entries_imply_their_parts(matcher: Matcher, text: str, implied: set[str]) -> None:
    from jdmatch.recognize import implied_skills

    matches = matcher.skills(text)
    assert implied <= {m.id for m in matches} | set(
        implied_skills(matches, matcher.recognizer.lexicon)
    )


def test_unsupervised_learning_is_not_supervised_learning(matcher: Matcher) -> None:
    ids = {m.id for m in matcher.skills("Clustering and other unsupervised learning methods")}
    assert "unsupervised-learning" in ids and "supervised-learning" not in ids


@pytest.mark.parametrize(
    "text, skill, evidence",
    [
        ("Provisioned with Terraform-\nmanaged modules.", "terraform", "Terraform"),
        ("Scala-\nfirst services on the JVM", "scala", "Scala"),
        ("Warehouse on Amazon Red-\nshift and dbt.", "redshift", "Amazon Red-\nshift"),
        ("Applied Machine Learn-\ning to fraud.", "machine-learning", "Machine Learn-\ning"),
    ],
)
def test_a_hyphen_at_a_line_end_before_a_word_of_use_or_in_a_second_word(
    matcher: Matcher, text: str, skill: str, evidence: str
) -> None:
    found = {m.id: m.text for m in matcher.skills(text)}
    assert found.get(skill) == evidence


@pytest.mark.parametrize(
    "text", ["our go-\nbased approach", "a well-\ndriven plan", "Self-\nfirst thinking"]
)
def test_a_word_before_a_word_of_use_at_a_line_end_stays_a_word(
    matcher: Matcher, text: str
) -> None:
    assert [
        m.id for m in matcher.skills(text) if m.label not in ("soft_skill", "domain", "field")
    ] == []


def test_forms_holding_a_spacy_symbol_match(matcher: Matcher) -> None:
    # spaCy gives a few strings ("root", "obj", "cc", "prep") a symbol's id instead of their hash:
    # a form holding one ("root cause analysis", "Obj-C", "Photoshop CC") must match all the same
    from spacy.symbols import IDS

    from jdmatch.tokens import fold_plural, token_texts

    forms = [
        (entry.id, form)
        for entry in matcher.recognizer.lexicon.entries
        for form in (entry.name, *entry.aliases)
        if any(v in IDS for w in token_texts(form) for v in (w, w.lower(), fold_plural(w.lower())))
    ]
    assert len(forms) > 20  # the check reaches the forms it is about
    missed = [
        (i, form)
        for i, form in forms
        if i not in {m.id for m in matcher.skills(f"Experience with {form} in production.")}
    ]
    assert missed == []


@pytest.mark.parametrize(
    "text",
    [
        "Crystal Nguyen, Product Designer, and the Python team",
        "References: Julia Okafor (Engineering Manager) and Go developers",
        "Mentored by Ruby Alvarez on our Kubernetes platform",
    ],
)
def test_a_language_that_is_also_a_given_name_before_a_surname_is_a_person(
    matcher: Matcher, text: str
) -> None:
    assert {"crystal", "julia", "ruby"}.isdisjoint(m.id for m in matcher.skills(text))


@pytest.mark.parametrize(
    "text, skill",
    [
        ("Numerical work in Julia Flux and MATLAB", "julia"),
        ("Ruby Gems we published, with RSpec", "rubygems"),
        ("Languages: Crystal, Ruby, Elixir", "crystal"),
    ],
)
def test_the_language_before_a_skill_or_in_a_list_stays(
    matcher: Matcher, text: str, skill: str
) -> None:
    assert skill in {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, skill, evidence",
    [
        ("Pipelines on Apache Kafka Connect and Flink", "kafka-connect", "Apache Kafka Connect"),
        ("Serverless on Microsoft Azure Functions", "azure-functions", "Microsoft Azure Functions"),
        (
            "Events through Google Cloud Pub/Sub topics",
            "google-cloud-pubsub",
            "Google Cloud Pub/Sub",
        ),
    ],
)
def test_a_part_written_with_its_makers_name_is_one_mention(
    matcher: Matcher, text: str, skill: str, evidence: str
) -> None:
    # "Apache Kafka Connect": the maker's name of Kafka ("Apache Kafka") is Kafka Connect's too
    found = {m.id: m.text for m in matcher.skills(text)}
    assert found.get(skill) == evidence and "apache" not in found


@pytest.mark.parametrize(
    "text, skill",
    [("Operators on kube, shipped with Helm", "kubernetes"), ("Tools in py3 and Bash", "python")],
)
def test_slang_spellings_of_common_tools(matcher: Matcher, text: str, skill: str) -> None:
    assert skill in {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, skill",
    [
        ("Python for data processing and analysis.", "python"),
        ("Upgraded Tomcat twice last year.", "tomcat"),
        ("Moved the weekly reports to Tableau.", "tableau"),
        ("Core Python, then a little Go", "python"),
        ("python sql dbt", "python"),
    ],
)
def test_a_mostly_technical_name_needs_no_cue(matcher: Matcher, text: str, skill: str) -> None:
    assert skill in {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text",
    [
        "We saw a Python at the reptile house.",
        "We watched Monty Python on Fridays.",
        "The pandas at the zoo ate bamboo.",
        "I fed my python before work.",
        "Spent a semester volunteering on Java and Bali.",
    ],
)
def test_a_mostly_technical_name_in_its_ordinary_sense_is_no_skill(
    matcher: Matcher, text: str
) -> None:
    assert [m.text for m in matcher.skills(text)] == []


@pytest.mark.parametrize(
    "text",
    [
        "Paired with Julia from our analytics group on the Tableau reports",
        "Thanks to Ruby, who reviewed every Rails migration",
        "Onboarded by Crystal from the SRE team onto Terraform",
    ],
)
def test_a_given_name_before_words_about_a_person_is_a_person(matcher: Matcher, text: str) -> None:
    assert {"crystal", "julia", "ruby"}.isdisjoint(m.id for m in matcher.skills(text))


def test_calling_a_language_from_another_is_still_the_language(matcher: Matcher) -> None:
    assert {"julia", "python"} <= {m.id for m in matcher.skills("Called Julia from Python code")}


@pytest.mark.parametrize(
    "text, absent, present",
    [
        ("Google, Zurich — Software Development Engineer", "software-development", set()),
        ("Web Development Intern, Acme Labs, 2019", "web-development", set()),
        ("Led software development for a payments API in Go", "", {"software-development"}),
    ],
)
def test_a_practice_in_a_job_title_is_the_title(
    matcher: Matcher, text: str, absent: str, present: set[str]
) -> None:
    found = {m.id for m in matcher.skills(text)}
    assert absent not in found and present <= found


@pytest.mark.parametrize(
    "text, skill",
    [
        ("Rewrote the billing worker in Go last spring.", "go"),
        ("Deployment pipelines in Jenkins for every service", "jenkins"),
        ("Ported the scheduler to Rust.", "rust"),
    ],
)
def test_words_of_rewriting_and_releasing_are_cues(matcher: Matcher, text: str, skill: str) -> None:
    assert skill in {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, skills",
    [
        ("Built Kuber\u00adnetes operators", {"kubernetes"}),
        ("Wrote Post\u200bgreSQL migrations", {"postgresql"}),
        ("Maintained C#.NET services and a VB.NET tool", {"csharp", "dotnet", "vbnet"}),
        ("Frontend in React with TS, data in BQ and Python", {"typescript", "bigquery"}),
    ],
)
def test_invisible_characters_glued_platforms_and_short_aliases(
    matcher: Matcher, text: str, skills: set[str]
) -> None:
    assert skills <= {m.id for m in matcher.skills(text)}


def test_a_clearance_is_not_typescript(matcher: Matcher) -> None:
    found = {m.id for m in matcher.skills("Active TS/SCI clearance; Python and Java daily")}
    assert "typescript" not in found and {"python", "java"} <= found


@pytest.mark.parametrize(
    "text, skills",
    [
        # a line that opens with two names is a list, whatever their case
        ("java python c++ javascript linux", {"java", "python", "cpp", "javascript", "linux"}),
        ("Rust Docker Terraform, all on Linux", {"rust", "docker", "terraform"}),
        ("Go Python Kafka on the data team", {"go", "python", "kafka"}),
        ("mysql java hibernate jenkins", {"mysql", "java", "hibernate", "jenkins"}),
    ],
)
def test_a_line_opening_with_two_names_is_a_list(
    matcher: Matcher, text: str, skills: set[str]
) -> None:
    assert skills <= {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Go to the careers page and apply with Python samples.",
        "Swift replies matter to our Python team.",
        "Spring is busy for the Java team.",
    ],
)
def test_a_sentence_opening_with_an_ordinary_word_is_still_prose(
    matcher: Matcher, text: str
) -> None:
    found = {m.id for m in matcher.skills(text)}
    assert not found & {"go", "swift", "spring"}


@pytest.mark.parametrize(
    "text, skills",
    [
        ("Batch jobs: Spark+Scala+Hive", {"spark", "scala", "hive"}),
        ("Pipeline: Kafka→Flink→Cassandra", {"kafka", "flink", "cassandra"}),
        ("Exports go S3->Athena->QuickSight", {"amazon-s3", "amazon-athena", "amazon-quicksight"}),
        ("Tooling: Git/GitHub/GitLab", {"git", "github", "gitlab"}),
        ("Design in Figma – Sketch – Photoshop", {"figma", "sketch", "photoshop"}),
    ],
)
def test_plus_signs_arrows_and_sites_in_lists(
    matcher: Matcher, text: str, skills: set[str]
) -> None:
    found = matcher.skills(text)
    assert skills <= {m.id for m in found}
    assert all(not m.text.endswith("+") for m in found)  # "Spark", not "Spark+"


def test_a_plus_inside_a_name_stays_the_name(matcher: Matcher) -> None:
    found = {m.id: m.text for m in matcher.skills("C++17, Notepad++ and Python 3.11+")}
    assert found.get("cpp") == "C++17" and found.get("python") == "Python 3.11+"


@pytest.mark.parametrize(
    "text, forbidden",
    [
        ("Shell plc — Graduate Trainee, Rotterdam", {"shell-scripting", "plc"}),
        ("Barclays PLC, London — Analyst", {"plc"}),
        ("Registered Nurse, Unity Health Toronto", {"unity"}),
        ("Salesforce Tower, 415 Mission St, San Francisco", {"salesforce"}),
        ("Engineer, Python Software Foundation", {"python"}),
        ("GitHub: jdoe-dev", {"github"}),
    ],
)
def test_companies_addresses_and_handles_are_context(
    matcher: Matcher, text: str, forbidden: set[str]
) -> None:
    assert not forbidden & {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, skill",
    [
        ("Siemens PLC programming for packaging lines", "plc"),
        ("Game developer, Unity and C#", "unity"),
        ("Backend Engineer, Kafka Streams team", "kafka-streams"),
    ],
)
def test_a_skill_beside_those_rules_stays(matcher: Matcher, text: str, skill: str) -> None:
    assert skill in {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, skill",
    [
        ("Rewrote the hot path of the log parser in Rust, halving p99", "rust"),
        ("All services are written in Go and shipped weekly", "go"),
    ],
)
def test_a_language_after_in_where_code_is_written(matcher: Matcher, text: str, skill: str) -> None:
    assert skill in {m.id for m in matcher.skills(text)}


def test_a_trip_to_java_is_no_language(matcher: Matcher) -> None:
    assert "java" not in {m.id for m in matcher.skills("Spent a month in Java and Bali")}


@pytest.mark.parametrize(
    "text, implied",
    [
        ("Set up continuous integration and deployment", {"ci-cd", "continuous-deployment"}),
        ("CI/CD for every repository", {"continuous-integration", "continuous-delivery"}),
        ("Strong data structures and algorithms", {"data-structures", "algorithms"}),
        ("Windows Server administration", {"windows-server", "system-administration"}),
    ],
)
def test_compound_practices_imply_their_parts(
    matcher: Matcher, text: str, implied: set[str]
) -> None:
    from jdmatch.recognize import implied_skills

    mentions = matcher.skills(text)
    assert implied <= set(implied_skills(mentions, matcher.recognizer.lexicon))


@pytest.mark.parametrize(
    "text, skills",
    [
        ("AWS: EC2, RDS, Lambdas, SQS", {"aws-lambda", "amazon-ec2", "amazon-rds"}),
        ("GCP: BigQuery, Pub/Sub, Cloud Run", {"google-cloud-pubsub", "google-cloud-run"}),
        ("Azure (App Service, Functions, AKS)", {"azure-app-service", "azure-functions", "aks"}),
        (
            "Spring (Boot, Security, Data JPA)",
            {"spring-boot", "spring-security", "spring-data-jpa"},
        ),
        # a maker whose one-word name is ambiguous heads its list too
        ("Spring: Batch, Cloud", {"spring-batch", "spring-cloud"}),
    ],
)
def test_products_listed_under_their_maker(matcher: Matcher, text: str, skills: set[str]) -> None:
    assert skills <= {m.id for m in matcher.skills(text)}


def test_a_generic_name_outside_a_makers_list_stays_generic(matcher: Matcher) -> None:
    found = {m.id for m in matcher.skills("Pub/Sub messaging between services with Kafka")}
    assert "publish-subscribe" in found and "google-cloud-pubsub" not in found


@pytest.mark.parametrize(
    "text",
    [
        "Wrote my dissertation on Kafka and the modern European novel",
        "Volunteer keeper at the reptile house, caring for a royal python",
        "Docker at the container port, unloading cargo on night shifts",
        "Terraform your garden this spring with raised beds",
        "Julia and Ruby took the express ferry to Java for the spring holiday.",
        "Hotel receptionist in Cairo, Egypt; fluent in Arabic, French and English.",
        "Dr. Aurora Chen supervised my placement; Athena Papadakis runs housekeeping.",
        "Coach Tom Haskell led the netball squad.",
        "GCSE English grade C; seated at table R.",
        "Ruby, Jade and Crystal are the new hires on the Saturday shift.",
    ],
)
def test_ordinary_senses_of_tool_names_are_no_tools(matcher: Matcher, text: str) -> None:
    technical = {
        m.id
        for m in matcher.skills(text)
        if m.label not in ("spoken_language", "soft_skill", "field", "domain")
    }
    assert technical == set()


@pytest.mark.parametrize(
    "text, skills",
    [
        ("Pushed the docker images to ECR", {"docker", "amazon-ecr"}),
        ("Go through the Terraform plan before every apply", {"terraform"}),
        ("Provisioned infra with Terra-\nform and Ansible.", {"terraform", "ansible"}),
        ("Practised test-driven develop-\nment daily", {"tdd"}),
        ("Docker or docker-compose for local stacks", {"docker", "docker-compose"}),
        ("Languages: Julia, R and Python", {"julia", "r", "python"}),
        ("Amazon Aurora PostgreSQL and Athena queries over S3", {"amazon-aurora", "amazon-athena"}),
    ],
)
def test_the_same_names_as_tools_stay_tools(matcher: Matcher, text: str, skills: set[str]) -> None:
    assert skills <= {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, skills",
    [
        # a shared head of two words or more
        ("Static and dynamic application security testing", {"sast", "dast"}),
        ("Windows and Linux server administration", {"windows-server", "linux"}),
        # a certification's head lent to a named cloud, a generic word made specific
        ("AWS and Azure certified", {"aws-certification", "azure-certification"}),
        (
            "Security and penetration testing of web apps",
            {"security-testing", "penetration-testing"},
        ),
        # a coordinated term imported from SkillSpan names its parts (tools/skillspan_implies.py)
        ("Manual testing of Android and iOS apps", {"android", "ios"}),
        ("Both relational and non-relational databases", {"relational-databases", "nosql"}),
    ],
)
def test_coordinations_with_longer_heads(matcher: Matcher, text: str, skills: set[str]) -> None:
    from jdmatch.recognize import implied_skills

    mentions = matcher.skills(text)
    found = {m.id for m in mentions} | set(implied_skills(mentions, matcher.recognizer.lexicon))
    assert skills <= found


def test_a_named_tool_keeps_its_name_before_a_shared_head(matcher: Matcher) -> None:
    found = {m.id for m in matcher.skills("Java and Python developers wanted")}
    assert {"java", "python"} <= found


@pytest.mark.parametrize(
    "text, skills",
    [
        ("react;redux;typescript;jest", {"react", "redux", "typescript", "jest"}),
        ("tech: node|express|mongo|redis", {"nodejs", "express", "mongodb", "redis"}),
        ("swift,kotlin,dart", {"swift", "kotlin", "dart"}),
    ],
)
def test_lower_case_names_in_a_tag_list(matcher: Matcher, text: str, skills: set[str]) -> None:
    assert skills <= {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize("text", ["A go,no-go decision by Friday", "We go;they stay"])
def test_lower_case_words_glued_by_a_comma_stay_words(matcher: Matcher, text: str) -> None:
    assert "go" not in {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, forbidden",
    [
        ("Backend Developer · Phoenix, AZ · 2017 – 2020", {"phoenix"}),
        ("IT Support Specialist, Apex Systems — Apex, NC 27502", {"apex"}),
        ("Software Developer | Goldman Sachs | Salt Lake City, UT", {"saltstack"}),
        ("Backend Engineer — HSBC — Hong Kong\n2019 – 2021", {"kong"}),
        ("Dakota Swift\nApex, NC · dakota.swift@example.com\nQA engineer", {"swift"}),
        ("Crew Analyst — British Airways (BA) — London", {"ba"}),
        ("Event staff, Spark Arena, Auckland", {"spark"}),
        ("Volunteer guide on Kotlin Island", {"kotlin"}),
    ],
)
def test_places_people_and_abbreviations_are_context(
    matcher: Matcher, text: str, forbidden: set[str]
) -> None:
    assert not forbidden & {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, skills",
    [
        ("Infrastructure on Amazon Web Services (AWS)", {"aws"}),
        ("Taylor Brooks, MBA\nCharlotte, NC | taylor@example.com", {"mba"}),
        ("BA, MA in History", {"ba", "ma"}),
        (
            "Senior Embedded Engineer | C, Rust, Zephyr RTOS\nCambridge, UK | a@example.com",
            {"rust"},
        ),
    ],
)
def test_skills_beside_those_places_and_names_stay(
    matcher: Matcher, text: str, skills: set[str]
) -> None:
    assert skills <= {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, forbidden",
    [
        ("Preceptor: Laura Helm, RN, Nurse Educator", {"helm"}),
        ("Site foreman: Gary Jenkins, Jenkins Builds Ltd, Swindon", {"jenkins"}),
        ("Coach Tom Haskell led the squad", {"haskell"}),
    ],
)
def test_surnames_and_companies_named_like_tools(
    matcher: Matcher, text: str, forbidden: set[str]
) -> None:
    assert not forbidden & {m.id for m in matcher.skills(text)}


def test_a_first_name_that_is_a_skill_does_not_make_a_surname(matcher: Matcher) -> None:
    assert "jenkins" in {m.id for m in matcher.skills("Built pipelines in Jenkins with Laura")}


@pytest.mark.parametrize(
    "text, skills",
    [
        ("Tools:Jira,Confluence,Bitbucket,Bamboo", {"confluence", "bamboo"}),  # tools, not bamboo
        ("Rust services built with cargo and clippy", {"rust"}),  # cargo is Rust's, not freight
    ],
)
def test_a_tool_named_like_an_ordinary_word_is_no_ordinary_word(
    matcher: Matcher, text: str, skills: set[str]
) -> None:
    assert skills <= {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, forbidden",
    [
        ("Our mission is to terraform the way families think about saving.", {"terraform"}),
        ("Grew up in the Rust Belt before moving to Ohio.", {"rust"}),
    ],
)
def test_verbs_and_regions_named_like_tools(
    matcher: Matcher, text: str, forbidden: set[str]
) -> None:
    assert not forbidden & {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, skills",
    [
        ("snowflake dbt fivetran looker airbyte", {"snowflake", "looker"}),
        ("unity c# blender photoshop", {"unity", "blender"}),
        ("ruby rails rspec sidekiq heroku", {"ruby", "rails"}),
    ],
)
def test_lower_case_names_on_a_line_of_names(matcher: Matcher, text: str, skills: set[str]) -> None:
    assert skills <= {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text", ["Growth marketing maven — SEO, Google Analytics", "go fast and rust slowly today"]
)
def test_lower_case_words_in_a_phrase_stay_words(matcher: Matcher, text: str) -> None:
    assert not {"maven", "go", "rust"} & {m.id for m in matcher.skills(text)}


def test_a_concept_of_several_words_counts_in_lower_case(matcher: Matcher) -> None:
    found = {m.id for m in matcher.skills("Biostatistician: R, SAS, survival analysis")}
    assert {"r", "sas", "survival-analysis"} <= found


@pytest.mark.parametrize(
    "text, forbidden",
    [
        # the employer is rejected, so it vouches for no ambiguous name beside it
        ("Head Chef, Snowflake Foods, Denver, CO (2016-2019)", {"chef", "snowflake"}),
        ("Sous chef at Tableau Foods Ltd, then Puppet Theatre Cafe", {"chef", "tableau", "puppet"}),
    ],
)
def test_a_name_that_is_context_vouches_for_no_neighbour(
    matcher: Matcher, text: str, forbidden: set[str]
) -> None:
    assert not forbidden & {m.id for m in matcher.skills(text)}


def test_names_beside_each_other_still_vouch_when_they_are_tools(matcher: Matcher) -> None:
    found = {m.id for m in matcher.skills("Chef, Puppet and Ansible for configuration management")}
    assert {"chef", "puppet", "ansible"} <= found


@pytest.mark.parametrize(
    "text, skills",
    [
        ("Backend Developer, Acme Corp (2018-2021): Go, Rust", {"go", "rust"}),
        ("Data Engineer, Initech (2020-2023): Spark, Hive", {"spark", "hive"}),
        ("Software Engineer, Oracle - Pune (2019-2022): Java, Kafka", {"java", "kafka"}),
    ],
)
def test_a_cue_before_a_colon_heads_the_list_after_it(
    matcher: Matcher, text: str, skills: set[str]
) -> None:
    assert skills <= {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text", ["Store Manager, Acme (2019): Java, Ruby", "Waiter, Bistro Nine (2015): Java, Mocha"]
)
def test_a_head_without_a_cue_makes_no_list_of_tools(matcher: Matcher, text: str) -> None:
    assert not {"java", "ruby", "mocha"} & {m.id for m in matcher.skills(text)}


def test_a_nickname_in_quotes_is_no_skill(matcher: Matcher) -> None:
    assert "django" not in {m.id for m in matcher.skills('Coached by Luca "Django" Bianchi.')}
    # quotes alone do not make a nickname
    assert "django" in {m.id for m in matcher.skills('We build the admin in "Django" and Python.')}


@pytest.mark.parametrize(
    "text, forbidden",
    [
        ("Registered Dental Nurse Specialist (DNS), 2019", {"dns"}),
        ("CSS — Certified Safety Supervisor, 2018", {"css"}),
        ("Bartender, Flask Tavern, Leeds", {"flask"}),
        ("Dishwasher, Hadoop Diner", {"hadoop"}),
        # spelt out later on the line, in parentheses or after another parenthesis
        ("SQL Level 2 award (Safe Quality Leadership), 2020", {"sql"}),
        ("CSS (BCSP) Certified Safety Specialist since 2017", {"css"}),
        ("Passed the AWS-endorsed exam (Australian Wine Society) in 2021", {"aws"}),
        # a name that ends a longer one its letters abbreviate
        ("Completed Advanced Machine Learning (AML) compliance training", {"machine-learning"}),
        # a venue or a company word after a possessive
        ("Host at Redis's Tavern on Main Street", {"redis"}),
        ("Waited tables at Nginx's Diner downtown", {"nginx"}),
    ],
)
def test_an_abbreviation_spelt_out_as_something_else_and_venues(
    matcher: Matcher, text: str, forbidden: set[str]
) -> None:
    assert not forbidden & {m.id for m in matcher.skills(text)}


def test_a_possessive_before_a_word_of_no_venue_keeps_the_skill(matcher: Matcher) -> None:
    found = {m.id for m in matcher.skills("Tuned Kafka's Consumer groups and PostgreSQL")}
    assert {"kafka", "postgresql"} <= found


@pytest.mark.parametrize(
    "text, skills",
    [
        ("Set up Domain Name System (DNS) zones", {"dns"}),
        ("CSS — Cascading Style Sheets and HTML", {"css", "html"}),
        ("Continuous Integration (CI) with Jenkins", {"continuous-integration", "jenkins"}),
        ("AWS on every project (Amazon Web Services), with Terraform", {"aws", "terraform"}),
    ],
)
def test_an_abbreviation_of_the_same_skill_stays(
    matcher: Matcher, text: str, skills: set[str]
) -> None:
    found = matcher.skills(text)
    assert skills <= {m.id for m in found}
    # both the spelt-out name and the abbreviation are mentions of it
    assert sum(1 for m in found if m.id == sorted(skills)[0]) == 2


@pytest.mark.parametrize(
    "text, skills",
    [
        ("Stores::PostgreSQL::Kafka::Elasticsearch", {"postgresql", "kafka", "elasticsearch"}),
        ("Skills: C#, ASP.NET, MS SQL and Azure", {"csharp", "aspnet", "sql-server"}),
        ("RoR on PG, Sidekiq and Redis", {"postgresql", "rails"}),
        ("Sessions kept in DDB tables on AWS", {"dynamodb"}),
        ("Upgraded OCP clusters and wrote Kubernetes operators", {"openshift"}),
        ("Metrics in Prom, dashboards in Grafana", {"prometheus", "grafana"}),
        ("Role-based authorisation for the admin API", {"authorization"}),
    ],
)
def test_double_colon_lists_dotted_names_and_short_aliases(
    matcher: Matcher, text: str, skills: set[str]
) -> None:
    assert skills <= {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, forbidden",
    [
        ("The PG-13 rating of the film", {"postgresql"}),
        ("Quezon City, Metro Manila", {"microsoft-metro"}),
        ("She went to the prom in June", {"prometheus"}),
    ],
)
def test_short_aliases_need_their_context(matcher: Matcher, text: str, forbidden: set[str]) -> None:
    assert not forbidden & {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, skill",
    [
        ("Ran stress-testing of the payments API", "stress-testing"),
        ("Led penetration-testing engagements", "penetration-testing"),
        ("Load- and stress-testing with k6", "stress-testing"),
    ],
)
def test_a_practice_of_two_words_counts_hyphenated(matcher: Matcher, text: str, skill: str) -> None:
    assert skill in {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, skills",
    [
        # a dotted name before a slash is a list, not a web address
        ("vue.js/vuex/axios on the front", {"vuejs", "vuex", "axios"}),
        ("Stack: Next.js/Prisma/Postgres", {"nextjs", "prisma", "postgresql"}),
        ("ASP.NET/C#/MSSQL", {"aspnet", "csharp", "sql-server"}),
        # two languages joined right after "in"
        ("The billing engine is in Rust and Go.", {"rust", "go"}),
        ("Scripts in Ruby or Python", {"ruby", "python"}),
    ],
)
def test_dotted_names_before_a_slash_and_two_languages_after_in(
    matcher: Matcher, text: str, skills: set[str]
) -> None:
    assert skills <= {m.id for m in matcher.skills(text)}


def test_a_web_address_stays_one_token(matcher: Matcher) -> None:
    found = {m.id for m in matcher.skills("Portfolio: github.com/react-dev and www.vue.js/demo")}
    assert not {"react", "vuejs"} & found


@pytest.mark.parametrize(
    "text, forbidden",
    [
        # a person or a place joined to a language after "in"
        ("We stayed in Ruby and Julia's cottage", {"ruby", "julia"}),
        ("The family settled in Java and Bali.", {"java"}),
        # acronyms whose lower-case spelling is an ordinary word
        ("Sold ads for the student paper", {"agilent-advanced-design-system-ads"}),
        ("Branch manager in Des Moines, 2018-2022", {"des"}),
        ("Cleaned the brewing vat every morning", {"tax-preparation"}),
        # a company of a family name and "& Sons"
        ("Foreman, Docker & Sons Removals, Leeds", {"docker"}),
        # another trade's abbreviation is not confirmed by software near it
        ("RN on iOS and Android, with Redux and Jest", {"registered-nurse"}),
        ("Hadoop and Hive jobs migrated to EMR", {"ehr"}),
        # a cue word after a full stop belongs to the next sentence
        ("Graduated from General Assembly in 2023. Developed three apps.", {"assembly"}),
    ],
)
def test_ordinary_words_companies_and_other_trades_are_no_tools(
    matcher: Matcher, text: str, forbidden: set[str]
) -> None:
    assert not forbidden & {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, skills",
    [
        ("Designed RF front ends in Keysight ADS", {"agilent-advanced-design-system-ads"}),
        ("Filed monthly VAT returns and reconciled payroll", {"tax-preparation"}),
        ("RN with ICU and telemetry experience, BLS certified", {"registered-nurse"}),
        ("Charted every visit in the EMR for our patients", {"ehr"}),
        ("CI on Jenkins & GitHub Actions", {"jenkins", "github-actions"}),
    ],
)
def test_the_same_names_in_their_own_context_stay(
    matcher: Matcher, text: str, skills: set[str]
) -> None:
    assert skills <= {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, forbidden",
    [
        # one-word names of imported entries are ordinary words or places out of technical context
        ("Spent the summer at the Tivoli Gardens with my nieces", {"tivoli"}),
        ("Saw a storm petrel off the coast of Skye", {"petrel"}),
        ("Grandma's sudoku book goes everywhere with her", {"sudoku"}),
        # a state code before a lower-case word that does not go on with a degree
        ("Left Oxford, MS for Lowell, MA after college", {"ms", "ma"}),
        # a word of the ordinary sense after the name, capitalised too
        ("Driver for Express Delivery Couriers, 2015-2019", {"express"}),
        ("Wrote SOAP notes after each physiotherapy session", {"soap"}),
        # an abbreviation spelt out elsewhere on its line as something else
        (
            "ECE coursework; member of the Early Childhood Educators network",
            {"electrical-engineering"},
        ),
        # credentials of other trades
        ("NASM personal training certificate, 2021", {"nasm"}),
        ("Kept the SQF food safety plan and GMP records for the kitchen", {"sqf", "gmp"}),
    ],
)
def test_imported_names_state_codes_and_other_senses_are_context(
    matcher: Matcher, text: str, forbidden: set[str]
) -> None:
    assert not forbidden & {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, skills",
    [
        ("Monitoring: Tivoli, Nagios and Zabbix", {"tivoli", "nagios", "zabbix"}),
        ("Reservoir models built in Petrel, with Python and Eclipse", {"petrel"}),
        ("Hardening: SELinux policies, auditd and Linux firewalls", {"selinux"}),
        ("Jane Roe, MA in Economics", {"ma"}),
        ("Boot code in NASM for x86 and a C kernel", {"nasm"}),
        # an imported name that is an activity needs no technical context
        ("Owned pricing and packaging for the subscription plans", {"pricing"}),
    ],
)
def test_the_same_names_in_technical_context_stay(
    matcher: Matcher, text: str, skills: set[str]
) -> None:
    assert skills <= {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, skills",
    [
        # short names with their cues
        ("Kibana dashboards over an ES cluster of 40 nodes", {"elasticsearch"}),
        ("Moved the search index from Solr to Elastic", {"elasticsearch"}),
        ("Trained the detection model in torch with CUDA", {"pytorch"}),
        ("Tuned xgb and LightGBM models for fraud scoring", {"xgboost"}),
        ("EC2 instances behind ASGs and an ALB", {"aws-auto-scaling"}),
        ("Firmware for the ECU: CAN and UART drivers on STM32", {"can-bus"}),
        ("GitLab runners using Docker-in-Docker", {"docker"}),
        # two languages joined, neither a given name
        ("Platform Engineer, Acme, Leeds — Scala and Go for the pricing engine", {"scala", "go"}),
        # a city the lexicon does not list, then a country it does
        ("Analyst, Shell, The Hague, Netherlands — SQL and Python", {"sql", "python"}),
    ],
)
def test_short_names_compounds_and_pairs_of_languages(
    matcher: Matcher, text: str, skills: set[str]
) -> None:
    assert skills <= {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, forbidden",
    [
        ("Packed a torch and an elastic band for the hike", {"pytorch", "elasticsearch"}),
        ("R and D budget doubled in 2021", {"r", "d"}),
        ("Operations lead, Shell, Den Haag, Netherlands", {"shell-scripting"}),
        ("YES WE CAN deliver on time", {"can-bus"}),
        ("Trimmed the spinnaker through the last gybe of the regatta", {"spinnaker"}),
        ("A flight of IPAs and stouts at the taproom", {"ipa"}),
        ("Poured Pinot Grigio at the vineyard's cellar door", {"pinot"}),
        ("Ordered a selenium test with the blood panel", {"selenium"}),
    ],
)
def test_the_short_names_out_of_context(matcher: Matcher, text: str, forbidden: set[str]) -> None:
    assert not forbidden & {m.id for m in matcher.skills(text)}


def test_react_testing_library_implies_react_and_testing_library(matcher: Matcher) -> None:
    from jdmatch.recognize import implied_skills

    found = matcher.skills("Unit tests with React Testing Library")
    assert "react-testing-library" in {m.id for m in found}
    assert {"react", "testing-library"} <= set(implied_skills(found, matcher.recognizer.lexicon))


@pytest.mark.parametrize(
    "text, forbidden",
    [
        # a credential opening with letters of a skill it implies, spelt out as something else
        (
            "AWS Certified Welding Inspector (American Welding Society), 2015",
            {"aws-certification", "aws"},
        ),
    ],
)
def test_a_credential_whose_letters_are_spelt_as_another_body(
    matcher: Matcher, text: str, forbidden: set[str]
) -> None:
    assert not forbidden & {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, skill",
    [
        ("PMI-ACP — Project Management Institute, 2020", "pmi-acp"),
        ("AWS Certified Developer (Amazon Web Services), 2023", "aws-certified-developer"),
        ("AWS certified (Amazon Web Services), 2021", "aws-certification"),
    ],
)
def test_a_credential_spelt_as_its_own_body_stays(matcher: Matcher, text: str, skill: str) -> None:
    assert skill in {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, forbidden",
    [
        ("Drove my grandmother Julia, a retired teacher, to her appointments", {"julia"}),
        ("Our cat was named after my uncle Django, a keen fisherman", {"django"}),
    ],
)
def test_a_name_after_a_kinship_word_is_a_person(
    matcher: Matcher, text: str, forbidden: set[str]
) -> None:
    assert not forbidden & {m.id for m in matcher.skills(text)}


def test_a_kinship_word_before_a_technical_phrase_keeps_the_tool(matcher: Matcher) -> None:
    found = {
        m.id for m in matcher.skills("Maintained the partner Django app and its Celery workers")
    }
    assert {"django", "celery"} <= found


@pytest.mark.parametrize(
    "text, forbidden",
    [
        ("Hired as a bouncer and door security for the student union's club nights", {"security"}),
        ("Took the social security forms to the benefits office", {"security"}),
        ("Testing water quality in the estuary for the river trust", {"software-testing"}),
        ("A grey cloud of dust hung over the quarry all afternoon", {"cloud-computing"}),
        ("Monitoring the lambing pens through the night in March", {"monitoring"}),
        ("Organised networking breakfasts for the chamber of commerce", {"networking"}),
        ("Factory automation was the theme of the union's annual meeting", {"automation"}),
        ("The knitting pattern follows a simple algorithm of two rows", {"algorithms"}),
    ],
)
def test_common_words_that_name_a_practice_need_technical_context(
    matcher: Matcher, text: str, forbidden: set[str]
) -> None:
    assert not forbidden & {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, skill",
    [
        (
            "Cared about security across the API gateway: OWASP checks and secret rotation",
            "security",
        ),
        (
            "Owned testing for the payments service, from pytest suites to load tests",
            "software-testing",
        ),
        ("Moved the team's workloads to the cloud with Terraform", "cloud-computing"),
        ("Set up monitoring with Prometheus and paged on SLO burn", "monitoring"),
        ("Linux networking: iptables, VLANs and BGP peering", "networking"),
        ("Built automation in Python and Ansible for our server fleet", "automation"),
        ("Implemented graph algorithms for route search in Go", "algorithms"),
    ],
)
def test_the_same_common_words_in_technical_context_stay(
    matcher: Matcher, text: str, skill: str
) -> None:
    assert skill in {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, skills",
    [
        ("Kustomize-patched overlays and Flux-reconciled releases", {"kustomize", "flux"}),
        ("Ported the Mocha-tested helpers to Vitest", {"mocha", "vitest"}),
        ("Led the Puppet-to-Ansible rewrite of our host configuration", {"puppet", "ansible"}),
        ("Legacy Perl-and-Ruby tooling retired in 2023", {"perl", "ruby"}),
        ("Moved reporting from Redshift-Snowflake syncs to dbt", {"redshift", "snowflake"}),
    ],
)
def test_a_name_hyphenated_to_a_participle_or_to_another_name_stays(
    matcher: Matcher, text: str, skills: set[str]
) -> None:
    assert skills <= {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, forbidden",
    [
        ("Wrote the go-to-market brief for the autumn catalogue", {"go"}),
        ("Her Rust-coloured scarf won the knitting prize", {"rust"}),
        ("Fitted a spring-loaded latch to the garden gate", {"spring"}),
    ],
)
def test_a_hyphenated_compound_of_ordinary_words_names_no_tool(
    matcher: Matcher, text: str, forbidden: set[str]
) -> None:
    assert not forbidden & {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, forbidden",
    [
        # three ambiguous names in one sentence but no list: words other than separators between
        (
            "Luigi sat on the wall; Falcon chased it and Nomad slept in the sun",
            {"luigi", "falcon", "nomad"},
        ),
        ("Took Consul Road past Vault Lane to reach Beam Street", {"consul", "vault", "beam"}),
        # people: a first name before each surname, or two first names joined
        (
            "Thanks to Jade Airflow, Oscar Jenkins and Nina Puppet for the raffle",
            {"airflow", "jenkins", "puppet"},
        ),
        ("Ray Swift and Sage Rust judged the baking contest", {"ray", "sage", "swift", "rust"}),
        ("The cake was made by Julia and Oscar for the fete", {"julia"}),
    ],
)
def test_names_in_prose_and_people_are_no_list_of_tools(
    matcher: Matcher, text: str, forbidden: set[str]
) -> None:
    assert not forbidden & {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, skills",
    [
        ("Kafka | Spark | Hive", {"kafka", "spark", "hive"}),
        ("Airflow, Puppet and Jenkins", {"airflow", "puppet", "jenkins"}),
        ("Languages: Ruby and Julia", {"ruby", "julia"}),
        ("Stack: Ray, Dask and Spark", {"ray", "dask", "spark"}),
    ],
)
def test_a_list_of_ambiguous_names_still_vouches_for_each(
    matcher: Matcher, text: str, skills: set[str]
) -> None:
    assert skills <= {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, forbidden",
    [
        ("Paediatric ward: nursed infants with RDS on CPAP and high-flow", {"amazon-rds"}),
        ("Recorded GCS and pupil checks hourly after the head injury", {"google-cloud-storage"}),
        ("Set up the PCA pump and charted morphine doses after surgery", {"pca"}),
        ("Bloods back: BMP unremarkable, troponin negative", {"bmp"}),
        ("Treated PID and UTIs at the walk-in sexual health clinic", {"pid"}),
        ("Tesi sulla gestione dei rifiuti urbani", {"cross-cultural"}),
        ("Database of customer addresses kept in a ring binder", {"teradata-database"}),
        ("Pig roast and ceilidh at the village hall", {"pig"}),
        ("Shot the wedding with Flash photography in the marquee", {"flash"}),
    ],
)
def test_another_fields_acronyms_and_ordinary_nouns_after_a_name(
    matcher: Matcher, text: str, forbidden: set[str]
) -> None:
    assert not forbidden & {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, skill",
    [
        ("Migrated MySQL to RDS with read replicas in two regions", "amazon-rds"),
        ("Exports land in GCS buckets before BigQuery loads them", "google-cloud-storage"),
        ("Reduced 300 features to 20 with PCA before clustering", "pca"),
        ("Tuned the PID loop on the PLC for the conveyor motor", "pid"),
        ("Championed DEI hiring practices across engineering", "cross-cultural"),
    ],
)
def test_the_same_acronyms_in_their_technical_sense_stay(
    matcher: Matcher, text: str, skill: str
) -> None:
    assert skill in {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, skills",
    [
        # a list after a job line's dash
        ("Platform Engineer, Orbit Couriers, Leeds — Consul, Nomad", {"consul", "nomad"}),
        # a tool right before a practice is no sentence's subject
        ("Jest unit tests guard every reducer", {"jest", "unit-testing"}),
        # a language after "in" in a sentence about coursework or a project
        ("Final-year project in Rust: a tiny key-value store", {"rust"}),
        # Erlang's OTP
        ("Supervisors and gen_servers in OTP kept the switch up", {"otp"}),
    ],
)
def test_list_heads_tools_before_practices_and_projects_in_a_language(
    matcher: Matcher, text: str, skills: set[str]
) -> None:
    assert skills <= {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, forbidden",
    [
        ("Trainee, Swift & Rowe Solicitors, Bristol", {"swift"}),
        ("Office manager at Falcon & Crane LLP", {"falcon"}),
        ("Ada Marsh · ada.marsh@example.com · 07700 900123", {"ada"}),
        ("Book group host — in May we read Kafka and then Orwell", {"kafka"}),
        ("Type the OTP from the text message to confirm the payment", {"otp"}),
    ],
)
def test_firms_people_on_contact_lines_and_prose_after_a_dash(
    matcher: Matcher, text: str, forbidden: set[str]
) -> None:
    assert not forbidden & {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, forbidden",
    [
        ("Fed the giraffes and checked on an old python in the reptile house", {"python"}),
        ("My uncle was the quickest docker on the Liverpool quays", {"docker"}),
        ("Sold plush pandas and tote bags at the museum shop", {"pandas"}),
    ],
)
def test_a_mostly_technical_name_as_an_ordinary_noun(
    matcher: Matcher, text: str, forbidden: set[str]
) -> None:
    assert not forbidden & {m.id for m in matcher.skills(text)}


def test_a_mostly_technical_name_after_an_adjective_keeps_its_cues(matcher: Matcher) -> None:
    found = {m.id for m in matcher.skills("we ship the official docker image for every release")}
    assert "docker" in found


@pytest.mark.parametrize(
    "text, forbidden",
    [
        ("Receptionist, Swift Family Dental Clinic, Reno NV", {"swift"}),
        ("Weekend shifts at the Shell petrol station on the bypass", {"shell-scripting"}),
        ("Certified Jenkins family historian for the parish archive", {"jenkins"}),
    ],
)
def test_venues_stations_and_the_word_certified_give_no_tool(
    matcher: Matcher, text: str, forbidden: set[str]
) -> None:
    assert not forbidden & {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, skill",
    [
        # a tool opening a sentence as its subject, with its cues later in the sentence
        ("Kafka moves the clickstream events to the lake", "kafka"),
        ("Airflow triggers the nightly dbt run", "airflow"),
        ("Jenkins was our build server until 2022", "jenkins"),
        ("Airflow still triggers the nightly dbt run", "airflow"),
        # a common-word skill opening a sentence
        ("Monitoring is done with Prometheus and Alertmanager", "monitoring"),
        ("Caching sits in Redis in front of the catalogue API", "caching"),
        # other spellings of the same skills
        ("Pair-programmed with the mobile team on the release", "pair-programming"),
        ("Our ADO pipelines build and release to AKS", "azure-devops"),
        ("Retired the Rails-era admin app", "rails"),
    ],
)
def test_a_sentence_opening_with_a_tool_or_a_common_word_skill(
    matcher: Matcher, text: str, skill: str
) -> None:
    assert skill in {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, forbidden",
    [
        ("Go to reception and ask for the duty manager", {"go"}),
        ("Express interest by emailing the school office", {"express"}),
        ("Logging crews cleared the firebreak before the storm season", {"logging"}),
        ("Jays were caching seeds in the hedge all autumn", {"caching"}),
        ("Torn ACL playing netball; back to training after physio", {"acl"}),
        ("Our puppy Pandas and the old dog Docker share a basket", {"pandas", "docker"}),
        ("Bookkeeper at Falcon Ventures and later at Beacon Hive Trust", {"falcon", "hive"}),
    ],
)
def test_ordinary_starts_common_words_pets_and_firms(
    matcher: Matcher, text: str, forbidden: set[str]
) -> None:
    assert not forbidden & {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, skills",
    [
        # "experience" and "knowledge" and "or" in other languages
        ("Erfahrung mit Flask oder Django ist ein Plus", {"flask", "django"}),
        ("Conocimientos de Kafka y Spark", {"kafka", "spark"}),
        ("Moved the batch workloads to the cloud last spring", {"cloud-computing"}),
    ],
)
def test_cues_and_lists_in_other_languages(matcher: Matcher, text: str, skills: set[str]) -> None:
    assert skills <= {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, forbidden",
    [
        # a person's name heading a resume: over a title and a contact line, or on the contact line
        (
            "Ruby Falcon\nData Engineer\nruby.falcon@example.org | 0161 496 0000\nSQL, dbt",
            {"ruby", "falcon"},
        ),
        ("Nina Swift  |  iOS Developer  |  nina@example.com\nKotlin, Java", {"swift"}),
        # awards, films, pets, estates
        ("Won the Silver Falcon Award for the school play", {"falcon"}),
        ("Film club picks: Insomnia and Heat on Friday", {"insomnia"}),
        ("Our terrier is called Pascal", {"pascal"}),
        ("Unit 6, Ansible Trading Estate, Crewe", {"ansible"}),
    ],
)
def test_resume_headers_awards_films_pets_and_estates(
    matcher: Matcher, text: str, forbidden: set[str]
) -> None:
    assert not forbidden & {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, skills",
    [
        ("DockerとTerraformでインフラを構築しました。", {"docker", "terraform"}),
        ("负责使用Python和Kafka开发数据管道", {"python", "kafka"}),
        ("Spring Boot로 REST API를 개발했습니다", {"spring-boot"}),
    ],
)
def test_names_written_against_chinese_japanese_or_korean_text(
    matcher: Matcher, text: str, skills: set[str]
) -> None:
    assert skills <= {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, forbidden",
    [
        ("Mixed a herbal Elixir of rum and ginger for the summer menu", {"elixir"}),
        ("Quiz night at the Kafka Lounge, then karaoke at the Swift Bar", {"kafka", "swift"}),
        ("Treasurer of the Falcon Valley Cycling Club", {"falcon"}),
        ("Warehouse supervisor at Spark Logistics, Bolton", {"spark"}),
        ("Painted a 1:72 Apache helicopter model for the show", {"apache"}),
    ],
)
def test_drinks_venues_clubs_and_models_named_like_tools(
    matcher: Matcher, text: str, forbidden: set[str]
) -> None:
    assert not forbidden & {m.id for m in matcher.skills(text)}


def test_elixir_with_its_context_stays(matcher: Matcher) -> None:
    found = {
        m.id for m in matcher.skills("Rewrote the chat backend in Elixir with Phoenix channels")
    }
    assert "elixir" in found


@pytest.mark.parametrize(
    "text, skills",
    [
        # a maker said once before a run of its products
        ("Spring Data, Security and Batch on Java 17", {"spring-data", "spring-security"}),
        (
            "We run Azure Functions, Service Bus and Key Vault",
            {"azure-functions", "azure-service-bus"},
        ),
        # a credential's vendor in full, a Google Cloud certificate
        ("Google Cloud Professional Cloud Developer (2024)", {"gcp-professional-cloud-developer"}),
        # a framework inside the language's own name, as people write it
        ("Built a chat server on Erlang/OTP supervision trees", {"otp"}),
        ("Led the migration to single-page applications", {"single-page-application"}),
        ("Kept the regression suites green before each release", {"regression-testing"}),
    ],
)
def test_makers_runs_credentials_and_own_cues(
    matcher: Matcher, text: str, skills: set[str]
) -> None:
    assert skills <= {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, forbidden",
    [
        # the name's town after an employer, at the end of a job line
        ("QA Lead, Northwind Traders, Phoenix — Selenium, Cypress", {"phoenix"}),
        ("Firmware Engineer, Delta Controls, Cairo | C, Zephyr", {"cairo"}),
        # a possessive firm, a county, a council
        ("IT support, Jackson County — Windows, Excel", {"jackson"}),
        ("Helpdesk analyst, Hudson County, NJ — Active Directory", {"hudson"}),
        ("Analyst at Jackson's Fine Foods Ltd — SQL and Tableau", {"jackson"}),
        # a credential's level
        ("ITIL 4 Foundation; PRINCE2 Practitioner", {"foundation-stackoverflow"}),
        # a word of the ordinary sense at the sentence's end
        ("Developers here drink Java coffee.", {"java"}),
        ("Built to carry the Phoenix rocket.", {"phoenix"}),
        # a lower-case name as a verb after its subject
        ("Most bats hibernate through the winter in caves.", {"hibernate"}),
        ("Later they hibernate in the roof space.", {"hibernate"}),
        # "UI kit" in lower case is any kit, not UIKit
        ("Bought a UI kit of icons for the charity's website", {"uikit"}),
    ],
)
def test_towns_firms_levels_and_ordinary_words_give_no_tool(
    matcher: Matcher, text: str, forbidden: set[str]
) -> None:
    assert not forbidden & {m.id for m in matcher.skills(text)}


def test_the_kept_senses_of_those_names(matcher: Matcher) -> None:
    found = {m.id for m in matcher.skills("Frameworks: Phoenix, Ecto; UI: UIKit and SwiftUI")}
    assert {"phoenix", "uikit"} <= found
    found = {m.id for m in matcher.skills("Elixir, Phoenix — realtime chat backend")}
    assert "phoenix" in found  # a skill before the comma: a list, not an employer's town
    found = {m.id for m in matcher.skills("Stack: java, hibernate in production, spring boot")}
    assert "hibernate" in found
    found = {m.id for m in matcher.skills("Our ORM is hibernate for persistence with Spring.")}
    assert "hibernate" in found  # after "is", no plural subject: the name
    assert "foundation-stackoverflow" in {
        m.id for m in matcher.skills("CSS: Foundation, Bootstrap")
    }


@pytest.mark.parametrize(
    "text, skill",
    [
        ("Maintains open-source software for three university labs", "open-source-software"),
        ("Ran a service-level agreements review each quarter", "sla"),
    ],
)
def test_three_word_names_with_their_first_two_words_hyphenated(
    matcher: Matcher, text: str, skill: str
) -> None:
    assert skill in {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, skill",
    [
        # a sentence pairing tools with their uses: each name in parallel with a technical one
        ("Flask for the API, PostgreSQL for storage, Redis for the queues.", "flask"),
        # one of the name's own cues after a sentence's opening name
        ("Julia for numerical simulations of the reactor.", "julia"),
        # where code lives is technical context
        ("Maintained our Go toolchain for the build farm.", "go"),
        # short forms with their own cues
        ("Pipelines run on GHA with self-hosted runners.", "github-actions"),
        ("Wrote the RCA for every Sev1 incident.", "root-cause-analysis"),
        ("Crash-free sessions tracked in Sentry dashboards.", "sentry"),
        # versions and short names people write
        ("Patched Win Server 2019 hosts monthly.", "windows-server"),
        ("Polyfilled ES2020 features for IE11 users.", "javascript"),
        ("Polyfilled ES2020 features for IE11 users.", "internet-explorer"),
        ("Mentored three graduates through their first year.", "mentoring"),
        ("Wrote kernel drivers for a custom FPGA board.", "linux-kernel-dev"),
        ("CCNA: Cisco routing & switching labs", "cisco-networking"),
    ],
)
def test_parallel_uses_own_cues_and_short_forms(matcher: Matcher, text: str, skill: str) -> None:
    assert skill in {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, forbidden",
    [
        ("Chef for the evening, Ruby for dessert.", {"chef", "ruby"}),  # no technical partner
        ("Modules: Linear Algebra, Calculus, Statistics", {"linear-app"}),
        ("Spring in Kyoto, Python at the zoo.", {"spring", "python"}),
    ],
)
def test_parallel_sentences_without_tools_and_algebra_give_no_tool(
    matcher: Matcher, text: str, forbidden: set[str]
) -> None:
    assert not forbidden & {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, skill",
    [
        ("the flaky cypress tests fail again on CI", "cypress"),
        ("kafka and zookeeper share the same three nodes", "zookeeper"),
        ("added a cron job that prunes old snapshots", "cron"),
        ("builds run from the cli with xcodebuild and fastlane", "xcodebuild"),
        ("Built REST APIs in Django with Celery workers", "django"),
        ("Skills: Django, Flask, FastAPI", "django"),
    ],
)
def test_lower_case_tools_in_chat_and_django_with_its_context(
    matcher: Matcher, text: str, skill: str
) -> None:
    assert skill in {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, forbidden",
    [
        ("Planted a cypress hedge along the drive.", {"cypress"}),
        ("The zookeeper fed the lions at noon.", {"zookeeper"}),
        ("| Tool | Notes |\n|---|---|\n| Jira | tickets |", {"ibm-notes"}),
        ("Our spaniel Django loves the beach and the sea.", {"django"}),
        ("Learnt gypsy jazz guitar from old Django records.", {"django"}),
    ],
)
def test_trees_keepers_table_headers_and_a_guitarist_give_no_tool(
    matcher: Matcher, text: str, forbidden: set[str]
) -> None:
    assert not forbidden & {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, skill",
    [
        ("ISTQB Foundation certified tester since 2019", "istqb"),  # a credential's level
        ("Wir setzen gute Englischkenntnisse voraus.", "english"),
        ("Se requiere nivel avanzado de inglés.", "english"),
        ("È gradita la conoscenza del francese e del tedesco.", "german"),
        ("Aurora MySQL clusters behind RDS Proxy", "mysql"),  # the engine of a managed database
        ("Restarted the service with systemctl on the Linux hosts", "systemd"),
        ("Added internationalisation to the React app", "internationalization"),
        ("Monitoring with Prometheus and Grafana", "prometheus"),
        ("tags: kubernetes prometheus grafana", "prometheus"),
    ],
)
def test_credential_levels_languages_named_in_their_own_tongue_and_engines(
    matcher: Matcher, text: str, skill: str
) -> None:
    assert skill in {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, forbidden",
    [
        ("Prometheus stole fire from the gods.", {"prometheus"}),
        ("The kids loved the bouncy castle and the face painting.", {"bouncycastle"}),
    ],
)
def test_a_titan_and_a_bouncy_castle_give_no_tool(
    matcher: Matcher, text: str, forbidden: set[str]
) -> None:
    assert not forbidden & {m.id for m in matcher.skills(text)}


@pytest.mark.parametrize(
    "text, found, forbidden",
    [
        ("Jenkins failed the nightly build twice.", {"jenkins"}, set()),
        ("Nomad crashed twice while Docker was upgrading.", {"nomad"}, set()),
        ("Chef cooked dinner for the whole crew.", set(), {"chef"}),
        ("Spring arrived early in the valley this year.", set(), {"spring"}),
    ],
)
def test_a_sentence_opening_tool_with_a_verb_in_the_past(
    matcher: Matcher, text: str, found: set[str], forbidden: set[str]
) -> None:
    ids = {m.id for m in matcher.skills(text)}
    assert found <= ids and not forbidden & ids


@pytest.mark.parametrize(
    "text, skills",
    [
        ("Doświadczenie z Pythonem i Dockerem w produkcji.", {"python", "docker"}),
        ("Bardzo dobra znajomość Javy oraz Kubernetesa.", {"java", "kubernetes"}),
        ("Programowanie w TypeScripcie i JavaScripcie.", {"typescript", "javascript"}),
    ],
)
def test_polish_inflections_of_the_commonest_names(
    matcher: Matcher, text: str, skills: set[str]
) -> None:
    assert skills <= {m.id for m in matcher.skills(text)}
