"""Golden cases for skill recognition: what ``Matcher().skills(text)`` must find.

Every case was run through the matcher and its output reviewed by hand before it
was frozen here. Cases where the output was wrong are kept as
``xfail(strict=True)`` with the expectation we *want*: they document known gaps
in the lexicon or the recognizer and start failing (XPASS) once fixed, so the
mark can be removed.

Two kinds of case:

* ``EXACT``: the set of ``(id, text)`` pairs is exactly the expected one
  (an empty set means "nothing at all is recognized");
* ``PARTIAL``: the pairs in ``must`` are present and none of the ids in
  ``must_not`` is recognized; anything else is left free.

Every case also checks that offsets point into the text as given, and that the
matches come in order without overlapping.
"""

from __future__ import annotations

import pytest

from jdmatch.matcher import Matcher


def gap(reason: str) -> pytest.MarkDecorator:
    """A known wrong output: the expectation is what we want, not what we get."""
    return pytest.mark.xfail(reason=reason, strict=True)


# ---------------------------------------------------------------------------
# 1. case and punctuation variants
# ---------------------------------------------------------------------------

VARIANTS = [
    pytest.param("Built APIs in Node.js and NodeJS.",
                 {("nodejs", "Node.js"), ("nodejs", "NodeJS")}, id="variant-nodejs-dotted-and-camel"),
    pytest.param("Experience with node js and Node JS services.",
                 {("nodejs", "node js"), ("nodejs", "Node JS")}, id="variant-nodejs-spaced"),
    pytest.param("Node JS, Nodejs and node.js.",
                 {("nodejs", "Node JS"), ("nodejs", "Nodejs"), ("nodejs", "node.js")}, id="variant-nodejs-mixed-case"),
    pytest.param("Set up CI/CD, CICD and CI-CD pipelines.",
                 {("ci-cd", "CI/CD"), ("ci-cd", "CICD"), ("ci-cd", "CI-CD")}, id="variant-cicd-slash-joined-hyphen"),
    pytest.param("ci/cd and Ci/Cd.",
                 {("ci-cd", "ci/cd"), ("ci-cd", "Ci/Cd")}, id="variant-cicd-lower-and-mixed"),
    pytest.param("Wrote C# and C++ code on .NET and dotnet.",
                 {("csharp", "C#"), ("cpp", "C++"), ("dotnet", ".NET"), ("dotnet", "dotnet")}, id="variant-csharp-cpp-dotnet"),
    pytest.param("Functional code in F# and stored procedures in PL/SQL.",
                 {("fsharp", "F#"), ("stored-procedures", "stored procedures"), ("plsql", "PL/SQL")}, id="variant-fsharp-plsql"),
    pytest.param("Wrote PL/SQL packages and T-SQL procedures.",
                 {("plsql", "PL/SQL"), ("tsql", "T-SQL")}, id="variant-plsql-tsql"),
    pytest.param("Front end in Java Script and Type Script.",
                 {("javascript", "Java Script"), ("typescript", "Type Script")}, id="variant-java-script-type-script-split"),
    pytest.param("Java Script developer",
                 {("javascript", "Java Script")}, id="variant-java-script-not-java"),
    pytest.param("We run Postgres, PostgreSQL and postgres.",
                 {("postgresql", "Postgres"), ("postgresql", "PostgreSQL"), ("postgresql", "postgres")}, id="variant-postgres-forms"),
    pytest.param("Deployed on k8s and Kubernetes.",
                 {("kubernetes", "k8s"), ("kubernetes", "Kubernetes")}, id="variant-k8s-lower-and-full"),
    pytest.param("Deployed on k8s, K8s and Kubernetes.",
                 {("kubernetes", "k8s"), ("kubernetes", "K8s"), ("kubernetes", "Kubernetes")}, id="variant-k8s-forms"),
    pytest.param("Managed K8s clusters.",
                 {("kubernetes", "K8s")}, id="variant-k8s-capital"),
    pytest.param("Backend services written in Golang.",
                 {("go", "Golang")}, id="variant-golang"),
    pytest.param("Programming in Golang and Rust.",
                 {("go", "Golang"), ("rust", "Rust")}, id="variant-golang-with-rust"),
    pytest.param("Web apps with ASP.NET Core and Vue.js, vuejs.",
                 {("aspnet-core", "ASP.NET Core"), ("vuejs", "Vue.js"), ("vuejs", "vuejs")}, id="variant-aspnet-core-vuejs"),
    pytest.param("C# developer with .NET 8 and ASP.NET Core.",
                 {("csharp", "C#"), ("dotnet", ".NET 8"), ("aspnet-core", "ASP.NET Core")}, id="variant-csharp-dotnet8-aspnet-core"),
    pytest.param("UI built with React.js and ReactJS.",
                 {("react", "React.js"), ("react", "ReactJS")}, id="variant-reactjs"),
    pytest.param("Models trained with scikit-learn and sklearn.",
                 {("scikit-learn", "scikit-learn"), ("scikit-learn", "sklearn")}, id="variant-scikit-learn-sklearn"),
    pytest.param("Services in Spring Boot exposing REST and RESTful APIs.",
                 {("spring-boot", "Spring Boot"), ("rest-api", "REST"), ("rest-api", "RESTful APIs")}, id="variant-spring-boot-rest-restful"),
    pytest.param("Experience with Objective C and Objective-C frameworks.",
                 {("objective-c", "Objective C"), ("objective-c", "Objective-C")}, id="variant-objective-c-spaced-hyphen"),
    pytest.param("Experience with Objective-C.",
                 {("objective-c", "Objective-C")}, id="variant-objective-c-sentence-end"),
    pytest.param("Skills include ObjC.",
                 {("objective-c", "ObjC")}, id="variant-objc-sentence-end"),
]

# ---------------------------------------------------------------------------
# 2. plurals and versions
# ---------------------------------------------------------------------------

PLURALS_VERSIONS = [
    pytest.param("Designed microservice and microservices.",
                 {("microservices", "microservice"), ("microservices", "microservices")}, id="plural-microservice-s"),
    pytest.param("Built a REST API and several REST APIs, wrote unit tests.",
                 {("rest-api", "REST API"), ("rest-api", "REST APIs"), ("unit-testing", "unit tests")}, id="plural-rest-apis-unit-tests"),
    pytest.param("Built 3 REST APIs and 12 microservices.",
                 {("rest-api", "REST APIs"), ("microservices", "microservices")}, id="plural-counts-not-versions"),
    pytest.param("Worked with relational databases and NoSQL databases.",
                 {("relational-databases", "relational databases"), ("nosql", "NoSQL databases")}, id="plural-databases"),
    pytest.param("Wrote integration tests and end-to-end tests.",
                 {("integration-testing", "integration tests"), ("e2e-testing", "end-to-end tests")}, id="plural-tests"),
    pytest.param("Experience with Python 3, Python3 and Python 3.11+.",
                 {("python", "Python 3"), ("python", "Python3"), ("python", "Python 3.11+")}, id="version-python3-forms"),
    pytest.param("Experience with Python 2.7.",
                 {("python", "Python 2.7")}, id="version-python-2-7"),
    pytest.param("Python 3.11+ scripting.",
                 {("python", "Python 3.11+")}, id="version-python-plus-with-cue"),
    pytest.param("Java 17 developer.",
                 {("java", "Java 17")}, id="version-java-17"),
    pytest.param("Java 17 and Spring Boot 3 on Kubernetes.",
                 {("java", "Java 17"), ("spring-boot", "Spring Boot 3"), ("kubernetes", "Kubernetes")}, id="version-java17-spring-boot3"),
    pytest.param("Skills: Java 17, Spring Boot 3, Postgres 15.",
                 {("java", "Java 17"), ("spring-boot", "Spring Boot 3"), ("postgresql", "Postgres 15")}, id="version-skills-line"),
    pytest.param("Deployed Postgres 15 on AWS.",
                 {("postgresql", "Postgres 15"), ("aws", "AWS")}, id="version-postgres-15"),
    pytest.param("Experience with Python 3.11+, Django 4 and Postgres 16.",
                 {("python", "Python 3.11+"), ("django", "Django 4"), ("postgresql", "Postgres 16")}, id="version-python-django-postgres"),
    pytest.param("Kubernetes 1.29 clusters.",
                 {("kubernetes", "Kubernetes 1.29")}, id="version-kubernetes-dotted"),
    pytest.param("TypeScript 5 and React 18.",
                 {("typescript", "TypeScript 5"), ("react", "React 18")}, id="version-typescript-react"),
    pytest.param("Swift 5 developer.",
                 {("swift", "Swift 5")}, id="version-swift-5"),
    pytest.param("Vue.js 3 and Nuxt.",
                 {("vuejs", "Vue.js 3"), ("nuxt", "Nuxt")}, id="version-vuejs-3"),
    pytest.param("Built services on Node.js 18.x.",
                 {("nodejs", "Node.js 18.x")}, id="version-nodejs-18x"),
    pytest.param("Experience: Java 5 years.",
                 {("java", "Java")}, id="version-java-5-years-is-duration"),
    pytest.param("Skills: Java (5 years), Python (3+ years).",
                 {("java", "Java"), ("python", "Python")}, id="version-durations-in-parentheses"),
    pytest.param("Python developer with 3 years in Django.",
                 {("python", "Python"), ("django", "Django")}, id="version-python-then-years-later"),
    pytest.param("Legacy Java 8 code running on Tomcat.",
                 {("java", "Java 8"), ("tomcat", "Tomcat")}, id="version-java-8"),
    pytest.param("Experience with Java 11 and Kotlin.",
                 {("java", "Java 11"), ("kotlin", "Kotlin")}, id="version-java-11"),
    pytest.param("Java 8 years of experience.",
                 {("java", "Java")}, id="version-java-8-years-is-duration"),
    pytest.param("Experience with Angular 2+ and TypeScript.",
                 {("angular", "Angular 2+"), ("typescript", "TypeScript")}, id="version-angular-2-plus"),
    pytest.param("Upgraded Node.js 18.x to Node 20.",
                 {("nodejs", "Node.js 18.x"), ("nodejs", "Node 20")}, id="version-node-20"),
    pytest.param("Java 5 years, Python 3 years, Go 2 years.",
                 {("java", "Java"), ("python", "Python"), ("go", "Go")}, id="version-durations-list-all-ambiguous"),
]

