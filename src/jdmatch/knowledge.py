"""Knowledge mentions in SkillSpan's sense: the skill mentions a job-ad annotator would mark as knowledge.

jdmatch recognizes every tool and skill a text names, which is what scoring and
``jdmatch skills`` want. Annotators of job ads (SkillSpan, Zhang et al. 2022)
mark fewer: not a name inside a job title ("Senior Java Developer"), an
industry in a company blurb, a benefit, a soft skill or a generic word used in
passing ("security experts"). :func:`knowledge_mentions` keeps the mentions a
small logistic model, fitted on SkillSpan's *train* split by
``tools/fit_knowledge.py``, scores as knowledge there, and applies the
annotators' boundary conventions (``lexicon/models/knowledge.json``). It is
opt-in and runs after recognition: ``Matcher.skills`` and scoring are unchanged.

    from jdmatch.knowledge import knowledge_mentions
    kept = knowledge_mentions(text, Matcher().skills(text))

The model is a dict of feature weights, applied in pure Python (no
scikit-learn at run time), so the result is deterministic.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from jdmatch.models import SkillMatch

MODEL_FILE = "models/knowledge.json"
_WORD = re.compile(r"[^\s]+")
# job-title words: a name right before one is part of a title ("Java Developer")
ROLE_WORDS = frozenset(
    """engineer engineers developer developers programmer architect architects consultant lead
designer administrator specialist scientist analyst manager tester intern expert experts professional professionals
team teams""".split()
)


def _words_before(text: str, start: int, n: int) -> list[str]:
    return text[max(0, start - 80) : start].split()[-n:]


def _words_after(text: str, end: int, n: int) -> list[str]:
    return text[end : end + 80].split()[:n]


def features(text: str, match: SkillMatch, matches: list[SkillMatch], index: int) -> list[str]:
    """The names of the features of one mention (binary features, present or not)."""
    before = [w.lower() for w in _words_before(text, match.start, 2)]
    after = [w.lower() for w in _words_after(text, match.end, 2)]
    surface = match.text
    line_start = text.rfind("\n", 0, match.start) + 1
    line_end = text.find("\n", match.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    n_words = len(line.split())
    f = [
        "bias",
        f"label={match.label}",
        f"id={match.id}",
        f"w-1={before[-1] if before else '<s>'}",
        f"w+1={after[0] if after else '</s>'}",
        f"w-2={before[0] if len(before) > 1 else '<s>'}",
        f"w+2={after[1] if len(after) > 1 else '</s>'}",
    ]
    if after and after[0] in ROLE_WORDS:
        f.append("role_after")
    if surface.islower():
        f.append("lower")
    elif surface.isupper():
        f.append("upper")
    elif surface[:1].isupper():
        f.append("capital")
    f.append(f"ntok={min(len(surface.split()), 3)}")
    f.append("short_line" if n_words <= 8 else "long_line")
    if not before:
        f.append("first")
    if not any(c in line for c in ".,;:") and n_words <= 12:
        f.append("no_punct_line")
    near = sum(1 for m in matches if abs(m.start - match.start) < 60) - 1
    f.append(f"near={min(near, 3)}")
    f.append(f"label={match.label}&short={n_words <= 8}")
    return f


@lru_cache(maxsize=4)
def load_model(root: str | None = None) -> dict[str, Any]:
    """The fitted weights (``lexicon/models/knowledge.json`` of the shipped lexicon, or of ``root``)."""
    if root is None:
        from jdmatch.lexicon import default_lexicon_dir

        root = str(default_lexicon_dir())
    return json.loads((Path(root) / MODEL_FILE).read_text(encoding="utf-8"))


def probability(weights: dict[str, float], names: Iterable[str]) -> float:
    z = sum(weights.get(n, 0.0) for n in names)
    return 1.0 / (1.0 + math.exp(-z))


def knowledge_mentions(
    text: str, matches: list[SkillMatch], *, model: dict[str, Any] | None = None
) -> list[SkillMatch]:
    """The mentions of ``matches`` (from ``text``) that job-ad annotators count as knowledge, with their boundaries."""
    model = model if model is not None else load_model()
    weights, threshold = model["weights"], model["threshold"]
    drop = frozenset(model.get("drop_labels", ()))
    out = []
    for i, m in enumerate(matches):
        if m.label in drop:
            continue
        if probability(weights, features(text, m, matches, i)) < threshold:
            continue
        out.append(m)
    return out
