"""Every way a document can be unreadable gives its own error, naming the file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from jdmatch import read_document
from jdmatch.errors import (
    CorruptDocumentError,
    DocumentNotFoundError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    JdmatchError,
    NoTextLayerError,
    UnsupportedFormatError,
)
from tests.conftest import make_image_only_pdf, make_pdf

GOOD_PDF = make_pdf([[(72, 72, "A perfectly good resume with Python and SQL.")]] * 2)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + os.urandom(64)

CASES = [
    pytest.param("empty.txt", b"", EmptyDocumentError, "empty", id="empty-file"),
    pytest.param("blank.txt", b"  \n\n\t  \n", EmptyDocumentError, "no text", id="whitespace-only"),
    pytest.param(
        "encrypted.pdf",
        make_pdf([[(72, 72, "secret")]], encrypt="hunter2"),
        EncryptedDocumentError,
        "password",
        id="encrypted-pdf",
    ),
    pytest.param(
        "truncated.pdf",
        GOOD_PDF[: len(GOOD_PDF) // 3],
        CorruptDocumentError,
        "damaged",
        id="truncated-pdf",
    ),
    pytest.param(
        "noise.pdf",
        b"%PDF-1.7\n" + bytes(range(256)) * 40,
        CorruptDocumentError,
        "damaged",
        id="pdf-header-then-noise",
    ),
    pytest.param(
        "random.pdf",
        bytes((i * 97 + 13) % 256 for i in range(4000)),
        CorruptDocumentError,
        "no PDF header",
        id="random-bytes-named-pdf",
    ),
    pytest.param(
        "scan.pdf", make_image_only_pdf(), NoTextLayerError, "OCR", id="pdf-without-text-layer"
    ),
    pytest.param("photo.pdf", PNG, UnsupportedFormatError, "PNG", id="png-named-pdf"),
    pytest.param(
        "old.doc",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
        UnsupportedFormatError,
        ".docx",
        id="legacy-word",
    ),
    pytest.param(
        "broken.docx", b"PK\x03\x04" + bytes(300), CorruptDocumentError, "ZIP", id="corrupt-docx"
    ),
    pytest.param(
        "notzip.docx",
        b"this is plain text pretending",
        CorruptDocumentError,
        "not a ZIP",
        id="text-named-docx",
    ),
]


@pytest.mark.parametrize("name,data,error,phrase", CASES)
def test_bad_file_raises_its_own_error(
    tmp_path: Path, name: str, data: bytes, error: type[JdmatchError], phrase: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(error) as info:
        read_document(path)
    message = str(info.value)
    assert message.startswith(str(path) + ": "), "the message names the file"
    assert phrase in message
    assert "\n" not in message
    assert info.value.path == str(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DocumentNotFoundError, match="no such file"):
        read_document(tmp_path / "nope.pdf")


def test_folder_is_not_a_document(tmp_path: Path) -> None:
    with pytest.raises(DocumentNotFoundError, match="folder"):
        read_document(tmp_path)


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"Python developer. " * 1000)
    with pytest.raises(DocumentTooLargeError, match="limit"):
        read_document(path, max_bytes=1000)
    assert read_document(path, max_bytes=None).text.startswith("Python developer.")


def _read_as_nobody(path: Path) -> tuple[str, str]:
    """Read ``path`` in a forked child that gave up root (root reads any file): (error class, message)."""
    import pickle

    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: drop to nobody, read, report, exit without running pytest's teardown
        try:
            os.close(read)
            os.setgid(65534)
            os.setuid(65534)
            try:
                read_document(path)
                answer = ("", "read")
            except Exception as exc:
                answer = (type(exc).__name__, str(exc))
            os.write(write, pickle.dumps(answer))
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as fh:
        data = fh.read()
    os.waitpid(pid, 0)
    return pickle.loads(data)


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
def test_unreadable_file(tmp_path: Path) -> None:
    folder = tmp_path / "open"
    folder.mkdir()
    path = folder / "locked.txt"
    path.write_text("secret")
    path.chmod(0)
    if os.geteuid() != 0:
        with pytest.raises(DocumentNotFoundError, match="permission"):
            read_document(path)
        return
    for p in (folder, *folder.parents):  # let nobody reach the file, not read it
        if p == Path(p.anchor):
            break
        p.chmod(p.stat().st_mode | 0o111)
    name, message = _read_as_nobody(path)
    assert name == "DocumentNotFoundError"
    assert message.startswith(f"{path}: cannot read the file") and "permission" in message.lower()


def test_unknown_engine_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(GOOD_PDF)
    with pytest.raises(ValueError, match="pdf_engine"):
        read_document(path, pdf_engine="magic")


def test_errors_share_one_base() -> None:
    for cls in (
        EmptyDocumentError,
        EncryptedDocumentError,
        CorruptDocumentError,
        NoTextLayerError,
        UnsupportedFormatError,
        DocumentTooLargeError,
        DocumentNotFoundError,
    ):
        assert issubclass(cls, JdmatchError)


PDF_ENGINES = [
    "pdfminer",
    pytest.param(
        "pdfium",
        marks=pytest.mark.skipif(
            __import__("importlib").util.find_spec("pypdfium2") is None,
            reason="pypdfium2 not installed",
        ),
    ),
]


@pytest.mark.parametrize("engine", PDF_ENGINES)
def test_page_stream_of_200_mib_is_refused_by_the_content_budget(
    tmp_path: Path, engine: str
) -> None:
    """A ~200 kB PDF whose page stream inflates to just under 200 MiB: under the decompression
    budget, so the page-content budget must refuse it, naming the file, before pdfminer/pdfium parse it."""
    from tests.hostile.make_corpus import MiB, write_flate_page_pdf

    path = tmp_path / "content bomb.pdf"
    write_flate_page_pdf(path, b"0 0 m 1 1 l S\n", 200 * MiB - 4096, "Content bomb")
    with pytest.raises(DocumentTooLargeError) as info:
        read_document(path, pdf_engine=engine)
    message = str(info.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    assert "page content unpacks to more than 20 MiB" in message


def test_interpreter_budgets_scale_with_the_size_limit(tmp_path: Path) -> None:
    """The token and glyph budgets are counted while pdfminer interprets, and grow with max_bytes."""
    from jdmatch.extract.pdf import PdfLimits, read_pdf

    default = PdfLimits.for_max_bytes(None)
    assert PdfLimits.for_max_bytes(20 * 1024 * 1024) == default
    assert PdfLimits.for_max_bytes(80 * 1024 * 1024).tokens == 4 * default.tokens
    assert PdfLimits.for_max_bytes(1024).glyphs == default.glyphs // 4  # never below a quarter
    text, pages = read_pdf(GOOD_PDF, source="good.pdf")
    assert pages == 2 and "Python and SQL" in text
    tight = PdfLimits(content_bytes=10**6, tokens=10, glyphs=10**6, page_glyphs=10**6)
    with pytest.raises(DocumentTooLargeError, match=r"^good\.pdf: .*more than 10 operators"):
        read_pdf(GOOD_PDF, source="good.pdf", limits=tight)
    few_glyphs = PdfLimits(content_bytes=10**6, tokens=10**6, glyphs=10**6, page_glyphs=30)
    with pytest.raises(
        DocumentTooLargeError, match="a page of the PDF draws more than 30 characters"
    ):
        read_pdf(GOOD_PDF, source="good.pdf", limits=few_glyphs)
    # glyphs are counted a string at a time: the whole document's count is enforced as well
    doc_glyphs = PdfLimits(content_bytes=10**6, tokens=10**6, glyphs=30, page_glyphs=10**6)
    with pytest.raises(DocumentTooLargeError, match="the PDF draws more than 30 characters"):
        read_pdf(GOOD_PDF, source="good.pdf", limits=doc_glyphs)
