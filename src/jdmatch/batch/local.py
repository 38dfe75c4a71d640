"""The runner and the local engine: a process pool fed chunks of items, results in input order."""

from __future__ import annotations

import glob
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from jdmatch.batch.common import DEFAULT_TIMEOUT, BatchError, Item
from jdmatch.batch.dask_engine import _run_dask
from jdmatch.batch.inputs import iter_items
from jdmatch.batch.summary import Summary
from jdmatch.batch.worker import error_row, init_args, init_worker, score_item, score_items
from jdmatch.batch.writers import ResultWriter, read_done
from jdmatch.engine import available_cores
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
    if extra:  # travels to the workers with the lexicon folder (see _renew_matcher)
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
    """Chunks scored in worker processes, yielded in input order, with a bounded number in flight."""
    if workers <= 1:
        init_worker(*init_args({**settings, "memory_mb": None}))
        signal.signal(signal.SIGINT, signal.default_int_handler)
        for chunk in chunks:
            yield score_items(chunk)
        return
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    ctx = (
        mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context("spawn")
    )
    limit = settings["timeout"] or DEFAULT_TIMEOUT

    def new_pool(n: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=n,
            mp_context=ctx,
            initializer=init_worker,
            initargs=init_args(settings, os.getpid()),
        )

    pool = new_pool(workers)
    pending: deque[tuple[Any, list[Item]]] = deque()
    try:
        for chunk in chunks:
            pending.append((pool.submit(score_items, chunk), chunk))
            while len(pending) >= 2 * workers:
                rows, pool = _collect(pending, pool, new_pool, workers, limit)
                yield rows
        while pending:
            rows, pool = _collect(pending, pool, new_pool, workers, limit)
            yield rows
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _collect(
    pending: deque, pool: Any, new_pool: Callable[[int], Any], workers: int, limit: float
) -> tuple[list[dict[str, Any]], Any]:
    """The rows of the oldest chunk; if a worker died or hung, its chunks are redone one document at a time."""
    from concurrent.futures import TimeoutError as FutureTimeout
    from concurrent.futures.process import BrokenProcessPool

    future, chunk = pending[0]
    try:
        rows = future.result(timeout=limit * len(chunk) + 30)
        pending.popleft()
        return rows, pool
    except (BrokenProcessPool, FutureTimeout):
        pass
    # a worker crashed (or hung in C code where no timer reaches): stop the pool and redo the
    # unfinished chunks document by document, each in a fresh process, so only the culprit fails
    for proc in list(getattr(pool, "_processes", {}).values()):
        proc.kill()
    pool.shutdown(wait=False, cancel_futures=True)
    redo = [chunk for _, chunk in pending]
    pending.clear()
    first: list[dict[str, Any]] | None = None
    for i, items in enumerate(redo):
        rows = [_isolated(item, new_pool, limit) for item in items]
        if i == 0:
            first = rows
        else:
            done = _DoneFuture(rows)
            pending.append((done, items))
    return first or [], new_pool(workers)


class _DoneFuture:
    def __init__(self, value: Any) -> None:
        self.value = value

    def result(self, timeout: float | None = None) -> Any:
        return self.value


def _isolated(item: Item, new_pool: Callable[[int], Any], limit: float) -> dict[str, Any]:
    from concurrent.futures import TimeoutError as FutureTimeout
    from concurrent.futures.process import BrokenProcessPool

    pool = new_pool(1)
    try:
        return pool.submit(score_item, item).result(timeout=limit + 30)
    except (BrokenProcessPool, FutureTimeout):
        return error_row(
            item, "the worker reading this document crashed or hung (memory or time limit); skipped"
        )
    finally:
        for proc in list(getattr(pool, "_processes", {}).values()):
            proc.kill()
        pool.shutdown(wait=False, cancel_futures=True)
