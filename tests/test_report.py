"""`extract report` as a reader meets it: the site opened in headless Chromium.

The browser is Debian's chromium (/usr/bin/chromium) driven by playwright; no browser is ever
downloaded. Every request the pages make is recorded and anything but file:// is refused and
fails the test. Screenshots of the index and of an article page go to $REPORT_SCREENSHOTS
(docs/ when asked) or to the test's temporary folder.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from markupsafe import Markup
from typer.testing import CliRunner

from extractor.cli import app
from extractor.report.highlight import Highlight, highlighted_html

from .conftest import GOLD_DIR, small_batch_copy
from .small_batch import SMALL_BATCH

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTICLE = SMALL_BATCH[0]
runner = CliRunner()


@pytest.fixture(scope="module")
def site(
    small_batch_outputs: tuple[Path, dict[str, str]], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    out, texts = small_batch_copy(small_batch_outputs, tmp_path_factory)
    _add_furniture(out / f"{ARTICLE}.json", texts[ARTICLE], "NTD Photo")
    result = runner.invoke(app, ["report", str(out)])
    assert result.exit_code == 0, result.output
    assert f"wrote 3 article pages and {out / 'report' / 'index.html'}" in result.stdout
    documents = {aid: json.loads((out / f"{aid}.json").read_text("utf-8")) for aid in SMALL_BATCH}
    return {"root": out / "report", "texts": texts, "documents": documents}


def _add_furniture(path: Path, text: str, words: str) -> None:
    """Mark `words` as page furniture in the output, as the extractor will once it finds it
    (no output lists any today): the report must grey it."""
    document = json.loads(path.read_text("utf-8"))
    start = text.index(words)
    furniture = [{"text": words, "start": start, "end": start + len(words)}]
    document["article"]["furniture"] = furniture
    path.write_text(json.dumps(document), encoding="utf-8")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"CI is set and {CHROMIUM} is missing: apt-get install -y chromium")
        pytest.skip(f"{CHROMIUM} not installed (apt-get install -y chromium) for the browser test")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A page on which every request is recorded and only file:// ones are let through."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    requests: list[str] = []
    leaks: list[str] = []

    def route(route: Any) -> None:
        url = route.request.url
        requests.append(url)
        if url.startswith("file://"):
            route.continue_()
        else:
            leaks.append(url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.requests = requests
    yield page
    context.close()
    assert requests, "the route saw no request at all"
    assert leaks == [], f"requests left the page: {leaks}"


def _screenshot_dir(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("REPORT_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _expected_highlights(document: dict[str, Any]) -> dict[str, tuple[int, int]]:
    """The data-hl key and offsets the page must show for every fact of the document."""
    expected = {}
    for quote in document["quotes"]:
        expected[quote["id"]] = (quote["start"], quote["end"])
        for prefix, field in (("sm", "speaker_mention"), ("cue", "cue")):
            if quote[field]:
                span = quote[field]
                expected[f"{prefix}-{span['start']}-{span['end']}"] = (span["start"], span["end"])
    for person in document["people"]:
        for number, mention in enumerate(person["mentions"]):
            expected[f"{person['id']}-m{number}"] = (mention["start"], mention["end"])
    for country in document["countries"]:
        for number, mention in enumerate(country["mentions"]):
            expected[f"{country['code']}-m{number}"] = (mention["start"], mention["end"])
    for number, organization in enumerate(document["organizations"], start=1):
        for mention_number, mention in enumerate(organization["mentions"]):
            expected[f"o{number}-m{mention_number}"] = (mention["start"], mention["end"])
    for number, figure in enumerate(document["troop_figures"], start=1):
        expected[f"t{number}"] = (figure["start"], figure["end"])
    for number, piece in enumerate(document["article"]["furniture"], start=1):
        expected[f"f{number}"] = (piece["start"], piece["end"])
    return expected


# The data-hl keys of each kind of fact, as `_expected_highlights` builds them.
_HIGHLIGHT_KINDS = {
    "quote": r"q\d+",
    "speaker mention": r"sm-\d+-\d+",
    "cue": r"cue-\d+-\d+",
    "person": r"p\d+-m\d+",
    "country": r"[A-Z]{2}-m\d+",
    "organization": r"o\d+-m\d+",
    "troop figure": r"t\d+",
    "furniture": r"f\d+",
}


def _kind(key: str) -> str:
    return next((k for k, key_re in _HIGHLIGHT_KINDS.items() if re.fullmatch(key_re, key)), key)


# The text of each highlight, its pieces joined in document order, and whether the first piece
# lies inside another highlight's element.
_READ_HIGHLIGHTS = """() => {
  const found = {};
  for (const element of document.querySelectorAll("#article-text [data-hl]")) {
    const key = element.dataset.hl;
    found[key] = found[key] || {text: "", start: +element.dataset.start, end: +element.dataset.end};
    found[key].text += element.textContent;
  }
  return {found, whole: document.getElementById("article-text").textContent};
}"""


def test_article_page_shows_every_fact_at_its_offsets(
    site: dict[str, Any], page: Any, tmp_path: Path
) -> None:
    document = site["documents"][ARTICLE]
    text = site["texts"][ARTICLE]
    page.goto((site["root"] / "articles" / f"{ARTICLE}.html").as_uri())
    seen = page.evaluate(_READ_HIGHLIGHTS)
    assert seen["whole"] == text  # nothing added to the article's words, nothing lost
    expected = _expected_highlights(document)
    assert set(seen["found"]) == set(expected)
    # The article has every kind of fact, so the page must show every kind: an empty
    # extraction, or a kind the page forgets, fails here.
    assert {_kind(key) for key in seen["found"]} == set(_HIGHLIGHT_KINDS)
    for key, (start, end) in expected.items():
        highlight = seen["found"][key]
        assert (highlight["start"], highlight["end"]) == (start, end), key
        assert highlight["text"] == text[start:end], key
    assert page.locator(".hl-person").first.is_visible()
    furniture = page.locator("#article-text .hl-furniture")
    assert furniture.inner_text() == "NTD Photo"
    assert furniture.evaluate("e => getComputedStyle(e).color") == "rgb(107, 107, 107)"
    assert page.locator("#furniture li").inner_text() == "NTD Photo"
    page.screenshot(path=str(_screenshot_dir(tmp_path) / "report-article.png"))


def test_partial_quote_nests_inside_its_reported_speech(site: dict[str, Any], page: Any) -> None:
    document = site["documents"][ARTICLE]
    partial = next(q for q in document["quotes"] if q["within"])
    page.goto((site["root"] / "articles" / f"{ARTICLE}.html").as_uri())
    inside = page.evaluate(
        "([inner, outer]) => document.querySelector(`#article-text [data-hl='${inner}']`)"
        ".closest(`[data-hl='${outer}']`) !== null",
        [partial["id"], partial["within"]],
    )
    assert inside
    # Its card sits inside the indirect quote's card, and is not listed on its own.
    outer_card = page.locator(f"#card-{partial['within']}")
    assert outer_card.locator(f"#card-{partial['id']}").count() == 1
    counted = sum(1 for q in document["quotes"] if q["within"] is None)
    assert page.locator("#quotes > ol > li").count() == counted
    assert page.locator("#quotes .count").inner_text() == str(counted)


def test_quote_links_to_its_speaker_and_back(site: dict[str, Any], page: Any) -> None:
    document = site["documents"][ARTICLE]
    quote = next(q for q in document["quotes"] if q["speaker_id"] and q["within"] is None)
    speaker = next(p for p in document["people"] if p["id"] == quote["speaker_id"])
    page.goto((site["root"] / "articles" / f"{ARTICLE}.html").as_uri())
    card = page.locator(f"#card-{quote['id']}")
    assert card.locator(".speaker-link").inner_text() == speaker["name"]
    card.locator(".speaker-link").click()
    assert page.evaluate("location.hash") == f"#person-{speaker['id']}"
    person = page.locator(f"#person-{speaker['id']}")
    assert person.is_visible()
    assert speaker["name"] in person.inner_text()
    person.locator(f"a.quote-link[href='#card-{quote['id']}']").click()
    assert page.evaluate("location.hash") == f"#card-{quote['id']}"
    # From the text: the quote's own mark leads to its card, a name to its person.
    page.locator(f"#article-text [data-hl='{quote['id']}']").first.dispatch_event("click")
    assert page.evaluate("location.hash") == f"#card-{quote['id']}"
    first_mention = page.locator(f"#article-text [data-hl='{speaker['id']}-m0']")
    first_mention.dispatch_event("click")
    assert page.evaluate("location.hash") == f"#person-{speaker['id']}"
    # The cue and the words naming the speaker are shown with the quote.
    if quote["cue"]:
        assert f"“{quote['cue']['text']}”" in card.inner_text()


def test_a_quote_without_speaker_says_so(site: dict[str, Any], page: Any) -> None:
    document = site["documents"][ARTICLE]
    quote = next(q for q in document["quotes"] if q["speaker"] is None)
    page.goto((site["root"] / "articles" / f"{ARTICLE}.html").as_uri())
    card_text = page.locator(f"#card-{quote['id']}").inner_text()
    assert "no speaker identified (null)" in card_text
    if quote["speaker_mention"]:
        assert f"described as “{quote['speaker_mention']['text']}”" in card_text


def _article_rows(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        "#articles-table tbody tr:not([hidden])",
        "rows => rows.map(row => row.dataset.article)",
    )


def test_index_sorts_and_filters(site: dict[str, Any], page: Any, tmp_path: Path) -> None:
    documents = site["documents"]
    page.goto((site["root"] / "index.html").as_uri())
    assert _article_rows(page) == sorted(SMALL_BATCH)
    by_words = sorted(SMALL_BATCH, key=lambda aid: documents[aid]["article"]["words"])
    page.get_by_role("button", name="Words").click()
    assert _article_rows(page) == by_words
    page.get_by_role("button", name="Words").click()
    assert _article_rows(page) == by_words[::-1]

    name = documents[ARTICLE]["people"][1]["name"]
    wanted = sorted(
        aid
        for aid, document in documents.items()
        if name.lower() in " ".join(p["name"] for p in document["people"]).lower()
    )
    page.get_by_label("Filter articles").fill(name.lower())
    assert sorted(_article_rows(page)) == wanted
    assert page.locator("[data-count-for='articles-table']").inner_text() == f"{len(wanted)} of 3"
    page.get_by_label("Filter articles").fill("no article says this")
    assert _article_rows(page) == []
    page.get_by_label("Filter articles").fill("")
    assert len(_article_rows(page)) == 3
    page.screenshot(path=str(_screenshot_dir(tmp_path) / "report-index.png"), full_page=False)


def test_index_counts_speakers_and_troop_figures(site: dict[str, Any], page: Any) -> None:
    documents = site["documents"].values()
    counts: dict[str, int] = {}
    for document in documents:
        for quote in document["quotes"]:
            if quote["speaker"] and quote["within"] is None:
                counts[quote["speaker"]] = counts.get(quote["speaker"], 0) + 1
    top_name, top_count = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[0]
    page.goto((site["root"] / "index.html").as_uri())
    first = page.locator("#speaker-1 summary").inner_text()
    assert first.startswith(top_name) and first.endswith(f"{top_count} quotes")
    figures = [f for document in documents for f in document["troop_figures"]]
    assert page.locator("#troops-table tbody tr").count() == len(figures)
    assert page.locator("svg.chart").count() == 2
    # The article link of a troop figure opens the page at that figure's card.
    page.locator("#troops-table tbody tr").first.get_by_role("link").click()
    assert page.evaluate("location.hash") == "#card-t1"
    assert page.locator("#card-t1").is_visible()


def test_article_text_is_escaped_never_markup(tmp_path: Path) -> None:
    text = 'He said <script>alert("x")</script> & <b>left</b>'
    highlights = [Highlight(8, 35, "q1", "hl", 1), Highlight(14, 40, "p1", "hl", 5)]
    html = highlighted_html(text, highlights)
    assert "<script" not in html and "<b>" not in html
    words = re.sub(r"<[^>]*>", "", str(html))
    assert Markup(words).unescape() == text and "&lt;" in words
    # Crossing highlights: p1 is cut where q1 ends and reopened, its pieces keep its offsets.
    assert html.count('data-hl="p1"') == 2
    assert html.count("<span") == html.count("</span>") == 3


def test_report_cli_reports_missing_text_and_broken_files(
    site: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    document = site["documents"][ARTICLE]
    moved = dict(document, article=dict(document["article"], path=str(tmp_path / "gone.txt")))
    (out / f"{ARTICLE}.json").write_text(json.dumps(moved), encoding="utf-8")
    (out / "broken.json").write_text("{", encoding="utf-8")
    result = runner.invoke(app, ["report", str(out), "--quiet"])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"error: {out / 'broken.json'}: not valid JSON")
    assert lines[1].startswith(f"error: {tmp_path / 'gone.txt'}: article text not found")
    assert len(lines) == 2
    page = (out / "report" / "articles" / f"{ARTICLE}.html").read_text("utf-8")
    assert "The article’s text is not available here" in page
    # --articles finds the text elsewhere; its sha256 is checked before it is used.
    again = runner.invoke(app, ["report", str(out), "--articles", str(GOLD_DIR), "--quiet"])
    assert again.stderr.splitlines() == lines[:1]
    page = (out / "report" / "articles" / f"{ARTICLE}.html").read_text("utf-8")
    assert 'id="article-text"' in page


def test_run_with_report_builds_the_site_from_jsonl_too(tmp_path: Path) -> None:
    article = GOLD_DIR / f"{SMALL_BATCH[1]}.txt"
    arguments = ["run", str(article), "--out", str(tmp_path), "--format", "jsonl", "--report"]
    result = runner.invoke(app, [*arguments, "--quiet"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "articles.jsonl").is_file()
    page = (tmp_path / "report" / "articles" / f"{SMALL_BATCH[1]}.html").read_text("utf-8")
    assert 'id="article-text"' in page
    assert f'data-article="{SMALL_BATCH[1]}"' in (tmp_path / "report" / "index.html").read_text()
    # A rebuild drops the page of an article gone from the outputs, and nothing it did not make.
    pages = tmp_path / "report" / "articles"
    (pages / "gone.html").write_text(page, encoding="utf-8")
    (pages / "mine.html").write_text("<p>an analyst's own notes</p>", encoding="utf-8")
    assert runner.invoke(app, ["report", str(tmp_path), "--quiet"]).exit_code == 0
    assert sorted(p.name for p in pages.iterdir()) == [f"{SMALL_BATCH[1]}.html", "mine.html"]


def test_templates_and_static_files_ship_with_the_package() -> None:
    # The report reads them through importlib.resources, as an installed wheel has them.
    from importlib.resources import files

    package = files("extractor.report")
    templates = sorted(p.name for p in (package / "templates").iterdir())
    assert templates == ["article.html.j2", "base.html.j2", "index.html.j2", "macros.html.j2"]
    assert (package / "static" / "report.css").read_text("utf-8").startswith("/*")
    assert "sortable" in (package / "static" / "report.js").read_text("utf-8")
