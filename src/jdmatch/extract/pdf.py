"""PDF text with pdfminer.six (default) or pypdfium2 (fast, :mod:`jdmatch.extract.pdfium`), in reading order."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from jdmatch.errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EncryptedDocumentError,
    NoTextLayerError,
    short_reason,
)
from jdmatch.extract.glyphs import glyph_aggregator
from jdmatch.extract.layout import Line, Page, page_texts
from jdmatch.extract.normalize import normalize_text

if TYPE_CHECKING:  # pdfminer loads only when a PDF is read
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams
    from pdfminer.pdfinterp import PDFPageInterpreter


def read_pdf(
    data: bytes,
    *,
    source: str = "<bytes>",
    engine: str = "pdfminer",
    budget: int = 200 * 1024 * 1024,
    limits: PdfLimits | None = None,
    parsed: list[Any] | None = None,
) -> tuple[str, int]:
    """Return (text, page count). Raise a DocumentError naming ``source`` on failure.

    Before extraction the compressed streams are inflated once, in bounded steps and
    without keeping the output, so that a PDF whose streams unpack to more than
    ``budget`` bytes is refused before a reader tries to hold it in memory, and one
    whose page content (what the interpreter would parse) is over
    ``limits.content_bytes`` is refused before any page is interpreted. The
    pdfminer engine also counts tokens and glyphs while it interprets (see
    :class:`PdfLimits`), and appends to ``parsed`` (when given) the pdfminer
    ``PDFDocument`` it read, whose information dictionary then gives the date
    (:func:`~jdmatch.extract.metadata.pdf_date`) without parsing the file again.
    """
    limits = limits or PdfLimits.for_max_bytes(None)
    _check_streams(data, source, budget, limits)
    if engine == "pdfium":
        from jdmatch.extract.pdfium import pdfium_pages

        pages: Iterator[Page] = pdfium_pages(data, source)
    else:
        pages = _pdfminer_pages(data, source, limits, parsed)
    texts = page_texts(list(pages))
    count = len(texts)
    if count == 0:
        raise CorruptDocumentError(
            "the PDF has no readable pages; it is damaged or truncated, re-export it", path=source
        )
    text = normalize_text("\n\n".join(texts), join_hyphenation=True)
    if not text.strip():
        raise NoTextLayerError(
            f"the PDF's {count} page(s) have no text layer (a scan or image); run OCR on it (for example ocrmypdf) and try again",
            path=source,
        )
    return text, count


_MiB = 1024 * 1024
_DEFAULT_FILE_LIMIT = 20 * _MiB  # jdmatch.extract.DEFAULT_MAX_BYTES (not imported: no cycle)


@dataclass(frozen=True, slots=True)
class PdfLimits:
    """What a PDF may ask the content interpreter to do, so that a small file cannot keep it busy for minutes.

    At the default 20 MiB file limit: 20 MiB of page and form content (a real
    resume page holds 5-50 kB), 400,000 content tokens (operators and operands;
    a dense page holds ~10,000), 300,000 glyphs per document and 40,000 on one
    page (a dense page holds ~5,000; the 3,000-page test PDF 146,000 in all).
    Each scales with the file limit (``--max-size``), never below a quarter.
    ``content_bytes`` is checked for both engines before any page is read; the
    token and glyph counts are enforced by the pdfminer engine while it reads
    (pdfium parses a page in one native call, some 10x faster, and is bounded by
    ``content_bytes``).
    """

    content_bytes: int
    tokens: int
    glyphs: int
    page_glyphs: int

    @classmethod
    def for_max_bytes(cls, max_bytes: int | None) -> PdfLimits:
        """Limits for a file-size limit of ``max_bytes`` (``None``: the default 20 MiB)."""
        scale = max((max_bytes or _DEFAULT_FILE_LIMIT) / _DEFAULT_FILE_LIMIT, 0.25)
        return cls(
            content_bytes=int(20 * _MiB * scale),
            tokens=int(400_000 * scale),
            glyphs=int(300_000 * scale),
            page_glyphs=int(40_000 * scale),
        )

    def to_dict(self) -> dict[str, int]:
        return {
            "content_bytes": self.content_bytes,
            "tokens": self.tokens,
            "glyphs": self.glyphs,
            "page_glyphs": self.page_glyphs,
        }


class _OverBudget(Exception):
    """Raised inside the pdfminer interpreter when a :class:`PdfLimits` count runs out."""


def _pdfminer_pages(
    data: bytes, source: str, limits: PdfLimits, parsed: list[Any] | None = None
) -> Iterator[Page]:
    from pdfminer.layout import LAParams, LTContainer, LTTextLine
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

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
        interpreter, device, counter = _budgeted_interpreter(limits, params)
        # PDFPage.get_pages, with the document kept (a text-extraction flag is ignored, as there)
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        if parsed is not None:
            parsed.append(document)
        for page in PDFPage.create_pages(document):
            counter.page_glyphs = 0
            interpreter.process_page(page)
            layout = device.get_result()
            yield Page(layout.width, layout.height, list(lines_of(layout, layout.height)))
    except _OverBudget as exc:
        raise DocumentTooLargeError(
            f"{exc}; it looks like a content bomb (a larger --max-size raises the limit)",
            path=source,
        ) from None
    except PDFPasswordIncorrect:
        raise EncryptedDocumentError(
            "the PDF is encrypted and needs a password; save an unprotected copy and try again",
            path=source,
        ) from None
    except PDFEncryptionError as exc:
        raise EncryptedDocumentError(
            f"the PDF uses encryption jdmatch cannot open ({exc}); save an unprotected copy",
            path=source,
        ) from None
    except RecursionError:
        raise CorruptDocumentError(
            "the PDF's structure loops or nests too deeply; re-export it", path=source
        ) from None
    except MemoryError:
        raise DocumentTooLargeError(
            "the PDF expands to more data than memory allows", path=source
        ) from None
    except Exception as exc:  # pdfminer raises many types on malformed input
        raise CorruptDocumentError(
            f"the PDF is damaged or truncated ({type(exc).__name__}: {short_reason(exc)}); re-export it",
            path=source,
        ) from None


class _Counter:
    """What the pdfminer interpreter has done so far in one document, against :class:`PdfLimits`."""

    def __init__(self, limits: PdfLimits) -> None:
        self.limits = limits
        self.content = 0
        self.tokens = 0
        self.glyphs = 0
        self.page_glyphs = 0

    def add_content(self, n: int) -> None:
        self.content += n
        if self.content > self.limits.content_bytes:
            raise _OverBudget(
                f"the PDF's page content unpacks to more than {_size(self.limits.content_bytes)}"
            )

    def token(self) -> None:
        self.tokens += 1
        if self.tokens > self.limits.tokens:
            raise _OverBudget(
                f"the PDF's page content holds more than {self.limits.tokens:,} operators and operands"
            )

    def glyph(self) -> None:
        self.glyphs_drawn(1)

    def glyphs_drawn(self, n: int) -> None:
        """Count ``n`` glyphs about to be drawn; over a limit, raise what counting them one by one would.

        That is the limit the count would pass first (the page's when both pass at
        the same glyph), before any of the ``n`` is drawn.
        """
        self.glyphs += n
        self.page_glyphs += n
        page_over = self.page_glyphs - self.limits.page_glyphs
        over = self.glyphs - self.limits.glyphs
        if page_over > 0 and page_over >= over:
            raise _OverBudget(
                f"a page of the PDF draws more than {self.limits.page_glyphs:,} characters"
            )
        if over > 0:
            raise _OverBudget(f"the PDF draws more than {self.limits.glyphs:,} characters")


def _budgeted_interpreter(
    limits: PdfLimits, params: LAParams
) -> tuple[PDFPageInterpreter, PDFPageAggregator, _Counter]:
    """A pdfminer page interpreter and aggregator that count content bytes, tokens and glyphs as they go.

    The counting parser replaces pdfminer's in ``execute``, which is otherwise
    pdfminer's own loop (circular-form guard included), so that every token of
    every page and form XObject is counted before it is acted on. The aggregator
    (:func:`~jdmatch.extract.glyphs.glyph_aggregator`) counts each string's glyphs
    before it draws them.
    """
    from pdfminer import settings
    from pdfminer.pdfinterp import (
        PDFContentParser,
        PDFInterpreterError,
        PDFPageInterpreter,
        PDFResourceManager,
    )
    from pdfminer.pdftypes import stream_value
    from pdfminer.psexceptions import PSEOF
    from pdfminer.psparser import PSKeyword, keyword_name

    counter = _Counter(limits)

    next_token = PDFContentParser.nexttoken
    max_tokens = limits.tokens

    class CountingParser(PDFContentParser):
        def nexttoken(self):
            """pdfminer's next token, counted (inline: this runs for every operator and operand)."""
            token = next_token(self)
            counter.tokens += 1
            if counter.tokens > max_tokens:
                counter.token()  # (raises, with the message)
            return token

    class Interpreter(PDFPageInterpreter):
        def execute(self, streams: Sequence[object]) -> None:
            valid = []
            self.stream_ids.clear()
            for obj in streams:
                stream = stream_value(obj)
                if stream.objid is None or stream.objid in self.parent_stream_ids:
                    continue  # an inline stream, or a form that draws itself
                counter.add_content(_decoded_size(stream, limits.content_bytes - counter.content))
                valid.append(stream)
                self.stream_ids.add(stream.objid)
            try:
                parser = CountingParser(valid)
            except PSEOF:
                return
            while True:
                try:
                    _, obj = parser.nextobject()
                except PSEOF:
                    break
                if isinstance(obj, PSKeyword):
                    try:
                        op = operators[obj]
                    except KeyError:
                        op = operators[obj] = operator(obj)
                    if op is not None:
                        func, nargs = op
                        if nargs:
                            args = self.pop(nargs)
                            if len(args) == nargs:
                                func(self, *args)
                        else:
                            func(self)
                    elif settings.STRICT:
                        raise PDFInterpreterError(f"Unknown operator: {keyword_name(obj)!r}")
                else:
                    self.push(obj)

    # An operator's method and operand count, looked up once per document, not at every use
    # (pdfminer builds the method's name and looks it up for each operator it runs).
    operators: dict[object, tuple[Any, int] | None] = {}

    def operator(keyword: object) -> tuple[Any, int] | None:
        name = keyword_name(keyword)
        method = "do_" + name.replace("*", "_a").replace('"', "_w").replace("'", "_q")
        func = getattr(Interpreter, method, None)
        return None if func is None else (func, func.__code__.co_argcount - 1)

    manager = PDFResourceManager(caching=True)
    device = glyph_aggregator(manager, params, counter)
    return Interpreter(manager, device), device, counter


