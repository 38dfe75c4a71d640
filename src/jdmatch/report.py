"""Render results for people (rich tables) and programs (JSON-ready dicts)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from jdmatch.models import SkillMatch


def group_skills(matches: Iterable[SkillMatch]) -> list[dict[str, Any]]:
    """One dict per skill, in order of first mention: id, name, label, category, count, mentions."""
    grouped: dict[str, dict[str, Any]] = {}
    for m in matches:
        entry = grouped.get(m.id)
        if entry is None:
            entry = grouped[m.id] = {"id": m.id, "name": m.name, "label": m.label, "category": m.category, "count": 0, "mentions": []}
        entry["count"] += 1
        entry["mentions"].append({"start": m.start, "end": m.end, "text": m.text})
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
            forms = sorted({m["text"] for m in skill["mentions"]})
            table.add_row(category if i == 0 else "", skill["name"], skill["label"], str(skill["count"]), ", ".join(forms)[:60])
        table.add_section()
    return table
