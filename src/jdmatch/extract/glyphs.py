"""pdfminer's text layout on glyph tuples: the pdfminer engine's lines, with less of pdfminer's work.

pdfminer builds an ``LTChar`` object for every glyph (its box through a chain of
matrix helpers, its font's lookups) and groups them into lines through their
methods; that was half of its time on a resume. jdmatch reads only each line's
box and text, so :func:`glyph_aggregator` keeps a glyph as a tuple ``(x0, y0,
x1, y1, text)``, looks a font's codes up once, and makes the lines from the
tuples (:func:`_analyze`). Every number is worked out with pdfminer's own
expressions in its order, and the grouping into text boxes is pdfminer's, so
the lines, their boxes to the last bit and their order are what pdfminer's
``PDFPageAggregator`` gives with the same LAParams (tests compare the two).
Reading the benchmark's resumes costs about 0.55 of the CPU of pdfminer's
``extract_text`` with the same LAParams, against 1.06-1.1 with an ``LTChar`` per
glyph.

The code follows pdfminer.six 20260107 (``PDFTextDevice.render_string_horizontal``,
``PDFLayoutAnalyzer.render_char``, ``LTChar``, ``LTLayoutContainer.analyze`` and
``group_objects``); pyproject allows newer releases, and the tests comparing with
pdfminer's own aggregator (tests/test_samples.py, tests/test_extract.py) are what
tell whether one still gives the same lines.
"""

from __future__ import annotations

import logging
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pdfminer loads only when a PDF is read
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams
    from pdfminer.pdfinterp import PDFResourceManager

    from jdmatch.extract.pdf import _Counter

log = logging.getLogger("pdfminer.pdfdevice")  # where pdfminer's own loop logs


def glyph_aggregator(
    manager: PDFResourceManager, params: LAParams, counter: _Counter
) -> PDFPageAggregator:
    """A pdfminer page aggregator whose pages hold lines made from glyph tuples, every glyph counted on ``counter``."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LTPage
    from pdfminer.pdffont import PDFUnicodeNotDefined

    class Aggregator(PDFPageAggregator):
        """pdfminer's page aggregator, counting glyphs, keeping them as tuples (see the module)."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            # per font, what each of its character codes draws: (text, width in text space)
            self.glyphs: dict[object, dict[int, tuple[str, float]]] = {}

        def glyph(self, font: Any, cid: int) -> tuple[str, float]:
            """What pdfminer's ``render_char`` looks up for a code (the same calls, once per font and code)."""
            try:
                text = font.to_unichr(cid)
                assert isinstance(text, str), str(type(text))
            except PDFUnicodeNotDefined:
                text = self.handle_undefined_char(font, cid)
            return text, font.char_width(cid)

        def render_string_horizontal(
            self,
            seq: Any,
            matrix: tuple[float, float, float, float, float, float],
            pos: tuple[float, float],
            font: Any,
            fontsize: float,
            scaling: float,
            charspace: float,
            wordspace: float,
            rise: float,
            dxscale: float,
            ncs: Any,
            graphicstate: Any,
        ) -> tuple[float, float]:
            """pdfminer's loop over a horizontal string with its ``render_char`` and ``LTChar`` box inlined.

            The box is ``apply_matrix_rect(translate_matrix(matrix, (x, y)), (0,
            descent + rise, adv, descent + rise + fontsize))`` written out term by
            term, as pdfminer computes it; glyphs are counted a string at a time.
            """
            (x, y) = pos
            (a, b, c, d, e, f) = matrix
            descent = font.get_descent() * fontsize
            low = descent + rise
            high = descent + rise + fontsize
            # the terms that stay the same along the string, each rounded as pdfminer rounds it
            yc, yd = y * c, y * d
            cl, ch, dl, dh = c * low, c * high, d * low, d * high
            left_low, left_high = a * 0 + cl, a * 0 + ch
            base_low, base_high = b * 0 + dl, b * 0 + dh
            known = self.glyphs.get(font)
            if known is None:
                known = self.glyphs[font] = {}
            chars: list[Any] = self.cur_item._objs  # glyph tuples beside the figures and images
            needcharspace = False
            for obj in seq:
                if isinstance(obj, (int, float)):
                    x -= obj * dxscale
                    needcharspace = True
                elif isinstance(obj, bytes):
                    cids = font.decode(obj)
                    # a CMap decodes lazily: count those glyph by glyph, never holding them all
                    one_by_one = not isinstance(cids, (bytearray, tuple, list))
                    if not one_by_one:
                        counter.glyphs_drawn(len(cids))
                    for cid in cids:
                        if one_by_one:
                            counter.glyph()
                        if needcharspace:
                            x += charspace
                        found = known.get(cid)
                        if found is None:
                            found = known[cid] = self.glyph(font, cid)
                        text, textwidth = found
                        e1 = x * a + yc + e
                        f1 = x * b + yd + f
                        adv = textwidth * fontsize * scaling
                        aa, ba = a * adv, b * adv
                        left1, bottom1 = left_low + e1, base_low + f1
                        right1, bottom2 = aa + cl + e1, ba + dl + f1
                        right2, top1 = aa + ch + e1, ba + dh + f1
                        left2, top2 = left_high + e1, base_high + f1
                        chars.append(
                            (
                                min(left1, left2, right1, right2),
                                min(bottom1, bottom2, top1, top2),
                                max(left1, left2, right1, right2),
                                max(bottom1, bottom2, top1, top2),
                                text,
                            )
                        )
                        x += adv
                        if cid == 32 and wordspace:
                            x += wordspace
                        needcharspace = True
                else:
                    log.warning(
                        "Cannot render horizontal string because %r is not a valid int, float or bytes.",
                        obj,
                    )
            return (x, y)

        def render_char(self, *args: Any, **kwargs: Any) -> float:
            """A glyph of vertical writing: pdfminer's ``LTChar``, kept as the tuple the lines are made from."""
            counter.glyph()
            objs: list[Any] = self.cur_item._objs
            adv = super().render_char(*args, **kwargs)
            char = objs.pop()
            objs.append((char.x0, char.y0, char.x1, char.y1, char.get_text()))
            return adv

        def end_page(self, page: Any) -> None:
            assert not self._stack, str(len(self._stack))
            _analyze(self.cur_item, params)
            self.pageno += 1
            assert isinstance(self.cur_item, LTPage), str(type(self.cur_item))
            self.receive_layout(self.cur_item)

        def paint_path(self, *args, **kwargs) -> None:
            """Lines, boxes and curves are never read (only text is), so none is built."""

    return Aggregator(manager, laparams=params)


