"""Role profiles: the skills a role needs, grouped and weighted, and its career ladder.

A profile is a TOML file (format in the README, "Profiles"). The shipped ones
live in ``lexicon/profiles/``; ``load_profile`` takes a shipped name, a path to
a user's own file, or a :class:`RoleProfile`, and validates it with messages
that name the file and the offending key. Plain data: a profile made from a job
posting is :func:`jdmatch.posting_profile.profile_from_posting`'s.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jdmatch.errors import ProfileError
from jdmatch.lexicon import Lexicon, default_lexicon_dir

DEFAULT_PROFILE = "backend-engineer"
"""The profile scores are computed against unless another is named."""

_MODES = ("any", "all")


@dataclass(frozen=True, slots=True)
class GroupSkill:
    id: str
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class SkillGroup:
    """Skills that serve one need of the role. ``any``: one suffices; ``all``: each counts."""

    id: str
    name: str
    weight: float
    mode: str
    skills: tuple[GroupSkill, ...]
    need: int | None = None
    core: bool = False
    required: bool = (
        False  # a posting's must-have: missing it is a gap, whatever the group is called
    )

    def coverage(self, present: set[str]) -> float:
        """Share of this group's need met by the skills in ``present`` (0-1)."""
        weights = [s.weight for s in self.skills if s.id in present]
        if not weights:
            return 0.0
        if self.mode == "any":
            return max(weights) / max(s.weight for s in self.skills)
        if self.need:
            best = sorted((s.weight for s in self.skills), reverse=True)[: self.need]
            return min(1.0, sum(sorted(weights, reverse=True)[: self.need]) / sum(best))
        return sum(weights) / sum(s.weight for s in self.skills)


@dataclass(frozen=True, slots=True)
class Level:
    """One rung of the career ladder."""

    level: str
    rank: int
    titles: tuple[str, ...]
    years: tuple[float, float]
    track: str = "individual"


@dataclass(frozen=True, slots=True)
class RoleProfile:
    """What a role asks for: weighted skill groups, trade words, and a career ladder."""

    id: str
    title: str
    groups: tuple[SkillGroup, ...]
    description: str = ""
    keywords: tuple[str, ...] = ()
    ladder: tuple[Level, ...] = ()
    coverage_weight: float = 0.6
    similarity_scale: float = 0.45
    source: str = ""
    years_required: float | None = None
    seniority: str | None = None
    contrast_weight: float = 0.0
    contrast_model: str = (
        ""  # path of the fitted model of what sets the role apart (see jdmatch.contrast)
    )
    core_floor: float = 1.0  # share of the score kept when the core groups are empty (1: no gate)
    core_full: float = 0.6  # core coverage from which the score is not held back
    # below what the profile asks (``seniority``, ``years_required``), a resume keeps less of its score:
    # ``level_step`` is the share lost per rung of the ladder below the level asked (0: none),
    # ``years_floor`` the share kept with no years against the years asked (1: no effect)
    level_step: float = 0.0
    years_floor: float = 1.0
    coverage_scale: float = (
        1.0  # the curve of how coverage counts (see scoring.counted_coverage); 1: as it is
    )
    onet_soc: str = ""
    """The O*NET-SOC code of the occupation (e.g. 15-1252.00 Software Developers)."""
    isco08: str = ""
    """The ISCO-08 group of the occupation (e.g. 2512 Software developers)."""
    esco_occupation: str = ""
    """The ESCO occupation URI (e.g. software developer's)."""

    def skill_ids(self) -> list[str]:
        """Every skill the profile names, in group order, without repeats."""
        return list(dict.fromkeys(s.id for g in self.groups for s in g.skills))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "onet_soc": self.onet_soc,
            "isco08": self.isco08,
            "esco_occupation": self.esco_occupation,
            "groups": [
                {
                    "id": g.id,
                    "name": g.name,
                    "weight": g.weight,
                    "mode": g.mode,
                    "need": g.need,
                    "core": g.core,
                    "required": g.required,
                    "skills": [{"id": s.id, "weight": s.weight} for s in g.skills],
                }
                for g in self.groups
            ],
            "ladder": [
                {
                    "level": lv.level,
                    "rank": lv.rank,
                    "track": lv.track,
                    "titles": list(lv.titles),
                    "years": list(lv.years),
                }
                for lv in self.ladder
            ],
        }


def profiles_dir() -> Path:
    return default_lexicon_dir() / "profiles"


def list_profiles() -> list[Path]:
    """The shipped profile files."""
    return sorted(profiles_dir().glob("*.toml"))


