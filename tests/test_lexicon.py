"""Lexicon files: the shipped one is clean; every kind of mistake is reported with file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jdmatch.compiled import load_lexicon
from jdmatch.errors import LexiconError
from jdmatch.lexicon import LABELS, check_lexicon, default_lexicon_dir


def test_shipped_lexicon_has_no_problems() -> None:
    lexicon, problems = check_lexicon()
    assert problems == []
    assert len(lexicon) >= 1500


def test_shipped_lexicon_covers_the_fields() -> None:
    lexicon = load_lexicon()
    labels = {e.label for e in lexicon.entries}
    assert {
        "language",
        "framework",
        "database",
        "cloud",
        "tool",
        "practice",
        "soft_skill",
        "degree",
    } <= labels
    assert labels <= LABELS
    sources = {e.source for e in lexicon.entries}
    assert {"jdmatch", "linguist", "onet", "stackoverflow"} <= sources


def test_every_implied_id_exists_and_eks_implies_aws_and_kubernetes() -> None:
    by_id = load_lexicon().by_id()
    assert set(by_id["eks"].implies) >= {"aws", "kubernetes"}


def write_lexicon(tmp_path: Path, lines: list[str], *, manifest: str | None = None) -> Path:
    (tmp_path / "skills").mkdir()
    (tmp_path / "skills" / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "lexicon.toml").write_text(
        manifest or 'files = ["skills/a.jsonl"]\n[context]\ncues = ["code"]\n', encoding="utf-8"
    )
    return tmp_path


def entry(**fields: object) -> str:
    base: dict[str, object] = {
        "id": "x",
        "name": "X",
        "label": "tool",
        "category": "Tools",
        "source": "jdmatch",
    }
    base.update(fields)
    return json.dumps({k: v for k, v in base.items() if v is not None})


BAD = [
    pytest.param([entry(id="a", name="Alpha"), "{not json"], 2, "not valid JSON", id="bad-json"),
    pytest.param([entry(id="a", name="")], 1, "`name` is missing or empty", id="empty-name"),
    pytest.param(
        [entry(id="a", name="Alpha"), entry(id="b", name="Beta", aliases=["alpha"])],
        2,
        "also 'a'",
        id="alias-clash-case-insensitive",
    ),
    pytest.param(
        [entry(id="a", name="Node.js"), entry(id="b", name="Bee", ambiguous=["Node.js"])],
        2,
        "also 'a'",
        id="ambiguous-vs-plain-clash",
    ),
    pytest.param(
        [entry(id="a", name="Alpha"), entry(id="a", name="Beta")],
        2,
        "already used",
        id="duplicate-id",
    ),
    pytest.param(
        [entry(id="a", name="Alpha", label="gadget")], 1, "label 'gadget'", id="bad-label"
    ),
    pytest.param([entry(id="A b", name="Alpha")], 1, "must be lowercase", id="bad-id"),
    pytest.param(
        [entry(id="a", name="Alpha", implies=["nope"])],
        1,
        "implies unknown id 'nope'",
        id="unknown-implies",
    ),
    pytest.param(
        [entry(id="a", name="Alpha", ambiguous=["Al"], cues=["Code"])],
        1,
        "`cues` must be lowercase",
        id="uppercase-cue",
    ),
    pytest.param(
        [entry(id="a", name="Alpha", cues=["code"])],
        1,
        "only apply to `ambiguous`",
        id="cues-without-ambiguous",
    ),
    pytest.param(
        [entry(id="a", name="Spring ( Boot")],
        1,
        "unbalanced bracket",
        id="unbalanced-bracket",
    ),
    pytest.param(
        [entry(id="a", name="Alpha", aliases=["services)"])],
        1,
        "unbalanced bracket",
        id="unbalanced-bracket-alias",
    ),
    pytest.param(
        [entry(id="a", name="Alpha", aliases="Al")],
        1,
        "must be a list of strings",
        id="aliases-not-list",
    ),
    pytest.param(
        [entry(id="a", name="Alpha", aliases=[" Al"])], 1, "stray spaces", id="alias-stray-space"
    ),
    pytest.param(
        [entry(id="a", name="Alpha", colour="red")], 1, "unknown field", id="unknown-field"
    ),
    pytest.param(
        [entry(id="a", name="Alpha", source="internet")], 1, "source 'internet'", id="bad-source"
    ),
    pytest.param([json.dumps(["a", "list"])], 1, "JSON object", id="not-an-object"),
]


@pytest.mark.parametrize("lines,line_no,phrase", BAD)
def test_check_reports_file_and_line(
    tmp_path: Path, lines: list[str], line_no: int, phrase: str
) -> None:
    root = write_lexicon(tmp_path, lines)
    _, problems = check_lexicon(root)
    assert problems, "the mistake must be found"
    texts = [str(p) for p in problems]
    assert any(
        t.startswith(f"{root / 'skills' / 'a.jsonl'}:{line_no}: ") and phrase in t for t in texts
    ), texts
    if (
        "also" not in phrase
    ):  # alias clashes need the tokenizer: `check` finds them, loading does not
        with pytest.raises(LexiconError, match="problem"):
            load_lexicon(root)


def test_manifest_naming_missing_file(tmp_path: Path) -> None:
    root = write_lexicon(
        tmp_path, [entry()], manifest='files = ["skills/a.jsonl", "skills/gone.jsonl"]\n'
    )
    _, problems = check_lexicon(root)
    assert any("gone.jsonl" in str(p) and "does not exist" in str(p) for p in problems)


def test_bad_context_rules(tmp_path: Path) -> None:
    root = write_lexicon(
        tmp_path,
        [entry()],
        manifest='files = ["skills/a.jsonl"]\n[context]\ncue_window = -1\ncues = ["Code"]\n',
    )
    _, problems = check_lexicon(root)
    text = " ".join(map(str, problems))
    assert "cue_window" in text and "cues must be a list of lowercase words" in text


def test_default_lexicon_dir_holds_the_manifest() -> None:
    assert (default_lexicon_dir() / "lexicon.toml").is_file()
