"""Build the hostile corpus: files that try to crash, hang or exhaust a document reader.

Nothing here is committed as a binary: every file is generated, from the standard
library plus reportlab and python-docx. Use it as a module::

    from tests.hostile.make_corpus import make_corpus, make_folder
    cases = make_corpus(tmp_path)          # list[Case]

or as a script, which writes the files and prints a table::

    python tests/hostile/make_corpus.py DEST

``Case.expect`` is ``"text"`` (``read_document`` must return text; ``contains``
must appear in it and ``absent`` must not) or the name of the
``jdmatch.errors.JdmatchError`` subclass the read must raise. The big files (a
105 MB text file, a 1 GB DOCX zip bomb, a 400 MB PDF content stream) are
streamed to disk in chunks, so building the corpus never holds them in memory.
"""

from __future__ import annotations

import io
import os
import random
import shutil
import struct
import sys
import time
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

MiB = 1024 * 1024

RESUME_LINES = (
    "Jordan Example - Senior Backend Engineer\n"
    "Skills: Python, SQL, PostgreSQL, Docker, Kubernetes, AWS, Terraform\n"
    "2019-2024  Built data pipelines with Apache Airflow and dbt; led a team of four.\n"
)


@dataclass(frozen=True)
class Case:
    """One hostile file and what reading it must do."""

    name: str
    path: Path
    expect: str  # "text" or the name of a JdmatchError subclass
    contains: str | None = None  # for "text": a substring the text must contain
    absent: tuple[str, ...] = ()  # for "text": substrings the text must NOT contain
    note: str = ""
    pdf: bool = False  # PDF content: worth reading with both PDF engines
    expect_pdfium: str | None = (
        None  # when the pdfium engine answers otherwise (it is not budgeted per token)
    )


# --------------------------------------------------------------------------- PDF


def reportlab_pdf(pages: list[list[str]], *, encrypt: str | None = None) -> bytes:
    """A real PDF made with reportlab: one line of text per string, top to bottom."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter, invariant=1, encrypt=encrypt)
    _, height = letter
    for lines in pages:
        c.setFont("Helvetica", 11)
        for i, text in enumerate(lines):
            c.drawString(72, height - 72 - 14 * i, text)
        c.showPage()
    c.save()
    return buf.getvalue()


class PdfWriter:
    """Write a PDF object by object, straight to a file, keeping only the xref offsets."""

    def __init__(self, fh: io.BufferedWriter) -> None:
        self.fh = fh
        self.offsets: dict[int, int] = {}
        self.fh.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")

    def obj(self, num: int, body: bytes) -> None:
        self.offsets[num] = self.fh.tell()
        self.fh.write(b"%d 0 obj\n" % num + body + b"\nendobj\n")

    def stream(
        self, num: int, chunks: Iterable[bytes], *, length: int | None = None, extra: bytes = b""
    ) -> None:
        """A stream object; with ``length=None`` the data is buffered to measure it."""
        data = None
        if length is None:
            data = b"".join(chunks)
            length = len(data)
        self.offsets[num] = self.fh.tell()
        self.fh.write(b"%d 0 obj\n<< /Length %d %s>>\nstream\n" % (num, length, extra))
        if data is not None:
            self.fh.write(data)
        else:
            for chunk in chunks:
                self.fh.write(chunk)
        self.fh.write(b"\nendstream\nendobj\n")

    def finish(self, root: int) -> None:
        size = max(self.offsets) + 1
        xref = self.fh.tell()
        self.fh.write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
        for num in range(1, size):
            if num in self.offsets:
                self.fh.write(b"%010d 00000 n \n" % self.offsets[num])
            else:
                self.fh.write(b"0000000000 65535 f \n")
        self.fh.write(
            b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, root, xref)
        )


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def _text_op(text: str, y: int = 720) -> bytes:
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return b"BT /F1 12 Tf 72 %d Td (%s) Tj ET\n" % (y, escaped.encode("latin-1"))


def _page(parent: int, contents: int, font: int) -> bytes:
    return (
        b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
        b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (parent, contents, font)
    )


def write_many_pages_pdf(path: Path, pages: int = 3000) -> None:
    """A flat page tree with ``pages`` pages of a few words each, written by hand."""
    with open(path, "wb") as fh:
        w = PdfWriter(fh)
        w.obj(1, b"<< /Type /Catalog /Pages 2 0 R >>")
        w.obj(3, FONT)
        kids = []
        for i in range(pages):
            page_num, content_num = 4 + 2 * i, 5 + 2 * i
            kids.append(b"%d 0 R" % page_num)
            w.obj(page_num, _page(2, content_num, 3))
            w.stream(content_num, [_text_op(f"Page {i + 1} of a very long resume: Python and SQL")])
        w.obj(2, b"<< /Type /Pages /Count %d /Kids [%s] >>" % (pages, b" ".join(kids)))
        w.finish(root=1)


def write_page_loop_pdf(path: Path) -> None:
    """The Pages node lists a real page AND itself among its /Kids."""
    with open(path, "wb") as fh:
        w = PdfWriter(fh)
        w.obj(1, b"<< /Type /Catalog /Pages 2 0 R >>")
        w.obj(2, b"<< /Type /Pages /Count 2 /Kids [3 0 R 2 0 R] >>")
        w.obj(3, _page(2, 4, 5))
        w.stream(4, [_text_op("Looping page tree but this page is real: Python")])
        w.obj(5, FONT)
        w.finish(root=1)


def write_page_cycle_pdf(path: Path) -> None:
    """Two Pages nodes that are each other's only kid (and parent): no page at all."""
    with open(path, "wb") as fh:
        w = PdfWriter(fh)
        w.obj(1, b"<< /Type /Catalog /Pages 2 0 R >>")
        w.obj(2, b"<< /Type /Pages /Count 1 /Kids [3 0 R] /Parent 3 0 R >>")
        w.obj(3, b"<< /Type /Pages /Count 1 /Kids [2 0 R] /Parent 2 0 R >>")
        w.finish(root=1)


