"""Fit the knowledge view's model (``lexicon/models/knowledge.json``) on SkillSpan's train split.

    python tools/fit_knowledge.py [--skillspan ../shared/eval/skillspan] [--out lexicon/models/knowledge.json]

Four things are learnt from train (the dev split is never read). First, recognition
is made to look as it does on unseen postings: the lexicon holds terms
``tools/import_skillspan.py`` derived from this same split, so a train sentence's
mentions of them are left out unless another fold annotates the term too
(:func:`hide_own_terms`; ``--keep-own-terms`` keeps them). Then:

* **terms**: every word sequence (up to 4 words, lower-cased) annotated as a
  Knowledge span at least twice, with how often it is annotated and how often
  it occurs at all (anonymization placeholders and punctuation left out);
* **rules**: boundary conventions. For each recognized mention and each move
  (grow by the next or previous one or two words, shrink by the last or first
  word), how often the moved span is the gold span and how often the mention
  already was; a move is kept when it wins at least 3 times and more often
  than it loses (its weight: wins minus losses);
* **the tagger** (``lexicon/models/knowledge_tagger.json``): an averaged perceptron
  over B/I/O tags of :func:`jdmatch.knowledge_tagger.tokenize`'s tokens, with the
  lexicon's words as features (:func:`jdmatch.knowledge_tagger.gazetteer`, without
  the entries taken from this split)
  (:func:`jdmatch.knowledge_tagger.fit_bagged`: the mean of 3 seeded orders, 8 epochs each). A train sentence's
  tagger spans, which become candidates and features, come from a tagger fitted
  on the other folds, and so do its looser spans (``TAGGER_LEVELS``, see
  :func:`jdmatch.knowledge_tagger.tag`);
* **weights**: a logistic regression (scikit-learn, lbfgs, L2, fixed C) over the
  binary features of :func:`jdmatch.knowledge.variant_features` of every candidate
  and of each of its boundary variants (the span grown or shrunk by a word or two),
  the target being "exactly a gold Knowledge span"; the view keeps each candidate's
  most probable variant (:func:`jdmatch.knowledge.knowledge_mentions`). Terms
  and rules for a train sentence's features come from the other folds (5
  folds by posting, as dev and test are postings train never saw), so the
  weights see them as they behave on unseen text;
  the threshold is the one that maximizes exact-span F1 in 5-fold
  cross-validation of what the view then keeps.

Only counts, short terms, rule keys and weights rounded to 4 decimals are
written (features seen fewer than twice are left out): no sentences.
SkillSpan (Zhang et al., NAACL 2022) is MIT-licensed (its LICENSE.txt), which
allows this derived data with the notice kept in the model's ``about``.
"""

from __future__ import annotations

import argparse
import json
import sys
import zlib
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from jdmatch.derive import bio_spans  # noqa: E402
from jdmatch.knowledge import (  # noqa: E402
    MAX_TERM_WORDS,
    boundary_moves,
    choose,
    tagger_candidates,
    token_span,
    tokenize,
    variant_features,
    variant_groups,
)
from jdmatch.knowledge_tagger import (  # noqa: E402
    TAGGER_FILE,
    fit_bagged,
    gazetteer,
    marks,
    tag,
    token_features,
)

TAGGER_EPOCHS = 8
TAGGER_SEEDS = 3
# how much dearer O is made for the tagger's looser decodes (jdmatch.knowledge_tagger.tag's levels),
# in the units of its weights; the spans they add are candidates the model may take or leave
TAGGER_LEVELS = (30.0,)
TAGGER_ABOUT = (
    "The knowledge view's sequence tagger (jdmatch.knowledge_tagger), an averaged perceptron fitted by "
    "tools/fit_knowledge.py on SkillSpan train (Zhang et al., NAACL 2022; MIT licence, Copyright (c) 2023 "
    "Mike Zhang): per feature name, weights for the tags O, B, I; transitions[previous tag or start][tag]."
)
C = 0.5
FOLDS = 5
MIN_TERM_GOLD = 2
MIN_RULE_WINS = 3
THRESHOLDS = [round(0.1 + 0.05 * i, 2) for i in range(13)]


