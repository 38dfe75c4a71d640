"""The batch command: many documents scored in worker processes, with progress and a short report."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from jdmatch.cli.common import (
    ExtraLexiconOption,
    MaxSizeOption,
    PdfEngine,
    PdfEngineOption,
    _choice,
    _Command,
    _date,
    app,
)
from jdmatch.cli.documents import AsOfOption, ProfileOption
from jdmatch.profile import DEFAULT_PROFILE


class Engine(str, Enum):
    local = "local"
    dask = "dask"


EXIT_SOME_FAILED = 3


@app.command(cls=_Command)
def batch(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Folders, globs, files, CSV or JSONL files of postings, or - for JSON lines on stdin."
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", help="Where to write one row per input: a .csv or .jsonl file."
        ),
    ],
    profile: ProfileOption = DEFAULT_PROFILE,
    job: Annotated[
        Path | None,
        typer.Option("--job", "-j", help="Score against this job posting instead of a profile."),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers", "-w", min=1, help="Worker processes (default: the cores available)."
        ),
    ] = None,
    engine: Annotated[
        Engine,
        typer.Option(
            "--engine",
            parser=_choice(Engine),
            metavar="[local|dask]",
            help="local processes, or a Dask cluster.",
        ),
    ] = Engine.local,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler", help="Dask scheduler address (default: start a local cluster)."
        ),
    ] = None,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume", help="Continue an interrupted run: skip ids already in the output."
        ),
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Start over, replacing an existing output.")
    ] = False,
    text_column: Annotated[
        str | None,
        typer.Option(
            "--text-column",
            help="CSV/JSONL column with the posting text (default: text, description, body...).",
        ),
    ] = None,
    id_column: Annotated[
        str | None,
        typer.Option(
            "--id-column",
            help="CSV/JSONL column with a unique id (default: id, or the line number).",
        ),
    ] = None,
    title_column: Annotated[
        str | None, typer.Option("--title-column", help="CSV/JSONL column with the title.")
    ] = None,
    summary: Annotated[
        Path | None,
        typer.Option(
            "--summary",
            help="Also write a market summary: .json, or .html (a report with charts and the ranked table).",
        ),
    ] = None,
    extra_lexicon: ExtraLexiconOption = None,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0, help="Seconds allowed per document (0: no limit).")
    ] = 60.0,
    memory_limit: Annotated[
        int,
        typer.Option(
            "--memory-limit", min=0, help="MiB of memory per worker process (0: no limit)."
        ),
    ] = 2048,
    max_size: MaxSizeOption = 20.0,
    pdf_engine: PdfEngineOption = PdfEngine.pdfminer,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar, only the summary.")
    ] = False,
    top: Annotated[
        int, typer.Option("--top", min=0, help="How many of the best documents to list at the end.")
    ] = 10,
    log: Annotated[
        Path | None,
        typer.Option(
            "--log",
            help="Write the traceback of each unexpected error to this file (never document text).",
        ),
    ] = None,
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
            inputs,
            output,
            profile=profile,
            job=job,
            workers=workers,
            engine=engine.value,
            scheduler=scheduler,
            resume=resume,
            force=force,
            text_column=text_column,
            id_column=id_column,
            title_column=title_column,
            timeout=timeout,
            max_bytes=int(max_size * 1024 * 1024),
            pdf_engine=pdf_engine.value,
            memory_mb=memory_limit or None,
            on_rows=on_rows,
            on_resume=on_resume,
            log=log,
            as_of=when,
            extra_lexicon=[str(p) for p in extra_lexicon or ()],
        )
    except KeyboardInterrupt:
        if progress is not None:
            progress.stop()
        if part.exists():
            sys.stderr.write(
                f"jdmatch: interrupted; what was scored is in {part}, continue with --resume\n"
            )
        else:
            sys.stderr.write("jdmatch: interrupted before anything was scored\n")
        raise typer.Exit(130) from None
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

            atomic_write_text(
                summary, json.dumps(result.to_dict(), ensure_ascii=True, indent=2) + "\n"
            )
    _batch_report(result, output, top)
    if result.failed:
        raise typer.Exit(EXIT_SOME_FAILED)


def _progress(show: bool, inputs: list[str]) -> tuple[Any, Any, Any]:
    """The progress bar, the callback that advances it, and the one that takes out what a resumed run already did."""
    if not show:
        return None, None, None
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    total = None if "-" in inputs else _count(inputs)
    progress = Progress(
        TextColumn("scoring"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}/s"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        transient=True,
    )
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


def _count(inputs: list[str]) -> int | None:
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
    console.print(
        f"{result.count} scored in {result.seconds:.1f} s: {result.ok} ok, {result.failed} failed{skipped} -> {output}"
    )
