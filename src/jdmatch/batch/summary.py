"""A run's summary: counts, score distribution, demanded and missing skills."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Summary:
    """What a run saw: counts, score distribution, demanded and missing skills."""

    count: int = 0
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    # scores kept as counts per 0.01 point: quantiles without a list that grows with the inputs
    score_counts: Counter[int] = field(default_factory=Counter)
    score_sum: float = 0.0
    demanded: Counter[str] = field(default_factory=Counter)
    missing: Counter[str] = field(default_factory=Counter)
    names: dict[str, str] = field(default_factory=dict)
    top: list[tuple[float, str, str]] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, row: dict[str, Any]) -> None:
        self.count += 1
        if row["status"] != "ok":
            self.failed += 1
            if len(self.failures) < 1000:
                self.failures.append((row["source"], row["error"]))
            return
        self.ok += 1
        score = float(row["score"])
        self.score_counts[round(score * 100)] += 1
        self.score_sum += score
        for sid, name in row.get("_skills", ()):
            self.demanded[sid] += 1
            self.names[sid] = name
        for sid, name in row.get("_missing", ()):
            self.missing[sid] += 1
            self.names[sid] = name
        self.top.append((score, row["id"], row["title"] or row["source"]))
        if len(self.top) > 200:
            self.top.sort(reverse=True)
            del self.top[20:]

    def best(self, n: int = 10) -> list[tuple[float, str, str]]:
        return sorted(self.top, reverse=True)[:n]

    def to_dict(self, *, top_skills: int = 30) -> dict[str, Any]:
        dist: dict[str, Any] = {}
        n = sum(self.score_counts.values())
        if n:
            keys = sorted(self.score_counts)

            def value(rank: int) -> float:  # the rank-th smallest score (0-based)
                seen = 0
                for k in keys:
                    seen += self.score_counts[k]
                    if seen > rank:
                        return k / 100
                return keys[-1] / 100

            def q(p: float) -> float:
                pos = (n - 1) * p
                lo, hi = math.floor(pos), math.ceil(pos)
                return round(value(lo) + (value(hi) - value(lo)) * (pos - lo), 2)

            hist = [0] * 10
            for k, c in self.score_counts.items():
                hist[min(9, int(k // 1000))] += c
            dist = {
                "min": keys[0] / 100,
                "p25": q(0.25),
                "median": q(0.5),
                "p75": q(0.75),
                "max": keys[-1] / 100,
                "mean": round(self.score_sum / n, 2),
                "histogram": {f"{10 * i}-{10 * i + 10}": c for i, c in enumerate(hist)},
            }
        ok = max(self.ok, 1)
        return {
            "count": self.count,
            "ok": self.ok,
            "failed": self.failed,
            "skipped_already_done": self.skipped,
            "seconds": round(self.seconds, 2),
            "score_distribution": dist,
            "most_demanded_skills": [
                {"id": s, "name": self.names.get(s, s), "postings": n, "share": round(n / ok, 4)}
                for s, n in self.demanded.most_common(top_skills)
            ],
            "most_missing_skills": [
                {"id": s, "name": self.names.get(s, s), "postings": n, "share": round(n / ok, 4)}
                for s, n in self.missing.most_common(top_skills)
            ],
            "top": [{"id": i, "title": t, "score": round(s, 2)} for s, i, t in self.best(20)],
            "failures": [{"source": s, "error": e} for s, e in self.failures],
        }
