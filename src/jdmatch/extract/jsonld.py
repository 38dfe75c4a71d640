"""schema.org ``JobPosting`` in JSON-LD: the clean copy of a posting that career sites embed.

Job pages often show a JavaScript shell ("Loading...") and keep the posting in a
``<script type="application/ld+json">`` block. This module finds the
``JobPosting`` in such blocks (or in a ``.json`` / ``.jsonld`` file), reads its
fields, and renders the posting as text with headings the rest of jdmatch
understands (Qualifications, Experience, Education, Skills), so that what is
scored is the posting and not the page around it.

Parsed with the standard library's ``json``: extruct (which also reads
microdata and RDFa) installs here but its import pulls in rdflib and lxml
(0.25-0.4 s, about 480 modules), a quarter of a cold start, for what one
``json.loads`` does for JSON-LD.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from typing import Any

_MAX_NODES = 20000  # objects visited per block: a hostile page cannot make the walk run long
_TAG = re.compile(r"<[a-zA-Z/!][^>]*>")
_SPLIT = re.compile(r"(?<!\s)\s*(?:[,;\n\u2022]|\s-\s)\s*")
PREFERRED = re.compile(
    r"\b(?:preferred|nice to have|nice-to-have|a plus|bonus|optional|desirable|ideally)\b", re.I
)


def parse_blocks(blocks: Iterable[str]) -> tuple[list[Any], list[str]]:
    """The parsed JSON-LD blocks, and a warning for each block that does not parse."""
    parsed: list[Any] = []
    warnings: list[str] = []
    for i, block in enumerate(blocks, 1):
        text = _unwrap(block)
        try:
            parsed.append(
                json.loads(text, strict=False)
            )  # strict=False: raw newlines inside strings, as pages write them
            continue
        except (json.JSONDecodeError, RecursionError) as exc:
            where = (
                f" (line {exc.lineno}, column {exc.colno}: {exc.msg})"
                if isinstance(exc, json.JSONDecodeError)
                else " (nested too deeply)"
            )
        try:  # the slip sites make most: a comma before a closing bracket
            parsed.append(json.loads(_TRAILING_COMMA.sub(r"\1", text), strict=False))
        except (json.JSONDecodeError, RecursionError):
            warnings.append(f"JSON-LD block {i} does not parse{where}")
    return parsed, warnings


_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_WRAPPERS = (("<!--", "-->"), ("//<![CDATA[", "//]]>"), ("<![CDATA[", "]]>"))


def _unwrap(block: str) -> str:
    """The JSON of a script block that old pages wrap in an HTML comment or a CDATA section."""
    text = block.strip()
    for head, tail in _WRAPPERS:
        if text.startswith(head) and text.endswith(tail):
            text = text[len(head) : -len(tail)].strip()
    return text


def _types(node: dict[str, Any]) -> list[str]:
    raw = node.get("@type", [])
    values = raw if isinstance(raw, list) else [raw]
    return [str(v).rsplit("/", 1)[-1].rsplit(":", 1)[-1] for v in values if isinstance(v, str)]


def find_posting(data: Any) -> dict[str, Any] | None:
    """The first ``JobPosting`` object in parsed JSON-LD (at the top, in ``@graph``, or nested, e.g. ``mainEntity``)."""
    stack = [data]
    seen = 0
    while stack and seen < _MAX_NODES:
        node = stack.pop(0)
        seen += 1
        if isinstance(node, dict):
            if "JobPosting" in _types(node):
                return node
            stack.extend(v for v in node.values() if isinstance(v, (dict, list)))
        elif isinstance(node, list):
            stack.extend(v for v in node if isinstance(v, (dict, list)))
    return None


def _text(value: Any) -> str:
    """A field's value as plain text: HTML turned into lines, lists joined, objects by name or description."""
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dict):
        for key in ("name", "description", "text", "credentialCategory", "@value"):
            if value.get(key):
                return _text(value[key])
        return ""
    if isinstance(value, list):
        return "\n".join(t for t in (_text(v) for v in value) if t)
    text = str(value)
    if "&lt;" in text and "<" not in text:  # HTML escaped once more than needed
        text = html.unescape(text)
    if _TAG.search(text) or "&" in text:
        from jdmatch.extract.html import html_to_text

        return html_to_text(text)
    return " ".join(text.split()) if "\n" not in text else text.strip()


