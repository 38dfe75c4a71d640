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
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"^```python\n(.*?)^```", README, re.S | re.M)


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


def test_ci_runs_the_readmes_test_command_and_the_commands_install_the_same_way() -> None:
    """`.ci/run` runs the Quick start's second line verbatim, and the first line installs as it does."""
    quick = re.search(r"^## Quick start\n+```sh\n(.*?)^```", README, re.S | re.M)
    assert quick, "README.md has no Quick start block"
    lines = quick.group(1).strip().splitlines()
    assert len(lines) == 2
    run_main, run_tests = lines
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert run_tests in ci, ".ci/run must call the README's test command as written"
    assert run_tests.endswith("python -m pytest") and "[all,test]" in run_tests
    assert run_main.split(' -e ".[all]"')[0] == run_tests.split(' -e ".[all,test]"')[0]
    assert "jdmatch score samples/" in run_main
    assert (ROOT / run_main.rsplit(" ", 1)[1]).is_file()
