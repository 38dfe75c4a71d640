"""Self-contained HTML reports: one file each, no network, no external resources.

``score_html(result, profile)`` renders one :meth:`FitResult.to_dict` against a
:meth:`Profile.to_dict`; ``summary_html(summary, rows)`` renders a batch run from
:meth:`batch.Summary.to_dict` and the rows of its output (``batch.read_rows``).
Charts are inline SVG, styles and the few lines of script are inline, and a
strict Content-Security-Policy forbids loading anything. Every string that comes
from a document (ids, titles, file names, evidence, errors) is HTML-escaped; data
never goes into a script, a URL or an event handler. Only the standard library
is used (and the plain helpers of :mod:`jdmatch.report`, so that the terminal,
HTML and Markdown reports state the same facts in the same words).
"""

from __future__ import annotations

import heapq
import html
import math
import os
import re
from collections.abc import Iterable, Mapping
from typing import Any

from jdmatch.files import atomic_write_text

__all__ = ["score_html", "summary_html", "write_html", "CSP", "MAX_ROWS"]

CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
MAX_ROWS = 5000
MAX_FAILURES = 1000

# Lone surrogates cannot be encoded; C0 controls (but tab, LF, FF, CR), DEL, C1 controls and
# non-characters are parse errors in HTML. All become U+FFFD.
_BAD_CHARS = re.compile("[\ud800-\udfff\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")


def _clean(value: Any) -> str:
    text = "" if value is None else str(value)
    return _BAD_CHARS.sub("\ufffd", text)


def _e(value: Any) -> str:
    """Escape any value for an HTML text node or a quoted attribute."""
    return html.escape(_clean(value), quote=True)


def _num(value: Any, default: float = 0.0) -> float:
    """A finite float from a number or a numeric string; ``default`` otherwise."""
    if isinstance(value, bool):
        return float(value)
    try:
        f = float(value)
    except (TypeError, ValueError):
        return default
    return f if math.isfinite(f) else default


def _opt_num(value: Any) -> float | None:
    if value is None or value == "":
        return None
    f = _num(value, math.nan)
    return None if math.isnan(f) else f


def _clamp(x: float, lo: float = 0.0, hi: float = 1.0) -> float:
    return max(lo, min(hi, x))


def _pct(x: float, digits: int = 0) -> str:
    return f"{x * 100:.{digits}f}%"


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _fmt_int(n: int) -> str:
    return f"{n:,}"


def _list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, (list, tuple)) else []


# -- page ---------------------------------------------------------------------------------------

