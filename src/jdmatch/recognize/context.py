"""Where a recognized name is context, not a skill, and how the context of an ambiguous form is read.

A mixin of :class:`~jdmatch.recognize.recognizer.SkillRecognizer`: the checks read
the word sets the recognizer builds from the lexicon's context rules.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING, Any

from jdmatch.lexicon import Entry
from jdmatch.recognize.places import QUOTE_CHARS, PlacesAndPeople, _after_kin
from jdmatch.recognize.sentences import same_sentence
from jdmatch.recognize.vocabulary import (
    _REGION_AFTER,
    _WORD,
    CAPS_AFTER,
    EMPLOYER_BEFORE,
    LIST_WORDS,
    NEXT_WORD,
    RELATIONS,
    SEPARATOR_CHARS,
    TECH_LABELS,
    on_contact_line,
)
from jdmatch.tokens import PARAGRAPH_BREAK, fold_plural, string_key

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

SENTENCE_END = frozenset({".", "!", "?"})
_ARTICLES = frozenset({"a", "an", "the", "this", "that", "my", "our", "his", "her"})
_SITE_HANDLE = re.compile(r"[ \t]*[:|/]")
# the last word of an institution's name, which a field or a degree comes before
_INSTITUTIONS = frozenset(
    {"college", "university", "school", "institute", "academy", "polytechnic"}
)
# lower-case company suffixes: "Shell plc", "Acme inc." (not "limited", "co": ordinary words)
LOWER_SUFFIX = re.compile(r"[ \t]+(?:plc|inc|ltd|llc|gmbh|corp|pvt)\.?(?![\w-])")
# words a single letter follows as a grade, a label or a size, not a language: "GCSE English grade C"
_LETTER_AFTER = re.compile(
    r"\b(?:grade|grades|table|vitamin|plan|type|section|row|class|size|level|blood|group)[ \t]+$",
    re.I,
)
# a letter glued to a dotted number is a code ("AWS D1.1", "R2.3"), not a language with its version
_CODE_AFTER = re.compile(r"\d+\.\d")
# words after a verb's object begins: "to terraform the way", "to spark our interest"
_DETERMINERS = frozenset(
    {"the", "a", "an", "our", "your", "their", "its", "his", "her", "how", "what"}
)
# words of writing code, verbs and the work written ("a capstone in Java"): a language after "in" in
# their sentence is the language ("rewrote it in Rust")
_WRITING_WORDS = frozenset(
    "wrote written write writes rewrote rewritten rewrite rewrites implemented reimplemented "
    "implement implementing coded programmed ported refactored scripted developed prototyped "
    "capstone coursework project projects assignment assignments".split()
)
# after a company's name that opens a line: a company word, a suffix, then a dash or a bar before a job title
_COMPANY_WORD = re.compile(r"[ \t]+(?:Software|Technologies|Technology|Labs|Systems|Group)\b")
_SUFFIX_AFTER = re.compile(r"[ \t]*,?[ \t]*([A-Za-z]+)\.?")
_TITLE_DASH = re.compile(r"[ \t]*[—–|·•-][ \t]*")
# a work mode after an employer's name: "GitHub, remote", "Stripe (Hybrid)"
_WORK_MODE_AFTER = re.compile(r"[ \t]*[,(|–—-][ \t]*(?:remote|hybrid|on-?site)\b", re.I)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?[ \t]*"
# dates after an employer's name: "(2019 – 2022)", ", Mar 2021 - present", "| 2018–2020"
_DATES_AFTER = re.compile(
    rf"[ \t]*[,(|–—-]?[ \t]*(?:{_MONTH})?(?:19|20)\d\d[ \t]*[–—-][ \t]*"
    rf"(?:(?:{_MONTH})?(?:19|20)\d\d|present|current|now|today)\b",
    re.I,
)
_ALIAS_AFTER = re.compile(r"[ \t]*\([A-Z][\w.&-]{0,15}\)")
# after a given name, words that make it a person: "Julia from the data team", "Ruby, who ..."
_AND_NAME_AFTER = re.compile(r"[ \t]+(?:and|&)[ \t]+([A-Z][a-z]+)\b")
_NAME_AND_BEFORE = re.compile(r"\b([A-Z][a-z]+)[ \t]+(?:and|&)[ \t]+$")
_PERSON_AFTER = re.compile(r",?[ \t]+(?:who|whom|whose|from[ \t]+(?:the|our|my|his|her|their))\b")
# the word before a comma right before a name: "Electronics, " of "Falcon Electronics, Cairo —"
_EMPLOYER_BEFORE = re.compile(r"([A-Z][\w&.'’-]*)[ \t]*,[ \t]*\Z")
# after a lower-case name, words that show it a verb after its subject ("bears hibernate in winter")
_VERB_AFTER = frozenset(("under", "in", "through", "during", "until", "over", "all", "for", "at"))
_PRONOUNS = frozenset(("they", "we", "i", "you", "who", "that", "which"))


class ContextChecks(PlacesAndPeople):
    """The context checks of a recognizer (see :class:`~jdmatch.recognize.recognizer.SkillRecognizer` for the sets)."""

    _entries: dict[int, Entry]
    _neighbor_window: int
    _hyphen: int
    _ambiguous_cues: dict[int, frozenset[int]]
    _employers: frozenset[int]
    _given_names: frozenset[int]
    _mostly_technical: frozenset[int]
    _single_forms: dict[int, int]
    _single_strict: dict[int, int]
    _cues: frozenset[int]
    _profile_sites: frozenset[int]
    _technical_sense: frozenset[int]
    _role_words: frozenset[int]
    _technical_words: frozenset[int]
    _places: frozenset[str]
    _region_codes: frozenset[str]
    _company_suffix_words: frozenset[str]
    _suffix_later: re.Pattern[str]  # the first words of a company: "Jenkins Builds Ltd"
    _suffix_keys: frozenset[int]
    _role_word_set: frozenset[str]
    _program_word_set: frozenset[str]
    _benefit_word_set: frozenset[str]
    _ordinary_after: frozenset[str]
    _ordinary_near_words: frozenset[int]
    _ordinary_after_norms: frozenset[int]
    _employer_seps: frozenset[int]
    _at: frozenset[int]
    _comma: int
    tokenizer: Any

    def _context_only(
        self,
        doc: Doc,
        text: str,
        key: int,
        s: int,
        e: int,
        start: int,
        end: int,
        c: str,
        chosen: list[tuple[int, int, int]],
    ) -> bool:
        """The name is an employer, a place, an address or a benefit here, not a skill.

        * "Salesforce, San Francisco, CA", "Oracle Corporation": a company before a place or a suffix;
        * "Software Developer, Facebook", "Engineer at Oracle": an employer after a job title;
        * "LinkedIn: jane-doe", a profile site on a line with a URL, an e-mail or a phone number;
        * "Cambridge, MA": a state code after a city, not a degree;
        * "PhD student", "private healthcare": the post or a benefit, not a degree or a domain;
        * "communication between services": a technical sense of a soft skill.

        Most checks read the characters around the name (cheap); tokens are read only
        for the few entries that need them.
        """
        # ``c``: the first character after the name and up to three spaces
        if c in SEPARATOR_CHARS and self._place_after(text, end):
            return True
        upper = text[start].isupper()
        if upper and c.islower() and LOWER_SUFFIX.match(text, end):
            return True  # "Shell plc", "Acme inc.": a company
        if upper and (
            (c.isupper() or c == "&")
            and self._suffix_later.match(text, end)
            or c in "'’"
            and text[end + 1 : end + 2] == "s"
            and self._suffix_later.match(text, end + 2)
        ):
            # "Jenkins Builds Ltd", "Gatsby & Rowe LLP", "Hudson's Bay Company": a company's first word
            return True
        if key in self._suffix_keys and self._after_a_name(doc, s, text[start:end]):
            return True  # the "plc" of "Shell plc" is no programmable logic controller
        if upper and self._on_address_line(text, start, end, key):
            return True  # "Salesforce Tower, 415 Mission St, San Francisco"
        if upper and (c in QUOTE_CHARS and self._nickname(doc, s, e) or _after_kin(text, start)):
            return True  # 'Marco "Django" Reyes', "my grandfather Django, a guitarist'
        if upper and self._is_a_place(text, start, end):
            return True  # "Phoenix, AZ", "Salt Lake City", "Hong Kong": the place itself
        if upper and c in "—–-|\n" and text[start:end].lower() in self._places:
            m = _EMPLOYER_BEFORE.search(text, max(0, start - 48), start)
            if m is not None and not self._names_a_skill(m.group(1)):
                return True  # "Engineer, Falcon Electronics, Cairo — C": the employer's town
        if upper and (
            self._on_name_line(text, start, end)
            or self._spelt_as_other(doc, text, key, s, e, start, end, chosen)
        ):
            return True  # "Dakota Swift" over a contact line; "British Airways (BA)"
        entry = self._entries[key]
        label = entry.label
        nw = ""
        # "Mongo's Grill", "Jenkins & Sons"
        at = end + 2 if text.startswith(("'s ", "’s ", " & "), end) else end
        if c.isupper() or at > end or label in ("degree", "domain", "field"):
            m = NEXT_WORD.match(text, at)
            if m is not None:  # a venue or company word next, possessive or not
                nw = m.group(1).lower().removesuffix("'s").removesuffix("’s")
                if (
                    nw in self._company_suffix_words
                    and m.group(1)[0].isupper()
                    and not (label == "certification" and nw == "foundation")  # "ISTQB Foundation"
                ):
                    return True
        if label == "practice" and nw in self._role_word_set and text[start].isupper():
            # "Software Development Engineer II": a job title, not the practice
            if all(w[0].isupper() for w in text[start:end].split()):
                return True
        if label == "degree" and nw in self._program_word_set:
            return True  # "PhD student", "PhD scholarship", "MSc programme": the post or a programme, not a degree held
        if label in ("domain", "field"):
            before = text[max(0, start - 30) : start].split()
            if nw in self._benefit_word_set or (
                before
                and before[-1].lower() in self._benefit_word_set
                and start > 0
                and text[start - 1] in " \t"
            ):
                return True  # "private healthcare", "Healthcare and Insurance Plans" are benefits
        n = len(doc)
        if (
            (key in self._employers or upper and self._opens_a_name(doc, e, chosen))
            and s >= 2
            and text[max(0, start - 4) : start].rstrip(" \t").endswith(EMPLOYER_BEFORE)
        ):
            prev = doc[s - 1]
            if "\n" not in prev.whitespace_:
                role = doc[s - 2]
                if prev.orth in self._at and role.norm in self._role_words:
                    return True
                if (
                    prev.orth in self._employer_seps
                    and role.norm in self._role_words
                    and not role.is_lower
                ):
                    return True
        if key in self._employers and self._employer_line(text, start, end):
            return True
        if c == "(" or text[start - 1 : start] == "(":
            # "Amazon Web Services (AWS), Seattle, WA": a place after the name's own short form
            m = _ALIAS_AFTER.match(text, end)
            at = m.end() if m else end + 1 if text[end : end + 1] == ")" else -1
            if at >= 0 and self._place_after(text, at):
                return True
        if key in self._profile_sites:
            # "GitHub: jane-doe", not "GitHub/GitLab" (a list: a skill right after the separator)
            if _SITE_HANDLE.match(text, end) and not any(a == e + 1 for a, _, _ in chosen):
                return True
            if on_contact_line(text, start):
                return True
        if label == "degree" and self._state_code(doc, s, e, text[start:end]):
            return True  # "Cambridge, MA", "Boston, MA when...": a state after a city
        if key in self._technical_sense:
            tw = self._technical_words
            nxt = doc[e] if e < n else None
            if s >= 1 and doc[s - 1].norm in tw:
                return True
            if nxt is not None and nxt.norm in tw:
                return True
            if nxt is not None and nxt.lower_ in RELATIONS:
                for i in range(e + 1, min(n, e + 7)):
                    t = doc[i]
                    if t.text in SENTENCE_END or t.norm_ == PARAGRAPH_BREAK:
                        break
                    if t.norm in tw:
                        return True
                entries = self._entries
                if any(e < a <= e + 6 and entries[k].label in TECH_LABELS for a, _, k in chosen):
                    return True
        return False

    def _ordinary_sense(self, text: str, key: int, start: int, end: int, c: str) -> bool:
        """An ambiguous form read in its ordinary sense after all: "Java coffee", "English breakfast",
        "C1" (a language level), "Julia Chen" (a given name before a surname), "Julia from
        the data team" (a person)."""
        if text[end : end + 1] in ("1", "2") and text[start:end] in ("A", "B", "C"):
            return True
        if end - start == 1 and _CODE_AFTER.match(text, end):
            return True  # "D1.1", "R2.3": a code or a clause, not a language
        if end - start == 1 and _LETTER_AFTER.search(text, max(0, start - 12), start):
            return True  # "grade C", "table R", "Plan B": a letter, not a language
        if key in self._given_names and _PERSON_AFTER.match(text, end):
            return True
        if key in self._given_names and self._beside_a_first_name(text, start, end):
            return True  # "the readings were given by Ruby and Jade"
        if key in self._given_names and c.isupper():
            m = NEXT_WORD.match(text, end)
            word = m.group(1) if m is not None else ""
            if word[1:].islower() and word.isalpha() and not self._names_a_skill(word):
                return True
            if word[1:].islower() and on_contact_line(text, start):
                return True  # "Contact: Ada Pascal · +44 20 7946 0321": a person's name
        if c.isalpha():  # in any case: "Java coffee", "Express Delivery Services"
            m = NEXT_WORD.match(text, end)
            # (the word without the full stop of a sentence's end: "a cup of Java coffee.")
            word = m.group(1).rstrip(".'’-").lower() if m is not None else ""
            return fold_plural(word) in self._ordinary_after
        if c == "/":  # "TS/SCI clearance": a word of the ordinary sense after a slash, in any case
            m = _WORD.match(text, text.find("/", end) + 1)
            return m is not None and fold_plural(m.group(0).lower()) in self._ordinary_after
        return False

    def _beside_a_first_name(self, text: str, start: int, end: int) -> bool:
        """Another first name, no skill's, joined to this one by "and" or "&", after or before it."""
        m = _AND_NAME_AFTER.match(text, end)
        if m is None:
            m = _NAME_AND_BEFORE.search(text, max(0, start - 24), start)
        if m is None or self._names_a_skill(word := m.group(1)):
            return False
        return self.tokenizer.vocab.strings[word.lower()] in self._first_names

    def _names_a_skill(self, word: str) -> bool:
        """Whether ``word`` is a one-word form of the lexicon or a cue word ("Gems" after "Ruby")."""
        lower = word.lower()
        norm, key = string_key(fold_plural(lower)), string_key(lower)
        return (
            norm in self._single_forms
            or norm in self._single_strict
            or key in self._cues
            or key in self._technical_words
        )

    def _ordinary_near_at(self, doc: Doc) -> list[int]:
        """The tokens of ``doc`` that are words of an ordinary sense (lexicon.toml ``ordinary_near``)."""
        near = self._ordinary_near_words
        if not near:
            return []
        from spacy.attrs import NORM

        norms = doc.to_array(NORM).tolist()
        if near.isdisjoint(norms):
            return []
        return [i for i, h in enumerate(norms) if h in near]

    def _ordinary_near(self, doc: Doc, s: int, e: int, stops: list[int], at: list[int]) -> bool:
        """A word of an ordinary sense (its token in ``at``) near the name, in its sentence."""
        w = self._neighbor_window
        for i in at[bisect_left(at, s - w) : bisect_left(at, e + w)]:
            if s <= i < e:
                continue
            a, b = (doc[i].idx, doc[s].idx) if i < s else (doc[e - 1].idx, doc[i].idx)
            if same_sentence(stops, a, b):
                return True
        return False

    def _written_in(self, doc: Doc, s: int, key: int) -> bool:
        """A language after "in" in a sentence about writing code: "Rewrote the parser in Rust",
        "services written in Go" (not "a school built in Java": building is not writing code)."""
        if s < 2 or doc[s - 1].lower_ != "in" or self._entries[key].label != "language":
            return False
        for i in range(s - 2, max(-1, s - 2 - self._neighbor_window), -1):
            t = doc[i]
            if t.text in SENTENCE_END or "\n" in t.whitespace_ or t.is_space:
                return False
            if t.lower_ in _WRITING_WORDS:
                return True
        return False

    def _place_after(self, text: str, end: int) -> bool:
        """ ", Menlo Park", " – Seattle, WA", ", Cambridge, MA 02139" right after ``end``: an employer's or an address line."""
        m = CAPS_AFTER.match(text, end)
        if m is None:
            return False
        words = m.group(1)
        if words.lower() in self._places:
            return True
        # "<City>, <Country>": a city the lexicon does not list, then one it does ("The Hague, Netherlands")
        m2 = CAPS_AFTER.match(text, m.end(1))
        if (
            m2 is not None
            and text[m.end(1) : m2.start(1)].strip() == ","
            and m2.group(1).lower() in self._places
            and not any(self._names_a_skill(w) for w in words.split())  # "Kafka, India"
            and words.rsplit(None, 1)[-1].lower() not in _INSTITUTIONS  # "Reed College, Portland"
        ):
            return True
        # "<City>, <STATE>": up to three capitalised words, none dotted ("ASP.NET, MS SQL"), a comma and a state code
        r = _REGION_AFTER.match(text, m.end(1))
        return (
            r is not None
            and r.group(1) in self._region_codes
            and len(ws := words.split()) <= 3
            and not any("." in w[:-1] for w in ws)
        )

    @staticmethod
    def _in_proper_name(doc: Doc, s: int) -> bool:
        """A capitalised word right before the form, itself mid-sentence: "Adobe Express", "Orient Express"."""
        if s < 2:
            return False
        prev = doc[s - 1]
        if not (prev.is_title and prev.is_alpha) or "\n" in prev.whitespace_:
            return False
        before = doc[s - 2]
        return not (
            before.is_space
            or before.text in SENTENCE_END
            or before.is_punct
            and before.text in {":", "(", "-", "•"}
        )

    @classmethod
    def _the_name(cls, doc: Doc, s: int) -> bool:
        """A capitalised "The" before the form mid-sentence: the name of a place or a company
        ("Library Assistant, The Hive"), which only a cue right beside makes the tool."""
        return s >= 1 and doc[s - 1].text == "The" and cls._in_proper_name(doc, s)

    def _technical_prior(self, doc: Doc, s: int, e: int, skill_ends: set[int]) -> bool:
        """A mostly technical form (lexicon.toml ``mostly_technical``) counts by itself, unless a
        word of its ordinary sense is near ("a python in the zoo"), an article makes it a noun
        ("We saw a Python"), or a capitalised word before it mid-sentence makes it part of a name
        ("Monty Python"; a skill there makes a list: "Maven Tomcat"). The other checks then decide."""
        w = self._neighbor_window
        ordinary = self._ordinary_after_norms
        if any(t.norm in ordinary for t in doc[max(0, s - w) : e + w]):
            return False
        if s and doc[s - 1].lower_ in _ARTICLES:
            return False
        # or a lower-case form after an article and one or two adjectives: "the fastest docker"
        i = s - 1
        while doc[s].is_lower and s - i <= 2 and i > 0 and doc[i].is_lower and doc[i].is_alpha:
            if doc[i].lower in self._cues:
                break
            i -= 1
            if doc[i].lower_ in _ARTICLES:
                return False
        if doc[s].is_lower and s and doc[s - 1].lower_ == "to" and e < len(doc):
            if doc[e].lower_ in _DETERMINERS:
                return False  # "to terraform the way families save": a verb
        if doc[s].is_lower and 0 < s and e < len(doc) and doc[e].lower_ in _VERB_AFTER:
            b = doc[s - 1]  # "Hedgehogs hibernate under leaves", "they hibernate in winter": a verb
            if (
                b.is_alpha
                and b.lower not in self._cues
                and (b.lower_ in _PRONOUNS or len(b) > 3 and b.lower_[-1] == "s")  # (not "is")
            ):
                return s - 1 in skill_ends  # (unless a list: "pandas docker in production")
        return not self._in_proper_name(doc, s) or s in skill_ends or doc[s - 1].lower in self._cues

    @staticmethod
    def _prose_start(doc: Doc, s: int, e: int) -> bool:
        """A capitalised form opening a sentence and followed by a lower-case word reads as prose."""
        i = s - 1
        while i >= 0 and doc[i].is_space:
            i -= 1
        if i >= 0:
            before = doc[i]
            # a line break between the previous word and the form also starts a sentence
            if (
                before.text not in SENTENCE_END
                and "\n" not in before.whitespace_
                and not (i + 1 < s and any("\n" in t.text for t in doc[i + 1 : s]))
            ):
                return False
        nxt = doc[e] if e < len(doc) else None
        return nxt is not None and nxt.is_lower and nxt.is_alpha and nxt.lower_ not in LIST_WORDS

    def _counts_as_cue(self, doc: Doc, i: int) -> bool:
        """A cue word that is also a name's ambiguous spelling counts only written as that name.

        "in the spring" is a season, not a cue for Java; "Spring" is, but not as the first
        word of a sentence ("Spring is here"), where a capital says nothing. A name also
        written in lower case ("python", "java") counts either way.
        """
        spellings = self._ambiguous_cues.get(doc[i].lower)
        if spellings is None:
            return True
        token = doc[i]
        if token.orth not in spellings:
            return False
        return token.lower in spellings or not self._prose_start(doc, i, i + 1)

    def _employer_line(self, text: str, start: int, end: int) -> bool:
        """A company's name as a job line writes it: before a job title, a work mode, or its dates.

        * "Oracle — Principal Engineer", "GitHub, Inc. – Staff Engineer" (:meth:`_title_after`);
        * "GitHub, remote", "Stripe (hybrid)": a work mode after the name, in any case;
        * "Salesforce (2019 – 2022)", "Databricks, 2021 – present": dates after a name that opens its line;
        * "Slack Technologies, San Francisco", "Acme Labs |": a company word, then a place or a separator.
        """
        if self._title_after(text, start, end) or _WORK_MODE_AFTER.match(text, end):
            return True
        m = _COMPANY_WORD.match(text, end)
        if m is not None:
            c = text[m.end() : m.end() + 1]
            if c in ("", "\n") or c in SEPARATOR_CHARS and self._place_after(text, m.end()):
                return True
            if _TITLE_DASH.match(text, m.end()) or text.startswith((" |", "|"), m.end()):
                return True
        line_start = text.rfind("\n", 0, start) + 1
        return not text[line_start:start].strip(" \t•●·*-") and bool(_DATES_AFTER.match(text, end))

    def _title_after(self, text: str, start: int, end: int) -> bool:
        """ "Oracle — Principal Engineer", "GitHub, Inc. – Staff Engineer": a company opening a job line."""
        line_start = text.rfind("\n", 0, start) + 1
        if text[line_start:start].strip(" \t•●·*-"):
            return False
        pos = end
        m = _COMPANY_WORD.match(text, pos)
        if m:
            pos = m.end()
        m = _SUFFIX_AFTER.match(text, pos)
        if m and m.group(1).lower() in self._company_suffix_words:
            pos = m.end()
        m = _TITLE_DASH.match(text, pos)
        if m is None:
            return False
        line_end = text.find("\n", m.end())
        rest = text[m.end() : line_end if line_end >= 0 else len(text)][:80]
        return any(w.lower() in self._role_word_set for w in _WORD.findall(rest)[:5])
