"""Countries: names, aliases, demonyms, and capitals or seats of government when they act.

"Russia", "the U.S.", "Belarusian troops", "Moscow said", "the Kremlin" all count;
"talks in Paris" does not, since Paris is only the place.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from extractor import lexicon
from extractor.annotations import CountryRecord
from extractor.linguistics.syntax import entity_of

# Dependency labels under which a capital names the government acting, not the place:
# "Moscow said" (nsubj), "Moscow's demands" (poss), "relations between Moscow and Kyiv" (pobj
# of an actor preposition, see ACTOR_PREPOSITIONS).
ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent"})
ACTOR_PREPOSITIONS = frozenset({"by", "between", "against", "with"})
# Larger names that swallow a country's name: "the Washington Post", "Sea of Japan".
SWALLOWING_LABELS = frozenset({"PERSON", "FAC", "WORK_OF_ART", "LOC", "GPE", "EVENT", "PRODUCT"})


@Language.factory(
    "extractor_gazetteer",
    default_config={},
    assigns=["doc._.countries", "doc._.country_at"],
    # Also reads token.pos, which the base model's attribute_ruler sets without declaring it:
    # requiring it would make analyze_pipes warn about a value that is there.
    requires=[
        "doc.ents",
        "token.ent_type",
        "token.ent_iob",
        "token.tag",
        "token.dep",
        "token.head",
        "doc.sents",
    ],
)
def make_gazetteer(nlp: Language, name: str) -> CountryGazetteer:
    return CountryGazetteer(nlp)


class CountryGazetteer:
    """Sets `doc._.countries` (counted countries) and `doc._.country_at` (token -> code)."""

    def __init__(self, nlp: Language) -> None:
        self.lexicon = lexicon.countries()
        self.compass_words = lexicon.lower_set("compass_words.txt")
        self.government_nouns = lexicon.lower_set("government_nouns.txt")
        self.kinds: dict[tuple[str, ...], tuple[str, str]] = {}
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        patterns = []
        for phrase, code, kind in self.lexicon.forms:
            pattern = nlp.make_doc(phrase)
            self.kinds[tuple(t.lower_ for t in pattern)] = (code, kind)
            patterns.append(pattern)
        self.matcher.add("COUNTRY", patterns)

    def __call__(self, doc: Doc) -> Doc:
        mentions: dict[str, list[Span]] = {}
        country_at: dict[int, str] = {}
        for span in self._spans(doc):
            code, kind = self.kinds[tuple(t.lower_ for t in span)]
            if not self._is_name(span) or self._is_historical(span):
                continue
            if self._swallowed(span, kind):
                continue
            for token in span:
                country_at[token.i] = code
            if kind == "capital" and not acts(span, self.government_nouns):
                continue
            mentions.setdefault(code, []).append(span)
        doc._.country_at = country_at
        doc._.countries = [
            CountryRecord(code=code, name=self.lexicon.name_of(code), mentions=spans)
            for code, spans in mentions.items()
        ]
        return doc

    def _spans(self, doc: Doc) -> list[Span]:
        """Return the longest non-overlapping matches, in text order."""
        return filter_spans(self.matcher(doc, as_spans=True))

    @staticmethod
    def _is_name(span: Span) -> bool:
        """A name is capitalized ("Turkey", not "turkey"); "US" must not be the pronoun."""
        first = span[0]
        if not first.text[:1].isupper():
            return False
        if first.text == "US" and len(span) == 1:
            return not _is_pronoun_us(first)
        return True

    def _is_historical(self, span: Span) -> bool:
        """ "Nazi Germany" and "Tsarist Russia" are not today's countries."""
        start = span.start
        if start == 0:
            return False
        return span.doc[start - 1].lower_ in self.lexicon.historical

    def _swallowed(self, span: Span, kind: str) -> bool:
        """True when the match is part of a longer name of something else."""
        first = span[0]
        if not first.ent_type_:
            return False
        entity = entity_of(first)
        if entity is None or (entity.start == span.start and entity.end == span.end):
            return False
        if entity.label_ == "ORG":
            # "the Washington Post" swallows its capital; "the Russian Defense Ministry" still
            # says Russian.
            return kind == "capital"
        if entity.label_ not in SWALLOWING_LABELS:
            return False
        extra = [t for t in entity if t.i < span.start or t.i >= span.end]
        extra = [t for t in extra if t.pos_ != "DET"]  # "The United States" is still it
        return any(
            t.is_alpha and t.text[:1].isupper() and t.lower_ not in self.compass_words
            for t in extra
        )


def _is_pronoun_us(token: Token) -> bool:
    """ "JOIN US ON TELEGRAM": in capitals, "US" before a function word is the pronoun."""
    if token.tag_ == "PRP":
        return True
    sentence = token.sent.text
    if any(ch.islower() for ch in sentence):
        return False
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return following is None or following.is_stop or not following.is_alpha


def acts(span: Span, government_nouns: frozenset[str]) -> bool:
    """True when a capital stands for its government: subject, possessor, actor, or the
    modifier of one of `government_nouns`."""
    token = span.root
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ in ACTOR_DEPS:
        return True
    if token.dep_ == "pobj" and token.head.lower_ in ACTOR_PREPOSITIONS:
        return True
    # "Moscow officials", "the Kyiv government": a capital modifying its government.
    return token.dep_ == "compound" and token.head.lower_ in government_nouns
