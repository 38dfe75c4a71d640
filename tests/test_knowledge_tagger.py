"""The knowledge view's sequence tagger (jdmatch.knowledge_tagger): an averaged perceptron over B/I/O tags.

Toy sentences written for this test train small taggers; the shipped model is
lexicon/models/knowledge_tagger.json (tools/fit_knowledge.py, fitted on SkillSpan train).
"""

from __future__ import annotations

import pytest

from jdmatch.compiled import load_lexicon
from jdmatch.knowledge import TAGGED_LABEL, knowledge_mentions, tagger_candidates
from jdmatch.knowledge_tagger import (
    GAZETTEER_SKIPS_SOURCE,
    START,
    bio_token_spans,
    decode,
    fit,
    fit_bagged,
    gazetteer,
    load_tagger,
    marks,
    tag,
    token_features,
    tokenize,
)
from jdmatch.matcher import Matcher
from jdmatch.models import SkillMatch


def _sentence(text: str, spans: list[tuple[int, int]]) -> tuple[list[list[str]], list[int]]:
    words = text.split()
    gold = [0] * len(words)
    for s, e in spans:
        gold[s] = 1
        for k in range(s + 1, e):
            gold[k] = 2
    return token_features(words, ["O"] * len(words), [""] * len(words)), gold


# "skilled in X" and "skilled in X Y" mark the words after "in" as knowledge
_TRAIN = [
    ("we are skilled in welding today", [(4, 5)]),
    ("they are skilled in pottery", [(4, 5)]),
    ("you are skilled in glass blowing", [(4, 6)]),
    ("she was skilled in carpentry and more", [(4, 5)]),
    ("the team is not big", []),
    ("we like long walks", []),
    ("he is skilled in tax law", [(4, 6)]),
    ("all are skilled in masonry", [(4, 5)]),
]


def _toy() -> dict:
    return fit([_sentence(t, s) for t, s in _TRAIN], epochs=10)


def test_fit_learns_a_pattern_and_is_deterministic() -> None:
    model = _toy()
    assert model == _toy()  # seeded: the same sentences give the same weights
    feats, _ = _sentence("you are skilled in welding", [])
    assert bio_token_spans(decode(model, feats)) == [(4, 5)]
    feats, _ = _sentence("the walks are long", [])
    assert bio_token_spans(decode(model, feats)) == []


def test_a_bagged_fit_is_the_mean_of_its_orders() -> None:
    sentences = [_sentence(t, s) for t, s in _TRAIN]
    one, two = fit(sentences, epochs=10, seed=0), fit(sentences, epochs=10, seed=1)
    bagged = fit_bagged(sentences, epochs=10, seeds=2)
    for name in ("w=welding", "w-1=in", "b"):
        mean = [
            (a + b) / 2
            for a, b in zip(
                one["weights"].get(name, [0.0] * 3), two["weights"].get(name, [0.0] * 3)
            )
        ]
        assert bagged["weights"].get(name, [0.0] * 3) == pytest.approx(mean, abs=1e-3)
    feats, _ = _sentence("you are skilled in welding", [])
    assert bio_token_spans(decode(bagged, feats)) == [(4, 5)]


def test_decoding_never_starts_a_span_with_inside() -> None:
    # every token leans to I, yet the first is not I and no I follows an O
    model = {
        "weights": {"b": [0.0, 1.0, 5.0]},
        "transitions": [[0.0] * 3 for _ in range(START + 1)],
    }
    tags = decode(model, [["b"]] * 4)
    assert tags[0] != 2
    assert all(not (a == 0 and b == 2) for a, b in zip(tags, tags[1:]))
    assert bio_token_spans(tags) == [(0, 4)]


def test_spans_of_a_tag_sequence() -> None:
    assert bio_token_spans([1, 2, 0, 1, 1, 2]) == [(0, 2), (3, 4), (4, 6)]
    assert bio_token_spans([0, 2, 2, 0]) == [(1, 3)]  # a stray I opens a span
    assert bio_token_spans([]) == []


def test_recognized_mentions_mark_their_tokens() -> None:
    text = "Build Apache Kafka pipelines"
    spans = tokenize(text)
    kafka = SkillMatch("kafka", "Apache Kafka", "platform", "tools", 6, 18, "Apache Kafka")
    assert marks(spans, [kafka]) == (["O", "B", "I", "O"], ["", "platform", "platform", ""])


def test_tagging_goes_line_by_line() -> None:
    model = _toy()
    text = "we are skilled in\nwelding today"
    tagging = tag(text, [], model)
    assert len(tagging.tokens) == len(tagging.lean) == 6
    # "in" ends its line, so "welding" opens a sentence of its own, without the cue before it
    assert tagging.spans == []
    one_line = text.replace("\n", " ")
    assert [one_line[a:b] for a, b in tag(one_line, [], model).spans] == ["welding"]


