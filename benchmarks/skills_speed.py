"""Documents per second of ``Matcher.skills()`` on ~400-word postings, next to spaCy's bare tokenizer.

    python benchmarks/skills_speed.py [--docs 2000] [--repeat 3]

All rows run in the same process on the same texts (generated from the sample
postings); the median of ``--repeat`` runs is shown.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import synthetic_postings, table  # noqa: E402


def rate(fn, texts: list[str], repeat: int) -> float:  # type: ignore[no-untyped-def]
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for t in texts:
            fn(t)
        runs.append(len(texts) / (time.perf_counter() - t0))
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import spacy

    from jdmatch.matcher import Matcher

    texts = synthetic_postings(args.docs)
    words = statistics.mean(len(t.split()) for t in texts)
    bare = spacy.blank("en").tokenizer
    flat = [" ".join(t.split()) for t in texts]
    t0 = time.perf_counter()
    matcher = Matcher()
    matcher.skills("warm up")
    build = time.perf_counter() - t0
    raw = rate(bare, texts, args.repeat)
    flat_rate = rate(bare, flat, args.repeat)
    tok = rate(matcher.recognizer.tokenizer, texts, args.repeat)
    ours = rate(matcher.skills, texts, args.repeat)
    rows = [
        [
            "spaCy bare tokenizer (spacy.blank('en')), raw text",
            f"{raw:,.0f}",
            "1.00",
            f"{flat_rate / raw:.2f}",
        ],
        [
            "spaCy bare tokenizer, whitespace collapsed first",
            f"{flat_rate:,.0f}",
            f"{flat_rate / raw:.2f}",
            "1.00",
        ],
        [
            "jdmatch tokenizer alone, raw text",
            f"{tok:,.0f}",
            f"{tok / raw:.2f}",
            f"{tok / flat_rate:.2f}",
        ],
        [
            "jdmatch Matcher.skills(), raw text",
            f"{ours:,.0f}",
            f"{ours / raw:.2f}",
            f"{ours / flat_rate:.2f}",
        ],
    ]
    print(
        f"{len(texts)} postings, {words:.0f} words on average; matcher built in {build:.2f} s "
        f"({len(matcher.recognizer.lexicon)} entries)"
    )
    print(table(["what", "docs/s", "vs bare on raw", "vs bare on collapsed"], rows))


if __name__ == "__main__":
    main()
