"""Write lexicon/codes/onet-technology.jsonl: the O*NET commodity code and hot-technology flag of lexicon entries.

O*NET's Technology Skills table names products ("Oracle Java", "Atlassian JIRA")
with a UNSPSC commodity class ("Object or component oriented development
software", 43232405) and a "Hot Technology" flag. A product maps to a lexicon
entry when its name is one of the entry's forms, or when jdmatch's recognizer
finds exactly that entry (a product: a tool, language, database...) in it with at most a two-word vendor before it and
nothing after. An entry named by several products takes the commodity named by
most occupations, and is hot when any of them is.

Source: ../shared/eval/lexicon-sources/onet_technology_skills.csv, O*NET (U.S.
Department of Labor/Employment and Training Administration), CC BY 4.0 (credit
in lexicon/README.md).

    python tools/make_onet_codes.py [--source CSV] [--output FILE]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT.parent / "shared" / "eval" / "lexicon-sources" / "onet_technology_skills.csv"
DEFAULT_OUTPUT = ROOT / "lexicon" / "codes" / "onet-technology.jsonl"
# O*NET lists products: a practice or concept found inside a product name ("Fidelity HR/Payroll") is not the product
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
_TRAILING = re.compile(
    r"^[\s\d.+®™]*$"
)  # a version or a trademark sign after the name is still the name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    from jdmatch.compiled import load_lexicon
    from jdmatch.recognize import SkillRecognizer

    # the entries only, from the sources: the codes file being rewritten may be stale
    lexicon = load_lexicon(ROOT / "lexicon")
    recognizer = SkillRecognizer(lexicon)
    forms: dict[str, str] = {}
    labels = {e.id: e.label for e in lexicon.entries}
    for entry in lexicon.entries:
        for form in (entry.name, *entry.aliases):
            forms.setdefault(form.lower(), entry.id)

    products: dict[str, dict] = {}
    with args.source.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            p = products.setdefault(
                row["Example"], {"codes": Counter(), "titles": {}, "hot": False}
            )
            p["codes"][row["Commodity Code"]] += 1
            p["titles"][row["Commodity Code"]] = row["Commodity Title"]
            p["hot"] |= row["Hot Technology"].strip().upper() == "Y"

    by_id: dict[str, list[tuple[int, str, str, bool]]] = defaultdict(list)
    mapped = 0
    for example, p in products.items():
        ids = set()
        entry_id = forms.get(example.lower())
        if entry_id is None:
            found = [m for m in recognizer.recognize(example) if m.label in PRODUCT_LABELS]
            if (
                len(found) == 1
                and _TRAILING.match(example[found[0].end :])
                and len(example[: found[0].start].split()) <= 2
            ):
                entry_id = found[0].id
        if entry_id is not None:
            ids.add(entry_id)
        # "Oracle Java", "Microsoft Azure software": the product without its vendor (or "software") is an entry too
        words = example.removesuffix(" software").split()
        for k in (1, 2):
            rest = " ".join(words[k:]).lower()
            if rest and k < len(words) and rest in forms and labels[forms[rest]] in PRODUCT_LABELS:
                ids.add(forms[rest])
                break
        if not ids:
            continue
        mapped += 1
        code, count = p["codes"].most_common(1)[0]
        for entry_id in ids:
            by_id[entry_id].append((sum(p["codes"].values()), code, p["titles"][code], p["hot"]))

    rows = []
    for entry_id in sorted(by_id):
        named = by_id[entry_id]
        _, code, title, _hot = max(named, key=lambda t: (t[0], t[1]))
        rows.append(
            {
                "id": entry_id,
                "onet_commodity": code,
                "onet_commodity_title": title,
                "hot_technology": any(t[3] for t in named),
            }
        )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    hot = sum(r["hot_technology"] for r in rows)
    print(
        f"{len(products)} O*NET products, {mapped} mapped to {len(rows)} lexicon entries ({hot} hot) -> {args.output}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
