"""Rule data from `models/`: word lists and tables the components load once at creation."""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Any

_PACKAGED = Path(__file__).parent / "models"
_CHECKOUT = Path(__file__).resolve().parents[2] / "models"


def data_dir() -> Path:
    """Return the folder of rule data: packaged with a wheel, else the checkout's `models/`."""
    for candidate in (_PACKAGED, _CHECKOUT):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"rule data not found: looked in {_PACKAGED} and {_CHECKOUT}")


def _text(name: str) -> str:
    """Return one rule file's text: every read of a file in `models/` passes here."""
    return (data_dir() / name).read_text(encoding="utf-8")


def _lines(name: str) -> list[str]:
    lines = []
    for raw in _text(name).splitlines():
        line = raw.rstrip("\n")
        if line.strip() and not line.lstrip().startswith("#"):
            lines.append(line.strip())
    return lines


@cache
def word_list(name: str) -> tuple[str, ...]:
    """Return the non-comment lines of a plain word list, in file order."""
    return tuple(_lines(name))


@cache
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """Return the rows of a tab-separated table, each cell stripped."""
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in _lines(name))


@cache
def json_document(name: str) -> Any:
    """Return a JSON rule file parsed, or None when there is no such file (a fitted model
    before its first fit)."""
    if not (data_dir() / name).is_file():
        return None
    return json.loads(_text(name))


@cache
def rules_digest() -> str:
    """Return a short digest of every rule file, so outputs record which rules made them."""
    digest = hashlib.sha256()
    for path in sorted(data_dir().iterdir()):
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
