"""Frozen value types passed between the stages of the pipeline."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Document:
    """The text of one resume or job posting, as extracted.

    ``source`` is the path it was read from (or ``"<text>"``), ``media_type`` the
    detected type (``application/pdf``, ``text/html``, ...), and ``pages`` the
    page count where the format has pages.
    """

    text: str
    source: str = "<text>"
    media_type: str = "text/plain"
    pages: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class SkillMatch:
    """One mention of a skill: ``text[start:end] == match.text``."""

    id: str
    name: str
    label: str
    category: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
