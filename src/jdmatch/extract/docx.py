"""Paragraphs and table cells of a Word (.docx) file, in document order."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from jdmatch.errors import CorruptDocumentError
from jdmatch.extract.normalize import normalize_text


def read_docx(data: bytes, *, source: str = "<bytes>") -> str:
    """Return the text of a DOCX: body paragraphs and tables in order, cells joined by " | "."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise CorruptDocumentError(f"not a readable Word document ({type(exc).__name__}: {exc}); re-save it as .docx", path=source) from None
    except Exception as exc:  # lxml.etree.XMLSyntaxError and friends
        raise CorruptDocumentError(f"the Word document's XML is damaged ({type(exc).__name__}); re-save it as .docx", path=source) from None
    return normalize_text("\n".join(_blocks(document)))


def _blocks(document: Any) -> Iterator[str]:
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            yield from _table_lines(block)
        else:
            yield block.text


def _table_lines(table: Any) -> Iterator[str]:
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = "\n".join(_blocks(cell)).strip()
            if text and (not cells or cells[-1] != text):  # merged cells repeat
                cells.append(text)
        if cells:
            yield " | ".join(cells)
