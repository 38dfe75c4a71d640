"""Give the coordinated terms imported from SkillSpan the skills they name, as ``implies``.

    python tools/skillspan_implies.py [--check]

SkillSpan's annotators mark a coordination as one span ("Android and iOS apps",
"relational and non-relational databases", "unit & functional testing"), so
``tools/import_skillspan.py`` imports such terms as entries of their own. As a mention
they hide their parts, which jdmatch's coordination step would have found one by one. This
script reads each such entry's name with a recognizer over the lexicon *without* these
entries and writes the skills found there into the entry's ``implies`` (Android and iOS
apps -> android, ios...), so a user sees, and scoring counts, the parts. Run it after
``import_skillspan.py``; ``--check`` only reports entries whose ``implies`` would change.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

FILE = REPO / "lexicon" / "skills" / "skillspan.jsonl"
_COORDINATED = re.compile(r"\s(?:and|or|&|and/or)\s|/|&", re.I)
# what a coordinated term may imply: skills, not the soft skills or fields named beside them
_LABELS_LEFT_OUT = frozenset({"soft_skill", "spoken_language"})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report, do not write")
    args = parser.parse_args()
    from jdmatch.compiled import load_lexicon
    from jdmatch.recognize.recognizer import SkillRecognizer

    lexicon = load_lexicon()
    lines = FILE.read_text(encoding="utf-8").splitlines()
    coordinated = {}
    for i, line in enumerate(lines):
        if line.strip() and not line.lstrip().startswith("//"):
            entry = json.loads(line)
            if _COORDINATED.search(entry["name"]):
                coordinated[entry["id"]] = i
    without = dataclasses.replace(
        lexicon, entries=tuple(e for e in lexicon.entries if e.id not in coordinated)
    )
    recognizer = SkillRecognizer(without)
    by_id = without.by_id()
    changed = 0
    for entry_id, i in coordinated.items():
        entry = json.loads(lines[i])
        found = [
            m.id
            for m in recognizer.recognize(entry["name"])
            if by_id[m.id].label not in _LABELS_LEFT_OUT
        ]
        implies = list(dict.fromkeys([*entry.get("implies", []), *found]))
        if implies != entry.get("implies", []):
            changed += 1
            print(f"{entry_id}: {entry['name']!r} -> {', '.join(implies)}")
            entry["implies"] = implies
            lines[i] = json.dumps(entry, ensure_ascii=False)
    print(f"{len(coordinated)} coordinated terms, {changed} given new implies")
    if not args.check and changed:
        FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
