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
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from jdmatch.contrast import ContrastModel
from jdmatch.errors import JdmatchError
from jdmatch.evidence import SkillDepth
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
              lexicon_implies: dict[str, tuple[str, ...]] | None = None, profile_vector: dict[str, float] | None = None,
              depth: Mapping[str, SkillDepth] | None = None, contrast: ContrastModel | None = None) -> FitResult:
        """Score one recognized document against ``profile``.

        ``depth`` (skill id -> :class:`~jdmatch.evidence.SkillDepth`) says how firmly
        the document shows each skill; without it every mention counts fully.
        ``contrast`` is the profile's model of what sets the role apart from its
        neighbours (see :mod:`jdmatch.contrast`). With ``detail=False`` (batch runs)
        the score is the same, but the explanation is shorter: the first 8 matched
        skills, missing skills of the core groups only, and no term contributions.
        """
        pvec = profile_vector if profile_vector is not None else self.profile_vector(profile)
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
        # words of the trade the profile names (its keywords), by (sublinear) TF-IDF; other words
        # stay out: "hands-on experience with X" must not weigh against naming X
        for word, tf in analysis.words.items():
            pw = pvec.get(word)
            if pw is not None:
                v = tf_weight(tf) * idf.get(word, unseen)
                other[word] = v
                other_norm2 += v * v
                other_dot += v * pw
        present: list[str] = []
        for sid in counts:
            term = SKILL_PREFIX + sid
            if term in pvec:
                present.append(term)
        # skills outside the profile stay out too: what they say about the role is the contrast
        # model's to judge, and a skill named can never weigh against another one named
        # ... and each profile skill present in proportion to its profile weight, scaled to the
        # words: naming a missing profile skill can then only raise the cosine
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
        # how much each skill counts: its depth of evidence (1 without depth), hedged ones not at all;
        # a skill implied by another counts as firmly as the firmest skill implying it
        credit = _credit(counts, hedged, depth)
        implied_by: dict[str, list[str]] = {}
        for sid in [s for s in credit]:
            for target in implies.get(sid, ()):
                # "Node.js" used in three roles shows JavaScript that firmly, even where JavaScript itself
                # is named only in a skills list
                if not (target in counts and target not in hedged):
                    implied_by.setdefault(target, []).append(sid)
                credit[target] = max(credit.get(target, 0.0), credit[sid])
        values = [_values(index, gi, credit) for gi in range(len(profile.groups))]
        group_cov = [_group_coverage(profile.groups[gi], index, gi, values[gi]) for gi in range(len(profile.groups))]
        groups = tuple(GroupCoverage(g.id, g.name, g.weight, g.mode, c, tuple(s.id for s in g.skills if s.id in credit), g.core)
                       for g, c in zip(profile.groups, group_cov))
        parts = _Parts(profile, index, group_cov)
        similarity = min(1.0, cosine / profile.similarity_scale)
        contrast_values = contrast_features(counts, hedged, credit)
        keep_positive = index.skill_set
        base_logit = contrast.logit(contrast_values, keep_positive=keep_positive) if contrast is not None else 0.0
        contrast_p = (1.0 / (1.0 + math.exp(-base_logit)) if base_logit > -700 else 0.0) if contrast is not None else None
        weights = profile_weights(profile, contrast is not None)
        score = parts.score(similarity, contrast_p, weights)

        names = self._names()
        mentions: dict[str, list[Any]] = {}
        for m in analysis.matches:
            mentions.setdefault(m.id, []).append(m)
        matched = []
        for sid in index.skill_ids:
            if not detail and len(matched) >= 8:
                break
            d = depth.get(sid) if depth is not None else None
            if sid in counts and sid not in hedged:
                ms = mentions[sid]
                matched.append(SkillEvidence(sid, names.get(sid, sid), index.group_of[sid], tuple(dict.fromkeys(m.text for m in ms))[:5],
                                             tuple((m.start, m.end) for m in ms[:5]), depth=d.to_dict() if d is not None else None))
            elif sid in implied_by:
                matched.append(SkillEvidence(sid, names.get(sid, sid), index.group_of[sid], implied_by=tuple(implied_by[sid])))
        # what would add most: each missing skill named firmly (depth 1); in a group where one
        # member is enough, members are alternatives: none is advised when one is present, and
        # the group is one piece of advice when none is
        missing: list[tuple[float, str, tuple[str, ...]]] = []
        sim_scale = profile.similarity_scale
        candidates = index.skill_ids if detail else index.core_ids
        represented: dict[int, int] = {}
        for sid in candidates:
            if sid in credit:
                continue
            if any(profile.groups[gi].mode == "any" and group_cov[gi] > 0 for gi, _ in index.places[sid]):
                continue  # an interchangeable alternative of a skill already there
            p = pvec.get(SKILL_PREFIX + sid, 0.0)
            lp = lam * p
            dot2, norm2b = dot + lp * p, norm2 + lp * lp
            cos2 = dot2 / math.sqrt(norm2b) if norm2b > 0 else 0.0
            added = {sid: 1.0}
            for t in implies.get(sid, ()):
                if t not in credit:
                    added[t] = 1.0
            changed: dict[int, float] = {}
            for t in added:
                for gi, _w in index.places.get(t, ()):
                    if gi in changed or group_cov[gi] >= 1.0:
                        continue
                    vals = dict(values[gi])
                    vals.update({x: 1.0 for x in added if x in index.weights[gi]})
                    changed[gi] = _group_coverage(profile.groups[gi], index, gi, vals)
            p2c = None
            if contrast is not None:  # the skill joins at full value; a profile skill's weight is never negative
                z = base_logit + max(0.0, contrast.coef.get(sid, 0.0)) * (1.0 - contrast_values.get(sid, 0.0))
                p2c = 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0
            score2 = parts.changed(profile, index, group_cov, changed).score(min(1.0, cos2 / sim_scale), p2c, weights)
            gain = score2 - score
            alt_group = next((gi for gi, _ in index.places[sid] if profile.groups[gi].mode == "any"), None)
            if alt_group is not None:
                prev = represented.get(alt_group)
                if prev is not None:
                    if gain > missing[prev][0] + 1e-12:
                        missing[prev] = (gain, sid, ())
                    continue
                represented[alt_group] = len(missing)
            missing.append((gain, sid, ()))
        out_missing = []
        for gain, sid, _ in missing:
            alt_group = next((gi for gi, _ in index.places[sid] if profile.groups[gi].mode == "any"), None)
            alts: tuple[str, ...] = ()
            if alt_group is not None:
                alts = tuple(names.get(s.id, s.id) for s in profile.groups[alt_group].skills if s.id != sid)[:6]
            out_missing.append((-gain, sid, alts))
        out_missing.sort(key=lambda x: (x[0], x[1]))
        missing_skills = tuple(MissingSkill(sid, names.get(sid, sid), index.group_of[sid], -neg, alts)
                               for neg, sid, alts in out_missing[: self.max_missing])
        shares = []
        root = math.sqrt(norm2) if norm2 > 0 else 0.0
        if norm2 > 0 and detail:
            for term, v in dvec.items():
                c = v * pvec.get(term, 0.0) / root
                if c > 0:
                    shares.append((-c, term))
        shares.sort()
        contributions = [TermContribution(term, names.get(term[1:], term[1:]) if term.startswith(SKILL_PREFIX) else term, -neg)
                         for neg, term in shares[: self.top_terms]]
        notes = []
        if parts.gate < 1.0:
            thin = [g.name for g, c in zip(profile.groups, group_cov) if g.core and c < 0.5]
            notes.append(f"the core of the role is thin ({', '.join(thin) or 'little evidence'}): the score keeps "
                         f"{parts.gate:.0%} of what the rest would give")
        contrast_terms: tuple[TermContribution, ...] = ()
        if contrast is not None and detail:
            contrast_terms = tuple(TermContribution(SKILL_PREFIX + sid, names.get(sid, sid), c)
                                   for sid, c in contrast.contributions(contrast_values, keep_positive=keep_positive))
        return FitResult(score=score, similarity=similarity, coverage=parts.coverage, matched=tuple(matched), missing=missing_skills,
                         groups=groups, top_terms=tuple(contributions), cosine=cosine, profile=profile.id,
                         source=source, skills=tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))),
                         hedged=tuple(sorted(hedged)), negated=tuple(sorted(negated)),
                         contrast=contrast_p, core_coverage=parts.core, core_gate=parts.gate, band=band(score),
                         notes=tuple(notes), contrast_terms=contrast_terms)

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


