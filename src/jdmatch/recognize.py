"""Recognize tools and skills in text with the lexicon compiled into spaCy matchers.

Two ``PhraseMatcher`` instances do the work: one over lower-cased tokens for the
plain forms (``Postgres``, ``k8s``, ``Node.js``), one over exact tokens for the
ambiguous forms (``Go``, ``Spring``, ``R``), which are then kept only where the
context is technical (see ``lexicon.toml``). Offsets always point into the text
as given: nothing is rewritten before tokenizing.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from jdmatch.lexicon import Entry, Lexicon, load_lexicon
from jdmatch.models import SkillMatch

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

# Bump when the tokenizer or the plural folding changes: compiled lexicons then rebuild.
TOKENIZER_VERSION = "3"
_SIMPLE_FORM = re.compile(r"^[A-Za-z]+(?: [A-Za-z]+)*$")
_VERSION_AFTER = re.compile(r" ?v?\d+(?:\.\d+)*(?:\.x)?\+?(?!\w|\.\w)|\+(?![\w+])", re.I)
_DURATION_AFTER = re.compile(r"\+?\s*(?:years?|yrs?|months?)\b", re.I)
_SENTENCE_END = frozenset({".", "!", "?"})
_SURROGATE = re.compile("[\ud800-\udfff]")
_LIST_WORDS = frozenset({"and", "or", "plus", "vs", "versus"})
# words joining the conjuncts of a coordination ("unit, integration and end-to-end tests")
_COORDINATORS = ("and", "or", "&", "/", ",", "nor", "plus")
# what stands between a job title, an employer and a place: "Developer, Facebook, Menlo Park"
_EMPLOYER_SEPARATORS = (",", "|", "-", "–", "—", "·", "•", "@", "(", "/")
_EMPLOYER_BEFORE = (*_EMPLOYER_SEPARATORS, "at", "At", "@")
_SEPARATOR_CHARS = frozenset(_EMPLOYER_SEPARATORS) - {""}
_SEP_CLASS = "[" + re.escape("".join(_EMPLOYER_SEPARATORS)) + "]"
# the capitalised words after a separator: "Menlo Park" in ", Menlo Park"; "Seattle" in " – Seattle, WA"
_CAPS_AFTER = re.compile(rf"[ \t]*{_SEP_CLASS}[ \t]*([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){{0,3}})(?![\w.'’-])(?=[ \t]*(?:$|[\r\n,;|()·•/–—-]|\d))", re.M)
_REGION_AFTER = re.compile(r"[ \t]*,[ \t]*([A-Z]{2})(?![\w])")
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_][\w.'’-]*)")
_SITE_HANDLE = re.compile(r"[ \t]*[:|/]")
_CONTACT = re.compile(r"@\w|https?://|www\.|\.(?:com|io|org|net|me|dev)\b|/in/|\+?\d[\d ().-]{7,}\d")
# labels whose names carry versions ("Java 17", "ITIL 4", "Angular 2+")
_VERSIONED_LABELS = frozenset({"language", "framework", "library", "database", "cloud", "tool", "platform", "protocol", "os",
                               "data_format", "certification"})
_TECH_LABELS = frozenset({"language", "framework", "library", "database", "cloud", "tool", "platform", "protocol", "os", "data_format"})
# skills that say nothing about the technical sense of a neighbouring ambiguous word
_NOT_TECHNICAL = frozenset({"soft_skill", "field", "degree", "spoken_language", "domain"})
# where the context of an ambiguous form ends: a sentence end or a blank line
_STOPS = re.compile(r"[.!?](?=\s|$)|\n[ \t]*\n")


# Lexeme attributes the recognizer reads; spaCy's other getters (like_url, shape,
# is_stop...) cost time for every new word and are left out of our private vocab.
_LEX_ATTRS = ("LOWER", "IS_ALPHA", "IS_DIGIT", "IS_LOWER", "IS_SPACE", "IS_TITLE", "IS_UPPER", "IS_PUNCT", "LIKE_NUM")
_PLURAL_IES = re.compile(r"^(?P<stem>[a-z]{4,})ies$")
_PLURAL_S = re.compile(r"^(?P<stem>[a-z]{5,}[^su])s$")
_ACRONYM_S = re.compile(r"^(?P<stem>[A-Z][A-Z0-9]{0,4}[A-Z])s$")
# the NORM of whitespace tokens: a name wrapped over two lines matches through LINE_BREAK
LINE_BREAK = "\n"
PARAGRAPH_BREAK = "\n\n"
# list bullets and separators written without spaces ("Java·Python", "•Go")
_BULLETS = "·•●▪■◦‣∙⋅►▸✓✔★◆♦"
_SHORT_PLURALS = {"tests": "test", "apis": "api", "sdks": "sdk", "dbs": "db", "apps": "app", "bots": "bot", "jobs": "job"}


def fold_plural(text: str) -> str:
    """The NORM of a token: lower case, plural folded to singular ("microservices" -> "microservice", "APIs" -> "api").

    Phrase patterns and document tokens both get this norm, so a lexicon form
    finds its plural without a second pattern. Words of five letters or fewer are
    left alone ("tries" must not become "trie").
    """
    if text.isspace():
        # one line break (with any spaces or tabs) may sit inside a wrapped name; a blank line may not
        return LINE_BREAK if max(text.count("\n"), text.count("\r")) <= 1 else PARAGRAPH_BREAK
    m = _ACRONYM_S.match(text)
    if m:
        return m.group("stem").lower()
    low = text.lower()
    short = _SHORT_PLURALS.get(low)
    if short:
        return short
    m = _PLURAL_IES.match(low)
    if m:
        return m.group("stem") + "y"
    m = _PLURAL_S.match(low)
    if m and not low.endswith(("ous", "ss", "is", "us")):
        return m.group("stem")
    return low


def make_tokenizer() -> Any:
    """spaCy's English tokenizer, adjusted for skill names and raw multi-line text.

    * whitespace-only special cases are dropped: they switch off the tokenizer
      cache for the rest of a document (about 20x slower on text with newlines)
      without changing a single token;
    * ``/``, ``(``, ``)``, ``|`` always split (``Java/Go``, ``API(s)``);
    * trailing version digits split from a word (``Python3`` -> ``Python 3``),
      so a version after a name reads the same with or without the space;
    * the vocab computes only the lexeme attributes jdmatch reads, and NORM folds
      plurals (see :func:`fold_plural`).
    """
    from spacy import attrs
    from spacy.lang.en import English
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex
    from spacy.vocab import Vocab

    defaults = English.Defaults
    getters = {getattr(attrs, name): fn for name, fn in _english_getters().items() if name in _LEX_ATTRS}
    getters[attrs.NORM] = fold_plural
    vocab = Vocab(lex_attr_getters=getters)
    # commas and semicolons split a list written without spaces ("Java,C#,C++"), not a number ("1,000")
    infixes = [*defaults.infixes, r"[/|()\[\]{}]", r"(?<!\d)[,;]|[,;](?!\d)", f"[{_BULLETS}]"]
    prefixes = [*defaults.prefixes, f"[{_BULLETS}]"]
    suffixes = [*defaults.suffixes, r"(?<=[A-Za-z])\d+(?:\.\d+)*$", r"(?<=[A-Z])\.$"]
    # single capitals with a period ("C.", "R.") are initials to spaCy; here they end
    # a sentence that names a language far more often than they abbreviate a name
    rules = {k: v for k, v in defaults.tokenizer_exceptions.items() if not k.isspace() and not re.fullmatch(r"[A-Z]\.", k)}
    return Tokenizer(
        vocab,
        rules=rules,
        prefix_search=compile_prefix_regex(prefixes).search,
        suffix_search=compile_suffix_regex(suffixes).search,
        infix_finditer=compile_infix_regex(infixes).finditer,
        token_match=defaults.token_match,
        url_match=defaults.url_match,
    )


def _english_getters() -> dict[str, Any]:
    from spacy.lang import lex_attrs
    from spacy.lang.en import lex_attrs as en_attrs

    return {
        "LOWER": lex_attrs.lower, "IS_ALPHA": lex_attrs.is_alpha, "IS_DIGIT": lex_attrs.is_digit,
        "IS_LOWER": lex_attrs.is_lower, "IS_SPACE": lex_attrs.is_space, "IS_TITLE": lex_attrs.is_title,
        "IS_UPPER": lex_attrs.is_upper, "IS_PUNCT": lex_attrs.is_punct, "LIKE_NUM": en_attrs.like_num,
    }


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the recognizer reads from one text: skill mentions and content-word counts."""

    matches: list[SkillMatch]
    words: Counter[str]
    text: str = ""


