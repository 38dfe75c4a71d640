"""The ``jdmatch`` command line run inside the test process, read like a finished process.

``run_cli("score", "cv.pdf")`` calls ``jdmatch.cli.main`` - the console script's own entry
point, with its one-line errors and exit codes - under typer's ``CliRunner`` isolation, which
swaps ``sys.stdin``, ``sys.stdout`` and ``sys.stderr`` (and the environment overrides given) for
the length of the call. What comes back has the ``returncode``, ``stdout`` and ``stderr`` of
``subprocess.run(..., capture_output=True, text=True)``, so a test reads the same either way;
it skips the start of a new interpreter and the import of spaCy for every command.

An exception that escapes ``main`` (with ``--debug``) goes through ``sys.excepthook`` onto the
captured stderr and exit status 1, as the interpreter does at the end of a process.
A few tests still start a real process where the process is the point: imports at start-up,
signals and parent death, the installed console script, hostile files under resource limits.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner


@dataclass(frozen=True)
class CliResult:
    """What one run of the command line left: the fields of a ``subprocess.CompletedProcess``."""

    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str


def _exit_status(code: object) -> tuple[int, str]:
    """The status and extra stderr of ``SystemExit(code)``, as the interpreter turns it into an exit."""
    if code is None:
        return 0, ""
    if isinstance(code, int):
        return code, ""
    return 1, f"{code}\n"


def run_cli(
    *args: str | os.PathLike[str],
    input: str | None = None,
    env: Mapping[str, str | None] | None = None,
    cwd: Path | None = None,
    columns: int | None = None,
) -> CliResult:
    """Run ``jdmatch ARGS...`` in this process; ``columns`` sets COLUMNS (and TERM=dumb) as for a terminal that wide."""
    from jdmatch.cli import main

    argv = [os.fspath(a) for a in args]
    overrides: dict[str, str | None] = dict(env or {})
    if columns is not None:
        overrides.update(COLUMNS=str(columns), TERM="dumb")
    runner = CliRunner()
    previous = os.getcwd()
    extra = ""
    with runner.isolation(input=input, env=overrides) as (out, err, _):
        if cwd is not None:
            os.chdir(cwd)
        try:
            main(argv)
            code = 0
        except SystemExit as exc:
            code, extra = _exit_status(exc.code)
        except (
            Exception
        ) as exc:  # what the interpreter prints for an uncaught exception, then exit status 1
            sys.excepthook(type(exc), exc, exc.__traceback__)
            code = 1
        finally:
            os.chdir(previous)
            sys.stdout.flush()
            sys.stderr.flush()
        stdout = out.getvalue().decode(runner.charset)
        stderr = err.getvalue().decode(runner.charset, "backslashreplace") + extra
    return CliResult(tuple(argv), code, stdout, stderr)
