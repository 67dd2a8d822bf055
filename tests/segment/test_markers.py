import pytest
from hypothesis import given
from hypothesis import strategies as st

from clausecheck.segment.markers import parse_marker, roman_value


@pytest.mark.parametrize(
    ("text", "scheme", "number", "rest"),
    [
        ("Article 1er – Objet", "article", "1", "Objet"),
        ("ARTICLE PREMIER - OBJET", "article", "1", "OBJET"),
        ("Article premier : Objet", "article", "1", "Objet"),
        ("Article 8 - Prix", "article", "8", "Prix"),
        ("ARTICLE IV CONFIDENTIALITY", "article", "IV", "CONFIDENTIALITY"),
        ("Art. 12. Résiliation", "article", "12", "Résiliation"),
        ("1. Objet", "decimal", "1", "Objet"),
        ("1.1 Définitions", "decimal", "1.1", "Définitions"),
        ("3. 2. 1. Lots", "decimal", "3.2.1", "Lots"),
        ("12.3.4. Fees", "decimal", "12.3.4", "Fees"),
        ("II. Dispositions générales", "roman", "II", "Dispositions générales"),
        ("A. Recitals", "letter", "A", "Recitals"),
        ("Section 4.3 Fees", "section", "4.3", "Fees"),
        ("Clause 12 Term", "section", "12", "Term"),
        ("Schedule 2 – Pricing", "annex", "Schedule 2", "Pricing"),
        ("ANNEXE 3 : Bordereau", "annex", "Annexe 3", "Bordereau"),
        ("Exhibit B", "annex", "Exhibit B", ""),
        ("Titre II - Clauses financières", "part", "Titre II", "Clauses financières"),
        ("(a) the Supplier", "paren_letter", "a", "the Supplier"),
        ("(iv) the Supplier", "paren_roman", "iv", "the Supplier"),
        ("(2) the Supplier", "paren_number", "2", "the Supplier"),
        ("- item", "bullet", "-", "item"),
        ("• item", "bullet", "•", "item"),
    ],
)
def test_markers(text: str, scheme: str, number: str, rest: str) -> None:
    marker = parse_marker(text)
    assert marker is not None
    assert (marker.scheme, marker.number, text[marker.end :].strip()) == (scheme, number, rest)


@pytest.mark.parametrize(
    "text", ["2019 revenue was high", "1,5 million", "a) lower-case list", "Accord-cadre", "The 3 parties", ""]
)
def test_not_markers(text: str) -> None:
    marker = parse_marker(text)
    assert marker is None or marker.is_list


def test_lettered_items_are_list_markers() -> None:
    marker = parse_marker("a) le titulaire")
    assert marker is None  # lower-case start is body text, never a clause


def test_values_compare_in_order() -> None:
    assert parse_marker("3. 2. 1. Lots").value == (3, 2, 1)
    assert parse_marker("Article premier").value == (1,)
    assert parse_marker("Exhibit B").value == (2,)
    assert [roman_value(r) for r in ["I", "IV", "IX", "XIV", "XL"]] == [1, 4, 9, 14, 40]


@pytest.mark.parametrize("text", ["Exhibit Lease terms", "Schedule Ltd", "ANNEX CV"])
def test_annex_keyword_before_a_word_is_not_an_empty_number(text: str) -> None:
    # regression: the Roman-numeral pattern matched an empty string before "Lease" (IndexError on a CUAD PDF)
    marker = parse_marker(text)
    assert marker is None or marker.number.split()[-1] == "CV"


@given(st.text(alphabet=st.sampled_from(list("ArticleSchedulExhibitAnnexIVXLCM0123456789 .-–()ab§\n")), max_size=40))
def test_parse_marker_never_fails(text: str) -> None:
    marker = parse_marker(text)
    if marker is not None:
        assert 0 < marker.end <= len(text)
        assert marker.number


def test_point_zero_numbers_a_top_level_section() -> None:
    # "2.0 Scope" numbers section 2 (its children are 2.1...); the number is cited as written, zeros kept
    section, cited = parse_marker("2.0 SCOPE"), parse_marker("Section 1.01 Terms")
    assert (section.value, section.number) == ((2,), "2.0")
    assert (cited.value, cited.number) == ((1, 1), "1.01")


@pytest.mark.parametrize(("text", "number", "rest"), [("1.DEFINITIONS", "1", "DEFINITIONS"),
                                                        ("4.2“Affiliate” means", "4.2", "“Affiliate” means")])
def test_number_glued_to_its_title(text: str, number: str, rest: str) -> None:
    # PDF text often loses the tab after the number
    marker = parse_marker(text)
    assert marker is not None and (marker.scheme, marker.number, text[marker.end :]) == ("decimal", number, rest)
    assert parse_marker("1.5x faster") is None


def test_bare_number_is_only_a_candidate() -> None:
    marker = parse_marker("3 Payment Terms")
    assert marker is not None and (marker.number, marker.bare) == ("3", True)
    assert parse_marker("3 parties agree") is None