# ---------------------------------------------------------------------------
# 3. ambiguous words in technical context (positives)
# ---------------------------------------------------------------------------

AMBIGUOUS_POSITIVE = [
    # Go
    pytest.param("Backend developer writing Go services.", {("go", "Go")}, id="pos-go-developer"),
    pytest.param("We build our platform in Go and Postgres.",
                 {("go", "Go"), ("postgresql", "Postgres")}, id="pos-go-neighbor-postgres"),
    pytest.param("Go experience required; goroutines and channels a plus.", {("go", "Go")}, id="pos-go-experience"),
    pytest.param("Experience with Go is a plus.", {("go", "Go")}, id="pos-go-experience-with"),
    # R
    pytest.param("Statistical analysis in R and SQL.",
                 {("statistical-analysis", "Statistical analysis"), ("r", "R"), ("sql", "SQL")}, id="pos-r-with-sql"),
    pytest.param("Proficient in R programming and ggplot2.",
                 {("r", "R programming"), ("ggplot2", "ggplot2")}, id="pos-r-programming"),
    pytest.param("Data analysis in R, Python and SQL.",
                 {("data-analysis", "Data analysis"), ("r", "R"), ("python", "Python"), ("sql", "SQL")}, id="pos-r-python-sql"),
    pytest.param("Data scientist skilled in R and Python.",
                 {("r", "R"), ("python", "Python")}, id="pos-r-python-data-scientist"),
    pytest.param("Languages: Python, SQL and R.",
                 {("python", "Python"), ("sql", "SQL"), ("r", "R")}, id="pos-r-sentence-end"),
    # C
    pytest.param("Embedded firmware in C for microcontrollers.",
                 {("embedded-systems", "firmware"), ("c", "C")}, id="pos-c-embedded"),
    pytest.param("Languages: C, C++, Rust.",
                 {("c", "C"), ("cpp", "C++"), ("rust", "Rust")}, id="pos-c-languages-line"),
    pytest.param("Strong C programming skills.", {("c", "C programming")}, id="pos-c-programming"),
    pytest.param("Programming in Golang, Rust, and C.",
                 {("go", "Golang"), ("rust", "Rust"), ("c", "C")}, id="pos-c-sentence-end"),
    # Swift
    pytest.param("iOS developer using Swift and SwiftUI.",
                 {("ios", "iOS"), ("swift", "Swift"), ("swiftui", "SwiftUI")}, id="pos-swift-ios"),
    pytest.param("Mobile apps written in Swift with Xcode.",
                 {("swift", "Swift"), ("xcode", "Xcode")}, id="pos-swift-xcode"),
    pytest.param("Experience with Swift or Objective-C frameworks.",
                 {("swift", "Swift"), ("objective-c", "Objective-C")}, id="pos-swift-objc"),
    # Rust
    pytest.param("Systems programming in Rust with tokio.",
                 {("rust", "Rust"), ("tokio", "tokio")}, id="pos-rust-tokio"),
    pytest.param("We are rewriting the parser in Rust and C++.",
                 {("rust", "Rust"), ("cpp", "C++")}, id="pos-rust-cpp"),
    pytest.param("Rust developer for a blockchain startup.",
                 {("rust", "Rust"), ("blockchain", "blockchain")}, id="pos-rust-developer"),
    # Spring
    pytest.param("Java developer with Spring and Hibernate.",
                 {("java", "Java"), ("spring", "Spring"), ("hibernate", "Hibernate")}, id="pos-spring-hibernate"),
    pytest.param("Backend services built on Spring with Kafka.",
                 {("spring", "Spring"), ("kafka", "Kafka")}, id="pos-spring-kafka"),
    pytest.param("Spring framework experience required.",
                 {("spring", "Spring framework")}, id="pos-spring-framework"),
    # React
    pytest.param("Frontend engineer with React and Redux.",
                 {("react", "React"), ("redux", "Redux")}, id="pos-react-redux"),
    pytest.param("Build UIs in React and TypeScript.",
                 {("react", "React"), ("typescript", "TypeScript")}, id="pos-react-typescript"),
    pytest.param("React developer needed.", {("react", "React")}, id="pos-react-developer"),
    # Express
    pytest.param("REST services built with Express and MongoDB.",
                 {("rest-api", "REST services"), ("express", "Express"), ("mongodb", "MongoDB")}, id="pos-express-mongodb"),
    pytest.param("Node.js backend using Express.",
                 {("nodejs", "Node.js"), ("express", "Express")}, id="pos-express-nodejs"),
    pytest.param("Experience with Express framework.",
                 {("express", "Express framework")}, id="pos-express-framework"),
    # Azure
    pytest.param("Deployed workloads on Azure and AWS.",
                 {("azure", "Azure"), ("aws", "AWS")}, id="pos-azure-aws"),
    pytest.param("Azure DevOps pipelines and Terraform.",
                 {("azure-pipelines", "Azure DevOps pipelines"), ("terraform", "Terraform")}, id="pos-azure-devops-pipelines"),
    pytest.param("Cloud engineer with Azure experience.",
                 {("cloud-computing", "Cloud"), ("azure", "Azure")}, id="pos-azure-experience"),
    # Java
    pytest.param("Java developer for banking systems.",
                 {("java", "Java"), ("financial-services", "banking")}, id="pos-java-developer"),
    pytest.param("Experience with Java required.", {("java", "Java")}, id="pos-java-experience"),
    pytest.param("Kafka consumers and producers in Java.",
                 {("kafka", "Kafka"), ("java", "Java")}, id="pos-java-kafka"),
    pytest.param("Java and Kotlin on the JVM.",
                 {("java", "Java"), ("kotlin", "Kotlin"), ("jvm", "JVM")}, id="pos-java-kotlin-jvm"),
    # Ruby
    pytest.param("Ruby developer, Rails and Sidekiq.",
                 {("ruby", "Ruby"), ("rails", "Rails"), ("sidekiq", "Sidekiq")}, id="pos-ruby-rails"),
    pytest.param("Web apps in Ruby and PostgreSQL.",
                 {("ruby", "Ruby"), ("postgresql", "PostgreSQL")}, id="pos-ruby-postgresql"),
    pytest.param("Ruby programming with RSpec.",
                 {("ruby", "Ruby programming"), ("rspec", "RSpec")}, id="pos-ruby-programming"),
    # Python
    pytest.param("Python developer with Django.",
                 {("python", "Python"), ("django", "Django")}, id="pos-python-django"),
    pytest.param("Data pipelines in Python and Airflow.",
                 {("data-pipelines", "Data pipelines"), ("python", "Python"), ("airflow", "Airflow")}, id="pos-python-airflow"),
    pytest.param("Scripting experience in Python.", {("python", "Python")}, id="pos-python-scripting"),
    # Hive
    pytest.param("Queried Hive tables on Hadoop.",
                 {("hive", "Hive tables"), ("hadoop", "Hadoop")}, id="pos-hive-tables"),
    pytest.param("Batch jobs in Spark and Hive.",
                 {("batch-processing", "Batch jobs"), ("spark", "Spark"), ("hive", "Hive")}, id="pos-hive-spark"),
    pytest.param("Hive and Presto for analytics.",
                 {("hive", "Hive"), ("presto", "Presto")}, id="pos-hive-presto"),
    # Swarm
    pytest.param("Orchestrated containers with Docker Swarm.",
                 {("docker-swarm", "Docker Swarm")}, id="pos-swarm-docker-swarm"),
    pytest.param("Swarm cluster of Docker nodes.",
                 {("docker-swarm", "Swarm"), ("docker", "Docker")}, id="pos-swarm-cluster"),
    pytest.param("Kubernetes or Swarm for orchestration.",
                 {("kubernetes", "Kubernetes"), ("docker-swarm", "Swarm")}, id="pos-swarm-kubernetes"),
    # Chef
    pytest.param("Configuration management with Chef and Ansible.",
                 {("configuration-management", "Configuration management"), ("chef", "Chef"), ("ansible", "Ansible")},
                 id="pos-chef-ansible"),
    pytest.param("Wrote Chef cookbooks for provisioning.", {("chef", "Chef cookbooks")}, id="pos-chef-cookbooks"),
    pytest.param("Chef experience for server configuration.", {("chef", "Chef")}, id="pos-chef-experience"),
    # Puppet
    pytest.param("Automated configuration with Puppet manifests.",
                 {("puppet", "Puppet manifests")}, id="pos-puppet-manifests"),
    pytest.param("Puppet and Ansible for provisioning.",
                 {("puppet", "Puppet"), ("ansible", "Ansible")}, id="pos-puppet-ansible"),
    pytest.param("DevOps engineer with Puppet experience.",
                 {("devops", "DevOps"), ("puppet", "Puppet")}, id="pos-puppet-devops"),
    # Jenkins
    pytest.param("CI pipelines in Jenkins and GitLab.",
                 {("continuous-integration", "CI pipelines"), ("jenkins", "Jenkins"), ("gitlab", "GitLab")},
                 id="pos-jenkins-gitlab"),
    pytest.param("Jenkins experience with Groovy pipelines.",
                 {("jenkins", "Jenkins"), ("groovy", "Groovy")}, id="pos-jenkins-groovy"),
    pytest.param("Maintained the Jenkins server and Docker builds.",
                 {("jenkins", "Jenkins server"), ("docker", "Docker")}, id="pos-jenkins-server"),
    # Kafka
    pytest.param("Event streaming with Kafka and Flink.",
                 {("stream-processing", "Event streaming"), ("kafka", "Kafka"), ("flink", "Flink")}, id="pos-kafka-flink"),
    pytest.param("Experience with Kafka required.", {("kafka", "Kafka")}, id="pos-kafka-experience"),
    pytest.param("Apache Kafka and Kafka Streams.",
                 {("kafka", "Apache Kafka"), ("kafka-streams", "Kafka Streams")}, id="pos-kafka-streams"),
]

