"""A version number after a name is part of its mention: "Java 17", "Python3", "Python 3.11+"."""

from __future__ import annotations

import re

_VERSION_AFTER = re.compile(r" ?v?\d+(?:\.\d+)*(?:\.x)?\+?(?!\w|\.\w)|\+(?![\w+])", re.I)
_DURATION_AFTER = re.compile(r"\+?\s*(?:years?|yrs?|months?)\b", re.I)


def extend_version(text: str, end: int, limit: int) -> int:
    """Take a version number after a name into the mention ("Java 17", "Python3", "Python 3.11+")."""
    m = _VERSION_AFTER.match(text, end)  # (not cut at ``limit``: its look-ahead must see "+Scala")
    if m is None or m.end() > limit or _DURATION_AFTER.match(text, m.end()):
        return end  # no version, or "Java 5 years": a duration
    return m.end()
