"""The library under the CLI: run a batch of articles from Python, without the command line.

    from pathlib import Path
    from extractor import ModelSettings, OutputSettings, Settings, extract_batch

    settings = Settings(model=ModelSettings("en_core_web_md"), output=OutputSettings(force=True))
    outcome = extract_batch([Path("seeds/")], Path("outputs"), settings, jobs=2)
    print(outcome.summary.done, outcome.input_errors, outcome.summary.errors)

The CLI's `extract PATH` parses its options and calls this; progress, tables and exit codes
stay in the CLI.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from extractor.batching.run import Engine, Summary, find_articles, run_batch
from extractor.batching.work import ArticleResult, Settings
from extractor.extraction import extractor_for


@dataclass
class BatchOutcome:
    summary: Summary  # done, skipped and failed articles with counts and one error line each
    input_errors: list[str] = field(default_factory=list)  # paths that named no article


def select_engine(name: str = "local", jobs: int = 1, scheduler: str | None = None) -> Engine:
    """The engine that runs the extraction: "local" (this machine, `jobs` processes) or "dask"
    (a local cluster of `jobs` workers, or the scheduler at `scheduler`)."""
    if name == "dask":
        from extractor.batching.engines.dask import (
            run_dask,  # imports dask only when it is asked for
        )

        return lambda paths, settings: run_dask(paths, settings, jobs, scheduler)
    if name != "local":
        raise ValueError(f"unknown engine {name!r}: local or dask")
    from extractor.batching.engines.local import run_local

    return lambda paths, settings: run_local(paths, settings, jobs)


def extract_batch(
    inputs: list[Path],
    out_dir: Path,
    settings: Settings | None = None,
    engine: str = "local",
    jobs: int = 1,
    scheduler: str | None = None,
    on_result: Callable[[ArticleResult], None] = lambda result: None,
) -> BatchOutcome:
    """Extract the articles that `inputs` (files, or folders of *.txt) name into `out_dir`.

    Bad articles are counted and described in the summary, never raised; a model that cannot
    be loaded raises `pipeline.ModelError`, an unreachable Dask scheduler
    `batching.engines.dask.DaskUnavailable`, an output folder that cannot be written `OSError`.
    """
    chosen = settings or Settings()
    paths, input_errors = find_articles(inputs)
    run = select_engine(engine, jobs, scheduler)
    if engine == "local" and paths:
        extractor_for(chosen.model)  # load the model first: words/s then measures the work
    summary = run_batch(paths, out_dir, chosen, run, on_result)
    return BatchOutcome(summary, input_errors)
