"""What would add most: the points each missing profile skill would add, named firmly."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from jdmatch.contrast import ContrastModel
from jdmatch.models import MissingSkill
from jdmatch.profile import RoleProfile
from jdmatch.scoring.coverage import Coverage, group_coverage
from jdmatch.scoring.terms import SKILL_PREFIX, DocumentVector


def missing_skills(profile: RoleProfile, cov: Coverage, vec: DocumentVector, pvec: Mapping[str, float], *,
                   implies: Mapping[str, tuple[str, ...]], contrast: ContrastModel | None, base_logit: float,
                   contrast_values: Mapping[str, float], weights: tuple[float, float, float], score: float,
                   candidates: Sequence[str], names: Mapping[str, str], limit: int) -> tuple[MissingSkill, ...]:
    """The ``limit`` missing skills among ``candidates`` that would add most, best first.

    Each is scored as if named firmly (depth 1), with what it implies. Only the
    groups it changes are worked out again. In a group where one member is
    enough the members are alternatives: none is advised when one is present,
    and the group is one piece of advice (its best member) when none is.
    """
    index, credit, group_cov = cov.index, cov.credit, cov.group_cov
    sim_scale = profile.similarity_scale
    found: list[tuple[float, str]] = []
    represented: dict[int, int] = {}
    for sid in candidates:
        if sid in credit:
            continue
        if any(profile.groups[gi].mode == "any" and group_cov[gi] > 0 for gi, _ in index.places[sid]):
            continue  # an interchangeable alternative of a skill already there
        cos2 = vec.cosine_with(pvec.get(SKILL_PREFIX + sid, 0.0))
        added = {sid: 1.0}
        for t in implies.get(sid, ()):
            if t not in credit:
                added[t] = 1.0
        changed: dict[int, float] = {}
        for t in added:
            for gi, _w in index.places.get(t, ()):
                if gi in changed or group_cov[gi] >= 1.0:
                    continue
                vals = dict(cov.values[gi])
                vals.update({x: 1.0 for x in added if x in index.weights[gi]})
                changed[gi] = group_coverage(profile.groups[gi], index, gi, vals)
        p2c = None
        if contrast is not None:  # the skill joins at full value; a profile skill's weight is never negative
            z = base_logit + max(0.0, contrast.coef.get(sid, 0.0)) * (1.0 - contrast_values.get(sid, 0.0))
            p2c = 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0
        gain = cov.parts.changed(profile, index, group_cov, changed).score(min(1.0, cos2 / sim_scale), p2c, weights) - score
        alt_group = _any_group(profile, cov, sid)
        if alt_group is not None:
            prev = represented.get(alt_group)
            if prev is not None:
                if gain > found[prev][0] + 1e-12:
                    found[prev] = (gain, sid)
                continue
            represented[alt_group] = len(found)
        found.append((gain, sid))
    ranked = []
    for gain, sid in found:
        alt_group = _any_group(profile, cov, sid)
        alts: tuple[str, ...] = ()
        if alt_group is not None:
            alts = tuple(names.get(s.id, s.id) for s in profile.groups[alt_group].skills if s.id != sid)[:6]
        ranked.append((-gain, sid, alts))
    ranked.sort(key=lambda x: (x[0], x[1]))
    return tuple(MissingSkill(sid, names.get(sid, sid), index.group_of[sid], -neg, alts) for neg, sid, alts in ranked[:limit])


def _any_group(profile: RoleProfile, cov: Coverage, sid: str) -> int | None:
    """The first group where ``sid`` is one of interchangeable alternatives, if any."""
    return next((gi for gi, _ in cov.index.places[sid] if profile.groups[gi].mode == "any"), None)
