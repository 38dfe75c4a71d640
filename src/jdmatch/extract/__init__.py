"""Turn a file into a :class:`~jdmatch.models.Document`.

The type is decided from the content (magic bytes), not the file name: a PDF
named ``.txt`` is read as a PDF, a PNG named ``.pdf`` is refused as an image.
Every failure is a :class:`~jdmatch.errors.DocumentError` naming the file.
"""

from __future__ import annotations

import os
from pathlib import Path

from jdmatch.errors import (
    DocumentNotFoundError,
    DocumentTooLargeError,
    EmptyDocumentError,
    UnsupportedFormatError,
)
from jdmatch.extract.detect import detect_media_type
from jdmatch.models import Document

__all__ = ["read_document", "DEFAULT_MAX_BYTES", "PDF_ENGINES", "SUPPORTED_SUFFIXES"]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
"""Files larger than this (20 MiB) are refused unless the caller raises the limit."""

PDF_ENGINES = ("pdfminer", "pdfium")

SUPPORTED_SUFFIXES = frozenset(
    {
        ".pdf",
        ".docx",
        ".html",
        ".htm",
        ".xhtml",
        ".txt",
        ".md",
        ".markdown",
        ".text",
        ".json",
        ".jsonld",
    }
)
"""Suffixes a folder scan picks up; single files are read whatever their name."""


