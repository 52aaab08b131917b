"""Bytes to text: size limit, binary detection, encoding detection, clear errors."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

DEFAULT_MAX_BYTES = 5_000_000
"""Largest article accepted: five megabytes is some 800,000 words, far beyond any news article,
and small enough that the parse of one article cannot exhaust memory."""

_BINARY_SAMPLE = 8192
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


class ArticleError(Exception):
    """An article that cannot be read; the message names the file and the reason."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


@dataclass(frozen=True)
class Article:
    id: str
    path: str
    text: str
    sha256: str
    encoding: str


def article_id(path: Path) -> str:
    """Return the article id: the file name without its extension."""
    return path.stem


def read_article(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read and decode one article; raise ArticleError naming the file and the reason."""
    raw = read_bytes(path, max_bytes)
    text, encoding = decode(path, raw)
    if not text.strip():
        raise ArticleError(path, "empty file: no text to extract from")
    return Article(
        id=article_id(path),
        path=str(path),
        text=text,
        sha256=hashlib.sha256(raw).hexdigest(),
        encoding=encoding,
    )


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Return the file's bytes after checking it exists, is a file, and is within the limit."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ArticleError(path, "no such file") from None
    except OSError as error:
        raise ArticleError(path, f"cannot read: {error.strerror or error}") from None
    if not path.is_file():
        raise ArticleError(path, "not a regular file")
    if size == 0:
        raise ArticleError(path, "empty file: no text to extract from")
    if size > max_bytes:
        raise ArticleError(
            path, f"too large: {size:,} bytes, the limit is {max_bytes:,} (see --max-bytes)"
        )
    try:
        return path.read_bytes()
    except OSError as error:
        raise ArticleError(path, f"cannot read: {error.strerror or error}") from None


def decode(path: Path, raw: bytes) -> tuple[str, str]:
    """Return the text and the name of the encoding that decoded it."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(name), name
            except UnicodeDecodeError:
                raise ArticleError(path, f"cannot decode: starts as {name} but is not") from None
    if looks_binary(raw):
        raise ArticleError(path, "binary file, not text")
    try:
        if raw.startswith(b"\xef\xbb\xbf"):
            return raw[3:].decode("utf-8"), "utf-8-sig"
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw).best()
    if best is None or best.encoding is None:
        raise ArticleError(path, "cannot decode: not UTF-8 and no other encoding fits")
    return str(best), best.encoding


def looks_binary(raw: bytes) -> bool:
    """Return True for data that is not text: NUL bytes, or mostly control bytes."""
    sample = raw[:_BINARY_SAMPLE]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return controls > len(sample) * 0.1