# ---------------------------------------------------------------------------
# 4. the same words in ordinary prose (negatives)
# ---------------------------------------------------------------------------

AMBIGUOUS_NEGATIVE = [
    # Go
    pytest.param("I go to the gym every morning.", set(), id="neg-go-gym"),
    pytest.param("Go to the store and buy milk.", set(), id="neg-go-store"),
    pytest.param("We will go ahead with the plan.", set(), id="neg-go-ahead"),
    pytest.param("Let's go over the numbers together.", set(), id="neg-go-over"),
    pytest.param("The go-live is scheduled for Monday.", set(), id="neg-go-live"),
    pytest.param("Go back and check the code before you ship it.", set(), id="neg-go-back-near-code"),
    # Spring
    pytest.param("We planted tulips in the spring.", set(), id="neg-spring-season"),
    pytest.param("Spring is here.", set(), id="neg-spring-is-here"),
    pytest.param("The mattress has a broken spring.", set(), id="neg-spring-mattress"),
    pytest.param("In the spring we develop new training programs for staff.", set(), id="neg-spring-near-cue"),
    # React
    pytest.param("Staff must react quickly to alarms.", set(), id="neg-react-quickly"),
    pytest.param("How did the team react to the news?", set(), id="neg-react-news"),
    pytest.param("React calmly when a patient falls.", set(), id="neg-react-calmly"),
    # Express
    pytest.param("Express yourself clearly in meetings.", set(), id="neg-express-yourself"),
    pytest.param("We took the Orient Express to Istanbul.", set(), id="neg-express-orient"),
    pytest.param("Designed flyers in Adobe Express.", set(), id="neg-express-adobe"),
    pytest.param("Please express your concerns to the manager.", set(), id="neg-express-concerns"),
    pytest.param("Express delivery is available.", set(), id="neg-express-delivery"),
    pytest.param("Express your experience in the cover letter.", set(), id="neg-express-near-cue"),
    # Swift
    pytest.param("Thanks for the swift response.", set(), id="neg-swift-response"),
    pytest.param("Swift action saved the day.", set(), id="neg-swift-action"),
    pytest.param("The river was swift and cold.", set(), id="neg-swift-river"),
    pytest.param("Our swift development process keeps clients happy.", set(), id="neg-swift-lower-near-cue"),
    # Rust
    pytest.param("There was rust on the car door.", set(), id="neg-rust-car"),
    pytest.param("Rust had eaten through the old gate.", set(), id="neg-rust-gate"),
    pytest.param("Rust-colored leaves fell in the autumn.", set(), id="neg-rust-colored"),
    # C
    pytest.param("Vitamin C and zinc.", set(), id="neg-c-vitamin"),
    pytest.param("She talked to the C-suite about the go-live date.", set(), id="neg-c-suite-go-live"),
    pytest.param("Call me at extension C-12.", set(), id="neg-c-extension"),
    pytest.param("Plan A or plan C?", set(), id="neg-c-plan"),
    pytest.param("Write the letter C on the board.", set(), id="neg-c-letter"),
    pytest.param("Grade C in chemistry.", {("chemistry", "chemistry")}, id="neg-c-grade"),
    # R
    pytest.param("The R&D budget grew this year.", set(), id="neg-r-and-d"),
    pytest.param("Our R&D team visited the island of Java.", set(), id="neg-r-and-d-java-island"),
    pytest.param("R. Smith signed the form.", set(), id="neg-r-initial"),
    pytest.param("The film is rated R for violence.", set(), id="neg-r-film-rating"),
    # Java
    pytest.param("Java coffee is grown on the island of Java.", set(), id="neg-java-coffee-island"),
    pytest.param("We flew to Java for a holiday.", set(), id="neg-java-holiday"),
    pytest.param("The chef's experience with Java coffee beans impressed us.", set(), id="neg-java-coffee-near-cue"),
    pytest.param("We ordered Java coffee for the developer meetup.", set(), id="neg-java-coffee-near-developer"),
    pytest.param("Spring cleaning of the office starts Monday; developers welcome.", set(), id="neg-spring-cleaning"),
    # Ruby
    pytest.param("Ruby is my sister.", set(), id="neg-ruby-sister"),
    pytest.param("She wore a ruby ring.", set(), id="neg-ruby-ring"),
    pytest.param("Ruby, our charge nurse, keeps us calm.", set(), id="neg-ruby-name"),
    # Python
    pytest.param("A python in the zoo ate a rabbit.", set(), id="neg-python-zoo"),
    pytest.param("We saw a Python at the reptile house.", set(), id="neg-python-reptile"),
    pytest.param("The keeper fed the python twice a week.", set(), id="neg-python-keeper"),
    # Hive
    pytest.param("A hive of bees lived in the barn.", set(), id="neg-hive-bees"),
    pytest.param("The office was a hive of activity.", set(), id="neg-hive-activity"),
    pytest.param("Hive inspections happen every spring.", set(), id="neg-hive-inspections"),
    # Swarm
    pytest.param("A swarm of locusts destroyed the crops.", set(), id="neg-swarm-locusts"),
    pytest.param("Fans swarm the stage after the show.", set(), id="neg-swarm-fans"),
    pytest.param("A swarm of reporters waited outside.", set(), id="neg-swarm-reporters"),
    # Chef
    pytest.param("The chef cooked a fine risotto.", set(), id="neg-chef-cooked"),
    pytest.param("Chef Maria runs the kitchen.", set(), id="neg-chef-maria"),
    pytest.param("Ask the Chef about allergens.", set(), id="neg-chef-allergens"),
    # Puppet
    pytest.param("We watched a puppet show with the kids.", set(), id="neg-puppet-show"),
    pytest.param("The minister was a puppet of the regime.", set(), id="neg-puppet-regime"),
    pytest.param("Puppet theatre for children opens on Sunday.", set(), id="neg-puppet-theatre"),
    # Kafka
    pytest.param("I love Franz Kafka's novels.", set(), id="neg-kafka-novels"),
    pytest.param("The situation felt Kafka-esque.", set(), id="neg-kafka-esque"),
    pytest.param("We read Kafka in school.", set(), id="neg-kafka-school"),
    # Jenkins
    pytest.param("Mr. Jenkins called about the invoice.", set(), id="neg-jenkins-mr"),
    pytest.param("Jenkins is our new neighbour.", set(), id="neg-jenkins-neighbour"),
    pytest.param("Dr. Jenkins will see you now.", set(), id="neg-jenkins-dr"),
    # Azure
    pytest.param("We sailed under the azure sky.", set(), id="neg-azure-sky"),
    pytest.param("The azure water of the lagoon.", set(), id="neg-azure-water"),
    pytest.param("Azure blue paint for the bedroom.", set(), id="neg-azure-paint"),
    # whole paragraphs
    pytest.param(
        "I started my shift at 7 a.m. and reviewed the chart with the night nurse. Go to room 4 first, "
        "she said, because the patient there could react badly to the new dose. In the spring we had a "
        "swarm of flu cases, and the ward felt like a hive. Ruby, our charge nurse, keeps us calm and swift.",
        set(), id="neg-paragraph-nurse-day"),
    pytest.param(
        "As head chef I plan the menu each week. In spring we switch to lighter dishes; in winter we go "
        "for stews. My sous chef, Jenkins, handles the puppet show at the kids' parties, and our pastry "
        "cook loves Kafka. The azure tiles of the kitchen wall get a scrub every night, and the old knives "
        "never show rust.",
        set(), id="neg-paragraph-chef-day"),
    pytest.param(
        "The C-suite approved the go-live of the new store in the spring.", set(), id="neg-paragraph-retail"),
    pytest.param(
        "I go by Sam. I prefer Python to Java? No, I prefer tea to coffee.", set(), id="neg-paragraph-tea"),
]

