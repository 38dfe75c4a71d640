"""Knowledge mentions in SkillSpan's sense: the skill mentions a job-ad annotator would mark as knowledge.

jdmatch recognizes every tool and skill a text names, which is what scoring and
``jdmatch skills`` want. Annotators of job ads (SkillSpan, Zhang et al. 2022)
mark fewer and shape them their own way: not a name inside a job title
("Senior Java Developer"), an industry in passing or a generic word ("security
experts"), but "Java development" as one span, a closing parenthesis with the
tool before it, and some generic terms jdmatch does not recognize ("design").
:func:`knowledge_mentions` applies what ``tools/fit_knowledge.py`` learnt from
SkillSpan's *train* split (``lexicon/models/knowledge.json``):

1. boundary conventions: a mention grows or shrinks by a neighbouring word when
   train says the annotators' span usually does (``rules``);
2. knowledge terms jdmatch lacks: word sequences annotated as knowledge in train
   often enough (``terms``: how often annotated, how often seen) become
   candidate mentions too, where no recognized mention covers them;
3. knowledge no term holds: spans a sequence tagger proposes
   (:mod:`jdmatch.knowledge_tagger`, also fitted on train) become candidates
   unless one already has the same span, and so do the spans it nearly marks
   (its decode with O made dearer by the model's ``tagger_levels``);
4. a small logistic model over binary features of each candidate (its label,
   neighbouring words, line shape, its place in a list or in parentheses, cue
   words of its line, the term's train rate, whether the tagger's span agrees
   with it and how strongly the tagger leans to it) keeps or drops it.

It is opt-in and runs after recognition: ``Matcher.skills`` and scoring are unchanged.

    from jdmatch.knowledge import knowledge_mentions
    kept = knowledge_mentions(text, Matcher().skills(text))

The model is plain data applied in pure Python (no scikit-learn at run time),
so the result is deterministic and offline.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from jdmatch.knowledge_tagger import read_model, token_span, tokenize
from jdmatch.models import SkillMatch

if TYPE_CHECKING:
    from jdmatch.knowledge_tagger import Tagging

MODEL_FILE = "models/knowledge.json"
# the label of a candidate that comes from the learnt terms, not the lexicon
TERM_LABEL = "knowledge_term"
# the label of a candidate that only the sequence tagger proposed (jdmatch.knowledge_tagger)
TAGGED_LABEL = "knowledge_tagged"
MAX_TERM_WORDS = 4
# job-title words: a name right before one is part of a title ("Java Developer")
ROLE_WORDS = frozenset(
    """engineer engineers developer developers programmer architect architects consultant lead
designer administrator specialist scientist analyst manager tester intern expert experts professional professionals
team teams""".split()
)


def _kind(word: str | None) -> str:
    """What follows a span: the end, punctuation, a capitalized or a lower-case word."""
    if word is None:
        return "end"
    if not word[:1].isalnum():
        return "punct"
    return "cap" if word[:1].isupper() else "low"


def boundary_moves(words: list[str], s: int, e: int) -> list[tuple[str, int, int]]:
    """The rule keys a mention over tokens ``[s, e)`` of ``words`` could use, with the span each would give.

    A move that grows the span to the right has a second key naming what then
    follows (``r+|)&cap``: a closing parenthesis, then a capitalized word).
    """
    moves = []
    for k in (1, 2):
        if e + k <= len(words):
            key = "r+|" + " ".join(words[e : e + k]).lower()
            moves.append((key, s, e + k))
            moves.append((f"{key}&{_kind(words[e + k] if e + k < len(words) else None)}", s, e + k))
        if s - k >= 0:
            moves.append(("l+|" + " ".join(words[s - k : s]).lower(), s - k, e))
    if e - s > 1:
        moves.append(("r-|" + words[e - 1].lower(), s, e - 1))
        moves.append(("l-|" + words[s].lower(), s + 1, e))
    return moves


def reshape(rules: dict[str, float], words: list[str], s: int, e: int) -> tuple[int, int, str]:
    """The span the annotators' convention gives a mention over ``[s, e)``, and the rule used ("" for none)."""
    best = ("", s, e)
    score = 0.0
    for key, s2, e2 in boundary_moves(words, s, e):
        w = rules.get(key, 0.0)
        if w > score:
            best, score = (key, s2, e2), w
    return best[1], best[2], best[0]


def _rate_bin(gold: int, seen: int) -> str:
    rate = gold / seen if seen else 0.0
    for edge, name in ((0.1, "0"), (0.25, "10"), (0.5, "25"), (0.75, "50")):
        if rate < edge:
            return name
    return "75"


