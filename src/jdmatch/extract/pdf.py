"""PDF text with pdfminer.six (default) or pypdfium2 (fast), in reading order."""

from __future__ import annotations

import io
from collections.abc import Iterator

from jdmatch.errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EncryptedDocumentError,
    MissingDependencyError,
    NoTextLayerError,
)
from jdmatch.extract.layout import Line, page_text
from jdmatch.extract.normalize import normalize_text


def read_pdf(data: bytes, *, source: str = "<bytes>", engine: str = "pdfminer", budget: int = 200 * 1024 * 1024) -> tuple[str, int]:
    """Return (text, page count). Raise a DocumentError naming ``source`` on failure.

    Before extraction the compressed streams are inflated once, in bounded steps and
    without keeping the output, so that a PDF whose streams unpack to more than
    ``budget`` bytes is refused before a reader tries to hold it in memory.
    """
    _check_streams(data, source, budget)
    pages_lines = _pdfium_pages(data, source) if engine == "pdfium" else _pdfminer_pages(data, source)
    texts = []
    count = 0
    for lines in pages_lines:
        count += 1
        texts.append(page_text(lines))
    if count == 0:
        raise CorruptDocumentError("the PDF has no readable pages; it is damaged or truncated, re-export it", path=source)
    text = normalize_text("\n\n".join(texts), join_hyphenation=True)
    if not text.strip():
        raise NoTextLayerError(
            f"the PDF's {count} page(s) have no text layer (a scan or image); run OCR on it (for example ocrmypdf) and try again",
            path=source,
        )
    return text, count


def _pdfminer_pages(data: bytes, source: str) -> Iterator[list[Line]]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTContainer, LTTextLine
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    # boxes_flow=None: we order lines ourselves, so skip pdfminer's costly box grouping
    params = LAParams(boxes_flow=None, all_texts=True)

    def lines_of(node: object, height: float) -> Iterator[Line]:
        if isinstance(node, LTTextLine):
            text = node.get_text().strip()
            if text:
                x0, y0, x1, y1 = node.bbox
                yield Line(x0, height - y1, x1, height - y0, text)
        elif isinstance(node, LTContainer):
            for child in node:
                yield from lines_of(child, height)

    try:
        for page in extract_pages(io.BytesIO(data), laparams=params):
            yield list(lines_of(page, page.height))
    except PDFPasswordIncorrect:
        raise EncryptedDocumentError("the PDF is encrypted and needs a password; save an unprotected copy and try again", path=source) from None
    except PDFEncryptionError as exc:
        raise EncryptedDocumentError(f"the PDF uses encryption jdmatch cannot open ({exc}); save an unprotected copy", path=source) from None
    except RecursionError:
        raise CorruptDocumentError("the PDF's structure loops or nests too deeply; re-export it", path=source) from None
    except MemoryError:
        raise DocumentTooLargeError("the PDF expands to more data than memory allows", path=source) from None
    except Exception as exc:  # pdfminer raises many types on malformed input
        raise CorruptDocumentError(f"the PDF is damaged or truncated ({type(exc).__name__}: {_short(exc)}); re-export it", path=source) from None


def _check_streams(data: bytes, source: str, budget: int) -> None:
    """Refuse a PDF whose Flate streams inflate past ``budget`` bytes (a decompression bomb)."""
    import zlib

    marker = b"FlateDecode"
    if marker not in data:
        return
    total = 0
    step = 1 << 20
    # Every "stream ... endstream" body of the file, whether or not the xref is intact.
    pos = 0
    while True:
        start = data.find(b"stream", pos)
        if start < 0:
            break
        if data[start - 3:start] == b"end":  # "endstream"
            pos = start + 6
            continue
        body = start + 6
        if data[body:body + 2] == b"\r\n":
            body += 2
        elif data[body:body + 1] in (b"\n", b"\r"):
            body += 1
        end = data.find(b"endstream", body)
        if end < 0:
            break
        inflater = zlib.decompressobj()
        chunk = data[body:end]
        try:
            out = inflater.decompress(chunk, step)
            total += len(out)
            while inflater.unconsumed_tail and total <= budget:
                out = inflater.decompress(inflater.unconsumed_tail, step)
                total += len(out)
        except zlib.error:
            pass  # not Flate, or damaged: the reader will judge it
        if total > budget:
            raise DocumentTooLargeError(
                f"the PDF's streams unpack to more than {budget / 2**20:,.0f} MiB; it looks like a decompression bomb", path=source)
        pos = end + 9


def _pdfium_pages(data: bytes, source: str) -> Iterator[list[Line]]:
    try:
        import pypdfium2 as pdfium
    except ImportError:
        raise MissingDependencyError("the pdfium engine needs pypdfium2: pip install 'jdmatch[pdfium]'", path=source) from None
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise EncryptedDocumentError("the PDF is encrypted and needs a password; save an unprotected copy and try again", path=source) from None
        raise CorruptDocumentError(f"the PDF is damaged or truncated ({_short(exc)}); re-export it", path=source) from None
    loaded = 0
    last_error: Exception | None = None
    try:
        for index in range(len(pdf)):
            try:
                page = pdf[index]
            except pdfium.PdfiumError as exc:  # one broken page (a looping page tree) does not sink the rest
                last_error = exc
                continue
            try:
                yield _pdfium_lines(page)
                loaded += 1
            finally:
                page.close()
    finally:
        pdf.close()
    if not loaded and last_error is not None:
        raise CorruptDocumentError(f"the PDF is damaged ({_short(last_error)}); re-export it", path=source)


def _pdfium_lines(page: object) -> list[Line]:
    """Text segments of a pdfium page, joined into lines where they share a baseline and touch."""
    height = page.get_height()  # type: ignore[attr-defined]
    textpage = page.get_textpage()  # type: ignore[attr-defined]
    try:
        segments: list[Line] = []
        for i in range(textpage.count_rects()):
            left, bottom, right, top = textpage.get_rect(i)
            text = textpage.get_text_bounded(left, bottom, right, top)
            text = " ".join(text.replace("\x02", "-").split())  # pdfium marks a line-end hyphen as \x02
            if text:
                segments.append(Line(left, height - top, right, height - bottom, text))
    finally:
        textpage.close()
    segments.sort(key=lambda s: (round(s.top), s.x0))
    lines: list[Line] = []
    for seg in segments:
        if lines:
            last = lines[-1]
            same_row = min(last.bottom, seg.bottom) - max(last.top, seg.top) > 0.5 * min(last.height, seg.height)
            if same_row and 0 <= seg.x0 - last.x1 <= 0.8 * max(last.height, seg.height):
                lines[-1] = Line(last.x0, min(last.top, seg.top), seg.x1, max(last.bottom, seg.bottom), f"{last.text} {seg.text}")
                continue
        lines.append(seg)
    return lines


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:120] + ("..." if len(text) > 120 else "")
