"""Which indirect quote a partial quote lies in, worked out once from the quotes' offsets.

"He called on the West not to create “panic”" is one piece of reported speech with a quoted
fragment inside it: both are kept, and the partial points at the indirect quote (`within`) so
that a reader, a report or a count can take the words once.
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
    return nested
