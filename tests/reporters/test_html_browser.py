"""The HTML report renders in a real browser (headless Chromium, offline); skipped without Chromium."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from clausecheck.reporters.html import render

ROOT = Path(__file__).resolve().parents[2]
GOLDEN_JSON = Path(__file__).resolve().parent / "golden" / "fr_cctp.json"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("screenshot_html", ROOT / "scripts" / "screenshot_html.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("screenshot_html", module)
    spec.loader.exec_module(module)
    return module


shot = _script()
pytestmark = pytest.mark.skipif(shot.find_browser() is None, reason="chromium is not installed")


def test_screenshot_is_not_blank(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(render([json.loads(GOLDEN_JSON.read_text(encoding="utf-8"))]), encoding="utf-8")
    out = tmp_path / "report.png"
    assert shot.main([str(page), str(out), "--size", "1200,1600"]) == 0
    width, height, colours = shot.png_stats(out, max_rows=400)
    assert (width, height) == (1200, 1600)
    assert out.stat().st_size > 30_000
    assert colours >= 100, "a page with gauges, a chart and chips has many colours"


def test_png_stats_sees_a_blank_page(tmp_path: Path) -> None:
    page = tmp_path / "blank.html"
    page.write_text("<!DOCTYPE html><html><body style='background:#fff'></body></html>", encoding="utf-8")
    out = tmp_path / "blank.png"
    assert shot.main([str(page), str(out), "--size", "400,300"]) == 1
    assert shot.png_stats(out)[2] < shot.MIN_COLOURS
