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
    assert sorted(row["path"] for row in LABELS) == sorted(str(p.relative_to(SAMPLES)) for p in FILES)


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
    sidebar = ["Contact", "Skills", "- Kafka, NATS", "- Prometheus, Grafana", "Education", "M.Sc. Computer Science", "Certifications"]
    main = ["Summary", "Experience"]
    where = [lines.index(s) for s in sidebar + main]
    assert where == sorted(where)
    # no line mixes the two columns
    assert not any("Summary" in ln and ln != "Summary" for ln in lines)
    assert not any(ln.startswith("- Postgres, CockroachDB") and ln != "- Postgres, CockroachDB" for ln in lines)
