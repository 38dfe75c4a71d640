"""Visible text of an HTML page, one line per block element.

Built on the standard library's event parser (``html.parser``): one pass, no
tree, so a page nested 200,000 levels deep costs what a flat one of the same
size does. Script, style and other invisible elements are skipped; character
references are decoded by the parser.
"""

from __future__ import annotations

from html.parser import HTMLParser

from jdmatch.extract.normalize import normalize_text

_INVISIBLE = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "canvas", "title"})
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
    "tr", "ul", "body", "html",
})
_CELLS = frozenset({"td", "th"})


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden: dict[str, int] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self.hidden.pop("head", None)  # an unclosed <head> ends where the body starts
        if tag in _INVISIBLE:
            self.hidden[tag] = self.hidden.get(tag, 0) + 1
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag in _BLOCKS:
            self.parts.append("\n")
        elif tag in _CELLS:
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _INVISIBLE:
            count = self.hidden.get(tag, 0)
            if count <= 1:
                self.hidden.pop(tag, None)
            else:
                self.hidden[tag] = count - 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def html_to_text(markup: str, *, source: str = "<bytes>") -> str:
    """Return the visible text of ``markup``: no script or style, block elements as lines."""
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return normalize_text("\n".join(lines))
