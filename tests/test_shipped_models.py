"""The derived files that ship in the wheel are what their sources produce today."""

from __future__ import annotations

import json

import pytest

from jdmatch.lexicon import default_lexicon_dir
from jdmatch.recognize import TOKENIZER_VERSION, SkillRecognizer, default_recognizer
from jdmatch.scoring import FitScorer, reference_texts


def test_compiled_patterns_are_current() -> None:
    recognizer = default_recognizer()
    shipped = json.loads((default_lexicon_dir() / "compiled.json").read_text())
    assert shipped["lexicon_fingerprint"] == recognizer.lexicon.fingerprint(), "run `jdmatch lexicon compile`"
    assert shipped["tokenizer"] == TOKENIZER_VERSION
    from jdmatch.lexicon import _read

    sources, problems = _read(default_lexicon_dir())
    assert problems == [] and sources.entries == recognizer.lexicon.entries, "the compiled entries are the sources'"
    fresh = SkillRecognizer(sources).compile_patterns()
    assert shipped["patterns"] == json.loads(json.dumps(fresh["patterns"]))
    assert shipped["entries"] == json.loads(json.dumps(fresh["entries"]))


@pytest.mark.slow
def test_reference_idf_matches_a_fresh_fit() -> None:
    shipped = FitScorer.load()
    fresh = FitScorer().fit(reference_texts())
    assert shipped.n_docs_ == fresh.n_docs_ == len(reference_texts()) >= 200
    assert shipped.idf_.keys() == fresh.idf_.keys(), "run `python tools/fit_reference.py`"
    for term, value in fresh.idf_.items():
        assert shipped.idf_[term] == pytest.approx(value, abs=1e-6)


def test_sklearn_idf_formula() -> None:
    import math

    scorer = FitScorer().fit(["Python and Django services", "We write Python data pipelines", "Nurse caring for patients"])
    assert scorer.n_docs_ == 3
    assert scorer.idf_["@python"] == pytest.approx(math.log(4 / 3) + 1)
    assert scorer.idf_["nurse"] == pytest.approx(math.log(4 / 2) + 1)
    assert scorer.unseen_idf_ == pytest.approx(math.log(4) + 1)
