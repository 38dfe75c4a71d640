"""Fit scoring: the properties a person relies on, on the project's own samples."""

from __future__ import annotations

import csv
import json
import random
import re
from pathlib import Path

import pytest

from jdmatch import read_document
from jdmatch.errors import ProfileError
from jdmatch.matcher import Matcher
from jdmatch.models import FitResult
from jdmatch.posting_profile import profile_from_posting
from jdmatch.profile import load_profile

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
LABELS = list(csv.DictReader((SAMPLES / "labels.csv").open(encoding="utf-8")))


class _SampleTexts(dict[str, str]):
    """Each sample's text, read the first time a test asks for it (not at collection)."""

    def __missing__(self, path: str) -> str:
        self[path] = text = read_document(SAMPLES / path).text
        return text


TEXTS = _SampleTexts()


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher()


def test_result_shape(matcher: Matcher) -> None:
    result = matcher.score(TEXTS["resumes/senior-backend-java.pdf"])
    assert isinstance(result, FitResult)
    assert 0 <= result.score <= 100
    with pytest.raises(AttributeError):
        result.score = 1.0  # type: ignore[misc]
    data = json.loads(json.dumps(result.to_dict()))
    assert {"score", "coverage", "similarity", "groups", "matched", "missing", "top_terms"} <= set(
        data
    )
    assert {g["id"] for g in data["groups"]} == {g.id for g in matcher.profile.groups}
    gains = [m.gain for m in result.missing]
    assert gains == sorted(gains, reverse=True), (
        "missing skills come ordered by what they would add"
    )
    evidence = {m.id: m for m in result.matched}
    assert (
        "java" in evidence and evidence["java"].mentions and "Java" in evidence["java"].mentions[0]
    )
    assert sum(t.contribution for t in result.top_terms) <= result.cosine + 1e-9


def test_deterministic(matcher: Matcher) -> None:
    text = TEXTS["resumes/staff-backend-go.pdf"]
    first = matcher.score(text)
    assert matcher.score(text) == first
    assert Matcher().score(text).to_dict() == first.to_dict()


@pytest.mark.parametrize(
    "path", ["postings/backend-mid-java.txt", "postings/nurse.pdf", "postings/devops-sre.pdf"]
)
def test_reordering_a_postings_paragraphs_keeps_the_score(matcher: Matcher, path: str) -> None:
    paragraphs = [p for p in re.split(r"\n\s*\n", TEXTS[path]) if p.strip()]
    base = matcher.score("\n\n".join(paragraphs)).score
    rng = random.Random(len(paragraphs))
    for _ in range(3):
        rng.shuffle(paragraphs)
        assert matcher.score("\n\n".join(paragraphs)).score == pytest.approx(base, abs=1e-9)


@pytest.mark.parametrize("path", [r["path"] for r in LABELS if r["kind"] == "resume"])
def test_reordering_a_resumes_sections_keeps_the_score(matcher: Matcher, path: str) -> None:
    """A resume's sections (heading and body together) may come in any order: depth of evidence
    reads which role and which section holds a skill, never where that section stands."""
    from jdmatch.structure import find_sections

    text = TEXTS[path]
    sections = find_sections(text, "resume")
    assert len(sections) >= 3, path
    head = text[: sections[0].start].rstrip("\n")
    bodies = [text[s.start : s.end].strip("\n") for s in sections]
    base = matcher.score("\n\n".join([head, *bodies])).score
    rng = random.Random(path)
    for _ in range(3):
        rng.shuffle(bodies)
        assert matcher.score("\n\n".join([head, *bodies])).score == pytest.approx(base, abs=1e-9)


def test_the_short_explanation_keeps_the_score(matcher: Matcher) -> None:
    # detail=False (batches, and the property test below) drops explanation, never score
    for row in LABELS:
        full, short = (
            matcher.score(TEXTS[row["path"]]),
            matcher.score(TEXTS[row["path"]], detail=False),
        )
        assert (short.score, short.coverage, short.similarity) == (
            full.score,
            full.coverage,
            full.similarity,
        ), row["path"]


@pytest.mark.parametrize("path", [r["path"] for r in LABELS])
def test_naming_a_missing_profile_skill_never_lowers_the_score(matcher: Matcher, path: str) -> None:
    text = TEXTS[path]
    result = matcher.score(text)
    names = {e.id: e.name for e in matcher.recognizer.lexicon.entries}
    # the ten that would add most, and ten more picked at random
    rest = list(result.missing[10:])
    random.Random(path).shuffle(rest)
    # each named one way or the other, alternately: as a bare name, or in a sentence
    for i, missing in enumerate([*result.missing[:10], *rest[:10]]):
        name = names[missing.id]
        addition = f"Hands-on experience with {name}." if i % 2 else name
        after = matcher.score(f"{text}\n\n{addition}", detail=False).score
        assert after >= result.score - 1e-9, (missing.id, addition, result.score, after)


