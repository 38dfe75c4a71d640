"""What would add most: the points each missing profile skill would add, named firmly."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from jdmatch.contrast import ContrastModel
from jdmatch.models import MissingSkill
from jdmatch.profile import RoleProfile
from jdmatch.scoring.coverage import Coverage, ProfileIndex, coverage_with
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
    weights_of = index.weights

    def coverage_part(added: Sequence[tuple[int, Sequence[float]]]) -> tuple[float, float]:
        """(counted coverage, core gate) with the values ``added`` joining their groups."""
        dcov = dcore = 0.0
        for gi, new in added:
            if group_cov[gi] >= 1.0:
                continue
            base = base_values.get(gi)
            if base is None:
                weights_gi = weights_of[gi]
                base = base_values[gi] = sorted(
                    (weights_gi[x] * c for x, c in cov.values[gi].items()), reverse=True
                )
            d = gw[gi] * (coverage_with(index, gi, base, new) - group_cov[gi])
            dcov += d
            if gi in core_set:
                dcore += d
        coverage2 = parts.coverage + dcov / total
        core2 = parts.core + dcore / core_weight if core_weight > 0 else 1.0
        gate2 = 1.0 if floor >= 1.0 or core2 >= full else floor + (1.0 - floor) * core2 / full
        counted = (1.0 - math.exp(-coverage2 / scale)) / denom if scale < 1.0 else coverage2
        return counted, gate2

    coef = contrast.coef if contrast is not None else None
    p2c_base = 0.0
    if coef is not None:
        p2c_base = 1.0 / (1.0 + math.exp(-base_logit)) if base_logit > -700 else 0.0
    # what a skill adds to its groups is the same in every document (it joins at full value): the
    # coverage part is worked out once per document for each such change, which many skills share
    parts_of: dict[int, tuple[float, float]] = {}
    has = credit.keys()
    found: list[tuple[float, str]] = []
    represented: dict[int, int] = {}
    for sid, p, any_groups, targets, coefp, alone, with_targets in _candidate_table(
        index, candidates, implies, pvec, coef
    ):
        if sid in credit:
            continue
        if any_groups and not shown_any.isdisjoint(any_groups):
            continue  # an interchangeable alternative of a skill already there
        lp = lam * p
        dot2, norm2 = vdot + lp * p, vnorm2 + lp * lp
        cos2 = dot2 / math.sqrt(norm2) if norm2 > 0 else 0.0
        change = alone
        if targets:  # with what it implies and the document lacks
            lacking = (
                targets if has.isdisjoint(targets) else tuple(t for t in targets if t not in credit)
            )
            if lacking:
                known = with_targets.get(lacking)
                if known is None:
                    known = with_targets[lacking] = _interned(_change(index, [sid, *lacking]))
                change = known
        # by identity: equal changes are one object (_interned), which the table keeps alive
        part = parts_of.get(id(change))
        if part is None:
            part = parts_of[id(change)] = coverage_part(change)
        counted, gate2 = part
        if coef is None:
            p2c = 0.0
        elif coefp:  # the skill joins at full value; a profile skill's weight is never negative
            z = base_logit + coefp * (1.0 - contrast_values.get(sid, 0.0))
            p2c = 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0
        else:
            p2c = p2c_base
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


_Change = tuple[tuple[int, tuple[float, ...]], ...]  # (group, values joining it) per group changed
_Row = tuple[
    str,
    float,
    tuple[int, ...],
    tuple[str, ...] | None,
    float,
    _Change,
    dict[tuple[str, ...], _Change],
]


_CHANGES: dict[_Change, _Change] = {}


def _interned(change: _Change) -> _Change:
    """One object for each distinct change: the advice loop keys its memo by identity."""
    if len(_CHANGES) > 100_000:
        _CHANGES.clear()
    return _CHANGES.setdefault(change, change)


def _change(index: ProfileIndex, added: Sequence[str]) -> _Change:
    """The groups that skills ``added`` (named at full value) join, each once, with the values they bring."""
    added = list(dict.fromkeys(added))
    seen: dict[int, tuple[float, ...]] = {}
    for t in added:
        for gi, _w in index.places.get(t, ()):
            if gi not in seen:
                w = index.weights[gi]
                seen[gi] = tuple(w[x] * 1.0 for x in added if x in w)
    return tuple(seen.items())


def _candidate_table(
    index: ProfileIndex,
    candidates: Sequence[str],
    implies: Mapping[str, tuple[str, ...]],
    pvec: Mapping[str, float],
    coef: Mapping[str, float] | None,
) -> list[_Row]:
    """Per candidate what does not depend on the document, worked out once per profile and scorer.

    ``(id, profile-vector weight, "any" groups, implied skills, contrast weight (never below
    0), its groups' change when named alone, and a memo of the change with the implied skills
    a document lacks)``. Kept on ``index`` by the identity of the mappings given, which the
    scorer builds once and never changes.
    """
    tables = index.advice_tables
    key = (id(candidates), id(implies), id(pvec), id(coef))
    hit = tables.get(key)
    if (
        hit is not None
        and hit[0] is candidates
        and hit[1] is implies
        and hit[2] is pvec
        and hit[3] is coef
    ):
        rows: list[_Row] = hit[4]
        return rows
    rows = [
        (
            sid,
            pvec.get(SKILL_PREFIX + sid, 0.0),
            index.any_groups[sid],
            implies.get(sid) or None,
            max(0.0, coef.get(sid, 0.0)) if coef is not None else 0.0,
            _interned(_change(index, [sid])),
            {},
        )
        for sid in candidates
    ]
    if len(tables) >= 8:
        tables.clear()
    tables[key] = (candidates, implies, pvec, coef, rows)
    return rows
