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

DEFAULT_CONFIG = {"lexicon": None, "spans_key": "skills", "cue_window": None, "neighbor_window": None, "extra_cues": [],
                  "extra_lexicon": []}


@Language.factory("jdmatch_skills", default_config=DEFAULT_CONFIG)
def make_skills_component(nlp: Language, name: str, lexicon: str | None, spans_key: str, cue_window: int | None,
                          neighbor_window: int | None, extra_cues: list[str], extra_lexicon: list[str]) -> SkillsComponent:
    return SkillsComponent(nlp, name, lexicon=lexicon, spans_key=spans_key, cue_window=cue_window,
                           neighbor_window=neighbor_window, extra_cues=extra_cues, extra_lexicon=extra_lexicon)


class SkillsComponent:
    """Adds ``doc.spans[spans_key]``: one span per skill mention, label = the skill's label, id_ = its id."""

    def __init__(self, nlp: Language, name: str = "jdmatch_skills", *, lexicon: str | None = None, spans_key: str = "skills",
                 cue_window: int | None = None, neighbor_window: int | None = None, extra_cues: list[str] | None = None,
                 extra_lexicon: list[str] | None = None) -> None:
        self.name = name
        self.spans_key = spans_key
        self.settings = {"lexicon": lexicon, "cue_window": cue_window, "neighbor_window": neighbor_window, "extra_cues": list(extra_cues or []),
                         "extra_lexicon": [str(p) for p in extra_lexicon or []]}
        self._recognizer: Any = None

    @property
    def recognizer(self) -> Any:
        if self._recognizer is None:
            from jdmatch.lexicon import load_lexicon
            from jdmatch.recognize import SkillRecognizer, default_recognizer

            s = self.settings
            extra = s.get("extra_lexicon") or []
            if s["lexicon"] is None and s["cue_window"] is None and s["neighbor_window"] is None and not s["extra_cues"] and not extra:
                self._recognizer = default_recognizer()
            else:
                lexicon = load_lexicon(s["lexicon"], extra=extra)
                rules = lexicon.context
                rules = dataclasses.replace(
                    rules,
                    cues=rules.cues | frozenset(c.lower() for c in s["extra_cues"]),
                    cue_window=rules.cue_window if s["cue_window"] is None else int(s["cue_window"]),
                    neighbor_window=rules.neighbor_window if s["neighbor_window"] is None else int(s["neighbor_window"]),
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
        for doc in docs:
            yield self(doc)

    # serialization: the settings travel with the pipeline; the lexicon is data jdmatch ships
    def to_disk(self, path: str | Path, *, exclude: Any = ()) -> None:
        p = Path(path)
        p.mkdir(parents=True, exist_ok=True)
        (p / "settings.json").write_text(json.dumps({"spans_key": self.spans_key, **self.settings}), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Any = ()) -> SkillsComponent:
        data = json.loads((Path(path) / "settings.json").read_text(encoding="utf-8"))
        self.spans_key = data.pop("spans_key", self.spans_key)
        self.settings.update(data)
        self._recognizer = None
        return self

    def to_bytes(self, *, exclude: Any = ()) -> bytes:
        return json.dumps({"spans_key": self.spans_key, **self.settings}).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Any = ()) -> SkillsComponent:
        values = json.loads(data.decode("utf-8"))
        self.spans_key = values.pop("spans_key", self.spans_key)
        self.settings.update(values)
        self._recognizer = None
        return self
