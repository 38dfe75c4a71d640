"""The report for a batch run, one function per section of the page."""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Mapping
from typing import Any

from jdmatch.report_html.charts import _hbar_chart, _histogram_chart
from jdmatch.report_html.page import (
    MAX_FAILURES,
    MAX_ROWS,
    _card,
    _clamp,
    _clean,
    _e,
    _fmt_int,
    _list,
    _num,
    _opt_num,
    _page,
    _pct,
    _short,
    _table,
    _tone,
)


def _row_score(row: Mapping[str, Any]) -> float | None:
    if str(row.get("status", "")) != "ok":
        return None
    return _opt_num(row.get("score"))


def summary_html(
    summary: Mapping[str, Any],
    rows: Iterable[Mapping[str, Any]],
    *,
    title: str = "jdmatch batch summary",
    max_rows: int = MAX_ROWS,
) -> str:
    """A self-contained HTML page for a batch run.

    ``summary`` is ``Summary.to_dict()``; ``rows`` the rows of the output file
    (``batch.read_rows(path)``), read once, lazily. The ranked table shows the
    ``max_rows`` highest-scoring rows (rows that failed come last); the failures
    table lists the rows whose status is not ``ok`` (or ``summary["failures"]``
    when the rows have none).
    """
    summary = summary or {}
    max_rows = max(0, int(max_rows))
    ranked, failures, total, n_ok, n_failed = _collect(rows, max_rows)
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
    sub = f"{_fmt_int(count)} documents scored" + (
        f" in {seconds:.1f} s" if seconds is not None else ""
    )
    if skipped:
        sub += f"; {_fmt_int(skipped)} already done in an earlier run were skipped"
    b.append(f'<p class="sub">{_e(sub)}.</p>')
    b.append(
        '<div class="cards" id="counts">'
        + _card("documents", _fmt_int(count))
        + _card("ok", _fmt_int(ok))
        + _card("failed", _fmt_int(failed))
        + (_card("skipped", _fmt_int(skipped)) if skipped else "")
        + "</div>"
    )
    b.extend(_distribution(summary))
    b.extend(_demanded(summary))
    b.extend(_most_missing(summary))
    b.extend(_ranked(ranked, total))
    b.extend(_failures(failures, failed, n_failed))
    return _page(title, "\n".join(b), script=bool(ranked))


def _collect(
    rows: Iterable[Mapping[str, Any]], max_rows: int
) -> tuple[list[dict[str, str]], list[tuple[str, str]], int, int, int]:
    """The best ``max_rows`` rows (best first), the first failures, and the counts of rows, ok and failed."""
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
                failures.append(
                    (
                        _clean(row.get("source") or row.get("id") or ""),
                        _clean(row.get("error") or ""),
                    )
                )
        else:
            n_ok += 1
        key = s if s is not None else -1.0
        slim = {
            k: _clean(row.get(k, ""))
            for k in ("id", "title", "source", "top_skills", "missing_core", "error")
        }
        slim["status"] = status
        slim["score"] = "" if s is None else f"{s:.2f}"
        entry = (key, -seq, slim)
        if len(heap) < max_rows:
            heapq.heappush(heap, entry)
        elif max_rows and entry[:2] > heap[0][:2]:
            heapq.heapreplace(heap, entry)
    ranked = [e[2] for e in sorted(heap, key=lambda e: (e[0], e[1]), reverse=True)]
    return ranked, failures, total, n_ok, n_failed


def _distribution(summary: Mapping[str, Any]) -> list[str]:
    """Score distribution."""
    dist: Mapping[str, Any] = (
        summary["score_distribution"]
        if isinstance(summary.get("score_distribution"), Mapping)
        else {}
    )
    b = ["<h2>Score distribution</h2>"]
    hist: Mapping[str, Any] = (
        dist["histogram"] if isinstance(dist.get("histogram"), Mapping) else {}
    )
    if hist:
        stats = [
            (k, dist.get(k))
            for k in ("min", "p25", "median", "p75", "max", "mean")
            if _opt_num(dist.get(k)) is not None
        ]
        b.append(
            '<div class="cards">' + "".join(_card(k, f"{_num(v):.1f}") for k, v in stats) + "</div>"
        )
        bins = [(_clean(k), max(0, int(_num(v)))) for k, v in hist.items()]
        b.append(
            _histogram_chart("chart-histogram", "Number of documents per score band (0-100)", bins)
        )
    else:
        b.append('<p class="note">No document was scored, so there is no distribution.</p>')
    return b


