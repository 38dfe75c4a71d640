"""Names that are a place, a person or an organisation here, not a skill: "Phoenix, AZ",
"Salt Lake City", "Dakota Swift" over a contact line, "British Airways (BA)", "Shell plc",
"Unity Health Toronto" after a job title, "Salesforce Tower, 415 Mission St".

A mixin of :class:`~jdmatch.recognize.recognizer.SkillRecognizer`, used by
:meth:`~jdmatch.recognize.context.ContextChecks._context_only`.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

from jdmatch.lexicon import Entry
from jdmatch.recognize.vocabulary import (
    _CONTACT,
    _DEGREE_WORDS_AFTER,
    _REGION_AFTER,
    _WORD,
    NEXT_WORD,
    on_contact_line,
)
from jdmatch.tokens import string_key

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

# the words right after a name, for a place's name: "Lake City" of "Salt Lake City"
QUOTE_CHARS = frozenset("\"“”'‘’")
# what follows an abbreviation that spells it out: a dash or a colon, then the words of its line
_SPELT_AFTER = re.compile(r"[ \t]*(?:[—–-][ \t]|:[ \t])[ \t]*([^\n,;(]{3,90})")
_WORDS_AFTER = re.compile(r"[ \t]+([A-Z][\w'’-]*)")
# a run of two to six capitalised words, with what ends it: "American Welding Society)"
_CAPITALISED_RUN = re.compile(
    r"(?<![\w'’-])([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){1,5})(?![\w'’-])(\)?)"
)
# a kinship word right before a name: the name is a person's ("my grandfather Django")
_KIN_BEFORE = re.compile(
    r"\b(?:(?:grand|step)?(?:father|mother|son|daughter|dad|mum|mom)|(?:great-)?(?:uncle|aunt)"
    r"|brother|sister|cousin|nephew|niece|husband|wife|partner|grandpa|grandma)[ \t]+$",
    re.I,
)


def _after_kin(text: str, start: int) -> bool:
    """A kinship word right before the name at ``start``: "my sister Cassandra", "grandfather Django"."""
    return _KIN_BEFORE.search(text, max(0, start - 24), start) is not None


# letters in parentheses right after a name: " (CRM)"
_INITIALS_AFTER = re.compile(r"[ \t]*\(([A-Z]{2,6})\)")
_WORD_BEFORE = re.compile(r"[A-Za-z][\w'’-]*")
# a line that is only a name, maybe with credentials: "Dakota Swift", "RAY PATEL, PMP"
# what ends the name at the head of a one-line resume header: "Orla Helm | Cloud Engineer | ..."
_HEAD_SEPARATOR = re.compile(r"[ \t]+[|·•—–-][ \t]+")
_NAME_LINE = re.compile(
    r"[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’.-]+){1,3}(?:,[ \t]*[A-Z][A-Za-z.]{1,6})*"
)
# a street address: "415 Mission St", "12 Rue de la Paix" is not covered, "1 Infinite Loop Suite 200" is
_STREET = re.compile(
    r"\b\d{1,6}[ \t]+(?:[A-Z][\w.'’-]*[ \t]+){1,3}"
    r"(?:St|Street|Ave|Avenue|Blvd|Boulevard|Rd|Road|Ln|Lane|Dr|Drive|Way|Pl|Place|Ct|Court|Sq|Square|Suite)\b"
)


class PlacesAndPeople:
    """The place, person and organisation checks of a recognizer."""

    _company_suffix_words: frozenset[str]
    _employers: frozenset[int]
    _places: frozenset[str]
    _place_words: frozenset[str]
    _region_codes: frozenset[str]
    _comma: int
    _entries: dict[int, Entry]
    _single_forms: dict[int, int]
    _forms: dict[tuple[int, ...], int]
    _first_names: frozenset[int]
    _cues: frozenset[int]

    def _written_like_suffix(self, entries: dict[int, Entry]) -> frozenset[int]:
        """The entries with a form written like a company suffix ("PLC", "Ltd"), by key."""
        suffixes = self._company_suffix_words
        return frozenset(
            k
            for k, en in entries.items()
            if any(f.lower().rstrip(".") in suffixes for f in (en.name, *en.aliases, *en.ambiguous))
        )

    def _state_code(self, doc: Doc, s: int, e: int, form: str) -> bool:
        """A state or region code after a city and a comma ("Cambridge, MA", "Jackson, MS to
        Boston"), not a degree: at the end of its line or before punctuation, a number or a
        lower-case word that does not go on with the degree ("Jane Roe, MA in History")."""
        if e - s != 1 or form not in self._region_codes or s < 2:
            return False
        if doc[s - 1].orth != self._comma or not (doc[s - 2].is_title and doc[s - 2].is_alpha):
            return False
        if e >= len(doc):
            return True
        nxt = doc[e]
        return (
            "\n" in doc[s].whitespace_
            or nxt.is_space
            or nxt.is_punct
            or nxt.like_num
            or nxt.is_lower
            and nxt.lower_ not in _DEGREE_WORDS_AFTER
        )

    def _is_a_place(self, text: str, start: int, end: int) -> bool:
        """The name is a place: a city before a state code ("Phoenix, AZ", "Apex, NC 27502") or
        part of a place's name (lexicon.toml ``places``: "Salt Lake City", "Hong Kong")."""
        r = _REGION_AFTER.match(text, end)
        if r is not None and r.group(1) in self._region_codes and not text[start:end].isupper():
            return True  # (not "BA, MA in History": two degrees)
        name = text[start:end]
        if name.lower() not in self._place_words:  # (a word of no multi-word place: done)
            return False
        lo = text.rfind("\n", 0, start) + 1
        before = _WORD.findall(text, max(lo, start - 24), start)[-2:]
        after = [m.group(1) for m in _WORDS_AFTER.finditer(text, end, end + 24)][:2]
        places = self._places
        for i in range(len(before) + 1):
            for j in range(len(after) + 1):
                if i == j == 0:
                    continue
                words = [*before[len(before) - i :], name, *after[:j]]
                if " ".join(words).lower() in places:
                    return True
        return False

    @staticmethod
    def _on_name_line(text: str, start: int, end: int) -> bool:
        """A line that is only a person's name (and credentials: "Ray Patel, PMP"), with a contact
        line right under it: a resume's header, where "Dakota Swift" and "Kong Wei" are people."""
        lo = text.rfind("\n", 0, start) + 1
        hi = text.find("\n", end)
        line_end = hi if hi >= 0 else len(text)
        head = _HEAD_SEPARATOR.search(text, end, line_end)
        if head is not None and _NAME_LINE.fullmatch(text[lo : head.start()].strip()):
            # "Orla Helm | Cloud Engineer | orla@example.com": a name heading a contact line
            return "," not in text[lo:start] and _CONTACT.search(text, lo, line_end) is not None
        if hi < 0 or hi - lo > 60 or not _NAME_LINE.fullmatch(text[lo:hi].strip()):
            return False
        if "," in text[lo:start]:
            return False  # a credential after the name ("Taylor Brooks, MBA") is the person's
        # a contact line right under it, or under a title line ("Senior Backend Engineer")
        nxt = text.find("\n", hi + 1)
        if on_contact_line(text, hi + 1):
            return True
        if nxt < 0 or nxt - hi > 60:
            return False
        return on_contact_line(text, nxt + 1)

    @staticmethod
    def _initials(text: str, start: int, end: int) -> tuple[int, int] | None:
        """Where the words stand that an abbreviation abbreviates, when they are spelt out on its
        line: an organisation or a credential, not the skill the letters spell (the caller keeps
        the name when those words are that skill's own: "Amazon Web Services (AWS)").

        * the words before it, it in parentheses: "British Airways (BA)";
        * the words in parentheses after it: "CISA (Cybersecurity and Infrastructure Security Agency)";
        * after a dash or a colon: "CFD — Certified Floral Designer";
        * in parentheses later on its line, or after another parenthesis: "ECE Level 3 certificate
          (Early Childhood Education)", "AWS-certified welder (American Welding Society)",
          "CMA (AAMA) Certified Medical Assistant";
        * of three letters or more, capitalised words anywhere on its line whose initials start or
          end with them ("Registered Early Childhood Educator").
        """
        name = text[start:end]
        if not (2 <= len(name) <= 6 and name.isupper() and name.isalpha()):
            return None
        if text[start - 1 : start] == "(" and text[end : end + 1] == ")":
            # the words before: their last initials ("British Airways (BA)")
            lo = max(0, start - 80)
            before = [m for m in _WORD.finditer(text, lo, start - 1) if m.group()[0].isupper()]
            letters = "".join(m.group()[0] for m in before)
            if len(letters) >= len(name) and letters.endswith(name):
                return before[-len(name)].start(), start - 1
            return None
        if text[end : end + 2] == " (":
            # the words in the parentheses after: all their initials ("CISA (Cybersecurity ...)")
            close = text.find(")", end)
            if 0 < close - end < 90:
                inside = _WORD.findall(text, end + 2, close)
                if "".join(w[0] for w in inside if w[0].isupper()) == name:
                    return end + 2, close
        m = _SPELT_AFTER.match(text, end)
        if m is not None:
            # spelt out after a dash or a colon: "CFD — Certified Floral Designer"
            words = _WORD.findall(m.group(1))
            caps = [w[0] for w in words if w[0].isupper()]
            if "".join(caps[: len(name)]) == name and words[0][0].isupper():
                return m.start(1), m.end(1)
        # later on its line: a run of capitalised words in parentheses, or right after a
        # parenthesis, whose initials are the letters ("(American Welding Society)")
        hi = text.find("\n", end)
        hi = min(len(text), end + 120) if hi < 0 else min(hi, end + 120)
        for run in _CAPITALISED_RUN.finditer(text, end, hi):
            words = run.group(1).split()
            if (
                len(words) == len(name)
                and "".join(w[0] for w in words) == name
                # (from the abbreviation's last letter: not a copy of all the text before)
                and (run.group(2) == ")" or text[end - 1 : run.start(1)].rstrip().endswith(")"))
            ):
                return run.start(1), run.end(1)
        if len(name) >= 3:
            # three letters or more: a run of capitalised words anywhere on its line, before it or
            # after, whose initials start or end with them ("College of ECE" after "(Early Childhood
            # Education)", "ECE diploma ... Registered Early Childhood Educator")
            lo = max(text.rfind("\n", 0, start) + 1, start - 120)
            for run in _CAPITALISED_RUN.finditer(text, lo, hi):
                initials = "".join(w[0] for w in run.group(1).split())
                if initials.endswith(name) or initials.startswith(name):
                    return run.start(1), run.end(1)
        return None

    def _spelt_as_other(
        self,
        doc: Doc,
        text: str,
        key: int,
        s: int,
        e: int,
        start: int,
        end: int,
        chosen: list[tuple[int, int, int]],
    ) -> bool:
        """The letters abbreviate words of their line that are not this skill's own name
        (:meth:`_initials`), or the name ends a longer one (:meth:`_inside_a_longer_name`)."""
        at = self._initials(text, start, end)
        if at is None and e - s > 1 and doc[s].text.isupper():
            # a name opening with letters that name a skill it implies, spelt out as something
            # else: "AWS Certified Welder (American Welding Society)" (not "PMI-ACP — Project
            # Management Institute": PMI is no skill)
            letters = self._single_forms.get(doc[s].norm)
            if letters is not None and self._implies(key, letters):
                at = self._initials(text, start, start + len(doc[s].text))
        if at is None:
            return self._inside_a_longer_name(text, start, end)
        lo, hi = at
        if self._spells_its_own(doc, lo, hi, key):
            return False  # "AWS Certified Solutions Architect (Amazon Web Services)"
        for a, b, k in chosen:  # "Amazon Web Services (AWS)": the same skill spelt out
            if k == key and (
                b == s - 1
                or a == e + 1
                or doc[a].idx < hi
                and doc[b - 1].idx + len(doc[b - 1]) > lo
            ):
                return False
        return True

    def _spells_its_own(self, doc: Doc, lo: int, hi: int, key: int) -> bool:
        """The words at characters ``[lo, hi)`` are a form of the entry ``key`` or of one it
        implies: the letters abbreviate its own name."""
        span = doc.char_span(lo, hi, alignment_mode="expand")
        norms = tuple(t.norm for t in span if not t.is_space) if span is not None else ()
        if len(norms) > 1:
            found = self._forms.get(norms)
        else:
            found = self._single_forms.get(norms[0]) if norms else None
        return found is not None and self._implies(key, found)

    def _implies(self, key: int, other: int) -> bool:
        """Entry ``key`` is entry ``other`` or implies it, through up to three ``implies``."""
        if key == other:
            return True
        target = self._entries[other].id
        todo = [self._entries[key]]
        for _ in range(3):
            implied = {i for entry in todo for i in entry.implies}
            if target in implied:
                return True
            todo = [self._entries[k] for i in implied if (k := string_key(i)) in self._entries]
        return False

    @staticmethod
    def _inside_a_longer_name(text: str, start: int, end: int) -> bool:
        """A name of capitalised words ending a longer one that its initials in parentheses
        abbreviate: "Resource Management" of "Crew Resource Management (CRM)"."""
        m = _INITIALS_AFTER.match(text, end)
        if m is None or not text[start].isupper():
            return False
        letters = m.group(1)
        words = _WORD_BEFORE.findall(text, max(0, start - 60), end)
        caps = [w for w in words if w[0].isupper()]
        inside = len(text[start:end].split())
        return inside < len(letters) <= len(caps) and (
            "".join(w[0] for w in caps[-len(letters) :]) == letters
        )

    def _after_a_name(self, doc: Doc, s: int, form: str) -> bool:
        """A company suffix ("plc", "Inc") right after a capitalised word on the same line."""
        if s < 1 or form.lower().rstrip(".") not in self._company_suffix_words:
            return False
        prev = doc[s - 1]
        if not (prev.is_alpha and prev.text[0].isupper() and "\n" not in prev.whitespace_):
            return False
        if form.islower():
            return True  # "Shell plc is hiring": the skill is written "PLC"
        # and no word after it: "Shell plc — Trainee", "Barclays PLC", not "Siemens PLC programming"
        nxt = doc[s + 1] if s + 1 < len(doc) else None
        return nxt is None or not nxt.is_alpha or "\n" in doc[s].whitespace_

    @staticmethod
    def _opens_a_name(doc: Doc, e: int, chosen: list[tuple[int, int, int]]) -> bool:
        """The next word is capitalised and no skill: the name opens an organisation's
        ("Unity Health", "Python Software Foundation"), not a list ("Kafka and Spark")."""
        if e >= len(doc) or "\n" in doc[e - 1].whitespace_:
            return False
        nxt = doc[e]
        return nxt.is_alpha and nxt.is_title and not any(a == e for a, _, _ in chosen)

    def _on_address_line(self, text: str, start: int, end: int, key: int) -> bool:
        """A company or a building on a line with a street address (a contact or an office line)."""
        if key not in self._employers:  # (the cheap test first: a capitalised word next)
            m = NEXT_WORD.match(text, end)
            if m is None or m.start(1) != end + 1 or not m.group(1)[0].isupper():
                return False
        lo = text.rfind("\n", 0, start) + 1
        hi = text.find("\n", end)
        return _STREET.search(text, lo, hi if hi >= 0 else len(text)) is not None

    def _nickname(self, doc: Doc, s: int, e: int) -> bool:
        """A name in quotes between a first name and a capitalised word: a nickname
        ('Marco "Django" Reyes'), not a skill."""
        if (
            s < 2
            or e + 1 >= len(doc)
            or doc[s - 1].text not in QUOTE_CHARS
            or doc[e].text not in QUOTE_CHARS
        ):
            return False
        first, last = doc[s - 2], doc[e + 1]
        if not (first.is_title and first.is_alpha and last.is_title and last.is_alpha):
            return False
        # a first name, or any capitalised word that is no cue with the surname ending the name
        nxt = doc[e + 2] if e + 2 < len(doc) else None
        return first.lower in self._first_names or (
            first.lower not in self._cues and (nxt is None or not nxt.is_title)
        )

    def _after_a_first_name(
        self, doc: Doc, s: int, skill_ends: set[int], given_ends: AbstractSet[int] = frozenset()
    ) -> bool:
        """A capitalised first name right before the form (lexicon.toml ``first_names``): a
        surname ("Laura Helm", "Gary Jenkins"), unless that word ends a skill found there that
        is no given name too ("Ray Gatsby" is a person, "Python Jenkins" a list)."""
        if s < 1 or s in skill_ends and s not in given_ends:
            return False
        prev = doc[s - 1]
        return prev.is_title and prev.lower in self._first_names and doc[s].text[:1].isupper()
