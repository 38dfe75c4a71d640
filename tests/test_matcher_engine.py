"""Matcher as an engine of parts: profile or job, an injected recognizer and scorer, typed results (issue 14)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import jdmatch
from jdmatch import DEFAULT_PROFILE, DocumentLevel, Matcher
from jdmatch.compiled import load_lexicon
from jdmatch.recognize import SkillRecognizer, default_recognizer
from jdmatch.scoring import FitScorer

TEAM = Path(__file__).resolve().parent / "data" / "formats" / "team-lexicon.jsonl"
RESUME = (
    "Experience\nBackend Engineer - Acme\nJan 2019 - Present\n"
    "Built REST APIs in Python with Django and PostgreSQL; Docker, Redis, pytest.\n"
)
POSTING = "Requirements\n- 3+ years of Python\n- PostgreSQL or MySQL\n- Kubernetes\n"


def test_profile_and_job_together_is_an_error():
    with pytest.raises(ValueError, match="not both"):
        Matcher("backend-engineer", job=POSTING)
    with pytest.raises(ValueError, match="not both"):
        Matcher(recognizer=default_recognizer(), extra_lexicon=[TEAM])


def test_default_profile_is_one_constant():
    assert Matcher().profile.id == DEFAULT_PROFILE == "backend-engineer"
    assert Matcher(job=POSTING).profile.id != DEFAULT_PROFILE


def test_an_injected_recognizer_is_the_one_used():
    team = SkillRecognizer(load_lexicon(extra=[TEAM]))
    m = Matcher(recognizer=team)
    assert m.recognizer is team
    assert "quillstack" in {s.id for s in m.skills("We ship with Quillstack daily.")}
    assert "quillstack" not in {s.id for s in Matcher().skills("We ship with Quillstack daily.")}


def test_a_loaded_lexicon_object_is_used_as_given():
    lexicon = load_lexicon(extra=[TEAM])
    m = Matcher(lexicon=lexicon)
    assert m.recognizer.lexicon is lexicon
    assert "quillstack" in {s.id for s in m.skills("Quillstack")}


def test_an_injected_scorer_changes_the_similarity():
    base = Matcher().score(RESUME)
    flat = FitScorer.load()
    flat.idf_ = {
        k: 1.0 for k in flat.idf_
    }  # every term equally rare: a different, still valid model
    other = Matcher(scorer=flat)
    assert other.scorer is flat
    assert other.score(RESUME).cosine != pytest.approx(base.cosine)
    assert other.score(RESUME).coverage == pytest.approx(
        base.coverage
    )  # coverage does not read the IDF


def test_seniority_is_a_dataclass_and_serializes_as_before():
    result = Matcher().score(RESUME)
    assert isinstance(result.seniority, DocumentLevel)
    assert result.seniority.kind == "resume" and result.seniority.level != ""
    assert result.to_dict()["seniority"] == dataclasses.asdict(result.seniority)


def test_gaps_name_a_users_own_skill_by_its_name(tmp_path):
    profile = tmp_path / "team.toml"
    profile.write_text(
        'id = "team"\ntitle = "Team"\n[[groups]]\nid = "tools"\nname = "Tools"\nweight = 1.0\nmode = "all"\n'
        'required = true\nskills = ["quillstack", "python"]\n',
        encoding="utf-8",
    )
    m = Matcher(str(profile), extra_lexicon=[TEAM])
    gaps = m.score("Python developer.").gaps
    name = next(e.name for e in m.recognizer.lexicon.entries if e.id == "quillstack")
    assert any(name in g for g in gaps) and not any(
        "quillstack" in g for g in gaps if name != "quillstack"
    )


def test_result_types_and_batch_run_are_exported():
    for name in (
        "FitResult",
        "SkillEvidence",
        "MissingSkill",
        "GroupCoverage",
        "TermContribution",
        "DocumentLevel",
        "run_batch",
    ):
        assert name in dir(jdmatch)
    from jdmatch.batch import run

    assert jdmatch.run_batch is run
