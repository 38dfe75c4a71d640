"""What "Present" means: the day of the call, an explicit as-of day, or the day the document was written."""

from __future__ import annotations

import io
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import time_machine

from jdmatch import Matcher, read_document
from jdmatch.extract.metadata import docx_date, header_date, pdf_date
from jdmatch.structure import present_date, resume_experience, seniority, stated_years
from tests.cli_support import run_cli

CURRENT = "Alex Example\nBackend Engineer\n\nExperience\nBackend Engineer — Acme\nJan 2025 – Present\n- Built Go services.\n"


def test_present_is_the_day_of_the_call() -> None:
    with time_machine.travel(datetime(2027, 6, 15, 12, tzinfo=UTC), tick=False):
        assert resume_experience(CURRENT, ()).total_years == pytest.approx(2.4, abs=0.05)
        result = Matcher().score(CURRENT)
        assert result.years == pytest.approx(2.4, abs=0.05)
        assert (result.as_of, result.as_of_source) == ("2027-06-15", "today")
    with time_machine.travel(datetime(2031, 1, 10, 12, tzinfo=UTC), tick=False):
        assert resume_experience(CURRENT, ()).total_years == pytest.approx(6.0, abs=0.05)


def test_a_job_started_after_a_frozen_day_still_counts() -> None:
    text = "Experience\nEngineer — Beta\nMar 2027 – Present\n- Rust.\n"
    with time_machine.travel(datetime(2028, 3, 20, tzinfo=UTC), tick=False):
        exp = resume_experience(text, ())
    assert len(exp.entries) == 1 and exp.total_years == pytest.approx(1.0, abs=0.05)


def test_as_of_in_the_library() -> None:
    assert resume_experience(CURRENT, (), today=date(2026, 1, 31)).total_years == pytest.approx(
        1.0, abs=0.05
    )
    assert Matcher(as_of=date(2029, 1, 1)).score(CURRENT).years == pytest.approx(4.0, abs=0.05)
    once = Matcher(as_of=date(2029, 1, 1)).score(CURRENT, as_of=date(2026, 1, 1))
    assert (once.years, once.as_of, once.as_of_source) == (
        pytest.approx(1.0, abs=0.05),
        "2026-01-01",
        "as of",
    )
    assert (
        seniority(CURRENT, kind="resume", today=date(2026, 1, 31)).level == "entry"
    )  # a plain title, one year
    assert seniority(CURRENT, kind="resume", today=date(2029, 6, 30)).level == "mid"  # 4.5 years
    assert (
        seniority(CURRENT, kind="resume", today=date(2031, 1, 31)).level == "senior"
    )  # years decide a plain title


@pytest.mark.parametrize(
    "end",
    ["Present", "Till date", "till date", "to date", "current", "Now", "till now", "Currently"],
)
def test_words_that_end_a_current_range(end: str) -> None:
    text = f"Experience\nDeveloper — Acme\nJan 2018 - {end}\n- Java.\n"
    exp = resume_experience(text, (), today=date(2020, 1, 15))
    assert len(exp.entries) == 1 and exp.entries[0].current
    assert exp.total_years == pytest.approx(2.0, abs=0.05)


@pytest.mark.parametrize(
    "text, years",
    [
        ("Total Experience: 1 Year(s) 9 Month(s)\n", 1.8),
        ("Summary\nBackend developer with 8+ years of experience in payments.\n", 8.0),
        ("Profile\nTotal IT experience of 4.5 years across banking projects.\n", 4.5),
        ("Overall experience: 6 years\n", 6.0),
        ("Summary\nOver twelve years of professional experience.\n", 12.0),
        ("Skills\n2 years of experience with Spark.\n", None),  # about one tool, not a total
        ("Experience\nDeveloper — Acme\nJan 2018 – Dec 2019\n", None),
    ],
)
def test_stated_years(text: str, years: float | None) -> None:
    got = stated_years(text)
    assert got == (pytest.approx(years, abs=0.05) if years is not None else None)


def test_years_with_one_tool_are_not_a_total() -> None:
    from jdmatch.recognize import default_recognizer

    rec = default_recognizer()
    ranges = "\n\nExperience\nEngineer — Acme\nJan 2012 – Dec 2021\n- Services.\n"
    for summary in (
        "Summary\n5 years of experience in Django and Flask.",
        "Summary\n5 years of Java experience.",
    ):
        text = summary + ranges
        assert stated_years(text, rec.recognize(text)) is None
        assert resume_experience(text, rec.recognize(text)).total_years == pytest.approx(
            10.0, abs=0.05
        )
    text = "Summary\n12 years of experience in banking.\nPython developer." + ranges
    assert stated_years(text, rec.recognize(text)) == 12.0


def test_a_stated_total_wins_over_summed_ranges() -> None:
    text = (
        "Summary\nTotal Experience: 1 Year(s) 9 Month(s)\n\nExperience\nAnalyst — Acme\nJan 2019 – Till date\n"
        "- Reports.\nIntern — Beta\n2017 – 2018\n"
    )
    exp = resume_experience(text, (), today=date(2030, 1, 1))  # ranges alone would give 11 years
    assert exp.total_years == pytest.approx(1.8, abs=0.05)


# -- the document's own date --------------------------------------------------------------------


