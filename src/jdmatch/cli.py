"""The ``jdmatch`` command line.

Only typer and the standard library load at start-up; spaCy, scikit-learn and
pdfminer are imported inside the commands that need them, so ``jdmatch --help``
answers at once. Library errors become one line on stderr and exit status 1
(a traceback only with ``--debug``); usage errors exit with status 2.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from typer.core import TyperArgument, TyperCommand

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
                pieces.append((name if param.required else f"[{name}]") + ("..." if param.nargs != 1 else ""))
            else:
                pieces.extend(param.get_usage_pieces(ctx))
        return pieces


def _choice(enum: type[Enum]) -> Any:
    """A parser for an option with fixed choices, whose error reads like click's ("'xml' is not one of ...")."""
    values = [e.value for e in enum]  # type: ignore[attr-defined]

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
        raise typer.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD (for example 2026-03-31).", param_hint="'--as-of'") from None


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
    typer.Option("--pdf-engine", parser=_choice(PdfEngine), metavar="[pdfminer|pdfium]", help="PDF reader: pdfminer (default, exact layout) or pdfium (fast; needs jdmatch[pdfium])."),
]
MaxSizeOption = Annotated[
    float,
    typer.Option("--max-size", min=0.001, help="Refuse files larger than this many MiB."),
]
ExtraLexiconOption = Annotated[
    Optional[list[Path]],
    typer.Option("--extra-lexicon", help="Your own lexicon entries (JSON lines: new skills, aliases, ambiguous forms); repeatable."),
]


@app.command(cls=_Command)
def text(
    path: Annotated[Path, typer.Argument(help="A PDF, DOCX, HTML, Markdown or text file.")],
    pdf_engine: PdfEngineOption = PdfEngine.pdfminer,
    max_size: MaxSizeOption = 20.0,
) -> None:
    """Print the text jdmatch extracts from a document."""
    from jdmatch.extract import read_document

    document = read_document(path, pdf_engine=pdf_engine.value, max_bytes=int(max_size * 1024 * 1024))
    _warn(document)
    _write(document.text + "\n")


class SkillsFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"
    jsonresume = "jsonresume"


@app.command(cls=_Command)
def skills(
    path: Annotated[Path, typer.Argument(help="A PDF, DOCX, HTML, Markdown or text file.")],
    fmt: Annotated[SkillsFormat, typer.Option("--format", "-f", parser=_choice(SkillsFormat), metavar="[table|json|markdown|jsonresume]", help="table (grouped by category), json, markdown, or jsonresume (a JSON Resume `skills` section).")] = SkillsFormat.table,
    lexicon: Annotated[Optional[Path], typer.Option("--lexicon", help="A lexicon folder instead of the shipped one.")] = None,
    extra_lexicon: ExtraLexiconOption = None,
    pdf_engine: PdfEngineOption = PdfEngine.pdfminer,
    max_size: MaxSizeOption = 20.0,
) -> None:
    """List the tools and skills recognized in a document."""
    from jdmatch.extract import read_document
    from jdmatch.matcher import Matcher
    from jdmatch.report import group_skills

    from jdmatch.structure import find_sections, section_of

    document = read_document(path, pdf_engine=pdf_engine.value, max_bytes=int(max_size * 1024 * 1024))
    _warn(document)
    matcher = Matcher(lexicon=lexicon, extra_lexicon=extra_lexicon or ())
    grouped = group_skills(matcher.skills(document), lexicon=matcher.recognizer.lexicon)
    if fmt is SkillsFormat.jsonresume:
        import json

        from jdmatch.report import jsonresume_skills

        _write(json.dumps({"skills": jsonresume_skills(grouped)}, ensure_ascii=False, indent=2) + "\n")
        return
    if fmt is SkillsFormat.json:
        import json

        from jdmatch.report import skills_json

        _write(json.dumps(skills_json(matcher, document), ensure_ascii=False, indent=2) + "\n")
        return
    sections = find_sections(document.text, None)
    for skill in grouped:
        for mention in skill["mentions"]:
            mention["section"] = section_of(sections, mention["start"])
    if fmt is SkillsFormat.markdown:
        from jdmatch.report_markdown import skills_markdown

        _write(skills_markdown(grouped, title=f"{len(grouped)} skills in {path.name}"))
        return
    from jdmatch.report import skills_table

    _print(skills_table(grouped, title=f"{len(grouped)} skills in {path.name}"))


class ScoreFormat(str, Enum):
    table = "table"
    json = "json"
    html = "html"
    markdown = "markdown"


