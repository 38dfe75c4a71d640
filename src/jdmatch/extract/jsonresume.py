"""JSON Resume (jsonresume.org schema): a resume kept as structured data, read as a resume.

The resume is rendered as the text a person would write: the name and
``basics.label`` as the headline, an "Experience" section with one
"Position, Company  Jan 2019 – Present" line per ``work[]`` entry and its
highlights as bullets (the form :func:`jdmatch.structure.resume_experience`
reads dates and years per skill from), then "Education", "Skills" (each
skill's name and keywords) and the other sections. Nothing of the JSON itself
(braces, keys) reaches the text.
"""

from __future__ import annotations

import re
from typing import Any

KEYS = frozenset(
    {
        "$schema",
        "basics",
        "work",
        "volunteer",
        "education",
        "awards",
        "certificates",
        "publications",
        "skills",
        "languages",
        "interests",
        "references",
        "projects",
        "meta",
    }
)
_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{1,2}))?(?:-\d{1,2})?")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def is_jsonresume(data: Any) -> bool:
    """A JSON object shaped like a JSON Resume: ``basics`` or ``work`` as the schema has them, and mostly its keys."""
    if not isinstance(data, dict) or not data:
        return False
    if "jsonresume" in str(data.get("$schema", "")).lower():
        return True
    shaped = isinstance(data.get("basics"), dict) or (
        isinstance(data.get("work"), list) and any(isinstance(w, dict) for w in data["work"])
    )
    return shaped and sum(k in KEYS for k in data) * 2 >= len(data)


def _s(value: Any) -> str:
    return (
        " ".join(str(value).split())
        if isinstance(value, (str, int, float)) and not isinstance(value, bool)
        else ""
    )


def _date(value: Any) -> str:
    """ "2019-01-15" -> "Jan 2019", "2019" -> "2019"; anything else as written."""
    text = _s(value)
    m = _ISO.match(text)
    if not m:
        return text
    year, month = m.group(1), m.group(2)
    return f"{_MONTHS[int(month) - 1]} {year}" if month and 1 <= int(month) <= 12 else year


def _span(item: dict[str, Any], start: str = "startDate", end: str = "endDate") -> str:
    a, b = _date(item.get(start)), _date(item.get(end))
    if a:
        return f"{a} – {b or 'Present'}"
    return b


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _line(*parts: str, sep: str = ", ") -> str:
    return sep.join(p for p in parts if p)


def resume_text(data: dict[str, Any]) -> str:
    """The resume as readable text with the headings the section finder knows."""
    out: list[str] = []
    basics: dict[str, Any] = data["basics"] if isinstance(data.get("basics"), dict) else {}
    out.append(_s(basics.get("name")) or "Resume")
    if _s(basics.get("label")):
        out.append(_s(basics["label"]))
    loc: dict[str, Any] = basics["location"] if isinstance(basics.get("location"), dict) else {}
    contact = _line(
        _line(_s(loc.get("city")), _s(loc.get("region")), _s(loc.get("countryCode"))),
        _s(basics.get("url")),
        sep=" · ",
    )
    if contact:
        out.append(contact)
    if _s(basics.get("summary")):
        out += ["", "Summary", _s(basics["summary"])]

    def entries(
        heading: str, items: list[Any], title_keys: tuple[str, ...], extra: str = ""
    ) -> None:
        rows = [i for i in items if isinstance(i, dict)]
        if not rows:
            return
        out.extend(["", heading])
        for item in rows:
            # the schema's 0.x releases named the employer `company`, 1.x names it `name`
            title = _line(
                _s(item.get(title_keys[0])),
                next((_s(item.get(k)) for k in title_keys[1:] if _s(item.get(k))), ""),
            )
            span = _span(item)
            out.append("")
            out.append(f"{title}  {span}" if title and span else title or span)
            for key in ("summary", "description"):
                if _s(item.get(key)):
                    out.append(_s(item[key]))
            out.extend(f"- {_s(h)}" for h in _list(item.get("highlights")) if _s(h))
            if extra and _list(item.get(extra)):
                out.append("- " + ", ".join(_s(k) for k in item[extra] if _s(k)))

    entries("Experience", _list(data.get("work")), ("position", "name", "company"))
    schools = [e for e in _list(data.get("education")) if isinstance(e, dict)]
    if schools:
        out.extend(["", "Education"])
        for e in schools:
            degree = _line(_s(e.get("studyType")), _s(e.get("area")), sep=" in ")
            head = _line(degree, _s(e.get("institution")))
            span = _span(e)
            out.append(f"{head}  {span}" if head and span else head or span)
            out.extend(f"- {_s(c)}" for c in _list(e.get("courses")) if _s(c))
    certs = [c for c in _list(data.get("certificates")) if isinstance(c, dict)]
    if certs:
        out.extend(["", "Certifications"])
        out.extend(
            _line(_s(c.get("name")), _s(c.get("issuer")), _date(c.get("date"))) for c in certs
        )
    skills = [s for s in _list(data.get("skills")) if isinstance(s, dict)]
    if skills:
        out.extend(["", "Skills"])
        for s in skills:
            keywords = ", ".join(_s(k) for k in _list(s.get("keywords")) if _s(k))
            name = _s(s.get("name"))
            level = f" ({_s(s['level'])})" if _s(s.get("level")) else ""
            out.append(
                f"- {name}{level}: {keywords}"
                if name and keywords
                else f"- {name or keywords}{level}"
            )
    languages = [
        lang
        for lang in _list(data.get("languages"))
        if isinstance(lang, dict) and _s(lang.get("language"))
    ]
    if languages:
        out.extend(["", "Languages"])
        out.extend(
            f"- {_s(lang['language'])}"
            + (f" ({_s(lang['fluency'])})" if _s(lang.get("fluency")) else "")
            for lang in languages
        )
    # last, so that their dates are not taken for years of work (the experience section ends at Education)
    entries("Projects", _list(data.get("projects")), ("name", "entity"), extra="keywords")
    entries("Volunteering", _list(data.get("volunteer")), ("position", "organization"))
    return "\n".join(out).strip()


def resume_fields(data: dict[str, Any]) -> dict[str, Any]:
    """What jdmatch keeps of the structure: the headline, the work entries with their dates, skills by category."""
    basics: dict[str, Any] = data["basics"] if isinstance(data.get("basics"), dict) else {}
    work = [
        {
            "position": _s(w.get("position")),
            "name": _s(w.get("name") or w.get("company")),
            "startDate": _s(w.get("startDate")),
            "endDate": _s(w.get("endDate")),
        }
        for w in _list(data.get("work"))
        if isinstance(w, dict)
    ]
    skills = [
        {"name": _s(s.get("name")), "keywords": [_s(k) for k in _list(s.get("keywords")) if _s(k)]}
        for s in _list(data.get("skills"))
        if isinstance(s, dict)
    ]
    fields = {
        "format": "jsonresume",
        "title": _s(basics.get("label")),
        "name": _s(basics.get("name")),
        "work": work,
        "skills": skills,
    }
    return {k: v for k, v in fields.items() if v not in ("", [])}