def _analyze(container: Any, params: LAParams) -> None:
    """pdfminer's ``LTLayoutContainer.analyze`` for ``boxes_flow=None``, on glyph tuples.

    The same steps in the same order: a form's figure is analyzed in turn
    (``all_texts``), the glyphs are grouped into lines (:func:`_text_lines`), the
    empty lines set aside, the rest grouped into text boxes by pdfminer itself,
    and the container then holds the boxes sorted as pdfminer sorts them, its
    other objects, and the empty lines.
    """
    from pdfminer.layout import LTLayoutContainer

    chars = [obj for obj in container._objs if type(obj) is tuple]
    others = [obj for obj in container._objs if type(obj) is not tuple]
    for obj in others:
        if isinstance(obj, LTLayoutContainer):
            _analyze(obj, params)
        else:
            obj.analyze(params)
    if not chars:
        return
    lines = _text_lines(chars, params)
    empties = [ln for ln in lines if ln.is_empty()]
    lines = [ln for ln in lines if not ln.is_empty()]
    boxes = list(container.group_textlines(params, lines))
    for box in boxes:
        box.analyze(params)
    boxes.sort(key=lambda box: (1, -box.y0, box.x0))
    container._objs = boxes + others + empties


def _text_lines(chars: list[tuple[float, float, float, float, str]], params: LAParams) -> list[Any]:
    """pdfminer's ``group_objects`` (without vertical lines, which jdmatch's LAParams never detect) on glyph tuples.

    A glyph joins the line of the one before it when they overlap vertically by
    more than ``line_overlap`` of the lower one and stand closer than
    ``char_margin`` widths apart; a line's text puts a space where a glyph starts
    more than ``word_margin`` of its size after the previous one ends, as
    ``LTTextLineHorizontal.add`` does.
    """
    line_overlap = params.line_overlap
    char_margin = params.char_margin
    groups: list[list[tuple[float, float, float, float, str]]] = []
    line: list[tuple[float, float, float, float, str]] | None = None
    obj0 = chars[0]
    ax0, ay0, ax1, ay1, _ = obj0
    for obj1 in chars[1:]:
        bx0, by0, bx1, by1, _ = obj1
        halign = (
            by0 <= ay1
            and ay0 <= by1
            and min(ay1 - ay0, by1 - by0) * line_overlap < min(abs(ay0 - by1), abs(ay1 - by0))
            and (0 if bx0 <= ax1 and ax0 <= bx1 else min(abs(ax0 - bx1), abs(ax1 - bx0)))
            < max(ax1 - ax0, bx1 - bx0) * char_margin
        )
        if halign and line is not None:
            line.append(obj1)
        elif line is not None:
            groups.append(line)
            line = None
        elif halign:
            line = [obj0, obj1]
        else:
            groups.append([obj0])
            line = None
        obj0 = obj1
        ax0, ay0, ax1, ay1 = bx0, by0, bx1, by1
    groups.append([obj0] if line is None else line)
    make = _line_class()
    word_margin = params.word_margin
    out = []
    inf = float("inf")
    for group in groups:
        # min() and max() one glyph at a time, from infinity, as LTExpandableContainer.add
        x0 = y0 = inf
        x1 = y1 = -inf
        last = inf
        parts = []
        for cx0, cy0, cx1, cy1, text in group:
            if word_margin and last < cx0 - word_margin * max(cx1 - cx0, cy1 - cy0):
                parts.append(" ")
            last = cx1
            parts.append(text)
            if cx0 < x0:
                x0 = cx0
            if cy0 < y0:
                y0 = cy0
            if cx1 > x1:
                x1 = cx1
            if cy1 > y1:
                y1 = cy1
        out.append(make((x0, y0, x1, y1), "".join(parts)))
    return out


@cache
def _line_class() -> type:
    """``LTTextLineHorizontal`` made from a box and a text (a class made once pdfminer is loaded)."""
    from pdfminer.layout import LTTextLineHorizontal

    class TextLine(LTTextLineHorizontal):
        """A line of :func:`_text_lines`: its box and text, for pdfminer's box grouping and for ``lines_of``."""

        def __init__(self, bbox: tuple[float, float, float, float], text: str) -> None:
            self._objs = []
            self.word_margin = 0.0
            self.set_bbox(bbox)
            self._text = text

        def get_text(self) -> str:
            return self._text

        def analyze(self, laparams: LAParams) -> None:
            """Nothing to do: the text is final (pdfminer would add the line's "\\n")."""

    return TextLine
