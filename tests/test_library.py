"""The library under the CLI: a batch runs from Python, with no command line involved."""

from __future__ import annotations

import json
from pathlib import Path

import extractor

from .conftest import SEEDS_DIR


def test_extract_batch_runs_without_the_cli(tmp_path: Path) -> None:
    outcome = extractor.extract_batch(
        [SEEDS_DIR, tmp_path / "missing.txt"], tmp_path / "out", extractor.Settings()
    )
    assert outcome.summary.done == 1 and outcome.summary.failed == 0
    assert outcome.input_errors == [f"{tmp_path / 'missing.txt'}: no such file or folder"]
    written = json.loads((tmp_path / "out" / "000_15863509d2790875.json").read_text("utf-8"))
    assert written["quotes"] and written["people"]


def test_a_bad_article_is_counted_not_raised(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    outcome = extractor.extract_batch([tmp_path], tmp_path / "out")
    assert outcome.summary.failed == 1
    assert outcome.summary.errors == [
        f"{tmp_path / 'empty.txt'}: empty file: no text to extract from"
    ]


def test_a_second_batch_skips_the_outputs_the_first_wrote(tmp_path: Path) -> None:
    first = extractor.extract_batch([SEEDS_DIR], tmp_path / "out", extractor.Settings())
    again = extractor.extract_batch([SEEDS_DIR], tmp_path / "out", extractor.Settings())
    forced = extractor.extract_batch(
        [SEEDS_DIR],
        tmp_path / "out",
        extractor.Settings(output=extractor.OutputSettings(force=True)),
    )
    assert (first.summary.done, first.summary.skipped) == (1, 0)
    assert (again.summary.done, again.summary.skipped) == (0, 1)
    assert (forced.summary.done, forced.summary.skipped) == (1, 0)
