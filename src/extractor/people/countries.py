"""The country a person acts for, where the words around their names gave none.

Runs after the records are made and descriptions linked: a known public figure's country when
the article names that country, the country an office exists in ("Defence Secretary Ben
Wallace"), and the one government of office holders listed together.
"""

from __future__ import annotations

from spacy.tokens import Doc

from extractor import lexicon
from extractor.annotations import PersonRecord
from extractor.linguistics.public_figures import public_figures
from extractor.linguistics.roles import premodifier_block
from extractor.people.clusters import Cluster
from extractor.people.mentions import Mention
from extractor.people.records import vote
from extractor.people.settings import PeopleSettings


class CountryFiller:
    def __init__(self, settings: PeopleSettings) -> None:
        self.max_list_gap = settings.max_list_gap
        self.max_premodifier_tokens = settings.max_premodifier_tokens
        self.figures = public_figures()
        self.organization_names = {
            name.lower() for org in lexicon.organizations() for name in (org.name, *org.aliases)
        }
        self.list_joiners = lexicon.lower_set("list_joiners.txt")
        self.cabinet_words = lexicon.lower_set("cabinet_words.txt")
        self.national_institutions = {name.lower() for name in lexicon.institutions()}

    def fill(self, doc: Doc, people: list[PersonRecord], clusters: list[Cluster]) -> None:
        """Fill in countries (and a known figure's gender) left empty, strongest source first."""
        self.known_countries(doc, people, clusters)
        self.countries_from_lists(doc, people, clusters)

    def known_countries(
        self, doc: Doc, people: list[PersonRecord], clusters: list[Cluster]
    ) -> None:
        """Fill in the country of people the article's words tie to none: a known public
        figure's country when the article names that country, else the country the office
        exists in ("Defence Secretary Ben Wallace")."""
        named = {c.code for c in doc._.countries or []}
        for person, c in zip(people, clusters, strict=True):
            figure = self.figures.find(c.longest)
            if figure is not None and figure.country not in named and len(c.longest) == 1:
                figure = None  # "Patel told reporters": a surname alone, in a story not theirs
            if figure is not None and person.gender is None:
                person.gender = figure.gender
            if person.country is not None:
                continue
            if any(self._titled_by_a_body(doc, m) for m in c.mentions):
                continue  # "OSCE chairman Didier Burkhalter": acts for the body, not his country
            if figure is not None and figure.country in named:
                person.country = figure.country
            else:
                person.country = vote(m.role.office_country for m in c.mentions)

    def countries_from_lists(
        self, doc: Doc, people: list[PersonRecord], clusters: list[Cluster]
    ) -> None:
        """Office holders listed one after another, each with a title, are of one government
        when those whose country the list names all share it: "Head of the Defense
        Intelligence of Ukraine Kyrylo Budanov, Head of the Foreign Intelligence Service
        Oleksandr Lytvynenko, ..., Minister of Defense Oleksiy Reznikov" (Lytvynenko: UA)."""
        titled = sorted(
            (m.start, m.end, person)
            for person, c in zip(people, clusters, strict=True)
            for m in c.mentions
            if m.role.titles
            and premodifier_block(doc[m.start : m.end], self.max_premodifier_tokens)
        )
        in_cabinet = {
            id(person)
            for person, c in zip(people, clusters, strict=True)
            for m in c.mentions
            if any(
                t.lower_ in self.cabinet_words
                for t in premodifier_block(doc[m.start : m.end], self.max_premodifier_tokens)
            )
        }
        runs: list[list[tuple[int, int, PersonRecord]]] = []
        for entry in titled:
            previous = runs[-1][-1] if runs else None
            # Between two entries: a joiner, then the next one's title and nothing that
            # makes a clause.
            gap = doc[previous[1] : entry[0]] if previous is not None else doc[0:0]
            joined = (
                len(gap) > 0
                and len(gap) <= self.max_list_gap
                and gap[0].lower_ in self.list_joiners
                and not any(t.pos_ in ("VERB", "AUX", "PRON") for t in gap)
            )
            if joined and runs:
                runs[-1].append(entry)
            else:
                runs.append([entry])
        for run in runs:
            codes = [person.country for _, _, person in run if person.country]
            if len(codes) >= 2 and len(set(codes)) == 1:
                for _, _, person in run:
                    if person.country is None and id(person) in in_cabinet:
                        person.country = codes[0]

    def _titled_by_a_body(self, doc: Doc, m: Mention) -> bool:
        """Whether a title written before the name is an international body's ("OSCE
        chairman", "NATO Secretary General"): a listed organization no country's institution."""
        if not m.role.titles:
            return False
        block = premodifier_block(doc[m.start : m.end], self.max_premodifier_tokens)
        return any(t.lower_ in self.organization_names - self.national_institutions for t in block)
