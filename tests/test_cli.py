"""The command line as a user runs it: exit codes, one-line errors, lazy imports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from jdmatch import __version__
from tests.conftest import make_pdf


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "jdmatch", *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"jdmatch {__version__}"


def test_help_does_not_import_spacy_or_sklearn() -> None:
    code = (
        "import sys\n"
        "from jdmatch.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit as exc:\n    code = exc.code\n"
        "heavy = sorted(m for m in ('spacy', 'sklearn', 'scipy', 'pdfminer', 'numpy') if m in sys.modules)\n"
        "print('HEAVY:' + ','.join(heavy))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "Usage: jdmatch" in result.stdout
    heavy = [line for line in result.stdout.splitlines() if line.startswith("HEAVY:")]
    assert heavy == ["HEAVY:"], heavy


def test_text_prints_extracted_text(tmp_path: Path) -> None:
    path = tmp_path / "cv.pdf"
    path.write_bytes(make_pdf([[(72, 72, "Staff engineer: Go, gRPC and Kubernetes.")]]))
    result = run("text", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Staff engineer: Go, gRPC and Kubernetes."


@pytest.mark.parametrize(
    "name,data,phrase",
    [
        pytest.param("missing.pdf", None, "no such file", id="missing"),
        pytest.param("empty.txt", b"", "empty", id="empty"),
        pytest.param("locked.pdf", make_pdf([[(72, 72, "x")]], encrypt="pw"), "password", id="encrypted"),
        pytest.param("cut.pdf", make_pdf([[(72, 72, "resume text")]])[:300], "damaged", id="truncated"),
    ],
)
def test_errors_are_one_line_and_exit_1(tmp_path: Path, name: str, data: bytes | None, phrase: str) -> None:
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    result = run("text", str(path))
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"jdmatch: error: {path}: ")
    assert phrase in lines[0]
    assert "Traceback" not in result.stderr


def test_debug_shows_traceback(tmp_path: Path) -> None:
    result = run("--debug", "text", str(tmp_path / "missing.txt"))
    assert result.returncode != 0
    assert "Traceback" in result.stderr and "DocumentNotFoundError" in result.stderr


def test_file_name_with_newline_stays_one_line(tmp_path: Path) -> None:
    path = tmp_path / "evil\nname.txt"
    path.write_bytes(b"")
    result = run("text", str(path))
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1
    assert "evil\\nname.txt" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["text"], id="missing-argument"),
        pytest.param(["frobnicate"], id="unknown-command"),
        pytest.param(["text", "x.pdf", "--pdf-engine", "magic"], id="bad-choice"),
        pytest.param(["text", "x.pdf", "--max-size", "-3"], id="bad-number"),
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert "Usage: jdmatch" in result.stderr
    assert "Error:" in result.stderr
    assert "Value error" not in result.stderr and "{" not in result.stderr.splitlines()[0]
