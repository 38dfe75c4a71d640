"""PDF pages read with pypdfium2 (the optional fast engine): positioned lines for :mod:`jdmatch.extract.layout`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jdmatch.errors import (
    CorruptDocumentError,
    EncryptedDocumentError,
    MissingDependencyError,
    short_reason,
)
from jdmatch.extract.layout import Line, Page


def pdfium_pages(data: bytes, source: str) -> Iterator[Page]:
    try:
        import pypdfium2 as pdfium
    except ImportError:
        raise MissingDependencyError(
            "the pdfium engine needs pypdfium2: pip install 'jdmatch[pdfium]'", path=source
        ) from None
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise EncryptedDocumentError(
                "the PDF is encrypted and needs a password; save an unprotected copy and try again",
                path=source,
            ) from None
        raise CorruptDocumentError(
            f"the PDF is damaged or truncated ({short_reason(exc)}); re-export it", path=source
        ) from None
    loaded = 0
    last_error: Exception | None = None
    try:
        for index in range(len(pdf)):
            try:
                page = pdf[index]
            except (
                pdfium.PdfiumError
            ) as exc:  # one broken page (a looping page tree) does not sink the rest
                last_error = exc
                continue
            try:
                yield pdfium_lines(page)
                loaded += 1
            finally:
                page.close()
    finally:
        pdf.close()
    if not loaded and last_error is not None:
        raise CorruptDocumentError(
            f"the PDF is damaged ({short_reason(last_error)}); re-export it", path=source
        )


def pdfium_lines(page: object) -> Page:
    """Text segments of a pdfium page, joined into lines where they share a baseline and touch."""
    height = page.get_height()  # type: ignore[attr-defined]
    textpage = page.get_textpage()  # type: ignore[attr-defined]
    try:
        segments: list[Line] = []
        rects = [textpage.get_rect(i) for i in range(textpage.count_rects())]
        # each rect's first character (None or -1 where none is found there)
        firsts = [textpage.get_index(r[0] + 0.5, (r[1] + r[3]) / 2, 2, 2) for r in rects]
        for (left, bottom, right, top), index, text in zip(
            rects, firsts, _rect_texts(textpage, rects, firsts)
        ):
            # Rects hug the glyphs ("one" is shorter than "Of"); take the height of the font's
            # box of the first character instead, as pdfminer does, so both engines see the
            # same line heights and paragraph gaps.
            if index is not None and index >= 0:
                _, loose_bottom, _, loose_top = textpage.get_charbox(index, loose=True)
                if loose_top > loose_bottom:
                    bottom, top = loose_bottom, loose_top
            # pdfium marks a line-end hyphen as \x02 in bounded text, as U+FFFE in the page's text
            text = " ".join(text.replace("\x02", "-").replace("\ufffe", "-").split())
            if text:
                segments.append(Line(left, height - top, right, height - bottom, text))
    finally:
        textpage.close()
    segments.sort(key=lambda s: (round(s.top), s.x0))
    lines: list[Line] = []
    for seg in segments:
        if lines:
            last = lines[-1]
            same_row = min(last.bottom, seg.bottom) - max(last.top, seg.top) > 0.5 * min(
                last.height, seg.height
            )
            gap = seg.x0 - last.x1
            if same_row and -0.5 <= gap <= 0.8 * max(last.height, seg.height):
                # touching rects are one word split at a font or encoding change ("R" "&" "D")
                sep = "" if gap < 0.15 * min(last.height, seg.height) else " "
                lines[-1] = Line(
                    last.x0,
                    min(last.top, seg.top),
                    seg.x1,
                    max(last.bottom, seg.bottom),
                    f"{last.text}{sep}{seg.text}",
                )
                continue
        lines.append(seg)
    return Page(page.get_width(), height, lines)  # type: ignore[attr-defined]


def _rect_texts(
    textpage: Any, rects: list[tuple[float, float, float, float]], firsts: list[int | None]
) -> list[str]:
    """The text of each of a page's rects, in their order.

    A rect's characters run from its first one to the next rect's first, and the page's text is
    read in one call; pdfium's bounded text (a search of the whole page per rect, most of the
    engine's time on a resume) is asked only where that run is not exactly the rect: first
    characters out of order, a text whose length is not the character count (a character outside
    UCS-2), or a run pdfium itself boxes otherwise.
    """
    count = textpage.count_chars()
    whole = textpage.get_text_range()
    aligned = len(whole) == count
    ends = [*firsts[1:], count]
    out = []
    for rect, start, end in zip(rects, firsts, ends):
        if (
            aligned
            and start is not None
            and end is not None
            and 0 <= start < end <= count
            and textpage.count_rects(start, end - start) == 1
            and all(abs(a - b) < 0.01 for a, b in zip(textpage.get_rect(0), rect))
        ):
            out.append(whole[start:end])
        else:
            out.append(textpage.get_text_bounded(*rect))
    return out
