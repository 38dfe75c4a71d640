"""Load and validate lexicon files.

A lexicon is a folder with a ``lexicon.toml`` manifest naming JSON-lines files
of skill entries (format in ``lexicon/README.md``). Every problem found is
reported with its file and line, so a reviewer can fix it directly.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from jdmatch.errors import LexiconError

LABELS = frozenset({
    "language", "framework", "library", "database", "cloud", "tool", "platform",
    "practice", "concept", "methodology", "soft_skill", "degree", "field",
    "certification", "data_format", "protocol", "os", "spoken_language", "domain",
})
SOURCES = frozenset({"jdmatch", "linguist", "onet", "skillspan", "stackoverflow", "user"})
_ID = re.compile(r"^[a-z0-9][a-z0-9._+#-]*$")
_FIELDS = ("id", "name", "label", "category", "aliases", "ambiguous", "cues", "implies", "source")
_REQUIRED = ("id", "name", "label", "category", "source")


@dataclass(frozen=True, slots=True)
class Entry:
    """One skill of the lexicon."""

    id: str
    name: str
    label: str
    category: str
    aliases: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    implies: tuple[str, ...] = ()
    source: str = "jdmatch"
    file: str = ""
    line: int = 0

    @property
    def plain_forms(self) -> tuple[str, ...]:
        """Forms matched case-insensitively anywhere: the name (unless ambiguous) and the aliases."""
        forms = [] if self.name in self.ambiguous else [self.name]
        forms.extend(a for a in self.aliases if a != self.name)
        return tuple(dict.fromkeys(forms))


@dataclass(frozen=True, slots=True)
class ContextRules:
    """How ambiguous forms are confirmed (see ``lexicon.toml``)."""

    cues: frozenset[str] = frozenset()
    strong_cues: frozenset[str] = frozenset()
    cue_window: int = 4
    neighbor_window: int = 12
    # where a name is context, not a skill (employers, places, contact lines; see lexicon.toml)
    employers: frozenset[str] = frozenset()
    profile_sites: frozenset[str] = frozenset()
    role_words: frozenset[str] = frozenset()
    company_suffixes: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    region_codes: frozenset[str] = frozenset()
    technical_sense: frozenset[str] = frozenset()
    technical_words: frozenset[str] = frozenset()
    program_words: frozenset[str] = frozenset()
    benefit_words: frozenset[str] = frozenset()
    ordinary_after: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Lexicon:
    entries: tuple[Entry, ...]
    context: ContextRules = field(default_factory=ContextRules)
    root: str = ""
    files: tuple[str, ...] = ()
    overlays: tuple[str, ...] = ()
    """A user's extra lexicon files merged over the folder's own (see :func:`load_lexicon`)."""

    def fingerprint(self) -> str:
        """A digest of the manifest and every listed file: names a compiled form of this lexicon."""
        found = lexicon_fingerprint(Path(self.root))
        return found[0] if found is not None else ""

    @property
    def codes(self) -> dict[str, dict[str, Any]]:
        """Standard codes per entry id (O*NET commodity code, hot technology) from the manifest's ``codes`` files.

        Read on first use (``jdmatch lexicon check`` and ``compile`` validate them), so a start that prints no codes does not pay for them.
        """
        found = _CODES.get(self.root)
        if found is None:
            root = Path(self.root)
            try:
                config = tomllib.loads((root / "lexicon.toml").read_text(encoding="utf-8"))
            except (OSError, ValueError, tomllib.TOMLDecodeError):
                config = {}
            found = _CODES[self.root] = _read_codes(root, config, {e.id for e in self.entries}, []) if self.root else {}
        return found

    def by_id(self) -> dict[str, Entry]:
        return {e.id: e for e in self.entries}

    def __len__(self) -> int:
        return len(self.entries)


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}" if self.line else f"{self.file}: {self.message}"


def default_lexicon_dir() -> Path:
    """The lexicon shipped with jdmatch: inside the installed package, or the checkout's ``lexicon/``."""
    packaged = resources.files("jdmatch").joinpath("lexicon")
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "lexicon"
    if (checkout / "lexicon.toml").is_file():
        return checkout
    raise LexiconError("the lexicon is missing from this installation; reinstall jdmatch")


