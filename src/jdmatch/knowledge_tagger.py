"""A sequence tagger for the knowledge view: spans of knowledge the lexicon does not name.

The knowledge view (:mod:`jdmatch.knowledge`) starts from what jdmatch recognizes
and from terms annotated in SkillSpan's train split. Annotators also mark word
sequences neither holds ("walking robots", "production planning"); this tagger
proposes them. It labels each token of :func:`tokenize` (the view's own tokens) as
outside, beginning or inside a knowledge span (O/B/I), from binary features of the
token and its neighbours (the words, their shapes and affixes, whether they are
stop words, whether jdmatch recognized a mention there and of which label, and
whether the word or its pair with a neighbour is part of a name the lexicon
knows: the :class:`Gazetteer`),
decoded with Viterbi over learnt tag-to-tag weights so no span starts with I.

The weights are an averaged perceptron's (Collins 2002), fitted by
``tools/fit_knowledge.py`` on SkillSpan train and stored in
``lexicon/models/knowledge_tagger.json``; :func:`fit` is that training, in pure
Python and seeded, so the same train split gives the same model. The view uses
the tagger's spans both as extra candidates and as a feature of every other
candidate (whether the tagger agrees with its boundaries).
"""

from __future__ import annotations

import bisect
import json
import random
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from jdmatch.models import SkillMatch

TAGGER_FILE = "models/knowledge_tagger.json"
TAGS = ("O", "B", "I")
START = 3  # the index of the "before the first token" state in the transition table
# one-character tokens peeled off a whitespace chunk ("(Kafka)," is "(", "Kafka", ")", ",")
_CHUNK = re.compile(r"\S+")
_OPEN = "([{\"'“‘"
_CLOSE = ")]}\"'”’,.;:!?*"
_UPPER = re.compile(r"[A-Z]")
_LOWER = re.compile(r"[a-z]")
_DIGIT = re.compile(r"[0-9]")
_REPEAT = re.compile(r"(.)\1+")


def tokenize(text: str) -> list[tuple[int, int]]:
    """Word spans: whitespace chunks, with opening and closing punctuation split off as tokens of their own."""
    out: list[tuple[int, int]] = []
    for chunk in _CHUNK.finditer(text):
        s, e = chunk.span()
        while s < e - 1 and text[s] in _OPEN:
            out.append((s, s + 1))
            s += 1
        tail = []
        while e - 1 > s and text[e - 1] in _CLOSE:
            tail.append((e - 1, e))
            e -= 1
        out.append((s, e))
        out.extend(reversed(tail))
    return out


