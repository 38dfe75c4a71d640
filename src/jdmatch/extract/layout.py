"""Reading order for PDF text lines, shared by both PDF engines.

Engines hand over positioned text lines; this module puts them in the order a
person reads them. Columns are found from the page itself: a vertical gutter
with lines stacked on both sides of it. Lines that cross the gutter (a name
banner, a footer) split the page into bands; within a band the left column is
read before the right one. Side-by-side fragments that are not columns (a job
title on the left, its dates on the right) stay on one line.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from statistics import median


@dataclass(frozen=True, slots=True)
class Line:
    """A run of text on one baseline; coordinates grow rightwards and downwards."""

    x0: float
    top: float
    x1: float
    bottom: float
    text: str

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 0.1)


@dataclass(frozen=True, slots=True)
class Page:
    """One page's positioned lines, as an engine hands them over."""

    width: float
    height: float
    lines: list[Line]


_MIN_GUTTER = 6.0  # points of white space between columns
_MAX_DEPTH = 3


# A running page number, alone or at either end of a header/footer line after a separator:
# "3", "1/2", "1 / 2", "Page 1", "Page 1 of 2", "p. 2", "- 2 -", "– 2 –", "[2]".
_PAGE_NUMBER = r"(?:(?:page|p\.?|seite|pág\.?)\s*\d{1,4}(?:\s*(?:of|/|von|de)\s*\d{1,4})?|\d{1,4}\s*(?:/|of)\s*\d{1,4}|[-–—]\s*\d{1,4}\s*[-–—]|\[\d{1,4}\]|\d{1,4})"
_PAGE_NUMBER_LINE = re.compile(rf"^\s*{_PAGE_NUMBER}\s*$", re.I)
_PAGE_NUMBER_END = re.compile(rf"(?<!\s)(?:\s{{2,}}|\s*[|·•,–—-]\s*){_PAGE_NUMBER}\s*$", re.I)
_PAGE_NUMBER_START = re.compile(rf"^\s*{_PAGE_NUMBER}(?:\s{{2,}}|\s*[|·•–—-]\s+)", re.I)
_EDGE = 0.1  # top and bottom tenth of a page: where running headers and footers sit


def page_texts(pages: list[Page]) -> list[str]:
    """The text of each page in reading order, without running page numbers and repeated headers/footers.

    Only lines in the top or bottom tenth of a page are candidates. A page
    number goes wherever it is; a header or footer line goes when the same text
    (page numbers aside) sits at the same height on at least two pages and on
    at least half of them (a header stays on the first page, where it is the
    document's own heading).
    """
    repeated = _repeated_edges(pages)
    out = []
    for index, page in enumerate(pages):
        kept = []
        for ln in page.lines:
            edge = _edge(ln, page)
            if edge:
                if _PAGE_NUMBER_LINE.match(ln.text):
                    continue
                key = (edge, round(ln.top / 4), _strip_page_number(ln.text))
                if key in repeated and not (edge == "top" and index == 0):
                    continue
                if len(pages) > 1:  # "Jane Doe - Page 2": keep the words, drop the number
                    stripped = _strip_page_number(ln.text)
                    if stripped != ln.text.strip():
                        ln = Line(ln.x0, ln.top, ln.x1, ln.bottom, stripped)
            kept.append(ln)
        out.append(page_text(kept))
    return out


def _edge(line: Line, page: Page) -> str:
    if page.height <= 0:
        return ""
    if line.bottom <= _EDGE * page.height:
        return "top"
    if line.top >= (1 - _EDGE) * page.height:
        return "bottom"
    return ""


def _strip_page_number(text: str) -> str:
    text = _PAGE_NUMBER_END.sub("", text.strip())
    return _PAGE_NUMBER_START.sub("", text).strip()


