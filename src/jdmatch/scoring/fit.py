"""``FitScorer``: TF-IDF similarity to a profile plus weighted coverage of its skill groups.

The TF-IDF model is fitted with scikit-learn on a reference corpus of job
postings across many roles (``lexicon/reference/postings.jsonl``); what it
learns, a vocabulary and its IDF weights, ships as ``lexicon/reference/idf.json``,
so scoring a document needs neither scikit-learn nor a refit. ``score`` is four
steps, each in its own module: the document's vector (:mod:`.terms`), its
coverage (:mod:`.coverage`), the gain of each missing skill (:mod:`.advice`)
and the explanation (:mod:`.explain`). The formula is in the README ("How scoring works").
"""

from __future__ import annotations

import json
import math
import os
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from jdmatch.contrast import ContrastModel
from jdmatch.errors import JdmatchError
from jdmatch.evidence import SkillDepth
from jdmatch.models import FitResult
from jdmatch.profile import RoleProfile
from jdmatch.recognize import Analysis, SkillRecognizer, fold_plural
from jdmatch.scoring.advice import missing_skills
from jdmatch.scoring.coverage import band, contrast_features, coverage_of, profile_weights
from jdmatch.scoring.explain import (
    contrast_terms,
    group_coverages,
    matched_skills,
    notes,
    top_terms,
)
from jdmatch.scoring.reference import reference_dir
from jdmatch.scoring.terms import SKILL_PREFIX, document_vector, identity, polarities, terms_of

KEYWORD_SHARE = 0.5  # norm of the profile's keyword part relative to its skill part
_SUBLINEAR = tuple(1.0 + math.log(n) if n else 0.0 for n in range(64))


