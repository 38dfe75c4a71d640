"""The typer app run in process (``CliRunner().invoke(app, ...)``) behaves like the console script."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from jdmatch.cli import app

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def test_library_error_is_one_line_and_exit_1(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["text", str(tmp_path / "missing.pdf")])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"jdmatch: error: {tmp_path / 'missing.pdf'}: no such file; check the path"
    ]
    assert result.stdout == ""


def test_debug_lets_the_traceback_through(tmp_path: Path) -> None:
    from jdmatch.errors import DocumentNotFoundError

    result = CliRunner().invoke(app, ["text", str(tmp_path / "missing.pdf"), "--debug"])
    assert result.exit_code == 1
    assert isinstance(result.exception, DocumentNotFoundError)
    assert result.exc_info is not None and result.exc_info[2] is not None
    # --debug belongs to that invocation only: the next one is back to one line.
    again = CliRunner().invoke(app, ["text", str(tmp_path / "missing.pdf")])
    assert again.exit_code == 1 and isinstance(again.exception, SystemExit)
    assert again.stderr.startswith("jdmatch: error: ")


def test_usage_error_exits_2() -> None:
    result = CliRunner().invoke(app, ["score"])
    assert result.exit_code == 2
    assert "Missing argument 'PATH'" in result.stderr


def test_score_prints_the_score() -> None:
    import json

    resume = SAMPLES / "resumes" / "senior-backend-java.pdf"
    result = CliRunner().invoke(app, ["score", str(resume), "-f", "json", "--as-of", "2026-06-01"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert 0 <= data["score"] <= 100 and data["source"].endswith("senior-backend-java.pdf")