_CSS = """
:root{--fg:#1d2430;--muted:#5b6675;--line:#d9dee5;--bg:#ffffff;--panel:#f6f8fa;--accent:#2563eb;--core:#b45309;
--good:#15803d;--mid:#b7791f;--bad:#c2410c;--track:#e6e9ee}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif}
main{max-width:1100px;margin:0 auto;padding:24px 28px 48px}
h1{font-size:1.55rem;line-height:1.25;margin:0 0 4px;overflow-wrap:anywhere}
h2{font-size:1.15rem;margin:32px 0 8px;padding-bottom:4px;border-bottom:1px solid var(--line)}
p.sub,p.note,.muted{color:var(--muted)}
p.sub{margin:0 0 16px;overflow-wrap:anywhere}
p.note{font-size:.9rem;margin:6px 0}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0}
.card{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:130px}
.card .k{font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.card .v{font-size:1.5rem;font-weight:600;font-variant-numeric:tabular-nums}
.score{display:flex;align-items:center;gap:24px;flex-wrap:wrap;background:var(--panel);border:1px solid var(--line);border-radius:10px;padding:16px 20px}
.score .big{font-size:3.4rem;font-weight:700;line-height:1;font-variant-numeric:tabular-nums}
.score .big small{font-size:1.1rem;font-weight:400;color:var(--muted)}
.score .meta{flex:1;min-width:280px}
.bar{height:16px;background:var(--track);border-radius:8px;overflow:hidden;margin:6px 0 8px}
.bar>span{display:block;height:100%;border-radius:8px}
.mini{display:inline-block;vertical-align:middle;width:56px;height:7px;background:var(--track);border-radius:4px;overflow:hidden;margin-left:8px}
.mini>span{display:block;height:100%;background:var(--accent)}
.good{background:var(--good)}.mid{background:var(--mid)}.bad{background:var(--bad)}
.chart{width:100%;height:auto;display:block;margin:8px 0}
.chart text{font-family:inherit;fill:var(--fg)}
.chart .lbl{font-size:13px}.chart .small{font-size:11px;fill:var(--muted)}
.chart .core{fill:var(--core)}
.chart rect.bar-core{fill:var(--core)}.chart rect.bar-plain,.chart rect.bar-hist,.chart rect.bar-skill{fill:var(--accent)}
.chart line.track{stroke:var(--track)}.chart line.axis{stroke:#8a94a3}.chart line.grid{stroke:var(--line);stroke-dasharray:3 3}
.chart-narrow{display:none}
.legend{font-size:.85rem;color:var(--muted)}
.legend .sw{display:inline-block;width:10px;height:10px;border-radius:2px;margin:0 4px 0 10px;vertical-align:baseline}
table{border-collapse:collapse;width:100%;margin:8px 0;font-size:.92rem}
th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid var(--line);overflow-wrap:anywhere}
th{background:var(--panel);font-weight:600;white-space:nowrap}
td.id,td.title{min-width:12em}td.skills{min-width:14em}td.status{min-width:9em}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tbody tr:nth-child(even){background:#fbfcfd}
.ev{background:#eef2ff;border-radius:4px;padding:0 4px;margin-right:4px;white-space:pre-wrap}
.tag{display:inline-block;font-size:.75rem;padding:0 6px;border-radius:10px;background:#fdf0e1;color:var(--core);border:1px solid #f2d2a8}
.st-ok{color:var(--good)}.st-error{color:var(--bad);font-weight:600}
th.sortable{cursor:pointer;user-select:none}
th.sortable:hover{background:#eceff3}
th[aria-sort=ascending]::after{content:" \\25B2";font-size:.7em}
th[aria-sort=descending]::after{content:" \\25BC";font-size:.7em}
.scroll{max-width:100%;overflow-x:auto}
.score .band{font-size:1.2rem;margin:0 0 2px}
.story{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:12px 28px;margin:16px 0}
.story h2{margin-top:8px}
dl.facts{margin:0;display:grid;grid-template-columns:max-content 1fr;gap:4px 14px}
dl.facts dt{color:var(--muted);font-weight:600}
dl.facts dd{margin:0;overflow-wrap:anywhere}
ul.gaps{margin:0;padding-left:1.2em}
ul.gaps li{margin:3px 0;overflow-wrap:anywhere}
ul.gaps li.gap::marker{color:var(--bad)}
p.ok{color:var(--good);margin:0}
footer{margin-top:36px;font-size:.8rem;color:var(--muted)}
@media (max-width:600px){
  main{padding:16px 14px 36px}
  h1{font-size:1.25rem}
  .score{gap:12px;padding:12px 14px}.score .big{font-size:2.6rem}.score .meta{min-width:0}
  .card{min-width:0;flex:1 1 40%;padding:6px 10px}.card .v{font-size:1.2rem}
  .chart-wide{display:none}.chart-narrow{display:block}
  .score{display:block}.score .big{margin-bottom:8px}
  th,td{padding:5px 5px;overflow-wrap:break-word}
  .grp{display:none}
}
@media print{
  body{font-size:11pt}
  main{max-width:none;padding:0}
  .card,.score{border-color:#999}
  h2{break-after:avoid}
  tr,svg,.score,.cards{break-inside:avoid}
  th.sortable{cursor:auto}
  th[aria-sort]::after{content:none}
  .bar>span,.mini>span,.good,.mid,.bad{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  .chart{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
"""

# Makes every table.sortable sortable by clicking a header. It only moves existing rows; it
# never builds markup from data. Without script the tables keep their server-side order.
_SORT_JS = """
(function(){
  function key(td){ if(!td) return ""; var v = td.getAttribute("data-v"); return v === null ? td.textContent.trim().toLowerCase() : v; }
  function cmp(a, b){
    var x = parseFloat(a), y = parseFloat(b);
    if(!isNaN(x) && !isNaN(y) && String(x) === String(Number(a)) && String(y) === String(Number(b))) return x - y;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  var tables = document.querySelectorAll("table.sortable");
  Array.prototype.forEach.call(tables, function(table){
    var body = table.tBodies[0]; if(!body) return;
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function(th, col){
      th.classList.add("sortable"); th.tabIndex = 0; th.title = "Sort by this column";
      function sort(){
        var desc = th.getAttribute("aria-sort") === "ascending";
        Array.prototype.forEach.call(heads, function(h){ h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", desc ? "descending" : "ascending");
        var rows = Array.prototype.slice.call(body.rows).map(function(r, i){ return [key(r.cells[col]), i, r]; });
        rows.sort(function(p, q){ var c = cmp(p[0], q[0]); return (desc ? -c : c) || p[1] - q[1]; });
        var frag = document.createDocumentFragment();
        rows.forEach(function(p){ frag.appendChild(p[2]); });
        body.appendChild(frag);
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function(ev){ if(ev.key === "Enter" || ev.key === " "){ ev.preventDefault(); sort(); } });
    });
    var hint = document.getElementById(table.id + "-hint");
    if(hint) hint.hidden = false;
  });
})();
"""


