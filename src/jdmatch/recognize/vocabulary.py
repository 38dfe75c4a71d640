"""The word lists recognition reads, from ``lexicon/rules/recognize.toml`` (vocabulary, not grammar).

Read once per process. Until a shared reader of ``lexicon/rules/*.toml`` exists
(``jdmatch.rules``), this is the reader of this one file: every key is checked
and a problem stops with the file and the key named.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from jdmatch.errors import LexiconError
from jdmatch.lexicon import LABELS, default_lexicon_dir


@dataclass(frozen=True, slots=True)
class Vocabulary:
    coordinators: tuple[str, ...]
    list_words: frozenset[str]
    employer_separators: tuple[str, ...]
    employer_before: tuple[str, ...]
    relations: frozenset[str]
    versioned_labels: frozenset[str]
    technical_labels: frozenset[str]
    not_technical_labels: frozenset[str]


def read_vocabulary(path: Path | None = None) -> Vocabulary:
    """The vocabulary in ``path`` (default: the shipped ``rules/recognize.toml``); raise :class:`LexiconError` naming file and key."""
    path = path if path is not None else default_lexicon_dir() / "rules" / "recognize.toml"
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise LexiconError(
            f"cannot read the recognizer's word lists ({exc.strerror or exc})", path=path
        ) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LexiconError(f"not valid TOML: {exc}", path=path) from None

    def words(
        table: str, key: str, *, chars: bool = False, labels: bool = False
    ) -> tuple[str, ...]:
        section = raw.get(table)
        value = section.get(key) if isinstance(section, dict) else None
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(v, str) and v.strip() == v and v for v in value)
        ):
            raise LexiconError(
                f"[{table}] {key} must be a non-empty list of words without spaces around them",
                path=path,
            )
        if chars and not all(len(v) == 1 for v in value):
            raise LexiconError(f"[{table}] {key} must be single characters", path=path)
        if labels and not set(value) <= LABELS:
            raise LexiconError(
                f"[{table}] {key}: {', '.join(sorted(set(value) - LABELS))} not a lexicon label",
                path=path,
            )
        return tuple(value)

    return Vocabulary(
        coordinators=words("coordination", "coordinators"),
        list_words=frozenset(words("coordination", "list_words")),
        employer_separators=words("employer", "separators", chars=True),
        employer_before=words("employer", "before"),
        relations=frozenset(words("technical_sense", "relations")),
        versioned_labels=frozenset(words("labels", "versioned", labels=True)),
        technical_labels=frozenset(words("labels", "technical", labels=True)),
        not_technical_labels=frozenset(words("labels", "not_technical", labels=True)),
    )


WORDS = read_vocabulary()

# what the checks read, derived once from the word lists
COORDINATORS = WORDS.coordinators
LIST_WORDS = WORDS.list_words
EMPLOYER_SEPARATORS = WORDS.employer_separators
EMPLOYER_BEFORE = (*EMPLOYER_SEPARATORS, *WORDS.employer_before)
SEPARATOR_CHARS = frozenset(EMPLOYER_SEPARATORS)
_SEP_CLASS = "[" + re.escape("".join(EMPLOYER_SEPARATORS)) + "]"
# the capitalised words after a separator: "Menlo Park" in ", Menlo Park"; "Seattle" in " – Seattle, WA"
CAPS_AFTER = re.compile(
    rf"[ \t]*{_SEP_CLASS}[ \t]*([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){{0,3}})(?![\w.'’-])(?=[ \t]*(?:$|[\r\n,;|()·•/–—-]|\d))",
    re.M,
)
RELATIONS = WORDS.relations
VERSIONED_LABELS = WORDS.versioned_labels
TECH_LABELS = WORDS.technical_labels
NOT_TECHNICAL = WORDS.not_technical_labels
