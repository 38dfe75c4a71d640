"""Rules as data: the cue words, headings and weights read from ``lexicon/rules/*.toml``.

The extractors of :mod:`jdmatch.structure` and :mod:`jdmatch.posting_profile`
(and the recognizer's context checks) keep their grammar in Python and their
vocabulary here: which words negate or
hedge a skill, which headings name which section, which words mark a level,
which cues make a skill required or preferred, and the weights of a profile
made from a posting. :func:`load` reads one file, checks it against the schema
below (unknown keys, missing keys, wrong types, empty lists, patterns that do
not compile) and caches it; every problem is a :class:`RulesError` naming the
file and the key.

The folder is ``rules/`` beside the shipped lexicon (inside the installed
package, or the checkout's ``lexicon/rules/``). ``JDMATCH_RULES_DIR`` names
another folder holding a complete copy of the files (to try a change without
editing the installed ones); it is read when the rules are first loaded.
"""

from __future__ import annotations

import os
import re
import tomllib
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from jdmatch.errors import LexiconError

__all__ = ["RulesError", "SCHEMAS", "rules_dir", "load", "alternation"]


class RulesError(LexiconError):
    """A rule file is missing or malformed; the message names the file and the key."""


# What each file holds. A leaf is one of:
#   "words"     a non-empty list of non-empty strings without spaces around them, matched as written
#   "chars"     a non-empty list of single characters
#   "patterns"  a non-empty list of regular-expression fragments (each must compile)
#   "number"    an int or a float;  "integer" a whole number;  "text" a string
#   "level_words"  a table of level name -> "words"
#   "headings"  a non-empty array of tables {name = "...", patterns = [...], at_start = false}
_W, _P = "words", "patterns"
SCHEMAS: dict[str, dict[str, Any]] = {
    "recognize": {
        "coordination": {"coordinators": _W, "list_words": _W, "in_other_languages": _W},
        "compounds": {"use_suffixes": _W, "makers": _W},
        "employer": {"separators": "chars", "before": _W},
        "technical_sense": {"relations": _W},
        "labels": {"versioned": _W, "technical": _W, "not_technical": _W},
    },
    "polarity": {
        "negation": {
            "no_qualifiers": _W,
            "no_nouns": _P,
            "phrases": _P,
            "auxiliaries": _W,
            "verbs": _P,
            "lack_nouns": _W,
            "near": _W,
            "near_fillers": _W,
            "after_subjects": _W,
            "after_phrases": _P,
        },
        "hedging": {"before": _P, "after_bracketed": _W, "after": _P},
        "contrast": {"words": _W},
        "prefilter": {"words": _W},
    },
    "sections": {
        "title_case_small_words": _W,
        "resume": {"headings": "headings", "exact": _W},
        "posting": {"headings": "headings", "exact": _W},
        "guess_kind": {
            "posting_sections": _W,
            "posting_headings": _W,
            "resume_sections": _W,
            "resume_headings": _W,
            "posting_voice": _P,
            "resume_verbs": _W,
        },
    },
    "requirements": {
        "preferred": {
            "forward": _P,
            "forward_to_comma": _W,
            "backward_verbs": _W,
            "backward": _P,
            "backward_near_only": _W,
            "backward_near_reach": "integer",
        },
        "required": {"cues": _P},
        "soft_line": {"labels": _W, "qualities": _P},
    },
    "seniority": {
        "years_only_max_rank": "integer",
        "engineering_nouns": _P,
        "role_nouns": _P,
        "generic_words": _W,
        "level_words": "level_words",
        "hiring": {"cues": _P, "determiners": _P, "roles": _P},
    },
    "posting_profile": {
        "skills": {"excluded_labels": _W, "excluded_categories": _W, "excluded_ids": _W},
        "groups": {
            "required_weight": "number",
            "preferred_weight": "number",
            "repeat_bonus": "number",
            "repeat_cap": "integer",
            "half_kinds": _W,
        },
        "profile": {
            "base": "text",
            "coverage_weight": "number",
            "similarity_scale": "number",
            "core_floor": "number",
            "core_full": "number",
            "level_step": "number",
            "years_floor": "number",
            "max_keywords": "integer",
            "max_title": "integer",
        },
        "contrast": {"threshold": "number", "weight": "number", "coverage_weight": "number"},
    },
}