def read(path: Path) -> list[dict[str, Any]]:
    """Train sentences: text, gold character spans, the SkillSpan token starts and the recognized mentions."""
    from jdmatch.matcher import Matcher

    matcher = Matcher()
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            tokens = row["tokens"]
            text = " ".join(tokens)
            starts, pos = [], 0
            for tok in tokens:
                starts.append(pos)
                pos += len(tok) + 1
            gold = {
                (starts[a], starts[b - 1] + len(tokens[b - 1]))
                for a, b in bio_spans(row["tags_knowledge"])
            }
            rows.append(
                {
                    "text": text,
                    "posting": row.get("idx", text),
                    "starts": starts,
                    "gold": gold,
                    "matches": matcher.skills(text),
                }
            )
    return rows


def as_gold(row: dict[str, Any], start: int, end: int) -> tuple[int, int]:
    """A predicted character span widened to whole SkillSpan tokens (how the benchmark scores it)."""
    starts = row["starts"]
    s = max(k for k, st in enumerate(starts) if st <= start)
    e = max(k for k, st in enumerate(starts) if st < end)
    text = row["text"]
    return starts[s], starts[e] + len(text[starts[e] :].split(" ", 1)[0])


def _usable(words: list[str]) -> bool:
    return not any(w.startswith("<") for w in words) and any(c.isalnum() for w in words for c in w)


def learn_terms(rows: list[dict[str, Any]]) -> dict[str, list[int]]:
    """``term -> [times annotated, times seen]`` for the terms annotated at least MIN_TERM_GOLD times."""
    gold: Counter[str] = Counter()
    tokenized = []
    for row in rows:
        text = row["text"]
        spans = tokenize(text)
        words = [text[a:b].lower() for a, b in spans]
        tokenized.append(words)
        for gs, ge in row["gold"]:
            se = token_span(spans, gs, ge)
            if se is None or spans[se[0]][0] != gs or spans[se[1] - 1][1] != ge:
                continue
            if se[1] - se[0] <= MAX_TERM_WORDS and _usable(words[se[0] : se[1]]):
                gold[" ".join(words[se[0] : se[1]])] += 1
    keep = {t for t, n in gold.items() if n >= MIN_TERM_GOLD}
    seen: Counter[str] = Counter()
    for words in tokenized:
        for i in range(len(words)):
            for n in range(1, MAX_TERM_WORDS + 1):
                key = " ".join(words[i : i + n])
                if i + n <= len(words) and key in keep:
                    seen[key] += 1
    return {t: [gold[t], max(seen[t], gold[t])] for t in sorted(keep)}


def learn_rules(rows: list[dict[str, Any]]) -> dict[str, float]:
    """``move key -> wins - losses`` for the boundary moves that win more than they lose."""
    wins: Counter[str] = Counter()
    losses: Counter[str] = Counter()
    for row in rows:
        text = row["text"]
        spans = tokenize(text)
        words = [text[a:b] for a, b in spans]
        for m in row["matches"]:
            if m.label == "soft_skill":
                continue
            se = token_span(spans, m.start, m.end)
            if se is None:
                continue
            was = as_gold(row, m.start, m.end) in row["gold"]
            for key, s, e in boundary_moves(words, *se):
                if was:
                    losses[key] += 1
                elif as_gold(row, spans[s][0], spans[e - 1][1]) in row["gold"]:
                    wins[key] += 1
    return {
        k: float(w - losses[k])
        for k, w in sorted(wins.items())
        if w >= MIN_RULE_WINS and w > losses[k]
    }


def train_derived_entries() -> set[str]:
    """The ids of the lexicon entries ``tools/import_skillspan.py`` derived from this same train split."""
    path = REPO / "lexicon" / "skills" / "skillspan.jsonl"
    if not path.exists():
        return set()
    with path.open(encoding="utf-8") as fh:
        return {json.loads(line)["id"] for line in fh if line.strip()}


def hide_own_terms(rows: list[dict[str, Any]], derived: set[str]) -> int:
    """Drop from each row's matches the train-derived lexicon entries that no other fold annotates.

    jdmatch's lexicon holds terms annotated in train (even once), so on a train sentence
    recognition finds its own gold spans, which it cannot do on an unseen posting: on
    SkillSpan dev such entries make 3% of the mentions, on train 15-35%, nearly all of them
    gold. Left in, the tagger and the weights learn to trust a recognized mention more than
    they should and the words around it less. A mention of such an entry is kept only when
    its surface is annotated in another fold (so the entry would exist without this
    sentence's posting); the original matches stay in ``all_matches``. Returns how many
    mentions were dropped."""
    annotated: list[Counter[str]] = [Counter() for _ in range(FOLDS)]
    for row in rows:
        for a, b in row["gold"]:
            annotated[fold_of(row)][row["text"][a:b].lower()] += 1
    dropped = 0
    for row in rows:
        k = fold_of(row)
        row.setdefault("all_matches", row["matches"])
        kept = []
        for m in row["all_matches"]:
            if m.id in derived and not any(
                annotated[j][m.text.lower()] for j in range(FOLDS) if j != k
            ):
                dropped += 1
                continue
            kept.append(m)
        row["matches"] = kept
    return dropped


