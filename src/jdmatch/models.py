"""Frozen value types passed between the stages of the pipeline."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Document:
    """The text of one resume or job posting, as extracted.

    ``source`` is the path it was read from (or ``"<text>"``), ``media_type`` the
    detected type (``application/pdf``, ``text/html``, ...), and ``pages`` the
    page count where the format has pages. ``date`` is the day the document was
    written, where it says so itself, and ``date_source`` where that came from
    (``"docx core properties"``, ``"pdf ModDate"``, ``"pdf CreationDate"``,
    ``"header"``; ``""`` without a date): a resume's "Present" means that day.
    ``fields`` holds what a structured format says itself (a JSON-LD
    ``JobPosting``, a JSON Resume, a page's title; ``fields["format"]`` names it)
    and ``warnings`` what could not be read and what was read instead (a JSON-LD
    block that does not parse...).
    """

    text: str
    source: str = "<text>"
    media_type: str = "text/plain"
    pages: int | None = None
    date: datetime.date | None = None
    date_source: str = ""
    fields: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=False)
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["date"] = self.date.isoformat() if self.date else None
        data["fields"], data["warnings"] = dict(self.fields), list(self.warnings)
        return data


@dataclass(frozen=True, slots=True)
class SkillMatch:
    """One mention of a skill: ``text[start:end] == match.text``."""

    id: str
    name: str
    label: str
    category: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class SkillEvidence:
    """A profile skill the document has: the text that shows it, or the skill that implies it."""

    id: str
    name: str
    group: str
    mentions: tuple[str, ...] = ()
    spans: tuple[tuple[int, int], ...] = ()
    implied_by: tuple[str, ...] = ()
    depth: dict[str, Any] | None = (
        None  # how firmly the document shows it: roles, years, last use (see jdmatch.evidence)
    )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "group": self.group,
            "mentions": list(self.mentions),
            "spans": [list(s) for s in self.spans],
            "implied_by": list(self.implied_by),
            "depth": self.depth,
        }


@dataclass(frozen=True, slots=True)
class MissingSkill:
    """A profile skill the document lacks, and how many points naming it would add."""

    id: str
    name: str
    group: str
    gain: float
    alternatives: tuple[
        str, ...
    ] = ()  # any of these would do as well (one piece of advice for the group)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "group": self.group,
            "gain": round(self.gain, 2),
            "alternatives": list(self.alternatives),
        }


@dataclass(frozen=True, slots=True)
class GroupCoverage:
    """How much of one profile group the document covers (0-1)."""

    id: str
    name: str
    weight: float
    mode: str
    coverage: float
    matched: tuple[str, ...]
    core: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "weight": self.weight,
            "mode": self.mode,
            "coverage": round(self.coverage, 4),
            "matched": list(self.matched),
            "core": self.core,
        }


@dataclass(frozen=True, slots=True)
class TermContribution:
    """One term's share of the TF-IDF cosine (the shares add up to the cosine)."""

    term: str
    name: str
    contribution: float

    def to_dict(self) -> dict[str, Any]:
        return {"term": self.term, "name": self.name, "contribution": round(self.contribution, 4)}


@dataclass(frozen=True, slots=True)
class DocumentLevel:
    """The rung of the career ladder a document reads as (``"n/a"``, rank 0, when it names no
    engineering role), its track, the evidence, and the document's kind (``"resume"`` or ``"posting"``)."""

    level: str
    rank: int
    track: str
    evidence: str
    kind: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class FitResult:
    """How well one document fits a profile, with the evidence.

    ``score`` (0-100) = 100 * (coverage_weight * coverage + (1 - coverage_weight) * similarity);
    see the README, "How scoring works". ``as_of`` (ISO date) is the day a resume's
    "Present" was read as, ``as_of_source`` why: ``"docx core properties"``,
    ``"pdf ModDate"``, ``"pdf CreationDate"``, ``"header"``, ``"as of"`` (given by
    the caller) or ``"today"``.
    """

    score: float
    similarity: float
    coverage: float
    matched: tuple[SkillEvidence, ...]
    missing: tuple[MissingSkill, ...]
    groups: tuple[GroupCoverage, ...]
    top_terms: tuple[TermContribution, ...] = ()
    cosine: float = 0.0
    profile: str = ""
    source: str = "<text>"
    skills: tuple[tuple[str, int], ...] = ()
    hedged: tuple[str, ...] = ()
    negated: tuple[str, ...] = ()
    seniority: DocumentLevel | None = None
    years: float | None = None
    gaps: tuple[str, ...] = ()
    contrast: float | None = (
        None  # P(the role rather than a neighbour | skills), see jdmatch.contrast
    )
    core_coverage: float = 1.0
    core_gate: float = 1.0  # share of the score kept when the core of the role is thin
    level_gate: float = (
        1.0  # share of the score kept when a resume is below the years or level asked
    )
    band: str = ""
    notes: tuple[str, ...] = ()
    contrast_terms: tuple[TermContribution, ...] = ()
    as_of: str | None = None
    as_of_source: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "profile": self.profile,
            "score": round(self.score, 2),
            "band": self.band,
            "contrast": round(self.contrast, 4) if self.contrast is not None else None,
            "core_coverage": round(self.core_coverage, 4),
            "core_gate": round(self.core_gate, 4),
            "level_gate": round(self.level_gate, 4),
            "notes": list(self.notes),
            "contrast_terms": [t.to_dict() for t in self.contrast_terms],
            "seniority": self.seniority.to_dict() if self.seniority is not None else None,
            "years": self.years,
            "as_of": self.as_of,
            "as_of_source": self.as_of_source,
            "gaps": list(self.gaps),
            "hedged": list(self.hedged),
            "negated": list(self.negated),
            "coverage": round(self.coverage, 4),
            "similarity": round(self.similarity, 4),
            "cosine": round(self.cosine, 4),
            "groups": [g.to_dict() for g in self.groups],
            "matched": [m.to_dict() for m in self.matched],
            "missing": [m.to_dict() for m in self.missing],
            "top_terms": [t.to_dict() for t in self.top_terms],
            "skills": [{"id": i, "count": c} for i, c in self.skills],
        }
