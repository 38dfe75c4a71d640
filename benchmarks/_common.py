"""Helpers shared by the benchmark scripts (not part of the package)."""

from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
EVAL = ROOT.parent / "shared" / "eval"


def sample_texts(kind: str = "postings") -> list[str]:
    from jdmatch import read_document

    return [read_document(p).text for p in sorted((SAMPLES / kind).iterdir())]


def synthetic_postings(n: int, *, words: int = 400, seed: int = 7) -> list[str]:
    """``n`` postings of about ``words`` words, stitched from sample paragraphs with variation."""
    rng = random.Random(seed)
    paragraphs = [p.strip() for t in sample_texts("postings") for p in re.split(r"\n\s*\n", t) if len(p.split()) >= 8]
    out = []
    for _ in range(n):
        chosen: list[str] = []
        count = 0
        while count < words:
            para = rng.choice(paragraphs)
            chosen.append(para)
            count += len(para.split())
        out.append("\n\n".join(chosen))
    return out


def table(headers: list[str], rows: list[list[object]]) -> str:
    """A GitHub-flavoured Markdown table."""
    cells = [[str(c) for c in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]
    line = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |"  # noqa: E731
    return "\n".join([line(headers), "| " + " | ".join("-" * w for w in widths) + " |", *map(line, cells)])
