"""Extraction on this machine: in this process, or in `jobs` forked worker processes."""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Iterator
from functools import partial

from extractor.batching import work
from extractor.batching.engines import chunks
from extractor.batching.work import ArticleResult, Settings
from extractor.extraction import extractor_for


def run_local(paths: list[str], settings: Settings, jobs: int) -> Iterator[ArticleResult]:
    """Yield one result per path, in input order."""
    # Load once here: forked workers inherit the loaded pipeline instead of loading their own.
    extractor_for(settings.model)
    if jobs <= 1 or len(paths) <= settings.batch_size:
        yield from work.article_results(paths, settings)
        return
    yield from _run_forked(paths, settings, jobs)


def _run_forked(paths: list[str], settings: Settings, jobs: int) -> Iterator[ArticleResult]:
    context = multiprocessing.get_context("fork")
    extract_chunk = partial(work.extract_paths, settings=settings)
    # Move the loaded pipeline out of the collector's reach: otherwise each worker's first
    # garbage collection touches every object and copies the parent's memory page by page.
    gc.freeze()
    with context.Pool(processes=jobs) as pool:
        for results in pool.imap(extract_chunk, chunks(paths, settings)):
            yield from results
