"""Which clusters name a person: a lone surname needs evidence, and every cluster's features
(`linguistics/person_evidence.py`) must outweigh the evidence for an outlet, a body or a place.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from extractor import lexicon
from extractor.linguistics.person_evidence import Candidate, PersonEvidence
from extractor.linguistics.public_figures import public_figures
from extractor.people.clusters import Cluster
from extractor.people.words import POSSESSIVE, first_name_gender

CANDIDATES_KEY = "extractor.person_candidates"  # (name, features) of every candidate, for fitting
_PLACE_PREPOSITIONS = frozenset(
    {"in", "near", "at", "to", "from", "into", "around", "outside", "across", "toward", "towards"}
)


class PersonJudge:
    """Keeps the clusters that name a person."""

    def __init__(
        self, min_single_name_evidence: int, use_evidence: bool, min_person_evidence: float
    ) -> None:
        self.min_single_name_evidence = min_single_name_evidence
        # Off only when the evidence weights are refitted, so every candidate is seen.
        self.use_evidence = use_evidence
        self.min_person_evidence = min_person_evidence
        self.evidence = PersonEvidence()
        self.figures = public_figures()
        self.body_nouns = lexicon.lower_set("generic_body_nouns.txt") | lexicon.lower_set(
            "institution_nouns.txt"
        )
        self.place_nouns = lexicon.lower_set("place_nouns.txt")

    def people(self, doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
        """The clusters that pass both the lone-surname test and the weighed evidence."""
        surnames = {c.surname for c in clusters if len(c.longest) > 1}
        clusters = [c for c in clusters if self.is_person(doc, c, surnames)]
        return self.weigh_evidence(doc, clusters)

    def is_person(self, doc: Doc, c: Cluster, surnames: set[str]) -> bool:
        """Keep full names; keep a lone surname only with evidence it names an acting person."""
        real = [m for m in c.mentions if not m.eponym]
        if not real:
            return False
        if len(c.longest) > 1:
            return True
        word = c.longest[0]
        if "-" in word and any(part in surnames for part in word.split("-")):
            return False  # "the Putin-Biden call" names a call, not a person
        places = sum(1 for m in real if _place_like(doc[m.end - 1], self.place_nouns))
        if places * 2 >= len(real):
            return False  # "in Luhansk", "the Zaporizhzhya region": a place the model took
        named_with_the = sum(1 for m in real if m.start > 0 and doc[m.start - 1].lower_ == "the")
        if named_with_the * 2 >= len(real):
            return False  # "the Quad": people are not named with "the"
        if any(m.start > 0 and doc[m.start - 1].lower_ in self.body_nouns for m in real):
            return False  # "The US image company Maxar said": a body named after its kind
        if self.figures.find(c.longest) is not None:
            return True  # "Scholz would offer Putin a dialogue": a surname that is known
        evidence = len(real)
        for m in real:
            if m.role.titles or m.role.gender:
                evidence += 2
            head = doc[m.end - 1]
            possessive = m.end < len(doc) and doc[m.end].text in POSSESSIVE
            if head.dep_ in ("nsubj", "nsubjpass", "poss") or possessive:
                evidence += 1
        return evidence >= self.min_single_name_evidence

    def weigh_evidence(self, doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
        """Keep the candidates whose evidence for a person outweighs the evidence for an
        outlet, a body, a place or a thing; record every candidate's features in
        `doc.user_data` for refitting the weights."""
        kept, seen = [], []
        for c in clusters:
            features = self.evidence.features(doc, self._candidate(doc, c))
            seen.append((" ".join(c.longest), features))
            if not self.use_evidence or self.evidence.score(features) >= self.min_person_evidence:
                kept.append(c)
        doc.user_data[CANDIDATES_KEY] = seen
        return kept

    def _candidate(self, doc: Doc, c: Cluster) -> Candidate:
        words = c.longest
        return Candidate(
            mentions=[doc[m.start : m.end] for m in c.mentions],
            titled=any(m.role.titles for m in c.mentions),
            known_figure=self.figures.find(words) is not None,
            first_name_known=len(words) > 1 and first_name_gender(words[0]) is not None,
            first_name_alone=len(words) == 1 and first_name_gender(words[0]) is not None,
        )


def _place_like(token: Token, place_nouns: frozenset[str]) -> bool:
    """A name used as a place: object of a place preposition, or before a place noun
    ("region")."""
    if token.dep_ == "pobj" and token.head.lower_ in _PLACE_PREPOSITIONS:
        return True
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is not None and following.lower_ in place_nouns
