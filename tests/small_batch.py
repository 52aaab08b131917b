"""Three small gold articles, extracted once per test session (`small_batch_outputs` in conftest)
as an analyst's run would."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from extractor.cli import app

from .conftest import GOLD_DIR

# 000 has a partial quote inside reported speech; 12 and 19 have troop figures of several
# sides and none.
SMALL_BATCH = (
    "000_15863509d2790875",
    "12_20220208T181500Z_US_en_2c52b7d76a",
    "19_20220630T141500Z_GB_en_d5784298ca",
)


def extract_small_batch(out: Path) -> dict[str, str]:
    """Extract SMALL_BATCH into `out`; return each article's text by id."""
    paths = [GOLD_DIR / f"{aid}.txt" for aid in SMALL_BATCH]
    result = CliRunner().invoke(app, ["run", *map(str, paths), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return {path.stem: path.read_text(encoding="utf-8") for path in paths}
