"""The users' formats: schema.org JobPosting in JSON-LD, JSON Resume, and what they feed (issue 15).

The files in tests/data/formats/ were written for these tests (fictional
companies and people).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jdmatch.errors import CorruptDocumentError, UnsupportedFormatError
from jdmatch.extract import read_bytes, read_document
from jdmatch.matcher import Matcher
from tests.cli_support import CliResult, run_cli

DATA = Path(__file__).resolve().parent / "data" / "formats"
ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> CliResult:
    return run_cli(*args)


def ids(source) -> set[str]:
    return {s.id for s in Matcher().skills(source)}


# -- schema.org JobPosting ----------------------------------------------------------------


def test_loading_shell_reads_the_posting_from_json_ld():
    doc = read_document(DATA / "loading-shell.html")
    assert "Loading" not in doc.text
    assert (
        "Sign in" not in doc.text and "Cookies" not in doc.text
    )  # the page chrome is not the posting
    assert doc.text.splitlines()[0] == "Senior Platform Engineer"
    assert "route every parcel" in doc.text  # the description, its HTML turned into text
    assert "<p>" not in doc.text and "&lt;" not in doc.text
    found = ids(doc)
    # named only in the JSON-LD `skills` field, and in the description
    assert {"terraform", "postgresql", "grpc", "prometheus", "go", "kubernetes"} <= found
    f = doc.fields
    assert f["format"] == "schema.org/JobPosting"
    assert f["title"] == "Senior Platform Engineer"
    assert f["hiring_organization"] == "Brindlewood Logistics"
    assert f["date_posted"] == "2026-10-01"
    assert f["employment_type"] == ["FULL_TIME"]
    assert f["experience_months"] == 60
    assert f["education"] == ["bachelor degree"]
    assert f["skills"] == ["Terraform", "PostgreSQL", "gRPC", "Prometheus (nice to have)"]
    assert doc.warnings == ()
    from jdmatch.structure import guess_kind

    assert guess_kind(doc.text) == "posting"


def test_skills_command_finds_json_ld_only_skills():
    out = run("skills", str(DATA / "loading-shell.html"), "--format", "json")
    assert out.returncode == 0, out.stderr
    found = {s["id"] for s in json.loads(out.stdout)}
    assert {"terraform", "grpc", "postgresql"} <= found


def test_json_ld_fields_feed_the_posting_requirements():
    from jdmatch.posting_profile import profile_from_posting

    profile = profile_from_posting(read_document(DATA / "loading-shell.html"))
    required = {s.id for g in profile.groups if g.core for s in g.skills}
    optional = {s.id for g in profile.groups if not g.core for s in g.skills}
    assert {"terraform", "postgresql", "grpc", "bachelors-degree"} <= required
    assert "prometheus" in optional and "prometheus" not in required  # "(nice to have)" in the list
    assert profile.years_required == 5.0
    assert profile.title == "Senior Platform Engineer"


def test_posting_extras_of_a_plain_document_are_empty():
    from jdmatch.models import Document
    from jdmatch.posting_fields import PostingExtras, posting_extras

    assert posting_extras(Document("We need Go and SQL.")) == PostingExtras()
    extras = posting_extras(read_document(DATA / "loading-shell.html"))
    assert extras.years == 5.0 and extras.degree == "bachelor degree"
    assert extras.required == ("Terraform", "PostgreSQL", "gRPC") and extras.preferred == (
        "Prometheus (nice to have)",
    )


def test_jsonld_file_is_a_posting():
    doc = read_document(DATA / "posting.jsonld")
    assert doc.media_type == "application/ld+json"
    assert doc.fields["hiring_organization"] == "Marrowfield Health"
    assert doc.fields["skills"] == ["Redis", "Docker"]  # DefinedTerm objects by name
    assert {"python", "fastapi", "redis", "docker"} <= ids(doc)
    assert "At least 3 years of experience" in doc.text


def test_json_ld_that_does_not_parse_falls_back_to_the_page_and_says_so():
    doc = read_document(DATA / "broken-jsonld.html")
    assert "Quayside Foods is hiring a data analyst" in doc.text
    assert doc.warnings == (
        "JSON-LD block 1 does not parse (line 1, column 79: Expecting property name enclosed in double quotes); "
        "read the page's visible text instead",
    )
    assert doc.fields == {"format": "html", "title": "Data Analyst"}
    assert {"sql", "tableau"} <= ids(doc)


def test_json_ld_without_a_posting_leaves_the_page_as_it_was():
    page = (
        b'<html><head><title>Acme</title><script type="application/ld+json">{"@type": "Organization", "name": "Acme"}'
        b"</script></head><body><h1>Welcome</h1><p>We write Rust and Python.</p></body></html>"
    )
    from jdmatch.extract.html import html_to_text

    doc = read_bytes(page, suffix=".html")
    assert doc.text == html_to_text(page.decode()) and "We write Rust and Python." in doc.text
    assert doc.warnings == () and doc.fields["title"] == "Welcome"


def test_page_title_comes_from_h1_then_title():
    doc = read_document(ROOT / "samples" / "postings" / "backend-senior-java.html")
    assert doc.fields["title"] == "Senior Backend Engineer — Java & Spring Boot"
    only_title = read_bytes(
        b"<html><head><title>Night Baker &amp; Co</title></head><body><p>Bake bread.</p></body></html>",
        suffix=".html",
    )
    assert only_title.fields["title"] == "Night Baker & Co"


def test_batch_title_is_the_posting_title(tmp_path):
    from jdmatch import batch

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "shell.html").write_bytes((DATA / "loading-shell.html").read_bytes())
    (folder / "java.html").write_bytes(
        (ROOT / "samples" / "postings" / "backend-senior-java.html").read_bytes()
    )
    out = tmp_path / "ranked.csv"
    batch.run([str(folder)], out, workers=1)
    titles = {Path(r["source"]).name: r["title"] for r in batch.read_rows(out)}
    assert titles == {
        "shell.html": "Senior Platform Engineer",
        "java.html": "Senior Backend Engineer — Java & Spring Boot",
    }


def test_cli_prints_the_warning_on_stderr():
    out = run("text", str(DATA / "broken-jsonld.html"))
    assert out.returncode == 0, out.stderr
    assert "Quayside Foods is hiring" in out.stdout and "warning" not in out.stdout
    assert out.stderr.splitlines() == [
        f"jdmatch: warning: {DATA / 'broken-jsonld.html'}: JSON-LD block 1 does not parse "
        "(line 1, column 79: Expecting property name enclosed in double quotes); read the page's visible text instead"
    ]


def test_a_json_file_that_is_neither_format_is_refused():
    with pytest.raises(
        UnsupportedFormatError, match="neither a JSON Resume .* nor a schema.org JobPosting"
    ):
        read_document(DATA / "other.json")
    with pytest.raises(CorruptDocumentError, match=r"not valid JSON \(line 1, column"):
        read_bytes(b'{"basics": {"name": "x"', suffix=".json", source="cut.json")


def test_json_in_a_text_file_is_read_as_text_with_a_warning():
    doc = read_bytes(b'{"note": "Go and Kubernetes on call"}', suffix=".txt")
    assert "Kubernetes" in doc.text
    assert doc.warnings == (
        "JSON that is neither a JSON Resume nor a schema.org JobPosting; read as plain text",
    )


def test_hostile_json_ld_nesting_is_bounded():
    deep = "[" * 50000 + "]" * 50000
    page = f'<html><body><script type="application/ld+json">{deep}</script><p>Plain text about SQL.</p></body></html>'
    doc = read_bytes(page.encode(), suffix=".html")
    assert doc.text.strip() == "Plain text about SQL."
    assert doc.warnings and "does not parse" in doc.warnings[0]


# -- JSON Resume ---------------------------------------------------------------------------


def test_json_resume_reads_as_a_resume():
    doc = read_document(DATA / "resume.json")
    assert doc.media_type == "application/json"
    assert not any(ch in doc.text for ch in '{}"') and "basics" not in doc.text
    lines = doc.text.splitlines()
    assert lines[:2] == ["Odile Varga", "Senior Backend Engineer"]
    assert "Senior Backend Engineer, Fernhill Payments  Mar 2019 – Jun 2023" in lines
    assert "Software Engineer, Tarnbrook Media  Sep 2015 – Feb 2019" in lines
    assert "- Backend (Expert): Java, Kafka, gRPC" in lines
    assert doc.fields["title"] == "Senior Backend Engineer"
    assert doc.fields["work"][0] == {
        "position": "Senior Backend Engineer",
        "name": "Fernhill Payments",
        "startDate": "2019-03-01",
        "endDate": "2023-06-30",
    }


def test_json_resume_work_dates_give_its_years():
    from jdmatch.structure import find_sections, guess_kind, resume_experience, section_of

    doc = read_document(DATA / "resume.json")
    assert guess_kind(doc.text) == "resume"
    skills = Matcher().skills(doc)
    experience = resume_experience(doc.text, skills)
    # Sep 2015 - Feb 2019 and Mar 2019 - Jun 2023: 7 years 10 months; the 2013-2015 degree is not work
    assert experience.total_years == pytest.approx(7.8, abs=0.05)
    assert [e.title for e in experience.entries] == [
        "Senior Backend Engineer, Fernhill Payments",
        "Software Engineer, Tarnbrook Media",
    ]
    assert experience.skill_years["java"] == pytest.approx(4.3, abs=0.1)
    assert experience.skill_years["django"] == pytest.approx(3.5, abs=0.1)
    sections = find_sections(doc.text)
    kafka = next(s for s in skills if s.id == "kafka")
    assert section_of(sections, kafka.start) == "skills"
    result = Matcher().score(doc)
    assert result.years == pytest.approx(7.8, abs=0.05)
    assert result.seniority.kind == "resume" and result.seniority.level == "senior"


def test_text_command_shows_readable_json_resume():
    out = run("text", str(DATA / "resume.json"))
    assert out.returncode == 0, out.stderr
    assert "Experience" in out.stdout and "Fernhill Payments" in out.stdout
    assert "{" not in out.stdout and '"work"' not in out.stdout


def test_skills_as_json_resume_section():
    out = run("skills", str(DATA / "resume.json"), "--format", "jsonresume")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) == {"skills"}
    by_name = {s["name"]: s["keywords"] for s in data["skills"]}
    assert {"PostgreSQL", "Redis"} <= set(by_name["Databases"])
    assert "Python" in by_name["Languages"] and "Java" in by_name["Languages"]
    assert all(isinstance(s["keywords"], list) and s["keywords"] for s in data["skills"])
    assert not any(
        "French" in k for s in data["skills"] for k in s["keywords"]
    )  # spoken languages belong to `languages`


def test_is_jsonresume_needs_the_schema_shape():
    from jdmatch.extract.jsonresume import is_jsonresume

    assert is_jsonresume({"basics": {"name": "A"}, "work": []})
    assert is_jsonresume({"$schema": "https://jsonresume.org/schema"})
    assert not is_jsonresume({"work": "hard", "play": "often"})
    assert not is_jsonresume({"basics": {"name": "A"}, "x": 1, "y": 2, "z": 3})
    assert not is_jsonresume([{"basics": {}}])


def test_json_ld_in_cdata_with_a_trailing_comma_still_reads():
    page = (
        '<html><head><script type="application/ld+json">//<![CDATA[\n'
        '{"@type": "JobPosting", "title": "Data Engineer", "skills": ["Airflow", "dbt",],}\n//]]></script></head>'
        "<body>Loading...</body></html>"
    )
    doc = read_bytes(page.encode(), suffix=".html")
    assert doc.fields["title"] == "Data Engineer" and doc.warnings == ()
    assert {"airflow", "dbt"} <= ids(doc)


def test_json_resume_years_come_from_work_only(tmp_path):
    resume = {
        "basics": {"name": "Ines Halloran", "label": "Backend Developer"},
        # the 0.x schema's `company`; an entry with no endDate runs to the present
        "work": [
            {
                "company": "Greyfen Tools",
                "position": "Backend Developer",
                "startDate": "2020-01",
                "endDate": "2022-12",
                "highlights": ["Go services with PostgreSQL"],
            }
        ],
        "volunteer": [
            {
                "organization": "Code Club",
                "position": "Mentor",
                "startDate": "2010-01",
                "endDate": "2019-12",
            }
        ],
        "projects": [
            {
                "name": "Tidewatch",
                "startDate": "2012-01",
                "endDate": "2018-01",
                "keywords": ["Rust"],
            }
        ],
    }
    path = tmp_path / "cv.json"
    path.write_text(json.dumps(resume), encoding="utf-8")
    doc = read_document(path)
    assert "Backend Developer, Greyfen Tools  Jan 2020 – Dec 2022" in doc.text.splitlines()
    assert "Mentor, Code Club  Jan 2010 – Dec 2019" in doc.text.splitlines()
    assert Matcher().score(doc).years == 3.0  # 36 months of work; volunteering and projects are not


def test_ambiguous_names_in_the_skills_field_count_as_a_skills_list(tmp_path):
    from jdmatch.posting_profile import profile_from_posting

    page = tmp_path / "posting.html"
    posting = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": "Backend Engineer",
        "description": "<p>Join the payments team and own its services end to end.</p>",
        "skills": ["Go", "Spring", "Rust (nice to have)"],
    }
    page.write_text(
        '<html><head><script type="application/ld+json">'
        + json.dumps(posting)
        + "</script></head><body></body></html>",
        encoding="utf-8",
    )
    profile = profile_from_posting(read_document(page))
    required = {s.id for g in profile.groups if g.core for s in g.skills}
    optional = {s.id for g in profile.groups if not g.core for s in g.skills}
    assert {"go", "spring"} <= required
    assert "rust" in optional
