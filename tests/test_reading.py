"""Bad input: each gets a clear reason naming the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.batching.reading import ArticleError, read_article


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n \t\n", "empty file"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
        ("elf.txt", b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 64, "binary file"),
    ],
    ids=["empty", "whitespace-only", "png", "elf"],
)
def test_unreadable_articles_are_refused_with_a_reason(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    path = _write(tmp_path, name, data)
    with pytest.raises(ArticleError) as caught:
        read_article(path)
    assert reason in str(caught.value)
    assert str(path) in str(caught.value)


def test_missing_file_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="no such file"):
        read_article(tmp_path / "gone.txt")


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = _write(tmp_path, "big.txt", b"word " * 300)
    with pytest.raises(ArticleError, match="too large: 1,500 bytes, the limit is 1,000"):
        read_article(path, max_bytes=1000)


def test_windows_codepage_text_is_decoded_and_the_encoding_recorded(tmp_path: Path) -> None:
    # A news article saved by a Windows editor: curly quotes are single bytes 0x93/0x94.
    text = "“Russia is ready,” said the minister in Zürich on Monday. The café was closed. " * 4
    path = _write(tmp_path, "cp1252.txt", text.encode("cp1252"))
    article = read_article(path)
    assert article.text == text
    assert article.encoding.startswith("cp125")


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    text = "Kyiv said on Monday that talks would resume."
    path = _write(tmp_path, "utf16.txt", text.encode("utf-16"))
    assert read_article(path).text == text


def test_utf8_bom_is_dropped_and_offsets_count_from_the_text(tmp_path: Path) -> None:
    path = _write(tmp_path, "bom.txt", "\ufeffHeadline\n\nBody.".encode())
    article = read_article(path)
    assert article.text == "Headline\n\nBody."
    assert article.encoding == "utf-8-sig"


def test_sha256_is_of_the_bytes_not_the_decoded_text(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", "\ufeffMoscow said so.".encode())
    # sha256 of the six-byte-longer raw file, BOM included
    assert read_article(path).sha256 == (
        "981985ca9030bb5a6f19af6da070411a1bba1697eff486640e05818bbc7dc6c1"
    )
