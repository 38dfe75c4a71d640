"""Every Python example in README.md runs as written, next to the files it names."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
BLOCKS = re.findall(r"^```python\n(.*?)^```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S | re.M)


def test_the_readme_has_python_examples() -> None:
    assert len(BLOCKS) >= 2


@pytest.fixture()
def workdir(tmp_path: Path) -> Path:
    """The files the examples name: resume.pdf, posting.html, resumes/*.pdf, postings/, team.jsonl."""
    shutil.copy(SAMPLES / "resumes" / "senior-backend-java.pdf", tmp_path / "resume.pdf")
    shutil.copy(SAMPLES / "postings" / "backend-senior-java.html", tmp_path / "posting.html")
    (tmp_path / "resumes").mkdir()
    for name in ("senior-backend-java.pdf", "staff-backend-go.pdf"):
        shutil.copy(SAMPLES / "resumes" / name, tmp_path / "resumes" / name)
    (tmp_path / "postings").mkdir()
    for name in ("backend-senior-java.html", "backend-mid-node.md", "chef.html"):
        shutil.copy(SAMPLES / "postings" / name, tmp_path / "postings" / name)
    # a team's own lexicon file: one in-house tool, one alias of a shipped skill
    (tmp_path / "team.jsonl").write_text('{"id": "quillmq", "name": "QuillMQ", "label": "tool", "category": "Messaging & streaming"}\n'
                                         '{"id": "postgresql", "aliases": ["PGX"]}\n', encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("index", range(len(BLOCKS)), ids=[f"block-{i + 1}" for i in range(len(BLOCKS))])
def test_readme_python_block_runs(workdir: Path, index: int) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))}
    result = subprocess.run([sys.executable, "-c", BLOCKS[index]], cwd=workdir, capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    # a trailing "# value" comment on a print line is the value it prints
    expected = [m.group(1).strip() for m in re.finditer(r"^print\(.*\)\s+#\s*(-?[\d.]+)\s*$", BLOCKS[index], re.M)]
    printed = result.stdout.splitlines()
    for value in expected:
        assert value in printed, (value, printed[-5:])