def load_lexicon(root: str | os.PathLike[str] | None = None, *, extra: Iterable[str | os.PathLike[str]] = ()) -> Lexicon:
    """Load and validate the lexicon in ``root`` (default: the shipped one); raise on any problem.

    When ``<root>/compiled.json`` was made from exactly these files (`jdmatch
    lexicon compile` validates before it writes), the entries come from it and the
    per-entry checks are skipped: that is most of a cold start's lexicon time.

    ``extra`` names a user's own JSON-lines files merged over it (see
    :func:`merge_overlays`); their merged, compiled form is cached by content
    hash in :func:`cache_dir`, so a second start costs what the shipped lexicon does.
    """
    folder = Path(root) if root is not None else default_lexicon_dir()
    extra_paths = tuple(Path(e) for e in extra)
    if extra_paths:
        return _load_with_overlays(folder, extra_paths)
    compiled = load_compiled(folder)
    if compiled is not None:
        return compiled[0]
    lexicon, problems = _read(folder)
    if problems:
        shown = "; ".join(str(p) for p in problems[:5])
        more = f" (and {len(problems) - 5} more; run `jdmatch lexicon check`)" if len(problems) > 5 else ""
        raise LexiconError(f"{len(problems)} problem(s) in the lexicon: {shown}{more}")
    return lexicon


COMPILED_VERSION = "1"
_COMPILED: dict[str, tuple[Lexicon, dict[str, Any]]] = {}


def lexicon_fingerprint(folder: Path) -> tuple[str, tuple[str, ...], dict[str, Any]] | None:
    """(digest of the manifest and its files, the files, the manifest) or None when the manifest is unreadable."""
    import hashlib

    manifest = folder / "lexicon.toml"
    try:
        raw = manifest.read_bytes()
        config = tomllib.loads(raw.decode("utf-8"))
        names = config["files"]
        digest = hashlib.sha256()
        digest.update(b"lexicon.toml")
        digest.update(raw)
        files = []
        for name in names:
            path = folder / name
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
            files.append(str(path))
        for name in config.get("codes", []):
            digest.update(b"codes:" + name.encode())
            digest.update((folder / name).read_bytes())
    except (OSError, ValueError, KeyError, TypeError, tomllib.TOMLDecodeError):
        return None
    return digest.hexdigest(), tuple(files), config


def load_compiled(folder: Path) -> tuple[Lexicon, dict[str, Any]] | None:
    """The lexicon and its compiled patterns from ``<folder>/compiled.json``, if that file is current."""
    key = str(folder)
    cached = _COMPILED.get(key)
    found = lexicon_fingerprint(folder)
    if found is None:
        return None
    digest, files, config = found
    if cached is not None and cached[1].get("lexicon_fingerprint") == digest:
        return cached
    try:
        data = json.loads((folder / "compiled.json").read_text(encoding="utf-8"))
        if data.get("format") != COMPILED_VERSION or data.get("lexicon_fingerprint") != digest:
            return None
        entries = tuple(Entry(e[0], e[1], e[2], e[3], tuple(e[4]), tuple(e[5]), tuple(e[6]), tuple(e[7]), e[8], str(folder / e[9]), e[10])
                        for e in data["entries"])
        problems: list[Problem] = []
        context = _context(config.get("context", {}), folder / "lexicon.toml", problems)
    except (OSError, ValueError, KeyError, IndexError, TypeError):
        return None  # a damaged compiled file: read the sources instead
    if problems:
        return None
    result = (Lexicon(entries, context, str(folder), files), data)
    _COMPILED[key] = result
    return result


def compiled_data(lexicon: Lexicon) -> dict[str, Any] | None:
    """The compiled data ``lexicon`` was loaded from, if it came from compiled.json (checked when loaded)."""
    cached = _COMPILED.get(_memo_key(lexicon.root, lexicon.overlays))
    if cached is not None and cached[0].entries is lexicon.entries:  # the same load (context rules may differ)
        return cached[1]
    if lexicon.overlays:
        return None  # compiled on first use, then cached (see store_overlay)
    found = load_compiled(Path(lexicon.root)) if lexicon.files else None
    if found is not None and found[0].entries == lexicon.entries:
        return found[1]
    return None


def compiled_entries(lexicon: Lexicon) -> list[list[Any]]:
    """The entries as plain lists, for compiled.json."""
    root = Path(lexicon.root)
    return [[e.id, e.name, e.label, e.category, list(e.aliases), list(e.ambiguous), list(e.cues), list(e.implies), e.source,
             Path(e.file).relative_to(root).as_posix(), e.line]  # relative: the package may live anywhere
            for e in lexicon.entries]


