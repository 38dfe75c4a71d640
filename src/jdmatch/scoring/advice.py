"""What would add most: the points each missing profile skill would add, named firmly."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from jdmatch.contrast import ContrastModel
from jdmatch.models import MissingSkill
from jdmatch.profile import RoleProfile
from jdmatch.scoring.coverage import Coverage, coverage_with
from jdmatch.scoring.terms import SKILL_PREFIX, DocumentVector


def missing_skills(
    profile: RoleProfile,
    cov: Coverage,
    vec: DocumentVector,
    pvec: Mapping[str, float],
    *,
    implies: Mapping[str, tuple[str, ...]],
    contrast: ContrastModel | None,
    base_logit: float,
    contrast_values: Mapping[str, float],
    weights: tuple[float, float, float],
    score: float,
    candidates: Sequence[str],
    names: Mapping[str, str],
    limit: int,
) -> tuple[MissingSkill, ...]:
    """The ``limit`` missing skills among ``candidates`` that would add most, best first.

    Each is scored as if named firmly (depth 1), with what it implies. Only the
    groups it changes are worked out again. In a group where one member is
    enough the members are alternatives: none is advised when one is present,
    and the group is one piece of advice (its best member) when none is.
    """
    # the same arithmetic as Parts.changed(...).score(...) and DocumentVector.cosine_with, inlined: this
    # loop runs for every missing skill of every document of a batch
    index, credit, group_cov, parts = cov.index, cov.credit, cov.group_cov, cov.parts
    sim_scale = profile.similarity_scale
    gw, total, core_weight, core_set = (
        index.group_weight,
        index.total_weight,
        index.core_weight,
        index.core_set,
    )
    floor, full = profile.core_floor, profile.core_full
    cw, sw, kw = weights
    scale = parts.scale
    denom = 1.0 - math.exp(-1.0 / scale) if scale < 1.0 else 1.0
    lam, vdot, vnorm2 = vec.lam, vec.dot, vec.norm2
    shown_any = {gi for gi, m in enumerate(index.modes) if m == "any" and group_cov[gi] > 0}
    base_values: dict[int, list[float]] = {}
    # a group's coverage with one more value, memoized: many skills of a group share a weight
    with_one: dict[tuple[int, float], float] = {}
    coef = contrast.coef if contrast is not None else None
    any_of, places_of, weights_of = index.any_groups, index.places, index.weights
    found: list[tuple[float, str]] = []
    represented: dict[int, int] = {}
    for sid in candidates:
        if sid in credit:
            continue
        any_groups = any_of[sid]
        if any_groups and not shown_any.isdisjoint(any_groups):
            continue  # an interchangeable alternative of a skill already there
        p = pvec.get(SKILL_PREFIX + sid, 0.0)
        lp = lam * p
        dot2, norm2 = vdot + lp * p, vnorm2 + lp * lp
        cos2 = dot2 / math.sqrt(norm2) if norm2 > 0 else 0.0
        targets = implies.get(sid)
        added = (
            list(dict.fromkeys([sid, *(t for t in targets if t not in credit)]))
            if targets
            else None
        )
        changed: dict[int, float] = {}
        for t in added or (sid,):
            for gi, w_t in places_of.get(t, ()):
                if gi in changed or group_cov[gi] >= 1.0:
                    continue
                base = base_values.get(gi)
                if base is None:
                    weights_gi = weights_of[gi]
                    base = base_values[gi] = sorted(
                        (weights_gi[x] * c for x, c in cov.values[gi].items()), reverse=True
                    )
                if added is None:  # the skill alone joins: its weight here
                    key = (gi, w_t)
                    c = with_one.get(key)
                    if c is None:
                        c = with_one[key] = coverage_with(index, gi, base, [w_t * 1.0])
                    changed[gi] = c
                else:
                    w = weights_of[gi]
                    changed[gi] = coverage_with(
                        index, gi, base, [w[x] * 1.0 for x in added if x in w]
                    )
        dcov = dcore = 0.0
        for gi, c in changed.items():
            d = gw[gi] * (c - group_cov[gi])
            dcov += d
            if gi in core_set:
                dcore += d
        coverage2 = parts.coverage + dcov / total
        core2 = parts.core + dcore / core_weight if core_weight > 0 else 1.0
        gate2 = 1.0 if floor >= 1.0 or core2 >= full else floor + (1.0 - floor) * core2 / full
        counted = (1.0 - math.exp(-coverage2 / scale)) / denom if scale < 1.0 else coverage2
        p2c = 0.0
        if (
            coef is not None
        ):  # the skill joins at full value; a profile skill's weight is never negative
            z = base_logit + max(0.0, coef.get(sid, 0.0)) * (1.0 - contrast_values.get(sid, 0.0))
            p2c = 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0
        gain = 100.0 * (cw * counted + sw * min(1.0, cos2 / sim_scale) + kw * p2c) * gate2 - score
        alt_group = any_groups[0] if any_groups else None
        if alt_group is not None:
            prev = represented.get(alt_group)
            if prev is not None:
                if gain > found[prev][0] + 1e-12:
                    found[prev] = (gain, sid)
                continue
            represented[alt_group] = len(found)
        found.append((gain, sid))
    found.sort(key=lambda x: (-x[0], x[1]))
    out = []
    for gain, sid in found[:limit]:  # the alternatives are named only for the advice shown
        alt_group = _any_group(profile, cov, sid)
        alts: tuple[str, ...] = ()
        if alt_group is not None:
            alts = tuple(
                names.get(s.id, s.id) for s in profile.groups[alt_group].skills if s.id != sid
            )[:6]
        out.append(MissingSkill(sid, names.get(sid, sid), index.group_of[sid], gain, alts))
    return tuple(out)


def _any_group(profile: RoleProfile, cov: Coverage, sid: str) -> int | None:
    """The first group where ``sid`` is one of interchangeable alternatives, if any."""
    groups = cov.index.any_groups[sid]
    return groups[0] if groups else None
