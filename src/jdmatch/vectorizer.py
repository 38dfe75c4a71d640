"""``SkillVectorizer``: texts to a sparse matrix over canonical skill ids, for scikit-learn pipelines."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin


class SkillVectorizer(TransformerMixin, BaseEstimator):
    """Count (or flag) the skills each text mentions, one column per canonical skill id.

    ``lexicon``: a lexicon folder (default: the shipped one). ``binary``: 1 for a
    mention instead of the count. ``min_df``: keep skills named by at least this
    many training texts. ``labels``: keep only skills with these labels (e.g.
    ``("language", "framework")``); None keeps all. Fitted attributes:
    ``vocabulary_`` (skill id -> column) and ``feature_names_out_``.
    """

    def __init__(
        self,
        *,
        lexicon: str | None = None,
        binary: bool = False,
        min_df: int = 1,
        labels: tuple[str, ...] | None = None,
    ) -> None:
        self.lexicon = lexicon
        self.binary = binary
        self.min_df = min_df
        self.labels = labels

    def _recognizer(self) -> Any:
        from jdmatch.compiled import load_lexicon
        from jdmatch.recognize import SkillRecognizer, default_recognizer

        if self.lexicon is None:
            return default_recognizer()
        cache = _RECOGNIZERS.get(str(self.lexicon))
        if cache is None:
            cache = _RECOGNIZERS[str(self.lexicon)] = SkillRecognizer(load_lexicon(self.lexicon))
        return cache

    def _ids(self, texts: Iterable[str]) -> list[list[str]]:
        recognizer = self._recognizer()
        keep = set(self.labels) if self.labels is not None else None
        out = []
        for text in texts:
            if not isinstance(text, str):
                raise TypeError(f"SkillVectorizer takes texts (str), not {type(text).__name__}")
            out.append(
                [m.id for m in recognizer.recognize(text) if keep is None or m.label in keep]
            )
        return out

    def fit(self, X: Iterable[str], y: Any = None) -> SkillVectorizer:
        docs = self._ids(X)
        df: dict[str, int] = {}
        for ids in docs:
            for sid in set(ids):
                df[sid] = df.get(sid, 0) + 1
        names = sorted(sid for sid, n in df.items() if n >= self.min_df)
        self.vocabulary_ = {sid: i for i, sid in enumerate(names)}
        self.feature_names_out_ = np.array(names, dtype=object)
        self.n_features_in_ = 1
        return self

    def transform(self, X: Iterable[str]) -> sparse.csr_matrix:
        if not hasattr(self, "vocabulary_"):
            from sklearn.exceptions import NotFittedError

            raise NotFittedError("SkillVectorizer is not fitted yet; call fit first")
        rows, cols, vals = [], [], []
        docs = self._ids(X)
        for r, ids in enumerate(docs):
            counts: dict[int, int] = {}
            for sid in ids:
                c = self.vocabulary_.get(sid)
                if c is not None:
                    counts[c] = counts.get(c, 0) + 1
            for c, n in counts.items():
                rows.append(r)
                cols.append(c)
                vals.append(1 if self.binary else n)
        return sparse.csr_matrix(
            (np.array(vals, dtype=np.float64), (rows, cols)),
            shape=(len(docs), len(self.vocabulary_)),
        )

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        return np.asarray(self.feature_names_out_, dtype=object)


_RECOGNIZERS: dict[str, Any] = {}
