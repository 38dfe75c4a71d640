"""What the recognizer reads from one text."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from jdmatch.models import SkillMatch


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the recognizer reads from one text: skill mentions and content-word counts."""

    matches: list[SkillMatch]
    words: Counter[str]
    text: str = ""
