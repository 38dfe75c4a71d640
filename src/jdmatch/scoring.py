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
import re
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
_SUBLINEAR = tuple(1.0 + math.log(n) if n else 0.0 for n in range(64))


def reference_dir() -> Path:
    return default_lexicon_dir() / "reference"


class FitScorer:
    """TF-IDF over canonical skill ids and content words, with scikit-learn manners.

    ``fit(texts)`` learns ``idf_`` (term -> IDF) and ``n_docs_`` from a corpus;
    ``score(analysis, profile)`` turns a recognized document into a
    :class:`FitResult`. ``FitScorer.load()`` gives the model fitted on the shipped
    reference corpus.
    """

    def __init__(self, *, sublinear_tf: bool = True, smooth_idf: bool = True, min_df: int = 1, top_terms: int = 10,
                 max_missing: int = 40, recognizer: SkillRecognizer | None = None) -> None:
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

    def score(self, analysis: Analysis, profile: RoleProfile, *, source: str = "<text>", detail: bool = True,
              lexicon_implies: dict[str, tuple[str, ...]] | None = None, _pvec: dict[str, float] | None = None) -> FitResult:
        """Score one recognized document against ``profile``.

        With ``detail=False`` (batch runs) the score is the same, but the explanation
        is shorter: the first 8 matched skills, missing skills of the core groups
        only, and no term contributions.
        """
        pvec = _pvec if _pvec is not None else self.profile_vector(profile)
        idf = self.idf_
        unseen = self.unseen_idf_
        tf_weight = self._tf
        # "no experience with X" does not count; "willing to learn X", "exposure to X" count less:
        # in the similarity only, not as coverage
        negated, hedged = _polarities(analysis)
        counts = Counter(m.id for m in analysis.matches if m.id not in negated)
        # document vector: content words and other skills by (sublinear) TF-IDF ...
        other: dict[str, float] = {}
        other_norm2 = 0.0
        other_dot = 0.0
        for word, tf in analysis.words.items():
            w = idf.get(word)
            if w is not None:
                v = tf_weight(tf) * w
                other[word] = v
                other_norm2 += v * v
                other_dot += v * pvec.get(word, 0.0)
        present: list[str] = []
        for sid, tf in counts.items():
            term = SKILL_PREFIX + sid
            if term in pvec:
                present.append(term)
            else:
                v = tf_weight(tf) * idf.get(term, unseen)
                other[term] = v
                other_norm2 += v * v
        # ... and each profile skill present in proportion to its profile weight, scaled to the
        # rest of the document: naming a missing profile skill can then only raise the cosine
        lam = max(math.sqrt(other_norm2), MIN_DOC_NORM)
        p2 = sum(pvec[t] * pvec[t] for t in present)
        norm2 = other_norm2 + lam * lam * p2
        dot = other_dot + lam * p2
        cosine = dot / math.sqrt(norm2) if norm2 > 0 else 0.0
        dvec = other
        for term in present:
            dvec[term] = lam * pvec[term]

        implies = lexicon_implies if lexicon_implies is not None else self._implies()
        index = _index(profile)
        have = set(counts) - hedged
        implied_by: dict[str, list[str]] = {}
        for sid in have:
            for target in implies.get(sid, ()):
                if target not in have:
                    implied_by.setdefault(target, []).append(sid)
        covered = have | set(implied_by)
        group_cov = [g.coverage(covered) for g in profile.groups]
        groups = tuple(GroupCoverage(g.id, g.name, g.weight, g.mode, c, tuple(s.id for s in g.skills if s.id in covered), g.core)
                       for g, c in zip(profile.groups, group_cov))
        total_weight = index.total_weight
        covered_weight = sum(g.weight * c for g, c in zip(profile.groups, group_cov))
        coverage = covered_weight / total_weight
        similarity = min(1.0, cosine / profile.similarity_scale)
        cw = profile.coverage_weight
        score = 100.0 * (cw * coverage + (1 - cw) * similarity)

        names = self._names()
        mentions: dict[str, list[Any]] = {}
        for m in analysis.matches:
            mentions.setdefault(m.id, []).append(m)
        matched = []
        for sid in index.skill_ids:
            if not detail and len(matched) >= 8:
                break
            if sid in have:
                ms = mentions[sid]
                matched.append(SkillEvidence(sid, names.get(sid, sid), index.group_of[sid], tuple(dict.fromkeys(m.text for m in ms))[:5],
                                             tuple((m.start, m.end) for m in ms[:5])))
            elif sid in implied_by:
                matched.append(SkillEvidence(sid, names.get(sid, sid), index.group_of[sid], implied_by=tuple(implied_by[sid])))
        missing = []
        root = math.sqrt(norm2) if norm2 > 0 else 0.0
        present_weights = [sorted((w for sid, w in index.weights[gi].items() if sid in covered), reverse=True) for gi in range(len(profile.groups))]
        sim_scale = profile.similarity_scale
        for sid in (index.skill_ids if detail else index.core_ids):
            if sid in covered:
                continue
            p = pvec.get(SKILL_PREFIX + sid, 0.0)
            lp = lam * p
            dot2, norm2b = dot + lp * p, norm2 + lp * lp
            cos2 = dot2 / math.sqrt(norm2b) if norm2b > 0 else 0.0
            gained = 0.0
            extra = implies.get(sid)
            if extra is None:  # the common case: only the groups holding the skill change
                for gi, w in index.places[sid]:
                    if group_cov[gi] < 1.0:
                        gained += index.group_weight[gi] * (_coverage_plus(profile.groups[gi], index, gi, present_weights[gi], [w]) - group_cov[gi])
            else:  # the skill brings others with it
                adds: dict[int, list[float]] = {}
                for t in (sid, *extra):
                    if t == sid or t not in covered:
                        for gi, w in index.places.get(t, ()):
                            adds.setdefault(gi, []).append(w)
                for gi, ws in adds.items():
                    gained += index.group_weight[gi] * (_coverage_plus(profile.groups[gi], index, gi, present_weights[gi], ws) - group_cov[gi])
            cov2 = (covered_weight + gained) / total_weight
            score2 = 100.0 * (cw * cov2 + (1 - cw) * min(1.0, cos2 / sim_scale))
            missing.append((score - score2, sid))
        missing.sort()
        missing_skills = tuple(MissingSkill(sid, names.get(sid, sid), index.group_of[sid], -neg) for neg, sid in missing[: self.max_missing])
        shares = []
        if norm2 > 0 and detail:
            for term, v in dvec.items():
                c = v * pvec.get(term, 0.0) / root
                if c > 0:
                    shares.append((-c, term))
        shares.sort()
        contributions = [TermContribution(term, names.get(term[1:], term[1:]) if term.startswith(SKILL_PREFIX) else term, -neg)
                         for neg, term in shares[: self.top_terms]]
        return FitResult(score=score, similarity=similarity, coverage=coverage, matched=tuple(matched), missing=missing_skills,
                         groups=groups, top_terms=tuple(contributions), cosine=cosine, profile=profile.id,
                         source=source, skills=tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))),
                         hedged=tuple(sorted(hedged)), negated=tuple(sorted(negated)))

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
            cached = self._implies_cache = {e.id: e.implies for e in self._recognizer().lexicon.entries if e.implies}
        return cached