def _page(title: str, body: str, *, script: bool = False) -> str:
    parts = [
        "<!DOCTYPE html>\n",
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{_e(CSP)}">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        '<meta name="referrer" content="no-referrer">\n',
        '<meta name="generator" content="jdmatch">\n',
        f"<title>{_e(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n<main>\n",
        body,
        '\n<footer>Generated by jdmatch. This file is self-contained: it loads nothing from the network.</footer>\n',
        "</main>\n",
    ]
    if script:
        parts.append(f"<script>{_SORT_JS}</script>\n")
    parts.append("</body>\n</html>\n")
    return _clean("".join(parts))


def _card(label: str, value: str) -> str:
    return f'<div class="card"><div class="k">{_e(label)}</div><div class="v">{_e(value)}</div></div>'


def _tone(score01: float) -> str:
    return "good" if score01 >= 0.7 else "mid" if score01 >= 0.4 else "bad"


def _table(tid: str, caption: str, headers: list[tuple[str, str]], rows: list[list[tuple[str, str]]], *, sortable: bool = False) -> str:
    """``headers``: (label, css class); ``rows``: cells as (inner HTML already escaped, td attributes)."""
    cls = ' class="sortable"' if sortable else ""
    out = [f'<div class="scroll"><table id="{tid}"{cls}><caption class="muted" style="text-align:left">{_e(caption)}</caption><thead><tr>']
    for label, klass in headers:
        klass_attr = f' class="{klass}"' if klass else ""
        out.append(f'<th scope="col"{klass_attr}>{_e(label)}</th>')
    out.append("</tr></thead><tbody>\n")
    for row in rows:
        out.append("<tr>" + "".join(f"<td{(' ' + attrs) if attrs else ''}>{inner}</td>" for inner, attrs in row) + "</tr>\n")
    out.append("</tbody></table></div>")
    return "".join(out)


# -- charts ---------------------------------------------------------------------------------------


def _hbar_chart(cid: str, label: str, items: list[dict[str, Any]], *, scale_max: float = 1.0, label_width: int = 300,
                extra_width: int = 0, axis: bool = False) -> str:
    """A horizontal bar chart: one ``<rect>`` per item (tracks and grid lines are ``<line>``).

    Each item: ``text`` (left label), ``value`` (0..scale_max), ``right`` (label after the bar),
    ``cls`` (rect class), optional ``extra`` (a column between label and bar), ``title`` (tooltip),
    ``label_cls``.
    """
    width, row_h, top = 900, 26, 8 + (18 if axis else 0)
    x0 = label_width + extra_width + 10
    bar_w = width - x0 - 90
    height = top + row_h * len(items) + 8
    out = [f'<svg id="{cid}" class="chart" role="img" aria-label="{_e(label)}" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" preserveAspectRatio="xMinYMin meet"><title>{_e(label)}</title>']
    if axis:
        for i in range(5):
            x = x0 + bar_w * i / 4
            out.append(f'<line class="grid" x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{height - 6}"/>')
            out.append(f'<text class="small" x="{x:.1f}" y="{top - 8}" text-anchor="middle">{_e(_pct(scale_max * i / 4))}</text>')
    max_chars = max(10, int(label_width / 7.2))
    for i, item in enumerate(items):
        y = top + i * row_h
        mid = y + row_h / 2
        frac = _clamp(_num(item.get("value")) / scale_max if scale_max > 0 else 0.0)
        text = _clean(item.get("text", ""))
        out.append("<g>")
        out.append(f"<title>{_e(item.get('title') or text)}</title>")
        lcls = f"lbl {item['label_cls']}" if item.get("label_cls") else "lbl"
        out.append(f'<text class="{lcls}" x="0" y="{mid + 4.5:.1f}">{_e(_short(text, max_chars))}</text>')
        if item.get("extra") is not None:
            out.append(f'<text class="small" x="{label_width + extra_width:.1f}" y="{mid + 4:.1f}" text-anchor="end">{_e(item["extra"])}</text>')
        out.append(f'<line class="track" x1="{x0}" y1="{mid:.1f}" x2="{x0 + bar_w}" y2="{mid:.1f}" stroke-width="14" stroke-linecap="butt"/>')
        out.append(f'<rect class="{_e(item.get("cls", "bar-plain"))}" x="{x0}" y="{mid - 7:.1f}" width="{bar_w * frac:.1f}" height="14" rx="2"/>')
        out.append(f'<text class="lbl" x="{x0 + bar_w + 8}" y="{mid + 4.5:.1f}">{_e(item.get("right", ""))}</text>')
        out.append("</g>")
    out.append("</svg>")
    return "".join(out)


