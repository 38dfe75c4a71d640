"""Start time of `jdmatch skills` with and without a user's extra lexicon (median of N new processes).

The first run with an extra lexicon merges, validates and compiles it, then
caches the result by content hash; later runs read the cache. The table shows
the shipped lexicon alone, the first run (empty cache) and the cached runs, plus
extruct's import time (the JSON-LD library jdmatch does not use, for the record).

    python benchmarks/extra_lexicon_start.py [--runs 5] [--entries 200]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import SAMPLES, table  # noqa: E402


def once(cmd: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--entries", type=int, default=200, help="entries in the generated extra lexicon"
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="jdmatch-bench-"))
    try:
        extra = work / "team.jsonl"
        lines = [
            json.dumps(
                {
                    "id": f"inhouse-tool-{i}",
                    "name": f"Inhouse Tool {i}",
                    "label": "tool",
                    "category": "DevOps",
                    "aliases": [f"IHT{i}"],
                }
            )
            for i in range(args.entries)
        ]
        lines.append(json.dumps({"id": "postgresql", "aliases": ["PG"]}))
        extra.write_text("\n".join(lines) + "\n", encoding="utf-8")
        doc = str(SAMPLES / "resumes" / "nodejs-backend.txt")
        base = [sys.executable, "-m", "jdmatch", "skills", doc, "--format", "json"]
        with_extra = [*base, "--extra-lexicon", str(extra)]
        cache = work / "cache"
        env = {**os.environ, "JDMATCH_CACHE_DIR": str(cache)}
        once(
            base, env
        )  # warm the file cache, so that no row pays for the first read of the package
        shipped, first, cached = [], [], []
        for _ in range(
            args.runs
        ):  # interleaved, so that a busy moment of the machine hits every row alike
            shipped.append(once(base, env))
            shutil.rmtree(cache, ignore_errors=True)
            first.append(once(with_extra, env))
            cached.append(once(with_extra, env))
        rows = [
            [title, f"{statistics.median(t):.2f}", f"{min(t):.2f}", f"{max(t):.2f}"]
            for title, t in (
                ("skills, shipped lexicon", shipped),
                (
                    f"skills --extra-lexicon ({args.entries + 1} lines), first run (empty cache)",
                    first,
                ),
                ("skills --extra-lexicon, cached", cached),
            )
        ]
        probe = (
            "import time; t = time.perf_counter(); import extruct; print(time.perf_counter() - t)"
        )
        found = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
        extruct = f"{float(found.stdout):.2f} s" if found.returncode == 0 else "not installed"
        print(f"{args.runs} runs each, new process every time; `import extruct` once: {extruct}")
        print(table(["command", "median s", "min s", "max s"], rows))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
