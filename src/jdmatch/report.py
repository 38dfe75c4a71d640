"""Render results for people: the one-screen terminal summary and the rich tables of ``--explain``.

What every report says (the JSON, the shared facts) is computed in :mod:`jdmatch.report_data`."""

from __future__ import annotations

from typing import Any

from jdmatch.report_data import (  # noqa: F401  # re-exported: the reports and the server read them here
    _MISSING_PREFIX,
    LINE_BUDGET,
    _get,
    _level,
    add_codes,
    add_score_codes,
    as_of,
    as_of_text,
    band_meaning,
    compact_gaps,
    file_name,
    group_skills,
    jsonresume_skills,
    level_facts,
    missing_name,
    score_json,
    skills_json,
    subject_line,
)


def skills_table(grouped: list[dict[str, Any]], *, title: str = "Skills") -> Any:
    """A rich table of skills grouped by category, most mentioned first within a category."""
    from rich.table import Table

    table = Table(title=title, title_justify="left", show_lines=False)
    table.add_column("category", style="bold")
    table.add_column("skill")
    table.add_column("label", style="dim")
    table.add_column("mentions", justify="right")
    table.add_column("as written", style="dim")
    by_category: dict[str, list[dict[str, Any]]] = {}
    for skill in grouped:
        by_category.setdefault(skill["category"], []).append(skill)
    for category in sorted(
        by_category, key=lambda c: (-sum(s["count"] for s in by_category[c]), c)
    ):
        skills = sorted(by_category[category], key=lambda s: (-s["count"], s["name"].lower()))
        for i, skill in enumerate(skills):
            forms = sorted({" ".join(m["text"].split()) for m in skill["mentions"]})
            written = (
                ", ".join(forms)[:60]
                if forms
                else "implied by " + ", ".join(skill.get("implied_by", ()))[:48]
            )
            table.add_row(
                category if i == 0 else "",
                skill["name"],
                skill["label"],
                str(skill["count"]),
                written,
            )
        table.add_section()
    return table


def score_bar(score: float, width: int = 30) -> str:
    filled = round(score / 100 * width)
    return "█" * filled + "░" * (width - filled)


# -- the one-screen summary -----------------------------------------------------------------------


def _squeeze(text: str, width: int, indent: str = "", lines: int = 2) -> list[str]:
    """``text`` in at most ``lines`` lines of ``width``: the start, '…' and the end when it is longer."""
    import textwrap

    wrapped = textwrap.wrap(
        text,
        width=max(width, 20),
        initial_indent=indent,
        subsequent_indent=" " * len(indent),
        break_long_words=True,
    )
    if len(wrapped) <= lines:
        return wrapped
    room = max(width - len(indent) - 2, 10)
    tail = text[-room:]
    if " " in tail:
        tail = tail[tail.index(" ") + 1 :]
    return wrapped[: lines - 1] + [" " * len(indent) + "… " + tail]