# ---------------------------------------------------------------------------
# 5. multi-line text
# ---------------------------------------------------------------------------

MULTILINE = [
    pytest.param("Skills\n- Python and Django\n- PostgreSQL\n- Docker, Kubernetes\n",
                 {("python", "Python"), ("django", "Django"), ("postgresql", "PostgreSQL"),
                  ("docker", "Docker"), ("kubernetes", "Kubernetes")}, id="lines-bullets-dash"),
    pytest.param("Languages: Java, Python, Go",
                 {("java", "Java"), ("python", "Python"), ("go", "Go")}, id="lines-languages-line"),
    pytest.param("Languages: Java, Python, Go\nTools: Git, Jenkins, Terraform",
                 {("java", "Java"), ("python", "Python"), ("go", "Go"), ("git", "Git"),
                  ("jenkins", "Jenkins"), ("terraform", "Terraform")}, id="lines-languages-and-tools"),
    pytest.param("• Go\n• Rust\n• Docker",
                 {("go", "Go"), ("rust", "Rust"), ("docker", "Docker")}, id="lines-bullets-dot"),
    pytest.param("Languages:\n  Go\n  Rust\n  Python",
                 {("go", "Go"), ("rust", "Rust"), ("python", "Python")}, id="lines-indented-list"),
    pytest.param("* React\n* Redux\n* TypeScript",
                 {("react", "React"), ("redux", "Redux"), ("typescript", "TypeScript")}, id="lines-bullets-star"),
    pytest.param("Tools\n\nGo\n\nRust", {("go", "Go"), ("rust", "Rust")}, id="lines-blank-separated"),
    pytest.param("Go\n\nis fun to write", set(), id="lines-go-alone-before-blank"),
    pytest.param("Java\n\n\n\nThe trip to the island was lovely.", set(), id="lines-java-alone-before-prose"),
    pytest.param("Java developer.\n\nWe go hiking on weekends.", {("java", "Java")}, id="lines-prose-after-blank"),
    pytest.param("Languages: Go, Rust\n\nIn the spring we go hiking.",
                 {("go", "Go"), ("rust", "Rust")}, id="lines-blank-line-stops-context"),
    pytest.param("Summary\r\nBackend engineer.\r\n\r\n\r\nSkills:\tJava,\tSpring Boot,\tKafka\r\nCloud:\tAWS\r\n",
                 {("java", "Java"), ("spring-boot", "Spring Boot"), ("kafka", "Kafka"),
                  ("cloud-computing", "Cloud"), ("aws", "AWS")}, id="lines-crlf-tabs"),
    pytest.param("Experience\n\n\n\n\tBuilt APIs with Node.js\n\n\n\tDeployed on Kubernetes\n",
                 {("nodejs", "Node.js"), ("kubernetes", "Kubernetes")}, id="lines-blank-runs-tabs"),
    pytest.param("Languages: R, SQL\r\nLibraries: dplyr, ggplot2",
                 {("r", "R"), ("sql", "SQL"), ("tidyverse", "dplyr"), ("ggplot2", "ggplot2")}, id="lines-crlf-r-sql"),
    pytest.param("Experience:\r\n\r\n\r\n  - Built RESTful APIs in Go\r\n\t- Kafka streaming\r\n",
                 {("rest-api", "RESTful APIs"), ("go", "Go"), ("kafka", "Kafka")}, id="lines-crlf-bullets"),
    pytest.param("Responsibilities:\n\t- Maintain CI/CD pipelines in GitLab\n\t- Write unit tests in pytest\n"
                 "\t- Monitor services with Prometheus and Grafana",
                 {("ci-cd", "CI/CD pipelines"), ("gitlab", "GitLab"), ("unit-testing", "unit tests"),
                  ("pytest", "pytest"), ("prometheus", "Prometheus"), ("grafana", "Grafana")}, id="lines-responsibilities"),
    pytest.param("Skills: Python | SQL | Tableau",
                 {("python", "Python"), ("sql", "SQL"), ("tableau", "Tableau")}, id="lines-pipe-separated"),
]

# ---------------------------------------------------------------------------
# 6. longest-first overlap resolution
# ---------------------------------------------------------------------------

