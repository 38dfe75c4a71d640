"""Posting requirements: which skills a posting requires or prefers, alternatives ("Python or Go"), years asked.

The cues of "required" and "preferred" are data (``lexicon/rules/requirements.toml``);
how far each reaches, and how lists of alternatives are read, is here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from jdmatch import rules
from jdmatch.models import SkillMatch
from jdmatch.structure.levels import seniority
from jdmatch.structure.polarity import skill_polarity
from jdmatch.structure.sections import (
    POSTING_SECTIONS,
    Layout,
    preamble_end,
    section_of,
    sections_for,
)
from jdmatch.structure.text import NUM, clause, number, title_line
from jdmatch.structure.years import years_asked, years_in

__all__ = ["SkillRequirement", "Requirements", "posting_requirements", "years_asked"]

_RULES = rules.load("requirements")
_PREF = _RULES["preferred"]
_PREFERRED_FORWARD = re.compile(r"\b(?:" + rules.alternation(_PREF["forward"]) + r")\b", re.I)
_FORWARD_TO_COMMA = frozenset(_PREF["forward_to_comma"])
_PREFERRED_BACKWARD = re.compile(
    r"\b(?:"
    + rules.alternation(_PREF["backward_verbs"], escape=True, suffix=" ")
    + r")?(?:"
    + rules.alternation(_PREF["backward"])
    + r")\b",
    re.I,
)
_BACKWARD_NEAR_ONLY = frozenset(_PREF["backward_near_only"])
_BACKWARD_NEAR_REACH = _PREF["backward_near_reach"]
_REQUIRED_CUE = re.compile(r"\b(?:" + rules.alternation(_RULES["required"]["cues"]) + r")\b", re.I)
_PRACTICE_LABELS = frozenset(_RULES["soft_line"]["labels"])
_SOFT_LINE = re.compile(
    r"\b(?:" + rules.alternation(_RULES["soft_line"]["qualities"]) + r")\b[^.;\n]{0,40}\bskills?\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class SkillRequirement:
    """One skill a posting asks for: ``status`` is ``"required"`` or ``"preferred"``.

    ``alternatives`` are the skill ids offered in its place ("Python or Go"),
    ``years`` the years of it asked for, ``evidence`` the sentence that decided.
    """

    id: str
    name: str
    status: str
    years: float | None = None
    alternatives: tuple[str, ...] = ()
    evidence: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "status": self.status,
            "years": self.years,
            "alternatives": list(self.alternatives),
            "evidence": self.evidence,
        }


@dataclass(frozen=True, slots=True)
class Requirements:
    """What a posting asks for: skills required and preferred, years overall, and the level."""

    required: tuple[SkillRequirement, ...]
    preferred: tuple[SkillRequirement, ...]
    years_required: float | None
    seniority: str | None
    seniority_evidence: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "required": [r.to_dict() for r in self.required],
            "preferred": [r.to_dict() for r in self.preferred],
            "years_required": self.years_required,
            "seniority": self.seniority,
            "seniority_evidence": self.seniority_evidence,
        }


_LIST_GAP = re.compile(
    r"^[\s,;]*+(?:[()][\s,]*+)?(?:(or|and/or|/|nor|and|&|as well as)\b\s*|(/)\s*)?(?:even\s+|also\s+)?[\s(]*$",
    re.I,
)
# words that open a list of examples or choices: any one of the names that follow will do
_ALT_LEAD = re.compile(
    r"(?:\bsuch as|\be\.?\s?g\.?,?|\bfor (?:example|instance),?|\blike|\bone or more of|\bat least one of|\bone of|"
    r"\bany of|\beither|\bany(?: one)? (?:major |modern |mainstream )?[\w-]+(?: [\w-]+)?(?: such as| like)?|\bor similar(?: like)?)"
    r"\s*(?:the\s+)?(?:following\s*)?:?\s*\(?\s*$",
    re.I,
)


def _alternatives(text: str, mentions: Sequence[SkillMatch]) -> dict[int, set[str]]:
    """For each mention index, the ids of the skills offered as alternatives to it.

    Read as a recruiter reads a posting: a list with "or" ("Python, Ruby, Java or
    PHP"), a slash list ("Java/Kotlin", "BS/MS"), a list after "such as", "e.g.",
    "like", "one of", "at least one of", and a parenthesised list of examples
    ("a Java web framework (JSF, Wicket, Spring MVC)", the category named before
    the brackets included) each ask for one of their names. A list joined by
    "and" asks for all of them, unless such a lead opens it.
    """
    out: dict[int, set[str]] = {}
    by_clause: dict[tuple[int, int], list[int]] = {}
    for i, m in enumerate(mentions):
        by_clause.setdefault(clause(text, m.start, semicolons=False), []).append(i)
    for (cs, _ce), idx in by_clause.items():
        idx.sort(key=lambda i: mentions[i].start)
        runs: list[list[int]] = []
        joins: list[list[str]] = []  # the joining word before each member after the first
        for i in idx:
            if runs:
                prev = mentions[runs[-1][-1]]
                gap = text[prev.end : mentions[i].start]
                g = (
                    _LIST_GAP.match(gap)
                    if len(gap) <= 14 and prev.end <= mentions[i].start
                    else None
                )
                if g:
                    runs[-1].append(i)
                    joins[-1].append(
                        (
                            (g.group(1) or g.group(2) or "")
                            + ("(" if "(" in gap else "")
                            + (")" if ")" in gap else "")
                        ).lower()
                    )
                    continue
            runs.append([i])
            joins.append([])
        for k, (run, join) in enumerate(zip(runs, joins)):
            first = mentions[run[0]]
            lead = text[max(cs, first.start - 40) : first.start]
            led = bool(_ALT_LEAD.search(lead))
            # the category named just before the examples: "a message broker such as RabbitMQ or Kafka",
            # "NoSQL stores (e.g. MongoDB, Redis)"
            if k and (led or lead.rstrip().endswith("(")):
                before = mentions[runs[k - 1][-1]]
                between = text[before.end : first.start]
                if (
                    len(between) <= 30
                    and "\n" not in between
                    and re.search(r"(?:\(|such as|e\.?\s?g\.?|like|for example)\W*$", between, re.I)
                ):
                    _mark(out, mentions, [runs[k - 1][-1], *run])
            if len(run) < 2:
                continue
            segments: list[list[int]] = [[run[0]]]
            for member, word in zip(run[1:], join):
                if "(" in word and ")" not in word:
                    # "a Java web framework (JSF, Wicket, GWT)": the category and its examples
                    close = text.find(")", mentions[member].start)
                    inside = [
                        j
                        for j in run
                        if mentions[j].start >= mentions[member].start
                        and (close < 0 or mentions[j].end <= close)
                    ]
                    if len(inside) >= 2:  # a list of examples, not "(Jenkins preferred)"
                        _mark(out, mentions, [segments[-1][-1], *inside])
                    segments.append([member])
                    continue
                if word.startswith(("and", "&", "as well")) and not led:
                    segments.append([member])
                else:
                    segments[-1].append(member)
            for seg in segments:
                words = [join[run.index(j) - 1] for j in seg[1:]]
                ored = any(w.startswith(("or", "/", "and/or", "nor")) or w == "/" for w in words)
                # "such as Python, Ruby, Java, PHP, and .Net": examples, whichever word joins them
                if ored or led:
                    _mark(out, mentions, seg)
    return out


def _mark(out: dict[int, set[str]], mentions: Sequence[SkillMatch], group: Sequence[int]) -> None:
    ids = {mentions[i].id for i in group}
    if len(ids) > 1:
        for i in group:
            out.setdefault(i, set()).update(ids - {mentions[i].id})


def _status(text: str, m: SkillMatch, section: str, structured: bool) -> tuple[str, str]:
    cs, ce = clause(text, m.start)
    piece = text[cs:ce]
    rel, rel_end = m.start - cs, m.end - cs
    if section == "nice_to_have":
        return "preferred", piece
    before = piece[:rel]
    # forward cues ("ideally X", "familiarity with X") reach to the end of the clause
    # ("ideally" only to the next comma)
    for cue in _PREFERRED_FORWARD.finditer(before):
        tail = before[cue.end() :]
        if cue.group().lower() in _FORWARD_TO_COMMA and re.search(r"[,)]", tail):
            continue
        if re.search(r"\b(?:but|however)\b", tail, re.I):
            continue
        return "preferred", piece
    # backward cues ("X is a plus", "(AWS preferred)") reach back to the last list break
    after = piece[rel_end:]
    for cue in _PREFERRED_BACKWARD.finditer(after):
        between = after[: cue.start()]
        opened = before.rfind("(") > before.rfind(")")  # the mention sits inside "( ... )"
        if opened and cue.end() > after.find(")") >= 0:
            continue  # "(AWS) preferred" reads as the whole phrase, "(AWS preferred)" as AWS
        if not opened and "(" in between:
            continue  # the cue is inside a later parenthesis, about something else
        if re.search(
            r", and |, but |\bwhile\b|;|\b(?:strong|must|required|proficien)", between, re.I
        ):
            continue
        if (
            cue.group().strip().lower() in _BACKWARD_NEAR_ONLY
            and cue.start() > _BACKWARD_NEAR_REACH
        ):
            continue
        return "preferred", piece
    if _REQUIRED_CUE.search(piece):
        return "required", piece
    if section in {"requirements", "responsibilities"} or not structured:
        return "required", piece
    return "preferred", piece


def _skill_years(text: str, m: SkillMatch) -> float | None:
    cs, ce = clause(text, m.start, semicolons=False)
    before = text[cs : m.start]
    spans = years_in(before)
    if spans:
        s, e, n = spans[-1]
        between = before[e:]
        if len(between) <= 80 and not re.search(
            r"\b(?:including|plus|and at least|with at least)\b", between, re.I
        ):
            return n
    after = text[m.end : ce]
    close = re.match(
        r"^\s*+(?:\(|:|-|–|,)?\s*+" + r"(?:" + NUM + r")\s*+\+?\s*+(?:years?|yrs?)", after, re.I
    )
    if close:
        return number(next(g for g in close.groups() if g))
    return None


def posting_requirements(
    text: str,
    skills: Iterable[SkillMatch],
    *,
    ladder: Sequence[Any] | None = None,
    layout: Layout | None = None,
) -> Requirements:
    """The skills a posting requires and prefers, the years it asks, and the level it hires at.

    A skill in a nice-to-have section, or next to a cue such as "a plus",
    "ideally", "familiarity with", is preferred; one under requirements, or
    with "must", "strong", "5+ years", is required; otherwise the section
    decides (responsibilities and requirements: required; others: preferred;
    a posting with no headings at all: required). A skill mentioned several
    times takes its strongest status. Negated mentions ("not required: X") are
    dropped. ``ladder`` defaults to the backend-engineer profile's. ``layout``
    (see :func:`~jdmatch.structure.layout`) spares finding the sections again.
    """
    mentions = sorted(skills, key=lambda s: s.start)
    sections = sections_for(text, "posting", layout)
    structured = any(s.name in POSTING_SECTIONS for s in sections)
    first = preamble_end(sections, text)
    title_at = title_line(text, first)
    alts = _alternatives(text, mentions)
    # a few lines above the first heading are the title, company, place and pay; a long run of
    # text there is the posting itself, whose headings were not recognized
    short_preamble = (
        len([ln for ln in text[:first].splitlines() if ln.strip()]) <= 4 and first <= 400
    )
    best: dict[str, SkillRequirement] = {}
    for i, m in enumerate(mentions):
        section = section_of(sections, m.start)
        if m.start < first and sections and short_preamble:
            if not (title_at and title_at[0] <= m.start < title_at[1]):
                continue  # company, location and pay lines
            status, evidence = "required", text[title_at[0] : title_at[1]]
        elif section == "benefits" and structured:
            continue
        else:
            status, evidence = _status(text, m, section, structured)
        polarity = skill_polarity(text, m)
        if polarity == 0.0:
            continue
        if polarity == 0.5:
            status = "preferred"
        if status == "required" and m.label in _PRACTICE_LABELS and _SOFT_LINE.search(evidence):
            # "Strong organizational and project management skills": a line of personal qualities,
            # which a recruiter weighs as a plus rather than a must-have a resume can miss
            status = "preferred"
        years = _skill_years(text, m)
        in_title = m.start < first and sections and short_preamble
        req = SkillRequirement(
            m.id,
            m.name,
            status,
            years,
            () if in_title else tuple(sorted(alts.get(i, ()))),
            evidence.strip(" -•*#"),
        )
        old = best.get(m.id)
        if old is None:
            best[m.id] = req
            continue
        alternatives = tuple(sorted(set(old.alternatives) | set(req.alternatives)))
        if old.status == "preferred" and status == "required":
            best[m.id] = SkillRequirement(
                m.id, m.name, status, years or old.years, alternatives, req.evidence
            )
        elif old.status == status:
            best[m.id] = SkillRequirement(
                m.id, old.name, status, old.years or years, alternatives, old.evidence
            )
    years, _evidence = years_asked(text, sections)
    # years stated in the title ("Java Developer (3+ years)") set the level the posting hires at
    title_years = years_in(text[title_at[0] : title_at[1]]) if title_at else []
    lvl = seniority(
        text,
        ladder=ladder,
        kind="posting",
        years=title_years[0][2] if title_years else years,
        layout=layout,
    )
    level = None if lvl.level == "n/a" else lvl.level
    required = tuple(r for r in best.values() if r.status == "required")
    preferred = tuple(r for r in best.values() if r.status == "preferred")
    return Requirements(required, preferred, years, level, lvl.evidence)