class FitScorer:
    """TF-IDF over canonical skill ids and content words, with scikit-learn manners.

    ``fit(texts)`` learns ``idf_`` (term -> IDF) and ``n_docs_`` from a corpus;
    ``score(analysis, profile)`` turns a recognized document into a
    :class:`FitResult`. ``FitScorer.load()`` gives the model fitted on the shipped
    reference corpus.
    """

    def __init__(
        self,
        *,
        sublinear_tf: bool = True,
        smooth_idf: bool = True,
        min_df: int = 1,
        top_terms: int = 10,
        max_missing: int = 40,
        recognizer: SkillRecognizer | None = None,
    ) -> None:
        self.sublinear_tf = sublinear_tf
        self.smooth_idf = smooth_idf
        self.min_df = min_df
        self.top_terms = top_terms
        self.max_missing = max_missing
        self.recognizer = recognizer

    # -- learning ----------------------------------------------------------------------

    def fit(self, texts: Iterable[str], y: Any = None) -> FitScorer:
        """Learn IDF weights from a corpus of texts with scikit-learn's TfidfVectorizer."""
        from sklearn.feature_extraction.text import TfidfVectorizer

        recognizer = self._recognizer()
        docs = [terms_of(recognizer.analyze(t)) for t in texts]
        if not docs:
            raise JdmatchError("cannot fit on an empty corpus")
        vectorizer = TfidfVectorizer(
            analyzer=identity,
            sublinear_tf=self.sublinear_tf,
            smooth_idf=self.smooth_idf,
            min_df=self.min_df,
            norm=None,
            lowercase=False,
        )
        vectorizer.fit(docs)
        self.idf_ = {
            term: float(vectorizer.idf_[i]) for term, i in sorted(vectorizer.vocabulary_.items())
        }
        self.n_docs_ = len(docs)
        return self

    def _recognizer(self) -> SkillRecognizer:
        if self.recognizer is None:
            from jdmatch.recognize import default_recognizer

            self.recognizer = default_recognizer()
        return self.recognizer

    @property
    def unseen_idf_(self) -> float:
        """The IDF of a term no reference document contains (the largest possible)."""
        n = self.n_docs_
        return math.log((1 + n) / 1) + 1 if self.smooth_idf else math.log(n) + 1

    def save(self, path: str | os.PathLike[str]) -> None:
        data = {
            "format": 1,
            "n_docs": self.n_docs_,
            "sublinear_tf": self.sublinear_tf,
            "smooth_idf": self.smooth_idf,
            "min_df": self.min_df,
            "idf": {k: round(v, 6) for k, v in self.idf_.items()},
        }
        from jdmatch.files import atomic_write_text

        atomic_write_text(
            path, json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n"
        )

    @classmethod
    def load(
        cls,
        path: str | os.PathLike[str] | None = None,
        *,
        recognizer: SkillRecognizer | None = None,
    ) -> FitScorer:
        """A fitted scorer from a saved model (default: the shipped reference model)."""
        where = Path(path) if path is not None else reference_dir() / "idf.json"
        try:
            data = json.loads(where.read_text(encoding="utf-8"))
            scorer = cls(
                sublinear_tf=bool(data["sublinear_tf"]),
                smooth_idf=bool(data["smooth_idf"]),
                min_df=int(data["min_df"]),
                recognizer=recognizer,
            )
            scorer.idf_ = {str(k): float(v) for k, v in data["idf"].items()}
            scorer.n_docs_ = int(data["n_docs"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise JdmatchError(
                f"cannot load the TF-IDF model ({type(exc).__name__}: {exc}); reinstall jdmatch or refit it",
                path=where,
            ) from None
        return scorer

    # -- scoring -----------------------------------------------------------------------

    def profile_vector(self, profile: RoleProfile) -> dict[str, float]:
        """The profile as a unit vector: each group's skills carry its weight, keywords a share."""
        idf = self.idf_
        unseen = self.unseen_idf_
        skills: dict[str, float] = {}
        for group in profile.groups:
            raw = {s.id: s.weight * idf.get(SKILL_PREFIX + s.id, unseen) for s in group.skills}
            norm = math.sqrt(sum(v * v for v in raw.values())) or 1.0
            for sid, v in raw.items():
                term = SKILL_PREFIX + sid
                skills[term] = skills.get(term, 0.0) + group.weight * v / norm
        words: dict[str, float] = {}
        for kw in profile.keywords:
            term = fold_plural(kw)
            if term in idf:
                words[term] = idf[term]
        skill_norm = math.sqrt(sum(v * v for v in skills.values())) or 1.0
        word_norm = math.sqrt(sum(v * v for v in words.values())) or 1.0
        vec = dict(skills)
        for term, v in words.items():
            vec[term] = vec.get(term, 0.0) + KEYWORD_SHARE * skill_norm * v / word_norm
        total = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {t: v / total for t, v in vec.items()}

    def score(
        self,
        analysis: Analysis,
        profile: RoleProfile,
        *,
        source: str = "<text>",
        detail: bool = True,
        lexicon_implies: Mapping[str, tuple[str, ...]] | None = None,
        profile_vector: Mapping[str, float] | None = None,
        depth: Mapping[str, SkillDepth] | None = None,
        contrast: ContrastModel | None = None,
    ) -> FitResult:
        """Score one recognized document against ``profile``.

        ``depth`` (skill id -> :class:`~jdmatch.evidence.SkillDepth`) says how firmly
        the document shows each skill; without it every mention counts fully.
        ``contrast`` is the profile's model of what sets the role apart from its
        neighbours (see :mod:`jdmatch.contrast`). ``profile_vector`` is
        :meth:`profile_vector` of ``profile``, when the caller keeps it. With
        ``detail=False`` (batch runs) the score is the same, but the explanation is
        shorter: the first 8 matched skills, missing skills of the core groups only,
        and no term contributions.
        """
        pvec = profile_vector if profile_vector is not None else self.profile_vector(profile)
        # "no experience with X" does not count; "willing to learn X", "exposure to X" count for
        # nothing in coverage and at half in the contrast model
        negated, hedged = polarities(analysis)
        counts = Counter(m.id for m in analysis.matches if m.id not in negated)
        vec = document_vector(analysis.words, counts, pvec, self.idf_, self.unseen_idf_, self._tf)
        implies = lexicon_implies if lexicon_implies is not None else self._implies()
        cov = coverage_of(profile, counts, hedged, depth, implies)
        similarity = min(1.0, vec.cosine / profile.similarity_scale)
        contrast_values = contrast_features(counts, hedged, cov.credit)
        keep_positive = cov.index.skill_set  # a profile skill is never held against a document
        base_logit = (
            contrast.logit(contrast_values, keep_positive=keep_positive)
            if contrast is not None
            else 0.0
        )
        contrast_p = (
            (1.0 / (1.0 + math.exp(-base_logit)) if base_logit > -700 else 0.0)
            if contrast is not None
            else None
        )
        weights = profile_weights(profile, contrast is not None)
        score = cov.parts.score(similarity, contrast_p, weights)

        names = self._names()
        missing = missing_skills(
            profile,
            cov,
            vec,
            pvec,
            implies=implies,
            contrast=contrast,
            base_logit=base_logit,
            contrast_values=contrast_values,
            weights=weights,
            score=score,
            candidates=cov.index.skill_ids if detail else cov.index.core_ids,
            names=names,
            limit=self.max_missing,
        )
        return FitResult(
            score=score,
            similarity=similarity,
            coverage=cov.parts.coverage,
            matched=matched_skills(
                cov, analysis.matches, counts, hedged, depth, names, limit=None if detail else 8
            ),
            missing=missing,
            groups=group_coverages(profile, cov),
            top_terms=top_terms(vec, pvec, names, self.top_terms) if detail else (),
            cosine=vec.cosine,
            profile=profile.id,
            source=source,
            skills=tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))),
            hedged=tuple(sorted(hedged)),
            negated=tuple(sorted(negated)),
            contrast=contrast_p,
            core_coverage=cov.parts.core,
            core_gate=cov.parts.gate,
            band=band(score),
            notes=notes(profile, cov),
            contrast_terms=contrast_terms(contrast, contrast_values, keep_positive, names)
            if contrast is not None and detail
            else (),
        )

    def _tf(self, tf: int) -> float:
        if not self.sublinear_tf:
            return float(tf)
        return _SUBLINEAR[tf] if tf < len(_SUBLINEAR) else 1.0 + math.log(tf)

    def _names(self) -> dict[str, str]:
        cached = getattr(self, "_names_cache", None)
        if cached is None:
            cached = self._names_cache = {e.id: e.name for e in self._recognizer().lexicon.entries}
        return cached

    def _implies(self) -> dict[str, tuple[str, ...]]:
        cached = getattr(self, "_implies_cache", None)
        if cached is None:
            cached = self._implies_cache = {
                e.id: e.implies for e in self._recognizer().lexicon.entries if e.implies
            }
        return cached
