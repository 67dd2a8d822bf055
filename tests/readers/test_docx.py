"""Build .docx files for the reader tests: python-docx for the package, raw XML for the rest."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from typing import Any

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clausecheck.document import RawDocument
from clausecheck.errors import InputError
from clausecheck.readers import ReadOptions
from clausecheck.readers.docx import DocxReader

W = nsdecls("w")


def p(
    text: str = "", style: str | None = None, num: tuple[int, int] | None = None, ppr: str = "", runs: str | None = None
) -> str:
    """One w:p: optional style, numbering (numId, ilvl), extra pPr XML, raw runs instead of text."""
    props = ""
    if style:
        props += f'<w:pStyle w:val="{style}"/>'
    if num:
        props += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    props += ppr
    body = runs if runs is not None else (f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>' if text else "")
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{body}</w:p>"


def r(text: str, rpr: str = "") -> str:
    return f'<w:r>{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


def lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>{extra}</w:lvl>'


def abstract(ident: int, *levels: str, extra: str = "") -> str:
    return f'<w:abstractNum w:abstractNumId="{ident}">{extra}{"".join(levels)}</w:abstractNum>'


def num(ident: int, abstract_id: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{ident}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


def build(body: str, numbering: str = "", styles: str = "", setup: Callable[[Any], None] | None = None) -> bytes:
    """A .docx whose body is ``body`` (raw w:p/w:tbl XML), with extra numbering and style definitions."""
    document = docx.Document()
    body_el = document.element.body
    sect = body_el.find(qn("w:sectPr"))
    for child in list(body_el):
        if child is not sect:
            body_el.remove(child)
    for el in parse_xml(f"<w:body {W}>{body}</w:body>"):
        sect.addprevious(el)
    if numbering:
        root = document.part.numbering_part.element
        for child in list(root):
            root.remove(child)
        for el in parse_xml(f"<w:numbering {W}>{numbering}</w:numbering>"):
            root.append(el)
    if styles:
        root = document.styles.element
        for el in parse_xml(f"<w:styles {W}>{styles}</w:styles>"):
            for old in root.findall(qn("w:style")):
                if old.get(qn("w:styleId")) == el.get(qn("w:styleId")):
                    root.remove(old)
            root.append(el)
    if setup:
        setup(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def read(data: bytes, **options: Any):
    return DocxReader().read(data, "test.docx", ReadOptions(**options))


def texts(data: bytes, **options: Any) -> list[str]:
    return [block.text for block in read(data, **options).blocks]


def replace_part(data: bytes, name: str, content: bytes, compress: int = zipfile.ZIP_DEFLATED) -> bytes:
    """Rewrite one member of a zip (added when absent)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != name:
                target.writestr(info.filename, source.read(info.filename))
        target.writestr(name, content, compress_type=compress)
    return out.getvalue()


# --------------------------------------------------------------------------- body, order, headings

TABLE = (
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Prix</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>100 €</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>HT</w:t></w:r></w:p></w:tc></w:tr>"
    '<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>Durée</w:t></w:r></w:p></w:tc>'
    "<w:tc><w:p/></w:tc><w:tc><w:p><w:r><w:t>12 mois</w:t></w:r></w:p></w:tc></w:tr>"
    "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p><w:r><w:t>ignored</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>renouvelable</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
)
STYLES = (
    '<w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="Titre 1"/><w:basedOn w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="ArticleHead"><w:name w:val="Article Head"/>'
    '<w:basedOn w:val="Heading2"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Corps"><w:name w:val="Corps"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr>'
    '<w:rPr><w:b/><w:sz w:val="24"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="TM1"><w:name w:val="toc 1"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="TdM2"><w:name w:val="Table des matières 2"/></w:style>'
)


def test_blocks_in_document_order_with_headings_and_tables():
    body = (
        p("CONTRAT DE PRESTATION", style="Title")
        + p("Préambule", style="Heading1")
        + p("Texte libre.")
        + TABLE
        + p("Suite", style="Titre1")
        + p("Article annexe", style="ArticleHead")
        + p("Niveau propre", ppr='<w:outlineLvl w:val="2"/>')
        + p("Corps gras", style="Corps")
        + "<w:sdt><w:sdtPr/><w:sdtContent>"
        + p("Dans un contrôle de contenu")
        + "</w:sdtContent></w:sdt>"
        + p("Fin.")
    )
    blocks = read(build(body, styles=STYLES)).blocks
    assert [(b.text, b.kind, b.outline_level) for b in blocks] == [
        ("CONTRAT DE PRESTATION", "heading", None),
        ("Préambule", "heading", 1),
        ("Texte libre.", "paragraph", None),
        ("Prix | 100 €\nHT", "table_row", None),
        ("Durée | 12 mois", "table_row", None),
        ("renouvelable", "table_row", None),
        ("Suite", "heading", 1),
        ("Article annexe", "heading", 2),
        ("Niveau propre", "heading", 3),
        ("Corps gras", "paragraph", None),
        ("Dans un contrôle de contenu", "paragraph", None),
        ("Fin.", "paragraph", None),
    ]
    assert blocks[1].bold and blocks[1].size == 14.0
    assert blocks[9].bold and blocks[9].size == 12.0
    assert not blocks[2].bold and blocks[2].size == 11.0


