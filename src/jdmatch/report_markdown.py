"""Markdown reports, for pasting into an applicant-tracking note, a ticket or a chat.

``score_markdown(result, profile)`` renders one :meth:`FitResult.to_dict` (with
:meth:`RoleProfile.to_dict`); ``skills_markdown(grouped, title)`` the output of
:func:`jdmatch.report.group_skills`. Document text (skill names as written, titles,
file names) is escaped so that it can neither break a table nor become a link,
an image or HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from jdmatch.report import (
    as_of_text,
    band_meaning,
    compact_gaps,
    level_facts,
    missing_name,
    score_bar,
    subject_line,
)

__all__ = ["score_markdown", "skills_markdown", "md_escape"]

# Characters with a meaning inside a CommonMark / GFM line (emphasis, code, links, HTML, tables,
# strikethrough, entities, e-mail autolinks); the cells never start a line, so '-', '+', '#' and
# '1.' are safe. GFM's bare autolinks (www., http:) are broken by escaping their dot or colon.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~!&@])")
_AUTOLINK = re.compile(r"(?i)\b(www)\.|\b(https?|ftp|mailto|file|javascript|data)(:)")


def md_escape(value: Any) -> str:
    """``value`` as literal Markdown text on one line: specials backslash-escaped, line breaks spaces."""
    text = "" if value is None else str(value)
    text = re.sub(r"[\x00-\x1f\x7f]+", " ", text).strip()
    text = _SPECIAL.sub(r"\\\1", text)
    return _AUTOLINK.sub(lambda m: f"{m.group(1)}\\." if m.group(1) else f"{m.group(2)}\\:", text)


def _num(value: Any, default: float = 0.0) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return default


def _table(
    headers: list[str], rows: Iterable[list[str]], align: list[str] | None = None
) -> list[str]:
    """A GFM table; ``align`` holds 'l' or 'r' per column; cells must already be escaped."""
    align = align or ["l"] * len(headers)
    out = [
        "| " + " | ".join(headers) + " |",
        "|" + "|".join("---:" if a == "r" else "---" for a in align) + "|",
    ]
    out += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return out


def score_markdown(result: Mapping[str, Any], profile: Mapping[str, Any] | None = None) -> str:
    """A Markdown document for one scored document: score and band, level and years, gaps, notes,
    coverage by group, matched skills with their depth, missing skills."""
    result = result or {}
    profile = profile or {}
    score = max(0.0, min(100.0, _num(result.get("score"))))
    band = str(result.get("band") or "")
    out = [f"# {md_escape(subject_line(result, profile))}", ""]
    head = f"**Score {score:.1f} / 100**"
    if band:
        head += f" — **{md_escape(band)}**"
        meaning = band_meaning(band)
        if meaning:
            head += f": {md_escape(meaning)}"
    out += [head, ""]
    level, years, evidence = level_facts(result)
    facts = [
        f"- **Level:** {md_escape(level or 'unknown')}"
        + (f" ({md_escape(evidence)})" if evidence else "")
    ]
    if years:
        facts.append(f"- **Experience:** {md_escape(years)}")
    when = as_of_text(result)
    if when:
        facts.append(f"- **Dates:** {md_escape(when)}")
    parts = [f"coverage {_num(result.get('coverage')):.0%}"]
    if result.get("contrast") is not None:
        parts.append(f"reads like the role {_num(result.get('contrast')):.0%}")
    parts.append(
        f"similarity {_num(result.get('similarity')):.0%} (TF-IDF cosine {_num(result.get('cosine')):.3f})"
    )
    facts.append("- **Parts of the score:** " + md_escape(", ".join(parts)))
    out += facts + [""]

    gaps = compact_gaps(result.get("gaps") or ())
    out.append("## Gaps")
    out += (
        [f"- {md_escape(g)}" for g in gaps]
        or ["None: the required skills, the years and the level asked are there."]
    ) + [""]
    notes = [str(n) for n in result.get("notes") or ()]
    if notes:
        out.append("## Notes")
        out += [f"- {md_escape(n)}" for n in notes] + [""]

    groups = [g for g in result.get("groups") or () if isinstance(g, Mapping)]
    names = {
        str(m.get("id")): str(m.get("name") or m.get("id"))
        for m in result.get("matched") or ()
        if isinstance(m, Mapping)
    }
    out.append("## Coverage by group")
    if groups:
        out.append("")
        rows = [
            [
                md_escape(g.get("name") or g.get("id")) + (" \\*" if g.get("core") else ""),
                f"{_num(g.get('weight')):g}",
                f"{_num(g.get('coverage')):.0%}",
                f"`{score_bar(_num(g.get('coverage')) * 100, 10)}`",
                md_escape(", ".join(names.get(str(i), str(i)) for i in g.get("matched") or ())),
            ]
            for g in groups
        ]
        out += _table(
            ["group", "weight", "coverage", "", "matched"], rows, ["l", "r", "r", "l", "l"]
        )
        if any(g.get("core") for g in groups):
            out += ["", "\\* a core group: when the core is thin, the score is cut."]
    else:
        out.append("The profile has no groups.")
    out.append("")

    matched = [m for m in result.get("matched") or () if isinstance(m, Mapping)]
    out.append(f"## Matched skills ({len(matched)})")
    if matched:
        out.append("")
        rows = []
        for m in matched:
            depth: Mapping[str, Any] = m["depth"] if isinstance(m.get("depth"), Mapping) else {}
            mentions = list(dict.fromkeys(str(t) for t in m.get("mentions") or ()))[:3]
            evidence = (
                ", ".join(f"“{md_escape(t[:80])}”" for t in mentions)
                if mentions
                else (
                    "implied by " + md_escape(", ".join(str(x) for x in m.get("implied_by") or ()))
                    if m.get("implied_by")
                    else ""
                )
            )
            rows.append(
                [
                    md_escape(m.get("name") or m.get("id")),
                    md_escape(m.get("group")),
                    md_escape(depth.get("summary") or ""),
                    evidence,
                ]
            )
        out += _table(["skill", "group", "depth", "evidence"], rows)
    else:
        out.append("No skill of the profile was found.")
    out.append("")

    missing = [m for m in result.get("missing") or () if isinstance(m, Mapping)]
    out.append(f"## Missing skills ({len(missing)})")
    if missing:
        out.append("")
        rows = [
            [
                md_escape(
                    missing_name(str(m.get("name") or m.get("id")), m.get("alternatives") or ())
                ),
                md_escape(m.get("group")),
                f"{_num(m.get('gain')):+.1f}",
            ]
            for m in missing[:25]
        ]
        out += _table(["skill", "group", "+points"], rows, ["l", "l", "r"])
        if len(missing) > 25:
            out += ["", f"… and {len(missing) - 25} more, each adding less."]
    else:
        out.append("Nothing is missing.")
    out += ["", "_Made by jdmatch._", ""]
    return "\n".join(out)


def skills_markdown(grouped: Sequence[Mapping[str, Any]], *, title: str = "Skills") -> str:
    """A Markdown document of recognized skills: one table per category, most mentioned first."""
    out = [f"# {md_escape(title)}", ""]
    by_category: dict[str, list[Mapping[str, Any]]] = {}
    for skill in grouped:
        by_category.setdefault(str(skill.get("category") or "Other"), []).append(skill)
    if not by_category:
        out += ["No skill was recognized.", ""]
    for category in sorted(
        by_category, key=lambda c: (-sum(int(_num(s.get("count"))) for s in by_category[c]), c)
    ):
        skills = sorted(
            by_category[category],
            key=lambda s: (-int(_num(s.get("count"))), str(s.get("name", "")).lower()),
        )
        out += [f"## {md_escape(category)} ({len(skills)})", ""]
        rows = []
        for s in skills:
            forms = sorted(
                {str(m.get("text", "")) for m in s.get("mentions") or () if isinstance(m, Mapping)}
            )
            rows.append(
                [
                    md_escape(s.get("name")),
                    md_escape(s.get("label")),
                    str(int(_num(s.get("count")))),
                    md_escape(", ".join(forms)[:80]),
                ]
            )
        out += _table(["skill", "label", "mentions", "as written"], rows, ["l", "l", "r", "l"]) + [
            ""
        ]
    return "\n".join(out)
