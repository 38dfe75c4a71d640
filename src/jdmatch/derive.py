"""Propose lexicon entries from documents (spaCy Matcher patterns) or BIO-annotated files.

From plain documents, spaCy ``Matcher`` patterns find the places where writers
name tools and skills: enumerations after "such as", "like", "including";
"experience with/in", "proficiency in", "familiarity with", "knowledge of";
comma and bullet lists; and "X is a ... framework/database/platform". The
items read there become proposals.

From BIO-annotated files (SkillSpan JSON lines or CoNLL columns), every
annotated span becomes a proposal, with how often the term is annotated when
it occurs at all (a term annotated 9 times out of 10 is a skill; one annotated
once out of 40 is an ordinary word).

Each proposal carries its counts, a few example contexts and the lexicon id
that already covers it, if any. Proposals are reviewed by a person before they
enter the lexicon.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jdmatch.errors import JdmatchError

# a token that looks like the name of a tool: Django, PostgreSQL, AWS, Node.js, C#, k8s
_NAME = r"^(?:[A-Z][A-Za-z0-9]*(?:[.+#-][A-Za-z0-9+#]*)*[+#]*|[a-z]+\.[a-z]+|[a-z]+[A-Z][A-Za-z0-9]*|[a-z]+[0-9]+[a-z]*|\.[A-Z]+)$"
_NAME_TOKEN = {"TEXT": {"REGEX": _NAME}}
_TRIGGERS: dict[str, list[list[dict[str, Any]]]] = {
    "such_as": [
        [{"LOWER": "such"}, {"LOWER": "as"}],
        [{"LOWER": "like"}],
        [{"LOWER": "including"}],
        [{"LOWER": "e.g."}],
        [{"LOWER": "e.g"}],
        [{"LOWER": "eg"}],
    ],
    "experience_with": [
        [
            {
                "LOWER": {
                    "IN": [
                        "experience",
                        "experienced",
                        "background",
                        "hands-on",
                        "expert",
                        "expertise",
                        "skilled",
                        "skills",
                        "fluency",
                        "fluent",
                    ]
                }
            },
            {"LOWER": {"IN": ["with", "in", "using"]}},
        ],
        [
            {"LOWER": {"IN": ["proficiency", "proficient", "competence", "competent"]}},
            {"LOWER": {"IN": ["in", "with"]}},
        ],
        [
            {"LOWER": {"IN": ["familiarity", "familiar", "comfortable", "exposure"]}},
            {"LOWER": {"IN": ["with", "to"]}},
        ],
        [{"LOWER": {"IN": ["knowledge", "understanding", "command", "mastery"]}}, {"LOWER": "of"}],
        [{"LOWER": {"IN": ["using", "use", "uses", "leverage", "leveraging"]}}],
    ],
}
_FILLER = {"ORTH": {"NOT_IN": [".", ",", ";", ":", "!", "?", "(", ")"]}, "OP": "{0,6}"}
_KINDS = [
    "framework",
    "database",
    "platform",
    "language",
    "library",
    "tool",
    "runtime",
    "service",
    "engine",
    "system",
    "server",
    "toolkit",
    "orm",
    "store",
    "broker",
    "queue",
    "editor",
    "ide",
]
_SEPARATORS = {",", "/", "&", "and", "or", "as", "well", ";", "|", "plus"}
_BULLET_LINE = re.compile(r"^[ \t]*(?:[-*•●▪◦‣∙]|\d+[.)])[ \t]+(.*)$", re.M)


@dataclass
class Proposal:
    """A candidate lexicon term and the evidence for it."""

    term: str
    count: int = 0
    patterns: Counter[str] = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)
    annotated: int | None = None
    occurrences: int | None = None
    known: str | None = None
    surface: Counter[str] = field(default_factory=Counter)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"term": self.term, "count": self.count}
        if self.annotated is not None:
            out["annotated"] = self.annotated
            out["occurrences"] = self.occurrences
            out["annotation_rate"] = round(
                self.annotated / max(self.occurrences or 0, self.annotated, 1), 3
            )
        if self.patterns:
            out["patterns"] = dict(sorted(self.patterns.items()))
        out["known"] = self.known
        out["examples"] = self.examples
        return out


class Deriver:
    """Collects proposals over many documents; ``proposals()`` returns them ranked."""

    def __init__(self, recognizer: Any = None, *, max_examples: int = 3) -> None:
        from spacy.matcher import Matcher

        from jdmatch.recognize import default_recognizer

        self.recognizer = recognizer if recognizer is not None else default_recognizer()
        self.tokenizer = self.recognizer.tokenizer
        self.max_examples = max_examples
        self._found: dict[str, Proposal] = {}
        vocab = self.tokenizer.vocab
        self._triggers = Matcher(vocab)
        for name, patterns in _TRIGGERS.items():
            self._triggers.add(name, patterns)
        self._definitions = Matcher(vocab)
        self._definitions.add(
            "is_a",
            [
                [
                    _NAME_TOKEN | {"OP": "+"},
                    {"LOWER": {"IN": ["is", "serves", "operates", "acts", "works"]}},
                    {"LOWER": "as", "OP": "?"},
                    {"LOWER": {"IN": ["a", "an", "the"]}},
                    _FILLER,
                    {"LOWER": {"IN": _KINDS}},
                ],
                [
                    _NAME_TOKEN | {"OP": "+"},
                    {"ORTH": ","},
                    {"LOWER": {"IN": ["a", "an", "the"]}},
                    _FILLER,
                    {"LOWER": {"IN": _KINDS}},
                ],
            ],
            greedy="LONGEST",
        )
        self._lists = Matcher(vocab)
        item = [_NAME_TOKEN | {"OP": "+"}]
        sep = [{"ORTH": {"IN": [",", "/", ";", "|"]}}]
        self._lists.add(
            "list",
            [
                item + sep + item + sep + item,
                item + sep + item + [{"LOWER": {"IN": ["and", "or"]}}] + item,
            ],
            greedy="LONGEST",
        )

    # -- plain documents ---------------------------------------------------------------

    def add_text(self, text: str) -> None:
        doc = self.tokenizer(text)
        for match_id, _start, end in self._triggers(doc):
            kind = self.tokenizer.vocab.strings[match_id]
            for s, e in self._enumeration(doc, end):
                self._propose(doc, s, e, kind)
        for _, start, end in self._definitions(doc):
            s = start
            e = next(i for i in range(start, end) if not re.match(_NAME, doc[i].text))
            self._propose(doc, s, e, "is_a")
        for _, start, _end in self._lists(doc):
            for s, e in self._enumeration(doc, start):
                self._propose(doc, s, e, "list")
        for bullet in _BULLET_LINE.finditer(text):
            span = doc.char_span(bullet.start(1), bullet.end(1), alignment_mode="expand")
            if span is not None and len(span):
                s = span.start
                e = s
                while e < len(doc) and e - s < 4 and re.match(_NAME, doc[e].text):
                    e += 1
                if e > s:
                    self._propose(doc, s, e, "bullet")

    def _enumeration(self, doc: Any, i: int) -> Iterator[tuple[int, int]]:
        """Name-like items from token ``i`` on, across commas, slashes and "and"/"or"."""
        n = len(doc)
        items = 0
        while i < n and items < 12:
            while i < n and (
                doc[i].lower_ in _SEPARATORS or doc[i].is_space or doc[i].text in {":", "(", "-"}
            ):
                i += 1
            s = i
            while i < n and i - s < 4 and re.match(_NAME, doc[i].text):
                i += 1
            if i == s:
                return
            yield s, i
            items += 1
            if i < n and doc[i].lower_ not in _SEPARATORS and not doc[i].is_space:
                return

    def _propose(self, doc: Any, s: int, e: int, pattern: str) -> None:
        span = doc[s:e]
        surface = span.text.strip(" -")
        if not surface or len(surface) > 60:
            return
        key = surface.lower()
        proposal = self._found.get(key)
        if proposal is None:
            proposal = self._found[key] = Proposal(term=surface)
        proposal.count += 1
        proposal.patterns[pattern] += 1
        proposal.surface[surface] += 1
        if len(proposal.examples) < self.max_examples:
            text = doc.text
            lo, hi = max(0, span.start_char - 40), min(len(text), span.end_char + 40)
            example = " ".join(text[lo:hi].split())
            if example not in proposal.examples:
                proposal.examples.append(example)

    # -- BIO-annotated sentences ---------------------------------------------------------

    def add_bio(self, sentences: Iterable[tuple[list[str], list[str]]]) -> None:
        """Propose every annotated span, then count how often each occurs at all."""
        from spacy.matcher import PhraseMatcher
        from spacy.tokens import Doc

        kept: list[list[str]] = []
        for tokens, tags in sentences:
            kept.append(tokens)
            for s, e in bio_spans(tags):
                surface = " ".join(tokens[s:e])
                key = surface.lower()
                proposal = self._found.get(key)
                if proposal is None:
                    proposal = self._found[key] = Proposal(term=surface, annotated=0, occurrences=0)
                proposal.annotated = (proposal.annotated or 0) + 1
                proposal.count += 1
                proposal.surface[surface] += 1
                if len(proposal.examples) < self.max_examples:
                    lo, hi = max(0, s - 6), min(len(tokens), e + 6)
                    proposal.examples.append(" ".join(tokens[lo:hi]))
        vocab = self.tokenizer.vocab
        phrases = PhraseMatcher(vocab, attr="LOWER")
        annotated = [p for p in self._found.values() if p.annotated is not None]
        for p in annotated:
            phrases.add(p.term.lower(), [Doc(vocab, words=p.term.split())])
        for tokens in kept:
            if not tokens:
                continue
            doc = Doc(vocab, words=tokens)
            for match_id, _, _ in phrases(doc):
                p = self._found[vocab.strings[match_id]]
                p.occurrences = (p.occurrences or 0) + 1

    # -- results -------------------------------------------------------------------------

    def proposals(self, *, min_count: int = 1) -> list[Proposal]:
        out = []
        for p in self._found.values():
            if p.count < min_count:
                continue
            p.term = p.surface.most_common(1)[0][0] if p.surface else p.term
            p.known = self._known(p.term)
            out.append(p)
        out.sort(key=lambda p: (-p.count, p.term.lower()))
        return out

    def _known(self, term: str) -> str | None:
        matches = self.recognizer.recognize(term)
        if len(matches) == 1 and matches[0].start == 0 and matches[0].end == len(term):
            return matches[0].id
        # ambiguous forms need context; a bare term is looked up directly
        for entry_id, forms in self._forms().items():
            if term.lower() in forms:
                return entry_id
        return None

    def _forms(self) -> dict[str, set[str]]:
        cached = getattr(self, "_forms_cache", None)
        if cached is None:
            cached = {
                e.id: {f.lower() for f in (*e.plain_forms, *e.ambiguous)}
                for e in self.recognizer.lexicon.entries
            }
            self._forms_cache = cached
        return cached


def bio_spans(tags: list[str]) -> Iterator[tuple[int, int]]:
    """(start, end) token spans of B/I tags (an I without a B starts a span too)."""
    start = None
    for i, tag in enumerate(tags):
        head = tag[:1]
        if head == "B" or (head == "I" and start is None):
            if start is not None:
                yield start, i
            start = i
        elif head != "I":
            if start is not None:
                yield start, i
            start = None
    if start is not None:
        yield start, len(tags)


def read_bio(
    path: str | os.PathLike[str], *, tags: str = "knowledge", source: str | None = None
) -> Iterator[tuple[list[str], list[str]]]:
    """Sentences (tokens, tags) from SkillSpan JSON lines or CoNLL columns (token ... tag)."""
    p = Path(path)
    with p.open(encoding="utf-8") as fh:
        first = fh.readline()
        fh.seek(0)
        if first.lstrip().startswith("{"):
            key = f"tags_{tags}"
            for number, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                    if source is not None and row.get("source") != source:
                        continue
                    yield list(row["tokens"]), list(row[key])
                except (json.JSONDecodeError, KeyError, TypeError) as exc:
                    raise JdmatchError(
                        f"line {number}: not a SkillSpan record with tokens and {key} ({exc})",
                        path=p,
                    ) from None
            return
        tokens: list[str] = []
        labels: list[str] = []
        for line in fh:
            parts = line.split()
            if not parts or line.startswith("-DOCSTART-"):
                if tokens:
                    yield tokens, labels
                tokens, labels = [], []
                continue
            tokens.append(parts[0])
            labels.append(parts[-1] if len(parts) > 1 else "O")
        if tokens:
            yield tokens, labels


def is_bio_file(path: str | os.PathLike[str]) -> bool:
    """SkillSpan-style JSON lines or a CoNLL file whose last column is B/I/O tags."""
    p = Path(path)
    if p.suffix.lower() in {".conll", ".bio", ".iob"}:
        return True
    if p.suffix.lower() not in {".json", ".jsonl"}:
        return False
    try:
        with p.open(encoding="utf-8") as fh:
            row = json.loads(fh.readline())
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False
    return isinstance(row, dict) and "tokens" in row and any(k.startswith("tags") for k in row)


def derive(
    paths: Iterable[str | os.PathLike[str]],
    *,
    tags: str = "knowledge",
    source: str | None = None,
    min_count: int = 1,
) -> list[Proposal]:
    """Proposals from a mix of documents and BIO-annotated files."""
    from jdmatch.extract import read_document

    deriver = Deriver()
    for path in paths:
        if is_bio_file(path):
            deriver.add_bio(read_bio(path, tags=tags, source=source))
        else:
            deriver.add_text(read_document(path).text)
    return deriver.proposals(min_count=min_count)
