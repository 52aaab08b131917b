"""Dash-marked direct speech (`extractor.quoting.dashes`), on short constructed sentences.

Each row gives a text and the speeches expected in it, in order, as (speech, cue) where `speech`
is exactly text[start:end] and `cue` is the text the cue starts with, or None. The offsets are
found in the text in order, so every row asserts exact (start, end, cue_start).
"""

from __future__ import annotations

import pytest

from extractor import lexicon
from extractor.quoting.dashes import DashSpeech, dash_spans
from extractor.quoting.settings import QuoteSettings

NBSP = "\u00a0"
# The speech verbs of an attribution, as the quotes component loads them when it is created.
CUES = lexicon.lower_set("dash_cue_words.txt")
SETTINGS = QuoteSettings()

Expected = list[tuple[str, str | None]]


def _expected(text: str, rows: Expected) -> list[DashSpeech]:
    speeches = []
    position = 0
    for speech, cue in rows:
        start = text.index(speech, position)
        end = start + len(speech)
        cue_start = None if cue is None else text.index(cue, end)
        speeches.append(DashSpeech(start, end, cue_start))
        position = end if cue_start is None else cue_start
    return speeches


POSITIVE = [
    pytest.param(
        "- We will answer firmly - the chancellor said.",
        [("We will answer firmly", "the chancellor said")],
        id="cue-after-closing-dash",
    ),
    pytest.param(
        "- We will answer firmly. We are ready - said the chancellor.",
        [("We will answer firmly. We are ready", "said the chancellor")],
        id="verb-first-cue",
    ),
    pytest.param(
        "- We will answer firmly - the chancellor said. - And we will not back down - he added.",
        [
            ("We will answer firmly", "the chancellor said"),
            ("And we will not back down", "he added"),
        ],
        id="two-speeches-in-one-paragraph",
    ),
    pytest.param(
        "The minister was asked about the talks.\n- We are ready for them, and we always were.",
        [("We are ready for them, and we always were.", None)],
        id="no-closing-dash-runs-to-paragraph-end",
    ),
    pytest.param(
        "The chancellor said: - We will answer firmly.",
        [("We will answer firmly.", None)],
        id="colon-then-dash",
    ),
    pytest.param(
        "The chancellor spoke on Monday.- We will answer firmly - he said.",
        [("We will answer firmly", "he said")],
        id="dash-after-sentence-end-mid-paragraph",
    ),
    pytest.param(
        "– We will answer firmly – the chancellor said.",
        [("We will answer firmly", "the chancellor said")],
        id="en-dashes",
    ),
    pytest.param(
        f"—{NBSP}We will answer firmly{NBSP}—{NBSP}the chancellor said.",
        [("We will answer firmly", "the chancellor said")],
        id="em-dashes-with-non-breaking-spaces",
    ),
    pytest.param(
        "- Is this the end? - asked the reporter.",
        [("Is this the end?", "asked the reporter")],
        id="speech-keeps-its-question-mark",
    ),
    pytest.param(
        "- We will answer firmly, - the chancellor said.",
        [("We will answer firmly,", "the chancellor said")],
        id="speech-keeps-its-comma",
    ),
    pytest.param(
        "- We will keep pro-Russian groups out of the talks - the chancellor said.",
        [("We will keep pro-Russian groups out of the talks", "the chancellor said")],
        id="hyphenated-word-inside-speech",
    ),
    pytest.param(
        "- We need 10 - 15 more tanks - the general said.",
        [("We need 10 - 15 more tanks", "the general said")],
        id="number-range-inside-speech",
    ),
    pytest.param(
        "- In the south - near the sea - we will hold - the general said.",
        [("In the south - near the sea - we will hold", "the general said")],
        id="parenthesis-dashes-inside-speech",
    ),
    pytest.param(
        "- Then [in 2014 - ed.] we were not ready - he said.",
        [("Then [in 2014 - ed.] we were not ready", "he said")],
        id="bracketed-editor-note-inside-speech",
    ),
    pytest.param(
        "- (...) Then we were not ready - he said.",
        [("(...) Then we were not ready", "he said")],
        id="speech-opening-with-ellipsis-in-brackets",
    ),
    pytest.param(
        "- Our plan - as I said - is ready - the minister said.",
        [("Our plan - as I said - is ready", "the minister said")],
        id="as-clause-is-no-cue",
    ),
    pytest.param(
        'The leader spoke.- We must be careful, "said the leader.',
        [("We must be careful,", "said the leader")],
        id="quotation-mark-typed-for-closing-dash",
    ),
    pytest.param(
        'The leader spoke.- We must leave gas behind for good. "',
        [("We must leave gas behind for good.", None)],
        id="stray-quotation-mark-at-paragraph-end-dropped",
    ),
    pytest.param(
        "We want this war to end as soon as possible\n\n- said the president, quoted by TASS.",
        [("We want this war to end as soon as possible", "said the president")],
        id="cue-paragraph-makes-the-paragraph-before-speech",
    ),
    pytest.param(
        "- We want this war to end as soon as possible\n- he added after the meeting.",
        [("We want this war to end as soon as possible", "he added")],
        id="cue-paragraph-attributes-open-dash-speech",
    ),
    pytest.param(
        "> The president spoke.- We are waiting for help - said the president.",
        [("We are waiting for help", "said the president")],
        id="block-quote-marker",
    ),
    pytest.param(
        "- We will answer - he said.\n\n- And we will not back down, whatever they say.",
        [("We will answer", "he said"), ("And we will not back down, whatever they say.", None)],
        id="answer-continues-in-next-paragraph",
    ),
    pytest.param(
        "Asked about the holiday, she replied: - The story does not belong to the past.",
        [("The story does not belong to the past.", None)],
        id="announced-by-speech-verb-before-colon",
    ),
    pytest.param(
        '- We will not accept "peace" on their terms - the president said.',
        [('We will not accept "peace" on their terms', "the president said")],
        id="quoted-word-inside-speech",
    ),
]


