"""Build the report: read each article's text back, lay the facts over it, write the pages.

The facts come from the outputs only; the article's own text is read from `article.path` (or
`--articles DIR`) and used only when its sha256 is the one recorded and every offset in the
output points at the words the output says, so the page can never show facts over the wrong
text. An article whose text is missing still gets its page, with the facts and no text.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from urllib.parse import quote as url_quote

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from extractor.batching.reading import ArticleError, read_article
from extractor.batching.writing import write_atomic
from extractor.output import ArticleOutput, Mention, Quote, TroopFigure
from extractor.report.charts import Bar, bar_chart
from extractor.report.highlight import Attributes, Highlight, highlighted_html

ARTICLES_FOLDER = "articles"
TOP_SPEAKERS = 20
UNKNOWN_SIDE = "side not given"
GENERATOR = '<meta name="generator" content="extractor report">'


@dataclass
class ReportResult:
    index: Path
    pages: int
    errors: list[str] = field(default_factory=list)


@dataclass
class QuoteView:
    quote: Quote
    nested: list[Quote]  # partial quotes lying inside this one (their `within`)


@dataclass
class ArticleView:
    output: ArticleOutput
    href: str  # from the index
    text: str | None
    problem: str | None
    quotes: list[QuoteView]  # the quotes counted on their own: nested partials sit inside
    kinds: Counter[str]
    country_names: dict[str, str]

    @property
    def title(self) -> str:
        return self.output.article.title or self.output.article.id


@dataclass
class SpeakerView:
    name: str
    is_person: bool
    country: str | None
    quotes: list[tuple[ArticleView, QuoteView]] = field(default_factory=list)


def build_report(
    outputs: list[ArticleOutput], destination: Path, articles_dir: Path | None = None
) -> ReportResult:
    """Write `destination/index.html` and one page per output under `destination/articles/`.

    Return what was written and one message per article whose text could not be shown.
    """
    environment = _environment()
    assets = {
        # Our own files, shipped with the package: the only markup not escaped.
        "css": Markup(_static("report.css")),
        "js": Markup(_static("report.js")),
    }
    country_names = _country_names(outputs)
    views = [_article_view(output, articles_dir, country_names) for output in outputs]
    result = ReportResult(index=destination / "index.html", pages=0)
    pages = destination / ARTICLES_FOLDER
    written = set()
    for view in views:
        if view.problem:
            result.errors.append(view.problem)
        page = environment.get_template("article.html.j2").render(
            view=view, text_html=_text_html(view), **assets
        )
        path = pages / _file_name(view.output.article.id)
        write_atomic(path, page.encode("utf-8"))
        written.add(path.name)
        result.pages += 1
    for stale in pages.glob("*.html"):
        # An article no longer in the outputs; a page we did not make is left alone.
        if stale.name not in written and GENERATOR in stale.read_text("utf-8", "replace"):
            stale.unlink()
    speakers = _speakers(views)
    figures = [
        (view, number, figure)
        for view in views
        for number, figure in enumerate(view.output.troop_figures, start=1)
    ]
    index = environment.get_template("index.html.j2").render(
        views=views,
        speakers=speakers[:TOP_SPEAKERS],
        speaker_total=len(speakers),
        figures=figures,
        speaker_chart=_speaker_chart(speakers),
        side_chart=_side_chart(figures, country_names),
        country_names=country_names,
        totals=_totals(views),
        **assets,
    )
    write_atomic(result.index, index.encode("utf-8"))
    return result


def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("extractor.report", "templates"),
        autoescape=True,  # article text is untrusted: everything is escaped unless Markup
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["number"] = lambda value: f"{value:,}"
    environment.filters["short"] = lambda text, limit=140: (
        text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
    )
    return environment


def _static(name: str) -> str:
    return (files("extractor.report") / "static" / name).read_text(encoding="utf-8")


def _file_name(article_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", article_id) + ".html"


def _country_names(outputs: list[ArticleOutput]) -> dict[str, str]:
    return {country.code: country.name for output in outputs for country in output.countries}


def _article_view(
    output: ArticleOutput, articles_dir: Path | None, country_names: dict[str, str]
) -> ArticleView:
    text, problem = _article_text(output, articles_dir)
    ids = {item.id for item in output.quotes}
    nested: dict[str, list[Quote]] = defaultdict(list)
    counted = []
    for item in output.quotes:
        if item.within in ids:
            nested[item.within].append(item)
        else:
            counted.append(item)
    return ArticleView(
        output=output,
        href=f"{ARTICLES_FOLDER}/{url_quote(_file_name(output.article.id))}",
        text=text,
        problem=problem,
        quotes=[QuoteView(item, nested.get(item.id, [])) for item in counted],
        kinds=Counter(item.kind for item in counted),
        country_names=country_names,
    )


def _article_text(
    output: ArticleOutput, articles_dir: Path | None
) -> tuple[str | None, str | None]:
    """Return the article's text, or None and the reason it cannot be shown."""
    recorded = Path(output.article.path)
    candidates = [recorded]
    if articles_dir is not None:
        candidates[:0] = [articles_dir / recorded.name, articles_dir / f"{output.article.id}.txt"]
    problem = f"{recorded}: article text not found, so its page shows no text (see --articles)"
    for path in candidates:
        if not path.is_file():
            continue
        try:
            article = read_article(path)
        except ArticleError as error:
            problem = f"{error}; its page shows no text"
            continue
        if article.sha256 != output.article.sha256:
            problem = f"{path}: changed since it was extracted (sha256 differs); page has no text"
            continue
        wrong = next((m for m in _spans(output) if article.text[m.start : m.end] != m.text), None)
        if wrong is not None:
            problem = f"{path}: offset {wrong.start} does not hold {wrong.text!r}; page has no text"
            continue
        return article.text, None
    return None, problem


