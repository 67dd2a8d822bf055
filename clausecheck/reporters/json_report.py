"""JSON reporter: the public contract of ``../shared/spec/OUTPUT.md``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TextIO

from clausecheck.pipeline import Report


def write(reports: Sequence[Report], stream: TextIO) -> None:
    """One report as an object; several as an array of report objects."""
    data = reports[0].to_dict() if len(reports) == 1 else [report.to_dict() for report in reports]
    json.dump(data, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
