"""skills, score, match, profiles and lexicon commands, run as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_support import CliResult, run_cli

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
RESUME = SAMPLES / "resumes" / "senior-backend-java.pdf"


def run(*args: str) -> CliResult:
    return run_cli(*args)


def test_skills_json() -> None:
    result = run("skills", str(SAMPLES / "resumes" / "nodejs-backend.txt"), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    by_id = {s["id"]: s for s in data}
    text = (SAMPLES / "resumes" / "nodejs-backend.txt").read_text(encoding="utf-8")
    assert "nodejs" in by_id and by_id["nodejs"]["count"] == len(by_id["nodejs"]["mentions"])
    for skill in data:
        assert set(skill) - {"codes"} == {
            "id",
            "name",
            "label",
            "category",
            "count",
            "mentions",
            "implied_by",
        }  # codes: O*NET, where it lists the skill
        assert skill["count"] == len(skill["mentions"]) and (skill["count"] or skill["implied_by"])
        for m in skill["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
            assert m["section"] in {
                "summary",
                "experience",
                "education",
                "skills",
                "projects",
                "certifications",
                "other",
            }
    assert any(m["section"] == "skills" for s in data for m in s["mentions"])
    # Node.js implies JavaScript: shown even where the resume never names it
    assert "nodejs" in by_id["javascript"]["implied_by"]


def test_skills_table_groups_by_category() -> None:
    result = run("skills", str(RESUME))
    assert result.returncode == 0, result.stderr
    assert "category" in result.stdout and "Spring Boot" in result.stdout


def test_score_table_and_json() -> None:
    table = run("score", str(RESUME))
    assert table.returncode == 0, table.stderr
    assert (
        "/ 100" in table.stdout
        and "Coverage by group" in table.stdout
        and "Missing skills" in table.stdout
    )
    data = json.loads(run("score", str(RESUME), "--format", "json", "--explain").stdout)
    assert 0 <= data["score"] <= 100 and data["top_terms"] and data["matched"] and data["groups"]
    plain = json.loads(run("score", str(RESUME), "--format", "json").stdout)
    assert "top_terms" not in plain and plain["score"] == data["score"]


def test_match_equals_score_with_job() -> None:
    posting = SAMPLES / "postings" / "backend-mid-java.txt"
    a = json.loads(run("match", str(RESUME), str(posting), "--format", "json").stdout)
    b = json.loads(run("score", str(RESUME), "--job", str(posting), "--format", "json").stdout)
    assert a["score"] == b["score"] and a["profile"] == "posting"


def test_profile_by_path(tmp_path: Path) -> None:
    prof = tmp_path / "mine.toml"
    prof.write_text(
        'id = "mine"\ntitle = "Go engineer"\n[[groups]]\nid = "go"\nweight = 1\nmode = "any"\nskills = ["go"]\n'
    )
    data = json.loads(
        run(
            "score",
            str(SAMPLES / "resumes" / "staff-backend-go.pdf"),
            "--profile",
            str(prof),
            "--format",
            "json",
        ).stdout
    )
    assert data["profile"] == "mine" and data["groups"][0]["coverage"] == 1.0


@pytest.mark.parametrize(
    "args,phrase",
    [
        pytest.param(
            ["score", str(RESUME), "--profile", "astronaut"],
            "no profile named 'astronaut'",
            id="unknown-profile",
        ),
        pytest.param(["score", "missing.pdf"], "no such file", id="missing-file"),
        pytest.param(["match", str(RESUME), "nope.txt"], "no such file", id="missing-posting"),
    ],
)
def test_score_errors(args: list[str], phrase: str) -> None:
    result = run(*args)
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1 and phrase in result.stderr


def test_profiles_lists_backend() -> None:
    result = run("profiles")
    assert result.returncode == 0 and result.stdout.startswith("backend-engineer\t")


def test_lexicon_check_ok_and_broken(tmp_path: Path) -> None:
    ok = run("lexicon", "check")
    assert ok.returncode == 0 and ok.stdout.startswith("ok: ")
    (tmp_path / "skills").mkdir()
    (tmp_path / "skills" / "a.jsonl").write_text(
        '{"id": "a", "name": "", "label": "tool", "category": "T", "source": "jdmatch"}\n'
    )
    (tmp_path / "lexicon.toml").write_text('files = ["skills/a.jsonl"]\n')
    bad = run("lexicon", "check", str(tmp_path))
    assert bad.returncode == 1
    assert f"{tmp_path / 'skills' / 'a.jsonl'}:1: `name` is missing or empty" in bad.stderr


def test_lexicon_compile_makes_startup_cache(tmp_path: Path) -> None:
    (tmp_path / "skills").mkdir()
    (tmp_path / "skills" / "a.jsonl").write_text(
        '{"id": "zig", "name": "Zig", "label": "language", "category": "Languages", "aliases": ["ziglang"], "source": "jdmatch"}\n'
    )
    (tmp_path / "lexicon.toml").write_text('files = ["skills/a.jsonl"]\n')
    result = run("lexicon", "compile", str(tmp_path))
    assert result.returncode == 0, result.stderr
    data = json.loads((tmp_path / "compiled.json").read_text())
    assert data["patterns"][0][0] == "zig"
    skills = json.loads(
        run(
            "skills",
            "--lexicon",
            str(tmp_path),
            "--format",
            "json",
            str(SAMPLES / "resumes" / "nurse.txt"),
        ).stdout
    )
    assert skills == []


def test_score_html_report_and_batch_html_summary(tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    result = run("score", str(RESUME), "--format", "html", "-o", str(report))
    assert result.returncode == 0, result.stderr
    page = report.read_text(encoding="utf-8")
    assert (
        page.startswith("<!DOCTYPE html>") and "<svg" in page and "Content-Security-Policy" in page
    )
    summary = tmp_path / "summary.html"
    out = tmp_path / "ranked.csv"
    batch = run("batch", str(SAMPLES / "postings"), "-o", str(out), "--summary", str(summary), "-q")
    assert batch.returncode == 0, batch.stderr
    html = summary.read_text(encoding="utf-8")
    assert html.count("<svg") >= 2 and "backend-senior-java.html" in html


def test_skills_knowledge_lists_spans_in_the_annotators_convention(tmp_path: Path) -> None:
    path = tmp_path / "posting.txt"
    text = "Experience with Java development and the design of REST APIs.\n"
    path.write_text(text, encoding="utf-8")
    result = run("skills", str(path), "--knowledge", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [text[r["start"] : r["end"]] for r in rows] == [r["text"] for r in rows]
    assert rows == sorted(rows, key=lambda r: r["start"])
    # one span for the language and its development, not "Java" alone
    assert any(r["text"] == "Java development" for r in rows)
    assert {r["source"] for r in rows} <= {"lexicon", "learnt term", "tagger"}
    assert all((r["id"] is None) == (r["source"] != "lexicon") for r in rows)
    table = run("skills", str(path), "--knowledge")
    assert table.returncode == 0 and "Java development" in table.stdout
    wrong = run("skills", str(path), "--knowledge", "--format", "markdown")
    assert wrong.returncode == 2 and "--knowledge" in wrong.stderr
