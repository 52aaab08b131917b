"""The last step of attribution: each named speaker gets a confidence from the fitted model,
and one below the threshold is left null (its rule and the words naming it are kept)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from extractor.annotations import QuoteRecord
from extractor.quoting.confidence import (
    ArticleFacts,
    Attribution,
    ConfidenceModel,
    features,
    load_model,
)


@dataclass(frozen=True)
class Gate:
    model: ConfidenceModel | None
    threshold: float

    @classmethod
    def load(cls, min_confidence: float | None) -> Gate:
        model = load_model()
        if min_confidence is not None:
            return cls(model, min_confidence)
        return cls(model, model.threshold if model is not None else 0.0)

    def apply(self, records: list[QuoteRecord], doc: Doc) -> None:
        if self.model is None:
            return
        mentions = {p.id: [_offsets(m) for m in p.mentions] for p in doc._.people or []}
        article = ArticleFacts.of(doc.text, mentions, self.model.reaches)
        for record in records:
            if record.speaker is None:
                continue
            values = features(attribution_of(record), article)
            record.confidence = round(self.model.confidence(values), 3)
            if record.confidence < self.threshold:
                record.speaker = record.speaker_id = None


def _offsets(span: Span) -> tuple[int, int]:
    # The model was fitted on the output's character offsets (training reads the JSON), so
    # it is given the same offsets here.
    return span.start_char, span.end_char


def _optional_offsets(span: Span | None) -> tuple[int, int] | None:
    return None if span is None else _offsets(span)


def attribution_of(record: QuoteRecord) -> Attribution:
    assert record.speaker is not None
    start, end = record.offsets()
    return Attribution(
        kind=record.kind,
        rule=record.rule,
        speaker=record.speaker,
        speaker_id=record.speaker_id,
        speaker_mention=_optional_offsets(record.speaker_mention),
        cue=_optional_offsets(record.cue),
        start=start,
        end=end,
    )