OVERLAP = [
    pytest.param("Spring Boot", {("spring-boot", "Spring Boot")}, id="overlap-spring-boot-alone"),
    pytest.param("We built Spring Boot services on Amazon Web Services.",
                 {("spring-boot", "Spring Boot"), ("aws", "Amazon Web Services")}, id="overlap-spring-boot-aws"),
    pytest.param("Java Spring Boot microservices.",
                 {("java", "Java"), ("spring-boot", "Spring Boot"), ("microservices", "microservices")},
                 id="overlap-java-spring-boot"),
    pytest.param("Spring Boot and Spring Cloud.",
                 {("spring-boot", "Spring Boot"), ("spring-cloud", "Spring Cloud")}, id="overlap-spring-boot-cloud"),
    pytest.param("Hosted on Google Cloud Platform with BigQuery.",
                 {("gcp", "Google Cloud Platform"), ("bigquery", "BigQuery")}, id="overlap-gcp"),
    pytest.param("Google Cloud Platform", {("gcp", "Google Cloud Platform")}, id="overlap-gcp-alone"),
    pytest.param("Infrastructure on Amazon Web Services (AWS) and Google Cloud Platform (GCP).",
                 {("aws", "Amazon Web Services"), ("aws", "AWS"), ("gcp", "Google Cloud Platform"), ("gcp", "GCP")},
                 id="overlap-aws-gcp-with-acronyms"),
    pytest.param("Web apps in Ruby on Rails.", {("rails", "Ruby on Rails")}, id="overlap-ruby-on-rails"),
    pytest.param("Ruby on Rails developer", {("rails", "Ruby on Rails")}, id="overlap-ruby-on-rails-developer"),
    pytest.param("Events flow through Apache Kafka topics.", {("kafka", "Apache Kafka")}, id="overlap-apache-kafka"),
    pytest.param("Serverless functions on AWS Lambda.",
                 {("serverless", "Serverless"), ("aws-lambda", "AWS Lambda")}, id="overlap-aws-lambda"),
    pytest.param("AWS Lambda and API Gateway.",
                 {("aws-lambda", "AWS Lambda"), ("api-gateway", "API Gateway")}, id="overlap-aws-lambda-api-gateway"),
    pytest.param("Migrated workloads to Microsoft Azure.", {("azure", "Microsoft Azure")}, id="overlap-microsoft-azure"),
    pytest.param("We use Microsoft Azure and Azure Kubernetes Service.",
                 {("azure", "Microsoft Azure"), ("aks", "Azure Kubernetes Service")}, id="overlap-azure-aks"),
    pytest.param("Azure DevOps and Azure Functions.",
                 {("azure-devops", "Azure DevOps"), ("azure-functions", "Azure Functions")}, id="overlap-azure-products"),
    pytest.param("Apache Spark and Apache Airflow for data pipelines.",
                 {("spark", "Apache Spark"), ("airflow", "Apache Airflow"), ("data-pipelines", "data pipelines")},
                 id="overlap-apache-spark-airflow"),
    pytest.param("Jenkins pipeline and Docker Swarm mode.",
                 {("jenkins", "Jenkins pipeline"), ("docker-swarm", "Docker Swarm mode")}, id="overlap-jenkins-swarm-mode"),
    pytest.param("Docker Swarm", {("docker-swarm", "Docker Swarm")}, id="overlap-docker-swarm-alone"),
    pytest.param("React Native and React.js apps.",
                 {("react-native", "React Native"), ("react", "React.js")}, id="overlap-react-native"),
    pytest.param("Node.js with Express.js.",
                 {("nodejs", "Node.js"), ("express", "Express.js")}, id="overlap-express-js"),
    pytest.param("SQL Server and MySQL.", {("sql-server", "SQL Server"), ("mysql", "MySQL")}, id="overlap-sql-server"),
    pytest.param("Hive Metastore and Spark SQL.",
                 {("hive", "Hive Metastore"), ("spark", "Spark SQL")}, id="overlap-hive-metastore"),
    pytest.param("Machine learning with TensorFlow and deep learning.",
                 {("machine-learning", "Machine learning"), ("tensorflow", "TensorFlow"),
                  ("deep-learning", "deep learning")}, id="overlap-ml-dl"),
]

# ---------------------------------------------------------------------------
# 7. non-software skills
# ---------------------------------------------------------------------------

NON_SOFTWARE = [
    pytest.param("Registered nurse with BLS and ACLS certification, five years of patient care.",
                 {("registered-nurse", "Registered nurse"), ("bls", "BLS"), ("acls", "ACLS certification"),
                  ("patient-care", "patient care")}, id="nursing-rn-bls-acls"),
    pytest.param("Provided patient care on a busy surgical ward; current BLS.",
                 {("patient-care", "patient care"), ("bls", "BLS")}, id="nursing-patient-care-bls"),
    pytest.param("ACLS and PALS certified; skilled in wound care and medication administration.",
                 {("acls", "ACLS"), ("pals", "PALS certified"), ("wound-care", "wound care"),
                  ("medication-administration", "medication administration")}, id="nursing-acls-pals"),
    pytest.param("Patient care, BLS, ACLS.",
                 {("patient-care", "Patient care"), ("bls", "BLS"), ("acls", "ACLS")}, id="nursing-list"),
    pytest.param("Charted in Epic and monitored vital signs.",
                 {("epic-ehr", "Epic"), ("vital-signs", "vital signs")}, id="nursing-epic-charting"),
    pytest.param("Staff accountant: GAAP reporting, month-end close, and bank reconciliation in QuickBooks.",
                 {("gaap", "GAAP"), ("month-end-close", "month-end close"),
                  ("reconciliation", "bank reconciliation"), ("quickbooks", "QuickBooks")}, id="accounting-gaap-quickbooks"),
    pytest.param("Prepared financial statements under GAAP and IFRS.",
                 {("financial-reporting", "financial statements"), ("gaap", "GAAP"), ("ifrs", "IFRS")},
                 id="accounting-gaap-ifrs"),
    pytest.param("Daily reconciliation of accounts payable and accounts receivable.",
                 {("reconciliation", "reconciliation"), ("accounts-payable", "accounts payable"),
                  ("accounts-receivable", "accounts receivable")}, id="accounting-reconciliation-ap-ar"),
    pytest.param("Bookkeeping in QuickBooks Online and Excel.",
                 {("bookkeeping", "Bookkeeping"), ("quickbooks", "QuickBooks Online"), ("excel", "Excel")},
                 id="accounting-bookkeeping"),
    pytest.param("Knowledge of GAAP and QuickBooks.",
                 {("gaap", "GAAP"), ("quickbooks", "QuickBooks")}, id="accounting-knowledge"),
    pytest.param("Certified Public Accountant (CPA).",
                 {("cpa", "Certified Public Accountant"), ("cpa", "CPA")}, id="accounting-cpa"),
    pytest.param("Fluent in English and Spanish.",
                 {("english", "English"), ("spanish", "Spanish")}, id="spoken-fluent-english-spanish"),
    pytest.param("Native Spanish speaker, fluent English.",
                 {("spanish", "Native Spanish"), ("english", "fluent English")}, id="spoken-native-fluent"),
    pytest.param("Languages: English (native), French (fluent), German (basic).",
                 {("english", "English"), ("french", "French"), ("german", "German")}, id="spoken-languages-line"),
    pytest.param("Fluent in Spanish; conversational French.",
                 {("spanish", "Spanish"), ("french", "French")}, id="spoken-conversational"),
    pytest.param("Native speaker of German.", {("german", "German")}, id="spoken-native-speaker-of"),
    pytest.param("Spanish cuisine is my favourite.", set(), id="spoken-neg-cuisine"),
    pytest.param("English breakfast tea.", set(), id="spoken-neg-breakfast-tea"),
    pytest.param("English (C1), Danish (native)", {("english", "English"), ("danish", "Danish")}, id="spoken-cefr-level-not-c"),
    pytest.param("Good command of English.", {("english", "English")}, id="spoken-command-of-english"),
    pytest.param("Bachelor's degree in Computer Science.",
                 {("bachelors-degree", "Bachelor's degree"), ("computer-science", "Computer Science")}, id="degree-bachelors-cs"),
    pytest.param("Bachelor’s degree in Finance.",
                 {("bachelors-degree", "Bachelor’s degree"), ("finance-field", "Finance")}, id="degree-bachelors-finance"),
    pytest.param("MSc in Data Science, PhD in Physics.",
                 {("msc", "MSc"), ("data-science", "Data Science"), ("phd", "PhD"), ("physics", "Physics")}, id="degree-msc-phd"),
    pytest.param("PhD in Chemistry.", {("phd", "PhD"), ("chemistry", "Chemistry")}, id="degree-phd-chemistry"),
    pytest.param("Holds a Bachelor of Science in Nursing (BSN).",
                 {("bsn", "Bachelor of Science in Nursing"), ("bsn", "BSN")}, id="degree-bsn"),
    pytest.param("Master's degree in accounting or a CPA.",
                 {("masters-degree", "Master's degree"), ("accounting", "accounting"), ("cpa", "CPA")}, id="degree-masters-cpa"),
    pytest.param("B.S. in Mathematics; M.S. in Statistics.",
                 {("bs", "B.S."), ("mathematics", "Mathematics"), ("ms", "M.S."), ("statistics", "Statistics")},
                 id="degree-bs-ms-dotted"),
    pytest.param("Teaching certificate; classroom management and lesson planning.",
                 {("teaching-license", "Teaching certificate"), ("classroom-management", "classroom management"),
                  ("lesson-planning", "lesson planning")}, id="teaching-skills"),
    pytest.param("Sales: CRM in Salesforce, lead generation, cold calling.",
                 {("crm", "CRM"), ("salesforce", "Salesforce"), ("lead-generation", "lead generation"),
                  ("cold-calling", "cold calling")}, id="sales-skills"),
    pytest.param("Microsoft Excel, Word and PowerPoint.",
                 {("excel", "Microsoft Excel"), ("word", "Word"), ("powerpoint", "PowerPoint")}, id="office-suite"),
]

