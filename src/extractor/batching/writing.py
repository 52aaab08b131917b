"""Writing outputs: what to write where, JSON bytes, atomic files, skip-if-current, and one
JSONL file per batch.

Every file is written to a temporary file in the same folder and renamed into place, so a run
killed at any moment leaves each output either complete and valid or absent (or, for a file
being replaced, the previous complete version).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO

import orjson

from extractor.output import ArticleOutput

JSONL_NAME = "articles.jsonl"  # the one output file of a batch run with --format jsonl


@dataclass(frozen=True)
class OutputSettings:
    """What a batch writes: one JSON file per article in `out_dir`, or one JSONL file there;
    an article whose output is current is skipped unless `force`."""

    # Set by the batch run from its output folder; None: outputs stay in memory, none skipped.
    out_dir: str | None = None
    jsonl: bool = False
    force: bool = False


def serialized(output: ArticleOutput, settings: OutputSettings) -> bytes:
    """Return the output as the bytes `settings` write: a JSONL line or a JSON document."""
    return to_json_line(output) if settings.jsonl else to_json(output)


def to_json(output: ArticleOutput) -> bytes:
    """Return the output as indented UTF-8 JSON; identical outputs give identical bytes."""
    return orjson.dumps(output.model_dump(mode="json"), option=orjson.OPT_INDENT_2) + b"\n"


def to_json_line(output: ArticleOutput) -> bytes:
    return orjson.dumps(output.model_dump(mode="json")) + b"\n"


def output_path(out_dir: Path, article_id: str) -> Path:
    return out_dir / f"{article_id}.json"


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that readers see the old file or the new one, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def is_current(path: Path, sha256: str, pipeline: dict[str, str]) -> bool:
    """True when `path` holds a valid output of the same article bytes and the same pipeline."""
    try:
        document = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return False
    if not isinstance(document, dict):
        return False
    article = document.get("article") or {}
    return article.get("sha256") == sha256 and document.get("pipeline") == pipeline


class JsonlWriter:
    """Writes one JSON line per article into a temporary file, renamed into place on success.

    If the batch is interrupted, the previous JSONL file (if any) is left as it was.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._temporary: str | None = None
        self._stream: IO[bytes] | None = None

    def __enter__(self) -> JsonlWriter:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, self._temporary = tempfile.mkstemp(
            dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp"
        )
        self._stream = os.fdopen(handle, "wb")
        return self

    def write(self, line: bytes) -> None:
        assert self._stream is not None, "JsonlWriter used outside its with-block"
        self._stream.write(line)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        assert self._stream is not None and self._temporary is not None
        try:
            if kind is None:
                self._stream.flush()
                os.fsync(self._stream.fileno())
            self._stream.close()
            if kind is None:
                os.replace(self._temporary, self.path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self._temporary)
