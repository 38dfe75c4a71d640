"""What every command shares: the typer app and its group, options, argument parsers and output helpers.

The app's group turns a library error into one line on stderr and exit status 1
(the traceback only with ``--debug``, which is kept per invocation in the click
context), so the console script and an in-process ``CliRunner().invoke(app, ...)``
behave the same.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup

from jdmatch import __version__
from jdmatch.errors import JdmatchError


class _Command(TyperCommand):
    """A command whose usage line names its arguments as ``PATH``, like its errors do ("Missing argument 'PATH'")."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if isinstance(param, TyperArgument) and param.metavar is None and param.name:
                param.metavar = param.name.upper()

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if isinstance(param, TyperArgument):
                name = param.metavar or (param.name or "").upper()
                pieces.append(
                    (name if param.required else f"[{name}]") + ("..." if param.nargs != 1 else "")
                )
            else:
                pieces.extend(param.get_usage_pieces(ctx))
        return pieces


def _choice(enum: type[Enum]) -> Any:
    """A parser for an option with fixed choices, whose error reads like click's ("'xml' is not one of ...")."""
    values = [e.value for e in enum]

    def parse(value: Any) -> Any:
        if isinstance(value, enum):
            return value
        try:
            return enum(str(value).lower())
        except ValueError:
            raise typer.BadParameter(f"{value!r} is not one of {', '.join(values)}.") from None

    return parse


def _date(value: Any) -> Any:
    """``--as-of YYYY-MM-DD``."""
    import datetime

    if value is None or isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date; write it as YYYY-MM-DD (for example 2026-03-31).",
            param_hint="'--as-of'",
        ) from None


EXIT_ERROR = 1


class _Group(TyperGroup):
    """The root group: ``--debug`` anywhere counts as the global option, and a library error ends the run cleanly."""

    def main(self, args: Any = None, prog_name: str | None = None, *rest: Any, **extra: Any) -> Any:
        args = _debug_first(list(sys.argv[1:] if args is None else args))
        return super().main(args, prog_name, *rest, **extra)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except JdmatchError as exc:
            if (ctx.obj or {}).get("debug"):
                raise
            _fail(exc)
            ctx.exit(EXIT_ERROR)


app = typer.Typer(
    name="jdmatch",
    cls=_Group,
    help="Read resumes and job postings, recognize their tools and skills, and score how well they fit a role.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,  # never print document text from a traceback
    rich_markup_mode=None,
)


class PdfEngine(str, Enum):
    pdfminer = "pdfminer"
    pdfium = "pdfium"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"jdmatch {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    version: Annotated[
        bool | None,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a full traceback on errors.")
    ] = False,
) -> None:
    ctx.ensure_object(dict)["debug"] = debug


PdfEngineOption = Annotated[
    PdfEngine,
    typer.Option(
        "--pdf-engine",
        parser=_choice(PdfEngine),
        metavar="[pdfminer|pdfium]",
        help="PDF reader: pdfminer (default, exact layout) or pdfium (fast; needs jdmatch[pdfium]).",
    ),
]
MaxSizeOption = Annotated[
    float,
    typer.Option("--max-size", min=0.001, help="Refuse files larger than this many MiB."),
]
ExtraLexiconOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--extra-lexicon",
        help="Your own lexicon entries (JSON lines: new skills, aliases, ambiguous forms); repeatable.",
    ),
]


def _warn(document: Any) -> None:
    """One line on stderr per thing the reader could not read and what it read instead (``Document.warnings``)."""
    from jdmatch.errors import display_path

    for warning in getattr(document, "warnings", ()) or ():
        sys.stderr.write(f"jdmatch: warning: {display_path(document.source)}: {warning}\n")


def _print(renderable: object) -> None:
    from rich.console import Console

    Console(highlight=False).print(renderable)


def _emit(text: str, output: Path | None) -> None:
    """A rendered report to stdout, or to ``output`` through a temporary file and a rename."""
    if output is None:
        _write(text)
        return
    from jdmatch.files import atomic_write_text

    atomic_write_text(output, text)


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
        sys.stderr.write(
            f"jdmatch: error: {message.encode('ascii', 'backslashreplace').decode('ascii')}\n"
        )


def _debug_first(args: list[str]) -> list[str]:
    """``--debug`` anywhere before ``--`` (``jdmatch score x --debug``) counts as the global option."""
    stop = args.index("--") if "--" in args else len(args)
    if "--debug" not in args[:stop]:
        return args
    rest = [a for i, a in enumerate(args) if not (a == "--debug" and i < stop)]
    return ["--debug", *rest]
