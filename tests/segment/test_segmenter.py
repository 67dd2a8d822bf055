from hypothesis import given
from hypothesis import strategies as st

from clausecheck.document import Block, RawDocument, assemble
from clausecheck.segment import segment


def _doc(*lines: str | Block) -> object:
    blocks = tuple(line if isinstance(line, Block) else Block(line, kind="line", page=1) for line in lines)
    return assemble(RawDocument(format="txt", blocks=blocks), "t.txt", "0")


def _outline(*lines: str | Block) -> list[tuple[str | None, str | None, int, str | None]]:
    seg = segment(_doc(*lines))
    ids = {clause.id: clause.number for clause in seg.clauses}
    return [(c.number, c.heading, c.level, ids.get(c.parent) if c.parent else None) for c in seg.clauses]


def test_articles_and_subclauses() -> None:
    assert _outline(
        "CONTRAT DE PRESTATIONS",
        "Article 1er – Objet",
        "Le contrat a pour objet les prestations.",
        "Article 2 - Durée",
        "2.1 Durée initiale. Le contrat est conclu pour trois ans.",
        "2.2 Le contrat est renouvelable.",
        "ARTICLE 3",
        "PRIX",
        "Les prix sont fermes.",
    ) == [
        ("1", "Objet", 1, None),
        ("2", "Durée", 1, None),
        ("2.1", "Durée initiale", 2, "2"),
        ("2.2", None, 2, "2"),
        ("3", "PRIX", 1, None),
    ]


def test_wrapped_references_and_numbers_are_not_clauses() -> None:
    outline = _outline(
        "1. Objet",
        "En application de l'",
        "Article 1195 du Code civil, les parties renoncent.",
        "2. Prix",
        "Le prix annuel est de",
        "15.3 millions d'euros payables en",
        "2019 et 2020.",
        "3. Durée",
    )
    assert [number for number, *_ in outline] == ["1", "2", "3"]


def test_list_items_stay_inside_their_clause() -> None:
    seg = segment(_doc("1. Obligations", "Le titulaire doit :", "a) livrer;", "(b) installer;", "- former.", "2. Prix"))
    assert [c.number for c in seg.clauses] == ["1", "2"]
    assert "a) livrer;\n(b) installer;\n- former." in seg.clauses[0].text


def test_decimal_depths_nest() -> None:
    assert _outline("1. Scope", "1.1 Services", "1.1.1 Hosting", "1.2 Support", "2. Fees") == [
        ("1", "Scope", 1, None),
        ("1.1", "Services", 2, "1"),
        ("1.1.1", "Hosting", 3, "1.1"),
        ("1.2", "Support", 2, "1"),
        ("2", "Fees", 1, None),
    ]


def test_annex_restarts_numbering_at_top_level() -> None:
    outline = _outline("1. Scope", "2. Fees", "Schedule 1 – Service Levels", "1. Availability", "2. Credits")
    assert outline[2:] == [("Schedule 1", "Service Levels", 1, None), ("1", "Availability", 2, "Schedule 1"),
                           ("2", "Credits", 2, "Schedule 1")]


def test_run_in_heading_and_definition() -> None:
    seg = segment(_doc("1. Definitions", '1.1 "Services" means the services.', "12.3 Fees. The Customer shall pay."))
    assert [(c.number, c.heading) for c in seg.clauses] == [("1", "Definitions"), ("1.1", None)]  # 12.3 breaks the sequence
    seg = segment(_doc("1. Payment", "1.1 Invoices. Monthly.", "1.2 Fees. The Customer shall pay."))
    fees = seg.clauses[-1]
    assert (fees.number, fees.heading, fees.body) == ("1.2", "Fees", "The Customer shall pay.")


def test_offsets_and_text_agree_with_document() -> None:
    doc = _doc("Preamble text.", "1. Scope", "Body one.", "2. Fees", "Body two.")
    seg = segment(doc)
    for clause in seg.clauses:
        assert doc.text[clause.start : clause.end] == clause.text
    assert seg.preamble_end == len("Preamble text.")
    assert seg.clauses[0].text == "1. Scope\nBody one."
    assert seg.clauses[0].body == "Body one."


def test_bold_unnumbered_heading_after_numbered_clauses() -> None:
    seg = segment(_doc("1. Scope", "Text.", Block("Signatures", kind="line", bold=True, page=2), Block("Name", kind="line")))
    assert [(c.number, c.heading, c.pages) for c in seg.clauses] == [("1", "Scope", (1,)), (None, "Signatures", (2,))]


def test_word_numbering_is_trusted() -> None:
    block = Block("7 Pricing", kind="paragraph", label="7")
    assert [c.number for c in segment(_doc(block)).clauses] == ["7"]


def test_clause_language_in_mixed_document() -> None:
    seg = segment(_doc("1. Objet", "Le titulaire doit livrer les produits dans les délais.", "2. Scope",
                       "The supplier shall deliver the products on time and in full."))
    assert [c.language for c in seg.clauses] == ["fr", "en"]


@given(st.lists(st.sampled_from(["Article 1", "1.", "1.1", "2. Prix", "Schedule 2.", "(a) x", "Texte.", "ANNEX A", ""]),
                max_size=30), st.booleans())
def test_segmentation_invariants(lines: list[str], bold: bool) -> None:
    doc = _doc(*(Block(line, kind="line", bold=bold, page=1) for line in lines if line))
    seg = segment(doc)
    previous_end = seg.preamble_end
    ids = set()
    for clause in seg.clauses:
        assert clause.start >= previous_end and clause.text == doc.text[clause.start : clause.end]
        assert clause.parent is None or clause.parent in ids
        previous_end = clause.end
        ids.add(clause.id)
