"""The HTML report of a batch: an index and one page per article, built from the outputs."""

from extractor.report.build import ReportResult, build_report

__all__ = ["ReportResult", "build_report"]
