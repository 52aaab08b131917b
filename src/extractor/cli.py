"""The `extract` command: arguments in, one library call per command, rich out.

`extract PATH...` extracts articles (the `run` command, implied when the first argument is not
a command); `extract evaluate GOLD_DIR` scores against gold; `extract report OUT_DIR` builds an
HTML report of the outputs; `extract export OUT_DIR --to corpus.duckdb` writes them as tables;
`extract schema` prints the JSON Schema of the output.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from extractor import __version__
from extractor.batching.engines.dask import DaskUnavailable
from extractor.batching.library import extract_batch
from extractor.batching.reading import DEFAULT_MAX_BYTES
from extractor.batching.run import find_articles
from extractor.batching.work import ArticleResult, Settings
from extractor.batching.writing import OutputSettings
from extractor.corpus import Corpus, OutputsError, load_outputs
from extractor.evaluate import GoldError, failed_thresholds
from extractor.extraction import ModelSettings
from extractor.output import ArticleOutput
from extractor.pipeline import DEFAULT_MODEL, ModelError
from extractor.render import per_article_table, rules_table, scores_table, summary_table

app = typer.Typer(
    name="extract",
    help="Turn news articles into checkable facts: people, countries, organizations, quotes "
    "with speakers, and troop figures. `extract PATH...` is short for `extract run PATH...`.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
COMMANDS = ("run", "evaluate", "report", "export", "schema")
REPORT_FOLDER = "report"
stdout = Console()
stderr = Console(stderr=True)


class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"


class EngineName(StrEnum):
    local = "local"
    dask = "dask"


def _error(message: str) -> None:
    """One plain line on stderr per problem, so that scripts can grep it."""
    print(f"error: {message}", file=sys.stderr, flush=True)


def _version(value: bool) -> None:
    if value:
        print(f"extract {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Turn news articles into checkable facts."""


