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

_VERSION = re.compile(r"^v?\d+(?:\.\d+)*(?:\.x)?$", re.I)
_SENTENCE_END = frozenset({".", "!", "?"})
_YEARS = frozenset({"year", "years", "yrs", "yr", "months", "month"})
# Suffixes that turn a singular head noun into a plural.
_PLURAL_OK = re.compile(r"^[A-Za-z]{3,}$")


def make_tokenizer() -> Any:
    """spaCy's English tokenizer, adjusted for skill names and raw multi-line text.

    * whitespace-only special cases are dropped: they switch off the tokenizer
      cache for the rest of a document (about 20x slower on text with newlines)
      without changing a single token;
    * ``/``, ``(``, ``)``, ``|`` always split (``Java/Go``, ``API(s)``);
    * trailing version digits split from a word (``Python3`` -> ``Python 3``),
      so a version after a name reads the same with or without the space.
    """
    import spacy
    from spacy.util import compile_infix_regex, compile_suffix_regex

    nlp = spacy.blank("en")
    tokenizer = nlp.tokenizer
    rules = {k: v for k, v in tokenizer.rules.items() if not k.isspace()}
    infixes = [*nlp.Defaults.infixes, r"[/|()\[\]{}]", r"(?<=[a-z])[,;](?=[A-Za-z])"]
    suffixes = [*nlp.Defaults.suffixes, r"(?<=[A-Za-z])\d+(?:\.\d+)*$"]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    tokenizer.rules = rules
    return tokenizer


class SkillRecognizer:
    """Finds every mention of a lexicon skill in a text (build once, reuse)."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        from spacy.matcher import PhraseMatcher

        self.lexicon = lexicon if lexicon is not None else load_lexicon()
        self.tokenizer = make_tokenizer()
        vocab = self.tokenizer.vocab
        self._entries: dict[int, Entry] = {}
        self._plain = PhraseMatcher(vocab, attr="LOWER")
        self._strict = PhraseMatcher(vocab, attr="ORTH")
        rules = self.lexicon.context
        self._cues = rules.cues
        self._cue_window = rules.cue_window
        self._neighbor_window = rules.neighbor_window
        self._entry_cues: dict[int, frozenset[str]] = {}
        seen_plain: set[tuple[str, ...]] = set()
        seen_strict: set[tuple[str, ...]] = set()
        plain: dict[int, list[str]] = {}
        strict: dict[int, list[str]] = {}
        for entry in self.lexicon.entries:
            key = vocab.strings.add(entry.id)
            self._entries[key] = entry
            self._entry_cues[key] = frozenset(entry.cues)
            plain[key] = list(entry.plain_forms)
            strict[key] = list(entry.ambiguous)
        # tokenize every form once, in bulk, then keep the first owner of each token sequence
        plain_docs = self._tokenize_forms(plain)
        strict_docs = self._tokenize_forms(strict)
        for key, docs in plain_docs.items():
            keep = []
            for doc in docs:
                k = tuple(t.lower_ for t in doc)
                if k not in seen_plain:
                    seen_plain.add(k)
                    keep.append(doc)
            if keep:
                self._plain.add(str(key), keep)
        for key, docs in strict_docs.items():
            keep = []
            for doc in docs:
                k = tuple(t.text for t in doc)
                if k not in seen_strict and tuple(t.lower_ for t in doc) not in seen_plain:
                    seen_strict.add(k)
                    keep.append(doc)
            if keep:
                self._strict.add(str(key), keep)
        self._plain_id = {vocab.strings[str(k)]: k for k in plain_docs}
        self._strict_id = {vocab.strings[str(k)]: k for k in strict_docs}

    def _tokenize_forms(self, forms: dict[int, list[str]]) -> dict[int, list[Doc]]:
        flat = [(key, form) for key, fs in forms.items() for form in fs]
        variants: list[tuple[int, str]] = []
        for key, form in flat:
            variants.append((key, form))
        docs = list(self.tokenizer.pipe(form for _, form in variants))
        out: dict[int, list[Doc]] = {}
        for (key, form), doc in zip(variants, docs):
            if len(doc) == 0:
                continue
            out.setdefault(key, []).append(doc)
        # plurals of the head noun: "microservice" finds "microservices"
        plural_forms: list[tuple[int, str]] = []
        for (key, form), doc in zip(variants, docs):
            last = doc[-1].text if len(doc) else ""
            if _PLURAL_OK.match(last) and not last.lower().endswith("s") and form in self._entries[key].plain_forms:
                plural_forms.append((key, form + ("es" if last.lower().endswith(("x", "ch", "sh")) else "s")))
        for (key, form), doc in zip(plural_forms, self.tokenizer.pipe(f for _, f in plural_forms)):
            out.setdefault(key, []).append(doc)
        return out

    # -- recognition -----------------------------------------------------------------

    def recognize(self, text: str) -> list[SkillMatch]:
        """Every skill mention in ``text``, in order; overlapping candidates resolved longest-first."""
        doc = self.tokenizer(text)
        return list(self._matches(doc, text))

    def _matches(self, doc: Doc, text: str) -> Iterator[SkillMatch]:
        n = len(doc)
        if n == 0:
            return
        plain = [(self._plain_id[m], s, e) for m, s, e in self._plain(doc)]
        strict = [(self._strict_id[m], s, e) for m, s, e in self._strict(doc)]
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
            if any(word in cues or word in own for word in window):
                confirmed.append((key, s, e))
            elif self._prose_start(doc, s, e):
                continue  # "Go to the page", "Spring is here": needs a cue
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
                if not any(t.text in _SENTENCE_END for t in doc[b:s]):
                    return True
            elif a >= e and b <= hi:
                if not any(t.text in _SENTENCE_END for t in doc[e:a]):
                    return True
        return False


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
