"""The word lists recognition reads, from ``lexicon/rules/recognize.toml`` (vocabulary, not grammar).

:func:`jdmatch.rules.load` reads and checks the file like every rule file; this
module adds the one check that needs the lexicon (the label lists name lexicon
labels) and derives what the context checks use, once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jdmatch import rules
from jdmatch.lexicon import LABELS


@dataclass(frozen=True, slots=True)
class Vocabulary:
    coordinators: tuple[str, ...]
    list_words: frozenset[str]
    other_coordinators: frozenset[str]
    use_suffixes: frozenset[str]
    makers: frozenset[str]
    employer_separators: tuple[str, ...]
    employer_before: tuple[str, ...]
    relations: frozenset[str]
    versioned_labels: frozenset[str]
    technical_labels: frozenset[str]
    not_technical_labels: frozenset[str]


def read_vocabulary() -> Vocabulary:
    """The recognizer's word lists; a :class:`jdmatch.rules.RulesError` names the file and key."""
    raw = rules.load("recognize")
    labels = raw["labels"]
    for key in ("versioned", "technical", "not_technical"):
        unknown = sorted(set(labels[key]) - LABELS)
        if unknown:
            raise rules.RulesError(
                f"`labels.{key}`: {', '.join(unknown)} not a lexicon label",
                path=rules.rules_dir() / "recognize.toml",
            )
    return Vocabulary(
        coordinators=tuple(raw["coordination"]["coordinators"]),
        list_words=frozenset(raw["coordination"]["list_words"]),
        other_coordinators=frozenset(raw["coordination"]["in_other_languages"]),
        use_suffixes=frozenset(w.lower() for w in raw["compounds"]["use_suffixes"]),
        makers=frozenset(raw["compounds"]["makers"]),
        employer_separators=tuple(raw["employer"]["separators"]),
        employer_before=tuple(raw["employer"]["before"]),
        relations=frozenset(raw["technical_sense"]["relations"]),
        versioned_labels=frozenset(labels["versioned"]),
        technical_labels=frozenset(labels["technical"]),
        not_technical_labels=frozenset(labels["not_technical"]),
    )


WORDS = read_vocabulary()

# what the checks read, derived once from the word lists
COORDINATORS = WORDS.coordinators
OTHER_COORDINATORS = WORDS.other_coordinators
LIST_WORDS = WORDS.list_words
USE_SUFFIXES = WORDS.use_suffixes
MAKERS = WORDS.makers
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

_REGION_AFTER = re.compile(r"[ \t]*,[ \t]*([A-Z]{2})(?![\w])")
NEXT_WORD = re.compile(r"[ \t]+([^\W\d_][\w.'’-]*)")
_WORD = re.compile(r"[A-Za-z][\w-]*")
_CONTACT = re.compile(
    r"@\w|https?://|www\.|\.(?:com|io|org|net|me|dev)\b|/in/|\+?\d[\d ().-]{7,}\d"
)


def on_contact_line(text: str, at: int) -> bool:
    """Whether the line that holds position ``at`` has an e-mail, a web address or a phone number."""
    lo = text.rfind("\n", 0, at) + 1
    hi = text.find("\n", at)
    return _CONTACT.search(text, lo, hi if hi >= 0 else len(text)) is not None


# lower-case words after "<Name>, MA" that keep it a degree: "Jane Roe, MA in History"
_DEGREE_WORDS_AFTER = frozenset({"in", "of", "and", "or", "with", "from"})