AsOfOption = Annotated[
    Optional[str],
    typer.Option("--as-of", metavar="YYYY-MM-DD",
                 help="The day a resume's \"Present\" stands for when the document does not say when it was written (default: today)."),
]
ProfileOption = Annotated[
    str,
    typer.Option("--profile", "-p", help="A shipped profile name (see `jdmatch profiles`) or a path to a profile TOML file."),
]


@app.command(cls=_Command)
def score(
    path: Annotated[Path, typer.Argument(help="The resume or posting to score (PDF, DOCX, HTML, Markdown or text).")],
    profile: ProfileOption = "backend-engineer",
    job: Annotated[Optional[Path], typer.Option("--job", "-j", help="Score against this job posting instead of a profile.")] = None,
    fmt: Annotated[ScoreFormat, typer.Option("--format", "-f", parser=_choice(ScoreFormat), metavar="[table|json|html|markdown]", help="table (one screen; --explain for all), json, html (a self-contained report) or markdown.")] = ScoreFormat.table,
    explain: Annotated[bool, typer.Option("--explain", help="Also show the evidence for each skill and the terms behind the similarity.")] = False,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to this file instead of the terminal.")] = None,
    extra_lexicon: ExtraLexiconOption = None,
    pdf_engine: PdfEngineOption = PdfEngine.pdfminer,
    max_size: MaxSizeOption = 20.0,
    as_of: AsOfOption = None,
) -> None:
    """Score how well a document fits a role profile (or a job posting), with the evidence."""
    _score(path, profile=profile, job=job, fmt=fmt, explain=explain, pdf_engine=pdf_engine, max_size=max_size, output=output,
           as_of=_date(as_of), extra_lexicon=extra_lexicon)


@app.command(cls=_Command)
def match(
    resume: Annotated[Path, typer.Argument(help="The resume.")],
    posting: Annotated[Path, typer.Argument(help="The job posting to score it against.")],
    fmt: Annotated[ScoreFormat, typer.Option("--format", "-f", parser=_choice(ScoreFormat), metavar="[table|json|html|markdown]", help="table (one screen; --explain for all), json, html or markdown.")] = ScoreFormat.table,
    explain: Annotated[bool, typer.Option("--explain", help="Also show the evidence and the terms behind the similarity.")] = False,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to this file instead of the terminal.")] = None,
    extra_lexicon: ExtraLexiconOption = None,
    pdf_engine: PdfEngineOption = PdfEngine.pdfminer,
    max_size: MaxSizeOption = 20.0,
    as_of: AsOfOption = None,
) -> None:
    """Score a resume against one job posting (the same as `score RESUME --job POSTING`)."""
    _score(resume, profile="backend-engineer", job=posting, fmt=fmt, explain=explain, pdf_engine=pdf_engine, max_size=max_size, output=output,
           as_of=_date(as_of), extra_lexicon=extra_lexicon)


def _score(path: Path, *, profile: str, job: Optional[Path], fmt: ScoreFormat, explain: bool, pdf_engine: PdfEngine, max_size: float,
           output: Optional[Path] = None, as_of: Any = None, extra_lexicon: Optional[list[Path]] = None) -> None:
    from jdmatch.extract import read_document
    from jdmatch.matcher import Matcher

    if output is not None:
        from jdmatch.files import check_output_path

        check_output_path(output)
    limit = int(max_size * 1024 * 1024)
    document = read_document(path, pdf_engine=pdf_engine.value, max_bytes=limit)
    posting = read_document(job, pdf_engine=pdf_engine.value, max_bytes=limit) if job is not None else None
    for doc in (document, posting):
        _warn(doc)
    matcher = Matcher(profile if posting is None else None, job=posting, as_of=as_of, extra_lexicon=extra_lexicon or ())
    result = matcher.score(document)
    if fmt is ScoreFormat.html:
        from jdmatch.report_html import score_html, write_html

        page = score_html(result.to_dict(), matcher.profile.to_dict())
        if output is None:
            _write(page)
        else:
            write_html(output, page)
            typer.echo(f"report written to {output}", err=True)
        return
    if fmt is ScoreFormat.markdown:
        from jdmatch.report_markdown import score_markdown

        _emit(score_markdown(result.to_dict(), matcher.profile.to_dict()), output)
        return
    if fmt is ScoreFormat.json:
        import json

        from jdmatch.report import score_json

        _emit(json.dumps(score_json(result, matcher, explain=explain), ensure_ascii=True, indent=2) + "\n", output)
        return
    from jdmatch.report import score_report

    if output is not None:
        from rich.console import Console

        from jdmatch.files import atomic_write_text

        console = Console(record=True, width=100, file=open(os.devnull, "w"))
        console.print(score_report(result, matcher.profile, explain=explain))
        atomic_write_text(output, console.export_text())
        return
    _print(score_report(result, matcher.profile, explain=explain))