class ScoreGlance:
    """The answer on one screen: score and band, level and years, gaps, notes, what would add most,
    coverage by group one line each, and how to see everything. Fits ``budget`` lines at any width."""

    def __init__(
        self, result: Any, profile: Any, *, budget: int = LINE_BUDGET, hint: str = "--explain"
    ) -> None:
        self.result, self.profile, self.budget, self.hint = result, profile, budget, hint

    def __rich_console__(self, console: Any, options: Any) -> Any:
        yield from self.lines(options.max_width)

    def head(self, width: int) -> list[Any]:
        """The lines before the lists: score, band, subject, level, the parts of the score, gaps, notes."""
        from rich.text import Text

        r = self.result
        out: list[Any] = []
        score = float(_get(r, "score", 0.0))
        band = str(_get(r, "band", "") or "")
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append(f"{score:5.1f}", style="bold")
        line.append(f" / 100  {score_bar(score, 20)}  ")
        if band:
            line.append(band, style="bold")
        out.append(line)
        meaning = band_meaning(band)
        if meaning:
            out.append(Text(f"       {meaning}", style="italic", no_wrap=True, overflow="ellipsis"))
        out.append(Text(subject_line(r, self.profile), no_wrap=True, overflow="ellipsis"))
        level, years, evidence = level_facts(r)
        facts = [f"level {level or 'unknown'}"] + [x for x in (years, as_of_text(r), evidence) if x]
        out.append(Text(" · ".join(facts), no_wrap=True, overflow="ellipsis"))
        parts = [f"coverage {float(_get(r, 'coverage', 0.0)):.0%}"]
        contrast = _get(r, "contrast")
        if contrast is not None:
            parts.append(f"reads like the role {float(contrast):.0%}")
        parts.append(f"similarity {float(_get(r, 'similarity', 0.0)):.0%}")
        out.append(Text(" · ".join(parts), style="dim", no_wrap=True, overflow="ellipsis"))
        for gap in compact_gaps(_get(r, "gaps", ()) or ())[:4]:
            t = Text(no_wrap=True, overflow="ellipsis")
            t.append("gap   ", style="bold yellow")
            t.append(gap, style="yellow")
            out.append(t)
        for note in list(_get(r, "notes", ()) or ())[:2]:
            for i, piece in enumerate(_squeeze(str(note), width, indent="note  ")):
                t = Text(no_wrap=True, overflow="ellipsis")
                if i == 0:
                    t.append(piece[:6], style="bold yellow")
                    t.append(piece[6:], style="yellow")
                else:
                    t.append(piece, style="yellow")
                out.append(t)
        return out

    def lines(self, width: int) -> list[Any]:
        from rich.text import Text

        r = self.result
        out = self.head(width)
        missing = [m for m in (_get(r, "missing", ()) or ()) if float(_get(m, "gain", 0.0)) >= 0.05]
        groups = list(_get(r, "groups", ()) or ())
        hint = Text(
            f"{self.hint} shows it all: each skill's evidence and depth, every missing skill, the terms"
            if width >= 100
            else f"{self.hint} shows it all: each skill's evidence and depth, every missing skill",
            style="dim",
            no_wrap=True,
            overflow="ellipsis",
        )
        left = self.budget - len(out) - 1  # the hint line
        # what would add most: three (more when the groups leave room), then the groups
        n_missing = min(len(missing), 3)
        need_groups = (1 + len(groups)) if groups else 0
        spare = left - (1 + n_missing if n_missing else 0) - need_groups
        if spare > 0 and len(missing) > n_missing:
            n_missing = min(len(missing), 5, n_missing + spare)
        if n_missing:
            out.append(
                Text(
                    "Missing skills that would add most (points to the score)",
                    style="bold",
                    no_wrap=True,
                    overflow="ellipsis",
                )
            )
            shown = missing[:n_missing]
            names = [
                missing_name(str(_get(m, "name", "")), _get(m, "alternatives", ()) or ())
                for m in shown
            ]
            name_w = min(max(len(n) for n in names), max(width - 20, 20), 48)
            for m, name in zip(shown, names):
                t = Text(no_wrap=True, overflow="ellipsis")
                t.append(f"  {float(_get(m, 'gain', 0.0)):+5.1f}  ", style="green")
                t.append(_fit(name, name_w).ljust(name_w))
                t.append(f"  {_get(m, 'group', '')}", style="dim")
                out.append(t)
        room = self.budget - len(out) - 1
        if groups and room >= 2:
            out.append(Text("Coverage by group  (* core)", style="bold", no_wrap=True))
            room -= 1
            shown_groups = groups
            if len(groups) > room:
                # keep the core groups and the heaviest, in profile order; one line says what is left out
                keep = sorted(
                    range(len(groups)),
                    key=lambda i: (
                        not _get(groups[i], "core", False),
                        -float(_get(groups[i], "weight", 0.0)),
                        i,
                    ),
                )
                keep = sorted(keep[: room - 1])
                shown_groups = [groups[i] for i in keep]
            names_of = {
                str(_get(m, "id", "")): str(_get(m, "name", ""))
                for m in (_get(r, "matched", ()) or ())
            }
            labels = [str(_get(g, "name", "")) for g in shown_groups]
            name_w = min(max(len(x) for x in labels), max(int(width * 0.42), 16), 60)
            for g, label in zip(shown_groups, labels):
                cov = float(_get(g, "coverage", 0.0))
                t = Text(no_wrap=True, overflow="ellipsis")
                t.append("* " if _get(g, "core", False) else "  ", style="bold")
                t.append(_fit(label, name_w).ljust(name_w) + "  ")
                t.append(
                    score_bar(cov * 100, 10),
                    style="green" if cov >= 0.7 else "yellow" if cov >= 0.4 else "red",
                )
                t.append(f" {cov:4.0%}")
                matched = [names_of.get(str(i), str(i)) for i in (_get(g, "matched", ()) or ())]
                rest = width - (2 + name_w + 2 + 10 + 5) - 2
                if matched and rest >= 8:
                    t.append("  " + _fit_names(matched, rest), style="dim")
                out.append(t)
            if len(shown_groups) < len(groups):
                hidden = [g for g in groups if g not in shown_groups]
                full = sum(1 for g in hidden if float(_get(g, "coverage", 0.0)) >= 0.995)
                none = sum(1 for g in hidden if float(_get(g, "coverage", 0.0)) <= 0.005)
                out.append(
                    Text(
                        f"  … {len(hidden)} more groups: {full} covered, {len(hidden) - full - none} partly, {none} not at all",
                        style="dim",
                        no_wrap=True,
                        overflow="ellipsis",
                    )
                )
        out.append(hint)
        return out[: self.budget]


