"""Load and validate lexicon files.

A lexicon is a folder with a ``lexicon.toml`` manifest naming JSON-lines files
of skill entries (format in ``lexicon/README.md``). Every problem found is
reported with its file and line, so a reviewer can fix it directly.
"""

from __future__ import annotations

import hashlib
import os
import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from jdmatch.errors import LexiconError
from jdmatch.lexicon_io import _CODES, Problem, _json_objects, _read_codes  # noqa: F401  # Problem and _json_objects are read here by overlay
from jdmatch.tokens import fold_plural, token_texts

LABELS = frozenset(
    {
        "language",
        "framework",
        "library",
        "database",
        "cloud",
        "tool",
        "platform",
        "practice",
        "concept",
        "methodology",
        "soft_skill",
        "degree",
        "field",
        "certification",
        "data_format",
        "protocol",
        "os",
        "spoken_language",
        "domain",
    }
)
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
    company_words_later: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    region_codes: frozenset[str] = frozenset()
    technical_sense: frozenset[str] = frozenset()
    technical_words: frozenset[str] = frozenset()
    program_words: frozenset[str] = frozenset()
    benefit_words: frozenset[str] = frozenset()
    ordinary_after: frozenset[str] = frozenset()
    ordinary_near: frozenset[str] = frozenset()
    given_names: frozenset[str] = frozenset()
    first_names: frozenset[str] = frozenset()
    mostly_technical: frozenset[str] = frozenset()
    own_cues_only: frozenset[str] = frozenset()


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
            found = _CODES[self.root] = (
                _read_codes(root, config, {e.id for e in self.entries}, []) if self.root else {}
            )
        return found

    def by_id(self) -> dict[str, Entry]:
        return {e.id: e for e in self.entries}

    def __len__(self) -> int:
        return len(self.entries)


def default_lexicon_dir() -> Path:
    """The lexicon shipped with jdmatch: inside the installed package, or the checkout's ``lexicon/``."""
    packaged = resources.files("jdmatch").joinpath("lexicon")
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "lexicon"
    if (checkout / "lexicon.toml").is_file():
        return checkout
    raise LexiconError("the lexicon is missing from this installation; reinstall jdmatch")


def read_lexicon(root: str | os.PathLike[str] | None = None) -> Lexicon:
    """Read and validate the lexicon sources in ``root`` (default: the shipped one); raise on any problem.

    This reads every listed file and checks every entry; :func:`jdmatch.compiled.load_lexicon`
    takes the same entries from ``compiled.json`` when that file is current, which is what a start uses.
    """
    lexicon, problems = _read(Path(root) if root is not None else default_lexicon_dir())
    if problems:
        shown = "; ".join(str(p) for p in problems[:5])
        more = (
            f" (and {len(problems) - 5} more; run `jdmatch lexicon check`)"
            if len(problems) > 5
            else ""
        )
        raise LexiconError(f"{len(problems)} problem(s) in the lexicon: {shown}{more}")
    return lexicon


def lexicon_fingerprint(folder: Path) -> tuple[str, tuple[str, ...], dict[str, Any]] | None:
    """(digest of the manifest and its files, the files, the manifest) or None when the manifest is unreadable."""
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


def check_lexicon(
    root: str | os.PathLike[str] | None = None, *, tokenize: Any = None
) -> tuple[Lexicon, list[Problem]]:
    """Validate a lexicon and return it with every problem found.

    Besides the per-entry checks, ``tokenize`` (a callable text -> list of token
    strings, default: the recognizer's tokenizer) finds aliases that different
    entries share once tokenized and lower-cased, which the matcher could not tell apart.
    """
    lexicon, problems = _read(Path(root) if root is not None else default_lexicon_dir())
    problems.extend(_alias_clashes(lexicon, tokenize or token_texts))
    return lexicon, problems


