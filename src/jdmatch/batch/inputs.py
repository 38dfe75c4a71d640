"""Items to score, read lazily: folders, globs, CSV and JSON-lines files, stdin."""

from __future__ import annotations

import csv
import glob
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from jdmatch.batch.common import BatchError, Item
from jdmatch.errors import display_path
from jdmatch.extract import SUPPORTED_SUFFIXES

# -- inputs ---------------------------------------------------------------------------------


def iter_items(
    inputs: Iterable[str],
    *,
    text_column: str | None = None,
    id_column: str | None = None,
    title_column: str | None = None,
    stdin: TextIO | None = None,
) -> Iterator[Item]:
    """Items from every input, lazily, in a stable order."""
    for spec in inputs:
        if spec == "-":
            yield from _rows_jsonl(
                stdin or sys.stdin, "<stdin>", text_column, id_column, title_column
            )
            continue
        path = Path(spec)
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file() and path.suffix.lower() in {".csv", ".tsv"}:
            with path.open(encoding="utf-8-sig", errors="replace", newline="") as fh:
                yield from _rows_csv(
                    fh,
                    spec,
                    text_column,
                    id_column,
                    title_column,
                    delimiter="\t" if path.suffix.lower() == ".tsv" else ",",
                )
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
                    yield Item(
                        id=rel, source=str(p), error="a broken or looping symbolic link; not read"
                    )
                    continue
                if not target.is_relative_to(real_root):
                    yield Item(
                        id=rel,
                        source=str(p),
                        error="a symbolic link to a file outside the input folder; not read",
                    )
                    continue
            yield Item(id=rel, source=str(p), path=str(p))


def _pick(lower: dict[str, str], wanted: str | None, choices: tuple[str, ...]) -> str | None:
    """The column asked for, else the first of ``choices`` among the row's (``lower``: lower-cased name -> name)."""
    if wanted:
        return wanted
    return next((lower[c] for c in choices if c in lower), None)


def _row_item(
    row: dict[str, Any],
    where: str,
    number: int,
    text_column: str | None,
    id_column: str | None,
    title_column: str | None,
) -> Item:
    lower = (
        {}
        if text_column and id_column and title_column
        else {k.lower(): k for k in row if isinstance(k, str)}
    )
    tcol = _pick(
        lower, text_column, ("text", "description", "body", "content", "posting", "job_description")
    )
    icol = _pick(lower, id_column, ("id", "job_id", "posting_id", "uid"))
    hcol = _pick(lower, title_column, ("title", "job_title", "position", "name"))
    rid = str(row.get(icol) if icol and row.get(icol) not in (None, "") else f"{where}:{number}")
    title = str(row.get(hcol) or "") if hcol else ""
    text = row.get(tcol) if tcol else None
    if not isinstance(text, str):
        missing = text_column or "text"
        return Item(
            id=rid,
            source=f"{where}:{number}",
            title=title,
            error=f"no text in column {missing!r}; choose it with --text-column",
        )
    return Item(id=rid, source=f"{where}:{number}", title=title, text=text)


def _rows_csv(
    fh: TextIO,
    where: str,
    text_column: str | None,
    id_column: str | None,
    title_column: str | None,
    *,
    delimiter: str = ",",
) -> Iterator[Item]:
    csv.field_size_limit(1 << 30)
    reader = csv.DictReader(fh, delimiter=delimiter)
    if text_column and reader.fieldnames is not None and text_column not in reader.fieldnames:
        raise BatchError(
            f"{where} has no column {text_column!r}; its columns are: {', '.join(reader.fieldnames)}"
        )
    for number, row in enumerate(reader, 2):
        yield _row_item(row, where, number, text_column, id_column, title_column)


def _rows_jsonl(
    fh: TextIO, where: str, text_column: str | None, id_column: str | None, title_column: str | None
) -> Iterator[Item]:
    for number, line in enumerate(fh, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Item(
                id=f"{where}:{number}",
                source=f"{where}:{number}",
                error=f"not valid JSON ({exc.msg})",
            )
            continue
        if not isinstance(row, dict):
            yield Item(
                id=f"{where}:{number}",
                source=f"{where}:{number}",
                error="a JSON line must be an object",
            )
            continue
        yield _row_item(row, where, number, text_column, id_column, title_column)
