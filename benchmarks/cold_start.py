"""Wall time of one `jdmatch score` on a text resume in a new process (median of N runs).

    python benchmarks/cold_start.py [--runs 5] [PATH]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import SAMPLES, table  # noqa: E402


def timed(cmd: list[str], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        out.append(time.perf_counter() - t0)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", default=str(SAMPLES / "resumes" / "nodejs-backend.txt"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    py = sys.executable
    rows = []
    for title, cmd in [
        ("python -c pass", [py, "-c", "pass"]),
        ("jdmatch --help", [py, "-m", "jdmatch", "--help"]),
        ("import spacy", [py, "-c", "import spacy"]),
        ("import sklearn TF-IDF (not used by score)", [py, "-c", "import sklearn.feature_extraction.text"]),
        (f"jdmatch score {Path(args.path).name}", [py, "-m", "jdmatch", "score", args.path]),
        (f"jdmatch score {Path(args.path).name} --format json", [py, "-m", "jdmatch", "score", args.path, "--format", "json"]),
    ]:
        times = timed(cmd, args.runs)
        rows.append([title, f"{statistics.median(times):.2f}", f"{min(times):.2f}", f"{max(times):.2f}"])
    print(f"{args.runs} runs each, new process every time")
    print(table(["command", "median s", "min s", "max s"], rows))


if __name__ == "__main__":
    main()