# ---------------------------------------------------------------------------
# 8. names wrapped over a line break (PDF lines, narrow columns)
# ---------------------------------------------------------------------------

WRAPPED = [
    pytest.param("Natural\nLanguage Processing", {("nlp", "Natural\nLanguage Processing")}, id="wrap-nlp-not-processing"),
    pytest.param("Worked on Natural Language\nProcessing models.", {("nlp", "Natural Language\nProcessing")}, id="wrap-nlp-second-gap"),
    pytest.param("Test-Driven\nDevelopment", {("tdd", "Test-Driven\nDevelopment")}, id="wrap-tdd-after-hyphen"),
    pytest.param("Behavior-Driven\nDevelopment with Cucumber.",
                 {("bdd", "Behavior-Driven\nDevelopment"), ("cucumber", "Cucumber")}, id="wrap-bdd"),
    pytest.param("Project\nmanagement", {("project-management", "Project\nmanagement")}, id="wrap-project-management"),
    pytest.param("Spring\nBoot", {("spring-boot", "Spring\nBoot")}, id="wrap-spring-boot"),
    pytest.param("Services in Spring\n    Boot and Kafka.",
                 {("spring-boot", "Spring\n    Boot"), ("kafka", "Kafka")}, id="wrap-spring-boot-indented"),
    pytest.param("Amazon Web\nServices", {("aws", "Amazon Web\nServices")}, id="wrap-aws"),
    pytest.param("Amazon Web\r\nServices (AWS)",
                 {("aws", "Amazon Web\r\nServices"), ("aws", "AWS")}, id="wrap-aws-crlf"),
    pytest.param("Experience in Machine\nLearning and Deep\nLearning.",
                 {("machine-learning", "Machine\nLearning"), ("deep-learning", "Deep\nLearning")}, id="wrap-ml-dl"),
    pytest.param("Strong knowledge of Object-Oriented\nProgramming.",
                 {("oop", "Object-Oriented\nProgramming")}, id="wrap-oop"),
    pytest.param("Built pipelines for Continuous\nIntegration with Jenkins.",
                 {("continuous-integration", "Continuous\nIntegration"), ("jenkins", "Jenkins")}, id="wrap-ci-jenkins"),
    pytest.param("Deployed to Microsoft\nAzure and Google Cloud\nPlatform.",
                 {("azure", "Microsoft\nAzure"), ("gcp", "Google Cloud\nPlatform")}, id="wrap-azure-gcp"),
    pytest.param("Web apps in Ruby on\nRails and React\nNative.",
                 {("rails", "Ruby on\nRails"), ("react-native", "React\nNative")}, id="wrap-rails-react-native"),
    pytest.param("Infrastructure as\nCode in Terraform.",
                 {("infrastructure-as-code", "Infrastructure as\nCode"), ("terraform", "Terraform")}, id="wrap-iac"),
    pytest.param("Computer\nScience degree", {("computer-science", "Computer\nScience")}, id="wrap-computer-science"),
    pytest.param("Agile\nmethodologies and Scrum.",
                 {("agile", "Agile\nmethodologies"), ("scrum", "Scrum")}, id="wrap-agile-scrum"),
    pytest.param("Languages: Python\n\nDevelopment team of five.", {("python", "Python")}, id="wrap-blank-line-does-not-join"),
]

# ---------------------------------------------------------------------------
# 9. lists written without spaces
# ---------------------------------------------------------------------------

TIGHT_LISTS = [
    pytest.param("Java,Python,Docker,C#,C++,Node.js",
                 {("java", "Java"), ("python", "Python"), ("docker", "Docker"), ("csharp", "C#"), ("cpp", "C++"),
                  ("nodejs", "Node.js")}, id="tight-comma-six"),
    pytest.param("Skills: Kotlin,Swift,Objective-C,Go,Rust",
                 {("kotlin", "Kotlin"), ("swift", "Swift"), ("objective-c", "Objective-C"), ("go", "Go"), ("rust", "Rust")},
                 id="tight-comma-mobile"),
    pytest.param("Cloud: AWS;GCP;Azure",
                 {("cloud-computing", "Cloud"), ("aws", "AWS"), ("gcp", "GCP"), ("azure", "Azure")}, id="tight-semicolon"),
    pytest.param("Terraform|Ansible|Jenkins|Helm",
                 {("terraform", "Terraform"), ("ansible", "Ansible"), ("jenkins", "Jenkins"), ("helm", "Helm")}, id="tight-pipe"),
    pytest.param("Stack: Python/Django/Flask/Celery",
                 {("python", "Python"), ("django", "Django"), ("flask", "Flask"), ("celery", "Celery")}, id="tight-slash"),
    pytest.param("HTML5,CSS3,JavaScript,TypeScript",
                 {("html", "HTML5"), ("css", "CSS3"), ("javascript", "JavaScript"), ("typescript", "TypeScript")},
                 id="tight-comma-versions"),
    pytest.param("MySQL,PostgreSQL,MongoDB,Redis",
                 {("mysql", "MySQL"), ("postgresql", "PostgreSQL"), ("mongodb", "MongoDB"), ("redis", "Redis")}, id="tight-comma-databases"),
    pytest.param("Java·Spring·Hibernate·Maven",
                 {("java", "Java"), ("spring", "Spring"), ("hibernate", "Hibernate"), ("maven", "Maven")}, id="tight-middle-dot"),
    pytest.param("●Docker●Kubernetes●Prometheus",
                 {("docker", "Docker"), ("kubernetes", "Kubernetes"), ("prometheus", "Prometheus")}, id="tight-black-circle"),
    pytest.param("•React •Redux •GraphQL",
                 {("react", "React"), ("redux", "Redux"), ("graphql", "GraphQL")}, id="tight-bullet-glued"),
    pytest.param("C#,F#,VB.NET,.NET Core",
                 {("csharp", "C#"), ("fsharp", "F#"), ("vbnet", "VB.NET"), ("dotnet", ".NET")}, id="tight-dotnet-family"),
    pytest.param("Languages:Java,Scala,Go",
                 {("java", "Java"), ("scala", "Scala"), ("go", "Go")}, id="tight-after-colon"),
    pytest.param("Served 1,000,000 users; stack: Java,Go,Kafka",
                 {("java", "Java"), ("go", "Go"), ("kafka", "Kafka")}, id="tight-number-commas-kept"),
]

# ---------------------------------------------------------------------------
# 10. coordination: a shared head or modifier ("unit, integration and e2e tests")
# ---------------------------------------------------------------------------

