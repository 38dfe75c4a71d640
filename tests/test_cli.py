"""The command line as a user runs it: exit codes, one-line errors, lazy imports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from jdmatch import __version__
from tests.cli_support import CliResult, run_cli
from tests.conftest import make_pdf

SAMPLES_DIR = Path(__file__).resolve().parents[1] / "samples"


def run(*args: str, cwd: Path | None = None) -> CliResult:
    return run_cli(*args, cwd=cwd)


def run_process(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m jdmatch ARGS`` in a process of its own: the exit status the shell sees."""
    return subprocess.run(
        [sys.executable, "-m", "jdmatch", *args], capture_output=True, text=True, timeout=120
    )


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"jdmatch {__version__}"


def test_a_real_process_exits_0_1_and_2(tmp_path: Path) -> None:
    """The statuses a shell sees from ``python -m jdmatch``, not only what ``main`` raises in this process."""
    version = run_process("--version")
    assert version.returncode == 0 and version.stdout.strip() == f"jdmatch {__version__}"
    missing = run_process("text", str(tmp_path / "missing.pdf"))
    assert missing.returncode == 1 and missing.stdout == ""
    lines = missing.stderr.splitlines()
    assert (
        len(lines) == 1
        and lines[0].startswith(f"jdmatch: error: {tmp_path / 'missing.pdf'}: ")
        and "no such file" in lines[0]
    ), missing.stderr
    usage = run_process("frobnicate")
    assert usage.returncode == 2 and "Usage: jdmatch" in usage.stderr


def test_help_does_not_import_spacy_or_sklearn() -> None:
    code = (
        "import sys\n"
        "from jdmatch.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit as exc:\n    code = exc.code\n"
        "heavy = sorted(m for m in ('spacy', 'sklearn', 'scipy', 'pdfminer', 'numpy') if m in sys.modules)\n"
        "print('HEAVY:' + ','.join(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert "Usage: jdmatch" in result.stdout
    heavy = [line for line in result.stdout.splitlines() if line.startswith("HEAVY:")]
    assert heavy == ["HEAVY:"], heavy


@pytest.mark.parametrize("args", [["profiles"], ["text", "RESUME"]], ids=["profiles", "text"])
def test_profiles_and_text_do_not_import_spacy(args: list[str]) -> None:
    """Listing profiles checks their skill ids against the lexicon's data, and reading a text file needs no NLP."""
    args = [str(SAMPLES_DIR / "resumes" / "nurse.txt") if a == "RESUME" else a for a in args]
    code = (
        "import sys\n"
        "from jdmatch.cli import main\n"
        f"try:\n    main({args!r})\nexcept SystemExit:\n    pass\n"
        "print('HEAVY:' + ','.join(sorted(m for m in ('spacy', 'sklearn', 'thinc') if m in sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert [line for line in result.stdout.splitlines() if line.startswith("HEAVY:")] == ["HEAVY:"]


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
        pytest.param(
            "locked.pdf", make_pdf([[(72, 72, "x")]], encrypt="pw"), "password", id="encrypted"
        ),
        pytest.param(
            "cut.pdf", make_pdf([[(72, 72, "resume text")]])[:300], "damaged", id="truncated"
        ),
    ],
)
def test_errors_are_one_line_and_exit_1(
    tmp_path: Path, name: str, data: bytes | None, phrase: str
) -> None:
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


# -- outputs checked before any work; nothing left behind -------------------------------------------


def _resume(tmp_path: Path) -> Path:
    path = tmp_path / "cv.txt"
    path.write_text("Backend engineer.\nSkills: Python, Go, PostgreSQL.\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("where", ["missing-folder", "a-folder"])
def test_score_output_path_checked_first(tmp_path: Path, where: str) -> None:
    target = tmp_path / "no" / "such" / "x.html" if where == "missing-folder" else tmp_path
    result = run("score", str(_resume(tmp_path)), "-f", "html", "-o", str(target))
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    assert str(target) in result.stderr


def test_derive_output_path_checked_first(tmp_path: Path) -> None:
    result = run(
        "lexicon", "derive", str(_resume(tmp_path)), "-o", str(tmp_path / "no" / "such" / "p.jsonl")
    )
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1 and "p.jsonl" in result.stderr


def test_batch_summary_and_log_paths_checked_before_scoring(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    _resume(src)
    out = tmp_path / "x.csv"
    for option in ("--summary", "--log"):
        result = run(
            "batch", str(src), "-o", str(out), option, str(tmp_path / "no" / "such" / "s.html")
        )
        assert result.returncode == 1, result.stderr
        assert len(result.stderr.splitlines()) == 1 and "s.html" in result.stderr
        assert not out.exists() and not (tmp_path / "x.csv.part").exists()


def test_batch_that_fails_before_scoring_leaves_no_part_file(tmp_path: Path) -> None:
    out = tmp_path / "x.csv"
    result = run("batch", "nonexist", "-o", str(out), cwd=tmp_path)
    assert result.returncode == 1 and "nonexist" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    (tmp_path / "in").mkdir()
    _resume(tmp_path / "in")
    again = run("batch", "in", "-o", str(out), cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert out.exists() and not (tmp_path / "x.csv.part").exists()


# -- --debug anywhere, usage and choice messages ------------------------------------------------------


def test_debug_after_the_command_name(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.txt")
    plain = run("text", missing)
    assert plain.returncode == 1 and "Traceback" not in plain.stderr
    for args in (
        ["--debug", "text", missing],
        ["text", missing, "--debug"],
        ["text", "--debug", missing],
    ):
        result = run(*args)
        assert result.returncode == 1, args
        assert "Traceback" in result.stderr and "DocumentNotFoundError" in result.stderr, args


def test_usage_names_arguments_in_capitals() -> None:
    result = run("score")
    assert result.returncode == 2
    assert "Usage: jdmatch score [OPTIONS] PATH" in result.stderr
    assert "Missing argument 'PATH'" in result.stderr
    assert "{" not in result.stderr


def test_invalid_choice_reads_like_the_other_errors() -> None:
    result = run("score", "x.txt", "-f", "xml")
    assert result.returncode == 2
    assert (
        "Invalid value for '--format' / '-f': 'xml' is not one of table, json, html, markdown."
        in " ".join(result.stderr.split())
    )
    assert "Value error" not in result.stderr


# -- the progress bar of a resumed run ----------------------------------------------------------------


def test_resumed_progress_counts_only_what_is_left(tmp_path: Path) -> None:
    from jdmatch import batch, cli

    src = tmp_path / "in.jsonl"
    src.write_text(
        "".join(f'{{"id": "j{i}", "text": "Python and Go, posting {i}."}}\n' for i in range(10)),
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    batch.run([str(src)], out, workers=1)
    rows = out.read_text(encoding="utf-8").splitlines()
    part = tmp_path / "out.jsonl.part"
    part.write_text(
        "\n".join(rows[:7]) + "\n", encoding="utf-8"
    )  # an interrupted run: 7 of 10 done
    out.unlink()
    progress, on_rows, on_resume = cli._progress(True, [str(src)])
    try:
        summary = batch.run(
            [str(src)], out, workers=1, resume=True, on_rows=on_rows, on_resume=on_resume
        )
        task = progress.tasks[0]
        assert summary.skipped == 7 and summary.count == 3
        assert (task.total, task.completed) == (3, 3)
    finally:
        progress.stop()
