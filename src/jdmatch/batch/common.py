"""What the batch modules share: the row columns, an item to score, the batch error."""

from __future__ import annotations

from dataclasses import dataclass

from jdmatch.errors import JdmatchError

COLUMNS = (
    "id",
    "source",
    "title",
    "score",
    "coverage",
    "similarity",
    "top_skills",
    "missing_core",
    "status",
    "error",
)
DEFAULT_TIMEOUT = 60.0
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class BatchError(JdmatchError):
    """The batch cannot start (bad input, an output that would be overwritten, ...)."""


@dataclass(frozen=True, slots=True)
class Item:
    """One document to score: a file to read, or text from a CSV/JSONL row."""

    id: str
    source: str
    title: str = ""
    path: str | None = None
    text: str | None = None
    error: str | None = None  # known bad before reading (bad JSON line, link outside the folder)
