"""Random and adversarial text through the whole pipeline: no crash, exact offsets."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from extractor.batching.reading import Article
from extractor.output import PipelineInfo, build_output

PIECES = [
    "“",
    "”",
    '"',
    "‘",
    "’",
    "'",
    "\n",
    "\n\n",
    " ",
    ",",
    ".",
    ":",
    "—",
    "-",
    "(",
    ")",
    "said",
    "he said",
    "she added",
    "according to",
    "Putin",
    "Vladimir Putin",
    "Zelensky",
    "Russian",
    "Moscow",
    "the Kremlin",
    "NATO",
    "about",
    "130,000",
    "troops",
    "between",
    "and",
    "8,500",
    "soldiers were killed",
    "1.5 million",
    "three thousand",
    "Ukraine’s",
    "Президент",
    "Київ",
    "北京",
    "\u00a0",
    "\t",
    "\x0b",
    "\u200b",
    "ß",
    "İ",
    "🙂",
]
adversarial = st.lists(st.sampled_from(PIECES), min_size=1, max_size=80).map("".join)
anything = st.text(min_size=1, max_size=400)
long_line = st.integers(min_value=1, max_value=40).map(lambda n: "“We said,” he said " * n)

INFO = PipelineInfo(extractor="test", model="test", rules="test")


def _check(nlp: Language, text: str) -> None:
    doc = nlp(text)
    article = Article(id="x", path="x.txt", text=text, sha256="0" * 64, encoding="utf-8")
    output = build_output(doc, article, INFO)
    spans = [
        m
        for group in (output.people, output.countries, output.organizations)
        for item in group
        for m in item.mentions
    ]
    for quote in output.quotes:
        spans.append(quote)
        spans += [m for m in (quote.speaker_mention, quote.cue) if m is not None]
    spans += output.troop_figures
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.text


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=adversarial)
def test_adversarial_pieces(nlp: Language, text: str) -> None:
    _check(nlp, text)


@settings(
    max_examples=100,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=anything)
def test_any_unicode(nlp: Language, text: str) -> None:
    _check(nlp, text)


@settings(
    max_examples=5,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=long_line)
def test_very_long_lines(nlp: Language, text: str) -> None:
    _check(nlp, text)
