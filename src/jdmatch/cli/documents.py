"""The commands that read one document: text, skills, score and match."""

from __future__ import annotations

import os
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
    _emit,
    _print,
    _warn,
    _write,
    app,
)
from jdmatch.profile import DEFAULT_PROFILE


@app.command(cls=_Command)
def text(
    path: Annotated[Path, typer.Argument(help="A PDF, DOCX, HTML, Markdown or text file.")],
    pdf_engine: PdfEngineOption = PdfEngine.pdfminer,
    max_size: MaxSizeOption = 20.0,
) -> None:
    """Print the text jdmatch extracts from a document."""
    from jdmatch.extract import read_document

    document = read_document(
        path, pdf_engine=pdf_engine.value, max_bytes=int(max_size * 1024 * 1024)
    )
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
    fmt: Annotated[
        SkillsFormat,
        typer.Option(
            "--format",
            "-f",
            parser=_choice(SkillsFormat),
            metavar="[table|json|markdown|jsonresume]",
            help="table (grouped by category), json, markdown, or jsonresume (a JSON Resume `skills` section).",
        ),
    ] = SkillsFormat.table,
    lexicon: Annotated[
        Path | None, typer.Option("--lexicon", help="A lexicon folder instead of the shipped one.")
    ] = None,
    extra_lexicon: ExtraLexiconOption = None,
    pdf_engine: PdfEngineOption = PdfEngine.pdfminer,
    max_size: MaxSizeOption = 20.0,
    knowledge: Annotated[
        bool,
        typer.Option(
            "--knowledge",
            help="List the knowledge mentions job-ad annotators would mark (SkillSpan's "
            "convention, learnt from its train split: 'Java development' as one span, "
            "generic terms such as 'design') instead of every skill; table or json.",
        ),
    ] = False,
) -> None:
    """List the tools and skills recognized in a document."""
    from jdmatch.extract import read_document
    from jdmatch.matcher import Matcher
    from jdmatch.report import group_skills
    from jdmatch.structure import find_sections, section_of

    if knowledge and fmt not in (SkillsFormat.table, SkillsFormat.json):
        raise typer.BadParameter(
            "--knowledge lists spans, not skills: use --format table or json.",
            param_hint="'--format'",
        )
    document = read_document(
        path, pdf_engine=pdf_engine.value, max_bytes=int(max_size * 1024 * 1024)
    )
    _warn(document)
    matcher = Matcher(lexicon=lexicon, extra_lexicon=extra_lexicon or ())
    if knowledge:
        _knowledge(matcher, document.text, fmt, path.name)
        return
    grouped = group_skills(matcher.skills(document), lexicon=matcher.recognizer.lexicon)
    if fmt is SkillsFormat.jsonresume:
        import json

        from jdmatch.report import jsonresume_skills

        _write(
            json.dumps({"skills": jsonresume_skills(grouped)}, ensure_ascii=False, indent=2) + "\n"
        )
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


def _knowledge(matcher: Any, text: str, fmt: SkillsFormat, name: str) -> None:
    """``jdmatch skills --knowledge``: the knowledge view's spans, in text order."""
    from jdmatch.knowledge import TAGGED_LABEL, TERM_LABEL, knowledge_mentions

    kinds = {TERM_LABEL: "learnt term", TAGGED_LABEL: "tagger"}
    rows: list[dict[str, Any]] = [
        {
            "text": m.text,
            "start": m.start,
            "end": m.end,
            "source": kinds.get(m.label, "lexicon"),
            "id": None if m.label in kinds else m.id,
            "label": None if m.label in kinds else m.label,
        }
        for m in knowledge_mentions(text, matcher.skills(text))
    ]
    if fmt is SkillsFormat.json:
        import json

        _write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    from rich.table import Table

    table = Table(title=f"{len(rows)} knowledge mentions in {name}", title_justify="left")
    for column in ("span", "source", "skill", "at"):
        table.add_column(column, style="dim" if column == "at" else None)
    for row in rows:
        skill = f"{row['id']} ({row['label']})" if row["id"] else ""
        table.add_row(" ".join(row["text"].split()), row["source"], skill, str(row["start"]))
    _print(table)


class ScoreFormat(str, Enum):
    table = "table"
    json = "json"
    html = "html"
    markdown = "markdown"


AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="YYYY-MM-DD",
        help='The day a resume\'s "Present" stands for when the document does not say when it was written (default: today).',
    ),
]
ProfileOption = Annotated[
    str,
    typer.Option(
        "--profile",
        "-p",
        help="A shipped profile name (see `jdmatch profiles`) or a path to a profile TOML file.",
    ),
]


@app.command(cls=_Command)
def score(
    path: Annotated[
        Path,
        typer.Argument(help="The resume or posting to score (PDF, DOCX, HTML, Markdown or text)."),
    ],
    profile: ProfileOption = DEFAULT_PROFILE,
    job: Annotated[
        Path | None,
        typer.Option("--job", "-j", help="Score against this job posting instead of a profile."),
    ] = None,
    fmt: Annotated[
        ScoreFormat,
        typer.Option(
            "--format",
            "-f",
            parser=_choice(ScoreFormat),
            metavar="[table|json|html|markdown]",
            help="table (one screen; --explain for all), json, html (a self-contained report) or markdown.",
        ),
    ] = ScoreFormat.table,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            help="Also show the evidence for each skill and the terms behind the similarity.",
        ),
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write the report to this file instead of the terminal."
        ),
    ] = None,
    extra_lexicon: ExtraLexiconOption = None,
    pdf_engine: PdfEngineOption = PdfEngine.pdfminer,
    max_size: MaxSizeOption = 20.0,
    as_of: AsOfOption = None,
) -> None:
    """Score how well a document fits a role profile (or a job posting), with the evidence."""
    _score(
        path,
        profile=profile,
        job=job,
        fmt=fmt,
        explain=explain,
        pdf_engine=pdf_engine,
        max_size=max_size,
        output=output,
        as_of=_date(as_of),
        extra_lexicon=extra_lexicon,
    )


@app.command(cls=_Command)
def match(
    resume: Annotated[Path, typer.Argument(help="The resume.")],
    posting: Annotated[Path, typer.Argument(help="The job posting to score it against.")],
    fmt: Annotated[
        ScoreFormat,
        typer.Option(
            "--format",
            "-f",
            parser=_choice(ScoreFormat),
            metavar="[table|json|html|markdown]",
            help="table (one screen; --explain for all), json, html or markdown.",
        ),
    ] = ScoreFormat.table,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain", help="Also show the evidence and the terms behind the similarity."
        ),
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write the report to this file instead of the terminal."
        ),
    ] = None,
    extra_lexicon: ExtraLexiconOption = None,
    pdf_engine: PdfEngineOption = PdfEngine.pdfminer,
    max_size: MaxSizeOption = 20.0,
    as_of: AsOfOption = None,
) -> None:
    """Score a resume against one job posting (the same as `score RESUME --job POSTING`)."""
    _score(
        resume,
        profile=DEFAULT_PROFILE,
        job=posting,
        fmt=fmt,
        explain=explain,
        pdf_engine=pdf_engine,
        max_size=max_size,
        output=output,
        as_of=_date(as_of),
        extra_lexicon=extra_lexicon,
    )


def _score(
    path: Path,
    *,
    profile: str,
    job: Path | None,
    fmt: ScoreFormat,
    explain: bool,
    pdf_engine: PdfEngine,
    max_size: float,
    output: Path | None = None,
    as_of: Any = None,
    extra_lexicon: list[Path] | None = None,
) -> None:
    from jdmatch.extract import read_document
    from jdmatch.matcher import Matcher

    if output is not None:
        from jdmatch.files import check_output_path

        check_output_path(output)
    limit = int(max_size * 1024 * 1024)
    document = read_document(path, pdf_engine=pdf_engine.value, max_bytes=limit)
    posting = (
        read_document(job, pdf_engine=pdf_engine.value, max_bytes=limit)
        if job is not None
        else None
    )
    for doc in (document, posting):
        _warn(doc)
    matcher = Matcher(
        profile if posting is None else None,
        job=posting,
        as_of=as_of,
        extra_lexicon=extra_lexicon or (),
    )
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

        _emit(
            json.dumps(score_json(result, matcher, explain=explain), ensure_ascii=True, indent=2)
            + "\n",
            output,
        )
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