def _credit(counts: Mapping[str, int], hedged: set[str], depth: Mapping[str, SkillDepth] | None) -> dict[str, float]:
    """How much each mentioned skill counts for coverage: its depth of evidence (1 without depth); hedged ones not at all."""
    return {sid: (depth[sid].factor if depth is not None and sid in depth else 1.0) for sid in counts if sid not in hedged}


def contrast_features(counts: Mapping[str, int], hedged: set[str], credit: Mapping[str, float]) -> dict[str, float]:
    """The values the contrast model reads: each mentioned skill's credit, hedged ones at half."""
    return {sid: credit.get(sid, 0.5) if sid not in hedged else 0.5 for sid in counts}


def document_features(analysis: Analysis, depth: Mapping[str, SkillDepth] | None) -> dict[str, float]:
    """:func:`contrast_features` of a recognized document (what ``tools/fit_reference.py`` trains on)."""
    negated, hedged = _polarities(analysis)
    counts = Counter(m.id for m in analysis.matches if m.id not in negated)
    return contrast_features(counts, hedged, _credit(counts, hedged, depth))


def _values(index: _ProfileIndex, gi: int, credit: Mapping[str, float]) -> dict[str, float]:
    """The credit of each skill of group ``gi`` that the document has."""
    return {sid: c for sid, c in credit.items() if sid in index.weights[gi]}


