"""Process machinery that knows no matcher: a pool of worker processes that die with their parent,
per-document time limits.

:class:`WorkerPool` runs the batch's local engine and ``Matcher.score_many``; the server's workers
use :class:`TimeLimit` and :func:`exit_with_parent`.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any


class DocumentTimeout(BaseException):
    """Raised into a document that ran out of time (a BaseException, so that the
    readers' own broad error handling does not swallow it)."""


def _on_alarm(signum: int, frame: Any) -> None:
    raise DocumentTimeout()


# After the first expiry the alarm repeats this often until the limit is stopped: an exception
# raised where Python cannot pass it on (in a gc callback or a __del__, where it is only printed)
# is raised again a moment later, so the document still stops
_RETRY_SECONDS = 0.25


class TimeLimit:
    """Interrupt the current document after ``seconds``.

    In a process's main thread (local workers) a SIGALRM timer does it; in other
    threads (Dask workers run tasks in threads) a timer thread raises the same
    exception asynchronously in the working thread. Either way the document's row
    says it took too long, and the worker goes on with the next one.

    In the main thread the alarm repeats every quarter second after the first expiry
    until :meth:`stop`, in case the first was raised where it could only be printed.
    In a thread, nothing is raised once :meth:`stop` has returned (a lock keeps the
    timer from firing after it): an expiry never lands in the caller's own loop
    after the document is done. One that fired just before is raised by ``stop``.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._timer: Any = None
        self._previous: Any = None
        self._armed = False
        self._lock: Any = None

    def start(self) -> None:
        import threading

        if self.seconds <= 0:
            return
        if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
            self._previous = signal.signal(signal.SIGALRM, _on_alarm)
            signal.setitimer(signal.ITIMER_REAL, self.seconds, _RETRY_SECONDS)
            return
        import ctypes

        ident = threading.get_ident()
        self._lock = threading.Lock()
        self._armed = True

        def fire() -> None:
            with self._lock:
                if self._armed:
                    self._armed = False
                    ctypes.pythonapi.PyThreadState_SetAsyncExc(
                        ctypes.c_ulong(ident), ctypes.py_object(DocumentTimeout)
                    )

        self._timer = threading.Timer(self.seconds, fire)
        self._timer.daemon = True
        self._timer.start()

    def stop(self) -> None:
        if self._previous is not None:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous)
            self._previous = None
        if self._timer is not None:
            timer, self._timer = self._timer, None
            with self._lock:
                self._armed = False
            timer.cancel()
            _settle()


def _settle() -> None:
    """A call: an exception the timer raised just before :meth:`TimeLimit.stop` took the lock arrives here."""


def exit_with_parent(parent: int, *, interval: float = 1.0) -> None:
    """Make this worker process exit soon after ``parent`` dies, even by SIGKILL.

    A worker whose parent was killed would otherwise wait forever on a pipe it
    holds both ends of, keeping its memory and the output file. On Linux the
    kernel sends SIGKILL when the parent goes (``prctl(PR_SET_PDEATHSIG)``); on
    every system a daemon thread checks ``os.getppid()`` every ``interval``
    seconds (a dead parent's children are re-parented).
    """
    import threading

    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # it died before the signal was armed
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(interval)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="jdmatch-parent-watch", daemon=True).start()


def available_cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


# -- a pool of worker processes -------------------------------------------------------------------

_state: Any = None  # what this worker process's ``start`` built (see WorkerPool)


def _start_worker(parent: int, start: Callable[..., Any], args: tuple[Any, ...]) -> None:
    global _state
    exit_with_parent(parent)
    _state = start(*args)


def _run_task(task: Callable[[Any, list[Any]], list[Any]], chunk: list[Any]) -> list[Any]:
    return task(_state, chunk)


class WorkerPool:
    """Worker processes that each build their state once, die with this process, and work in chunks.

    Each of the ``workers`` processes (forked where the system can, so they start
    with what this process has loaded) runs ``start(*args)`` once and keeps what it
    returns: its *state* (a matcher, a batch worker, ...). :meth:`map` then sends
    chunks (lists of items) to them, runs ``task(state, chunk)`` there (one result
    per item) and yields the results chunk by chunk, in input order, with at most
    ``window`` chunks in flight. The workers exit when this process dies, even by
    SIGKILL (:func:`exit_with_parent`). Where workers are forked, ``preload()`` runs
    here first: what it loads (modules, caches) the workers inherit instead of each
    loading it. Use the pool as a context manager, or call :meth:`close`.
    """

    def __init__(
        self,
        workers: int,
        start: Callable[..., Any],
        args: tuple[Any, ...] = (),
        *,
        window: int | None = None,
        preload: Callable[[], Any] | None = None,
    ) -> None:
        import multiprocessing as mp

        methods = mp.get_all_start_methods()
        self._context = mp.get_context("fork" if "fork" in methods else "spawn")
        if preload is not None and self._context.get_start_method() == "fork":
            preload()  # loaded once here, shared by every forked worker instead of loaded by each
        self.workers = max(1, workers)
        self.window = window or 2 * self.workers
        self._start = start
        self._args = args
        self._pool = self._new_pool(self.workers)

    def _new_pool(self, workers: int) -> Any:
        from concurrent.futures import ProcessPoolExecutor

        # its processes start with the first chunk (all at once where they are forked)
        return ProcessPoolExecutor(
            max_workers=workers,
            mp_context=self._context,
            initializer=_start_worker,
            initargs=(os.getpid(), self._start, self._args),
        )

    def map(
        self,
        task: Callable[[Any, list[Any]], list[Any]],
        chunks: Iterable[list[Any]],
        *,
        item_seconds: float | None = None,
        failed: Callable[[Any], Any] | None = None,
    ) -> Iterator[list[Any]]:
        """``task(state, chunk)`` for every chunk, in the workers; the results in input order.

        ``item_seconds`` bounds the wait for a chunk (that many seconds per item,
        plus 30). With ``failed`` given, a chunk whose worker died or hung is not an
        error: the pool is stopped, the unfinished chunks are redone one item at a
        time, each in a fresh process, and an item that fails alone too gets
        ``failed(item)`` as its result, so only the culprit is lost. Without it, the
        worker's exception (or ``BrokenProcessPool``, ``TimeoutError``) is raised here.
        """
        pending: deque[tuple[Any, list[Any]]] = deque()
        for chunk in chunks:
            pending.append((self._pool.submit(_run_task, task, chunk), chunk))
            while len(pending) >= self.window:
                yield self._collect(pending, task, item_seconds, failed)
        while pending:
            yield self._collect(pending, task, item_seconds, failed)

    def _collect(
        self,
        pending: deque[tuple[Any, list[Any]]],
        task: Callable[[Any, list[Any]], list[Any]],
        item_seconds: float | None,
        failed: Callable[[Any], Any] | None,
    ) -> list[Any]:
        """The results of the oldest chunk; if a worker died or hung, its chunks are redone item by item."""
        from concurrent.futures import TimeoutError as FutureTimeout
        from concurrent.futures.process import BrokenProcessPool

        future, chunk = pending[0]
        wait = None if item_seconds is None else item_seconds * len(chunk) + 30
        try:
            results = future.result(timeout=wait)
            pending.popleft()
            return results
        except (BrokenProcessPool, FutureTimeout):
            if failed is None:
                raise
        # a worker crashed (or hung in C code where no timer reaches): stop the pool and redo the
        # unfinished chunks item by item, each in a fresh process, so only the culprit fails
        _stop(self._pool)
        redo = [chunk for _, chunk in pending]
        pending.clear()
        first: list[Any] = []
        for i, items in enumerate(redo):
            results = [self._alone(task, item, item_seconds, failed) for item in items]
            if i == 0:
                first = results
            else:
                pending.append((_Done(results), items))
        self._pool = self._new_pool(self.workers)
        return first

    def _alone(
        self,
        task: Callable[[Any, list[Any]], list[Any]],
        item: Any,
        item_seconds: float | None,
        failed: Callable[[Any], Any],
    ) -> Any:
        from concurrent.futures import TimeoutError as FutureTimeout
        from concurrent.futures.process import BrokenProcessPool

        pool = self._new_pool(1)
        wait = None if item_seconds is None else item_seconds + 30
        try:
            return pool.submit(_run_task, task, [item]).result(timeout=wait)[0]
        except (BrokenProcessPool, FutureTimeout):
            return failed(item)
        finally:
            _stop(pool)

    def close(self) -> None:
        """Stop the workers; chunks not started yet are dropped."""
        self._pool.shutdown(wait=False, cancel_futures=True)

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _stop(pool: Any) -> None:
    """Kill a pool's processes at once (one of them may hang) and let it go."""
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        proc.kill()
    pool.shutdown(wait=False, cancel_futures=True)


class _Done:
    """A future that is already done: a chunk redone item by item, waiting for its turn."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def result(self, timeout: float | None = None) -> Any:
        return self.value