def learn_conventions(rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "drop_labels": ["soft_skill"],
        "min_term_gold": MIN_TERM_GOLD,
        "rules": learn_rules(rows),
        "terms": learn_terms(rows),
    }


def examples(
    rows: list[dict[str, Any]], model: dict[str, Any]
) -> tuple[list[list[str]], list[int], list[tuple[int, int, tuple[int, int]]]]:
    """Features and target (exactly a gold span) of every candidate and boundary variant of ``rows``
    under ``model``'s terms and rules, and where each stands: (row, group, its span as the benchmark scores it)."""
    X, y, where = [], [], []
    for r, row in enumerate(rows):
        text = row["text"]
        tagged = row.get("tagged")
        groups = variant_groups(text, row["matches"], model, tagger_candidates(text, tagged))
        firsts = [g[0][0] for g in groups]
        for gi, group in enumerate(groups):
            for m, key in group:
                span = as_gold(row, m.start, m.end)
                X.append(variant_features(text, m, firsts, gi, model["terms"], key, tagged))
                y.append(int(span in row["gold"]))
                where.append((r, gi, span))
    return X, y, where


def chosen(p: Any, where: list[tuple[int, int, tuple[int, int]]], threshold: float) -> set[Any]:
    """What the view keeps (:func:`jdmatch.knowledge.choose`, as ``knowledge_mentions`` calls it):
    each group's most probable variant, at or over ``threshold``, the most probable first where
    they overlap; as (row, span) pairs."""
    best: dict[tuple[int, int], int] = {}
    for k, (r, gi, _) in enumerate(where):
        if (r, gi) not in best or p[k] > p[best[(r, gi)]]:
            best[(r, gi)] = k
    by_row: dict[int, dict[tuple[int, int], float]] = {}
    for (r, _), k in best.items():
        spans = by_row.setdefault(r, {})
        span = where[k][2]
        spans[span] = max(spans.get(span, 0.0), float(p[k]))
    return {
        (r, span)
        for r, spans in by_row.items()
        for span in choose(((q, sp) for sp, q in spans.items()), threshold)
    }


def tagger_sentence(row: dict[str, Any]) -> tuple[list[list[str]], list[int]]:
    """The tagger's features of a train sentence and its gold tags over :func:`tokenize`'s tokens."""
    text = row["text"]
    spans = tokenize(text)
    bio, labels = marks(spans, row["matches"])
    gold = [0] * len(spans)
    for gs, ge in sorted(row["gold"]):
        se = token_span(spans, gs, ge)
        if se is None:
            continue
        gold[se[0]] = 1
        for k in range(se[0] + 1, se[1]):
            gold[k] = 2
    return token_features([text[a:b] for a, b in spans], bio, labels, gazetteer()), gold


def cross_tag(rows: list[dict[str, Any]], seeds: int) -> None:
    """Each row's ``tagged`` spans from a tagger fitted on the other folds (as it behaves on unseen postings)."""
    sentences = [tagger_sentence(r) for r in rows]
    for k in range(FOLDS):
        tagger = fit_bagged(
            [s for r, s in zip(rows, sentences) if fold_of(r) != k],
            epochs=TAGGER_EPOCHS,
            seeds=seeds,
        )
        tagger["gazetteer"] = True
        for r in rows:
            if fold_of(r) == k:
                r["tagged"] = tag(r["text"], r["matches"], tagger, TAGGER_LEVELS)
        print(f"tagger fold {k}: {len(tagger['weights'])} features", flush=True)