COORDINATION = [
    pytest.param("Wrote unit, integration and end-to-end tests.",
                 {("unit-testing", "unit"), ("integration-testing", "integration"), ("e2e-testing", "end-to-end tests")},
                 id="coord-three-tests"),
    pytest.param("Unit, integration, and end-to-end tests.",
                 {("unit-testing", "Unit"), ("integration-testing", "integration"), ("e2e-testing", "end-to-end tests")},
                 id="coord-oxford-comma"),
    pytest.param("Unit and integration testing with JUnit.",
                 {("unit-testing", "Unit"), ("integration-testing", "integration testing"), ("junit", "JUnit")}, id="coord-testing"),
    pytest.param("Front-end and back-end development.",
                 {("frontend-development", "Front-end"), ("backend-development", "back-end development")}, id="coord-front-back-end"),
    pytest.param("Frontend and backend development in TypeScript.",
                 {("frontend-development", "Frontend"), ("backend-development", "backend development"), ("typescript", "TypeScript")},
                 id="coord-frontend-backend"),
    pytest.param("Experience with relational and NoSQL databases.",
                 {("relational-databases", "relational"), ("nosql", "NoSQL databases")}, id="coord-databases"),
    pytest.param("Manual and automated testing.",
                 {("manual-testing", "Manual"), ("test-automation", "automated testing")}, id="coord-manual-automated"),
    pytest.param("Functional and performance testing of APIs.",
                 {("functional-testing", "Functional"), ("performance-testing", "performance testing")}, id="coord-functional-performance"),
    pytest.param("Public and private cloud infrastructure.",
                 {("public-cloud", "Public"), ("private-cloud", "private cloud")}, id="coord-public-private-cloud"),
    pytest.param("Batch and stream processing with Spark.",
                 {("batch-processing", "Batch"), ("stream-processing", "stream processing"), ("spark", "Spark")}, id="coord-batch-stream"),
    pytest.param("Machine and deep learning research.",
                 {("machine-learning", "Machine"), ("deep-learning", "deep learning")}, id="coord-machine-deep-learning"),
    pytest.param("Amazon EC2 and S3.", {("amazon-ec2", "Amazon EC2"), ("amazon-s3", "S3")}, id="coord-shared-modifier"),
    pytest.param("Design and development of services.", set(), id="coord-no-form-no-skill"),
    pytest.param("unit- and integration tests",
                 {("unit-testing", "unit"), ("integration-testing", "integration tests")}, id="coord-suspended-hyphen"),
    pytest.param("Unit-, integration- and end-to-end tests",
                 {("unit-testing", "Unit"), ("integration-testing", "integration"), ("e2e-testing", "end-to-end tests")},
                 id="coord-suspended-hyphens-three"),
    pytest.param("Smoke, regression and load testing.",
                 {("smoke-testing", "Smoke"), ("regression-testing", "regression"), ("load-testing", "load testing")},
                 id="coord-smoke-regression-load"),
    pytest.param("REST and GraphQL APIs.", {("rest-api", "REST"), ("graphql", "GraphQL APIs")}, id="coord-rest-graphql-apis"),
    pytest.param("Java, unit and integration tests.",
                 {("java", "Java"), ("unit-testing", "unit"), ("integration-testing", "integration tests")},
                 id="coord-stops-at-a-non-conjunct"),
]

# ---------------------------------------------------------------------------
# 11. employers, places, contact lines and state codes are context, not skills
# ---------------------------------------------------------------------------

CONTEXT_NOT_SKILL = [
    pytest.param("Software Developer, Facebook, Menlo Park", set(), id="employer-facebook-menlo-park"),
    pytest.param("Backend Engineer, Spotify, Stockholm", set(), id="employer-spotify-stockholm"),
    pytest.param("Senior Engineer at Oracle", set(), id="employer-engineer-at-oracle"),
    pytest.param("Software Engineer at Shopify (2019 – 2022)", set(), id="employer-at-shopify-dates"),
    pytest.param("Developer at Stripe, Dublin", set(), id="employer-at-stripe-dublin"),
    pytest.param("Product Designer, Figma, San Francisco", set(), id="employer-figma"),
    pytest.param("Salesforce, San Francisco, CA", set(), id="employer-place-state"),
    pytest.param("Oracle Corporation, Austin, TX", set(), id="employer-corporation"),
    pytest.param("Salesforce Inc., 2018 - 2021", set(), id="employer-inc"),
    pytest.param("Twilio, Remote", set(), id="employer-remote"),
    pytest.param("Docker, Kubernetes, Remote work",
                 {("docker", "Docker"), ("kubernetes", "Kubernetes"), ("remote-work", "Remote work")}, id="place-word-in-a-list-kept"),
    pytest.param("Java Developer, Spotify, Stockholm", {("java", "Java")}, id="employer-after-skill-title"),
    pytest.param("Intern at GitHub, Remote", set(), id="employer-intern-at-github"),
    pytest.param("Analyst, Snowflake — Bozeman, MT", set(), id="employer-dash-city-state"),
    pytest.param("Built CRM integrations on Salesforce and Twilio.",
                 {("crm", "CRM"), ("salesforce", "Salesforce"), ("twilio", "Twilio")}, id="employer-names-as-tools-kept"),
    pytest.param("We use Datadog, Figma and Slack.",
                 {("datadog", "Datadog"), ("figma", "Figma"), ("slack", "Slack")}, id="employer-list-of-tools-kept"),
    pytest.param("LinkedIn: jane-doe", set(), id="contact-linkedin-handle"),
    pytest.param("GitHub: janedoe", set(), id="contact-github-handle"),
    pytest.param("Skype: jane.doe", set(), id="contact-skype"),
    pytest.param("www.linkedin.com/in/janedoe | github.com/janedoe", set(), id="contact-urls"),
    pytest.param("jane@example.com | +1 (555) 123-4567 | LinkedIn | GitHub", set(), id="contact-line-sites"),
    pytest.param("Jane Doe · jane.doe@mail.com · LinkedIn", set(), id="contact-line-dots"),
    pytest.param("Code on GitHub and GitLab.", {("github", "GitHub"), ("gitlab", "GitLab")}, id="contact-sites-as-tools-kept"),
    pytest.param("Harvard University, Cambridge, MA", set(), id="place-cambridge-ma"),
    pytest.param("MIT, Cambridge, MA 02139", set(), id="place-ma-zip"),
    pytest.param("Jackson, MS", set(), id="place-ms"),
    pytest.param("Boston, MA in 2019", set(), id="place-ma-then-year"),
    pytest.param("MA in Economics, Boston University",
                 {("ma", "MA"), ("economics", "Economics")}, id="degree-ma-in-field-kept"),
    pytest.param("BA, MA in History", {("ba", "BA"), ("ma", "MA")}, id="degree-ba-ma-kept"),
    pytest.param("communication between front end and back end", set(), id="technical-communication-front-back"),
    pytest.param("Inter-service communication over gRPC.", {("grpc", "gRPC")}, id="technical-communication-grpc"),
    pytest.param("Handles communication with the REST API.", {("rest-api", "REST API")}, id="technical-communication-api"),
    pytest.param("Asynchronous communication between microservices with Kafka.",
                 {("asynchronous", "Asynchronous"), ("microservices", "microservices"), ("kafka", "Kafka")},
                 id="technical-async-communication"),
    pytest.param("Clear communication with stakeholders.",
                 {("communication", "Clear communication")}, id="soft-communication-kept"),
    pytest.param("Facilitates communication between engineering and product teams.",
                 {("communication", "communication")}, id="soft-communication-between-teams-kept"),
]

# ---------------------------------------------------------------------------
# 12. certifications are entries of their own
# ---------------------------------------------------------------------------

CERTIFICATIONS = [
    pytest.param("Oracle Certified Professional, Java SE",
                 {("oracle-java-cert", "Oracle Certified Professional, Java SE")}, id="cert-ocp-java"),
    pytest.param("Oracle Certified Associate, Java SE 8 Programmer",
                 {("oracle-java-cert", "Oracle Certified Associate, Java SE 8")}, id="cert-oca-java"),
    pytest.param("Oracle Certified Professional, MySQL Database Administrator",
                 {("mysql-cert", "Oracle Certified Professional, MySQL Database Administrator")}, id="cert-ocp-mysql"),
    pytest.param("AWS Certified Solutions Architect – Associate",
                 {("aws-certified-solutions-architect", "AWS Certified Solutions Architect")}, id="cert-aws-saa"),
    pytest.param("Certified Kubernetes Administrator (CKA) and CKAD",
                 {("cka", "Certified Kubernetes Administrator"), ("cka", "CKA"), ("ckad", "CKAD")}, id="cert-cka-ckad"),
    pytest.param("Microsoft Certified: Azure Developer Associate (AZ-204)",
                 {("azure-developer", "Microsoft Certified: Azure Developer Associate"), ("azure-developer", "AZ-204")}, id="cert-az-204"),
    pytest.param("PMP, Certified ScrumMaster (CSM)",
                 {("pmp", "PMP"), ("csm", "Certified ScrumMaster"), ("csm", "CSM")}, id="cert-pmp-csm"),
    pytest.param("Docker Certified Associate", {("docker-certified-associate", "Docker Certified Associate")}, id="cert-docker"),
    pytest.param("Confluent Certified Developer for Apache Kafka",
                 {("confluent-kafka-cert", "Confluent Certified Developer for Apache Kafka")}, id="cert-confluent-kafka"),
    pytest.param("Red Hat Certified Engineer (RHCE)",
                 {("rhce", "Red Hat Certified Engineer"), ("rhce", "RHCE")}, id="cert-rhce"),
]

