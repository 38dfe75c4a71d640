"""The compiled form of a lexicon: ``<lexicon>/compiled.json`` and the cache of merged user lexicons.

The one reader and writer of those files. A compiled file holds the entries
(so a start skips reading and validating every source line) and the matcher
patterns of each entry as string hashes (so a start skips tokenizing every
form). On disk both are JSON arrays, for size and speed; only this module knows
their positions, everything else sees :class:`~jdmatch.lexicon.Entry` and
:class:`CompiledPatterns`.

A compiled file is used only when it was made from exactly the files it is read
for: ``compiled.json`` names the lexicon's fingerprint, a cached user lexicon the
digest of the lexicon and the user's files (see :func:`load_lexicon`).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from jdmatch.errors import LexiconError
from jdmatch.lexicon import (
    Entry,
    Lexicon,
    Problem,
    _context,
    default_lexicon_dir,
    lexicon_fingerprint,
    read_lexicon,
)
from jdmatch.overlay import merge_overlays
from jdmatch.startup import collector_paused

COMPILED_VERSION = "1"
"""Version of the compiled layout; bump it when the layout below changes (compiled files then rebuild)."""
CACHE_ENV = "JDMATCH_CACHE_DIR"

# the position of each Entry field in a stored entry row ("file" relative to the lexicon in compiled.json)
_ENTRY_FIELDS = (
    "id",
    "name",
    "label",
    "category",
    "aliases",
    "ambiguous",
    "cues",
    "implies",
    "source",
    "file",
    "line",
)


class CompiledPatterns(NamedTuple):
    """The matcher patterns of one entry: tuples of string hashes, one per form (see :mod:`jdmatch.recognize`)."""

    entry_id: str
    plain: Sequence[Sequence[int]]
    """NORM hashes of each plain form (and of its one-token spelling, "C#" in "Go,C#")."""
    ambiguous: Sequence[Sequence[int]]
    """NORM hashes of each ambiguous form."""
    exact: Sequence[Sequence[int]]
    """ORTH hashes of each ambiguous form, in the same order: the spelling that must match."""


@dataclass(frozen=True, slots=True)
class Compiled:
    """A lexicon loaded from its compiled form, with what was stored next to its entries."""

    lexicon: Lexicon
    tokenizer: str
    """The tokenizer version the patterns were made with (``jdmatch.tokens.TOKENIZER_VERSION``)."""
    key: str
    """What the file was made from: the lexicon's fingerprint, or a merged lexicon's cache key."""
    rows: Sequence[Any]
    """The stored pattern rows (decoded by :meth:`patterns`)."""

    def patterns(self) -> list[CompiledPatterns]:
        return patterns_from_rows(self.rows)


_COMPILED: dict[str, Compiled] = {}
"""Compiled lexicons this process loaded, by folder (and overlay files): a second load costs nothing."""
_OVERLAY_KEYS: dict[str, tuple[str, Lexicon]] = {}


# -- loading -------------------------------------------------------------------------


def load_lexicon(
    root: str | os.PathLike[str] | None = None, *, extra: Iterable[str | os.PathLike[str]] = ()
) -> Lexicon:
    """Load and validate the lexicon in ``root`` (default: the shipped one); raise on any problem.

    When ``<root>/compiled.json`` was made from exactly these files (`jdmatch
    lexicon compile` validates before it writes), the entries come from it and the
    per-entry checks are skipped: that is most of a cold start's lexicon time.

    ``extra`` names a user's own JSON-lines files merged over it (see
    :func:`jdmatch.overlay.merge_overlays`); their merged, compiled form is cached by content
    hash in :func:`cache_dir`, so a second start costs what the shipped lexicon does.
    """
    folder = Path(root) if root is not None else default_lexicon_dir()
    extra_paths = tuple(Path(e) for e in extra)
    if extra_paths:
        return _load_with_overlays(folder, extra_paths)
    compiled = load_compiled(folder)
    if compiled is not None:
        return compiled.lexicon
    return read_lexicon(folder)


def load_compiled(folder: Path) -> Compiled | None:
    """The lexicon and its compiled patterns from ``<folder>/compiled.json``, if that file is current."""
    key = str(folder)
    cached = _COMPILED.get(key)
    found = lexicon_fingerprint(folder)
    if found is None:
        return None
    digest, files, config = found
    if cached is not None and cached.key == digest:
        return cached
    try:
        with collector_paused():  # a hundred thousand lasting objects (see jdmatch.startup)
            data = json.loads((folder / "compiled.json").read_text(encoding="utf-8"))
            if data.get("format") != COMPILED_VERSION or data.get("lexicon_fingerprint") != digest:
                return None
            entries = _entries(data["entries"], folder)
        problems: list[Problem] = []
        context = _context(config.get("context", {}), folder / "lexicon.toml", problems)
        result = Compiled(
            Lexicon(entries, context, str(folder), files),
            data["tokenizer"],
            digest,
            data["patterns"],
        )
    except (OSError, ValueError, KeyError, IndexError, TypeError):
        return None  # a damaged compiled file: read the sources instead
    if problems:
        return None
    _COMPILED[key] = result
    return result


def compiled_data(lexicon: Lexicon) -> Compiled | None:
    """The compiled form ``lexicon`` was loaded from, if it came from compiled.json or the cache (checked when loaded)."""
    cached = _COMPILED.get(_memo_key(lexicon.root, lexicon.overlays))
    if (
        cached is not None and cached.lexicon.entries is lexicon.entries
    ):  # the same load (context rules may differ)
        return cached
    if lexicon.overlays:
        return None  # compiled on first use, then cached (see store_overlay)
    found = load_compiled(Path(lexicon.root)) if lexicon.files else None
    if found is not None and found.lexicon.entries == lexicon.entries:
        return found
    return None


def _entries(rows: Iterable[Sequence[Any]], folder: Path | None) -> tuple[Entry, ...]:
    """Entries from stored rows; ``folder``: what a relative ``file`` is relative to (None: stored as is)."""
    files: dict[str, str] = {}  # one path join per file, not per entry

    def where(name: str) -> str:
        found = files.get(name)
        if found is None:
            found = files[name] = name if folder is None else str(folder / name)
        return found

    return tuple(
        Entry(
            r[0],
            r[1],
            r[2],
            r[3],
            tuple(r[4]),
            tuple(r[5]),
            tuple(r[6]),
            tuple(r[7]),
            r[8],
            where(r[9]),
            r[10],
        )
        for r in rows
    )


def entry_rows(
    entries: Iterable[Entry], root: Path | None = None, *, file_names: bool = False
) -> list[list[Any]]:
    """Entries as stored rows; each ``file`` relative to ``root``, or only its name (``file_names``), or as it is."""
    out = []
    for e in entries:
        row = [getattr(e, name) for name in _ENTRY_FIELDS]
        for i in (4, 5, 6, 7):
            row[i] = list(row[i])
        if file_names:
            row[9] = Path(e.file).name
        elif root is not None:
            row[9] = (
                Path(e.file).relative_to(root).as_posix()
            )  # relative: the package may live anywhere
        out.append(row)
    return out


def entries_from_rows(rows: Iterable[Sequence[Any]]) -> tuple[Entry, ...]:
    """The entries of :func:`entry_rows` (files as stored)."""
    return _entries(rows, None)


def compiled_entries(lexicon: Lexicon) -> list[list[Any]]:
    """The entries as plain lists, for compiled.json."""
    return entry_rows(lexicon.entries, Path(lexicon.root))


def patterns_from_rows(rows: Iterable[Sequence[Any]]) -> list[CompiledPatterns]:
    """The patterns of :func:`pattern_rows`."""
    return [
        CompiledPatterns(r[0], r[1], r[2], r[3]) for r in rows
    ]  # lists as stored: the matcher takes them as they are


def pattern_rows(patterns: Iterable[CompiledPatterns]) -> list[list[Any]]:
    """Patterns as stored rows."""
    return [
        [
            p.entry_id,
            [list(t) for t in p.plain],
            [list(t) for t in p.ambiguous],
            [list(t) for t in p.exact],
        ]
        for p in patterns
    ]


def compiled_document(
    lexicon: Lexicon, tokenizer: str, patterns: Iterable[CompiledPatterns]
) -> dict[str, Any]:
    """The content of ``<lexicon>/compiled.json`` for ``lexicon`` and its patterns."""
    return {
        "format": COMPILED_VERSION,
        "tokenizer": tokenizer,
        "lexicon_fingerprint": lexicon.fingerprint(),
        "entries": compiled_entries(lexicon),
        "patterns": pattern_rows(patterns),
    }


def write_compiled(folder: Path, document: dict[str, Any]) -> Path:
    """Write ``document`` (from :func:`compiled_document`) as ``<folder>/compiled.json``, atomically."""
    from jdmatch.files import atomic_write_text

    path = folder / "compiled.json"
    atomic_write_text(path, json.dumps(document, separators=(",", ":")) + "\n")
    return path


# -- a user's extra lexicon files ----------------------------------------------------


def cache_dir() -> Path:
    """Where compiled user lexicons are cached: ``$JDMATCH_CACHE_DIR``, else ``$XDG_CACHE_HOME/jdmatch``, else ``~/.cache/jdmatch``."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base / "jdmatch"


