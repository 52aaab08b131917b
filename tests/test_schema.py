"""The committed JSON Schema is the one the pydantic models generate."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from extractor.cli import app
from extractor.output import ArticleOutput

from .conftest import ROOT


def test_committed_schema_is_current() -> None:
    committed = json.loads((ROOT / "docs" / "schema.json").read_text(encoding="utf-8"))
    assert committed == ArticleOutput.model_json_schema(), "run: extract schema > docs/schema.json"


def test_schema_command_prints_the_schema() -> None:
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    contract_fields = {
        "schema_version",
        "article",
        "pipeline",
        "people",
        "countries",
        "organizations",
        "quotes",
        "troop_figures",
    }
    assert contract_fields <= set(schema["properties"])
    quote = schema["$defs"]["Quote"]["properties"]
    assert quote["kind"]["enum"] == ["direct", "partial", "indirect"]