class SkillRecognizer:
    """Finds every mention of a lexicon skill in a text (build once, reuse)."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        from spacy.matcher import PhraseMatcher

        self.lexicon = lexicon if lexicon is not None else load_lexicon()
        self.tokenizer = make_tokenizer()
        strings = self.tokenizer.vocab.strings
        rules = self.lexicon.context
        self._cue_window = rules.cue_window
        self._neighbor_window = rules.neighbor_window
        self._entries: dict[int, Entry] = {}
        self._hyphen = strings.add("-")
        # One PhraseMatcher over NORM (lower case, plurals folded) holds every form.
        # Patterns go in as tuples of hashes, which PhraseMatcher takes as well as
        # Docs: skipping a Doc per form keeps a cold start short. Ambiguous forms sit
        # under a key of their own and are kept only when the exact spelling matches
        # (ORTH) and the context is technical. The first entry to claim a token
        # sequence owns it (`jdmatch lexicon check` reports such clashes).
        self._matcher = PhraseMatcher(self.tokenizer.vocab, attr="NORM")
        self._strict_keys: dict[int, tuple[int, frozenset[tuple[int, ...]]]] = {}
        # cue words (lower-case hashes): for every ambiguous form, and per entry
        self._cues = frozenset(strings.add(c) for c in rules.cues)
        self._strong_cues = frozenset(strings.add(c) for c in rules.strong_cues)
        self._entry_cues: dict[int, frozenset[int]] = {}
        # A name may wrap at a line break ("Natural\nLanguage Processing"): every multi-word
        # form also matches with one LINE_BREAK token in any of its gaps. PhraseMatcher's
        # speed does not depend on the number of patterns, so this costs nothing per text.
        brk = strings.add(LINE_BREAK)
        # plain forms by their NORM hashes, for the words a coordination leaves out
        self._forms: dict[tuple[int, ...], int] = {}
        for entry_id, plain, strict_norms, exact in self._patterns():
            key = strings.add(entry_id)
            if plain:
                self._matcher.add(entry_id, _with_breaks(plain, brk))
                for form in plain:
                    self._forms.setdefault(form, key)
            if exact:
                strict_key = "~" + entry_id
                self._matcher.add(strict_key, _with_breaks(strict_norms, brk))
                self._strict_keys[strings.add(strict_key)] = (key, frozenset(map(tuple, exact)))
        for entry in self.lexicon.entries:
            key = strings.add(entry.id)
            self._entries[key] = entry
            if entry.cues:
                self._entry_cues[key] = frozenset(strings.add(c) for c in entry.cues)
        # names that are context, not skills: employers, places, contact lines (lexicon.toml)
        self._employers = frozenset(strings.add(i) for i in rules.employers)
        self._profile_sites = frozenset(strings.add(i) for i in rules.profile_sites)
        self._technical_sense = frozenset(strings.add(i) for i in rules.technical_sense)
        self._role_words = frozenset(strings.add(w.lower()) for w in rules.role_words)
        self._technical_words = frozenset(strings.add(w.lower()) for w in rules.technical_words)
        self._places = frozenset(w.lower() for w in rules.places)
        self._region_codes = frozenset(rules.region_codes)
        self._coordinators = frozenset(strings.add(w) for w in _COORDINATORS)
        self._conjunctions = self._coordinators - {strings.add(",")}
        # a coordination can lend a head (last word) or a modifier (first word) that two forms share
        ends: Counter[int] = Counter(f[-1] for f in self._forms if len(f) > 1)
        starts: Counter[int] = Counter(f[0] for f in self._forms if len(f) > 1)
        self._shared_heads = frozenset(h for h, c in ends.items() if c > 1)
        self._shared_modifiers = frozenset(h for h, c in starts.items() if c > 1)
        # the word a conjunct must end with (before a shared head) or start with (after a shared modifier)
        before_head: dict[int, set[int]] = {}
        after_modifier: dict[int, set[int]] = {}
        for f in self._forms:
            if len(f) > 1:
                if f[-1] in self._shared_heads:
                    before_head.setdefault(f[-1], set()).add(f[-2])
                if f[0] in self._shared_modifiers:
                    after_modifier.setdefault(f[0], set()).add(f[1])
        self._before_head = {k: frozenset(v) for k, v in before_head.items()}
        self._after_modifier = {k: frozenset(v) for k, v in after_modifier.items()}
        # entries with a multi-word form that could lend a head or a modifier (the rest skip the check)
        self._lending_keys = frozenset(k for f, k in self._forms.items() if len(f) > 1 and (f[-1] in self._shared_heads or f[0] in self._shared_modifiers))
        self._company_suffix_words = frozenset(w.lower() for w in rules.company_suffixes)
        self._program_word_set = frozenset(w.lower() for w in rules.program_words)
        self._benefit_word_set = frozenset(w.lower() for w in rules.benefit_words)
        self._ordinary_after = frozenset(fold_plural(w.lower()) for w in rules.ordinary_after)
        self._employer_seps = frozenset(strings.add(w) for w in _EMPLOYER_SEPARATORS)
        self._at = frozenset(strings.add(w) for w in ("at", "@"))
        self._comma = strings.add(",")
        self._special_keys = self._employers | self._profile_sites | self._technical_sense | frozenset(
            k for k, en in self._entries.items() if en.label in ("degree", "domain", "field"))

    def _patterns(self) -> list[tuple[str, list[tuple[int, ...]], list[tuple[int, ...]], list[tuple[int, ...]]]]:
        """(entry id, plain NORM hash tuples, ambiguous NORM hash tuples, ambiguous ORTH hash tuples) per entry.

        Read from the lexicon's ``compiled.json`` when it was made from exactly these
        files (see :func:`compile_patterns`), else computed from the forms.
        """
        from jdmatch.lexicon import compiled_data

        data = compiled_data(self.lexicon)
        if data is not None and data.get("tokenizer") == TOKENIZER_VERSION:
            return [(row[0], [tuple(t) for t in row[1]], [tuple(t) for t in row[2]], [tuple(t) for t in row[3]]) for row in data["patterns"]]
        patterns = self._compute_patterns()
        if self.lexicon.overlays:  # a user's extra lexicon: cache what was just computed for the next start
            from jdmatch.lexicon import store_overlay

            store_overlay(self.lexicon, TOKENIZER_VERSION, patterns)
        return patterns

    def _compute_patterns(self) -> list[tuple[str, list[tuple[int, ...]], list[tuple[int, ...]], list[tuple[int, ...]]]]:
        # The first entry to claim a token sequence owns it (`jdmatch lexicon check` reports clashes).
        from spacy.strings import hash_string

        seen_plain: set[tuple[str, ...]] = set()
        seen_strict: set[tuple[str, ...]] = set()
        out = []
        for entry in self.lexicon.entries:
            plain = []
            for form in entry.plain_forms:
                norms = tuple(fold_plural(t) for t in self.form_tokens(form))
                variants = [norms]
                if len(norms) > 1 and not any(c.isspace() for c in form):
                    # "C#" is two tokens alone but one inside a list split at commas ("Go,C#,C++")
                    variants.append((fold_plural(form),))
                for v in variants:
                    if v and v not in seen_plain:
                        seen_plain.add(v)
                        plain.append(tuple(hash_string(n) for n in v))
            strict_norms = []
            exact = []
            for form in entry.ambiguous:
                tokens = tuple(self.form_tokens(form))
                norms = tuple(fold_plural(t) for t in tokens)
                if tokens and tokens not in seen_strict and norms not in seen_plain:
                    seen_strict.add(tokens)
                    strict_norms.append(tuple(hash_string(n) for n in norms))
                    exact.append(tuple(hash_string(t) for t in tokens))
            if plain or exact:
                out.append((entry.id, plain, strict_norms, exact))
        return out

    def compile_patterns(self) -> dict[str, object]:
        """The compiled form of this lexicon (entries and patterns), for ``<lexicon>/compiled.json``."""
        from jdmatch.lexicon import COMPILED_VERSION, compiled_entries

        return {
            "format": COMPILED_VERSION,
            "tokenizer": TOKENIZER_VERSION,
            "lexicon_fingerprint": self.lexicon.fingerprint(),
            "entries": compiled_entries(self.lexicon),
            "patterns": [[eid, [list(t) for t in p], [list(t) for t in sn], [list(t) for t in ex]] for eid, p, sn, ex in self._compute_patterns()],
        }

    def form_tokens(self, form: str) -> list[str]:
        """The tokens of a lexicon form, exactly as the tokenizer splits text.

        Plain words separated by single spaces split on the spaces (unless a word is
        a tokenizer special case such as "cannot"); anything else goes through the
        tokenizer. Both give the same tokens; the first costs no Doc.
        """
        if _SIMPLE_FORM.match(form):
            words = form.split(" ")
            if not any(w in self._special for w in words):
                return words
        return [t.text for t in self.tokenizer(form) if not t.is_space]

    @property
    def _special(self) -> frozenset[str]:
        special = getattr(self, "_special_cache", None)
        if special is None:
            special = self._special_cache = frozenset(self.tokenizer.rules)
        return special

    # -- recognition -----------------------------------------------------------------

    def recognize(self, text: str) -> list[SkillMatch]:
        """Every skill mention in ``text``, in order; overlapping candidates resolved longest-first."""
        return self._matches(self._tokenize(text), text)

    def _tokenize(self, text: str) -> Doc:
        # spaCy cannot hash a lone surrogate; one U+FFFD each keeps every offset where it was
        if _SURROGATE.search(text):
            text = _SURROGATE.sub("\ufffd", text)
        return self.tokenizer(text)

    def analyze(self, text: str) -> Analysis:
        """Skill mentions plus the content words around them, from one tokenization.

        Content words are the alphabetic tokens of three letters or more that are
        not stop words and not part of a skill mention, as NORM (lower case,
        plurals folded); the scorer uses them next to the skill ids.
        """
        import numpy as np
        from spacy.attrs import IS_ALPHA, LENGTH, NORM

        doc = self._tokenize(text)
        taken = bytearray(len(doc))  # every token that could be a skill name, kept or not
        matches = self._matches(doc, text, taken, mark_all=True)
        words: Counter[str] = Counter()
        if len(doc):
            rows = doc.to_array([NORM, IS_ALPHA, LENGTH])
            keep = (rows[:, 1] == 1) & (rows[:, 2] >= 3) & (np.frombuffer(bytes(taken), dtype=np.uint8) == 0)
            strings = self.tokenizer.vocab.strings
            stop = self._stop_hashes
            for h, c in Counter(rows[keep, 0].tolist()).items():
                if h not in stop:
                    words[strings[h]] = c
        return Analysis(matches, words, text)

    @property
    def _stop_hashes(self) -> frozenset[int]:
        stop = getattr(self, "_stop_cache", None)
        if stop is None:
            from spacy.lang.en.stop_words import STOP_WORDS

            strings = self.tokenizer.vocab.strings
            stop = self._stop_cache = frozenset(strings.add(fold_plural(w)) for w in STOP_WORDS)
        return stop

    def _matches(self, doc: Doc, text: str, taken: bytearray | None = None, *, mark_all: bool = False) -> list[SkillMatch]:
        found = self._matcher(doc)
        if not found:
            return []
        if mark_all and taken is not None:
            # a skill name is never a content word, even where its context rejects it
            for _, s, e in found:
                taken[s:e] = b"\x01" * (e - s)
            taken = None
        candidates = []
        strict = []
        strict_keys = self._strict_keys
        for key, s, e in found:
            spec = strict_keys.get(key)
            if spec is None:
                candidates.append((key, s, e))
            elif ((doc[s].orth,) if e - s == 1 else tuple(t.orth for t in doc[s:e] if not t.is_space)) in spec[1]:
                strict.append((spec[0], s, e))
        confirmed = self._confirm(doc, text, strict, candidates) if strict else []
        candidates += confirmed
        ambiguous = set(confirmed)
        # longest first, then leftmost; plain before ambiguous on equal spans (stable sort)
        candidates.sort(key=_longest_first)
        base = bytes(taken) if taken is not None else bytes(len(doc))
        special = self._special_keys
        rejected: set[tuple[int, int, int]] = set()
        while True:
            taken = bytearray(base)
            chosen = []
            for cand in candidates:
                key, s, e = cand
                if any(taken[s:e]) or (rejected and cand in rejected):
                    continue
                taken[s:e] = b"\x01" * (e - s)
                chosen.append((s, e, key))
            chosen.sort()
            spans = []
            again = False
            for s, e, key in chosen:
                start = doc[s].idx
                last = doc[e - 1]
                end = last.idx + len(last)
                # names that are context, not skills: a look at the next character first (cheap)
                c = text[end:end + 1]
                if c == " ":
                    c = text[end + 1:end + 2]
                if ((key in special or c in _SEPARATOR_CHARS or c.isupper()) and self._context_only(doc, text, key, s, e, start, end, c, chosen)
                        or ambiguous and (key, s, e) in ambiguous and self._ordinary_sense(text, start, end, c)):
                    rejected.add((key, s, e))
                    again = True  # a shorter name inside may still be a skill ("Asynchronous" of "Asynchronous communication")
                    continue
                spans.append((start, end, key, s, e))
            if not again:
                break
        entries = self._entries
        degrees = [(s, e) for _, _, k, s, e in spans if entries[k].label == "degree" and e - s > 1]
        if degrees:
            # "Bachelor's degree in Finance": the word "degree" is shared with the field form "degree in finance"
            for k2, s2, e2 in candidates:
                if entries[k2].label != "field":
                    continue
                shared = next((e1 for s1, e1 in degrees if s1 < s2 < e1 < e2), None)
                if shared is not None and not any(taken[shared:e2]):
                    e1 = shared
                    while e1 < e2 - 1 and doc[e1].lower_ in ("in", "of", "the", "a"):
                        e1 += 1  # the mention is the field's own words: "Finance" of "degree in Finance"
                    taken[e1:e2] = b"\x01" * (e2 - e1)
                    last = doc[e2 - 1]
                    spans.append((doc[e1].idx, last.idx + len(last), k2, e1, e2))
            spans.sort()
        lending = self._lending_keys
        if any(k in lending and e - s > 1 for _, _, k, s, e in spans):
            spans = self._elided(doc, text, spans, strict, ambiguous)
        out = []
        entries = self._entries
        for i, (start, end, key, _, _) in enumerate(spans):
            entry = entries[key]
            if entry.label in _VERSIONED_LABELS:  # "Java 17", but not "Agile 10 person team"
                end = _extend_version(text, end, spans[i + 1][0] if i + 1 < len(spans) else len(text))
            out.append(SkillMatch(entry.id, entry.name, entry.label, entry.category, start, end, text[start:end]))
        return out

    def _confirm(self, doc: Doc, text: str, strict: list[tuple[int, int, int]], plain: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
        """Keep the ambiguous candidates that stand in technical context."""
        w = self._cue_window
        n = len(doc)
        cues = self._cues
        confirmed: list[tuple[int, int, int]] = []
        pending: list[tuple[int, int, int]] = []
        # where a technical name ends: the word before a form that is one makes a list, not a proper name
        entries = self._entries
        skill_ends = {e for k, _, e in plain if entries[k].label in _TECH_LABELS} | {e for _, _, e in strict}
        for key, s, e in strict:
            if self._in_compound(doc, s, e):
                continue  # "C-suite", "go-live", "Self-scheduling"
            own = self._entry_cues.get(key, frozenset())
            if e + 1 < n and doc[e].lower_ in ("in", "of") and doc[e + 1].is_title and self._entries[key].label == "degree":
                confirmed.append((key, s, e))  # "MA in Economics", "BS in Physics"
                continue
            if self._prose_start(doc, s, e):
                # "Go to the page", "Express your interest": only a cue right beside it ("Go developers")
                # or a strong one in the window ("Go is part of our stack") helps
                strong = self._strong_cues
                if any((h := doc[i].lower) in cues or h in own for i in (s - 1, e) if 0 <= i < n) or any(
                        doc[i].lower in strong for i in range(e, min(n, e + w))):
                    confirmed.append((key, s, e))
                continue
            if any((h := doc[i].lower) in cues or h in own for i in (*range(max(0, s - w), s), *range(e, min(n, e + w)))):
                confirmed.append((key, s, e))
            elif self._in_proper_name(doc, s) and s not in skill_ends:
                continue  # "Adobe Express", "Orient Express": need a cue (but "Maven Jenkins", "Python Java" is a list)
            else:
                pending.append((key, s, e))
        if not pending:
            return confirmed
        # neighbours: recognized skills close by in the same sentence; two rounds so that
        # "Languages: Java, Python, Go" spreads from the confirmed one to the rest
        stops = [m.start() for m in _STOPS.finditer(text)]
        entries = self._entries
        # only technical skills vouch for a neighbour: "Grade C in chemistry" is not about C
        anchors = sorted({(s, e) for k, s, e in plain if entries[k].label not in _NOT_TECHNICAL})
        # three or more ambiguous names close together vouch for each other: "Java, Python, Go"
        others = [(o[1], o[2]) for o in pending]
        mutual = [c for c in pending if sum(1 for o in others if o != (c[1], c[2]) and self._has_neighbor(doc, c[1], c[2], [o], stops)) >= 2]
        confirmed.extend(mutual)
        pending = [c for c in pending if c not in mutual]
        for _ in range(2):
            spans = anchors + [(s, e) for _, s, e in confirmed]
            still = []
            for cand in pending:
                if self._has_neighbor(doc, cand[1], cand[2], spans, stops):
                    confirmed.append(cand)
                else:
                    still.append(cand)
            if not still or len(still) == len(pending):
                break
            pending = still
        return confirmed

    # -- coordination ------------------------------------------------------------------

    def _elided(self, doc: Doc, text: str, spans: list[tuple[int, int, int, int, int]], strict: list[tuple[int, int, int]],
                confirmed: set[tuple[int, int, int]]) -> list[tuple[int, int, int, int, int]]:
        """Add the skills named through a coordination that shares a head or a modifier with a kept name.

        "unit, integration and end-to-end tests": the name "end-to-end tests" lends its
        head "tests" to "unit" and "integration", which are kept when "unit tests" and
        "integration tests" are lexicon forms; "continuous integration and delivery"
        lends the modifier "continuous" to "delivery". The new mention's span covers
        the conjunct's own words only (text[start:end] is what the text says). A
        coordination ends in "and", "or", "&" or "/" right next to the name (commas
        only extend it). Words a plain name holds are left alone; a conjunct may take
        the place of an ambiguous word for a shared head ("Batch and stream processing"
        is batch processing, not a batch file), never for a shared modifier, which is
        mostly a vendor or a family name ("Spring Boot and Kafka" is Kafka).
        """
        lending, heads, modifiers = self._lending_keys, self._shared_heads, self._shared_modifiers
        before_head, after_modifier, comma = self._before_head, self._after_modifier, self._comma
        seeds = []
        for start, end, k, s, e in spans:
            if e - s < 2 or k not in lending:
                continue
            left = right = False
            c1 = text[start - 1:start]
            if s >= 2 and (c1 == "/" or c1 == " " and text[start - 2:start - 1] in "dr&/s") and _conj_before(text, start):
                # the conjunct's last word must end a form with this head: "unit" before "tests"
                h = doc[e - 1].norm
                prev = doc[s - 2]
                left = h in heads and (prev.norm in before_head.get(h, ()) or prev.text.endswith("-") or (s >= 3 and prev.orth == comma))
            c1 = text[end:end + 1]
            if e + 1 < len(doc) and (c1 == "/" or c1 == " " and text[end + 1:end + 2] in "ao&/np") and _conj_after(text, end):
                mod = doc[s].norm
                right = mod in modifiers and (doc[e + 1].norm in after_modifier.get(mod, ()) or doc[e + 1].orth == comma)
            if left or right:
                seeds.append((s, e, left, right))
        if not seeds:
            return spans
        n = len(doc)
        coordinators = self._coordinators
        covered = bytearray(n)  # tokens of kept plain names
        ambiguous: dict[tuple[int, int], int] = {}  # kept ambiguous names, which a shared head may replace
        for _, _, k, s, e in spans:
            if (k, s, e) in confirmed:
                ambiguous[(s, e)] = k
            else:
                covered[s:e] = b"\x01" * (e - s)
        held = bytearray(covered)  # ... and every ambiguous form, kept or not
        for _, s, e in strict:
            held[s:e] = b"\x01" * (e - s)
        forms = self._forms
        hyphen = self._hyphen
        strings = self.tokenizer.vocab.strings
        word_cache: dict[int, tuple[bool, bool, int]] = {}

        def word(i: int) -> tuple[bool, bool, int]:
            """(is a coordinator, is a conjunct word, NORM): a conjunct word is no space, no punctuation (but a hyphen)."""
            w = word_cache.get(i)
            if w is None:
                t = doc[i]
                coord = t.orth in coordinators
                norm = t.norm
                if len(t.text) > 1 and t.text.endswith("-"):  # a suspended hyphen: "unit- and integration tests"
                    norm = strings.add(fold_plural(t.text[:-1]))
                w = word_cache[i] = (coord, not coord and (t.orth == hyphen or not (t.is_space or t.is_punct)), norm)
            return w

        hits: list[tuple[int, int, int]] = []
        for s, e, left, right in seeds:
            if left:
                head = doc[e - 1].norm
                j = s - 1
                while True:  # leftwards: "X, Y and <Z head>"
                    sep = j
                    while j >= 0 and word(j)[0]:
                        j -= 1
                    if j == sep or j < 0:
                        break
                    end = j + 1
                    k = j
                    while k >= 0 and end - k <= 5 and word(k)[1]:
                        k -= 1
                    hit = None
                    for a in range(k + 1, end):
                        key = forms.get((*(word(i)[2] for i in range(a, end)), head))
                        if key is not None and not any(covered[a:end]) and (not any(held[a:end]) or (a, end) in ambiguous):
                            hit = (key, a, end)
                            break
                    if hit is None:
                        break
                    hits.append(hit)
                    ambiguous.pop((hit[1], hit[2]), None)
                    covered[hit[1]:hit[2]] = held[hit[1]:hit[2]] = b"\x01" * (hit[2] - hit[1])
                    j = hit[1] - 1
            if right:
                modifier = doc[s].norm
                j = e
                while True:  # rightwards: "<modifier Y> and Z"
                    sep = j
                    while j < n and word(j)[0]:
                        j += 1
                    if j == sep or j >= n:
                        break
                    hit = None
                    for b in range(min(n, j + 3), j, -1):
                        if not all(word(i)[1] for i in range(j, b)):
                            continue
                        key = forms.get((modifier, *(word(i)[2] for i in range(j, b))))
                        if key is not None and not any(held[j:b]):
                            hit = (key, j, b)
                            break
                    if hit is None:
                        break
                    hits.append(hit)
                    covered[hit[1]:hit[2]] = held[hit[1]:hit[2]] = b"\x01" * (hit[2] - hit[1])
                    j = hit[2]
        if not hits:
            return spans
        replaced = {(s, e) for _, s, e in hits}
        out = [sp for sp in spans if (sp[3], sp[4]) not in replaced]
        for key, s, e in hits:
            last = doc[e - 1]
            end = last.idx + len(last) - (1 if len(last.text) > 1 and last.text.endswith("-") else 0)  # "unit" of "unit-"
            out.append((doc[s].idx, end, key, s, e))
        out.sort()
        return out

    # -- names that are context, not skills -----------------------------------------------

    def _context_only(self, doc: Doc, text: str, key: int, s: int, e: int, start: int, end: int, c: str, chosen: list[tuple[int, int, int]]) -> bool:
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
        # ``c``: the first character after the name and at most one space
        if c in _SEPARATOR_CHARS and self._place_after(text, end):
            return True
        entry = self._entries[key]
        label = entry.label
        nw = ""
        if c.isupper() or label in ("degree", "domain", "field"):
            m = _NEXT_WORD.match(text, end)
            if m is not None:
                nw = m.group(1).lower()
                if nw in self._company_suffix_words and m.group(1)[0].isupper():
                    return True
        if label == "degree" and nw in self._program_word_set:
            return True  # "PhD student", "PhD scholarship", "MSc programme": the post or a programme, not a degree held
        if label in ("domain", "field"):
            before = text[max(0, start - 30):start].split()
            if nw in self._benefit_word_set or (before and before[-1].lower() in self._benefit_word_set and start > 0 and text[start - 1] in " \t"):
                return True  # "private healthcare", "Healthcare and Insurance Plans" are benefits
        n = len(doc)
        if key in self._employers and s >= 2 and text[max(0, start - 4):start].rstrip(" \t").endswith(_EMPLOYER_BEFORE):
            prev = doc[s - 1]
            if "\n" not in prev.whitespace_:
                before = doc[s - 2]
                if prev.orth in self._at and before.norm in self._role_words:
                    return True
                if prev.orth in self._employer_seps and before.norm in self._role_words and not before.is_lower:
                    return True
        if key in self._profile_sites:
            if _SITE_HANDLE.match(text, end):
                return True
            lo = text.rfind("\n", 0, start) + 1
            hi = text.find("\n", start)
            if _CONTACT.search(text, lo, hi if hi >= 0 else len(text)):
                return True
        if label == "degree" and e - s == 1 and text[start:end] in self._region_codes:
            nxt = doc[e] if e < n else None
            if s >= 2 and doc[s - 1].orth == self._comma and doc[s - 2].is_title and doc[s - 2].is_alpha:
                if nxt is None or "\n" in doc[s].whitespace_ or nxt.is_space or nxt.is_punct or nxt.like_num:
                    return True
        if key in self._technical_sense:
            tw = self._technical_words
            nxt = doc[e] if e < n else None
            if s >= 1 and doc[s - 1].norm in tw:
                return True
            if nxt is not None and nxt.norm in tw:
                return True
            if nxt is not None and nxt.lower_ in ("between", "with", "among", "across", "from", "to", "via", "over"):
                for i in range(e + 1, min(n, e + 7)):
                    t = doc[i]
                    if t.text in _SENTENCE_END or t.norm_ == PARAGRAPH_BREAK:
                        break
                    if t.norm in tw:
                        return True
                entries = self._entries
                if any(e < a <= e + 6 and entries[k].label in _TECH_LABELS for a, _, k in chosen):
                    return True
        return False

    def _ordinary_sense(self, text: str, start: int, end: int, c: str) -> bool:
        """An ambiguous form read in its ordinary sense after all: "Java coffee", "English breakfast", "C1" (a language level)."""
        if text[end:end + 1] in ("1", "2") and text[start:end] in ("A", "B", "C"):
            return True
        if c.islower():
            m = _NEXT_WORD.match(text, end)
            return m is not None and fold_plural(m.group(1).lower()) in self._ordinary_after
        return False

    def _place_after(self, text: str, end: int) -> bool:
        """", Menlo Park", " – Seattle, WA", ", Cambridge, MA 02139" right after ``end``: an employer's or an address line."""
        m = _CAPS_AFTER.match(text, end)
        if m is None:
            return False
        words = m.group(1)
        if words.lower() in self._places:
            return True
        # "<City>, <STATE>": up to three capitalised words, a comma and a state code
        r = _REGION_AFTER.match(text, m.end(1))
        return r is not None and r.group(1) in self._region_codes and words.count(" ") + words.count("\t") <= 2

    def _has_neighbor(self, doc: Doc, s: int, e: int, spans: Iterable[tuple[int, int]], stops: list[int]) -> bool:
        """A recognized skill within the neighbour window, with no sentence end or blank line between."""
        w = self._neighbor_window
        for a, b in spans:
            if b <= s and a >= s - w:
                lo, hi = doc[b - 1].idx, doc[s].idx
            elif a >= e and b <= e + w:
                lo, hi = doc[e - 1].idx, doc[a].idx
            else:
                continue
            k = bisect_left(stops, lo)
            if k == len(stops) or stops[k] >= hi:
                return True
        return False

    def _in_compound(self, doc: Doc, s: int, e: int) -> bool:
        """The form is glued by a hyphen to a word before or after it ("C-suite", "go-live")."""
        hyphen = self._hyphen
        n = len(doc)
        if e + 1 < n and doc[e].orth == hyphen and not doc[e - 1].whitespace_ and not doc[e].whitespace_ and doc[e + 1].is_alpha:
            return True
        return s >= 2 and doc[s - 1].orth == hyphen and not doc[s - 2].whitespace_ and not doc[s - 1].whitespace_ and doc[s - 2].is_alpha

    @staticmethod
    def _in_proper_name(doc: Doc, s: int) -> bool:
        """A capitalised word right before the form, itself mid-sentence: "Adobe Express", "Orient Express"."""
        if s < 2:
            return False
        prev = doc[s - 1]
        if not (prev.is_title and prev.is_alpha) or "\n" in prev.whitespace_:
            return False
        before = doc[s - 2]
        return not (before.is_space or before.text in _SENTENCE_END or before.is_punct and before.text in {":", "(", "-", "•"})

    @staticmethod
    def _prose_start(doc: Doc, s: int, e: int) -> bool:
        """A capitalised form opening a sentence and followed by a lower-case word reads as prose."""
        i = s - 1
        while i >= 0 and doc[i].is_space:
            i -= 1
        if i >= 0 and doc[i].text not in _SENTENCE_END:
            # a line break between the previous word and the form also starts a sentence
            if "\n" not in doc[i].whitespace_ and not any("\n" in t.text for t in doc[i + 1:s]):
                return False
        nxt = doc[e] if e < len(doc) else None
        return nxt is not None and nxt.is_lower and nxt.is_alpha and nxt.lower_ not in _LIST_WORDS


