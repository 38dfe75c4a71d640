"""The knowledge view (jdmatch.knowledge): the mentions a job-ad annotator counts as knowledge.

Sentences written for this test; the model is lexicon/models/knowledge.json
(tools/fit_knowledge.py, fitted on SkillSpan train).
"""

from __future__ import annotations

import pytest

from jdmatch.knowledge import (
    MAX_TERM_WORDS,
    TAGGED_LABEL,
    TERM_LABEL,
    candidates,
    knowledge_mentions,
    load_model,
    reshape,
    tokenize,
)
from jdmatch.matcher import Matcher
from jdmatch.models import SkillMatch


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
    # each kept mention is a recognized one, the same skill with reshaped boundaries, or a learnt term
    for k in kept:
        assert k.text == text[k.start : k.end]
        assert (
            k in found
            or k.label in (TERM_LABEL, TAGGED_LABEL)
            or any(f.id == k.id and f.start < k.end and k.start < f.end for f in found)
        )
    assert kept == knowledge_mentions(text, matcher.skills(text))
    assert not any(k.label == "soft_skill" for k in kept)


def test_tokens_split_off_brackets_and_trailing_punctuation() -> None:
    text = "Tools (Kafka), Node.js; CI/CD:"
    assert [text[a:b] for a, b in tokenize(text)] == [
        "Tools", "(", "Kafka", ")", ",", "Node.js", ";", "CI/CD", ":",
    ]  # fmt: skip


def _words(text: str) -> list[str]:
    return [text[a:b] for a, b in tokenize(text)]


def test_a_rule_grows_or_shrinks_a_span_and_the_strongest_wins() -> None:
    words = _words("solid Java development skills")
    assert reshape({}, words, 1, 2) == (1, 2, "")  # no rule: the span stays
    assert reshape({"r+|development": 2.0}, words, 1, 2) == (1, 3, "r+|development")
    # the second key names what follows the grown span: here a lower-case word
    assert reshape({"r+|development&low": 1.0}, words, 1, 2) == (1, 3, "r+|development&low")
    assert reshape({"r+|development&cap": 1.0}, words, 1, 2) == (1, 2, "")
    both = {"r+|development": 1.0, "l+|solid": 3.0}
    assert reshape(both, words, 1, 2) == (0, 2, "l+|solid")
    words = _words("our Agile team")
    assert reshape({"r-|team": 1.0}, words, 1, 3) == (1, 2, "r-|team")
    assert reshape({"r-|team": 1.0}, words, 2, 3) == (2, 3, "")  # a one-word span never shrinks


def _keep_all(**parts: object) -> dict[str, object]:
    model: dict[str, object] = {
        "weights": {"bias": 10.0},
        "threshold": 0.5,
        "rules": {},
        "terms": {},
    }
    model.update(parts)
    return model


def test_reshaped_mentions_keep_their_skill(matcher: Matcher) -> None:
    text = "We expect solid Python development experience."
    found = matcher.skills(text)
    assert [m.text for m in found] == ["Python"]
    kept = knowledge_mentions(text, found, model=_keep_all(rules={"r+|development": 1.0}))
    assert [(m.text, m.id) for m in kept] == [("Python development", found[0].id)]


def test_the_model_chooses_among_a_mentions_boundary_variants(matcher: Matcher) -> None:
    text = "We expect solid Python development experience, and Go."
    found = matcher.skills(text)
    assert [m.text for m in found] == ["Python", "Go"]
    # no rule: the weights alone prefer "Python" grown by "development", and "Go" as it is
    weights = {
        "bias": 1.0,
        "mvkey=r+|development": 3.0,
        "mv=r+": -0.5,
        "mv=l+": -2.0,
        "mv=r-": -2.0,
        "mv=l-": -2.0,
    }
    model = _keep_all(weights=weights, variants=True)
    kept = knowledge_mentions(text, found, model=model)
    assert [(m.text, m.id) for m in kept] == [
        ("Python development", found[0].id),
        ("Go", found[1].id),
    ]
    # kept mentions never overlap, whatever the variants
    assert all(a.end <= b.start for a, b in zip(kept, kept[1:]))


