"""The Dask engine: the same chunks scored on a Dask cluster (``--engine dask``)."""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Iterator
from typing import Any

from jdmatch.batch.common import BatchError, Item
from jdmatch.batch.worker import BatchWorker, error_row, worker_settings
from jdmatch.engine import available_cores

# -- Dask -----------------------------------------------------------------------------------------


class _ProcessWorker:
    """The :class:`BatchWorker` of this Dask worker process, kept between tasks of the same run.

    Dask runs tasks in a long-lived worker process, not one started for the run, so
    the worker is built by the first task that brings these settings and reused by
    the next ones; a task with other settings (another run) builds a new one.
    """

    settings: dict[str, Any] | None = None
    worker: BatchWorker | None = None

    @classmethod
    def get(cls, settings: dict[str, Any]) -> BatchWorker:
        if cls.worker is None or cls.settings != settings:
            cls.worker = None
            cls.worker = BatchWorker(**settings)
            cls.settings = settings
        return cls.worker


def _dask_score_chunk(items: list[Item], settings: dict[str, Any]) -> list[dict[str, Any]]:
    """Runs on a Dask worker: build the worker once per worker process, then score."""
    return _ProcessWorker.get(settings).score_items(items)


def _dask_rows(
    client: Any, future: Any, chunk: list[Item], settings: dict[str, Any]
) -> list[dict[str, Any]]:
    """A chunk's rows; if its worker died, each document is retried alone and the culprit recorded."""
    try:
        return future.result()
    except Exception:
        rows = []
        for item in chunk:
            try:
                rows.extend(client.submit(_dask_score_chunk, [item], settings, pure=False).result())
            except Exception as exc:
                rows.append(
                    error_row(
                        item,
                        f"the Dask worker reading this document failed ({type(exc).__name__}); skipped",
                    )
                )
        return rows


def _run_dask(
    chunks: Iterator[list[Item]],
    settings: dict[str, Any],
    workers: int | None,
    scheduler: str | None,
) -> Iterator[list[dict[str, Any]]]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise BatchError(
            "the dask engine needs dask.distributed: pip install 'jdmatch[dask]'"
        ) from None
    if not scheduler:
        first = next(chunks, None)
        if (
            first is None
        ):  # nothing left to score (a resumed run that was done): no cluster to start
            return
        chunks = itertools.chain([first], chunks)
    cluster = None
    if scheduler:
        client = Client(scheduler, timeout="30s")
    else:
        cluster = LocalCluster(
            n_workers=workers or available_cores(),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=40,
        )
        client = Client(cluster)
    args = worker_settings(settings)
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
