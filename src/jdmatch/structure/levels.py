"""Seniority: the level a resume shows or a posting asks for, on a profile's career ladder.

Level words, role nouns and hiring phrases are data (``lexicon/rules/seniority.toml``);
the ladder (levels, ranks, titles, years) is the profile's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from jdmatch import rules
from jdmatch.structure.experience import Experience, resume_experience
from jdmatch.structure.sections import Layout, guess_kind, preamble_end, sections_for
from jdmatch.structure.text import (
    ENGINEERING_NOUN,
    ROLE_NOUN,
    lines,
    names_role,
    title_line,
    title_norm,
)
from jdmatch.structure.years import years_asked

__all__ = ["Seniority", "seniority", "title_level", "default_ladder"]

_RULES = rules.load("seniority")
# level words beyond the ladder's own titles (normalized forms)
_EXTRA_WORDS = {level: tuple(words) for level, words in _RULES["level_words"].items()}
_GENERIC_WORDS = frozenset(_RULES["generic_words"])
# years alone never make a resume staff or principal: those levels need a title that says so
_YEARS_ONLY_MAX_RANK = _RULES["years_only_max_rank"]
_HIRING = re.compile(
    r"\b(?:"
    + rules.alternation(_RULES["hiring"]["cues"])
    + r")\s+(?:"
    + rules.alternation(_RULES["hiring"]["determiners"])
    + r")?\s*((?:[\w-]+\s+){0,4}?(?:"
    + rules.alternation(_RULES["hiring"]["roles"])
    + r"))\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Seniority:
    """A level of the ladder (``"n/a"``, rank 0, when the text names no engineering role), and why."""

    level: str
    rank: int
    track: str
    evidence: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def default_ladder() -> tuple[Any, ...]:
    """The backend-engineer profile's ladder: the one used when none is given."""
    from jdmatch.profile import DEFAULT_PROFILE, load_profile

    return load_profile(DEFAULT_PROFILE).ladder


_TITLE_YEARS = re.compile(
    r"\(?(?<!\s)\s*+(?:min(?:imum)?\.?\s*|at least\s*)?\d{1,2}(?:\.\d)?\s*+\+?\s*+(?:(?:-|–|to)\s*\d{1,2}\s*)?(?:years?|yrs?)\b[^)\n]*\)?",
    re.I,
)


def title_level(title: str, ladder: Sequence[Any]) -> tuple[Any | None, str]:
    """The ladder level a job title names, and how it was read.

    Returns ``(level, "explicit")`` for a title with a level word attached to an
    engineering role ("Senior Backend Engineer", "Engineering Manager"),
    ``(None, "plain")`` for an engineering title without one ("QA Engineer"),
    ``(None, "other")`` for a title outside engineering ("Staff Accountant").
    """
    # "Developer (3 years of experience)" names years, not the level "developer 3"
    t = title_norm(_TITLE_YEARS.sub(" ", title))
    for lv in ladder:  # management and architecture tracks: their own titles
        if lv.track != "individual" and any(title_norm(x) in t for x in lv.titles):
            return lv, "explicit"
    if not ENGINEERING_NOUN.search(t) and not re.search(r"\bengineering\b", t):
        return None, "other"
    if re.search(r"\bmanager\b", t) and re.search(
        r"\b(?:engineering|software|development|technical)\b", t
    ):
        mgr = next((lv for lv in ladder if lv.track == "management"), None)
        if mgr:
            return mgr, "explicit"
    if not ENGINEERING_NOUN.search(t):
        return None, "other"
    if re.search(r"\barchitects?\b", t):
        arch = next((lv for lv in ladder if lv.track == "architecture"), None)
        if arch and not re.search(r"\b(?:principal|distinguished|fellow)\b", t):
            return arch, "explicit"
    hits: list[Any] = []
    for lv in ladder:
        if lv.track != "individual":
            continue
        words = [x for x in lv.titles if not set(title_norm(x).split()) <= _GENERIC_WORDS]
        words += list(_EXTRA_WORDS.get(lv.level, ()))
        roman = {"engineer i": "engineer 1", "developer i": "developer 1"}
        for w in words:
            w = roman.get(w, w)
            if title_norm(w) in t:
                hits.append(lv)
                break
        if lv.level == "entry" and re.search(r" (?:engineer|developer) i ", t):
            hits.append(lv)
        if lv.level == "mid" and re.search(r" (?:engineer|developer) ii ", t):
            hits.append(lv)
        if lv.level == "senior" and re.search(r" (?:engineer|developer) iii ", t):
            hits.append(lv)
    if hits:
        # "Senior Staff Engineer" is staff; "Lead Junior Developer" never happens
        return max(hits, key=lambda lv: lv.rank), "explicit"
    return None, "plain"


