"""Photo credits, bylines and agency lines: text that names people who are not in the story."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from extractor import lexicon

_REGIONS_KEY = "extractor.credit_regions"


@dataclass(frozen=True)
class CreditLimits:
    """How long a credit or a byline may be, with the defaults: settings of each component
    that skips credits (people, organizations), written here once."""

    # The most words of a line that is a byline or an agency line ("Reporting by ...").
    max_byline_words: int = 15
    # The most characters inside the parentheses of a photo credit ("(John Thys/AFP via Getty
    # Images)").
    max_credit_chars: int = 300


@dataclass(frozen=True)
class CreditWords:
    """The words that mark a credit ("Getty Images"), a byline ("reporting by") and a byline's
    opening ("by"), loaded once by the component that skips them, with its limits."""

    credit_markers: tuple[str, ...]
    byline_markers: tuple[str, ...]
    byline_openers: tuple[tuple[str, ...], ...]
    limits: CreditLimits

    @classmethod
    def load(cls, limits: CreditLimits) -> CreditWords:
        return cls(
            tuple(lexicon.lower_set("credit_markers.txt")),
            tuple(lexicon.lower_set("byline_markers.txt")),
            tuple(tuple(opener.split()) for opener in lexicon.lower_set("byline_openers.txt")),
            limits,
        )


def doc_credit_regions(doc: Doc, words: CreditWords) -> list[range]:
    """`credit_regions` of a Doc's text, worked out once per Doc (and per limits, should two
    components be given different ones)."""
    limits = words.limits
    key = f"{_REGIONS_KEY}:{limits.max_byline_words}:{limits.max_credit_chars}"
    cached = doc.user_data.get(key)
    if cached is None:
        cached = doc.user_data[key] = credit_regions(doc.text, words)
    return cached


def credit_regions(text: str, credit_words: CreditWords) -> list[range]:
    """Return character ranges of photo credits ("(John Thys/AFP via Getty Images)"), bylines
    and agency lines ("The Associated Press contributed to this report")."""
    credit_markers = credit_words.credit_markers
    byline_markers = credit_words.byline_markers
    byline_openers = credit_words.byline_openers
    max_byline_words = credit_words.limits.max_byline_words
    parentheses = re.compile(rf"\(([^()\n]{{0,{credit_words.limits.max_credit_chars}}})\)")
    regions: list[range] = []
    for match in parentheses.finditer(text):
        content = match.group(1)
        if "/" in content or any(_has_word(content.lower(), m) for m in credit_markers):
            regions.append(range(match.start(), match.end()))
    offset = 0
    for written in text.splitlines(keepends=True):
        line = written.lower()  # for matching only: lower() may change a line's length
        words = line.split()
        if words and (
            (
                len(words) <= max_byline_words
                and any(tuple(words[: len(o)]) == o for o in byline_openers)
            )
            or (len(words) <= max_byline_words and any(_has_word(line, m) for m in byline_markers))
        ):
            regions.append(range(offset, offset + len(written)))
        offset += len(written)
    return regions


def _has_word(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None


def skipped(span: Span, credits: list[range]) -> bool:
    """True when no name or organization is taken from a span: it starts in page furniture
    (its first token flagged by the furniture component) or in one of the `credits` (character
    ranges of credits and bylines, `doc_credit_regions`)."""
    return (len(span) > 0 and span[0]._.is_furniture) or any(span.start_char in r for r in credits)
