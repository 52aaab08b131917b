"""Which indirect quote a partial quote lies in, worked out once from the quotes' offsets.

"He called on the West not to create “panic”" is one piece of reported speech with a quoted
fragment inside it: both are kept, and the partial points at the indirect quote (`within`) so
that a reader, a report or a count can take the words once. A fragment no rule found a speaker
for is the words of whoever the report holding it is given to.
"""

from __future__ import annotations

from dataclasses import replace

from extractor.annotations import QuoteRecord


def with_nesting(quotes: list[QuoteRecord]) -> list[QuoteRecord]:
    """Return the quotes with `within` set on every partial quote inside an indirect quote.

    `within` is the index (in `quotes`) of the narrowest indirect quote whose span holds the
    partial's span; a `within` a component has already set is kept. The list order is kept.
    """
    indirect = [
        (index, quote.offsets()) for index, quote in enumerate(quotes) if quote.kind == "indirect"
    ]
    nested = []
    for quote in quotes:
        if quote.kind == "partial" and quote.within is None:
            start, end = quote.offsets()
            holders = [
                (outer_end - outer_start, index)
                for index, (outer_start, outer_end) in indirect
                if outer_start <= start and end <= outer_end
            ]
            if holders:
                quote = replace(quote, within=min(holders)[1])
        nested.append(quote)
    return [_spoken_by_its_report(quote, nested) for quote in nested]


def _spoken_by_its_report(quote: QuoteRecord, quotes: list[QuoteRecord]) -> QuoteRecord:
    """ "Zelensky warned a “catastrophe” at the plant would threaten Europe": the fragment is
    Zelensky's because the clause holding it is. Not where a rule named a speaker for the
    fragment that the confidence gate then left out: the evidence disagrees there."""
    if quote.within is None or quote.speaker is not None or quote.confidence is not None:
        return quote
    report = quotes[quote.within]
    if report.speaker is None:
        return quote
    return replace(
        quote,
        speaker=report.speaker,
        speaker_id=report.speaker_id,
        speaker_mention=report.speaker_mention,
        cue=quote.cue if quote.cue is not None else report.cue,
        rule="within-report",
        confidence=report.confidence,
    )