@app.command(cls=_Command)
def profiles() -> None:
    """List the installed role profiles."""
    from jdmatch.profile import list_profiles, load_profile

    for path in list_profiles():
        prof = load_profile(path)
        skills = len(prof.skill_ids())
        levels = ", ".join(lv.level for lv in prof.ladder)
        typer.echo(f"{path.stem}\t{prof.title}\t{len(prof.groups)} groups, {skills} skills\tladder: {levels}")


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on; one beyond loopback needs --token (or --insecure).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Worker processes, each with its own matcher.")] = 1,
    token: Annotated[Optional[str], typer.Option("--token", envvar="JDMATCH_TOKEN", show_envvar=True,
                                                 help="Require 'Authorization: Bearer TOKEN' on every route but /healthz and the page.")] = None,
    insecure: Annotated[bool, typer.Option("--insecure", help="Allow a non-loopback address without a token (behind a proxy that checks access).")] = False,
    timeout: Annotated[float, typer.Option("--timeout", min=0, help="Seconds allowed per document (0: no limit).")] = 60.0,
    memory_limit: Annotated[int, typer.Option("--memory-limit", min=0, help="MiB of memory per worker process (0: no limit).")] = 2048,
    max_size: MaxSizeOption = 20.0,
    pdf_engine: PdfEngineOption = PdfEngine.pdfminer,
    access_log: Annotated[bool, typer.Option("--access-log/--no-access-log", help="Log one line per request (method, path, status; never a document).")] = True,
) -> None:
    """Serve the web page at / and the JSON API under /v1 (OpenAPI at /openapi.json); needs jdmatch[serve]."""
    from jdmatch.serve import run

    run(host=host, port=port, workers=workers, token=token or None, insecure=insecure, max_bytes=int(max_size * 1024 * 1024),
        timeout=timeout, memory_mb=memory_limit or None, pdf_engine=pdf_engine.value, access_log=access_log)


class Engine(str, Enum):
    local = "local"
    dask = "dask"


EXIT_SOME_FAILED = 3


@app.command(cls=_Command)
def batch(
    inputs: Annotated[list[str], typer.Argument(help="Folders, globs, files, CSV or JSONL files of postings, or - for JSON lines on stdin.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write one row per input: a .csv or .jsonl file.")],
    profile: ProfileOption = "backend-engineer",
    job: Annotated[Optional[Path], typer.Option("--job", "-j", help="Score against this job posting instead of a profile.")] = None,
    workers: Annotated[Optional[int], typer.Option("--workers", "-w", min=1, help="Worker processes (default: the cores available).")] = None,
    engine: Annotated[Engine, typer.Option("--engine", parser=_choice(Engine), metavar="[local|dask]", help="local processes, or a Dask cluster.")] = Engine.local,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="Dask scheduler address (default: start a local cluster).")] = None,
    resume: Annotated[bool, typer.Option("--resume", help="Continue an interrupted run: skip ids already in the output.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Start over, replacing an existing output.")] = False,
    text_column: Annotated[Optional[str], typer.Option("--text-column", help="CSV/JSONL column with the posting text (default: text, description, body...).")] = None,
    id_column: Annotated[Optional[str], typer.Option("--id-column", help="CSV/JSONL column with a unique id (default: id, or the line number).")] = None,
    title_column: Annotated[Optional[str], typer.Option("--title-column", help="CSV/JSONL column with the title.")] = None,
    summary: Annotated[Optional[Path], typer.Option("--summary", help="Also write a market summary: .json, or .html (a report with charts and the ranked table).")] = None,
    extra_lexicon: ExtraLexiconOption = None,
    timeout: Annotated[float, typer.Option("--timeout", min=0, help="Seconds allowed per document (0: no limit).")] = 60.0,
    memory_limit: Annotated[int, typer.Option("--memory-limit", min=0, help="MiB of memory per worker process (0: no limit).")] = 2048,
    max_size: MaxSizeOption = 20.0,
    pdf_engine: PdfEngineOption = PdfEngine.pdfminer,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, only the summary.")] = False,
    top: Annotated[int, typer.Option("--top", min=0, help="How many of the best documents to list at the end.")] = 10,
    log: Annotated[Optional[Path], typer.Option("--log", help="Write the traceback of each unexpected error to this file (never document text).")] = None,
    as_of: AsOfOption = None,
) -> None:
    """Score many postings or resumes into a ranked CSV/JSONL file (streaming, parallel, resumable).

    Exit status: 0 when every input was scored, 3 when some could not be (their rows
    say why), 1 when the run could not start.
    """
    from jdmatch import batch as batch_mod

    from jdmatch.files import check_output_path

    when = _date(as_of)
    if summary is not None:
        if summary.suffix.lower() not in {".json", ".html", ".htm"}:
            raise batch_mod.BatchError(f"the summary must be a .json or .html file, not {summary}")
        check_output_path(summary, what="summary")
    show = not quiet and sys.stderr.isatty()
    progress, on_rows, on_resume = _progress(show, inputs)
    part = output.with_name(output.name + ".part")
    try:
        result = batch_mod.run(
            inputs, output, profile=profile, job=job, workers=workers, engine=engine.value,
            scheduler=scheduler, resume=resume, force=force, text_column=text_column, id_column=id_column,
            title_column=title_column, timeout=timeout, max_bytes=int(max_size * 1024 * 1024),
            pdf_engine=pdf_engine.value, memory_mb=memory_limit or None, on_rows=on_rows, on_resume=on_resume,
            log=log, as_of=when, extra_lexicon=[str(p) for p in extra_lexicon or ()],
        )
    except KeyboardInterrupt:
        if progress is not None:
            progress.stop()
        if part.exists():
            sys.stderr.write(f"jdmatch: interrupted; what was scored is in {part}, continue with --resume\n")
        else:
            sys.stderr.write("jdmatch: interrupted before anything was scored\n")
        raise typer.Exit(130)
    finally:
        if progress is not None:
            progress.stop()
    if summary is not None:
        if summary.suffix.lower() in {".html", ".htm"}:
            from jdmatch.report_html import summary_html, write_html

            write_html(summary, summary_html(result.to_dict(), batch_mod.read_rows(output)))
        else:
            import json

            from jdmatch.files import atomic_write_text

            atomic_write_text(summary, json.dumps(result.to_dict(), ensure_ascii=True, indent=2) + "\n")
    _batch_report(result, output, top)
    if result.failed:
        raise typer.Exit(EXIT_SOME_FAILED)