def _decoded_size(stream: object, room: int) -> int:
    """How many bytes ``stream`` decodes to; a Flate stream is counted in bounded steps (at most ``room`` + 1 MiB)."""
    if getattr(stream, "data", None) is not None:  # already decoded
        return len(stream.data)  # type: ignore[attr-defined]
    raw = getattr(stream, "rawdata", None)
    names = [getattr(f, "name", f) for f, _ in stream.get_filters()]  # type: ignore[attr-defined]
    if raw is not None and not names:
        return len(raw)
    if raw and names in (["FlateDecode"], ["Fl"]):
        size = _inflated_size(raw, room)
        if size:
            return size  # (0: encrypted or damaged, so let pdfminer decode it)
    return len(stream.get_data())  # type: ignore[attr-defined]


def _inflated_size(chunk: bytes, budget: int, step: int = 1 << 20) -> int:
    """Bytes a zlib stream inflates to, stopping once past ``budget``; 0 when it is not zlib data."""
    import zlib

    inflater = zlib.decompressobj()
    total = 0
    try:
        total += len(inflater.decompress(chunk, step))
        # Stop at the end of the deflate data: past it zlib keeps handing back a
        # one-byte unconsumed_tail forever (the byte before "endstream"), a hang.
        while not inflater.eof and total <= budget:
            out = inflater.decompress(inflater.unconsumed_tail, step)
            total += len(out)
            if not out and not inflater.unconsumed_tail:
                break  # input used up: a truncated stream
    except zlib.error:
        pass  # not Flate, or damaged: the reader will judge it
    return total


