"""The word lists that finding and attributing quotes reads, loaded from models/ once, when the
quotes component is created, and handed to every finder, resolver and sieve of each Doc."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from spacy.tokens import Doc

from extractor import lexicon
from extractor.linguistics.resolver import DescriptionWords
from extractor.linguistics.syntax import SourcePhrases


@dataclass(frozen=True)
class QuoteWords:
    # Finding quotes
    non_quote_cues: frozenset[str]  # "so-called", "the term": a quoted name, not a quote
    event_marks: frozenset[str]  # "as", "after": another piece of news in a headline
    speech_nouns: frozenset[str]  # "Joe Biden's comment that “...”"
    gerund_cues: frozenset[str]  # "accused of ...", "warning ...": cues with a verb clause
    dash_cues: frozenset[str]  # the speech verbs of "- ... - the chancellor said"
    # Words abbreviated with a full stop inside a sentence ("Lt", "Gen", "Mr").
    abbreviations: frozenset[str]
    # Who a subject names
    person_nouns: frozenset[str]  # "officials", "the spokesman"
    person_role_nouns: frozenset[str]  # "the activist", "the expert"
    institution_nouns: frozenset[str]  # "ministry", "embassy"
    document_nouns: Mapping[str, str]  # "statement" -> whose it usually is
    platform_nouns: frozenset[str]  # "the ministry's website": its owner speaks through it
    eponym_heads: frozenset[str]  # "the Biden administration"
    issuing_verbs: frozenset[str]  # "released", "published"
    located_institutions: frozenset[str]  # "the U.S. Embassy in Moscow"
    generic_body_nouns: frozenset[str]  # "the company", "the group"
    body_kinds: frozenset[str]  # what "the company said" may call a body named before
    titles: tuple[tuple[str, ...], ...]  # every title as a Doc's words, longest first
    title_heads: frozenset[str]  # the word each title turns on
    speech_lemmas: frozenset[str]  # cue verbs of speech (not thought)
    gendered_titles: Mapping[str, str]  # "spokeswoman" -> "f"
    seats: frozenset[str]  # lower-cased seats of government: "kremlin", "white house"
    max_seat_tokens: int  # the most tokens a seat of government is written in
    # The attribution sieves
    view_adjectives: frozenset[str]  # "Andrey is more skeptical"
    stance_verbs: frozenset[str]  # "is", "remained"
    citing_verbs: frozenset[str]  # "Zelensky cited Winston Churchill"
    descriptions: DescriptionWords

    @property
    def sources(self) -> SourcePhrases:
        """ "according to", "in the words of": phrases that name a statement's source."""
        return self.descriptions.sources

    @classmethod
    def load(cls, tokenizer: Callable[[str], Doc]) -> QuoteWords:
        """`tokenizer`: the pipeline's, to count the tokens of names as a Doc will have them."""
        institution_nouns = lexicon.lower_set("institution_nouns.txt")
        generic_body_nouns = lexicon.lower_set("generic_body_nouns.txt")
        titles = lexicon.title_tokens()
        seats = frozenset(
            place for place, (_, kind) in lexicon.countries().seats.items() if kind == "seat"
        )
        return cls(
            non_quote_cues=lexicon.lower_set("non_quote_cues.txt"),
            event_marks=lexicon.lower_set("event_marks.txt"),
            speech_nouns=lexicon.lower_set("speech_nouns.txt"),
            gerund_cues=lexicon.lower_set("gerund_cues.txt"),
            dash_cues=lexicon.lower_set("dash_cue_words.txt"),
            abbreviations=_abbreviations(titles, lexicon.honorifics()),
            person_nouns=lexicon.lower_set("person_nouns.txt"),
            person_role_nouns=lexicon.lower_set("person_role_nouns.txt"),
            institution_nouns=institution_nouns,
            document_nouns=lexicon.document_nouns(),
            platform_nouns=lexicon.lower_set("platform_nouns.txt"),
            eponym_heads=lexicon.lower_set("eponym_heads.txt"),
            issuing_verbs=lexicon.lower_set("issuing_verbs.txt"),
            located_institutions=lexicon.lower_set("located_institutions.txt"),
            generic_body_nouns=generic_body_nouns,
            body_kinds=lexicon.lower_set("body_kinds.txt") | institution_nouns | generic_body_nouns,
            titles=titles,
            # A title turns on the word before its "of": "director of national intelligence"
            # is a director; "US intelligence" describes no person.
            title_heads=frozenset(_title_head(title) for title in titles),
            speech_lemmas=frozenset(
                lemma for lemma, kind in lexicon.cue_verbs().items() if kind == "speech"
            ),
            gendered_titles=lexicon.gendered_titles(),
            seats=seats,
            max_seat_tokens=max(
                (
                    len(tokenizer(place))
                    for place in lexicon.seats_of_government()
                    if place.lower() in seats
                ),
                default=0,
            ),
            view_adjectives=lexicon.lower_set("view_adjectives.txt"),
            stance_verbs=lexicon.lower_set("stance_verbs.txt"),
            citing_verbs=lexicon.lower_set("citing_verbs.txt"),
            descriptions=DescriptionWords.load(),
        )


def _title_head(title: tuple[str, ...]) -> str:
    """The word a title turns on, as a Doc's token: "director" of "director of national
    intelligence", "general" of "secretary-general", "col" of "Col." (not its full stop)."""
    words = lexicon.words_only(title)
    return words[: words.index("of")][-1] if "of" in words[1:] else words[-1]


def _abbreviations(
    titles: tuple[tuple[str, ...], ...], honorifics: Mapping[str, str | None]
) -> frozenset[str]:
    """Words titles and honorifics abbreviate with a full stop ("Lt", "Gen", "Sen", "Mr"):
    the parser often ends a sentence there, so the full stop after them is not taken for
    one."""
    # A title's word is abbreviated when the tokenizer keeps its full stop ("gen.") or splits
    # it off as the next token ("col", "." of "Col."; "lt.-gen", "." of "Lt.-Gen.").
    words = [
        word
        for title in titles
        for k, word in enumerate(title)
        if word != "." and (word.endswith(".") or title[k + 1 : k + 2] == (".",))
    ]
    words += [w for w in honorifics if w.endswith(".")]
    return frozenset(p for w in words for p in re.split(r"[.-]", w) if p)
