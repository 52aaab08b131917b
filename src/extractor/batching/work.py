"""The unit of work every engine runs: a chunk of article paths read, extracted, serialized.

`extract_paths` is what the local engine's worker processes and the Dask workers run. It
returns serialized outputs, so whoever writes the files never needs spaCy; an output that is
already current is skipped before its article is parsed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from extractor.batching.reading import (
    DEFAULT_MAX_BYTES,
    Article,
    ArticleError,
    article_id,
    read_article,
)
from extractor.batching.writing import OutputSettings, is_current, output_path, serialized
from extractor.extraction import ExtractionError, Extractor, ModelSettings, extractor_for
from extractor.output import ArticleOutput


@dataclass(frozen=True)
class Settings:
    """What an engine needs to extract and write articles the same way anywhere: the model
    (`ModelSettings`), the output (`OutputSettings`), the largest article read, and how many
    articles go through the pipeline at once."""

    model: ModelSettings = field(default_factory=ModelSettings)
    output: OutputSettings = field(default_factory=OutputSettings)
    max_bytes: int = DEFAULT_MAX_BYTES
    batch_size: int = 4


@dataclass
class ArticleResult:
    path: str
    article_id: str
    status: str  # "done", "skipped" or "failed"
    error: str | None = None
    data: bytes | None = None
    words: int = 0
    people: int = 0
    quotes: int = 0
    troops: int = 0


def extract_paths(paths: list[str], settings: Settings) -> list[ArticleResult]:
    """Extract a chunk of articles: the unit of work of every engine."""
    return list(article_results(paths, settings))


def article_results(paths: Iterable[str], settings: Settings) -> Iterator[ArticleResult]:
    """Yield one result per path, in order, holding at most one batch of texts at a time."""
    extractor = extractor_for(settings.model)
    for batch in batches(paths, settings.batch_size):
        yield from _batch_results(extractor, batch, settings)


def _batch_results(
    extractor: Extractor, paths: list[str], settings: Settings
) -> list[ArticleResult]:
    results: dict[int, ArticleResult] = {}
    articles: list[tuple[int, Article]] = []
    for index, path in enumerate(paths):
        outcome = _read(path, extractor, settings)
        if isinstance(outcome, ArticleResult):
            results[index] = outcome
        else:
            articles.append((index, outcome))
    outputs = extractor.outputs([article for _, article in articles])
    for (index, article), output in zip(articles, outputs, strict=True):
        if isinstance(output, ExtractionError):
            results[index] = ArticleResult(article.path, article.id, "failed", error=str(output))
        else:
            results[index] = _done(article, output, settings.output)
    return [results[i] for i in range(len(paths))]


def _read(path: str, extractor: Extractor, settings: Settings) -> Article | ArticleResult:
    identity = article_id(Path(path))
    try:
        article = read_article(Path(path), settings.max_bytes)
    except ArticleError as error:
        return ArticleResult(path, identity, "failed", error=str(error))
    if _current(article, extractor, settings.output):
        return ArticleResult(path, identity, "skipped")
    return article


def _current(article: Article, extractor: Extractor, output: OutputSettings) -> bool:
    """Whether the output already written for `article` came from the same bytes and pipeline."""
    if output.force or output.jsonl or output.out_dir is None:
        return False
    target = output_path(Path(output.out_dir), article.id)
    return is_current(target, article.sha256, extractor.pipeline.model_dump())


def _done(article: Article, output: ArticleOutput, settings: OutputSettings) -> ArticleResult:
    """The result of a done article: its serialized output and what it counts."""
    return ArticleResult(
        path=article.path,
        article_id=article.id,
        status="done",
        data=serialized(output, settings),
        words=output.article.words,
        people=len(output.people),
        quotes=len(output.quotes),
        troops=len(output.troop_figures),
    )


def batches(items: Iterable[str], largest: int) -> Iterator[list[str]]:
    """Split items into batches of 1, 2, 4, ... up to `largest`: the first output is written
    after one article, and later batches are large enough for the parser to run at speed."""
    iterator = iter(items)
    size = 1
    while batch := list(islice(iterator, size)):
        yield batch
        size = min(largest, size * 2)
