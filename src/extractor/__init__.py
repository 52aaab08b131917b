"""extractor: turn news articles into structured, checkable facts.

The library under the CLI: `extract_batch` runs a batch (see `extractor.batching.library`), with
`Settings` made of `ModelSettings` (the pipeline) and `OutputSettings` (what is written). They
are imported on first use, so that importing the package for its version stays cheap.
"""

from typing import Any

__version__ = "0.1.0"
__all__ = ["ModelSettings", "OutputSettings", "Settings", "__version__", "extract_batch"]


def __getattr__(name: str) -> Any:
    if name == "extract_batch":
        from extractor.batching.library import extract_batch

        return extract_batch
    if name == "Settings":
        from extractor.batching.work import Settings

        return Settings
    if name == "ModelSettings":
        from extractor.extraction import ModelSettings

        return ModelSettings
    if name == "OutputSettings":
        from extractor.batching.writing import OutputSettings

        return OutputSettings
    raise AttributeError(f"module 'extractor' has no attribute {name!r}")
