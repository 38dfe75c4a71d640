"""Merge a user's extra lexicon files (JSON lines) over a lexicon, validating every line.

Data and validation only, like :mod:`jdmatch.lexicon`: the merged lexicon's
compiled form is cached by :mod:`jdmatch.compiled`.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from jdmatch.errors import LexiconError
from jdmatch.lexicon import (
    _FIELDS,
    LABELS,
    Entry,
    Lexicon,
    Problem,
    _alias_clashes,
    _entry,
    _json_objects,
    _strings,
)
from jdmatch.tokens import token_texts

_PATCH_LISTS = ("aliases", "ambiguous", "cues", "implies")
USER_DEFAULTS = {"label": "tool", "category": "Other", "source": "user"}
"""What a new entry of a user's file is when it does not say: a tool, in category "Other", from "user"."""


def merge_overlays(
    base: Lexicon, files: list[tuple[str, bytes]], *, overlays: tuple[str, ...] | None = None
) -> Lexicon:
    """``base`` with a user's JSON-lines files merged over it; raise :class:`LexiconError` naming file:line on any problem.

    ``files`` holds (name as given, content); ``overlays`` (default: the names) is what the result keeps as its
    :attr:`Lexicon.overlays`, the resolved paths when loaded from files.

    A line whose ``id`` is new is an entry in the lexicon's format; what it
    leaves out is :data:`USER_DEFAULTS` (a ``tool`` in category ``Other``, source
    ``user``; any source name of the user's own is kept). A line whose ``id`` exists changes that entry:
    ``aliases``, ``ambiguous``, ``cues`` and ``implies`` are added to its own
    (a form named ``ambiguous`` leaves the aliases, and the other way round; an entry
    left with no ambiguous form keeps no cues),
    ``name``, ``label`` and ``category`` replace its own. Entries a user file
    touches are matched first, so a user's form wins over a shipped entry's.
    """
    by_id = {e.id: e for e in base.entries}
    touched: dict[str, None] = {}
    problems: list[Problem] = []
    given: list[Entry] = []  # the forms each user line brings, for the clash check
    for where, data in files:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            problems.append(Problem(where, 0, "not UTF-8"))
            continue
        for number, raw in _json_objects(text.splitlines(), where, problems):
            entry_id = raw.get("id")
            if not isinstance(entry_id, str) or not entry_id.strip():
                problems.append(Problem(where, number, "`id` is missing or empty"))
                continue
            current = by_id.get(entry_id)
            if current is None:
                source = raw.get("source", "user")
                if not isinstance(source, str) or not source.strip():
                    problems.append(Problem(where, number, "`source` must be a non-empty string"))
                    continue
                entry = _entry({**USER_DEFAULTS, **raw, "source": "user"}, where, number, problems)
                if entry is None:
                    continue
                if source.strip() != "user":  # a user's own name for where the entry came from
                    entry = dataclasses.replace(entry, source=source.strip())
                given.append(entry)
            else:
                entry = _patch(current, raw, where, number, problems)
                ambiguous = _strings(raw, "ambiguous", where, number, [])
                if (
                    "name" not in raw
                ):  # the name as it was still clashes with another user form equal to it
                    ambiguous = (*ambiguous, entry.name)
                given.append(
                    Entry(
                        entry_id,
                        entry.name,
                        entry.label,
                        entry.category,
                        _strings(raw, "aliases", where, number, []),
                        ambiguous,
                        file=where,
                        line=number,
                    )
                )
            by_id[entry_id] = entry
            touched[entry_id] = None
    for entry_id in touched:
        entry = by_id[entry_id]
        for target in entry.implies:
            if target not in by_id:
                problems.append(Problem(entry.file, entry.line, f"implies unknown id {target!r}"))
    if given and not problems:
        problems.extend(_alias_clashes(Lexicon(tuple(given)), token_texts))
    if problems:
        shown = "; ".join(str(p) for p in problems[:5])
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        raise LexiconError(f"{len(problems)} problem(s) in the extra lexicon: {shown}{more}")
    first = tuple(by_id[i] for i in touched)
    rest = tuple(by_id[e.id] for e in base.entries if e.id not in touched)
    return Lexicon(
        first + rest,
        base.context,
        base.root,
        base.files,
        overlays or tuple(where for where, _ in files),
    )


def _patch(
    current: Entry, raw: dict[str, Any], where: str, number: int, problems: list[Problem]
) -> Entry:
    """``current`` changed by one line of a user file (see :func:`merge_overlays`)."""
    unknown = set(raw) - set(_FIELDS)
    if unknown:
        problems.append(Problem(where, number, f"unknown field(s): {', '.join(sorted(unknown))}"))
    scalars = {}
    for key in ("name", "label", "category", "source"):
        if key in raw:
            value = raw[key]
            if not isinstance(value, str) or not value.strip():
                problems.append(Problem(where, number, f"`{key}` must be a non-empty string"))
            else:
                scalars[key] = value.strip()
    if scalars.get("label", current.label) not in LABELS:
        problems.append(
            Problem(
                where,
                number,
                f"label {scalars['label']!r} is not one of: {', '.join(sorted(LABELS))}",
            )
        )
    added = {key: _strings(raw, key, where, number, problems) for key in _PATCH_LISTS}
    if any(c != c.lower() for c in added["cues"]):
        problems.append(Problem(where, number, "`cues` must be lowercase"))
    aliases = [a for a in (*current.aliases, *added["aliases"]) if a not in added["ambiguous"]]
    ambiguous = [a for a in (*current.ambiguous, *added["ambiguous"]) if a not in added["aliases"]]
    implies = tuple(dict.fromkeys((*current.implies, *added["implies"])))
    if current.id in implies:
        problems.append(Problem(where, number, "an entry cannot imply itself"))
    # an entry whose last ambiguous form the patch makes an alias ("PG" always PostgreSQL) keeps no cues
    cues = tuple(dict.fromkeys((*current.cues, *added["cues"]))) if ambiguous else ()
    if added["cues"] and not ambiguous:
        problems.append(
            Problem(
                where, number, "`cues` only apply to `ambiguous` forms, and this entry has none"
            )
        )
    return Entry(
        current.id,
        scalars.get("name", current.name),
        scalars.get("label", current.label),
        scalars.get("category", current.category),
        tuple(dict.fromkeys(aliases)),
        tuple(dict.fromkeys(ambiguous)),
        cues,
        implies,
        scalars.get("source", current.source),
        current.file,
        current.line,
    )
