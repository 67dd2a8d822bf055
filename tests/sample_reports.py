"""The project's samples, analysed once per test session (reports are immutable)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from clausecheck import Report, analyze

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


@cache
def analyzed(path: str | Path) -> Report:
    """The report of a document with default settings, computed once per session."""
    return analyze(Path(path).resolve())
