"""How sure an attribution is: a logistic model over the evidence for the speaker a sieve chose.

The evidence is what any attribution has, whether it comes from a Doc or from an output file:
the sieve that decided it and the kind of words that named the speaker (`rule`), the quote's
kind, whether the speaker is a person, how far the naming words stand from the quote, how much
of the article is about the speaker (salience), and how many other people were named just
before the quote (ambiguity). The weights are fitted on the gold articles (`make train`,
`extractor.training.attribution`) and stored in `models/attribution_weights.json` with the
threshold below which the speaker is left null: a wrong speaker is worse than a missing one,
and with the reaches the features were computed with (`FeatureReaches`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from extractor import lexicon

CharSpan = tuple[int, int]


@dataclass(frozen=True)
class FeatureReaches:
    """How far the features look. The weights hold for the reaches they were fitted with, so
    these are stored with them in models/attribution_weights.json: changing one means refitting."""

    # How far (in characters) before a quote other people's names make its speaker less certain.
    nearby_chars: int
    # How many paragraphs make the lead, in which the speaker's being named counts ("in_lead").
    lead_paragraphs: int


@dataclass(frozen=True)
class Attribution:
    """One quote with a named speaker, as plain values."""

    kind: str
    rule: str | None
    speaker: str
    speaker_id: str | None
    speaker_mention: CharSpan | None
    cue: CharSpan | None
    start: int
    end: int


@dataclass(frozen=True)
class ArticleFacts:
    """What the features need of the whole article."""

    text: str
    person_mentions: Mapping[str, Sequence[CharSpan]]  # person id -> mention spans
    lead_end: int  # where the first `reaches.lead_paragraphs` paragraphs end
    reaches: FeatureReaches

    @classmethod
    def of(
        cls,
        text: str,
        person_mentions: Mapping[str, Sequence[CharSpan]],
        reaches: FeatureReaches,
    ) -> ArticleFacts:
        lines = [i for i, ch in enumerate(text) if ch == "\n"]
        filled = 0
        lead_end = len(text)
        previous = -1
        for index in [*lines, len(text)]:
            if text[previous + 1 : index].strip():
                filled += 1
                if filled == reaches.lead_paragraphs:
                    lead_end = index
                    break
            previous = index
        return cls(text, person_mentions, lead_end, reaches)


def features(quote: Attribution, article: ArticleFacts) -> dict[str, float]:
    sieve, _, how = (quote.rule or "none").partition(":")
    found: dict[str, float] = {
        f"sieve={sieve}": 1.0,
        f"how={how or 'none'}": 1.0,
        f"kind={quote.kind}": 1.0,
        "cue": 1.0 if quote.cue is not None else 0.0,
        "words": math.log1p(len(article.text[quote.start : quote.end].split())) / 5,
    }
    if quote.speaker_mention is not None:
        start, end = quote.speaker_mention
        inside = quote.start <= start and end <= quote.end
        gap = 0 if inside else max(quote.start - end, start - quote.end, 0)
        found["mention_inside_quote"] = 1.0 if inside else 0.0
        found["mention_gap"] = math.log1p(gap) / 10
    else:
        found["no_mention"] = 1.0
    mentions = article.person_mentions
    total = sum(len(spans) for spans in mentions.values()) or 1
    if quote.speaker_id is not None and quote.speaker_id in mentions:
        own = mentions[quote.speaker_id]
        found["person"] = 1.0
        found["salience"] = len(own) / total
        found["mentions"] = math.log1p(len(own)) / 3
        found["in_lead"] = 1.0 if any(start < article.lead_end for start, _ in own) else 0.0
    else:
        found["organization"] = 1.0
    nearby = {
        person
        for person, spans in mentions.items()
        if any(
            quote.start - article.reaches.nearby_chars <= start < quote.start for start, _ in spans
        )
    }
    found["others_nearby"] = math.log1p(len(nearby - {quote.speaker_id})) / 2
    return found


@dataclass(frozen=True)
class ConfidenceModel:
    weights: Mapping[str, float]
    intercept: float
    threshold: float
    reaches: FeatureReaches  # what the features were computed with for the fit

    def confidence(self, values: Mapping[str, float]) -> float:
        score = self.intercept + sum(self.weights.get(k, 0.0) * v for k, v in values.items())
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, score))))

    def to_json(self) -> str:
        data = {
            "about": "Logistic weights for how sure an attribution is; refit with `make train`.",
            "nearby_chars": self.reaches.nearby_chars,
            "lead_paragraphs": self.reaches.lead_paragraphs,
            "threshold": round(self.threshold, 4),
            "intercept": round(self.intercept, 6),
            "weights": {k: round(v, 6) for k, v in sorted(self.weights.items())},
        }
        return json.dumps(data, indent=1, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> ConfidenceModel:
        return cls.from_mapping(json.loads(text))

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> ConfidenceModel:
        return cls(
            dict(data["weights"]),
            float(data["intercept"]),
            float(data["threshold"]),
            FeatureReaches(int(data["nearby_chars"]), int(data["lead_paragraphs"])),
        )


def load_model() -> ConfidenceModel | None:
    """The committed model, or None before one has been fitted."""
    data = lexicon.attribution_weights()
    return None if data is None else ConfidenceModel.from_mapping(data)
