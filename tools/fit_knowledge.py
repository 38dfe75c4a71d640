"""Fit the knowledge-mention model (``lexicon/models/knowledge.json``) on SkillSpan's train split.

    python tools/fit_knowledge.py [--skillspan ../shared/eval/skillspan] [--out lexicon/models/knowledge.json]

For every mention ``Matcher.skills`` finds in a train sentence (soft skills
aside: SkillSpan tags those as skills, not knowledge), the target is whether it
touches a gold Knowledge span. A logistic regression (scikit-learn, lbfgs,
L2, fixed C) over the binary features of :func:`jdmatch.knowledge.features` is
fitted on all of train; the threshold is the one that maximizes exact-span F1 in
5-fold cross-validation over train documents. Only the weights, rounded to
4 decimals, are written (features seen fewer than twice are left out), so
the file holds no sentences. The dev split is never read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from jdmatch.derive import bio_spans  # noqa: E402
from jdmatch.knowledge import features  # noqa: E402

C = 1.0
THRESHOLDS = [round(0.2 + 0.05 * i, 2) for i in range(9)]


def examples(path: Path) -> tuple[list[list[str]], list[int], list[int], list[int], int]:
    """Features, target (touches gold), exact (equals gold) and document of every mention; and the gold count."""
    from jdmatch.matcher import Matcher

    matcher = Matcher()
    X: list[list[str]] = []
    y: list[int] = []
    exact: list[int] = []
    docs: list[int] = []
    n_gold = 0
    doc_ids: dict[tuple[object, object], int] = {}
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh):
            row = json.loads(line)
            tokens = row["tokens"]
            text = " ".join(tokens)
            starts, pos = [], 0
            for tok in tokens:
                starts.append(pos)
                pos += len(tok) + 1
            gold = set(bio_spans(row["tags_knowledge"]))
            n_gold += len(gold)
            found = [m for m in matcher.skills(text) if m.label != "soft_skill"]
            for i, m in enumerate(found):
                s = max(k for k, st in enumerate(starts) if st <= m.start)
                e = max(k for k, st in enumerate(starts) if st < m.end) + 1
                X.append(features(text, m, found, i))
                y.append(int(any(a < e and s < b for a, b in gold)))
                exact.append(int((s, e) in gold))
                docs.append(
                    doc_ids.setdefault((row.get("source"), row.get("idx", number)), len(doc_ids))
                )
    return X, y, exact, docs, n_gold


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--skillspan", default=str(REPO.parent / "shared" / "eval" / "skillspan"))
    parser.add_argument("--out", default=str(REPO / "lexicon" / "models" / "knowledge.json"))
    args = parser.parse_args()
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    X, y, exact, docs, n_gold = examples(Path(args.skillspan) / "train.json")
    counts: dict[str, int] = {}
    for row in X:
        for name in row:
            counts[name] = counts.get(name, 0) + 1
    rows = [{n: 1 for n in row if counts[n] >= 2} for row in X]
    vec = DictVectorizer()
    A = vec.fit_transform(rows)
    target, ex, groups = np.array(y), np.array(exact), np.array(docs)
    p = np.zeros(len(target))
    for tr, te in GroupKFold(5).split(A, target, groups):
        clf = LogisticRegression(C=C, max_iter=2000).fit(A[tr], target[tr])
        p[te] = clf.predict_proba(A[te])[:, 1]
    base = ex.sum()  # exact hits among all mentions (recall bound); F1 relative to the gold count
    best = (0.0, 0.5)
    for t in THRESHOLDS:
        keep = p >= t
        tp = ex[keep].sum()
        prec = tp / keep.sum() if keep.sum() else 0.0
        rec = tp / n_gold
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        print(
            f"threshold {t:.2f}: kept {keep.mean():.3f}, exact P {prec:.3f}, R {rec:.3f}, F1 {f1:.3f} (cross-validated on train)"
        )
        if f1 > best[0] + 1e-9:
            best = (f1, t)
    print(f"all mentions: exact P {base / len(ex):.3f}, R {base / n_gold:.3f}")
    clf = LogisticRegression(C=C, max_iter=2000).fit(A, target)
    weights = {
        name: round(float(w), 4)
        for name, w in zip(vec.get_feature_names_out(), clf.coef_[0])
        if abs(w) >= 1e-4
    }
    weights["bias"] = round(weights.get("bias", 0.0) + float(clf.intercept_[0]), 4)
    model = {
        "about": "Which recognized mentions SkillSpan's annotators count as knowledge; fitted by tools/fit_knowledge.py "
        "on SkillSpan train (Zhang et al., NAACL 2022; MIT licence). Weights of binary features, logistic.",
        "threshold": best[1],
        "drop_labels": ["soft_skill"],
        "weights": dict(sorted(weights.items())),
    }
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(model, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(weights)} weights, threshold {best[1]} written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
