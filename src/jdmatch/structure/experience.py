"""Resume experience: dated entries, total years (overlaps counted once), years and last use per skill.

Dates are month-precise: a ``date`` is the first of its month, a year given
alone counts from (or up to) the middle of that year.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from jdmatch import rules
from jdmatch.extract.metadata import MONTHS
from jdmatch.models import SkillMatch
from jdmatch.structure.polarity import skill_polarity
from jdmatch.structure.sections import Layout, Section, sections_for
from jdmatch.structure.text import (
    BULLET,
    DATE_RANGE,
    MD_HEADING,
    NOW,
    NUM,
    YEAR,
    lines,
    names_role,
    number,
)

__all__ = ["Entry", "Experience", "resume_experience", "stated_years", "present_date"]


@dataclass(frozen=True, slots=True)
class Entry:
    """One dated position. ``end`` is ``None`` for a current one; ``span`` is its block of text."""

    title: str
    start: date | None
    end: date | None
    current: bool
    months: int
    span: tuple[int, int]
    internship: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "current": self.current,
            "months": self.months,
            "span": list(self.span),
            "internship": self.internship,
        }


@dataclass(frozen=True, slots=True)
class Experience:
    """A resume's positions, total years (overlaps once, internships out), and years and last use per skill."""

    entries: tuple[Entry, ...]
    total_years: float
    skill_years: dict[str, float]
    skill_last_used: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return {
            "entries": [e.to_dict() for e in self.entries],
            "total_years": self.total_years,
            "skill_years": dict(self.skill_years),
            "skill_last_used": dict(self.skill_last_used),
        }


_DURATION = re.compile(
    r"\b(?:(\d{1,2}(?:\.\d)?)\s*+\+?\s*+(?:years?|yrs?))(?:\s*+(?:,|and)?\s*+(\d{1,2})\s*(?:months?|mos?))?\b"
    r"|\b(\d{1,2})\s*(?:months?|mos?)\b",
    re.I,
)
_SEASONS = {"spring": 4, "summer": 7, "fall": 10, "autumn": 10, "winter": 1}


def _parse_date(token: str, *, is_end: bool) -> tuple[int, int]:
    """``(year, month)``; a year alone is mid-year (July as a start, June as an end)."""
    t = token.strip().lower()
    y = int(re.search(YEAR, t).group())  # type: ignore[union-attr]
    mon = re.match(r"([a-z]+)", t)
    if mon and mon.group(1)[:3] in MONTHS:
        return y, MONTHS[mon.group(1)[:3]]
    if mon and mon.group(1) in _SEASONS:
        return y, _SEASONS[mon.group(1)]
    m = re.match(r"(\d{1,2})\s*[/.]\s*\d{4}$", t) or re.match(r"\d{4}\s*[-/.]\s*(\d{2})$", t)
    if m:
        return y, int(m.group(1))
    return (y, 6) if is_end else (y, 7)


def _month_index(ym: tuple[int, int]) -> int:
    return ym[0] * 12 + ym[1] - 1


def _union_months(intervals: Iterable[tuple[int, int]]) -> int:
    """Months covered by inclusive ``[a, b]`` month-index intervals, overlaps once."""
    total, cur = 0, None
    for a, b in sorted(intervals):
        if cur is None or a > cur[1] + 1:
            if cur:
                total += cur[1] - cur[0] + 1
            cur = [a, b]
        else:
            cur[1] = max(cur[1], b)
    if cur:
        total += cur[1] - cur[0] + 1
    return total


_INTERN = re.compile(
    r"\b(?:intern|internship|co-?op|placement|apprentice(?:ship)?|trainee(?:ship)?|work student|werkstudent)\b",
    re.I,
)
_STATED_TOTAL = re.compile(
    r"\b(?:over |more than |about |around |nearly |almost |a little over )?"
    + NUM
    + r"\+?\s*(?:years?|yrs?)(?:\(s\))?\+?(?:'|’)?\s+"
    r"(?:of\s+)?(?:[\w/#.+-]+\s+){0,3}?(?:experience|in (?:the )?(?:industry|software|operations|tech|it)|into my career|"
    r"of professional)(?!\s+(?:with|using|working with|on|of using)\b)",
    re.I,
)
# "Total Experience: 1 Year(s) 9 Month(s)", "total IT experience of 4.5 years", "experience of 18+ years"
_STATED_LABELLED = re.compile(
    r"\b(?:(?:total|overall)\s+(?:[\w/.-]+\s+)?experience|experience\s+of)\s*(?:[:\-–]|is|of)?\s*"
    r"(?:over |more than |about |around |nearly |almost )?"
    + NUM
    + r"\s*+\+?\s*+(?:years?|yrs?)(?:\(s\))?\+?"
    r"(?:\s*(?:,|and)?\s*(\d{1,2})\s*(?:months?|mos?)(?:\(s\))?)?",
    re.I,
)


# the labels of tools and technologies ("2 years of experience with Spark" is no total)
_TOOL_LABELS = frozenset(rules.load("recognize")["labels"]["technical"])


