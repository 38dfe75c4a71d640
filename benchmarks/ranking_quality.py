"""ROC-AUC of jdmatch's fit score between relevance grades, next to a keyword-count baseline.

    python benchmarks/ranking_quality.py                      # the project's samples (samples/labels.csv)
    python benchmarks/ranking_quality.py --ranking-dev ../shared/eval/ranking-dev
    python benchmarks/ranking_quality.py --resume-matcher ../shared/eval/resume-matcher-samples
    python benchmarks/ranking_quality.py data.csv --text-column text --label-column label [--positive backend]

``--ranking-dev`` reads the 65 real resumes and 14 real postings of that set
(labels by others, see its README) and prints, against the backend-engineer
profile, ROC-AUC backend (grade 2) vs other technical (1) vs non-technical (0),
the median score per grade and the share of backend resumes per band; then for
``pairs.csv`` the nDCG@5 and ROC-AUC (grade 2 and 1 vs 0) of each posting's
ranking of all 65 resumes with ``Matcher(job=posting)``. Only aggregates and ids
are printed: the resumes are real people's.

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

KEYWORDS = [
    "java",
    "python",
    "spring",
    "django",
    "node",
    "sql",
    "postgresql",
    "api",
    "rest",
    "microservices",
    "docker",
    "kubernetes",
    "aws",
    "git",
    "backend",
    "database",
]


def keyword_count(text: str) -> int:
    words = re.findall(r"[a-z0-9.#+]+", text.lower())
    return sum(words.count(k) for k in KEYWORDS)


def load(args: argparse.Namespace) -> list[tuple[str, str, str]]:
    """(id, text, label) rows."""
    if args.csv is None:
        from jdmatch import read_document

        rows = list(csv.DictReader((SAMPLES / "labels.csv").open(encoding="utf-8")))
        return [
            (r["path"], read_document(SAMPLES / r["path"]).text, f"{r['kind']}:{r['backend']}")
            for r in rows
        ]
    csv.field_size_limit(1 << 30)
    with open(args.csv, encoding="utf-8", newline="") as fh:
        return [
            (str(i), r[args.text_column], r[args.label_column])
            for i, r in enumerate(csv.DictReader(fh))
        ]


def _auc(pos: list[float], neg: list[float]) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score([1] * len(pos) + [0] * len(neg), pos + neg))


def _ndcg(scores: list[float], grades: list[int], k: int = 5) -> float:
    import math

    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))[:k]
    dcg = sum((2 ** grades[i] - 1) / math.log2(r + 2) for r, i in enumerate(order))
    ideal = sorted(grades, reverse=True)[:k]
    idcg = sum((2**g - 1) / math.log2(r + 2) for r, g in enumerate(ideal))
    return dcg / idcg if idcg else float("nan")


def ranking_dev(folder: Path, profile: str) -> None:
    """The real resumes and postings of ../shared/eval/ranking-dev (aggregates and ids only)."""
    import statistics

    from jdmatch import read_document
    from jdmatch.matcher import Matcher
    from jdmatch.scoring import BANDS

    labels = list(csv.DictReader((folder / "labels.csv").open(encoding="utf-8")))
    docs = {r["id"]: read_document(next((folder / "resumes").glob(r["id"] + ".*"))) for r in labels}
    matcher = Matcher(profile)
    scored = {rid: matcher.score(doc) for rid, doc in docs.items()}
    by_grade: dict[str, list[float]] = defaultdict(list)
    base: dict[str, list[int]] = defaultdict(list)
    for r in labels:
        by_grade[r["backend_grade"]].append(scored[r["id"]].score)
        base[r["backend_grade"]].append(keyword_count(docs[r["id"]].text))
    rows = []
    for pos, neg, name in (
        ("2", "1", "backend (2) vs other technical (1)"),
        ("2", "0", "backend (2) vs non-technical (0)"),
        ("1", "0", "other technical (1) vs non-technical (0)"),
    ):
        rows.append(
            [
                name,
                len(by_grade[pos]),
                len(by_grade[neg]),
                f"{_auc(by_grade[pos], by_grade[neg]):.3f}",
                f"{_auc([float(x) for x in base[pos]], [float(x) for x in base[neg]]):.3f}",
            ]
        )
    print(f"ranking-dev resumes: {len(labels)}, profile {profile}")
    print(
        table(
            ["comparison", "positives", "negatives", "ROC-AUC jdmatch", "ROC-AUC 16-keyword count"],
            rows,
        )
    )
    medians = []
    for g, name in (("2", "backend"), ("1", "other technical"), ("0", "non-technical")):
        xs = sorted(by_grade[g])
        bands = {b: sum(1 for x in xs if band_of(x, BANDS) == b) for _, b, _ in BANDS}
        medians.append(
            [
                f"{name} ({g})",
                len(xs),
                f"{statistics.median(xs):.1f}",
                f"{xs[len(xs) // 4]:.1f}",
                f"{xs[(3 * len(xs)) // 4]:.1f}",
                ", ".join(f"{b} {n}" for b, n in bands.items() if n),
            ]
        )
    print()
    print(table(["grade", "resumes", "median score", "p25", "p75", "bands"], medians))
    years = [(float(r["years"]), scored[r["id"]].years) for r in labels if r["years"]]
    within = sum(1 for want, got in years if got is not None and abs(want - got) <= 1)

    # the labels' ladder joins staff and principal ("staff_plus"); jdmatch's level is that of the
    # profile's engineering ladder, "n/a" for a document that names no engineering role
    def level_of(rid: str) -> str | None:
        s = scored[rid].seniority
        lv = s.level if s else None
        return "staff_plus" if lv in ("staff", "principal") else lv

    level = sum(1 for r in labels if level_of(r["id"]) == r["seniority"])
    technical = [r for r in labels if r["backend_grade"] != "0"]
    tech_level = sum(1 for r in technical if level_of(r["id"]) == r["seniority"])
    off_ladder = sum(1 for r in labels if r["backend_grade"] == "0" and level_of(r["id"]) == "n/a")
    print(
        f"\nyears within one year of the label: {within}/{len(years)}; seniority equal to the label: "
        f"{level}/{len(labels)} (technical resumes {tech_level}/{len(technical)}; "
        f"{off_ladder} of {len(labels) - len(technical)} non-technical ones read as off the engineering ladder, n/a)"
    )
    # pairs: each technical posting ranks all the resumes
    pairs: dict[str, dict[str, int]] = defaultdict(dict)
    for row in csv.DictReader((folder / "pairs.csv").open(encoding="utf-8")):
        pairs[row["posting_id"]][row["resume_id"]] = int(row["grade"])
    titles = {
        r["id"]: r["title"]
        for r in csv.DictReader((folder / "postings.csv").open(encoding="utf-8"))
    }
    out = []
    ndcgs, aucs = [], []
    for pid in sorted(pairs):
        posting = read_document(next((folder / "postings").glob(pid + ".*")))
        job = Matcher(job=posting)
        ids = sorted(pairs[pid])
        scores = [job.score(docs[i]).score for i in ids]
        grades = [pairs[pid][i] for i in ids]
        good = [s for s, g in zip(scores, grades) if g > 0]
        bad = [s for s, g in zip(scores, grades) if g == 0]
        nd = _ndcg(scores, grades)
        auc = _auc(good, bad) if good and bad else float("nan")
        ndcgs.append(nd)
        aucs.append(auc)
        out.append(
            [
                pid,
                (titles.get(pid) or "(untitled)")[:40],
                sum(1 for g in grades if g == 2),
                sum(1 for g in grades if g == 1),
                f"{nd:.3f}",
                f"{auc:.3f}",
            ]
        )
    out.append(
        ["all", "mean", "", "", f"{statistics.mean(ndcgs):.3f}", f"{statistics.mean(aucs):.3f}"]
    )
    print()
    print(table(["posting", "title", "grade 2", "grade 1", "nDCG@5", "ROC-AUC (1,2 vs 0)"], out))


def band_of(score: float, bands: tuple[tuple[float, str, str], ...]) -> str:
    return next(name for low, name, _ in bands if score >= low)


def resume_matcher(folder: Path) -> None:
    """Each resume-matcher sample resume against each of its job descriptions (public fictional PDFs)."""
    from jdmatch import read_document
    from jdmatch.matcher import Matcher

    resumes = sorted((folder / "Resumes").glob("*.pdf"))
    jobs = sorted((folder / "JobDescription").glob("*.pdf"))
    texts = {p: read_document(p) for p in resumes}
    profile = Matcher()
    rows = []
    for p in resumes:
        rows.append([p.stem, f"{profile.score(texts[p]).score:.1f}"])
    header = ["resume", "backend profile"]
    for j in jobs:
        m = Matcher(job=read_document(j))
        header.append(j.stem.replace("job_desc_", "")[:18])
        for row, p in zip(rows, resumes):
            row.append(f"{m.score(texts[p]).score:.1f}")
    print(table(header, rows))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "csv", nargs="?", help="a CSV with a text and a label column (default: the samples)"
    )
    parser.add_argument("--text-column", default="text")
    parser.add_argument("--label-column", default="label")
    parser.add_argument("--positive", default=None, help="the label of relevant rows")
    parser.add_argument("--profile", default="backend-engineer")
    parser.add_argument(
        "--ranking-dev", type=Path, help="the ranking-dev folder of real resumes and postings"
    )
    parser.add_argument(
        "--resume-matcher",
        type=Path,
        help="the resume-matcher-samples folder (PDF resumes and job descriptions)",
    )
    args = parser.parse_args()
    if args.ranking_dev:
        ranking_dev(args.ranking_dev, args.profile)
        return
    if args.resume_matcher:
        resume_matcher(args.resume_matcher)
        return
    from sklearn.metrics import roc_auc_score

    from jdmatch.matcher import Matcher

    rows = load(args)
    matcher = Matcher(args.profile)
    by_label: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for _, text, label in rows:
        by_label[label].append((matcher.score(text).score, keyword_count(text)))
    if args.csv is None:
        comparisons = [
            (f"{kind} backend (2) vs {name}", f"{kind}:2", f"{kind}:{g}")
            for kind in ("resume", "posting")
            for g, name in (("1", "adjacent technical (1)"), ("0", "non-technical (0)"))
        ]
    else:
        positive = args.positive or max(by_label)
        comparisons = [
            (f"{positive} vs {other}", positive, other)
            for other in sorted(by_label)
            if other != positive
        ]
    out = []
    for title, pos, neg in comparisons:
        if not by_label.get(pos) or not by_label.get(neg):
            continue
        y = [1] * len(by_label[pos]) + [0] * len(by_label[neg])
        ours = [s for s, _ in by_label[pos] + by_label[neg]]
        base = [k for _, k in by_label[pos] + by_label[neg]]
        out.append(
            [
                title,
                len(by_label[pos]),
                len(by_label[neg]),
                f"{roc_auc_score(y, ours):.3f}",
                f"{roc_auc_score(y, base):.3f}",
            ]
        )
    print(f"{len(rows)} documents, profile {args.profile}")
    print(
        table(
            ["comparison", "positives", "negatives", "ROC-AUC jdmatch", "ROC-AUC 16-keyword count"],
            out,
        )
    )


if __name__ == "__main__":
    main()
