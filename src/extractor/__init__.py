"""extractor: turn news articles into structured, checkable facts.

The library under the CLI: `extract_batch` runs a batch (see `extractor.batching.library`), with
`Settings` for the model and extraction. Both are imported on first use, so that importing
the package for its version stays cheap.
"""

from typing import Any

__version__ = "0.1.0"
__all__ = ["Settings", "__version__", "extract_batch"]


def __getattr__(name: str) -> Any:
    if name == "extract_batch":
        from extractor.batching.library import extract_batch

        return extract_batch
    if name == "Settings":
        from extractor.extraction import Settings

        return Settings
    raise AttributeError(f"module 'extractor' has no attribute {name!r}")
