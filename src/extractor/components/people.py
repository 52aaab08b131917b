"""People: one entry per person, under the longest name the article uses, with titles and country.

The model's PERSON entities are the evidence; this component cleans them (titles and
possessives off, photo credits and bylines out), clusters the mentions of one person
("Vladimir Putin", "Putin", "President Putin’s"), recovers mentions the model labelled as
something else when the name is elsewhere a person, and reads titles and the country acted
for from pre-modifiers ("Russian President ...") and appositions ("..., a White House
spokeswoman").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import gender_guesser.detector as gender_detector
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractor import lexicon
from extractor.annotations import PersonRecord
from extractor.components.roles import Role, RoleReader
from extractor.credits import credit_regions, inside

POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
MAX_NAME_TOKENS = 5


@Language.factory(
    "extractor_people",
    default_config={"min_single_name_evidence": 2},
)
def make_people(nlp: Language, name: str, min_single_name_evidence: int) -> PeopleFinder:
    return PeopleFinder(min_single_name_evidence)


@dataclass
class _Mention:
    start: int  # token index of the first name token
    end: int  # token index just past the last name token
    words: tuple[str, ...]
    role: Role
    eponym: bool = False  # "the Biden administration": names something else


@dataclass
class _Cluster:
    mentions: list[_Mention] = field(default_factory=list)

    @property
    def longest(self) -> tuple[str, ...]:
        return max((m.words for m in self.mentions), key=lambda w: (len(w), len(" ".join(w))))

    @property
    def surname(self) -> str:
        return self.longest[-1]


class PeopleFinder:
    """Sets `doc._.people` and `doc._.person_at` (token index -> person id)."""

    def __init__(self, min_single_name_evidence: int) -> None:
        self.min_single_name_evidence = min_single_name_evidence
        self.roles = RoleReader()
        self.countries = lexicon.countries()
        self.organization_names = {
            name.lower() for org in lexicon.organizations() for name in (org.name, *org.aliases)
        }
        self.credit_words = lexicon.lower_set("credit_markers.txt")
        self.eponym_heads = lexicon.lower_set("eponym_heads.txt")
        self.honorifics = lexicon.honorifics()
        self.title_words = {word for title in lexicon.titles() for word in title}
        self.genders = gender_detector.Detector(case_sensitive=False)

    def __call__(self, doc: Doc) -> Doc:
        excluded = credit_regions(doc.text)
        mentions = [
            m for m in (self._mention(ent) for ent in doc.ents if ent.label_ == "PERSON") if m
        ]
        mentions = [m for m in mentions if not inside(doc[m.start : m.end], excluded)]
        clusters = cluster(mentions)
        self._recover_mentions(doc, clusters, excluded)
        clusters = [c for c in clusters if self._is_person(doc, c)]
        people, person_at = self._records(doc, clusters)
        doc._.people = people
        doc._.person_at = person_at
        return doc

    def _mention(self, entity: Span) -> _Mention | None:
        """Return the cleaned name inside a PERSON entity, or None when it is not a name."""
        tokens = list(entity)
        while tokens and (
            tokens[0].lower_ in self.title_words
            or tokens[0].lower_ in self.honorifics
            or tokens[0].pos_ == "DET"
        ):
            tokens.pop(0)
        while tokens and (tokens[-1].text in POSSESSIVE or tokens[-1].is_punct):
            tokens.pop()
        if not tokens or len(tokens) > MAX_NAME_TOKENS:
            return None
        span = entity.doc[tokens[0].i : tokens[-1].i + 1]
        if not self._looks_like_name(span):
            return None
        return self._make_mention(span)

    def _make_mention(self, span: Span) -> _Mention:
        return _Mention(
            start=span.start,
            end=span.end,
            words=tuple(t.text for t in span),
            role=self.roles.role_of(span),
            eponym=is_eponym(span, self.eponym_heads),
        )

    def _looks_like_name(self, span: Span) -> bool:
        text = span.text
        if any(ch.isdigit() for ch in text) or "/" in text or "@" in text:
            return False
        if not all(t.text[:1].isupper() or t.is_punct or t.lower_ in _PARTICLES for t in span):
            return False
        lowered = text.lower()
        if self.countries.code_of(lowered) or lowered in self.organization_names:
            return False
        return not any(t.lower_ in self.credit_words for t in span)

    def _recover_mentions(self, doc: Doc, clusters: list[_Cluster], excluded: list[range]) -> None:
        """Add mentions the model missed or mislabelled: "Reznikov" tagged ORG, "Zelensky’s"."""
        covered = {i for c in clusters for m in c.mentions for i in range(m.start, m.end)}
        by_surname: dict[str, list[_Cluster]] = {}
        for c in clusters:
            by_surname.setdefault(c.surname, []).append(c)
        for token in doc:
            if token.i in covered or token.text not in by_surname:
                continue
            if token.ent_type_ not in ("", "PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"):
                continue
            if token.pos_ != "PROPN" and token.is_sent_start:
                continue
            if inside(doc[token.i : token.i + 1], excluded):
                continue
            start = _name_start(token, covered)
            span = doc[start : token.i + 1]
            if not self._looks_like_name(span):
                continue
            candidates = by_surname[token.text]
            target = _match_cluster(tuple(t.text for t in span), candidates) or candidates[0]
            target.mentions.append(self._make_mention(span))
            covered.update(range(span.start, span.end))
        for c in clusters:
            c.mentions.sort(key=lambda m: m.start)

    def _is_person(self, doc: Doc, c: _Cluster) -> bool:
        """Keep full names; keep a lone surname only with evidence it names an acting person."""
        real = [m for m in c.mentions if not m.eponym]
        if not real:
            return False
        if len(c.longest) > 1:
            return True
        evidence = len(real)
        for m in real:
            if m.role.titles or m.role.gender:
                evidence += 2
            head = doc[m.end - 1]
            possessive = m.end < len(doc) and doc[m.end].text in POSSESSIVE
            if head.dep_ in ("nsubj", "nsubjpass", "poss") or possessive:
                evidence += 1
        return evidence >= self.min_single_name_evidence

    def _records(
        self, doc: Doc, clusters: list[_Cluster]
    ) -> tuple[list[PersonRecord], dict[int, str]]:
        clusters = sorted(clusters, key=lambda c: c.mentions[0].start)
        people: list[PersonRecord] = []
        person_at: dict[int, str] = {}
        for number, c in enumerate(clusters, start=1):
            person_id = f"p{number}"
            longest = next(m for m in c.mentions if m.words == c.longest)
            record = PersonRecord(
                id=person_id,
                name=doc[longest.start : longest.end].text,
                mentions=[
                    (doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])) for m in c.mentions
                ],
                titles=_unique_titles(t for m in c.mentions for t in m.role.titles),
                country=_vote(m.role.country for m in c.mentions),
                gender=_vote(m.role.gender for m in c.mentions) or self._first_name_gender(c),
            )
            people.append(record)
            for m in c.mentions:
                for i in range(m.start, m.end):
                    person_at[i] = person_id
        return people, person_at

    def _first_name_gender(self, c: _Cluster) -> str | None:
        words = c.longest
        if len(words) < 2 or len(words[0].rstrip(".")) < 2:
            return None
        guess = self.genders.get_gender(words[0])
        return {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}.get(guess)


_PARTICLES = frozenset({"van", "von", "de", "der", "da", "di", "del", "la", "le", "bin", "al", "-"})


def is_eponym(span: Span, heads: frozenset[str]) -> bool:
    """True for a name used to name something else: "the Biden administration"."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and after.text in POSSESSIVE:
        return False
    last = span[-1]
    return last.dep_ == "compound" and last.head.lower_ in heads and last.head.i >= span.end


