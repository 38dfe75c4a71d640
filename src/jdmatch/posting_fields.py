"""What a structured posting states outright, as requirements.

A schema.org ``JobPosting`` (see :mod:`jdmatch.extract.jsonld`) lists its
``skills``, ``experienceRequirements.monthsOfExperience`` and
``educationRequirements`` as fields. The text scan of
:func:`jdmatch.structure.posting_requirements` may read a bare list of skills
as preferred, or miss the years; these functions give the fields' word:
listed skills are required unless an item says otherwise ("Kafka (nice to
have)"), the months asked are the years required, the education is a degree asked.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from jdmatch.models import Document


@dataclass(frozen=True, slots=True)
class PostingExtras:
    """The requirements a posting's structured fields state: skill texts, years, degree."""

    required: tuple[str, ...] = ()
    preferred: tuple[str, ...] = ()
    years: float | None = None
    degree: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "required": list(self.required),
            "preferred": list(self.preferred),
            "years": self.years,
            "degree": self.degree,
        }


# what the skills field's items are read under
_HEAD = "Skills: "


def posting_extras(doc: Document) -> PostingExtras:
    """The structured requirements of ``doc`` (empty for a document without JobPosting fields)."""
    fields = doc.fields or {}
    if fields.get("format") != "schema.org/JobPosting":
        return PostingExtras()
    from jdmatch.extract.jsonld import PREFERRED

    skills = [str(s) for s in fields.get("skills", ())]
    months = fields.get("experience_months")
    education = [str(e) for e in fields.get("education", ())]
    return PostingExtras(
        required=tuple(s for s in skills if not PREFERRED.search(s)),
        preferred=tuple(s for s in skills if PREFERRED.search(s)),
        years=round(float(months) / 12, 1) if months else None,
        degree=education[0] if education else None,
    )


def apply_extras(reqs: Any, doc: Document, recognizer: Any) -> Any:
    """``reqs`` (a :class:`jdmatch.structure.Requirements`) with what ``doc``'s structured fields state added."""
    extras = posting_extras(doc)
    if extras == PostingExtras():
        return reqs
    from jdmatch.structure import SkillRequirement

    required = {r.id: r for r in reqs.required}
    preferred = {r.id: r for r in reqs.preferred}
    # the field is a list of skills: read it as one, headed so, so that its ambiguous names
    # ("Go", "Spring", "Prometheus") count as they would under a posting's "Skills:" line
    listed = (_HEAD + ", ".join(extras.required) if extras.required else "") + (
        f". {extras.degree}" if extras.degree else ""
    )
    listed_matches = recognizer.recognize(listed) if listed.strip() else []
    for m in listed_matches:
        if m.label != "soft_skill" and m.id not in required:
            old = preferred.pop(m.id, None)
            required[m.id] = SkillRequirement(
                m.id,
                m.name,
                "required",
                old.years if old else None,
                old.alternatives if old else (),
                "listed in the posting's skills",
            )
    listed_ids = {m.id for m in listed_matches}
    for m in recognizer.recognize(_HEAD + ", ".join(extras.preferred)) if extras.preferred else ():
        # an item the list marks optional ("Kafka (nice to have)") is preferred, whatever the scan of its line said
        if m.label != "soft_skill" and m.id not in listed_ids:
            old = required.pop(m.id, None) or preferred.get(m.id)
            preferred[m.id] = SkillRequirement(
                m.id,
                m.name,
                "preferred",
                old.years if old else None,
                old.alternatives if old else (),
                "listed in the posting's skills as optional",
            )
    return dataclasses.replace(
        reqs,
        required=tuple(required.values()),
        preferred=tuple(preferred.values()),
        years_required=reqs.years_required or extras.years,
    )
