"""The commands around the documents: profiles, serve, and the lexicon group (check, compile, derive)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from jdmatch.cli.common import (
    EXIT_ERROR,
    ExtraLexiconOption,
    MaxSizeOption,
    PdfEngine,
    PdfEngineOption,
    _Command,
    _write,
    app,
)


@app.command(cls=_Command)
def profiles() -> None:
    """List the installed role profiles."""
    from jdmatch.profile import list_profiles, load_profile

    for path in list_profiles():
        prof = load_profile(path)
        skills = len(prof.skill_ids())
        levels = ", ".join(lv.level for lv in prof.ladder)
        typer.echo(
            f"{path.stem}\t{prof.title}\t{len(prof.groups)} groups, {skills} skills\tladder: {levels}"
        )


@app.command()
def serve(
    host: Annotated[
        str,
        typer.Option(
            "--host",
            help="Address to listen on; one beyond loopback needs --token (or --insecure).",
        ),
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", min=0, max=65535, help="Port to listen on.")
    ] = 8000,
    workers: Annotated[
        int,
        typer.Option("--workers", "-w", min=1, help="Worker processes, each with its own matcher."),
    ] = 1,
    token: Annotated[
        str | None,
        typer.Option(
            "--token",
            envvar="JDMATCH_TOKEN",
            show_envvar=True,
            help="Require 'Authorization: Bearer TOKEN' on every route but /healthz and the page.",
        ),
    ] = None,
    insecure: Annotated[
        bool,
        typer.Option(
            "--insecure",
            help="Allow a non-loopback address without a token (behind a proxy that checks access).",
        ),
    ] = False,
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
    access_log: Annotated[
        bool,
        typer.Option(
            "--access-log/--no-access-log",
            help="Log one line per request (method, path, status; never a document).",
        ),
    ] = True,
) -> None:
    """Serve the web page at / and the JSON API under /v1 (OpenAPI at /openapi.json); needs jdmatch[serve]."""
    from jdmatch.serve import run

    run(
        host=host,
        port=port,
        workers=workers,
        token=token or None,
        insecure=insecure,
        max_bytes=int(max_size * 1024 * 1024),
        timeout=timeout,
        memory_mb=memory_limit or None,
        pdf_engine=pdf_engine.value,
        access_log=access_log,
    )


lexicon_app = typer.Typer(help="Check the lexicon and propose new entries.", no_args_is_help=True)
app.add_typer(lexicon_app, name="lexicon")


@lexicon_app.command("check", cls=_Command)
def lexicon_check(
    folder: Annotated[
        Path | None, typer.Argument(help="A lexicon folder (default: the shipped lexicon).")
    ] = None,
    extra_lexicon: ExtraLexiconOption = None,
) -> None:
    """Validate every lexicon file: fields, labels, ids, implies, aliases shared by two entries."""
    from jdmatch.lexicon import check_lexicon

    if (
        extra_lexicon
    ):  # your own files, merged over the lexicon: the first problems stop it, with their file:line
        from jdmatch.compiled import load_lexicon

        merged = load_lexicon(folder, extra=extra_lexicon)
        new = sum(1 for e in merged.entries if e.source == "user")
        typer.echo(
            f"ok: {len(extra_lexicon)} extra file(s) merge with no problem: {len(merged)} entries, {new} new"
        )
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
    folder: Annotated[
        Path | None, typer.Argument(help="A lexicon folder (default: the shipped lexicon).")
    ] = None,
) -> None:
    """Write <lexicon>/compiled.json: the matcher patterns, so that start-up skips tokenizing every form."""
    import json

    from jdmatch.compiled import load_lexicon
    from jdmatch.files import atomic_write_text
    from jdmatch.lexicon import default_lexicon_dir
    from jdmatch.recognize import SkillRecognizer

    root = folder or default_lexicon_dir()
    recognizer = SkillRecognizer(load_lexicon(root))
    data = recognizer.compile_patterns()
    atomic_write_text(root / "compiled.json", json.dumps(data, separators=(",", ":")) + "\n")
    typer.echo(f"compiled {len(data['patterns'])} entries into {root / 'compiled.json'}")


@lexicon_app.command("derive", cls=_Command)
def lexicon_derive(
    files: Annotated[
        list[Path],
        typer.Argument(help="Documents, or BIO-annotated files (SkillSpan JSON lines, CoNLL)."),
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write proposals here (JSON lines) instead of stdout."),
    ] = None,
    tags: Annotated[
        str, typer.Option(help="Which SkillSpan tag column to read (knowledge or skill).")
    ] = "knowledge",
    source: Annotated[
        str | None, typer.Option(help="Only SkillSpan records with this source (tech, house).")
    ] = None,
    min_count: Annotated[int, typer.Option(min=1, help="Drop proposals seen fewer times.")] = 1,
    unknown_only: Annotated[
        bool, typer.Option("--unknown-only", help="Only terms the lexicon does not know yet.")
    ] = False,
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
        typer.echo(
            f"{len(proposals)} proposals ({known} already in the lexicon) written to {output}",
            err=True,
        )
