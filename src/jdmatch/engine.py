"""Process machinery that knows no matcher: workers that die with their parent, per-document time limits.

Used by the batch engine, ``Matcher.score_many`` and the server's workers.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from typing import Any


class DocumentTimeout(BaseException):
    """Raised into a document that ran out of time (a BaseException, so that the
    readers' own broad error handling does not swallow it)."""


def _on_alarm(signum: int, frame: Any) -> None:
    raise DocumentTimeout()


class TimeLimit:
    """Interrupt the current document after ``seconds``.

    In a process's main thread (local workers) a SIGALRM timer does it; in other
    threads (Dask workers run tasks in threads) a timer thread raises the same
    exception asynchronously in the working thread. Either way the document's row
    says it took too long, and the worker goes on with the next one.

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
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
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
