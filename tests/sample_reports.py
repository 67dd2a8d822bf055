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


GOLDEN = ROOT / "tests" / "reporters" / "golden"
GOLDEN_SAMPLE = "fr_cctp"


@cache
def golden_report() -> dict[str, object]:
    """The stored JSON report every reporter's golden test renders (``golden/fr_cctp.json``).

    With ``CLAUSECHECK_UPDATE_GOLDEN=1`` it is first rewritten from the sample,
    once per session and before any reporter reads it, so one update run is enough.
    """
    import json
    import os

    source = GOLDEN / f"{GOLDEN_SAMPLE}.json"
    if os.environ.get("CLAUSECHECK_UPDATE_GOLDEN") == "1":
        here = Path.cwd()
        os.chdir(ROOT)  # a relative document path, the same on every machine
        try:
            data = analyze(f"samples/{GOLDEN_SAMPLE}.pdf").to_dict()
        finally:
            os.chdir(here)
        GOLDEN.mkdir(exist_ok=True)
        source.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    loaded: dict[str, object] = json.loads(source.read_text(encoding="utf-8"))
    return loaded
