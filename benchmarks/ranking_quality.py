"""ROC-AUC of jdmatch's fit score between relevance grades, next to a keyword-count baseline.

    python benchmarks/ranking_quality.py                      # the project's samples (samples/labels.csv)
    python benchmarks/ranking_quality.py data.csv --text-column text --label-column label [--positive backend]

With the samples, grade 2 is a backend-engineer document, 1 an adjacent
technical role, 0 a non-technical one. For another CSV, rows whose label equals
``--positive`` (or is the highest grade) are the positives and every other
label is compared against them in turn. The baseline counts 16 backend keywords.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import SAMPLES, table  # noqa: E402

KEYWORDS = ["java", "python", "spring", "django", "node", "sql", "postgresql", "api", "rest", "microservices",
            "docker", "kubernetes", "aws", "git", "backend", "database"]


def keyword_count(text: str) -> int:
    words = re.findall(r"[a-z0-9.#+]+", text.lower())
    return sum(words.count(k) for k in KEYWORDS)


def load(args: argparse.Namespace) -> list[tuple[str, str, str]]:
    """(id, text, label) rows."""
    if args.csv is None:
        from jdmatch import read_document

        rows = list(csv.DictReader((SAMPLES / "labels.csv").open(encoding="utf-8")))
        return [(r["path"], read_document(SAMPLES / r["path"]).text, f"{r['kind']}:{r['backend']}") for r in rows]
    csv.field_size_limit(1 << 30)
    with open(args.csv, encoding="utf-8", newline="") as fh:
        return [(str(i), r[args.text_column], r[args.label_column]) for i, r in enumerate(csv.DictReader(fh))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("csv", nargs="?", help="a CSV with a text and a label column (default: the samples)")
    parser.add_argument("--text-column", default="text")
    parser.add_argument("--label-column", default="label")
    parser.add_argument("--positive", default=None, help="the label of relevant rows")
    parser.add_argument("--profile", default="backend-engineer")
    args = parser.parse_args()
    from sklearn.metrics import roc_auc_score

    from jdmatch.matcher import Matcher

    rows = load(args)
    matcher = Matcher(args.profile)
    by_label: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for _, text, label in rows:
        by_label[label].append((matcher.score(text).score, keyword_count(text)))
    if args.csv is None:
        comparisons = [(f"{kind} backend (2) vs {name}", f"{kind}:2", f"{kind}:{g}") for kind in ("resume", "posting") for g, name in (("1", "adjacent technical (1)"), ("0", "non-technical (0)"))]
    else:
        positive = args.positive or max(by_label)
        comparisons = [(f"{positive} vs {other}", positive, other) for other in sorted(by_label) if other != positive]
    out = []
    for title, pos, neg in comparisons:
        if not by_label.get(pos) or not by_label.get(neg):
            continue
        y = [1] * len(by_label[pos]) + [0] * len(by_label[neg])
        ours = [s for s, _ in by_label[pos] + by_label[neg]]
        base = [k for _, k in by_label[pos] + by_label[neg]]
        out.append([title, len(by_label[pos]), len(by_label[neg]), f"{roc_auc_score(y, ours):.3f}", f"{roc_auc_score(y, base):.3f}"])
    print(f"{len(rows)} documents, profile {args.profile}")
    print(table(["comparison", "positives", "negatives", "ROC-AUC jdmatch", "ROC-AUC 16-keyword count"], out))


if __name__ == "__main__":
    main()
