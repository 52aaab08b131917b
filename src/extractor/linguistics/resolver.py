"""Who a description of a person refers to: "the Russian president", "the minister", "the
journalist". One resolver, for the speakers of quotes and for the titles and countries the
people component reads from descriptions.

A description refers back to someone already named: the person the sentence before was about,
if the description fits them; else the nearest earlier person holding that title; else the one
person of the description's country named so far, if they hold no other title. Anything less
certain is nobody, since a wrong person is worse than none.

A fitted ranking of every candidate on the same evidence (logistic weights, cross-validated by
article on the gold) was tried in its place and lost: it named more speakers but at 0.72
precision against these rules' 0.90 on the same 78 descriptions (README, "What was measured").
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from extractor import lexicon
from extractor.annotations import PersonRecord
from extractor.linguistics.syntax import SourcePhrases, in_capitals_line, is_main_subject

FORMER = frozenset({"former", "ex", "then"})  # "the former Russian president"


@dataclass(frozen=True)
class DescriptionWords:
    """What a description is matched against a person's titles with, loaded once by the
    component that resolves descriptions."""

    leaders: frozenset[str]  # "president", "prime minister": who "the leader" can be
    generic_titles: frozenset[str]  # "head", "leader": titles that name no office
    abbreviations: Mapping[str, str]  # "pm" -> "prime minister"
    describing: Mapping[str, tuple[str, ...]]  # "diplomat" -> the titles it stands for
    sources: SourcePhrases  # "according to X" makes X the subject of its sentence
    # Every word of a known title ("interior", "deputy", "foreign"): such a word qualifying a
    # description names the office ("the interior minister" is not the prime minister).
    title_vocabulary: frozenset[str] = frozenset()

    @classmethod
    def load(cls) -> DescriptionWords:
        return cls(
            lexicon.lower_set("leader_titles.txt"),
            lexicon.lower_set("generic_titles.txt"),
            lexicon.title_abbreviations(),
            lexicon.description_words(),
            SourcePhrases.load(),
            frozenset(word for title in lexicon.title_tokens() for word in title),
        )


def description_head(noun: Token) -> str:
    """The word a description turns on: "the minister" -> "minister"; "the head of state" and
    "the head of government" name a leader whatever the exact title."""
    if noun.lower_ == "head":
        for prep in noun.children:
            if prep.lower_ == "of" and any(
                c.lower_ in ("state", "government") for c in prep.children
            ):
                return "leader"
    return noun.lower_


def country_fits(country: str | None, person: PersonRecord, unknown_ok: bool) -> bool:
    """Whether a described country fits a person: theirs, or, when `unknown_ok`, unknown."""
    return country in (None, person.country) or (unknown_ok and person.country is None)


def fits(
    person: PersonRecord,
    head: str,
    country: str | None,
    untitled_ok: bool,
    words: DescriptionWords,
    qualifiers: frozenset[str] = frozenset(),
    unknown_country_ok: bool = True,
) -> bool:
    """Whether a description's head word and country fit a person: a title they hold names
    it ("the UK's PM" is a Prime Minister, "the prime minister" a PM), or, when `untitled_ok`,
    a person with no title fits a leader's description. A describing word that stands for
    titles ("the chief") fits one of them only with the nouns that qualify it ("the army
    chief" is not the head of a watchdog)."""
    if country and person.country and person.country != country:
        return False
    titles = {t.lower() for t in person.titles}
    leaders = words.leaders
    if titles <= words.generic_titles:
        # Untitled, or only "the head" of something. Unless countries are final, "the Chinese
        # leader" is not someone of no known country yet: the country would come from it.
        known = country_fits(country, person, unknown_country_ok)
        # ("the army chief" says whose chief: not someone the article never tied to it)
        if untitled_ok and head in leaders and known and not qualifiers:
            return True
        if not titles:
            return False
    short = words.abbreviations
    expanded = titles | {short[t] for t in titles if t in short}
    if head in short:
        return short[head] in expanded or head in titles
    covered = words.describing.get(head, ())
    return (
        holds_office(person, head, qualifiers & words.title_vocabulary)
        or (head == "leader" and bool(titles & leaders))
        # "the German chancellor" is the one the article has called only "the leader"
        or (head in leaders and titles == {"leader"} and country is not None)
        or any(
            office in title and all(q in title for q in qualifiers)
            for title in titles
            for office in covered
        )
    )


def holds_office(person: PersonRecord, head: str, offices: Set[str]) -> bool:
    """Whether one of a person's titles has a description's head word and the words that
    name its office: "the interior minister" is not "former prime minister Yulia Tymoshenko"."""
    return any(
        head in written and offices <= set(written)
        for written in (lexicon.words_only(lexicon.title_words(t)) for t in person.titles)
    )


def is_leader(head: str, person: PersonRecord, leaders: frozenset[str]) -> bool:
    """Whether a leader's description ("the president") fits a person named as a leader."""
    return head in leaders and any(t.lower() in leaders for t in person.titles)


def written_beside(
    doc: Doc,
    person_at: Mapping[int, str],
    person_nouns: frozenset[str],
    title_heads: frozenset[str],
) -> dict[str, list[tuple[int, str]]]:
    """The nouns written beside each person's name: before it in its phrase ("Romanian
    journalist Remus Cernea"), in apposition ("Wang Wenbin, a spokesman for ..."), or
    the noun the name stands in apposition to ("the founder of Tinkoff Bank, Oleg
    Tinkov"), with where each was written."""
    index: dict[str, list[tuple[int, str]]] = {}
    for token in doc:
        person_id = person_at.get(token.i)
        if person_id is None:
            continue
        head = token
        while head.dep_ in ("compound", "flat") and head.head.i in person_at:
            head = head.head
        nouns = [
            c
            for c in head.children
            if c.dep_ in ("compound", "appos") and c.pos_ == "NOUN" and c.i not in person_at
        ]
        inner_person = head.dep_ == "appos" and any(
            prep.lower_ == "of"
            and any(
                o.dep_ == "pobj" and (o.lower_ in person_nouns or o.lower_ in title_heads)
                for o in prep.children
            )
            for prep in head.head.children
        )
        if head.dep_ == "appos" and head.head.pos_ == "NOUN" and not inner_person:
            # (not "the mother of the jailed reporter, Evan Gershkovich": the name may be
            # the reporter's, whatever the parser hung it from)
            nouns.append(head.head)
            owner = head.head
            # "the founder of the bank, Oleg Tinkov": the parser hangs the name off "bank";
            # not "the mother of the jailed reporter, Evan Gershkovich", who is the reporter.
            if (
                owner.dep_ == "pobj"
                and owner.head.lower_ == "of"
                and owner.lower_ not in person_nouns
                and owner.lower_ not in title_heads
            ):
                nouns.append(owner.head.head)
        for noun in nouns:
            index.setdefault(noun.lemma_.lower(), []).append((token.idx, person_id))
    return index


class DescriptionResolver:
    """Resolves descriptions in one Doc to the people it names."""

    def __init__(
        self,
        doc: Doc,
        people: Mapping[str, PersonRecord],
        person_at: Mapping[int, str],
        antecedents: Sequence[tuple[int, str]],
        words: DescriptionWords,
        countries_final: bool = True,
    ) -> None:
        """`antecedents`: (character offset, person id) of the mentions a description can
        point back to, in text order. `countries_final`: whether people's countries are all
        known (quotes) or still being worked out (people), when an unknown one must not be
        taken to fit a described country."""
        self.doc = doc
        self.people = people
        self.person_at = person_at
        self.antecedents = antecedents
        self._starts = [start for start, _ in antecedents]
        self.words = words
        self.countries_final = countries_final

    def resolve(self, noun: Token, country: str | None) -> PersonRecord | None:
        """The person a description whose head is `noun` refers to, or None."""
        head = description_head(noun)
        qualifiers = frozenset(
            c.lower_
            for c in noun.children
            if c.dep_ == "compound" and c.ent_type_ not in ("GPE", "NORP")
        )
        recent = self.previous_main_subject(noun)
        if any(c.lower_ in FORMER for c in noun.children):
            # "the former Russian president added": not whoever holds the office now; only
            # the person the sentence before was about, if nothing says otherwise.
            fitting = recent is not None and country_fits(country, recent, self.countries_final)
            return recent if fitting else None
        if recent is not None and (
            fits(
                recent,
                head,
                country,
                untitled_ok=True,
                words=self.words,
                qualifiers=qualifiers,
                unknown_country_ok=self.countries_final,
            )
            # "Vladimir Putin has compared ... Citing ..., the Russian president said"
            or (
                country is not None
                and recent.country == country
                and is_leader(head, recent, self.words.leaders)
            )
        ):
            return recent
        k = bisect.bisect_left(self._starts, noun.idx)
        for _, person_id in reversed(self.antecedents[:k]):
            person = self.people[person_id]
            if fits(
                person, head, country, untitled_ok=False, words=self.words, qualifiers=qualifiers
            ):
                return person
        only = self._only_person_of(country, before=noun.idx)
        generic = self.words.generic_titles
        if only is not None and not qualifiers and {t.lower() for t in only.titles} <= generic:
            # "the UK's foreign secretary said" where the one British person named so far is
            # Liz Truss, named without a title: her, the office being the story's.
            return only
        if country is None and not qualifiers:
            # "Mr Putin hinted ... “...,” the 70-year-old leader said": the one person the
            # sentence before names, if nothing calls them anything else.
            named = self._only_person_in_sentence_before(noun)
            if named is not None and {t.lower() for t in named.titles} <= generic:
                return named
        return None

    def _only_person_in_sentence_before(self, noun: Token) -> PersonRecord | None:
        # (Within one sentence, a description next to a name is more often someone else:
        # "Biden made his announcement as the UN secretary general ...".)
        start = noun.sent.start
        if start == 0:
            return None
        named = {
            self.person_at[t.i]
            for t in self.doc[start - 1].sent
            if t.i in self.person_at and not in_capitals_line(t)
        }
        return self.people[named.pop()] if len(named) == 1 else None

    def _only_person_of(self, country: str | None, before: int) -> PersonRecord | None:
        """The one person acting for a country named before a point, if exactly one is."""
        if country is None:
            return None
        named = [
            person
            for person in self.people.values()
            if person.country == country and any(m.start_char < before for m in person.mentions)
        ]
        return named[0] if len(named) == 1 else None

    def previous_main_subject(self, noun: Token) -> PersonRecord | None:
        """The one person who was the subject of the sentence before, or of this one before
        the description. A fragment the parser split off as a sentence of its own ("Citing
        Germany's decision to send tanks to Ukraine") is not the sentence before."""
        sentence = noun.sent
        # Its own sentence's subject only for a description that is a subject too: "Mr
        # Zelensky ... urged the EU leader" is someone else.
        own = noun.dep_ in ("nsubj", "nsubjpass")
        tokens = [t for t in sentence if t.i < noun.i] if own else []
        start = sentence.start
        while start > 0:
            before = self.doc[start - 1].sent
            tokens = list(before) + tokens
            if before.root.pos_ in ("VERB", "AUX"):
                break
            start = before.start
        subjects = {
            self.person_at[t.i]
            for t in tokens
            if t.i in self.person_at
            and is_main_subject(t, self.words.sources)
            and not in_capitals_line(t)
        }
        return self.people[subjects.pop()] if len(subjects) == 1 else None
