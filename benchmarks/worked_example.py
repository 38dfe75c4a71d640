"""Print the README's worked example of the score, computed by the code as it is today.

    python benchmarks/worked_example.py

A short resume written for the README (a fictional person) is scored against the
backend-engineer profile; the script prints every number the README's "How
scoring works" quotes, so the README can be checked against it.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import table  # noqa: E402

RESUME = """Sam Ortega
Java Developer

Experience
Java Developer, Kettle Systems   Aug 2022 - Present
- Build REST APIs with Java and Spring Boot backed by PostgreSQL
- Write unit tests and review code in Git
Support Engineer, Finch Ltd   Jan 2020 - Jul 2022
- Wrote Java tools and Bash scripts; SQL reports

Skills
Java, Spring Boot, PostgreSQL, Docker, AWS
"""
AS_OF = "2026-12-01"


def main() -> None:
    import datetime

    from jdmatch.matcher import Matcher
    from jdmatch.scoring import counted_coverage

    m = Matcher(
        as_of=datetime.date.fromisoformat(AS_OF)
    )  # "Present" is this day, so the numbers stay put
    r = m.score(RESUME)
    print(f"depth of evidence (Present = {AS_OF})")
    print(
        table(
            ["skill", "factor", "why"],
            [
                [e.name, f"{e.depth['factor']:.2f}", e.depth["summary"]]
                for e in r.matched
                if e.depth
            ],
        )
    )
    print("\ngroups with something covered")
    print(
        table(
            ["group", "weight", "mode", "coverage", "matched"],
            [
                [
                    g.name + (" *" if g.core else ""),
                    f"{g.weight:g}",
                    g.mode,
                    f"{g.coverage:.3f}",
                    ", ".join(g.matched),
                ]
                for g in r.groups
                if g.coverage
            ],
        )
    )
    prof = m.profile
    print(
        f"\ncoverage {r.coverage:.3f} -> counted {counted_coverage(r.coverage, prof.coverage_scale):.3f} (scale {prof.coverage_scale})"
    )
    print(
        f"core coverage {r.core_coverage:.3f} -> gate {r.core_gate:.3f} (floor {prof.core_floor}, full from {prof.core_full})"
    )
    print(
        f"contrast {r.contrast:.3f}; top skills: "
        + ", ".join(f"{t.name} {t.contribution:+.2f}" for t in r.contrast_terms[:5])
    )
    print(f"cosine {r.cosine:.3f} -> similarity {r.similarity:.3f} (scale {prof.similarity_scale})")
    sw = 1 - prof.coverage_weight - prof.contrast_weight
    print(
        f"score = 100 x ({prof.coverage_weight} x {counted_coverage(r.coverage, prof.coverage_scale):.3f} + {prof.contrast_weight} x {r.contrast:.3f} "
        f"+ {sw:.2f} x {r.similarity:.3f}) x {r.core_gate:.3f} = {r.score:.1f} ({r.band})"
    )
    print(
        "missing skills that would add most: "
        + ", ".join(f"{x.name} (+{x.gain:.1f})" for x in r.missing[:3])
    )


if __name__ == "__main__":
    main()
