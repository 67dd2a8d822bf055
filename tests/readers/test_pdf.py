"""PdfReader on PDFs written by hand in the tests (no LibreOffice needed) and on CUAD when present."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clausecheck.errors import InputError
from clausecheck.readers import ReadOptions
from clausecheck.readers.pdf import PdfReader

CUAD = Path(os.environ.get("CLAUSECHECK_CUAD", Path(__file__).resolve().parents[3] / "shared" / "data" / "cuad-dev" / "pdf"))
OPTIONS = ReadOptions()


def _esc(text: str) -> bytes:
    raw = text.encode("cp1252")
    out = bytearray()
    for b in raw:
        if b in b"()\\":
            out += b"\\" + bytes([b])
        elif b < 32 or b > 126:
            out += b"\\%03o" % b
        else:
            out.append(b)
    return bytes(out)


def build_pdf(pages, *, image_pages=(), encrypt=False, info=None, size=(612, 792)):
    """pages: list of list of (x, y, text, font) ; font 'F1' regular 'F2' bold."""
    objs = []

    def add(body):
        objs.append(body)
        return len(objs)

    cat = add(None)
    pages_id = add(None)
    f1 = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    f2 = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    img = add(
        b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8"
        b" /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream"
    )
    kids = []
    for i, items in enumerate(pages):
        ops = bytearray()
        if i in image_pages:
            ops += b"q 500 0 0 700 50 50 cm /Im1 Do Q\n"
        for item in items:
            x, y, text = item[:3]
            font = item[3] if len(item) > 3 else "F1"
            fs = item[4] if len(item) > 4 else 11
            ops += b"BT /%s %g Tf %g %g Td (" % (font.encode(), fs, x, y) + _esc(text) + b") Tj ET\n"
        content = add(b"<< /Length %d >>\nstream\n" % len(ops) + bytes(ops) + b"\nendstream")
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %g %g] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> /XObject << /Im1 %d 0 R >> >> >>"
                % (pages_id, size[0], size[1], content, f1, f2, img)
            )
        )
    objs[cat - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    objs[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    extra = b""
    if info:
        body = b"<< " + b" ".join(b"/%s (%s)" % (k.encode(), _esc(v)) for k, v in info.items()) + b" >>"
        extra += b" /Info %d 0 R" % add(body)
    if encrypt:
        enc = add(b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <" + b"ab" * 32 + b"> /U <" + b"cd" * 32 + b"> >>")
        extra += b" /Encrypt %d 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]" % enc
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, cat, extra, xref)
    return bytes(out)


def read(data: bytes, options: ReadOptions = OPTIONS):
    return PdfReader().read(data, "test.pdf", options)


def texts(data: bytes) -> list[str]:
    return [block.text for block in read(data).blocks]


# ---------------------------------------------------------------- lines and hints


def test_one_line_block_per_text_line_with_hints_and_pages():
    data = build_pdf(
        [
            [
                (200, 740, "CONTRAT DE PRESTATION", "F2", 16),
                (72, 700, "Article 1 - Objet", "F2"),
                (90, 686, "Le présent contrat."),
            ],
            [(72, 700, "Article 2 - Durée", "F2"), (72, 686, "Il prend effet à la signature.")],
        ],
        info={"Title": "Contrat", "Author": "Me"},
    )
    raw = read(data)
    assert [(b.text, b.page, b.kind) for b in raw.blocks] == [
        ("CONTRAT DE PRESTATION", 1, "line"),
        ("Article 1 - Objet", 1, "line"),
        ("Le présent contrat.", 1, "line"),
        ("Article 2 - Durée", 2, "line"),
        ("Il prend effet à la signature.", 2, "line"),
    ]
    title, heading, body = raw.blocks[:3]
    assert title.bold and title.size == 16 and 199 < (title.x or 0) < 203
    assert heading.bold and heading.size == 11
    assert not body.bold and 89 < (body.x or 0) < 93
    assert raw.metadata["page_count"] == 2 and raw.metadata["title"] == "Contrat" and raw.metadata["author"] == "Me"
    assert [p.source for p in raw.pages] == ["text", "text"]


def test_hyphenated_words_are_joined_on_the_first_line_and_real_dashes_kept():
    data = build_pdf(
        [
            [
                (72, 700, "The parties agree-"),
                (72, 686, "ment shall be binding."),
                (72, 672, "Send notices by e-"),
                (72, 658, "mail to the buyer."),
                (72, 644, "The non-"),
                (72, 630, "competition clause applies."),
                (72, 616, "Article 3 -"),
                (72, 602, "Prix et paiement"),
                (72, 588, "- first bullet"),
                (72, 574, "-i-"),
                (72, 560, "Source: ACME INC, 8-K, 3/26/2020"),
            ]
        ]
    )
    assert texts(data) == [
        "The parties agreement",
        "shall be binding.",
        "Send notices by e-mail",
        "to the buyer.",
        "The non-competition",
        "clause applies.",
        "Article 3 -",
        "Prix et paiement",
        "- first bullet",
    ]


def test_two_columns_are_read_left_then_right_under_a_full_width_title():
    page = [(72, 740, "TERMS AND CONDITIONS OF SALE APPLICABLE TO ALL ORDERS PLACED", "F2")]
    for i in range(12):
        page += [
            (72, 700 - 14 * i, f"Left {i} words of the first column go here"),
            (320, 700 - 14 * i, f"Right {i} words of the second column"),
        ]
    raw = read(build_pdf([page]))
    got = [b.text for b in raw.blocks]
    assert got[0] == "TERMS AND CONDITIONS OF SALE APPLICABLE TO ALL ORDERS PLACED"
    assert got[1:13] == [f"Left {i} words of the first column go here" for i in range(12)]
    assert got[13:] == [f"Right {i} words of the second column" for i in range(12)]
    assert raw.metadata["two_column_pages"] == [1]


def test_table_rows_stay_one_line():
    rows = [("Widget", "10", "5.00"), ("Gadget", "2", "7.50"), ("Gizmo", "300", "1.25")]
    page = [(72, 720, "The prices are as follows:")]
    for i, (a, b, c) in enumerate(rows * 4):
        y = 700 - 14 * i
        page += [(72, y, a), (300, y, b), (450, y, c)]
    got = texts(build_pdf([page]))
    assert got[1:4] == ["Widget 10 5.00", "Gadget 2 7.50", "Gizmo 300 1.25"]
    assert len(got) == 13


# ---------------------------------------------------------------- furniture


def test_running_headers_footers_and_stamps_are_removed():
    bodies = ["alpha", "bravo", "charlie", "delta"]
    pages = []
    for n, word in enumerate(bodies, 1):
        pages.append(
            [
                (72, 760, "ACME Supply Agreement - Confidential"),
                (72, 700, f"Clause {n}. The {word} obligation applies."),
                (72, 686, f"It continues with {word} details."),
                (280, 60, f"Page {n} of 4"),
                (72, 40, "Source: ACME INC, 8-K, 3/26/2020"),
            ]
        )
    raw = read(build_pdf(pages))
    assert [b.text for b in raw.blocks if b.page == 2] == [
        "Clause 2. The bravo obligation applies.",
        "It continues with bravo details.",
    ]
    # the header's first occurrence on page 1 may be the contract's own title: it is kept
    assert next(b.text for b in raw.blocks if b.page == 1) == "ACME Supply Agreement - Confidential"
    assert len(raw.blocks) == 9
    assert raw.metadata["furniture_lines_removed"] == 11
    assert raw.warnings == ()


def test_table_of_contents_is_removed_with_a_warning():
    toc = [(72, 740, "Table of Contents", "F2")] + [
        (72, 720 - 14 * i, f"Article {i + 1} - Heading {i + 1} ........................ {i + 2}") for i in range(4)
    ]
    body = [(72, 740, "Article 1 - Heading 1", "F2"), (72, 720, "The body text starts here.")]
    raw = read(build_pdf([toc, body]))
    assert [b.text for b in raw.blocks] == ["Article 1 - Heading 1", "The body text starts here."]
    assert [(w.code, w.pages) for w in raw.warnings] == [("toc_removed", (1,))]
    assert raw.metadata["toc_lines_removed"] == 5


# ---------------------------------------------------------------- scanned and empty pages


def test_mixed_scanned_pages_give_a_warning():
    raw = read(build_pdf([[(72, 700, "Real text on page one.")], [], []], image_pages=(1,)))
    assert [p.source for p in raw.pages] == ["text", "scanned", "empty"]
    assert [(w.code, w.pages) for w in raw.warnings] == [("scanned_pages", (2,))]
    assert [b.text for b in raw.blocks] == ["Real text on page one."]


def test_all_pages_scanned_is_e110_with_page_count():
    with pytest.raises(InputError) as info:
        read(build_pdf([[], []], image_pages=(0, 1)))
    assert info.value.code == "E110"
    assert "all 2 pages" in info.value.cause


# ---------------------------------------------------------------- errors


def _error(data: bytes, options: ReadOptions = OPTIONS) -> str:
    with pytest.raises(InputError) as info:
        read(data, options)
    return info.value.code


def test_encrypted_pdf_is_e101():
    assert _error(build_pdf([[(72, 700, "secret")]], encrypt=True)) == "E101"


def test_corrupt_pdf_is_e102():
    assert _error(b"%PDF-1.4\n" + b"garbage " * 200 + b"\n%%EOF\n") == "E102"


def test_truncated_pdf_is_e103():
    data = build_pdf([[(72, 700, "some text")]])
    assert _error(data[: len(data) // 3]) == "E103"


def test_too_many_pages_is_e107():
    data = build_pdf([[(72, 700, f"page {n}")] for n in range(3)])
    assert _error(data, ReadOptions(max_pages=2)) == "E107"


VALID = build_pdf([[(72, 700, "The parties agree-"), (72, 686, "ment here.")], [(72, 700, "Second page text.")]])


def _read_or_coded_error(data: bytes) -> None:
    try:
        raw = read(data)
    except InputError as exc:
        assert exc.code in {"E101", "E102", "E103", "E107", "E110"}
    else:
        assert all(block.kind == "line" and block.text for block in raw.blocks)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_random_bytes_never_crash(data: bytes):
    _read_or_coded_error(b"%PDF-1.4\n" + data)


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=0, max_value=len(VALID)))
def test_truncated_pdfs_never_crash(cut: int):
    _read_or_coded_error(VALID[:cut])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(VALID) - 1), st.integers(0, 255)), min_size=1, max_size=8))
def test_mangled_pdfs_never_crash(flips: list[tuple[int, int]]):
    data = bytearray(VALID)
    for position, value in flips:
        data[position] = value
    _read_or_coded_error(bytes(data))


# ---------------------------------------------------------------- real contracts


@pytest.mark.cuad
def test_cuad_sample_reads_without_stamps_or_page_footers():
    if not CUAD.is_dir():
        pytest.skip("CUAD development split not present")
    files = sorted(CUAD.iterdir())[::15]
    for path in files:
        try:
            raw = PdfReader().read(path.read_bytes(), str(path), OPTIONS)
        except InputError:
            continue
        lines = [b.text for b in raw.blocks]
        assert not any(line.startswith("Source: ") and line.count("/") >= 2 for line in lines), path.name
        assert all(b.page is not None and 1 <= b.page <= len(raw.pages) for b in raw.blocks)