def _repeated_edges(pages: list[Page]) -> set[tuple[str, int, str]]:
    if len(pages) < 2:
        return set()
    seen: Counter[tuple[str, int, str]] = Counter()
    for page in pages:
        keys = set()
        for ln in page.lines:
            edge = _edge(ln, page)
            if edge:
                text = _strip_page_number(ln.text)
                if text:
                    keys.add((edge, round(ln.top / 4), text))
        seen.update(keys)
    need = max(2, (len(pages) + 1) // 2)
    return {key for key, n in seen.items() if n >= need}


def page_text(lines: list[Line]) -> str:
    """Return the text of one page in reading order."""
    lines = [ln for ln in lines if ln.text.strip()]
    if not lines:
        return ""
    return "\n".join(_ordered_rows(lines, 0))


def _ordered_rows(lines: list[Line], depth: int) -> list[str]:
    split = _find_columns(lines) if depth < _MAX_DEPTH else None
    if split is None:
        return _rows(lines)
    gutter, left, right, spanning = split
    if _is_margin(left, right):
        return _rows(_margin_blocks(left) + right + spanning)
    out: list[str] = []
    # spanning lines cut the page into bands; each band is read column by column
    cuts = sorted(spanning, key=lambda ln: ln.top)
    bands: list[tuple[float, float]] = []
    prev = float("-inf")
    for cut in cuts:
        bands.append((prev, cut.top))
        prev = cut.top
    bands.append((prev, float("inf")))
    for i, (lo, hi) in enumerate(bands):
        if i > 0:
            out.extend(_rows([cuts[i - 1]]))
        band_left = [ln for ln in left if lo <= _mid(ln) < hi]
        band_right = [ln for ln in right if lo <= _mid(ln) < hi]
        if band_left:
            out.extend(_ordered_rows(band_left, depth + 1))
        if band_left and band_right:
            out.append("")
        if band_right:
            out.extend(_ordered_rows(band_right, depth + 1))
    return out


_DATEISH = re.compile(
    r"(?:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|\b(?:19|20)\d\d\b|\b\d{1,2}/\d{2,4}\b"
    r"|\b(?:present|current|now|today|date|since|till|until|to|heute|actuel)\b|[-–—/.,]|\s)+",
    re.I,
)


def _is_dateish(text: str) -> bool:
    return bool(re.search(r"\d|present|current", text, re.I)) and not _DATEISH.sub("", text).strip()


def _is_margin(left: list[Line], right: list[Line]) -> bool:
    """A left margin of dates beside entries (moderncv): most of its lines are dates and it is much
    narrower than the right column (a sidebar of skills or contacts is neither)."""
    if not left:
        return False
    width_left = max(ln.x1 for ln in left) - min(ln.x0 for ln in left)
    width_right = max(ln.x1 for ln in right) - min(ln.x0 for ln in right)
    if width_left >= 0.6 * width_right:
        return False
    dated = sum(1 for ln in left if _is_dateish(ln.text))
    return dated >= 0.6 * len(left)


_OPEN_RANGE = re.compile(r"(?:[-–—]|\bto|\bbis|\buntil)\s*$", re.I)


def _blocks(lines: list[Line]) -> list[list[Line]]:
    """Margin lines, each its own block, except that a date ending in a dash ("June 2020 –")
    takes the line right under it ("Present") as its second half."""
    ordered = sorted(lines, key=lambda ln: ln.top)
    blocks: list[list[Line]] = []
    for ln in ordered:
        prev = blocks[-1][-1] if blocks else None
        if (
            prev is not None
            and _OPEN_RANGE.search(prev.text)
            and ln.top - prev.bottom <= 0.8 * min(ln.height, prev.height)
        ):
            blocks[-1].append(ln)
        else:
            blocks.append([ln])
    return blocks


def _margin_blocks(left: list[Line]) -> list[Line]:
    """Each margin block as one line at the height of its first line, so it joins that entry's row."""
    out = []
    for block in _blocks(left):
        first = block[0]
        text = " ".join(ln.text.strip() for ln in block)
        out.append(
            Line(
                min(ln.x0 for ln in block),
                first.top,
                max(ln.x1 for ln in block),
                first.bottom,
                text,
            )
        )
    return out


def _mid(line: Line) -> float:
    return (line.top + line.bottom) / 2


def _find_columns(lines: list[Line]) -> tuple[float, list[Line], list[Line], list[Line]] | None:
    """Find the best vertical gutter, or None when the lines form a single column."""
    if len(lines) < 6:
        return None
    lo = min(ln.x0 for ln in lines)
    hi = max(ln.x1 for ln in lines)
    width = hi - lo
    if width <= 0:
        return None
    best: tuple[int, float, list[Line], list[Line], list[Line]] | None = None
    for c in sorted({round(ln.x0, 1) for ln in lines}):
        if not lo + 0.15 * width <= c <= lo + 0.85 * width:
            continue
        left = [ln for ln in lines if ln.x1 <= c - _MIN_GUTTER]
        right = [ln for ln in lines if ln.x0 >= c - 0.5]
        if len(left) < 3 or len(right) < 3:
            continue
        spanning = [ln for ln in lines if ln.x1 > c - _MIN_GUTTER and ln.x0 < c - 0.5]
        if len(spanning) > 0.25 * len(lines):
            continue
        if not (_stacked(left) and _stacked(right)):
            continue
        beside = _beside(right, left)
        if beside < 3:
            continue
        score = beside - 2 * len(spanning)
        if best is None or score > best[0]:
            best = (score, c, left, right, spanning)
    if best is None:
        return None
    return best[1], best[2], best[3], best[4]


def _overlap(a: Line, b: Line) -> bool:
    return min(a.bottom, b.bottom) - max(a.top, b.top) > 0.3 * min(a.height, b.height)


def _beside(lines: list[Line], others: list[Line]) -> int:
    """How many of ``lines`` share a row with one of ``others`` (:func:`_overlap`).

    Only the others whose tops lie within reach of a line can overlap it (one starting below its
    bottom cannot, nor one starting higher than the tallest of them reaches), so each line is
    checked against that slice of the others sorted by top, not against all of them.
    """
    ordered = sorted(others, key=lambda ln: ln.top)
    tops = [ln.top for ln in ordered]
    reach = max(ln.bottom - ln.top for ln in ordered)
    return sum(
        1
        for ln in lines
        if any(
            _overlap(ln, o)
            for o in ordered[bisect_left(tops, ln.top - reach) : bisect_left(tops, ln.bottom)]
        )
    )


def _stacked(lines: list[Line]) -> bool:
    """True when most lines have another line of the same side right below them (a text column)."""
    ordered = sorted(lines, key=lambda ln: ln.top)
    h = median(ln.height for ln in ordered)
    close = sum(
        1
        for a, b in zip(ordered, ordered[1:])
        if 0 <= b.top - a.bottom <= 1.6 * h or _overlap(a, b)
    )
    return close >= 0.5 * (len(ordered) - 1)


def _rows(lines: list[Line]) -> list[str]:
    """Group lines sharing a baseline into rows, top to bottom, with blank lines at paragraph gaps."""
    ordered = sorted(lines, key=lambda ln: (ln.top, ln.x0))
    rows: list[list[Line]] = []
    for ln in ordered:
        if rows and _overlap(rows[-1][0], ln):
            rows[-1].append(ln)
        else:
            rows.append([ln])
    if not rows:
        return []
    # A blank line where rows are further apart than the usual line pitch (bottom to bottom, which
    # both engines place alike; their box heights differ), or than 2.2 line heights when every pitch is wide.
    bottoms = [max(ln.bottom for ln in row) for row in rows]
    pitches = [b - a for a, b in zip(bottoms, bottoms[1:]) if b > a]
    h = median(ln.height for ln in ordered)
    pitch = min(median(pitches), 1.6 * h) if pitches else 1.6 * h
    out: list[str] = []
    for i, row in enumerate(rows):
        row.sort(key=lambda ln: ln.x0)
        if i and bottoms[i] - bottoms[i - 1] > 1.45 * pitch:
            out.append("")
        out.append("  ".join(ln.text.strip() for ln in row))
    return out
