"""The Reporter seam: one module per output format, chosen by name.

A reporter writes one or several :class:`~clausecheck.pipeline.Report` to a
text stream. Reporters only read reports; they never read files or run analysis.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TextIO

from clausecheck.pipeline import Report
from clausecheck.reporters import json_report, terminal

ReporterFn = Callable[[Sequence[Report], TextIO], None]

REPORTERS: dict[str, ReporterFn] = {
    "terminal": terminal.write,
    "json": json_report.write,
}

__all__ = ["REPORTERS", "ReporterFn"]
