"""The knowledge view (jdmatch.knowledge): the mentions a job-ad annotator counts as knowledge.

Sentences written for this test; the model is lexicon/models/knowledge.json
(tools/fit_knowledge.py, fitted on SkillSpan train).
"""

from __future__ import annotations

import pytest

from jdmatch.knowledge import knowledge_mentions, load_model
from jdmatch.matcher import Matcher


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher()


def view(matcher: Matcher, text: str) -> tuple[list[str], list[str]]:
    found = matcher.skills(text)
    return [m.text for m in found], [m.text for m in knowledge_mentions(text, found)]


@pytest.mark.parametrize(
    "text, kept",
    [
        ("You have experience with Java, PostgreSQL and Kafka.", ["Java", "PostgreSQL", "Kafka"]),
        ("Our stack: Python, Django, Docker and AWS.", ["Python", "Django", "Docker", "AWS"]),
        ("Strong communication skills and a degree in Computer Science.", ["Computer Science"]),
    ],
)
def test_named_knowledge_is_kept(matcher: Matcher, text: str, kept: list[str]) -> None:
    assert view(matcher, text)[1] == kept


@pytest.mark.parametrize(
    "text, skill",
    [
        ("Senior Java Developer", "Java"),  # a name inside a job title
        ("Job benefits: Healthcare and Insurance Plans", "Healthcare"),  # a benefit
        (
            "You will work with security experts on cloud migration.",
            "security",
        ),  # a generic word in passing
    ],
)
def test_annotators_leave_out(matcher: Matcher, text: str, skill: str) -> None:
    found, kept = view(matcher, text)
    assert skill in found  # jdmatch itself still recognizes it
    assert skill not in kept


def test_view_is_a_subset_and_deterministic(matcher: Matcher) -> None:
    text = "Senior Backend Engineer\nWe build Go services on Kubernetes and value teamwork and agile ways of working."
    found = matcher.skills(text)
    kept = knowledge_mentions(text, found)
    assert all(k in found for k in kept)
    assert kept == knowledge_mentions(text, matcher.skills(text))
    assert not any(k.label == "soft_skill" for k in kept)


def test_model_file_holds_weights_not_text() -> None:
    model = load_model()
    assert 0 < model["threshold"] < 1
    assert all(isinstance(w, float) for w in model["weights"].values())
    assert max(len(name) for name in model["weights"]) < 80
