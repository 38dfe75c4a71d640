"""``nlp.add_pipe("jdmatch_skills")``: jdmatch's recognizer as a spaCy pipeline component.

Registered through the ``spacy_factories`` entry point, so it works in any English
pipeline (blank or trained) once jdmatch is installed. It fills
``doc.spans["skills"]`` with labelled spans whose ``id_`` is the canonical skill
id. The component runs jdmatch's own recognizer on ``doc.text`` and aligns the
character spans to the pipeline's tokens, so results do not depend on the
pipeline's tokenizer.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from jdmatch.compiled import (
    entries_from_rows,
    entry_rows,
    load_lexicon,
    pattern_rows,
    patterns_from_rows,
)
from jdmatch.lexicon import ContextRules, Lexicon
from jdmatch.recognize import TOKENIZER_VERSION, SkillRecognizer, default_recognizer

DEFAULT_CONFIG: dict[str, Any] = {
    "lexicon": None,
    "spans_key": "skills",
    "cue_window": None,
    "neighbor_window": None,
    "extra_cues": [],
    "extra_lexicon": [],
}


@Language.factory("jdmatch_skills", default_config=DEFAULT_CONFIG, assigns=["doc.spans"])
def make_skills_component(
    nlp: Language,
    name: str,
    lexicon: str | None,
    spans_key: str,
    cue_window: int | None,
    neighbor_window: int | None,
    extra_cues: list[str],
    extra_lexicon: list[str],
) -> SkillsComponent:
    return SkillsComponent(
        nlp,
        name,
        lexicon=lexicon,
        spans_key=spans_key,
        cue_window=cue_window,
        neighbor_window=neighbor_window,
        extra_cues=extra_cues,
        extra_lexicon=extra_lexicon,
    )


DATA_FORMAT = 1
"""Version of the lexicon data a saved component holds (``skills.json``)."""


class SkillsComponent:
    """Adds ``doc.spans[spans_key]``: one span per skill mention, label = the skill's label, id_ = its id.

    Saved with the pipeline (``nlp.to_disk``, ``nlp.to_bytes``), the component
    holds its compiled lexicon as data (entries, context rules and matcher
    patterns), the way ``SpanRuler`` holds its patterns: the saved pipeline finds
    the same skills on another machine, whatever became of the lexicon folder.
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "jdmatch_skills",
        *,
        lexicon: str | None = None,
        spans_key: str = "skills",
        cue_window: int | None = None,
        neighbor_window: int | None = None,
        extra_cues: list[str] | None = None,
        extra_lexicon: list[str] | None = None,
    ) -> None:
        self.name = name
        self.spans_key = spans_key
        self.settings: dict[str, Any] = {
            "lexicon": lexicon,
            "cue_window": cue_window,
            "neighbor_window": neighbor_window,
            "extra_cues": list(extra_cues or []),
            "extra_lexicon": [str(p) for p in extra_lexicon or []],
        }
        self._recognizer: Any = None

    @property
    def recognizer(self) -> Any:
        if self._recognizer is None:
            s = self.settings
            extra = s.get("extra_lexicon") or []
            if (
                s["lexicon"] is None
                and s["cue_window"] is None
                and s["neighbor_window"] is None
                and not s["extra_cues"]
                and not extra
            ):
                self._recognizer = default_recognizer()
            else:
                lexicon = load_lexicon(s["lexicon"], extra=extra)
                rules = lexicon.context
                rules = dataclasses.replace(
                    rules,
                    cues=rules.cues | frozenset(c.lower() for c in s["extra_cues"]),
                    cue_window=rules.cue_window
                    if s["cue_window"] is None
                    else int(s["cue_window"]),
                    neighbor_window=rules.neighbor_window
                    if s["neighbor_window"] is None
                    else int(s["neighbor_window"]),
                )
                self._recognizer = SkillRecognizer(dataclasses.replace(lexicon, context=rules))
        return self._recognizer

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for m in self.recognizer.recognize(doc.text):
            span = doc.char_span(m.start, m.end, label=m.label, alignment_mode="expand")
            if span is not None:
                spans.append(Span(doc, span.start, span.end, label=m.label, span_id=m.id))
        doc.spans[self.spans_key] = SpanGroup(doc, name=self.spans_key, spans=spans)
        return doc

    def pipe(self, docs: Any, batch_size: int = 128) -> Any:
        """Process ``docs`` ``batch_size`` at a time (the recognizer is built before the first batch)."""
        from spacy.util import minibatch

        for batch in minibatch(docs, size=max(1, int(batch_size))):
            for doc in batch:
                yield self(doc)

    # serialization: the settings and the compiled lexicon travel with the pipeline
    def _data(self) -> dict[str, Any]:
        rec = self.recognizer
        rules = rec.lexicon.context
        return {
            "format": DATA_FORMAT,
            "spans_key": self.spans_key,
            "settings": self.settings,
            "tokenizer": TOKENIZER_VERSION,
            "context": {
                "cues": sorted(rules.cues),
                "strong_cues": sorted(rules.strong_cues),
                "cue_window": rules.cue_window,
                "neighbor_window": rules.neighbor_window,
            },
            "entries": entry_rows(rec.lexicon.entries, file_names=True),
            "patterns": pattern_rows(rec._patterns()),
        }

    def _load(self, data: dict[str, Any]) -> SkillsComponent:
        if "entries" not in data:  # saved by an older jdmatch: settings only
            self.spans_key = data.pop("spans_key", self.spans_key)
            self.settings.update(data)
            self._recognizer = None
            return self
        if data.get("format") != DATA_FORMAT:
            from jdmatch.errors import LexiconError

            raise LexiconError(
                f"the saved jdmatch_skills component has data format {data.get('format')!r}; this jdmatch reads {DATA_FORMAT}"
            )
        self.spans_key = data.get("spans_key", self.spans_key)
        self.settings.update(data.get("settings", {}))
        c = data["context"]
        rules = ContextRules(
            frozenset(c["cues"]),
            frozenset(c["strong_cues"]),
            int(c["cue_window"]),
            int(c["neighbor_window"]),
        )
        self._recognizer = _StoredRecognizer(
            Lexicon(entries_from_rows(data["entries"]), rules), data
        )
        return self

    def to_disk(self, path: str | Path, *, exclude: Any = ()) -> None:
        p = Path(path)
        p.mkdir(parents=True, exist_ok=True)
        (p / "skills.json").write_text(
            json.dumps(self._data(), separators=(",", ":")), encoding="utf-8"
        )

    def from_disk(self, path: str | Path, *, exclude: Any = ()) -> SkillsComponent:
        p = Path(path)
        if (p / "skills.json").exists():
            return self._load(json.loads((p / "skills.json").read_text(encoding="utf-8")))
        return self._load(json.loads((p / "settings.json").read_text(encoding="utf-8")))

    def to_bytes(self, *, exclude: Any = ()) -> bytes:
        return json.dumps(self._data(), separators=(",", ":")).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Any = ()) -> SkillsComponent:
        return self._load(json.loads(data.decode("utf-8")))


class _StoredRecognizer(SkillRecognizer):
    """A recognizer built from saved data: the patterns as stored (recomputed only for another tokenizer version)."""

    def __init__(self, lexicon: Any, data: dict[str, Any]) -> None:
        self._stored = data["patterns"] if data.get("tokenizer") == TOKENIZER_VERSION else None
        super().__init__(lexicon)

    def _patterns(self) -> Any:
        if self._stored is None:
            return self._compute_patterns()
        return patterns_from_rows(self._stored)
