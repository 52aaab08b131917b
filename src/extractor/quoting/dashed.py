"""Direct speech set off by dashes (`quoting.dashes` finds it), attributed through the clause
after its closing dash: "- We will answer firmly - the chancellor said." A speech with no such
clause is left to the attribution sieves, like a quote with no cue."""

from __future__ import annotations

from spacy.tokens import Token

from extractor.linguistics.syntax import word_span
from extractor.quoting.context import DashedSpeech, QuoteContext, SpeechEvent
from extractor.quoting.cues import inverted_subject


def dash_events(context: QuoteContext) -> list[SpeechEvent]:
    events = []
    for dashed in context.dashed:
        speech, tokens = dashed.speech, dashed.words
        if tokens is None or len(tokens) == 0:
            continue
        event = SpeechEvent(
            kind="direct",
            start=speech.start,
            end=speech.end,
            paragraph=context.paragraph_of(speech.start),
            tokens=tokens,
        )
        cue = _cue(context, dashed)
        if cue is not None:
            event.attributed, event.rule = True, "dash-cue"
            event.cue = word_span(cue)
            # "- ... - argued the US president": the verb first after the dash
            first = cue.idx == speech.cue_start and cue.i > 0
            inverted = inverted_subject(cue, context.doc[cue.i - 1]) if first else None
            subject = inverted or context.cues.subject_of(cue)
            event.speaker = context.resolve(subject, (speech.start, speech.end))
        events.append(event)
    return events


def _cue(context: QuoteContext, dashed: DashedSpeech) -> Token | None:
    """The speech verb of the clause after the closing dash."""
    first = dashed.cue
    if dashed.speech.cue_start is None or first is None:
        return None
    paragraph = context.paragraph_of(dashed.speech.cue_start)
    for token in context.doc[first.i : first.i + context.settings.dash_cue_tokens]:
        if context.paragraph_of(token.idx) != paragraph or context.in_quote(token):
            return None
        if context.cues.attributes_quote(token):
            return token
    return None