def fold_of(row: dict[str, Any]) -> int:
    """The cross-validation fold of a sentence: by its posting, so the folds are unseen postings to
    each other, as dev and test are to train."""
    return zlib.crc32(str(row["posting"]).encode("utf-8")) % FOLDS


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--skillspan", default=str(REPO.parent / "shared" / "eval" / "skillspan"))
    parser.add_argument(
        "--seeds", type=int, default=TAGGER_SEEDS, help="tagger orders averaged (1: one perceptron)"
    )
    parser.add_argument(
        "--keep-own-terms",
        action="store_true",
        help="keep the mentions of train-derived lexicon entries on their own sentences (see hide_own_terms)",
    )
    parser.add_argument("--out", default=str(REPO / "lexicon" / "models" / "knowledge.json"))
    args = parser.parse_args()
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = read(Path(args.skillspan) / "train.json")
    if not args.keep_own_terms:
        n = hide_own_terms(rows, train_derived_entries())
        print(f"{n} mentions of train-derived entries no other fold annotates left out", flush=True)
    cross_tag(rows, args.seeds)
    tagger = fit_bagged([tagger_sentence(r) for r in rows], epochs=TAGGER_EPOCHS, seeds=args.seeds)
    tagger_out = Path(args.out).with_name(Path(TAGGER_FILE).name)
    tagger_out.write_text(
        json.dumps(
            {
                "about": TAGGER_ABOUT,
                "epochs": TAGGER_EPOCHS,
                "seeds": args.seeds,
                "gazetteer": True,
                **tagger,
            },
            indent=0,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"tagger: {len(tagger['weights'])} features written to {tagger_out}")
    n_gold = sum(len(r["gold"]) for r in rows)
    X: list[list[str]] = []
    y: list[int] = []
    folds: list[int] = []
    where: list[tuple[int, int, tuple[int, int]]] = []
    for k in range(FOLDS):
        inner = learn_conventions([r for r in rows if fold_of(r) != k])
        index = [i for i, r in enumerate(rows) if fold_of(r) == k]
        Xk, yk, wk = examples([rows[i] for i in index], inner)
        X += Xk
        y += yk
        folds += [k] * len(yk)
        where += [(index[r], gi, span) for r, gi, span in wk]
    gold = {(i, g) for i, row in enumerate(rows) for g in row["gold"]}
    counts: Counter[str] = Counter(name for row in X for name in row)
    vec = DictVectorizer()
    A = vec.fit_transform([{n: 1 for n in row if counts[n] >= 2} for row in X])
    target, group = np.array(y), np.array(folds)
    p = np.zeros(len(target))
    for k in range(FOLDS):
        tr, te = group != k, group == k
        clf = LogisticRegression(C=C, max_iter=3000).fit(A[tr], target[tr])
        p[te] = clf.predict_proba(A[te])[:, 1]
    best = (0.0, 0.5)
    for t in THRESHOLDS:
        kept = chosen(p, where, t)
        tp = len(kept & gold)
        prec = tp / len(kept) if kept else 0.0
        rec = tp / n_gold
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        print(
            f"threshold {t:.2f}: kept {len(kept)}, exact P {prec:.3f}, R {rec:.3f}, F1 {f1:.3f} (cross-validated on train)"
        )
        if f1 > best[0] + 1e-9:
            best = (f1, t)
    print(
        f"all candidates and variants: {len(target)}, of which exact {target.mean():.3f}, R {target.sum() / n_gold:.3f}"
    )
    clf = LogisticRegression(C=C, max_iter=3000).fit(A, target)
    weights = {
        name: round(float(w), 4)
        for name, w in zip(vec.get_feature_names_out(), clf.coef_[0])
        if abs(w) >= 1e-4
    }
    weights["bias"] = round(weights.get("bias", 0.0) + float(clf.intercept_[0]), 4)
    model = {
        "about": "The knowledge view's model, fitted by tools/fit_knowledge.py on SkillSpan train "
        "(Zhang et al., NAACL 2022; MIT licence, Copyright (c) 2023 Mike Zhang): terms annotated as knowledge "
        "([times annotated, times seen]), boundary rules (wins minus losses), logistic weights of binary features.",
        "threshold": best[1],
        "variants": True,
        "tagger": True,
        "tagger_levels": list(TAGGER_LEVELS),
        **learn_conventions(rows),
        "weights": dict(sorted(weights.items())),
    }
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(model, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(
        f"{len(model['terms'])} terms, {len(model['rules'])} rules, {len(weights)} weights, "
        f"threshold {best[1]} written to {out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
