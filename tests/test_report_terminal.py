"""The one-screen terminal summary at fixed widths, --explain, and the Markdown reports."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from rich.console import Console

from jdmatch.matcher import Matcher
from jdmatch.report import LINE_BUDGET, compact_gaps, score_report
from jdmatch.report_markdown import md_escape, score_markdown, skills_markdown
from tests.cli_support import CliResult, run_cli

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
CASES = {
    "java-pdf": ("resumes/senior-backend-java.pdf", None),
    "nurse": ("resumes/nurse.txt", None),
    "junior-vs-senior-posting": (
        "resumes/junior-backend-python.md",
        "postings/backend-senior-java.html",
    ),
    "java-vs-staff-go-pdf": ("resumes/senior-backend-java.pdf", "postings/backend-staff-go.pdf"),
}


@pytest.fixture(scope="module")
def scored() -> dict[str, tuple]:
    out = {}
    profile_matcher = Matcher()
    for name, (doc, job) in CASES.items():
        matcher = Matcher(job=SAMPLES / job) if job else profile_matcher
        out[name] = (matcher.score(SAMPLES / doc), matcher.profile)
    return out


def render(renderable: object, width: int) -> list[str]:
    console = Console(width=width, record=True, file=open(os.devnull, "w"), color_system=None)
    console.print(renderable)
    return console.export_text().rstrip("\n").split("\n")


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("case", list(CASES))
def test_one_screen_holds_the_key_facts(scored: dict, case: str, width: int) -> None:
    result, profile = scored[case]
    lines = render(score_report(result, profile), width)
    text = "\n".join(lines)
    assert len(lines) <= LINE_BUDGET == 25, text
    assert all(len(line) <= width for line in lines), text  # nothing wrapped: one line is one row
    assert lines[0].lstrip().startswith(f"{result.score:.1f} / 100") and result.band in lines[0]
    assert f"level {result.seniority.level}" in text and f"about {result.years:g} years" in text
    top = next(m for m in result.missing if m.gain >= 0.05)
    assert top.name[:12] in text and f"{top.gain:+5.1f}" in text
    assert "Coverage by group" in text and result.groups[0].name[:12] in text
    assert "--explain" in lines[-1]
    for gap in compact_gaps(result.gaps)[:4]:
        assert f"gap   {gap}"[: width - 1].rstrip("…")[:40] in text


def test_the_gaps_that_matter_are_on_screen(scored: dict) -> None:
    result, profile = scored["junior-vs-senior-posting"]
    text = "\n".join(render(score_report(result, profile), 80))
    assert f"asks for 6+ years of experience; the resume shows about {result.years:.1f}" in text
    assert "asks for the senior level" in text
    assert re.search(r"required skills missing \(\d+\): ", text)
    assert "note  the core of the role is thin" in text
    assert (
        "the posting “" in text and "(backend-senior-java.html)" not in text
    )  # cut at 80, not wrapped
    wide = "\n".join(render(score_report(result, profile), 160))
    assert "(backend-senior-java.html)" in wide  # more width, more said
    # --explain says how much of the score the years and level asked took
    assert result.level_gate < 1
    explained = "\n".join(render(score_report(result, profile, explain=True), 200))
    assert f"{result.level_gate:.0%} kept against the years and level asked" in explained


def test_more_width_shows_more_of_each_group(scored: dict) -> None:
    result, profile = scored["java-pdf"]
    narrow, wide = (
        render(score_report(result, profile), 80),
        render(score_report(result, profile), 120),
    )
    names = {m.id: m.name for m in result.matched}
    row = max(result.groups, key=lambda g: len(", ".join(names[i] for i in g.matched)))
    assert len(", ".join(names[i] for i in row.matched)) > 40
    listed = ", ".join(names[i] for i in row.matched)
    a = next(ln for ln in narrow if ln[2:].startswith(row.name[:20]) and "%  " in ln)
    b = next(ln for ln in wide if ln[2:].startswith(row.name[:20]) and "%  " in ln)
    shown_a, shown_b = a.split("%  ", 1)[1].rstrip(", …"), b.split("%  ", 1)[1].rstrip(", …")
    assert a.endswith(", …") and listed.startswith(shown_a) and listed.startswith(shown_b)
    whole = [names[i] for i in row.matched]
    assert (
        shown_a.split(", ") == whole[: len(shown_a.split(", "))]
    )  # whole names only, never cut inside one
    assert len(shown_b.split(", ")) > len(shown_a.split(", "))


def test_groups_over_the_budget_are_summed_up(scored: dict) -> None:
    result, profile = scored["nurse"]
    assert len(result.groups) > 15
    lines = render(score_report(result, profile), 80)
    more = [ln for ln in lines if "more groups:" in ln]
    assert len(more) == 1
    shown = sum(
        1
        for g in result.groups
        if any(ln.strip().lstrip("* ").startswith(g.name[:20]) for ln in lines)
    )
    hidden = int(re.search(r"… (\d+) more groups", more[0]).group(1))
    assert shown + hidden == len(result.groups)
    core = [g for g in result.groups if g.core]
    assert all(
        any(ln.startswith("* " + g.name[:20]) for ln in lines) for g in core
    )  # the core groups are never left out


def test_explain_keeps_the_full_tables(scored: dict) -> None:
    result, profile = scored["java-pdf"]
    text = "\n".join(render(score_report(result, profile, explain=True), 120))
    for title in (
        "Coverage by group",
        "Matched skills",
        "Missing skills, by the points each would add",
        "Terms behind the TF-IDF similarity",
        "Terms behind the contrast model",
    ):
        assert title in text
    assert result.matched[0].depth["summary"] in text
    assert len(text.splitlines()) > 60


def test_the_date_present_was_taken_as_is_shown(scored: dict) -> None:
    result, profile = scored["java-pdf"]
    d = {**result.to_dict(), "as_of": "2026-06-30", "as_of_source": "the document's date"}
    lines = render(score_report(d, profile), 120)  # the summary also renders a to_dict()
    assert any("“Present” taken as 2026-06-30 (the document's date)" in ln for ln in lines)
    assert "2026-06-30" in score_markdown(d, profile.to_dict())


def run(*args: str, columns: int) -> CliResult:
    return run_cli(*args, columns=columns)  # COLUMNS and TERM=dumb, as a terminal that wide


@pytest.mark.parametrize("columns", [80, 120])
def test_cli_score_and_match_fit_one_screen(columns: int) -> None:
    pdf = str(SAMPLES / "resumes" / "senior-backend-java.pdf")
    for args in (
        ["score", pdf],
        [
            "match",
            str(SAMPLES / "resumes" / "nodejs-backend.txt"),
            str(SAMPLES / "postings" / "backend-mid-node.md"),
        ],
    ):
        result = run(*args, columns=columns)
        assert result.returncode == 0, result.stderr
        lines = result.stdout.rstrip("\n").split("\n")
        assert len(lines) <= 25, result.stdout
        assert max(len(ln) for ln in lines) <= columns
        assert re.match(r"\s*\d+\.\d / 100 ", lines[0]) and "fit" in lines[0]
        assert "level " in result.stdout and "Missing skills that would add most" in result.stdout
        assert "--explain" in lines[-1]
    explained = run("score", pdf, "--explain", columns=columns)
    assert (
        explained.returncode == 0
        and len(explained.stdout.splitlines()) > 60
        and "Matched skills" in explained.stdout
    )


def test_cli_markdown_for_score_match_and_skills(tmp_path: Path) -> None:
    pdf = str(SAMPLES / "resumes" / "senior-backend-java.pdf")
    md = run("score", pdf, "--format", "markdown", columns=80)
    assert md.returncode == 0, md.stderr
    assert md.stdout.startswith("# senior-backend-java.pdf vs Backend Engineer\n")
    assert re.search(r"^\*\*Score \d+\.\d / 100\*\* — \*\*[a-z ]+fit\*\*", md.stdout, re.M)
    assert (
        "| group | weight | coverage |" in md.stdout
        and "| skill | group | depth | evidence |" in md.stdout
    )
    assert "## Gaps" in md.stdout and "- **Level:** senior" in md.stdout
    out = tmp_path / "m.md"
    match = run(
        "match",
        pdf,
        str(SAMPLES / "postings" / "backend-staff-go.pdf"),
        "--format",
        "markdown",
        "-o",
        str(out),
        columns=80,
    )
    assert match.returncode == 0 and match.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert "vs the posting “Staff Backend Engineer" in text and "asks for the staff level" in text
    assert re.search(
        r"^\| Must have: .+ \\\* \| ", text, re.M
    )  # posting groups keep their recruiter names, core marked
    skills = run(
        "skills",
        str(SAMPLES / "resumes" / "nodejs-backend.txt"),
        "--format",
        "markdown",
        columns=80,
    )
    assert skills.returncode == 0
    assert skills.stdout.startswith("# ") and "## Backend frameworks" in skills.stdout
    assert "| Node.js | platform | 5 |" in skills.stdout


def test_markdown_escapes_document_text() -> None:
    assert md_escape("a|b") == "a\\|b" and md_escape("x\ny") == "x y"
    assert md_escape("[click](https://evil.example)") == "\\[click\\](https\\://evil.example)"
    assert md_escape("<img src=x onerror=alert(1)>") == "\\<img src=x onerror=alert(1)\\>"
    assert (
        md_escape("see www.evil.example or me@evil.example")
        == "see www\\.evil.example or me\\@evil.example"
    )
    assert (
        md_escape("C# and C++ 11.4 years") == "C# and C++ 11.4 years"
    )  # nothing escaped that need not be
    page = score_markdown(
        {
            "source": "cv|<b>.txt",
            "score": 50,
            "band": "reasonable fit",
            "groups": [{"name": "a|b", "coverage": 1, "weight": 1, "matched": []}],
            "matched": [
                {
                    "name": "*Go*",
                    "group": "g",
                    "mentions": ["`rm -rf`"],
                    "depth": {"summary": "1 role"},
                }
            ],
            "missing": [],
        },
        {},
    )
    table_rows = [ln for ln in page.splitlines() if ln.startswith("| ")]
    assert all(
        len(re.findall(r"(?<!\\)\|", ln)) == ln.count(" | ") + 2 for ln in table_rows
    )  # no cell broke its table
    assert "\\*Go\\*" in page and "\\`rm -rf\\`" in page and "cv\\|\\<b\\>.txt" in page


def test_skills_markdown_one_table_per_category() -> None:
    grouped = [
        {
            "name": "Go",
            "label": "language",
            "category": "Languages",
            "count": 2,
            "mentions": [{"text": "Go"}, {"text": "Golang"}],
        },
        {
            "name": "Docker",
            "label": "tool",
            "category": "Containers",
            "count": 1,
            "mentions": [{"text": "docker"}],
        },
    ]
    page = skills_markdown(grouped, title="2 skills")
    assert page.index("## Languages (1)") < page.index("## Containers (1)")
    assert (
        "| Go | language | 2 | Go, Golang |" in page
        and page.count("| skill | label | mentions | as written |") == 2
    )
    assert "No skill was recognized." in skills_markdown([], title="none")