# ---------------------------------------------------------------------------
# partial cases: only some pairs matter
# ---------------------------------------------------------------------------

PARTIAL = [
    pytest.param("Excel at teamwork and communication.",
                 [("teamwork", "teamwork")], ["excel"], id="partial-excel-verb"),
    pytest.param("Nurses must react quickly; experience in triage helps.",
                 [("triage", "triage")], ["react"], id="partial-react-near-experience-lowercase"),
    pytest.param("Teachers should express ideas clearly and react to questions with patience. "
                 "On the school trip to Java we saw a python and a hive of wild bees.",
                 [], ["express", "react", "java", "python", "hive"], id="partial-teacher-paragraph"),
    pytest.param("She went to Express to buy jeans.", [], ["express"], id="partial-express-shop"),
    pytest.param("The Express train leaves at noon.", [], ["express"], id="partial-express-train"),
    pytest.param("The new hire will go through onboarding.", [], ["go"], id="partial-go-through"),
    pytest.param("Ready, set, go!", [], ["go"], id="partial-go-exclamation"),
    pytest.param("The engine is C-class.", [], ["c"], id="partial-c-class"),
    pytest.param("Upgraded services from Java 8 to Java 17.",
                 [("java", "Java 17")], ["java-11"], id="partial-java-17-after-upgrade"),
    pytest.param("Amazon Web Services Lambda functions.",
                 [("aws", "Amazon Web Services"), ("aws-lambda", "Lambda")], [], id="partial-aws-then-lambda"),
    pytest.param("Jenkins X pipelines.", [("jenkins", "Jenkins X")], [], id="partial-jenkins-x"),
    pytest.param("We use Git and GitHub Actions.",
                 [("git", "Git"), ("github-actions", "GitHub Actions")], ["github"], id="partial-github-actions-longest"),
    pytest.param("Ruby on Rails developer with Spring Boot background.",
                 [("rails", "Ruby on Rails"), ("spring-boot", "Spring Boot")], ["ruby", "spring"],
                 id="partial-no-short-forms-inside-long"),
    pytest.param("Migrated from Microsoft Azure to Google Cloud Platform.",
                 [("azure", "Microsoft Azure"), ("gcp", "Google Cloud Platform")], ["microsoft"],
                 id="partial-no-vendor-inside-product"),
    pytest.param("Summary\r\nBackend engineer.\r\n\r\n\r\nSkills:\tJava,\tSpring Boot,\tKafka\r\n",
                 [("java", "Java"), ("spring-boot", "Spring Boot"), ("kafka", "Kafka")], ["spring"],
                 id="partial-crlf-skills-line"),
]

EXACT = (VARIANTS + PLURALS_VERSIONS + AMBIGUOUS_POSITIVE + AMBIGUOUS_NEGATIVE + MULTILINE + OVERLAP + NON_SOFTWARE
         + WRAPPED + TIGHT_LISTS + COORDINATION + CONTEXT_NOT_SKILL + CERTIFICATIONS)


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher()


def _check_offsets(text: str, found) -> None:  # type: ignore[no-untyped-def]
    for s in found:
        assert text[s.start:s.end] == s.text, (s.id, s.start, s.end, s.text)
    for a, b in zip(found, found[1:]):
        assert a.start < b.start, f"matches out of order: {a} then {b}"
        assert a.end <= b.start, f"matches overlap: {a} and {b}"


@pytest.mark.parametrize(("text", "expected"), EXACT)
def test_exact(matcher: Matcher, text: str, expected: set[tuple[str, str]]) -> None:
    found = matcher.skills(text)
    _check_offsets(text, found)
    assert {(s.id, s.text) for s in found} == expected


@pytest.mark.parametrize(("text", "must", "must_not"), PARTIAL)
def test_partial(matcher: Matcher, text: str, must: list[tuple[str, str]], must_not: list[str]) -> None:
    found = matcher.skills(text)
    _check_offsets(text, found)
    pairs = {(s.id, s.text) for s in found}
    ids = {s.id for s in found}
    missing = [p for p in must if p not in pairs]
    assert not missing, f"missing {missing}; got {sorted(pairs)}"
    unwanted = sorted(ids & set(must_not))
    assert not unwanted, f"unexpected ids {unwanted}; got {sorted(pairs)}"


def test_case_ids_are_unique() -> None:
    ids = [p.id for p in EXACT + PARTIAL]
    assert len(ids) == len(set(ids))


# ---------------------------------------------------------------------------
# implied skills: compound names and stacks imply their parts (shown by `jdmatch skills`)
# ---------------------------------------------------------------------------

IMPLIED = [
    pytest.param("Django REST framework", "django-rest-framework", {"django", "python"}, id="implies-drf"),
    pytest.param("Ruby on Rails", "rails", {"ruby"}, id="implies-rails-ruby"),
    pytest.param("Helm charts", "helm-charts", {"helm", "kubernetes"}, id="implies-helm-charts"),
    pytest.param("Linux system administration", "linux-systems-administration", {"linux"}, id="implies-linux-admin"),
    pytest.param("Spring Boot", "spring-boot", {"spring", "java"}, id="implies-spring-boot"),
    pytest.param("MERN stack", "mern-stack", {"mongodb", "express", "react", "nodejs", "javascript"}, id="implies-mern"),
    pytest.param("the MEAN stack", "mean-stack", {"mongodb", "express", "angular", "nodejs"}, id="implies-mean"),
    pytest.param("LAMP stack", "lamp-stack", {"linux", "apache-http-server", "mysql", "php"}, id="implies-lamp"),
    pytest.param("LEMP stack", "lemp-stack", {"linux", "nginx", "mysql", "php"}, id="implies-lemp"),
    pytest.param("ELK stack", "elk-stack", {"elasticsearch", "logstash", "kibana"}, id="implies-elk"),
    pytest.param("Elastic Stack", "elk-stack", {"elasticsearch", "logstash", "kibana"}, id="implies-elastic-stack"),
    pytest.param("JAMstack sites", "jamstack", {"javascript"}, id="implies-jamstack"),
    pytest.param("Oracle Certified Professional, Java SE", "oracle-java-cert", {"java"}, id="implies-ocp-java"),
    pytest.param("Certified Kubernetes Application Developer", "ckad", {"kubernetes"}, id="implies-ckad"),
    pytest.param("Microsoft Certified: Azure Administrator Associate", "azure-administrator", {"azure"}, id="implies-az-104"),
    pytest.param("Docker Certified Associate", "docker-certified-associate", {"docker"}, id="implies-dca"),
]


@pytest.mark.parametrize(("text", "mention", "implied"), IMPLIED)
def test_implied(matcher: Matcher, text: str, mention: str, implied: set[str]) -> None:
    from jdmatch.recognize import implied_skills

    found = matcher.skills(text)
    assert [s.id for s in found] == [mention], "the recognizer returns mentions only"
    got = implied_skills(found, matcher.recognizer.lexicon)
    assert implied <= set(got), f"missing {sorted(implied - set(got))}"
    assert all(mention in got[i] for i in implied)


def test_certification_is_not_the_vendor_product(matcher: Matcher) -> None:
    ids = {s.id for s in matcher.skills("Certifications: Oracle Certified Professional, Java SE 11 Developer")}
    assert "oracle-java-cert" in ids and "oracle-db" not in ids
