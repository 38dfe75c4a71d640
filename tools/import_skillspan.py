"""Derive lexicon entries from SkillSpan's annotated Knowledge spans (train split only).

    python tools/import_skillspan.py [--skillspan ../shared/eval/skillspan] [--out lexicon/skills/skillspan.jsonl]

Runs jdmatch's own derivation (``jdmatch.derive.Deriver.add_bio``) over
``train.json`` and keeps the terms the lexicon does not know yet that
annotators marked as knowledge most of the times they occur:

* annotated at least twice and in at least half of their occurrences, or
* annotated every time they occur (once), when they have two to four words, or
  when they are one word that is no ordinary English word (wordfreq Zipf
  frequency under 3.0: "proteomics", "multitenancy").

Only the term names are kept (no sentences). The dev split is never read, so
``benchmarks/skills_quality.py`` on dev stays a fair measurement. Needs
``wordfreq`` (ships its data) to tell ordinary English words, which become
ambiguous forms. Re-run ``tools/import_lexicon.py`` afterwards: it skips forms
claimed here.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from jdmatch.compiled import load_lexicon  # noqa: E402
from jdmatch.derive import Deriver, read_bio  # noqa: E402
from jdmatch.recognize import SkillRecognizer, fold_plural  # noqa: E402

EDGE_JUNK = {
    ")",
    "(",
    "*",
    ".",
    ",",
    ";",
    ":",
    "-",
    "/",
    "&",
    "and",
    "or",
    "the",
    "a",
    "an",
    "of",
    "in",
    "with",
    "for",
    "to",
    "e.g",
    "e.g.",
    "etc",
    "etc.",
    "’s",
    "'s",
    "at",
    "on",
    "by",
    "from",
    "as",
    "into",
    "using",
    "via",
    "within",
    "across",
    "such",
    "including",
    "like",
    "is",
    "are",
    "be",
}
VERSIONED = re.compile(r"^(?P<name>.+?) ?v?\d+(?:\.\d+)*(?:\.x)?\+?$")
STOP_START = {
    "and",
    "or",
    "the",
    "a",
    "an",
    "of",
    "in",
    "with",
    "for",
    "to",
    "at",
    "on",
    "our",
    "your",
    "their",
    "its",
    "this",
    "that",
}


def clean(term: str) -> str | None:
    tokens = term.split()
    while tokens and tokens[0].lower() in EDGE_JUNK:
        tokens.pop(0)
    while tokens and tokens[-1].lower() in EDGE_JUNK:
        tokens.pop()
    if (
        not tokens
        or len(tokens) > 4
        or any("<" in t or "*" in t or "http" in t.lower() for t in tokens)
    ):
        return None
    text = " ".join(tokens)
    if not re.search(r"[A-Za-z]", text) or len(text) < 2 or len(text) > 50:
        return None
    if any(text.count(a) != text.count(b) for a, b in ("()", "[]", "{}")):
        return None  # "Spring ( Boot": a span cut inside a bracket (the lexicon rejects such forms)
    return text


def slug(name: str) -> str:
    s = re.sub(r"[^a-z0-9+#.]+", "-", name.lower()).strip("-.")
    return s or "term"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--skillspan", default=str(REPO.parent / "shared" / "eval" / "skillspan"))
    parser.add_argument("--out", default=str(REPO / "lexicon" / "skills" / "skillspan.jsonl"))
    args = parser.parse_args()
    from wordfreq import zipf_frequency

    out = Path(args.out)
    if out.exists():
        out.unlink()  # derive against the lexicon without this file's own entries
    lexicon = load_lexicon_without(out)
    recognizer = SkillRecognizer(lexicon)
    deriver = Deriver(recognizer)
    deriver.add_bio(read_bio(Path(args.skillspan) / "train.json", tags="knowledge"))
    known_ids = {e.id for e in lexicon.entries}
    taken_forms = {
        tuple(fold_plural(t) for t in recognizer.form_tokens(f))
        for e in lexicon.entries
        for f in (*e.plain_forms, *e.ambiguous)
    }
    entries: dict[str, dict] = {}
    for p in deriver.proposals():
        if p.known:
            continue
        rate = p.annotated / max(p.occurrences or 0, p.annotated, 1)
        words = p.term.split()
        keep = (p.annotated >= 2 and rate >= 0.5) or (
            p.annotated == 1 and rate >= 0.99 and 2 <= len(words) <= 4
        )
        if (
            not keep
            and p.annotated == 1
            and rate >= 0.99
            and len(words) == 1
            and re.fullmatch(r"[A-Za-z][a-z]{5,}", p.term)
        ):
            keep = zipf_frequency(p.term.lower(), "en") < 3.0  # a rare word: a term of the trade
        if not keep:
            continue
        name = clean(p.term)
        if name is None:
            continue
        versioned = VERSIONED.match(name)
        if versioned and deriver._known(versioned.group("name")):
            continue  # "Java 8": a known name and a version, which the recognizer reads already
        key = tuple(fold_plural(t) for t in recognizer.form_tokens(name))
        inside = recognizer.recognize(name)
        covered = sum(m.end - m.start for m in inside)
        if key in taken_forms or (
            inside and covered >= len(name.replace(" ", "")) - 1 and " / " not in name
        ):
            continue  # known already, or only known skills side by side ("PostgreSQL Redis"; "A / B" is one term)
        if any(len(w) == 1 and w.isalpha() and w not in {"C", "R"} for w in name.split()):
            continue  # split words ("i OS")
        taken_forms.add(key)
        common = all(zipf_frequency(w.lower(), "en") >= 3.0 for w in re.findall(r"[A-Za-z]+", name))
        single = len(name.split()) == 1
        entry_id = slug(name)
        if entry_id in known_ids or entry_id in entries:
            entry_id = f"{entry_id}-skillspan"
        if entry_id in known_ids or entry_id in entries:
            continue
        label = "degree" if "degree" in name.lower() else "concept"
        entries[entry_id] = {
            "id": entry_id,
            "name": name,
            "label": label,
            "category": "Knowledge terms",
            "aliases": [],
            "ambiguous": [name] if (single and common) else [],
            "cues": [],
            "implies": [],
            "source": "skillspan",
        }
    # a single ordinary word can only be an ambiguous form: keep those seen at least twice
    rows = [
        e
        for e in entries.values()
        if not e["ambiguous"]
        or e["name"] in {p.term for p in deriver.proposals() if p.annotated >= 2}
    ]
    rows.sort(key=lambda e: e["id"])
    with out.open("w", encoding="utf-8") as fh:
        for e in rows:
            fh.write(json.dumps(e, ensure_ascii=False) + "\n")
    print(f"{len(rows)} entries written to {out}")
    return 0


def load_lexicon_without(path: Path):  # type: ignore[no-untyped-def]
    """The shipped lexicon minus ``path`` (which may be listed in the manifest)."""
    import shutil
    import tempfile

    src = REPO / "lexicon"
    tmp = Path(tempfile.mkdtemp(prefix="jdmatch-lexicon-"))
    shutil.copytree(src, tmp / "lexicon")
    manifest = tmp / "lexicon" / "lexicon.toml"
    text = manifest.read_text(encoding="utf-8").replace(f'  "skills/{path.name}",\n', "")
    manifest.write_text(text, encoding="utf-8")
    return load_lexicon(tmp / "lexicon")


if __name__ == "__main__":
    raise SystemExit(main())