def test_run_level_bold_and_inline_characters():
    runs = (
        r("Le ", "<w:b/>")
        + r("prix", '<w:b w:val="0"/>')
        + "<w:r><w:tab/><w:t>est</w:t><w:br/><w:t>ferme</w:t><w:noBreakHyphen/><w:t>et</w:t><w:softHyphen/>"
        '<w:t>défi</w:t><w:sym w:font="Arial" w:char="00A7"/><w:sym w:font="Symbol" w:char="F0B7"/></w:r>'
        + r("caché", "<w:vanish/>")
        + '<w:hyperlink r:id="x" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        + r(" lien")
        + "</w:hyperlink>"
    )
    block = read(build(p(runs=runs))).blocks[0]
    assert block.text == "Le prix est\nferme-etdéfi§ lien"
    assert block.bold


def test_headers_footers_footnote_refs_and_comments_are_excluded():
    def setup(document):
        section = document.sections[0]
        section.header.paragraphs[0].text = "EN-TÊTE CONFIDENTIEL"
        section.footer.paragraphs[0].text = "Page 1"
        para = document.paragraphs[0]
        document.add_comment(para.runs, text="Commentaire interne à ne pas lire", author="Juriste")

    runs = r("Clause commentée") + '<w:r><w:footnoteReference w:id="1"/></w:r>'
    result = read(build(p(runs=runs) + p("Suite."), setup=setup))
    assert [b.text for b in result.blocks] == ["Clause commentée", "Suite."]
    assert result.metadata["comments"] == 1
    assert result.metadata["paragraphs"] == 2


def test_core_properties_in_metadata():
    def setup(document):
        document.core_properties.title = "Contrat cadre"
        document.core_properties.author = "Service juridique"

    meta = read(build(p("x"), setup=setup)).metadata
    assert meta["title"] == "Contrat cadre" and meta["author"] == "Service juridique"


def test_fields_keep_result_not_instruction():
    runs = (
        r("Voir article ")
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF _Ref1 \\h </w:instrText></w:r>'
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + r("5")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        + r(" et ")
        + '<w:fldSimple w:instr=" DATE "><w:r><w:t>1er janvier</w:t></w:r></w:fldSimple>'
    )
    assert texts(build(p(runs=runs))) == ["Voir article 5 et 1er janvier"]


# --------------------------------------------------------------------------- tracked changes

INS = '<w:ins w:id="{i}" w:author="A" w:date="2024-01-01T00:00:00Z">{body}</w:ins>'
DEL = '<w:del w:id="{i}" w:author="A" w:date="2024-01-01T00:00:00Z">{body}</w:del>'


def _del_run(text: str) -> str:
    return f'<w:r><w:delText xml:space="preserve">{text}</w:delText></w:r>'


def _tracked() -> bytes:
    para1 = p(runs=r("Le prix est de ") + DEL.format(i=1, body=_del_run("100")) + INS.format(i=2, body=r("120")) + r(" euros."))
    para2 = p(
        runs=r("Paiement ")
        + '<w:moveFrom w:id="3" w:author="A">'
        + r("à 30 jours ")
        + "</w:moveFrom>"
        + r("net")
        + '<w:moveTo w:id="4" w:author="A">'
        + r(" à 30 jours")
        + "</w:moveTo>"
        + r(".")
    )
    deleted_para = p(
        ppr='<w:rPr><w:del w:id="5" w:author="A"/></w:rPr>', runs=DEL.format(i=6, body=_del_run("Clause supprimée."))
    )
    inserted_para = p(ppr='<w:rPr><w:ins w:id="7" w:author="A"/></w:rPr>', runs=INS.format(i=8, body=r("Clause ajoutée.")))
    return build(para1 + para2 + deleted_para + inserted_para)


