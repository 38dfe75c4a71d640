"""Score many documents: streaming in, streaming out, in parallel, resumable.

``run(inputs, output, ...)`` is what ``jdmatch batch`` calls. Inputs are read
lazily (folders, globs, CSV or JSON-lines files of postings, or JSON lines on
stdin); results are appended to ``<output>.part`` chunk by chunk and the file
is renamed to ``output`` when the run completes, so a finished file is never
confused with a partial one. A run that was interrupted, even by SIGKILL, is
continued with ``resume=True``: ids already written are skipped and a torn last
line is cut off. A document that cannot be read, takes too long or is too large
becomes a row with status ``error``; the run goes on.
"""

from __future__ import annotations

import csv
import glob
import io
import json
import math
import os
import signal
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from jdmatch.errors import JdmatchError, display_path
from jdmatch.extract import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES

COLUMNS = ("id", "source", "title", "score", "coverage", "similarity", "top_skills", "missing_core", "status", "error")
DEFAULT_TIMEOUT = 60.0
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class BatchError(JdmatchError):
    """The batch cannot start (bad input, an output that would be overwritten, ...)."""


@dataclass(frozen=True, slots=True)
class Item:
    """One document to score: a file to read, or text from a CSV/JSONL row."""

    id: str
    source: str
    title: str = ""
    path: str | None = None
    text: str | None = None
    error: str | None = None  # known bad before reading (bad JSON line, link outside the folder)


