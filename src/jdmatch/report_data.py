"""What every report says, computed once: skills grouped with their codes, the JSON of a score
and of skills (shared by the command line and the server), and the facts the terminal, HTML and
Markdown reports all state (band, level, years, gaps, the date "Present" was taken as)."""

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
