"""The rule files under lexicon/rules/: a broken file is a clear error, and an edited copy changes behaviour."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from jdmatch import rules

RULES = Path(__file__).resolve().parents[1] / "lexicon" / "rules"


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(RULES, target)
    return target


def _run(code: str, rules_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "JDMATCH_RULES_DIR": str(rules_dir)}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )


def test_the_shipped_rules_load() -> None:
    for name in rules.SCHEMAS:
        assert rules.load(name)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'words = ["but", "however", "although", "whereas"]',
            "words = []",
            "`contrast.words` must not be empty",
        ),
        (
            'words = ["but", "however", "although", "whereas"]',
            'words = "but"',
            "`contrast.words` must be a list of strings",
        ),
        (
            "[contrast]",
            '[contrast]\nspelling = ["x"]',
            "`contrast.spelling` is not a known rule key",
        ),
        (
            'near = ["without", "never"]',
            'near = ["without", "never"]\nbefore = ["(unclosed"]',
            "`negation.before` is not a known rule key",
        ),
        ('after = ["\\\\s*-\\\\s*basic\\\\b"', 'after = ["(unclosed"', "`hedging.after` item 1"),
    ],
)
def test_a_broken_rule_file_names_the_file_and_key(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    target = _copy(tmp_path)
    path = target / "polarity.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    proc = _run("from jdmatch.structure import skill_polarity", target)
    assert proc.returncode != 0
    assert "RulesError" in proc.stderr and str(path) in proc.stderr and message in proc.stderr


def test_a_new_negation_cue_is_honoured(tmp_path: Path) -> None:
    code = "from jdmatch.structure import skill_polarity; print(skill_polarity('Steering clear of Kotlin in every team.', 'Kotlin'))"
    target = _copy(tmp_path)
    assert _run(code, target).stdout.strip() == "1.0"
    path = target / "polarity.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            'phrases = ["not required"', 'phrases = ["steering clear of", "not required"', 1
        ),
        encoding="utf-8",
    )
    assert _run(code, target).stdout.strip() == "0.0"


def test_a_new_heading_word_names_a_section(tmp_path: Path) -> None:
    code = (
        "from jdmatch.structure import find_sections; "
        "print([s.name for s in find_sections('Jane Doe\\n\\nCRAFT\\nPython, Go\\n', 'resume')])"
    )
    target = _copy(tmp_path)
    assert _run(code, target).stdout.strip() == "['other']"
    path = target / "sections.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('patterns = ["skills?", ', 'patterns = ["craft", "skills?", ', 1),
        encoding="utf-8",
    )
    assert _run(code, target).stdout.strip() == "['skills']"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('separators = [",", "|",', 'separators = [", ", "|",', "`employer.separators` item 1"),
        ('before = ["at",', 'before = [" at",', "`employer.before` item 1 (' at') has spaces"),
        ('relations = ["between",', 'relation = ["between",', "`technical_sense.relation` is not"),
        ('not_technical = ["soft_skill",', 'not_technical = ["soft skill",', "soft skill not a"),
    ],
)
def test_the_recognizers_word_lists_are_checked_like_the_other_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, old: str, new: str, message: str
) -> None:
    from jdmatch.recognize.vocabulary import read_vocabulary

    target = _copy(tmp_path)
    path = target / "recognize.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    monkeypatch.setenv("JDMATCH_RULES_DIR", str(target))
    with pytest.raises(rules.RulesError) as caught:
        read_vocabulary()
    assert str(path) in str(caught.value) and message in str(caught.value)
    monkeypatch.setenv("JDMATCH_RULES_DIR", str(RULES))
    assert "or" in read_vocabulary().coordinators  # the shipped copy still reads
