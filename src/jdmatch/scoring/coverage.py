"""Coverage: how much of each profile group a document shows, the core gate, and the bands.

Each skill a document shows earns a *credit* (its depth of evidence, 0-1); a
group's coverage is the share of its need met by ``weight x credit``; the
document's coverage is the groups' weighted mean, counted through a curve
(:func:`counted_coverage`) and held back by the core gate (:func:`core_gate`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from jdmatch.evidence import SkillDepth
from jdmatch.profile import RoleProfile, SkillGroup


def credit_of(
    counts: Mapping[str, int], hedged: set[str], depth: Mapping[str, SkillDepth] | None
) -> dict[str, float]:
    """How much each mentioned skill counts for coverage: its depth of evidence (1 without depth); hedged ones not at all."""
    return {
        sid: (depth[sid].factor if depth is not None and sid in depth else 1.0)
        for sid in counts
        if sid not in hedged
    }


def contrast_features(
    counts: Mapping[str, int], hedged: set[str], credit: Mapping[str, float]
) -> dict[str, float]:
    """The values the contrast model reads: each mentioned skill's credit, hedged ones at half."""
    return {sid: credit.get(sid, 0.5) if sid not in hedged else 0.5 for sid in counts}


def group_coverage(
    group: SkillGroup, index: ProfileIndex, gi: int, credit: Mapping[str, float]
) -> float:
    """Share of a group's need met, each skill counting ``weight x credit`` (credit: depth of evidence, 0-1)."""
    if not credit:
        return 0.0
    weights = index.weights[gi]
    vals = sorted((weights[sid] * c for sid, c in credit.items()), reverse=True)
    if group.mode == "any":
        return min(1.0, vals[0] / index.max_weight[gi])
    if group.need:
        return min(1.0, sum(vals[: group.need]) / index.need_weight[gi])
    return min(1.0, sum(vals) / index.all_weight[gi])


def coverage_with(
    index: ProfileIndex, gi: int, base: Sequence[float], new: Sequence[float]
) -> float:
    """:func:`group_coverage` of group ``gi`` when skills of values ``new`` join those of values ``base``
    (each value ``weight x credit``; ``base`` sorted largest first)."""
    vals = sorted([*base, *new], reverse=True)
    if not vals:
        return 0.0
    mode, need = index.modes[gi], index.needs[gi]
    if mode == "any":
        return min(1.0, vals[0] / index.max_weight[gi])
    if need:
        return min(1.0, sum(vals[:need]) / index.need_weight[gi])
    return min(1.0, sum(vals) / index.all_weight[gi])


def profile_weights(profile: RoleProfile, has_contrast: bool) -> tuple[float, float, float]:
    """(coverage, similarity, contrast) weights of the final score; they add up to 1."""
    cw = profile.coverage_weight
    kw = profile.contrast_weight if has_contrast else 0.0
    return cw, max(0.0, 1.0 - cw - kw), kw


def counted_coverage(coverage: float, scale: float) -> float:
    """How much a coverage counts in the score: a curve rising fast, then flattening, 0 at 0 and 1 at 1.

    ``(1 - exp(-coverage / scale)) / (1 - exp(-1 / scale))``: with scale 0.3 a
    coverage of 0.25 counts 0.59 and 0.5 counts 0.84, so a resume need not show
    every tool of the trade to fit well, yet each skill more still adds a little.
    A scale of 1 or more is close to the coverage itself.
    """
    if scale >= 1.0:
        return coverage
    return (1.0 - math.exp(-coverage / scale)) / (1.0 - math.exp(-1.0 / scale))


def core_gate(profile: RoleProfile, core: float) -> float:
    """The share of the score kept for a core coverage of ``core`` (1 from ``core_full`` up; ``core_floor`` at 0)."""
    floor, full = profile.core_floor, profile.core_full
    return 1.0 if floor >= 1.0 or core >= full else floor + (1.0 - floor) * core / full


class Parts:
    """Coverage, core coverage and the core gate of one document, from its group coverages."""

    __slots__ = ("coverage", "core", "gate", "scale")

    def __init__(
        self, profile: RoleProfile, index: ProfileIndex, group_cov: Sequence[float]
    ) -> None:
        self.coverage = (
            sum(w * c for w, c in zip(index.group_weight, group_cov)) / index.total_weight
        )
        self.scale = profile.coverage_scale
        if index.core_weight > 0:
            self.core = (
                sum(index.group_weight[gi] * group_cov[gi] for gi in index.core_groups)
                / index.core_weight
            )
        else:
            self.core = 1.0
        self.gate = core_gate(profile, self.core)

    def changed(
        self,
        profile: RoleProfile,
        index: ProfileIndex,
        group_cov: Sequence[float],
        new: Mapping[int, float],
    ) -> Parts:
        """The parts with some groups' coverage changed (``new``: group index -> coverage), worked out from these."""
        out = object.__new__(Parts)
        out.scale = self.scale
        out.coverage = (
            self.coverage
            + sum(index.group_weight[gi] * (c - group_cov[gi]) for gi, c in new.items())
            / index.total_weight
        )
        if index.core_weight > 0:
            out.core = (
                self.core
                + sum(
                    index.group_weight[gi] * (c - group_cov[gi])
                    for gi, c in new.items()
                    if gi in index.core_set
                )
                / index.core_weight
            )
        else:
            out.core = 1.0
        out.gate = core_gate(profile, out.core)
        return out

    def score(
        self, similarity: float, contrast: float | None, weights: tuple[float, float, float]
    ) -> float:
        cw, sw, kw = weights
        raw = (
            cw * counted_coverage(self.coverage, self.scale)
            + sw * similarity
            + kw * (contrast or 0.0)
        )
        return 100.0 * raw * self.gate


