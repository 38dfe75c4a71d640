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

SUPPORTED_SUFFIXES = frozenset({".pdf", ".docx", ".html", ".htm", ".xhtml", ".txt", ".md", ".markdown", ".text"})
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
        raise DocumentNotFoundError(f"cannot access the file ({exc.strerror or exc}); check the path and permissions", path=p) from None
    if p.is_dir():
        raise DocumentNotFoundError("is a folder, not a file; use `jdmatch batch` for folders", path=p)
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
        raise DocumentNotFoundError(f"cannot read the file ({exc.strerror or exc}); check its permissions", path=p) from None
    if max_bytes is not None and len(data) > max_bytes:  # grew while we looked
        raise DocumentTooLargeError(f"the file is over the {_mib(max_bytes)} limit", path=p)
    return read_bytes(data, source=os.fspath(path), suffix=p.suffix.lower(), pdf_engine=pdf_engine, max_bytes=max_bytes)


def expansion_budget(max_bytes: int | None) -> int:
    """How much a compressed document (PDF streams, DOCX parts) may unpack to: 10x the file limit, at least 200 MiB."""
    return max(10 * (max_bytes or DEFAULT_MAX_BYTES), 200 * 1024 * 1024)


def read_bytes(data: bytes, *, source: str = "<bytes>", suffix: str = "", pdf_engine: str = "pdfminer", max_bytes: int | None = DEFAULT_MAX_BYTES) -> Document:
    """Read a document held in memory (``source`` names it in errors)."""
    if not data:
        raise EmptyDocumentError("the file is empty (0 bytes)", path=source)
    media_type = detect_media_type(data, suffix=suffix, source=source)
    budget = expansion_budget(max_bytes)
    if media_type == "application/pdf":
        from jdmatch.extract.pdf import PdfLimits, read_pdf

        text, pages = read_pdf(data, source=source, engine=pdf_engine, budget=budget, limits=PdfLimits.for_max_bytes(max_bytes))
        return Document(text=text, source=source, media_type=media_type, pages=pages)
    if media_type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document":
        from jdmatch.extract.docx import read_docx

        text = read_docx(data, source=source, budget=budget)
    else:
        from jdmatch.extract.text import decode_text

        raw = decode_text(data, source=source)
        if media_type == "text/html" or (media_type == "text/plain" and _looks_like_html(raw, suffix)):
            from jdmatch.extract.html import html_to_text

            media_type = "text/html"
            text = html_to_text(raw, source=source)
        else:
            from jdmatch.extract.normalize import normalize_text

            text = normalize_text(raw)
    if not text.strip():
        raise EmptyDocumentError("no text found in the document", path=source)
    return Document(text=text, source=source, media_type=media_type, pages=None)


def _looks_like_html(text: str, suffix: str) -> bool:
    if suffix in {".html", ".htm", ".xhtml"}:
        return True
    if suffix in {".md", ".markdown", ".txt", ".text"}:
        return False
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in text[:4096].lower()


def _mib(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MiB"


