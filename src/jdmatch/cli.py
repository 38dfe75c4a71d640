"""The ``jdmatch`` command line.

Only typer and the standard library load at start-up; spaCy, scikit-learn and
pdfminer are imported inside the commands that need them, so ``jdmatch --help``
answers at once. Library errors become one line on stderr and exit status 1
(a traceback only with ``--debug``); usage errors exit with status 2.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from jdmatch import __version__
from jdmatch.errors import JdmatchError

app = typer.Typer(
    name="jdmatch",
    help="Read resumes and job postings, recognize their tools and skills, and score how well they fit a role.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,  # never print document text from a traceback
    rich_markup_mode=None,
)

_state = {"debug": False}

EXIT_ERROR = 1


class PdfEngine(str, Enum):
    pdfminer = "pdfminer"
    pdfium = "pdfium"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"jdmatch {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        Optional[bool],
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show a full traceback on errors.")] = False,
) -> None:
    _state["debug"] = debug


PdfEngineOption = Annotated[
    PdfEngine,
    typer.Option("--pdf-engine", help="PDF reader: pdfminer (default, exact layout) or pdfium (fast; needs jdmatch[pdfium])."),
]
MaxSizeOption = Annotated[
    float,
    typer.Option("--max-size", min=0.001, help="Refuse files larger than this many MiB."),
]


@app.command()
def text(
    path: Annotated[Path, typer.Argument(help="A PDF, DOCX, HTML, Markdown or text file.")],
    pdf_engine: PdfEngineOption = PdfEngine.pdfminer,
    max_size: MaxSizeOption = 20.0,
) -> None:
    """Print the text jdmatch extracts from a document."""
    from jdmatch.extract import read_document

    document = read_document(path, pdf_engine=pdf_engine.value, max_bytes=int(max_size * 1024 * 1024))
    _write(document.text + "\n")


def _write(text: str) -> None:
    """Write to stdout even when the text holds characters the terminal encoding lacks."""
    stream = sys.stdout
    try:
        stream.write(text)
    except UnicodeEncodeError:
        stream.buffer.write(text.encode(stream.encoding or "utf-8", "replace"))
    stream.flush()


def _fail(exc: BaseException) -> None:
    message = str(exc).replace("\n", " ")
    try:
        sys.stderr.write(f"jdmatch: error: {message}\n")
    except UnicodeEncodeError:
        sys.stderr.write(f"jdmatch: error: {message.encode('ascii', 'backslashreplace').decode('ascii')}\n")


def main(argv: list[str] | None = None) -> None:
    """Entry point of the console script."""
    try:
        app(args=argv, prog_name="jdmatch")
    except JdmatchError as exc:
        if _state["debug"]:
            raise
        _fail(exc)
        sys.exit(EXIT_ERROR)
    except KeyboardInterrupt:
        sys.stderr.write("jdmatch: interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(EXIT_ERROR)
