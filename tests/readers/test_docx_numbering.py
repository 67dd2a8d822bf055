"""Word automatic numbering: rendered labels must read like the printed document."""

from __future__ import annotations

import pytest
from test_docx import abstract, build, lvl, num, p, read

from clausecheck.readers.docx_numbering import format_number


def _labels(data: bytes) -> list[tuple[str, str | None, str]]:
    return [(b.text, b.label, b.kind) for b in read(data).blocks]


@pytest.mark.parametrize(
    ("value", "fmt", "expected"),
    [
        (3, "decimal", "3"),
        (3, "decimalZero", "03"),
        (12, "decimalZero", "12"),
        (14, "upperRoman", "XIV"),
        (4, "lowerRoman", "iv"),
        (1, "upperLetter", "A"),
        (28, "lowerLetter", "bb"),
        (1, "ordinal", "1st"),
        (12, "ordinal", "12th"),
        (23, "ordinal", "23rd"),
        (3, "cardinalText", "Three"),
        (42, "cardinalText", "Forty-two"),
        (2, "ordinalText", "Second"),
        (21, "ordinalText", "Twenty-first"),
        (5, "bullet", ""),
        (5, "none", ""),
        (2, "decimalEnclosedParen", "(2)"),
        (3, "decimalEnclosedCircle", "③"),
        (5, "chicago", "**"),
        (7, "japaneseCounting", "7"),
    ],
)
def test_format_number(value, fmt, expected):
    assert format_number(value, fmt) == expected


LEGAL = abstract(
    1,
    lvl(0, "decimal", "%1."),
    lvl(1, "decimal", "%1.%2"),
    lvl(2, "decimal", "%1.%2.%3"),
    lvl(3, "lowerLetter", "%4)"),
    lvl(4, "lowerRoman", "(%5)"),
)


def test_multilevel_legal_numbering_with_restarts():
    body = (
        p("Objet", num=(1, 0))
        + p("Définitions", num=(1, 1))
        + p("Termes", num=(1, 2))
        + p("Sigles", num=(1, 2))
        + p("Portée", num=(1, 1))
        + p("premier cas", num=(1, 3))
        + p("sous-cas", num=(1, 4))
        + p("autre sous-cas", num=(1, 4))
        + p("second cas", num=(1, 3))
        + p("sous-cas", num=(1, 4))
        + p("Non numéroté")
        + p("Prix", num=(1, 0))
        + p("Variation du prix", num=(1, 1))
        + p("Révision", num=(1, 2))
    )
    assert _labels(build(body, LEGAL + num(1, 1))) == [
        ("1. Objet", "1.", "paragraph"),
        ("1.1 Définitions", "1.1", "paragraph"),
        ("1.1.1 Termes", "1.1.1", "paragraph"),
        ("1.1.2 Sigles", "1.1.2", "paragraph"),
        ("1.2 Portée", "1.2", "paragraph"),
        ("a) premier cas", "a)", "list_item"),
        ("(i) sous-cas", "(i)", "list_item"),
        ("(ii) autre sous-cas", "(ii)", "list_item"),
        ("b) second cas", "b)", "list_item"),
        ("(i) sous-cas", "(i)", "list_item"),
        ("Non numéroté", None, "paragraph"),
        ("2. Prix", "2.", "paragraph"),
        ("2.1 Variation du prix", "2.1", "paragraph"),
        ("2.1.1 Révision", "2.1.1", "paragraph"),
    ]


def test_article_roman_with_decimal_sublevel_and_islgl():
    articles = abstract(
        2, lvl(0, "upperRoman", "Article %1 –"), lvl(1, "decimal", "%2."), lvl(2, "decimal", "%1.%2.%3", extra="<w:isLgl/>")
    )
    body = (
        p("Objet", num=(2, 0))
        + p("Premier alinéa", num=(2, 1))
        + p("Précision", num=(2, 2))
        + p("Deuxième alinéa", num=(2, 1))
        + p("Durée", num=(2, 0))
        + p("Alinéa", num=(2, 1))
    )
    assert [(t, label) for t, label, _ in _labels(build(body, articles + num(2, 2)))] == [
        ("Article I – Objet", "Article I –"),
        ("1. Premier alinéa", "1."),
        ("1.1.1 Précision", "1.1.1"),
        ("2. Deuxième alinéa", "2."),
        ("Article II – Durée", "Article II –"),
        ("1. Alinéa", "1."),
    ]


def test_two_lists_interleaved_and_shared_abstract_continues():
    lists = abstract(1, lvl(0, "decimal", "%1.")) + abstract(2, lvl(0, "upperLetter", "%1.")) + num(1, 1) + num(2, 2) + num(3, 1)
    body = (
        p("un", num=(1, 0))
        + p("A", num=(2, 0))
        + p("deux", num=(1, 0))
        + p("B", num=(2, 0))
        + p("trois", num=(3, 0))
        + p("C", num=(2, 0))
    )
    assert [t for t, _, _ in _labels(build(body, lists))] == ["1. un", "A. A", "2. deux", "B. B", "3. trois", "C. C"]


