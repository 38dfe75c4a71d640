"""Visible text of an HTML page, one line per block element."""

from __future__ import annotations

from jdmatch.extract.normalize import normalize_text

_INVISIBLE = ("script", "style", "noscript", "template", "head", "svg", "iframe", "object", "canvas")
_BLOCKS = (
    "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
    "tr", "td", "th", "ul", "title",
)


def html_to_text(markup: str, *, source: str = "<bytes>") -> str:
    """Return the visible text of ``markup``: no script or style, block elements as lines."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup.find_all(_INVISIBLE):
        tag.decompose()
    for tag in soup.find_all(_BLOCKS):
        if tag.name == "br":
            tag.replace_with("\n")
            continue
        if tag.name == "li":
            tag.insert_before("\n- ")
        elif tag.name in {"td", "th"}:
            tag.insert_before(" ")
        else:
            tag.insert_before("\n")
        tag.insert_after("\n")
    lines = (" ".join(line.split()) for line in soup.get_text().splitlines())
    return normalize_text("\n".join(lines))