def check_lexicon(root: str | os.PathLike[str] | None = None, *, tokenize: Any = None) -> tuple[Lexicon, list[Problem]]:
    """Validate a lexicon and return it with every problem found.

    Besides the per-entry checks, ``tokenize`` (a callable text -> list of token
    strings, default: the recognizer's tokenizer) finds aliases that different
    entries share once tokenized and lower-cased, which the matcher could not tell apart.
    """
    lexicon, problems = _read(Path(root) if root is not None else default_lexicon_dir())
    if tokenize is None:
        from jdmatch.recognize import make_tokenizer

        tok = make_tokenizer()

        def tokenize(text: str) -> list[str]:
            return [t.text for t in tok(text)]


    problems.extend(_alias_clashes(lexicon, tokenize))
    return lexicon, problems


def _read(root: Path) -> tuple[Lexicon, list[Problem]]:
    manifest = root / "lexicon.toml"
    try:
        config = tomllib.loads(manifest.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LexiconError("no lexicon.toml here; a lexicon folder needs one (see lexicon/README.md)", path=root) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LexiconError(f"not valid TOML: {exc}", path=manifest) from None
    problems: list[Problem] = []
    context = _context(config.get("context", {}), manifest, problems)
    files = config.get("files")
    if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        raise LexiconError("`files` must be a list of file names", path=manifest)
    entries: list[Entry] = []
    for name in files:
        path = root / name
        if not path.is_file():
            problems.append(Problem(str(manifest), 0, f"lists {name}, which does not exist"))
            continue
        entries.extend(_read_file(path, problems))
    problems.extend(_cross_checks(entries))
    listed = tuple(str(root / name) for name in files if (root / name).is_file())
    _CODES[str(root)] = _read_codes(root, config, {e.id for e in entries}, problems)
    return Lexicon(tuple(entries), context, str(root), listed), problems


def _context(raw: Any, manifest: Path, problems: list[Problem]) -> ContextRules:
    if not isinstance(raw, dict):
        problems.append(Problem(str(manifest), 0, "[context] must be a table"))
        return ContextRules()
    cues = raw.get("cues", [])
    if not isinstance(cues, list) or not all(isinstance(c, str) and c == c.lower() and c.strip() for c in cues):
        problems.append(Problem(str(manifest), 0, "[context] cues must be a list of lowercase words"))
        cues = []
    strong = raw.get("strong_cues", [])
    if not isinstance(strong, list) or not all(isinstance(c, str) and c == c.lower() and c.strip() for c in strong):
        problems.append(Problem(str(manifest), 0, "[context] strong_cues must be a list of lowercase words"))
        strong = []
    windows = {}
    for key, default in (("cue_window", 4), ("neighbor_window", 12)):
        value = raw.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 100:
            problems.append(Problem(str(manifest), 0, f"[context] {key} must be a whole number from 0 to 100"))
            value = default
        windows[key] = value
    lists: dict[str, frozenset[str]] = {}
    for key in ("employers", "profile_sites", "role_words", "company_suffixes", "places", "region_codes", "technical_sense", "technical_words",
                "program_words", "benefit_words", "ordinary_after"):
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            problems.append(Problem(str(manifest), 0, f"[context] {key} must be a list of words"))
            value = []
        lists[key] = frozenset(value)
    return ContextRules(frozenset(cues), frozenset(strong), **windows, **lists)


def _json_objects(lines: Iterable[str], where: str, problems: list[Problem]) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(line number, object)`` for each JSON-lines object; blank and ``//`` lines skipped, bad lines reported."""
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(Problem(where, number, f"not valid JSON ({exc.msg} at column {exc.colno})"))
            continue
        if not isinstance(raw, dict):
            problems.append(Problem(where, number, "each line must be a JSON object"))
            continue
        yield number, raw


def _read_file(path: Path, problems: list[Problem]) -> Iterator[Entry]:
    where = str(path)
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        problems.append(Problem(where, 0, f"cannot read: {exc}"))
        return
    with handle:
        try:
            for number, raw in _json_objects(handle, where, problems):
                entry = _entry(raw, where, number, problems)
                if entry is not None:
                    yield entry
        except UnicodeDecodeError:
            problems.append(Problem(where, 0, "not UTF-8"))


def _strings(raw: dict[str, Any], key: str, where: str, number: int, problems: list[Problem]) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append(Problem(where, number, f"`{key}` must be a list of strings"))
        return ()
    cleaned = []
    for v in value:
        if not v.strip():
            problems.append(Problem(where, number, f"`{key}` holds an empty string"))
        elif v != v.strip() or "  " in v:
            problems.append(Problem(where, number, f"`{key}` entry {v!r} has stray spaces"))
        else:
            cleaned.append(v)
    return tuple(cleaned)


def _entry(raw: Any, where: str, number: int, problems: list[Problem]) -> Entry | None:
    if not isinstance(raw, dict):
        problems.append(Problem(where, number, "each line must be a JSON object"))
        return None
    unknown = set(raw) - set(_FIELDS)
    if unknown:
        problems.append(Problem(where, number, f"unknown field(s): {', '.join(sorted(unknown))}"))
    before = len(problems)
    for key in _REQUIRED:
        value = raw.get(key)
        if not isinstance(value, str) or not value.strip():
            problems.append(Problem(where, number, f"`{key}` is missing or empty"))
    if len(problems) > before:
        return None
    entry_id, name, label = raw["id"], raw["name"].strip(), raw["label"]
    if not _ID.match(entry_id):
        problems.append(Problem(where, number, f"id {entry_id!r} must be lowercase letters, digits and . _ + # -"))
    if label not in LABELS:
        problems.append(Problem(where, number, f"label {label!r} is not one of: {', '.join(sorted(LABELS))}"))
    if raw["source"] not in SOURCES:
        problems.append(Problem(where, number, f"source {raw['source']!r} is not one of: {', '.join(sorted(SOURCES))}"))
    aliases = _strings(raw, "aliases", where, number, problems)
    ambiguous = _strings(raw, "ambiguous", where, number, problems)
    cues = _strings(raw, "cues", where, number, problems)
    implies = _strings(raw, "implies", where, number, problems)
    if any(c != c.lower() for c in cues):
        problems.append(Problem(where, number, "`cues` must be lowercase"))
    if cues and not ambiguous:
        problems.append(Problem(where, number, "`cues` only apply to `ambiguous` forms, and this entry has none"))
    if entry_id in implies:
        problems.append(Problem(where, number, "an entry cannot imply itself"))
    return Entry(entry_id, name, label, raw["category"].strip(), aliases, ambiguous, cues, implies, raw["source"], where, number)


def _cross_checks(entries: Iterable[Entry]) -> Iterator[Problem]:
    seen: dict[str, Entry] = {}
    entries = list(entries)
    for entry in entries:
        if entry.id in seen:
            first = seen[entry.id]
            yield Problem(entry.file, entry.line, f"id {entry.id!r} already used at {first.file}:{first.line}")
        else:
            seen[entry.id] = entry
    for entry in entries:
        for target in entry.implies:
            if target not in seen:
                yield Problem(entry.file, entry.line, f"implies unknown id {target!r}")


def _alias_clashes(lexicon: Lexicon, tokenize: Any) -> Iterator[Problem]:
    """Forms of different entries that the matchers could not tell apart.

    Plain forms match lower-cased, so they clash with any form equal when lower-cased;
    ambiguous forms match exactly as written, so "Yarn" and "YARN" may belong to two entries.
    """
    from jdmatch.recognize import fold_plural

    plain: dict[tuple[str, ...], tuple[Entry, str]] = {}
    strict: dict[tuple[str, ...], tuple[Entry, str]] = {}
    strict_lower: dict[tuple[str, ...], tuple[Entry, str]] = {}

    def clash(entry: Entry, form: str, other: tuple[Entry, str]) -> Problem:
        o_entry, o_form = other
        return Problem(entry.file, entry.line, f"{entry.id}: form {form!r} is also {o_entry.id!r}'s {o_form!r} ({o_entry.file}:{o_entry.line})")

    for entry in lexicon.entries:
        for form in entry.plain_forms:
            tokens = tuple(tokenize(form))
            if not tokens:
                yield Problem(entry.file, entry.line, f"form {form!r} has no tokens")
                continue
            key = tuple(fold_plural(t) for t in tokens)
            other = plain.get(key) or strict_lower.get(key)
            if other is not None and other[0].id != entry.id:
                yield clash(entry, form, other)
            plain.setdefault(key, (entry, form))
        for form in entry.ambiguous:
            tokens = tuple(tokenize(form))
            if not tokens:
                yield Problem(entry.file, entry.line, f"form {form!r} has no tokens")
                continue
            lower = tuple(fold_plural(t) for t in tokens)
            other = strict.get(tokens) or plain.get(lower)
            if other is not None and other[0].id != entry.id:
                yield clash(entry, form, other)
            strict.setdefault(tokens, (entry, form))
            strict_lower.setdefault(lower, (entry, form))


# -- standard codes -------------------------------------------------------------------

_CODES: dict[str, dict[str, dict[str, Any]]] = {}
_CODE_FIELDS = {"id": str, "onet_commodity": str, "onet_commodity_title": str, "hot_technology": bool, "esco_skill": str}
_COMMODITY = re.compile(r"^\d{8}$")
_ESCO_SKILL = re.compile(r"^http://data\.europa\.eu/esco/skill/[0-9a-f-]{36}$")


def _read_codes(root: Path, config: dict[str, Any], known: set[str], problems: list[Problem]) -> dict[str, dict[str, Any]]:
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
            bad = [k for k, v in raw.items() if k not in _CODE_FIELDS or not isinstance(v, _CODE_FIELDS[k])]
            if bad or "id" not in raw:
                problems.append(Problem(where, number, f"needs a string `id`; fields must be {', '.join(_CODE_FIELDS)} (bad: {', '.join(bad) or 'id'})"))
                continue
            entry_id = raw.pop("id")
            had = codes.get(entry_id, {})
            if entry_id not in known:
                problems.append(Problem(where, number, f"codes for unknown id {entry_id!r}"))
            elif set(raw) & set(had):  # one file per kind of code: each id once in each
                problems.append(Problem(where, number, f"id {entry_id!r} has {', '.join(sorted(set(raw) & set(had)))} already"))
            elif "onet_commodity" in raw and not _COMMODITY.match(raw["onet_commodity"]):
                problems.append(Problem(where, number, f"onet_commodity {raw['onet_commodity']!r} must be 8 digits"))
            elif "esco_skill" in raw and not _ESCO_SKILL.match(raw["esco_skill"]):
                problems.append(Problem(where, number, f"esco_skill {raw['esco_skill']!r} must be an ESCO skill URI (http://data.europa.eu/esco/skill/...)"))
            else:
                codes[entry_id] = {**had, **raw}
    return codes


# -- a user's extra lexicon files ----------------------------------------------------

CACHE_ENV = "JDMATCH_CACHE_DIR"
_OVERLAY_KEYS: dict[str, tuple[str, Lexicon]] = {}


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
    import hashlib

    contents = []
    for path in paths:
        try:
            contents.append(path.read_bytes())
        except FileNotFoundError:
            raise LexiconError("no such extra lexicon file; check the path", path=path) from None
        except OSError as exc:
            raise LexiconError(f"cannot read the extra lexicon file ({exc.strerror or exc})", path=path) from None
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
        if memo is not None and memo[1].get("key") == key:
            return memo[0]
        cached = _read_overlay_cache(folder, found[2], overlays, key)
        if cached is not None:
            return cached
    merged = merge_overlays(load_lexicon(folder), [(os.fspath(p), data) for p, data in zip(paths, contents)], overlays=overlays)
    if key:
        _OVERLAY_KEYS[_memo_key(merged.root, merged.overlays)] = (key, merged)
    return merged


def _read_overlay_cache(folder: Path, config: dict[str, Any], overlays: tuple[str, ...], key: str) -> Lexicon | None:
    try:
        data = json.loads((cache_dir() / f"lexicon-{key}.json").read_text(encoding="utf-8"))
        if data.get("format") != COMPILED_VERSION or data.get("key") != key:
            return None
        entries = tuple(Entry(e[0], e[1], e[2], e[3], tuple(e[4]), tuple(e[5]), tuple(e[6]), tuple(e[7]), e[8], e[9], e[10])
                        for e in data["entries"])
        problems: list[Problem] = []
        context = _context(config.get("context", {}), folder / "lexicon.toml", problems)
        files = tuple(str(folder / name) for name in config["files"])
    except (OSError, ValueError, KeyError, IndexError, TypeError):
        return None  # no cache yet, or a damaged one: merge again
    if problems:
        return None
    lexicon = Lexicon(entries, context, str(folder), files, overlays)
    _COMPILED[_memo_key(str(folder), overlays)] = (lexicon, data)
    return lexicon


def store_overlay(lexicon: Lexicon, tokenizer: str, patterns: list[Any]) -> None:
    """Cache the compiled form of a merged lexicon (called by the recognizer once it computed the patterns).

    Best effort: a cache folder that cannot be written only means the next start merges again.
    """
    memo_key = _memo_key(lexicon.root, lexicon.overlays)
    known = _OVERLAY_KEYS.get(memo_key)
    if known is None or known[1].entries is not lexicon.entries:
        return
    key = known[0]
    data = {
        "format": COMPILED_VERSION, "tokenizer": tokenizer, "key": key,
        "entries": [[e.id, e.name, e.label, e.category, list(e.aliases), list(e.ambiguous), list(e.cues), list(e.implies),
                     e.source, e.file, e.line] for e in lexicon.entries],
        "patterns": [[eid, [list(t) for t in p], [list(t) for t in sn], [list(t) for t in ex]] for eid, p, sn, ex in patterns],
    }
    folder = cache_dir()
    try:
        import tempfile

        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".lexicon-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, separators=(",", ":"))
            os.replace(tmp, folder / f"lexicon-{key}.json")
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return
    _COMPILED[memo_key] = (lexicon, data)


_PATCH_LISTS = ("aliases", "ambiguous", "cues", "implies")
USER_DEFAULTS = {"label": "tool", "category": "Other", "source": "user"}
"""What a new entry of a user's file is when it does not say: a tool, in category "Other", from "user"."""


def merge_overlays(base: Lexicon, files: list[tuple[str, bytes]], *, overlays: tuple[str, ...] | None = None) -> Lexicon:
    """``base`` with a user's JSON-lines files merged over it; raise :class:`LexiconError` naming file:line on any problem.

    ``files`` holds (name as given, content); ``overlays`` (default: the names) is what the result keeps as its
    :attr:`Lexicon.overlays`, the resolved paths when loaded from files.

    A line whose ``id`` is new is an entry in the lexicon's format; what it
    leaves out is :data:`USER_DEFAULTS` (a ``tool`` in category ``Other``, source
    ``user``; any source name of the user's own is kept). A line whose ``id`` exists changes that entry:
    ``aliases``, ``ambiguous``, ``cues`` and ``implies`` are added to its own
    (a form named ``ambiguous`` leaves the aliases, and the other way round),
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
                if "name" not in raw:  # the name as it was still clashes with another user form equal to it
                    ambiguous = (*ambiguous, entry.name)
                given.append(Entry(entry_id, entry.name, entry.label, entry.category,
                                   _strings(raw, "aliases", where, number, []), ambiguous, file=where, line=number))
            by_id[entry_id] = entry
            touched[entry_id] = None
    for entry_id in touched:
        entry = by_id[entry_id]
        for target in entry.implies:
            if target not in by_id:
                problems.append(Problem(entry.file, entry.line, f"implies unknown id {target!r}"))
    if given and not problems:
        from jdmatch.recognize import make_tokenizer

        tok = make_tokenizer()
        problems.extend(_alias_clashes(Lexicon(tuple(given)), lambda t: [x.text for x in tok(t)]))
    if problems:
        shown = "; ".join(str(p) for p in problems[:5])
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        raise LexiconError(f"{len(problems)} problem(s) in the extra lexicon: {shown}{more}")
    first = tuple(by_id[i] for i in touched)
    rest = tuple(by_id[e.id] for e in base.entries if e.id not in touched)
    return Lexicon(first + rest, base.context, base.root, base.files, overlays or tuple(where for where, _ in files))


def _patch(current: Entry, raw: dict[str, Any], where: str, number: int, problems: list[Problem]) -> Entry:
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
        problems.append(Problem(where, number, f"label {scalars['label']!r} is not one of: {', '.join(sorted(LABELS))}"))
    added = {key: _strings(raw, key, where, number, problems) for key in _PATCH_LISTS}
    if any(c != c.lower() for c in added["cues"]):
        problems.append(Problem(where, number, "`cues` must be lowercase"))
    aliases = [a for a in (*current.aliases, *added["aliases"]) if a not in added["ambiguous"]]
    ambiguous = [a for a in (*current.ambiguous, *added["ambiguous"]) if a not in added["aliases"]]
    implies = tuple(dict.fromkeys((*current.implies, *added["implies"])))
    if current.id in implies:
        problems.append(Problem(where, number, "an entry cannot imply itself"))
    cues = tuple(dict.fromkeys((*current.cues, *added["cues"])))
    if cues and not ambiguous:
        problems.append(Problem(where, number, "`cues` only apply to `ambiguous` forms, and this entry has none"))
    return Entry(current.id, scalars.get("name", current.name), scalars.get("label", current.label),
                 scalars.get("category", current.category), tuple(dict.fromkeys(aliases)), tuple(dict.fromkeys(ambiguous)),
                 cues, implies, scalars.get("source", current.source), current.file, current.line)
