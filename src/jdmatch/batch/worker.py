"""Scoring items in a worker process: the worker object (its matcher, its limits), each item's row."""

from __future__ import annotations

import os
import signal
from typing import TYPE_CHECKING, Any

from jdmatch.batch.common import COLUMNS, DEFAULT_TIMEOUT, Item
from jdmatch.batch.writers import read_rows
from jdmatch.engine import DocumentTimeout, TimeLimit
from jdmatch.errors import JdmatchError
from jdmatch.extract import DEFAULT_MAX_BYTES
from jdmatch.profile import DEFAULT_PROFILE

if TYPE_CHECKING:
    from jdmatch.matcher import Matcher

# -- the worker: one per process ------------------------------------------------------------------

# spaCy's vocabulary keeps every new word it meets (ids, numbers, names), about 0.7 KB each
# with the caches around it, so a worker that ran long would grow with the corpus: it starts
# a fresh matcher once its vocabulary has this many more strings than when it was built
# (about 75 MiB), and in any case after this many documents
RENEW_STRINGS = 100_000
RENEW_EVERY = 50_000


def vocabulary_grown(recognizer: Any, base: int | None) -> tuple[int | None, bool]:
    """``(base, grown)``: whether ``recognizer``'s spaCy vocabulary holds :data:`RENEW_STRINGS`
    more strings than ``base``, its size once its patterns were all loaded (loading them adds
    strings of its own); ``base`` is None until then, and the size is taken as the base once it is."""
    size = len(recognizer.tokenizer.vocab.strings)
    if base is None:
        return (size if recognizer.fully_loaded() else None), False
    return base, size - base >= RENEW_STRINGS


class BatchWorker:
    """What scores items in one process: the matcher, the limits, and how much it has scored.

    Built once per worker process (by :func:`start_worker` in a pool's worker, or
    directly for a run in this process); it builds a new matcher, with a new spaCy
    vocabulary (:meth:`renew_matcher`), once the vocabulary has grown by
    :data:`RENEW_STRINGS` strings, or after :data:`RENEW_EVERY` documents. A batch of
    postings written alike brings few new words and renews seldom; renewing costs
    about 0.4 s (the build, then the first few hundred documents on a cold vocabulary).
    """

    def __init__(
        self,
        *,
        profile: Any = DEFAULT_PROFILE,
        job: Any = None,
        lexicon: Any = None,
        timeout: float = DEFAULT_TIMEOUT,
        max_bytes: int | None = DEFAULT_MAX_BYTES,
        pdf_engine: str = "pdfminer",
        as_of: Any = None,
    ) -> None:
        self.profile = profile
        self.job = job
        self.lexicon = lexicon  # a folder, or (folder, extra files)
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.pdf_engine = pdf_engine
        self.as_of = as_of
        self.done = 0  # documents scored since the matcher was built
        self._strings: int | None = None  # the size of its vocabulary once fully loaded
        self.matcher: Matcher | None = None
        self._core: set[str] | None = None
        self._labels: dict[str, str] | None = None
        self._build_matcher()

    def renew_matcher(self) -> None:
        """A new matcher with a new spaCy vocabulary (the old one, and what it grew, is freed)."""
        from jdmatch.recognize import default_recognizer

        self.matcher = None
        default_recognizer.cache_clear()
        self._build_matcher()

    def _build_matcher(self) -> None:
        """The matcher, with this process's shared recognizer (see Matcher), warmed up."""
        from jdmatch.matcher import Matcher

        folder, extra = self.lexicon if isinstance(self.lexicon, tuple) else (self.lexicon, ())
        matcher = Matcher(
            self.profile if self.job is None else None,
            job=self.job,
            lexicon=folder,
            extra_lexicon=extra,
            as_of=self.as_of,
        )
        matcher.score("warm up")
        self.matcher = matcher
        self.done = 0
        self._strings = None
        self._core = None
        self._labels = None

    def _grown(self) -> bool:
        """Whether the matcher's spaCy vocabulary holds :data:`RENEW_STRINGS` more strings than
        once its patterns were all loaded (loading them adds strings of its own)."""
        if self.matcher is None:
            return False
        self._strings, grown = vocabulary_grown(self.matcher.recognizer, self._strings)
        return grown

    def score_items(self, items: list[Item]) -> list[dict[str, Any]]:
        """Score a chunk of items; every item yields exactly one row."""
        if self.done >= RENEW_EVERY or self._grown():
            self.renew_matcher()
        self.done += len(items)
        return [self.score_item(item) for item in items]

    def score_item(self, item: Item) -> dict[str, Any]:
        """One item's row: its scores, or the error that stopped it and at which stage."""
        return _score_item(self, item)

    def core(self) -> set[str]:
        """The ids of the profile's core skills (what a row lists as missing)."""
        if self._core is None:
            assert self.matcher is not None
            self._core = {s.id for g in self.matcher.profile.groups if g.core for s in g.skills}
        return self._core

    def label(self, sid: str) -> str:
        if self._labels is None:
            assert self.matcher is not None
            self._labels = {e.id: e.label for e in self.matcher.recognizer.lexicon.entries}
        return self._labels.get(sid, "")


def worker_settings(settings: dict[str, Any]) -> dict[str, Any]:
    """The run's settings a :class:`BatchWorker` takes (all but the memory limit)."""
    return {k: v for k, v in settings.items() if k != "memory_mb"}


