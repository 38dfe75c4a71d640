"""Negation and hedging: 1.0 a plain claim, 0.5 hedged ("willing to learn X"), 0.0 negated ("no experience with X").

The cue words are data (``lexicon/rules/polarity.toml``); where a cue must
stand relative to the skill is here.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from jdmatch import rules
from jdmatch.models import SkillMatch
from jdmatch.structure.text import clause

__all__ = ["POLARITY_CUE", "CueIndex", "skill_polarity"]

_RULES = rules.load("polarity")
_NEG, _HEDGE = _RULES["negation"], _RULES["hedging"]


def _alt(items: list[str], *, escape: bool = False, suffix: str = "") -> str:
    return "(?:" + rules.alternation(items, escape=escape, suffix=suffix) + ")"


_NEG_BEFORE = re.compile(
    r"(?:\bno "
    + _alt(_NEG["no_qualifiers"], escape=True, suffix=" ")
    + "?"
    + _alt(_NEG["no_nouns"])
    + r"\b"
    + "|"
    + "|".join(r"\b" + p + r"\b" for p in _NEG["phrases"])
    + r"|\b"
    + _alt(_NEG["auxiliaries"], escape=True)
    + " "
    + _alt(_NEG["verbs"])
    + r"\b"
    + r"|\black(?:s|ing)? (?:of )?(?:any )?"
    + _alt(_NEG["lack_nouns"], escape=True)
    + r"?\b)",
    re.I,
)
_NEG_NEAR = re.compile(
    r"\b"
    + _alt(_NEG["near"], escape=True)
    + r"\s+"
    + _alt(_NEG["near_fillers"], escape=True, suffix=r"\s+")
    + r"?(?:\w+\s+){0,1}$",
    re.I,
)
_NEG_AFTER = re.compile(
    r"^\W{0,3}"
    + _alt(_NEG["after_subjects"], escape=True, suffix=" ")
    + "?"
    + _alt(_NEG["after_phrases"]),
    re.I,
)
_HEDGE_BEFORE = re.compile(r"\b" + _alt(_HEDGE["before"]) + r"\b", re.I)
_HEDGE_AFTER = re.compile(
    r"^\s*(?:\("
    + _alt(_HEDGE["after_bracketed"], escape=True)
    + r"\)|"
    + rules.alternation(_HEDGE["after"])
    + ")",
    re.I,
)
_CONTRAST = re.compile(r"\b" + _alt(_RULES["contrast"]["words"], escape=True) + r"\b", re.I)


_PREFILTER = _RULES["prefilter"]["words"]


def _prefilter_words() -> list[str]:
    """The prefilter's words: the rules' own, and the first word of each cue that holds none of them.

    A cue that can stand on its own must be found by the prefilter, or it is never read; one that
    begins with pattern syntax and holds no prefilter word is an error naming the file and key.
    """
    standalone = {
        "negation.phrases": _NEG["phrases"],
        "negation.auxiliaries": _NEG["auxiliaries"],
        "negation.near": _NEG["near"],
        "negation.after_phrases": _NEG["after_phrases"],
        "hedging.before": _HEDGE["before"],
        "hedging.after_bracketed": _HEDGE["after_bracketed"],
        "hedging.after": _HEDGE["after"],
    }
    words = [w.lower() for w in _PREFILTER]
    for key, items in standalone.items():
        for item in items:
            if not any(w in item.lower() for w in words):
                lead = re.match(r"[a-z][a-z'-]+", item.lower())
                if lead is None:
                    raise rules.RulesError(
                        f"`{key}` cue {item!r} begins with pattern syntax and holds no word of "
                        "`prefilter.words`: add one, or the cue is never read",
                        path=rules.rules_dir() / "polarity.toml",
                    )
                words.append(lead.group(0))
    for fixed in ("no", "lack"):  # the grammar's own words ("no <noun>", "lack of <noun>")
        if fixed not in words:
            raise rules.RulesError(
                f"`prefilter.words` must hold {fixed!r}", path=rules.rules_dir() / "polarity.toml"
            )
    return words


_PREFILTER = set(_prefilter_words())  # read and checked once

# a word that begins with a prefilter word: "lack" finds "lacking", "familiar" finds "familiarity"
POLARITY_CUE = re.compile(
    r"\b(?:" + rules.alternation(sorted(_PREFILTER, key=len, reverse=True), escape=True) + ")",
    re.I,
)

# the same words, shortest first, as a lookahead: every place a prefilter word begins, with the
# shortest word found there (zero-width, so no place is hidden by an overlapping match)
_CUE_PLACES = re.compile(
    r"\b(?=(" + rules.alternation(sorted(_PREFILTER, key=len), escape=True) + "))",
    re.I,
)
_CUE_WORDS = tuple(sorted({w.lower() for w in _PREFILTER}, key=len))


class CueIndex:
    """Where the polarity prefilter's words stand in a text, found in one pass.

    :meth:`near` answers what ``POLARITY_CUE.search(text, start, end)`` would (is
    there a cue word wholly inside ``[start, end)``?) without searching again for
    every mention.
    """

    __slots__ = ("starts", "ends")

    def __init__(self, text: str) -> None:
        low = text.lower()
        if len(low) != len(text) or "\u0131" in text or "\u017f" in text:
            # letters that IGNORECASE matches but lower() does not map one to one: the regex
            places = [(m.start(), m.end(1)) for m in _CUE_PLACES.finditer(text)]
        else:  # each word found with str.find, where a word begins (what \b checks there)
            shortest: dict[int, int] = {}
            for word in _CUE_WORDS:
                i = low.find(word)
                while i >= 0:
                    before = text[i - 1] if i else " "
                    if not (before.isalnum() or before == "_") and i not in shortest:
                        shortest[i] = i + len(word)  # the words go shortest first
                    i = low.find(word, i + 1)
            places = sorted(shortest.items())
        self.starts = [a for a, _ in places]
        self.ends = [b for _, b in places]

    def __bool__(self) -> bool:
        return bool(self.starts)

    def near(self, start: int, end: int) -> bool:
        starts, ends = self.starts, self.ends
        for j in range(bisect_left(starts, start), len(starts)):
            if starts[j] >= end:
                return False
            if ends[j] <= end:
                return True
        return False


def _mention(text: str, skill: SkillMatch | str | tuple[int, int]) -> tuple[int, int] | None:
    if isinstance(skill, SkillMatch):
        return skill.start, skill.end
    if isinstance(skill, tuple):
        return skill
    m = re.search(r"(?<!\w)" + re.escape(skill) + r"(?!\w)", text, re.I)
    return (m.start(), m.end()) if m else None


def skill_polarity(text: str, skill: SkillMatch | str | tuple[int, int]) -> float:
    """How firmly ``text`` claims (or asks for) ``skill``: 1.0, 0.5 (hedged) or 0.0 (negated).

    ``skill`` is a :class:`SkillMatch`, a ``(start, end)`` span, or the skill's
    text (its first mention is used). Only the sentence or bullet around the
    mention is read, and a "but" ends the reach of a cue.
    """
    span = _mention(text, skill)
    if span is None:
        return 1.0
    start, end = span
    cs, ce = clause(text, start)
    before, after = text[cs:start], text[end:ce]
    cut = max((m.end() for m in _CONTRAST.finditer(before)), default=0)
    before = before[cut:]
    # the cue nearest the mention decides ("no Kotlin, and some exposure to Scala")
    neg = max((m.start() for m in _NEG_BEFORE.finditer(before)), default=-1)
    near = _NEG_NEAR.search(before)
    neg = max(neg, near.start() if near else -1)
    hedge = max((m.start() for m in _HEDGE_BEFORE.finditer(before)), default=-1)
    if _NEG_AFTER.match(after):
        return 0.0
    if neg > hedge:
        return 0.0
    if hedge >= 0 or _HEDGE_AFTER.match(after):
        return 0.5
    return 1.0
