"""jdmatch inside spaCy and scikit-learn pipelines, and pandas frames."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
import spacy

import jdmatch
from jdmatch import batch

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def test_spacy_component_in_a_blank_pipeline() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("jdmatch_skills")
    doc = nlp("Backend role: Go, Postgres 15 and k8s. In the spring I go hiking.")
    got = [(s.text, s.id_, s.label_) for s in doc.spans["skills"]]
    assert ("Go", "go", "language") in got and ("k8s", "kubernetes", "platform") in got
    assert any(s.id_ == "postgresql" and s.text.startswith("Postgres") for s in doc.spans["skills"])
    assert not any(s.text in {"spring", "go"} for s in doc.spans["skills"])


def test_spacy_component_config_and_serialization(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("jdmatch_skills", config={"spans_key": "tools", "extra_cues": ["stack"], "neighbor_window": 0})
    text = "Our stack: Go. Kubernetes too."
    doc = nlp(text)
    assert [s.id_ for s in doc.spans["tools"]] == ["go", "kubernetes"]
    nlp.to_disk(tmp_path / "pipe")
    loaded = spacy.load(tmp_path / "pipe")
    assert loaded.pipe_names == ["jdmatch_skills"]
    again = loaded(text)
    assert [s.id_ for s in again.spans["tools"]] == ["go", "kubernetes"]


def test_spacy_component_with_a_different_tokenizer() -> None:
    nlp = spacy.blank("en")
    nlp.tokenizer = spacy.tokenizer.Tokenizer(nlp.vocab)  # whitespace only
    nlp.add_pipe("jdmatch_skills")
    doc = nlp("Skills: Node.js, C#, CI/CD.")
    assert {s.id_ for s in doc.spans["skills"]} >= {"nodejs", "csharp", "ci-cd"}


def test_skill_vectorizer_in_a_pipeline() -> None:
    from sklearn.base import clone
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    texts = [p.read_text(encoding="utf-8") for p in sorted((SAMPLES / "postings").glob("*.txt"))]
    labels = [1 if p.name.startswith("backend") else 0 for p in sorted((SAMPLES / "postings").glob("*.txt"))]
    vec = jdmatch.SkillVectorizer(binary=True)
    X = vec.fit_transform(texts)
    assert X.shape == (len(texts), len(vec.get_feature_names_out())) and X.nnz > 0
    assert "python" in set(vec.get_feature_names_out()) and X.max() == 1
    model = make_pipeline(jdmatch.SkillVectorizer(), LogisticRegression(max_iter=1000)).fit(texts, labels)
    assert list(model.predict(texts)) == labels
    cloned = clone(vec)
    assert cloned.get_params() == vec.get_params() and not hasattr(cloned, "vocabulary_")
    again = pickle.loads(pickle.dumps(vec))
    assert (again.transform(texts[:3]) != vec.transform(texts[:3])).nnz == 0
    assert jdmatch.SkillVectorizer(labels=("database",)).fit(texts).get_feature_names_out().tolist() == sorted(
        {m.id for t in texts for m in jdmatch.Matcher().skills(t) if m.label == "database"})


def test_batch_results_as_a_frame(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    out = tmp_path / "out.csv"
    batch.run([str(SAMPLES / "resumes")], out, workers=1)
    frame = batch.to_frame(out)
    assert list(frame.columns) == list(batch.COLUMNS) and len(frame) == len(list((SAMPLES / "resumes").iterdir()))
    assert frame["score"].is_monotonic_decreasing and frame.loc[0, "id"].startswith("senior-backend-java")