def test_looser_decodes_add_the_spans_the_tagger_nearly_marks() -> None:
    model = _toy()
    text = "we are skilled in welding today"
    plain = tag(text, [], model)
    assert plain.looser == {}  # no levels: no looser spans
    looser = tag(text, [], model, levels=(5.0, 1000.0))
    assert looser.spans == plain.spans  # the plain decode is unchanged
    # a very dear O marks every token; what the plain decode marks already is not repeated
    assert looser.looser
    assert not set(looser.looser) & set(plain.spans)
    assert set(looser.looser.values()) <= {0, 1}
    words = {text[a:b] for a, b in looser.looser}
    assert "today" in " ".join(words)
    # each span keeps the first (cheapest) level that marks it
    again = tag(text, [], model, levels=(1000.0,))
    assert set(again.looser) <= set(looser.looser)
    # the view takes them as candidates after the plain spans
    assert tagger_candidates(text, looser) == [*looser.spans, *sorted(looser.looser)]
    assert tagger_candidates(text, None) == []
    # a span with no letter or digit is no candidate
    comma = "we are skilled in welding , today"
    spans = tag(comma, [], model, levels=(1000.0,))
    assert all(comma[a:b] != "," for a, b in tagger_candidates(comma, spans))


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher()


def test_shipped_tagger_proposes_knowledge_the_lexicon_lacks(matcher: Matcher) -> None:
    text = "Experience with mammalian cell culture and proteomics."
    found = matcher.skills(text)
    assert "proteomics" not in [m.text for m in found]
    kept = knowledge_mentions(text, found)
    assert ("proteomics", TAGGED_LABEL) in [(m.text, m.label) for m in kept]


def test_shipped_tagger_file_holds_weights_not_text() -> None:
    model = load_tagger()
    assert len(model["transitions"]) == START + 1
    assert all(len(row) == 3 for row in model["transitions"])
    weights = model["weights"]
    assert len(weights) > 1000
    assert all(len(v) == 3 and all(isinstance(x, float | int) for x in v) for v in weights.values())
    # feature names: a word, an affix, a shape or two neighbouring words, never a sentence
    assert max(len(name.split()) for name in weights) <= 2
    assert "SkillSpan" in model["about"] and "MIT" in model["about"]


def test_the_gazetteer_holds_the_lexicons_forms_but_not_train_derived_ones() -> None:
    gaz = gazetteer()
    assert {"kubernetes", "spring", "boot"} <= gaz.words
    assert "spring boot" in gaz.forms and "spring" in gaz.firsts and "boot" in gaz.heads
    assert "go" in gaz.words  # an ambiguous form is a word of the lexicon too
    # entries imported from SkillSpan train are left out: there they are the gold spans
    derived = [e for e in load_lexicon().entries if e.source == GAZETTEER_SKIPS_SOURCE]
    assert derived
    others = {
        " ".join(f.lower().split())
        for e in load_lexicon().entries
        if e.source != GAZETTEER_SKIPS_SOURCE
        for f in (e.name, *e.aliases, *e.ambiguous)
    }
    only_derived = {" ".join(e.name.lower().split()) for e in derived} - others
    assert only_derived and not only_derived & gaz.forms


def test_gazetteer_features_mark_words_and_pairs_of_known_names() -> None:
    words = "Deploy Spring Boot with walrus".split()
    gaz = gazetteer()
    plain = token_features(words, ["O"] * 5, [""] * 5)
    feats = token_features(words, ["O"] * 5, [""] * 5, gaz)
    assert all(set(p) < set(f) for p, f in zip(plain, feats))  # only added to
    spring, boot, walrus = feats[1], feats[2], feats[4]
    assert "g2=B" in spring and "gw=True" in spring and "gf=True" in spring
    assert "g2=I" in boot and "gh=TrueFalse" in boot
    assert "gw=False" in walrus and not {"g1", "g2=B", "g2=I"} & set(walrus)


def test_a_tagger_with_the_gazetteer_generalizes_to_lexicon_words_it_never_saw() -> None:
    # trained on sentences where a lexicon word is knowledge and an ordinary word is not
    train = [
        ("we need kafka now", [(2, 3)]),
        ("we need terraform now", [(2, 3)]),
        ("we need coffee now", []),
        ("we need patience now", []),
        ("we need jenkins now", [(2, 3)]),
        ("we need sunshine now", []),
    ]
    gaz = gazetteer()

    def sentence(text: str, spans: list[tuple[int, int]]) -> tuple[list[list[str]], list[int]]:
        feats, gold = _sentence(text, spans)
        words = text.split()
        return token_features(words, ["O"] * len(words), [""] * len(words), gaz), gold

    model = fit([sentence(t, s) for t, s in train], epochs=10)
    model["gazetteer"] = True
    assert [m for m in ("ansible", "biscuits") if tag(f"we need {m} now", [], model).spans] == [
        "ansible"
    ]
    model.pop("gazetteer")  # without it the two unseen words look alike
    assert (
        tag("we need ansible now", [], model).spans == tag("we need biscuits now", [], model).spans
    )


def test_the_shipped_tagger_was_fitted_with_the_gazetteer() -> None:
    model = load_tagger()
    assert model.get("gazetteer") is True
    assert "g2=B" in model["weights"] and "gw=True" in model["weights"]