def _spans(output: ArticleOutput) -> list[Mention]:
    spans = [
        mention
        for group in (output.people, output.countries, output.organizations)
        for item in group
        for mention in item.mentions
    ]
    for item in output.quotes:
        spans.append(Mention(text=item.text, start=item.start, end=item.end))
        spans += [m for m in (item.speaker_mention, item.cue) if m is not None]
    spans += [Mention(text=f.text, start=f.start, end=f.end) for f in output.troop_figures]
    return spans + list(output.article.furniture)


# Layers: which element is outside when two highlights cover exactly the same words.
_FURNITURE, _QUOTE, _SPEAKER, _CUE, _TROOPS, _PERSON, _ORGANIZATION, _COUNTRY = range(8)


def _text_html(view: ArticleView) -> Markup | None:
    if view.text is None:
        return None
    return highlighted_html(view.text, _highlights(view.output))


def _highlights(output: ArticleOutput) -> list[Highlight]:
    highlights = [
        Highlight(piece.start, piece.end, f"f{n}", "hl hl-furniture", _FURNITURE, anchor=f"f{n}")
        for n, piece in enumerate(output.article.furniture, start=1)
    ]
    speakers: dict[tuple[int, int], list[str]] = defaultdict(list)
    cues: dict[tuple[int, int], list[str]] = defaultdict(list)
    for item in output.quotes:
        highlights.append(
            Highlight(
                item.start,
                item.end,
                item.id,
                f"hl hl-quote hl-{item.kind}",
                _QUOTE,
                (("data-quote", item.id), ("data-label", item.id)),
                anchor=item.id,
            )
        )
        if item.speaker_mention is not None:
            speakers[(item.speaker_mention.start, item.speaker_mention.end)].append(item.id)
        if item.cue is not None:
            cues[(item.cue.start, item.cue.end)].append(item.id)
    for (start, end), quote_ids in speakers.items():
        key = f"sm-{start}-{end}"
        attributes: Attributes = (
            ("data-quote", quote_ids[0]),
            ("data-quotes", " ".join(quote_ids)),
        )
        highlights.append(Highlight(start, end, key, "hl hl-speaker", _SPEAKER, attributes, key))
    for (start, end), quote_ids in cues.items():
        key = f"cue-{start}-{end}"
        attributes = (("data-quote", quote_ids[0]), ("data-quotes", " ".join(quote_ids)))
        highlights.append(Highlight(start, end, key, "hl hl-cue", _CUE, attributes, key))
    for number, figure in enumerate(output.troop_figures, start=1):
        key = f"t{number}"
        side = (("data-troop", key), ("data-side", figure.country or ""))
        highlights.append(
            Highlight(figure.start, figure.end, key, "hl hl-troops", _TROOPS, side, key)
        )
    for person in output.people:
        for number, mention in enumerate(person.mentions):
            key = f"{person.id}-m{number}"
            attributes = (("data-person", person.id),)
            highlights.append(
                Highlight(mention.start, mention.end, key, "hl hl-person", _PERSON, attributes, key)
            )
    for number, organization in enumerate(output.organizations, start=1):
        for mention_number, mention in enumerate(organization.mentions):
            key = f"o{number}-m{mention_number}"
            highlights.append(
                Highlight(mention.start, mention.end, key, "hl hl-organization", _ORGANIZATION)
            )
    for country in output.countries:
        for number, mention in enumerate(country.mentions):
            key = f"{country.code}-m{number}"
            attributes = (("data-country", country.code),)
            highlights.append(
                Highlight(mention.start, mention.end, key, "hl hl-country", _COUNTRY, attributes)
            )
    return highlights


