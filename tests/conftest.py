"""Shared fixtures: the pipeline is loaded once per test session."""

from __future__ import annotations

import shutil
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


@pytest.fixture(scope="session")
def small_batch_outputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The three articles of `small_batch.SMALL_BATCH` extracted once per test session: the
    folder of their outputs (never to be changed: use `small_batch_copy`) and each text by id."""
    from .small_batch import extract_small_batch

    out = tmp_path_factory.mktemp("small-batch")
    return out, extract_small_batch(out)


def small_batch_copy(
    outputs: tuple[Path, dict[str, str]], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, dict[str, str]]:
    """A folder of its own holding the small batch's outputs, for a test that adds to it or
    edits them (a report written beside them, furniture added), and the texts by id."""
    source, texts = outputs
    out = tmp_path_factory.mktemp("outputs") / "outputs"
    shutil.copytree(source, out)
    return out, texts
