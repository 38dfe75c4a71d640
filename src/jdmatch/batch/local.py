"""The runner and the local engine: a :class:`~jdmatch.engine.WorkerPool` fed chunks of items,
results in input order."""

from __future__ import annotations

import glob
import os
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from jdmatch.batch.common import DEFAULT_TIMEOUT, BatchError, Item
from jdmatch.batch.dask_engine import _run_dask
from jdmatch.batch.inputs import iter_items
from jdmatch.batch.summary import Summary
from jdmatch.batch.worker import (
    BatchWorker,
    error_row,
    score_chunk,
    start_worker,
    worker_settings,
)
from jdmatch.batch.writers import ResultWriter, read_done
from jdmatch.engine import WorkerPool, available_cores
from jdmatch.errors import display_path
from jdmatch.extract import DEFAULT_MAX_BYTES
from jdmatch.profile import DEFAULT_PROFILE

# -- the runner ---------------------------------------------------------------------------------


def run(
    inputs: Iterable[str],
    output: str | os.PathLike[str],
    *,
    profile: Any = DEFAULT_PROFILE,
    job: Any = None,
    lexicon: Any = None,
    workers: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    resume: bool = False,
    force: bool = False,
    text_column: str | None = None,
    id_column: str | None = None,
    title_column: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    pdf_engine: str = "pdfminer",
    memory_mb: int | None = 2048,
    chunk_size: int = 32,
    on_rows: Callable[[list[dict[str, Any]]], None] | None = None,
    on_resume: Callable[[int], None] | None = None,
    stdin: TextIO | None = None,
    log: str | os.PathLike[str] | None = None,
    as_of: Any = None,
    extra_lexicon: Iterable[str | os.PathLike[str]] = (),
) -> Summary:
    """Score every input document and write one row each to ``output`` (.csv or .jsonl).

    Returns a :class:`Summary`. Raises :class:`BatchError` (or
    :class:`~jdmatch.errors.OutputError`) when the run cannot start: an unknown
    output type, an output that exists without ``resume`` or ``force``, an output
    or ``log`` that cannot be written, an input that does not exist. All of that
    is checked before anything is written; a run that fails before scoring
    anything leaves no ``.part`` file behind. ``on_resume(n)`` is called with the
    number of rows a resumed run finds already done. ``log`` is a file that gets
    the traceback of each unexpected error (frames and type only, never document
    text). ``as_of`` is the day "Present" stands for (default: today). ``job`` is
    a posting to score against: text (``str``), a path (``os.PathLike``, read
    once before the run) or a Document.
    """
    from jdmatch.files import check_output_path

    out = Path(output)
    fmt = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}.get(out.suffix.lower())
    if fmt is None:
        raise BatchError(f"the output must end in .csv or .jsonl, not {display_path(out)}")
    if engine not in {"local", "dask"}:
        raise BatchError(f"unknown engine {engine!r}: choose local or dask")
    check_output_path(out)
    if log is not None:
        check_output_path(log, what="log")
    inputs = list(inputs)
    _check_inputs(inputs)
    if isinstance(
        job, os.PathLike
    ):  # read once here: a missing posting stops the run before it starts
        from jdmatch.extract import read_document

        job = read_document(job, pdf_engine=pdf_engine, max_bytes=max_bytes)
    part = out.with_name(out.name + ".part")
    reopened = False
    if out.exists() or part.exists():
        if force:
            for p in (out, part):
                if p.exists():
                    p.unlink()
        elif not resume:
            what = out if out.exists() else part
            raise BatchError(
                f"{display_path(what)} exists; --resume continues it, --force starts over"
            )
        elif out.exists():
            if part.exists():
                raise BatchError(
                    f"both {display_path(out)} and {display_path(part)} exist; remove one"
                )
            os.replace(out, part)  # a finished run: reopen it to add what is new
            reopened = True
    done = read_done(part, fmt)
    if on_resume is not None and done:
        on_resume(len(done))
    summary = Summary()
    started = time.perf_counter()
    extra = tuple(os.fspath(p) for p in extra_lexicon)
    if extra:  # travels to the workers with the lexicon folder (see BatchWorker.renew_matcher)
        from jdmatch.compiled import load_lexicon
        from jdmatch.recognize import SkillRecognizer

        # a bad file stops the run here, with its file:line; compiled once here, the workers read the cache
        SkillRecognizer(load_lexicon(lexicon, extra=extra))
        lexicon = (lexicon, extra)
    settings = dict(
        profile=profile if job is None else DEFAULT_PROFILE,
        job=job,
        lexicon=lexicon,
        timeout=timeout,
        max_bytes=max_bytes,
        pdf_engine=pdf_engine,
        memory_mb=memory_mb,
        as_of=as_of,
    )
    items = iter_items(
        inputs, text_column=text_column, id_column=id_column, title_column=title_column, stdin=stdin
    )

    def todo() -> Iterator[Item]:
        for item in items:
            if item.id in done:
                summary.skipped += 1
                continue
            yield item

    fresh = not part.exists()
    writer = ResultWriter(part, fmt)
    log_fh = None
    finished = False
    try:
        chunks = _chunks(todo(), chunk_size)
        if engine == "dask":
            results = _run_dask(chunks, settings, workers, scheduler)
        else:
            results = _run_local(chunks, settings, workers or available_cores())
        for rows in results:
            try:
                writer.write(rows)
                writer.flush()
            except OSError as exc:
                raise BatchError(
                    f"cannot write to {display_path(part)} ({exc.strerror or exc}); what was written so far stays there"
                ) from None
            for row in rows:
                summary.add(row)
                trace = row.pop("_traceback", None)
                if trace and log is not None:
                    if log_fh is None:
                        log_fh = open(log, "a", encoding="utf-8")
                    log_fh.write(
                        f"--- {display_path(row['id'])} ({display_path(row['source'])}): {row['error']}\n{trace}\n"
                    )
                    log_fh.flush()
            if on_rows is not None:
                on_rows(rows)
        finished = True
    finally:
        writer.close()
        if log_fh is not None:
            log_fh.close()
        summary.seconds = time.perf_counter() - started
        if not finished and writer.rows == 0:  # nothing was scored: leave things as they were
            if fresh:
                part.unlink(missing_ok=True)
            elif reopened:
                os.replace(part, out)
    os.replace(part, out)
    return summary


