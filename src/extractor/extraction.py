"""The per-article work every engine runs: read, parse, annotate, build the output.

`Extractor.extract` is that work; `extract_paths`, its form for a chunk of paths, is what the
local engine's worker processes and the Dask workers run. Both return serialized outputs, so
whoever writes the files never needs spaCy.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from extractor.batching.reading import (
    DEFAULT_MAX_BYTES,
    Article,
    ArticleError,
    article_id,
    read_article,
)
from extractor.batching.writing import is_current, output_path, to_json, to_json_line
from extractor.output import ArticleOutput, PipelineInfo, build_output
from extractor.pipeline import DEFAULT_MODEL, build_pipeline, pipeline_info


@dataclass(frozen=True)
class Settings:
    """What an engine needs to know to extract articles the same way anywhere."""

    model: str = DEFAULT_MODEL
    max_bytes: int = DEFAULT_MAX_BYTES
    out_dir: str | None = None  # where current outputs may already be; None: never skip
    force: bool = False
    jsonl: bool = False
    batch_size: int = 4
    # None: the fitted threshold leaves unsure speakers null; 0: every speaker a sieve found is
    # named, with its confidence (what training and cross-validation start from).
    min_speaker_confidence: float | None = None


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


class Extractor:
    """A loaded pipeline and the settings to run it with."""

    def __init__(self, settings: Settings, nlp: Language) -> None:
        self.settings = settings
        self.nlp = nlp
        self.pipeline = PipelineInfo(**pipeline_info(self.nlp))

    def extract(self, paths: Iterable[str]) -> Iterator[ArticleResult]:
        """Yield one result per path, in order, holding at most one batch of texts at a time."""
        for batch in batches(paths, self.settings.batch_size):
            yield from self._extract_batch(batch)

    def _extract_batch(self, paths: list[str]) -> list[ArticleResult]:
        results: dict[int, ArticleResult] = {}
        articles: list[tuple[int, Article]] = []
        for index, path in enumerate(paths):
            outcome = self._read(path)
            if isinstance(outcome, ArticleResult):
                results[index] = outcome
            else:
                articles.append((index, outcome))
        docs: list[Doc | None]
        try:
            docs = list(self.nlp.pipe(a.text for _, a in articles))
        except Exception:
            # One article that breaks the pipe must not sink its batch: redo them one by one.
            docs = [None] * len(articles)
        for (index, article), doc in zip(articles, docs, strict=True):
            results[index] = self._annotated(article, doc)
        return [results[i] for i in range(len(paths))]

    def _read(self, path: str) -> Article | ArticleResult:
        identity = article_id(Path(path))
        try:
            article = read_article(Path(path), self.settings.max_bytes)
        except ArticleError as error:
            return ArticleResult(path, identity, "failed", error=str(error))
        if self._current(article):
            return ArticleResult(path, identity, "skipped")
        return article

    def _current(self, article: Article) -> bool:
        if self.settings.force or self.settings.jsonl or self.settings.out_dir is None:
            return False
        target = output_path(Path(self.settings.out_dir), article.id)
        return is_current(target, article.sha256, self.pipeline.model_dump())

    def _annotated(self, article: Article, doc: Doc | None) -> ArticleResult:
        try:
            if doc is None:
                doc = self.nlp(article.text)
            output = build_output(doc, article, self.pipeline)
        except Exception as error:  # reported for this article; the batch goes on
            reason = f"{article.path}: extraction failed: {type(error).__name__}: {error}"
            return ArticleResult(article.path, article.id, "failed", error=reason)
        return self.result_for(article, output)

    def result_for(self, article: Article, output: ArticleOutput) -> ArticleResult:
        data = to_json_line(output) if self.settings.jsonl else to_json(output)
        return ArticleResult(
            path=article.path,
            article_id=article.id,
            status="done",
            data=data,
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


_pipelines: dict[tuple[str, float | None], Language] = {}


def extractor_for(settings: Settings) -> Extractor:
    """Return an Extractor for `settings`, loading each model's pipeline once per process."""
    key = (settings.model, settings.min_speaker_confidence)
    if key not in _pipelines:
        config = (
            {}
            if settings.min_speaker_confidence is None
            else {"extractor_quotes": {"min_confidence": settings.min_speaker_confidence}}
        )
        _pipelines[key] = build_pipeline(settings.model, config)
    return Extractor(settings, _pipelines[key])


def extract_paths(paths: list[str], settings: Settings) -> list[ArticleResult]:
    """Extract a chunk of articles: the unit of work of every engine."""
    return list(extractor_for(settings).extract(paths))