def _read(root: Path) -> tuple[Lexicon, list[Problem]]:
    manifest = root / "lexicon.toml"
    try:
        config = tomllib.loads(manifest.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LexiconError(
            "no lexicon.toml here; a lexicon folder needs one (see lexicon/README.md)", path=root
        ) from None
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
    if not isinstance(cues, list) or not all(
        isinstance(c, str) and c == c.lower() and c.strip() for c in cues
    ):
        problems.append(
            Problem(str(manifest), 0, "[context] cues must be a list of lowercase words")
        )
        cues = []
    strong = raw.get("strong_cues", [])
    if not isinstance(strong, list) or not all(
        isinstance(c, str) and c == c.lower() and c.strip() for c in strong
    ):
        problems.append(
            Problem(str(manifest), 0, "[context] strong_cues must be a list of lowercase words")
        )
        strong = []
    windows: dict[str, Any] = {}
    for key, default in (("cue_window", 4), ("neighbor_window", 12)):
        value = raw.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 100:
            problems.append(
                Problem(str(manifest), 0, f"[context] {key} must be a whole number from 0 to 100")
            )
            value = default
        windows[key] = value
    lists: dict[str, Any] = {}
    for key in (
        "employers",
        "profile_sites",
        "role_words",
        "company_suffixes",
        "company_words_later",
        "places",
        "region_codes",
        "technical_sense",
        "technical_words",
        "program_words",
        "benefit_words",
        "ordinary_after",
        "ordinary_near",
        "given_names",
        "first_names",
        "mostly_technical",
        "own_cues_only",
    ):
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            problems.append(Problem(str(manifest), 0, f"[context] {key} must be a list of words"))
            value = []
        lists[key] = frozenset(value)
    return ContextRules(frozenset(cues), frozenset(strong), **windows, **lists)


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


def _strings(
    raw: dict[str, Any], key: str, where: str, number: int, problems: list[Problem]
) -> tuple[str, ...]:
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
        problems.append(
            Problem(
                where, number, f"id {entry_id!r} must be lowercase letters, digits and . _ + # -"
            )
        )
    if label not in LABELS:
        problems.append(
            Problem(where, number, f"label {label!r} is not one of: {', '.join(sorted(LABELS))}")
        )
    if raw["source"] not in SOURCES:
        problems.append(
            Problem(
                where,
                number,
                f"source {raw['source']!r} is not one of: {', '.join(sorted(SOURCES))}",
            )
        )
    aliases = _strings(raw, "aliases", where, number, problems)
    ambiguous = _strings(raw, "ambiguous", where, number, problems)
    cues = _strings(raw, "cues", where, number, problems)
    implies = _strings(raw, "implies", where, number, problems)
    if any(c != c.lower() for c in cues):
        problems.append(Problem(where, number, "`cues` must be lowercase"))
    if cues and not ambiguous:
        problems.append(
            Problem(
                where, number, "`cues` only apply to `ambiguous` forms, and this entry has none"
            )
        )
    if entry_id in implies:
        problems.append(Problem(where, number, "an entry cannot imply itself"))
    for form in (name, *aliases, *ambiguous):
        if any(form.count(a) != form.count(b) for a, b in ("()", "[]", "{}")):
            # "Spring ( Boot": a piece of an annotation, not a name anyone writes
            problems.append(Problem(where, number, f"form {form!r} has an unbalanced bracket"))
    return Entry(
        entry_id,
        name,
        label,
        raw["category"].strip(),
        aliases,
        ambiguous,
        cues,
        implies,
        raw["source"],
        where,
        number,
    )


def _cross_checks(entries: Iterable[Entry]) -> Iterator[Problem]:
    seen: dict[str, Entry] = {}
    entries = list(entries)
    for entry in entries:
        if entry.id in seen:
            first = seen[entry.id]
            yield Problem(
                entry.file, entry.line, f"id {entry.id!r} already used at {first.file}:{first.line}"
            )
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
    plain: dict[tuple[str, ...], tuple[Entry, str]] = {}
    strict: dict[tuple[str, ...], tuple[Entry, str]] = {}
    strict_lower: dict[tuple[str, ...], tuple[Entry, str]] = {}

    def clash(entry: Entry, form: str, other: tuple[Entry, str]) -> Problem:
        o_entry, o_form = other
        return Problem(
            entry.file,
            entry.line,
            f"{entry.id}: form {form!r} is also {o_entry.id!r}'s {o_form!r} ({o_entry.file}:{o_entry.line})",
        )

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
