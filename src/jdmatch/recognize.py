"""Recognize tools and skills in text with the lexicon compiled into spaCy matchers.

Two ``PhraseMatcher`` instances do the work: one over lower-cased tokens for the
plain forms (``Postgres``, ``k8s``, ``Node.js``), one over exact tokens for the
ambiguous forms (``Go``, ``Spring``, ``R``), which are then kept only where the
context is technical (see ``lexicon.toml``). Offsets always point into the text
as given: nothing is rewritten before tokenizing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from jdmatch.lexicon import Entry, Lexicon, load_lexicon
from jdmatch.models import Document, SkillMatch

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

_SIMPLE_FORM = re.compile(r"^[A-Za-z]+(?: [A-Za-z]+)*$")
_VERSION = re.compile(r"^v?\d+(?:\.\d+)*(?:\.x)?$", re.I)
_SENTENCE_END = frozenset({".", "!", "?"})
_YEARS = frozenset({"year", "years", "yrs", "yr", "months", "month"})


# Lexeme attributes the recognizer reads; spaCy's other getters (like_url, shape,
# is_stop...) cost time for every new word and are left out of our private vocab.
_LEX_ATTRS = ("LOWER", "IS_ALPHA", "IS_DIGIT", "IS_LOWER", "IS_SPACE", "IS_TITLE", "IS_UPPER", "IS_PUNCT", "LIKE_NUM")
_PLURAL_IES = re.compile(r"^(?P<stem>[a-z]{4,})ies$")
_PLURAL_S = re.compile(r"^(?P<stem>[a-z]{5,}[^su])s$")
_ACRONYM_S = re.compile(r"^(?P<stem>[A-Z][A-Z0-9]{1,5})s$")
_SHORT_PLURALS = {"tests": "test", "apis": "api", "sdks": "sdk", "dbs": "db", "apps": "app", "bots": "bot", "jobs": "job"}


def fold_plural(text: str) -> str:
    """The NORM of a token: lower case, plural folded to singular ("microservices" -> "microservice", "APIs" -> "api").

    Phrase patterns and document tokens both get this norm, so a lexicon form
    finds its plural without a second pattern. Words of five letters or fewer are
    left alone ("tries" must not become "trie").
    """
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
    infixes = [*defaults.infixes, r"[/|()\[\]{}]", r"(?<=[a-z])[,;](?=[A-Za-z])"]
    suffixes = [*defaults.suffixes, r"(?<=[A-Za-z])\d+(?:\.\d+)*$"]
    return Tokenizer(
        vocab,
        rules={k: v for k, v in defaults.tokenizer_exceptions.items() if not k.isspace()},
        prefix_search=compile_prefix_regex(defaults.prefixes).search,
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


class SkillRecognizer:
    """Finds every mention of a lexicon skill in a text (build once, reuse)."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        from spacy.matcher import PhraseMatcher

        self.lexicon = lexicon if lexicon is not None else load_lexicon()
        self.tokenizer = make_tokenizer()
        strings = self.tokenizer.vocab.strings
        rules = self.lexicon.context
        self._cues = rules.cues
        self._cue_window = rules.cue_window
        self._neighbor_window = rules.neighbor_window
        self._entries: dict[int, Entry] = {}
        self._entry_cues: dict[int, frozenset[str]] = {}
        # Patterns go in as tuples of attribute hashes (NORM for plain forms, ORTH for
        # ambiguous ones): PhraseMatcher takes those as well as Docs, and skipping a Doc
        # per form is what keeps a cold start short. The first entry to claim a token
        # sequence owns it (`jdmatch lexicon check` reports such clashes).
        self._plain = PhraseMatcher(self.tokenizer.vocab, attr="NORM")
        self._strict = PhraseMatcher(self.tokenizer.vocab, attr="ORTH")
        seen_plain: set[tuple[str, ...]] = set()
        seen_strict: set[tuple[str, ...]] = set()
        for entry in self.lexicon.entries:
            key = strings.add(entry.id)
            self._entries[key] = entry
            self._entry_cues[key] = frozenset(entry.cues)
            plain = []
            for form in entry.plain_forms:
                norms = tuple(fold_plural(t) for t in self.form_tokens(form))
                if norms and norms not in seen_plain:
                    seen_plain.add(norms)
                    plain.append(tuple(strings.add(n) for n in norms))
            if plain:
                self._plain.add(entry.id, plain)
            strict = []
            for form in entry.ambiguous:
                tokens = tuple(self.form_tokens(form))
                if tokens and tokens not in seen_strict and tuple(fold_plural(t) for t in tokens) not in seen_plain:
                    seen_strict.add(tokens)
                    strict.append(tuple(strings.add(t) for t in tokens))
            if strict:
                self._strict.add(entry.id, strict)

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
        doc = self.tokenizer(text)
        return list(self._matches(doc, text))

    def _matches(self, doc: Doc, text: str) -> Iterator[SkillMatch]:
        n = len(doc)
        if n == 0:
            return
        plain = self._plain(doc)
        strict = self._strict(doc)
        if strict:
            strict = self._confirm(doc, strict, plain)
        candidates = plain + strict
        # longest first, then leftmost; plain before ambiguous on equal spans
        candidates.sort(key=lambda c: (c[1] - c[2], c[1]))
        taken = bytearray(n)
        chosen = []
        for key, s, e in candidates:
            if any(taken[s:e]):
                continue
            taken[s:e] = b"\x01" * (e - s)
            chosen.append((s, e, key))
        chosen.sort()
        for s, e, key in chosen:
            e = self._extend_version(doc, e, taken)
            entry = self._entries[key]
            start = doc[s].idx
            last = doc[e - 1]
            end = last.idx + len(last.text)
            yield SkillMatch(entry.id, entry.name, entry.label, entry.category, start, end, text[start:end])

    def _extend_version(self, doc: Doc, end: int, taken: bytearray) -> int:
        """Take a version number that follows a name into the mention ("Java 17", "Python3")."""
        if end >= len(doc) or taken[end]:
            return end
        tok = doc[end]
        if not _VERSION.match(tok.text):
            return end
        after = doc[end + 1] if end + 1 < len(doc) else None
        if after is not None and (after.lower_ in _YEARS or (after.text == "+" and end + 2 < len(doc) and doc[end + 2].lower_ in _YEARS)):
            return end  # "Java 5 years" is a duration, not a version
        if tok.idx - (doc[end - 1].idx + len(doc[end - 1].text)) > 1:
            return end
        taken[end] = 1
        end += 1
        if after is not None and after.text == "+" and after.idx == tok.idx + len(tok.text) and not taken[end]:
            taken[end] = 1
            end += 1  # "Python 3.11+"
        return end

    def _confirm(self, doc: Doc, strict: list[tuple[int, int, int]], plain: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
        """Keep the ambiguous candidates that stand in technical context."""
        cues = self._cues
        w = self._cue_window
        n = len(doc)
        anchors = sorted({(s, e) for _, s, e in plain})
        confirmed: list[tuple[int, int, int]] = []
        pending: list[tuple[int, int, int]] = []
        for key, s, e in strict:
            own = self._entry_cues[key]
            window = [t.lower_ for t in doc[max(0, s - w):s]] + [t.lower_ for t in doc[e:min(n, e + w)]]
            if self._in_compound(doc, s, e):
                continue  # "C-suite", "go-live", "Self-scheduling"
            if any(word in cues or word in own for word in window):
                confirmed.append((key, s, e))
            elif self._prose_start(doc, s, e) or self._in_proper_name(doc, s):
                continue  # "Go to the page", "Spring is here", "Adobe Express": need a cue
            else:
                pending.append((key, s, e))
        # neighbours: recognized skills close by in the same sentence; two rounds so that
        # "Languages: Java, Python, Go" spreads from the confirmed one to the rest
        for _ in range(2):
            if not pending:
                break
            spans = anchors + [(s, e) for _, s, e in confirmed]
            still = []
            for cand in pending:
                if self._has_neighbor(doc, cand[1], cand[2], spans):
                    confirmed.append(cand)
                else:
                    still.append(cand)
            if len(still) == len(pending):
                break
            pending = still
        return confirmed

    @staticmethod
    def _in_compound(doc: Doc, s: int, e: int) -> bool:
        """The form is glued by a hyphen to a word before or after it."""
        if e + 1 < len(doc) and doc[e].text == "-" and not doc[e - 1].whitespace_ and not doc[e].whitespace_ and doc[e + 1].is_alpha:
            return True
        return s >= 2 and doc[s - 1].text == "-" and not doc[s - 2].whitespace_ and not doc[s - 1].whitespace_ and doc[s - 2].is_alpha

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
            gap = doc.text[doc[i].idx + len(doc[i].text):doc[s].idx]
            if "\n" not in gap:
                return False
        nxt = doc[e] if e < len(doc) else None
        return nxt is not None and nxt.is_lower and nxt.is_alpha

    def _has_neighbor(self, doc: Doc, s: int, e: int, spans: Iterable[tuple[int, int]]) -> bool:
        w = self._neighbor_window
        lo, hi = max(0, s - w), min(len(doc), e + w)
        for a, b in spans:
            if b <= s and a >= lo:
                if not any(_breaks(t) for t in doc[b:s]):
                    return True
            elif a >= e and b <= hi:
                if not any(_breaks(t) for t in doc[e:a]):
                    return True
        return False


def _breaks(token: Any) -> bool:
    """Sentence ends and paragraph breaks bound the context of an ambiguous form."""
    return token.text in _SENTENCE_END or (token.is_space and token.text.count("\n") >= 2) or token.whitespace_.count("\n") >= 2


@lru_cache(maxsize=1)
def default_recognizer() -> SkillRecognizer:
    """The recognizer over the shipped lexicon, built once per process."""
    return SkillRecognizer()


def text_of(source: str | Document) -> str:
    if isinstance(source, Document):
        return source.text
    if isinstance(source, str):
        return source
    raise TypeError(f"expected text or a Document, not {type(source).__name__}")