def _group_coverage(group: Any, index: _ProfileIndex, gi: int, credit: Mapping[str, float]) -> float:
    """Share of a group's need met, each skill counting ``weight x credit`` (credit: depth of evidence, 0-1)."""
    if not credit:
        return 0.0
    weights = index.weights[gi]
    vals = sorted((weights[sid] * c for sid, c in credit.items()), reverse=True)
    if group.mode == "any":
        return min(1.0, vals[0] / index.max_weight[gi])
    if group.need:
        return min(1.0, sum(vals[: group.need]) / index.need_weight[gi])
    return min(1.0, sum(vals) / index.all_weight[gi])


def profile_weights(profile: RoleProfile, has_contrast: bool) -> tuple[float, float, float]:
    """(coverage, similarity, contrast) weights of the final score; they add up to 1."""
    cw = profile.coverage_weight
    kw = profile.contrast_weight if has_contrast else 0.0
    return cw, max(0.0, 1.0 - cw - kw), kw


def counted_coverage(coverage: float, scale: float) -> float:
    """How much a coverage counts in the score: a curve rising fast, then flattening, 0 at 0 and 1 at 1.

    ``(1 - exp(-coverage / scale)) / (1 - exp(-1 / scale))``: with scale 0.3 a
    coverage of 0.25 counts 0.59 and 0.5 counts 0.84, so a resume need not show
    every tool of the trade to fit well, yet each skill more still adds a little.
    A scale of 1 or more is close to the coverage itself.
    """
    if scale >= 1.0:
        return coverage
    return (1.0 - math.exp(-coverage / scale)) / (1.0 - math.exp(-1.0 / scale))


def core_gate(profile: RoleProfile, core: float) -> float:
    """The share of the score kept for a core coverage of ``core`` (1 from ``core_full`` up; ``core_floor`` at 0)."""
    floor, full = profile.core_floor, profile.core_full
    return 1.0 if floor >= 1.0 or core >= full else floor + (1.0 - floor) * core / full


