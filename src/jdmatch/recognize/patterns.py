"""The matcher patterns of a lexicon: each entry's forms as tuples of token hashes.

The first entry to claim a token sequence owns it (`jdmatch lexicon check` reports such clashes).
A shipped or cached lexicon reads its patterns from ``compiled.json``; these functions compute
them for any other (a user's extra lexicon merged in, a saved pipeline of another tokenizer).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from jdmatch.compiled import CompiledPatterns
from jdmatch.lexicon import Lexicon
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


def compute_patterns(
    lexicon: Lexicon, form_tokens: Callable[[str], list[str]]
) -> list[CompiledPatterns]:
    """Every entry's patterns, in lexicon order: plain forms over NORM, ambiguous ones also exact."""

    seen_plain: set[tuple[str, ...]] = set()
    seen_strict: set[tuple[str, ...]] = set()
    out = []
    for entry in lexicon.entries:
        plain = []
        for form in entry.plain_forms:
            norms = split_form(form, form_tokens)[1]
            variants = [norms]
            if len(norms) > 1 and not any(c.isspace() for c in form):
                # "C#" is two tokens alone but one inside a list split at commas ("Go,C#,C++")
                variants.append((fold_plural(form),))
            for v in variants:
                if v and v not in seen_plain:
                    seen_plain.add(v)
                    plain.append(tuple(string_key(n) for n in v))
        strict_norms = []
        exact = []
        for form in entry.ambiguous:
            tokens, norms = split_form(form, form_tokens)
            if tokens and tokens not in seen_strict and norms not in seen_plain:
                seen_strict.add(tokens)
                strict_norms.append(tuple(string_key(n) for n in norms))
                exact.append(tuple(string_key(t) for t in tokens))
        if plain or exact:
            out.append(CompiledPatterns(entry.id, plain, strict_norms, exact))
    return out


def with_breaks(forms: Sequence[Sequence[int]], brk: int) -> list[Sequence[int]]:
    """The forms, plus each multi-word form with one line break in each of its gaps."""
    out: list[Sequence[int]] = list(forms)
    for form in forms:
        for i in range(1, len(form)):
            out.append((*form[:i], brk, *form[i:]))
    return out
