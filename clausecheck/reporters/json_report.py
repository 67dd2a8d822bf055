"""JSON reporter: the public contract of ``../shared/spec/OUTPUT.md``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO


def write(reports: Sequence[dict[str, Any]], stream: TextIO) -> None:
    """One report as an object; several as an array of report objects."""
    data = reports[0] if len(reports) == 1 else list(reports)
    json.dump(data, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
