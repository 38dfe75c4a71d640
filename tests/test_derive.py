"""`jdmatch lexicon derive`: proposals from documents and from BIO-annotated spans."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jdmatch.derive import Deriver, bio_spans, derive
from tests.cli_support import run_cli

ROOT = Path(__file__).resolve().parents[1]
# beside the main checkout (/work/main -> /work/shared), or above a worktree of it
ROLE = next(
    (
        p / "shared" / "seed" / "backend-engineer-role.txt"
        for p in ROOT.parents
        if (p / "shared" / "seed" / "backend-engineer-role.txt").is_file()
    ),
    ROOT.parent / "shared" / "seed" / "backend-engineer-role.txt",
)
ROLE_TOOLS = [
    "Spring Boot",
    "Node.js",
    "Django",
    "PostgreSQL",
    "Docker",
    "Kubernetes",
    "Git",
    "AWS",
    "GCP",
    "Azure",
    "Grafana",
    "Prometheus",
]


@pytest.mark.skipif(
    not ROLE.is_file(), reason="the shared role description is not beside this checkout"
)
def test_role_description_proposes_every_tool_it_names() -> None:
    terms = {p.term for p in derive([ROLE])}
    assert set(ROLE_TOOLS) <= terms


def test_patterns_on_our_own_text() -> None:
    deriver = Deriver()
    deriver.add_text(
        "We want experience with Quarkus and Micronaut. Familiarity with Tekton is a plus.\n"
        "Tools such as Backstage, Crossplane and Dagger help the team.\n"
        "Knowledge of ScyllaDB, proficiency in Zig.\n"
        "Temporal is a durable workflow engine. Valkey, an open-source key-value store.\n"
        "- Pulumi\n- Buildkite\n"
    )
    found = {p.term: p for p in deriver.proposals()}
    expect = {
        "Quarkus": "experience_with",
        "Micronaut": "experience_with",
        "Tekton": "experience_with",
        "Backstage": "such_as",
        "Crossplane": "such_as",
        "Dagger": "such_as",
        "ScyllaDB": "experience_with",
        "Zig": "experience_with",
        "Temporal": "is_a",
        "Valkey": "is_a",
        "Pulumi": "bullet",
        "Buildkite": "bullet",
    }
    for term, pattern in expect.items():
        assert term in found, term
        assert pattern in found[term].patterns, (term, found[term].patterns)
        assert found[term].examples and term in found[term].examples[0]
    assert found["Quarkus"].known == "quarkus"  # in the lexicon already
    assert "We" not in found and "Tools" not in found


def test_bio_spans() -> None:
    assert list(bio_spans(["O", "B", "I", "O", "B", "B", "I", "I", "O", "I"])) == [
        (1, 3),
        (4, 5),
        (5, 8),
        (9, 10),
    ]


def test_skillspan_and_conll_files_give_annotation_rates(tmp_path: Path) -> None:
    rows = [
        {
            "idx": 1,
            "tokens": ["Experience", "with", "Kafka", "Streams", "needed"],
            "tags_skill": ["O"] * 5,
            "tags_knowledge": ["O", "O", "B", "I", "O"],
            "source": "tech",
        },
        {
            "idx": 2,
            "tokens": ["Kafka", "Streams", "and", "design"],
            "tags_skill": ["O"] * 4,
            "tags_knowledge": ["B", "I", "O", "B"],
            "source": "tech",
        },
        {
            "idx": 3,
            "tokens": ["We", "value", "good", "design", "."],
            "tags_skill": ["O"] * 5,
            "tags_knowledge": ["O"] * 5,
            "source": "tech",
        },
        {
            "idx": 4,
            "tokens": ["design", "matters"],
            "tags_skill": ["O"] * 2,
            "tags_knowledge": ["O", "O"],
            "source": "house",
        },
    ]
    path = tmp_path / "spans.json"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    found = {p.term: p.to_dict() for p in derive([path], source="tech")}
    assert found["Kafka Streams"]["annotated"] == 2 and found["Kafka Streams"]["occurrences"] == 2
    assert found["design"]["annotated"] == 1 and found["design"]["occurrences"] == 2
    assert found["design"]["annotation_rate"] == 0.5

    conll = tmp_path / "spans.conll"
    conll.write_text("Kafka\tB\nStreams\tI\nrocks\tO\n\nKafka\tO\nStreams\tO\n")
    found = {p.term: p.to_dict() for p in derive([conll])}
    assert found["Kafka Streams"]["annotation_rate"] == 0.5


def test_cli_writes_jsonl(tmp_path: Path) -> None:
    doc = tmp_path / "posting.txt"
    doc.write_text("Experience with Temporal and Kubernetes is required.\n")
    out = tmp_path / "proposals.jsonl"
    result = run_cli("lexicon", "derive", str(doc), "-o", str(out))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    by_term = {r["term"]: r for r in rows}
    assert by_term["Kubernetes"]["known"] == "kubernetes"
    assert by_term["Temporal"]["known"] is None
    assert by_term["Temporal"]["count"] == 1 and by_term["Temporal"]["examples"]