def _progress(show: bool, inputs: list[str]) -> tuple[Any, Any, Any]:
    """The progress bar, the callback that advances it, and the one that takes out what a resumed run already did."""
    if not show:
        return None, None, None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    total = None if "-" in inputs else _count(inputs)
    progress = Progress(TextColumn("scoring"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}/s"),
                        TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), transient=True)
    task = progress.add_task("batch", total=total, rate="-")
    progress.start()
    import time as _time

    started = _time.perf_counter()
    done = [0]

    def on_rows(rows: list[Any]) -> None:
        done[0] += len(rows)
        elapsed = max(_time.perf_counter() - started, 1e-6)
        progress.update(task, advance=len(rows), rate=f"{done[0] / elapsed:,.0f}")

    def on_resume(already: int) -> None:
        if total is not None:
            progress.update(task, total=max(total - already, 0))

    return progress, on_rows, on_resume


def _count(inputs: list[str]) -> Optional[int]:
    from jdmatch import batch as batch_mod

    try:
        return sum(1 for _ in batch_mod.iter_items(inputs))
    except Exception:
        return None


def _batch_report(result: Any, output: Path, top: int) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)
    if top and result.ok:
        table = Table(title=f"Top {min(top, result.ok)} of {result.ok}", title_justify="left")
        table.add_column("score", justify="right")
        table.add_column("id")
        table.add_column("title")
        for score, ident, title in result.best(top):
            table.add_row(f"{score:.1f}", ident[:60], title[:60])
        console.print(table)
    skipped = f", {result.skipped} already done" if result.skipped else ""
    console.print(f"{result.count} scored in {result.seconds:.1f} s: {result.ok} ok, {result.failed} failed{skipped} -> {output}")


lexicon_app = typer.Typer(help="Check the lexicon and propose new entries.", no_args_is_help=True)
app.add_typer(lexicon_app, name="lexicon")


