"""Where a batch worker's time goes, stage by stage, per posting (cProfile).

    python benchmarks/profile_batch.py [--docs 2000] [--words 300]

Scores synthetic postings made from the samples (see ``_common.synthetic_postings``)
through the batch worker's own code path (``jdmatch.batch.BatchWorker.score_items``,
what each worker process runs) under cProfile, in this process, and splits
the time into stages by the functions that do them: reading the JSON line,
tokenizing, phrase matching, context checks for ambiguous words, the rest of
recognition (content words), structure (kind, sections, experience, depth,
polarity), scoring, the explanation and row, and writing the CSV row. A second,
unprofiled run through ``jdmatch.batch.run`` with 2 workers gives the wall-clock
rate, and the gap between it and twice the in-process rate is what the process
pool and the transfer between processes cost.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import synthetic_postings, table  # noqa: E402


def stage_times(worker: Any, texts: list[str]) -> dict[str, float]:
    """Seconds spent in each stage over ``texts``, timed directly around the calls that do it."""
    from collections import Counter

    from jdmatch import batch
    from jdmatch.evidence import skill_depth
    from jdmatch.scoring import polarities as _polarities
    from jdmatch.structure import find_sections, guess_kind, resume_experience

    matcher = worker.matcher  # the matcher a worker process builds once
    rec = matcher.recognizer
    scorer, profile = matcher.scorer, matcher.profile
    pvec = scorer.profile_vector(profile)
    t: Counter[str] = Counter()
    clock = time.perf_counter
    for i, text in enumerate(texts):
        a = clock()
        line = json.dumps({"id": str(i), "text": text})
        item = batch._row_item(json.loads(line), "<bench>", i, None, None, None)
        b = clock()
        doc = rec._tokenize(item.text)
        c = clock()
        found = rec._matcher(doc)
        d = clock()
        analysis = rec.analyze(
            item.text
        )  # tokenizes and matches again: those shares are taken out below
        e = clock()
        kind = guess_kind(analysis.text)
        sections = find_sections(analysis.text, kind)
        f = clock()
        depth = None
        if kind == "resume" and analysis.matches:
            exp = resume_experience(analysis.text, analysis.matches)
            depth = skill_depth(
                analysis.text, analysis.matches, exp, sections, as_of_year=time.localtime().tm_year
            )
        g = clock()
        _polarities(analysis)
        h = clock()
        result = scorer.score(
            analysis,
            profile,
            detail=False,
            profile_vector=pvec,
            depth=depth,
            contrast=matcher.contrast,
        )
        k = clock()
        row = {
            "id": item.id,
            "score": round(result.score, 2),
            "top_skills": "; ".join(m.name for m in result.matched[:8]),
        }
        buf = io.StringIO()
        import csv

        csv.writer(buf).writerow([batch._safe_cell(v) for v in row.values()])
        m = clock()
        t["reading the JSON line"] += b - a
        t["tokenizing"] += c - b
        t["phrase matching"] += d - c
        t["context checks and content words"] += (e - d) - (c - b) - (d - c)
        t["structure: kind and sections"] += f - e
        t["structure: experience and depth"] += g - f
        t["negation and hedging"] += h - g
        t["scoring and explanation"] += (k - h) - (h - g)  # score() runs the polarity check itself
        t["row and CSV"] += m - k
        del found
    return dict(t)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--words", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    from jdmatch import batch

    texts = synthetic_postings(args.docs, words=args.words)
    lines = [json.dumps({"id": f"p{i}", "text": t}) for i, t in enumerate(texts)]
    worker = batch.BatchWorker(profile="backend-engineer", timeout=0, max_bytes=None)
    times = stage_times(worker, texts[: min(len(texts), 1000)])
    n = min(len(texts), 1000)
    total = sum(times.values())
    rows_out = [
        [stage, f"{sec / n * 1e3:.3f}", f"{sec / total:.1%}"] for stage, sec in times.items()
    ]
    rows_out.append(["all", f"{total / n * 1e3:.3f}", "100%"])
    print(
        f"{n} synthetic postings of about {args.words} words, timed stage by stage in one process"
    )
    print(table(["stage", "ms per posting", "share"], rows_out))
    # and what cProfile sees as the heaviest Python functions of the worker's own path
    profiler = cProfile.Profile()
    items = [
        batch._row_item(json.loads(line), "<bench>", i, None, None, None)
        for i, line in enumerate(lines[:n])
    ]
    profiler.enable()
    for k in range(0, len(items), 32):
        worker.score_items(items[k : k + 32])
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(12)
    print(
        "\ncProfile, the 12 functions with the most own time (BatchWorker.score_items over the same postings):"
    )
    print(
        "\n".join(
            line
            for line in out.getvalue().splitlines()
            if line.strip() and not line.startswith(("   Ordered", "   List"))
        )[-1800:]
    )

    # the same postings through the real runner, unprofiled: in-process rate vs the pool's
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        src.write_text("\n".join(lines) + "\n", encoding="utf-8")
        t0 = time.perf_counter()
        batch.run([str(src)], Path(tmp) / "one.csv", workers=1)
        one = time.perf_counter() - t0
        t0 = time.perf_counter()
        batch.run([str(src)], Path(tmp) / "two.csv", workers=args.workers)
        two = time.perf_counter() - t0
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print()
    print(
        table(
            ["run", "postings/s", "note"],
            [
                [
                    "1 worker (in process), unprofiled",
                    f"{args.docs / one:,.0f}",
                    "start-up included",
                ],
                [
                    f"{args.workers} worker processes",
                    f"{args.docs / two:,.0f}",
                    f"ideal {min(args.workers, cores or 1) * args.docs / one:,.0f}; "
                    f"the gap is pool start-up and transfer between processes",
                ],
            ],
        )
    )


if __name__ == "__main__":
    main()
