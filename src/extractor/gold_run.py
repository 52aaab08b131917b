"""Evaluate a gold folder: find or make the predictions, then score them (evaluate.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from extractor.batching.engines.local import run_local
from extractor.batching.work import Settings
from extractor.evaluate import GoldError, evaluate, load_gold, read_json
from extractor.extraction import ModelSettings


@dataclass
class GoldRun:
    report: dict[str, Any]
    errors: list[str] = field(default_factory=list)


def evaluate_gold(
    gold_dir: Path,
    pred_dir: Path | None = None,
    articles_dir: Path | None = None,
    model: ModelSettings | None = None,
    jobs: int = 1,
) -> GoldRun:
    """Score predictions for every gold file in `gold_dir`.

    Predictions come from `pred_dir/<id>.json` when given; otherwise the articles
    (`<id>.txt` next to the gold files, or in `articles_dir`) are extracted in memory.
    An article without a prediction is reported and scored as an empty prediction.
    """
    gold = load_gold(gold_dir)
    errors: list[str] = []
    if pred_dir is not None:
        predictions = _read_predictions(pred_dir, gold, errors)
    else:
        settings = Settings(model=model or ModelSettings())  # in memory: nothing written
        predictions = _extract(articles_dir or gold_dir, gold, settings, jobs, errors)
    pairs = {aid: (predictions.get(aid, {}), document) for aid, document in gold.items()}
    return GoldRun(report=evaluate(pairs), errors=errors)


def _read_predictions(
    pred_dir: Path, gold: dict[str, Any], errors: list[str]
) -> dict[str, dict[str, Any]]:
    predictions = {}
    for article_id in gold:
        path = pred_dir / f"{article_id}.json"
        try:
            predictions[article_id] = read_json(path)
        except GoldError as error:
            errors.append(str(error))
    return predictions


def _extract(
    articles_dir: Path,
    gold: dict[str, Any],
    settings: Settings,
    jobs: int,
    errors: list[str],
) -> dict[str, dict[str, Any]]:
    paths = []
    for article_id in gold:
        path = articles_dir / f"{article_id}.txt"
        if path.is_file():
            paths.append(str(path))
        else:
            errors.append(f"{path}: no article for gold file {article_id}.json")
    predictions = {}
    for result in run_local(paths, settings, jobs):
        if result.data is None:
            errors.append(result.error or f"{result.path}: failed")
            continue
        predictions[result.article_id] = orjson.loads(result.data)
    return predictions


def cross_validated_gold(
    gold_dir: Path, articles_dir: Path | None, folds: int, jobs: int = 1
) -> GoldRun:
    """Score the gold with the speaker confidence weights refitted on the other folds of the
    articles for each fold: the honest figure for what the fitted weights add."""
    from extractor.training.attribution import cross_validate, extract_gold

    runs = extract_gold(gold_dir, articles_dir, jobs)
    report, _ = cross_validate(runs, folds)
    return GoldRun(report=report)
