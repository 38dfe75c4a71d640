"""The report for one scored document, one function per section of the page."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jdmatch.report_html.charts import _hbar_chart, _stacked_chart
from jdmatch.report_html.page import (
    _card,
    _clamp,
    _clean,
    _e,
    _list,
    _num,
    _opt_num,
    _page,
    _pct,
    _short,
    _table,
    _tone,
)


def score_html(
    result: Mapping[str, Any], profile: Mapping[str, Any], *, title: str | None = None
) -> str:
    """A self-contained HTML page for one scored document (``FitResult.to_dict()``).

    ``profile`` is ``Profile.to_dict()`` (only its title and coverage weight are used;
    ``{}`` is fine).
    """
    from jdmatch.report import subject_line

    result = result or {}
    profile = profile or {}
    page_title = (
        _clean(title)
        if title is not None
        else _clean(subject_line(result, profile, with_file=False))
    )
    b: list[str] = _heading(result, profile, page_title)
    b.append(_score_block(result, profile))
    b.append(_story(result))
    b.append(_cards(result))
    b.extend(_groups(result))
    b.extend(_matched(result))
    b.extend(_missing(result))
    b.extend(_terms(result))
    return _page(page_title, "\n".join(b))


def _heading(result: Mapping[str, Any], profile: Mapping[str, Any], page_title: str) -> list[str]:
    source = _clean(result.get("source", "<text>"))
    ptitle = _clean(profile.get("title") or result.get("profile") or "profile")
    if profile.get("id") == "posting":
        against = f"the job posting <strong>{_e(ptitle)}</strong>" + (
            f" ({_e(profile.get('source'))})" if profile.get("source") else ""
        )
    else:
        against = f"the profile <strong>{_e(ptitle)}</strong>{_e(' (' + _clean(profile.get('id')) + ')') if profile.get('id') else ''}"
    return [
        f"<h1>{_e(page_title)}</h1>",
        f'<p class="sub">Document <strong>{_e(source)}</strong> scored against {against}.</p>',
    ]


def _score_block(result: Mapping[str, Any], profile: Mapping[str, Any]) -> str:
    """The score, big, with a bar, and the band it falls in."""
    from jdmatch.report import band_meaning

    score = _clamp(_num(result.get("score")), 0.0, 100.0)
    coverage = _clamp(_num(result.get("coverage")))
    similarity = _clamp(_num(result.get("similarity")))
    cosine = _num(result.get("cosine"))
    cw = _opt_num(profile.get("coverage_weight"))
    tone = _tone(score / 100)
    detail = f"coverage {_pct(coverage)}" + (f" (weight {_pct(cw)})" if cw is not None else "")
    detail += f" · similarity {_pct(similarity)} (TF-IDF cosine {cosine:.3f})"
    band = _clean(result.get("band") or "")
    verdict = ""
    if band:
        meaning = band_meaning(band)
        verdict = (
            f'<p class="band"><strong id="band">{_e(band)}</strong>'
            + (f' <span class="muted" id="band-meaning">— {_e(meaning)}</span>' if meaning else "")
            + "</p>"
        )
    return (
        '<section class="score" aria-label="Score">'
        f'<div class="big" id="score-value">{_e(f"{score:.1f}")}<small> / 100</small></div>'
        '<div class="meta">'
        + verdict
        + f'<div class="bar" role="img" aria-label="{_e(f"score {score:.1f} of 100")}"><span class="{tone}" style="width:{score:.1f}%"></span></div>'
        f'<div class="muted">{_e(detail)}</div></div></section>'
    )


def _story(result: Mapping[str, Any]) -> str:
    """The story beside the numbers: level, years, the date used for "Present"; the gaps and notes."""
    from jdmatch.report import as_of_text, compact_gaps, level_facts

    level, years, evidence = level_facts(result)
    facts = [("Level", (level or "unknown") + (f" ({evidence})" if evidence else ""), "fact-level")]
    if years:
        facts.append(("Experience", years, "fact-years"))
    when = as_of_text(result)
    if when:
        facts.append(("Dates", when, "fact-as-of"))
    story = [
        '<section class="story" id="story">',
        '<div><h2>Level and experience</h2><dl class="facts">'
        + "".join(f'<dt>{_e(k)}</dt><dd id="{i}">{_e(_clean(v))}</dd>' for k, v, i in facts)
        + "</dl></div>",
    ]
    gaps = compact_gaps(_clean(g) for g in _list(result.get("gaps")))
    notes = [_clean(n) for n in _list(result.get("notes"))]
    items = "".join(f'<li class="gap">{_e(g)}</li>' for g in gaps) + "".join(
        f'<li class="note">{_e(n)}</li>' for n in notes
    )
    story.append(
        '<div id="gaps"><h2>Gaps and notes</h2>'
        + (
            f'<ul class="gaps">{items}</ul>'
            if items
            else '<p class="ok">No gap: the required skills, the years and the level asked are there.</p>'
        )
        + "</div>"
    )
    story.append("</section>")
    return "".join(story)


def _cards(result: Mapping[str, Any]) -> str:
    score = _clamp(_num(result.get("score")), 0.0, 100.0)
    coverage = _clamp(_num(result.get("coverage")))
    similarity = _clamp(_num(result.get("similarity")))
    contrast = _opt_num(result.get("contrast"))
    return (
        '<div class="cards">'
        + _card("score", f"{score:.1f}")
        + _card("coverage", _pct(coverage))
        + (_card("reads like the role", _pct(_clamp(contrast))) if contrast is not None else "")
        + _card("similarity", _pct(similarity))
        + _card("matched skills", str(len(_list(result.get("matched")))))
        + _card("missing skills", str(len(_list(result.get("missing")))))
        + "</div>"
    )


def _groups(result: Mapping[str, Any]) -> list[str]:
    """Coverage per group."""
    groups = [g for g in _list(result.get("groups")) if isinstance(g, Mapping)]
    b = ["<h2>Coverage by group</h2>"]
    if groups:
        items: list[dict[str, Any]] = []
        for g in groups:
            name = _clean(g.get("name") or g.get("id") or "")
            cov = _clamp(_num(g.get("coverage")))
            core = bool(g.get("core"))
            weight = _num(g.get("weight"))
            mode = _clean(g.get("mode") or "")
            items.append(
                {
                    "text": ("\u2605 " if core else "") + name,
                    "value": cov,
                    "right": _pct(cov),
                    "extra": f"\u00d7{weight:g}",
                    "cls": "bar-core" if core else "bar-plain",
                    "label_cls": "core" if core else "",
                    "title": f"{name}: {_pct(cov)} covered; weight {weight:g}, mode {mode}{', core group' if core else ''}",
                }
            )
        longest = max(len(i["text"]) for i in items)
        b.append(
            '<div class="chart-wide">'
            + _hbar_chart(
                "chart-groups",
                "Coverage by profile group",
                items,
                label_width=360 if longest > 40 else 300,
                extra_width=50,
            )
            + "</div>"
        )
        b.append(
            '<div class="chart-narrow">'
            + _stacked_chart("chart-groups-narrow", "Coverage by profile group", items)
            + "</div>"
        )
        b.append(
            '<p class="legend"><span class="sw" style="background:var(--core)"></span>\u2605 core group'
            '<span class="sw" style="background:var(--accent)"></span>other group'
            " · ×n is the group\u2019s weight in the coverage score</p>"
        )
    else:
        b.append('<p class="note">The profile has no groups; there is nothing to cover.</p>')
    return b


def _matched(result: Mapping[str, Any]) -> list[str]:
    """Matched skills with evidence."""
    matched = [m for m in _list(result.get("matched")) if isinstance(m, Mapping)]
    b = [f"<h2>Matched skills ({len(matched)})</h2>"]
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
                ev = '<span class="muted">implied by</span> ' + _e(
                    ", ".join(_clean(x) for x in _list(m.get("implied_by")))
                )
            else:
                ev = '<span class="muted">\u2014</span>'
            depth: Mapping[str, Any] = m["depth"] if isinstance(m.get("depth"), Mapping) else {}
            rows.append(
                [
                    (_e(m.get("name") or m.get("id") or ""), ""),
                    (_e(m.get("group") or ""), 'class="muted grp"'),
                    (_e(_clean(depth.get("summary") or "")), 'class="depth"'),
                    (ev, ""),
                ]
            )
        b.append(
            _table(
                "table-matched",
                "Skills of the profile found in the document, how deeply it shows them, and the text that does",
                [("skill", "skill"), ("group", "grp"), ("depth", ""), ("evidence", "")],
                rows,
            )
        )
    else:
        b.append('<p class="note">No skill of the profile was found in the document.</p>')
    return b


def _missing(result: Mapping[str, Any]) -> list[str]:
    """Missing skills with the points each would add."""
    missing = [m for m in _list(result.get("missing")) if isinstance(m, Mapping)]
    b = [f"<h2>Missing skills ({len(missing)})</h2>"]
    if missing:
        rows = [
            [
                (
                    _e(
                        _clean(m.get("name") or m.get("id") or "")
                        + (
                            " (or "
                            + ", ".join(_clean(a) for a in _list(m.get("alternatives"))[:3])
                            + ")"
                            if _list(m.get("alternatives"))
                            else ""
                        )
                    ),
                    "",
                ),
                (_e(m.get("group") or ""), 'class="muted grp"'),
                (
                    _e(f"{_num(m.get('gain')):+.1f}"),
                    f'class="num" data-v="{_num(m.get("gain")):.4f}"',
                ),
            ]
            for m in missing
        ]
        b.append(
            _table(
                "table-missing",
                "Profile skills the document lacks, by the points naming each would add to the score",
                [("skill", "skill"), ("group", "grp"), ("+points", "num")],
                rows,
            )
        )
    else:
        b.append('<p class="note">Nothing is missing.</p>')
    return b


def _terms(result: Mapping[str, Any]) -> list[str]:
    """Top TF-IDF terms."""
    terms = [t for t in _list(result.get("top_terms")) if isinstance(t, Mapping)]
    b: list[str] = []
    if terms:
        peak = max([_num(t.get("contribution")) for t in terms] + [1e-12])
        b.append("<h2>Terms behind the TF-IDF similarity</h2>")
        rows = []
        for t in terms:
            c = _num(t.get("contribution"))
            rows.append(
                [
                    (_e(t.get("name") or t.get("term") or ""), ""),
                    (_e(t.get("term") or ""), 'class="muted"'),
                    (
                        f'{_e(f"{c:.4f}")}<span class="mini"><span style="width:{_clamp(c / peak) * 100:.0f}%"></span></span>',
                        'class="num"',
                    ),
                ]
            )
        b.append(
            _table(
                "table-terms",
                "The terms that contribute most to the cosine between the document and the profile",
                [("term", ""), ("token", ""), ("share of cosine", "num")],
                rows,
            )
        )
    return b
