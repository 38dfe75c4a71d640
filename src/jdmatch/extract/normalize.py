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
# Icon-font glyphs: private-use code points (Font Awesome, Academicons...), and a lone symbol
# standing as its own word, which is what a font maps its icons to ("§", "☎", "✉"). The spaces
# around one become a two-space separator mid-line (as between columns), nothing at a line's ends.
_ICON = re.compile(
    r"(?<![ \t])[ \t]*+(?:[\ue000-\uf8ff]+|(?<!\S)[\u00a4\u00a7\u00b6\u2020\u2021\u2300-\u23ff\u2600-\u27bf\U0001f300-\U0001faff](?!\S))[ \t]*+"
)
# A lone letter right before a phone number, e-mail, web address or @handle: an icon font's glyph
# read through its letter encoding ("I (123) 456-7890", "envelope" drawn as "B").
_CONTACT = r"(?:[+(]?\d[\d ().-]{6,}\d|[\w.+-]+@[\w-]+\.\w+|(?:https?://|www\.)\S+|(?:linkedin|github|gitlab)\.com\S*|@\w+)"
_ICON_LETTER = re.compile(
    rf"(^|(?<![ \t])[ \t]{{2,}}+|[|·•][ \t]*+)[A-Za-z][ \t]++(?={_CONTACT})", re.M
)
_TRAILING = re.compile(r"(?<![ \t])[ \t]++\n")
_BLANKS = re.compile(r"\n{3,}")


def _icon_gap(m: re.Match[str]) -> str:
    text, start, end = m.string, m.start(), m.end()
    at_edge = start == 0 or text[start - 1] == "\n" or end == len(text) or text[end] == "\n"
    return "" if at_edge else "  "


def normalize_text(text: str, *, join_hyphenation: bool = False) -> str:
    """NFKC (ligatures, full-width forms, odd spaces), bullets, invisible and control characters,
    icon-font glyphs (private-use code points, lone symbols, a lone letter before a contact).

    ``join_hyphenation`` also joins words broken across lines ("develop-\\nment");
    it is meant for PDF text, where line breaks come from the layout.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", text)
    text = unicodedata.normalize("NFKC", text)
    text = _BULLET_LINE.sub(r"\1- ", text)
    text = _CID.sub("", text)
    text = _ICON.sub(_icon_gap, text)
    text = _ICON_LETTER.sub(r"\1", text)
    text = _CONTROL.sub("", text.replace("\t", " "))
    if join_hyphenation:
        text = _HYPHEN_BREAK.sub(r"\1\2", text)
    text = _TRAILING.sub("\n", text)
    text = _BLANKS.sub("\n\n", text)
    return text.strip("\n ")
