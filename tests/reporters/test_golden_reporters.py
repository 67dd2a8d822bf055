"""Golden outputs of the text reporters (terminal, JSON, Markdown, CSV) for one stored sample report.

The input is ``golden/fr_cctp.json`` (the JSON report of ``samples/fr_cctp.pdf``,
shared with the HTML golden test), so these tests change only when a reporter
changes. ``CLAUSECHECK_UPDATE_GOLDEN=1`` rewrites the expected files.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from sample_reports import golden_report

from clausecheck.reporters import REPORTERS

GOLDEN = Path(__file__).parent / "golden"
SOURCE = GOLDEN / "fr_cctp.json"
SUFFIX = {"terminal": "txt", "json": "out.json", "markdown": "md", "csv": "csv"}


def _render(fmt: str, data: dict[str, object]) -> str:
    stream = io.StringIO()
    os.environ["COLUMNS"] = "140"  # rich reads the width from the environment when not on a terminal
    REPORTERS[fmt]([data], stream)
    return stream.getvalue()


@pytest.mark.parametrize("fmt", sorted(SUFFIX))
def test_golden(fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "140")
    data = golden_report()
    expected = GOLDEN / f"fr_cctp.{SUFFIX[fmt]}"
    output = _render(fmt, data)
    if os.environ.get("CLAUSECHECK_UPDATE_GOLDEN") == "1":
        expected.write_text(output, encoding="utf-8", newline="\n")
    assert output == expected.read_text(encoding="utf-8"), f"{fmt} output changed; rerun with CLAUSECHECK_UPDATE_GOLDEN=1"


def test_json_reporter_round_trips() -> None:
    data = json.loads(SOURCE.read_text(encoding="utf-8"))
    assert json.loads(_render("json", data)) == data


def test_csv_has_one_row_per_clause() -> None:
    data = json.loads(SOURCE.read_text(encoding="utf-8"))
    rows = _render("csv", data).splitlines()
    assert len(rows) == 1 + len(data["clauses"])  # type: ignore[arg-type]


def test_markdown_lists_findings_and_scores() -> None:
    data = json.loads(SOURCE.read_text(encoding="utf-8"))
    text = _render("markdown", data)
    for finding in data["findings"]:  # type: ignore[attr-defined]
        assert f"`{finding['code']}`" in text
    assert "| **Contrainte** |" in text