def read_document(
    path: str | os.PathLike[str],
    *,
    pdf_engine: str = "pdfminer",
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Document:
    """Read a resume or job posting from ``path`` and return its text.

    ``pdf_engine`` is ``"pdfminer"`` (default) or ``"pdfium"`` (faster; needs the
    ``pdfium`` extra). ``max_bytes`` refuses larger files (``None``: no limit).
    """
    if pdf_engine not in PDF_ENGINES:
        raise ValueError(f"pdf_engine must be one of {', '.join(PDF_ENGINES)}, not {pdf_engine!r}")
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise DocumentNotFoundError("no such file; check the path", path=p) from None
    except OSError as exc:
        raise DocumentNotFoundError(
            f"cannot access the file ({exc.strerror or exc}); check the path and permissions",
            path=p,
        ) from None
    if p.is_dir():
        raise DocumentNotFoundError(
            "is a folder, not a file; use `jdmatch batch` for folders", path=p
        )
    if not p.is_file():
        raise UnsupportedFormatError("is not a regular file (a device, pipe or socket?)", path=p)
    if st.st_size == 0:
        raise EmptyDocumentError("the file is empty (0 bytes)", path=p)
    if max_bytes is not None and st.st_size > max_bytes:
        raise DocumentTooLargeError(
            f"the file is {_mib(st.st_size)}, over the {_mib(max_bytes)} limit; raise it with --max-size (or max_bytes=)",
            path=p,
        )
    try:
        with p.open("rb") as fh:
            data = fh.read() if max_bytes is None else fh.read(max_bytes + 1)
    except OSError as exc:
        raise DocumentNotFoundError(
            f"cannot read the file ({exc.strerror or exc}); check its permissions", path=p
        ) from None
    if max_bytes is not None and len(data) > max_bytes:  # grew while we looked
        raise DocumentTooLargeError(f"the file is over the {_mib(max_bytes)} limit", path=p)
    return read_bytes(
        data,
        source=os.fspath(path),
        suffix=p.suffix.lower(),
        pdf_engine=pdf_engine,
        max_bytes=max_bytes,
    )


def expansion_budget(max_bytes: int | None) -> int:
    """How much a compressed document (PDF streams, DOCX parts) may unpack to: 10x the file limit, at least 200 MiB."""
    return max(10 * (max_bytes or DEFAULT_MAX_BYTES), 200 * 1024 * 1024)


def read_bytes(
    data: bytes,
    *,
    source: str = "<bytes>",
    suffix: str = "",
    pdf_engine: str = "pdfminer",
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Document:
    """Read a document held in memory (``source`` names it in errors)."""
    if not data:
        raise EmptyDocumentError("the file is empty (0 bytes)", path=source)
    media_type = detect_media_type(data, suffix=suffix, source=source)
    budget = expansion_budget(max_bytes)
    written, how = None, ""
    if media_type == "application/pdf":
        from jdmatch.extract.pdf import PdfLimits, read_pdf

        parsed: list[object] = []  # the pdfminer engine's document, for its date
        text, pages = read_pdf(
            data,
            source=source,
            engine=pdf_engine,
            budget=budget,
            limits=PdfLimits.for_max_bytes(max_bytes),
            parsed=parsed,
        )
        from jdmatch.extract.metadata import pdf_date

        written, how = pdf_date(data, parsed[0] if parsed else None)
        return _dated(
            Document(
                text=text,
                source=source,
                media_type=media_type,
                pages=pages,
                date=written,
                date_source=how,
            )
        )
    if media_type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document":
        from jdmatch.extract.docx import read_docx

        text = read_docx(data, source=source, budget=budget)
        from jdmatch.extract.metadata import docx_date

        written, how = docx_date(data)
    else:
        from jdmatch.extract.text import decode_text

        raw = decode_text(data, source=source)
        if media_type == "text/html" or (
            media_type == "text/plain" and _looks_like_html(raw, suffix)
        ):
            return _read_page(raw, source)
        if suffix in _JSON_SUFFIXES or raw.lstrip()[:1] in {"{", "["}:
            document = _read_json(raw, source, suffix, media_type)
            if document is not None:
                return document
        from jdmatch.extract.normalize import normalize_text

        text = normalize_text(raw)
    if not text.strip():
        raise EmptyDocumentError("no text found in the document", path=source)
    return _dated(
        Document(
            text=text,
            source=source,
            media_type=media_type,
            pages=None,
            date=written,
            date_source=how,
        )
    )


def _dated(doc: Document) -> Document:
    """Without a date in the file's metadata, a dated header line ("Updated: March 2024") gives one."""
    if doc.date is not None:
        return doc
    from dataclasses import replace

    from jdmatch.extract.metadata import HEADER_SOURCE, header_date

    written = header_date(doc.text)
    return replace(doc, date=written, date_source=HEADER_SOURCE) if written else doc


_JSON_SUFFIXES = frozenset({".json", ".jsonld"})


def _read_page(raw: str, source: str) -> Document:
    """An HTML page: the JSON-LD ``JobPosting`` in it when there is one, else its visible text."""
    from jdmatch.extract.html import read_html

    page = read_html(raw)
    fields: dict[str, object] = (
        {"format": "html", "title": page.h1 or page.title} if page.h1 or page.title else {}
    )
    warnings: list[str] = []
    if page.jsonld:
        from jdmatch.extract.jsonld import parse_blocks, read_jsonld

        blocks, warnings = parse_blocks(page.jsonld)
        for block in blocks:
            found = read_jsonld(block)
            if found is not None:
                text, fields = found
                return Document(
                    text=text,
                    source=source,
                    media_type="text/html",
                    fields=fields,
                    warnings=tuple(warnings),
                )
        warnings = [f"{w}; read the page's visible text instead" for w in warnings]
    if not page.text.strip():
        raise EmptyDocumentError(
            "no text found in the document" + (f" ({'; '.join(warnings)})" if warnings else ""),
            path=source,
        )
    return Document(
        text=page.text,
        source=source,
        media_type="text/html",
        fields=fields,
        warnings=tuple(warnings),
    )


def _read_json(raw: str, source: str, suffix: str, media_type: str) -> Document | None:
    """A JSON Resume or a JSON-LD ``JobPosting`` file; None for other text (read as text, with a warning if it was JSON)."""
    import json

    from jdmatch.errors import CorruptDocumentError

    try:
        data = json.loads(raw, strict=False)
    except (json.JSONDecodeError, RecursionError) as exc:
        if suffix in _JSON_SUFFIXES:
            where = (
                f" (line {exc.lineno}, column {exc.colno}: {exc.msg})"
                if isinstance(exc, json.JSONDecodeError)
                else ""
            )
            raise CorruptDocumentError(
                f"not valid JSON{where}; fix the file, or save the document as text", path=source
            ) from None
        return None
    from jdmatch.extract.jsonresume import is_jsonresume, resume_fields, resume_text

    if is_jsonresume(data):
        return Document(
            text=resume_text(data),
            source=source,
            media_type="application/json",
            fields=resume_fields(data),
        )
    from jdmatch.extract.jsonld import read_jsonld

    found = read_jsonld(data)
    if found is not None:
        return Document(
            text=found[0], source=source, media_type="application/ld+json", fields=found[1]
        )
    if suffix in _JSON_SUFFIXES:
        raise UnsupportedFormatError(
            "a JSON file that is neither a JSON Resume (basics, work, education, skills) "
            "nor a schema.org JobPosting; jdmatch reads those two JSON formats",
            path=source,
        )
    from jdmatch.extract.normalize import normalize_text

    text = normalize_text(raw)
    if not text.strip():
        return None
    return Document(
        text=text,
        source=source,
        media_type=media_type,
        warnings=(
            "JSON that is neither a JSON Resume nor a schema.org JobPosting; read as plain text",
        ),
    )


def _looks_like_html(text: str, suffix: str) -> bool:
    if suffix in {".html", ".htm", ".xhtml"}:
        return True
    if suffix in {".md", ".markdown", ".txt", ".text"}:
        return False
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in text[:4096].lower()


def _mib(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MiB"
