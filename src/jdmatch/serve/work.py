"""The CPU side of the server: one matcher and one thread per worker process.

Every piece of CPU work (reading a document, recognizing, scoring) runs in a
single thread beside the event loop, so the loop keeps accepting connections,
streaming uploads and answering ``/healthz`` while a document is scored. One
thread is enough: the work is Python under the GIL, and one thread at a time
also keeps the shared spaCy vocabulary safe. Each task runs under the same
per-document time limit as ``jdmatch batch`` (:class:`jdmatch.engine.TimeLimit`);
the worker process's address space is capped as batch caps its workers.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from jdmatch.engine import DocumentTimeout, TimeLimit
from jdmatch.errors import JdmatchError
from jdmatch.profile import DEFAULT_PROFILE

T = TypeVar("T")


class ServeError(JdmatchError):
    """A request the server cannot answer with a result; ``status`` is its HTTP status."""

    status = 400


class BadRequestError(ServeError):
    """A field is missing, or a value is not what the API takes."""

    status = 400


class UnauthorizedError(ServeError):
    """The request has no token, or the wrong one."""

    status = 401


class NotFoundError(ServeError):
    status = 404


class MethodNotAllowedError(ServeError):
    status = 405


class UnsupportedMediaTypeError(ServeError):
    """The request body is neither multipart/form-data nor JSON."""

    status = 415


class MemoryLimitError(ServeError):
    """Reading or scoring the document needed more memory than the worker may use."""

    status = 503


class TimeLimitError(ServeError):
    """Reading or scoring the document took longer than the per-document limit."""

    status = 504


def set_memory_limit(memory_mb: int | None) -> bool:
    """Cap this process's address space at ``memory_mb`` MiB, as batch does for its workers."""
    if not memory_mb:
        return False
    try:
        import resource

        limit = memory_mb * 1024 * 1024
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY and hard < limit:
            limit = hard
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
        return True
    except (ImportError, ValueError, OSError):
        return False


# spaCy's vocabulary keeps every new word it meets, so a server that ran for days would grow
# with everything it read; as batch workers do, a worker starts fresh matchers once the shared
# vocabulary has grown by RENEW_STRINGS strings (jdmatch.batch.worker), or after this many tasks
RENEW_EVERY = 50_000


class Worker:
    """The matchers of one worker process and the thread that runs their work."""

    def __init__(self, *, timeout: float = 60.0, renew_every: int = RENEW_EVERY) -> None:
        self.timeout = timeout
        self.renew_every = renew_every
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="jdmatch-cpu")
        self._matchers: dict[str, Any] = {}
        self._busy_since: float | None = None
        self._done = 0
        self._strings: int | None = None  # the shared vocabulary's size once fully loaded

    # -- running work -------------------------------------------------------------------

    async def run(self, fn: Callable[..., T], *args: Any, limit: bool = True) -> T:
        """Run ``fn(*args)`` in the worker's thread, under the time limit, without blocking the loop."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            self._pool, self._guarded, fn, args, self.timeout if limit else 0.0
        )

    def _guarded(self, fn: Callable[..., T], args: tuple[Any, ...], seconds: float) -> T:
        limit = TimeLimit(seconds)  # in this thread, not the main one: a timer thread raises it
        self._busy_since = time.monotonic()
        try:
            try:
                limit.start()
                try:
                    return fn(*args)
                finally:
                    limit.stop()  # nothing is raised after it returns; an expiry just before, in it
            except DocumentTimeout:
                raise TimeLimitError(
                    f"took longer than the {seconds:g} s limit per document; not scored"
                ) from None
            except MemoryError:
                raise MemoryLimitError(
                    "needed more memory than the server's per-worker limit allows; not scored"
                ) from None
            except RecursionError:
                raise JdmatchError("nests too deeply to read") from None
        finally:
            self._busy_since = None
            self._done += 1
            if self._done >= self.renew_every or self._grown():
                self._renew()

    def _grown(self) -> bool:
        """Whether the shared recognizer's vocabulary has grown by RENEW_STRINGS strings since its
        patterns were all loaded (no recognizer yet: nothing has grown)."""
        from jdmatch.batch.worker import vocabulary_grown
        from jdmatch.recognize import default_recognizer

        if not self._matchers or not default_recognizer.cache_info().currsize:
            return False
        self._strings, grown = vocabulary_grown(default_recognizer(), self._strings)
        return grown

    def _renew(self) -> None:
        """Drop the matchers and the shared recognizer (and the vocabulary they grew); the next task builds new ones."""
        from jdmatch.recognize import default_recognizer

        self._matchers.clear()
        default_recognizer.cache_clear()
        self._done = 0
        self._strings = None

    def stuck(self) -> bool:
        """True when one task has run well past the time limit (hung in native code)."""
        since = self._busy_since
        return (
            since is not None and self.timeout > 0 and time.monotonic() - since > self.timeout + 30
        )

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

    # -- the matchers (called in the worker thread) --------------------------------------

    def matcher(self, profile: str = DEFAULT_PROFILE) -> Any:
        """The matcher for a shipped profile, built once."""
        found = self._matchers.get(profile)
        if found is None:
            from jdmatch.matcher import Matcher

            found = Matcher(profile)
            found.score("warm up")
            self._matchers[profile] = found
        return found

    def job_matcher(self, posting: Any) -> Any:
        """A matcher that scores against one posting (a Document); it shares the default lexicon."""
        from jdmatch.matcher import Matcher

        return Matcher(job=posting)
