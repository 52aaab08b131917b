"""Quotes in quotation marks: direct or partial, and the cue and speaker of each.

A quoted span is direct when it stands as a clause of its own (“We don’t need this panic,” he
added), partial when it is a fragment inside reported speech (called on the West not to
create “panic”). A fragment whose sentence reports no speech is a scare quote, a name or a
title, and is not a quote at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Span, Token

from extractor.linguistics.syntax import (
    SourcePhrases,
    in_capitals_line,
    source_phrase_from,
    word_span,
)
from extractor.quoting.context import QuoteContext, SpeechEvent
from extractor.quoting.cues import SUBJECT_DEPS, TIMESTAMP, inverted_subject
from extractor.quoting.marks import MarkedSpan
from extractor.quoting.speakers import Speaker

_SENTENCE_END = frozenset({".", "!", "?"})
_DASHES = frozenset({"-", "—", "–", "--"})
_OPENS_UNIT = '.!?:,;—–-”"…)'

Found = tuple[Token, Token | None]


class QuotedFinder:
    def __init__(self, context: QuoteContext) -> None:
        self.context = context
        self.doc = context.doc
        self.text = context.text
        self.words = context.words

    def events(self) -> list[SpeechEvent]:
        """Return the quotes in quotation marks, attributed where the text allows. A partial
        left unattributed is not yet known to be a quote: see `is_quote`."""
        events = [e for e in (self._event(m) for m in self.context.marked) if e is not None]
        for event in events:
            self._attribute(event)
        return events

    def _event(self, marks: MarkedSpan) -> SpeechEvent | None:
        start, end = marks.inner
        tokens = self.context.marked_tokens[marks].inner
        if tokens is None or len(tokens) == 0 or self._named_not_quoted(marks, tokens):
            return None
        return SpeechEvent(
            kind="direct" if self._stands_alone(marks, tokens) else "partial",
            start=start,
            end=end,
            paragraph=self.context.paragraph_of(marks.open),
            marks=marks,
            tokens=tokens,
        )

    def _named_not_quoted(self, marks: MarkedSpan, tokens: Span) -> bool:
        """ "the so-called “special military operation”", "the term “imminent”", and names of
        papers and programmes in title case: wrote in the "Sunday Times" newspaper."""
        reach = self.context.settings.non_quote_cue_chars
        before = self.text[max(0, marks.open - reach) : marks.open].lower().split()
        if before and (
            before[-1] in self.words.non_quote_cues
            or " ".join(before[-2:]) in self.words.non_quote_cues
        ):
            return True
        words = [t for t in tokens if t.is_alpha]
        return (
            not in_capitals_line(tokens[0])
            and 0 < len(words) <= self.context.settings.max_quoted_name_words
            and all(t.text[:1].isupper() for t in words)
            and not _is_clause(tokens)
        )

    def _stands_alone(self, marks: MarkedSpan, tokens: Span) -> bool:
        """A direct quote opens its sentence or follows a colon, comma, cue or "that", and
        holds a clause of its own; anything else quoted is a fragment (partial)."""
        paragraph_start = self.context.paragraphs[self.context.paragraph_of(marks.open)][0]
        before = self.text[paragraph_start : marks.open].rstrip()
        if before:
            words = before.split()
            # "... continues in Ukraine.1:13 “There is ...”": a video's timestamp opens a unit.
            opens_unit = (
                before[-1] in _OPENS_UNIT
                or words[-1].lower() == "that"
                or TIMESTAMP.search(words[-1].split(".")[-1]) is not None
            )
            if not opens_unit:
                previous = self._token_before(marks)
                opens_unit = previous is not None and self.context.cues.is_cue(previous)
            if not opens_unit:
                return False
        return _is_clause(tokens)

    def _token_before(self, marks: MarkedSpan) -> Token | None:
        """The last token before a quote's opening mark that is no space."""
        char = marks.open
        token = self.context.marked_tokens[marks].before
        while token is not None and token.i > 0 and (token.is_space or token.idx >= char):
            token = self.doc[token.i - 1]
        return token

    # -- attribution -----------------------------------------------------------------------

    def _attribute(self, event: SpeechEvent) -> None:
        """Find the cue and speaker of one quote, trying the surest patterns first."""
        finders: tuple[Callable[[SpeechEvent], Found | None], ...] = (
            (self._cue_introducing, self._cue_after, self._cue_before, self._governing_cue)
            if event.kind == "direct"
            else (self._governing_cue, self._cue_before, self._cue_after)
        )
        for find in finders:
            found = find(event)
            if found is not None:
                cue, subject = found
                event.attributed = True
                event.rule = FINDER_RULES[find.__name__]
                event.cue = word_span(cue)
                event.speaker = self.context.resolve(subject, self._own_words(event))
                return
        dashed = self._dash_speaker(event)
        if dashed is not None:
            event.attributed = True
            event.rule = "name-after-dash"
            event.speaker = dashed
            return
        if event.kind == "partial":
            found = self._cue_in_sentence(event)
            if found is not None:
                cue, subject = found
                event.attributed = True
                event.rule = "cue-in-sentence"
                event.cue = word_span(cue)
                event.speaker = self.context.resolve(subject, self._own_words(event))

    def _own_words(self, event: SpeechEvent) -> tuple[int, int] | None:
        """The quote's span when its marks close it within one paragraph: only then are the
        names inside it surely the quote's own words, which a pronoun speaker is not."""
        closed = event.marks is not None and event.marks.closed
        same_paragraph = self.context.paragraph_of(event.start) == self.context.paragraph_of(
            event.end
        )
        return (event.start, event.end) if closed and same_paragraph else None

    def _cue_in_sentence(self, event: SpeechEvent) -> Found | None:
        """'A further reason ..., he said, was because Xi Jinping was "watching like a hawk"':
        a fragment in a sentence that reports speech belongs to the nearest speech verb."""
        tokens = event.tokens
        sentence = tokens[0].sent
        cues = [
            t
            for t in sentence
            if self.context.cues.attributes_fragment(t) and not self.context.in_quote(t)
        ]
        if not cues:
            return None
        cue = min(cues, key=lambda t: min(abs(t.i - tokens.start), abs(t.i - tokens.end)))
        subject = self.context.cues.subject_of(cue)
        return (cue, subject) if subject is not None else None

    def _cue_after(self, event: SpeechEvent) -> Found | None:
        """ "“...,” Foreign Minister Sergey Lavrov said", "“...,” said Kirby"."""
        assert event.marks is not None
        close = self.context.closing_mark(event.marks)
        if close is None:
            return None
        window = self.context.settings.attribution_window
        person_at = self.context.resolver.person_at
        # "“...,” Oleksiy Danilov, the head of Ukraine’s National Security and Defense Council,
        # told Ukrainian TV": an apposition to the speaker does not use up the window.
        described = {
            inner.i
            for token in self.doc[close.i + 1 : close.i + 1 + 3 * window]
            if token.dep_ == "appos"
            for inner in token.subtree
        }
        counted = 0
        for token in self.doc[close.i + 1 : close.i + 1 + 3 * window]:
            if token.i not in described:
                counted += 1
                if counted > window:
                    return None
            if self.context.in_quote(token) or "\n" in token.text:
                return None
            if self.context.cues.attributes_quote(token):
                subject = self.context.cues.subject_of(token) or inverted_subject(token, close)
                if subject is not None and subject.i > close.i:
                    return token, subject
                # '“...,” Kelly, D-AZ., told Fox News': the parser lost the subject, but the
                # one name between the quote and the verb is who told.
                named = [
                    t
                    for t in self.doc[close.i + 1 : token.i]
                    if t.i in person_at
                    and t.dep_ not in ("pobj", "poss")  # not "an aide to Joe Biden"
                    and t.head.pos_ != "NOUN"
                ]
                people = {person_at[t.i] for t in named}
                return (token, named[-1]) if subject is None and len(people) == 1 else None
            if _ends_sentence(token, self.words.abbreviations):
                return None
            if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass"):
                return None
        return None

    def _cue_introducing(self, event: SpeechEvent) -> Found | None:
        """ "Lavrov said that “...”, the ministry reported": a cue right before the quote
        ("said:", "said that", "said") names who said it, whoever reported it after."""
        found = self._cue_before(event)
        if found is None or event.marks is None:
            return None
        cue = found[0]
        between = self.text[cue.idx + len(cue) : event.marks.open].strip().lower()
        if between in ("", ":", ",", "that", ", that"):
            return found
        # "Daniel Baer, said in the U.S. statement: “...”", "told reporters: “...”": a colon
        # right before the quote closes the phrase that introduces it.
        if not between.endswith(":"):
            return None
        opening = self.context.opening_mark(event.marks)
        assert opening is not None
        phrase = self.doc[cue.i + 1 : opening.i]
        return None if any(_ends_sentence(t, self.words.abbreviations) for t in phrase) else found

    def _cue_before(self, event: SpeechEvent) -> Found | None:
        """ "Macron said: “...”", "Putin claimed, “...”", "Truss said “we could be ...”"."""
        assert event.marks is not None
        opening = self.context.opening_mark(event.marks)
        if opening is None:
            return None
        start = max(0, opening.i - self.context.settings.attribution_window)
        for token in reversed(self.doc[start : opening.i]):
            if self.context.in_quote(token) or "\n" in token.text:
                return None
            if _ends_sentence(token, self.words.abbreviations):
                return None
            if self.context.cues.attributes_quote(token):
                subject = self.context.cues.subject_of(token)
                if not self.context.cues.is_cue(token):
                    # "He continued: “...”" but not "as unrest continues in Ukraine. “...”"
                    between = self.text[token.idx + len(token) : event.marks.open].strip()
                    if between not in ("", ":", ","):
                        return None
                return (token, subject) if subject is not None else None
            if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass"):
                return None
        return None

    def _governing_cue(self, event: SpeechEvent) -> Found | None:
        """The speech verb the quote hangs from in the parse: "insisting that the report ...
        was “not true”", "called on the West not to create “panic”"."""
        tokens = event.tokens
        # The punctuation a quote ends with hangs wherever the parser likes; words decide.
        roots = [
            t for t in tokens if not (tokens.start <= t.head.i < tokens.end) and not t.is_punct
        ]
        documents = self.words.document_nouns
        cues = self.context.cues
        relayed: Found | None = None
        for root in reversed(roots):
            token = root
            for _ in range(self.context.settings.max_chain):
                if token.head.i == token.i:
                    break
                token = token.head
                if self.context.in_quote(token):
                    continue
                owner = self._owner_of_words(token)
                if owner is not None:
                    return token, owner  # "following Joe Biden’s comment that “...”"
                source = _according_to(token, self.words.sources)
                if source is not None and source[1] is not None and source[1].lower_ in documents:
                    # "Peskov called on Europe to assess the situation where “aviation is being
                    # used ...”, according to the report": the report relays the speech verb
                    # above it; the report speaks only when no one else does.
                    relayed = relayed or source
                elif source is not None:
                    return source  # 'that turned out to be "a bluff", according to Fix'
                if cues.attributes_fragment(token) and not cues.under_obligation(token):
                    subject = cues.subject_of(token)
                    return (token, subject) if subject is not None else relayed
        return relayed

    def _owner_of_words(self, noun: Token) -> Token | None:
        """The possessor of a noun for something said: "Joe Biden’s comment". A pronoun ("its
        characterization") is left to the verb above, which names the same owner."""
        if noun.pos_ != "NOUN" or noun.lower_ not in self.words.speech_nouns:
            return None
        return next((c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)

    def _dash_speaker(self, event: SpeechEvent) -> Speaker | None:
        """ "“...” - Commissioner Geoffrey Starks": a name after a dash ends the quote."""
        assert event.marks is not None
        close = self.context.closing_mark(event.marks)
        if close is None or close.i + 2 >= len(self.doc):
            return None
        if self.doc[close.i + 1].text not in _DASHES:
            return None
        window = self.context.settings.attribution_window
        for token in self.doc[close.i + 2 : close.i + 2 + window]:
            if "\n" in token.text:
                break
            speaker = self.context.resolver.person_speaker(token)
            if speaker is not None:
                return speaker
        return None


# The rule name each cue finder records on the quotes it attributes.
FINDER_RULES = {
    "_cue_introducing": "cue-introducing",
    "_cue_after": "cue-after",
    "_cue_before": "cue-before",
    "_governing_cue": "cue-governing",
}


def _ends_sentence(token: Token, abbreviations: frozenset[str]) -> bool:
    """A full stop, unless it closes an abbreviated title in the middle of a sentence: the
    "." of "Lt.-Gen. Yvan Blondin said" is not where the attribution stops."""
    if token.text not in _SENTENCE_END:
        return False
    if token.text != "." or token.i == 0:
        return True
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if after is not None and (after.text == "," or after.text[:1].islower()):
        return False  # "Kelly, D-AZ., told": a sentence does not go on with a comma
    before = token.doc[token.i - 1]
    parts = [p for p in re.split(r"[.-]", before.text.lower()) if p]
    return bool(before.whitespace_) or not parts or not all(p in abbreviations for p in parts)


def _according_to(verb: Token, sources: SourcePhrases) -> Found | None:
    """The source of an "according to X" phrase hanging from a verb, with the cue word."""
    for child in verb.children:
        phrase = source_phrase_from(child, sources)
        if phrase is not None:
            return child, phrase[1]
    return None


def _is_clause(tokens: Span) -> bool:
    """True when a quoted span holds a clause: a subject, or a finite verb."""
    for token in tokens:
        if token.dep_ in (*SUBJECT_DEPS, "expl") and tokens.start <= token.head.i < tokens.end:
            return True
        if token.tag_ in ("VBD", "VBZ", "VBP", "MD") and token.dep_ not in ("amod", "compound"):
            return True
    return False


def is_quote(event: SpeechEvent) -> bool:
    """A quoted fragment that nothing attributes is a scare quote, a name or a title."""
    return event.kind != "partial" or event.attributed