@app.command()
def run(
    paths: Annotated[list[Path], typer.Argument(help="Article files, or folders of *.txt.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("outputs"),
    model: Annotated[str, typer.Option(help="Installed spaCy pipeline to use.")] = DEFAULT_MODEL,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes.")] = 1,
    force: Annotated[bool, typer.Option(help="Redo articles whose output is current.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print errors only.")] = False,
    output_format: Annotated[
        Format, typer.Option("--format", help="json: one file per article; jsonl: one file.")
    ] = Format.json,
    engine: Annotated[
        EngineName, typer.Option(help="local: this machine; dask: a Dask cluster.")
    ] = EngineName.local,
    scheduler: Annotated[
        str | None, typer.Option(help="Dask scheduler address (default: a local cluster).")
    ] = None,
    max_bytes: Annotated[
        int, typer.Option(min=1, help="Refuse articles larger than this many bytes.")
    ] = DEFAULT_MAX_BYTES,
    with_report: Annotated[
        bool, typer.Option("--report", help="Then build the HTML report in OUT/report/.")
    ] = False,
) -> None:
    """Extract PATHS into one JSON document per article (OUT/<article id>.json)."""
    if scheduler and engine is not EngineName.dask:
        raise typer.BadParameter("needs --engine dask", param_hint="--scheduler")
    settings = Settings(
        model=ModelSettings(name=model),
        output=OutputSettings(jsonl=output_format is Format.jsonl, force=force),
        max_bytes=max_bytes,
    )
    articles, errors = find_articles(paths)  # counted here only to size the progress bar
    show_progress = not quiet and sys.stderr.isatty()
    progress = Progress(
        TextColumn("[bold]extract"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=stderr,
        disable=not show_progress,
    )
    task = progress.add_task("articles", total=len(articles))

    def report(result: ArticleResult) -> None:
        progress.advance(task)
        if result.status == "failed":
            message = f"error: {result.error}"
            if show_progress:
                progress.console.print(message, markup=False, highlight=False)
            else:
                print(message, file=sys.stderr, flush=True)

    for message in errors:
        _error(message)
    try:
        with progress:
            outcome = extract_batch(
                paths, out, settings, engine.value, jobs, scheduler, on_result=report
            )
    except (ModelError, DaskUnavailable) as error:
        _error(str(error))
        raise typer.Exit(2) from None
    except OSError as error:
        _error(f"{out}: cannot write outputs: {error.strerror or error}")
        raise typer.Exit(1) from None
    summary = outcome.summary
    if not quiet:
        stdout.print(summary_table(summary))
    report_failed = with_report and not _write_report(out, out / REPORT_FOLDER, None, quiet)
    if summary.failed or errors or report_failed:
        raise typer.Exit(1)


@app.command()
def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold files (<article id>.json).")],
    pred: Annotated[
        Path | None, typer.Option(help="Folder of predictions; default: extract the articles.")
    ] = None,
    articles: Annotated[
        Path | None, typer.Option(help="Folder of the articles; default: next to the gold.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    minimum: Annotated[
        list[str] | None,
        typer.Option("--min", help="KEY=VALUE: exit 1 when a score is below, e.g. people.f1=0.9"),
    ] = None,
    per_article: Annotated[bool, typer.Option(help="Also show each article's scores.")] = False,
    model: Annotated[str, typer.Option(help="Installed spaCy pipeline to use.")] = DEFAULT_MODEL,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes.")] = 1,
    rules: Annotated[
        bool, typer.Option(help="Also show how each attribution rule did (precision, count).")
    ] = False,
    cv: Annotated[
        int,
        typer.Option(
            "--cv",
            min=0,
            help="K >= 2: refit the speaker confidence weights on K-1 folds of the articles "
            "and score the held-out fold, for every fold (needs scikit-learn, the dev extra).",
        ),
    ] = 0,
) -> None:
    """Score extraction against gold files, as CONTRACT.md defines it."""
    from extractor.gold_run import cross_validated_gold, evaluate_gold

    thresholds = _thresholds(minimum or [])
    if cv == 1:
        raise typer.BadParameter("needs at least 2 folds", param_hint="--cv")
    try:
        if cv:
            outcome = cross_validated_gold(gold_dir, articles, cv, jobs)
        else:
            outcome = evaluate_gold(gold_dir, pred, articles, ModelSettings(name=model), jobs)
    except GoldError as error:
        _error(str(error))
        raise typer.Exit(2) from None
    except ModelError as error:
        _error(str(error))
        raise typer.Exit(2) from None
    for message in outcome.errors:
        _error(message)
    report = outcome.report
    try:
        failures = failed_thresholds(report, thresholds)
    except KeyError as error:
        _error(f"--min: no score named {error.args[0]!r}")
        raise typer.Exit(2) from None
    if as_json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        title = f"micro over {len(report['articles'])} articles"
        if cv:
            title += f", cross-validated in {cv} folds by article"
        stdout.print(scores_table(report["micro"], title))
        if rules:
            stdout.print(rules_table(report["rules"]))
        if per_article:
            stdout.print(per_article_table(report["articles"]))
    for line in failures:
        _error(line)
    if failures or outcome.errors:
        raise typer.Exit(1)


def _thresholds(values: list[str]) -> dict[str, float]:
    thresholds = {}
    for value in values:
        key, sep, number = value.partition("=")
        try:
            thresholds[key.strip()] = float(number)
        except ValueError:
            sep = ""
        if not sep:
            raise typer.BadParameter(
                f"{value!r}: expected KEY=VALUE, e.g. people.f1=0.9", param_hint="--min"
            )
    return thresholds


@app.command()
def report(
    out_dir: Annotated[Path, typer.Argument(help="Folder of outputs written by `extract`.")],
    to: Annotated[
        Path | None, typer.Option("--to", help="Folder of the site (default: OUT_DIR/report).")
    ] = None,
    articles: Annotated[
        Path | None,
        typer.Option(help="Folder of the articles, when they are not at article.path any more."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print errors only.")] = False,
) -> None:
    """Build a static HTML report of the outputs: an index and one page per article."""
    if not _write_report(out_dir, to or out_dir / REPORT_FOLDER, articles, quiet):
        raise typer.Exit(1)


def _write_report(out_dir: Path, destination: Path, articles: Path | None, quiet: bool) -> bool:
    """Build the report; print one line per problem; return True when nothing went wrong."""
    from extractor.report import build_report  # jinja2 only when a report is asked for

    corpus = _load_outputs(out_dir)
    try:
        result = build_report(corpus.outputs, destination, articles)
    except OSError as error:
        _error(f"{destination}: cannot write the report: {error.strerror or error}")
        raise typer.Exit(1) from None
    for message in result.errors:
        _error(message)
    if not quiet:
        print(f"wrote {result.pages} article pages and {result.index}")
    return not (corpus.errors or result.errors)


@app.command()
def export(
    out_dir: Annotated[Path, typer.Argument(help="Folder of outputs written by `extract`.")],
    to: Annotated[
        str,
        typer.Option(
            "--to",
            help="A DuckDB file (*.duckdb, *.db), or a folder (ending in /) for Parquet files.",
        ),
    ],
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print errors only.")] = False,
) -> None:
    """Write the outputs as tables: articles, people, mentions, quotes, troop_figures, ..."""
    from extractor.export import ExportError, export_duckdb, export_parquet

    destination = Path(to)
    as_database = destination.suffix.lower() in (".duckdb", ".db")
    if not as_database and not (to.endswith(("/", "\\")) or destination.is_dir()):
        raise typer.BadParameter(
            f"{to!r}: name a DuckDB file (corpus.duckdb) or a folder ending in / (tables/)",
            param_hint="--to",
        )
    corpus = _load_outputs(out_dir)
    try:
        if as_database:
            export_duckdb(corpus.outputs, destination)
        else:
            export_parquet(corpus.outputs, destination)
    except ExportError as error:
        _error(str(error))
        raise typer.Exit(1) from None
    if not quiet:
        kind = "DuckDB database" if as_database else "Parquet files"
        print(f"wrote {len(corpus.outputs)} articles to {destination} ({kind})")
    if corpus.errors:
        raise typer.Exit(1)


def _load_outputs(out_dir: Path) -> Corpus:
    """Read the outputs, printing one line per bad file; exit 1 when there is nothing to read."""
    try:
        corpus = load_outputs(out_dir)
    except OutputsError as error:
        _error(str(error))
        raise typer.Exit(1) from None
    for message in corpus.errors:
        _error(message)
    if not corpus.outputs:
        _error(f"{out_dir}: no valid outputs to read")
        raise typer.Exit(1)
    return corpus


@app.command()
def schema() -> None:
    """Print the JSON Schema of the output document."""
    print(json.dumps(ArticleOutput.model_json_schema(), indent=2, ensure_ascii=False))


def main() -> None:
    """Entry point: `extract PATH...` means `extract run PATH...`."""
    arguments = sys.argv[1:]
    if (
        arguments
        and arguments[0] not in COMMANDS
        and arguments[0] not in ("--help", "-h", "--version")
    ):
        arguments = ["run", *arguments]
    app(args=arguments, prog_name="extract")