def _speakers(views: list[ArticleView]) -> list[SpeakerView]:
    """Return everyone quoted, most quoted first; a partial inside reported speech is not
    counted again, its words being part of the indirect quote already counted."""
    speakers: dict[str, SpeakerView] = {}
    for view in views:
        people = {person.id: person for person in view.output.people}
        for quote_view in view.quotes:
            item = quote_view.quote
            if item.speaker is None:
                continue
            person = people.get(item.speaker_id or "")
            speaker = speakers.setdefault(
                item.speaker,
                SpeakerView(item.speaker, person is not None, person.country if person else None),
            )
            if person is not None:
                speaker.is_person = True
                speaker.country = speaker.country or person.country
            speaker.quotes.append((view, quote_view))
    return sorted(speakers.values(), key=lambda s: (-len(s.quotes), s.name))


def _speaker_chart(speakers: list[SpeakerView]) -> Markup:
    bars = [
        Bar(s.name, len(s.quotes), link=f"#speaker-{number}")
        for number, s in enumerate(speakers[:12], start=1)
    ]
    return bar_chart(bars, "Quotes per speaker, the twelve most quoted", "quotes")


def _side_chart(
    figures: list[tuple[ArticleView, int, TroopFigure]], country_names: dict[str, str]
) -> Markup:
    by_side: dict[str, list[int]] = defaultdict(list)
    for _, _, figure in figures:
        by_side[figure.country or ""].append(figure.count)
    bars = [
        Bar(
            country_names.get(side, side) if side else UNKNOWN_SIDE,
            len(counts),
            note=f"largest {max(counts):,}",
        )
        for side, counts in sorted(by_side.items(), key=lambda item: (-len(item[1]), item[0]))
    ]
    return bar_chart(bars, "Troop figures by side", "figures")


def _totals(views: list[ArticleView]) -> dict[str, int]:
    return {
        "articles": len(views),
        "words": sum(view.output.article.words for view in views),
        "people": sum(len(view.output.people) for view in views),
        "quotes": sum(len(view.quotes) for view in views),
        "nested": sum(len(q.nested) for view in views for q in view.quotes),
        "troop_figures": sum(len(view.output.troop_figures) for view in views),
        "without_text": sum(1 for view in views if view.text is None),
    }
