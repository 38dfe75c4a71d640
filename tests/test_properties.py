"""Property tests: for any Unicode text, recognition and scoring behave."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jdmatch.matcher import Matcher

MATCHER = Matcher()
WORDS = [
    "Python",
    "Go",
    "go",
    "Java",
    "Spring Boot",
    "k8s",
    "C#",
    "C++",
    ".NET",
    "Node.js",
    "PostgreSQL",
    "REST APIs",
    "microservices",
    "AWS",
    "Azure",
    "React",
    "R",
    "C",
    "3.11+",
    "17",
    "years",
    "-",
    "/",
    "(",
    ")",
    "\n",
    "\n\n",
    "\t",
    "developer",
    "experience",
    "Express",
    "the",
    "spring",
    "é",
    "\u00ad",
    "\ufb01",
    "\u200b",
    "\ud800",
    "\x00",
]

texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), max_size=40).map("".join),
)


@settings(
    max_examples=100, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(texts)
def test_skills_spans_lie_in_the_text(text: str) -> None:
    matches = MATCHER.skills(text)
    last_end = 0
    for m in matches:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.start >= last_end, "in order, no overlaps"
        last_end = m.end


@settings(
    max_examples=60, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(texts)
def test_score_is_bounded_and_serializable(text: str) -> None:
    result = MATCHER.score(text)
    assert 0.0 <= result.score <= 100.0
    assert 0.0 <= result.coverage <= 1.0 and 0.0 <= result.similarity <= 1.0
    json.loads(
        json.dumps(result.to_dict(), ensure_ascii=True)
    )  # valid JSON for any input, lone surrogates included


@pytest.mark.timeout(120)  # a hang guard: each case takes well under a second once linear
@pytest.mark.parametrize(
    "run",
    [" " * 100_000, "\t" * 100_000, " \n" * 50_000, "\n" * 100_000, "(" * 50_000, '"' * 50_000]
    + ["-" * 100_000, "5" + " " * 100_000, "| " * 50_000, ": " * 50_000],
    ids=["spaces", "tabs", "space-newlines", "newlines", "brackets", "quotes", "dashes"]
    + ["digit-spaces", "pipes", "colons"],
)
def test_a_long_run_of_one_character_is_read_in_linear_time(run: str) -> None:
    # patterns that retry from every position of a run (or spaCy's splitting of one long token)
    # would take minutes here; the skills on either side are still found, and the run adds none
    text = f"Senior Python developer with 5 {run} years of Kafka\nSkills: SQL, Docker\n"
    found = {m.id for m in MATCHER.skills(text)}
    assert {"python", "kafka", "sql", "docker"} <= found
    result = MATCHER.score(text)
    assert 0 < result.score <= 100 and {"python", "sql"} <= {m.id for m in result.matched}


_FULL_TOKENIZER: list = []


def _special_case_texts() -> st.SearchStrategy[list[str]]:
    from jdmatch.tokens import special_cases

    keys = sorted(special_cases())
    piece = st.one_of(
        st.sampled_from(keys),
        st.sampled_from([w for w in WORDS if not any("\ud800" <= c <= "\udfff" for c in w)]),
        st.sampled_from(list(" \n,.()'\"-:;!?")),
    )
    return st.lists(st.lists(piece, max_size=30).map(" ".join), min_size=1, max_size=6)


@settings(max_examples=40, derandomize=True, deadline=None)
@given(_special_case_texts())
def test_special_cases_added_as_texts_need_them_give_the_same_tokens(texts: list[str]) -> None:
    # the recognizer's tokenizer starts without spaCy's 1,343 special cases ("don't", ":)", "a.m.")
    # and adds those a text holds before splitting it, then all of them after a few texts: every
    # text of a sequence must split exactly as with all of them there from the start
    from jdmatch.tokens import TextTokenizer, make_tokenizer

    if not _FULL_TOKENIZER:
        _FULL_TOKENIZER.append(make_tokenizer())
    full = _FULL_TOKENIZER[0]
    lazy = TextTokenizer(lazy_texts=4)  # a sequence of 5 or 6 texts sees it add the rest
    for text in texts:
        got = [(t.text, t.idx, t.norm_) for t in lazy(text)]
        assert got == [(t.text, t.idx, t.norm_) for t in full(text)], text


def test_the_cache_warm_up_splits_words_before_any_special_case() -> None:
    # spaCy caches no more chunks in a call once it has met a special case: the warm-up call
    # must hold every new chunk, with those that may be special cases last
    from jdmatch.tokens import TextTokenizer, _may_be_special, make_tokenizer

    lazy = TextTokenizer(lazy_texts=0)
    seen: list[str] = []
    inner = lazy._tokenizer

    class Spy:
        def __call__(self, text: str):  # type: ignore[no-untyped-def]
            seen.append(text)
            return inner(text)

        def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
            return getattr(inner, name)

    lazy._tokenizer = Spy()  # type: ignore[assignment]
    text = "Engineer — Acme (e.g., C++ and Go) don't stop: Django, Flask, Django, pytest."
    tokens = [(t.text, t.idx) for t in lazy(text)]
    assert tokens == [(t.text, t.idx) for t in make_tokenizer()(text)]
    warm, real = seen
    assert real == text
    chunks = warm.split(" ")
    assert sorted(chunks) == sorted(set(text.split()))
    risky = [_may_be_special(c, lazy.rules) or c in lazy.rules for c in chunks]
    assert risky.index(True) == len(chunks) - sum(risky)  # all the risky ones come last
    assert {c for c, r in zip(chunks, risky) if r} == {"—", "(e.g.,", "C++", "don't"}
    # a text whose chunks are all cached already costs no second call
    seen.clear()
    lazy("Django, Flask, pytest.")
    assert seen == ["Django, Flask, pytest."]


_coordinate = st.floats(min_value=0, max_value=800, allow_nan=False)


@st.composite
def _lines(draw):  # type: ignore[no-untyped-def]
    from jdmatch.extract.layout import Line

    x0, top = draw(_coordinate), draw(_coordinate)
    width = draw(st.floats(min_value=0, max_value=300))
    height = draw(st.floats(min_value=-2, max_value=40))  # a box may come with no height or less
    return Line(x0, top, x0 + width, top + height, "x")


@given(st.lists(_lines(), max_size=30), st.lists(_lines(), min_size=1, max_size=30))
def test_lines_beside_others_are_counted_as_by_checking_every_pair(lines, others) -> None:  # type: ignore[no-untyped-def]
    from jdmatch.extract.layout import _beside, _overlap

    assert _beside(lines, others) == sum(1 for a in lines if any(_overlap(a, b) for b in others))


def test_texts_that_bring_no_new_chunks_let_the_next_ones_skip_the_search() -> None:
    from jdmatch.tokens import TextTokenizer

    lazy = TextTokenizer(lazy_texts=0)
    lazy("warm")  # adds every special case (lazy_texts=0), before the spy is in place
    calls: list[str] = []
    inner = lazy._tokenizer

    def spy(text: str):  # type: ignore[no-untyped-def]
        calls.append(text)
        return inner(text)

    lazy._tokenizer = spy  # type: ignore[assignment]

    def split_by(text: str) -> int:  # how many calls of the inner tokenizer ``text`` costs
        calls.clear()
        lazy(text)
        assert calls[-1] == text
        return len(calls)

    same = "Python and Go services on Kubernetes, with Postgres and Kafka."
    assert split_by(same) == 2  # its chunks are new: split once beforehand
    assert split_by(same) == 1  # nothing new: the next text skips the search...
    assert split_by("Terraform modules for AWS Lambda and DynamoDB tables.") == 1
    assert split_by("Rust, Elixir and Haskell in production since 2019.") == 2  # ...then it resumes
    assert split_by("Scala and Akka streams over RabbitMQ queues.") == 2  # many new: every text
    # and the wait starts short again: one text skipped after a search that finds nothing new
    assert split_by(same) == 1
    assert split_by("Elasticsearch clusters behind Nginx proxies.") == 1
    assert split_by("Redis caches with Memcached fallbacks, written in Java.") == 2
