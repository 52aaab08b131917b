"""The output contract (CONTRACT.md) as pydantic models, and the annotated Doc -> model step.

These models are the single definition of the output: the JSON Schema (`extract schema`),
the writer and the skip-if-current check all come from here.
"""

from __future__ import annotations

from typing import Literal, cast

from pydantic import BaseModel, ConfigDict, Field
from spacy.tokens import Doc, Span

from extractor.annotations import CharSpan, QuoteRecord
from extractor.batching.reading import Article

SCHEMA_VERSION = 1
NO_HEADLINE = "[no headline in source data]"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Mention(_Model):
    text: str = Field(description="The words as written: article_text[start:end].")
    start: int = Field(ge=0, description="Character offset of the first character.")
    end: int = Field(ge=0, description="Character offset just past the last character.")


class ArticleInfo(_Model):
    id: str = Field(description="The input file's name without its extension.")
    path: str
    sha256: str = Field(description="SHA-256 of the file's bytes, before decoding.")
    title: str | None = Field(
        description="The first non-empty line, unless it is a no-headline marker."
    )
    words: int = Field(ge=0, description="Whitespace-separated words in the text.")
    encoding: str = Field(description="The encoding the bytes were decoded with.")
    furniture: list[Mention] = Field(
        default_factory=list,
        description="Page furniture (sign-up prompts, app promotions, credits, 'Advertisement')"
        " that no fact was taken from.",
    )


class PipelineInfo(_Model):
    extractor: str
    model: str = Field(description="The spaCy pipeline: <lang>_<name>-<version>.")
    rules: str = Field(description="Digest of the rule data in models/ that made this output.")


class Person(_Model):
    id: str
    name: str = Field(description="The longest name the article uses for this person.")
    titles: list[str] = Field(description="Role words as written, e.g. 'Foreign Minister'.")
    country: str | None = Field(description="ISO 3166-1 alpha-2 of the country acted for.")
    mentions: list[Mention]


class Country(_Model):
    code: str = Field(description="ISO 3166-1 alpha-2, upper case.")
    name: str
    mentions: list[Mention]


class Organization(_Model):
    name: str
    aliases: list[str] = Field(description="Other names the article pairs with this one.")
    mentions: list[Mention]


QuoteKind = Literal["direct", "partial", "indirect"]


class Quote(_Model):
    id: str
    kind: QuoteKind
    text: str = Field(description="The quote without its marks, or the reported clause.")
    speaker: str | None = Field(description="A people[].name, an organization's name, or null.")
    speaker_id: str | None = Field(description="The people[].id of the speaker, if a person.")
    speaker_mention: Mention | None
    cue: Mention | None
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    rule: str | None = Field(
        default=None, description="The attribution sieve that decided the speaker."
    )
    confidence: float | None = Field(
        default=None, ge=0, le=1, description="How sure the speaker ranking is (0-1)."
    )
    within: str | None = Field(
        default=None,
        description="For a partial quote inside reported speech: the id of that indirect quote.",
    )


class TroopFigure(_Model):
    count: int = Field(description="The figure; for a range, its upper bound.")
    low: int
    high: int
    approximate: bool
    country: str | None = Field(description="ISO code of the force's side.")
    unit: str = Field(description="The personnel noun, as written.")
    location: str | None
    text: str = Field(description="The number with its approximation words, as written.")
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class ArticleOutput(_Model):
    schema_version: int = SCHEMA_VERSION
    article: ArticleInfo
    pipeline: PipelineInfo
    people: list[Person]
    countries: list[Country]
    organizations: list[Organization]
    quotes: list[Quote]
    troop_figures: list[TroopFigure]


def headline(text: str) -> str | None:
    """Return the article's first non-empty line, or None when it is the no-headline marker."""
    for line in text.splitlines():
        if line.strip():
            title = line.strip()
            return None if title == NO_HEADLINE else title
    return None


def _mention(text: str, span: CharSpan) -> Mention:
    start, end = span
    return Mention(text=text[start:end], start=start, end=end)


def _words(span: Span) -> Mention:
    """The Mention of a Span: the one place the pipeline's Spans become character offsets.
    (Its own text, not a slice of `span.doc.text`: a Doc joins every token to make its text,
    on every call.)"""
    return Mention(text=span.text, start=span.start_char, end=span.end_char)


def _quote(quote_id: str, q: QuoteRecord, text: str) -> Quote:
    """The Quote of a record; `text` is the Doc's text, taken once for the whole output."""
    start, end = q.offsets()
    return Quote(
        id=quote_id,
        kind=cast(QuoteKind, q.kind),
        text=text[start:end],
        speaker=q.speaker,
        speaker_id=q.speaker_id,
        speaker_mention=None if q.speaker_mention is None else _words(q.speaker_mention),
        cue=None if q.cue is None else _words(q.cue),
        start=start,
        end=end,
        rule=q.rule,
        confidence=q.confidence,
        within=None if q.within is None else f"q{q.within + 1}",
    )


def build_output(doc: Doc, article: Article, pipeline: PipelineInfo) -> ArticleOutput:
    """Return the contract output for an annotated Doc of `article`."""
    text = doc.text
    return ArticleOutput(
        article=ArticleInfo(
            id=article.id,
            path=article.path,
            sha256=article.sha256,
            title=headline(text),
            words=len(text.split()),
            encoding=article.encoding,
            furniture=[_mention(text, span) for span in doc._.furniture or []],
        ),
        pipeline=pipeline,
        people=[
            Person(
                id=p.id,
                name=p.name,
                titles=p.titles,
                country=p.country,
                mentions=[_words(m) for m in p.mentions],
            )
            for p in doc._.people or []
        ],
        countries=[
            Country(code=c.code, name=c.name, mentions=[_words(m) for m in c.mentions])
            for c in doc._.countries or []
        ],
        organizations=[
            Organization(name=o.name, aliases=o.aliases, mentions=[_words(m) for m in o.mentions])
            for o in doc._.organizations or []
        ],
        quotes=[
            _quote(f"q{number}", q, text) for number, q in enumerate(doc._.quotes or [], start=1)
        ],
        troop_figures=[
            TroopFigure(
                count=t.count,
                low=t.low,
                high=t.high,
                approximate=t.approximate,
                country=t.country,
                unit=t.unit,
                location=t.location,
                text=text[t.words.start_char : t.words.end_char],
                start=t.words.start_char,
                end=t.words.end_char,
            )
            for t in doc._.troop_figures or []
        ],
    )
