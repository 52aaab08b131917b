"""Extraction on a Dask distributed cluster: the same per-chunk function as the local engine.

Each worker runs `work.extract_paths`, loading the pipeline once (`extraction.extractor_for`),
and returns serialized outputs; this process writes them. Chunks are submitted a bounded window
ahead and collected in order, so memory stays flat and JSONL output is in input order,
identical to the local engine's.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from extractor.batching import work
from extractor.batching.engines import chunks
from extractor.batching.reading import article_id
from extractor.batching.work import ArticleResult, Settings

CHUNKS_IN_FLIGHT_PER_WORKER = 4


class DaskUnavailable(Exception):
    """Dask is not installed, or the scheduler cannot be reached."""


def run_dask(
    paths: list[str], settings: Settings, jobs: int, scheduler: str | None
) -> Iterator[ArticleResult]:
    """Yield one result per path, in input order."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise DaskUnavailable(
            "the dask engine needs dask[distributed]: pip install 'extractor[dask]'"
        ) from None
    cluster: Any = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="5s")
        else:
            cluster = LocalCluster(
                n_workers=max(1, jobs),
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            )
            client = Client(cluster)
    except OSError as error:  # TimeoutError included
        raise DaskUnavailable(f"cannot reach Dask scheduler {scheduler}: {error}") from None
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        yield from _collect(client, paths, settings, workers * CHUNKS_IN_FLIGHT_PER_WORKER)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _collect(
    client: Any, paths: list[str], settings: Settings, window: int
) -> Iterator[ArticleResult]:
    pending: deque[tuple[list[str], Any]] = deque()
    for chunk in chunks(paths, settings):
        future = client.submit(work.extract_paths, chunk, settings, pure=False)
        pending.append((chunk, future))
        if len(pending) >= window:
            yield from _results(*pending.popleft())
    while pending:
        yield from _results(*pending.popleft())


def _results(chunk: list[str], future: Any) -> list[ArticleResult]:
    try:
        return list(future.result())
    except Exception as error:
        reason = f"worker failed: {type(error).__name__}: {error}"
        return [
            ArticleResult(path, article_id(Path(path)), "failed", error=f"{path}: {reason}")
            for path in chunk
        ]
