"""What the components record on a Doc: plain records whose words are `Span`s of the Doc.

Components write these through the Doc extensions registered here; `output.py` turns them
into the pydantic output, and only there do the Spans become character offsets. Positions
that were never tokens (page furniture found over the text; the ends of a quote's text that
cut into a token, `QuoteRecord.cut`) stay character offsets into `doc.text`. Keeping these
records free of pydantic keeps components free of the output.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

CharSpan = tuple[int, int]


@dataclass
class PersonRecord:
    id: str
    name: str
    mentions: list[Span]
    titles: list[str] = field(default_factory=list)
    country: str | None = None
    gender: str | None = None  # "m", "f" or None; used to resolve pronouns


@dataclass
class CountryRecord:
    code: str
    name: str
    mentions: list[Span]


@dataclass
class OrganizationRecord:
    name: str
    mentions: list[Span]
    aliases: list[str] = field(default_factory=list)


@dataclass
class QuoteRecord:
    kind: str  # "direct", "partial" or "indirect"
    words: Span  # the tokens the quote's text covers
    speaker: str | None = None
    speaker_id: str | None = None
    speaker_mention: Span | None = None
    cue: Span | None = None
    rule: str | None = None  # the attribution sieve that decided the speaker
    confidence: float | None = None  # 0-1, from the fitted speaker ranking
    within: int | None = None  # index in doc._.quotes of the indirect quote holding this one
    # The quote's text was found over the characters (inside its marks, after a colon): where
    # it does not begin and end with tokens (a mark glued to a word, '""We want ...'; a space
    # inside the marks, "“ Putin is ...”"), its exact bounds; None when they are `words`' own.
    cut: CharSpan | None = None

    def offsets(self) -> CharSpan:
        """The quote text's character offsets into `doc.text`: for the output, and for what
        is fitted or compared on them (the confidence gate, nesting)."""
        return self.cut if self.cut is not None else (self.words.start_char, self.words.end_char)


@dataclass
class TroopRecord:
    count: int
    low: int
    high: int
    approximate: bool
    words: Span  # the number with its approximation words: "about 130,000"
    unit: str
    country: str | None = None
    location: str | None = None


def register_extensions() -> None:
    """Register the Doc extensions our components fill; safe to call more than once."""
    for name in ("people", "countries", "organizations", "quotes", "troop_figures", "furniture"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    # Which token starts which person mention: filled by the people component, read by
    # quotes (speakers) and troops (sides).
    if not Doc.has_extension("person_at"):
        Doc.set_extension("person_at", default=None)
    if not Doc.has_extension("country_at"):
        Doc.set_extension("country_at", default=None)
    if not Doc.has_extension("organization_at"):
        Doc.set_extension("organization_at", default=None)


register_extensions()
