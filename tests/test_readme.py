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
BLOCKS = re.findall(
    r"^```python\n(.*?)^```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S | re.M
)


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
    (tmp_path / "team.jsonl").write_text(
        '{"id": "quillmq", "name": "QuillMQ", "label": "tool", "category": "Messaging & streaming"}\n'
        '{"id": "postgresql", "aliases": ["PGX"]}\n',
        encoding="utf-8",
    )
    return tmp_path


def needs_a_fresh_process(block: str) -> bool:
    """A block that uses spaCy runs in its own interpreter: there `nlp.add_pipe("jdmatch_skills")` and
    `spacy.load` must find the component through its entry point alone, which an interpreter where other
    tests already imported jdmatch would hide. The others run here, in a fresh namespace and working folder."""
    return "spacy" in block


def run_block(
    block: str, workdir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> list[str]:
    """Run one README block as written, in ``workdir``; return the lines it printed."""
    if needs_a_fresh_process(block):
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(
                filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])
            ),
        }
        result = subprocess.run(
            [sys.executable, "-c", block],
            cwd=workdir,
            capture_output=True,
            text=True,
            timeout=300,
            env=env,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout.splitlines()
    monkeypatch.chdir(workdir)
    capsys.readouterr()
    exec(
        compile(block, str(ROOT / "README.md"), "exec"),
        {"__name__": "__main__", "__builtins__": __builtins__},
    )
    return capsys.readouterr().out.splitlines()


@pytest.mark.slow
@pytest.mark.parametrize(
    "index", range(len(BLOCKS)), ids=[f"block-{i + 1}" for i in range(len(BLOCKS))]
)
def test_readme_python_block_runs(
    workdir: Path, index: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    printed = run_block(BLOCKS[index], workdir, monkeypatch, capsys)
    # a trailing "# value" comment on a print line is the value it prints
    expected = [
        m.group(1).strip()
        for m in re.finditer(r"^print\(.*\)\s+#\s*(-?[\d.]+)\s*$", BLOCKS[index], re.M)
    ]
    for value in expected:
        assert value in printed, (value, printed[-5:])