def start_worker(settings: dict[str, Any]) -> BatchWorker:
    """A pool worker's start: its memory limit, SIGINT left to the parent, then its :class:`BatchWorker`."""
    memory_mb = settings.get("memory_mb")
    if memory_mb:
        try:
            import resource

            limit = memory_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        except (ImportError, ValueError, OSError):
            pass
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    return BatchWorker(**worker_settings(settings))


def score_chunk(worker: BatchWorker, items: list[Item]) -> list[dict[str, Any]]:
    """What a pool runs in a worker: ``worker.score_items(items)``."""
    return worker.score_items(items)


def error_row(item: Item, message: str) -> dict[str, Any]:
    """The row of a document that could not be scored."""
    return {
        "id": item.id,
        "source": item.source,
        "title": item.title,
        "score": "",
        "coverage": "",
        "similarity": "",
        "top_skills": "",
        "missing_core": "",
        "status": "error",
        "error": message,
    }


STAGES = ("reading", "recognizing", "scoring", "writing")
"""The stages of one document; an unexpected error's row names the one that failed."""


def _traceback_text(exc: BaseException) -> str:
    """The frames of ``exc`` and its type, without its message or any local value (they may hold document text)."""
    import traceback

    frames = "".join(traceback.format_list(traceback.extract_tb(exc.__traceback__)))
    return f"Traceback (most recent call last):\n{frames}{type(exc).__module__}.{type(exc).__qualname__} (message left out)\n"


def _score_item(worker: BatchWorker, item: Item) -> dict[str, Any]:
    row = error_row(item, item.error or "")
    if item.error:
        return row
    matcher = worker.matcher
    if matcher is None:
        raise RuntimeError("the worker has no matcher")
    timeout = worker.timeout or 0
    limit = TimeLimit(timeout)
    stage = "reading"
    try:
        limit.start()
        if item.path is not None:
            from jdmatch.extract import read_document

            doc = read_document(
                item.path,
                pdf_engine=worker.pdf_engine,
                max_bytes=worker.max_bytes,
            )
            if not item.title:
                row["title"] = str(doc.fields.get("title") or "")[:120] or _first_line(
                    doc.text
                )  # JSON-LD, else <h1>/<title>
        else:
            from jdmatch.models import Document

            text = item.text or ""
            max_bytes = worker.max_bytes
            if max_bytes is not None and len(text) > max_bytes:
                raise JdmatchError(
                    f"the text is over the {max_bytes} byte limit; raise it with --max-size",
                    path=item.source,
                )
            if not text.strip():
                raise JdmatchError("the text is empty", path=item.source)
            doc = Document(text=text, source=item.source)
        stage = "recognizing"
        analysis = matcher.recognizer.analyze(doc.text)
        stage = "scoring"
        result = matcher.score_analysis(analysis, doc, detail=False)
        stage = "writing"
        core = worker.core()
        values = dict(
            score=round(result.score, 2),
            coverage=round(result.coverage, 4),
            similarity=round(result.similarity, 4),
            top_skills="; ".join(m.name for m in result.matched[:8]),
            missing_core="; ".join([_missing_name(m) for m in result.missing if m.id in core][:5]),
            status="ok",
            _skills=[
                (sid, matcher.scorer._names().get(sid, sid))
                for sid, _ in result.skills
                if worker.label(sid) != "soft_skill"
            ],
            # a group of alternatives is one missing thing, whichever member would have added most here
            _missing=[
                (f"group:{m.group}" if m.alternatives else m.id, _missing_name(m))
                for m in result.missing
                if m.id in core
            ][:10],
        )
    except DocumentTimeout:
        limit.stop()  # first: the alarm repeats until stopped
        row["error"] = (
            f"took longer than the {timeout:g} s limit per document (while {stage}); skipped"
        )
        return row
    except JdmatchError as exc:
        row["error"] = exc.message
        return row
    except MemoryError:
        row["error"] = (
            f"needed more memory than the per-worker limit allows (while {stage}); skipped"
        )
        return row
    except RecursionError:
        row["error"] = f"nests too deeply to read (while {stage}); skipped"
        return row
    except (
        Exception
    ) as exc:  # a bug must not take the batch down; the row says what happened and where
        row["error"] = f"unexpected {type(exc).__name__} while {stage}; skipped"
        row["_traceback"] = _traceback_text(exc)
        return row
    finally:
        limit.stop()
    row.update(values)
    return row


def _missing_name(m: Any) -> str:
    """A missing skill as a row shows it: a group of alternatives by its name and first members."""
    if not m.alternatives:
        return m.name
    return f"{m.group} ({', '.join([m.name, *m.alternatives[:2]])}, ...)"


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip().lstrip("#").strip()[:120]
    return ""


def to_frame(path: str | os.PathLike[str]) -> Any:
    """A batch output (.csv or .jsonl) as a pandas DataFrame (needs the ``pandas`` extra), ranked by score."""
    try:
        import pandas as pd
    except ImportError:
        raise JdmatchError("to_frame needs pandas: pip install 'jdmatch[pandas]'") from None
    frame = pd.DataFrame(list(read_rows(path)), columns=list(COLUMNS))
    frame["score"] = pd.to_numeric(frame["score"], errors="coerce")
    frame["coverage"] = pd.to_numeric(frame["coverage"], errors="coerce")
    frame["similarity"] = pd.to_numeric(frame["similarity"], errors="coerce")
    return frame.sort_values("score", ascending=False, na_position="last").reset_index(drop=True)
