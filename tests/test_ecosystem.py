"""jdmatch inside spaCy and scikit-learn pipelines, and pandas frames."""

from __future__ import annotations

import json
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
    nlp.add_pipe(
        "jdmatch_skills",
        config={"spans_key": "tools", "extra_cues": ["stack"], "neighbor_window": 0},
    )
    text = "Our stack: Go. Kubernetes too."
    doc = nlp(text)
    assert [s.id_ for s in doc.spans["tools"]] == ["go", "kubernetes"]
    nlp.to_disk(tmp_path / "pipe")
    loaded = spacy.load(tmp_path / "pipe")
    assert loaded.pipe_names == ["jdmatch_skills"]
    again = loaded(text)
    assert [s.id_ for s in again.spans["tools"]] == ["go", "kubernetes"]


def _custom_lexicon(folder: Path) -> Path:
    """A one-file lexicon of made-up tools, so that only its data can find them."""
    folder.mkdir()
    (folder / "lexicon.toml").write_text('files = ["tools.jsonl"]\n', encoding="utf-8")
    (folder / "tools.jsonl").write_text(
        '{"id": "zorblex", "name": "Zorblex", "label": "tool", "category": "devtools", "aliases": ["zorblex db"], "source": "jdmatch"}\n',
        encoding="utf-8",
    )
    return folder


def test_saved_pipeline_holds_the_lexicon_data(tmp_path: Path) -> None:
    import shutil

    folder = _custom_lexicon(tmp_path / "my-lexicon")
    nlp = spacy.blank("en")
    nlp.add_pipe("jdmatch_skills", config={"lexicon": str(folder)})
    doc = nlp("We run Zorblex DB in production.")
    assert [s.id_ for s in doc.spans["skills"]] == ["zorblex"]
    nlp.to_disk(tmp_path / "pipe")
    data = nlp.to_bytes()
    shutil.rmtree(folder)  # the lexicon folder is gone, as on another machine
    loaded = spacy.load(tmp_path / "pipe")
    doc = loaded("We run Zorblex DB in production.")
    assert [s.id_ for s in doc.spans["skills"]] == ["zorblex"]
    again = spacy.blank("en")
    again.add_pipe("jdmatch_skills", config={"lexicon": str(folder)})
    again.from_bytes(data)
    doc = again("Zorblex, again.")
    assert [s.id_ for s in doc.spans["skills"]] == ["zorblex"]


def test_saved_default_pipeline_survives_a_moved_lexicon(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("jdmatch_skills")
    nlp.to_disk(tmp_path / "pipe")
    saved = json.loads(
        (tmp_path / "pipe" / "jdmatch_skills" / "skills.json").read_text(encoding="utf-8")
    )
    assert {"entries", "patterns", "context"} <= set(saved)
    assert any(e[0] == "kubernetes" for e in saved["entries"])
    assert not any(
        str(Path(jdmatch.__file__).parent) in str(e[9]) for e in saved["entries"]
    )  # no absolute paths


def test_spacy_component_declares_what_it_assigns() -> None:
    from spacy.language import Language

    import jdmatch.spacy_component  # noqa: F401  # registers the factory (spaCy's entry point does so on add_pipe)

    meta = Language.get_factory_meta("jdmatch_skills")
    assert meta.assigns == ["doc.spans"]


def test_spacy_component_pipe_honours_batch_size() -> None:
    nlp = spacy.blank("en")
    component = nlp.add_pipe("jdmatch_skills")
    taken: list[int] = []

    def docs():  # type: ignore[no-untyped-def]
        for i in range(5):
            taken.append(i)
            yield nlp.make_doc(f"Skills ({i}): Python, Rust and Kubernetes.")

    out = component.pipe(docs(), batch_size=3)
    first = next(out)
    assert len(taken) == 3  # a whole batch was read before the first result
    rest = list(out)
    assert len(taken) == 5
    assert [[s.id_ for s in d.spans["skills"]] for d in [first, *rest]] == [
        ["python", "rust", "kubernetes"]
    ] * 5


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
    labels = [
        1 if p.name.startswith("backend") else 0
        for p in sorted((SAMPLES / "postings").glob("*.txt"))
    ]
    vec = jdmatch.SkillVectorizer(binary=True)
    X = vec.fit_transform(texts)
    assert X.shape == (len(texts), len(vec.get_feature_names_out())) and X.nnz > 0
    assert "python" in set(vec.get_feature_names_out()) and X.max() == 1
    model = make_pipeline(jdmatch.SkillVectorizer(), LogisticRegression(max_iter=1000)).fit(
        texts, labels
    )
    assert list(model.predict(texts)) == labels
    cloned = clone(vec)
    assert cloned.get_params() == vec.get_params() and not hasattr(cloned, "vocabulary_")
    again = pickle.loads(pickle.dumps(vec))
    assert (again.transform(texts[:3]) != vec.transform(texts[:3])).nnz == 0
    assert jdmatch.SkillVectorizer(labels=("database",)).fit(
        texts
    ).get_feature_names_out().tolist() == sorted(
        {m.id for t in texts for m in jdmatch.Matcher().skills(t) if m.label == "database"}
    )


def test_batch_results_as_a_frame(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    out = tmp_path / "out.csv"
    batch.run([str(SAMPLES / "resumes")], out, workers=1)
    frame = batch.to_frame(out)
    assert list(frame.columns) == list(batch.COLUMNS) and len(frame) == len(
        list((SAMPLES / "resumes").iterdir())
    )
    assert frame["score"].is_monotonic_decreasing and frame.loc[0, "id"].startswith(
        "senior-backend-java"
    )