def _conj_before(text: str, start: int) -> bool:
    """A conjunction ends right before ``start``: "unit and |integration", "unit/|integration"."""
    pre = text[max(0, start - 6):start]
    return pre[-5:] in (" and ", " nor ") or pre[-4:] == " or " or pre[-3:] in (" & ", " / ") or pre[-1:] == "/" or pre == " plus "


def _conj_after(text: str, end: int) -> bool:
    """A conjunction starts right after ``end``: "integration| and delivery"."""
    post = text[end:end + 6]
    return post[:5] in (" and ", " nor ") or post[:4] == " or " or post[:3] in (" & ", " / ") or post[:1] == "/" or post == " plus "


def _with_breaks(forms: list[tuple[int, ...]], brk: int) -> list[tuple[int, ...]]:
    """The forms, plus each multi-word form with one line break in each of its gaps."""
    out = list(forms)
    for form in forms:
        for i in range(1, len(form)):
            out.append((*form[:i], brk, *form[i:]))
    return out


def _longest_first(candidate: tuple[int, int, int]) -> tuple[int, int]:
    return candidate[1] - candidate[2], candidate[1]


def _extend_version(text: str, end: int, limit: int) -> int:
    """Take a version number after a name into the mention ("Java 17", "Python3", "Python 3.11+")."""
    m = _VERSION_AFTER.match(text, end, limit)
    if m is None or _DURATION_AFTER.match(text, m.end()):
        return end  # no version, or "Java 5 years": a duration
    return m.end()


def implied_skills(matches: Iterable[SkillMatch], lexicon: Lexicon) -> dict[str, tuple[str, ...]]:
    """For every skill the mentions imply (following ``implies`` transitively), the mentioned ids that imply it.

    "Spring Boot" implies Spring and Java; "MERN stack" implies MongoDB, Express,
    React, Node.js and, through them, JavaScript. A skill both mentioned and
    implied appears too. Recognition itself returns mentions only; this is for
    showing (``jdmatch skills``) what scoring counts through ``implies``.
    """
    by_id = lexicon.by_id()
    out: dict[str, list[str]] = {}
    for source in dict.fromkeys(m.id for m in matches):
        seen = {source}
        stack = list(by_id[source].implies) if source in by_id else []
        while stack:
            target = stack.pop()
            if target in seen:
                continue
            seen.add(target)
            out.setdefault(target, []).append(source)
            if target in by_id:
                stack.extend(by_id[target].implies)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def default_recognizer() -> SkillRecognizer:
    """The recognizer over the shipped lexicon, built once per process."""
    return SkillRecognizer()