def _items(value: Any, *, split: bool = False) -> list[str]:
    """A field that lists things (skills, qualifications): one string per item; ``split`` also cuts "Python, Kafka; SQL"."""
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    out: list[str] = []
    for v in values:
        text = _text(v)
        if not text:
            continue
        if split and isinstance(v, str) and len(text) < 2000:
            out.extend(p.strip(" -*.") for p in _SPLIT.split(text) if p.strip(" -*."))
        else:
            out.extend(
                line.strip().lstrip("-* ").strip() for line in text.splitlines() if line.strip()
            )
    return list(dict.fromkeys(out))


def _months(value: Any) -> float | None:
    values = value if isinstance(value, list) else [value]
    for v in values:
        if isinstance(v, dict) and v.get("monthsOfExperience") is not None:
            try:
                months = float(v["monthsOfExperience"])
            except (TypeError, ValueError):
                continue
            if 0 < months < 12 * 60:
                return months
    return None


def posting_fields(node: dict[str, Any]) -> dict[str, Any]:
    """The fields jdmatch reads from a ``JobPosting`` (JSON-ready; empty ones left out)."""
    org = node.get("hiringOrganization")
    fields: dict[str, Any] = {
        "format": "schema.org/JobPosting",
        "title": _text(node.get("title") or node.get("name")),
        "hiring_organization": _text(org.get("name") if isinstance(org, dict) else org),
        "date_posted": _text(node.get("datePosted")),
        "employment_type": _items(node.get("employmentType"), split=True),
        "description": _text(node.get("description")),
        "responsibilities": _items(node.get("responsibilities")),
        "qualifications": _items(node.get("qualifications")),
        "skills": _items(node.get("skills"), split=True),
        "experience": _items(node.get("experienceRequirements")),
        "experience_months": _months(node.get("experienceRequirements")),
        "education": _items(node.get("educationRequirements")),
    }
    return {k: v for k, v in fields.items() if v not in ("", [], None)}


def posting_text(fields: dict[str, Any]) -> str:
    """The posting as text, with headings the section finder knows."""
    parts: list[str] = []
    if fields.get("title"):
        parts.append(fields["title"])
    meta = [
        fields.get("hiring_organization", ""),
        ", ".join(fields.get("employment_type", ())).replace("_", " ").lower(),
    ]
    if fields.get("date_posted"):
        meta.append(f"posted {fields['date_posted']}")
    if any(meta):
        parts.append(" · ".join(m for m in meta if m))
    if fields.get(
        "description"
    ):  # under a heading, so that it is not taken for the company and pay lines
        parts += ["", "The role", fields["description"]]

    def section(heading: str, items: list[str]) -> None:
        if items:
            parts.extend(["", heading, *(f"- {i}" for i in items)])

    section("Responsibilities", fields.get("responsibilities", []))
    section("Qualifications", fields.get("qualifications", []))
    experience = list(fields.get("experience", []))
    months = fields.get("experience_months")
    if months:
        experience.insert(0, f"At least {months / 12:g} years of experience")
    section("Experience", experience)
    section("Education", fields.get("education", []))
    section("Skills", fields.get("skills", []))
    return "\n".join(parts).strip()


def read_jsonld(data: Any) -> tuple[str, dict[str, Any]] | None:
    """(text, fields) of the ``JobPosting`` in parsed JSON-LD, or None when there is none with any content."""
    node = find_posting(data)
    if node is None:
        return None
    fields = posting_fields(node)
    if not any(
        fields.get(k) for k in ("description", "skills", "qualifications", "responsibilities")
    ):
        return None
    return posting_text(fields), fields
