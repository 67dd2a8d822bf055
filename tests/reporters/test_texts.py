"""Words shared by the reporters: every finding the scorer can raise has a title in both languages."""

from __future__ import annotations

from clausecheck.reporters.texts import FINDING_TITLES, finding_title
from clausecheck.scoring.texts import TEXTS


def test_every_finding_code_has_a_french_and_an_english_title() -> None:
    for code in TEXTS:
        assert finding_title(code, "en") != code
        assert finding_title(code, "fr") != code
    assert set(FINDING_TITLES["en"]) == set(FINDING_TITLES["fr"])


def test_title_follows_the_report_language_and_falls_back_to_the_code() -> None:
    assert finding_title("hardship_excluded", "fr") == "Imprévision exclue"
    assert finding_title("hardship_excluded", "en") == "Hardship excluded"
    assert finding_title("hardship_excluded", "de") == "Hardship excluded"  # any other language reads English
    assert finding_title("a_future_finding", "fr") == "a_future_finding"
