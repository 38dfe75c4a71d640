"""What a document says to the TF-IDF model: its terms, the polarity of its skills, its vector."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from jdmatch.evidence import SkillDepth
from jdmatch.recognize import Analysis
from jdmatch.scoring.coverage import contrast_features, credit_of
from jdmatch.structure.polarity import CueIndex, skill_polarity

SKILL_PREFIX = "@"
MIN_DOC_NORM = 1.0


# how far from a mention a cue is looked for before reading the mention's clause closely
CUE_BEFORE, CUE_AFTER = 80, 40


def polarities(analysis: Analysis) -> tuple[set[str], set[str]]:
    """Skill ids whose every mention is negated, and those whose every mention is at best hedged.

    A mention is read by :func:`~jdmatch.structure.skill_polarity` only when a word of the
    polarity rules' prefilter (:data:`~jdmatch.structure.polarity.POLARITY_CUE`, which every
    cue holds) stands within ``CUE_BEFORE`` characters before it or ``CUE_AFTER`` after it.
    """
    text = analysis.text
    if not text or not analysis.matches:
        return set(), set()
    cues = CueIndex(text)
    if not cues:
        return set(), set()
    best: dict[str, float] = {}
    for m in analysis.matches:
        if best.get(m.id, 0.0) == 1.0:
            continue
        near = cues.near(max(0, m.start - CUE_BEFORE), m.end + CUE_AFTER)
        value = skill_polarity(text, m) if near else 1.0
        best[m.id] = max(best.get(m.id, 0.0), value)
    return {i for i, v in best.items() if v == 0.0}, {i for i, v in best.items() if v == 0.5}


def terms_of(analysis: Analysis) -> list[str]:
    """The TF-IDF terms of a document: skill ids (prefixed ``@``) and content words."""
    terms = [SKILL_PREFIX + m.id for m in analysis.matches]
    for word, count in analysis.words.items():
        terms.extend([word] * count)
    return terms


def identity(terms: list[str]) -> list[str]:
    return terms


def document_features(
    analysis: Analysis, depth: Mapping[str, SkillDepth] | None
) -> dict[str, float]:
    """:func:`contrast_features` of a recognized document (what ``tools/fit_reference.py`` trains on)."""
    negated, hedged = polarities(analysis)
    counts = Counter(m.id for m in analysis.matches if m.id not in negated)
    return contrast_features(counts, hedged, credit_of(counts, hedged, depth))


@dataclass(slots=True)
class DocumentVector:
    """A document as a TF-IDF vector over the profile's terms, and what its cosine to the profile needs.

    Only the profile's keywords (by sublinear TF-IDF) and the profile skills the
    document names are in it: "hands-on experience with X" must not weigh against
    naming X, and a skill outside the profile is the contrast model's to judge.
    Each profile skill present counts in proportion to its profile weight, scaled
    to the words (``lam``), so naming a missing profile skill can only raise the cosine.
    """

    terms: dict[str, float]
    dot: float
    norm2: float
    lam: float

    @property
    def cosine(self) -> float:
        return self.dot / math.sqrt(self.norm2) if self.norm2 > 0 else 0.0

    def cosine_with(self, p: float) -> float:
        """The cosine if a missing profile skill of profile weight ``p`` were named."""
        lp = self.lam * p
        dot, norm2 = self.dot + lp * p, self.norm2 + lp * lp
        return dot / math.sqrt(norm2) if norm2 > 0 else 0.0


def document_vector(
    words: Mapping[str, int],
    skills: Iterable[str],
    pvec: Mapping[str, float],
    idf: Mapping[str, float],
    unseen: float,
    tf_weight: Callable[[int], float],
) -> DocumentVector:
    """The :class:`DocumentVector` of a document's content ``words`` (word -> count) and ``skills`` (ids)."""
    terms: dict[str, float] = {}
    norm2 = dot = 0.0
    for word, tf in words.items():
        pw = pvec.get(word)
        if pw is not None:
            v = tf_weight(tf) * idf.get(word, unseen)
            terms[word] = v
            norm2 += v * v
            dot += v * pw
    present = [SKILL_PREFIX + sid for sid in skills if SKILL_PREFIX + sid in pvec]
    lam = max(math.sqrt(norm2), MIN_DOC_NORM)
    p2 = sum(pvec[t] * pvec[t] for t in present)
    for term in present:
        terms[term] = lam * pvec[term]
    return DocumentVector(terms, dot + lam * p2, norm2 + lam * lam * p2, lam)