def test_start_override_restarts_and_start_value():
    lists = (
        abstract(1, lvl(0, "decimal", "%1.", start=3), lvl(1, "lowerLetter", "%2)"))
        + num(1, 1)
        + num(2, 1, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride>')
        + num(3, 1, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>')
    )
    body = (
        p("a", num=(1, 0))
        + p("b", num=(1, 0))
        + p("c", num=(2, 0))
        + p("d", num=(2, 1))
        + p("e", num=(2, 0))
        + p("f", num=(3, 0))
        + p("g", num=(1, 0))
    )
    assert [t for t, _, _ in _labels(build(body, lists))] == ["3. a", "4. b", "10. c", "a) d", "11. e", "1. f", "5. g"]


def test_level_override_replaces_text_and_format():
    lists = abstract(1, lvl(0, "decimal", "%1.")) + num(
        4,
        1,
        '<w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="upperLetter"/><w:lvlText w:val="Annexe %1 :"/></w:lvl></w:lvlOverride>',
    )
    assert [t for t, _, _ in _labels(build(p("Tarifs", num=(4, 0)) + p("SLA", num=(4, 0)), lists))] == [
        "Annexe A : Tarifs",
        "Annexe B : SLA",
    ]


def test_lvl_restart_zero_never_restarts():
    lists = abstract(1, lvl(0, "decimal", "%1."), lvl(1, "decimal", "(%2)", extra='<w:lvlRestart w:val="0"/>'))
    body = p("x", num=(1, 0)) + p("y", num=(1, 1)) + p("z", num=(1, 0)) + p("w", num=(1, 1))
    assert [t for t, _, _ in _labels(build(body, lists + num(1, 1)))] == ["1. x", "(1) y", "2. z", "(2) w"]


HEADING_STYLES = (
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr>'
    '<w:numPr><w:numId w:val="7"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Heading1"/>'
    '<w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:pPr>'
    '<w:numPr><w:ilvl w:val="2"/><w:numId w:val="7"/></w:numPr></w:pPr></w:style>'
    '<w:style w:type="numbering" w:styleId="ContractList"><w:name w:val="Contract List"/><w:pPr><w:numPr>'
    '<w:numId w:val="8"/></w:numPr></w:pPr></w:style>'
)


def test_numbering_linked_to_heading_styles():
    lists = abstract(
        7,
        lvl(0, "decimal", "%1.", extra='<w:pStyle w:val="Heading1"/>'),
        lvl(1, "decimal", "%1.%2", extra='<w:pStyle w:val="Heading2"/>'),
        lvl(2, "decimal", "%1.%2.%3", extra='<w:pStyle w:val="Heading3"/>'),
    ) + num(7, 7)
    body = (
        p("Définitions", style="Heading1")
        + p("Termes", style="Heading2")
        + p("Détail", style="Heading3")
        + p("Sigles", style="Heading2")
        + p("Annexes", style="Heading1", num=(0, 0))
        + p("Prix", style="Heading1")
        + p("Révision", style="Heading2")
    )
    blocks = read(build(body, lists, HEADING_STYLES)).blocks
    assert [(b.text, b.label, b.kind, b.outline_level, b.bold) for b in blocks] == [
        ("1. Définitions", "1.", "heading", 1, True),
        ("1.1 Termes", "1.1", "heading", 2, True),
        ("1.1.1 Détail", "1.1.1", "heading", 3, False),
        ("1.2 Sigles", "1.2", "heading", 2, True),
        ("Annexes", None, "heading", 1, True),
        ("2. Prix", "2.", "heading", 1, True),
        ("2.1 Révision", "2.1", "heading", 2, True),
    ]


def test_num_style_link_uses_the_style_definition():
    lists = (
        abstract(8, lvl(0, "upperLetter", "%1)"), lvl(1, "decimal", "%1.%2"), extra='<w:styleLink w:val="ContractList"/>')
        + abstract(9, extra='<w:numStyleLink w:val="ContractList"/>')
        + num(8, 8)
        + num(9, 9)
    )
    body = p("un", num=(9, 0)) + p("sous", num=(9, 1)) + p("deux", num=(8, 0))
    assert [t for t, _, _ in _labels(build(body, lists, HEADING_STYLES))] == ["A) un", "A.1 sous", "B) deux"]


def test_bullets_are_list_items_without_glyph():
    lists = abstract(3, lvl(0, "bullet", "\uf0b7"), lvl(1, "bullet", "o")) + num(3, 3)
    body = p("Avant", num=(3, 0)) + p("Sous", num=(3, 1)) + p("Après")
    assert _labels(build(body, lists)) == [
        ("Avant", None, "list_item"),
        ("Sous", None, "list_item"),
        ("Après", None, "paragraph"),
    ]


def test_alternate_content_format_and_none_format():
    lists = abstract(
        1,
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><mc:AlternateContent '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        '<mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice>'
        '<mc:Fallback><w:numFmt w:val="decimalZero"/></mc:Fallback></mc:AlternateContent>'
        '<w:lvlText w:val="%1 -"/></w:lvl>',
        lvl(1, "none", "%2"),
    )
    body = p("Clause", num=(1, 0)) + p("Sans numéro", num=(1, 1))
    assert _labels(build(body, lists + num(1, 1))) == [("01 - Clause", "01 -", "paragraph"), ("Sans numéro", None, "paragraph")]


def test_empty_numbered_paragraph_counts_and_missing_definitions():
    lists = abstract(1, lvl(0, "decimal", "%1.")) + num(1, 1)
    body = p("a", num=(1, 0)) + p("", num=(1, 0)) + p("c", num=(1, 0)) + p("inconnue", num=(42, 0))
    body += p("niveau absent", num=(1, 5))
    assert [t for t, _, _ in _labels(build(body, lists))] == ["1. a", "2.", "3. c", "inconnue", "niveau absent"]


def test_numbering_inside_tables_and_without_numbering_part():
    lists = abstract(1, lvl(0, "decimal", "%1.")) + num(1, 1)
    table = "<w:tbl><w:tr><w:tc>" + p("cellule", num=(1, 0)) + "</w:tc><w:tc>" + p("texte") + "</w:tc></w:tr></w:tbl>"
    assert [t for t, _, _ in _labels(build(p("avant", num=(1, 0)) + table + p("après", num=(1, 0)), lists))] == [
        "1. avant",
        "2. cellule | texte",
        "3. après",
    ]
