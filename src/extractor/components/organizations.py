"""Organizations: one entry per organization with all its mentions.

The model's ORG entities plus the organizations in `models/organizations.tsv`; an acronym and
its long form are merged when the gazetteer lists them together or the article pairs them
("the North Atlantic Treaty Organization (NATO)").
"""

from __future__ import annotations

import re
from dataclasses import asdict

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extractor import lexicon
from extractor.annotations import OrganizationRecord
from extractor.linguistics.credits import CreditLimits, CreditWords, doc_credit_regions, skipped
from extractor.linguistics.syntax import in_capitals_line

_LEADING = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
_TRAILING_POSSESSIVE = re.compile(r"(?:['’]s?|\s)+$")


@Language.factory(
    "extractor_organizations",
    # How long a credit or byline, which no organization is taken from, may be.
    default_config={**asdict(CreditLimits())},
    assigns=["doc._.organizations", "doc._.organization_at"],
    # Also reads token.pos, set by the attribute_ruler, which declares nothing (see gazetteer).
    requires=[
        "doc.ents",
        "token.tag",
        "doc._.person_at",
        "doc._.country_at",
        "token._.is_furniture",
    ],
)
def make_organizations(
    nlp: Language, name: str, max_byline_words: int, max_credit_chars: int
) -> OrganizationFinder:
    return OrganizationFinder(nlp, CreditLimits(max_byline_words, max_credit_chars))


class OrganizationFinder:
    """Sets `doc._.organizations` and `doc._.organization_at` (token index -> org name)."""

    def __init__(self, nlp: Language, credit_limits: CreditLimits) -> None:
        self.countries = lexicon.countries()
        self.places = lexicon.lower_set("places.txt")
        self.credit_words = CreditWords.load(credit_limits)
        self.canonical: dict[str, str] = {}
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.make_doc = nlp.make_doc
        self.titles = frozenset(lexicon.title_tokens())
        # Forms listed in capitals ("WHO") match only in capitals: "Who asked ..." is no body.
        self.acronyms: set[str] = set()
        for org in lexicon.organizations():
            for form in (org.name, *org.aliases):
                self.canonical[_key(form)] = org.name
                self.matcher.add(org.name, [nlp.make_doc(form)])
                if form.isupper():
                    self.acronyms.add(_key(form))

    def __call__(self, doc: Doc) -> Doc:
        person_at = doc._.person_at or {}
        spans = self._candidates(doc)
        pairs = acronym_pairs(doc, spans)
        groups: dict[str, OrganizationRecord] = {}
        organization_at: dict[int, str] = {}
        for span in spans:
            if any(t.i in person_at for t in span) or not self._names_a_body(span):
                continue
            name = self._name_of(span, pairs)
            if not name:
                continue
            record = groups.setdefault(name, OrganizationRecord(name=name, mentions=[]))
            record.mentions.append(span)
            written = clean_name(span.text)
            if _key(written) != _key(name) and written not in record.aliases:
                record.aliases.append(written)
            for token in span:
                organization_at[token.i] = name
        self._repeated_mentions(doc, groups, organization_at, person_at)
        doc._.organizations = list(groups.values())
        doc._.organization_at = organization_at
        return doc

    def _repeated_mentions(
        self,
        doc: Doc,
        groups: dict[str, OrganizationRecord],
        organization_at: dict[int, str],
        person_at: dict[int, str],
    ) -> None:
        """The same name written again where the model saw no organization: "Russian energy
        giant Gazprom says" when only a later "Gazprom’s announcement" was tagged."""
        matcher = PhraseMatcher(doc.vocab, attr="ORTH")
        for name, record in groups.items():
            for form in {name, *record.aliases}:
                if not form[:1].isupper():
                    continue
                pattern = self.make_doc(form)
                # "the Taoiseach" tagged ORG once is still a title everywhere else. The form's
                # words are the pipeline's tokens, which titles are split to match one for one.
                if tuple(t.lower_ for t in pattern) not in self.titles:
                    matcher.add(name, [pattern])
        for match_id, start, end in matcher(doc):
            span = doc[start:end]
            if any(t.i in organization_at or t.i in person_at for t in span):
                continue
            name = doc.vocab.strings[match_id]
            groups[name].mentions.append(span)
            for token in span:
                organization_at[token.i] = name
        for record in groups.values():
            record.mentions.sort(key=lambda span: (span.start, span.end))

    def _candidates(self, doc: Doc) -> list[Span]:
        """Return gazetteer matches and ORG entities outside photo credits, the longest
        where they overlap."""
        excluded = doc_credit_regions(doc, self.credit_words)
        known = [
            s
            for s in self.matcher(doc, as_spans=True)
            if s[0].text[:1].isupper() and (_key(s.text) not in self.acronyms or s.text.isupper())
        ]
        entities = [trimmed(e) for e in doc.ents if e.label_ == "ORG"]
        candidates = [s for s in known + entities if len(s) and not skipped(s, excluded)]
        return filter_spans(candidates)

    def _names_a_body(self, span: Span) -> bool:
        """Leave out what the model calls an organization but is a country ("Moldova"), a
        place ("Kharkiv"), a bare word ("the", "state"), or a fragment of a headline in
        capitals or of a video caption ("EASTERN", "Ukraine.1:13")."""
        name = clean_name(span.text)
        if not any(ch.isupper() for ch in name) or (
            any(ch.isdigit() for ch in name) and ":" in name
        ):
            return False
        if self.countries.kind_of(name) in ("name", "demonym", "capital"):
            return False
        if name.lower() in self.places:
            return False
        if self._completes_a_title(span):
            return False  # "Secretary of State": "State" is part of a title
        if self._is_a_title(span):
            return False
        known = _key(name) in self.canonical
        return known or not in_capitals_line(span[0])

    def _is_a_title(self, span: Span) -> bool:
        """ "Minister of Foreign Affairs", "President of Ukraine": a title with what it is of
        names an office, not a body (the ministry is "Ministry of ...")."""
        words = [t for t in span if t.lower_ != "the"]
        return len(words) > 2 and (words[0].lower_,) in self.titles and words[1].lower_ == "of"

    def _completes_a_title(self, span: Span) -> bool:
        doc = span.doc
        for size in (1, 2, 3):
            start = span.start - size
            words = tuple(t.lower_ for t in doc[max(start, 0) : span.end])
            if start >= 0 and words in self.titles:
                return True
        return False

    def _name_of(self, span: Span, pairs: dict[str, str]) -> str:
        written = clean_name(span.text)
        key = _key(written)
        if key in self.canonical and _owned_by_a_country(span):
            # "Russia's Security Council" is Russia's, not the UN's the list means.
            return written
        if key in self.canonical:
            return self.canonical[key]
        if key in pairs:
            paired = pairs[key]
            return self.canonical.get(_key(paired), paired)
        return written


