"""Titles are split into words one way: as the pipeline tokenizes the article's text."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from extractor import lexicon
from extractor.resources import word_list


def test_every_title_splits_as_the_pipeline_tokenizes_it(nlp: Language) -> None:
    different = [
        title
        for title in word_list("titles.txt")
        if lexicon.title_words(title) != tuple(t.lower_ for t in nlp.make_doc(title))
    ]
    assert different == []


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("UN Secretary-General Antonio Guterres spoke.", "Secretary-General"),
        ("Maj. Gen. Patrick Ryder spoke.", "Maj. Gen."),
    ],
    ids=["hyphenated-title", "abbreviated-title"],
)
def test_a_title_with_hyphens_or_full_stops_is_read(
    annotate: Callable[[str], Doc], text: str, title: str
) -> None:
    assert [p.titles for p in annotate(text)._.people] == [[title]]
