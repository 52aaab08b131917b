"""The Dask engine: the same per-article function on a small local cluster."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app

from .conftest import GOLD_DIR

pytest.importorskip("dask.distributed")
runner = CliRunner()


def test_dask_engine_writes_the_same_bytes_and_reports_failures(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for article in sorted(GOLD_DIR.glob("*.txt"))[:3]:
        shutil.copy(article, inputs / article.name)
    (inputs / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    local, distributed = tmp_path / "local", tmp_path / "dask"

    by_local = runner.invoke(app, ["run", str(inputs), "--out", str(local), "-q"])
    by_dask = runner.invoke(
        app, ["run", str(inputs), "--out", str(distributed), "-q", "--engine", "dask", "-j", "1"]
    )

    assert by_local.exit_code == by_dask.exit_code == 1
    assert "broken.txt: binary file" in by_dask.stderr
    written = sorted(p.name for p in local.glob("*.json"))
    assert len(written) == 3
    assert sorted(p.name for p in distributed.glob("*.json")) == written
    for name in written:
        assert (distributed / name).read_bytes() == (local / name).read_bytes()


def test_unreachable_scheduler_is_a_clear_error(tmp_path: Path) -> None:
    article = sorted(GOLD_DIR.glob("*.txt"))[0]
    result = runner.invoke(
        app,
        [
            "run",
            str(article),
            "--out",
            str(tmp_path),
            "--engine",
            "dask",
            "--scheduler",
            "tcp://127.0.0.1:9",
        ],
    )
    assert result.exit_code == 2
    assert "cannot reach Dask scheduler tcp://127.0.0.1:9" in result.stderr
