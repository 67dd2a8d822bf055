"""Real outputs validate against the shipped JSON Schema, and offsets point at their text."""

import json
from pathlib import Path

import jsonschema
import pytest
from sample_reports import analyzed

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "docs" / "schema" / "report.schema.json").read_text())
SAMPLES = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in {".pdf", ".docx"})


def test_schema_is_valid() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_sample_reports_validate(path: Path) -> None:
    report = analyzed(path)
    data = json.loads(json.dumps(report.to_dict()))
    jsonschema.validate(data, SCHEMA)
    text = report.document.text
    for clause in data["clauses"]:
        assert text[clause["start"] : clause["end"]] == clause["text"]
    assert [c["start"] for c in data["clauses"]] == sorted(c["start"] for c in data["clauses"])
