"""Shared fixtures: the pipeline is loaded once per test session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from extractor.extraction import ModelSettings, extractor_for

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "tests" / "gold"
SEEDS_DIR = ROOT / "seeds"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return extractor_for(ModelSettings()).nlp


@pytest.fixture(scope="session")
def annotate(nlp: Language) -> Callable[[str], Doc]:
    return nlp


@pytest.fixture(scope="session")
def gold_outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every gold article extracted once per test session, through the CLI as a user runs it:
    the floors and the offset checks read the same outputs instead of extracting twice."""
    from typer.testing import CliRunner

    from extractor.cli import app

    out = tmp_path_factory.mktemp("gold-outputs")
    result = CliRunner().invoke(app, ["run", str(GOLD_DIR), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return out
