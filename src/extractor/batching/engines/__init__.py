"""Engines run `work.extract_paths` over many articles: locally or on a Dask cluster."""

from __future__ import annotations

from collections.abc import Iterator

from extractor.batching.work import Settings, batches


def chunks(paths: list[str], settings: Settings) -> Iterator[list[str]]:
    """Split the paths into the chunks each task extracts in one pipe."""
    return batches(paths, settings.batch_size)
