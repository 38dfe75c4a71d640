"""Fit scoring: TF-IDF similarity to a profile plus weighted coverage of its skill groups.

The TF-IDF model (``FitScorer``) is fitted with scikit-learn on a reference
corpus of job postings across many roles (``lexicon/reference/postings.jsonl``);
what it learns, a vocabulary and its IDF weights, ships as
``lexicon/reference/idf.json``, so scoring a document needs neither
scikit-learn nor a refit. The formula is in the README ("How scoring works").
"""

from __future__ import annotations

import json
import math
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jdmatch.errors import JdmatchError
from jdmatch.lexicon import default_lexicon_dir
from jdmatch.models import FitResult, GroupCoverage, MissingSkill, SkillEvidence, TermContribution
from jdmatch.profile import RoleProfile
from jdmatch.recognize import Analysis, SkillRecognizer, fold_plural

SKILL_PREFIX = "@"
KEYWORD_SHARE = 0.5  # norm of the profile's keyword part relative to its skill part
MIN_DOC_NORM = 1.0


def reference_dir() -> Path:
    return default_lexicon_dir() / "reference"


class FitScorer:
    """TF-IDF over canonical skill ids and content words, with scikit-learn manners.

    ``fit(texts)`` learns ``idf_`` (term -> IDF) and ``n_docs_`` from a corpus;
    ``score(analysis, profile)`` turns a recognized document into a
    :class:`FitResult`. ``FitScorer.load()`` gives the model fitted on the shipped
    reference corpus.
    """

    def __init__(self, *, sublinear_tf: bool = True, smooth_idf: bool = True, min_df: int = 1, top_terms: int = 10, recognizer: SkillRecognizer | None = None) -> None:
        self.sublinear_tf = sublinear_tf
        self.smooth_idf = smooth_idf
        self.min_df = min_df
        self.top_terms = top_terms
        self.recognizer = recognizer

    # -- learning ----------------------------------------------------------------------

    def fit(self, texts: Iterable[str], y: Any = None) -> FitScorer:
        """Learn IDF weights from a corpus of texts with scikit-learn's TfidfVectorizer."""
        from sklearn.feature_extraction.text import TfidfVectorizer

        recognizer = self._recognizer()
        docs = [terms_of(recognizer.analyze(t)) for t in texts]
        if not docs:
            raise JdmatchError("cannot fit on an empty corpus")
        vectorizer = TfidfVectorizer(analyzer=_identity, sublinear_tf=self.sublinear_tf, smooth_idf=self.smooth_idf,
                                     min_df=self.min_df, norm=None, lowercase=False)
        vectorizer.fit(docs)
        self.idf_ = {term: float(vectorizer.idf_[i]) for term, i in sorted(vectorizer.vocabulary_.items())}
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
        data = {"format": 1, "n_docs": self.n_docs_, "sublinear_tf": self.sublinear_tf, "smooth_idf": self.smooth_idf,
                "min_df": self.min_df, "idf": {k: round(v, 6) for k, v in self.idf_.items()}}
        from jdmatch.files import atomic_write_text

        atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n")

    @classmethod
    def load(cls, path: str | os.PathLike[str] | None = None, *, recognizer: SkillRecognizer | None = None) -> FitScorer:
        """A fitted scorer from a saved model (default: the shipped reference model)."""
        where = Path(path) if path is not None else reference_dir() / "idf.json"
        try:
            data = json.loads(where.read_text(encoding="utf-8"))
            scorer = cls(sublinear_tf=bool(data["sublinear_tf"]), smooth_idf=bool(data["smooth_idf"]), min_df=int(data["min_df"]), recognizer=recognizer)
            scorer.idf_ = {str(k): float(v) for k, v in data["idf"].items()}
            scorer.n_docs_ = int(data["n_docs"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise JdmatchError(f"cannot load the TF-IDF model ({type(exc).__name__}: {exc}); reinstall jdmatch or refit it", path=where) from None
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

    def score(self, analysis: Analysis, profile: RoleProfile, *, source: str = "<text>", lexicon_implies: dict[str, tuple[str, ...]] | None = None, _pvec: dict[str, float] | None = None) -> FitResult:
        """Score one recognized document against ``profile``."""
        pvec = _pvec if _pvec is not None else self.profile_vector(profile)
        idf = self.idf_
        unseen = self.unseen_idf_
        counts = Counter(m.id for m in analysis.matches)
        # document vector: content words and other skills by (sublinear) TF-IDF ...
        other: dict[str, float] = {}
        for word, tf in analysis.words.items():
            w = idf.get(word)
            if w is not None:
                other[word] = self._tf(tf) * w
        profile_terms = {t for t in pvec if t.startswith(SKILL_PREFIX)}
        present: list[str] = []
        for sid, tf in counts.items():
            term = SKILL_PREFIX + sid
            if term in profile_terms:
                present.append(term)
            else:
                other[term] = self._tf(tf) * idf.get(term, unseen)
        # ... and each profile skill present in proportion to its profile weight, scaled to the
        # rest of the document: naming a missing profile skill can then only raise the cosine
        lam = max(math.sqrt(sum(v * v for v in other.values())), MIN_DOC_NORM)
        dvec = dict(other)
        for term in present:
            dvec[term] = lam * pvec[term]
        norm2 = sum(v * v for v in dvec.values())
        dot = sum(v * pvec.get(t, 0.0) for t, v in dvec.items())
        cosine = dot / math.sqrt(norm2) if norm2 > 0 else 0.0

        implies = lexicon_implies if lexicon_implies is not None else self._implies()
        have = set(counts)
        implied_by: dict[str, list[str]] = {}
        for sid in counts:
            for target in implies.get(sid, ()):
                if target not in have:
                    implied_by.setdefault(target, []).append(sid)
        covered = have | set(implied_by)
        groups = tuple(GroupCoverage(g.id, g.name, g.weight, g.mode, g.coverage(covered),
                                     tuple(s.id for s in g.skills if s.id in covered), g.core) for g in profile.groups)
        total_weight = sum(g.weight for g in profile.groups) or 1.0
        coverage = sum(g.weight * g.coverage for g in groups) / total_weight
        similarity = min(1.0, cosine / profile.similarity_scale)
        cw = profile.coverage_weight
        score = 100.0 * (cw * coverage + (1 - cw) * similarity)

        names = self._names()
        group_of = {}
        for g in profile.groups:
            for s in g.skills:
                group_of.setdefault(s.id, g.name)
        mentions: dict[str, list[Any]] = {}
        for m in analysis.matches:
            mentions.setdefault(m.id, []).append(m)
        matched = []
        for sid in profile.skill_ids():
            if sid in have:
                ms = mentions[sid]
                matched.append(SkillEvidence(sid, names.get(sid, sid), group_of[sid], tuple(dict.fromkeys(m.text for m in ms))[:5],
                                             tuple((m.start, m.end) for m in ms[:5])))
            elif sid in implied_by:
                matched.append(SkillEvidence(sid, names.get(sid, sid), group_of[sid], implied_by=tuple(implied_by[sid])))
        missing = []
        for sid in profile.skill_ids():
            if sid in covered:
                continue
            term = SKILL_PREFIX + sid
            p = pvec.get(term, 0.0)
            dot2, norm2b = dot + lam * p * p, norm2 + (lam * p) ** 2
            cos2 = dot2 / math.sqrt(norm2b) if norm2b > 0 else 0.0
            added = covered | {sid} | set(implies.get(sid, ()))
            cov2 = sum(g.weight * g.coverage(added) for g in profile.groups) / total_weight
            score2 = 100.0 * (cw * cov2 + (1 - cw) * min(1.0, cos2 / profile.similarity_scale))
            missing.append(MissingSkill(sid, names.get(sid, sid), group_of[sid], score2 - score))
        missing.sort(key=lambda m: (-m.gain, m.id))
        contributions = []
        if norm2 > 0:
            root = math.sqrt(norm2)
            for term, v in dvec.items():
                c = v * pvec.get(term, 0.0) / root
                if c > 0:
                    contributions.append(TermContribution(term, names.get(term[1:], term[1:]) if term.startswith(SKILL_PREFIX) else term, c))
        contributions.sort(key=lambda t: (-t.contribution, t.term))
        return FitResult(score=score, similarity=similarity, coverage=coverage, matched=tuple(matched), missing=tuple(missing),
                         groups=groups, top_terms=tuple(contributions[: self.top_terms]), cosine=cosine, profile=profile.id,
                         source=source, skills=tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))))

    def _tf(self, tf: int) -> float:
        return 1.0 + math.log(tf) if self.sublinear_tf else float(tf)

    def _names(self) -> dict[str, str]:
        cached = getattr(self, "_names_cache", None)
        if cached is None:
            cached = self._names_cache = {e.id: e.name for e in self._recognizer().lexicon.entries}
        return cached

    def _implies(self) -> dict[str, tuple[str, ...]]:
        cached = getattr(self, "_implies_cache", None)
        if cached is None:
            cached = self._implies_cache = {e.id: e.implies for e in self._recognizer().lexicon.entries if e.implies}
        return cached


def terms_of(analysis: Analysis) -> list[str]:
    """The TF-IDF terms of a document: skill ids (prefixed ``@``) and content words."""
    terms = [SKILL_PREFIX + m.id for m in analysis.matches]
    for word, count in analysis.words.items():
        terms.extend([word] * count)
    return terms


def _identity(terms: list[str]) -> list[str]:
    return terms


def reference_texts() -> list[str]:
    """The shipped reference corpus of job postings across many roles."""
    path = reference_dir() / "postings.jsonl"
    return [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()]
