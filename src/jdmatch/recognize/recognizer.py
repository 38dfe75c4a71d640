"""The recognizer: the lexicon compiled into one spaCy ``PhraseMatcher``, and the choice among its candidates."""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from jdmatch.compiled import (
    CompiledPatterns,
    compiled_data,
    compiled_document,
    load_lexicon,
    store_overlay,
)
from jdmatch.lexicon import Entry, Lexicon
from jdmatch.models import SkillMatch
from jdmatch.recognize.analysis import Analysis, stop_word_table
from jdmatch.recognize.context import LOWER_SUFFIX
from jdmatch.recognize.coordination import Coordination, coordination_tables
from jdmatch.recognize.makers import MakerLists
from jdmatch.recognize.neighbours import Neighbours
from jdmatch.recognize.patterns import IMPORTED_SOURCES, compute_patterns, with_breaks
from jdmatch.recognize.places import QUOTE_CHARS
from jdmatch.recognize.versions import extend_version
from jdmatch.recognize.vocabulary import (
    COORDINATORS,
    EMPLOYER_SEPARATORS,
    NOT_TECHNICAL,
    SEPARATOR_CHARS,
    TECH_LABELS,
    VERSIONED_LABELS,
)
from jdmatch.recognize.wraps import HyphenWraps
from jdmatch.startup import collector_paused
from jdmatch.tokens import LINE_BREAK, TOKENIZER_VERSION, TextTokenizer, fold_plural, form_tokens

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

_SURROGATE = re.compile("[\ud800-\udfff]")
# a long run of punctuation ("((((", a ruled line): no skill is written so; tokenized as spaces
_PUNCT_RUN = re.compile(r"[^\w\s]{32,}")
# texts whose first words choose the patterns to add; the next text adds all the others
_LAZY_TEXTS = 4