def _check_inputs(inputs: list[str]) -> None:
    """Every named input exists (or its glob matches), before any output is opened."""
    for spec in inputs:
        if spec == "-":
            continue
        path = Path(spec)
        if path.exists() or path.is_symlink():
            continue
        if glob.has_magic(spec):
            if next(glob.iglob(spec, recursive=True), None) is None:
                raise BatchError(f"no file matches {spec!r}")
            continue
        raise BatchError(f"no such file or folder: {display_path(spec)}")


def _chunks(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _run_local(
    chunks: Iterator[list[Item]], settings: dict[str, Any], workers: int
) -> Iterator[list[dict[str, Any]]]:
    """Chunks scored in worker processes, yielded in input order, with a bounded number in flight.

    A worker that crashes or hangs (in C code, where the time limit cannot reach) costs only the
    document it was reading: its chunks are redone one document at a time (see WorkerPool.map).
    """
    if workers <= 1:
        worker = BatchWorker(**worker_settings(settings))
        signal.signal(signal.SIGINT, signal.default_int_handler)
        for chunk in chunks:
            yield worker.score_items(chunk)
        return
    preload = _shipped_recognizer if settings["lexicon"] is None else None
    with WorkerPool(workers, start_worker, (settings,), preload=preload) as pool:
        yield from pool.map(
            score_chunk,
            chunks,
            item_seconds=settings["timeout"] or DEFAULT_TIMEOUT,
            failed=_crashed,
        )


def _shipped_recognizer() -> None:
    """spaCy and the shipped lexicon's recognizer, which every worker's matcher uses."""
    from jdmatch.recognize import default_recognizer

    default_recognizer()


def _crashed(item: Item) -> dict[str, Any]:
    return error_row(
        item, "the worker reading this document crashed or hung (memory or time limit); skipped"
    )
