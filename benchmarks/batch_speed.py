"""Throughput and peak memory of `jdmatch batch`, from JSONL and from a folder of PDFs.

    python benchmarks/batch_speed.py [--sizes 20000 100000] [--workers 1 2] [--pdfs 40]

Each JSONL row also gives the yardstick measured in the same run: spaCy's bare
``spacy.blank("en").tokenizer`` over the same texts in as many processes (start-up
included), and jdmatch's rate as a ratio of it.

JSONL rows are postings made from the samples with variation
(``_common.synthetic_postings``). Each run is a new `jdmatch batch` process;
peak memory is the largest resident set of any process of the run (parent or
worker), read from the kernel's accounting of child processes.
The PDF rows compare pages per second per worker with bare pdfminer.six
(`extract_text`) on the same files.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import SAMPLES, synthetic_postings, table  # noqa: E402


def run_batch(args: list[str]) -> tuple[float, float]:
    """(seconds, peak MiB) of one `jdmatch batch` run in a fresh process tree."""
    code = (
        "import resource, subprocess, sys, time\n"
        "t0 = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
        "print(time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            code,
            sys.executable,
            "-m",
            "jdmatch",
            "batch",
            *args,
            "-q",
            "--force",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return float(out[0]), float(out[1]) / 1024


_TOKENIZE = """
import json, sys, time
from multiprocessing import get_context
def work(part):
    import spacy
    tok = spacy.blank("en").tokenizer
    n = 0
    with open(sys.argv[1], encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i % int(sys.argv[2]) == part:
                tok(json.loads(line)["text"])
                n += 1
    return n
if __name__ == "__main__":
    w = int(sys.argv[2])
    with get_context("fork").Pool(w) as pool:
        print(sum(pool.map(work, range(w))))
"""


def tokenizer_rate(src: Path, workers: int) -> float:
    """Postings/s of spaCy's bare blank-English tokenizer over the same JSONL in ``workers`` processes, start-up included."""
    t0 = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", _TOKENIZE, str(src), str(workers)],
        capture_output=True,
        text=True,
        check=True,
    )
    seconds = time.perf_counter() - t0
    return int(out.stdout.strip()) / seconds


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[20_000, 100_000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument(
        "--pdfs", type=int, default=40, help="PDF files in the folder benchmark (0 to skip)"
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="jdmatch-bench-"))
    rows = []
    try:
        base = synthetic_postings(2000)
        for n in args.sizes:
            src = work / f"postings-{n}.jsonl"
            with src.open("w", encoding="utf-8") as fh:
                for i in range(n):
                    fh.write(
                        json.dumps(
                            {
                                "id": f"p{i}",
                                "title": f"Posting {i}",
                                "text": base[i % len(base)] + f"\nRef {i}",
                            }
                        )
                        + "\n"
                    )
            for w in args.workers:
                bare = tokenizer_rate(src, w)  # the yardstick, in the same run
                seconds, peak = run_batch(
                    [str(src), "-o", str(work / "out.csv"), "--workers", str(w)]
                )
                rows.append(
                    [
                        f"JSONL, {n:,} postings",
                        w,
                        f"{n / seconds:,.0f} postings/s",
                        f"{bare:,.0f}/s",
                        f"{n / seconds / bare:.2f}x",
                        f"{seconds:.1f}",
                        f"{peak:.0f}",
                    ]
                )
        if args.pdfs:
            from pdfminer.high_level import extract_text
            from pdfminer.pdfpage import PDFPage

            folder = work / "pdfs"
            folder.mkdir()
            pdfs = sorted(SAMPLES.glob("*/*.pdf"))
            for i in range(args.pdfs):
                shutil.copy(pdfs[i % len(pdfs)], folder / f"{i:04d}-{pdfs[i % len(pdfs)].name}")
            pages = 0
            t0 = time.perf_counter()
            for p in sorted(folder.iterdir()):
                with p.open("rb") as fh:
                    pages += sum(1 for _ in PDFPage.get_pages(fh))
                extract_text(p)
            bare = pages / (time.perf_counter() - t0)
            rows.append(
                [
                    f"PDF folder, {args.pdfs} files, {pages} pages: bare pdfminer.six",
                    1,
                    f"{bare:.1f} pages/s",
                    "",
                    "",
                    "",
                    "",
                ]
            )
            for w in args.workers:
                seconds, peak = run_batch(
                    [str(folder), "-o", str(work / "pdf.csv"), "--workers", str(w)]
                )
                rows.append(
                    [
                        "PDF folder: jdmatch batch",
                        w,
                        f"{pages / seconds:.1f} pages/s",
                        f"{bare:.1f} pages/s",
                        f"{pages / seconds / w / bare:.2f}x per worker",
                        f"{seconds:.1f}",
                        f"{peak:.0f}",
                    ]
                )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(
        table(
            [
                "input",
                "workers",
                "jdmatch",
                "yardstick (bare tokenizer / pdfminer)",
                "ratio",
                "seconds",
                "peak MiB (largest process)",
            ],
            rows,
        )
    )


if __name__ == "__main__":
    main()
