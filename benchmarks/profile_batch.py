"""Where a batch worker's time goes, stage by stage, per posting (cProfile).

    python benchmarks/profile_batch.py [--docs 2000] [--words 300]

Scores synthetic postings made from the samples (see ``_common.synthetic_postings``)
through the batch worker's own code path (``jdmatch.batch.score_items``, the
function each worker process runs) under cProfile, in this process, and splits
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

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import synthetic_postings, table  # noqa: E402

# stage -> functions whose cumulative time is that stage (file suffix, function name); first match wins
STAGES: list[tuple[str, list[tuple[str, str]]]] = [
    ("tokenizing", [("~", "<method '__call__' of 'spacy.tokenizer.Tokenizer' objects>")]),
    ("phrase matching", [("~", "<method '__call__' of 'spacy.matcher.phrasematcher.PhraseMatcher' objects>")]),
    ("context checks", [("recognize.py", "_confirm")]),
    ("recognition, rest", [("recognize.py", "analyze")]),
    ("structure: kind and sections", [("structure.py", "guess_kind"), ("structure.py", "find_sections")]),
    ("structure: experience and depth", [("structure.py", "resume_experience"), ("evidence.py", "skill_depth")]),
    ("structure: negation and hedging", [("scoring.py", "_polarities")]),
    ("scoring and explanation", [("scoring.py", "score")]),
    ("level, years and gaps", [("matcher.py", "_with_experience")]),
    ("row", [("batch.py", "score_item")]),
]


def _cumulative(stats: pstats.Stats, where: str, name: str) -> float:
    total = 0.0
    for (filename, _line, func), (_cc, _nc, _tt, ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        if func == name and (where == "~" or filename.endswith(where)):
            total += ct
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--words", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    from jdmatch import batch

    texts = synthetic_postings(args.docs, words=args.words)
    lines = [json.dumps({"id": f"p{i}", "text": t}) for i, t in enumerate(texts)]
    batch.init_worker("backend-engineer", None, None, 0, None, "pdfminer", None)
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    items = [batch._row_item(json.loads(line), "<bench>", i, None, None, None) for i, line in enumerate(lines)]
    read_done = time.perf_counter()
    rows = []
    for k in range(0, len(items), 32):
        rows.extend(batch.score_items(items[k:k + 32]))
    buf = io.StringIO()
    import csv

    w = csv.writer(buf)
    for row in rows:
        w.writerow([batch._safe_cell(row.get(c, "")) for c in batch.COLUMNS])
    profiler.disable()
    wall = time.perf_counter() - started
    stats = pstats.Stats(profiler)
    measured: dict[str, float] = {}
    for stage, funcs in STAGES:
        measured[stage] = sum(_cumulative(stats, where, name) for where, name in funcs)
    # nested stages: report each one's own share
    own = dict(measured)
    own["recognition, rest"] -= measured["tokenizing"] + measured["phrase matching"] + measured["context checks"]
    own["scoring and explanation"] -= measured["structure: negation and hedging"]
    own["row"] -= sum(measured[s] for s in measured if s != "row")
    profiled_total = wall
    reading = read_done - started
    writing = _cumulative(stats, "~", "<method 'writerow' of '_csv.writer' objects>")
    rows_out = [["reading the JSON lines", f"{reading / args.docs * 1e3:.3f}", f"{reading / profiled_total:.1%}"]]
    for stage, _ in STAGES:
        rows_out.append([stage, f"{own[stage] / args.docs * 1e3:.3f}", f"{own[stage] / profiled_total:.1%}"])
    rows_out.append(["writing CSV rows", f"{writing / args.docs * 1e3:.3f}", f"{writing / profiled_total:.1%}"])
    rows_out.append(["all (profiled, in this process)", f"{profiled_total / args.docs * 1e3:.3f}", "100%"])
    print(f"{args.docs} synthetic postings of about {args.words} words, one process under cProfile (times include its overhead)")
    print(table(["stage", "ms per posting", "share"], rows_out))

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
    print(table(["run", "postings/s", "note"], [
        ["1 worker (in process), unprofiled", f"{args.docs / one:,.0f}", "start-up included"],
        [f"{args.workers} worker processes", f"{args.docs / two:,.0f}", f"ideal {min(args.workers, cores or 1) * args.docs / one:,.0f}; "
         f"the gap is pool start-up and transfer between processes"],
    ]))


if __name__ == "__main__":
    main()
