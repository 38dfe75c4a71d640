"""Writing rows: CSV and JSON lines, safe cells, and what a partial output already holds."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from jdmatch.batch.common import _FORMULA_START, COLUMNS, BatchError
from jdmatch.errors import display_path

# -- output ---------------------------------------------------------------------------------------


def _safe_cell(value: Any) -> str:
    """A CSV cell that a spreadsheet shows as text: no formula start, no line breaks."""
    text = "" if value is None else str(value)
    if not text.isascii():
        text = text.encode("utf-8", "replace").decode("utf-8")  # lone surrogates become "?"
    if "\n" in text or "\r" in text:
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
                self.fh.write(
                    json.dumps({c: row.get(c, "") for c in COLUMNS}, ensure_ascii=True) + "\n"
                )
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
            raise BatchError(
                f"{display_path(part)} is not a jdmatch batch file (unexpected columns); move it away or use --force"
            )
        for record in reader:
            if record:
                ids.add(unescape_cell(record[0]))
    if keep != len(data):
        with part.open("r+b") as fh:
            fh.truncate(keep)
    return ids