BANDS: tuple[tuple[float, str, str], ...] = (
    (70.0, "strong fit", "the core of the role shown in real work, and most of what goes with it"),
    (45.0, "reasonable fit", "the core of the role is there; worth a recruiter's look"),
    (20.0, "partial fit", "an adjacent role, or the core of the role only thinly shown"),
    (0.0, "not a fit", "little of what the role needs"),
)


def band(score: float) -> str:
    """The name of the band a score falls in (see ``BANDS`` and the README)."""
    return next(name for low, name, _ in BANDS if score >= low)


class ProfileIndex:
    """What scoring needs to know about a profile, worked out once."""

    def __init__(self, profile: RoleProfile) -> None:
        self.weights = [{s.id: s.weight for s in g.skills} for g in profile.groups]
        self.group_weight = [g.weight for g in profile.groups]
        self.max_weight = [max(s.weight for s in g.skills) for g in profile.groups]
        self.all_weight = [sum(s.weight for s in g.skills) for g in profile.groups]
        self.need_weight = [
            sum(sorted((s.weight for s in g.skills), reverse=True)[: g.need or len(g.skills)])
            for g in profile.groups
        ]
        self.skill_ids = profile.skill_ids()
        self.skill_set = frozenset(self.skill_ids)
        self.core_ids = list(
            dict.fromkeys(s.id for g in profile.groups if g.core for s in g.skills)
        )
        self.core_groups = [i for i, g in enumerate(profile.groups) if g.core]
        self.core_set = frozenset(self.core_groups)
        self.core_weight = sum(profile.groups[i].weight for i in self.core_groups)
        self.total_weight = sum(g.weight for g in profile.groups) or 1.0
        self.group_of: dict[str, str] = {}
        self.places: dict[str, list[tuple[int, float]]] = {}  # skill -> (group index, weight there)
        for i, g in enumerate(profile.groups):
            for s in g.skills:
                self.group_of.setdefault(s.id, g.name)
                self.places.setdefault(s.id, []).append((i, s.weight))
        self.modes = [g.mode for g in profile.groups]
        self.needs = [g.need for g in profile.groups]
        # what missing-skill advice works out once per scorer (see jdmatch.scoring.advice)
        self.advice_tables: dict[tuple[int, ...], tuple[Any, ...]] = {}
        # skill -> the groups where it is one of interchangeable alternatives ("any"), in group order
        self.any_groups = {
            sid: tuple(gi for gi, _ in places if self.modes[gi] == "any")
            for sid, places in self.places.items()
        }


_INDEXES: dict[int, tuple[RoleProfile, ProfileIndex]] = {}


def profile_index(profile: RoleProfile) -> ProfileIndex:
    hit = _INDEXES.get(id(profile))
    if hit is None or hit[0] is not profile:
        if len(_INDEXES) > 64:
            _INDEXES.clear()
        hit = _INDEXES[id(profile)] = (profile, ProfileIndex(profile))
    return hit[1]


@dataclass(slots=True)
class Coverage:
    """A document's coverage of a profile: each skill's credit, per group and in all."""

    index: ProfileIndex
    credit: dict[str, float]  # skill id -> how much it counts (0-1), implied skills included
    implied_by: dict[str, list[str]]  # implied skill -> the skills named that imply it
    values: list[dict[str, float]]  # per group: the credit of each of its skills the document has
    group_cov: list[float]  # per group: coverage 0-1
    parts: Parts


def coverage_of(
    profile: RoleProfile,
    counts: Mapping[str, int],
    hedged: set[str],
    depth: Mapping[str, SkillDepth] | None,
    implies: Mapping[str, tuple[str, ...]],
) -> Coverage:
    """How much of each group of ``profile`` the skills mentioned (``counts``, hedged ones not counting) cover.

    A skill implied by another counts as firmly as the firmest skill implying it:
    "Node.js" used in three roles shows JavaScript that firmly, even where
    JavaScript itself is named only in a skills list.
    """
    index = profile_index(profile)
    credit = credit_of(counts, hedged, depth)
    implied_by: dict[str, list[str]] = {}
    for sid in list(credit):  # the skills named; what they imply does not imply further
        for target in implies.get(sid, ()):
            if not (target in counts and target not in hedged):
                implied_by.setdefault(target, []).append(sid)
            credit[target] = max(credit.get(target, 0.0), credit[sid])
    # per group: the credit of each of its skills the document has
    values: list[dict[str, float]] = [{} for _ in profile.groups]
    places = index.places
    for sid, c in credit.items():
        for gi, _w in places.get(sid, ()):
            values[gi][sid] = c
    group_cov = [
        group_coverage(profile.groups[gi], index, gi, values[gi])
        for gi in range(len(profile.groups))
    ]
    return Coverage(index, credit, implied_by, values, group_cov, Parts(profile, index, group_cov))
