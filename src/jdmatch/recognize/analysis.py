"""What the recognizer reads from one text."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from jdmatch.models import SkillMatch
from jdmatch.tokens import fold_plural


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the recognizer reads from one text: skill mentions and content-word counts."""

    matches: list[SkillMatch]
    words: Counter[str]
    text: str = ""


def stop_word_table(strings: Any) -> dict[int, str]:
    """NORM hash -> "" for every English stop word (the start of a recognizer's content-word table)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return {strings.add(fold_plural(w)): "" for w in STOP_WORDS}
