"""Organizations: what is and is not a body, on constructed sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

# (id, sentence, organization names expected)
CASES: list[tuple[str, str, list[str]]] = [
    (
        "listed-acronym-only-in-capitals",
        "Who asked for a selfie? The WHO said the risk was low.",
        ["WHO"],
    ),
    ("state-of-a-title", "Secretary of State Antony Blinken met Sergei Lavrov.", []),
    (
        "a-title-of-something-is-no-body",
        "The British Minister of Foreign Affairs also assured that London would help.",
        [],
    ),
    (
        "a-countrys-own-council",
        "Russia's Security Council met on Friday.",
        ["Security Council"],
    ),
    ("listed-council", "The UN Security Council met on Friday.", ["UN Security Council"]),
    (
        "a-seat-of-government-is-a-body",
        "Downing Street agreed the target was outdated, and the Kremlin said nothing.",
        ["Downing Street", "Kremlin"],
    ),
    (
        "nothing-from-furniture",
        "Russia masses troops\n\nNATO met.\n\n"
        "Authors: Riley Bailey, Institute for the Study of War\n",
        ["NATO"],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [(t, e) for _, t, e in CASES], ids=[i for i, _, _ in CASES]
)
def test_organizations(annotate: Callable[[str], Doc], text: str, expected: list[str]) -> None:
    assert [o.name for o in annotate(text)._.organizations] == expected


def test_a_title_tagged_once_is_not_found_again(annotate: Callable[[str], Doc]) -> None:
    """ "the Taoiseach" the model tagged ORG once (gold article 42) is still a title everywhere
    else: its other mentions are not added as the organization's."""
    doc = annotate(
        "The Taoiseach’s tour also took him through the village of Horenka. "
        "The Taoiseach was then shown the remnants of several Russian tanks."
    )
    assert [(o.name, [(s.start, s.text) for s in o.mentions]) for o in doc._.organizations] == [
        ("Taoiseach", [(1, "Taoiseach")])
    ]