def _demanded(summary: Mapping[str, Any]) -> list[str]:
    """Most demanded skills."""
    demanded = [d for d in _list(summary.get("most_demanded_skills")) if isinstance(d, Mapping)]
    b = ["<h2>Most demanded skills</h2>"]
    if demanded:
        peak = max(_clamp(_num(d.get("share"))) for d in demanded)
        scale = min(1.0, max(0.1, math.ceil(peak * 10 - 1e-9) / 10))
        items = [
            {
                "text": _clean(d.get("name") or d.get("id") or ""),
                "value": _clamp(_num(d.get("share"))),
                "cls": "bar-skill",
                "right": f"{_pct(_clamp(_num(d.get('share'))))} ({int(_num(d.get('postings'))):,})",
                "title": f"{_clean(d.get('name') or d.get('id') or '')}: in {int(_num(d.get('postings'))):,} postings ({_pct(_clamp(_num(d.get('share'))), 1)} of those scored)",
            }
            for d in demanded
        ]
        b.append(
            _hbar_chart(
                "chart-demanded",
                "Share of scored postings that ask for each skill",
                items,
                scale_max=scale,
                label_width=260,
                axis=True,
            )
        )
        b.append(
            '<p class="note">Share of the successfully scored postings that mention the skill (the number of postings in brackets).</p>'
        )
    else:
        b.append('<p class="note">No skills were found.</p>')
    return b


def _most_missing(summary: Mapping[str, Any]) -> list[str]:
    """Most missing skills."""
    missing = [d for d in _list(summary.get("most_missing_skills")) if isinstance(d, Mapping)]
    b = ["<h2>Most missing core skills</h2>"]
    if missing:
        trs = [
            [
                (_e(d.get("name") or d.get("id") or ""), ""),
                (_e(f"{int(_num(d.get('postings'))):,}"), 'class="num"'),
                (
                    _e(_pct(_clamp(_num(d.get("share"))), 1))
                    + f'<span class="mini"><span style="width:{_clamp(_num(d.get("share"))) * 100:.0f}%"></span></span>',
                    'class="num"',
                ),
            ]
            for d in missing
        ]
        b.append(
            _table(
                "table-missing",
                "Core skills of the profile most often absent from the documents",
                [("skill", ""), ("documents", "num"), ("share", "num")],
                trs,
            )
        )
    else:
        b.append('<p class="note">No core skill is missing anywhere.</p>')
    return b


def _ranked(ranked: list[dict[str, str]], total: int) -> list[str]:
    """Ranked table."""
    b = [f"<h2>Ranked documents ({_fmt_int(total)})</h2>"]
    if ranked:
        if total > len(ranked):
            b.append(
                f'<p class="note" id="table-ranked-capped">Showing the {_fmt_int(len(ranked))} highest-scoring of {_fmt_int(total)} documents; '
                "the output file has them all.</p>"
            )
        b.append(
            '<p class="note" id="table-ranked-hint" hidden>Click a column header to sort by it; click again to reverse.</p>'
        )
        trs = []
        for rank, r in enumerate(ranked, 1):
            s = _opt_num(r["score"])
            score_cell = (
                ""
                if s is None
                else _e(f"{s:.1f}")
                + f'<span class="mini"><span class="{_tone(s / 100)}" style="width:{_clamp(s / 100) * 100:.0f}%"></span></span>'
            )
            st = r["status"] or "?"
            st_cell = f'<span class="{"st-ok" if st == "ok" else "st-error"}">{_e(st)}</span>'
            if st != "ok" and r["error"]:
                st_cell += f'<br><span class="muted">{_e(_short(r["error"], 160))}</span>'
            trs.append(
                [
                    (str(rank), f'class="num" data-v="{rank}"'),
                    (_e(r["id"]), 'class="id"'),
                    (_e(r["title"] or r["source"]), 'class="title"'),
                    (score_cell, f'class="num" data-v="{-1 if s is None else s:.2f}"'),
                    (_e(r["top_skills"]), 'class="skills"'),
                    (_e(r["missing_core"]), 'class="skills"'),
                    (st_cell, f'class="status" data-v="{_e(st)}"'),
                ]
            )
        b.append(
            _table(
                "table-ranked",
                "Documents by score, best first",
                [
                    ("#", "num"),
                    ("id", ""),
                    ("title", ""),
                    ("score", "num"),
                    ("top skills", ""),
                    ("missing core", ""),
                    ("status", ""),
                ],
                trs,
                sortable=True,
            )
        )
    else:
        b.append('<p class="note">There are no rows.</p>')
    return b


def _failures(failures: list[tuple[str, str]], failed: int, n_failed: int) -> list[str]:
    """Failures."""
    b = [f"<h2>Failures ({_fmt_int(max(failed, n_failed))})</h2>"]
    if failures:
        if max(failed, n_failed) > len(failures):
            b.append(f'<p class="note">Showing the first {_fmt_int(len(failures))}.</p>')
        b.append(
            _table(
                "table-failures",
                "Documents that could not be scored, and why",
                [("source", ""), ("error", "")],
                [[(_e(s), ""), (_e(err), "")] for s, err in failures],
            )
        )
    else:
        b.append('<p class="note">No document failed.</p>')
    return b