def _size(n: int) -> str:
    return f"{n / _MiB:,.0f} MiB" if n >= _MiB else f"{n:,} bytes"


# Streams that are data, not content an interpreter parses: images, font programs,
# ICC profiles, sampled functions, metadata, object and xref streams, attachments.
_RESOURCE_STREAM = re.compile(
    rb"/Subtype\s*/(?:Image|Type1C|CIDFontType0C|OpenType|XML)\b|/Length[123]\s|/FunctionType\b|/N\s+\d"
    rb"|/Type\s*/(?:ObjStm|XRef|Metadata|EmbeddedFile)\b"
)
_CONTENTS_REF = re.compile(rb"/Contents\s*(?:(\d+)\s+\d+\s+R|\[([^\]]*)\])")
_REF = re.compile(rb"(\d+)\s+\d+\s+R")
_OBJ_NUMBER = re.compile(rb"(\d+)\s+\d+\s+$")


def _check_streams(data: bytes, source: str, budget: int, limits: PdfLimits) -> None:
    """Refuse a PDF whose Flate streams inflate past ``budget`` bytes (a decompression bomb),
    or whose content streams (pages, forms: what an interpreter would parse) inflate past
    ``limits.content_bytes``.

    A stream counts as content unless its dictionary says it is an image, a font
    program or another kind of data, and always when a page names it in /Contents.
    """
    if b"FlateDecode" not in data:
        return  # nothing inflates: content is at most the file itself
    contents: set[bytes] = set()
    for m in _CONTENTS_REF.finditer(data):
        if m.group(1):
            contents.add(m.group(1))
        else:
            contents.update(r.group(1) for r in _REF.finditer(m.group(2)))
    total = 0
    content = 0
    # Every "stream ... endstream" body of the file, whether or not the xref is intact.
    pos = 0
    while True:
        start = data.find(b"stream", pos)
        if start < 0:
            break
        if data[start - 3 : start] == b"end":  # "endstream"
            pos = start + 6
            continue
        body = start + 6
        if data[body : body + 2] == b"\r\n":
            body += 2
        elif data[body : body + 1] in (b"\n", b"\r"):
            body += 1
        end = data.find(b"endstream", body)
        if end < 0:
            break
        size = _inflated_size(data[body:end], budget - total)
        total += size
        if total > budget:
            raise DocumentTooLargeError(
                f"the PDF's streams unpack to more than {_size(budget)}; it looks like a decompression bomb",
                path=source,
            )
        head = data.rfind(b"obj", max(0, start - 65536), start)
        if head >= 0:
            number = _OBJ_NUMBER.search(data[max(0, head - 24) : head])
            is_content = (
                number is not None and number.group(1) in contents
            ) or not _RESOURCE_STREAM.search(data[head:start])
            if is_content:
                content += size
                if content > limits.content_bytes:
                    raise DocumentTooLargeError(
                        f"the PDF's page content unpacks to more than {_size(limits.content_bytes)} "
                        "(a resume page holds well under 1 MiB); it looks like a content bomb (a larger --max-size raises the limit)",
                        path=source,
                    )
        pos = end + 9