def _coverage_plus(group: Any, index: _ProfileIndex, gi: int, present: list[float], added: list[float]) -> float:
    """``group.coverage`` with skills of weights ``added`` joining those ``present`` (sorted, heaviest first)."""
    if group.mode == "any":
        return max(present[0] if present else 0.0, *added) / index.max_weight[gi]
    if group.need:
        top = sorted(present[: group.need] + added, reverse=True)[: group.need]
        return min(1.0, sum(top) / index.need_weight[gi])
    return (sum(present) + sum(added)) / index.all_weight[gi]


class _ProfileIndex:
    """What scoring needs to know about a profile, worked out once."""

    def __init__(self, profile: RoleProfile) -> None:
        self.weights = [{s.id: s.weight for s in g.skills} for g in profile.groups]
        self.group_weight = [g.weight for g in profile.groups]
        self.max_weight = [max(s.weight for s in g.skills) for g in profile.groups]
        self.all_weight = [sum(s.weight for s in g.skills) for g in profile.groups]
        self.need_weight = [sum(sorted((s.weight for s in g.skills), reverse=True)[: g.need or len(g.skills)]) for g in profile.groups]
        self.skill_ids = profile.skill_ids()
        self.core_ids = list(dict.fromkeys(s.id for g in profile.groups if g.core for s in g.skills))
        self.total_weight = sum(g.weight for g in profile.groups) or 1.0
        self.group_of: dict[str, str] = {}
        self.places: dict[str, list[tuple[int, float]]] = {}  # skill -> (group index, weight there)
        for i, g in enumerate(profile.groups):
            for s in g.skills:
                self.group_of.setdefault(s.id, g.name)
                self.places.setdefault(s.id, []).append((i, s.weight))


_INDEXES: dict[int, tuple[RoleProfile, _ProfileIndex]] = {}


def _index(profile: RoleProfile) -> _ProfileIndex:
    hit = _INDEXES.get(id(profile))
    if hit is None or hit[0] is not profile:
        if len(_INDEXES) > 64:
            _INDEXES.clear()
        hit = _INDEXES[id(profile)] = (profile, _ProfileIndex(profile))
    return hit[1]


_POLARITY_CUE = re.compile(r"\b(?:no|not|never|without|don't|doesn't|didn't|haven't|willing|eager|keen|happy|interest(?:ed)?|"
                           r"learning|exposure|basic|familiar(?:ity)?|beginner|optional|limited)\b", re.I)


def _polarities(analysis: Analysis) -> tuple[set[str], set[str]]:
    """Skill ids whose every mention is negated, and those whose every mention is at best hedged."""
    text = analysis.text
    if not text or not analysis.matches or not _POLARITY_CUE.search(text):
        return set(), set()
    from jdmatch.structure import skill_polarity

    best: dict[str, float] = {}
    for m in analysis.matches:
        if best.get(m.id, 0.0) == 1.0:
            continue
        window = text[max(0, m.start - 80):m.end + 40]
        value = skill_polarity(text, m) if _POLARITY_CUE.search(window) else 1.0
        best[m.id] = max(best.get(m.id, 0.0), value)
    return {i for i, v in best.items() if v == 0.0}, {i for i, v in best.items() if v == 0.5}


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