@pytest.mark.parametrize(("text", "rows"), POSITIVE)
def test_dash_speech(text: str, rows: Expected) -> None:
    found = dash_spans(text, CUES, SETTINGS)
    assert [text[s.start : s.end] for s in found] == [speech for speech, _ in rows]
    assert found == _expected(text, rows)


NEGATIVE = [
    pytest.param("The pro-Russian and Kyiv-based groups met on Monday.", id="hyphenated-words"),
    pytest.param("The war of 2014-2022 cost 10 - 15 percent of output.", id="number-ranges"),
    pytest.param(
        "The plan - approved on Monday - was rejected by the parliament.",
        id="parenthesis-dashes-in-narration",
    ),
    pytest.param(
        "They said the plan was ready - the minister said so on Monday.",
        id="dash-in-narration-before-a-cue",
    ),
    pytest.param("Our priorities:\n- Sanctions\n- Energy", id="short-list-bullets"),
    pytest.param(
        "- Sanctions against Russian banks\n- Energy independence from Russia",
        id="list-bullets-without-sentences",
    ),
    pytest.param(
        "- Sanctions\n- The union will cut gas imports by half.\n- Energy",
        id="sentence-among-list-bullets",
    ),
    pytest.param(
        "Second war\n– Treaty of Moscow (1996). After two years of fighting, the army withdrew.",
        id="third-person-dash-item-is-a-list",
    ),
    pytest.param(
        "The agenda: - Sanctions on Russian banks were approved on Monday.",
        id="colon-without-speech-verb-third-person",
    ),
    pytest.param("KYIV - Ukraine said on Monday it would respond firmly.", id="dateline"),
    pytest.param("WARSAW – Poland said it will send more tanks.", id="dateline-en-dash"),
    pytest.param(
        'He wrote: "- We will answer firmly - he said. - Yes - she added."',
        id="dashes-inside-quotation-marks",
    ),
    pytest.param(
        "He said: “The plan - approved on Monday - was rejected,” - the agency reported.",
        id="dash-after-quotation-is-cue",
    ),
    pytest.param("- said the chancellor after the meeting.", id="cue-paragraph-alone"),
    pytest.param(
        '"We want this war to end," he said.\n- said the president after that.',
        id="cue-paragraph-after-quoted-paragraph",
    ),
    pytest.param("- Putin said that on Monday.", id="cue-like-paragraph-is-no-speech"),
    pytest.param(
        "He met envoys from the U.S. - Russia talks stalled in March - he said.",
        id="abbreviation-is-no-sentence-end",
    ),
    pytest.param(
        "The exhibition opened.-The tanks will attract crowds-he said.",
        id="dashes-without-spaces",
    ),
    pytest.param("- we will answer firmly, they said.", id="lowercase-after-dash"),
    pytest.param("", id="empty-text"),
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_dash_speech(text: str) -> None:
    assert dash_spans(text, CUES, SETTINGS) == []


def test_offsets_index_the_original_text_across_paragraphs() -> None:
    text = "Title\r\n\r\nThe chancellor spoke.\r\n- We will answer firmly - he said.\r\n"
    [speech] = dash_spans(text, CUES, SETTINGS)
    assert text[speech.start : speech.end] == "We will answer firmly"
    assert speech.cue_start is not None
    assert text[speech.cue_start :].startswith("he said.")
