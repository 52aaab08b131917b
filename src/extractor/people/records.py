"""One PersonRecord per cluster: its name, mentions as Spans, titles, gender."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc

from extractor.annotations import PersonRecord
from extractor.linguistics.public_figures import PublicFigures
from extractor.people.clusters import Cluster, canonical_name
from extractor.people.words import first_name_gender


def records(
    doc: Doc, clusters: list[Cluster], figures: PublicFigures, min_slip_length: int
) -> tuple[list[PersonRecord], dict[int, str]]:
    """One record per cluster, in the order given (the order of first mentions), and the
    person id at each token of a mention. `min_slip_length`: see `canonical_name`."""
    people: list[PersonRecord] = []
    person_at: dict[int, str] = {}
    for number, c in enumerate(clusters, start=1):
        person_id = f"p{number}"
        record = PersonRecord(
            id=person_id,
            name=canonical_name(c, figures, min_slip_length),
            mentions=[doc[m.start : m.end] for m in c.mentions],
            titles=_unique_titles(t for m in c.mentions for t in m.role.titles),
            country=vote(m.role.country for m in c.mentions),
            gender=vote(m.role.gender for m in c.mentions) or _cluster_gender(c),
        )
        people.append(record)
        for m in c.mentions:
            for i in range(m.start, m.end):
                person_at[i] = person_id
    return people, person_at


def _cluster_gender(c: Cluster) -> str | None:
    """The gender a first name usually has, for a full name or a first name alone
    ("Alla, a 40-something-year-old head ..."); a surname alone says nothing."""
    words = c.longest
    if len(words) >= 2:
        return first_name_gender(words[0])
    first_name_only = any(m.first_name_only for m in c.mentions)
    return first_name_gender(words[0]) if first_name_only else None


def _unique_titles(titles: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for title in titles:
        seen.setdefault(title.lower(), title)
    return list(seen.values())


def vote(values: Iterable[str | None]) -> str | None:
    """The value given most often (the first of a tie), or None when none is given."""
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return counts.most_common(1)[0][0]
