"""read_document on every supported format, on real files written by the tests."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from jdmatch import Document, read_document
from jdmatch.extract.normalize import normalize_text
from tests.conftest import make_pdf, two_column_page

LEFT = [
    "SKILLS",
    "Python and Django",
    "PostgreSQL tuning",
    "Docker, Kubernetes",
    "EDUCATION",
    "BSc Computer Science",
    "State University 2014",
]
RIGHT = [
    "EXPERIENCE",
    "Senior Backend Engineer at Northwind Labs",
    "Designed REST services handling payments",
    "Led migration of billing to event queues",
    "Backend Engineer at Bluefin Systems",
    "Built reporting APIs on top of PostgreSQL",
    "Mentored two junior engineers each year",
]
PDF_ENGINES = [
    "pdfminer",
    pytest.param(
        "pdfium",
        marks=pytest.mark.skipif(
            __import__("importlib").util.find_spec("pypdfium2") is None,
            reason="pypdfium2 not installed",
        ),
    ),
]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("engine", PDF_ENGINES)
def test_two_column_pdf_reads_column_by_column(tmp_path: Path, engine: str) -> None:
    path = write(tmp_path, "two-col.pdf", make_pdf([two_column_page(LEFT, RIGHT)]))
    doc = read_document(path, pdf_engine=engine)
    lines = [ln.strip() for ln in doc.text.splitlines() if ln.strip()]
    assert lines[0].startswith("Jordan Example")
    positions = [
        lines.index(t) for t in LEFT + RIGHT
    ]  # every line intact, none merged with the other column
    assert positions == sorted(positions), (
        "left column must come first, top to bottom, then the right one"
    )
    assert doc.pages == 1 and doc.media_type == "application/pdf"


@pytest.mark.parametrize("engine", PDF_ENGINES)
def test_dates_beside_titles_stay_on_their_row(tmp_path: Path, engine: str) -> None:
    page = []
    y = 80
    for title, dates in [
        ("Senior Engineer, Acme Corp", "2019 - 2023"),
        ("Engineer, Globex", "2016 - 2019"),
        ("Intern, Initech", "2015 - 2016"),
    ]:
        page.append((50, y, title))
        page.append((460, y, dates))
        for k in range(3):
            page.append(
                (62, y + 14 * (k + 1), f"- built service number {k} with a team of engineers")
            )
        y += 14 * 5
    doc = read_document(write(tmp_path, "dates.pdf", make_pdf([page])), pdf_engine=engine)
    rows = doc.text.splitlines()
    assert any("Senior Engineer, Acme Corp" in r and "2019 - 2023" in r for r in rows)
    assert any("Intern, Initech" in r and "2015 - 2016" in r for r in rows)


@pytest.mark.parametrize("engine", PDF_ENGINES)
def test_pdf_pages_and_hyphenation(tmp_path: Path, engine: str) -> None:
    pages = [
        [(72, 72, "Page one talks about the develop-"), (72, 86, "ment of payment services.")],
        [(72, 72, "Page two mentions Kubernetes.")],
    ]
    doc = read_document(write(tmp_path, "two-pages.pdf", make_pdf(pages)), pdf_engine=engine)
    assert doc.pages == 2
    assert "development of payment services." in doc.text
    assert doc.text.index("Page one") < doc.text.index("Page two")


def test_normalize_ligatures_bullets_soft_hyphens() -> None:
    raw = "• Built e\ufb03cient services\n(cid:127) Con\u00adfigured \ufb01rewalls\n\u25aa Led re-\nviews\u200b"
    text = normalize_text(raw, join_hyphenation=True)
    assert text.splitlines() == [
        "- Built efficient services",
        "- Configured firewalls",
        "- Led reviews",
    ]


def test_pdf_named_txt_is_read_as_pdf(tmp_path: Path) -> None:
    path = write(
        tmp_path, "resume.txt", make_pdf([[(72, 72, "Kubernetes operator written in Go")]])
    )
    doc = read_document(path)
    assert doc.media_type == "application/pdf"
    assert "Kubernetes operator" in doc.text


def test_docx_paragraphs_and_tables_in_order(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_heading("Alex Sample", 1)
    d.add_paragraph("Backend engineer who likes databases.")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Languages"
    table.cell(0, 1).text = "Java, Kotlin"
    table.cell(1, 0).text = "Databases"
    table.cell(1, 1).text = "PostgreSQL"
    d.add_paragraph("References on request.")
    path = tmp_path / "cv.docx"
    d.save(path)
    doc = read_document(path)
    assert doc.media_type.endswith("wordprocessingml.document")
    lines = doc.text.splitlines()
    assert lines == [
        "Alex Sample",
        "Backend engineer who likes databases.",
        "Languages | Java, Kotlin",
        "Databases | PostgreSQL",
        "References on request.",
    ]


def test_html_visible_text_only(tmp_path: Path) -> None:
    html = """<!DOCTYPE html><html><head><title>Job</title><style>body{color:red}</style>
    <script>var secret = "do not read";</script></head><body><nav>Home</nav>
    <h1>Backend Engineer</h1><p>We build APIs&nbsp;in Go &amp; Python.</p>
    <ul><li>PostgreSQL</li><li>Kafka</li></ul><noscript>enable js</noscript>
    <footer>&copy; Example</footer></body></html>"""
    doc = read_document(write(tmp_path, "job.html", html.encode()))
    assert doc.media_type == "text/html"
    assert "secret" not in doc.text and "color" not in doc.text and "enable js" not in doc.text
    lines = doc.text.splitlines()
    assert "Backend Engineer" in lines
    assert "We build APIs in Go & Python." in lines
    assert "- PostgreSQL" in lines and "- Kafka" in lines


@pytest.mark.parametrize(
    "encoding,bom",
    [
        pytest.param("utf-8", b"", id="utf-8"),
        pytest.param("utf-8", codecs.BOM_UTF8, id="utf-8-bom"),
        pytest.param("utf-16-le", codecs.BOM_UTF16_LE, id="utf-16-le-bom"),
        pytest.param("utf-16-be", codecs.BOM_UTF16_BE, id="utf-16-be-bom"),
        pytest.param("cp1252", b"", id="cp1252"),
    ],
)
def test_text_encodings(tmp_path: Path, encoding: str, bom: bytes) -> None:
    text = "Résumé of Zoë Müller \u2013 \u201cbackend\u201d engineer, salary \u20ac60k, naïve Bayes, Zürich.\nSkills: Java, C#, .NET"
    doc = read_document(write(tmp_path, "cv.txt", bom + text.encode(encoding)))
    assert doc.text == text


def test_latin1_text(tmp_path: Path) -> None:
    text = "Curriculum vitae: François Lefèvre, Genève. Compétences: Python, SQL, Français, Español año."
    doc = read_document(write(tmp_path, "cv.md", text.encode("latin-1")))
    assert doc.text == text
    assert doc.media_type == "text/markdown"


def test_document_is_frozen(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "a.txt", b"Python developer"))
    assert isinstance(doc, Document)
    with pytest.raises(AttributeError):
        doc.text = "other"  # type: ignore[misc]
    assert doc.to_dict() == {
        "text": "Python developer",
        "source": str(tmp_path / "a.txt"),
        "media_type": "text/plain",
        "pages": None,
        "date": None,
        "date_source": "",
        "fields": {},
        "warnings": [],
    }


@pytest.mark.parametrize("engine", PDF_ENGINES)
def test_margin_date_block_joins_the_entry_at_its_height(tmp_path: Path, engine: str) -> None:
    """Dates right under each other in a narrow left margin, entries beside them: each date reads
    with its own entry, a two-line date ("Jan 2019 –" / "Present") as one."""
    page = [(140, 50, "Experience")]
    y = 80
    entries = [
        ("Jan 2019 –", "Present", "Lead Engineer, Vandelay Imports"),
        ("Mar 2016 –", "Dec 2018", "Engineer, Kramerica"),
        ("2014 –", "2016", "Intern, Pendant Publishing"),
    ]
    for start, end, title in entries:
        page += [(60, y, start), (60, y + 12, end), (140, y, title)]
        for k in range(3):
            page.append((150, y + 12 * (k + 1), f"- shipped feature {k} of the order service"))
        y += 12 * 5
    lines = [
        ln.strip()
        for ln in read_document(
            write(tmp_path, "margin.pdf", make_pdf([page])), pdf_engine=engine
        ).text.splitlines()
        if ln.strip()
    ]
    assert "Jan 2019 – Present  Lead Engineer, Vandelay Imports" in lines
    assert "Mar 2016 – Dec 2018  Engineer, Kramerica" in lines
    assert "2014 – 2016  Intern, Pendant Publishing" in lines
    assert (
        lines.index("Mar 2016 – Dec 2018  Engineer, Kramerica")
        == lines.index("Jan 2019 – Present  Lead Engineer, Vandelay Imports") + 4
    )


@pytest.mark.parametrize("engine", PDF_ENGINES)
def test_page_numbers_and_repeated_footers_are_dropped(tmp_path: Path, engine: str) -> None:
    styles = ["Page {n} of 3", "- {n} -", "{n}/3"]
    pages = []
    for n in (1, 2, 3):
        pages.append(
            [
                (72, 100, f"Body text of page {n} about Kubernetes"),
                (72, 114, "Built 3 services in Go"),
                (72, 770, "Jordan Example · Resume"),
                (500, 770, styles[n - 1].format(n=n)),
                (300, 30, str(n)),
            ]
        )
    doc = read_document(write(tmp_path, "numbered.pdf", make_pdf(pages)), pdf_engine=engine)
    lines = [ln.strip() for ln in doc.text.splitlines() if ln.strip()]
    assert lines == [
        f"{text}"
        for n in (1, 2, 3)
        for text in (f"Body text of page {n} about Kubernetes", "Built 3 services in Go")
    ]


def test_single_page_keeps_its_edges_but_not_its_page_number(tmp_path: Path) -> None:
    page = [
        (72, 40, "Jordan Example · Backend Engineer"),
        (72, 100, "Python and SQL every day"),
        (300, 770, "Page 1 of 1"),
    ]
    lines = [
        ln
        for ln in read_document(write(tmp_path, "one.pdf", make_pdf([page]))).text.splitlines()
        if ln.strip()
    ]
    assert lines == ["Jordan Example · Backend Engineer", "Python and SQL every day"]


def test_icon_font_glyphs_are_dropped() -> None:
    text = "I (123) 456-7890  \uf0e0 jane@example.org  § janedoe\n\uf095 +1 555 010 7788 | B jane@x.org\n✉ mail@example.net"
    assert (
        normalize_text(text)
        == "(123) 456-7890  jane@example.org  janedoe\n+1 555 010 7788 | jane@x.org\nmail@example.net"
    )
    # one-letter words stay, and so do symbols that are part of a word
    assert (
        normalize_text("I built APIs in 2019; C and R for stats; A team of 5")
        == "I built APIs in 2019; C and R for stats; A team of 5"
    )
    assert (
        normalize_text("Rated ★★★★ by users; §12 of the rules")
        == "Rated ★★★★ by users; §12 of the rules"
    )


@pytest.mark.parametrize("vertical", [False, True], ids=["cmap", "vertical"])
def test_pdfminer_engine_lines_match_pdfminer_for_cid_fonts_and_forms(vertical: bool) -> None:
    """The glyph-tuple fast path of the pdfminer engine gives pdfminer's own lines where its
    shortcuts do not apply: a CMap font (decoded lazily, counted glyph by glyph), vertical
    writing (pdfminer's LTChar), and text inside a form XObject (a figure)."""
    import io

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    from jdmatch.extract.pdf import PdfLimits, _pdfminer_pages
    from tests.test_samples import _stock_pdfminer_lines

    font = UnicodeCIDFont("HeiseiMin-W3", isVertical=vertical)
    pdfmetrics.registerFont(font)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    c.setFont(font.fontName, 12)
    c.drawString(72, 700, "Python 開発者 Tokyo")
    c.drawString(300, 600, "縦書き テキスト")
    c.beginForm("form")
    c.setFont("Helvetica", 10)
    c.drawString(100, 400, "Inside a form: Kubernetes and Go")
    c.endForm()
    c.doForm("form")
    c.setFont("Helvetica", 10)
    c.drawString(72, 300, "Plain line with   spaces")
    c.showPage()
    c.save()
    data = buf.getvalue()
    ours = [
        [(ln.x0, ln.top, ln.x1, ln.bottom, ln.text) for ln in page.lines]
        for page in _pdfminer_pages(data, "cid.pdf", PdfLimits.for_max_bytes(None))
    ]
    assert ours == _stock_pdfminer_lines(data)
    assert any("Kubernetes" in text for *_, text in ours[0])
