"""Read one hostile file in a process of its own, forked from a server that imported the readers once.

Every read runs in a fresh child under a 2 GiB address-space cap and a time limit, as a separate
interpreter would; forking from a ``multiprocessing`` fork server that has already imported
``jdmatch.extract`` (and pdfminer.six, python-docx, pypdfium2) spares each case the start of a
new interpreter and those imports.
"""

from __future__ import annotations

import multiprocessing
import resource
import time
from multiprocessing.connection import Connection
from typing import Any

# "__main__": the test runner's main module, imported once in the server instead of in every child
PRELOAD = [
    "__main__",
    "tests.hostile.reader",
    "jdmatch.extract",
    "jdmatch.extract.pdf",
    "jdmatch.extract.docx",
]
_CONTEXT: Any = None


def _context() -> Any:
    global _CONTEXT
    if _CONTEXT is None:
        _CONTEXT = multiprocessing.get_context("forkserver")
        _CONTEXT.set_forkserver_preload(PRELOAD)
    return _CONTEXT


def _child(
    conn: Connection, path: str, engine: str, contains: str, absent: list[str], cap: int
) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    out: dict[str, Any] = {}
    start = time.perf_counter()
    try:
        from jdmatch import read_document
        from jdmatch.errors import JdmatchError

        doc = read_document(path, pdf_engine=engine)
        text = doc.text
        out = {
            "outcome": "text",
            "length": len(text),
            "pages": doc.pages,
            "media_type": doc.media_type,
            "contains": (contains in text) if contains else True,
            "found_absent": [a for a in absent if a in text],
            "head": text[:160],
        }
    except MemoryError:
        out = {"outcome": "MemoryError"}
    except RecursionError as exc:
        out = {"outcome": "RecursionError", "message": str(exc)[:300]}
    except BaseException as exc:
        out = {
            "outcome": "raised",
            "type": type(exc).__name__,
            "jdmatch": isinstance(exc, JdmatchError),
            "message": str(exc)[:2000],
        }
    out["seconds"] = time.perf_counter() - start
    out["maxrss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    conn.send(out)
    conn.close()


def read_in_child(
    path: str, engine: str, contains: str, absent: list[str], *, cap: int, timeout: float
) -> dict[str, Any]:
    """What reading ``path`` did in a capped child: its outcome, or "timeout", "signal", "no-result"."""
    ctx = _context()
    receive, send = ctx.Pipe(duplex=False)
    start = time.perf_counter()
    proc = ctx.Process(target=_child, args=(send, path, engine, contains, absent, cap))
    proc.start()
    send.close()
    result: dict[str, Any] | None = None
    if receive.poll(timeout):
        try:
            result = receive.recv()
        except EOFError:  # the child died before it could answer
            result = None
    proc.join(5 if result is not None else 0.5)
    if proc.is_alive():
        proc.kill()
        proc.join()
        if result is None:
            return {"outcome": "timeout", "wall": time.perf_counter() - start}
    wall = time.perf_counter() - start
    if result is None:
        if proc.exitcode is not None and proc.exitcode < 0:
            return {"outcome": "signal", "signal": -proc.exitcode, "wall": wall, "stderr": ""}
        return {"outcome": "no-result", "returncode": proc.exitcode, "wall": wall, "stderr": ""}
    result.update(wall=wall, returncode=proc.exitcode, stderr="")
    return result
