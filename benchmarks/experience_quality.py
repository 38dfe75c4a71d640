"""How well jdmatch reads years of experience and seniority (``jdmatch.structure``).

    python benchmarks/experience_quality.py [--show-errors] [--ranking-dev DIR]

Three sets: the labelled snippets in ``benchmarks/data/experience_labels.jsonl``
(fictional resumes and postings written for this benchmark), the project's
samples as source texts (``samples/src/*.txt``, labels from ``samples/labels.csv``),
and the same samples read from their real files (PDF, DOCX, HTML, ...).
Resumes are scored on total years, postings on the years they ask ("no years
asked" must come out as none); "years within one year" counts a hit when both
are none or they differ by at most a year. "seniority exact" compares the
ladder level (``n/a`` for non-engineering roles). Today is fixed at 2026-11-29.

``--ranking-dev DIR`` also scores the real resumes of a ranking-dev folder
(``DIR/resumes/*``, labels in ``DIR/labels.csv``) as ``jdmatch score FILE`` does
(``Matcher().score(Path)``): from their files, "Present" being the day each
document was written when it says so. It prints aggregates only (share within one year, median absolute error,
seniority exact); ``--show-errors`` adds ids and numbers, never text.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import ROOT, SAMPLES, table  # noqa: E402

TODAY = date(2026, 11, 29)
DATA = ROOT / "benchmarks" / "data" / "experience_labels.jsonl"


def _cases_labelled() -> list[dict]:
    return [
        json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def _cases_samples(*, files: bool) -> list[dict]:
    from jdmatch import read_document

    out = []
    for row in csv.DictReader((SAMPLES / "labels.csv").open(encoding="utf-8")):
        path = SAMPLES / row["path"]
        text = (
            read_document(path).text
            if files
            else (SAMPLES / "src" / f"{row['kind']}-{path.stem}.txt").read_text(encoding="utf-8")
        )
        out.append(
            {
                "id": row["path"],
                "kind": row["kind"],
                "text": text,
                "years": float(row["years"]) if row["years"] else None,
                "seniority": row["seniority"],
            }
        )
    return out


def evaluate(cases: list[dict], *, show_errors: bool = False) -> dict[str, float]:
    from jdmatch.profile import load_profile
    from jdmatch.structure import resume_experience, seniority, years_asked

    ladder = load_profile("backend-engineer").ladder
    counts = {"resume": [0, 0, 0], "posting": [0, 0, 0]}  # n, years ok, seniority ok
    for case in cases:
        text, kind = case["text"], case["kind"]
        years = (
            resume_experience(text, (), today=TODAY).total_years
            if kind == "resume"
            else years_asked(text)[0]
        )
        want = case["years"]
        years_ok = (want is None and years is None) or (
            want is not None and years is not None and abs(years - want) <= 1.0
        )
        level = seniority(text, ladder=ladder, kind=kind, today=TODAY)
        level_ok = level.level == case["seniority"]
        c = counts[kind]
        c[0] += 1
        c[1] += years_ok
        c[2] += level_ok
        if show_errors and not (years_ok and level_ok):
            print(
                f"  {case['id']}: years {years} (want {want}), seniority {level.level} (want {case['seniority']}) - {level.evidence}",
                file=sys.stderr,
            )
    n = sum(c[0] for c in counts.values())
    return {
        "n": n,
        "resumes": counts["resume"][0],
        "postings": counts["posting"][0],
        "years": sum(c[1] for c in counts.values()) / n if n else 0.0,
        "years_resume": counts["resume"][1] / counts["resume"][0]
        if counts["resume"][0]
        else float("nan"),
        "years_posting": counts["posting"][1] / counts["posting"][0]
        if counts["posting"][0]
        else float("nan"),
        "seniority": sum(c[2] for c in counts.values()) / n if n else 0.0,
    }


def evaluate_ranking_dev(folder: Path, *, show_errors: bool = False) -> dict[str, float]:
    """Years and level of every labelled resume in a ranking-dev folder, as ``jdmatch score FILE`` reports them."""
    import statistics

    from jdmatch import Matcher

    matcher = Matcher(as_of=TODAY)  # the fallback when a document does not say when it was written
    labels = {
        row["id"]: row for row in csv.DictReader((folder / "labels.csv").open(encoding="utf-8"))
    }
    errors: list[float] = []
    level_ok = 0
    tech = [0, 0]  # technical resumes, and how many of them have the labelled level
    for path in sorted((folder / "resumes").iterdir()):
        row = labels.get(path.stem)
        if row is None or not row.get("years"):
            continue
        result = matcher.score(path)
        years, want = result.years or 0.0, float(row["years"])
        errors.append(abs(years - want))
        level = result.seniority.level if result.seniority else None
        if level in ("staff", "principal"):
            level = "staff_plus"  # the labels' ladder joins the two
        level_ok += level == row["seniority"]
        if row.get("backend_grade") in ("1", "2"):  # the engineering ladder applies
            tech[0] += 1
            tech[1] += level == row["seniority"]
        if show_errors and abs(years - want) > 1.0:
            print(
                f"  {path.stem}: years {years} (want {want:g}), as of {result.as_of} ({result.as_of_source})",
                file=sys.stderr,
            )
    n = len(errors)
    return {
        "n": n,
        "within": sum(e <= 1.0 for e in errors) / n if n else float("nan"),
        "median": statistics.median(errors) if n else float("nan"),
        "seniority": level_ok / n if n else float("nan"),
        "tech_seniority": tech[1] / tech[0] if tech[0] else float("nan"),
        "tech_n": tech[0],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--show-errors", action="store_true", help="list each case that misses, on stderr"
    )
    parser.add_argument(
        "--ranking-dev",
        type=Path,
        metavar="DIR",
        help="also measure the real resumes of a ranking-dev folder (aggregates only)",
    )
    args = parser.parse_args(argv)
    rows = []
    for name, cases in (
        ("labelled snippets (experience_labels.jsonl)", _cases_labelled()),
        ("samples, source texts (samples/src)", _cases_samples(files=False)),
        ("samples, real files (PDF/DOCX/HTML/MD/TXT)", _cases_samples(files=True)),
    ):
        if args.show_errors:
            print(f"{name}:", file=sys.stderr)
        r = evaluate(cases, show_errors=args.show_errors)
        rows.append(
            [
                name,
                f"{r['n']} ({r['resumes']} r / {r['postings']} p)",
                f"{r['years']:.1%}",
                f"{r['years_resume']:.1%}",
                f"{r['years_posting']:.1%}",
                f"{r['seniority']:.1%}",
            ]
        )
    print(
        table(
            ["set", "cases", "years within one year", "resumes", "postings", "seniority exact"],
            rows,
        )
    )
    if args.ranking_dev is not None:
        r = evaluate_ranking_dev(args.ranking_dev, show_errors=args.show_errors)
        print()
        print(
            table(
                [
                    "set",
                    "resumes",
                    "years within one year",
                    "median abs error (years)",
                    "seniority exact",
                    "seniority exact, technical resumes",
                ],
                [
                    [
                        f"ranking-dev ({args.ranking_dev.name})",
                        str(r["n"]),
                        f"{r['within']:.1%}",
                        f"{r['median']:.2f}",
                        f"{r['seniority']:.1%}",
                        f"{r['tech_seniority']:.1%} of {r['tech_n']}",
                    ]
                ],
            )
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
