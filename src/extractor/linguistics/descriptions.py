"""Descriptions of people: "the Russian president", "the Ukrainian leader", "the minister".

A definite description that names no one refers back to a person named before it; the words
it uses are then titles of that person, and its demonym the country the person acts for.
"Vladimir Putin ... The Russian president said" gives Putin the title "president" and RU.
The person is the nearest one already holding that very title, or else the only person named
in the sentence before; anything less certain is left alone ("the leader" could be any of
several presidents and prime ministers).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from extractor.annotations import PersonRecord
from extractor.linguistics.resolver import DescriptionResolver
from extractor.linguistics.roles import RoleReader
from extractor.linguistics.syntax import closing_name, in_capitals_line, is_definite


def link_descriptions(
    doc: Doc,
    people: list[PersonRecord],
    person_at: dict[int, str],
    roles: RoleReader,
    heads: frozenset[str],
) -> None:
    """Add the titles and country that descriptions give to the people they describe."""
    by_id = {p.id: p for p in people}
    antecedents = sorted(
        (doc[index].idx, person_id)
        for index, person_id in person_at.items()
        if person_id in by_id and not in_capitals_line(doc[index])
    )
    resolver = DescriptionResolver(
        doc, by_id, person_at, antecedents, roles.descriptions, countries_final=False
    )
    for token in doc:
        if token.pos_ != "NOUN" or token.lower_ not in heads or token.i in person_at:
            continue
        if not is_definite(token) or _names_someone(token, person_at):
            continue
        phrase = [doc[i] for i in range(token.left_edge.i, token.i + 1)]
        title = roles.title_of(phrase)
        if title is None:
            continue
        country = roles.country_in(phrase)
        person = resolver.resolve(token, country)
        if person is None:
            continue
        if title.lower() not in (t.lower() for t in person.titles):
            person.titles.append(title)
        if person.country is None and country is not None:
            person.country = country


def _names_someone(noun: Token, person_at: dict[int, str]) -> bool:
    """ "the president, Vladimir Putin," and "President Putin" are read where the name is."""
    if any(c.i in person_at for c in noun.children if c.dep_ in ("appos", "compound")):
        return True
    if closing_name(noun, person_at) is not None:
        return True  # "the chief of Ukraine’s General Military Staff Viktor Muzhenko"
    return noun.head.i in person_at and noun.dep_ in ("appos", "compound")
