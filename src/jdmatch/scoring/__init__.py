"""Fit scoring: TF-IDF similarity to a profile, weighted coverage of its skill groups, the contrast model.

:class:`FitScorer` (in :mod:`.fit`) puts together the document's vector
(:mod:`.terms`), its coverage and the core gate (:mod:`.coverage`), the gain of
each missing skill (:mod:`.advice`) and the explanation (:mod:`.explain`);
:mod:`.reference` reads the shipped reference corpus the models are fitted on.
"""

from jdmatch.scoring.coverage import BANDS, band, core_gate, counted_coverage, profile_weights
from jdmatch.scoring.fit import KEYWORD_SHARE, FitScorer
from jdmatch.scoring.reference import reference_dir, reference_documents, reference_texts
from jdmatch.scoring.terms import SKILL_PREFIX, document_features, polarities, terms_of

__all__ = [
    "BANDS",
    "KEYWORD_SHARE",
    "SKILL_PREFIX",
    "FitScorer",
    "band",
    "core_gate",
    "counted_coverage",
    "document_features",
    "polarities",
    "profile_weights",
    "reference_dir",
    "reference_documents",
    "reference_texts",
    "terms_of",
]