def token_span(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The tokens ``[s, e)`` a character span touches (None when it touches none)."""
    s = bisect.bisect_right(
        spans, start, key=lambda span: span[1]
    )  # the first token ending after start
    if s == len(spans) or spans[s][0] >= end:
        return None
    e = s
    while e < len(spans) and spans[e][0] < end:
        e += 1
    return s, e


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # a word list only: no pipeline is built

    return frozenset(STOP_WORDS)


class Gazetteer(NamedTuple):
    """The words of the lexicon's names, aliases and ambiguous forms, lower-cased: what the
    tagger may know of a word even where recognition found no mention (an ambiguous form
    left unconfirmed, a name inside a longer span, the head word of a longer name)."""

    words: frozenset[str]  # every word of every form
    firsts: frozenset[str]  # the first word of a form
    heads: frozenset[str]  # the last word of a form
    forms: frozenset[str]  # whole forms (their words joined by one space)


# the entries imported from SkillSpan's train split are left out: on train they are the gold
# spans themselves, so the tagger would learn to trust them as it cannot on unseen text
GAZETTEER_SKIPS_SOURCE = "skillspan"


@lru_cache(maxsize=4)
def gazetteer(root: str | None = None) -> Gazetteer:
    """The :class:`Gazetteer` of the shipped lexicon (or of lexicon folder ``root``)."""
    from jdmatch.compiled import load_lexicon

    words: set[str] = set()
    firsts: set[str] = set()
    heads: set[str] = set()
    forms: set[str] = set()
    for entry in load_lexicon(root).entries:
        if entry.source == GAZETTEER_SKIPS_SOURCE:
            continue
        for form in (entry.name, *entry.aliases, *entry.ambiguous):
            parts = form.lower().split()
            if parts:
                forms.add(" ".join(parts))
                words.update(parts)
                firsts.add(parts[0])
                heads.add(parts[-1])
    return Gazetteer(frozenset(words), frozenset(firsts), frozenset(heads), frozenset(forms))


def model_gazetteer(model: dict[str, Any]) -> Gazetteer | None:
    """The gazetteer ``model`` was fitted with (None for a model fitted without one)."""
    return gazetteer() if model.get("gazetteer") else None


@lru_cache(maxsize=8192)
def shape(word: str) -> str:
    """``Kafka`` -> ``Xxx``, ``C++`` -> ``X++``, ``2021`` -> ``dd``: letters and digits by class, runs cut to two."""
    s = _DIGIT.sub("d", _LOWER.sub("x", _UPPER.sub("X", word)))
    return _REPEAT.sub(r"\1\1", s)


def marks(
    spans: Sequence[tuple[int, int]], matches: Sequence[SkillMatch]
) -> tuple[list[str], list[str]]:
    """Per token, B/I/O of the recognized mentions over it and the mention's label ("" for none)."""
    spans = list(spans)
    bio = ["O"] * len(spans)
    labels = [""] * len(spans)
    for m in matches:
        se = token_span(spans, m.start, m.end)
        if se is None:
            continue
        for k in range(*se):
            bio[k] = "B" if k == se[0] else "I"
            labels[k] = m.label[:12]
    return bio, labels


def token_features(
    words: Sequence[str],
    bio: Sequence[str],
    labels: Sequence[str],
    gaz: Gazetteer | None = None,
) -> list[list[str]]:
    """The feature names of every token of a sentence (``words`` as written); with ``gaz``,
    also whether each word and its pairs with its neighbours belong to the lexicon's forms."""
    stop = _stop_words()
    n = len(words)
    low = [w.lower() for w in words]
    kinds = ["stop" if w in stop else shape(words[i]) for i, w in enumerate(low)]
    first = "first=" + low[0] if n else ""
    last = "last=" + (words[-1][-1:] if n else "")

    def w(j: int) -> str:
        return low[j] if 0 <= j < n else ("<s>" if j < 0 else "</s>")

    def k(j: int) -> str:
        return kinds[j] if 0 <= j < n else "^$"

    def lex(j: int) -> str:
        return bio[j] + labels[j] if 0 <= j < n else "^$"

    out = []
    for i in range(n):
        lw = low[i]
        out.append(
            [
                "b",
                "w=" + lw,
                "sh=" + shape(words[i]),
                "p3=" + lw[:3],
                "p4=" + lw[:4],
                "s2=" + lw[-2:],
                "s3=" + lw[-3:],
                "s4=" + lw[-4:],
                "w-1=" + w(i - 1),
                "w+1=" + w(i + 1),
                "w-2=" + w(i - 2),
                "w+2=" + w(i + 2),
                "w-1w=" + w(i - 1) + "|" + lw,
                "ww+1=" + lw + "|" + w(i + 1),
                "w-2w-1=" + w(i - 2) + "|" + w(i - 1),
                "lex=" + bio[i],
                "lab=" + labels[i],
                "lexw=" + bio[i] + "|" + lw,
                "L-1=" + lex(i - 1),
                "L+1=" + lex(i + 1),
                "L-2=" + lex(i - 2),
                "L+2=" + lex(i + 2),
                "K0=" + k(i),
                "K-1=" + k(i - 1),
                "K+1=" + k(i + 1),
                "K3=" + k(i - 1) + k(i) + k(i + 1),
                "stop=" + str(lw in stop),
                "pos=" + str(min(i, 5)),
                "len=" + str(min(n, 10) // 3),
                first if i else "first=self",
                last,
            ]
        )
    if gaz is not None:
        for i, names in enumerate(out):
            lw = low[i]
            nxt = low[i + 1] if i + 1 < n else None
            names.append("gw=" + str(lw in gaz.words))
            names.append("gh=" + str(lw in gaz.heads) + str(nxt in gaz.heads))
            names.append("gf=" + str(lw in gaz.firsts))
            if lw in gaz.forms:
                names.append("g1")
            if nxt is not None and lw + " " + nxt in gaz.forms:
                names.append("g2=B")
            if i and low[i - 1] + " " + lw in gaz.forms:
                names.append("g2=I")
    return out


def emissions(model: dict[str, Any], feats: list[list[str]]) -> list[list[float]]:
    """Per token, the summed weights of its features for O, B and I."""
    weights: dict[str, list[float]] = model["weights"]
    out = []
    for names in feats:
        em = [0.0, 0.0, 0.0]
        for name in names:
            v = weights.get(name)
            if v is not None:
                em[0] += v[0]
                em[1] += v[1]
                em[2] += v[2]
        out.append(em)
    return out


def decode(
    model: dict[str, Any], feats: list[list[str]], em: list[list[float]] | None = None
) -> list[int]:
    """The best tag sequence (indices into TAGS) under ``model``: Viterbi, I never after O or at the start."""
    trans: list[list[float]] = model["transitions"]  # [previous state][tag], previous START = none
    if em is None:
        em = emissions(model, feats)
    n = len(em)
    if not n:
        return []
    back: list[list[int]] = []
    prev = [0.0, 0.0, 0.0]
    for i, e in enumerate(em):
        if i == 0:
            cur = [e[y] + trans[START][y] for y in range(3)]
            cur[2] = float("-inf")
            back.append([0, 0, 0])
        else:
            cur, arg = [], []
            for y in range(3):
                best, at = float("-inf"), 0
                for p in range(3):
                    if y == 2 and p == 0:
                        continue
                    t = prev[p] + trans[p][y]
                    if t > best:
                        best, at = t, p
                cur.append(best + e[y])
                arg.append(at)
            back.append(arg)
        prev = cur
    y = max(range(3), key=lambda t: prev[t])
    out = [y]
    for i in range(n - 1, 0, -1):
        y = back[i][y]
        out.append(y)
    return out[::-1]


def bio_token_spans(tags: Sequence[int]) -> list[tuple[int, int]]:
    """Token spans ``[s, e)`` of a tag sequence (an I with no B before it opens a span)."""
    out: list[tuple[int, int]] = []
    start = None
    for i, t in enumerate([*tags, 0]):
        if t != 2 and start is not None:
            out.append((start, i))
            start = None
        if t == 1 or (t == 2 and start is None and i < len(tags)):
            start = i
    return out


def read_model(name: str, root: str | None = None) -> dict[str, Any]:
    """The JSON model file ``name`` (under ``models/``) of the shipped lexicon, or of lexicon folder ``root``."""
    if root is None:
        from jdmatch.lexicon import default_lexicon_dir

        root = str(default_lexicon_dir())
    return json.loads((Path(root) / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=4)
def load_tagger(root: str | None = None) -> dict[str, Any]:
    """The fitted tagger of the shipped lexicon (or of lexicon folder ``root``)."""
    return read_model(TAGGER_FILE, root)


class Tagging(NamedTuple):
    """What the tagger found in a text: its spans, and per token how strongly it leans to B or I over O;
    ``looser``: the further spans it marks when O is made dearer (see :func:`tag`)."""

    spans: list[tuple[int, int]]  # character spans marked as knowledge
    tokens: list[tuple[int, int]]  # every token, in text order
    lean: list[tuple[float, float]]  # per token: B minus O and I minus O, of its emission weights
    looser: dict[tuple[int, int], int]  # span -> the first of the ``levels`` that marks it


def _looser_spans(
    model: dict[str, Any], feats: list[list[str]], em: list[list[float]], levels: Sequence[float]
) -> list[tuple[int, tuple[int, int]]]:
    """``(level index, token span)`` of the spans Viterbi finds when every token's O weight is
    lowered by each of ``levels`` in turn: the spans the tagger nearly marked, in the order it
    would give them up. One decode per level over the same emissions, so it stays cheap."""
    out: list[tuple[int, tuple[int, int]]] = []
    for k, level in enumerate(levels):
        shifted = [[e[0] - level, e[1], e[2]] for e in em]
        out.extend((k, se) for se in bio_token_spans(decode(model, feats, shifted)))
    return out


def tag(
    text: str,
    matches: Sequence[SkillMatch],
    model: dict[str, Any],
    levels: Sequence[float] = (),
) -> Tagging:
    """Tag ``text`` line by line (one sentence per line, as the tagger was trained on SkillSpan's
    sentences), given jdmatch's ``matches`` of it; with ``levels`` (ascending), also the looser
    spans of :func:`_looser_spans` that the plain decode does not mark."""
    lines: list[list[tuple[int, int]]] = []
    line_end = -1
    for a, b in tokenize(text):
        if a > line_end or not lines:
            lines.append([])
            nl = text.find("\n", a)
            line_end = nl if nl >= 0 else len(text)
        lines[-1].append((a, b))
    out = Tagging([], [], [], {})
    gaz = model_gazetteer(model)
    for sub in lines:
        a, b = sub[0][0], sub[-1][1]
        bio, labels = marks(sub, [m for m in matches if m.start < b and a < m.end])
        feats = token_features([text[a:b] for a, b in sub], bio, labels, gaz)
        em = emissions(model, feats)
        plain = set()
        for s, e in bio_token_spans(decode(model, feats, em)):
            out.spans.append((sub[s][0], sub[e - 1][1]))
            plain.add((s, e))
        for k, (s, e) in _looser_spans(model, feats, em, levels):
            if (s, e) not in plain:
                out.looser.setdefault((sub[s][0], sub[e - 1][1]), k)
        out.tokens.extend(sub)
        out.lean.extend((e[1] - e[0], e[2] - e[0]) for e in em)
    return out


def tagged_spans(
    text: str, matches: Sequence[SkillMatch], model: dict[str, Any]
) -> list[tuple[int, int]]:
    """The character spans the tagger marks as knowledge in ``text``."""
    return tag(text, matches, model).spans


def fit_bagged(
    sentences: Sequence[tuple[list[list[str]], list[int]]], *, epochs: int = 8, seeds: int = 3
) -> dict[str, Any]:
    """The mean of :func:`fit` over ``seeds`` orders of the sentences: one linear model as
    fast as each, and steadier (an averaged perceptron moves with the order it reads in)."""
    models = [fit(sentences, epochs=epochs, seed=k) for k in range(seeds)]
    names = sorted({n for m in models for n in m["weights"]})
    weights = {}
    for name in names:
        vs = [m["weights"].get(name, (0.0, 0.0, 0.0)) for m in models]
        avg = [round(sum(v[t] for v in vs) / seeds, 3) for t in range(3)]
        if any(avg):
            weights[name] = avg
    transitions = [
        [round(sum(m["transitions"][r][t] for m in models) / seeds, 3) for t in range(3)]
        for r in range(START + 1)
    ]
    return {"weights": weights, "transitions": transitions}


def fit(
    sentences: Sequence[tuple[list[list[str]], list[int]]], *, epochs: int = 8, seed: int = 0
) -> dict[str, Any]:
    """An averaged perceptron over ``(token features, gold tags)`` sentences: ``{"weights", "transitions"}``.

    Weights are averaged over every update (the lazy-sum form), and the result
    keeps only features that carry a weight.
    """
    w: dict[str, list[float]] = {}
    acc: dict[str, list[float]] = {}  # step-weighted sums of the updates, for the average
    trans = [[0.0] * 3 for _ in range(4)]
    tacc = [[0.0] * 3 for _ in range(4)]
    model = {"weights": w, "transitions": trans}
    order = list(range(len(sentences)))
    rnd = random.Random(seed)
    step = 1
    for _ in range(epochs):
        rnd.shuffle(order)
        for j in order:
            feats, gold = sentences[j]
            pred = decode(model, feats)
            if pred != gold:
                for i, names in enumerate(feats):
                    g, p = gold[i], pred[i]
                    if g != p:
                        for name in names:
                            v = w.setdefault(name, [0.0, 0.0, 0.0])
                            a = acc.setdefault(name, [0.0, 0.0, 0.0])
                            v[g] += 1
                            v[p] -= 1
                            a[g] += step
                            a[p] -= step
                    gp = gold[i - 1] if i else START
                    pp = pred[i - 1] if i else START
                    if gp != pp or g != p:
                        trans[gp][g] += 1
                        trans[pp][p] -= 1
                        tacc[gp][g] += step
                        tacc[pp][p] -= step
            step += 1
    weights = {}
    for name, v in w.items():
        avg = [round(v[t] - acc[name][t] / step, 3) for t in range(3)]
        if any(avg):
            weights[name] = avg
    transitions = [[round(trans[s][t] - tacc[s][t] / step, 3) for t in range(3)] for s in range(4)]
    return {"weights": dict(sorted(weights.items())), "transitions": transitions}
