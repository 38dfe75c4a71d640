"""Score many documents: streaming in, streaming out, in parallel, resumable.

``run(inputs, output, ...)`` is what ``jdmatch batch`` calls. Inputs are read
lazily (folders, globs, CSV or JSON-lines files of postings, or JSON lines on
stdin); results are appended to ``<output>.part`` chunk by chunk and the file
is renamed to ``output`` when the run completes, so a finished file is never
confused with a partial one. A run that was interrupted, even by SIGKILL, is
continued with ``resume=True``: ids already written are skipped and a torn last
line is cut off. A document that cannot be read, takes too long or is too large
becomes a row with status ``error``; the run goes on.

The modules: :mod:`.common` (columns, items, the error), :mod:`.inputs`,
:mod:`.worker` (the :class:`BatchWorker` of a worker process), :mod:`.writers`,
:mod:`.summary`, :mod:`.local` (the runner and the local process-pool engine) and
:mod:`.dask_engine`; the process machinery that knows no matcher is :mod:`jdmatch.engine`.
"""

from jdmatch.batch.common import COLUMNS, DEFAULT_TIMEOUT, BatchError, Item
from jdmatch.batch.inputs import _row_item, iter_items
from jdmatch.batch.local import run
from jdmatch.batch.summary import Summary
from jdmatch.batch.worker import (
    RENEW_EVERY,
    RENEW_STRINGS,
    STAGES,
    BatchWorker,
    error_row,
    start_worker,
    to_frame,
)
from jdmatch.batch.writers import ResultWriter, _safe_cell, read_done, read_rows, unescape_cell
from jdmatch.engine import available_cores, exit_with_parent

__all__ = [
    "COLUMNS",
    "DEFAULT_TIMEOUT",
    "RENEW_EVERY",
    "RENEW_STRINGS",
    "STAGES",
    "BatchError",
    "BatchWorker",
    "Item",
    "ResultWriter",
    "Summary",
    "_row_item",
    "_safe_cell",
    "available_cores",
    "error_row",
    "exit_with_parent",
    "iter_items",
    "read_done",
    "read_rows",
    "run",
    "start_worker",
    "to_frame",
    "unescape_cell",
]
