"""End-to-end accuracy on the gold files: every floor in tests/floors.toml must hold."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from extractor.evaluate import metric
from extractor.gold_run import evaluate_gold

from .conftest import GOLD_DIR, ROOT

FLOORS: dict[str, float] = tomllib.loads((ROOT / "tests" / "floors.toml").read_text())


@pytest.fixture(scope="module")
def report(gold_outputs: Path) -> dict[str, Any]:
    outcome = evaluate_gold(GOLD_DIR, pred_dir=gold_outputs)
    assert outcome.errors == []
    return outcome.report


def test_every_gold_file_has_its_article() -> None:
    gold = {p.stem for p in GOLD_DIR.glob("*.json")}
    articles = {p.stem for p in GOLD_DIR.glob("*.txt")}
    assert gold == articles
    assert len(gold) >= 21


@pytest.mark.parametrize("key", sorted(FLOORS))
def test_accuracy_floor(report: dict[str, Any], key: str) -> None:
    value = metric(report, key)
    assert value is not None and value >= FLOORS[key], f"{key} = {value}, floor {FLOORS[key]}"
