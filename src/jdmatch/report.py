"""Render results for people (rich tables) and programs (JSON-ready dicts)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
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
            entry = grouped[m.id] = {
                "id": m.id,
                "name": m.name,
                "label": m.label,
                "category": m.category,
                "count": 0,
                "mentions": [],
            }
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
                grouped[sid] = {
                    "id": sid,
                    "name": e.name,
                    "label": e.label,
                    "category": e.category,
                    "count": 0,
                    "mentions": [],
                    "implied_by": list(sources),
                }
    return list(grouped.values())


def add_codes(grouped: list[dict[str, Any]], lexicon: Any) -> list[dict[str, Any]]:
    """``grouped`` with each skill's standard codes (O*NET commodity, hot technology) under ``codes``, where the lexicon has them."""
    codes = getattr(lexicon, "codes", None) or {}
    for skill in grouped:
        found = codes.get(skill["id"])
        if found:
            skill["codes"] = dict(found)
    return grouped


def add_score_codes(data: dict[str, Any], lexicon: Any, profile: Any) -> dict[str, Any]:
    """A score's JSON with the codes of its matched and missing skills and the profile's occupation codes."""
    add_codes(data.get("matched", []), lexicon)
    add_codes(data.get("missing", []), lexicon)
    occupation = {
        k: v for k in ("onet_soc", "isco08", "esco_occupation") if (v := getattr(profile, k, ""))
    }
    if occupation:
        data["occupation"] = occupation
    return data


def score_json(result: Any, matcher: Any, *, explain: bool = False) -> dict[str, Any]:
    """What ``jdmatch score --format json`` prints (and ``POST /v1/score`` answers): the result with its codes.

    Without ``explain`` the similarity terms are left out.
    """
    data = add_score_codes(result.to_dict(), matcher.recognizer.lexicon, matcher.profile)
    if not explain:
        data.pop("top_terms", None)
    return data


def skills_json(matcher: Any, document: Any) -> list[dict[str, Any]]:
    """What ``jdmatch skills --format json`` prints: each skill with its codes, mentions and their sections."""
    from jdmatch.structure import find_sections, section_of

    grouped = group_skills(matcher.skills(document), lexicon=matcher.recognizer.lexicon)
    sections = find_sections(document.text, None)
    for skill in grouped:
        for mention in skill["mentions"]:
            mention["section"] = section_of(sections, mention["start"])
    return add_codes(grouped, matcher.recognizer.lexicon)


def jsonresume_skills(grouped: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A JSON Resume ``skills`` section: one item per category, its skills as keywords, most mentioned first.

    Spoken languages are left out: JSON Resume keeps them in ``languages``.
    """
    by_category: dict[str, list[dict[str, Any]]] = {}
    for skill in grouped:
        if skill["label"] != "spoken_language":
            by_category.setdefault(skill["category"], []).append(skill)
    order = sorted(by_category, key=lambda c: (-sum(s["count"] for s in by_category[c]), c))
    return [
        {
            "name": c,
            "keywords": [
                s["name"]
                for s in sorted(by_category[c], key=lambda s: (-s["count"], s["name"].lower()))
            ],
        }
        for c in order
    ]


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


# -- shared facts (terminal, HTML and Markdown say the same things) ------------------------------

LINE_BUDGET = 25  # the one-screen summary fits in this many lines at any width
_MISSING_PREFIX = "required skill missing: "


def _get(result: Any, key: str, default: Any = None) -> Any:
    """A field of a FitResult or of its to_dict(), whichever ``result`` is."""
    if isinstance(result, Mapping):
        return result.get(key, default)
    return getattr(result, key, default)


def band_meaning(name: str) -> str:
    """What a band name means, from ``jdmatch.scoring.BANDS`` ('' for an unknown band)."""
    if not name:
        return ""
    try:
        from jdmatch.scoring import BANDS
    except Exception:  # pragma: no cover - the renderers also work without the scorer
        return ""
    return next((meaning for _, band, meaning in BANDS if band == name), "")


def as_of(result: Any) -> tuple[str | None, str | None]:
    """The date "Present" was taken as and where it came from, when the result carries them."""
    date, source = _get(result, "as_of"), _get(result, "as_of_source")
    seniority = _level(result)
    if not date and isinstance(seniority, Mapping):
        date, source = seniority.get("as_of"), source or seniority.get("as_of_source")
    return (str(date) if date else None), (str(source) if source else None)


def as_of_text(result: Any) -> str:
    """'"Present" taken as 2026-12-02 (document date)', or '' when the result has no date."""
    date, source = as_of(result)
    if not date:
        return ""
    return f"“Present” taken as {date}" + (f" ({source})" if source else "")


def level_facts(result: Any) -> tuple[str, str, str]:
    """(level, years, evidence) as short phrases; '' where unknown."""
    seniority = _level(result)
    level = evidence = ""
    if isinstance(seniority, Mapping):
        level = str(seniority.get("level") or "")
        evidence = str(seniority.get("evidence") or "")
    years = _get(result, "years")
    years_text = (
        f"about {years:g} years"
        if isinstance(years, (int, float)) and not isinstance(years, bool)
        else ""
    )
    return level, years_text, evidence


def _level(result: Any) -> Any:
    """A result's seniority as a mapping (a FitResult holds a DocumentLevel, its JSON a dict)."""
    seniority = _get(result, "seniority")
    return seniority.to_dict() if hasattr(seniority, "to_dict") else seniority


def compact_gaps(gaps: Iterable[str]) -> list[str]:
    """The gaps, one line each: years and level first, the missing required skills joined into one."""
    gaps = [str(g) for g in gaps]
    skills = [g[len(_MISSING_PREFIX) :] for g in gaps if g.startswith(_MISSING_PREFIX)]
    out = [g for g in gaps if not g.startswith(_MISSING_PREFIX)]
    if len(skills) == 1:
        out.append(_MISSING_PREFIX + skills[0])
    elif skills:
        out.append(f"required skills missing ({len(skills)}): " + ", ".join(skills))
    return out


def missing_name(name: str, alternatives: Iterable[str], limit: int = 3) -> str:
    """'Spring Boot (or Spring Framework, Spring MVC, ...)': any of the alternatives would do as well."""
    alternatives = list(alternatives)
    if not alternatives:
        return name
    more = ", ..." if len(alternatives) > limit else ""
    return f"{name} (or {', '.join(alternatives[:limit])}{more})"


def file_name(path: Any) -> str:
    """The last part of a path (either slash), control characters escaped."""
    from jdmatch.errors import display_path

    text = display_path(str(path or ""))
    return re.split(r"[\\/]", text.rstrip("\\/"))[-1] or text


def subject_line(result: Any, profile: Any, *, with_file: bool = True) -> str:
    """'cv.pdf vs Backend Engineer', or 'cv.pdf vs the posting "Staff Engineer" (job.pdf)'."""
    doc = file_name(_get(result, "source", "<text>"))
    title = str(_get(profile, "title", "") or _get(result, "profile", "") or "profile")
    if _get(profile, "id") == "posting":
        where = file_name(_get(profile, "source", "") or "")
        return f"{doc} vs the posting “{title}”" + (
            f" ({where})" if with_file and where and where != "<text>" else ""
        )
    return f"{doc} vs {title}"


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
            f" (core coverage {result.core_coverage:.0%})",
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
