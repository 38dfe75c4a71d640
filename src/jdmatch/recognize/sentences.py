"""Where the context of an ambiguous name ends: a sentence end or a blank line."""

from __future__ import annotations

import re
from bisect import bisect_left

# a sentence end, or a blank line (not a semicolon: "Built the daemon in C; R for the analysis"
# is one technical stretch more often than a change of subject)
STOPS = re.compile(r"[.!?](?=\s|$)|\n[ \t]*\n")


def same_sentence(stops: list[int], lo: int, hi: int) -> bool:
    """No sentence end or blank line (``stops``: their offsets, sorted) from ``lo`` up to ``hi``."""
    k = bisect_left(stops, lo)
    return k == len(stops) or stops[k] >= hi