def test_short_texts_are_monotonic_too(matcher: Matcher) -> None:
    rng = random.Random(3)
    skills = [s.id for g in matcher.profile.groups for s in g.skills]
    names = {e.id: e.name for e in matcher.recognizer.lexicon.entries}
    for _ in range(60):
        have = rng.sample(skills, rng.randint(0, 6))
        text = ", ".join(names[s] for s in have)
        base = matcher.score(text).score
        for extra in rng.sample([s for s in skills if s not in have], 5):
            assert (
                matcher.score(f"{text}, {names[extra]}" if text else names[extra]).score
                >= base - 1e-9
            )


def test_every_backend_resume_beats_every_other_resume_by_a_clear_margin(matcher: Matcher) -> None:
    scores = {
        r["path"]: (matcher.score(TEXTS[r["path"]]).score, r["backend"])
        for r in LABELS
        if r["kind"] == "resume"
    }
    backend = [s for s, grade in scores.values() if grade == "2"]
    others = [s for s, grade in scores.values() if grade != "2"]
    assert len(backend) >= 4 and len(others) >= 4
    assert min(backend) - max(others) >= 5, scores


def test_backend_postings_beat_non_technical_postings(matcher: Matcher) -> None:
    scores = [
        (matcher.score(TEXTS[r["path"]]).score, r["backend"])
        for r in LABELS
        if r["kind"] == "posting"
    ]
    assert min(s for s, g in scores if g == "2") > max(s for s, g in scores if g == "0") + 20


def test_score_against_a_posting(matcher: Matcher) -> None:
    posting = SAMPLES / "postings" / "backend-senior-java.html"
    job = Matcher(job=posting)
    assert job.profile.id == "posting" and job.profile.groups
    java = job.score(TEXTS["resumes/senior-backend-java.pdf"]).score
    nurse = job.score(TEXTS["resumes/nurse.txt"]).score
    frontend = job.score(TEXTS["resumes/frontend-react.md"]).score
    assert java > frontend > nurse
    same = (
        Matcher(job=read_document(posting).text)
        .score(TEXTS["resumes/senior-backend-java.pdf"])
        .score
    )
    assert same == pytest.approx(java)


def test_posting_without_skills_cannot_be_a_profile() -> None:
    with pytest.raises(ProfileError, match="names no skill"):
        profile_from_posting("We are looking for a cheerful person to water the plants.")


def test_profiles_by_name_path_and_object(tmp_path: Path) -> None:
    shipped = load_profile("backend-engineer")
    assert {lv.level for lv in shipped.ladder} >= {
        "entry",
        "senior",
        "staff",
        "principal",
        "manager",
        "architect",
    }
    custom = tmp_path / "py.toml"
    custom.write_text(
        'id = "py"\ntitle = "Python developer"\n[[groups]]\nid = "lang"\nweight = 1\nmode = "any"\nskills = ["python", "django"]\n'
    )
    prof = load_profile(custom)
    assert prof.title == "Python developer"
    m = Matcher(prof)
    assert (
        m.score("Python developer, Django and Flask.").score
        > m.score("Certified nurse with ICU experience.").score
    )
    assert Matcher(str(custom)).profile.id == "py"


