"""Every sample reads; the two-column resume comes out column by column."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from jdmatch import read_document

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
LABELS = list(csv.DictReader((SAMPLES / "labels.csv").open(encoding="utf-8")))
FILES = sorted(p for d in ("resumes", "postings") for p in (SAMPLES / d).iterdir())


def test_labels_cover_every_sample() -> None:
    assert sorted(row["path"] for row in LABELS) == sorted(
        str(p.relative_to(SAMPLES)) for p in FILES
    )


def test_sample_set_is_varied() -> None:
    suffixes = [p.suffix for p in FILES]
    resumes = [r for r in LABELS if r["kind"] == "resume"]
    assert sum(1 for r in resumes if r["path"].endswith(".pdf")) >= 4
    assert any(r["path"].endswith(".docx") for r in resumes)
    assert sum(1 for r in LABELS if r["kind"] == "posting") >= 24
    assert {".pdf", ".docx", ".html", ".md", ".txt"} <= set(suffixes)


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_sample_reads(path: Path) -> None:
    doc = read_document(path)
    assert len(doc.text.split()) > 150
    assert "(cid:" not in doc.text and "\ufffd" not in doc.text
    if path.suffix == ".pdf":
        assert doc.pages and doc.pages >= 1
    if path.suffix == ".html":
        assert "<" not in doc.text and "function" not in doc.text and "{" not in doc.text


@pytest.mark.parametrize("engine", ["pdfminer", "pdfium"])
def test_two_column_sample_reading_order(engine: str) -> None:
    pytest.importorskip("pypdfium2") if engine == "pdfium" else None
    text = read_document(SAMPLES / "resumes" / "staff-backend-go.pdf", pdf_engine=engine).text
    lines = [ln.strip() for ln in text.splitlines()]
    # the sidebar (contact, skills, education) is read whole before the main column
    sidebar = [
        "Contact",
        "Skills",
        "- Kafka, NATS",
        "- Prometheus, Grafana",
        "Education",
        "M.Sc. Computer Science",
        "Certifications",
    ]
    main = ["Summary", "Experience"]
    where = [lines.index(s) for s in sidebar + main]
    assert where == sorted(where)
    # no line mixes the two columns
    assert not any("Summary" in ln and ln != "Summary" for ln in lines)
    assert not any(
        ln.startswith("- Postgres, CockroachDB") and ln != "- Postgres, CockroachDB" for ln in lines
    )


ENGINES = [
    "pdfminer",
    pytest.param(
        "pdfium",
        marks=pytest.mark.skipif(
            __import__("importlib").util.find_spec("pypdfium2") is None,
            reason="pypdfium2 not installed",
        ),
    ),
]
PDF_SAMPLES = [p for p in FILES if p.suffix == ".pdf"]


def _lines(name: str, engine: str) -> list[str]:
    text = read_document(SAMPLES / "resumes" / name, pdf_engine=engine).text
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


@pytest.mark.parametrize("path", PDF_SAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_both_engines_give_the_same_lines(path: Path) -> None:
    pytest.importorskip("pypdfium2")
    assert (
        read_document(path, pdf_engine="pdfium").text.splitlines()
        == read_document(path).text.splitlines()
    )


@pytest.mark.parametrize("engine", ENGINES)
def test_margin_dates_join_their_entries(engine: str) -> None:
    """moderncv style: two-line dates in the left margin read on the row of their entry's title."""
    lines = _lines("backend-moderncv.pdf", engine)
    assert "June 2020 – Present  Senior Backend Engineer, Northwind Payments" in lines
    assert "March 2017 – May 2020  Python Developer, Baltic Freight Systems" in lines
    assert "July 2015 – February 2017  Junior Developer, Amberline Software" in lines
    assert "2011 – 2015  B.Sc. Computer Science, Pomeranian University of Technology" in lines
    # each entry's dates come after the previous entry's bullets, not in one block after the summary
    i = lines.index("March 2017 – May 2020  Python Developer, Baltic Freight Systems")
    assert lines[i - 1].startswith("- Runs the team's Kubernetes deployments")
    assert not any(ln in ("Present", "June 2020 –") for ln in lines)
    # margin labels of the skills section sit beside their values
    assert (
        "Languages  Python, Go, SQL" in lines
        and "Operations  Docker, Kubernetes, Helm, Terraform, AWS" in lines
    )


