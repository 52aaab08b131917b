"""The corpus as tables an analyst can query: one DuckDB file, or one Parquet file per table.

Every fact row carries its article id and the character offsets of its words in the article
(`start_char`, `end_char`: `end` is a reserved word in SQL). People, countries and
organizations are one row per entity, with the offsets of their first mention; `mentions`
holds every mention of each of them.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import duckdb

from extractor.output import ArticleOutput, Mention

Row = tuple[Any, ...]

TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": (
        ("article_id", "VARCHAR"),
        ("title", "VARCHAR"),
        ("path", "VARCHAR"),
        ("sha256", "VARCHAR"),
        ("words", "INTEGER"),
        ("encoding", "VARCHAR"),
        ("extractor", "VARCHAR"),
        ("model", "VARCHAR"),
        ("rules", "VARCHAR"),
        ("people_count", "INTEGER"),
        ("quotes_count", "INTEGER"),
        ("troop_figures_count", "INTEGER"),
    ),
    "people": (
        ("article_id", "VARCHAR"),
        ("person_id", "VARCHAR"),
        ("name", "VARCHAR"),
        ("titles", "VARCHAR[]"),
        ("country", "VARCHAR"),
        ("mentions_count", "INTEGER"),
        ("start_char", "INTEGER"),
        ("end_char", "INTEGER"),
    ),
    "mentions": (
        ("article_id", "VARCHAR"),
        ("entity", "VARCHAR"),
        ("entity_key", "VARCHAR"),
        ("name", "VARCHAR"),
        ("text", "VARCHAR"),
        ("start_char", "INTEGER"),
        ("end_char", "INTEGER"),
    ),
    "quotes": (
        ("article_id", "VARCHAR"),
        ("quote_id", "VARCHAR"),
        ("kind", "VARCHAR"),
        ("text", "VARCHAR"),
        ("speaker", "VARCHAR"),
        ("speaker_id", "VARCHAR"),
        ("speaker_mention", "VARCHAR"),
        ("speaker_mention_start", "INTEGER"),
        ("speaker_mention_end", "INTEGER"),
        ("cue", "VARCHAR"),
        ("cue_start", "INTEGER"),
        ("cue_end", "INTEGER"),
        ("rule", "VARCHAR"),
        ("confidence", "DOUBLE"),
        ("within", "VARCHAR"),
        ("start_char", "INTEGER"),
        ("end_char", "INTEGER"),
    ),
    "troop_figures": (
        ("article_id", "VARCHAR"),
        ("figure_id", "VARCHAR"),
        ("count", "BIGINT"),
        ("low", "BIGINT"),
        ("high", "BIGINT"),
        ("approximate", "BOOLEAN"),
        ("country", "VARCHAR"),
        ("unit", "VARCHAR"),
        ("location", "VARCHAR"),
        ("text", "VARCHAR"),
        ("start_char", "INTEGER"),
        ("end_char", "INTEGER"),
    ),
    "countries": (
        ("article_id", "VARCHAR"),
        ("code", "VARCHAR"),
        ("name", "VARCHAR"),
        ("mentions_count", "INTEGER"),
        ("start_char", "INTEGER"),
        ("end_char", "INTEGER"),
    ),
    "organizations": (
        ("article_id", "VARCHAR"),
        ("name", "VARCHAR"),
        ("aliases", "VARCHAR[]"),
        ("mentions_count", "INTEGER"),
        ("start_char", "INTEGER"),
        ("end_char", "INTEGER"),
    ),
    "furniture": (
        ("article_id", "VARCHAR"),
        ("text", "VARCHAR"),
        ("start_char", "INTEGER"),
        ("end_char", "INTEGER"),
    ),
}

# Nothing is fetched at export time: the Parquet and JSON readers are built into the wheel.
_OFFLINE: dict[str, str | bool | int | float | list[str]] = {
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
}


class ExportError(Exception):
    """A destination that cannot be written; the message names it and the reason."""


def table_rows(outputs: Iterable[ArticleOutput]) -> dict[str, list[Row]]:
    """Return the rows of every table in TABLES, in the order of its columns."""
    rows: dict[str, list[Row]] = {name: [] for name in TABLES}
    for output in outputs:
        aid = output.article.id
        rows["articles"].append(
            (
                aid,
                output.article.title,
                output.article.path,
                output.article.sha256,
                output.article.words,
                output.article.encoding,
                output.pipeline.extractor,
                output.pipeline.model,
                output.pipeline.rules,
                len(output.people),
                len(output.quotes),
                len(output.troop_figures),
            )
        )
        for person in output.people:
            rows["people"].append(
                (
                    aid,
                    person.id,
                    person.name,
                    person.titles,
                    person.country,
                    len(person.mentions),
                    *_first(person.mentions),
                )
            )
            rows["mentions"] += _mentions(aid, "person", person.id, person.name, person.mentions)
        for country in output.countries:
            rows["countries"].append(
                (aid, country.code, country.name, len(country.mentions), *_first(country.mentions))
            )
            rows["mentions"] += _mentions(
                aid, "country", country.code, country.name, country.mentions
            )
        for organization in output.organizations:
            rows["organizations"].append(
                (
                    aid,
                    organization.name,
                    organization.aliases,
                    len(organization.mentions),
                    *_first(organization.mentions),
                )
            )
            rows["mentions"] += _mentions(
                aid, "organization", organization.name, organization.name, organization.mentions
            )
        for quote in output.quotes:
            rows["quotes"].append(
                (
                    aid,
                    quote.id,
                    quote.kind,
                    quote.text,
                    quote.speaker,
                    quote.speaker_id,
                    *_words(quote.speaker_mention),
                    *_words(quote.cue),
                    quote.rule,
                    quote.confidence,
                    quote.within,
                    quote.start,
                    quote.end,
                )
            )
        for number, figure in enumerate(output.troop_figures, start=1):
            rows["troop_figures"].append(
                (
                    aid,
                    f"t{number}",
                    figure.count,
                    figure.low,
                    figure.high,
                    figure.approximate,
                    figure.country,
                    figure.unit,
                    figure.location,
                    figure.text,
                    figure.start,
                    figure.end,
                )
            )
        for piece in output.article.furniture:
            rows["furniture"].append((aid, piece.text, piece.start, piece.end))
    return rows


def _first(mentions: list[Mention]) -> Row:
    first = min(mentions, key=lambda m: m.start, default=None)
    return (None, None) if first is None else (first.start, first.end)


def _words(mention: Mention | None) -> Row:
    return (None, None, None) if mention is None else (mention.text, mention.start, mention.end)


def _mentions(aid: str, entity: str, key: str, name: str, mentions: list[Mention]) -> list[Row]:
    return [(aid, entity, key, name, m.text, m.start, m.end) for m in mentions]


def load_tables(connection: duckdb.DuckDBPyConnection, outputs: Iterable[ArticleOutput]) -> None:
    """Create every table in TABLES on `connection` and fill it from `outputs`."""
    for name, rows in table_rows(outputs).items():
        columns = TABLES[name]
        connection.execute(f"CREATE TABLE {name} ({', '.join(f'{c} {t}' for c, t in columns)})")
        if not rows:
            continue
        # Column-wise through unnest: one statement per table instead of one per row
        # (executemany took seconds for a few thousand rows).
        selects = ", ".join(f"unnest(${i}::{t}[])" for i, (_, t) in enumerate(columns, start=1))
        columns_of_cells = [list(cells) for cells in zip(*rows, strict=True)]
        connection.execute(f"INSERT INTO {name} SELECT {selects}", columns_of_cells)


def export_duckdb(outputs: Iterable[ArticleOutput], path: Path) -> None:
    """Write the tables into a new DuckDB database at `path`, replacing any file there.

    Raise ExportError when it cannot be written; a file already at `path` is then left alone.
    """
    try:
        temporary = _temporary_beside(path)
    except OSError as error:
        raise ExportError(f"{path}: cannot write: {error.strerror or error}") from None
    try:
        with duckdb.connect(str(temporary), config=_OFFLINE) as connection:
            load_tables(connection, outputs)
            connection.execute("CHECKPOINT")
        os.replace(temporary, path)
    except (OSError, duckdb.Error) as error:
        raise ExportError(f"{path}: cannot write: {error}") from None
    finally:
        for leftover in (temporary, temporary.with_name(temporary.name + ".wal")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


def export_parquet(outputs: Iterable[ArticleOutput], folder: Path) -> list[Path]:
    """Write one `<table>.parquet` per table into `folder`; return the files written.

    Raise ExportError when a file cannot be written.
    """
    try:
        return _write_parquet(outputs, folder)
    except (OSError, duckdb.Error) as error:
        raise ExportError(f"{folder}: cannot write: {error}") from None


def _write_parquet(outputs: Iterable[ArticleOutput], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with duckdb.connect(":memory:", config=_OFFLINE) as connection:
        load_tables(connection, outputs)
        for name in TABLES:
            target = folder / f"{name}.parquet"
            temporary = _temporary_beside(target)
            try:
                quoted = str(temporary).replace("'", "''")
                connection.execute(f"COPY {name} TO '{quoted}' (FORMAT parquet)")
                os.replace(temporary, target)
            finally:
                with contextlib.suppress(FileNotFoundError):
                    temporary.unlink()
            written.append(target)
    return written


def _temporary_beside(path: Path) -> Path:
    """Return a fresh, absent path in `path`'s folder, so the final rename is atomic."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    os.unlink(name)  # DuckDB creates its own file and refuses an empty one
    return Path(name)