def _fit_names(names: list[str], width: int) -> str:
    """As many whole names as fit in ``width``, then '…' for the rest."""
    text = ""
    for i, name in enumerate(names):
        candidate = f"{text}, {name}" if text else name
        tail = 3 if i < len(names) - 1 else 0  # room for ", …"
        if len(candidate) + tail > width:
            return (text + ", …") if text else _fit(name, width)
        text = candidate
    return text


def _fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters with '…'."""
    return text if len(text) <= width else text[: max(width - 1, 0)].rstrip() + "…"


def score_report(
    result: Any, profile: Any, *, explain: bool = False, hint: str = "--explain"
) -> Any:
    """A rich renderable: the one-screen summary (``ScoreGlance``), or with ``explain`` the same head
    followed by the full tables: coverage with the matched skills, matched skills with depth and
    evidence, missing skills, the terms behind the similarity and behind the contrast model."""
    if not explain:
        return ScoreGlance(result, profile, hint=hint)
    return _Explained(result, profile)


class _Explained:
    def __init__(self, result: Any, profile: Any) -> None:
        self.result, self.profile = result, profile

    def __rich_console__(self, console: Any, options: Any) -> Any:
        from rich.table import Table
        from rich.text import Text

        result, profile = self.result, self.profile
        yield from ScoreGlance(result, profile, budget=10_000).head(options.max_width)
        weight = getattr(profile, "coverage_weight", None)
        yield Text(
            f"score = coverage {result.coverage:.0%}"
            + (f" (weight {weight:.0%})" if weight is not None else "")
            + f", similarity {result.similarity:.0%} (TF-IDF cosine {result.cosine:.3f}), core kept {result.core_gate:.0%}"
            f" (core coverage {result.core_coverage:.0%})"
            + (
                f", {result.level_gate:.0%} kept against the years and level asked"
                if result.level_gate < 1
                else ""
            ),
            style="dim",
        )
        if result.negated or result.hedged:
            yield Text(
                f"not counted (negated): {', '.join(result.negated) or '-'} · counted less (hedged): {', '.join(result.hedged) or '-'}",
                style="dim",
            )
        groups = Table(title="Coverage by group", title_justify="left")
        groups.add_column("group")
        groups.add_column("weight", justify="right")
        groups.add_column("mode")
        groups.add_column("coverage", justify="right")
        groups.add_column("", no_wrap=True)
        groups.add_column("matched")
        names = {m.id: m.name for m in result.matched}
        for g in result.groups:
            groups.add_row(
                g.name + (" *" if g.core else ""),
                f"{g.weight:g}",
                g.mode,
                f"{g.coverage:.0%}",
                score_bar(g.coverage * 100, 10),
                ", ".join(names.get(i, i) for i in g.matched),
            )
        yield groups
        matched = Table(title="Matched skills", title_justify="left")
        matched.add_column("skill")
        matched.add_column("group", style="dim")
        matched.add_column("depth", no_wrap=True)
        matched.add_column("evidence")
        for m in result.matched:
            evidence = (
                ", ".join(f"“{t}”" for t in m.mentions[:5])
                if m.mentions
                else f"implied by {', '.join(m.implied_by)}"
            )
            matched.add_row(m.name, m.group, (m.depth or {}).get("summary", ""), evidence)
        yield matched
        missing = Table(title="Missing skills, by the points each would add", title_justify="left")
        missing.add_column("skill")
        missing.add_column("group", style="dim")
        missing.add_column("+points", justify="right")
        for m in result.missing[:25]:
            missing.add_row(missing_name(m.name, m.alternatives), m.group, f"{m.gain:+.1f}")
        yield missing
        for title, terms in (
            ("Terms behind the TF-IDF similarity", result.top_terms),
            ("Terms behind the contrast model (reads like the role)", result.contrast_terms),
        ):
            if terms:
                yield Text(title, style="italic")  # a narrow table would wrap its own title
                table = Table()
                table.add_column("term")
                table.add_column("share" if "TF-IDF" in title else "weight", justify="right")
                for t in terms:
                    table.add_row(t.name, f"{t.contribution:.4f}")
                yield table
