"""From a speech event to the record the output is made of, with the rule that decided it and,
when nobody is named, the words that describe the speaker ("a senior defence official")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from extractor.annotations import QuoteRecord
from extractor.linguistics.syntax import source_phrase_from
from extractor.quoting.context import QuoteContext, SpeechEvent


def record_of(event: SpeechEvent, context: QuoteContext) -> QuoteRecord:
    speaker = event.speaker if event.speaker is not None and event.speaker.name else None
    rule = event.rule
    if speaker is not None and rule is not None:
        rule = f"{rule}:{speaker.how}"
    words = event.tokens
    bounds = (event.start, event.end)
    return QuoteRecord(
        kind=event.kind,
        words=words,
        cut=None if bounds == (words.start_char, words.end_char) else bounds,
        speaker=speaker.name if speaker else None,
        speaker_id=speaker.person_id if speaker else None,
        speaker_mention=speaker.mention if speaker else unnamed_speaker(event, context),
        cue=event.cue,
        rule=rule,
    )


def unnamed_speaker(event: SpeechEvent, context: QuoteContext) -> Span | None:
    """The subject of the cue when it names nobody we can resolve: "officials said", "a
    senior defence official told CNN", so an analyst can triage the null without the article."""
    subject = cue_subject(event, context)
    return None if subject is None else context.resolver.noun_phrase(subject)


def cue_subject(event: SpeechEvent, context: QuoteContext) -> Token | None:
    """The word a quote's cue names its speaker by: the subject of "said", the source of
    "according to"; None when there is none outside the quote."""
    if event.cue is None:
        return None
    cue = event.cue[0]
    subject = context.cues.subject_of(cue)
    if subject is None:
        phrase = source_phrase_from(cue, context.words.sources)
        subject = phrase[1] if phrase is not None else None
    if subject is None or context.in_quote(subject) or subject.is_punct:
        return None
    return subject