def features(
    text: str,
    match: SkillMatch,
    matches: list[SkillMatch],
    index: int,
    *,
    terms: dict[str, list[int]] | None = None,
    rule: str = "",
    tagged: Tagging | None = None,
) -> list[str]:
    """The names of the features of one candidate mention (binary features, present or not);
    ``tagged``: what the sequence tagger found, when the model uses it."""
    before = text[max(0, match.start - 80) : match.start].lower().split()[-2:]
    after = text[match.end : match.end + 80].lower().split()[:2]
    surface = match.text
    line_start = text.rfind("\n", 0, match.start) + 1
    line_end = text.find("\n", match.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    n_words = len(line.split())
    source = {TERM_LABEL: "term", TAGGED_LABEL: "tag"}.get(match.label, "lex")
    f = [
        "bias",
        f"label={match.label}",
        f"id={match.id}",
        f"w-1={before[-1] if before else '<s>'}",
        f"w+1={after[0] if after else '</s>'}",
        f"w-2={before[0] if len(before) > 1 else '<s>'}",
        f"w+2={after[1] if len(after) > 1 else '</s>'}",
    ]
    if after and after[0].strip(",.;:)") in ROLE_WORDS:
        f.append("role_after")
    shape = (
        "lower"
        if surface.islower()
        else "upper"
        if surface.isupper()
        else "capital"
        if surface[:1].isupper()
        else "other"
    )
    f.append(shape)
    f.append(f"src={source}&{shape}")
    f.append(f"ntok={min(len(surface.split()), 3)}")
    f.append(f"src={source}&ntok={min(len(surface.split()), 3)}")
    f.append("short_line" if n_words <= 8 else "long_line")
    if not before:
        f.append("first")
    if not any(c in line for c in ".,;:") and n_words <= 12:
        f.append("no_punct_line")
    head = line.split(":", 1)[0] if ":" in line[: max(0, match.start - line_start)] else ""
    if head and len(head.split()) <= 3:
        f.append("after_line_label")  # "Technologies: ..." tag lines
    near = sum(1 for m in matches if abs(m.start - match.start) < 60) - 1
    f.append(f"near={min(near, 3)}")
    f.append(f"label={match.label}&short={n_words <= 8}")
    if rule:
        f.append(f"reshaped={rule[:2]}")
    f.extend(_context_features(text, match, line, line_start))
    if tagged is not None:
        agree = _agreement(tagged.spans, match.start, match.end)
        f.append(f"tg={agree}")
        f.append(f"src={source}&tg={agree}")
        if tagged.looser:
            level = tagged.looser.get((match.start, match.end))
            looser = "plain" if agree == "exact" else "none" if level is None else str(level)
            f.append(f"tgl={looser}")
            f.append(f"src={source}&tgl={looser}")
        f.extend(_lean_features(tagged, match.start, match.end))
    key = surface.lower()
    if terms is not None:
        stat = terms.get(key)
        if stat is None:
            f.append(f"src={source}&rate=none")
        else:
            rb = _rate_bin(*stat)
            f.append(f"rate={rb}")
            f.append(f"src={source}&rate={rb}")
            f.append(f"rate={rb}&seen={'2' if stat[1] <= 2 else '3-9' if stat[1] < 10 else '10+'}")
    return f


def _agreement(tagged: Sequence[tuple[int, int]], start: int, end: int) -> str:
    """How the tagger's spans meet ``[start, end)``: the same span, inside or around one, crossing one, or none."""
    best = "none"
    for a, b in tagged:
        if a == start and b == end:
            return "exact"
        if a < end and start < b:
            best = (
                "inside"
                if a <= start and end <= b
                else "around"
                if start <= a and b <= end
                else "cross"
            )
    return best


def _lean_bin(x: float) -> str:
    return "--" if x < -3 else "-" if x < 0 else "+" if x < 3 else "++"


def _lean_features(tagged: Tagging, start: int, end: int) -> list[str]:
    """How strongly the tagger leans to a span here: its first word to B, its other words to I,
    and the words either side of it to being part of it."""
    se = token_span(tagged.tokens, start, end)
    if se is None:
        return []
    s, e = se
    lean = tagged.lean
    f = [f"lnB={_lean_bin(lean[s][0])}"]
    if e - s > 1:
        f.append(f"lnI={_lean_bin(min(lean[k][1] for k in range(s + 1, e)))}")
    f.append(f"lnR={_lean_bin(lean[e][1]) if e < len(lean) else 'end'}")
    f.append(f"lnL={_lean_bin(max(lean[s - 1])) if s else 'start'}")
    return f


_LIST_SEP = frozenset(",/;|&+")
# words of a candidate's line that say what kind of line it is (a requirement, a tag line, a blurb)
CUE_WORDS = frozenset(
    """experience knowledge skills familiar familiarity proficient proficiency understanding
expertise years strong working hands solid deep good excellent plus bonus nice preferred required
degree certification certified using use with in of we our you your team job title role technologies
tools stack languages frameworks databases environment background including like such""".split()
)


def _context_features(text: str, match: SkillMatch, line: str, line_start: int) -> list[str]:
    """Where a candidate stands in its line: in a list, in parentheses, and the words of its line."""
    f = []
    left = text[line_start : match.start].rstrip()
    right = text[match.end : line_start + len(line)].lstrip()
    prev = left[-1:] or "^"
    nxt = right[:1] or "$"
    f.append(f"prev_char={prev if not prev.isalnum() else 'a'}")
    f.append(f"next_char={nxt if not nxt.isalnum() else 'a'}")
    in_list = prev in _LIST_SEP or nxt in _LIST_SEP
    f.append(f"in_list={in_list}")
    if left.count("(") > left.count(")"):
        f.append("in_parens")
    position = len(left.split())
    f.append(f"pos={min(position, 5)}")
    for w in set(re.findall(r"[a-z]+", line.lower())) & CUE_WORDS:
        f.append(f"cue={w}")
    return f


@lru_cache(maxsize=4)
def load_model(root: str | None = None) -> dict[str, Any]:
    """The fitted model (``lexicon/models/knowledge.json`` of the shipped lexicon, or of ``root``)."""
    return read_model(MODEL_FILE, root)


def probability(weights: dict[str, float], names: Iterable[str]) -> float:
    z = sum(weights.get(n, 0.0) for n in names)
    return 1.0 / (1.0 + math.exp(-z))


def candidates(
    text: str,
    matches: list[SkillMatch],
    model: dict[str, Any],
    tagged: Sequence[tuple[int, int]] = (),
) -> list[tuple[SkillMatch, str]]:
    """Every candidate knowledge mention, in text order, with the boundary rule that shaped it.

    Recognized mentions (without the model's ``drop_labels``) reshaped by the
    boundary rules, then the learnt terms no such mention overlaps (longest first),
    then the ``tagged`` spans that are no earlier candidate's span (overlaps are left to
    the model and to :func:`choose`).
    """
    rules: dict[str, float] = model.get("rules", {})
    terms: dict[str, list[int]] = model.get("terms", {})
    min_gold = model.get("min_term_gold", 2)
    drop = frozenset(model.get("drop_labels", ()))
    spans = tokenize(text)
    cased = [text[a:b] for a, b in spans]
    words = [w.lower() for w in cased]
    out: list[tuple[SkillMatch, str]] = []
    taken = [False] * len(spans)
    for m in matches:
        if m.label in drop:
            continue
        se = token_span(spans, m.start, m.end)
        if se is None:
            continue
        s, e, rule = reshape(rules, cased, *se)
        if rule:
            start, end = spans[s][0], spans[e - 1][1]
            m = SkillMatch(m.id, m.name, m.label, m.category, start, end, text[start:end])
        for k in range(s, e):
            taken[k] = True
        out.append((m, rule))
    lexicon_spans = {(m.start, m.end) for m, _ in out}
    found = []
    firsts = {t.split(" ", 1)[0] for t in terms}
    i = 0
    while i < len(spans):
        if taken[i] or words[i] not in firsts:
            i += 1
            continue
        for n in range(min(MAX_TERM_WORDS, len(spans) - i), 0, -1):
            if any(taken[i : i + n]):
                continue
            key = " ".join(words[i : i + n])
            stat = terms.get(key)
            if stat is not None and stat[0] >= min_gold:
                start, end = spans[i][0], spans[i + n - 1][1]
                if (start, end) not in lexicon_spans:
                    found.append(
                        SkillMatch(
                            "term:" + key,
                            text[start:end],
                            TERM_LABEL,
                            "knowledge",
                            start,
                            end,
                            text[start:end],
                        )
                    )
                    for k in range(i, i + n):
                        taken[k] = True
                    i += n - 1
                    break
        i += 1
    have = lexicon_spans | {(m.start, m.end) for m in found}
    for start, end in tagged:
        if (start, end) in have:
            continue
        surface = text[start:end]
        found.append(
            SkillMatch(
                "tag:" + surface.lower(), surface, TAGGED_LABEL, "knowledge", start, end, surface
            )
        )
    out.extend((m, "") for m in found)
    out.sort(key=lambda c: (c[0].start, c[0].end))
    return out


def tagger_candidates(text: str, tagged: Tagging | None) -> list[tuple[int, int]]:
    """The spans the tagger proposes as candidates: what it marks, then what it nearly marks
    (``Tagging.looser``, in text order), so the model can take a span the tagger gave up narrowly.
    A span with no letter or digit (a lone comma a looser decode marks) is none: the model
    has too few of those to learn they never are knowledge."""
    if tagged is None:
        return []
    return [
        (a, b)
        for a, b in (*tagged.spans, *sorted(tagged.looser))
        if any(c.isalnum() for c in text[a:b])
    ]


def variant_groups(
    text: str,
    matches: list[SkillMatch],
    model: dict[str, Any],
    tagged: Sequence[tuple[int, int]] = (),
) -> list[list[tuple[SkillMatch, str]]]:
    """Each candidate (see :func:`candidates`) first, then its boundary variants: the spans it
    would have grown or shrunk by a word or two (rule key ``mv:<move>``), for the model to choose among."""
    spans = tokenize(text)
    words = [text[a:b] for a, b in spans]
    out = []
    for m, rule in candidates(text, matches, model, tagged):
        group = [(m, rule)]
        se = token_span(spans, m.start, m.end)
        if se is not None:
            seen = {(m.start, m.end)}
            for key, s, e in boundary_moves(words, *se):
                a, b = spans[s][0], spans[e - 1][1]
                if "&" in key or (a, b) in seen:
                    continue
                seen.add((a, b))
                variant = SkillMatch(m.id, m.name, m.label, m.category, a, b, text[a:b])
                group.append((variant, "mv:" + key))
        out.append(group)
    return out


def variant_features(
    text: str,
    match: SkillMatch,
    matches: list[SkillMatch],
    index: int,
    terms: dict[str, list[int]],
    key: str,
    tagged: Tagging | None = None,
) -> list[str]:
    """:func:`features`, and which move (if any) made this variant of a candidate."""
    if not key.startswith("mv:"):
        return [
            *features(text, match, matches, index, terms=terms, rule=key, tagged=tagged),
            "mv=none",
        ]
    move = key[3:]
    kind = move.split("|", 1)[0]
    return [
        *features(text, match, matches, index, terms=terms, tagged=tagged),
        f"mv={kind}",
        f"mvkey={move}",
        f"mvlabel={kind}&{match.label}",
    ]


def choose(
    scored: Iterable[tuple[float, tuple[int, int]]], threshold: float
) -> list[tuple[int, int]]:
    """The most probable non-overlapping spans at or over ``threshold``, in text order
    (what the view keeps of its candidates' best variants; ``tools/fit_knowledge.py`` picks its
    threshold with the same choice)."""
    kept: list[tuple[int, int]] = []
    for p, (a, b) in sorted(scored, key=lambda x: (-x[0], x[1])):
        if p < threshold:
            break
        if not any(a < kb and ka < b for ka, kb in kept):
            kept.append((a, b))
    return sorted(kept)


def knowledge_mentions(
    text: str, matches: list[SkillMatch], *, model: dict[str, Any] | None = None
) -> list[SkillMatch]:
    """The knowledge mentions job-ad annotators would mark in ``text``, given jdmatch's ``matches`` of it.

    Each is a recognized mention (its boundaries reshaped to the annotators'
    convention where a learnt rule says so) or a learnt term (label ``knowledge_term``).
    """
    model = model if model is not None else load_model()
    weights, threshold = model["weights"], model["threshold"]
    terms = model.get("terms", {})
    tagged = None
    if model.get("tagger"):
        from jdmatch.knowledge_tagger import load_tagger, tag

        tagged = tag(text, matches, load_tagger(), model.get("tagger_levels", ()))
    if model.get("variants"):  # each candidate's most probable span among its boundary variants
        groups = variant_groups(text, matches, model, tagger_candidates(text, tagged))
        firsts = [g[0][0] for g in groups]
        best: dict[tuple[int, int], tuple[float, SkillMatch]] = {}  # by span, the most probable
        for i, group in enumerate(groups):
            p, m = max(
                (
                    (
                        probability(
                            weights, variant_features(text, m, firsts, i, terms, key, tagged)
                        ),
                        m,
                    )
                    for m, key in group
                ),
                key=lambda x: x[0],
            )
            span = (m.start, m.end)
            if span not in best or p > best[span][0]:
                best[span] = (p, m)
        kept = choose(((p, span) for span, (p, _) in best.items()), threshold)
        return [best[span][1] for span in kept]
    cands = candidates(text, matches, model)
    ms = [m for m, _ in cands]
    return [
        m
        for i, (m, rule) in enumerate(cands)
        if probability(weights, features(text, m, ms, i, terms=terms, rule=rule)) >= threshold
    ]
