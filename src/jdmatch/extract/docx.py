"""Paragraphs and table cells of a Word (.docx) file, in document order."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from jdmatch.errors import CorruptDocumentError, DocumentTooLargeError
from jdmatch.extract.normalize import normalize_text

_DECLARATIONS = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.I)


def read_docx(data: bytes, *, source: str = "<bytes>", budget: int = 200 * 1024 * 1024) -> str:
    """Return the text of a DOCX: body paragraphs and tables in order, cells joined by " | ".

    Before python-docx parses anything, the package is checked: what its parts
    unpack to must stay within ``budget`` bytes (a zip bomb is refused), and no
    XML part may declare a DOCTYPE or entities, which Word never writes (so no
    entity is ever resolved or expanded).
    """
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    _check_package(data, source, budget)
    try:
        document = docx.Document(io.BytesIO(data))
    except MemoryError:
        raise DocumentTooLargeError(
            "the Word document unpacks to more than memory allows", path=source
        ) from None
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise CorruptDocumentError(
            f"not a readable Word document ({type(exc).__name__}: {exc}); re-save it as .docx",
            path=source,
        ) from None
    except Exception as exc:  # lxml.etree.XMLSyntaxError and friends
        raise CorruptDocumentError(
            f"the Word document's XML is damaged ({type(exc).__name__}); re-save it as .docx",
            path=source,
        ) from None
    return normalize_text("\n".join(_blocks(document)))


def _check_package(data: bytes, source: str, budget: int) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            total = sum(i.file_size for i in infos)
            if total > budget:
                raise DocumentTooLargeError(
                    f"the Word document unpacks to {total / 2**20:,.0f} MiB, over the {budget / 2**20:,.0f} MiB allowed; it looks like a zip bomb",
                    path=source,
                )
            for info in infos:
                if info.filename.endswith((".xml", ".rels")):
                    with zf.open(info) as part:
                        head = part.read(4096)
                    if _DECLARATIONS.search(head):
                        raise CorruptDocumentError(
                            f"{info.filename} declares a DOCTYPE or XML entities, which Word never writes; refusing to read it",
                            path=source,
                        )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as exc:
        raise CorruptDocumentError(
            f"a damaged ZIP/DOCX package ({exc}); re-save it as .docx", path=source
        ) from None


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
