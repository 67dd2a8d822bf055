"""The Reporter seam: one module per output format, chosen by name.

A reporter writes one or several reports, in their JSON form
(:meth:`clausecheck.pipeline.Report.to_dict`, the public contract of
OUTPUT.md), to a text stream. Reporters only read that data: they never read
files or run analysis, so a saved JSON report can be rendered again in any format.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TextIO

from clausecheck.reporters import csv_report, html, json_report, markdown, terminal

ReporterFn = Callable[[Sequence[dict[str, Any]], TextIO], None]

REPORTERS: dict[str, ReporterFn] = {
    "terminal": terminal.write,
    "json": json_report.write,
    "markdown": markdown.write,
    "csv": csv_report.write,
    "html": html.write,
}

__all__ = ["REPORTERS", "ReporterFn"]
