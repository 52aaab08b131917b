"""Headlines in capitals: "PENTAGON: RUSSIA BUILDUP ... WOULD BE 'HORRIFIC'", "BIDEN WARNS
RUSSIA OF 'SWIFT AND SEVERE CONSEQUENCES'", "..., WHITE HOUSE SAYS".

The tagger and parser are lost in all-capital text, so these follow the headline's own
shapes: a speaker before a colon, a speaker before a speech verb, or "..., X SAYS" at the end.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Span, Token

from extractor.linguistics.syntax import word_span
from extractor.quoting.context import QuoteContext, SpeechEvent
from extractor.quoting.speakers import Speaker

_VOWELS = "aeiou"


def cue_forms(lemmas: frozenset[str], irregular: Mapping[str, str]) -> dict[str, str]:
    """Return the written forms of the cue verbs a headline uses: "warns", "urged", "denies",
    "denied", "admitted", and the `irregular` ones (form -> lemma)."""
    forms = dict(irregular)
    for lemma in lemmas:
        for form in _regular_forms(lemma):
            forms.setdefault(form, lemma)
    return forms


def _regular_forms(lemma: str) -> list[str]:
    forms = [lemma]
    if lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        forms += [lemma[:-1] + "ies", lemma[:-1] + "ied"]
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms += [lemma + "es", lemma + "ed"]
    elif lemma.endswith("e"):
        forms += [lemma + "s", lemma + "d"]
    else:
        forms += [lemma + "s", lemma + "ed", lemma + lemma[-1] + "ed"]  # "admitted"
    return forms


def in_capitals(span: Span, min_letters: int) -> bool:
    """Whether a span is written in capitals, with at least `min_letters` letters."""
    letters = [ch for ch in span.text if ch.isalpha()]
    return len(letters) >= min_letters and not any(ch.islower() for ch in letters)


class HeadlineFinder:
    def __init__(self, context: QuoteContext, forms: dict[str, str]) -> None:
        self.context = context
        self.doc = context.doc
        self.forms = forms
        self.speaker_words = context.settings.headline_speaker_words
        self.lines = [
            span
            for span in context.paragraph_words
            if span is not None and in_capitals(span, context.settings.capitals_min_letters)
        ]

    def attribute(self, events: list[SpeechEvent]) -> list[SpeechEvent]:
        """Give quotes in capital headlines their speaker, and return the headlines' own
        reported speech as indirect quotes."""
        reported: list[SpeechEvent] = []
        for line in self.lines:
            found = self._speaker_and_content(line)
            if found is None:
                continue
            speaker, cue, content = found
            for event in events:
                if line.start_char <= event.start < line.end_char and not event.attributed:
                    event.speaker, event.attributed = speaker, True
                    event.rule = "headline"
                    event.cue = word_span(cue)
            if content is not None and len(content) >= 2:
                reported.append(
                    SpeechEvent(
                        kind="indirect",
                        start=content.start_char,
                        end=content.end_char,
                        paragraph=self.context.paragraph_of(line.start_char),
                        tokens=content,
                        speaker=speaker,
                        cue=word_span(cue),
                        attributed=True,
                        rule="headline",
                    )
                )
        return reported

    def _speaker_and_content(self, line: Span) -> tuple[Speaker | None, Token, Span | None] | None:
        doc = self.doc
        colon = next((t for t in line if t.text == ":"), None)
        if colon is not None and 0 < colon.i - line.start <= self.speaker_words:
            speaker = self._speaker(doc[line.start : colon.i])
            if speaker is not None:
                return speaker, colon, _trimmed(doc[colon.i + 1 : line.end])
        for token in line:
            lemma = self.forms.get(token.lower_)
            if lemma is None or self.context.in_quote(token):
                continue
            before = doc[line.start : token.i]
            if token.i + 1 >= line.end or doc[token.i + 1].is_punct:
                # "..., WHITE HOUSE SAYS": the speaker stands after the last comma.
                comma = max((t.i for t in before if t.text == ","), default=None)
                if comma is None:
                    return None
                speaker = self._speaker(doc[comma + 1 : token.i])
                return speaker, token, _trimmed(doc[line.start : comma])
            if 0 < len(before) <= self.speaker_words:
                speaker = self._speaker(before)
                if speaker is None:
                    return None
                return speaker, token, None
            return None
        return None

    def _speaker(self, words: Span) -> Speaker | None:
        """A person, organization or country that the words name, and nothing else."""
        if not 0 < len(words) <= self.speaker_words:
            return None
        resolver = self.context.resolver
        people = {resolver.person_at[t.i] for t in words if t.i in resolver.person_at}
        if len(people) == 1 and all(t.i in resolver.person_at for t in words if t.is_alpha):
            return resolver.person_speaker(words[-1])
        bodies = [t for t in words if t.i in resolver.organization_at or t.i in resolver.country_at]
        if bodies and len(bodies) == len([t for t in words if t.is_alpha]):
            names = {resolver.organization_at.get(t.i) or resolver.country_at[t.i] for t in bodies}
            if len(names) == 1:
                return Speaker(words.text, None, words)
        return None


def _trimmed(span: Span) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        if doc[end - 1].text in "'’\"”":
            break
        end -= 1
    return doc[start:end] if end > start else None