def stated_years(text: str, skills: Iterable[SkillMatch] = ()) -> float | None:
    """The total experience a resume states ("8+ years of experience", "Total Experience: 4 Year(s) 2 Month(s)").

    The largest statement counts: a summary's "10 years" beside a later "3 years
    of it in banking", a summary's "34 years" beside a form field's "30+".
    Phrases about one tool are not totals: "2 years of experience with Spark",
    and, when the ``skills`` mentions are given, "5 years of Java experience" or
    "5 years of experience in Django". ``None`` when the resume states none.
    """
    tools = sorted(m.start for m in skills if m.label in _TOOL_LABELS)

    def about_a_tool(m: re.Match[str]) -> bool:
        k = bisect.bisect_left(tools, m.start())
        if k < len(tools) and tools[k] < m.end():
            return True  # "5 years of Java experience"
        k = bisect.bisect_left(tools, m.end())
        return (
            k < len(tools)
            and re.fullmatch(
                r"[ \t]*(?:(?:in|with|of|using|on|across)[ \t]+)?(?:the[ \t]+)?",
                text[m.end() : tools[k]],
            )
            is not None
        )

    found = [
        number(next(g for g in m.groups() if g))
        for m in _STATED_TOTAL.finditer(text)
        if not about_a_tool(m)
    ]
    found += [
        number(m.group(1)) + int(m.group(2) or 0) / 12 for m in _STATED_LABELLED.finditer(text)
    ]
    found = [y for y in found if y <= 60]
    return round(max(found), 1) if found else None


def _title_from(
    text: str, all_lines: Sequence[tuple[int, int, str]], li: int, date_start: int
) -> tuple[str, int]:
    """The title of the entry whose dates are on line ``li``, and where its block starts."""
    start, _end, line = all_lines[li]
    head = re.sub(r"[*_#|,;:()\[\]–—-]+\s*$", "", line[: date_start - start]).strip(" *_#|,;:–—-(")
    head_is_title = len(re.findall(r"[A-Za-z]", head)) >= 3 and not re.fullmatch(
        r"(?i)internship|intern|co-?op|placement", head
    )
    if head_is_title:
        return head, start
    picked: list[tuple[str, int]] = []
    for j in range(li - 1, max(-1, li - 4), -1):
        s, _e, prev = all_lines[j]
        body = prev.strip()
        if not body:
            if picked:
                break
            continue
        if BULLET.match(prev) or DATE_RANGE.search(prev) or MD_HEADING.match(prev) and picked:
            break
        picked.append((re.sub(r"^#+\s*|[*_]", "", body).strip(), s))
        if names_role(body) or len(picked) == 2:
            break
    if not picked:
        return head, start
    if len(picked) == 2 and not names_role(picked[0][0]) and names_role(picked[1][0]):
        return f"{picked[1][0]} — {picked[0][0]}", picked[1][1]  # title line, then company line
    return picked[0]


def _experience_region(text: str, sections: Sequence[Section]) -> list[tuple[int, int]]:
    exp = [(s.start, s.end) for s in sections if s.name == "experience"]
    if exp:
        return exp
    skip = [
        (s.start, s.end)
        for s in sections
        if s.name in {"education", "certifications", "skills", "projects"}
    ]
    if not skip:
        return [(0, len(text))]
    regions, pos = [], 0
    for a, b in sorted(skip):
        if a > pos:
            regions.append((pos, a))
        pos = max(pos, b)
    if pos < len(text):
        regions.append((pos, len(text)))
    return regions


def present_date(
    text: str, written: date | None = None, written_source: str = "", as_of: date | None = None
) -> tuple[date, str]:
    """The day "Present" stands for in ``text``, and why: ``(day, source)``.

    The day the document was written (``written``, from its metadata or a dated
    header; ``written_source`` says which) when it has one, else ``as_of``, else
    today. A written date earlier than a date the document itself names is a
    tool's placeholder (templates keep the date they were made), not the day it
    was written, and is passed over; so is one after today (a wrong clock).
    """
    if written is not None and written <= date.today():
        named = [
            _parse_date(m.group(g), is_end=g == "b")
            for m in DATE_RANGE.finditer(text)
            for g in ("a", "b")
            if not re.fullmatch(NOW, m.group(g).strip(), re.I)
        ]
        if not named or _month_index(max(named)) <= _month_index((written.year, written.month)):
            return written, written_source or "document"
    if as_of is not None:
        return as_of, "as of"
    return date.today(), "today"


