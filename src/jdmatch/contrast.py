"""What sets a role apart from its neighbours: a linear model over the skills a document shows.

Coverage asks "does the document have what the role needs?"; this model asks
"does it read like this role rather than a neighbouring one?". A DevOps resume
has Python, Docker and AWS too; what separates it from a backend developer's is
Ansible, Terraform and Nagios on one side and Spring, Hibernate and REST services
on the other. The model is a logistic regression fitted by
``tools/fit_reference.py`` on the shipped reference corpus (postings and
resumes labelled by role family, written for jdmatch) and shipped as JSON, so
scoring needs no scikit-learn.

Features are the skills a document mentions, each valued by its depth of
evidence (see :mod:`jdmatch.evidence`). Skills of the profile never count
against a document (their weights are clipped at zero when applied), so naming
a missing profile skill can only raise the result.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jdmatch.errors import JdmatchError

FORMAT = 1


@dataclass(frozen=True, slots=True)
class ContrastModel:
    """``P(role | skills) = sigmoid(intercept + sum(coef[s] * value[s]))``, with scikit-learn manners for fitting."""

    intercept: float = 0.0
    coef: Mapping[str, float] = field(default_factory=dict)
    role: str = ""
    n_docs: int = 0
    notes: str = ""

    def logit(self, values: Mapping[str, float], *, keep_positive: Iterable[str] = ()) -> float:
        """The model's log-odds for a document whose skills have these values (0-1 each)."""
        clip = set(keep_positive)
        total = self.intercept
        coef = self.coef
        for sid, v in values.items():
            c = coef.get(sid)
            if c is None:
                continue
            if c < 0 and sid in clip:
                continue
            total += c * v
        return total

    def probability(
        self, values: Mapping[str, float], *, keep_positive: Iterable[str] = ()
    ) -> float:
        z = self.logit(values, keep_positive=keep_positive)
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0

    def contributions(
        self, values: Mapping[str, float], *, keep_positive: Iterable[str] = (), top: int = 8
    ) -> list[tuple[str, float]]:
        """The skills that moved the log-odds most, as ``(id, share)``, strongest first."""
        clip = set(keep_positive)
        out = []
        for sid, v in values.items():
            c = self.coef.get(sid)
            if c is None or (c < 0 and sid in clip):
                continue
            out.append((sid, c * v))
        out.sort(key=lambda kv: (-abs(kv[1]), kv[0]))
        return out[:top]

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "role": self.role,
            "n_docs": self.n_docs,
            "notes": self.notes,
            "intercept": round(self.intercept, 6),
            "coef": {k: round(v, 6) for k, v in sorted(self.coef.items())},
        }

    def save(self, path: str | os.PathLike[str]) -> None:
        from jdmatch.files import atomic_write_text

        atomic_write_text(path, json.dumps(self.to_dict(), indent=0, sort_keys=True) + "\n")


def load_contrast(path: str | os.PathLike[str]) -> ContrastModel:
    """A fitted model from its JSON file."""
    where = Path(path)
    try:
        data = json.loads(where.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            raise ValueError(f"format {data.get('format')!r}")
        return ContrastModel(
            float(data["intercept"]),
            {str(k): float(v) for k, v in data["coef"].items()},
            str(data.get("role", "")),
            int(data.get("n_docs", 0)),
            str(data.get("notes", "")),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise JdmatchError(
            f"cannot load the contrast model ({type(exc).__name__}: {exc}); reinstall jdmatch or refit it",
            path=where,
        ) from None


def fit_contrast(
    features: Sequence[Mapping[str, float]],
    labels: Sequence[int],
    *,
    weights: Sequence[float] | None = None,
    C: float = 1.0,
    min_docs: int = 2,
    role: str = "",
) -> ContrastModel:
    """Fit the model with scikit-learn (L2-regularized logistic regression, deterministic lbfgs).

    ``labels`` are 1 for documents of the role and 0 for the others; skills seen
    in fewer than ``min_docs`` documents are left out.
    """
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    if len(features) != len(labels) or not features:
        raise JdmatchError("the contrast model needs one label per document, and documents")
    df: dict[str, int] = {}
    for f in features:
        for sid in f:
            df[sid] = df.get(sid, 0) + 1
    keep = {s for s, n in df.items() if n >= min_docs}
    rows = [{s: v for s, v in f.items() if s in keep} for f in features]
    vec = DictVectorizer(sort=True)
    X = vec.fit_transform(rows)
    model = LogisticRegression(C=C, max_iter=5000, solver="lbfgs")
    model.fit(X, list(labels), sample_weight=list(weights) if weights is not None else None)
    coef = {
        name: float(w)
        for name, w in zip(vec.get_feature_names_out(), model.coef_[0])
        if abs(w) >= 1e-4
    }
    return ContrastModel(float(model.intercept_[0]), coef, role, len(features))
