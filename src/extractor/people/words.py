"""Word tests the people stages share: capitalised name words, first names, name particles."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import gender_guesser.detector as gender_detector
from spacy.tokens import Token

from extractor import lexicon

POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
# The small model calls names anything, ORG and WORK_OF_ART included; only a place or a
# number label is taken as evidence against a name.
NOT_PERSON_LABELS = frozenset(
    {"GPE", "LOC", "FAC", "DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY"}
)
NUMBER_LABELS = frozenset({"DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY"})
NOT_NAME_POS = frozenset({"VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "ADV"})


@dataclass(frozen=True)
class NameWords:
    """The words the people stages read names with, loaded from models/ once, when the people
    component is created, and handed to each stage that reads names."""

    particles: frozenset[str]  # lower-case words inside names ("von", "der"), and the hyphen
    # Words that are titles by themselves, and honorifics, so may stand right before a name.
    # "Col." is one such word though the tokenizer splits off its full stop: "Col" counts.
    prefixes: frozenset[str]
    # What stands between a name and its alias ("better known as"), longest first, so that the
    # longest one written is read.
    alias_markers: tuple[tuple[str, ...], ...]

    @classmethod
    def load(cls) -> NameWords:
        single = (lexicon.words_only(t) for t in lexicon.title_tokens())
        return cls(
            particles=lexicon.lower_set("name_particles.txt") | {"-"},
            prefixes=frozenset(
                {words[0] for words in single if len(words) == 1} | set(lexicon.honorifics())
            ),
            alias_markers=tuple(sorted(lexicon.alias_markers(), key=len, reverse=True)),
        )

    def is_first_name_token(self, token: Token) -> bool:
        """A proper noun that a first-name list knows and that is no title: "Oleksii"."""
        return (
            token.tag_ == "NNP"
            and token.text[:1].isupper()
            and token.lower_ not in self.prefixes
            and first_name_gender(token.text) is not None
        )


@cache
def _genders() -> gender_detector.Detector:
    return gender_detector.Detector(case_sensitive=False)


@cache  # asked of most capitalised words of every article; the list's answer never changes
def first_name_gender(word: str) -> str | None:
    """The gender a first name usually has, or None for initials and unknown names."""
    if len(word.rstrip(".")) < 2:
        return None
    guess = _genders().get_gender(word)
    return {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}.get(guess)


def capitalized_word(token: Token) -> bool:
    """ "Putin", "Jinping": a proper noun written with a capital, not in capitals."""
    return token.pos_ == "PROPN" and token.text[:1].isupper() and not token.text.isupper()


def name_word(token: Token) -> bool:
    """A word that may be part of a name in a list, whatever the tagger made of it."""
    return token.is_alpha and token.text[:1].isupper() and not token.is_upper


def joined_to_a_name(token: Token) -> bool:
    """Whether a word is part of a longer run of capitalised words ("Mark Kelly")."""
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return any(t is not None and capitalized_word(t) for t in (before, after))
