"""The years of experience a posting asks for ("5+ years", "at least three years", "3-5 yrs")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from jdmatch.structure.polarity import skill_polarity
from jdmatch.structure.sections import Layout, Section, section_of, sections_for
from jdmatch.structure.text import NUM, clause, number

__all__ = ["YEARS_ASKED", "years_in", "years_asked"]

YEARS_ASKED = re.compile(
    r"(?:\b(?:at least|minimum(?: of)?|min\.?|over|more than)\s+"
    + NUM
    + r"\+?\s*(?:years?|yrs?)\b(?! old| of age)"
    r"|\b" + NUM + r"\s*(?:\+|plus)\s*(?:years?|yrs?)\b"
    r"|\b" + NUM + r"\s*(?:-|–|to)\s*\d{1,2}\s*(?:years?|yrs?)\b"
    r"|\b"
    + NUM
    + r"\s*(?:years?|yrs?)(?:'|’)?\s+(?:of\s+)?(?! old| of age)(?=(?:[\w/#.+-]+[ \t]+){0,5}?(?:experience|development|engineering|"
    r"programming|work|coding)\b|(?:of|with|in|using)[ \t]+\S))",
    re.I,
)


def years_in(s: str) -> list[tuple[int, int, float]]:
    """``(start, end, years)`` of every figure of years asked in ``s``."""
    out = []
    for m in YEARS_ASKED.finditer(s):
        num = next(g for g in m.groups() if g)
        out.append((m.start(), m.end(), number(num)))
    return out


def years_asked(
    text: str, sections: Sequence[Section] | None = None, *, layout: Layout | None = None
) -> tuple[float | None, str]:
    """The overall years of experience a posting asks for, and the sentence saying so.

    The largest figure in the requirement-like parts of the text (benefits and
    nice-to-have sections are skipped); ``None`` when no years are asked.
    ``sections`` (the posting's) or ``layout`` (see :func:`~jdmatch.structure.layout`)
    spare finding them again.
    """
    if sections is None:
        sections = sections_for(text, "posting", layout)
    best: tuple[float | None, str] = (None, "")
    for m in YEARS_ASKED.finditer(text):
        if section_of(sections, m.start()) in {"benefits", "nice_to_have"}:
            continue
        if skill_polarity(text, (m.start(), m.end())) == 0.0:
            continue
        num = number(next(g for g in m.groups() if g))
        if num > 30:
            continue
        cs, ce = clause(text, m.start(), semicolons=False)
        if best[0] is None or num > best[0]:
            best = (num, text[cs:ce].strip(" -•*"))
    return best
