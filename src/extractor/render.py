"""Rich tables for the terminal: the batch summary and the evaluation scores."""

from __future__ import annotations

from typing import Any

from rich.table import Table

from extractor.batching.run import Summary

PRF_ROWS = (
    ("people", "people"),
    ("people.titles", "titles (matched people)"),
    ("countries", "countries"),
    ("quotes.direct.detect", "quotes direct+partial: detection"),
    ("quotes.direct.e2e", "quotes direct+partial: end-to-end"),
    ("quotes.indirect.detect", "quotes indirect: detection"),
    ("quotes.indirect.e2e", "quotes indirect: end-to-end"),
    ("quotes.all.detect", "quotes all: detection"),
    ("quotes.all.e2e", "quotes all: end-to-end"),
    ("troops.count", "troop figures: count"),
    ("troops.count_country", "troop figures: count+country"),
)
SHARE_ROWS = (
    ("quotes.direct.attribution_acc", "attribution accuracy: direct+partial"),
    ("quotes.indirect.attribution_acc", "attribution accuracy: indirect"),
    ("quotes.all.attribution_acc", "attribution accuracy: all"),
    ("people.country_acc", "person country accuracy"),
)


def summary_table(summary: Summary) -> Table:
    table = Table(title="extract", show_header=True, header_style="bold")
    for column in ("done", "skipped", "failed", "people", "quotes", "troop figures", "words/s"):
        table.add_column(column, justify="right")
    table.add_row(
        str(summary.done),
        str(summary.skipped),
        str(summary.failed),
        str(summary.people),
        str(summary.quotes),
        str(summary.troops),
        f"{summary.words_per_second:,.0f}",
    )
    return table


def scores_table(scores: dict[str, Any], title: str) -> Table:
    table = Table(title=title, show_header=True, header_style="bold")
    table.add_column("metric")
    for column in ("P", "R", "F1", "tp", "pred", "gold"):
        table.add_column(column, justify="right")
    for key, label in PRF_ROWS:
        s = scores[key]
        table.add_row(
            label,
            f"{s['p']:.3f}",
            f"{s['r']:.3f}",
            f"{s['f1']:.3f}",
            str(s["tp"]),
            str(s["pred"]),
            str(s["gold"]),
        )
    for key, label in SHARE_ROWS:
        value = scores[key]
        table.add_row(label, "", "", "n/a" if value is None else f"{value:.3f}", "", "", "")
    return table


def per_article_table(articles: dict[str, Any]) -> Table:
    table = Table(title="per article (F1)", show_header=True, header_style="bold")
    columns = (
        ("people", "people"),
        ("countries", "countries"),
        ("quotes.direct.e2e", "direct e2e"),
        ("quotes.indirect.e2e", "indirect e2e"),
        ("troops.count_country", "troops"),
    )
    table.add_column("article")
    for _, label in columns:
        table.add_column(label, justify="right")
    for article_id, scores in articles.items():
        table.add_row(article_id, *(f"{scores[key]['f1']:.3f}" for key, _ in columns))
    return table


def rules_table(rules: dict[str, Any]) -> Table:
    """How each attribution sieve did, most precise first: the order they should run in."""
    table = Table(title="attribution rules (matched quotes)", show_header=True, header_style="bold")
    for label in ("rule", "predicted", "matched", "right", "precision", "named", "named prec."):
        table.add_column(label, justify="left" if label == "rule" else "right", no_wrap=True)

    def shown(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.3f}"

    ordered = sorted(rules.items(), key=lambda item: (-(item[1]["precision"] or 0), item[0]))
    for rule, s in ordered:
        table.add_row(
            rule,
            str(s["predicted"]),
            str(s["matched"]),
            str(s["right"]),
            shown(s["precision"]),
            str(s["named"]),
            shown(s["named_precision"]),
        )
    return table