def _docx(text: str, *, modified: datetime | None, created: datetime | None = None) -> bytes:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    props = document.core_properties
    props.created = created or datetime(2000, 1, 1)
    if modified is not None:
        props.modified = modified
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _pdf(lines: list[str], *, creation: str | None, mod: str | None) -> bytes:
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter, invariant=1)
    y = 720
    for line in lines:
        c.drawString(72, y, line)
        y -= 14
    c.showPage()
    c.save()
    data = buf.getvalue()
    # reportlab's invariant mode writes a fixed date; put the dates under test in its place
    import re

    stamp = re.search(rb"/CreationDate \((D:[^)]*)\)", data)
    assert stamp is not None
    data = data.replace(
        b"/ModDate (" + stamp.group(1) + b")",
        b"/ModDate (" + (mod or "").encode() + b")" if mod else b"",
    )
    data = data.replace(
        b"/CreationDate (" + stamp.group(1) + b")",
        b"/CreationDate (" + creation.encode() + b")" if creation else b"",
    )
    return data


RESUME_LINES = [
    "Sam Example",
    "Software Developer",
    "",
    "Experience",
    "Developer - Acme",
    "Mar 2018 - Till date",
    "- Built C# services.",
]


def test_docx_core_properties_date(tmp_path: Path) -> None:
    path = tmp_path / "cv.docx"
    path.write_bytes(_docx("\n".join(RESUME_LINES), modified=datetime(2020, 9, 14, 10, 30)))
    doc = read_document(path)
    assert (doc.date, doc.date_source) == (date(2020, 9, 14), "docx core properties")
    assert doc.to_dict()["date"] == "2020-09-14"
    result = Matcher().score(doc)
    assert result.years == pytest.approx(2.5, abs=0.05)  # Mar 2018 to Sep 2020, not to today
    data = result.to_dict()
    assert (data["as_of"], data["as_of_source"]) == ("2020-09-14", "docx core properties")
    assert Matcher().score(path).years == pytest.approx(2.5, abs=0.05)


def test_pdf_mod_date_then_creation_date() -> None:
    both = _pdf(RESUME_LINES, creation="D:20190101000000Z", mod="D:20200914000931+05'30'")
    assert pdf_date(both) == (date(2020, 9, 14), "pdf ModDate")
    created = _pdf(RESUME_LINES, creation="D:20200601120000Z", mod=None)
    assert pdf_date(created) == (date(2020, 6, 1), "pdf CreationDate")
    assert pdf_date(_pdf(RESUME_LINES, creation=None, mod=None)) == (None, "")
    assert pdf_date(b"%PDF-1.4 not really") == (None, "")


def test_pdf_document_date_sets_present(tmp_path: Path) -> None:
    path = tmp_path / "cv.pdf"
    path.write_bytes(_pdf(RESUME_LINES, creation="D:20200914000931+05'30'", mod=None))
    doc = read_document(path)
    assert (doc.date, doc.date_source) == (date(2020, 9, 14), "pdf CreationDate")
    result = Matcher().score(doc)
    assert (
        result.years == pytest.approx(2.5, abs=0.05) and result.as_of_source == "pdf CreationDate"
    )


def test_a_template_date_older_than_the_text_is_passed_over(tmp_path: Path) -> None:
    # python-docx's template (and many tools) keep the day the template was made
    path = tmp_path / "cv.docx"
    path.write_bytes(_docx("\n".join(RESUME_LINES), modified=datetime(2013, 12, 23)))
    doc = read_document(path)
    assert doc.date == date(2013, 12, 23)
    when, why = present_date(doc.text, doc.date, doc.date_source, date(2021, 3, 1))
    assert (when, why) == (date(2021, 3, 1), "as of")
    assert Matcher(as_of=date(2021, 3, 1)).score(doc).years == pytest.approx(3.0, abs=0.05)


def test_a_document_date_after_today_is_passed_over() -> None:
    with time_machine.travel(datetime(2026, 5, 1, tzinfo=UTC), tick=False):
        assert present_date(CURRENT, date(2031, 1, 1), "pdf ModDate") == (date(2026, 5, 1), "today")
        assert present_date(CURRENT, date(2026, 4, 30), "pdf ModDate") == (
            date(2026, 4, 30),
            "pdf ModDate",
        )


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Sam Example\nUpdated: March 2024\nDeveloper\n", date(2024, 3, 1)),
        ("Sam Example\nLast updated 14 September 2020\n", date(2020, 9, 14)),
        ("Sam Example\nDate: 14/09/2020\n", date(2020, 9, 14)),
        ("Sam Example\nRevised 2021-05-02\n", date(2021, 5, 2)),
        ("Sam Example\nDeveloper since March 2024\n", None),
    ],
)
def test_header_date(text: str, expected: date | None) -> None:
    assert header_date(text) == expected


def test_a_dated_header_in_a_text_file(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_text(
        "Sam Example\nUpdated: September 2020\n\nExperience\nDeveloper — Acme\nMar 2018 – Present\n- C#.\n",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert (doc.date, doc.date_source) == (date(2020, 9, 1), "header")
    assert Matcher().score(doc).years == pytest.approx(2.5, abs=0.05)


def test_docx_date_ignores_damage() -> None:
    assert docx_date(b"PK\x03\x04 broken") == (None, "")


def test_cli_as_of(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_text(CURRENT, encoding="utf-8")
    run = ["score", str(path), "-f", "json", "--as-of", "2028-01-01"]
    good = run_cli(*run)
    assert good.returncode == 0, good.stderr
    data = json.loads(good.stdout)
    assert (data["years"], data["as_of"], data["as_of_source"]) == (3.0, "2028-01-01", "as of")
    bad = run_cli(*run[:-1], "01/01/2028")
    assert (
        bad.returncode == 2
        and "Invalid value for '--as-of'" in bad.stderr
        and "YYYY-MM-DD" in bad.stderr
    )
