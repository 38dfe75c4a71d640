"""The one error hierarchy of jdmatch.

The library raises these and never prints or exits; only ``jdmatch.cli`` turns
them into an exit status and one line on stderr. Every message names the file
(when there is one) and says what the user can do about it.
"""

from __future__ import annotations

import os


class JdmatchError(Exception):
    """Base class of every error jdmatch raises on purpose."""

    def __init__(self, message: str, *, path: str | os.PathLike[str] | None = None) -> None:
        self.path = os.fspath(path) if path is not None else None
        self.message = message
        super().__init__(f"{display_path(self.path)}: {message}" if self.path else message)


def display_path(path: str | os.PathLike[str]) -> str:
    """A path fit for a one-line message: control characters (newlines in names) escaped."""
    text = os.fspath(path)
    if any(ch < " " or ch == "\x7f" or "\ud800" <= ch <= "\udfff" for ch in text):
        return text.encode("unicode_escape", "backslashreplace").decode("ascii")
    return text


def short_reason(exc: BaseException) -> str:
    """A library's exception message as one line of at most 120 characters, for an error message."""
    text = " ".join(str(exc).split())
    return text[:120] + ("..." if len(text) > 120 else "")


class DocumentError(JdmatchError):
    """A document could not be read."""


class DocumentNotFoundError(DocumentError):
    """The path does not exist or is not a regular file."""


class EmptyDocumentError(DocumentError):
    """The file has no bytes, or no text once extracted."""


class UnsupportedFormatError(DocumentError):
    """The content is of a type jdmatch does not read."""


class DocumentTooLargeError(DocumentError):
    """The file (or what it unpacks to) is over the configured limit."""


class EncryptedDocumentError(DocumentError):
    """The PDF needs a password."""


class CorruptDocumentError(DocumentError):
    """The file claims a format but its structure is broken or truncated."""


class NoTextLayerError(DocumentError):
    """The PDF has pages but no text layer (a scan or an image)."""


class DecodingError(DocumentError):
    """A text file whose bytes do not decode to text."""


class MissingDependencyError(JdmatchError):
    """An optional engine was asked for but its package is not installed."""


class LexiconError(JdmatchError):
    """A lexicon file is malformed; the message carries file and line."""


class ProfileError(JdmatchError):
    """A role profile is malformed or unknown."""


class PathGivenAsTextError(JdmatchError, ValueError):
    """A ``str`` that names a file was passed where text is expected (a ``str`` is always text)."""


class OutputError(JdmatchError):
    """An output file cannot be written where it was asked for (checked before any work starts)."""
