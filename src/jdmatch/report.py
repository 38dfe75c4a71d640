"""Render results for people (rich tables) and programs (JSON-ready dicts)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from jdmatch.models import SkillMatch


def group_skills(matches: Iterable[SkillMatch], lexicon: Any = None) -> list[dict[str, Any]]:
    """One dict per skill, in order of first mention: id, name, label, category, count, mentions.

    With a ``lexicon``, every skill also gets ``implied_by`` (the mentioned skills
    that imply it, see :func:`jdmatch.recognize.implied_skills`), and the skills
    that are only implied follow with a count of 0 and no mentions.
    """
    matches = list(matches)
    grouped: dict[str, dict[str, Any]] = {}
    for m in matches:
        entry = grouped.get(m.id)
        if entry is None:
            entry = grouped[m.id] = {"id": m.id, "name": m.name, "label": m.label, "category": m.category, "count": 0, "mentions": []}
        entry["count"] += 1
        entry["mentions"].append({"start": m.start, "end": m.end, "text": m.text})
    if lexicon is not None:
        from jdmatch.recognize import implied_skills

        implied = implied_skills(matches, lexicon)
        by_id = lexicon.by_id()
        for entry in grouped.values():
            entry["implied_by"] = list(implied.get(entry["id"], ()))
        for sid, sources in implied.items():
            if sid not in grouped and sid in by_id:
                e = by_id[sid]
                grouped[sid] = {"id": sid, "name": e.name, "label": e.label, "category": e.category, "count": 0, "mentions": [],
                                "implied_by": list(sources)}
    return list(grouped.values())


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
    for category in sorted(by_category, key=lambda c: (-sum(s["count"] for s in by_category[c]), c)):
        skills = sorted(by_category[category], key=lambda s: (-s["count"], s["name"].lower()))
        for i, skill in enumerate(skills):
            forms = sorted({" ".join(m["text"].split()) for m in skill["mentions"]})
            written = ", ".join(forms)[:60] if forms else "implied by " + ", ".join(skill.get("implied_by", ()))[:48]
            table.add_row(category if i == 0 else "", skill["name"], skill["label"], str(skill["count"]), written)
        table.add_section()
    return table


def score_bar(score: float, width: int = 30) -> str:
    filled = round(score / 100 * width)
    return "█" * filled + "░" * (width - filled)


def score_report(result: Any, profile: Any, *, explain: bool = False) -> Any:
    """A rich renderable: the score with a bar, group coverage, matched and missing skills."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from jdmatch.errors import display_path

    head = Text()
    head.append(f"{result.score:5.1f}", style="bold")
    head.append(f" / 100  {score_bar(result.score)}  ")
    head.append(f"{display_path(result.source)} vs {profile.title}")
    detail = Text(f"coverage {result.coverage:.0%} (weight {profile.coverage_weight:.0%}) · similarity {result.similarity:.0%} (TF-IDF cosine {result.cosine:.3f})", style="dim")
    groups = Table(title="Coverage by group", title_justify="left")
    groups.add_column("group")
    groups.add_column("weight", justify="right")
    groups.add_column("mode")
    groups.add_column("coverage", justify="right")
    groups.add_column("", no_wrap=True)
    groups.add_column("matched")
    names = {m.id: m.name for m in result.matched}
    for g in result.groups:
        groups.add_row(g.name + (" *" if g.core else ""), f"{g.weight:g}", g.mode, f"{g.coverage:.0%}", score_bar(g.coverage * 100, 10),
                       ", ".join(names.get(i, i) for i in g.matched))
    parts: list[Any] = [head, detail]
    if result.seniority:
        years = f", about {result.years:g} years" if result.years is not None else ""
        parts.append(Text(f"level: {result.seniority['level']} ({result.seniority['evidence'] or 'no title found'}){years}", style="dim"))
    for gap in result.gaps:
        parts.append(Text(f"gap: {gap}", style="yellow"))
    if result.negated or result.hedged:
        parts.append(Text(f"not counted (negated): {', '.join(result.negated) or '-'} · counted less (hedged): {', '.join(result.hedged) or '-'}", style="dim"))
    parts.append(groups)
    matched = Table(title="Matched skills", title_justify="left")
    matched.add_column("skill")
    matched.add_column("group", style="dim")
    matched.add_column("evidence")
    for m in result.matched:
        evidence = ", ".join(f"“{t}”" for t in m.mentions[: (5 if explain else 2)]) if m.mentions else f"implied by {', '.join(m.implied_by)}"
        matched.add_row(m.name, m.group, evidence)
    parts.append(matched)
    missing = Table(title="Missing skills, by the points each would add", title_justify="left")
    missing.add_column("skill")
    missing.add_column("group", style="dim")
    missing.add_column("+points", justify="right")
    for m in result.missing[: (25 if explain else 10)]:
        missing.add_row(m.name, m.group, f"{m.gain:+.1f}")
    parts.append(missing)
    if explain and result.top_terms:
        terms = Table(title="Terms behind the TF-IDF similarity", title_justify="left")
        terms.add_column("term")
        terms.add_column("share of cosine", justify="right")
        for t in result.top_terms:
            terms.add_row(t.name, f"{t.contribution:.4f}")
        parts.append(terms)
    return Group(*parts)
