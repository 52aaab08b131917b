"""People and their roles on real excerpts of the gold articles."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from .excerpts import excerpt

Person = tuple[str, list[str], str | None]  # name, titles, country

CASES: list[tuple[str, tuple[str, str, int, int], list[Person]]] = [
    ("surname-only-in-a-headline", ("000", "Putin Says US", 1, 0), [("Putin", [], None)]),
    (
        "title-before-the-name",
        ("000", "Foreign Minister Sergey Lavrov said", 1, 0),
        [("Sergey Lavrov", ["Foreign Minister"], None)],
    ),
    (
        "apposition-with-institution",
        ("000", "Emily Horne, a White House", 1, 0),
        [("Emily Horne", ["spokeswoman"], "US"), ("Biden", [], None)],
    ),
    (
        "institution-before-the-title",
        ("01", "Pentagon press secretary John Kirby", 1, 0),
        [("John Kirby", ["press secretary"], "US")],
    ),
    (
        "name-the-model-calls-an-organization",
        ("34", "The Ukrainian president, Volodymyr Zelenskiy", 1, 0),
        [("Volodymyr Zelenskiy", ["president"], "UA")],
    ),
    (
        "photo-credit-and-caption",
        ("000", "NTD Photo", 2, 0),
        [("Volodymyr Zelensky", ["President"], "UA")],
    ),
    ("byline", ("18", "contributed to this report", 1, 0), []),
    ("place-the-model-calls-a-person", ("07", "A gas pipeline in Luhansk", 1, 0), []),
    ("administration-named-after-a-person", ("14", "Biden administration", 1, 0), []),
    (
        "hyphenated-surname-and-title-complement",
        ("03", "Thomas-Greenfield", 1, 0),
        [("Linda Thomas-Greenfield", ["Ambassador"], "US")],
    ),
    (
        "name-particles",
        ("17", "Ursula von der Leyen", 1, 0),
        [("Ursula von der Leyen", ["President"], None), ("Zelensky", [], None)],
    ),
]


@pytest.mark.parametrize(("source", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_people_in_real_passages(
    annotate: Callable[[str], Doc], source: tuple[str, str, int, int], expected: list[Person]
) -> None:
    doc = annotate(excerpt(*source))
    assert [(p.name, p.titles, p.country) for p in doc._.people] == expected


def test_one_entry_per_person_under_the_longest_name(annotate: Callable[[str], Doc]) -> None:
    doc = annotate(excerpt("000", "Putin Says US", 5, 0))
    putin = [p for p in doc._.people if p.name.endswith("Putin")]
    assert [p.name for p in putin] == ["Vladimir Putin"]
    mentions = [doc.text[start:end] for start, end in putin[0].mentions]
    assert mentions[0] == "Putin"
    assert "Vladimir Putin" in mentions
    assert putin[0].country == "RU"


def test_pronoun_gender_comes_from_titles_and_first_names(annotate: Callable[[str], Doc]) -> None:
    doc = annotate(excerpt("000", "Emily Horne, a White House", 1, 0))
    assert {p.name: p.gender for p in doc._.people} == {"Emily Horne": "f", "Biden": None}