@lexicon_app.command("check", cls=_Command)
def lexicon_check(
    folder: Annotated[Optional[Path], typer.Argument(help="A lexicon folder (default: the shipped lexicon).")] = None,
    extra_lexicon: ExtraLexiconOption = None,
) -> None:
    """Validate every lexicon file: fields, labels, ids, implies, aliases shared by two entries."""
    from jdmatch.lexicon import check_lexicon

    if extra_lexicon:  # your own files, merged over the lexicon: the first problems stop it, with their file:line
        from jdmatch.compiled import load_lexicon

        merged = load_lexicon(folder, extra=extra_lexicon)
        new = sum(1 for e in merged.entries if e.source == "user")
        typer.echo(f"ok: {len(extra_lexicon)} extra file(s) merge with no problem: {len(merged)} entries, {new} new")
        return
    lexicon, problems = check_lexicon(folder)
    for problem in problems:
        typer.echo(str(problem), err=True)
    if problems:
        typer.echo(f"{len(problems)} problem(s) in {len(lexicon)} entries", err=True)
        raise typer.Exit(EXIT_ERROR)
    forms = sum(len(e.plain_forms) + len(e.ambiguous) for e in lexicon.entries)
    typer.echo(f"ok: {len(lexicon)} entries, {forms} surface forms, no problems ({lexicon.root})")


@lexicon_app.command("compile", cls=_Command)
def lexicon_compile(
    folder: Annotated[Optional[Path], typer.Argument(help="A lexicon folder (default: the shipped lexicon).")] = None,
) -> None:
    """Write <lexicon>/compiled.json: the matcher patterns, so that start-up skips tokenizing every form."""
    import json

    from jdmatch.files import atomic_write_text
    from jdmatch.compiled import load_lexicon
    from jdmatch.lexicon import default_lexicon_dir
    from jdmatch.recognize import SkillRecognizer

    root = folder or default_lexicon_dir()
    recognizer = SkillRecognizer(load_lexicon(root))
    data = recognizer.compile_patterns()
    atomic_write_text(root / "compiled.json", json.dumps(data, separators=(",", ":")) + "\n")
    typer.echo(f"compiled {len(data['patterns'])} entries into {root / 'compiled.json'}")


@lexicon_app.command("derive", cls=_Command)
def lexicon_derive(
    files: Annotated[list[Path], typer.Argument(help="Documents, or BIO-annotated files (SkillSpan JSON lines, CoNLL).")],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write proposals here (JSON lines) instead of stdout.")] = None,
    tags: Annotated[str, typer.Option(help="Which SkillSpan tag column to read (knowledge or skill).")] = "knowledge",
    source: Annotated[Optional[str], typer.Option(help="Only SkillSpan records with this source (tech, house).")] = None,
    min_count: Annotated[int, typer.Option(min=1, help="Drop proposals seen fewer times.")] = 1,
    unknown_only: Annotated[bool, typer.Option("--unknown-only", help="Only terms the lexicon does not know yet.")] = False,
) -> None:
    """Propose lexicon entries from documents (spaCy Matcher patterns) or annotated spans."""
    import json

    from jdmatch.derive import derive

    if output is not None:
        from jdmatch.files import check_output_path

        check_output_path(output)
    proposals = derive(files, tags=tags, source=source, min_count=min_count)
    if unknown_only:
        proposals = [p for p in proposals if p.known is None]
    lines = "".join(json.dumps(p.to_dict(), ensure_ascii=False) + "\n" for p in proposals)
    if output is None:
        _write(lines)
    else:
        from jdmatch.files import atomic_write_text

        atomic_write_text(output, lines)
        known = sum(1 for p in proposals if p.known)
        typer.echo(f"{len(proposals)} proposals ({known} already in the lexicon) written to {output}", err=True)


def _warn(document: Any) -> None:
    """One line on stderr per thing the reader could not read and what it read instead (``Document.warnings``)."""
    from jdmatch.errors import display_path

    for warning in getattr(document, "warnings", ()) or ():
        sys.stderr.write(f"jdmatch: warning: {display_path(document.source)}: {warning}\n")


def _print(renderable: object) -> None:
    from rich.console import Console

    Console(highlight=False).print(renderable)


def _emit(text: str, output: Optional[Path]) -> None:
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
        sys.stderr.write(f"jdmatch: error: {message.encode('ascii', 'backslashreplace').decode('ascii')}\n")


def _debug_first(args: list[str]) -> list[str]:
    """``--debug`` anywhere before ``--`` (``jdmatch score x --debug``) counts as the global option."""
    stop = args.index("--") if "--" in args else len(args)
    if "--debug" not in args[:stop]:
        return args
    rest = [a for i, a in enumerate(args) if not (a == "--debug" and i < stop)]
    return ["--debug", *rest]


def main(argv: list[str] | None = None) -> None:
    """Entry point of the console script."""
    args = _debug_first(list(sys.argv[1:] if argv is None else argv))
    try:
        app(args=args, prog_name="jdmatch")
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
