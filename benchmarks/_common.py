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
    """``n`` postings of about ``words`` words made from the sample postings.

    Each starts from a random sample posting, keeps its line structure (headings,
    bullets, blank lines: the raw text a tokenizer meets), and swaps a random
    paragraph for one of another posting, so that no two texts are the same.
    """
    rng = random.Random(seed)
    texts = sample_texts("postings")
    paragraphs = [p for t in texts for p in re.split(r"\n\s*\n", t) if p.strip()]
    out = []
    for i in range(n):
        parts = re.split(r"\n\s*\n", rng.choice(texts))
        parts[rng.randrange(len(parts))] = rng.choice(paragraphs)
        kept: list[str] = []
        count = 0
        for part in parts:
            kept.append(part)
            count += len(part.split())
            if count >= words:
                break
        out.append(f"Posting {i}\n\n" + "\n\n".join(kept))
    return out


def table(headers: list[str], rows: list[list[object]]) -> str:
    """A GitHub-flavoured Markdown table."""
    cells = [[str(c) for c in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]
    line = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |"  # noqa: E731
    return "\n".join(
        [line(headers), "| " + " | ".join("-" * w for w in widths) + " |", *map(line, cells)]
    )
