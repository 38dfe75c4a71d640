"""Recognize tools and skills in text with the lexicon compiled into spaCy matchers.

One ``PhraseMatcher`` over lower-cased, plural-folded tokens holds every form:
the plain forms (``Postgres``, ``k8s``, ``Node.js``) and, under keys of their own,
the ambiguous forms (``Go``, ``Spring``, ``R``), which are kept only where the
exact spelling matches and the context is technical (see ``lexicon.toml``).
Offsets always point into the text as given: nothing is rewritten before tokenizing.

The parts: :mod:`.recognizer` (the matcher and the choice among candidates),
:mod:`.context` (names that are context, not skills; the context of ambiguous
forms), :mod:`.coordination` (skills named through "X and Y tests"),
:mod:`.implied` (what mentions imply), :mod:`.vocabulary` (the word lists of
``lexicon/rules/recognize.toml``). The tokenizer is :mod:`jdmatch.tokens`.
"""

from jdmatch.recognize.analysis import Analysis
from jdmatch.recognize.implied import implied_skills
from jdmatch.recognize.recognizer import SkillRecognizer, default_recognizer
from jdmatch.tokens import (
    LINE_BREAK,
    PARAGRAPH_BREAK,
    TOKENIZER_VERSION,
    fold_plural,
    make_tokenizer,
)

__all__ = [
    "LINE_BREAK",
    "PARAGRAPH_BREAK",
    "TOKENIZER_VERSION",
    "Analysis",
    "SkillRecognizer",
    "default_recognizer",
    "fold_plural",
    "implied_skills",
    "make_tokenizer",
]