def test_learnt_terms_are_candidates_where_no_mention_is(matcher: Matcher) -> None:
    text = "Curious about gardening and Python gardening tools."
    found = matcher.skills(text)
    model = _keep_all(terms={"gardening": [5, 6], "python": [9, 9], "tools": [1, 9]})
    got = [(m.text, m.label) for m in knowledge_mentions(text, found, model=model)]
    python = next(m for m in found if m.text == "Python")
    # both "gardening"s are new; "Python" stays the recognized mention; "tools" was annotated only once
    assert got == [("gardening", TERM_LABEL), ("Python", python.label), ("gardening", TERM_LABEL)]


def test_shipped_model_shapes_mentions_like_the_annotators(matcher: Matcher) -> None:
    text = "You will join our Agile team next spring."
    found = matcher.skills(text)
    assert [m.text for m in found] == ["Agile team"]
    assert [(c.text, rule) for c, rule in candidates(text, found, load_model())][0] == (
        "Agile",
        "r-|team",
    )


@pytest.mark.parametrize(
    "text, term",
    [
        ("Knowledge of finance is a plus.", "finance"),
        ("You know some front-end work and APIs.", "APIs"),
    ],
)
def test_shipped_model_adds_terms_the_lexicon_lacks(matcher: Matcher, text: str, term: str) -> None:
    found = matcher.skills(text)
    assert term not in [m.text for m in found]  # default recognition does not change
    kept = knowledge_mentions(text, found)
    assert (term, TERM_LABEL) in [(m.text, m.label) for m in kept]


def test_model_file_holds_weights_not_text() -> None:
    model = load_model()
    assert 0 < model["threshold"] < 1
    assert all(isinstance(w, float) for w in model["weights"].values())
    assert max(len(name) for name in model["weights"]) < 80
    # terms are short word sequences annotated at least twice, with how often they were seen at all
    assert model["terms"] and all(
        len(t.split()) <= MAX_TERM_WORDS and 2 <= gold <= seen
        for t, (gold, seen) in model["terms"].items()
    )
    assert all(
        key[:3] in ("r+|", "l+|", "r-|", "l-|") and w > 0 for key, w in model["rules"].items()
    )


def _fit_tool():  # type: ignore[no-untyped-def]
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
    import fit_knowledge

    return fit_knowledge


def test_fitting_hides_train_derived_terms_no_other_fold_annotates() -> None:
    fk = _fit_tool()
    # three postings in three different folds
    postings, folds = [], set()
    for k in range(100):
        if fk.fold_of({"posting": k}) not in folds:
            folds.add(fk.fold_of({"posting": k}))
            postings.append(k)
        if len(postings) == 3:
            break

    def row(posting: int, text: str, term: str, label_id: str) -> dict:
        a = text.index(term)
        match = SkillMatch(label_id, term, "concept", "Knowledge terms", a, a + len(term), term)
        return {"text": text, "posting": posting, "gold": {(a, a + len(term))}, "matches": [match]}

    rows = [
        row(postings[0], "Know dairy chemistry well", "dairy chemistry", "dairy-chemistry"),
        row(postings[1], "Know walking robots well", "walking robots", "walking-robots"),
        row(postings[2], "Some dairy chemistry here", "dairy chemistry", "dairy-chemistry"),
        row(postings[2], "Know Python well", "Python", "python"),
    ]
    derived = {"dairy-chemistry", "walking-robots"}  # "python" is no train-derived entry
    assert fk.hide_own_terms(rows, derived) == 1
    # annotated in another fold too: kept; annotated only in its own posting: hidden; not derived: kept
    assert [[m.text for m in r["matches"]] for r in rows] == [
        ["dairy chemistry"],
        [],
        ["dairy chemistry"],
        ["Python"],
    ]
    assert rows[1]["all_matches"][0].text == "walking robots"
