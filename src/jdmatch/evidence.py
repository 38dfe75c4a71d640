"""Depth of evidence: how strongly a document shows each skill it mentions.

A skill named once in a skills list is weaker evidence than one used in every job
for years. :func:`skill_depth` reads where each skill is mentioned (experience
entries, projects, a skills list, a summary), in how many roles, for how many
years and how recently, and turns that into a factor between ``MIN_DEPTH`` and 1
that scoring multiplies into the skill's weight. Postings are not resumes: what
they name once they ask for fully, so their depth is 1 throughout.

Pure functions of the text, its skill mentions and its experience.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from jdmatch.models import SkillMatch

# the factor of a skill named once, anywhere but in a dated role
MIN_DEPTH = 0.55
# a skill last used this many years before the document's date counts a little less
STALE_YEARS = 6
STALE_FACTOR = 0.85
# a skill only ever named as scripting ("Python scripts for automation") counts at most this much
SCRIPTING_DEPTH = 0.6
_SCRIPTING = re.compile(r"\b(?:script(?:s|ing)?|automation scripts?)\b", re.I)


@dataclass(frozen=True, slots=True)
class SkillDepth:
    """How a document evidences one skill, and the factor scoring gives it (0-1)."""

    id: str
    factor: float
    mentions: int
    roles: int = 0
    years: float | None = None
    last_used: int | None = None
    where: tuple[str, ...] = ()

    def describe(self) -> str:
        """``"4 roles, 6.9 years, last used 2026"`` or ``"skills list only"``."""
        parts = []
        if self.roles:
            parts.append(f"{self.roles} role{'s' if self.roles != 1 else ''}")
        if self.years:
            parts.append(f"{self.years:g} years")
        if self.last_used:
            parts.append(f"last used {self.last_used}")
        if not parts:
            where = [w for w in self.where if w != "other"]
            if where == ["skills"]:
                parts.append("skills list only")
            elif where:
                parts.append("in " + ", ".join(where))
            parts.append(f"{self.mentions} mention{'s' if self.mentions != 1 else ''}")
        return ", ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "factor": round(self.factor, 3),
            "mentions": self.mentions,
            "roles": self.roles,
            "years": self.years,
            "last_used": self.last_used,
            "where": list(self.where),
            "summary": self.describe(),
        }


def uniform_depth(matches: Iterable[SkillMatch]) -> dict[str, SkillDepth]:
    """Every mentioned skill at full depth (postings, and texts too short to have structure)."""
    counts: dict[str, int] = {}
    for m in matches:
        counts[m.id] = counts.get(m.id, 0) + 1
    return {sid: SkillDepth(sid, 1.0, n) for sid, n in counts.items()}


def skill_depth(
    text: str,
    matches: Sequence[SkillMatch],
    experience: Any,
    sections: Sequence[Any],
    *,
    as_of_year: int,
    negated: Iterable[str] = (),
) -> dict[str, SkillDepth]:
    """The depth of every skill mentioned in a resume.

    ``experience`` is :func:`jdmatch.structure.resume_experience`'s result and
    ``sections`` :func:`jdmatch.structure.find_sections`'s for the same text.

    * used in two or more dated roles, or for three years or more: 1.0;
    * in one dated role: 0.85, up to 1.0 with its years;
    * in a projects or experience section without dates: 0.75 (more with mentions);
    * elsewhere (a skills list, a summary): 0.55 for one mention, up to 0.85 for four;
    * only ever named as scripting ("Python scripts for automation"): at most 0.6;
    * last used six or more years before the document's date: x 0.85.
    """
    from jdmatch.structure import section_of

    skip = set(negated)
    entries = [e for e in experience.entries if not e.internship] if experience is not None else []
    mentions: dict[str, list[SkillMatch]] = {}
    for m in matches:
        if m.id not in skip:
            mentions.setdefault(m.id, []).append(m)
    out: dict[str, SkillDepth] = {}
    for sid, ms in mentions.items():
        roles = set()
        where = []
        in_roles = []
        for m in ms:
            for i, en in enumerate(entries):
                if en.span[0] <= m.start < en.span[1]:
                    roles.add(i)
                    in_roles.append(m)
                    break
            where.append(section_of(sections, m.start))
        places = tuple(dict.fromkeys(where))
        years = experience.skill_years.get(sid) if experience is not None else None
        last = experience.skill_last_used.get(sid) if experience is not None else None
        n = len(ms)
        if len(roles) >= 2 or (years or 0) >= 3:
            factor = 1.0
        elif roles:
            factor = min(1.0, 0.85 + 0.05 * (years or 0))
        elif any(p in {"experience", "projects"} for p in places):
            factor = min(0.95, 0.75 + 0.05 * (n - 1))
        else:
            factor = min(0.85, MIN_DEPTH + 0.1 * (n - 1))
        used = in_roles or ms  # what the work history says decides; a skills list adds nothing here
        if all(_SCRIPTING.search(_fragment(text, m.start, m.end)) for m in used):
            # "Python and Bash scripts for automation": a language used for glue, not for building software
            factor = min(factor, SCRIPTING_DEPTH)
        if last and as_of_year - last >= STALE_YEARS:
            factor *= STALE_FACTOR
        out[sid] = SkillDepth(sid, factor, n, len(roles), years or None, last, places)
    return out


_DELIMITER = re.compile(r"[,;:.!?•|()\n]")


def _fragment(text: str, start: int, end: int, reach: int = 60) -> str:
    """The piece of a sentence around a mention, between the nearest commas, semicolons or line ends."""
    lo = max(0, start - reach)
    left = max((m.end() for m in _DELIMITER.finditer(text, lo, start)), default=lo)
    right = next(
        (m.start() for m in _DELIMITER.finditer(text, end, min(len(text), end + reach))),
        min(len(text), end + reach),
    )
    return text[left:right]
