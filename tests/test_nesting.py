"""A partial quote inside reported speech points at that indirect quote (`within`)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from extractor.annotations import QuoteRecord
from extractor.batching.reading import Article
from extractor.output import PipelineInfo, build_output
from extractor.quoting.nesting import with_nesting

from .excerpts import excerpt

# One character a token, so that a quote's tokens and its characters are the same numbers.
_LETTERS = Doc(Vocab(), words=["x"] * 100, spaces=[False] * 100)


def _quote(kind: str, start: int, end: int, within: int | None = None) -> QuoteRecord:
    return QuoteRecord(kind=kind, words=_LETTERS[start:end], within=within)


NESTING_CASES = [
    ("partial-inside-indirect", [_quote("indirect", 10, 60), _quote("partial", 30, 40)], [None, 0]),
    (
        "narrowest-of-two-indirect",
        [_quote("indirect", 0, 100), _quote("indirect", 20, 50), _quote("partial", 30, 40)],
        [None, None, 1],
    ),
    ("partial-on-the-edges", [_quote("indirect", 10, 60), _quote("partial", 10, 60)], [None, 0]),
    ("partial-outside", [_quote("indirect", 10, 60), _quote("partial", 70, 80)], [None, None]),
    (
        "partial-crossing-the-end",
        [_quote("indirect", 10, 60), _quote("partial", 50, 70)],
        [None, None],
    ),
    ("direct-is-not-nested", [_quote("indirect", 10, 60), _quote("direct", 30, 40)], [None, None]),
    (
        "partial-inside-partial-only",
        [_quote("partial", 10, 60), _quote("partial", 30, 40)],
        [None, None],
    ),
    (
        "a-within-already-set-is-kept",
        [_quote("indirect", 0, 100), _quote("indirect", 20, 50), _quote("partial", 30, 40, 0)],
        [None, None, 0],
    ),
]


@pytest.mark.parametrize(
    ("quotes", "expected"),
    [case[1:] for case in NESTING_CASES],
    ids=[case[0] for case in NESTING_CASES],
)
def test_partial_gets_the_indirect_quote_it_lies_in(
    quotes: list[QuoteRecord], expected: list[int | None]
) -> None:
    nested = with_nesting(quotes)
    assert [q.within for q in nested] == expected
    assert [(q.kind, q.offsets()) for q in nested] == [(q.kind, q.offsets()) for q in quotes]


def test_output_keeps_both_and_links_the_partial(annotate: Callable[[str], Doc]) -> None:
    # 000: "... insisting that the report, which was published by CNN, was “not true” ..."
    text = excerpt("000", "insisting that the report")
    doc = annotate(text)
    article = Article(id="x", path="x.txt", text=text, sha256="0", encoding="utf-8")
    output = build_output(doc, article, PipelineInfo(extractor="t", model="m", rules="r"))
    by_text = {q.text: q for q in output.quotes}
    partial = by_text["not true"]
    assert partial.kind == "partial"
    holder = next(q for q in output.quotes if q.id == partial.within)
    assert holder.kind == "indirect"
    assert holder.start <= partial.start and partial.end <= holder.end
    assert "“not true”" in holder.text


def _said(
    kind: str, start: int, end: int, speaker: str | None, confidence: float | None = None
) -> QuoteRecord:
    quote = _quote(kind, start, end)
    quote.speaker, quote.rule, quote.confidence = speaker, "rule", confidence
    return quote


def test_a_fragment_nobody_was_found_for_is_said_by_its_report() -> None:
    report = _said("indirect", 10, 60, "Volodymyr Zelensky", 0.97)
    nested = with_nesting([report, _said("partial", 30, 40, None), _said("partial", 70, 80, None)])
    assert [(q.speaker, q.rule, q.confidence) for q in nested[1:]] == [
        ("Volodymyr Zelensky", "within-report", 0.97),
        (None, "rule", None),  # outside any report
    ]


def test_a_fragment_whose_speaker_the_gate_left_out_stays_null() -> None:
    report = _said("indirect", 10, 60, "Volodymyr Zelensky", 0.97)
    gated = _said("partial", 30, 40, None, confidence=0.41)
    assert with_nesting([report, gated])[1].speaker is None
