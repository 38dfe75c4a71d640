"""The sentence sets under benchmarks/data stay readable by recall_probe.py as the lexicon changes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jdmatch.compiled import load_lexicon

DATA = Path(__file__).resolve().parents[1] / "benchmarks" / "data"
# the recall sets (experience_labels.jsonl is another benchmark's)
SETS = sorted(p for p in DATA.glob("*.jsonl") if p.stem.startswith(("recall_", "false_hits_")))
KEYS = {"cls", "text", "expect", "forbid", "no_tech", "ok"}


def test_the_sets_are_there() -> None:
    names = {p.stem for p in SETS}
    assert {"recall_probe", "recall_holdout", "false_hits_holdout"} <= names


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.stem)
def test_every_row_is_complete_and_names_known_ids(path: Path) -> None:
    known = {e.id for e in load_lexicon().entries}
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    assert rows
    for row in rows:
        assert set(row) == KEYS, row
        assert isinstance(row["no_tech"], bool) and row["text"].strip()
        ids = {*row["expect"], *row["forbid"], *row["ok"]}
        assert ids <= known, (path.name, row["text"], ids - known)
        assert not row["no_tech"] or not row["expect"]
