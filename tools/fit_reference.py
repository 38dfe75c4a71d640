"""Fit the TF-IDF model on the shipped reference corpus and save it.

    python tools/fit_reference.py

Reads ``lexicon/reference/postings.jsonl`` (256 job postings across 26 job
families, written for jdmatch), fits ``jdmatch.scoring.FitScorer`` with
scikit-learn and writes ``lexicon/reference/idf.json``, which ships in the
wheel. Re-run after changing the lexicon or the corpus; a test checks that the
shipped file matches a fresh fit.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from jdmatch.scoring import FitScorer, reference_dir, reference_texts  # noqa: E402


def main() -> int:
    texts = reference_texts()
    scorer = FitScorer().fit(texts)
    out = reference_dir() / "idf.json"
    scorer.save(out)
    skills = sum(1 for t in scorer.idf_ if t.startswith("@"))
    print(f"fitted on {len(texts)} postings: {len(scorer.idf_)} terms ({skills} skill ids) -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
