"""One input rule in the library: a ``str`` is text, an ``os.PathLike`` is a file, a Document is used as is."""

from __future__ import annotations

from pathlib import Path

import pytest

from jdmatch import Matcher
from jdmatch.errors import JdmatchError, PathGivenAsTextError, ProfileError
from jdmatch.lexicon import Lexicon
from jdmatch.posting_profile import profile_from_posting
from jdmatch.profile import parse_profile

RESUME = "Skills: Python, Go, PostgreSQL, Kubernetes, Terraform.\n"
POSTING = (
    "We are hiring a backend engineer.\nRequirements:\n- Python and PostgreSQL\n- Kubernetes\n"
)


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher()


@pytest.fixture()
def files(tmp_path: Path) -> tuple[Path, Path]:
    resume = tmp_path / "resume.txt"
    resume.write_text(RESUME, encoding="utf-8")
    posting = tmp_path / "posting.md"
    posting.write_text(POSTING, encoding="utf-8")
    return resume, posting


def test_a_path_is_read(matcher: Matcher, files: tuple[Path, Path]) -> None:
    resume, _ = files
    by_path = matcher.score(resume)
    assert by_path.score == pytest.approx(matcher.score(RESUME).score)
    assert by_path.source == str(resume)
    assert {m.id for m in matcher.skills(resume)} >= {"python", "go", "kubernetes"}


def test_a_str_naming_a_file_is_refused(matcher: Matcher, files: tuple[Path, Path]) -> None:
    resume, posting = files
    with pytest.raises(PathGivenAsTextError, match=r"pass Path\(") as info:
        matcher.score(str(resume))
    assert isinstance(info.value, ValueError) and isinstance(info.value, JdmatchError)
    with pytest.raises(ValueError, match=r"pass Path\("):
        matcher.skills(str(resume))
    with pytest.raises(ValueError, match=r"posting's text.*pass Path\("):
        profile_from_posting(str(posting))
    with pytest.raises(ValueError, match=r"posting's text.*pass Path\("):
        _ = Matcher(job=str(posting)).profile


def test_a_str_is_text_even_when_short(
    matcher: Matcher, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes").write_text("Python", encoding="utf-8")  # a file, but no document suffix
    assert matcher.score("notes").source == "<text>"
    assert matcher.score("missing.pdf").source == "<text>"  # no such file: text
    assert [m.id for m in matcher.skills("Skills: Python")] == ["python"]


def test_job_as_path_text_or_document(files: tuple[Path, Path]) -> None:
    from jdmatch import read_document

    _, posting = files
    by_path = Matcher(job=posting).score(RESUME)
    by_text = Matcher(job=POSTING).score(RESUME)
    by_doc = Matcher(job=read_document(posting)).score(RESUME)
    assert by_path.score == pytest.approx(by_text.score) == pytest.approx(by_doc.score)
    assert profile_from_posting(posting).skill_ids() == profile_from_posting(POSTING).skill_ids()


@pytest.mark.parametrize("n_process", [1, 2])
def test_score_many_follows_the_same_rule(files: tuple[Path, Path], n_process: int) -> None:
    resume, _ = files
    got = list(Matcher().score_many([resume, RESUME], n_process=n_process))
    assert [r.source for r in got] == [str(resume), "<text>"]
    assert got[0].score == pytest.approx(got[1].score)
    with pytest.raises(PathGivenAsTextError):
        list(Matcher().score_many([RESUME, str(resume)], n_process=n_process))


def test_other_types_are_a_type_error(matcher: Matcher) -> None:
    with pytest.raises(TypeError, match="pathlib.Path"):
        matcher.score(b"bytes")  # type: ignore[arg-type]


def test_an_explicit_empty_lexicon_is_used_as_given() -> None:
    raw = {
        "id": "p",
        "title": "P",
        "groups": [{"id": "g", "name": "G", "weight": 1.0, "skills": [{"id": "python"}]}],
    }
    with pytest.raises(ProfileError, match="not in the lexicon"):
        parse_profile(raw, lexicon=Lexicon(entries=()))
    assert parse_profile(raw).skill_ids()  # the shipped lexicon knows python