class _Parts:
    """Coverage, core coverage and the core gate of one document, from its group coverages."""

    __slots__ = ("coverage", "core", "gate", "scale")

    def __init__(self, profile: RoleProfile, index: _ProfileIndex, group_cov: Sequence[float]) -> None:
        self.coverage = sum(w * c for w, c in zip(index.group_weight, group_cov)) / index.total_weight
        self.scale = profile.coverage_scale
        if index.core_weight > 0:
            self.core = sum(index.group_weight[gi] * group_cov[gi] for gi in index.core_groups) / index.core_weight
        else:
            self.core = 1.0
        self.gate = core_gate(profile, self.core)

    def changed(self, profile: RoleProfile, index: _ProfileIndex, group_cov: Sequence[float], new: Mapping[int, float]) -> _Parts:
        """The parts with some groups' coverage changed (``new``: group index -> coverage), worked out from these."""
        out = object.__new__(_Parts)
        out.scale = self.scale
        out.coverage = self.coverage + sum(index.group_weight[gi] * (c - group_cov[gi]) for gi, c in new.items()) / index.total_weight
        if index.core_weight > 0:
            out.core = self.core + sum(index.group_weight[gi] * (c - group_cov[gi]) for gi, c in new.items()
                                       if gi in index.core_set) / index.core_weight
        else:
            out.core = 1.0
        out.gate = core_gate(profile, out.core)
        return out

    def score(self, similarity: float, contrast: float | None, weights: tuple[float, float, float]) -> float:
        cw, sw, kw = weights
        raw = cw * counted_coverage(self.coverage, self.scale) + sw * similarity + kw * (contrast or 0.0)
        return 100.0 * raw * self.gate


BANDS: tuple[tuple[float, str, str], ...] = (
    (70.0, "strong fit", "the core of the role shown in real work, and most of what goes with it"),
    (45.0, "reasonable fit", "the core of the role is there; worth a recruiter's look"),
    (20.0, "partial fit", "an adjacent role, or the core of the role only thinly shown"),
    (0.0, "not a fit", "little of what the role needs"),
)


def band(score: float) -> str:
    """The name of the band a score falls in (see ``BANDS`` and the README)."""
    return next(name for low, name, _ in BANDS if score >= low)


class _ProfileIndex:
    """What scoring needs to know about a profile, worked out once."""

    def __init__(self, profile: RoleProfile) -> None:
        self.weights = [{s.id: s.weight for s in g.skills} for g in profile.groups]
        self.group_weight = [g.weight for g in profile.groups]
        self.max_weight = [max(s.weight for s in g.skills) for g in profile.groups]
        self.all_weight = [sum(s.weight for s in g.skills) for g in profile.groups]
        self.need_weight = [sum(sorted((s.weight for s in g.skills), reverse=True)[: g.need or len(g.skills)]) for g in profile.groups]
        self.skill_ids = profile.skill_ids()
        self.skill_set = frozenset(self.skill_ids)
        self.core_ids = list(dict.fromkeys(s.id for g in profile.groups if g.core for s in g.skills))
        self.core_groups = [i for i, g in enumerate(profile.groups) if g.core]
        self.core_set = frozenset(self.core_groups)
        self.core_weight = sum(profile.groups[i].weight for i in self.core_groups)
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


_TECH_FAMILIES = frozenset({"software", "data", "it-ops", "product", "design", "qa", "business"})


def reference_documents() -> list[dict[str, Any]]:
    """The shipped reference corpus: job postings and resumes across many roles, each with a grade.

    ``grade`` is 2 for backend development, 1 for another technical role, 0 for
    the rest; rows without one get it from their role and family.
    """
    out = []
    for name in ("postings.jsonl", "resumes.jsonl"):
        path = reference_dir() / name
        if not path.is_file():
            continue
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                row = json.loads(line)
                if "grade" not in row:
                    role, family = row.get("role", ""), row.get("family", "")
                    row["grade"] = 2 if role.startswith("backend-") or role == "fullstack-engineer" else (1 if family in _TECH_FAMILIES else 0)
                row["kind"] = "posting" if name == "postings.jsonl" else "resume"
                out.append(row)
    return out


def reference_texts() -> list[str]:
    """The texts of the shipped reference corpus (postings, then resumes)."""
    return [d["text"] for d in reference_documents()]