def _stacked_chart(cid: str, label: str, items: list[dict[str, Any]]) -> str:
    """The same bars as ``_hbar_chart`` for a phone: each label on its own line above its bar."""
    width, row_h, bar_w = 400, 40, 330
    height = row_h * len(items) + 4
    out = [f'<svg id="{cid}" class="chart" role="img" aria-label="{_e(label)}" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" preserveAspectRatio="xMinYMin meet"><title>{_e(label)}</title>']
    for i, item in enumerate(items):
        y = i * row_h
        frac = _clamp(_num(item.get("value")))
        text = _clean(item.get("text", ""))
        extra = f"  {item['extra']}" if item.get("extra") is not None else ""
        lcls = f"lbl {item['label_cls']}" if item.get("label_cls") else "lbl"
        out.append(f"<g><title>{_e(item.get('title') or text)}</title>")
        out.append(f'<text class="{lcls}" x="0" y="{y + 15}">{_e(_short(text, 52) + extra)}</text>')
        out.append(f'<line class="track" x1="0" y1="{y + 27}" x2="{bar_w}" y2="{y + 27}" stroke-width="12" stroke-linecap="butt"/>')
        out.append(f'<rect class="{_e(item.get("cls", "bar-plain"))}" x="0" y="{y + 21}" width="{bar_w * frac:.1f}" height="12" rx="2"/>')
        out.append(f'<text class="lbl" x="{bar_w + 8}" y="{y + 31}">{_e(item.get("right", ""))}</text></g>')
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
    out = [f'<svg id="{cid}" class="chart" role="img" aria-label="{_e(label)}" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" preserveAspectRatio="xMinYMin meet"><title>{_e(label)}</title>']
    for i in range(5):
        y = base - plot_h * i / 4
        out.append(f'<line class="grid" x1="{left}" y1="{y:.1f}" x2="{width - 10}" y2="{y:.1f}"/>')
        out.append(f'<text class="small" x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{_e(f"{peak * i // 4:,}")}</text>')
    for i, (name, n) in enumerate(bins):
        h = plot_h * n / peak
        x = left + i * slot + slot * 0.12
        w = slot * 0.76
        cx = left + i * slot + slot / 2
        out.append(f"<g><title>{_e(f'score {name}: {n:,} document' + ('' if n == 1 else 's'))}</title>")
        out.append(f'<rect class="bar-hist" x="{x:.1f}" y="{base - h:.1f}" width="{w:.1f}" height="{h:.1f}" rx="2"/>')
        out.append(f'<text class="lbl" x="{cx:.1f}" y="{base - h - 6:.1f}" text-anchor="middle">{_e(f"{n:,}")}</text>')
        out.append(f'<text class="small" x="{cx:.1f}" y="{base + 18}" text-anchor="middle">{_e(name)}</text></g>')
    out.append(f'<line class="axis" x1="{left}" y1="{base}" x2="{width - 10}" y2="{base}"/>')
    out.append("</svg>")
    return "".join(out)


# -- score report ---------------------------------------------------------------------------------


