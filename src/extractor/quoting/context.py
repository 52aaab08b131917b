"""What finding quotes in one Doc needs to share: the text's paragraphs, its quotation marks,
dashes and colon lines, each with its tokens; the cue verbs, the settings, and the speaker
resolver; and the speech events found so far."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from extractor.quoting.cues import Cues
from extractor.quoting.dashes import DashSpeech, dash_spans
from extractor.quoting.marks import MarkedSpan, paragraphs, quoted_spans
from extractor.quoting.settings import QuoteSettings
from extractor.quoting.speakers import Speaker, SpeakerResolver
from extractor.quoting.words import QuoteWords


@dataclass
class SpeechEvent:
    """One quote: where its text is, what kind it is, who said it and which words say so."""

    kind: str  # "direct", "partial" or "indirect"
    start: int
    end: int
    paragraph: int
    tokens: Span  # the tokens covering text[start:end]
    speaker: Speaker | None = None
    cue: Span | None = None  # the speech verb ("said"), or "according to"
    attributed: bool = False  # a cue or dash was found, even if the speaker stays unnamed
    rule: str | None = None  # the sieve that decided the speaker (or that nobody is named)
    marks: MarkedSpan | None = None  # for quotes in quotation marks

    def first_token(self) -> Token | None:
        """The token the text starts in; None when it starts on the space after a token
        ("“ Putin is ...”"), which no token holds."""
        return self.tokens[0] if self.start >= self.tokens.start_char else None

    def last_token(self) -> Token | None:
        """The token the text ends in; None when it ends on the space after a token."""
        return self.tokens[-1] if self.end <= self.tokens.end_char else None


@dataclass(frozen=True)
class MarkedTokens:
    """The tokens of a quote in quotation marks (a `MarkedSpan`)."""

    # The quote with its marks: the first token holds the opening mark, the last the closing
    # one (a mark is never a space, so some token holds it).
    whole: Span | None
    inner: Span | None  # the text between the marks
    # The token over the last character before the opening mark that is no space: "said" in
    # 'said “We ...' as in 'said,“We ...'.
    before: Token | None


@dataclass(frozen=True)
class DashedSpeech:
    """Speech set off by dashes, outside quotation marks, with its tokens."""

    speech: DashSpeech
    words: Span | None  # the tokens covering the speech
    cue: Token | None  # the token the attribution after the closing dash starts in, if any


@dataclass(frozen=True)
class ColonLine:
    """A short paragraph that gives a speaker, a colon and their words ("Sikorski: Putin would
    do well if he considered the invasion an error"): text[statement_start:statement_end] is
    the statement, without the line's closing stop. `colon_lines.py` reads who speaks."""

    statement_start: int
    statement_end: int
    speaker_words: Span | None  # the tokens before the colon
    statement_words: Span | None  # the tokens of the statement


class QuoteContext:
    def __init__(self, doc: Doc, cues: Cues, settings: QuoteSettings, words: QuoteWords) -> None:
        self.doc = doc
        self.text = doc.text
        self.cues = cues
        self.settings = settings
        self.words = words
        # Paragraphs, quotation marks, dashes and colon lines are found over the text, not over
        # tokens: each is given the tokens that cover it here, once (`_words_over`), and the
        # finders read those.
        self.paragraphs = paragraphs(self.text)
        self.paragraph_starts = [start for start, _ in self.paragraphs]
        self.paragraph_words = [self._words_over(start, end) for start, end in self.paragraphs]
        self.marked = [m for m in quoted_spans(self.text, settings) if self._has_words(m)]
        self.marked_tokens = {
            m: MarkedTokens(
                self._words_over(m.open, m.end),
                self._words_over(*m.inner),
                self._token_at(_last_written_before(self.text, m.open)),
            )
            for m in self.marked
        }
        # Speech set off by dashes, outside quotation marks: its words are a quote's too.
        self.dashed = [
            DashedSpeech(
                d,
                self._words_over(d.start, d.end),
                None if d.cue_start is None else self._token_at(d.cue_start),
            )
            for d in dash_spans(self.text, words.dash_cues, settings)
            if not any(m.open <= d.end and d.start <= m.end for m in self.marked)
        ]
        self.colon_lines = [
            ColonLine(
                statement_start,
                statement_end,
                self._words_over(start, colon),
                self._words_over(statement_start, statement_end),
            )
            for start, colon, statement_start, statement_end in _colon_lines(
                self.text, self.paragraphs, settings
            )
        ]
        self.quote_of_token: dict[int, int] = {}
        quoted = [(m.open, m.end) for m in self.marked] + [
            (d.speech.start, d.speech.end) for d in self.dashed
        ]
        spans = [self.marked_tokens[m].whole for m in self.marked] + [d.words for d in self.dashed]
        for number, span in enumerate(spans):
            for token in span or []:
                self.quote_of_token.setdefault(token.i, number)
        self.memo: dict[str, object] = {}  # what sieves work out once per document
        self.resolver = SpeakerResolver(doc, sorted(quoted), settings, words)

    def _has_words(self, marks: MarkedSpan) -> bool:
        start, end = marks.inner
        return any(ch.isalnum() for ch in self.text[start:end])

    def opening_mark(self, marks: MarkedSpan) -> Token | None:
        """The token of a quote's opening mark."""
        words = self.marked_tokens[marks].whole
        return words[0] if words is not None and len(words) else None

    def closing_mark(self, marks: MarkedSpan) -> Token | None:
        """The token of a quote's closing mark; None for a quote left open."""
        words = self.marked_tokens[marks].whole
        return words[-1] if marks.closed and words is not None and len(words) else None

    def paragraph_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.paragraph_starts, char) - 1)

    def _words_over(self, start: int, end: int) -> Span | None:
        """The tokens that cover text[start:end], a position found in the text (quotation
        marks, dashes, a paragraph, a colon); None when no token does."""
        return self.doc.char_span(start, end, alignment_mode="expand")

    def _token_at(self, char: int) -> Token | None:
        """The token over a character the text's marks point at ("“", a dash)."""
        span = self._words_over(char, char + 1)
        return span[0] if span is not None and len(span) else None

    def in_quote(self, token: Token) -> bool:
        return token.i in self.quote_of_token

    def resolve(
        self, subject: Token | None, quote: tuple[int, int] | None = None
    ) -> Speaker | None:
        """The speaker a subject names; for a quote's speaker, pass the quote's span, so that
        a pronoun does not point to someone the quote itself names."""
        if subject is None:
            return None
        excluding = frozenset() if quote is None else self.people_named_in(*quote)
        return self.resolver.resolve(subject, excluding | self.hearers_of(subject))

    def hearers_of(self, subject: Token) -> frozenset[str]:
        """The people a speech verb is said to address: "He also told Blinken that ...", "she
        assured Scholz": a pronoun subject is never the person its own verb speaks to."""
        verb = subject.head
        if subject.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ not in ("VERB", "AUX"):
            return frozenset()
        hearers = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        hearers += [
            o
            for p in verb.children
            if p.dep_ in ("prep", "dative") and p.lower_ == "to"
            for o in p.children
            if o.dep_ == "pobj"
        ]
        person_at = self.resolver.person_at
        return frozenset(
            person_at[t.i] for hearer in hearers for t in hearer.subtree if t.i in person_at
        )

    def people_named_in(self, start: int, end: int) -> frozenset[str]:
        return frozenset(
            person.id
            for person in self.resolver.people.values()
            if any(start <= m.start_char and m.end_char <= end for m in person.mentions)
        )


def _colon_lines(
    text: str, paragraphs: list[tuple[int, int]], settings: QuoteSettings
) -> Iterator[tuple[int, int, int, int]]:
    """(start, colon, statement start, statement end) of each paragraph shaped as a colon
    line: a few words, a colon and space not far into it, then at least a few words that do
    not open with a quotation mark (a quote in marks is found as one). The line is read as
    text (its colon, the statement's stripped end); `colon_lines.py` asks its tokens."""
    for start, end in paragraphs:
        line = text[start:end]
        colon = line.find(": ")
        if (
            colon <= 0
            or colon > settings.colon_speaker_chars
            or len(line.split()) > settings.colon_line_max_words
        ):
            continue
        statement_start = start + colon + 2
        statement_end = start + len(line.rstrip().rstrip(".!"))
        words = text[statement_start:statement_end].split()
        if len(words) < settings.colon_statement_min_words or text[statement_start] in "\"“‘'":
            continue
        yield start, start + colon, statement_start, statement_end


def _last_written_before(text: str, position: int) -> int:
    """The position of the last character before `position` that is no space (0 if none)."""
    before = position - 1
    while before > 0 and text[before].isspace():
        before -= 1
    return max(0, before)
