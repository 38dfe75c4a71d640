"""Decide what a file is from its first bytes."""

from __future__ import annotations

import io
import zipfile

from jdmatch.errors import CorruptDocumentError, UnsupportedFormatError

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# (magic prefix, human name, advice) for binary formats we refuse
_REFUSED = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image", "run OCR on it first, or supply the text"),
    (b"\xff\xd8\xff", "a JPEG image", "run OCR on it first, or supply the text"),
    (b"GIF87a", "a GIF image", "supply the document as PDF, DOCX, HTML or text"),
    (b"GIF89a", "a GIF image", "supply the document as PDF, DOCX, HTML or text"),
    (b"II*\x00", "a TIFF image", "run OCR on it first, or supply the text"),
    (b"MM\x00*", "a TIFF image", "run OCR on it first, or supply the text"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "a legacy Office file (.doc/.xls)",
        "save it as .docx or PDF",
    ),
    (b"{\\rtf", "an RTF file", "save it as .docx, PDF or plain text"),
    (b"\x1f\x8b", "a gzip archive", "unpack it first"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "unpack it first"),
    (b"Rar!", "a RAR archive", "unpack it first"),
    (b"\x7fELF", "an executable", "supply a PDF, DOCX, HTML or text document"),
    (b"MZ", "a Windows executable", "supply a PDF, DOCX, HTML or text document"),
)


def detect_media_type(data: bytes, *, suffix: str = "", source: str = "<bytes>") -> str:
    """Return the media type of ``data``; raise for content jdmatch does not read."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "application/pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_kind(data, source)
    if not head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        for magic, what, advice in _REFUSED:
            if head.startswith(magic):
                raise UnsupportedFormatError(
                    f"this is {what}, which jdmatch does not read; {advice}", path=source
                )
    if suffix == ".pdf":
        raise CorruptDocumentError(
            "named .pdf but has no PDF header; the file is damaged or not a PDF", path=source
        )
    if suffix == ".docx":
        raise CorruptDocumentError(
            "named .docx but is not a ZIP package; the file is damaged or not a Word file",
            path=source,
        )
    if suffix in {".html", ".htm", ".xhtml"}:
        return "text/html"
    if suffix in {".md", ".markdown"}:
        return "text/markdown"
    return "text/plain"


def _zip_kind(data: bytes, source: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise CorruptDocumentError(
            f"a damaged or truncated ZIP/DOCX package ({exc}); re-save or re-export it", path=source
        ) from None
    if "word/document.xml" in names:
        return DOCX
    if "content.xml" in names:
        raise UnsupportedFormatError(
            "this is an OpenDocument file; save it as .docx or PDF", path=source
        )
    if any(n.startswith("xl/") for n in names):
        raise UnsupportedFormatError(
            "this is an Excel workbook; for many postings export a CSV and use `jdmatch batch`",
            path=source,
        )
    if any(n.startswith("ppt/") for n in names):
        raise UnsupportedFormatError("this is a PowerPoint file; save it as PDF", path=source)
    raise UnsupportedFormatError(
        "this is a ZIP archive, not a document; unpack it first", path=source
    )
