"""Inline SVG charts: horizontal bars (wide and stacked for a phone) and a histogram."""

from __future__ import annotations

import math
from typing import Any

from jdmatch.report_html.page import _clamp, _clean, _e, _num, _pct, _short


def _hbar_chart(
    cid: str,
    label: str,
    items: list[dict[str, Any]],
    *,
    scale_max: float = 1.0,
    label_width: int = 300,
    extra_width: int = 0,
    axis: bool = False,
) -> str:
    """A horizontal bar chart: one ``<rect>`` per item (tracks and grid lines are ``<line>``).

    Each item: ``text`` (left label), ``value`` (0..scale_max), ``right`` (label after the bar),
    ``cls`` (rect class), optional ``extra`` (a column between label and bar), ``title`` (tooltip),
    ``label_cls``.
    """
    width, row_h, top = 900, 26, 8 + (18 if axis else 0)
    x0 = label_width + extra_width + 10
    bar_w = width - x0 - 90
    height = top + row_h * len(items) + 8
    out = [
        f'<svg id="{cid}" class="chart" role="img" aria-label="{_e(label)}" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" preserveAspectRatio="xMinYMin meet"><title>{_e(label)}</title>'
    ]
    if axis:
        for i in range(5):
            x = x0 + bar_w * i / 4
            out.append(
                f'<line class="grid" x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{height - 6}"/>'
            )
            out.append(
                f'<text class="small" x="{x:.1f}" y="{top - 8}" text-anchor="middle">{_e(_pct(scale_max * i / 4))}</text>'
            )
    max_chars = max(10, int(label_width / 7.2))
    for i, item in enumerate(items):
        y = top + i * row_h
        mid = y + row_h / 2
        frac = _clamp(_num(item.get("value")) / scale_max if scale_max > 0 else 0.0)
        text = _clean(item.get("text", ""))
        out.append("<g>")
        out.append(f"<title>{_e(item.get('title') or text)}</title>")
        lcls = f"lbl {item['label_cls']}" if item.get("label_cls") else "lbl"
        out.append(
            f'<text class="{lcls}" x="0" y="{mid + 4.5:.1f}">{_e(_short(text, max_chars))}</text>'
        )
        if item.get("extra") is not None:
            out.append(
                f'<text class="small" x="{label_width + extra_width:.1f}" y="{mid + 4:.1f}" text-anchor="end">{_e(item["extra"])}</text>'
            )
        out.append(
            f'<line class="track" x1="{x0}" y1="{mid:.1f}" x2="{x0 + bar_w}" y2="{mid:.1f}" stroke-width="14" stroke-linecap="butt"/>'
        )
        out.append(
            f'<rect class="{_e(item.get("cls", "bar-plain"))}" x="{x0}" y="{mid - 7:.1f}" width="{bar_w * frac:.1f}" height="14" rx="2"/>'
        )
        out.append(
            f'<text class="lbl" x="{x0 + bar_w + 8}" y="{mid + 4.5:.1f}">{_e(item.get("right", ""))}</text>'
        )
        out.append("</g>")
    out.append("</svg>")
    return "".join(out)


def _stacked_chart(cid: str, label: str, items: list[dict[str, Any]]) -> str:
    """The same bars as ``_hbar_chart`` for a phone: each label on its own line above its bar."""
    width, row_h, bar_w = 400, 40, 330
    height = row_h * len(items) + 4
    out = [
        f'<svg id="{cid}" class="chart" role="img" aria-label="{_e(label)}" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" preserveAspectRatio="xMinYMin meet"><title>{_e(label)}</title>'
    ]
    for i, item in enumerate(items):
        y = i * row_h
        frac = _clamp(_num(item.get("value")))
        text = _clean(item.get("text", ""))
        extra = f"  {item['extra']}" if item.get("extra") is not None else ""
        lcls = f"lbl {item['label_cls']}" if item.get("label_cls") else "lbl"
        out.append(f"<g><title>{_e(item.get('title') or text)}</title>")
        out.append(f'<text class="{lcls}" x="0" y="{y + 15}">{_e(_short(text, 52) + extra)}</text>')
        out.append(
            f'<line class="track" x1="0" y1="{y + 27}" x2="{bar_w}" y2="{y + 27}" stroke-width="12" stroke-linecap="butt"/>'
        )
        out.append(
            f'<rect class="{_e(item.get("cls", "bar-plain"))}" x="0" y="{y + 21}" width="{bar_w * frac:.1f}" height="12" rx="2"/>'
        )
        out.append(
            f'<text class="lbl" x="{bar_w + 8}" y="{y + 31}">{_e(item.get("right", ""))}</text></g>'
        )
    out.append("</svg>")
    return "".join(out)


def _histogram_chart(cid: str, label: str, bins: list[tuple[str, int]]) -> str:
    """Vertical bars, one ``<rect>`` per bin, counts above, bin labels below."""
    width, height, left, bottom, top = 900, 260, 40, 36, 24
    plot_w, plot_h = width - left - 10, height - top - bottom
    peak = max([n for _, n in bins] + [1])
    peak = 4 * math.ceil(peak / 4)  # four grid steps of whole documents
    slot = plot_w / max(len(bins), 1)
    base = top + plot_h
    out = [
        f'<svg id="{cid}" class="chart" role="img" aria-label="{_e(label)}" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" preserveAspectRatio="xMinYMin meet"><title>{_e(label)}</title>'
    ]
    for i in range(5):
        y = base - plot_h * i / 4
        out.append(f'<line class="grid" x1="{left}" y1="{y:.1f}" x2="{width - 10}" y2="{y:.1f}"/>')
        out.append(
            f'<text class="small" x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{_e(f"{peak * i // 4:,}")}</text>'
        )
    for i, (name, n) in enumerate(bins):
        h = plot_h * n / peak
        x = left + i * slot + slot * 0.12
        w = slot * 0.76
        cx = left + i * slot + slot / 2
        out.append(
            f"<g><title>{_e(f'score {name}: {n:,} document' + ('' if n == 1 else 's'))}</title>"
        )
        out.append(
            f'<rect class="bar-hist" x="{x:.1f}" y="{base - h:.1f}" width="{w:.1f}" height="{h:.1f}" rx="2"/>'
        )
        out.append(
            f'<text class="lbl" x="{cx:.1f}" y="{base - h - 6:.1f}" text-anchor="middle">{_e(f"{n:,}")}</text>'
        )
        out.append(
            f'<text class="small" x="{cx:.1f}" y="{base + 18}" text-anchor="middle">{_e(name)}</text></g>'
        )
    out.append(f'<line class="axis" x1="{left}" y1="{base}" x2="{width - 10}" y2="{base}"/>')
    out.append("</svg>")
    return "".join(out)
