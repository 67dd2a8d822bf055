"""Page furniture removal on plain per-page line lists."""

from __future__ import annotations

from clausecheck.readers.furniture import find_furniture, strip_furniture

_WORDS = ["zero", "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"]
BODY = [
    "The Supplier shall deliver the Goods on the Delivery Date.",
    "Payment is due within thirty (30) days of the invoice.",
    "Each party shall keep the other's information confidential.",
]


def _body(p: int) -> list[str]:
    return [f"{line} ({_WORDS[p]})" for line in BODY]


def _pages(n: int, top=None, bottom=None, body=BODY):
    pages = []
    for p in range(1, n + 1):
        lines = []
        if top:
            lines.append(top(p))
        lines += [f"{line} ({_WORDS[p]})" for line in body]
        if bottom:
            lines.append(bottom(p))
        pages.append(lines)
    return pages


def test_running_header_with_page_number_is_removed():
    pages = _pages(5, top=lambda p: f"Cahier des Clauses Administratives Particulières Page {p} sur 38")
    kept = strip_furniture(pages)
    assert all(not any("Cahier" in line for line in page) for page in kept)
    assert kept[0][0] == f"{BODY[0]} (alpha)"
    assert find_furniture(pages).count("running") == 5


def test_footer_page_of_and_dash_numbers():
    pages = _pages(4, bottom=lambda p: f"Page {p} of 20")
    assert [page[-1] for page in strip_furniture(pages)] == [f"{BODY[-1]} ({_WORDS[p]})" for p in range(1, 5)]
    dashed = _pages(3, bottom=lambda p: f"- {p} -")
    assert find_furniture(dashed).count() == 3


def test_bare_page_number_on_short_document_is_removed():
    pages = [[*BODY, "1"], [*BODY, "2"]]
    assert strip_furniture(pages) == [BODY, BODY]
    assert set(find_furniture(pages).reasons.values()) == {"page_number"}


def test_edgar_stamp_removed_everywhere_even_once():
    pages = [[*BODY, "Source: ABILITY INC, 20-F, 6/15/2020"]]
    assert strip_furniture(pages) == [BODY]
    assert find_furniture(pages).reasons == {(0, 3): "stamp"}


def test_repeated_exhibit_and_confidential_headers():
    pages = _pages(4, top=lambda p: "CONFIDENTIAL", bottom=lambda p: "Exhibit 10.1")
    kept = strip_furniture(pages)
    assert all(len(page) == 3 for page in kept)


def test_line_on_two_pages_only_is_kept():
    pages = _pages(6)
    pages[1].insert(0, "SCHEDULE A")
    pages[4].insert(0, "SCHEDULE A")
    kept = strip_furniture(pages)
    assert kept[1][0] == "SCHEDULE A" and kept[4][0] == "SCHEDULE A"
    assert find_furniture(pages).count() == 0


def test_title_on_first_page_kept_when_it_is_also_the_running_title():
    pages = _pages(5, top=lambda p: "MASTER SERVICES AGREEMENT")
    kept = strip_furniture(pages)
    assert kept[0][0] == "MASTER SERVICES AGREEMENT"
    assert all("MASTER SERVICES AGREEMENT" not in page for page in kept[1:])


def test_section_numbers_at_page_tops_are_not_page_numbers():
    pages = [["1.", "2.1", *_body(1)], ["4.2", "4.3", *_body(2)], ["8.1", "8.2", *_body(3)], ["9.4", "9.5", *_body(4)]]
    assert find_furniture(pages).count() == 0


def test_article_headings_at_page_tops_are_kept():
    pages = [[f"ARTICLE {n}", *_body(p)] for p, n in enumerate((1, 3, 4, 7, 9), 1)]
    assert find_furniture(pages).count() == 0


def test_list_label_at_page_top_is_not_a_roman_page_number():
    pages = [["(c)", *BODY], ["(i)", *BODY]]
    assert find_furniture(pages).count() == 0


def test_toc_with_heading_and_dot_leaders():
    toc = [
        "Table des matières",
        "Article 1 - Objet ........................ 2",
        "Article 2 - Durée ........................ 3",
        "Article 3 - Prix et paiement ............. 4",
    ]
    pages = [[*toc], ["Article 1 - Objet", "Le présent contrat a pour objet la fourniture de services."]]
    furniture = find_furniture(pages)
    assert [reason for reason in furniture.reasons.values()] == ["toc"] * 4
    assert strip_furniture(pages) == [[], pages[1]]


def test_toc_with_trailing_numbers_and_wrapped_entry():
    toc = [
        "TABLE OF CONTENTS",
        "Page",
        "ARTICLE 1 - DEFINITIONS 1",
        "ARTICLE 2 - ADJUSTMENT OF THE EFFECTIVE CAPACITY OF THE SYSTEM DUE TO VARIATIONS IN",
        "HYDROCARBONS",
        "4",
        "ARTICLE 3 - TERM 5",
    ]
    body = ["JOINT DEVELOPMENT AGREEMENT", "This Agreement is made as of the Effective Date between:"]
    assert strip_furniture([toc + body]) == [body]


def test_dot_leader_run_without_heading():
    lines = ["1. Definitions ..... 1", "2. Services ..... 2", "3. Fees ..... 4", "The parties agree as follows."]
    assert strip_furniture([lines]) == [["The parties agree as follows."]]
    assert strip_furniture([lines[:2] + lines[3:]]) == [lines[:2] + lines[3:]]  # two entries are not a TOC


def test_contents_clause_is_not_a_toc():
    lines = ["Contents", "The report shall describe the work performed.", "It shall be sent monthly."]
    assert strip_furniture([lines]) == [lines]


def test_body_line_that_looks_like_a_number_mid_page_is_kept():
    page = [BODY[0], "12", BODY[1], BODY[2], BODY[0], BODY[1]]
    assert strip_furniture([page]) == [page]