def _memo_key(root: str, overlays: tuple[str, ...]) -> str:
    return "\0".join((root, *overlays))


def _load_with_overlays(folder: Path, paths: tuple[Path, ...]) -> Lexicon:
    """The lexicon of ``folder`` with the user's files merged over it: from the cache when it holds exactly these."""
    contents = []
    for path in paths:
        try:
            contents.append(path.read_bytes())
        except FileNotFoundError:
            raise LexiconError("no such extra lexicon file; check the path", path=path) from None
        except OSError as exc:
            raise LexiconError(
                f"cannot read the extra lexicon file ({exc.strerror or exc})", path=path
            ) from None
    overlays = tuple(str(p.resolve()) for p in paths)
    found = lexicon_fingerprint(folder)
    key = ""
    if found is not None:
        digest = hashlib.sha256(f"jdmatch-overlay {COMPILED_VERSION} {found[0]}".encode())
        for name, data in zip(overlays, contents):
            digest.update(f"\0{name}\0{len(data)}\0".encode())
            digest.update(data)
        key = digest.hexdigest()
        memo = _COMPILED.get(_memo_key(str(folder), overlays))
        if memo is not None and memo.key == key:
            return memo.lexicon
        cached = _read_overlay_cache(folder, found[2], overlays, key)
        if cached is not None:
            return cached
    merged = merge_overlays(
        load_lexicon(folder),
        [(os.fspath(p), data) for p, data in zip(paths, contents)],
        overlays=overlays,
    )
    if key:
        _OVERLAY_KEYS[_memo_key(merged.root, merged.overlays)] = (key, merged)
    return merged


