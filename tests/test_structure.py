"""Golden cases for the structure extractors: sections, posting requirements,
resume experience, seniority, and negation/hedging (``jdmatch.structure``)."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from jdmatch.matcher import Matcher
from jdmatch.profile import load_profile
from jdmatch.structure import (
    find_sections,
    guess_kind,
    posting_requirements,
    resume_experience,
    section_of,
    seniority,
    skill_polarity,
    title_level,
    years_asked,
)

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
LABELS = list(csv.DictReader((SAMPLES / "labels.csv").open(encoding="utf-8")))
TODAY = date(2026, 11, 29)


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher()


@pytest.fixture(scope="module")
def ladder() -> tuple:
    return load_profile("backend-engineer").ladder


def _p(*values, id: str):  # noqa: A002 - pytest's own keyword
    return pytest.param(*values, id=id)


# ---------------------------------------------------------------------------
# 1. Sections
# ---------------------------------------------------------------------------

SECTION_CASES = [
    _p(
        "Jane Roe\nBackend Engineer\n\n## Summary\nI build APIs.\n\n## Work History\nAcme, 2019 - 2021\n\n## Education\nBSc\n",
        "resume",
        ["summary", "experience", "education"],
        id="markdown-h2-resume",
    ),
    _p(
        "JANE ROE\n\nPROFESSIONAL EXPERIENCE\nAcme\n\nTECHNICAL SKILLS\nPython\n\nCERTIFICATIONS\nCKA\n",
        "resume",
        ["experience", "skills", "certifications"],
        id="upper-case-resume",
    ),
    _p(
        "Jane Roe\n\nSummary\n=======\nText.\n\nExperience\n----------\nAcme\n\nProjects\n========\nthing\n",
        "resume",
        ["summary", "experience", "projects"],
        id="setext-underlined",
    ),
    _p(
        "Jane Roe\nEmployment:\nAcme 2019 - 2020\nSide Projects:\nA tool\nLicenses and Certifications\nCKA\n",
        "resume",
        ["experience", "projects", "certifications"],
        id="colon-and-title-case",
    ),
    _p(
        "Senior Engineer\nAcme\n\nWhat you'll do\n- build\n\nWhat we're looking for\n- Python\n\nBonus points\n- Go\n\nPerks\n- lunch\n",
        "posting",
        ["responsibilities", "requirements", "nice_to_have", "benefits"],
        id="posting-synonyms",
    ),
    _p(
        "Engineer\n\n## About the role\nWe build.\n\n## Must have\n- Java\n\n## Preferred qualifications\n- Kotlin\n\n## What we offer\n- pay\n",
        "posting",
        ["about", "requirements", "nice_to_have", "benefits"],
        id="posting-preferred-qualifications",
    ),
    _p(
        "Engineer\n\nQualifications:\n- Java\n\nPluses:\n- Scala\n\nBenefits:\n- PTO\n",
        "posting",
        ["requirements", "nice_to_have", "benefits"],
        id="posting-colon-headings",
    ),
    _p(
        "Engineer\n\n### Requirements\n- Java\n\n### Nice to have\n- Go\n",
        "posting",
        ["requirements", "nice_to_have"],
        id="h3-known-names-only",
    ),
    _p(
        "Jane\n\n## Skills [side]\n- Go\n\n## Contact [side]\nOslo\n\n## Experience\nAcme\n",
        "resume",
        ["skills", "other", "experience"],
        id="sidebar-markers-and-other",
    ),
    _p(
        "Jane\nSenior Accountant\nColumbus, OH\n\n## Experience\n### Senior Accountant — Buckeye\nJul 2018 – Present\n"
        "### Staff Accountant — Harmon\nJul 2014 – Jun 2018\n",
        "resume",
        ["experience"],
        id="entry-titles-not-sections",
    ),
    _p(
        "Engineer\n\nHOW WE HIRE\nFive steps.\n\nRequirements\n- Java\n",
        "posting",
        ["other", "requirements"],
        id="unknown-upper-is-other",
    ),
    _p(
        "Jane\nBachelor of Education\nFjordland Institute of Technology\n\nEducation\nBSc\n",
        "resume",
        ["education"],
        id="plain-line-needs-exact-name",
    ),
]


@pytest.mark.parametrize("text, kind, names", SECTION_CASES)
def test_find_sections(text: str, kind: str, names: list[str]) -> None:
    sections = find_sections(text, kind)
    assert [s.name for s in sections] == names
    for a, b in zip(sections, sections[1:]):
        assert a.end == b.start
    assert not sections or sections[-1].end == len(text)


def test_section_of_and_offsets() -> None:
    text = "Jane\n\n## Summary\nHello.\n\n## Experience\nAcme Corp\n"
    sections = find_sections(text, "resume")
    assert section_of(sections, text.index("Hello")) == "summary"
    assert section_of(sections, text.index("Acme")) == "experience"
    assert section_of(sections, 0) == "other"
    assert text[sections[1].start :].startswith("## Experience")


@pytest.mark.parametrize(
    "stem, kind",
    [
        _p("resume-nurse", "resume", id="nurse-resume"),
        _p("resume-staff-backend-go", "resume", id="two-column-resume"),
        _p("posting-teacher", "posting", id="teacher-posting"),
        _p("posting-backend-mid-java", "posting", id="java-posting"),
    ],
)
def test_guess_kind(stem: str, kind: str) -> None:
    text = (SAMPLES / "src" / f"{stem}.txt").read_text(encoding="utf-8")
    assert guess_kind(text) == kind
    assert find_sections(text, None) == find_sections(text, kind)


# ---------------------------------------------------------------------------
# 2. Posting requirements
# ---------------------------------------------------------------------------

POSTING = """Backend Engineer
Acme Corp · Remote