def score_html(result: Mapping[str, Any], profile: Mapping[str, Any], *, title: str | None = None) -> str:
    """A self-contained HTML page for one scored document (``FitResult.to_dict()``).

    ``profile`` is ``Profile.to_dict()`` (only its title and coverage weight are used;
    ``{}`` is fine).
    """
    from jdmatch.report import as_of_text, band_meaning, compact_gaps, level_facts, subject_line

    result = result or {}
    profile = profile or {}
    source = _clean(result.get("source", "<text>"))
    ptitle = _clean(profile.get("title") or result.get("profile") or "profile")
    page_title = _clean(title) if title is not None else _clean(subject_line(result, profile, with_file=False))
    score = _clamp(_num(result.get("score")), 0.0, 100.0)
    coverage = _clamp(_num(result.get("coverage")))
    similarity = _clamp(_num(result.get("similarity")))
    cosine = _num(result.get("cosine"))
    cw = _opt_num(profile.get("coverage_weight"))

    if profile.get("id") == "posting":
        against = (f'the job posting <strong>{_e(ptitle)}</strong>'
                   + (f' ({_e(profile.get("source"))})' if profile.get("source") else ""))
    else:
        against = f'the profile <strong>{_e(ptitle)}</strong>{_e(" (" + _clean(profile.get("id")) + ")") if profile.get("id") else ""}'
    b: list[str] = [f"<h1>{_e(page_title)}</h1>",
                    f'<p class="sub">Document <strong>{_e(source)}</strong> scored against {against}.</p>']

    # The score, big, with a bar, and the band it falls in.
    tone = _tone(score / 100)
    detail = f"coverage {_pct(coverage)}" + (f" (weight {_pct(cw)})" if cw is not None else "")
    detail += f" · similarity {_pct(similarity)} (TF-IDF cosine {cosine:.3f})"
    band = _clean(result.get("band") or "")
    contrast = _opt_num(result.get("contrast"))
    verdict = ""
    if band:
        meaning = band_meaning(band)
        verdict = (f'<p class="band"><strong id="band">{_e(band)}</strong>'
                   + (f' <span class="muted" id="band-meaning">— {_e(meaning)}</span>' if meaning else "") + "</p>")
    b.append('<section class="score" aria-label="Score">'
             f'<div class="big" id="score-value">{_e(f"{score:.1f}")}<small> / 100</small></div>'
             '<div class="meta">' + verdict +
             f'<div class="bar" role="img" aria-label="{_e(f"score {score:.1f} of 100")}"><span class="{tone}" style="width:{score:.1f}%"></span></div>'
             f'<div class="muted">{_e(detail)}</div></div></section>')

    # The story beside the numbers: level, years, the date used for "Present"; the gaps and notes.
    level, years, evidence = level_facts(result)
    facts = [("Level", (level or "unknown") + (f" ({evidence})" if evidence else ""), "fact-level")]
    if years:
        facts.append(("Experience", years, "fact-years"))
    when = as_of_text(result)
    if when:
        facts.append(("Dates", when, "fact-as-of"))
    story = ['<section class="story" id="story">',
             '<div><h2>Level and experience</h2><dl class="facts">'
             + "".join(f'<dt>{_e(k)}</dt><dd id="{i}">{_e(_clean(v))}</dd>' for k, v, i in facts) + "</dl></div>"]
    gaps = compact_gaps(_clean(g) for g in _list(result.get("gaps")))
    notes = [_clean(n) for n in _list(result.get("notes"))]
    items = "".join(f'<li class="gap">{_e(g)}</li>' for g in gaps) + "".join(f'<li class="note">{_e(n)}</li>' for n in notes)
    story.append('<div id="gaps"><h2>Gaps and notes</h2>'
                 + (f'<ul class="gaps">{items}</ul>' if items else
                    '<p class="ok">No gap: the required skills, the years and the level asked are there.</p>') + "</div>")
    story.append("</section>")
    b.append("".join(story))
    b.append('<div class="cards">' + _card("score", f"{score:.1f}") + _card("coverage", _pct(coverage))
             + (_card("reads like the role", _pct(_clamp(contrast))) if contrast is not None else "") + _card("similarity", _pct(similarity))
             + _card("matched skills", str(len(_list(result.get("matched"))))) + _card("missing skills", str(len(_list(result.get("missing"))))) + "</div>")

    # Coverage per group.
    groups = [g for g in _list(result.get("groups")) if isinstance(g, Mapping)]
    b.append("<h2>Coverage by group</h2>")
    if groups:
        items = []
        for g in groups:
            name = _clean(g.get("name") or g.get("id") or "")
            cov = _clamp(_num(g.get("coverage")))
            core = bool(g.get("core"))
            weight = _num(g.get("weight"))
            mode = _clean(g.get("mode") or "")
            items.append({"text": ("\u2605 " if core else "") + name, "value": cov, "right": _pct(cov),
                          "extra": f"\u00d7{weight:g}", "cls": "bar-core" if core else "bar-plain",
                          "label_cls": "core" if core else "",
                          "title": f"{name}: {_pct(cov)} covered; weight {weight:g}, mode {mode}{', core group' if core else ''}"})
        longest = max(len(i["text"]) for i in items)
        b.append('<div class="chart-wide">' + _hbar_chart("chart-groups", "Coverage by profile group", items,
                                                         label_width=360 if longest > 40 else 300, extra_width=50) + "</div>")
        b.append('<div class="chart-narrow">' + _stacked_chart("chart-groups-narrow", "Coverage by profile group", items) + "</div>")
        b.append('<p class="legend"><span class="sw" style="background:var(--core)"></span>\u2605 core group'
                 '<span class="sw" style="background:var(--accent)"></span>other group'
                 ' · ×n is the group\u2019s weight in the coverage score</p>')
    else:
        b.append('<p class="note">The profile has no groups; there is nothing to cover.</p>')

    # Matched skills with evidence.
    matched = [m for m in _list(result.get("matched")) if isinstance(m, Mapping)]
    b.append(f"<h2>Matched skills ({len(matched)})</h2>")
    if matched:
        rows = []
        for m in matched:
            mentions = [_clean(t) for t in _list(m.get("mentions"))]
            if mentions:
                shown = list(dict.fromkeys(mentions))[:6]
                ev = "".join(f'<span class="ev">{_e(_short(t, 200))}</span>' for t in shown)
                more = len(_list(m.get("spans"))) or len(mentions)
                if more > len(shown):
                    ev += f' <span class="muted">({more} mentions)</span>'
            elif _list(m.get("implied_by")):
                ev = '<span class="muted">implied by</span> ' + _e(", ".join(_clean(x) for x in _list(m.get("implied_by"))))
            else:
                ev = '<span class="muted">\u2014</span>'
            depth = m.get("depth") if isinstance(m.get("depth"), Mapping) else {}
            rows.append([(_e(m.get("name") or m.get("id") or ""), ""), (_e(m.get("group") or ""), 'class="muted grp"'),
                         (_e(_clean(depth.get("summary") or "")), 'class="depth"'), (ev, "")])
        b.append(_table("table-matched", "Skills of the profile found in the document, how deeply it shows them, and the text that does",
                        [("skill", "skill"), ("group", "grp"), ("depth", ""), ("evidence", "")], rows))
    else:
        b.append('<p class="note">No skill of the profile was found in the document.</p>')

    # Missing skills with the points each would add.
    missing = [m for m in _list(result.get("missing")) if isinstance(m, Mapping)]
    b.append(f"<h2>Missing skills ({len(missing)})</h2>")
    if missing:
        rows = [[(_e(_clean(m.get("name") or m.get("id") or "") + (" (or " + ", ".join(_clean(a) for a in _list(m.get("alternatives"))[:3]) + ")"
                                                                      if _list(m.get("alternatives")) else "")), ""), (_e(m.get("group") or ""), 'class="muted grp"'),
                 (_e(f"{_num(m.get('gain')):+.1f}"), f'class="num" data-v="{_num(m.get("gain")):.4f}"')] for m in missing]
        b.append(_table("table-missing", "Profile skills the document lacks, by the points naming each would add to the score",
                        [("skill", "skill"), ("group", "grp"), ("+points", "num")], rows))
    else:
        b.append('<p class="note">Nothing is missing.</p>')

    # Top TF-IDF terms.
    terms = [t for t in _list(result.get("top_terms")) if isinstance(t, Mapping)]
    if terms:
        peak = max([_num(t.get("contribution")) for t in terms] + [1e-12])
        b.append("<h2>Terms behind the TF-IDF similarity</h2>")
        rows = []
        for t in terms:
            c = _num(t.get("contribution"))
            rows.append([(_e(t.get("name") or t.get("term") or ""), ""), (_e(t.get("term") or ""), 'class="muted"'),
                         (f'{_e(f"{c:.4f}")}<span class="mini"><span style="width:{_clamp(c / peak) * 100:.0f}%"></span></span>', 'class="num"')])
        b.append(_table("table-terms", "The terms that contribute most to the cosine between the document and the profile",
                        [("term", ""), ("token", ""), ("share of cosine", "num")], rows))
    return _page(page_title, "\n".join(b))


