from hypothesis import given
from hypothesis import strategies as st

from clausecheck.document import Block, BlockKind, RawDocument, assemble
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


def _pdf(text: str, page: int = 1, kind: BlockKind = "line", bold: bool = False) -> Block:
    return Block(text, kind=kind, page=page, bold=bold)


def test_filing_label_on_top_of_the_first_page_is_not_a_clause() -> None:
    # "Exhibit 10.4" stamped above the title labels the whole filed document
    outline = _outline(_pdf("EXHIBIT 10.4"), _pdf("SERVICES AGREEMENT"), _pdf("This Agreement is made between the parties."),
                       _pdf("1. Services"), _pdf("The Supplier shall provide them."), _pdf("Exhibit A – Prices", page=2))
    assert [(number, heading) for number, heading, *_ in outline] == [("1", "Services"), ("Exhibit A", "Prices")]


def test_numbered_line_read_as_a_table_row() -> None:
    # a hanging indent ("1.1<tab>The Supplier...") makes the PDF reader see two cells
    outline = _outline("1. Supply", _pdf("1.1 The Supplier shall deliver the goods listed in the order.", kind="table_row"),
                       _pdf("1.2 The Buyer shall pay on delivery.", kind="table_row"), "2. Price")
    assert [number for number, *_ in outline] == ["1", "1.1", "1.2", "2"]
    assert _outline("1. Price", Block("1. | Item | 5 EUR", kind="table_row")) == [("1", "Price", 1, None)]


def test_point_zero_sections_parent_their_subsections() -> None:
    assert [(n, level, parent) for n, _, level, parent in _outline("1.0 SCOPE", "1.1 Services are listed.", "2.0 FEES")] == [
        ("1.0", 1, None), ("1.1", 2, "1.0"), ("2.0", 1, None)]


def test_glued_numbers_open_clauses() -> None:
    outline = _outline("1.DEFINITIONS", "1.1“Affiliate” means a controlled entity.", "2.TERM")
    assert [(number, heading) for number, heading, *_ in outline] == [("1", "DEFINITIONS"), ("1.1", None), ("2", "TERM")]


def test_bare_number_headings() -> None:
    outline = _outline("1 Definitions", "1.1 Terms have the meaning given.", "2 Supply of Goods", "The Supplier shall deliver.")
    assert [(number, heading) for number, heading, *_ in outline] == [("1", "Definitions"), ("1.1", None),
                                                                      ("2", "Supply of Goods")]
    # under a dotted numbering, a line starting with a number is an address or a table cell, not a heading
    outline = _outline("1. Notices", "Notices go to the address below:", "2 Harbour Road", "Singapore", "2. Term")
    assert [number for number, *_ in outline] == ["1", "2"]


def test_every_annex_restarts_the_numbering() -> None:
    outline = _outline("1. Scope", "2. Fees", "3. Term", "Schedule 1 – Prices", "1. Rates", "Schedule 2 – Pharmacovigilance",
                       "1. Definitions", "2. Reporting")
    assert [(number, level) for number, _, level, _ in outline][-3:] == [("Schedule 2", 1), ("1", 2), ("2", 2)]


def test_lettered_subclauses_restart_under_each_section() -> None:
    outline = _outline("1. TERMS", "A. The term is one year.", "B. It renews.", "2. SCOPE", "A. The work is listed.",
                       "B. Orders describe it.")
    assert [(number, parent) for number, _, _, parent in outline] == [
        ("1", None), ("A", "1"), ("B", "1"), ("2", None), ("A", "2"), ("B", "2")]


def test_articles_go_on_counting_across_chapters() -> None:
    outline = _outline("CHAPTER 1 GENERAL", "Article 1", "Parties", "Article 2", "CHAPTER 2 PURPOSE", "Article 3",
                       "The purpose is stated.")
    assert [number for number, *_ in outline] == ["Chapter 1", "1", "2", "Chapter 2", "3"]


def test_table_of_contents_left_in_the_text_is_skipped() -> None:
    contents = ["1. Definitions", "2. Supply", "2.1 Orders", "3. Price", "4. Term"]
    body = ["1. Definitions", "Terms have the meaning given.", "2. Supply", "The Supplier shall deliver.", "2.1 Orders",
            "Orders are written.", "3. Price", "The price is fixed.", "4. Term", "One year."]
    seg = segment(_doc("SUPPLY AGREEMENT", *contents, "This Agreement is made between the parties.", *body))
    assert [c.number for c in seg.clauses] == ["1", "2", "2.1", "3", "4"]
    assert seg.clauses[0].text.startswith("1. Definitions\nTerms")


def test_bold_heading_after_an_unnumbered_preamble_heading() -> None:
    outline = _outline(_pdf("RECITALS", bold=True), "The parties wish to cooperate.", _pdf("ASSIGNMENT", bold=True),
                       "The Assignor assigns the patents.")
    assert [heading for _, heading, *_ in outline] == ["RECITALS", "ASSIGNMENT"]


def test_wrapped_reference_to_a_subparagraph_is_not_a_clause() -> None:
    outline = _outline("1. Definitions", '1.1 "Fee" has the meaning set forth in', "Article 2.2(iii).", "1.2 Other terms.")
    assert [number for number, *_ in outline] == ["1", "1.1", "1.2"]


def test_annex_reference_wrapped_onto_its_own_line() -> None:
    outline = _outline("1. Definitions", '"Territory" means the region described in the attached', "EXHIBIT D.",
                       '"Term" means one year.', "2. Appointment", "EXHIBIT D", "Territory: France")
    assert [(number, level) for number, _, level, _ in outline] == [("1", 1), ("2", 1), ("Exhibit D", 1)]
