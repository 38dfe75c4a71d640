"""The skills a set of mentions implies, following the lexicon's ``implies`` (for showing, not for recognition)."""

from __future__ import annotations

from collections.abc import Iterable

from jdmatch.lexicon import Lexicon
from jdmatch.models import SkillMatch


def implied_skills(matches: Iterable[SkillMatch], lexicon: Lexicon) -> dict[str, tuple[str, ...]]:
    """For every skill the mentions imply (following ``implies`` transitively), the mentioned ids that imply it.

    "Spring Boot" implies Spring and Java; "MERN stack" implies MongoDB, Express,
    React, Node.js and, through them, JavaScript. A skill both mentioned and
    implied appears too. Recognition itself returns mentions only; this is for
    showing (``jdmatch skills``) what scoring counts through ``implies``.
    """
    by_id = lexicon.by_id()
    out: dict[str, list[str]] = {}
    for source in dict.fromkeys(m.id for m in matches):
        seen = {source}
        stack = list(by_id[source].implies) if source in by_id else []
        while stack:
            target = stack.pop()
            if target in seen:
                continue
            seen.add(target)
            out.setdefault(target, []).append(source)
            if target in by_id:
                stack.extend(by_id[target].implies)
    return {k: tuple(v) for k, v in out.items()}
