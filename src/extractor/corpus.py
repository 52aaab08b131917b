"""A folder of outputs read back: every `*.json` document and `articles.jsonl`, validated.

The report and the export start here, from what `extract` wrote, never from the pipeline. A
file that is not a valid output is reported and skipped; the others are read.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import orjson
from pydantic import ValidationError

from extractor.batching.writing import JSONL_NAME
from extractor.output import ArticleOutput


class OutputsError(Exception):
    """An output folder that cannot be read at all; the message names it and the reason."""


@dataclass
class Corpus:
    outputs: list[ArticleOutput] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def load_outputs(out_dir: Path) -> Corpus:
    """Return the valid outputs in `out_dir` (in article id order) and one error per bad file.

    Raise OutputsError when the folder is missing or holds no output at all.
    """
    if not out_dir.is_dir():
        reason = "not a folder" if out_dir.exists() else "no such folder"
        raise OutputsError(f"{out_dir}: {reason}")
    corpus = Corpus()
    found: dict[str, str] = {}
    sources = 0
    for source, document in _documents(out_dir, corpus.errors):
        sources += 1
        try:
            output = ArticleOutput.model_validate(document)
        except ValidationError as error:
            corpus.errors.append(f"{source}: not an extractor output: {_first_problem(error)}")
            continue
        if output.article.id in found:
            corpus.errors.append(
                f"{source}: article {output.article.id!r} already read from "
                f"{found[output.article.id]}; this copy is skipped"
            )
            continue
        found[output.article.id] = source
        corpus.outputs.append(output)
    if not sources and not corpus.errors:
        raise OutputsError(f"{out_dir}: no outputs (*.json or {JSONL_NAME}) in this folder")
    corpus.outputs.sort(key=lambda output: output.article.id)
    return corpus


def _documents(out_dir: Path, errors: list[str]) -> Iterator[tuple[str, object]]:
    for path in sorted(out_dir.glob("*.json")):
        try:
            yield str(path), orjson.loads(path.read_bytes())
        except orjson.JSONDecodeError as error:
            errors.append(f"{path}: not valid JSON: {error}")
        except OSError as error:
            errors.append(f"{path}: cannot read: {error.strerror or error}")
    jsonl = out_dir / JSONL_NAME
    if jsonl.is_file():
        try:
            lines = jsonl.read_bytes().splitlines()
        except OSError as error:
            errors.append(f"{jsonl}: cannot read: {error.strerror or error}")
            return
        for number, line in enumerate(lines, start=1):
            if line.strip():
                try:
                    yield f"{jsonl}:{number}", orjson.loads(line)
                except orjson.JSONDecodeError as error:
                    errors.append(f"{jsonl}:{number}: not valid JSON: {error}")


def _first_problem(error: ValidationError) -> str:
    problem = error.errors()[0]
    where = ".".join(str(part) for part in problem["loc"]) or "document"
    return f"{where}: {problem['msg']}"