@pytest.mark.parametrize("engine", ENGINES)
def test_right_sidebar_reads_as_its_own_column(engine: str) -> None:
    lines = _lines("data-engineer-sidebar.pdf", engine)
    main = [
        "Profile",
        "Experience",
        "Senior Data Engineer, Cargopath",
        "2023 – Present · Lisbon (remote)",
        "Education",
    ]
    side = [
        "Contact",
        "amara.reyes@example.org",
        "Skills",
        "- Apache Spark, PySpark",
        "- Docker, Terraform",
        "Languages",
    ]
    where = [lines.index(s) for s in main + side]  # whole lines: nothing merged across the gutter
    assert where == sorted(where)


@pytest.mark.parametrize("engine", ENGINES)
def test_running_headers_footers_and_page_numbers_are_removed(engine: str) -> None:
    doc = read_document(SAMPLES / "resumes" / "sre-two-page.pdf", pdf_engine=engine)
    lines = [ln.strip() for ln in doc.text.splitlines() if ln.strip()]
    assert doc.pages == 2
    assert not any(ln in ("1/2", "2/2") or ln.endswith(("1/2", "2/2")) for ln in lines)
    assert not any("henrik.vl@example.com" in ln and "Vasquez" in ln for ln in lines)  # the footer
    assert (
        lines.count("Henrik Vasquez-Lindqvist – Curriculum Vitae") == 1
    )  # the header, kept on page one only
    assert lines[0] == "Henrik Vasquez-Lindqvist – Curriculum Vitae"
    assert lines[-1] == "- Runs the infrastructure of a local football club's website."


@pytest.mark.parametrize("engine", ENGINES)
def test_icon_glyphs_are_dropped(engine: str) -> None:
    lines = _lines("mobile-icons.pdf", engine)
    assert lines[2] == "+1 555 014 2290  priya.r@example.com  priyar-dev  Austin, TX"
    text = "\n".join(lines)
    assert not any("\ue000" <= ch <= "\uf8ff" for ch in text) and "§" not in text


def _stock_pdfminer_lines(data: bytes) -> list[list[tuple[float, float, float, float, str]]]:
    """Each page's lines as pdfminer's own aggregator and layout analysis make them, in its order,
    in the engine's coordinates (top down)."""
    import io

    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams, LTContainer, LTTextLine
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    def walk(
        node: object, height: float, out: list[tuple[float, float, float, float, str]]
    ) -> None:
        if isinstance(node, LTTextLine):
            text = node.get_text().strip()
            if text:
                x0, y0, x1, y1 = node.bbox
                out.append((x0, height - y1, x1, height - y0, text))
        elif isinstance(node, LTContainer):
            for child in node:
                walk(child, height, out)

    manager = PDFResourceManager(caching=True)
    device = PDFPageAggregator(manager, laparams=LAParams(boxes_flow=None, all_texts=True))
    interpreter = PDFPageInterpreter(manager, device)
    pages = []
    for page in PDFPage.get_pages(io.BytesIO(data)):
        interpreter.process_page(page)
        layout = device.get_result()
        lines: list[tuple[float, float, float, float, str]] = []
        walk(layout, layout.height, lines)
        pages.append(lines)
    return pages


@pytest.mark.parametrize("path", PDF_SAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_pdfminer_engine_lines_are_pdfminers_own(path: Path) -> None:
    """The pdfminer engine builds lines from glyph tuples, not pdfminer's LTChar objects (for
    speed): every line's box, to the last bit, its text and its order are pdfminer's own."""
    from jdmatch.extract.pdf import PdfLimits, _pdfminer_pages

    data = path.read_bytes()
    ours = [
        [(ln.x0, ln.top, ln.x1, ln.bottom, ln.text) for ln in page.lines]
        for page in _pdfminer_pages(data, str(path), PdfLimits.for_max_bytes(None))
    ]
    assert ours == _stock_pdfminer_lines(data)
