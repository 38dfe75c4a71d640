"""Fit the models that ship with jdmatch on its reference corpus, and save them.

    python tools/fit_reference.py            # writes lexicon/reference/idf.json and the contrast models
    python tools/fit_reference.py --cv       # also prints cross-validated ROC-AUC for the choice of C

The reference corpus (``lexicon/reference/postings.jsonl`` and ``resumes.jsonl``,
written for jdmatch, fictional people and companies) is read twice:

1. the TF-IDF model (``FitScorer``): IDF weights over skill ids and content words
   of every reference document -> ``lexicon/reference/idf.json``;
2. the contrast model of the backend-engineer profile (``jdmatch.contrast``): a
   logistic regression over the skills each document shows (valued by depth of
   evidence), backend developers (grade 2) against everyone else, neighbours
   from technical roles weighing twice as much as non-technical ones ->
   ``lexicon/profiles/backend-engineer.contrast.json``.

Re-run after changing the lexicon, the depth rules or the corpus; tests check
that the shipped files match a fresh fit.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from jdmatch.scoring import FitScorer, reference_dir, reference_texts  # noqa: E402

CONTRAST_C = 0.25


def contrast_training_set() -> tuple[list[dict[str, float]], list[int], list[float], list[int]]:
    """(features, labels, sample weights, grades) of every graded reference document."""
    from jdmatch.matcher import Matcher
    from jdmatch.scoring import document_features, reference_documents

    matcher = Matcher()
    features, labels, weights, grades = [], [], [], []
    docs = reference_documents()
    n_pos = sum(1 for d in docs if d["grade"] == 2)
    n_neg = len(docs) - n_pos
    for doc in docs:
        ev = matcher.evidence(doc["text"])
        features.append(document_features(ev.analysis, ev.depth))
        grade = doc["grade"]
        grades.append(grade)
        labels.append(1 if grade == 2 else 0)
        # classes balanced; technical neighbours are the hard, informative negatives
        weights.append(n_neg / n_pos if grade == 2 else (1.3 if grade == 1 else 0.5))
    return features, labels, weights, grades


def cross_validate(
    features: list[dict[str, float]], labels: list[int], weights: list[float], grades: list[int]
) -> None:
    from sklearn.metrics import roc_auc_score

    from jdmatch.contrast import fit_contrast

    folds = 5
    for c in (0.1, 0.25, 0.5, 1.0, 2.0):
        scores: list[tuple[float, int]] = []
        for k in range(folds):
            train = [i for i in range(len(labels)) if i % folds != k]
            test = [i for i in range(len(labels)) if i % folds == k]
            model = fit_contrast(
                [features[i] for i in train],
                [labels[i] for i in train],
                weights=[weights[i] for i in train],
                C=c,
            )
            scores += [(model.probability(features[i]), grades[i]) for i in test]
        pos = [s for s, g in scores if g == 2]
        tech = [s for s, g in scores if g == 1]
        non = [s for s, g in scores if g == 0]
        auc1 = roc_auc_score([1] * len(pos) + [0] * len(tech), pos + tech)
        auc0 = roc_auc_score([1] * len(pos) + [0] * len(non), pos + non)
        print(
            f"C={c:<5} 5-fold ROC-AUC backend vs technical {auc1:.3f}, vs non-technical {auc0:.3f}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--cv", action="store_true", help="print cross-validated ROC-AUC for several C"
    )
    args = parser.parse_args()
    texts = reference_texts()
    scorer = FitScorer().fit(texts)
    out = reference_dir() / "idf.json"
    scorer.save(out)
    skills = sum(1 for t in scorer.idf_ if t.startswith("@"))
    print(
        f"fitted on {len(texts)} reference documents: {len(scorer.idf_)} terms ({skills} skill ids) -> {out}"
    )

    from jdmatch.contrast import fit_contrast

    features, labels, weights, grades = contrast_training_set()
    if args.cv:
        cross_validate(features, labels, weights, grades)
    model = fit_contrast(features, labels, weights=weights, C=CONTRAST_C, role="backend-engineer")
    model = type(model)(
        model.intercept,
        model.coef,
        model.role,
        model.n_docs,
        f"logistic regression, C={CONTRAST_C}, {sum(labels)} backend vs {len(labels) - sum(labels)} other documents",
    )
    target = REPO / "lexicon" / "profiles" / "backend-engineer.contrast.json"
    model.save(target)
    top = sorted(model.coef.items(), key=lambda kv: kv[1])
    print(f"contrast model: {len(model.coef)} skills -> {target}")
    print("  most backend:", ", ".join(k for k, _ in top[::-1][:12]))
    print("  most neighbour:", ", ".join(k for k, _ in top[:12]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
