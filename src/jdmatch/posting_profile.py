"""A role profile made from one job posting (``Matcher(job=...)``, ``jdmatch match``).

The posting's skills, as :func:`jdmatch.structure.posting_requirements` reads
them, become the profile's groups: required ones core, preferred ones lighter,
alternatives ("Python or Go") one group where any will do. The weights are data
(``lexicon/rules/posting_profile.toml``).
"""

from __future__ import annotations

import os
import re
from collections import Counter
from typing import Any

from jdmatch import rules
from jdmatch.errors import ProfileError
from jdmatch.inputs import as_document
from jdmatch.models import Document
from jdmatch.profile import GroupSkill, RoleProfile, SkillGroup, load_profile

__all__ = ["profile_from_posting"]


def profile_from_posting(
    source: str | os.PathLike[str] | Document,
    *,
    recognizer: Any = None,
    max_keywords: int | None = None,
) -> RoleProfile:
    """A profile made from one job posting: its skills, grouped by category, weighted by mentions.

    ``source`` follows the one input rule: a ``str`` is the posting's text, an
    ``os.PathLike`` its file, a :class:`~jdmatch.models.Document` is used as read.
    ``recognizer`` is the :class:`~jdmatch.recognize.SkillRecognizer` to read it
    with (default: the shipped lexicon's; a matcher passes its own). ``max_keywords``
    (default: the rules') is how many of its words the profile keeps.
    """
    from jdmatch.contrast import load_contrast
    from jdmatch.posting_fields import apply_extras
    from jdmatch.scoring import document_features
    from jdmatch.structure import posting_requirements

    conf = rules.load("posting_profile")
    weights, settings = conf["groups"], conf["profile"]
    doc = as_document(
        source, what="posting"
    )  # a str is the posting's text, an os.PathLike its file
    if recognizer is None:
        from jdmatch.recognize import default_recognizer

        recognizer = default_recognizer()
    analysis = recognizer.analyze(doc.text)
    # soft skills and umbrella terms ("software development", "IT") are not requirements a resume can miss
    # (nor are the generic knowledge terms learnt from annotated postings: "web applications", "production deployment")
    excluded_labels, excluded_categories, excluded_ids = (
        set(conf["skills"]["excluded_labels"]),
        set(conf["skills"]["excluded_categories"]),
        set(conf["skills"]["excluded_ids"]),
    )
    skills = [
        m
        for m in analysis.matches
        if m.label not in excluded_labels
        and m.id not in excluded_ids
        and m.category not in excluded_categories
    ]
    if not skills:
        raise ProfileError(
            "the posting names no skill jdmatch knows, so it cannot serve as a profile",
            path=doc.source,
        )
    reqs = posting_requirements(doc.text, skills)
    # what a structured posting states in its fields (JSON-LD skills, years, degree); see jdmatch.posting_fields
    reqs = apply_extras(reqs, doc, recognizer)
    groups = _groups(reqs, skills, weights)
    keywords = tuple(
        w
        for w, _ in analysis.words.most_common(
            max_keywords if max_keywords is not None else settings["max_keywords"]
        )
    )
    title = str(doc.fields.get("title") or "") or next(
        (line.strip().lstrip("#").strip() for line in doc.text.splitlines() if line.strip()),
        "Job posting",
    )
    title = title[: settings["max_title"]]
    base = load_profile(settings["base"])
    # a posting that reads as backend development (the backend profile's contrast model says so)
    # is for that role: a resume is also judged by how much it reads like a backend developer's
    contrast_model, contrast_weight, coverage_weight = "", 0.0, settings["coverage_weight"]
    if base.contrast_model:
        model = conf["contrast"]
        if (
            load_contrast(base.contrast_model).probability(document_features(analysis, None))
            >= model["threshold"]
        ):
            contrast_model, contrast_weight, coverage_weight = (
                base.contrast_model,
                model["weight"],
                model["coverage_weight"],
            )
    return RoleProfile(
        id="posting",
        title=title,
        groups=tuple(groups),
        keywords=keywords,
        source=doc.source,
        coverage_weight=coverage_weight,
        similarity_scale=settings["similarity_scale"],
        ladder=base.ladder,
        years_required=reqs.years_required,
        seniority=reqs.seniority,
        core_floor=settings["core_floor"],
        core_full=settings["core_full"],
        level_step=settings["level_step"],
        years_floor=settings["years_floor"],
        contrast_weight=contrast_weight,
        contrast_model=contrast_model,
    )


def _groups(reqs: Any, skills: list[Any], weights: dict[str, Any]) -> list[SkillGroup]:
    """The profile's groups: alternatives first (one of them will do), then the rest by category."""
    counts = Counter(m.id for m in skills)
    category = {m.id: m.category for m in skills}
    name_of = {m.id: m.name for m in skills}
    label_of = {m.id: m.label for m in skills}
    tiers = (
        ("required", weights["required_weight"], True),
        ("preferred", weights["preferred_weight"], False),
    )
    groups: list[SkillGroup] = []
    grouped: set[str] = set()
    # alternatives ("such as Python, Ruby or Java", "one of", "Java/Kotlin", "(JSF, Wicket, GWT)"): one is enough
    for status, per_group, core in tiers:
        for req in reqs.required if status == "required" else reqs.preferred:
            if not req.alternatives or req.id in grouped:
                continue
            members = [req.id, *(a for a in req.alternatives if a in counts and a not in grouped)]
            if len(members) < 2:
                continue
            grouped.update(members)
            names = ", ".join(name_of.get(i, i) for i in members)
            label = "One of" if status == "required" else "Nice to have, one of"
            groups.append(
                SkillGroup(
                    _slug(f"{status}-one-of-" + "-".join(members))[:80],
                    f"{label}: {names}",
                    per_group,
                    "any",
                    tuple(GroupSkill(i) for i in members),
                    core=core,
                    required=status == "required",
                )
            )
    # the rest: required skills weigh more than preferred ones, a skill named often a little more
    half_kinds = set(weights["half_kinds"])
    for status, per_skill, core in tiers:
        by_category: dict[str, list[GroupSkill]] = {}
        for req in reqs.required if status == "required" else reqs.preferred:
            if req.id in grouped:
                continue
            grouped.add(req.id)
            repeats = min(counts[req.id] - 1, weights["repeat_cap"])
            by_category.setdefault(category.get(req.id, "Other"), []).append(
                GroupSkill(req.id, 1.0 + weights["repeat_bonus"] * repeats)
            )
        for cat, members in by_category.items():
            label = "Must have" if status == "required" else "Nice to have"
            # several frameworks, libraries, databases or tools of one kind are rarely all needed:
            # half of them will do ("Laravel, CodeIgniter, Symfony"); languages and the rest all count
            kinds = {label_of.get(gs.id, "") for gs in members}
            need = -(-len(members) // 2) if len(members) > 1 and kinds <= half_kinds else None
            groups.append(
                SkillGroup(
                    _slug(f"{status}-{cat}"),
                    f"{label}: {cat}",
                    per_skill * (need or len(members)),
                    "all",
                    tuple(members),
                    need=need,
                    core=core,
                    required=status == "required",
                )
            )
    return groups


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "group"
