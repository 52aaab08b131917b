"""Excerpts of the gold articles, so component tests run on real text that has a gold file."""

from __future__ import annotations

from .conftest import GOLD_DIR, SEEDS_DIR


def excerpt(article: str, needle: str, paragraphs: int = 1, before: int = 0) -> str:
    """Return the paragraph of `article` (an id prefix) holding `needle`, with `before`
    paragraphs before it and `paragraphs` in all from it, joined as the article joins them."""
    # "14" is the article 14_..., not 141_...: an id prefix ends where the id's parts do.
    path = sorted(
        p
        for p in [*GOLD_DIR.glob(f"{article}*.txt"), *SEEDS_DIR.glob(f"{article}*.txt")]
        if p.stem == article or p.stem.startswith(f"{article}_")
    )[0]
    lines = [line for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
    for number, line in enumerate(lines):
        if needle in line:
            return "\n\n".join(lines[number - before : number + paragraphs])
    raise LookupError(f"{needle!r} is not in {path.name}")
