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


# "..., according to former astronaut and Navy captain, Sen. Mark Kelly." (gold article 52)
# with other titles before the name: a title of several tokens, split at a hyphen or after an
# abbreviation's full stop, is passed over as one to reach the name that closes the sentence.
_CLOSING_NAME = (
    'The crash likely resulted from the pilot’s aggression and "incompetence," according to'
    " former astronaut and Navy captain, {} Mark Kelly."
)


@pytest.mark.parametrize(
    "title",
    ["Sen.", "Col.", "Lt. Gen.", "Lt.-Gen.", "Secretary-General"],
    ids=[
        "one-token-title",
        "full-stop-split-off",
        "two-abbreviations",
        "hyphen-and-full-stops",
        "hyphenated",
    ],
)
def test_a_title_before_a_closing_name_is_passed_over_whole(
    annotate: Callable[[str], Doc], title: str
) -> None:
    doc = annotate(_CLOSING_NAME.format(title))
    assert [(q.kind, q.speaker) for q in doc._.quotes] == [
        ("indirect", "Mark Kelly"),
        ("partial", "Mark Kelly"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russian military analyst Pavel Felgenhauer spoke.",
            [("Pavel Felgenhauer", ["analyst"], None, "m")],
        ),
        (
            "Russian Deputy Foreign Minister Sergei Ryabkov spoke.",
            [("Sergei Ryabkov", ["Deputy Foreign Minister"], "RU", "m")],
        ),
        (
            "Pentagon spokeswoman Kiran Okafor spoke.",
            [("Kiran Okafor", ["spokeswoman"], "US", "f")],
        ),
        (
            "Pentagon spokesman Kiran Okafor spoke.",
            [("Kiran Okafor", ["spokesman"], "US", "m")],
        ),
    ],
    ids=[
        "profession-gives-a-nationality",
        "office-gives-a-country",
        "gendered-title-word-f",
        "gendered-title-word-m",
    ],
)
def test_a_role_is_read_off_the_title_words(
    annotate: Callable[[str], Doc],
    text: str,
    expected: list[tuple[str, list[str], str | None, str]],
) -> None:
    doc = annotate(text)
    assert [(p.name, p.titles, p.country, p.gender) for p in doc._.people] == expected
