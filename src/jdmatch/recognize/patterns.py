"""The matcher patterns of a lexicon: each entry's forms as tuples of token hashes.

The first entry to claim a token sequence owns it (`jdmatch lexicon check` reports such clashes).
A shipped or cached lexicon reads its patterns from ``compiled.json``; these functions compute
them for any other (a user's extra lexicon merged in, a saved pipeline of another tokenizer).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from jdmatch.compiled import CompiledPatterns
from jdmatch.lexicon import Lexicon
from jdmatch.recognize.vocabulary import MAKERS
from jdmatch.tokens import fold_plural, string_key

# A lexicon form's tokens and their NORMs, by form: every tokenizer that make_tokenizer builds
# splits a form the same way, so a process that builds several recognizers (a user's extra
# lexicon, a worker renewing its matcher) splits each of the 14,000 forms once
_SPLIT: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}


def split_form(
    form: str, form_tokens: Callable[[str], list[str]]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The tokens of a lexicon form (``form_tokens`` splits it) and their NORMs (plurals folded)."""
    split = _SPLIT.get(form)
    if split is None:
        tokens = tuple(form_tokens(form))
        split = _SPLIT[form] = (tokens, tuple(fold_plural(t) for t in tokens))
    return split


# labels whose two- and three-word forms also count with their first two words hyphenated
# ("stress-testing" for "stress testing", "open-source software" for "open source software")
_HYPHENED_TOO = frozenset({"concept", "practice"})
# labels whose multi-word ambiguous forms also count written in lower case
_LOWER_CASE_TOO = frozenset({"concept", "practice"})


# sources of entries imported in bulk (Stack Overflow tags, O*NET products, linguist languages):
# their one-word names ("Tivoli", "Petrel", "Sudoku", "Fennel") are ordinary words, places or
# people as often as the product, so they count, in any case (the recognizer compares their lower
# case: a tag "Selinux" finds "SELinux"), only in technical context
IMPORTED_SOURCES = frozenset({"stackoverflow", "onet", "linguist"})


def _weak_word(form: str, norms: tuple[str, ...]) -> bool:
    """A one-word name of letters that is no acronym ("Tivoli", "PARTHENON", not "JSON", "C#" or
    "Node.js") nor an activity ("Pricing", "Scheduling": a gerund means the same in any text)."""
    return (
        len(norms) == 1
        and form.isalpha()
        and not (form.isupper() and len(form) <= 5)
        and not form.lower().endswith("ing")
    )


def compute_patterns(
    lexicon: Lexicon, form_tokens: Callable[[str], list[str]]
) -> list[CompiledPatterns]:
    """Every entry's patterns, in lexicon order: plain forms over NORM, ambiguous ones also exact."""

    seen_plain: set[tuple[str, ...]] = set()
    seen_strict: set[tuple[str, ...]] = set()
    qualified = _maker_qualified(lexicon, form_tokens)
    out = []
    for entry in lexicon.entries:
        plain = []
        weak = []
        for form in entry.plain_forms:
            norms = split_form(form, form_tokens)[1]
            if entry.source in IMPORTED_SOURCES and _weak_word(form, norms):
                weak.append(form)
                continue
            variants = [norms]
            if len(norms) > 1 and not any(c.isspace() for c in form):
                # "C#" is two tokens alone but one inside a list split at commas ("Go,C#,C++")
                variants.append((fold_plural(form),))
            if (
                len(norms) in (2, 3)
                and entry.label in _HYPHENED_TOO
                and form.replace(" ", "").isalpha()
            ):
                # "stress-testing", "data-modelling", "open-source software"
                variants.append((norms[0], "-", *norms[1:]))
            if form is entry.plain_forms[-1]:
                variants += qualified.get(entry.id, [])
            for v in variants:
                if v and v not in seen_plain:
                    seen_plain.add(v)
                    plain.append(tuple(string_key(n) for n in v))
        strict_norms: list[tuple[int, ...]] = []
        exact: list[tuple[int, ...]] = []
        for form in weak:  # in any case (the recognizer reads its lower case), in technical context
            norm = split_form(form, form_tokens)[1]
            if norm in seen_plain or norm in seen_strict:
                continue
            seen_strict.add(norm)
            strict_norms.append((string_key(norm[0]),))
            exact.append((string_key(form.lower()),))
        for form in entry.ambiguous:
            tokens, norms = split_form(form, form_tokens)
            if tokens and tokens not in seen_strict and norms not in seen_plain:
                seen_strict.add(tokens)
                strict_norms.append(tuple(string_key(n) for n in norms))
                exact.append(tuple(string_key(t) for t in tokens))
                if len(tokens) > 1 and entry.label in _LOWER_CASE_TOO and not form.islower():
                    # a concept of several words reads the same in lower case ("survival
                    # analysis" for "Survival Analysis"); its context still decides
                    exact.append(tuple(string_key(t.lower()) for t in tokens))
        if plain or exact:
            out.append(CompiledPatterns(entry.id, plain, strict_norms, exact))
    return out


def _maker_qualified(
    lexicon: Lexicon, form_tokens: Callable[[str], list[str]]
) -> dict[str, list[tuple[str, ...]]]:
    """Forms of a part named the way its whole is: "Apache Kafka Streams" for Kafka Streams (which
    implies Kafka, written "Apache Kafka"), "Google Cloud Run", "Microsoft Azure Functions".

    For each entry and each entry it implies, a form of the implied one that is a maker's name
    (``[compounds] makers`` in ``lexicon/rules/recognize.toml``) and a word that is the first of
    one of its own forms lends the maker's name ("Apache" of "Apache Kafka" to "Kafka Streams").
    Only word sequences that are no entry's own form are made.
    """
    by_id = {e.id: e for e in lexicon.entries}
    own = {split_form(f, form_tokens)[1] for e in lexicon.entries for f in e.plain_forms}
    out: dict[str, list[tuple[str, ...]]] = {}
    for entry in lexicon.entries:
        for parent_id in entry.implies:
            parent = by_id.get(parent_id)
            if parent is None:
                continue
            for pform in parent.plain_forms:
                ptokens, pnorms = split_form(pform, form_tokens)
                if len(pnorms) < 2 or " ".join(ptokens[:-1]) not in MAKERS:
                    continue  # a maker's name and the product: "Apache Kafka", "Google Cloud"
                for form in entry.plain_forms:
                    norms = split_form(form, form_tokens)[1]
                    if len(norms) > 1 and norms[0] == pnorms[-1]:
                        made = (*pnorms[:-1], *norms)
                        if made not in own:
                            out.setdefault(entry.id, []).append(made)
                            own.add(made)
    return out


def with_breaks(forms: Sequence[Sequence[int]], brk: int) -> list[Sequence[int]]:
    """The forms, plus each multi-word form with one line break in each of its gaps."""
    out: list[Sequence[int]] = list(forms)
    for form in forms:
        for i in range(1, len(form)):
            out.append((*form[:i], brk, *form[i:]))
    return out
