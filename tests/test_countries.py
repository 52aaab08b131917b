"""Countries: names, demonyms, and capitals only when they act, on real excerpts."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from .excerpts import excerpt

CASES: list[tuple[str, tuple[str, str, int, int], list[str]]] = [
    ("headline-names-and-seat", ("000", "Putin Says US", 1, 0), ["US", "RU", "UA"]),
    ("russian-federation", ("000", "There won’t be a war as far", 1, 0), ["RU"]),
    ("demonyms", ("000", "Belarusian leader Alexander Lukashenko also", 1, 0), ["BY", "RU"]),
    ("capital-acting", ("000", "While Moscow and the West are mulling", 1, 0), ["RU", "US"]),
    ("historical-state", ("14", "Nazi Germany", 1, 0), ["RU", "UA"]),
    ("pronoun-us-in-capitals", ("44", "JOIN US ON TELEGRAM", 1, 0), []),
]


@pytest.mark.parametrize(("source", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_countries_in_real_passages(
    annotate: Callable[[str], Doc], source: tuple[str, str, int, int], expected: list[str]
) -> None:
    doc = annotate(excerpt(*source))
    assert [c.code for c in doc._.countries] == expected


def test_country_mentions_point_into_the_text(annotate: Callable[[str], Doc]) -> None:
    doc = annotate(excerpt("000", "Putin Says US", 1, 0))
    written = {c.code: [m.text for m in c.mentions] for c in doc._.countries}
    assert written == {"US": ["US"], "RU": ["Kremlin"], "UA": ["Ukraine"]}


def test_capitals_that_are_only_places_do_not_count(annotate: Callable[[str], Doc]) -> None:
    # "... between Russia, Ukraine, France, and Germany. Presidential envoys ... met in Paris
    # on Wednesday and agreed to another meeting in Berlin in two weeks."
    doc = annotate(excerpt("000", "Presidential envoys from the four countries", 1, 0))
    written = {c.code: [m.text for m in c.mentions] for c in doc._.countries}
    assert written["FR"] == ["France"]
    assert written["DE"] == ["Germany"]


def test_a_country_written_with_the_is_still_named(annotate: Callable[[str], Doc]) -> None:
    # (an alias that began with "the" outmatched the bare name and then failed as no capital)
    doc = annotate("Kyiv thanked the Netherlands for the air defence systems.")
    assert "NL" in [c.code for c in doc._.countries]
