"""The per-article work: an article's text through the pipeline to its output model.

`Extractor.outputs` is that work for a handful of articles; finding and reading the files,
skipping outputs that are current and serializing what is new belong to the batch
(`batching/work.py`), which every engine runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from extractor.batching.reading import Article
from extractor.output import ArticleOutput, PipelineInfo, build_output
from extractor.pipeline import DEFAULT_MODEL, build_pipeline, pipeline_info


@dataclass(frozen=True)
class ModelSettings:
    """The pipeline articles are extracted with: the same settings give the same outputs."""

    name: str = DEFAULT_MODEL  # an installed spaCy pipeline with a parser and NER
    # None: the fitted threshold leaves unsure speakers null; 0: every speaker a sieve found is
    # named, with its confidence (what training and cross-validation start from).
    min_speaker_confidence: float | None = None
    # Any other setting of a component that differs from its factory's default, as
    # (component, setting, value): (("extractor_quotes", "max_pronoun_distance", 800),). A
    # tuple, so that equal settings are one key and load their pipeline once.
    component_settings: tuple[tuple[str, str, Any], ...] = ()

    def pipeline_config(self) -> dict[str, dict[str, Any]]:
        """Return the component settings these model settings override."""
        config: dict[str, dict[str, Any]] = {}
        for component, setting, value in self.component_settings:
            config.setdefault(component, {})[setting] = value
        if self.min_speaker_confidence is not None:
            config.setdefault("extractor_quotes", {})["min_confidence"] = (
                self.min_speaker_confidence
            )
        return config


class ExtractionError(Exception):
    """The pipeline failed on one article; the message names the file and the error."""

    def __init__(self, article: Article, error: Exception) -> None:
        super().__init__(f"{article.path}: extraction failed: {type(error).__name__}: {error}")


class Extractor:
    """A loaded pipeline and what it records in every output it makes."""

    def __init__(self, settings: ModelSettings, nlp: Language) -> None:
        self.settings = settings
        self.nlp = nlp
        self.pipeline = PipelineInfo(**pipeline_info(self.nlp))

    def outputs(self, articles: Sequence[Article]) -> list[ArticleOutput | ExtractionError]:
        """Return each article's output, in order, or the error that stopped it: the texts go
        through one `nlp.pipe`, and an article that breaks it does not sink the others."""
        docs: list[Doc | None]
        try:
            docs = list(self.nlp.pipe(article.text for article in articles))
        except Exception:
            # One article that breaks the pipe must not sink its batch: redo them one by one.
            docs = [None] * len(articles)
        return [self._output(article, doc) for article, doc in zip(articles, docs, strict=True)]

    def _output(self, article: Article, doc: Doc | None) -> ArticleOutput | ExtractionError:
        try:
            if doc is None:
                doc = self.nlp(article.text)
            return build_output(doc, article, self.pipeline)
        except Exception as error:  # reported for this article; the batch goes on
            return ExtractionError(article, error)
        finally:
            if doc is not None:
                # The records on the Doc hold Spans of the Doc itself: a reference cycle that
                # the collector frees late, and a Doc is large, so a long batch would grow.
                doc.user_data.clear()


_extractors: dict[ModelSettings, Extractor] = {}


def extractor_for(settings: ModelSettings) -> Extractor:
    """Return the Extractor for `settings`, loading each pipeline once per process."""
    if settings not in _extractors:
        nlp = build_pipeline(settings.name, settings.pipeline_config())
        _extractors[settings] = Extractor(settings, nlp)
    return _extractors[settings]
