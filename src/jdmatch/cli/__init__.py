"""The ``jdmatch`` command line.

Only typer and the standard library load at start-up; spaCy, scikit-learn and
pdfminer are imported inside the commands that need them, so ``jdmatch --help``
answers at once. Library errors become one line on stderr and exit status 1
(a traceback only with ``--debug``); usage errors exit with status 2.
"""

from __future__ import annotations

import sys

# The command modules register their commands on ``app`` in this order (the order of --help).
from jdmatch.cli import (
    admin,  # noqa: I001, F401  (profiles, serve; the lexicon group)
    batch_cmd,  # noqa: I001, F401  (batch)
    documents,  # noqa: I001, F401  (text, skills, score, match)
)
from jdmatch.cli.admin import lexicon_app, profiles, serve  # noqa: F401  (public and test-used names)
from jdmatch.cli.batch_cmd import EXIT_SOME_FAILED, Engine, _batch_report, _count, _progress, batch  # noqa: F401  (public and test-used names)
from jdmatch.cli.common import EXIT_ERROR, PdfEngine, _debug_first, _fail, app  # noqa: F401  (public and test-used names)
from jdmatch.cli.documents import ScoreFormat, SkillsFormat, match, score, skills, text  # noqa: F401  (public and test-used names)

__all__ = ["EXIT_ERROR", "EXIT_SOME_FAILED", "app", "main"]


def main(argv: list[str] | None = None) -> None:
    """Entry point of the console script (library errors are handled by the app itself)."""
    from jdmatch.startup import keep_builds_out_of_collections

    keep_builds_out_of_collections()  # this process is ours: the lexicon's objects leave the collector
    try:
        app(args=list(sys.argv[1:] if argv is None else argv), prog_name="jdmatch")
    except KeyboardInterrupt:
        sys.stderr.write("jdmatch: interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(EXIT_ERROR)
