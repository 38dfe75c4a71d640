"""Sections: headings found by layout, mapped to canonical section names; and a document's layout built once.

The heading words are data (``lexicon/rules/sections.toml``); how a line is
taken for a heading (markdown, underlined, a colon, UPPER CASE, Title Case) is here.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from jdmatch import rules
from jdmatch.structure.text import BULLET, DATE_RANGE, MD_HEADING, YEAR, lines, norm

__all__ = [
    "Section",
    "Layout",
    "RESUME_SECTIONS",
    "POSTING_SECTIONS",
    "find_sections",
    "section_of",
    "guess_kind",
    "preamble_end",
    "layout",
    "sections_for",
]


@dataclass(frozen=True, slots=True)
class Section:
    """A part of a document under one heading: ``text[start:end]``, heading line included."""

    name: str
    heading: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


RESUME_SECTIONS = ("summary", "experience", "education", "skills", "projects", "certifications")
POSTING_SECTIONS = ("about", "responsibilities", "requirements", "nice_to_have", "benefits")

_RULES = rules.load("sections")


def _headings(kind: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    out = []
    for rule in _RULES[kind]["headings"]:
        lead = "^" if rule.get("at_start", False) else r"\b"
        out.append(
            (re.compile(lead + "(?:" + rules.alternation(rule["patterns"]) + r")\b"), rule["name"])
        )
    return tuple(out)


# (pattern on the normalized heading, canonical name); first hit wins, so the more specific patterns come first
_RESUME_HEADINGS = _headings("resume")
_POSTING_HEADINGS = _headings("posting")
_RESUME_EXACT = frozenset(_RULES["resume"]["exact"])
_POSTING_EXACT = frozenset(_RULES["posting"]["exact"])
_ANY_EXACT = _RESUME_EXACT | _POSTING_EXACT
_SMALL = frozenset(_RULES["title_case_small_words"])
_GUESS = _RULES["guess_kind"]
_POSTING_MARKS, _POSTING_NAMES = (
    frozenset(_GUESS["posting_sections"]),
    frozenset(_GUESS["posting_headings"]),
)
_RESUME_MARKS, _RESUME_NAMES = (
    frozenset(_GUESS["resume_sections"]),
    frozenset(_GUESS["resume_headings"]),
)
_POSTING_VOICE = re.compile(r"\b(?:" + rules.alternation(_GUESS["posting_voice"]) + r")\b")
_RESUME_VERBS = re.compile(  # a verb opening a line (after a bullet): one try per line start
    r"^[^\S\n]*+(?:[-•*]\s*)?(?:" + rules.alternation(_GUESS["resume_verbs"], escape=True) + r")\b",
    re.M,
)
_ANY_YEAR = re.compile(YEAR)
_SETEXT = re.compile(r"^\s*(?:=+|-+)\s*$")


@functools.lru_cache(maxsize=4096)  # the same headings come back document after document
def _heading_name(raw: str, kind: str) -> str | None:
    table = _POSTING_HEADINGS if kind == "posting" else _RESUME_HEADINGS
    text = norm(re.sub(r"\[[^\]]*\]|\([^)]*\)", " ", raw))
    for pattern, name in table:
        if pattern.search(text):
            return name
    return None


def _is_shouty(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_NOT_A_HEADING = re.compile(r"[—|·@•]|\d{3}|[.,;!?]$")  # separators, figures, a sentence's end


def _is_title_case(s: str) -> bool:
    words = _WORD.findall(s)
    return (
        bool(words)
        and words[0][0].isupper()
        and all(w[0].isupper() or w.lower() in _SMALL for w in words)
    )


def _heading_candidates(text: str) -> list[tuple[int, str, int]]:
    """``(line start, heading text, strength)``: 2 = marked (markdown, setext, colon, UPPER), 1 = plain line."""
    all_lines = lines(text)
    out = []
    for i, (start, _end, line) in enumerate(all_lines):
        s = line.strip().strip("*_").strip()
        if not s or len(s) > 60 or BULLET.match(line):
            continue
        md = MD_HEADING.match(line)
        if md:
            out.append((start, md.group(2).strip().strip("*_"), 3 if len(md.group(1)) == 2 else 1))
            continue
        if _SETEXT.match(line):
            continue
        if (
            i + 1 < len(all_lines)
            and _SETEXT.match(all_lines[i + 1][2])
            and all_lines[i + 1][2].strip()
        ):
            out.append((start, s, 2))
            continue
        if len(s.split()) > 6 or _NOT_A_HEADING.search(s):
            continue
        if s.endswith(":") and (_is_title_case(s[:-1]) or len(s.split()) <= 4):
            out.append((start, s[:-1].strip(), 2))
        elif _is_shouty(s):
            out.append((start, s, 2))
        elif _is_title_case(s) or s[0].isupper():
            out.append((start, s, 1))
    return out


def guess_kind(text: str) -> str:
    """``"posting"`` or ``"resume"``, from the headings and the voice of the text."""
    score = 0
    for _start, heading, strength in _heading_candidates(text):
        name = norm(heading)
        if strength < 2 and name not in _ANY_EXACT:
            continue
        p, r = _heading_name(heading, "posting"), _heading_name(heading, "resume")
        if p in _POSTING_MARKS or name in _POSTING_NAMES:
            score += 3
        if r in _RESUME_MARKS or name in _RESUME_NAMES:
            score -= 3
    low = text.lower()
    score += 2 * len(_POSTING_VOICE.findall(low))
    if _ANY_YEAR.search(
        text
    ):  # every date of a range holds a year: most postings have none to look for
        score -= 2 * len(DATE_RANGE.findall(text))
    score -= len(_RESUME_VERBS.findall(low))
    return "posting" if score > 0 else "resume"


def find_sections(text: str, kind: str | None = "resume") -> list[Section]:
    """The sections of ``text`` in order, each running to the next heading.

    ``kind`` picks the vocabulary of canonical names (``"resume"`` or
    ``"posting"``); ``None`` guesses it. Headings that name no known section but
    are clearly headings (markdown ``##``, UPPER CASE, underlined) give
    ``"other"``; text before the first heading belongs to no section.
    """
    kind = kind or guess_kind(text)
    exact = _POSTING_EXACT if kind == "posting" else _RESUME_EXACT
    found: list[tuple[int, str, str | None]] = []
    first_line = len(text) - len(text.lstrip())
    first_line = text.rfind("\n", 0, first_line) + 1
    for start, heading, strength in _heading_candidates(text):
        name = _heading_name(heading, kind)
        normed = norm(heading)
        if strength == 1:  # a plain line, or a ### heading: only the known section names
            if not (normed in exact or normed in _ANY_EXACT and name):
                continue
        elif name is None:
            if strength < 3 and not _is_shouty(heading):
                continue
            if strength < 3 and (
                start == first_line or (len(normed.split()) == 1 and len(normed) < 5)
            ):
                continue  # a name at the top, or "CKA" in a list
            name = "other"
        elif strength == 2 and len(normed.split()) > 4 and normed not in exact:
            continue
        found.append((start, heading, name))
    sections = []
    for i, (start, heading, name) in enumerate(found):
        end = found[i + 1][0] if i + 1 < len(found) else len(text)
        sections.append(Section(name or "other", heading, start, end))
    return sections


def section_of(sections: Sequence[Section], offset: int) -> str:
    """The canonical name of the section holding ``offset`` (``"other"`` outside every section)."""
    for s in sections:
        if s.start <= offset < s.end:
            return s.name
    return "other"


def preamble_end(sections: Sequence[Section], text: str) -> int:
    """Where the text before the first heading (a name, a title, contact lines) ends."""
    return sections[0].start if sections else len(text)


@dataclass(frozen=True, slots=True)
class Layout:
    """A document's structure, read once: its kind, its sections (for that kind) and its lines.

    Build it with :func:`layout`; the extractors (:func:`~jdmatch.structure.resume_experience`,
    :func:`~jdmatch.structure.seniority`, :func:`~jdmatch.structure.posting_requirements`,
    :func:`~jdmatch.structure.years_asked`) take it as ``layout=`` instead of finding
    the sections again. ``sections`` are those of ``kind``'s vocabulary.
    """

    text: str = field(repr=False)
    kind: str
    sections: tuple[Section, ...]
    lines: tuple[tuple[int, int, str], ...] = field(repr=False)

    def sections_as(self, kind: str) -> tuple[Section, ...]:
        """The sections in ``kind``'s vocabulary: these when ``kind`` is this layout's, else found anew."""
        return self.sections if kind == self.kind else tuple(find_sections(self.text, kind))


def layout(text: str, kind: str | None = None) -> Layout:
    """The :class:`Layout` of ``text``: ``kind`` (``None``: guessed), its sections and lines."""
    kind = kind or guess_kind(text)
    return Layout(text, kind, tuple(find_sections(text, kind)), tuple(lines(text)))


def sections_for(text: str, kind: str, structure: Layout | None) -> list[Section]:
    """``find_sections(text, kind)``, taken from ``structure`` when it is the layout of ``text`` in that kind."""
    if structure is not None:
        if structure.text is not text and structure.text != text:
            raise ValueError("the layout given was built for another text")
        if structure.kind == kind:
            return list(structure.sections)
    return find_sections(text, kind)
