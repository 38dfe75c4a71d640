"""Cold start: one `jdmatch score` on a text resume in a new process, against spaCy's own start.

    python benchmarks/cold_start.py [--runs 7] [PATH]

Runs `python -c "import spacy; spacy.blank('en')"` and `jdmatch score PATH` in
alternation (paired runs, so a busy moment hits both), and prints the median of
the per-pair ratios; then the other commands' times, and where `jdmatch score`'s
import time goes (``python -X importtime``, cumulative per top-level package).
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import SAMPLES, table  # noqa: E402

# Both commands run as an installed program runs: with bytecode caches. pip writes them for what it
# installs; an editable checkout gets them on the first (warm-up) run, unless PYTHONDONTWRITEBYTECODE
# is set, which would make every run compile jdmatch's modules again and measure that instead.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_once(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(
        cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=CHILD_ENV
    )
    return time.perf_counter() - t0


def import_breakdown(cmd: list[str]) -> list[tuple[str, float]]:
    """Cumulative import time (s) of each top-level package imported by ``cmd`` (from -X importtime)."""
    proc = subprocess.run(
        [cmd[0], "-X", "importtime", *cmd[1:]], capture_output=True, text=True, env=CHILD_ENV
    )
    per: dict[str, float] = defaultdict(float)
    for line in proc.stderr.splitlines():
        m = re.match(r"import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)", line)
        if (
            m and len(m.group(2)) == 1
        ):  # a top-level import: its cumulative time holds everything under it
            per[m.group(3).split(".")[0]] += int(m.group(1)) / 1e6
    return sorted(per.items(), key=lambda kv: -kv[1])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("path", nargs="?", default=str(SAMPLES / "resumes" / "nodejs-backend.txt"))
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    py = sys.executable
    bare = [py, "-c", "import spacy; spacy.blank('en')"]
    score = [py, "-m", "jdmatch", "score", args.path]
    run_once(bare), run_once(score)  # warm the file cache
    pairs = []
    for _ in range(args.runs):
        a, b = run_once(bare), run_once(score)
        pairs.append((a, b, b / a))
    ratio = statistics.median(p[2] for p in pairs)
    print(f"{args.runs} paired runs, a new process each time")
    print(
        table(
            ["command", "median s", "min s"],
            [
                [
                    "python -c \"import spacy; spacy.blank('en')\"",
                    f"{statistics.median(p[0] for p in pairs):.2f}",
                    f"{min(p[0] for p in pairs):.2f}",
                ],
                [
                    f"jdmatch score {Path(args.path).name}",
                    f"{statistics.median(p[1] for p in pairs):.2f}",
                    f"{min(p[1] for p in pairs):.2f}",
                ],
                ["median of the per-pair ratios", f"{ratio:.2f}x", ""],
            ],
        )
    )
    rows = []
    for title, cmd in [
        ("python -c pass", [py, "-c", "pass"]),
        ("jdmatch --help", [py, "-m", "jdmatch", "--help"]),
        ("jdmatch profiles", [py, "-m", "jdmatch", "profiles"]),
        (f"jdmatch text {Path(args.path).name}", [py, "-m", "jdmatch", "text", args.path]),
        (f"jdmatch score {Path(args.path).name} --format json", [*score, "--format", "json"]),
    ]:
        times = [run_once(cmd) for _ in range(max(3, args.runs // 2))]
        rows.append([title, f"{statistics.median(times):.2f}", f"{min(times):.2f}"])
    print()
    print(table(["command", "median s", "min s"], rows))
    env_note = "" if not os.environ.get("PYTHONPATH") else " (PYTHONPATH set)"
    print(f"\nimport time of `jdmatch score` by top-level package{env_note}")
    print(
        table(
            ["package", "cumulative s"],
            [[name, f"{sec:.3f}"] for name, sec in import_breakdown(score)[:10]],
        )
    )


if __name__ == "__main__":
    main()