def repeated_zlib(head: bytes, unit: bytes, inflated: int) -> bytes:
    """A zlib stream that inflates to ``head`` then ``unit`` repeated to ``inflated`` bytes in all.

    Built without compressing the repeats one by one: after a full flush a deflate compressor
    starts afresh, so one 1 MiB block of ``unit`` always compresses to the same bytes, and the
    stream is those bytes repeated (the Adler-32 trailer is still computed over every byte).
    """
    block = unit * max(1, MiB // len(unit))
    count, rest = divmod(max(inflated - len(head), 0), len(block))
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)  # raw deflate: header and trailer added below
    first = comp.compress(head) + comp.flush(zlib.Z_FULL_FLUSH)
    middle = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
    last = comp.compress(block[:rest]) + comp.flush()
    check = zlib.adler32(head)
    for _ in range(count):
        check = zlib.adler32(block, check)
    check = zlib.adler32(block[:rest], check)
    return b"\x78\xda" + first + middle * count + last + struct.pack(">I", check)


def write_flate_page_pdf(path: Path, unit: bytes, inflated: int, head: str) -> None:
    """One page whose FlateDecode content stream is ``head`` as text, then ``unit`` repeated to
    ``inflated`` bytes."""
    data = repeated_zlib(_text_op(head), unit, inflated)
    with open(path, "wb") as fh:
        w = PdfWriter(fh)
        w.obj(1, b"<< /Type /Catalog /Pages 2 0 R >>")
        w.obj(2, b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>")
        w.obj(3, _page(2, 4, 5))
        w.stream(4, [data], length=len(data), extra=b"/Filter /FlateDecode ")
        w.obj(5, FONT)
        w.finish(root=1)


def write_inflate_bomb_pdf(path: Path, inflated: int = 400_000_000) -> None:
    """One page whose FlateDecode content stream inflates to ``inflated`` bytes (mostly spaces).

    The stream starts with a real text operator, so a reader that inflates the
    whole thing returns text instead of refusing: the case expects a refusal.
    """
    write_flate_page_pdf(
        path, b" ", inflated, "Inflate bomb: this text sits before 400 MB of spaces"
    )


def broken_xref(pdf: bytes) -> bytes:
    """Point ``startxref`` at garbage and scramble every offset in the xref table."""
    head, sep, tail = pdf.rpartition(b"startxref")
    assert sep, "no startxref"
    number = tail.split()[0]
    tail = tail.replace(number, b"%d" % (int(number) + 7777), 1)
    xref_at = head.rfind(b"\nxref")
    table, rest = head[:xref_at], head[xref_at:]
    scrambled = []
    for line in rest.split(b"\n"):
        if (
            len(line) >= 18
            and line[10:11] == b" "
            and line[:10].isdigit()
            and line.rstrip().endswith(b"n")
        ):
            line = b"%010d" % (int(line[:10]) * 3 + 11) + line[10:]
        scrambled.append(line)
    return table + b"\n".join(scrambled) + sep + tail


# --------------------------------------------------------------------------- PNG


def minimal_png(width: int = 4, height: int = 4) -> bytes:
    """A valid grey PNG built with zlib and struct."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body))
            + kind
            + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )

    raw = b"".join(b"\x00" + bytes([128] * width) for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


# --------------------------------------------------------------------------- DOCX

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def _docx_template() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("Template paragraph: Python and SQL")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def write_docx_with(path: Path, document_xml: Iterable[bytes]) -> None:
    """A real python-docx package whose word/document.xml is replaced by ``document_xml``, streamed.

    Compression level 1: the zip bomb's 320 MiB packs in ~0.6 s instead of ~2 s at level 9, into
    ~2 MB, far under the file-size limit that would refuse it first."""
    template = zipfile.ZipFile(io.BytesIO(_docx_template()))
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for info in template.infolist():
            if info.filename == "word/document.xml":
                continue
            zf.writestr(info.filename, template.read(info.filename))
        with zf.open("word/document.xml", "w", force_zip64=True) as out:
            for chunk in document_xml:
                out.write(chunk)


def _paragraphs(*texts: str) -> str:
    return "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in texts)


def docx_bomb_xml(total: int = 320 * MiB) -> Iterator[bytes]:
    yield (
        XML_DECL + f"<w:document {W_NS}><w:body>" + _paragraphs("Zip bomb: the first paragraph")
    ).encode()
    unit = _paragraphs("Python SQL Docker Kubernetes engineer resume line").encode()
    block = unit * (MiB // len(unit))
    written = 0
    while written < total:
        yield block
        written += len(block)
    yield b"</w:body></w:document>"


def xxe_xml() -> bytes:
    return (
        XML_DECL
        + '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        + f"<w:document {W_NS}><w:body>"
        + _paragraphs("Visible XXE resume paragraph: Python", "&xxe;")
        + "</w:body></w:document>"
    ).encode()


def billion_laughs_xml() -> bytes:
    entities = ['<!ENTITY lol "lol">']
    for i in range(1, 10):
        prev = "lol" if i == 1 else f"lol{i - 1}"
        entities.append(f'<!ENTITY lol{i} "{("&" + prev + ";") * 10}">')
    return (
        XML_DECL
        + "<!DOCTYPE w:document ["
        + "".join(entities)
        + "]>\n"
        + f"<w:document {W_NS}><w:body>"
        + _paragraphs("Visible laughs resume paragraph: Python", "&lol9;")
        + "</w:body></w:document>"
    ).encode()


# --------------------------------------------------------------------------- corpus


def _write_repeated(path: Path, unit: bytes, total: int) -> None:
    block = unit * max(1, MiB // len(unit))
    with open(path, "wb") as fh:
        written = 0
        while written < total:
            fh.write(block)
            written += len(block)


def plan_corpus(dest: Path) -> list[tuple[Case, Callable[[Path], None]]]:
    """Every case with the function that writes its file; nothing is written yet.

    Lets a test collect the case names and expectations without building the
    corpus (the big files are written once, later, by :func:`make_corpus`).
    """
    dest = Path(dest)
    plan: list[tuple[Case, Callable[[Path], None]]] = []

    def add(
        name: str,
        filename: str,
        data: bytes | Callable[[], bytes] | _ToPath,
        expect: str,
        **kw: object,
    ) -> None:
        def write(path: Path) -> None:
            if isinstance(data, bytes):
                path.write_bytes(data)
            elif isinstance(data, _ToPath):
                data.write(path)  # streams to the file itself
            else:
                path.write_bytes(data())

        plan.append((Case(name, dest / filename, expect, **kw), write))  # type: ignore[arg-type]

    to_path = _ToPath

    def good_pdf() -> bytes:
        return reportlab_pdf(
            [
                ["Real PDF page one: Python, SQL and Docker", "Senior Backend Engineer"],
                ["Real PDF page two: Kubernetes and Terraform", "Team lead"],
            ]
        )

    # --- empty and blank
    add("empty-file", "empty.txt", b"", "EmptyDocumentError")
    add("whitespace-only", "blank.txt", b"   \n\n\t \r\n   \n", "EmptyDocumentError")

    # --- PDF structure
    add(
        "truncated-pdf",
        "truncated.pdf",
        lambda: (lambda d: d[: len(d) // 2])(good_pdf()),
        "CorruptDocumentError",
        pdf=True,
        note="reportlab PDF cut in half: no xref, no trailer, half the objects",
    )
    add(
        "pdf-broken-xref",
        "broken-xref.pdf",
        lambda: broken_xref(good_pdf()),
        "text",
        contains="Real PDF page two",
        pdf=True,
        note="startxref and every xref offset wrong but all objects intact; readers rebuild the xref "
        "by scanning, so text is expected (judgement call: CorruptDocumentError would also be defensible)",
    )
    add(
        "encrypted-pdf",
        "encrypted.pdf",
        lambda: reportlab_pdf([["Secret resume: Python"]], encrypt="hunter2"),
        "EncryptedDocumentError",
        pdf=True,
    )
    add(
        "pdf-page-tree-loop",
        "page-loop.pdf",
        to_path(write_page_loop_pdf),
        "text",
        contains="Looping page tree",
        pdf=True,
        note="/Kids [page, itself]: the real page should be read and the loop ignored",
    )
    add(
        "pdf-page-tree-cycle",
        "page-cycle.pdf",
        to_path(write_page_cycle_pdf),
        "CorruptDocumentError",
        pdf=True,
        note="two Pages nodes that are each other's kid; no page object anywhere",
    )
    add(
        "pdf-inflate-bomb",
        "inflate-bomb.pdf",
        to_path(write_inflate_bomb_pdf),
        "DocumentTooLargeError",
        pdf=True,
        note="~400 kB file whose content stream inflates to 400 MB; DocumentTooLargeError covers "
        "'what it unpacks to is over the limit'",
    )
    add(
        "pdf-content-200MiB",
        "content-200mib.pdf",
        to_path(
            lambda p: write_flate_page_pdf(
                p, b"0 0 m 1 1 l S\n", 200 * MiB - 4096, "Content bomb: 200 MiB of drawing"
            )
        ),
        "DocumentTooLargeError",
        pdf=True,
        note="~400 kB file whose page stream inflates to just under 200 MiB of path operators: under the "
        "decompression budget, so it is the page-content budget that refuses it, before any interpreting",
    )
    add(
        "pdf-operator-bomb",
        "operator-bomb.pdf",
        to_path(
            lambda p: write_flate_page_pdf(
                p, b"0 0 m 1 1 l S\n", 8 * MiB, "Operator bomb: 3 million operators"
            )
        ),
        "DocumentTooLargeError",
        pdf=True,
        expect_pdfium="text",
        contains="Operator bomb",
        note="8 MiB of path operators (under the content budget): pdfminer stops at its token budget; "
        "pdfium parses them natively in about a second and returns the text",
    )
    add(
        "pdf-glyph-bomb",
        "glyph-bomb.pdf",
        to_path(
            lambda p: write_flate_page_pdf(
                p,
                b"BT /F1 1 Tf 72 400 Td (" + b"x" * 4000 + b") Tj ET\n",
                4 * MiB,
                "Glyph bomb: a million characters on one page",
            )
        ),
        "DocumentTooLargeError",
        pdf=True,
        expect_pdfium="text",
        contains="Glyph bomb",
        note="one page drawing a million characters: pdfminer stops at its per-page glyph budget; pdfium returns text",
    )
    add(
        "pdf-3000-pages",
        "3000-pages.pdf",
        to_path(write_many_pages_pdf),
        "text",
        contains="Page 3000 of a very long resume",
        pdf=True,
        note="~1 MB, 3,000 pages of a few words; must finish in time",
    )

    # --- wrong content for the name
    add("random-bytes-named-pdf", "random.pdf", _noise, "CorruptDocumentError")
    add(
        "pdf-named-txt",
        "really-a-pdf.txt",
        good_pdf,
        "text",
        contains="Real PDF page one",
        pdf=True,
    )
    add("png-named-pdf", "photo.pdf", minimal_png, "UnsupportedFormatError")

    # --- DOCX
    add(
        "docx-garbage-xml",
        "corrupt.docx",
        to_path(
            lambda p: write_docx_with(
                p, [b"<w:document <<< \x00\xff\xfe not xml at all &&& </w:body>"]
            )
        ),
        "CorruptDocumentError",
        note="valid ZIP package, word/document.xml is garbage",
    )
    add(
        "docx-zip-bomb",
        "zip-bomb.docx",
        to_path(lambda p: write_docx_with(p, docx_bomb_xml())),
        "DocumentTooLargeError",
        note="~2 MB DOCX whose word/document.xml inflates to 320 MiB (the budget is 200 MiB)",
    )
    add(
        "docx-xxe",
        "xxe.docx",
        to_path(lambda p: write_docx_with(p, [xxe_xml()])),
        "CorruptDocumentError",
        absent=("root:",),
        note="external entity to file:///etc/passwd: Word never writes a DOCTYPE, so jdmatch refuses the file "
        "and never resolves the entity",
    )
    add(
        "docx-billion-laughs",
        "laughs.docx",
        to_path(lambda p: write_docx_with(p, [billion_laughs_xml()])),
        "CorruptDocumentError",
        absent=("lollollollollol",),
        note="nested entities: refused for its DOCTYPE, never expanded",
    )

    # --- HTML
    depth = 200_000
    add(
        "html-200k-nested-divs",
        "deep.html",
        lambda: (
            b"<html><body>"
            + b"<div>" * depth
            + b"Deep inside the nesting: Python engineer"
            + b"</div>" * depth
            + b"</body></html>"
        ),
        "text",
        contains="Deep inside the nesting",
    )
    add(
        "html-script-and-onerror",
        "xss.html",
        b"<!doctype html><html><head><title>CV</title><script>alert(1)</script></head><body>"
        b"<p>Visible HTML resume: Python</p><script>alert(1)</script>"
        b"<img src=x onerror=alert(1)><p>More text</p></body></html>",
        "text",
        contains="Visible HTML resume",
        absent=("alert(1)",),
    )

    # --- text
    add(
        "text-105MB",
        "huge.txt",
        to_path(lambda p: _write_repeated(p, RESUME_LINES.encode(), 105 * MiB)),
        "DocumentTooLargeError",
        note="105 MiB, over the 20 MiB default",
    )
    add(
        "text-invalid-utf8",
        "invalid-utf8.txt",
        b"Jordan Example\nSenior Python developer\n"
        + b"caf\xc3 \xc3\x28 \x80\x81\xfe bad bytes \xed\xa0\x80 here\n"
        + b"Skills: SQL, Docker\n",
        "text",
        contains="Python developer",
    )
    add(
        "text-nul-bytes",
        "nul.txt",
        b"Jordan\x00 Example\nSenior\x00 Python\x00 developer\x00\x00\x00\nSkills: SQL, Docker\n",
        "text",
        contains="developer",
    )

    # long runs of one character: a pattern that retries from every position of a run, or spaCy's
    # affix splitting of one long token, takes time in the square of the run (minutes at this size)
    for name, run in (
        ("spaces", b" " * MiB),
        ("tabs", b"\t" * MiB),
        ("space-newlines", b" \n" * (MiB // 2)),
        ("brackets", b"(" * (MiB // 4)),
        ("quotes", b'"' * (MiB // 4)),
    ):
        add(
            f"text-run-of-{name}",
            f"run-of-{name}.txt",
            b"Jordan Example\nSenior Python developer 5 " + run + b"years\nSkills: SQL, Docker\n",
            "text",
            contains="Skills: SQL, Docker",
            note="a long run of one character in the middle of a resume; read in linear time",
        )

    # --- file names
    for name, filename in (
        ("name-non-ascii", "résumé – José.txt"),
        ("name-spaces", "my  resume  final (2).txt"),
        ("name-newline", "new\nline.txt"),
        ("name-tab-and-escape", "tab\there\x1b[31m.txt"),
        ("name-invalid-utf8", os.fsdecode(b"bad-\xff\xfe-name.txt")),
    ):
        add(
            name,
            filename,
            (RESUME_LINES + f"File {name}\n").encode(),
            "text",
            contains=f"File {name}",
        )
    # errors must name such files escaped, on one line
    add(
        "name-newline-empty",
        "empty\nfile.txt",
        b"",
        "EmptyDocumentError",
        note="the message must escape the newline in the name and stay on one line",
    )
    return plan


@dataclass(frozen=True)
class _ToPath:
    """A writer that streams to the file itself (for the big ones) rather than returning bytes."""

    write: Callable[[Path], None]


def make_corpus(dest: Path) -> list[Case]:
    """Write every hostile file under ``dest`` (created if missing) and return the cases."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    cases = []
    for case, write in plan_corpus(dest):
        write(case.path)
        cases.append(case)
    return cases


def _noise() -> bytes:
    """8 kB of seeded random bytes that do not start with any magic number."""
    rnd = random.Random(20240601)
    noise = bytes(rnd.getrandbits(8) for _ in range(8192))
    while noise[:1] in (
        b"\x89",
        b"\xff",
        b"\xd0",
        b"{",
        b"\x1f",
        b"7",
        b"R",
        b"\x7f",
        b"M",
        b"G",
        b"I",
        b"P",
        b"\xef",
        b"\xfe",
    ):
        noise = bytes([rnd.randrange(0x20, 0x7F)]) + noise[1:]
    assert b"%PDF-" not in noise[:1024]
    return noise


# --------------------------------------------------------------------------- folder


def make_folder(dest: Path) -> Path:
    """Build an input *folder* for batch runs under ``dest``/input and return it.

    It holds copies of a few corpus files, a symlink loop (``loop -> .``), a
    dangling symlink, a symlink to a file outside the folder (``/etc/hostname``,
    which a batch must not read) and an unreadable file (mode 000). See
    :func:`folder_cases` for what each entry should do.
    """
    dest = Path(dest)
    corpus = dest / "corpus-for-folder"
    small = {c.name: c for c in _small_cases(corpus)}
    folder = dest / "input"
    folder.mkdir(parents=True, exist_ok=True)
    for name in (
        "pdf-named-txt",
        "html-script-and-onerror",
        "name-non-ascii",
        "empty-file",
        "png-named-pdf",
        "truncated-pdf",
        "docx-xxe",
    ):
        src = small[name].path
        shutil.copy2(src, folder / src.name)
    (folder / "good resume.txt").write_text(RESUME_LINES, encoding="utf-8")
    sub = folder / "sub dir"
    sub.mkdir(exist_ok=True)
    (sub / "nested.md").write_text("# Nested\n" + RESUME_LINES, encoding="utf-8")
    _symlink(".", folder / "loop")
    _symlink("..", sub / "up")
    _symlink("does-not-exist.pdf", folder / "dangling.pdf")
    outside = Path("/etc/hostname") if Path("/etc/hostname").is_file() else Path("/etc/passwd")
    _symlink(str(outside), folder / "outside.txt")
    unreadable = folder / "unreadable.txt"
    unreadable.write_text(RESUME_LINES, encoding="utf-8")
    unreadable.chmod(0)
    return folder


def folder_cases(folder: Path) -> list[Case]:
    """What a batch run over :func:`make_folder`'s folder should do with the special entries."""
    root = os.geteuid() == 0
    return [
        Case(
            "folder-symlink-loop",
            folder / "loop",
            "DocumentNotFoundError",
            note="loop -> . : a batch must not descend into it forever; read alone it is a folder",
        ),
        Case(
            "folder-dangling-symlink",
            folder / "dangling.pdf",
            "DocumentNotFoundError",
            note="points nowhere: 'no such file'",
        ),
        Case(
            "folder-symlink-outside",
            folder / "outside.txt",
            "text",
            note="points outside the folder (/etc/hostname): a BATCH must skip it and never read it; "
            "read_document on the link itself follows it, which is the caller's explicit choice",
        ),
        Case(
            "folder-unreadable",
            folder / "unreadable.txt",
            "text" if root else "DocumentNotFoundError",
            note=(
                "chmod 000, but the tests run as root, who can still read it: expect text"
                if root
                else "chmod 000: 'cannot access/read the file; check its permissions'"
            ),
        ),
    ]


def _small_cases(dest: Path) -> list[Case]:
    """The cheap part of the corpus (for the folder): written without the big files."""
    dest.mkdir(parents=True, exist_ok=True)
    good_pdf = reportlab_pdf(
        [["Real PDF page one: Python, SQL and Docker"], ["Real PDF page two: Kubernetes"]]
    )
    files = {
        "pdf-named-txt": ("really-a-pdf.txt", good_pdf, "text"),
        "truncated-pdf": ("truncated.pdf", good_pdf[: len(good_pdf) // 2], "CorruptDocumentError"),
        "png-named-pdf": ("photo.pdf", minimal_png(), "UnsupportedFormatError"),
        "empty-file": ("empty.txt", b"", "EmptyDocumentError"),
        "name-non-ascii": ("résumé – José.txt", RESUME_LINES.encode(), "text"),
        "html-script-and-onerror": ("xss.html", b"<p>Visible</p><script>alert(1)</script>", "text"),
    }
    out = []
    for name, (filename, data, expect) in files.items():
        (dest / filename).write_bytes(data)
        out.append(Case(name, dest / filename, expect))
    p = dest / "xxe.docx"
    write_docx_with(p, [xxe_xml()])
    out.append(Case("docx-xxe", p, "CorruptDocumentError"))
    return out


def _symlink(target: str, link: Path) -> None:
    if link.is_symlink():
        link.unlink()
    os.symlink(target, link)


# --------------------------------------------------------------------------- script


def _main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python tests/hostile/make_corpus.py DEST", file=sys.stderr)
        return 2
    dest = Path(argv[0])
    start = time.perf_counter()
    cases = make_corpus(dest)
    folder = make_folder(dest / "folder")
    took = time.perf_counter() - start
    width = max(len(c.name) for c in cases) + 2
    print(f"{'case':<{width}}{'size':>12}  {'expect':<24}file")
    for c in cases:
        size = c.path.stat().st_size
        print(f"{c.name:<{width}}{size:>12,}  {c.expect:<24}{ascii(c.path.name)}")
    print(f"\nbatch folder: {folder}")
    for c in folder_cases(folder):
        print(f"  {c.name:<26}{c.expect:<24}{c.note}")
    print(f"\n{len(cases)} files in {took:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