@pytest.mark.parametrize(
    "body,phrase",
    [
        pytest.param(
            'title = "x"\n[[groups]]\nid = "g"\nweight = 1\nskills = ["python"]\n',
            "`id` is missing",
            id="no-id",
        ),
        pytest.param('id = "x"\ntitle = "x"\n', "at least one [[groups]]", id="no-groups"),
        pytest.param(
            'id = "x"\ntitle = "x"\n[[groups]]\nid = "g"\nweight = 1\nskills = ["pythonn"]\n',
            "'pythonn' is not in the lexicon",
            id="unknown-skill",
        ),
        pytest.param(
            'id = "x"\ntitle = "x"\n[[groups]]\nid = "g"\nweight = -1\nskills = ["python"]\n',
            "`weight` must be positive",
            id="negative-weight",
        ),
        pytest.param(
            'id = "x"\ntitle = "x"\n[[groups]]\nid = "g"\nweight = 1\nmode = "some"\nskills = ["python"]\n',
            "`mode` must be one of",
            id="bad-mode",
        ),
        pytest.param(
            'id = "x"\ntitle = "x"\ncoverage_weight = 3\n[[groups]]\nid = "g"\nweight = 1\nskills = ["python"]\n',
            "coverage_weight",
            id="bad-coverage-weight",
        ),
        pytest.param('id = "x" title', "not valid TOML", id="bad-toml"),
    ],
)
def test_bad_profiles_are_explained(tmp_path: Path, body: str, phrase: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(body)
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    assert str(path) in str(info.value) and phrase in str(info.value)


def test_unknown_profile_name_lists_the_installed_ones() -> None:
    with pytest.raises(ProfileError, match="backend-engineer"):
        load_profile("astronaut")


def test_implied_skills_count_for_coverage(matcher: Matcher) -> None:
    result = matcher.score("We run our services on EKS.")
    implied = {m.id: m for m in result.matched}
    assert "aws" in implied and "eks" in implied["aws"].implied_by
    assert next(g for g in result.groups if g.id == "cloud").coverage == 1.0


def test_score_many_keeps_order_in_one_and_two_processes(matcher: Matcher) -> None:
    texts = [TEXTS[r["path"]] for r in LABELS[:8]]
    one = [r.score for r in matcher.score_many(texts)]
    two = [r.score for r in matcher.score_many(texts, n_process=2)]
    assert one == pytest.approx(two)
    assert one == pytest.approx([matcher.score(t).score for t in texts])


def test_against_a_posting_missing_required_weighs_more_than_missing_preferred() -> None:
    posting = (
        "Backend Engineer\n\nRequirements\n- 4+ years of experience with Java\n- Kafka and PostgreSQL\n\n"
        "Nice to have\n- Go\n- Terraform\n"
    )
    job = Matcher(job=posting)
    assert job.profile.years_required == 4
    required = {s.id for g in job.profile.groups if g.required for s in g.skills}
    preferred = {s.id for g in job.profile.groups if not g.required for s in g.skills}
    assert {"java", "kafka", "postgresql"} <= required and {"go", "terraform"} <= preferred
    has_required = job.score("Engineer with Java, Kafka and PostgreSQL.").score
    has_preferred = job.score("Engineer with Java, Go and Terraform.").score
    assert has_required > has_preferred


def test_gaps_in_years_and_level_are_reported() -> None:
    job = Matcher(job=SAMPLES / "postings" / "backend-senior-java.html")
    result = job.score(TEXTS["resumes/junior-backend-python.md"])
    assert result.seniority and result.seniority.level == "entry"
    text = " ".join(result.gaps)
    assert (
        "years of experience" in text
        and "senior level" in text
        and "required skill missing" in text
    )
    data = result.to_dict()
    assert data["gaps"] and data["seniority"]["level"] == "entry" and data["years"] is not None
    senior = job.score(TEXTS["resumes/senior-backend-java.pdf"])
    assert not any("level" in g or "years" in g for g in senior.gaps)


def _resume(start_year: int | None) -> str:
    """The same backend resume, working since ``start_year`` (None: no dates at all)."""
    when = f"{start_year} - Present" if start_year else ""
    return (
        "Experience\n\nBackend Engineer, Acme Payments " + when + "\n"
        "- Built services in Java with Spring Boot, Kafka and PostgreSQL, deployed with Docker.\n"
        "- Wrote unit tests and ran the CI/CD pipelines.\n\n"
        "Skills\nJava, Spring Boot, Kafka, PostgreSQL, Docker, Git\n"
    )


def test_a_resume_below_the_years_asked_keeps_part_of_its_score() -> None:
    import dataclasses
    import datetime

    posting = (
        "Backend Engineer\n\nRequirements\n- 8+ years of experience building backend services\n"
        "- Java, Spring Boot, Kafka and PostgreSQL\n- Docker, Redis and Kubernetes\n"
    )
    asked = Matcher(job=posting).profile
    assert asked.years_required == 8 and 0 < asked.years_floor < 1
    # the years alone (the level the posting asks is the next test's)
    profile = dataclasses.replace(asked, level_step=0.0)
    job = Matcher(profile=profile, as_of=datetime.date(2026, 6, 1))
    ungated = Matcher(
        profile=dataclasses.replace(profile, years_floor=1.0, level_step=0.0),
        as_of=datetime.date(2026, 6, 1),
    )
    short, long_, undated = (job.score(_resume(y)) for y in (2024, 2012, None))
    # the same skills: fewer years than asked keep floor + (1 - floor) * years / asked of the score
    assert short.years is not None and short.years < 8 and long_.years >= 8
    floor = profile.years_floor
    assert short.level_gate == pytest.approx(floor + (1 - floor) * short.years / 8, abs=1e-9)
    bare = ungated.score(_resume(2024))
    assert short.score == pytest.approx(bare.score * short.level_gate)
    assert short.level_gate < 1 and long_.level_gate == 1 and long_.score > short.score
    assert long_.score == pytest.approx(ungated.score(_resume(2012)).score)
    # the advice scales with the score it adds to
    gains = {m.id: m.gain for m in bare.missing}
    assert short.missing and all(
        m.gain == pytest.approx(gains[m.id] * short.level_gate) for m in short.missing
    )
    assert short.to_dict()["level_gate"] == round(short.level_gate, 4)
    # years a resume does not show are unknown, not none: no share is taken for them
    assert undated.years is None and undated.level_gate == 1
    assert "asks for 8+ years of experience; the resume shows no dated work" in undated.gaps
    assert f"the resume shows about {short.years:.1f}" in " ".join(short.gaps)


def test_a_resume_below_the_level_asked_loses_a_share_per_rung(matcher: Matcher) -> None:
    job = Matcher(job=SAMPLES / "postings" / "backend-senior-java.html")
    profile = job.profile
    ranks = {lv.level: lv.rank for lv in profile.ladder}
    assert profile.seniority in ranks and profile.level_step > 0
    junior = job.score(TEXTS["resumes/junior-backend-python.md"])
    assert junior.seniority is not None
    rungs = ranks[profile.seniority] - junior.seniority.rank
    assert rungs > 0
    share = (1 - profile.level_step) ** rungs
    if profile.years_required and junior.years is not None:
        floor = profile.years_floor
        share *= floor + (1 - floor) * min(1.0, junior.years / profile.years_required)
    assert junior.level_gate == pytest.approx(share)
    senior = job.score(TEXTS["resumes/senior-backend-java.pdf"])
    assert senior.level_gate == 1
    # a shipped profile asks no years or level: nothing is taken against one
    assert all(matcher.score(TEXTS[r["path"]]).level_gate == 1 for r in LABELS[:12])


@pytest.mark.parametrize(
    "field,value", [("level_step", 1.0), ("level_step", -0.1), ("years_floor", 0)]
)
def test_a_profile_with_a_bad_level_share_is_refused(
    tmp_path: Path, field: str, value: float
) -> None:
    shipped = Path(load_profile().source).read_text(encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text(f"{field} = {value}\n" + shipped, encoding="utf-8")
    with pytest.raises(ProfileError, match=field):
        load_profile(bad)


@pytest.mark.parametrize(
    "sentence,negated,hedged",
    [
        pytest.param("No experience with Kubernetes.", True, False, id="no-experience"),
        pytest.param("Kubernetes is not required.", True, False, id="not-required"),
        pytest.param("Willing to learn Kubernetes.", False, True, id="willing-to-learn"),
        pytest.param("Some exposure to Kubernetes.", False, True, id="exposure"),
        pytest.param("Ran Kubernetes in production for years.", False, False, id="plain"),
    ],
)
def test_negation_and_hedging(matcher: Matcher, sentence: str, negated: bool, hedged: bool) -> None:
    result = matcher.score(f"Backend developer: Java, Spring Boot, PostgreSQL. {sentence}")
    assert ("kubernetes" in result.negated) is negated
    assert ("kubernetes" in result.hedged) is hedged
    containers = next(g for g in result.groups if g.id == "containers")
    assert ("kubernetes" in containers.matched) is (not negated and not hedged)


@pytest.mark.parametrize(
    "text",
    [
        # Django implies Python, which is there; FastAPI and Spring Boot would bring Python and Java
        "We build APIs in Python with Django and PostgreSQL. Some Kafka. Docker and AWS.",
        "Frontend developer: React, TypeScript, CSS. Willing to learn Go.",
        "Data analyst. Excel, Tableau and SQL reports for the sales team.",
    ],
)
@pytest.mark.parametrize("detail", [True, False])
def test_each_advised_gain_is_what_naming_the_skill_adds(
    matcher: Matcher, text: str, detail: bool
) -> None:
    # the advice works its gains out from the document's parts (and memoizes what documents
    # share); scoring the document again with one firm mention of the skill must give the same
    from jdmatch.models import SkillMatch
    from jdmatch.recognize import Analysis

    analysis = matcher.recognizer.analyze(text)
    entries = {e.id: e for e in matcher.recognizer.lexicon.entries}

    def score(a: Analysis) -> FitResult:
        return matcher.scorer.score(
            a,
            matcher.profile,
            detail=detail,
            contrast=matcher.contrast,
            profile_vector=matcher.profile_vector,
        )

    before = score(analysis)
    assert len(before.missing) >= 5
    for advice in before.missing:
        e = entries[advice.id]
        more = f"{text}\n\n{e.name}"  # on a line of its own, away from "willing to learn"
        mention = SkillMatch(e.id, e.name, e.label, e.category, len(text) + 2, len(more), e.name)
        after = score(Analysis([*analysis.matches, mention], analysis.words, more))
        assert after.score - before.score == pytest.approx(advice.gain, abs=1e-9), advice.id