def _owned_by_a_country(span: Span) -> bool:
    """Whether a country is written right before a name as its owner: "Russia's Security
    Council", "the Russian Security Council". The name is then kept as written."""
    doc = span.doc
    country_at: dict[int, str] = doc._.country_at or {}
    before = span.start - 1
    if before >= 0 and doc[before].text in ("'s", "’s"):
        before -= 1
    return before >= 0 and before in country_at


def trimmed(entity: Span) -> Span:
    """Cut an entity at its first verb or bracket: headline case makes the model run names into
    verbs ("Kremlin Rules out War"), and a paired acronym is not part of the name ("Center for
    Strategic and International Studies (CSIS)"). Quotation marks around it go too."""
    doc = entity.doc
    start, end = entity.start, entity.end
    for token in entity:
        if token.pos_ in ("VERB", "AUX") or token.tag_ in ("VBZ", "VBD") or token.text == "(":
            end = token.i
            break
    while start < end and (doc[start].is_quote or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_quote or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end]


def clean_name(text: str) -> str:
    """Drop a leading article and a trailing possessive: "the Kremlin’s" -> "Kremlin"."""
    text = _LEADING.sub("", text.strip())
    return _TRAILING_POSSESSIVE.sub("", text)


def _key(name: str) -> str:
    return " ".join(clean_name(name).lower().split())


def acronym_pairs(doc: Doc, spans: list[Span]) -> dict[str, str]:
    """Return long form -> acronym for names written "Long Form (LF)" in the article."""
    pairs: dict[str, str] = {}
    for span in spans:
        end = span.end
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
            acronym = doc[end + 1].text
            if acronym.isupper() and _initials(span.text).startswith(acronym[0]):
                pairs[_key(span.text)] = acronym
    return pairs


def _initials(text: str) -> str:
    return "".join(word[0] for word in clean_name(text).split() if word[:1].isupper())