@dataclass
class Summary:
    """What a run saw: counts, score distribution, demanded and missing skills."""

    count: int = 0
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    # scores kept as counts per 0.01 point: quantiles without a list that grows with the inputs
    score_counts: Counter[int] = field(default_factory=Counter)
    score_sum: float = 0.0
    demanded: Counter[str] = field(default_factory=Counter)
    missing: Counter[str] = field(default_factory=Counter)
    names: dict[str, str] = field(default_factory=dict)
    top: list[tuple[float, str, str]] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, row: dict[str, Any]) -> None:
        self.count += 1
        if row["status"] != "ok":
            self.failed += 1
            if len(self.failures) < 1000:
                self.failures.append((row["source"], row["error"]))
            return
        self.ok += 1
        score = float(row["score"])
        self.score_counts[round(score * 100)] += 1
        self.score_sum += score
        for sid, name in row.get("_skills", ()):
            self.demanded[sid] += 1
            self.names[sid] = name
        for sid, name in row.get("_missing", ()):
            self.missing[sid] += 1
            self.names[sid] = name
        self.top.append((score, row["id"], row["title"] or row["source"]))
        if len(self.top) > 200:
            self.top.sort(reverse=True)
            del self.top[20:]

    def best(self, n: int = 10) -> list[tuple[float, str, str]]:
        return sorted(self.top, reverse=True)[:n]

    def to_dict(self, *, top_skills: int = 30) -> dict[str, Any]:
        dist: dict[str, Any] = {}
        n = sum(self.score_counts.values())
        if n:
            keys = sorted(self.score_counts)

            def value(rank: int) -> float:  # the rank-th smallest score (0-based)
                seen = 0
                for k in keys:
                    seen += self.score_counts[k]
                    if seen > rank:
                        return k / 100
                return keys[-1] / 100

            def q(p: float) -> float:
                pos = (n - 1) * p
                lo, hi = math.floor(pos), math.ceil(pos)
                return round(value(lo) + (value(hi) - value(lo)) * (pos - lo), 2)

            hist = [0] * 10
            for k, c in self.score_counts.items():
                hist[min(9, int(k // 1000))] += c
            dist = {"min": keys[0] / 100, "p25": q(0.25), "median": q(0.5), "p75": q(0.75), "max": keys[-1] / 100,
                    "mean": round(self.score_sum / n, 2), "histogram": {f"{10 * i}-{10 * i + 10}": c for i, c in enumerate(hist)}}
        ok = max(self.ok, 1)
        return {
            "count": self.count, "ok": self.ok, "failed": self.failed, "skipped_already_done": self.skipped,
            "seconds": round(self.seconds, 2), "score_distribution": dist,
            "most_demanded_skills": [{"id": s, "name": self.names.get(s, s), "postings": n, "share": round(n / ok, 4)} for s, n in self.demanded.most_common(top_skills)],
            "most_missing_skills": [{"id": s, "name": self.names.get(s, s), "postings": n, "share": round(n / ok, 4)} for s, n in self.missing.most_common(top_skills)],
            "top": [{"id": i, "title": t, "score": round(s, 2)} for s, i, t in self.best(20)],
            "failures": [{"source": s, "error": e} for s, e in self.failures],
        }


# -- inputs ---------------------------------------------------------------------------------


def iter_items(inputs: Iterable[str], *, text_column: str | None = None, id_column: str | None = None,
               title_column: str | None = None, stdin: TextIO | None = None) -> Iterator[Item]:
    """Items from every input, lazily, in a stable order."""
    for spec in inputs:
        if spec == "-":
            yield from _rows_jsonl(stdin or sys.stdin, "<stdin>", text_column, id_column, title_column)
            continue
        path = Path(spec)
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file() and path.suffix.lower() in {".csv", ".tsv"}:
            with path.open(encoding="utf-8-sig", errors="replace", newline="") as fh:
                yield from _rows_csv(fh, spec, text_column, id_column, title_column, delimiter="\t" if path.suffix.lower() == ".tsv" else ",")
        elif path.is_file() and path.suffix.lower() in {".jsonl", ".ndjson"}:
            with path.open(encoding="utf-8", errors="replace") as fh:
                yield from _rows_jsonl(fh, spec, text_column, id_column, title_column)
        elif path.is_file() or path.is_symlink():
            yield Item(id=spec, source=spec, path=spec)
        elif glob.has_magic(spec):
            matched = sorted(glob.iglob(spec, recursive=True))
            if not matched:
                raise BatchError(f"no file matches {spec!r}")
            for m in matched:
                if Path(m).is_file():
                    yield Item(id=m, source=m, path=m)
        else:
            raise BatchError(f"no such file or folder: {display_path(spec)}")


def _walk(root: Path) -> Iterator[Item]:
    """Supported files under ``root``, sorted; links are not followed out of it."""
    real_root = root.resolve()
    for folder, dirs, files in os.walk(root, followlinks=False, onerror=None):
        dirs.sort()
        for name in sorted(files):
            p = Path(folder) / name
            rel = str(p.relative_to(root))
            if p.suffix.lower() not in SUPPORTED_SUFFIXES:
                continue
            if p.is_symlink():
                try:
                    target = p.resolve(strict=True)
                except (OSError, RuntimeError):
                    yield Item(id=rel, source=str(p), error="a broken or looping symbolic link; not read")
                    continue
                if not target.is_relative_to(real_root):
                    yield Item(id=rel, source=str(p), error="a symbolic link to a file outside the input folder; not read")
                    continue
            yield Item(id=rel, source=str(p), path=str(p))


def _pick(row: dict[str, Any], wanted: str | None, choices: tuple[str, ...]) -> str | None:
    if wanted:
        return wanted
    lower = {k.lower(): k for k in row if isinstance(k, str)}
    return next((lower[c] for c in choices if c in lower), None)


def _row_item(row: dict[str, Any], where: str, number: int, text_column: str | None, id_column: str | None, title_column: str | None) -> Item:
    tcol = _pick(row, text_column, ("text", "description", "body", "content", "posting", "job_description"))
    icol = _pick(row, id_column, ("id", "job_id", "posting_id", "uid"))
    hcol = _pick(row, title_column, ("title", "job_title", "position", "name"))
    rid = str(row.get(icol) if icol and row.get(icol) not in (None, "") else f"{where}:{number}")
    title = str(row.get(hcol) or "") if hcol else ""
    text = row.get(tcol) if tcol else None
    if not isinstance(text, str):
        missing = text_column or "text"
        return Item(id=rid, source=f"{where}:{number}", title=title, error=f"no text in column {missing!r}; choose it with --text-column")
    return Item(id=rid, source=f"{where}:{number}", title=title, text=text)


def _rows_csv(fh: TextIO, where: str, text_column: str | None, id_column: str | None, title_column: str | None, *, delimiter: str = ",") -> Iterator[Item]:
    csv.field_size_limit(1 << 30)
    reader = csv.DictReader(fh, delimiter=delimiter)
    if text_column and reader.fieldnames is not None and text_column not in reader.fieldnames:
        raise BatchError(f"{where} has no column {text_column!r}; its columns are: {', '.join(reader.fieldnames)}")
    for number, row in enumerate(reader, 2):
        yield _row_item(row, where, number, text_column, id_column, title_column)


def _rows_jsonl(fh: TextIO, where: str, text_column: str | None, id_column: str | None, title_column: str | None) -> Iterator[Item]:
    for number, line in enumerate(fh, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Item(id=f"{where}:{number}", source=f"{where}:{number}", error=f"not valid JSON ({exc.msg})")
            continue
        if not isinstance(row, dict):
            yield Item(id=f"{where}:{number}", source=f"{where}:{number}", error="a JSON line must be an object")
            continue
        yield _row_item(row, where, number, text_column, id_column, title_column)


# -- scoring one item (in a worker) ------------------------------------------------------------

_matcher: Any = None
_settings: dict[str, Any] = {}


class _Timeout(BaseException):
    """Raised into a document that ran out of time (a BaseException, so that the
    readers' own broad error handling does not swallow it)."""


def _on_alarm(signum: int, frame: Any) -> None:
    raise _Timeout()


class _TimeLimit:
    """Interrupt the current document after ``seconds``.

    In a process's main thread (local workers) a SIGALRM timer does it; in other
    threads (Dask workers run tasks in threads) a timer thread raises the same
    exception asynchronously in the working thread. Either way the document's row
    says it took too long, and the worker goes on with the next one.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._timer: Any = None
        self._previous: Any = None

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

        def fire() -> None:
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), ctypes.py_object(_Timeout))

        self._timer = threading.Timer(self.seconds, fire)
        self._timer.daemon = True
        self._timer.start()

    def stop(self) -> None:
        if self._previous is not None:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous)
            self._previous = None
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None


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


def init_worker(profile: Any, job: Any, lexicon: Any, timeout: float, max_bytes: int | None, pdf_engine: str, memory_mb: int | None,
                as_of: Any = None, parent: int | None = None) -> None:
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
    _matcher = Matcher(profile if job is None else None, job=job, lexicon=folder, extra_lexicon=extra, as_of=as_of)
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
    return {"id": item.id, "source": item.source, "title": item.title, "score": "", "coverage": "", "similarity": "",
            "top_skills": "", "missing_core": "", "status": "error", "error": message}


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
    limit = _TimeLimit(timeout)
    stage = "reading"
    try:
        limit.start()
        if item.path is not None:
            from jdmatch.extract import read_document

            doc = read_document(item.path, pdf_engine=_settings.get("pdf_engine", "pdfminer"), max_bytes=_settings.get("max_bytes", DEFAULT_MAX_BYTES))
            if not item.title:
                row["title"] = str(doc.fields.get("title") or "")[:120] or _first_line(doc.text)  # JSON-LD, else <h1>/<title>
        else:
            from jdmatch.models import Document

            text = item.text or ""
            max_bytes = _settings.get("max_bytes")
            if max_bytes is not None and len(text) > max_bytes:
                raise JdmatchError(f"the text is over the {max_bytes} byte limit; raise it with --max-size", path=item.source)
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
            core = _settings["core"] = {s.id for g in _matcher.profile.groups if g.core for s in g.skills}
        values = dict(
            score=round(result.score, 2), coverage=round(result.coverage, 4), similarity=round(result.similarity, 4),
            top_skills="; ".join(m.name for m in result.matched[:8]),
            missing_core="; ".join([_missing_name(m) for m in result.missing if m.id in core][:5]),
            status="ok",
            _skills=[(sid, _matcher.scorer._names().get(sid, sid)) for sid, _ in result.skills if _label(sid) != "soft_skill"],
            # a group of alternatives is one missing thing, whichever member would have added most here
            _missing=[(f"group:{m.group}" if m.alternatives else m.id, _missing_name(m)) for m in result.missing if m.id in core][:10],
        )
    except _Timeout:
        row["error"] = f"took longer than the {timeout:g} s limit per document (while {stage}); skipped"
        return row
    except JdmatchError as exc:
        row["error"] = exc.message
        return row
    except MemoryError:
        row["error"] = f"needed more memory than the per-worker limit allows (while {stage}); skipped"
        return row
    except RecursionError:
        row["error"] = f"nests too deeply to read (while {stage}); skipped"
        return row
    except Exception as exc:  # a bug must not take the batch down; the row says what happened and where
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


# -- output ---------------------------------------------------------------------------------------


def _safe_cell(value: Any) -> str:
    """A CSV cell that a spreadsheet shows as text: no formula start, no line breaks."""
    text = "" if value is None else str(value)
    text = text.encode("utf-8", "replace").decode("utf-8")  # lone surrogates become "?"
    text = text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
    if (text.startswith(_FORMULA_START) and not _is_number(text)) or text.startswith("'"):
        text = "'" + text
    return text


def unescape_cell(text: str) -> str:
    """The value of a cell written by :func:`_safe_cell` (one leading quote removed)."""
    return text[1:] if text.startswith("'") else text


def read_rows(path: str | os.PathLike[str]) -> Iterator[dict[str, str]]:
    """Rows of a batch output (.csv or .jsonl), with CSV cells un-neutralized."""
    p = Path(path)
    if p.suffix.lower() == ".csv":
        with p.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                yield {k: unescape_cell(v) for k, v in row.items()}
    else:
        with p.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


class ResultWriter:
    """Appends rows to ``<output>.part`` (CSV or JSON lines), flushing each chunk to disk."""

    def __init__(self, part: Path, fmt: str) -> None:
        self.part = part
        self.fmt = fmt
        new = not part.exists() or part.stat().st_size == 0
        self.fh = part.open("a", encoding="utf-8", newline="")
        if fmt == "csv":
            self.csv = csv.writer(self.fh, lineterminator="\n")
            if new:
                self.csv.writerow(COLUMNS)
        self.rows = 0

    def write(self, rows: Iterable[dict[str, Any]]) -> None:
        for row in rows:
            if self.fmt == "csv":
                self.csv.writerow([_safe_cell(row.get(c, "")) for c in COLUMNS])
            else:
                self.fh.write(json.dumps({c: row.get(c, "") for c in COLUMNS}, ensure_ascii=True) + "\n")
            self.rows += 1

    def flush(self) -> None:
        self.fh.flush()
        os.fsync(self.fh.fileno())

    def close(self) -> None:
        self.flush()
        self.fh.close()


def read_done(part: Path, fmt: str) -> set[str]:
    """Ids already written to a partial output; a torn last line is cut off first."""
    if not part.exists():
        return set()
    data = part.read_bytes()
    keep = data.rfind(b"\n") + 1 if not data.endswith(b"\n") else len(data)
    if fmt == "jsonl":
        # the last complete line may still be damaged (a crash between write and flush)
        lines = data[:keep].splitlines(keepends=True)
        good = 0
        ids = set()
        for line in lines:
            try:
                ids.add(str(json.loads(line)["id"]))
            except (ValueError, KeyError, TypeError):
                break
            good += len(line)
        keep = good
    else:
        ids = set()
        text = data[:keep].decode("utf-8", errors="replace")
        reader = csv.reader(io.StringIO(text))
        header = next(reader, None)
        if header is not None and list(header) != list(COLUMNS):
            raise BatchError(f"{display_path(part)} is not a jdmatch batch file (unexpected columns); move it away or use --force")
        for record in reader:
            if record:
                ids.add(unescape_cell(record[0]))
    if keep != len(data):
        with part.open("r+b") as fh:
            fh.truncate(keep)
    return ids


# -- the runner ---------------------------------------------------------------------------------


def run(
    inputs: Iterable[str],
    output: str | os.PathLike[str],
    *,
    profile: Any = "backend-engineer",
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
    if isinstance(job, os.PathLike):  # read once here: a missing posting stops the run before it starts
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
            raise BatchError(f"{display_path(what)} exists; --resume continues it, --force starts over")
        elif out.exists():
            if part.exists():
                raise BatchError(f"both {display_path(out)} and {display_path(part)} exist; remove one")
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
    settings = dict(profile=profile if job is None else "backend-engineer", job=job, lexicon=lexicon, timeout=timeout,
                    max_bytes=max_bytes, pdf_engine=pdf_engine, memory_mb=memory_mb, as_of=as_of)
    items = iter_items(inputs, text_column=text_column, id_column=id_column, title_column=title_column, stdin=stdin)

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
                raise BatchError(f"cannot write to {display_path(part)} ({exc.strerror or exc}); what was written so far stays there") from None
            for row in rows:
                summary.add(row)
                trace = row.pop("_traceback", None)
                if trace and log is not None:
                    if log_fh is None:
                        log_fh = open(log, "a", encoding="utf-8")
                    log_fh.write(f"--- {display_path(row['id'])} ({display_path(row['source'])}): {row['error']}\n{trace}\n")
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


def available_cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _chunks(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _init_args(settings: dict[str, Any], parent: int | None = None) -> tuple[Any, ...]:
    return (settings["profile"], settings["job"], settings["lexicon"], settings["timeout"], settings["max_bytes"], settings["pdf_engine"],
            settings["memory_mb"], settings.get("as_of"), parent)


def _run_local(chunks: Iterator[list[Item]], settings: dict[str, Any], workers: int) -> Iterator[list[dict[str, Any]]]:
    """Chunks scored in worker processes, yielded in input order, with a bounded number in flight."""
    if workers <= 1:
        init_worker(*_init_args({**settings, "memory_mb": None}))
        signal.signal(signal.SIGINT, signal.default_int_handler)
        for chunk in chunks:
            yield score_items(chunk)
        return
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context("spawn")
    limit = settings["timeout"] or DEFAULT_TIMEOUT

    def new_pool(n: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=n, mp_context=ctx, initializer=init_worker, initargs=_init_args(settings, os.getpid()))

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


def _collect(pending: deque, pool: Any, new_pool: Callable[[int], Any], workers: int, limit: float) -> tuple[list[dict[str, Any]], Any]:
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
        return error_row(item, "the worker reading this document crashed or hung (memory or time limit); skipped")
    finally:
        for proc in list(getattr(pool, "_processes", {}).values()):
            proc.kill()
        pool.shutdown(wait=False, cancel_futures=True)


# -- Dask -----------------------------------------------------------------------------------------

_dask_key: tuple[Any, ...] | None = None


def _dask_score_chunk(items: list[Item], args: tuple[Any, ...]) -> list[dict[str, Any]]:
    """Runs on a Dask worker: build the matcher once per worker process, then score."""
    global _dask_key
    if _dask_key != args:
        _init_dask_worker(args)
        _dask_key = args
    return score_items(items)


def _init_dask_worker(args: tuple[Any, ...]) -> None:
    profile, job, lexicon, timeout, max_bytes, pdf_engine, _memory, as_of, _parent = args
    _settings.clear()
    _settings.update(timeout=timeout, max_bytes=max_bytes, pdf_engine=pdf_engine)
    _renew_matcher(profile, job, lexicon, as_of)


def _dask_rows(client: Any, future: Any, chunk: list[Item], args: tuple[Any, ...]) -> list[dict[str, Any]]:
    """A chunk's rows; if its worker died, each document is retried alone and the culprit recorded."""
    try:
        return future.result()
    except Exception:
        rows = []
        for item in chunk:
            try:
                rows.extend(client.submit(_dask_score_chunk, [item], args, pure=False).result())
            except Exception as exc:
                rows.append(error_row(item, f"the Dask worker reading this document failed ({type(exc).__name__}); skipped"))
        return rows


def _run_dask(chunks: Iterator[list[Item]], settings: dict[str, Any], workers: int | None, scheduler: str | None) -> Iterator[list[dict[str, Any]]]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise BatchError("the dask engine needs dask.distributed: pip install 'jdmatch[dask]'") from None
    cluster = None
    if scheduler:
        client = Client(scheduler, timeout="30s")
    else:
        cluster = LocalCluster(n_workers=workers or available_cores(), threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=40)
        client = Client(cluster)
    args = _init_args(settings)
    window = 4 * max(1, len(client.scheduler_info().get("workers", {})) or (workers or 2))
    try:
        pending: deque[tuple[Any, list[Item]]] = deque()
        for chunk in chunks:
            pending.append((client.submit(_dask_score_chunk, chunk, args, pure=False), chunk))
            while len(pending) >= window:
                yield _dask_rows(client, *pending.popleft(), args)
        while pending:
            yield _dask_rows(client, *pending.popleft(), args)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
