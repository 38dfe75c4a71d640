"""Span precision, recall and F1 of jdmatch's skill recognizer against BIO-annotated files.

    python benchmarks/skills_quality.py ../shared/eval/skillspan/dev.json --source tech [--errors 20]

Each sentence's tokens are joined with single spaces, ``Matcher.skills()`` runs on
that text, and each predicted character span is mapped back to tokens. "exact"
counts a prediction right only when its token span equals a gold span; "overlap"
when it shares at least one token with one.

Three tables: the totals; exact and overlap F1 by span length (gold spans by
their length for recall, predictions by theirs for precision); and the errors
by kind, so the next step is visible:

* **unknown term**: a gold span no prediction touches (a term the lexicon lacks,
  or one the context rules rejected);
* **boundary**: a gold span or a prediction that overlaps the other side without
  matching it exactly ("Java development" annotated, "Java" found);
* **false positive**: a prediction no gold span touches.

``--errors N`` lists the N most frequent surface forms of each kind.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import table  # noqa: E402

# SkillSpan's Knowledge tags cover tools, technologies, languages, domains and
# degrees; soft skills are its Skill tags. Predictions with these labels are left
# out when scoring against Knowledge (and kept for --tags skill).
NOT_KNOWLEDGE = frozenset({"soft_skill"})
LENGTHS = ("1", "2", "3", "4+")


def _bucket(span: tuple[int, int]) -> str:
    n = span[1] - span[0]
    return str(n) if n < 4 else "4+"


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(
    paths: list[str],
    *,
    tags: str = "knowledge",
    source: str | None = None,
    lexicon: str | None = None,
    view: str = "skills",
) -> dict:
    """Counts and rates over every sentence of ``paths``; see the module docstring."""
    from jdmatch.derive import bio_spans, read_bio
    from jdmatch.knowledge import knowledge_mentions
    from jdmatch.matcher import Matcher

    matcher = Matcher(lexicon=lexicon)
    matcher.skills("warm up")
    sentences = 0
    elapsed = 0.0
    gold_n: Counter[str] = Counter()  # by length
    pred_n: Counter[str] = Counter()
    exact_g: Counter[str] = Counter()  # gold spans found exactly, by gold length
    exact_p: Counter[str] = Counter()  # predictions that are exact, by predicted length
    over_g: Counter[str] = Counter()
    over_p: Counter[str] = Counter()
    kinds: dict[str, Counter[str]] = {
        "unknown term": Counter(),
        "boundary (gold)": Counter(),
        "boundary (predicted)": Counter(),
        "false positive": Counter(),
    }
    for path in paths:
        for tokens, labels in read_bio(path, tags=tags, source=source):
            sentences += 1
            starts, pos = [], 0
            for tok in tokens:
                starts.append(pos)
                pos += len(tok) + 1
            text = " ".join(tokens)
            t0 = time.perf_counter()
            matches = matcher.skills(text)
            if view == "knowledge":
                matches = knowledge_mentions(text, matches)
            elapsed += time.perf_counter() - t0
            pred = set()
            for m in matches:
                if tags == "knowledge" and m.label in NOT_KNOWLEDGE:
                    continue
                s = max(i for i, st in enumerate(starts) if st <= m.start)
                e = max(i for i, st in enumerate(starts) if st < m.end) + 1
                pred.add((s, e))
            gold = set(bio_spans(labels))
            for g in gold:
                b = _bucket(g)
                gold_n[b] += 1
                if g in pred:
                    exact_g[b] += 1
                    over_g[b] += 1
                elif any(_overlaps(g, p) for p in pred):
                    over_g[b] += 1
                    kinds["boundary (gold)"][" ".join(tokens[g[0] : g[1]])] += 1
                else:
                    kinds["unknown term"][" ".join(tokens[g[0] : g[1]])] += 1
            for p in pred:
                b = _bucket(p)
                pred_n[b] += 1
                if p in gold:
                    exact_p[b] += 1
                    over_p[b] += 1
                elif any(_overlaps(g, p) for g in gold):
                    over_p[b] += 1
                    kinds["boundary (predicted)"][" ".join(tokens[p[0] : p[1]])] += 1
                else:
                    kinds["false positive"][" ".join(tokens[p[0] : p[1]])] += 1

    def rates(tp_p: float, n_p: float, tp_g: float, n_g: float) -> tuple[float, float, float]:
        p = tp_p / n_p if n_p else 0.0
        r = tp_g / n_g if n_g else 0.0
        return p, r, _f1(p, r)

    G, P = sum(gold_n.values()), sum(pred_n.values())
    ep, er, ef = rates(sum(exact_p.values()), P, sum(exact_g.values()), G)
    op, orr, of = rates(sum(over_p.values()), P, sum(over_g.values()), G)
    by_length = {}
    for b in LENGTHS:
        by_length[b] = {
            "gold": gold_n[b],
            "predicted": pred_n[b],
            "exact": rates(exact_p[b], pred_n[b], exact_g[b], gold_n[b]),
            "overlap": rates(over_p[b], pred_n[b], over_g[b], gold_n[b]),
        }
    return {
        "sentences": sentences,
        "gold": G,
        "predicted": P,
        "exact_p": ep,
        "exact_r": er,
        "exact_f1": ef,
        "overlap_p": op,
        "overlap_r": orr,
        "overlap_f1": of,
        "by_length": by_length,
        "errors": kinds,
        "sentences_per_s": sentences / elapsed if elapsed else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="+", help="SkillSpan JSON lines or CoNLL files")
    parser.add_argument(
        "--tags", default="knowledge", help="SkillSpan tag column: knowledge or skill"
    )
    parser.add_argument(
        "--source", default=None, help="only SkillSpan records of this source (tech, house)"
    )
    parser.add_argument(
        "--lexicon", default=None, help="a lexicon folder (default: the shipped one)"
    )
    parser.add_argument(
        "--view",
        choices=("skills", "knowledge"),
        default="skills",
        help="skills: every mention Matcher.skills finds; knowledge: jdmatch.knowledge.knowledge_mentions of them",
    )
    parser.add_argument(
        "--errors",
        type=int,
        default=0,
        help="also list the N most frequent forms of each error kind",
    )
    args = parser.parse_args()
    r = evaluate(
        args.paths, tags=args.tags, source=args.source, lexicon=args.lexicon, view=args.view
    )
    print(
        f"{r['sentences']} sentences, {r['gold']} gold spans, {r['predicted']} predicted "
        f"({', '.join(Path(p).name for p in args.paths)}; tags={args.tags}; source={args.source or 'all'}; view={args.view})"
    )
    per = 1000.0 / r["sentences_per_s"] if r["sentences_per_s"] else 0.0
    print(
        f"{per:.3f} ms per sentence (recognition{' and the knowledge view' if args.view == 'knowledge' else ''})"
    )
    print(
        table(
            ["match", "precision", "recall", "F1"],
            [
                ["exact", f"{r['exact_p']:.3f}", f"{r['exact_r']:.3f}", f"{r['exact_f1']:.3f}"],
                [
                    "overlap",
                    f"{r['overlap_p']:.3f}",
                    f"{r['overlap_r']:.3f}",
                    f"{r['overlap_f1']:.3f}",
                ],
            ],
        )
    )
    print()
    print(
        table(
            ["tokens", "gold", "predicted", "exact P", "exact R", "exact F1", "overlap F1"],
            [
                [
                    b,
                    str(v["gold"]),
                    str(v["predicted"]),
                    f"{v['exact'][0]:.3f}",
                    f"{v['exact'][1]:.3f}",
                    f"{v['exact'][2]:.3f}",
                    f"{v['overlap'][2]:.3f}",
                ]
                for b, v in r["by_length"].items()
            ],
        )
    )
    print()
    total_gold, total_pred = r["gold"] or 1, r["predicted"] or 1
    rows = []
    for kind, counter in r["errors"].items():
        n = sum(counter.values())
        share = n / (
            total_pred if kind in ("boundary (predicted)", "false positive") else total_gold
        )
        of = "predictions" if kind in ("boundary (predicted)", "false positive") else "gold spans"
        rows.append([kind, str(n), f"{share:.1%} of {of}"])
    print(table(["error kind", "count", "share"], rows))
    if args.errors:
        for kind, counter in r["errors"].items():
            print(
                f"\n{kind}: " + ", ".join(f"{k} ({v})" for k, v in counter.most_common(args.errors))
            )


if __name__ == "__main__":
    main()
