"""A batch: find the articles, run an engine over them, write what comes back, count it.

This is where a failed article is decided to be one line of error and a non-zero exit, while
the rest of the batch goes on.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from extractor.batching.reading import article_id
from extractor.batching.work import ArticleResult, Settings
from extractor.batching.writing import JSONL_NAME, JsonlWriter, output_path, write_atomic

ARTICLE_PATTERN = "*.txt"


@dataclass
class Summary:
    done: int = 0
    skipped: int = 0
    failed: int = 0
    people: int = 0
    quotes: int = 0
    troops: int = 0
    words: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else 0.0

    def add(self, result: ArticleResult) -> None:
        if result.status == "done":
            self.done += 1
            self.people += result.people
            self.quotes += result.quotes
            self.troops += result.troops
            self.words += result.words
        elif result.status == "skipped":
            self.skipped += 1
        else:
            self.failed += 1
            self.errors.append(result.error or f"{result.path}: failed")


def find_articles(inputs: list[Path]) -> tuple[list[str], list[str]]:
    """Return the article paths named by files and folders, and one error per bad input.

    A folder contributes its `*.txt` files (not recursively), in name order; a file is taken
    whatever its extension. Two articles with the same id would overwrite one output, so the
    second is refused.
    """
    paths: list[str] = []
    errors: list[str] = []
    seen: dict[str, str] = {}
    for item in inputs:
        if item.is_dir():
            found = sorted(p for p in item.glob(ARTICLE_PATTERN) if p.is_file())
            if not found:
                errors.append(f"{item}: no articles ({ARTICLE_PATTERN}) in this folder")
            candidates = found
        elif item.exists():
            candidates = [item]
        else:
            errors.append(f"{item}: no such file or folder")
            continue
        for path in candidates:
            identity = article_id(path)
            if identity in seen:
                if Path(seen[identity]).resolve() != path.resolve():
                    errors.append(f"{path}: same article id {identity!r} as {seen[identity]}")
                continue
            seen[identity] = str(path)
            paths.append(str(path))
    return paths, errors


Engine = Callable[[list[str], Settings], Iterator[ArticleResult]]


def run_batch(
    paths: list[str],
    out_dir: Path,
    settings: Settings,
    engine: Engine,
    on_result: Callable[[ArticleResult], None] = lambda result: None,
) -> Summary:
    """Extract every path with `engine`, write outputs to `out_dir`, and count what happened.

    `out_dir` is also where the workers look for current outputs to skip."""
    settings = replace(settings, output=replace(settings.output, out_dir=str(out_dir)))
    summary = Summary()
    started = time.perf_counter()
    if settings.output.jsonl:
        with JsonlWriter(out_dir / JSONL_NAME) as writer:
            for result in engine(paths, settings):
                if result.data is not None:
                    writer.write(result.data)
                summary.add(result)
                on_result(result)
    else:
        for result in engine(paths, settings):
            if result.data is not None:
                write_atomic(output_path(out_dir, result.article_id), result.data)
            summary.add(result)
            on_result(result)
    summary.seconds = time.perf_counter() - started
    return summary