def _read_overlay_cache(
    folder: Path, config: dict[str, Any], overlays: tuple[str, ...], key: str
) -> Lexicon | None:
    try:
        with collector_paused():
            data = json.loads((cache_dir() / f"lexicon-{key}.json").read_text(encoding="utf-8"))
            if data.get("format") != COMPILED_VERSION or data.get("key") != key:
                return None
            entries = entries_from_rows(data["entries"])
        problems: list[Problem] = []
        context = _context(config.get("context", {}), folder / "lexicon.toml", problems)
        files = tuple(str(folder / name) for name in config["files"])
        lexicon = Lexicon(entries, context, str(folder), files, overlays)
        compiled = Compiled(lexicon, data["tokenizer"], key, data["patterns"])
    except (OSError, ValueError, KeyError, IndexError, TypeError):
        return None  # no cache yet, or a damaged one: merge again
    if problems:
        return None
    _COMPILED[_memo_key(str(folder), overlays)] = compiled
    return lexicon


def store_overlay(lexicon: Lexicon, tokenizer: str, patterns: list[CompiledPatterns]) -> None:
    """Cache the compiled form of a merged lexicon (called by the recognizer once it computed the patterns).

    Best effort: a cache folder that cannot be written only means the next start merges again.
    """
    memo_key = _memo_key(lexicon.root, lexicon.overlays)
    known = _OVERLAY_KEYS.get(memo_key)
    if known is None or known[1].entries is not lexicon.entries:
        return
    key = known[0]
    rows = pattern_rows(patterns)
    data = {
        "format": COMPILED_VERSION,
        "tokenizer": tokenizer,
        "key": key,
        "entries": entry_rows(lexicon.entries),
        "patterns": rows,
    }
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".lexicon-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(json.dumps(data, separators=(",", ":")))  # (dumps: the C encoder)
            os.replace(tmp, folder / f"lexicon-{key}.json")
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return
    _COMPILED[memo_key] = Compiled(lexicon, tokenizer, key, rows)
