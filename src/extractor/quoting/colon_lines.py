"""Lines that give a speaker, a colon and their words: "Sikorski: Putin would do well if he
considered the invasion an error", "President of Ukraine: delaying weapons is an invitation",
"KE boss: This is a defining moment". Teasers, related-story links and subheads write reported
speech this way; `headlines.py` reads the same shape in capitals.

The line is one paragraph of a few words (found over the text with the quotation marks, in
`QuoteContext.colon_lines`) whose part after the colon has a finite verb; what stands before
the colon names the speaker (one person, or a description the resolver finds), and only the
part before "to" ("Prime Minister of India to Putin:" is the prime minister's). A line whose
speaker names no person we know ("Photo:", "Read more:", a body) is left alone.
"""

from __future__ import annotations

from spacy.tokens import Span

from extractor.quoting.context import QuoteContext, SpeechEvent
from extractor.quoting.headlines import in_capitals
from extractor.quoting.speakers import Speaker

FINITE_TAGS = frozenset({"VBZ", "VBD", "VBP", "MD"})


def colon_line_events(context: QuoteContext, taken: list[SpeechEvent]) -> list[SpeechEvent]:
    """Reported speech of "Speaker: statement" lines not already quoted."""
    events = []
    for line in context.colon_lines:
        statement_start, statement_end = line.statement_start, line.statement_end
        statement = line.statement_words
        if statement is None or not any(t.tag_ in FINITE_TAGS for t in statement):
            continue  # a title ("Nothing Is True: Adventures in Modern Russia"), a list
        if any(e.start < statement_end and statement_start < e.end for e in taken):
            continue
        span = line.speaker_words
        if (
            span is None
            or len(span) == 0
            or in_capitals(span, context.settings.capitals_min_letters)
        ):
            continue
        speaker = _speaker_before_colon(span, context)
        if speaker is None:
            continue
        events.append(
            SpeechEvent(
                kind="indirect",
                start=statement_start,
                end=statement_end,
                paragraph=context.paragraph_of(statement_start),
                tokens=statement,
                speaker=speaker,
                attributed=True,
                rule="colon-line",
            )
        )
    return events


def _speaker_before_colon(span: Span, context: QuoteContext) -> Speaker | None:
    """The one person the words before the colon name (before any "to"), or the person the
    resolver finds for their head noun ("President of Ukraine"); nobody when they are a
    clause of their own, name two people, or name only a body (whose name a teaser clips)."""
    tokens = list(span)
    to = next((i for i, t in enumerate(tokens) if t.lower_ == "to" and i > 0), None)
    if to is not None:
        tokens = tokens[:to]
    if any(t.pos_ in ("VERB", "AUX") for t in tokens):
        return None
    resolver = context.resolver
    people = {resolver.person_at[t.i] for t in tokens if t.i in resolver.person_at}
    if len(people) > 1:
        return None
    named = [t for t in tokens if t.i in resolver.person_at]
    heads = [t for t in tokens if t.head.i == t.i or not (span.start <= t.head.i < span.end)]
    nouns = named[-1:] or [t for t in heads if t.pos_ in ("NOUN", "PROPN")][-1:]
    if not nouns:
        return None
    found = context.resolve(nouns[0])
    if found is None or found.person_id is None:
        return None
    return found
