"""Golden cases for skill recognition: what ``Matcher().skills(text)`` must find.

The cases live in tests/data/golden_skills.json. Every case was run through the
matcher and its output reviewed by hand before it was frozen there. A case with a
``gap`` is a known wrong output kept as ``xfail(strict=True)`` with the expectation
we *want*: it documents a known gap in the lexicon or the recognizer and starts
failing (XPASS) once fixed, so the gap can be removed.

Two kinds of case:

* ``exact``: the set of ``(id, text)`` pairs is exactly the expected one
  (an empty set means "nothing at all is recognized");
* ``partial``: the pairs in ``must`` are present and none of the ids in
  ``must_not`` is recognized; anything else is left free.

Every case also checks that offsets point into the text as given, and that the
matches come in order without overlapping.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from jdmatch.matcher import Matcher

CASES = json.loads(
    (Path(__file__).parent / "data" / "golden_skills.json").read_text(encoding="utf-8")
)


def _param(case: dict[str, Any], *values: object) -> Any:
    marks = [pytest.mark.xfail(reason=case["gap"], strict=True)] if "gap" in case else []
    return pytest.param(*values, id=case["id"], marks=marks)


def _pairs(rows: list[list[str]]) -> list[tuple[str, str]]:
    return [(sid, text) for sid, text in rows]


EXACT = [
    _param(c, c["text"], set(_pairs(c["expected"])))
    for section in CASES["exact"]
    for c in section["cases"]
]
PARTIAL = [_param(c, c["text"], _pairs(c["must"]), c["must_not"]) for c in CASES["partial"]]
IMPLIED = [_param(c, c["text"], c["mention"], set(c["implied"])) for c in CASES["implied"]]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher()


def _check_offsets(text: str, found) -> None:  # type: ignore[no-untyped-def]
    for s in found:
        assert text[s.start : s.end] == s.text, (s.id, s.start, s.end, s.text)
    for a, b in zip(found, found[1:]):
        assert a.start < b.start, f"matches out of order: {a} then {b}"
        assert a.end <= b.start, f"matches overlap: {a} and {b}"


@pytest.mark.parametrize(("text", "expected"), EXACT)
def test_exact(matcher: Matcher, text: str, expected: set[tuple[str, str]]) -> None:
    found = matcher.skills(text)
    _check_offsets(text, found)
    assert {(s.id, s.text) for s in found} == expected


@pytest.mark.parametrize(("text", "must", "must_not"), PARTIAL)
def test_partial(
    matcher: Matcher, text: str, must: list[tuple[str, str]], must_not: list[str]
) -> None:
    found = matcher.skills(text)
    _check_offsets(text, found)
    pairs = {(s.id, s.text) for s in found}
    ids = {s.id for s in found}
    missing = [p for p in must if p not in pairs]
    assert not missing, f"missing {missing}; got {sorted(pairs)}"
    unwanted = sorted(ids & set(must_not))
    assert not unwanted, f"unexpected ids {unwanted}; got {sorted(pairs)}"


def test_case_ids_are_unique() -> None:
    ids = [p.id for p in EXACT + PARTIAL + IMPLIED]
    assert len(ids) == len(set(ids))


def test_the_golden_file_is_well_formed() -> None:
    """Each case has exactly the fields of its kind, so a typo in the file cannot turn a check off."""
    kinds = {
        "exact": {"text", "expected"},
        "partial": {"text", "must", "must_not"},
        "implied": {"text", "mention", "implied"},
    }
    cases = {
        "exact": [c for s in CASES["exact"] for c in s["cases"]],
        "partial": CASES["partial"],
        "implied": CASES["implied"],
    }
    for kind, fields in kinds.items():
        assert cases[kind], kind
        for c in cases[kind]:
            assert set(c) - {"about", "gap"} == {"id"} | fields, c
            assert isinstance(c["text"], str) and c["text"], c
    assert all(len(pair) == 2 for c in cases["exact"] for pair in c["expected"])
    assert all(len(pair) == 2 for c in cases["partial"] for pair in c["must"])


# ---------------------------------------------------------------------------
# implied skills: compound names and stacks imply their parts (shown by `jdmatch skills`)
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "mention", "implied"), IMPLIED)
def test_implied(matcher: Matcher, text: str, mention: str, implied: set[str]) -> None:
    from jdmatch.recognize import implied_skills

    found = matcher.skills(text)
    assert [s.id for s in found] == [mention], "the recognizer returns mentions only"
    got = implied_skills(found, matcher.recognizer.lexicon)
    assert implied <= set(got), f"missing {sorted(implied - set(got))}"
    assert all(mention in got[i] for i in implied)


def test_certification_is_not_the_vendor_product(matcher: Matcher) -> None:
    ids = {
        s.id
        for s in matcher.skills(
            "Certifications: Oracle Certified Professional, Java SE 11 Developer"
        )
    }
    assert "oracle-java-cert" in ids and "oracle-db" not in ids