def load_profile(
    profile: str | os.PathLike[str] | RoleProfile = DEFAULT_PROFILE,
    *,
    lexicon: Lexicon | None = None,
) -> RoleProfile:
    """A profile by shipped name, by path to a TOML file, or as given; validated."""
    if isinstance(profile, RoleProfile):
        return profile
    path = Path(profile)
    if not (path.suffix == ".toml" or os.sep in str(profile) or path.is_file()):
        path = profiles_dir() / f"{profile}.toml"
        if not path.is_file():
            names = ", ".join(p.stem for p in list_profiles())
            raise ProfileError(
                f"no profile named {profile!r}; installed profiles: {names} (or give a path to a .toml file)"
            )
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ProfileError("no such profile file", path=path) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ProfileError(f"not valid TOML: {exc}", path=path) from None
    return parse_profile(raw, path=path, lexicon=lexicon)


def parse_profile(
    raw: dict[str, Any],
    *,
    path: str | os.PathLike[str] = "<profile>",
    lexicon: Lexicon | None = None,
) -> RoleProfile:
    """Build and validate a profile from parsed TOML."""
    problems: list[str] = []

    def need(table: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
        value = table.get(key)
        if value is None:
            problems.append(f"{where}: `{key}` is missing")
        elif not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
            problems.append(f"{where}: `{key}` must be {_kind(kind)}")
            return None
        return value

    known = {e.id for e in (lexicon if lexicon is not None else _default_lexicon()).entries}
    ident = need(raw, "id", str, "profile") or "profile"
    title = need(raw, "title", str, "profile") or ident
    groups = []
    raw_groups = raw.get("groups")
    if not isinstance(raw_groups, list) or not raw_groups:
        problems.append("profile: needs at least one [[groups]] table")
        raw_groups = []
    seen_groups: set[str] = set()
    for i, g in enumerate(raw_groups, 1):
        where = f"groups[{i}]"
        if not isinstance(g, dict):
            problems.append(f"{where}: must be a table")
            continue
        gid = need(g, "id", str, where) or f"group-{i}"
        where = f"group {gid!r}"
        if gid in seen_groups:
            problems.append(f"{where}: id used twice")
        seen_groups.add(gid)
        weight = need(g, "weight", (int, float), where)
        if weight is not None and weight <= 0:
            problems.append(f"{where}: `weight` must be positive")
        mode = g.get("mode", "all")
        if mode not in _MODES:
            problems.append(f"{where}: `mode` must be one of {', '.join(_MODES)}, not {mode!r}")
        needed = g.get("need")
        if needed is not None and (
            not isinstance(needed, int) or isinstance(needed, bool) or needed < 1
        ):
            problems.append(f"{where}: `need` must be a whole number of at least 1")
            needed = None
        skills = []
        raw_skills = g.get("skills")
        if not isinstance(raw_skills, list) or not raw_skills:
            problems.append(f"{where}: `skills` must be a non-empty list")
            raw_skills = []
        for s in raw_skills:
            if isinstance(s, str):
                s = {"id": s}
            if not isinstance(s, dict) or not isinstance(s.get("id"), str):
                problems.append(
                    f'{where}: each skill must be an id or {{ id = "...", weight = 1.0 }}'
                )
                continue
            sw = s.get("weight", 1.0)
            if not isinstance(sw, (int, float)) or isinstance(sw, bool) or sw <= 0:
                problems.append(f"{where}: skill {s['id']!r} needs a positive weight")
                sw = 1.0
            if s["id"] not in known:
                problems.append(
                    f"{where}: skill {s['id']!r} is not in the lexicon (see `jdmatch lexicon check`)"
                )
            skills.append(GroupSkill(s["id"], float(sw)))
        groups.append(
            SkillGroup(
                gid,
                str(g.get("name", gid)),
                float(weight or 1.0),
                str(mode),
                tuple(skills),
                needed,
                bool(g.get("core", False)),
                bool(g.get("required", False)),
            )
        )
    ladder = []
    for i, lv in enumerate(raw.get("ladder", []) or [], 1):
        where = f"ladder[{i}]"
        if not isinstance(lv, dict):
            problems.append(f"{where}: must be a table")
            continue
        level = need(lv, "level", str, where) or f"level-{i}"
        rank = need(lv, "rank", int, where) or i
        titles = lv.get("titles", [])
        if not isinstance(titles, list) or not all(isinstance(t, str) for t in titles):
            problems.append(f"{where}: `titles` must be a list of strings")
            titles = []
        years = lv.get("years", [0, 50])
        if not (
            isinstance(years, list)
            and len(years) == 2
            and all(isinstance(y, (int, float)) for y in years)
            and years[0] <= years[1]
        ):
            problems.append(f"{where}: `years` must be [low, high]")
            years = [0, 50]
        ladder.append(
            Level(
                level,
                rank,
                tuple(t.lower() for t in titles),
                (float(years[0]), float(years[1])),
                str(lv.get("track", "individual")),
            )
        )
    cw = raw.get("coverage_weight", 0.6)
    if not isinstance(cw, (int, float)) or not 0 <= cw <= 1:
        problems.append("profile: `coverage_weight` must be between 0 and 1")
        cw = 0.6
    scale = raw.get("similarity_scale", 0.45)
    if not isinstance(scale, (int, float)) or not 0 < scale <= 1:
        problems.append("profile: `similarity_scale` must be above 0 and at most 1")
        scale = 0.45
    kw = raw.get("contrast_weight", 0.0)
    if (
        not isinstance(kw, (int, float))
        or isinstance(kw, bool)
        or not 0 <= kw <= 1
        or kw + float(cw) > 1
    ):
        problems.append(
            "profile: `contrast_weight` must be between 0 and 1, and with `coverage_weight` at most 1"
        )
        kw = 0.0
    contrast = raw.get("contrast_model", "")
    if not isinstance(contrast, str):
        problems.append("profile: `contrast_model` must be a file name")
        contrast = ""
    elif contrast:
        model_path = (
            (Path(path).parent / contrast) if not Path(contrast).is_absolute() else Path(contrast)
        )
        if not model_path.is_file():
            problems.append(
                f"profile: `contrast_model` {contrast!r} does not exist next to the profile"
            )
        contrast = str(model_path)
    cscale = raw.get("coverage_scale", 1.0)
    if not isinstance(cscale, (int, float)) or isinstance(cscale, bool) or not 0 < cscale <= 1:
        problems.append("profile: `coverage_scale` must be above 0 and at most 1")
        cscale = 1.0
    floor = raw.get("core_floor", 1.0)
    full = raw.get("core_full", 0.6)
    if not all(
        isinstance(v, (int, float)) and not isinstance(v, bool) and 0 < v <= 1
        for v in (floor, full)
    ):
        problems.append("profile: `core_floor` and `core_full` must be above 0 and at most 1")
        floor, full = 1.0, 0.6
    step = raw.get("level_step", 0.0)
    years_floor = raw.get("years_floor", 1.0)
    if not (
        all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (step, years_floor))
        and 0 <= step < 1
        and 0 < years_floor <= 1
    ):
        problems.append(
            "profile: `level_step` must be at least 0 and below 1, `years_floor` above 0 and at most 1"
        )
        step, years_floor = 0.0, 1.0
    keywords = raw.get("keywords", [])
    if not isinstance(keywords, list) or not all(isinstance(k, str) for k in keywords):
        problems.append("profile: `keywords` must be a list of strings")
        keywords = []
    codes: dict[str, Any] = {}
    for key, pattern, example in (
        ("onet_soc", r"\d{2}-\d{4}\.\d{2}", "15-1252.00"),
        ("isco08", r"\d{1,4}", "2512"),
        (
            "esco_occupation",
            r"http://data\.europa\.eu/esco/occupation/[0-9a-f-]{36}",
            "http://data.europa.eu/esco/occupation/...",
        ),
    ):
        value = raw.get(key, "")
        if not isinstance(value, str) or (value and not re.fullmatch(pattern, value)):
            problems.append(f'profile: `{key}` must be a code like "{example}"')
            value = ""
        codes[key] = value
    if problems:
        raise ProfileError(
            "; ".join(problems[:6])
            + (f" (and {len(problems) - 6} more)" if len(problems) > 6 else ""),
            path=path,
        )
    return RoleProfile(
        ident,
        title,
        tuple(groups),
        str(raw.get("description", "")).strip(),
        tuple(k.lower() for k in keywords),
        tuple(ladder),
        float(cw),
        float(scale),
        str(path),
        contrast_weight=float(kw),
        contrast_model=contrast,
        core_floor=float(floor),
        core_full=float(full),
        level_step=float(step),
        years_floor=float(years_floor),
        coverage_scale=float(cscale),
        **codes,
    )


def _kind(kind: type | tuple[type, ...]) -> str:
    names = {
        str: "text",
        int: "a whole number",
        float: "a number",
        bool: "true or false",
        list: "a list",
        dict: "a table",
    }
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def _default_lexicon() -> Lexicon:
    """The shipped lexicon's data: what a profile's skill ids are checked against (no recognizer, no spaCy)."""
    from jdmatch.compiled import load_lexicon

    return load_lexicon()
