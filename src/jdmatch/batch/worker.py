"""Scoring one item in a worker process: its matcher, its limits, its row."""

from __future__ import annotations

import os
import signal
from typing import Any

from jdmatch.batch.common import COLUMNS, Item
from jdmatch.batch.writers import read_rows
from jdmatch.engine import DocumentTimeout, TimeLimit, exit_with_parent
from jdmatch.errors import JdmatchError
from jdmatch.extract import DEFAULT_MAX_BYTES

# -- scoring one item (in a worker) ------------------------------------------------------------

_matcher: Any = None
_settings: dict[str, Any] = {}


def init_worker(
    profile: Any,
    job: Any,
    lexicon: Any,
    timeout: float,
    max_bytes: int | None,
    pdf_engine: str,
    memory_mb: int | None,
    as_of: Any = None,
    parent: int | None = None,
) -> None:
    """Build the matcher once per worker process (and again every RENEW_EVERY documents).

    ``parent`` is the pid of the process that started this worker: the worker
    exits when it dies (see :func:`exit_with_parent`).
    """
    if parent is not None:
        exit_with_parent(parent)
    _settings.update(timeout=timeout, max_bytes=max_bytes, pdf_engine=pdf_engine)
    if memory_mb:
        try:
            import resource

            limit = memory_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        except (ImportError, ValueError, OSError):
            pass
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    _renew_matcher(profile, job, lexicon, as_of)


def _renew_matcher(profile: Any, job: Any, lexicon: Any, as_of: Any = None) -> None:
    """A new matcher with a new spaCy vocabulary (the old one, and what it grew, is freed)."""
    global _matcher
    from jdmatch.matcher import Matcher
    from jdmatch.recognize import default_recognizer

    _matcher = None
    default_recognizer.cache_clear()
    folder, extra = lexicon if isinstance(lexicon, tuple) else (lexicon, ())
    _matcher = Matcher(
        profile if job is None else None, job=job, lexicon=folder, extra_lexicon=extra, as_of=as_of
    )
    _matcher.score("warm up")
    _settings.pop("labels", None)
    _settings["renew"] = lambda: _renew_matcher(profile, job, lexicon, as_of)


# spaCy's vocabulary keeps every new word it meets (ids, numbers, names), so a worker
# that ran long would grow with the corpus; it starts a fresh matcher this often
RENEW_EVERY = 5000


def score_items(items: list[Item]) -> list[dict[str, Any]]:
    """Score a chunk of items; every item yields exactly one row."""
    done = _settings.get("done", 0)
    if done >= RENEW_EVERY and _settings.get("renew") is not None:
        _settings["renew"]()
        done = 0
    _settings["done"] = done + len(items)
    return [score_item(item) for item in items]


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


def score_item(item: Item) -> dict[str, Any]:
    row = error_row(item, item.error or "")
    if item.error:
        return row
    if _matcher is None:
        raise RuntimeError("init_worker() was not called in this process")
    timeout = _settings.get("timeout") or 0
    limit = TimeLimit(timeout)
    stage = "reading"
    try:
        limit.start()
        if item.path is not None:
            from jdmatch.extract import read_document

            doc = read_document(
                item.path,
                pdf_engine=_settings.get("pdf_engine", "pdfminer"),
                max_bytes=_settings.get("max_bytes", DEFAULT_MAX_BYTES),
            )
            if not item.title:
                row["title"] = str(doc.fields.get("title") or "")[:120] or _first_line(
                    doc.text
                )  # JSON-LD, else <h1>/<title>
        else:
            from jdmatch.models import Document

            text = item.text or ""
            max_bytes = _settings.get("max_bytes")
            if max_bytes is not None and len(text) > max_bytes:
                raise JdmatchError(
                    f"the text is over the {max_bytes} byte limit; raise it with --max-size",
                    path=item.source,
                )
            if not text.strip():
                raise JdmatchError("the text is empty", path=item.source)
            doc = Document(text=text, source=item.source)
        stage = "recognizing"
        analysis = _matcher.recognizer.analyze(doc.text)
        stage = "scoring"
        result = _matcher.score_analysis(analysis, doc, detail=False)
        stage = "writing"
        core = _settings.get("core")
        if core is None:
            core = _settings["core"] = {
                s.id for g in _matcher.profile.groups if g.core for s in g.skills
            }
        values = dict(
            score=round(result.score, 2),
            coverage=round(result.coverage, 4),
            similarity=round(result.similarity, 4),
            top_skills="; ".join(m.name for m in result.matched[:8]),
            missing_core="; ".join([_missing_name(m) for m in result.missing if m.id in core][:5]),
            status="ok",
            _skills=[
                (sid, _matcher.scorer._names().get(sid, sid))
                for sid, _ in result.skills
                if _label(sid) != "soft_skill"
            ],
            # a group of alternatives is one missing thing, whichever member would have added most here
            _missing=[
                (f"group:{m.group}" if m.alternatives else m.id, _missing_name(m))
                for m in result.missing
                if m.id in core
            ][:10],
        )
    except DocumentTimeout:
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


def _label(sid: str) -> str:
    labels = _settings.get("labels")
    if labels is None:
        labels = _settings["labels"] = {e.id: e.label for e in _matcher.recognizer.lexicon.entries}
    return labels.get(sid, "")


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


def init_args(settings: dict[str, Any], parent: int | None = None) -> tuple[Any, ...]:
    return (
        settings["profile"],
        settings["job"],
        settings["lexicon"],
        settings["timeout"],
        settings["max_bytes"],
        settings["pdf_engine"],
        settings["memory_mb"],
        settings.get("as_of"),
        parent,
    )
