"""The web page of ``jdmatch serve``: one HTML file with its style and script inline.

The page loads nothing from anywhere (no CDN, no font, no image), so it works
offline, and its Content-Security-Policy allows exactly its own inline style and
script (by their SHA-256) and requests to the server that sent it.
"""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from importlib.resources import files

__all__ = ["page_html", "page_csp", "PAGE_CSP"]


def _read(name: str) -> str:
    return files(__package__).joinpath(name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return (
        "'sha256-"
        + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
        + "'"
    )


@lru_cache(maxsize=1)
def _build() -> tuple[str, str]:
    css, js = _read("page.css"), _read("page.js")
    html = _read("index.html").replace("/*CSS*/", css, 1).replace("/*JS*/", js, 1)
    csp = (
        "default-src 'none'; "
        f"script-src {_sha256(js)}; style-src {_sha256(css)}; img-src data:; connect-src 'self'; "
        "form-action 'none'; base-uri 'none'; frame-ancestors 'none'"
    )
    return html, csp


def page_html() -> str:
    """The whole page."""
    return _build()[0]


def page_csp() -> str:
    """The page's Content-Security-Policy: its own style and script by hash, requests to its server only."""
    return _build()[1]


PAGE_CSP = page_csp()
