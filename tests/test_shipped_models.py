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
    assert shipped["lexicon_fingerprint"] == recognizer.lexicon.fingerprint(), (
        "run `jdmatch lexicon compile`"
    )
    assert shipped["tokenizer"] == TOKENIZER_VERSION
    from jdmatch.lexicon import _read

    sources, problems = _read(default_lexicon_dir())
    assert problems == [] and sources.entries == recognizer.lexicon.entries, (
        "the compiled entries are the sources'"
    )
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

    scorer = FitScorer().fit(
        [
            "Python and Django services",
            "We write Python data pipelines",
            "Nurse caring for patients",
        ]
    )
    assert scorer.n_docs_ == 3
    assert scorer.idf_["@python"] == pytest.approx(math.log(4 / 3) + 1)
    assert scorer.idf_["nurse"] == pytest.approx(math.log(4 / 2) + 1)
    assert scorer.unseen_idf_ == pytest.approx(math.log(4) + 1)


@pytest.mark.slow
def test_contrast_model_matches_a_fresh_fit() -> None:
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
    import fit_reference

    from jdmatch.contrast import fit_contrast, load_contrast
    from jdmatch.profile import load_profile

    shipped = load_contrast(load_profile("backend-engineer").contrast_model)
    features, labels, weights, _ = fit_reference.contrast_training_set()
    fresh = fit_contrast(features, labels, weights=weights, C=fit_reference.CONTRAST_C)
    assert shipped.n_docs == len(labels) and sum(labels) >= 60
    assert shipped.coef.keys() == fresh.coef.keys(), "run `python tools/fit_reference.py`"
    for sid, value in fresh.coef.items():
        assert shipped.coef[sid] == pytest.approx(value, abs=1e-5)
    assert shipped.intercept == pytest.approx(fresh.intercept, abs=1e-5)


def test_contrast_model_never_holds_a_profile_skill_against_a_document() -> None:
    from jdmatch.contrast import ContrastModel

    model = ContrastModel(-1.0, {"python": -0.8, "spring": 1.2, "ansible": -1.5})
    base = {"spring": 1.0}
    assert model.logit({**base, "ansible": 1.0}) < model.logit(base), (
        "a neighbour's skill counts against"
    )
    assert model.logit({**base, "python": 1.0}) < model.logit(base)
    assert model.logit({**base, "python": 1.0}, keep_positive={"python", "spring"}) == model.logit(
        base
    )
    assert 0.0 < model.probability(base) < 1.0
    assert model.contributions({**base, "ansible": 1.0})[0] == ("ansible", -1.5)
