"""Page furniture: prompts, credits and headings marked so that nothing is read from them."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from extractor.components.furniture import FurnitureMarker

HEADLINE = "Russia masses troops near Ukraine\n\n"

# (id, text after a headline, the furniture expected in it)
CASES: list[tuple[str, str, list[str]]] = [
    (
        "newsletter-sign-up",
        "skip past newsletter promotion Sign up to First Edition Free daily newsletter "
        "Enter your email address Sign up\n\nThe talks ended.",
        [
            "skip past newsletter promotion Sign up to First Edition Free daily newsletter "
            "Enter your email address Sign up"
        ],
    ),
    (
        "app-promotion-in-capitals",
        "The talks ended.\n\nCLICK HERE TO GET THE FOX NEWS APP\n\nThey resume on Monday.",
        ["CLICK HERE TO GET THE FOX NEWS APP"],
    ),
    ("advertisement-slot", "The talks ended.\n\nAdvertisement\n\nMore later.", ["Advertisement"]),
    (
        "photo-credit-after-caption",
        "Troops train near Rostov on Monday. Photograph: Sandra Sanders/Reuters\n\nMore later.",
        ["Photograph: Sandra Sanders/Reuters"],
    ),
    (
        "agency-credit-line",
        "The talks ended.\n\nMasanori Genko/Associated Press/East News\n\nMore later.",
        ["Masanori Genko/Associated Press/East News"],
    ),
    (
        "newsletter-prompt-in-capitals",
        "The talks ended.\n\nGET OUR FREE ROYAL NEWSLETTER • Sign up to CNN’s Royal News, a "
        "weekly dispatch\n\nMore later.",
        ["GET OUR FREE ROYAL NEWSLETTER • Sign up to CNN’s Royal News, a weekly dispatch"],
    ),
    (
        "credit-at-the-end-of-its-caption",
        "The talks ended.\n\nThe duchess lights a candle in Bucha, Ukraine. Anatolii "
        "Stepanov/Pool/Getty Images\n\nMore later.",
        ["Anatolii Stepanov/Pool/Getty Images"],
    ),
    (
        "a-slash-in-a-sentence-is-no-credit",
        "The talks ended. Trade Russia/Ukraine fell sharply\n\nMore later.",
        [],
    ),
    (
        "authors-line",
        "The talks ended.\n\nAuthors: Riley Bailey, Grace Mappes and Frederick W. Kagan\n",
        ["Authors: Riley Bailey, Grace Mappes and Frederick W. Kagan"],
    ),
    (
        "columnist-note",
        "The talks ended.\n\nNathalie Tocci is a Guardian Europe columnist\n",
        ["Nathalie Tocci is a Guardian Europe columnist"],
    ),
    ("dateline", "Moscow CNN —\n\nThe talks ended.", ["Moscow CNN —"]),
    (
        "chart-label",
        "The talks ended.\n\nGraph 2: Demographic Breakdown of Happiness\n\nMore later.",
        ["Graph 2: Demographic Breakdown of Happiness"],
    ),
    (
        "subhead-in-title-case",
        "The talks ended.\n\nKey Takeaways\n\nMore later.",
        ["Key Takeaways"],
    ),
    (
        "letter-signature",
        "It works the same in every country.\n\nRussell Caplan\n\nWood Green, London\n",
        ["Russell Caplan", "Wood Green, London"],
    ),
    # Copy that lost its line breaks: the heading or credit runs into the next sentence.
    (
        "subhead-run-into-the-next-sentence",
        "No record of him was found, said the reporter. Unorthodox Approach The sparse"
        " information on his background sparked speculation.",
        ["Unorthodox Approach"],
    ),
    (
        "photo-credit-run-into-the-caption",
        "He was charged in that trial. Maxim Zmeyev / Reuters An armed separatist guards"
        " ballot boxes.",
        ["Maxim Zmeyev / Reuters"],
    ),
    (
        "a-name-opening-a-sentence-is-no-heading",
        "The talks ended. Olaf Scholz, the German chancellor, left. The West U.S. The end.",
        [],
    ),
    # Headings that are text: a related headline that reports speech, a heading about
    # someone, a sentence.
    ("capitals-headline-reporting-speech", "The talks ended.\n\nPUTIN WARNS WEST\n\nMore.", []),
    ("heading-with-a-possessive", "The talks ended.\n\nPutin's position\n\nMore later.", []),
    ("short-sentence", "The talks ended.\n\nGlory to Ukraine!\n\nMore later.", []),
    ("lower-case-fragment", "The talks ended.\n\nChina in the counter\n\nMore later.", []),
]


@pytest.mark.parametrize(
    ("text", "expected"), [(t, e) for _, t, e in CASES], ids=[i for i, _, _ in CASES]
)
def test_furniture_spans(annotate: Callable[[str], Doc], text: str, expected: list[str]) -> None:
    doc = annotate(HEADLINE + text)
    assert [doc.text[start:end] for start, end in doc._.furniture] == expected


def test_the_headline_is_never_a_heading(annotate: Callable[[str], Doc]) -> None:
    assert annotate("Key Takeaways\n\nThe talks ended.")._.furniture == []


def test_tokens_inside_furniture_are_flagged(annotate: Callable[[str], Doc]) -> None:
    doc = annotate(HEADLINE + "The talks ended.\n\nAdvertisement\n\nMore later.")
    flagged = [t.text for t in doc if t._.is_furniture]
    assert flagged == ["Advertisement"]


def test_names_in_furniture_are_not_people(annotate: Callable[[str], Doc]) -> None:
    doc = annotate(
        HEADLINE + "John Kirby said the talks ended.\n\n"
        "Authors: Riley Bailey, Grace Mappes and Frederick W. Kagan\n"
    )
    assert [p.name for p in doc._.people] == ["John Kirby"]


def test_a_reported_clause_starts_after_a_heading_run_into_it(
    annotate: Callable[[str], Doc],
) -> None:
    doc = annotate(
        HEADLINE + "The law was passed on Friday. Ordinary Victims The key point of the legal"
        " amendments is that ordinary people will suffer, Grigory Pasko said on Monday."
    )
    assert [(q.words.text, q.speaker) for q in doc._.quotes] == [
        (
            "The key point of the legal amendments is that ordinary people will suffer",
            "Grigory Pasko",
        )
    ]


@pytest.mark.parametrize(
    ("max_heading_words", "expected"),
    [
        pytest.param(4, ["Three Word Heading"], id="within-the-setting"),
        pytest.param(2, [], id="longer-than-the-setting"),
    ],
)
def test_a_glued_heading_is_as_long_as_the_heading_setting(
    max_heading_words: int, expected: list[str]
) -> None:
    text = "The talks ended. Three Word Heading The sparse information sparked speculation."
    marker = FurnitureMarker(max_heading_words)
    assert [text[start:end] for start, end in marker.glued_heading_spans(text)] == expected
