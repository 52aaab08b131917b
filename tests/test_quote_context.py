"""Quotation marks, dashed speech and colon lines are found over the text; each gets its tokens
once, when the quotes component makes its QuoteContext, and the finders read those tokens."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractor.quoting.context import QuoteContext

from .conftest import ROOT

HEADLINE = "Talks in Berlin\n\n"


def _context(nlp: Language, doc: Doc) -> QuoteContext:
    quotes = nlp.get_pipe("extractor_quotes")
    return QuoteContext(doc, quotes.cues, quotes.settings, quotes.words)


def _text(words: Span | Token | None) -> str | None:
    return None if words is None else words.text


def test_quotation_marks_have_their_tokens(nlp: Language, annotate: Callable[[str], Doc]) -> None:
    context = _context(nlp, annotate(HEADLINE + "The minister said:“We will answer,” he added.\n"))
    assert [
        (_text(t.whole), _text(t.inner), _text(t.before)) for t in context.marked_tokens.values()
    ] == [("“We will answer,”", "We will answer,", ":")]


def test_dashed_speech_has_its_tokens_and_its_attribution_start(
    nlp: Language, annotate: Callable[[str], Doc]
) -> None:
    context = _context(nlp, annotate(HEADLINE + "- We will answer firmly - the chancellor said.\n"))
    assert [(_text(d.words), _text(d.cue)) for d in context.dashed] == [
        ("We will answer firmly", "the")
    ]


def test_a_colon_line_has_its_speaker_and_statement_tokens(
    nlp: Language, annotate: Callable[[str], Doc]
) -> None:
    text = HEADLINE + "Sikorski: Putin would do well if he considered the invasion an error.\n"
    context = _context(nlp, annotate(text))
    assert [
        (text[line.statement_start : line.statement_end], _text(line.speaker_words))
        for line in context.colon_lines
    ] == [("Putin would do well if he considered the invasion an error", "Sikorski")]
    assert [_text(line.statement_words) for line in context.colon_lines] == [
        "Putin would do well if he considered the invasion an error"
    ]


def test_only_the_context_turns_characters_into_tokens() -> None:
    """The finders read the tokens the context gave; none converts characters again."""
    calls = [
        f"{path.relative_to(ROOT).as_posix()}:{number}"
        for path in sorted((ROOT / "src" / "extractor").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\.char_span\(|\bwords_over\(|\btoken_at\(", line)
        and path.name != "context.py"
    ]
    assert calls == []
