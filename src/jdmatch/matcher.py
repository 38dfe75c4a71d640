"""``jdmatch.Matcher``: the one object a script needs."""

from __future__ import annotations

import os

from jdmatch.models import Document, SkillMatch


class Matcher:
    """Recognizes skills in documents (and, with a profile, scores their fit).

    ``lexicon`` is a lexicon folder; by default the shipped lexicon, compiled
    once per process and shared by every ``Matcher``.
    """

    def __init__(self, *, lexicon: str | os.PathLike[str] | None = None) -> None:
        self._lexicon_path = lexicon
        self._recognizer = None

    @property
    def recognizer(self):  # type: ignore[no-untyped-def]
        if self._recognizer is None:
            from jdmatch.recognize import SkillRecognizer, default_recognizer
            from jdmatch.lexicon import load_lexicon

            if self._lexicon_path is None:
                self._recognizer = default_recognizer()
            else:
                self._recognizer = SkillRecognizer(load_lexicon(self._lexicon_path))
        return self._recognizer

    def skills(self, source: str | Document | os.PathLike[str]) -> list[SkillMatch]:
        """Every skill mention in ``source`` (text, a Document, or a path to read), in order."""
        return self.recognizer.recognize(_text(source))


def _text(source: str | Document | os.PathLike[str]) -> str:
    if isinstance(source, Document):
        return source.text
    if isinstance(source, str):
        return source
    if isinstance(source, os.PathLike):
        from jdmatch.extract import read_document

        return read_document(source).text
    raise TypeError(f"expected text, a Document or a path, not {type(source).__name__}")
