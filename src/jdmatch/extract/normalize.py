"""Text clean-up shared by every format and PDF engine."""

from __future__ import annotations

import re
import unicodedata

# Glyphs used as list bullets in resumes; normalized to "- " at the start of a line.
_BULLETS = "•●▪■◦‣∙⁃◆◇►▸▹➢➤✓✔❖○□·\uf0b7\uf0a7\uf076\uf0d8\uf0fc"
_BULLET_LINE = re.compile(rf"^([ \t]*)(?:[{re.escape(_BULLETS)}]|\(cid:\d+\))[ \t]*", re.M)
_CID = re.compile(r"\(cid:\d+\)")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")  # incl. soft hyphen
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_HYPHEN_BREAK = re.compile(r"([a-z])-\n[ \t]*([a-z])")
_TRAILING = re.compile(r"[ \t]+\n")
_BLANKS = re.compile(r"\n{3,}")


def normalize_text(text: str, *, join_hyphenation: bool = False) -> str:
    """NFKC (ligatures, full-width forms, odd spaces), bullets, invisible and control characters.

    ``join_hyphenation`` also joins words broken across lines ("develop-\\nment");
    it is meant for PDF text, where line breaks come from the layout.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", text)
    text = unicodedata.normalize("NFKC", text)
    text = _BULLET_LINE.sub(r"\1- ", text)
    text = _CID.sub("", text)
    text = _CONTROL.sub("", text.replace("\t", " "))
    if join_hyphenation:
        text = _HYPHEN_BREAK.sub(r"\1\2", text)
    text = _TRAILING.sub("\n", text)
    text = _BLANKS.sub("\n\n", text)
    return text.strip("\n ")
