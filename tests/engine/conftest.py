from __future__ import annotations

from pathlib import Path

import pytest

VALID = """\
code: REV-TEST-REVIEW
name: review.test.review
languages: [fr, en]
evidence:
  - {effect: review, type: renegotiation}
weight: 0.5
severity: info
message: "Test rule."
phrases:
  fr: ["clause de revoyure"]
  en: ["review clause"]
examples:
  match:
    - fr: "Une clause de revoyure est prévue."
    - fr: "La clause de revoyure joue chaque année."
    - en: "A review clause applies."
    - en: "The review clause applies yearly."
  no_match:
    - fr: "Rien."
    - en: "Nothing."
"""


@pytest.fixture
def write_rule(tmp_path: Path):
    def write(name: str, text: str, folder: str = "pack") -> Path:
        path = tmp_path / folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def valid_rule() -> str:
    return VALID