# -- batch summary --------------------------------------------------------------------------------


def _row_score(row: Mapping[str, Any]) -> float | None:
    if str(row.get("status", "")) != "ok":
        return None
    return _opt_num(row.get("score"))


def summary_html(summary: Mapping[str, Any], rows: Iterable[Mapping[str, Any]], *, title: str = "jdmatch batch summary",
                 max_rows: int = MAX_ROWS) -> str:
    """A self-contained HTML page for a batch run.

    ``summary`` is ``Summary.to_dict()``; ``rows`` the rows of the output file
    (``batch.read_rows(path)``), read once, lazily. The ranked table shows the
    ``max_rows`` highest-scoring rows (rows that failed come last); the failures
    table lists the rows whose status is not ``ok`` (or ``summary["failures"]``
    when the rows have none).
    """
    summary = summary or {}
    max_rows = max(0, int(max_rows))
    # Keep the best max_rows rows without holding all of them: a min-heap on (score, -seq).
    heap: list[tuple[float, int, dict[str, str]]] = []
    failures: list[tuple[str, str]] = []
    total = n_ok = n_failed = 0
    for seq, row in enumerate(rows or ()):
        if not isinstance(row, Mapping):
            continue
        total += 1
        s = _row_score(row)
        status = _clean(row.get("status", ""))
        if status != "ok":
            n_failed += 1
            if len(failures) < MAX_FAILURES:
                failures.append((_clean(row.get("source") or row.get("id") or ""), _clean(row.get("error") or "")))
        else:
            n_ok += 1
        key = s if s is not None else -1.0
        slim = {k: _clean(row.get(k, "")) for k in ("id", "title", "source", "top_skills", "missing_core", "error")}
        slim["status"] = status
        slim["score"] = "" if s is None else f"{s:.2f}"
        entry = (key, -seq, slim)
        if len(heap) < max_rows:
            heapq.heappush(heap, entry)
        elif max_rows and entry[:2] > heap[0][:2]:
            heapq.heapreplace(heap, entry)
    ranked = [e[2] for e in sorted(heap, key=lambda e: (e[0], e[1]), reverse=True)]
    if not failures and n_failed == 0:
        for f in _list(summary.get("failures"))[:MAX_FAILURES]:
            if isinstance(f, Mapping):
                failures.append((_clean(f.get("source", "")), _clean(f.get("error", ""))))

    count = int(_num(summary.get("count"), total))
    ok = int(_num(summary.get("ok"), n_ok))
    failed = int(_num(summary.get("failed"), n_failed))
    skipped = int(_num(summary.get("skipped_already_done")))
    seconds = _opt_num(summary.get("seconds"))

    b: list[str] = [f"<h1>{_e(title)}</h1>"]
    sub = f"{_fmt_int(count)} documents scored" + (f" in {seconds:.1f} s" if seconds is not None else "")
    if skipped:
        sub += f"; {_fmt_int(skipped)} already done in an earlier run were skipped"
    b.append(f'<p class="sub">{_e(sub)}.</p>')
    b.append('<div class="cards" id="counts">' + _card("documents", _fmt_int(count)) + _card("ok", _fmt_int(ok)) + _card("failed", _fmt_int(failed))
             + (_card("skipped", _fmt_int(skipped)) if skipped else "") + "</div>")

    # Score distribution.
    dist = summary.get("score_distribution") if isinstance(summary.get("score_distribution"), Mapping) else {}
    b.append("<h2>Score distribution</h2>")
    hist = dist.get("histogram") if isinstance(dist.get("histogram"), Mapping) else {}
    if hist:
        stats = [(k, dist.get(k)) for k in ("min", "p25", "median", "p75", "max", "mean") if _opt_num(dist.get(k)) is not None]
        b.append('<div class="cards">' + "".join(_card(k, f"{_num(v):.1f}") for k, v in stats) + "</div>")
        bins = [(_clean(k), max(0, int(_num(v)))) for k, v in hist.items()]
        b.append(_histogram_chart("chart-histogram", "Number of documents per score band (0-100)", bins))
    else:
        b.append('<p class="note">No document was scored, so there is no distribution.</p>')

    # Most demanded skills.
    demanded = [d for d in _list(summary.get("most_demanded_skills")) if isinstance(d, Mapping)]
    b.append("<h2>Most demanded skills</h2>")
    if demanded:
        peak = max(_clamp(_num(d.get("share"))) for d in demanded)
        scale = min(1.0, max(0.1, math.ceil(peak * 10 - 1e-9) / 10))
        items = [{"text": _clean(d.get("name") or d.get("id") or ""), "value": _clamp(_num(d.get("share"))), "cls": "bar-skill",
                  "right": f"{_pct(_clamp(_num(d.get('share'))))} ({int(_num(d.get('postings'))):,})",
                  "title": f"{_clean(d.get('name') or d.get('id') or '')}: in {int(_num(d.get('postings'))):,} postings ({_pct(_clamp(_num(d.get('share'))), 1)} of those scored)"}
                 for d in demanded]
        b.append(_hbar_chart("chart-demanded", "Share of scored postings that ask for each skill", items, scale_max=scale, label_width=260, axis=True))
        b.append('<p class="note">Share of the successfully scored postings that mention the skill (the number of postings in brackets).</p>')
    else:
        b.append('<p class="note">No skills were found.</p>')

    # Most missing skills.
    missing = [d for d in _list(summary.get("most_missing_skills")) if isinstance(d, Mapping)]
    b.append("<h2>Most missing core skills</h2>")
    if missing:
        trs = [[(_e(d.get("name") or d.get("id") or ""), ""), (_e(f"{int(_num(d.get('postings'))):,}"), 'class="num"'),
                (_e(_pct(_clamp(_num(d.get("share"))), 1)) + f'<span class="mini"><span style="width:{_clamp(_num(d.get("share"))) * 100:.0f}%"></span></span>', 'class="num"')]
               for d in missing]
        b.append(_table("table-missing", "Core skills of the profile most often absent from the documents",
                        [("skill", ""), ("documents", "num"), ("share", "num")], trs))
    else:
        b.append('<p class="note">No core skill is missing anywhere.</p>')

    # Ranked table.
    b.append(f"<h2>Ranked documents ({_fmt_int(total)})</h2>")
    if ranked:
        if total > len(ranked):
            b.append(f'<p class="note" id="table-ranked-capped">Showing the {_fmt_int(len(ranked))} highest-scoring of {_fmt_int(total)} documents; '
                     'the output file has them all.</p>')
        b.append('<p class="note" id="table-ranked-hint" hidden>Click a column header to sort by it; click again to reverse.</p>')
        trs = []
        for rank, r in enumerate(ranked, 1):
            s = _opt_num(r["score"])
            score_cell = ("" if s is None else _e(f"{s:.1f}") + f'<span class="mini"><span class="{_tone(s / 100)}" style="width:{_clamp(s / 100) * 100:.0f}%"></span></span>')
            st = r["status"] or "?"
            st_cell = f'<span class="{"st-ok" if st == "ok" else "st-error"}">{_e(st)}</span>'
            if st != "ok" and r["error"]:
                st_cell += f'<br><span class="muted">{_e(_short(r["error"], 160))}</span>'
            trs.append([(str(rank), f'class="num" data-v="{rank}"'), (_e(r["id"]), 'class="id"'), (_e(r["title"] or r["source"]), 'class="title"'),
                        (score_cell, f'class="num" data-v="{-1 if s is None else s:.2f}"'),
                        (_e(r["top_skills"]), 'class="skills"'), (_e(r["missing_core"]), 'class="skills"'), (st_cell, f'class="status" data-v="{_e(st)}"')])
        b.append(_table("table-ranked", "Documents by score, best first",
                        [("#", "num"), ("id", ""), ("title", ""), ("score", "num"), ("top skills", ""), ("missing core", ""), ("status", "")],
                        trs, sortable=True))
    else:
        b.append('<p class="note">There are no rows.</p>')

    # Failures.
    b.append(f"<h2>Failures ({_fmt_int(max(failed, n_failed))})</h2>")
    if failures:
        if max(failed, n_failed) > len(failures):
            b.append(f'<p class="note">Showing the first {_fmt_int(len(failures))}.</p>')
        b.append(_table("table-failures", "Documents that could not be scored, and why",
                        [("source", ""), ("error", "")], [[(_e(s), ""), (_e(err), "")] for s, err in failures]))
    else:
        b.append('<p class="note">No document failed.</p>')
    return _page(title, "\n".join(b), script=bool(ranked))


def write_html(path: str | os.PathLike[str], html_text: str) -> None:
    """Write a report atomically (a temporary file renamed into place), as UTF-8."""
    atomic_write_text(path, _clean(html_text))
