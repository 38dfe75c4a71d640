"""PDF batch speed: `jdmatch batch DIR --workers 1` against bare pdfminer.six, and the pdfium engine.

    python benchmarks/pdf_speed.py [--files 150] [--runs 3]

The folder is generated into benchmarks/out/pdfs/ (git-ignored) from the sample
sources with samples/build.py's own renderers: every sample layout (one column
with footers, running headers and "N/M" page numbers, icon glyphs, two columns
with a sidebar on either side, a moderncv-like date margin), and one-column
resumes lengthened with the experience of another resume to two or three pages.

Every timing is a fresh process, start-up included, median of ``--runs``:

- ``jdmatch batch DIR -o out.csv --workers 1`` (full scoring against the default
  profile), with ``--pdf-engine pdfminer`` and ``--pdf-engine pdfium``;
- the yardstick, bare pdfminer.six in one process: ``extract_text(path)`` for
  each file with the LAParams jdmatch reads with (``boxes_flow=None,
  all_texts=True``). That is the fair comparison: the same pdfminer work per
  character and per line, without jdmatch's reading order, limits, metadata or
  scoring. ``extract_text`` with its default LAParams (which also groups text
  boxes into pdfminer's own reading order) is printed too.

Ratios are pages/s over the yardstick's pages/s, measured in the same run.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import ROOT, SAMPLES, table

OUT = ROOT / "benchmarks" / "out" / "pdfs"


def _build_module():  # samples/build.py, imported by path (it is a script, not a package)
    spec = importlib.util.spec_from_file_location("samples_build", SAMPLES / "build.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def make_pdfs(dest: Path, n: int) -> list[Path]:
    """``n`` resume PDFs in ``dest``: the sample layouts, and longer one-column resumes (2-3 pages)."""
    build = _build_module()
    dest.mkdir(parents=True, exist_ok=True)
    for old in dest.glob("*.pdf"):
        old.unlink()
    sources = [
        (src, fmt, opts) for src, _out, fmt, opts, kind, *_ in build.DOCS if kind == "resume"
    ]
    parsed = {
        src: build.parse((build.SRC / src).read_text(encoding="utf-8")) for src, _, _ in sources
    }
    one_column = [
        {},
        {"size": 11.5, "footer": True},
        {"size": 11, "running": True},
        {"icons": True},
        {"footer": True},
    ]
    paths = []
    for i in range(n):
        src, fmt, opts = sources[i % len(sources)]
        doc = parsed[src]
        if i % 3 == 0 or fmt not in ("pdf2col", "pdfmargin"):
            # one column; every other file is lengthened with another resume's sections
            other = parsed[sources[(i * 7 + 3) % len(sources)][0]]
            longer = (
                dict(
                    doc, sections=doc["sections"] + [s for s in other["sections"] if not s["side"]]
                )
                if i % 2
                else doc
            )
            o = one_column[i % len(one_column)]
            if o.get("icons") and not any("{" in s for s in longer["subtitle"]):
                o = {}
            if o.get("running") and len(longer["subtitle"]) < 2:
                o = {"footer": True}
            data = build.render_pdf(longer, o)
        elif fmt == "pdf2col":
            data = build.render_pdf2col(doc, opts)
        else:
            data = build.render_pdf_margin(doc, opts)
        path = dest / f"{i:04d}-{Path(src).stem}.pdf"
        path.write_bytes(data)
        paths.append(path)
    return paths


def count_pages(paths: list[Path]) -> int:
    import pypdfium2 as pdfium

    total = 0
    for p in paths:
        pdf = pdfium.PdfDocument(p)
        total += len(pdf)
        pdf.close()
    return total


_BARE = """
import sys
from pathlib import Path
from pdfminer.high_level import extract_text
from pdfminer.layout import LAParams
params = LAParams(boxes_flow=None, all_texts=True) if sys.argv[2] == "jdmatch" else None
for p in sorted(Path(sys.argv[1]).glob("*.pdf")):
    extract_text(p, laparams=params)
"""


def timed(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--files", type=int, default=150, help="PDF files to generate")
    parser.add_argument(
        "--runs", type=int, default=3, help="repetitions of each timing (the median is printed)"
    )
    parser.add_argument(
        "--keep", action="store_true", help="reuse benchmarks/out/pdfs/ when it holds --files PDFs"
    )
    args = parser.parse_args()
    existing = sorted(OUT.glob("*.pdf")) if OUT.is_dir() else []
    paths = existing if args.keep and len(existing) == args.files else make_pdfs(OUT, args.files)
    pages = count_pages(paths)
    work = Path(tempfile.mkdtemp(prefix="jdmatch-pdf-bench-"))
    py = sys.executable
    commands = {
        "bare pdfminer.six, jdmatch's LAParams (yardstick)": [py, "-c", _BARE, str(OUT), "jdmatch"],
        "bare pdfminer.six, default LAParams": [py, "-c", _BARE, str(OUT), "default"],
        "jdmatch batch --workers 1 (pdfminer)": [
            py,
            "-m",
            "jdmatch",
            "batch",
            str(OUT),
            "-o",
            str(work / "a.csv"),
            "--workers",
            "1",
            "-q",
            "--force",
        ],
        "jdmatch batch --workers 1 --pdf-engine pdfium": [
            py,
            "-m",
            "jdmatch",
            "batch",
            str(OUT),
            "-o",
            str(work / "b.csv"),
            "--workers",
            "1",
            "-q",
            "--force",
            "--pdf-engine",
            "pdfium",
        ],
    }
    times: dict[str, list[float]] = {k: [] for k in commands}
    load = [os.getloadavg()[0]]
    try:
        for _ in range(args.runs):  # interleaved, so that a busy spell hits every row alike
            for name, cmd in commands.items():
                times[name].append(timed(cmd))
            load.append(os.getloadavg()[0])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    median = {k: statistics.median(v) for k, v in times.items()}
    yard = pages / median["bare pdfminer.six, jdmatch's LAParams (yardstick)"]
    rows = []
    for name in commands:
        rate = pages / median[name]
        rows.append(
            [
                name,
                f"{rate:.1f}",
                f"{rate / yard:.2f}x",
                f"{median[name]:.2f}",
                ", ".join(f"{t:.2f}" for t in times[name]),
            ]
        )
    print(
        f"{len(paths)} PDFs, {pages} pages; one process each, start-up included; median of {args.runs} runs; "
        f"load average (1 min) {min(load):.1f}-{max(load):.1f}"
    )
    print(table(["run", "pages/s", "ratio to yardstick", "median s", "runs s"], rows))


if __name__ == "__main__":
    main()
