"""The explanation of a score: the evidence of each skill, the terms and skills that weigh most, notes."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from jdmatch.contrast import ContrastModel
from jdmatch.evidence import SkillDepth
from jdmatch.models import GroupCoverage, SkillEvidence, SkillMatch, TermContribution
from jdmatch.profile import RoleProfile
from jdmatch.scoring.coverage import Coverage
from jdmatch.scoring.terms import SKILL_PREFIX, DocumentVector


def group_coverages(profile: RoleProfile, cov: Coverage) -> tuple[GroupCoverage, ...]:
    return tuple(
        GroupCoverage(
            g.id,
            g.name,
            g.weight,
            g.mode,
            c,
            # a group none of whose skills the document has (most of them) is not walked
            tuple(s.id for s in g.skills if s.id in cov.credit) if values else (),
            g.core,
        )
        for g, c, values in zip(profile.groups, cov.group_cov, cov.values)
    )


def matched_skills(
    cov: Coverage,
    matches: Sequence[SkillMatch],
    counts: Mapping[str, int],
    hedged: set[str],
    depth: Mapping[str, SkillDepth] | None,
    names: Mapping[str, str],
    *,
    limit: int | None = None,
) -> tuple[SkillEvidence, ...]:
    """The profile skills the document has, in profile order: the text showing each (five mentions at most),
    its depth, or the skills implying it. ``limit`` stops after that many."""
    index = cov.index
    mentions: dict[str, list[SkillMatch]] = {}
    for m in matches:
        mentions.setdefault(m.id, []).append(m)
    out: list[SkillEvidence] = []
    for sid in index.skill_ids:
        if limit is not None and len(out) >= limit:
            break
        d = depth.get(sid) if depth is not None else None
        if sid in counts and sid not in hedged:
            ms = mentions[sid]
            out.append(
                SkillEvidence(
                    sid,
                    names.get(sid, sid),
                    index.group_of[sid],
                    tuple(dict.fromkeys(m.text for m in ms))[:5],
                    tuple((m.start, m.end) for m in ms[:5]),
                    depth=d.to_dict() if d is not None else None,
                )
            )
        elif sid in cov.implied_by:
            out.append(
                SkillEvidence(
                    sid,
                    names.get(sid, sid),
                    index.group_of[sid],
                    implied_by=tuple(cov.implied_by[sid]),
                )
            )
    return tuple(out)


def top_terms(
    vec: DocumentVector, pvec: Mapping[str, float], names: Mapping[str, str], limit: int
) -> tuple[TermContribution, ...]:
    """The terms with the largest shares of the cosine (the shares of all terms add up to it)."""
    if vec.norm2 <= 0:
        return ()
    root = math.sqrt(vec.norm2)
    shares = []
    for term, v in vec.terms.items():
        c = v * pvec.get(term, 0.0) / root
        if c > 0:
            shares.append((-c, term))
    shares.sort()
    return tuple(
        TermContribution(
            term, names.get(term[1:], term[1:]) if term.startswith(SKILL_PREFIX) else term, -neg
        )
        for neg, term in shares[:limit]
    )


def contrast_terms(
    contrast: ContrastModel,
    values: Mapping[str, float],
    keep_positive: frozenset[str],
    names: Mapping[str, str],
) -> tuple[TermContribution, ...]:
    """The skills that move the contrast model most, either way."""
    return tuple(
        TermContribution(SKILL_PREFIX + sid, names.get(sid, sid), c)
        for sid, c in contrast.contributions(values, keep_positive=keep_positive)
    )


def notes(profile: RoleProfile, cov: Coverage) -> tuple[str, ...]:
    """Why a score is held back, in words."""
    out = []
    gate = cov.parts.gate
    if gate < 1.0:
        thin = [g.name for g, c in zip(profile.groups, cov.group_cov) if g.core and c < 0.5]
        out.append(
            f"the core of the role is thin ({', '.join(thin) or 'little evidence'}): the score keeps "
            f"{gate:.0%} of what the rest would give"
        )
    return tuple(out)
