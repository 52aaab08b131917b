"""The one resolver of descriptions serves both the people component (titles and countries a
description gives) and the quotes component (the speaker a description names)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc


def test_one_description_gives_a_title_and_names_the_speaker(
    annotate: Callable[[str], Doc],
) -> None:
    text = (
        "Speaking in Volgograd, Mr Vladimir Putin hinted at new weapons.\n\n"
        "“Those who hope to defeat Russia do not understand,” the 70-year-old leader said."
    )
    doc = annotate(text)
    (person,) = doc._.people
    assert person.name == "Vladimir Putin"
    assert "leader" in [t.lower() for t in person.titles]
    (quote,) = doc._.quotes
    assert quote.speaker == "Vladimir Putin"


def test_a_described_country_is_not_given_to_someone_of_no_known_country(
    annotate: Callable[[str], Doc],
) -> None:
    # The people component used to give "the Chinese leader" to the subject before it, who
    # was the German chancellor named without title or country.
    text = (
        "Olaf Scholz met Xi Jinping in Beijing on Tuesday.\n\n"
        "Scholz noted that China agreed to import German apples.\n\n"
        "“Cooperation is no threat,” argued the leader of the Chinese People's Republic."
    )
    doc = annotate(text)
    assert [(p.name, p.country) for p in doc._.people] == [
        ("Olaf Scholz", "DE"),  # known as an office holder, never from the description
        ("Xi Jinping", "CN"),
    ]
    quote = doc._.quotes[-1]
    assert (quote.words.text, quote.speaker) == (
        "Cooperation is no threat,",
        "Xi Jinping",
    )
