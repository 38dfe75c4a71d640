"""Scoring reads a mention for negation or hedging whenever any cue of the polarity rules stands near
it: the prefilter comes from the same rule file as the cues, and a cue it would hide does not load."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jdmatch import Matcher
from jdmatch.rules import rules_dir
from jdmatch.scoring import polarities


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher()


@pytest.mark.parametrize(
    ("text", "negated", "hedged"),
    [
        (
            "Backend developer. Lacking experience in Kubernetes. Strong in Python.",
            {"kubernetes"},
            set(),
        ),
        ("Languages: Python, SQL, a little Go", set(), {"go"}),
        ("Dabbled in Kotlin on weekends. Java daily.", set(), {"kotlin"}),
        ("Introductory Haskell course; five years of Python.", set(), {"haskell"}),
        ("Python and PostgreSQL every day.", set(), set()),
    ],
)
def test_every_rule_cue_reaches_scoring(matcher, text, negated, hedged):
    analysis = matcher.recognizer.analyze(text)
    got_negated, got_hedged = polarities(analysis)
    assert negated <= got_negated and hedged <= got_hedged
    plain = {m.id for m in analysis.matches} - negated - hedged
    assert not (plain & (got_negated | got_hedged))


def test_a_cue_the_prefilter_would_hide_is_refused(tmp_path):
    copy = tmp_path / "rules"
    shutil.copytree(rules_dir(), copy)
    path = copy / "polarity.toml"
    text = path.read_text(encoding="utf-8")
    assert '"dabbled in",' in text
    path.write_text(
        text.replace('"dabbled in",', '"dabbled in", "(?:toyed|played) with",'), encoding="utf-8"
    )
    done = subprocess.run(
        [sys.executable, "-c", "import jdmatch.structure"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "JDMATCH_RULES_DIR": str(copy)},
    )
    assert done.returncode != 0
    assert (
        "(?:toyed|played) with" in done.stderr
        and "polarity.toml" in done.stderr
        and "prefilter" in done.stderr
    )


def test_a_new_cue_reaches_scoring(tmp_path):
    """A cue added to the rules is read in scoring too: its first word joins the prefilter."""
    copy = tmp_path / "rules"
    shutil.copytree(rules_dir(), copy)
    path = copy / "polarity.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"dabbled in",', '"dabbled in", "toyed with",'), encoding="utf-8")
    code = (
        "from jdmatch import Matcher; from jdmatch.scoring import polarities; m = Matcher(); "
        "print(sorted(polarities(m.recognizer.analyze('Toyed with Kotlin once. Java daily.'))[1]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "JDMATCH_RULES_DIR": str(copy)},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "['kotlin']"
    assert Path(rules_dir(), "polarity.toml").read_text(encoding="utf-8").count("toyed") == 0


def _cue_texts() -> st.SearchStrategy[str]:
    from jdmatch.structure.polarity import _CUE_WORDS

    piece = st.one_of(
        st.sampled_from(_CUE_WORDS),
        st.sampled_from([w.upper() for w in _CUE_WORDS] + [w.title() for w in _CUE_WORDS]),
        st.sampled_from(["Python", "nothing", "know", "_no", "no_", "x", "9not", "snot", "I"]),
        # letters IGNORECASE matches with no one-to-one lower(): dotless i, long s, Kelvin, dotted I
        st.sampled_from(
            ["\u0131", "\u017f", "\u212a", "\u0130", "ſome", "lımited", "\u212aeen", "\u0130 no"]
        ),
        st.sampled_from(list(" \n,.()'-’:;é•")),
    )
    return st.lists(piece, max_size=12).map("".join)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(_cue_texts())
def test_the_cue_index_answers_as_the_windowed_search_does(text):
    # polarities() finds the cue words once per text and asks CueIndex.near for each mention; for
    # every window it must say what POLARITY_CUE.search(text, start, end) says, a word cut by the
    # window's end included
    from jdmatch.structure.polarity import POLARITY_CUE, CueIndex

    index = CueIndex(text)
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 2):
            want = bool(POLARITY_CUE.search(text, start, end))
            assert index.near(start, end) == want, (text, start, end)
