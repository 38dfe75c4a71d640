"""Reading lexicon files: JSON-lines objects, the problems found in them (file, line, message),
and the standard-codes files (O*NET commodity codes, ESCO URIs) beside the entries."""

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return (
            f"{self.file}:{self.line}: {self.message}"
            if self.line
            else f"{self.file}: {self.message}"
        )


def _json_objects(
    lines: Iterable[str], where: str, problems: list[Problem]
) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(line number, object)`` for each JSON-lines object; blank and ``//`` lines skipped, bad lines reported."""
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(
                Problem(where, number, f"not valid JSON ({exc.msg} at column {exc.colno})")
            )
            continue
        if not isinstance(raw, dict):
            problems.append(Problem(where, number, "each line must be a JSON object"))
            continue
        yield number, raw


# -- standard codes -------------------------------------------------------------------

_CODES: dict[str, dict[str, dict[str, Any]]] = {}
_CODE_FIELDS = {
    "id": str,
    "onet_commodity": str,
    "onet_commodity_title": str,
    "hot_technology": bool,
    "esco_skill": str,
}
_COMMODITY = re.compile(r"^\d{8}$")
_ESCO_SKILL = re.compile(r"^http://data\.europa\.eu/esco/skill/[0-9a-f-]{36}$")


def _read_codes(
    root: Path, config: dict[str, Any], known: set[str], problems: list[Problem]
) -> dict[str, dict[str, Any]]:
    """The ``codes`` files of the manifest: one JSON object a line, ``id`` plus the codes of that entry."""
    names = config.get("codes", [])
    manifest = str(root / "lexicon.toml")
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        problems.append(Problem(manifest, 0, "`codes` must be a list of file names"))
        return {}
    codes: dict[str, dict[str, Any]] = {}
    for name in names:
        path = root / name
        where = str(path)
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            problems.append(Problem(manifest, 0, f"lists {name}, which does not exist"))
            continue
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(where, 0, f"cannot read: {exc}"))
            continue
        for number, raw in _json_objects(lines, where, problems):
            bad = [
                k
                for k, v in raw.items()
                if k not in _CODE_FIELDS or not isinstance(v, _CODE_FIELDS[k])
            ]
            if bad or "id" not in raw:
                problems.append(
                    Problem(
                        where,
                        number,
                        f"needs a string `id`; fields must be {', '.join(_CODE_FIELDS)} (bad: {', '.join(bad) or 'id'})",
                    )
                )
                continue
            entry_id = raw.pop("id")
            had = codes.get(entry_id, {})
            if entry_id not in known:
                problems.append(Problem(where, number, f"codes for unknown id {entry_id!r}"))
            elif set(raw) & set(had):  # one file per kind of code: each id once in each
                problems.append(
                    Problem(
                        where,
                        number,
                        f"id {entry_id!r} has {', '.join(sorted(set(raw) & set(had)))} already",
                    )
                )
            elif "onet_commodity" in raw and not _COMMODITY.match(raw["onet_commodity"]):
                problems.append(
                    Problem(
                        where, number, f"onet_commodity {raw['onet_commodity']!r} must be 8 digits"
                    )
                )
            elif "esco_skill" in raw and not _ESCO_SKILL.match(raw["esco_skill"]):
                problems.append(
                    Problem(
                        where,
                        number,
                        f"esco_skill {raw['esco_skill']!r} must be an ESCO skill URI (http://data.europa.eu/esco/skill/...)",
                    )
                )
            else:
                codes[entry_id] = {**had, **raw}
    return codes
