"""Visible text of an HTML page, one line per block element.

Built on the standard library's event parser (``html.parser``): one pass, no
tree, so a page nested 200,000 levels deep costs what a flat one of the same
size does. Script, style and other invisible elements are skipped; character
references are decoded by the parser.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from jdmatch.extract.normalize import normalize_text

_INVISIBLE = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "svg",
        "iframe",
        "object",
        "canvas",
        "title",
    }
)
_BLOCKS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tr",
        "ul",
        "body",
        "html",
    }
)
_CELLS = frozenset({"td", "th"})


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden: dict[str, int] = {}
        # what a page says about itself: JSON-LD blocks, <title>, the first <h1>
        self.jsonld: list[list[str]] = []
        self.title: list[str] | None = None
        self.h1: list[str] | None = None
        self._open = ""  # "script" inside a JSON-LD block, "title" inside the first <title>
        self._h1_open = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self.hidden.pop("head", None)  # an unclosed <head> ends where the body starts
        if tag == "script" and any(
            k == "type" and (v or "").split(";")[0].strip().lower() == "application/ld+json"
            for k, v in attrs
        ):
            self.jsonld.append([])
            self._open = "script"
        elif tag == "title" and self.title is None:
            self.title = []
            self._open = "title"
        elif tag == "h1" and self.h1 is None:
            self.h1 = []
            self._h1_open = True
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
        if tag == "h1":
            self._h1_open = False
        if tag == self._open:
            self._open = ""
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
            if self._h1_open and self.h1 is not None:
                self.h1.append(data)
        elif self._open == "script":
            self.jsonld[-1].append(data)
        elif self._open == "title" and self.title is not None:
            self.title.append(data)


@dataclass(frozen=True, slots=True)
class HtmlPage:
    """A page's visible text, and what it says about itself: ``<title>``, first ``<h1>``, JSON-LD script blocks."""

    text: str
    title: str = ""
    h1: str = ""
    jsonld: tuple[str, ...] = ()


def read_html(markup: str) -> HtmlPage:
    """The visible text of ``markup`` (as :func:`html_to_text`), with its title, first heading and JSON-LD blocks."""
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return HtmlPage(
        normalize_text("\n".join(lines)),
        " ".join("".join(parser.title or ()).split()),
        " ".join("".join(parser.h1 or ()).split()),
        tuple(b for b in ("".join(parts) for parts in parser.jsonld) if b.strip()),
    )


def html_to_text(markup: str, *, source: str = "<bytes>") -> str:
    """Return the visible text of ``markup``: no script or style, block elements as lines."""
    return read_html(markup).text