class SkillRecognizer(Neighbours, Coordination, HyphenWraps, MakerLists):
    """Finds every mention of a lexicon skill in a text (build once, reuse)."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        with collector_paused():  # some 100,000 lasting objects: no full collections half-way
            self._build(lexicon)

    def _build(self, lexicon: Lexicon | None) -> None:
        from spacy.matcher import PhraseMatcher

        self.lexicon = lexicon if lexicon is not None else load_lexicon()
        self.tokenizer = TextTokenizer()  # special cases added as texts need them
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
        self._break = strings.add(LINE_BREAK)
        # Patterns enter the matcher when a text first holds their first word (see
        # _add_patterns): a pattern cannot match a text without its first word, so the
        # matches are the same as with every pattern added up front, and a start that
        # reads one document adds a few thousand patterns instead of all of them.
        self._pending: dict[int, list[tuple[str, Sequence[int]]]] = {}
        self._pending_lock = threading.Lock()
        self._lazy_texts = _LAZY_TEXTS
        pending = self._pending
        # plain forms by their NORM hashes, for the words a coordination leaves out
        self._forms: dict[tuple[int, ...], int] = {}
        self._single_forms: dict[int, int] = {}
        self._single_strict: dict[int, int] = {}
        for entry_id, plain, strict_norms, exact in self._patterns():
            key = strings.add(entry_id)
            for form in plain:
                pending.setdefault(form[0], []).append((entry_id, form))
                if len(form) > 1:  # a coordination looks up two words or more
                    self._forms.setdefault(tuple(form), key)
                else:  # a name hyphenated across a line break looks up one
                    self._single_forms.setdefault(form[0], key)
            if exact:
                strict_key = "~" + entry_id
                skey = strings.add(strict_key)
                for form in strict_norms:
                    pending.setdefault(form[0], []).append((strict_key, form))
                    if len(form) == 1:  # for a suspended hyphen ("Python- and Go-based")
                        self._single_strict.setdefault(form[0], skey)
                self._strict_keys[skey] = (key, frozenset(map(tuple, exact)))
        for entry in self.lexicon.entries:
            key = strings.add(entry.id)
            self._entries[key] = entry
            if entry.cues:
                self._entry_cues[key] = frozenset(strings.add(c) for c in entry.cues)
        # cue words that are also a name's ambiguous spelling ("spring", "apache"): the exact spellings
        all_cues = self._cues.union(*self._entry_cues.values())
        spellings: dict[int, set[int]] = {}
        for entry in self.lexicon.entries:
            for spelling in entry.ambiguous:
                if " " not in spelling and (low := strings.add(spelling.lower())) in all_cues:
                    spellings.setdefault(low, set()).add(strings.add(spelling))
        self._ambiguous_cues = {k: frozenset(v) for k, v in spellings.items()}
        # names that are context, not skills: employers, places, contact lines (lexicon.toml)
        self._employers = frozenset(strings.add(i) for i in rules.employers)
        self._given_names = frozenset(strings.add(i) for i in rules.given_names)
        self._first_names = frozenset(strings.add(w) for w in rules.first_names)
        self._mostly_technical = frozenset(strings.add(i) for i in rules.mostly_technical)
        # strict keys of imported entries, whose one-word names count in any case ("SELinux" for
        # the tag "Selinux"), in technical context
        self._caseless = frozenset(
            strings.add("~" + e.id) for e in self._entries.values() if e.source in IMPORTED_SOURCES
        )
        self._own_cues_only = frozenset(
            k for k, e in self._entries.items() if e.category in rules.own_cues_only
        )
        self._profile_sites = frozenset(strings.add(i) for i in rules.profile_sites)
        self._technical_sense = frozenset(strings.add(i) for i in rules.technical_sense)
        self._role_words = frozenset(strings.add(w.lower()) for w in rules.role_words)
        self._technical_words = frozenset(strings.add(w.lower()) for w in rules.technical_words)
        self._places = frozenset(w.lower() for w in rules.places)
        self._place_words = frozenset(w for p in self._places if " " in p for w in p.split())
        self._region_codes = frozenset(rules.region_codes)
        self._coordinators = frozenset(strings.add(w) for w in COORDINATORS)
        self._conjunctions = self._coordinators - {strings.add(",")}
        (
            self._shared_heads,
            self._shared_modifiers,
            self._before_head,
            self._after_modifier,
            self._lending_keys,
        ) = coordination_tables(self._forms)
        self._company_suffix_words = frozenset(w.lower() for w in rules.company_suffixes)
        # a company's legal form or business word a word or three after the name, as written:
        # "Jenkins Builds Ltd", "Gatsby & Rowe LLP", "Elixir Health Spa"
        later = "|".join(sorted(map(re.escape, rules.company_words_later), key=len, reverse=True))
        self._suffix_later = re.compile(
            rf"(?:[ \t]+(?:[A-Z][\w&'’-]*|&|and)){{1,3}}[ \t]+(?:{later or '(?!)'})\b"
        )
        self._role_word_set = frozenset(w.lower() for w in rules.role_words)
        self._program_word_set = frozenset(w.lower() for w in rules.program_words)
        self._benefit_word_set = frozenset(w.lower() for w in rules.benefit_words)
        self._ordinary_after = frozenset(fold_plural(w.lower()) for w in rules.ordinary_after)
        self._ordinary_near_words = frozenset(
            strings.add(fold_plural(w.lower())) for w in rules.ordinary_near
        )
        self._ordinary_after_norms = frozenset(strings.add(w) for w in self._ordinary_after)
        self._employer_seps = frozenset(strings.add(w) for w in EMPLOYER_SEPARATORS)
        self._at = frozenset(strings.add(w) for w in ("at", "@"))
        self._comma = strings.add(",")
        self._suffix_keys = self._written_like_suffix(self._entries)  # "PLC"
        # the entries by kind, as sets of keys: the checks ask this of every candidate
        self._tech_keys = frozenset(k for k, en in self._entries.items() if en.label in TECH_LABELS)
        self._credential_keys = frozenset(
            k for k, en in self._entries.items() if en.label == "certification"
        )
        # curated concepts and practices whose ambiguous form is a common word ("Testing", "Cloud"):
        # opening a sentence is ordinary for them, so only their cues and neighbours decide
        self._cues_beyond_use = self._cues - {
            strings.add(w) for w in ("use", "uses", "using", "used")
        }
        self._common_word_keys = frozenset(
            k
            for k, en in self._entries.items()
            if en.label in ("concept", "practice") and en.source == "jdmatch" and en.ambiguous
        )
        self._vouching_keys = frozenset(
            k
            for k, en in self._entries.items()
            if en.label not in NOT_TECHNICAL and k not in self._given_names
        )
        self._anchor_keys = frozenset(
            k for k, en in self._entries.items() if en.label not in NOT_TECHNICAL
        )
        self._special_keys = (
            self._employers
            | self._profile_sites
            | self._technical_sense
            | self._suffix_keys
            | frozenset(
                k for k, en in self._entries.items() if en.label in ("degree", "domain", "field")
            )
        )

    def _patterns(self) -> list[CompiledPatterns]:
        """The matcher patterns of every entry.

        Read from the lexicon's ``compiled.json`` (or the cache of a merged user lexicon)
        when it was made from exactly these files with this tokenizer, else computed from the forms.
        """
        compiled = compiled_data(self.lexicon)
        if compiled is not None and compiled.tokenizer == TOKENIZER_VERSION:
            return compiled.patterns()
        patterns = self._compute_patterns()
        if (
            self.lexicon.overlays
        ):  # a user's extra lexicon: cache what was just computed for the next start
            store_overlay(self.lexicon, TOKENIZER_VERSION, patterns)
        return patterns

    def _compute_patterns(self) -> list[CompiledPatterns]:
        return compute_patterns(self.lexicon, self.form_tokens)

    def compile_patterns(self) -> dict[str, Any]:
        """The compiled form of this lexicon (entries and patterns), for ``<lexicon>/compiled.json`` (see :func:`jdmatch.compiled.write_compiled`)."""
        return compiled_document(self.lexicon, TOKENIZER_VERSION, self._compute_patterns())

    def form_tokens(self, form: str) -> list[str]:
        """The tokens of a lexicon form, exactly as the tokenizer splits text (see :func:`jdmatch.tokens.form_tokens`)."""
        return form_tokens(self.tokenizer, form, self._special)

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
        if _PUNCT_RUN.search(text):  # spaCy strips such a run one character at a time, in n^2
            text = _PUNCT_RUN.sub(lambda m: " " * len(m.group()), text)
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
            keep = (
                (rows[:, 1] == 1)
                & (rows[:, 2] >= 3)
                & (np.frombuffer(bytes(taken), dtype=np.uint8) == 0)
            )
            known = self._content_words  # NORM hash -> the word ("" for a stop word)
            for h, c in Counter(rows[keep, 0].tolist()).items():
                word = known.get(h)
                if word is None:
                    word = known[h] = self.tokenizer.vocab.strings[h]
                if word:
                    words[word] = c
        return Analysis(matches, words, text)

    def fully_loaded(self) -> bool:
        """Whether every pattern and tokenizer special case is in place (a start adds them as
        texts need them, then, after a few texts, all at once; see :class:`~jdmatch.tokens.TextTokenizer`)."""
        return not self._pending and not getattr(self.tokenizer, "_pending", None)

    @property
    def _content_words(self) -> dict[int, str]:
        """The content word each NORM hash met stands for, "" for a stop word (grows with the words met)."""
        known: dict[int, str] | None = getattr(self, "_content_cache", None)
        if known is None:
            known = self._content_cache = stop_word_table(self.tokenizer.vocab.strings)
        return known

    def _add_patterns(self, doc: Doc) -> None:
        """Put into the matcher the patterns that start with a word of ``doc`` and are not in it yet."""
        from spacy.attrs import NORM

        with (
            self._pending_lock
        ):  # another thread must not match while the patterns it needs are half added
            pending = self._pending
            if not pending or not len(doc):
                return
            self._lazy_texts -= 1
            if (
                self._lazy_texts < 0
            ):  # a run of many texts: add the rest once, so later texts skip this check
                firsts = list(pending)
            else:
                firsts = [h for h in set(doc.to_array(NORM).tolist()) if h in pending]
            if not firsts:
                return
            by_key: dict[str, list[Sequence[int]]] = {}
            for h in firsts:
                for key, form in pending.pop(h):
                    by_key.setdefault(key, []).append(form)
            brk = self._break
            for key, forms in by_key.items():
                self._matcher.add(key, with_breaks(forms, brk))  # type: ignore[arg-type]  # token-hash arrays, as Doc.to_array gives

    def _matches(
        self, doc: Doc, text: str, taken: bytearray | None = None, *, mark_all: bool = False
    ) -> list[SkillMatch]:
        self._add_patterns(doc)
        found = self._matcher(doc)
        pieces, suspended_strict = self._hyphen_pieces(doc, text)  # names a hyphen leaves in pieces
        if pieces:
            found = [*found, *pieces]
        if items := self._maker_items(
            doc, text, found
        ):  # "AWS: EC2, Lambdas": first, so they win ties
            found = [*items, *found]
        if not found and not suspended_strict:
            return []
        if mark_all and taken is not None:
            # a skill name is never a content word, even where its context rejects it
            for _, s, e in found:
                taken[s:e] = b"\x01" * (e - s)
            taken = None
        candidates = []
        strict = []
        strict_keys = self._strict_keys
        caseless = self._caseless
        for key, s, e in found:
            spec = strict_keys.get(key)
            if spec is None:
                candidates.append((key, s, e))
            elif (
                (
                    (doc[s].orth,)
                    if e - s == 1
                    else tuple(t.orth for t in doc[s:e] if not t.is_space)
                )
                in spec[1]
                or e - s == 1
                and key in caseless
                and (doc[s].lower,) in spec[1]
                or e - s == 1
                and (self._in_tight_list(doc, s) or self._in_tag_line(doc, s, found))
            ):
                strict.append((spec[0], s, e))
        strict += suspended_strict
        confirmed = self._confirm(doc, text, strict, candidates) if strict else []
        plain = list(candidates)
        candidates += confirmed
        ambiguous = set(confirmed)
        # longest first, then leftmost; plain before ambiguous on equal spans (stable sort)
        candidates.sort(key=_longest_first)
        base = bytes(taken) if taken is not None else bytes(len(doc))
        special = self._special_keys
        rejected: set[tuple[int, int, int]] = set()
        reconfirmed = False
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
                if text[end - 1] == "-" and end - 1 > last.idx:
                    end -= 1  # a suspended hyphen is not the name's: "Python" of "Python- and Go-based"
                # names that are context, not skills: a look at the next character first (cheap)
                c = text[end : end + 1]
                if c == " ":  # the next character after the spaces ("Maya Jenkins  -  DevOps")
                    c = text[end + 1 : end + 4].lstrip(" ")[:1]
                if (
                    (
                        key in special
                        or c in SEPARATOR_CHARS
                        or c.isupper()
                        or c in QUOTE_CHARS
                        or c == ")"  # "Court of Master Sommeliers (CMS)"
                        or c == "&"  # "Jenkins & Sons"
                        # a name ending a short line: "Dakota Swift", "HSBC — Hong Kong"
                        or c == "\n"
                        and end - text.rfind("\n", 0, start) < 48
                        or c.islower()
                        and LOWER_SUFFIX.match(text, end) is not None
                    )
                    and self._context_only(doc, text, key, s, e, start, end, c, chosen)
                    or ambiguous
                    and (key, s, e) in ambiguous
                    and self._ordinary_sense(text, key, start, end, c)
                ):
                    rejected.add((key, s, e))
                    again = True  # a shorter name inside may still be a skill ("Asynchronous" of "Asynchronous communication")
                    continue
                spans.append((start, end, key, s, e))
            if not again and rejected and ambiguous and not reconfirmed:
                # a name that is context (an employer, a place) vouches for no neighbour:
                # confirm again with the rejected ones muted ("Sous Chef, Tableau Foods")
                reconfirmed = True
                lost = ambiguous.difference(
                    self._confirm(doc, text, strict, plain, rejected), rejected
                )
                rejected |= lost
                again = bool(lost)
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
            if entry.label in VERSIONED_LABELS:  # "Java 17", but not "Agile 10 person team"
                end = extend_version(
                    text, end, spans[i + 1][0] if i + 1 < len(spans) else len(text)
                )
            out.append(
                SkillMatch(
                    entry.id, entry.name, entry.label, entry.category, start, end, text[start:end]
                )
            )
        return out


def _longest_first(candidate: tuple[int, int, int]) -> tuple[int, int]:
    return candidate[1] - candidate[2], candidate[1]


@lru_cache(maxsize=1)
def default_recognizer() -> SkillRecognizer:
    """The recognizer over the shipped lexicon, built once per process."""
    return SkillRecognizer()
