"""Span precision, recall and F1 of jdmatch's skill recognizer against BIO-annotated files.

    python benchmarks/skills_quality.py ../shared/eval/skillspan/dev.json --source tech

Each sentence's tokens are joined with single spaces, ``Matcher.skills()`` runs on
that text, and each predicted character span is mapped back to tokens. "exact"
counts a prediction right only when its token span equals a gold span; "overlap"
when it shares at least one token with one.
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


def evaluate(paths: list[str], *, tags: str = "knowledge", source: str | None = None, lexicon: str | None = None, show_errors: int = 0) -> dict[str, float]:
    from jdmatch.derive import bio_spans, read_bio
    from jdmatch.matcher import Matcher

    matcher = Matcher(lexicon=lexicon)
    matcher.skills("warm up")
    gold_n = pred_n = exact_tp = over_p = over_g = 0
    sentences = 0
    misses: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    elapsed = 0.0
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
            elapsed += time.perf_counter() - t0
            pred = set()
            for m in matches:
                if tags == "knowledge" and m.label in NOT_KNOWLEDGE:
                    continue
                s = max(i for i, st in enumerate(starts) if st <= m.start)
                e = max(i for i, st in enumerate(starts) if st < m.end) + 1
                pred.add((s, e))
            gold = set(bio_spans(labels))
            gold_n += len(gold)
            pred_n += len(pred)
            exact_tp += len(gold & pred)
            over_p += sum(1 for p in pred if any(p[0] < g[1] and g[0] < p[1] for g in gold))
            over_g += sum(1 for g in gold if any(p[0] < g[1] and g[0] < p[1] for p in pred))
            if show_errors:
                for s, e in gold - pred:
                    misses[" ".join(tokens[s:e])] += 1
                for s, e in pred - gold:
                    wrong[" ".join(tokens[s:e])] += 1

    def prf(tp_p: int, tp_g: int) -> tuple[float, float, float]:
        p = tp_p / pred_n if pred_n else 0.0
        r = tp_g / gold_n if gold_n else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    ep, er, ef = prf(exact_tp, exact_tp)
    op, orr, of = prf(over_p, over_g)
    if show_errors:
        print("most frequent misses:", ", ".join(f"{k} ({v})" for k, v in misses.most_common(show_errors)))
        print("most frequent false hits:", ", ".join(f"{k} ({v})" for k, v in wrong.most_common(show_errors)))
    return {"sentences": sentences, "gold": gold_n, "predicted": pred_n, "exact_p": ep, "exact_r": er, "exact_f1": ef,
            "overlap_p": op, "overlap_r": orr, "overlap_f1": of, "sentences_per_s": sentences / elapsed if elapsed else 0.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", help="SkillSpan JSON lines or CoNLL files")
    parser.add_argument("--tags", default="knowledge", help="SkillSpan tag column: knowledge or skill")
    parser.add_argument("--source", default=None, help="only SkillSpan records of this source (tech, house)")
    parser.add_argument("--lexicon", default=None, help="a lexicon folder (default: the shipped one)")
    parser.add_argument("--errors", type=int, default=0, help="also list the N most frequent misses and false hits")
    args = parser.parse_args()
    r = evaluate(args.paths, tags=args.tags, source=args.source, lexicon=args.lexicon, show_errors=args.errors)
    print(f"{r['sentences']} sentences, {r['gold']} gold spans, {r['predicted']} predicted "
          f"({', '.join(Path(p).name for p in args.paths)}; tags={args.tags}; source={args.source or 'all'})")
    print(table(["match", "precision", "recall", "F1"], [
        ["exact", f"{r['exact_p']:.3f}", f"{r['exact_r']:.3f}", f"{r['exact_f1']:.3f}"],
        ["overlap", f"{r['overlap_p']:.3f}", f"{r['overlap_r']:.3f}", f"{r['overlap_f1']:.3f}"],
    ]))


if __name__ == "__main__":
    main()