## About
We are a small team building logistics software in Kotlin.

## Requirements
- 5+ years of experience with Java.
- Strong SQL and experience with PostgreSQL, ideally with Redis, including caching.
- Experience building services in Python or Go.
- Hands-on experience with one of AWS, GCP or Azure.
- Familiarity with Docker and Kubernetes.
- Deep knowledge of Kafka; Scala is a plus.
- Experience with CI/CD pipelines (Jenkins preferred).

## Nice to have
- Terraform or Ansible experience.

## Benefits
- A Linux laptop and a yearly learning budget.
"""

REQ_CASES = [
    _p("java", "required", 5.0, (), id="years-with-skill"),
    _p("sql", "required", None, (), id="strong-cue"),
    _p("postgresql", "required", None, (), id="requirements-section-default"),
    _p("redis", "preferred", None, (), id="ideally-scopes-forward"),
    _p("python", "required", None, ("go",), id="python-or-go"),
    _p("go", "required", None, ("python",), id="go-or-python"),
    _p("gcp", "required", None, ("aws", "azure"), id="one-of-list"),
    _p("docker", "preferred", None, (), id="familiarity-with"),
    _p("kubernetes", "preferred", None, (), id="familiarity-reaches-list"),
    _p("kafka", "required", None, (), id="before-semicolon-plus"),
    _p("scala", "preferred", None, (), id="is-a-plus"),
    _p("jenkins", "preferred", None, (), id="parenthetical-preferred"),
    _p("terraform", "preferred", None, ("ansible",), id="nice-to-have-section"),
    _p("kotlin", "preferred", None, (), id="about-section-default"),
]


@pytest.fixture(scope="module")
def posting_req(matcher: Matcher):
    return posting_requirements(POSTING, matcher.skills(POSTING))


@pytest.mark.parametrize("sid, status, years, alternatives", REQ_CASES)
def test_posting_requirement(
    posting_req, sid: str, status: str, years: float | None, alternatives: tuple[str, ...]
) -> None:
    reqs = {r.id: r for r in posting_req.required + posting_req.preferred}
    assert sid in reqs, sorted(reqs)
    r = reqs[sid]
    assert (r.status, r.years, r.alternatives) == (status, years, alternatives)
    assert r.evidence


def test_posting_requirements_whole(posting_req) -> None:
    ids = {r.id for r in posting_req.required + posting_req.preferred}
    assert "linux" not in ids  # benefits are not asked for
    assert posting_req.years_required == 5.0
    assert posting_req.seniority == "senior"  # plain title, 5 years asked
    assert {r.status for r in posting_req.required} == {"required"}


@pytest.mark.parametrize(
    "text, sid, status",
    [
        _p(
            "Software Engineer\n\nWe need Java/Kotlin experience for our payments services.\n",
            "kotlin",
            "required",
            id="no-headings-default-required",
        ),
        _p(
            "Software Engineer\n\nRequirements\n- Experience with Rust is an advantage.\n- We build with Java.\n",
            "rust",
            "preferred",
            id="is-an-advantage",
        ),
        _p(
            "Software Engineer\n\nRequirements\n- Not required: Kubernetes, we will teach you.\n- Experience with Java.\n",
            "kubernetes",
            None,
            id="negated-dropped",
        ),
        _p(
            "Data Engineer\n\nResponsibilities\n- Build batch pipelines with Airflow and dbt.\n",
            "airflow",
            "required",
            id="responsibilities-default",
        ),
        _p(
            "Data Engineer\n\nRequirements\n- Exposure to Snowflake or BigQuery is welcome.\n- You have built pipelines in Python.\n",
            "snowflake",
            "preferred",
            id="hedged-exposure",
        ),
    ],
)
def test_posting_requirement_cases(
    matcher: Matcher, text: str, sid: str, status: str | None
) -> None:
    r = posting_requirements(text, matcher.skills(text))
    got = {x.id: x.status for x in r.required + r.preferred}
    assert got.get(sid) == status


YEARS_CASES = [
    _p("Requirements\n- 5+ years of experience with Java.\n", 5.0, id="n-plus"),
    _p("Requirements\n- 3 years of Python in production.\n", 3.0, id="n-years-of-skill"),
    _p("Requirements\n- At least 4 years building web services.\n", 4.0, id="at-least"),
    _p("Requirements\n- A minimum of 6 years of backend experience.\n", 6.0, id="minimum-of"),
    _p("Requirements\n- Five years of professional experience.\n", 5.0, id="word-number"),
    _p("Requirements\n- 3-5 years of experience in QA.\n", 3.0, id="range-low-end"),
    _p(
        "Requirements\n- Must be at least 18 years old.\n- No prior experience required.\n",
        None,
        id="age-is-not-experience",
    ),
    _p(
        "Requirements\n- 8+ years in software, including at least 2 years managing engineers.\n",
        8.0,
        id="overall-beats-including",
    ),
    _p(
        "Requirements\n- Java.\n\nBenefits\n- Sign-on bonus paid over 2 years of service.\n",
        None,
        id="benefits-ignored",
    ),
]


@pytest.mark.parametrize("text, years", YEARS_CASES)
def test_years_asked(text: str, years: float | None) -> None:
    assert years_asked(text)[0] == years


# ---------------------------------------------------------------------------
# 3. Resume experience
# ---------------------------------------------------------------------------

EXPERIENCE_CASES = [
    _p(
        "Experience\nBackend Engineer — Acme\nJan 2019 – Present\n- Built Python services.\n",
        7.9,
        1,
        id="month-year-present",
    ),
    _p(
        "Experience\nDeveloper, Beta Ltd\nJanuary 2019 - Current\n- Java\n",
        7.9,
        1,
        id="full-month-current",
    ),
    _p("Experience\nEngineer — Gamma\n03/2016 - 08/2018\n- Go\n", 2.5, 1, id="mm-yyyy"),
    _p("Experience\nDeveloper — Delta\n2014–2017\n- PHP\n", 3.0, 1, id="year-year"),
    _p("Experience\nEngineer — Parcel Co\n2019-02 – now\n- Node.js\n", 7.8, 1, id="iso-month-now"),
    _p("Experience\nSRE — Omega\nSept 2018 – March 2021\n- Linux\n", 2.6, 1, id="sept-to-march"),
    _p(
        "Experience\nBackend Engineer — A\nAug 2024 – Present\n- Django\n\nSoftware Intern — B\nInternship, May 2023 – Aug 2023\n- Flask\n",
        2.3,
        2,
        id="internship-excluded",
    ),
    _p(
        "Experience\nEngineer — A\nJan 2015 – Dec 2019\n- C#\nEngineer — B (part-time)\nJan 2018 – Dec 2020\n- Go\n",
        6.0,
        2,
        id="overlaps-counted-once",
    ),
    _p(
        "Experience\nSoftware Engineer, Initech — 3 years\n- Built Java services.\n",
        3.0,
        1,
        id="stated-duration",
    ),
    _p(
        "Summary\nDeveloper with eight years of experience in .NET.\n\nSkills\nC#\n",
        8.0,
        0,
        id="no-entries-stated-total",
    ),
    _p(
        "Experience\nEngineer — A\nJan 2020 – Dec 2020\n- Go\n\nEducation\nBSc Computer Science\n2010 – 2014\n",
        1.0,
        1,
        id="education-dates-ignored",
    ),
    _p(
        "Work History\nEngineer | Acme | Jun 2022 – Present\n- Used Terraform.\n",
        4.5,
        1,
        id="title-on-date-line",
    ),
    _p(
        "Experience\nEngineer\nAcme\n1/2019 – 12/2020\n- Go\n\nDeveloper\nBeta Corp\n2016 – 2018\n",
        4.0,
        2,
        id="title-then-company-lines",
    ),
]


@pytest.mark.parametrize("text, total, n_entries", EXPERIENCE_CASES)
def test_resume_experience(matcher: Matcher, text: str, total: float, n_entries: int) -> None:
    exp = resume_experience(text, matcher.skills(text), today=TODAY)
    assert len(exp.entries) == n_entries
    assert exp.total_years == pytest.approx(total, abs=0.15)


def test_skill_years_and_last_used(matcher: Matcher) -> None:
    text = (
        "Experience\n\nSenior Engineer — Acme\nJan 2021 – Present\n- Built services in Go and Kafka on Kubernetes.\n\n"
        "Engineer — Beta\nJan 2017 – Dec 2020\n- Wrote Java and Kafka consumers; no experience with Kubernetes then.\n\n"
        "Developer — Gamma\nJan 2014 – Dec 2016\n- PHP and MySQL.\n"
    )
    exp = resume_experience(text, matcher.skills(text), today=TODAY)
    assert [e.title for e in exp.entries] == [
        "Senior Engineer — Acme",
        "Engineer — Beta",
        "Developer — Gamma",
    ]
    assert exp.entries[0].current and exp.entries[0].end is None
    # "Present" counts the months gone by: on 2026-11-29 November is not over yet
    assert exp.skill_years["kafka"] == pytest.approx(9.8, abs=0.05)
    assert exp.skill_years["kubernetes"] == pytest.approx(
        5.8, abs=0.05
    )  # the negated mention does not count
    assert exp.skill_years["php"] == pytest.approx(3.0, abs=0.1)
    assert exp.skill_last_used == {**exp.skill_last_used, "kafka": 2026, "java": 2020, "php": 2016}
    assert exp.total_years == pytest.approx(12.8, abs=0.05)
    span = exp.entries[1].span
    assert text[span[0] : span[1]].startswith("Engineer — Beta")


# ---------------------------------------------------------------------------
# 4. Seniority
# ---------------------------------------------------------------------------

TITLE_CASES = [
    _p("Senior Backend Engineer", "senior", id="senior"),
    _p("Sr. Software Developer", "senior", id="sr-dot"),
    _p("Staff Software Engineer", "staff", id="staff"),
    _p("Principal Engineer, Platform", "principal", id="principal"),
    _p("Lead Developer", "senior", id="lead-developer"),
    _p("Junior Python Developer", "entry", id="junior"),
    _p("Graduate Software Engineer", "entry", id="graduate"),
    _p("Software Engineer II", "mid", id="roman-two"),
    _p("Engineering Manager, Payments", "manager", id="engineering-manager"),
    _p("Solutions Architect — Cloud", "architect", id="solutions-architect"),
    _p("Staff Accountant", None, id="staff-accountant-not-engineering"),
    _p("Marketing Manager", None, id="marketing-manager-not-engineering"),
    _p("Senior UX Designer", None, id="senior-designer-not-engineering"),
    _p("QA Engineer", "plain", id="plain-engineering"),
]


@pytest.mark.parametrize("title, level", TITLE_CASES)
def test_title_level(ladder: tuple, title: str, level: str | None) -> None:
    lv, how = title_level(title, ladder)
    if level == "plain":
        assert (lv, how) == (None, "plain")
    elif level is None:
        assert (lv, how) == (None, "other")
    else:
        assert lv is not None and lv.level == level


SENIORITY_CASES = [
    _p(
        "Jane Roe\nSoftware Engineer\n\nExperience\nSoftware Engineer — Acme\nJan 2025 – Present\n- Python\n",
        "resume",
        "entry",
        id="plain-title-few-years",
    ),
    # years alone never make staff or principal: those levels need a title that says so
    _p(
        "Jane Roe\njane@example.com\n\nExperience\nAcme Corp\nJan 2016 – Present\n- Python\n",
        "resume",
        "senior",
        id="no-title-years",
    ),
    _p(
        "Jane Roe\nDeveloper\n\nExperience\nDeveloper, Acme Corp\nJan 2016 – Present\n- Python\n",
        "resume",
        "senior",
        id="plain-title-as-no-title",
    ),
    _p(
        "Jane Roe\nTech Lead\n\nExperience\nTech Lead — Acme\n2018 – Present\n",
        "resume",
        "senior",
        id="tech-lead",
    ),
    _p(
        "Jo Bloggs\nMarketing Manager\n\nExperience\nMarketing Manager — Acme\n2010 – Present\n",
        "resume",
        "n/a",
        id="non-engineer-resume",
    ),
    _p(
        "Software Engineer\nAcme\n\nRequirements\n- 10+ years of experience with Java.\n",
        "posting",
        "staff",
        id="posting-years-decide",
    ),
    _p(
        "Entry-level Developer\nAcme\n\nRequirements\n- Python.\n",
        "posting",
        "entry",
        id="posting-entry-level",
    ),
]


@pytest.mark.parametrize("text, kind, level", SENIORITY_CASES)
def test_seniority_text(ladder: tuple, text: str, kind: str, level: str) -> None:
    s = seniority(text, ladder=ladder, kind=kind, today=TODAY)
    assert s.level == level, s.evidence
    assert s.evidence


# ---------------------------------------------------------------------------
# 5. Negation and hedging
# ---------------------------------------------------------------------------

POLARITY_CASES = [
    _p("I have no experience with Kubernetes.", "Kubernetes", 0.0, id="no-experience-with"),
    _p("Not required: Kubernetes.", "Kubernetes", 0.0, id="not-required-colon"),
    _p("Kubernetes is not required for this role.", "Kubernetes", 0.0, id="not-required-after"),
    _p("We deploy without Kubernetes.", "Kubernetes", 0.0, id="without"),
    _p("I have never used Scala in production.", "Scala", 0.0, id="never-used"),
    _p("Willing to learn Rust.", "Rust", 0.5, id="willing-to-learn"),
    _p("Some exposure to Kafka.", "Kafka", 0.5, id="exposure-to"),
    _p("Basic knowledge of Terraform.", "Terraform", 0.5, id="basic-knowledge"),
    _p("Currently learning Go on weekends.", "Go", 0.5, id="learning"),
    _p("Familiar with Docker and Kubernetes.", "Kubernetes", 0.5, id="familiar-with-list"),
    _p("Libraries: pandas, PyTorch (basic), NumPy", "PyTorch", 0.5, id="basic-in-parens"),
    _p("Built Python services on AWS.", "Python", 1.0, id="plain-claim"),
    _p("No experience with Go, but strong Python.", "Python", 1.0, id="but-ends-negation"),
    _p("Familiar with Go. Expert in Python.", "Python", 1.0, id="other-sentence"),
    _p(
        "Applied machine learning with PyTorch.",
        "PyTorch",
        1.0,
        id="machine-learning-is-not-learning",
    ),
    _p(
        "- Zero-downtime migrations on PostgreSQL.",
        "PostgreSQL",
        1.0,
        id="zero-downtime-not-negation",
    ),
]


@pytest.mark.parametrize("text, skill, polarity", POLARITY_CASES)
def test_skill_polarity(text: str, skill: str, polarity: float) -> None:
    assert skill_polarity(text, skill) == polarity


def test_polarity_takes_a_skill_match(matcher: Matcher) -> None:
    text = "We need strong Java experience. No experience with Kotlin is needed, and some exposure to Scala helps."
    got = {m.id: skill_polarity(text, m) for m in matcher.skills(text)}
    assert got.get("java") == 1.0 and got.get("kotlin") == 0.0 and got.get("scala") == 0.5


# ---------------------------------------------------------------------------
# The project's samples, against samples/labels.csv
# ---------------------------------------------------------------------------


def _sample_text(row: dict[str, str]) -> str:
    path = SAMPLES / row["path"]
    if path.suffix in {".txt", ".md"}:
        return path.read_text(encoding="utf-8")
    return (SAMPLES / "src" / f"{row['kind']}-{path.stem}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("row", LABELS, ids=lambda r: r["path"])
def test_samples_years_and_seniority(matcher: Matcher, ladder: tuple, row: dict[str, str]) -> None:
    text = _sample_text(row)
    if row["kind"] == "resume":
        years: float | None = resume_experience(text, matcher.skills(text), today=TODAY).total_years
    else:
        years = years_asked(text)[0]
    if row["years"]:
        assert years is not None and abs(years - float(row["years"])) <= 1.0
    else:
        assert years is None
    assert seniority(text, ladder=ladder, kind=row["kind"], today=TODAY).level == row["seniority"]


def test_sample_requirements_junior_python(matcher: Matcher) -> None:
    text = (SAMPLES / "src" / "posting-backend-junior-python.txt").read_text(encoding="utf-8")
    r = posting_requirements(text, matcher.skills(text))
    status = {x.id: x.status for x in r.required + r.preferred}
    assert status["python"] == status["postgresql"] == status["git"] == "required"
    assert status["docker"] == status["github-actions"] == "preferred"
    assert r.years_required is None and r.seniority == "entry"
    alts = {x.id: x.alternatives for x in r.preferred}
    # "a web framework (Django, Flask or FastAPI)": the category and its examples are one choice
    assert set(alts["flask"]) == {"django", "fastapi", "web-frameworks"}


def test_results_serialize(matcher: Matcher) -> None:
    import json

    text = (SAMPLES / "src" / "resume-nodejs-backend.txt").read_text(encoding="utf-8")
    exp = resume_experience(text, matcher.skills(text), today=TODAY)
    assert exp.entries[0].title == "Backend Developer — Parcelwise Inc." and exp.entries[0].current
    posting = (SAMPLES / "src" / "posting-backend-mid-java.txt").read_text(encoding="utf-8")
    req = posting_requirements(posting, matcher.skills(posting))
    for obj in (exp, req, seniority(text, kind="resume", today=TODAY), *find_sections(text)):
        json.dumps(obj.to_dict())


@pytest.mark.parametrize(
    "text, skill, polarity",
    [
        ("Backend developer. Lacking experience in Kubernetes. Strong in Python.", "Python", 1.0),
        (
            "Backend developer. Lacking experience in Kubernetes. Strong in Python.",
            "Kubernetes",
            0.0,
        ),
        ("Lead. Mentor. No experience with Kotlin. Daily Rust.", "Rust", 1.0),
        ("Lead. Mentor. No experience with Kotlin. Daily Rust.", "Kotlin", 0.0),
        ("One. Two. Three. Some exposure to Scala. Fluent Go.", "Go", 1.0),
        ("One. Two. Three. Some exposure to Scala. Fluent Go.", "Scala", 0.5),
    ],
)
def test_a_cue_reaches_no_later_sentence_of_its_line(
    text: str, skill: str, polarity: float
) -> None:
    """Sentences after the second on one line are cut where they end, not where the first did."""
    assert skill_polarity(text, skill) == polarity
