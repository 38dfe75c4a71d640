"""The one input rule: a ``str`` is text, an ``os.PathLike`` is a file to read, a Document is used as read."""

from __future__ import annotations

import os
from typing import Any

from jdmatch.models import Document

Source = str | Document | os.PathLike[str]
"""A document to read: a ``str`` is text, an ``os.PathLike`` a file, a Document is used as read."""

__all__ = ["DOCUMENT_SUFFIXES", "Source", "as_document", "checked_source"]


DOCUMENT_SUFFIXES = (
    ".pdf",
    ".docx",
    ".html",
    ".htm",
    ".xhtml",
    ".txt",
    ".md",
    ".markdown",
    ".text",
    ".doc",
    ".rtf",
    ".odt",
)


def as_document(source: Source, *, what: str = "document") -> Document:
    """``source`` as a Document: a ``str`` is text, an ``os.PathLike`` is a file to read.

    A ``str`` that is one line naming an existing file with a document suffix is
    almost certainly a path passed by mistake: it raises
    :class:`~jdmatch.errors.PathGivenAsTextError` rather than scoring the file's name.
    """
    if isinstance(source, Document):
        return source
    if isinstance(source, str):
        _refuse_path_text(source, what)
        return Document(text=source)
    if isinstance(source, os.PathLike):
        from jdmatch.extract import read_document

        return read_document(source)
    raise TypeError(
        f"expected the {what} as text (str), a path (pathlib.Path) or a Document, not {type(source).__name__}"
    )


def _refuse_path_text(text: str, what: str) -> None:
    candidate = text.strip()
    if (
        not candidate
        or "\n" in candidate
        or len(candidate) > 4096
        or not candidate.lower().endswith(DOCUMENT_SUFFIXES)
    ):
        return
    try:
        is_file = os.path.isfile(candidate)
    except (OSError, ValueError):
        return
    if is_file:
        from jdmatch.errors import PathGivenAsTextError

        raise PathGivenAsTextError(
            f"a str is read as the {what}'s text, but this one names a file; "
            f"pass Path({candidate!r}) to read the file"
        )


def checked_source(source: Any) -> Any:
    """Apply the input rule before a source travels to a worker (the error is raised here, in order)."""
    if isinstance(source, str):
        _refuse_path_text(source, "document")
    return source