def _years_level(years: float, ladder: Sequence[Any], *, max_rank: int | None = None) -> Any | None:
    ic = sorted(
        (
            lv
            for lv in ladder
            if lv.track == "individual" and (max_rank is None or lv.rank <= max_rank)
        ),
        key=lambda lv: lv.rank,
    )
    if not ic:
        return None
    inside = [lv for lv in ic if lv.years[0] <= years < lv.years[1]]
    if inside:
        return inside[0]
    return ic[-1] if years >= ic[-1].years[0] else ic[0]


def _mid_plain(ladder: Sequence[Any]) -> Any | None:
    ic = sorted((lv for lv in ladder if lv.track == "individual"), key=lambda lv: lv.rank)
    named = [
        lv for lv in ic if any(set(title_norm(x).split()) <= _GENERIC_WORDS for x in lv.titles)
    ]
    return named[0] if named else (ic[1] if len(ic) > 1 else (ic[0] if ic else None))


def seniority(
    text: str,
    *,
    ladder: Sequence[Any] | None = None,
    kind: str | None = None,
    years: float | None = None,
    today: date | None = None,
    experience: Experience | None = None,
    layout: Layout | None = None,
) -> Seniority:
    """The level a resume shows or a posting asks for, on ``ladder`` (default: backend engineer's).

    Resumes: the headline title, then the latest position's title; a title with
    a level word decides; a plain engineering title is the ladder's plain level
    (mid), or entry with under the mid level's years; with no title, total
    years against the ladder's ``years`` ranges. Postings: the title line, then
    "we are hiring a senior ..." phrases, then the years asked, then plain.
    Level words count only attached to an engineering title, so "Staff
    Accountant" and "Marketing Manager" give ``"n/a"``. A resume's
    :func:`resume_experience` already at hand can be passed as ``experience``,
    and the text's :func:`~jdmatch.structure.layout` as ``layout``.
    """
    ladder = tuple(ladder) if ladder is not None else default_ladder()
    kind = kind or (layout.kind if layout is not None else guess_kind(text))
    sections = sections_for(text, kind, layout)
    first = preamble_end(sections, text)
    titles: list[tuple[str, str]] = []
    at = title_line(text, first)
    if kind == "resume":
        # the line under the name: skip the first line unless it is itself a title
        head = [(s, e, ln) for s, e, ln in lines(text[:first]) if ln.strip()]
        for _s, _e, ln in head[1:4] if len(head) > 1 else head:
            body = re.sub(r"^#+\s*", "", ln.strip())
            if "@" in body or re.search(r"\d{3}", body):
                continue
            if names_role(body):
                titles.append(("headline", body))
                break
        exp = (
            experience
            if experience is not None
            else resume_experience(text, (), today=today, layout=layout)
        )
        dated = sorted(
            exp.entries,
            key=lambda en: (en.current, en.end or date.max if en.current else en.end or date.min),
            reverse=True,
        )
        if dated:
            titles.append(("latest position", dated[0].title))
        if years is None:
            years = exp.total_years if exp.entries or exp.total_years else None
    else:
        if at:
            titles.append(("title", re.sub(r"^#+\s*", "", text[at[0] : at[1]].strip())))
        if years is None:
            years = years_asked(text, layout=layout)[0]
    plain = other = None
    for where, title in titles:
        lv, how = title_level(title, ladder)
        if lv is not None:
            return Seniority(lv.level, lv.rank, lv.track, f"{where} {title!r}")
        if how == "plain" and plain is None:
            plain = (where, title)
        if how == "other" and other is None and ROLE_NOUN.search(title):
            other = (where, title)
    if kind == "posting" and (plain or not titles):
        for m in _HIRING.finditer(text):
            lv, how = title_level(m.group(1), ladder)
            if lv is not None:
                return Seniority(lv.level, lv.rank, lv.track, f"hiring phrase {m.group(0)!r}")
    if plain is None and other is not None:
        return Seniority("n/a", 0, "", f"{other[0]} {other[1]!r} is not an engineering role")
    if kind == "posting" and years is not None:
        lv = _years_level(years, ladder)
        if lv is not None:
            return Seniority(lv.level, lv.rank, lv.track, f"{years:g} years asked")
    cap = _YEARS_ONLY_MAX_RANK if kind == "resume" else None
    if plain is not None:
        # a title without a level word ("Developer") says no more than no title at all: the years decide
        if years is not None and years > 0:
            lv = _years_level(years, ladder, max_rank=cap)
            if lv is not None:
                return Seniority(
                    lv.level,
                    lv.rank,
                    lv.track,
                    f"{plain[0]} {plain[1]!r} names no level; {years:g} years",
                )
        mid = _mid_plain(ladder)
        if mid is not None:
            return Seniority(
                mid.level, mid.rank, mid.track, f"{plain[0]} {plain[1]!r} names no level"
            )
    if years is not None and years > 0:
        lv = _years_level(years, ladder, max_rank=cap)
        if lv is not None:
            return Seniority(lv.level, lv.rank, lv.track, f"{years:g} years of experience")
    return Seniority("n/a", 0, "", "no title or years to go by")
