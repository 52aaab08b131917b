"""extractor: turn news articles into structured, checkable facts."""

__version__ = "0.1.0"
