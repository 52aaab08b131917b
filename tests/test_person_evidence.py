"""People evidence: names of outlets, bodies and things are not people; people stay people."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

# (id, sentence, the people expected)
CASES: list[tuple[str, str, list[str]]] = [
    (
        "outlet-after-published-by",
        "He was asked about a document published by Zerkalo Nedeli last week.",
        [],
    ),
    (
        "newspaper-named-before-newspaper",
        "Last August the Pskovskaya Guberniya newspaper published a series of articles.",
        [],
    ),
    (
        "body-word-in-the-name",
        "The commander of the 36th Separate Marine Brigade spoke by phone on Tuesday.",
        [],
    ),
    ("assembly-after-general", "The U.N. General Assembly voted to condemn Russia.", []),
    (
        "name-modifying-a-noun",
        "Without more Patriot air defense missile systems, cities stay exposed.",
        [],
    ),
    ("acronym-alone", "KIIS said in releasing its polling results on Friday.", []),
    (
        "speaker-with-a-known-first-name",
        "Remus Cernea, a war reporter, said the front was quiet. Cernea added nothing.",
        ["Remus Cernea"],
    ),
    (
        "titled-surname",
        "Foreign Minister Kallas said the alliance stood united.",
        ["Kallas"],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [(t, e) for _, t, e in CASES], ids=[i for i, _, _ in CASES]
)
def test_person_evidence(annotate: Callable[[str], Doc], text: str, expected: list[str]) -> None:
    assert [p.name for p in annotate(text)._.people] == expected


# Person countries from the phrase that says what the person is.
COUNTRY_CASES: list[tuple[str, str, tuple[str, str | None]]] = [
    (
        "commander-of-a-national-unit",
        "The commander of Ukraine's 36th Separate Marine Brigade, Maj. Serhii Volyna, told CNN "
        "by phone that the plant was hit.",
        ("Serhii Volyna", "UA"),
    ),
    (
        "relative-clause-says-the-office",
        "Kelly Craft, who was the United States ambassador to the world body, said it was hard.",
        ("Kelly Craft", "US"),
    ),
    (
        "director-of-a-national-agency",
        "The director of GCHQ, Sir Jeremy Fleming, told an audience that there were risks.",
        ("Jeremy Fleming", "GB"),
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [(t, e) for _, t, e in COUNTRY_CASES],
    ids=[i for i, _, _ in COUNTRY_CASES],
)
def test_person_country_from_context(
    annotate: Callable[[str], Doc], text: str, expected: tuple[str, str | None]
) -> None:
    assert [(p.name, p.country) for p in annotate(text)._.people] == [expected]


# Countries left null where the article does not make them plain, or says otherwise.
NULL_COUNTRY_CASES: list[tuple[str, str, tuple[str, str | None]]] = [
    (
        "head-of-an-international-body",
        "He made the comments after meeting with OSCE chairman Didier Burkhalter in "
        "Switzerland. Switzerland was calm.",
        ("Didier Burkhalter", None),
    ),
    (
        "title-joined-by-to-is-someone-elses",
        "Prime Minister of India to Vladimir Putin: This is not the time of wars. Russia listened.",
        ("Vladimir Putin", "RU"),
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [(t, e) for _, t, e in NULL_COUNTRY_CASES],
    ids=[i for i, _, _ in NULL_COUNTRY_CASES],
)
def test_person_country_not_taken_from_elsewhere(
    annotate: Callable[[str], Doc], text: str, expected: tuple[str, str | None]
) -> None:
    assert [(p.name, p.country) for p in annotate(text)._.people] == [expected]


LIST_CASES: list[tuple[str, str, list[tuple[str, str | None]]]] = [
    (
        "office-holders-listed-share-a-government",
        "We listened to the reports of Head of the Defense Intelligence of Ukraine Kyrylo "
        "Budanov, Head of the Foreign Intelligence Service Oleksandr Lytvynenko, Minister of "
        "Defense of Ukraine Oleksiy Reznikov, as well as Minister of Internal Affairs Denys "
        "Monastyrskyi.",
        [
            ("Kyrylo Budanov", "UA"),
            ("Oleksandr Lytvynenko", "UA"),
            ("Oleksiy Reznikov", "UA"),
            ("Denys Monastyrskyi", "UA"),
        ],
    ),
    (
        "head-of-a-body-listed-with-ministers",
        "Russian Foreign Minister Sergei Lavrov, Russian Defence Minister Sergei Shoigu and "
        "Secretary-General Antonio Guterres met in Geneva.",
        [("Sergei Lavrov", "RU"), ("Sergei Shoigu", "RU"), ("Antonio Guterres", None)],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [(t, e) for _, t, e in LIST_CASES], ids=[i for i, _, _ in LIST_CASES]
)
def test_person_country_from_a_list_of_office_holders(
    annotate: Callable[[str], Doc], text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert [(p.name, p.country) for p in annotate(text)._.people] == expected
