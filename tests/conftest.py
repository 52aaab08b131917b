"""Shared fixtures: the pipeline is loaded once per test session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from extractor.extraction import Settings, extractor_for

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "tests" / "gold"
SEEDS_DIR = ROOT / "seeds"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return extractor_for(Settings()).nlp


@pytest.fixture(scope="session")
def annotate(nlp: Language) -> Callable[[str], Doc]:
    return nlp
