"""Components leave Spans of the Doc; `build_output` is where they become character offsets."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span

from extractor.batching.reading import Article
from extractor.output import Mention, PipelineInfo, build_output

TEXT = (
    "“There won’t be a war,” Russian Foreign Minister Sergey Lavrov said in Moscow. "
    "Lavrov also met NATO officials in Ukraine."
)
INFO = PipelineInfo(extractor="test", model="test", rules="test")


def _at(words: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(words, start + 1)
    return Mention(text=words, start=start, end=start + len(words))


def test_components_leave_spans_and_the_output_gives_offsets(
    annotate: Callable[[str], Doc],
) -> None:
    doc = annotate(TEXT)
    (lavrov,) = doc._.people
    (quote,) = doc._.quotes
    words = [*lavrov.mentions, *doc._.organizations[0].mentions, quote.speaker_mention, quote.cue]
    assert all(isinstance(w, Span) and w.doc is doc for w in words)
    assert [m.text for m in lavrov.mentions] == ["Sergey Lavrov", "Lavrov"]

    article = Article(id="x", path="x.txt", text=TEXT, sha256="0" * 64, encoding="utf-8")
    output = build_output(doc, article, INFO)
    assert output.people[0].mentions == [_at("Sergey Lavrov"), _at("Lavrov", 1)]
    assert output.organizations[0].mentions == [_at("NATO")]
    assert {c.code: c.mentions for c in output.countries} == {
        "RU": [_at("Russian")],
        "UA": [_at("Ukraine")],
    }
    assert output.quotes[0].speaker_mention == _at("Russian Foreign Minister Sergey Lavrov")
    assert output.quotes[0].cue == _at("said")


def test_a_troop_figure_is_a_span_until_the_output(annotate: Callable[[str], Doc]) -> None:
    text = "Russia has massed about 130,000 troops near Ukraine."
    doc = annotate(text)
    (figure,) = doc._.troop_figures
    assert isinstance(figure.words, Span) and figure.words.text == "about 130,000"
    article = Article(id="x", path="x.txt", text=text, sha256="0" * 64, encoding="utf-8")
    (written,) = build_output(doc, article, INFO).troop_figures
    start = text.index("about 130,000")
    assert (written.text, written.start, written.end) == ("about 130,000", start, start + 13)