def resume_experience(
    text: str,
    skills: Iterable[SkillMatch],
    *,
    today: date | None = None,
    layout: Layout | None = None,
) -> Experience:
    """The dated positions of a resume, its total years, and years and last use of each skill.

    Entries are the date ranges ("Jan 2019 – Present", "03/2016 - 08/2018",
    "2014–2017", "2019-02 – now") and stated durations ("3 years") on the
    non-bullet lines of the experience section. Total years is the total the
    resume states (:func:`stated_years`) when it states one, else the union of
    the entries (overlaps once; internships left out). A skill's years are the
    union of the entries whose block mentions it (negated mentions do not count).
    "Present" ("till date", "current", "now") is ``today``, by default the day
    of the call; :func:`present_date` picks the day a document was written.
    ``layout`` (see :func:`~jdmatch.structure.layout`) spares finding the sections and lines again.
    """
    today = today if today is not None else date.today()
    sections = sections_for(text, "resume", layout)
    all_lines = list(layout.lines) if layout is not None else lines(text)
    now = (today.year, today.month)
    found: list[
        tuple[int, str, int, tuple[int, int] | None, tuple[int, int] | None, bool, int, bool]
    ] = []
    for a, b in _experience_region(text, sections):
        for li, (ls, _le, line) in enumerate(all_lines):
            if ls < a or ls >= b or BULLET.match(line) or len(line.strip()) > 140:
                continue
            rng = DATE_RANGE.search(line)
            if rng:
                s = _parse_date(rng.group("a"), is_end=False)
                if re.fullmatch(NOW, rng.group("b").strip(), re.I):
                    e, current = now, True
                else:
                    e, current = _parse_date(rng.group("b"), is_end=True), False
                if _month_index(s) > _month_index(now):
                    continue
                e = min(e, now)
                if _month_index(e) < _month_index(s):
                    continue
                title, block = _title_from(text, all_lines, li, ls + rng.start())
                intern = bool(_INTERN.search(line) or _INTERN.search(title))
                # a closed range counts its last month; a current one the months gone by (June is not over on June 15)
                months = _month_index(e) - _month_index(s) + (0 if current else 1)
                found.append((block, title, months, s, None if current else e, current, li, intern))
                continue
            dur = _DURATION.search(line)
            if (
                dur
                and not re.search(r"\b(?:experience|ago|old|warranty)\b", line, re.I)
                and len(line.strip()) < 100
            ):
                years = float(dur.group(1) or 0)
                months = round(years * 12) + int(dur.group(2) or 0) + int(dur.group(3) or 0)
                head = line[: dur.start()].strip(" *_#|,;:–—-(")
                title, block = (
                    (head, ls)
                    if len(head) >= 3
                    else _title_from(text, all_lines, li, ls + dur.start())
                )
                found.append(
                    (block, title, months, None, None, False, li, bool(_INTERN.search(line)))
                )
    found.sort(key=lambda f: f[0])
    region_end = {a: b for a, b in _experience_region(text, sections)}
    entries: list[Entry] = []
    for k, (block, title, months, began, ended, current, _li, intern) in enumerate(found):
        nxt = found[k + 1][0] if k + 1 < len(found) else None
        end_of_region = min((b for a, b in region_end.items() if a <= block < b), default=len(text))
        stop = min(nxt, end_of_region) if nxt is not None else end_of_region
        entries.append(
            Entry(
                title,
                date(*began, 1) if began else None,
                date(*ended, 1) if ended else None,
                current,
                months,
                (block, stop),
                intern,
            )
        )

    def interval(en: Entry) -> tuple[int, int] | None:
        if en.start is None:
            return None
        if en.current:
            return _month_index((en.start.year, en.start.month)), _month_index(now) - 1
        if en.end is None:
            return None
        return _month_index((en.start.year, en.start.month)), _month_index(
            (en.end.year, en.end.month)
        )

    work = [en for en in entries if not en.internship]
    dated = [iv for en in work if (iv := interval(en))]
    months_total = _union_months(dated) + sum(en.months for en in work if en.start is None)
    total = round(months_total / 12, 1)
    skills = list(skills)
    stated = stated_years(text, skills)
    if (
        stated is None and not entries
    ):  # nothing else to go by: "8 years of experience in .NET" it is
        stated = stated_years(text)
    if (
        stated is not None
    ):  # the candidate's own count beats adding up ranges that may be incomplete
        total = stated
    skill_iv: dict[str, list[tuple[int, int]]] = {}
    skill_extra: dict[str, int] = {}
    last: dict[str, int] = {}
    for sk in skills:
        for en in entries:
            if en.span[0] <= sk.start < en.span[1]:
                if skill_polarity(text, sk) == 0.0:
                    break
                iv = interval(en)
                key = f"{en.span[0]}"
                if iv:
                    if iv not in skill_iv.setdefault(sk.id, []):
                        skill_iv[sk.id].append(iv)
                    year = today.year if en.current else en.end.year  # type: ignore[union-attr]
                    last[sk.id] = max(last.get(sk.id, 0), year)
                elif f"{sk.id}@{key}" not in skill_extra:
                    skill_extra[f"{sk.id}@{key}"] = en.months
                break
    skill_years: dict[str, float] = {}
    for sid, ivs in skill_iv.items():
        skill_years[sid] = _union_months(ivs)
    for key, months in skill_extra.items():
        sid = key.split("@")[0]
        skill_years[sid] = skill_years.get(sid, 0) + months
    return Experience(
        tuple(entries), total, {k: round(v / 12, 1) for k, v in skill_years.items()}, last
    )