def _name_start(token: Token, covered: set[int]) -> int:
    """Extend a surname left over first names written before it ("Oleksii Reznikov")."""
    start = token.i
    while start > 0:
        previous = token.doc[start - 1]
        if previous.i in covered or previous.pos_ != "PROPN" or not previous.text[:1].isupper():
            break
        if previous.ent_type_ not in ("", "PERSON"):
            break
        start -= 1
    return start


def cluster(mentions: list[_Mention]) -> list[_Cluster]:
    """Group mentions of one person: full names first, then lone names by surname."""
    clusters: list[_Cluster] = []
    singles: list[_Mention] = []
    for m in sorted(mentions, key=lambda m: m.start):
        if len(m.words) == 1:
            singles.append(m)
            continue
        target = _match_cluster(m.words, clusters)
        if target is None:
            target = _Cluster()
            clusters.append(target)
        target.mentions.append(m)
    for m in singles:
        candidates = [c for c in clusters if c.surname == m.words[0]]
        if not candidates:
            candidates = [c for c in clusters if len(c.longest) == 1 and c.longest == m.words]
        if candidates:
            # Two people sharing a surname: the one named most recently before this mention.
            before = [c for c in candidates if c.mentions[0].start < m.start] or candidates
            target = max(
                before,
                key=lambda c: (
                    max(x.start for x in c.mentions if x.start < m.start)
                    if any(x.start < m.start for x in c.mentions)
                    else -1
                ),
            )
        else:
            target = _Cluster()
            clusters.append(target)
        target.mentions.append(m)
    for c in clusters:
        c.mentions.sort(key=lambda m: m.start)
    return clusters


def _match_cluster(words: tuple[str, ...], clusters: list[_Cluster]) -> _Cluster | None:
    """Return the cluster a multi-word name belongs to: same surname, compatible first name."""
    for c in clusters:
        other = c.longest
        if other[-1] != words[-1]:
            continue
        if len(words) == 1 or len(other) == 1 or _same_first(words[0], other[0]):
            return c
    return None


def _same_first(a: str, b: str) -> bool:
    """ "Joe"/"Joe", or an initial: "J."/"Joe"."""
    a, b = a.rstrip("."), b.rstrip(".")
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _unique_titles(titles: object) -> list[str]:
    seen: dict[str, str] = {}
    for title in titles:  # type: ignore[attr-defined]
        seen.setdefault(title.lower(), title)
    return list(seen.values())


def _vote(values: object) -> str | None:
    counts = Counter(v for v in values if v)  # type: ignore[attr-defined]
    if not counts:
        return None
    return counts.most_common(1)[0][0]