def rules_dir() -> Path:
    """The folder of rule files: ``$JDMATCH_RULES_DIR``, else ``rules/`` beside the shipped lexicon."""
    override = os.environ.get("JDMATCH_RULES_DIR")
    if override:
        return Path(override)
    packaged = resources.files("jdmatch").joinpath("lexicon", "rules")
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "lexicon" / "rules"
    if checkout.is_dir():
        return checkout
    raise RulesError(
        "the rule files (lexicon/rules/) are missing from this installation; reinstall jdmatch"
    )


def load(name: str) -> dict[str, Any]:
    """The rules of ``<rules_dir>/<name>.toml``, validated against ``SCHEMAS[name]`` (cached)."""
    return _load(str(rules_dir() / f"{name}.toml"), name)


@cache
def _load(path: str, name: str) -> dict[str, Any]:
    try:
        raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RulesError("no such rule file", path=path) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RulesError(f"not valid TOML: {exc}", path=path) from None
    _check_table(raw, SCHEMAS[name], "", path)
    return raw


def _check_table(raw: dict[str, Any], spec: dict[str, Any], prefix: str, path: str) -> None:
    for key in raw:
        if key not in spec:
            where = f"[{prefix[:-1]}]" if prefix else "the top level"
            raise RulesError(
                f"`{prefix}{key}` is not a known rule key (known in {where}: {', '.join(spec)})",
                path=path,
            )
    for key, kind in spec.items():
        full = prefix + key
        if key not in raw:
            raise RulesError(f"`{full}` is missing", path=path)
        value = raw[key]
        if isinstance(kind, dict):
            if not isinstance(value, dict):
                raise RulesError(f"`{full}` must be a table", path=path)
            _check_table(value, kind, full + ".", path)
        else:
            _check_leaf(value, kind, full, path)


def _check_leaf(value: Any, kind: str, key: str, path: str) -> None:
    if kind in ("words", "patterns", "chars"):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise RulesError(f"`{key}` must be a list of strings", path=path)
        if not value:
            raise RulesError(f"`{key}` must not be empty", path=path)
        for i, v in enumerate(value, 1):
            if not v.strip():
                raise RulesError(f"`{key}` item {i} is blank", path=path)
            if kind == "words" and v != v.strip():
                raise RulesError(f"`{key}` item {i} ({v!r}) has spaces around it", path=path)
            if kind == "chars" and len(v) != 1:
                raise RulesError(f"`{key}` item {i} ({v!r}) is not one character", path=path)
            if kind == "patterns":
                try:
                    re.compile(v)
                except re.error as exc:
                    raise RulesError(
                        f"`{key}` item {i} ({v!r}) is not a valid pattern: {exc}", path=path
                    ) from None
    elif kind == "number":
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise RulesError(f"`{key}` must be a number", path=path)
    elif kind == "integer":
        if not isinstance(value, int) or isinstance(value, bool):
            raise RulesError(f"`{key}` must be a whole number", path=path)
    elif kind == "text":
        if not isinstance(value, str) or not value.strip():
            raise RulesError(f"`{key}` must be a non-empty string", path=path)
    elif kind == "level_words":
        if not isinstance(value, dict) or not value:
            raise RulesError(
                f"`{key}` must be a non-empty table of level name = [words]", path=path
            )
        for level, words in value.items():
            _check_leaf(words, "words", f"{key}.{level}", path)
    elif kind == "headings":
        if not isinstance(value, list) or not value:
            raise RulesError(f"`{key}` must be a non-empty array of tables ([[{key}]])", path=path)
        for i, rule in enumerate(value, 1):
            where = f"{key}[{i}]"
            if not isinstance(rule, dict):
                raise RulesError(f"`{where}` must be a table", path=path)
            extra = set(rule) - {"name", "patterns", "at_start"}
            if extra:
                raise RulesError(
                    f"`{where}.{sorted(extra)[0]}` is not a known rule key (known: name, patterns, at_start)",
                    path=path,
                )
            for need in ("name", "patterns"):
                if need not in rule:
                    raise RulesError(f"`{where}.{need}` is missing", path=path)
            _check_leaf(rule["name"], "text", f"{where}.name", path)
            _check_leaf(rule["patterns"], "patterns", f"{where}.patterns", path)
            if not isinstance(rule.get("at_start", False), bool):
                raise RulesError(f"`{where}.at_start` must be true or false", path=path)
    else:  # pragma: no cover - a schema typo
        raise AssertionError(f"unknown rule kind {kind!r}")


def alternation(items: list[str], *, escape: bool = False, suffix: str = "") -> str:
    """``"a|b|c"`` from a list of fragments (``escape``: of literal words), each followed by ``suffix``."""
    return "|".join((re.escape(i) if escape else i) + suffix for i in items)
