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
from extractor.linguistics.roles import RoleReader
from extractor.linguistics.syntax import closing_name, in_capitals_line


def link_descriptions(
    doc: Doc,
    people: list[PersonRecord],
    person_at: dict[int, str],
    roles: RoleReader,
    heads: frozenset[str],
) -> None:
    """Add the titles and country that descriptions give to the people they describe."""
    by_id = {p.id: p for p in people}
    for token in doc:
        if token.pos_ != "NOUN" or token.lower_ not in heads or token.i in person_at:
            continue
        if not _definite(token) or _names_someone(token, person_at):
            continue
        phrase = [doc[i] for i in range(token.left_edge.i, token.i + 1)]
        title = roles.title_of(phrase)
        if title is None:
            continue
        country = roles.country_in(phrase)
        person = _described(doc, token, title, country, by_id, person_at)
        if person is None:
            continue
        if title.lower() not in (t.lower() for t in person.titles):
            person.titles.append(title)
        if person.country is None and country is not None:
            person.country = country


def _definite(noun: Token) -> bool:
    """ "the president", "Russia’s president"; not "a president" or "presidents"."""
    return any((c.dep_ == "det" and c.lower_ == "the") or c.dep_ == "poss" for c in noun.children)


def _names_someone(noun: Token, person_at: dict[int, str]) -> bool:
    """ "the president, Vladimir Putin," and "President Putin" are read where the name is."""
    if any(c.i in person_at for c in noun.children if c.dep_ in ("appos", "compound")):
        return True
    if closing_name(noun, person_at) is not None:
        return True  # "the chief of Ukraine’s General Military Staff Viktor Muzhenko"
    return noun.head.i in person_at and noun.dep_ in ("appos", "compound")


def _described(
    doc: Doc,
    noun: Token,
    title: str,
    country: str | None,
    people: dict[str, PersonRecord],
    person_at: dict[int, str],
) -> PersonRecord | None:
    # Words of titles as written, split at spaces only (not `lexicon.title_words`): a
    # hyphenated compound is one word here, so "the general" is no "Secretary-General".
    head = title.lower().split()[-1]
    earlier = sorted(
        (
            (start, person)
            for person in people.values()
            for start, _ in person.mentions
            if start < noun.idx
        ),
        key=lambda pair: pair[0],
    )
    titled = [
        person
        for _, person in reversed(earlier)
        if any(head in t.lower().split() for t in person.titles)
        and (country is None or person.country in (country, None))
    ]
    # "the Ukrainian president" after "President Biden ... Ukrainian President Zelenskyy" is
    # the one already known to be Ukrainian, however recently the other was named.
    same_country = [p for p in titled if country is not None and p.country == country]
    if same_country or titled:
        return (same_country or titled)[0]
    if country is not None:
        return None  # "the Russian leader" after a sentence about Biden is not Biden
    # Only the sentence before: within one sentence, a description next to a name is more
    # often someone else ("Biden made his announcement as the UN secretary general ...").
    sentence = noun.sent
    if sentence.start == 0:
        return None
    window = list(doc[sentence.start - 1].sent)
    named = {person_at[t.i] for t in window if t.i in person_at and not in_capitals_line(t)}
    if len(named) != 1:
        return None
    person = people[named.pop()]
    if person.titles or (country and person.country and person.country != country):
        return None
    return person