def test_tracked_changes_accepted_by_default():
    result = read(_tracked())
    assert [b.text for b in result.blocks] == ["Le prix est de 120 euros.", "Paiement net à 30 jours.", "Clause ajoutée."]
    assert result.metadata["revisions"] == {"insertions": 2, "deletions": 2, "moves": 2, "formatting": 0}
    assert [w.to_dict() for w in result.warnings] == [
        {"code": "tracked_changes", "message": "6 tracked revisions (insertions/deletions); analysed with all changes accepted"}
    ]


def test_tracked_changes_original_text():
    result = read(_tracked(), revisions="original")
    assert [b.text for b in result.blocks] == ["Le prix est de 100 euros.", "Paiement à 30 jours net.", "Clause supprimée."]
    assert result.warnings[0].message == "6 tracked revisions (insertions/deletions); analysed with the original text"


def test_tracked_table_rows():
    row = "<w:tr>{pr}<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc></w:tr>"
    table = (
        "<w:tbl>"
        + row.format(pr="", t="gardée")
        + row.format(pr='<w:trPr><w:ins w:id="1" w:author="A"/></w:trPr>', t="ajoutée")
        + row.format(pr='<w:trPr><w:del w:id="2" w:author="A"/></w:trPr>', t="retirée")
        + "</w:tbl>"
    )
    data = build(table)
    assert texts(data) == ["gardée", "ajoutée"]
    assert texts(data, revisions="original") == ["gardée", "retirée"]


def test_no_revisions_no_warning():
    result = read(build(p("Simple.")))
    assert result.warnings == ()
    assert result.metadata["revisions"]["insertions"] == 0


# --------------------------------------------------------------------------- table of contents


def test_toc_paragraphs_and_field_removed():
    toc_field = p(
        runs='<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \\o "1-3" </w:instrText>'
        '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r("Article 1 – Objet 3")
    )
    toc_end = p(runs=r("Article 2 – Prix 4") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    styled = p("Annexe 1 7", style="TM1") + p("Sous-annexe 8", style="TdM2")
    gallery = (
        '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/>'
        "</w:docPartObj></w:sdtPr><w:sdtContent>" + p("Sommaire") + p("Objet 3") + "</w:sdtContent></w:sdt>"
    )
    body = (
        gallery
        + p("SOMMAIRE", runs=r("SOMMAIRE", "<w:b/>"))
        + toc_field
        + toc_end
        + styled
        + p("Article 1 – Objet", style="Heading1")
    )
    result = read(build(body, styles=STYLES))
    assert [b.text for b in result.blocks] == ["Article 1 – Objet"]
    assert [w.to_dict() for w in result.warnings] == [
        {"code": "toc_removed", "message": "7 table-of-contents paragraphs removed"}
    ]


# --------------------------------------------------------------------------- safety


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def _code(data: bytes, **options: Any) -> str:
    with pytest.raises(InputError) as info:
        read(data, **options)
    return info.value.code


@pytest.fixture(scope="module")
def zeros_bomb() -> bytes:
    """A valid docx plus a member of 200 MB of zeros (about 200 kB compressed)."""
    out = io.BytesIO()
    source = zipfile.ZipFile(io.BytesIO(build(p("x"))))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            archive.writestr(info.filename, source.read(info.filename))
        with archive.open("word/media/bomb.bin", "w") as member:
            block = bytes(1 << 20)
            for _ in range(200):
                member.write(block)
    return out.getvalue()


def test_zip_bomb_refused_by_total_size(zeros_bomb):
    assert len(zeros_bomb) < 2_000_000
    assert _code(zeros_bomb, max_unzipped_bytes=50 * 1024 * 1024) == "E108"


def test_zip_bomb_refused_by_ratio_under_default_limit(zeros_bomb):
    assert _code(zeros_bomb) == "E108"


def test_member_declaring_huge_size_refused():
    data = bytearray(build(p("x")))
    central = data.find(b"PK\x01\x02")
    data[central + 24 : central + 28] = (3_000_000_000).to_bytes(4, "little")  # uncompressed size
    assert _code(bytes(data)) == "E108"


BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>"
)


@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml", "word/numbering.xml"])
def test_doctype_and_entities_refused(part):
    assert _code(replace_part(build(p("x")), part, BILLION_LAUGHS)) == "E109"


def test_doctype_in_utf16_refused():
    assert (
        _code(
            replace_part(
                build(p("x")),
                "word/document.xml",
                BILLION_LAUGHS.replace(b'<?xml version="1.0"?>', b"").decode().encode("utf-16"),
            )
        )
        == "E109"
    )


