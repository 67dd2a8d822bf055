"""Golden tests: every sample, as DOCX and as PDF, gives the clause outline its source defines."""

import json
from pathlib import Path

import pytest

from clausecheck.readers import read_document
from clausecheck.segment import segment

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
GOLDEN = sorted((SAMPLES / "expected").glob("*.json"))


def _outline(path: Path) -> list[dict[str, object]]:
    seg = segment(read_document(path))
    return [{"number": c.number, "heading": c.heading, "level": c.level} for c in seg.clauses]


@pytest.mark.parametrize("golden", GOLDEN, ids=[g.stem for g in GOLDEN])
@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_sample_outline(golden: Path, suffix: str) -> None:
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert _outline(SAMPLES / f"{golden.stem}{suffix}") == expected


def test_every_sample_has_docx_pdf_and_golden() -> None:
    stems = {p.stem for p in SAMPLES.glob("*.docx")}
    assert len(stems) >= 6
    assert stems == {p.stem for p in SAMPLES.glob("*.pdf")} == {g.stem for g in GOLDEN}
