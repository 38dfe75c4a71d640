"""The date a document was written, from its own metadata or a dated header line.

A resume's "Present" means the day it was written, not the day it is read:
a CV saved in 2020 that says "2018 - till date" shows two years, not eight.
These readers never fail: a missing, damaged or implausible date is ``None``.

- DOCX: the core properties (``docProps/core.xml``), ``dcterms:modified``,
  else ``dcterms:created``.
- PDF: the document information dictionary, ``/ModDate``, else ``/CreationDate``
  (read with pdfminer).
- Any text: a header line near the top such as "Updated: March 2024" or
  "Date: 14/09/2020".
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date

__all__ = [
    "docx_date",
    "pdf_date",
    "header_date",
    "DOCX_SOURCE",
    "PDF_MOD_SOURCE",
    "PDF_CREATION_SOURCE",
    "HEADER_SOURCE",
]

DOCX_SOURCE = "docx core properties"
PDF_MOD_SOURCE = "pdf ModDate"
PDF_CREATION_SOURCE = "pdf CreationDate"
HEADER_SOURCE = "header"

_EARLIEST = date(1990, 1, 1)  # before this, a date is a tool's placeholder, not a writing date
_CORE_LIMIT = 1024 * 1024
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_PDF = re.compile(r"^\s*(?:D:)?(\d{4})(\d{2})?(\d{2})?")


def _plausible(d: date | None) -> date | None:
    return d if d is not None and d >= _EARLIEST else None


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return _plausible(date(year, month, day))
    except ValueError:
        return None


def docx_date(data: bytes) -> tuple[date | None, str]:
    """The last-saved (else created) date in a DOCX's core properties."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            info = zf.getinfo("docProps/core.xml")
            if info.file_size > _CORE_LIMIT:
                return None, ""
            xml = zf.read(info).decode("utf-8", "replace")
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, RuntimeError):
        return None, ""
    for tag in ("modified", "created"):
        m = re.search(rf"<dcterms:{tag}\b[^>]*>([^<]*)</dcterms:{tag}>", xml)
        if m:
            iso = _ISO.match(m.group(1))
            d = _make(int(iso.group(1)), int(iso.group(2)), int(iso.group(3))) if iso else None
            if d is not None:
                return d, DOCX_SOURCE
    return None, ""


def _pdf_string(value: object) -> str:
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    value = resolve1(value)
    if isinstance(value, bytes):
        return decode_text(value)
    return value if isinstance(value, str) else ""


def pdf_date(data: bytes, document: object = None) -> tuple[date | None, str]:
    """The modification (else creation) date in a PDF's information dictionary.

    ``document`` is the pdfminer ``PDFDocument`` of ``data`` when one was read
    already (the pdfminer engine's), so that the file is not parsed twice.
    """
    try:
        if document is None:
            from pdfminer.pdfdocument import PDFDocument
            from pdfminer.pdfparser import PDFParser

            document = PDFDocument(PDFParser(io.BytesIO(data)))
        infos = document.info  # type: ignore[attr-defined]
    except Exception:  # damaged or encrypted: no date rather than no document
        return None, ""
    for key, source in (("ModDate", PDF_MOD_SOURCE), ("CreationDate", PDF_CREATION_SOURCE)):
        for info in infos:
            try:
                raw = _pdf_string(info.get(key)) if isinstance(info, dict) else ""
            except Exception:
                raw = ""
            m = _PDF.match(raw)
            if m:
                d = _make(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
                if d is not None:
                    return d, source
    return None, ""


MONTHS = {  # a month name's first three letters -> its number (also read by jdmatch.structure)
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MON = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_HEADER = re.compile(
    r"^\s*(?:last\s+)?(?:updated|revised|date[d]?|as of)\s*(?:on\s*)?[:\-–]?\s*"
    rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MON})\s*,?\s*(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MON})\s+(?:(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*)?(?P<y2>\d{{4}})"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})"
    r"|(?P<d4>\d{1,2})[/.](?P<m4>\d{1,2})[/.](?P<y4>\d{4}))\s*$",
    re.I,
)


def header_date(text: str, *, lines: int = 8) -> date | None:
    """A date stated on one of the first (or last) lines: "Updated: March 2024", "Date: 14/09/2020"."""
    body = [ln for ln in text.splitlines() if ln.strip()]
    for line in body[:lines] + body[-3:]:
        if len(line) > 60:
            continue
        m = _HEADER.match(line)
        if not m:
            continue
        g = m.groupdict()
        if g["y1"]:
            d = _make(int(g["y1"]), MONTHS[g["m1"][:3].lower()], int(g["d1"]))
        elif g["y2"]:
            d = _make(int(g["y2"]), MONTHS[g["m2"][:3].lower()], int(g["d2"] or 1))
        elif g["y3"]:
            d = _make(int(g["y3"]), int(g["m3"]), int(g["d3"]))
        else:
            d = _make(
                int(g["y4"]), int(g["m4"]), int(g["d4"])
            )  # day first, as most of the world writes it
        if d is not None:
            return d
    return None
