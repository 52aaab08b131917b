"""People: one entry per person, under the longest name the article uses, with titles and country.

The model's PERSON entities are the evidence; this component cleans them (titles and
possessives off, photo credits and bylines out), clusters the mentions of one person
("Vladimir Putin", "Putin", "President Putin’s"), recovers mentions the model labelled as
something else when the name is elsewhere a person, and reads titles and the country acted
for from pre-modifiers ("Russian President ...") and appositions ("..., a White House
spokeswoman"). The stages live in `extractor.people`; this module wires them in order.
"""

from __future__ import annotations

from dataclasses import asdict

from spacy.language import Language
from spacy.tokens import Doc

from extractor import lexicon
from extractor.linguistics.credits import CreditLimits, CreditWords, doc_credit_regions, skipped
from extractor.linguistics.descriptions import link_descriptions
from extractor.linguistics.public_figures import public_figures
from extractor.people import clusters as clustering
from extractor.people.candidates import CandidateFinder
from extractor.people.countries import CountryFiller
from extractor.people.evidence import PersonJudge
from extractor.people.mentions import MentionReader
from extractor.people.records import records
from extractor.people.settings import PeopleSettings
from extractor.people.words import NameWords


@Language.factory(
    "extractor_people",
    assigns=["doc._.people", "doc._.person_at"],
    # Also reads token.pos, set by the attribute_ruler, which declares nothing (see gazetteer).
    requires=[
        "doc.ents",
        "token.ent_type",
        "token.tag",
        "token.lemma",
        "token.dep",
        "token.head",
        "doc.sents",
        "doc._.countries",
        "doc._.country_at",
        "token._.is_furniture",
    ],
    # min_person_evidence: the log-odds a candidate needs; -0.25 was the best cross-validated
    # people F1 on tests/gold (see extractor.training.fit_person_evidence --threshold). The
    # reaches' defaults are PeopleSettings' and CreditLimits' own, written there once.
    default_config={
        "min_single_name_evidence": 2,
        "use_evidence": True,
        "min_person_evidence": -0.25,
        **asdict(PeopleSettings()),
        **asdict(CreditLimits()),
    },
)
def make_people(
    nlp: Language,
    name: str,
    min_single_name_evidence: int,
    use_evidence: bool,
    min_person_evidence: float,
    max_name_tokens: int,
    max_unlabelled_name_tokens: int,
    max_bracket_tokens: int,
    alias_window: int,
    min_slip_length: int,
    max_premodifier_tokens: int,
    party_reach: int,
    max_list_gap: int,
    max_byline_words: int,
    max_credit_chars: int,
) -> PeopleFinder:
    settings = PeopleSettings(
        max_name_tokens=max_name_tokens,
        max_unlabelled_name_tokens=max_unlabelled_name_tokens,
        max_bracket_tokens=max_bracket_tokens,
        alias_window=alias_window,
        min_slip_length=min_slip_length,
        max_premodifier_tokens=max_premodifier_tokens,
        party_reach=party_reach,
        max_list_gap=max_list_gap,
    )
    return PeopleFinder(
        min_single_name_evidence,
        use_evidence,
        min_person_evidence,
        settings=settings,
        credit_limits=CreditLimits(max_byline_words, max_credit_chars),
    )


class PeopleFinder:
    """Sets `doc._.people` and `doc._.person_at` (token index -> person id)."""

    def __init__(
        self,
        min_single_name_evidence: int,
        use_evidence: bool = True,
        min_person_evidence: float = 0.0,
        *,
        settings: PeopleSettings,
        credit_limits: CreditLimits,
    ) -> None:
        self.settings = settings
        # Every rule file the people stages read is loaded here, once, and handed down.
        self.names = NameWords.load()
        self.credit_words = CreditWords.load(credit_limits)
        self.candidates = CandidateFinder(self.names, settings)
        self.reader = MentionReader(self.names, settings)
        self.judge = PersonJudge(min_single_name_evidence, use_evidence, min_person_evidence)
        self.countries = CountryFiller(settings)
        self.figures = public_figures()
        # A title's last token is what heads a description ("the secretary-general" is headed
        # by "general"); an abbreviation's full stop ("Col.") heads none.
        self.description_heads = frozenset(
            t[-1]
            for t in lexicon.title_tokens()
            if t[-1].isalpha() and t[-1] not in lexicon.lower_set("partial_title_words.txt")
        )

    def __call__(self, doc: Doc) -> Doc:
        excluded = doc_credit_regions(doc, self.credit_words)
        found = self.candidates.candidates(doc)
        mentions = [m for m in (self.reader.mention(span) for span in found.spans) if m]
        for m in mentions:
            title = found.listed.get(doc[m.start : m.end])
            if title:
                self.reader.add_listed_title(m, title)
            m.first_name_only = m.start in found.alone
        mentions = [m for m in mentions if not skipped(doc[m.start : m.end], excluded)]
        clusters = clustering.cluster(mentions, self.settings.min_slip_length)
        aliases = clustering.aliases(doc, clusters, self.names.alias_markers, self.settings)
        clusters = clustering.merge_aliases(clusters, aliases)
        clusters = clustering.merge_known_figures(clusters, self.figures)
        clusters = clustering.merge_family_names(clusters)
        clustering.recover_mentions(
            doc, clusters, excluded, aliases, self.reader, self.settings.min_slip_length
        )
        # "Antyufeyev, also known as Vadim Shevtsov": a surname the model missed is only
        # recovered above, so its alias is read again.
        clusters = clustering.merge_aliases(
            clusters, clustering.aliases(doc, clusters, self.names.alias_markers, self.settings)
        )
        clusters = self.judge.people(doc, clusters)
        clusters.sort(key=lambda c: c.mentions[0].start)
        people, person_at = records(doc, clusters, self.figures, self.settings.min_slip_length)
        link_descriptions(doc, people, person_at, self.reader.roles, self.description_heads)
        self.countries.fill(doc, people, clusters)
        doc._.people = people
        doc._.person_at = person_at
        return doc
