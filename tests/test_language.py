import pytest

from clausecheck.language import detect_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Le titulaire est tenu de respecter les délais prévus au présent article.", "fr"),
        ("The Supplier shall comply with the delivery schedule set out in this Agreement.", "en"),
        ("Les prix sont révisables annuellement selon l'indice Syntec.", "fr"),
        ("Termination for convenience upon ninety days' notice.", "en"),
    ],
)
def test_detects(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_default_without_signal() -> None:
    assert detect_language("12345 — 678", default="fr") == "fr"