def test_external_entity_refused():
    xxe = (
        b'<!DOCTYPE d [<!ENTITY x SYSTEM "http://example.invalid/x">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>'
    )
    assert _code(replace_part(build(p("x")), "word/document.xml", xxe)) == "E109"


def test_missing_document_part_and_broken_xml():
    assert _code(_zip({"[Content_Types].xml": b"<Types/>", "word/styles.xml": b"<a/>"})) == "E102"
    assert _code(replace_part(build(p("x")), "word/document.xml", b"<w:document><w:body>")) == "E102"
    assert _code(replace_part(build(p("x")), "word/document.xml", b"<document/>")) == "E102"


def test_truncated_archive():
    data = build(p("x"))
    assert _code(data[: len(data) // 2]) == "E103"


def test_corrupt_member_data():
    data = replace_part(
        build(p("Texte du contrat " * 50)),
        "word/document.xml",
        zipfile.ZipFile(io.BytesIO(build(p("Texte " * 50)))).read("word/document.xml"),
        compress=zipfile.ZIP_STORED,
    )
    at = data.find(b"Texte")
    damaged = data[:at] + b"X" + data[at + 1 :]  # CRC no longer matches
    assert _code(damaged) == "E102"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2048))
def test_random_bytes_never_traceback(data):
    _outcome(data)


@pytest.fixture(scope="module")
def sample() -> bytes:
    numbering = abstract(1, lvl(0, "decimal", "%1."), lvl(1, "lowerLetter", "%2)")) + num(1, 1)
    body = (
        p("Objet", style="Heading1", num=(1, 0))
        + p("Point", num=(1, 1))
        + TABLE
        + p(runs=INS.format(i=1, body=r("ajout")) + DEL.format(i=2, body=_del_run("retrait")))
    )
    return build(body, numbering=numbering)


def _outcome(data: bytes) -> None:
    try:
        result = read(data)
    except InputError as exc:
        assert exc.code.startswith("E1")
    else:
        assert isinstance(result, RawDocument)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.floats(0, 1))
def test_truncated_docx_never_traceback(sample, cut):
    _outcome(sample[: int(len(sample) * cut)])


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(flips=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), min_size=1, max_size=8))
def test_mangled_document_xml_never_traceback(sample, flips):
    xml = bytearray(zipfile.ZipFile(io.BytesIO(sample)).read("word/document.xml"))
    for where, value in flips:
        xml[int(where * len(xml))] = value
    _outcome(replace_part(sample, "word/document.xml", bytes(xml)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(flips=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), min_size=1, max_size=4))
def test_flipped_archive_bytes_never_traceback(sample, flips):
    data = bytearray(sample)
    for where, value in flips:
        data[int(where * len(data))] = value
    _outcome(bytes(data))


@pytest.mark.parametrize("name", ["fr_cctp.docx", "en_supply.docx"])
def test_walk_body_gives_the_reader_blocks_with_their_source_runs(name):
    from pathlib import Path

    from clausecheck.readers.docx import walk_body
    from clausecheck.readers.normalize import normalize_paragraph, paragraph_offsets

    data = (Path(__file__).resolve().parents[2] / "samples" / name).read_bytes()
    body = docx.Document(io.BytesIO(data)).element.body
    walk = walk_body(data, body, name, ReadOptions())
    assert [b.text for b in walk.blocks] == texts(data)
    assert len(walk.sources) == len(walk.blocks)
    for block, paragraphs in zip(walk.blocks, walk.sources, strict=True):
        assert paragraphs, block.text
        for para in paragraphs:
            assert para.element.getparent() is not None and para.element.tag == qn("w:p")
            assert "".join(para.raw[run.start:run.end] for run in para.runs) == para.raw
            offsets = paragraph_offsets(para.raw)
            assert offsets is not None and len(offsets) == len(normalize_paragraph(para.raw))


def test_walk_body_table_row_keeps_every_cell_paragraph():
    from clausecheck.readers.docx import walk_body

    table = f"<w:tbl><w:tr><w:tc>{p('Prix')}</w:tc><w:tc>{p('Ferme')}{p('sur 3 ans')}</w:tc></w:tr></w:tbl>"
    data = build(p("Article 1 Objet") + table)
    body = docx.Document(io.BytesIO(data)).element.body
    walk = walk_body(data, body, "t.docx", ReadOptions())
    assert [b.kind for b in walk.blocks] == ["paragraph", "table_row"]
    assert [para.raw for para in walk.sources[1]] == ["Prix", "Ferme", "sur 3 ans"]
