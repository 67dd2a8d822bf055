#!/usr/bin/env python3
"""Build the clausecheck sample documents.

For every ``samples/src/<name>.txt`` this script writes

* ``samples/<name>.docx``   (python-docx, plus raw OOXML for Word automatic
  numbering, PAGE/NUMPAGES fields, multi-column sections and the TOC field),
* ``samples/<name>.pdf``    (LibreOffice headless conversion of the DOCX),
* ``samples/expected/<name>.json`` (golden clause list, derived from the
  source markup only, never from a parser of the output).

Usage::

    python samples/build.py            # rebuild everything
    python samples/build.py fr_ccap    # rebuild one sample
    python samples/build.py --check    # rebuild in a temp dir, compare with the committed files

The markup is documented in ``samples/README.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Inches, Pt, RGBColor

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
EXPECTED = HERE / "expected"

AUTHOR = "clausecheck project"
FIXED_DATE = dt.datetime(2024, 1, 15, 9, 0, 0)
ZIP_DATE = (2024, 1, 15, 9, 0, 0)
PDF_DATE = "20240115090000"

# Word automatic numbering schemes (abstractNum lvlText per level) and the
# golden "number" they produce.  Only the level texts differ between schemes.
NUMBERING_SCHEMES = {
    "article-fr": ["Article %1 –", "%1.%2", "%1.%2.%3"],
    "article-en": ["Article %1 –", "%1.%2", "%1.%2.%3"],
    "section-en": ["Section %1.", "%1.%2", "%1.%2.%3"],
}

ABSTRACT_NUM_ID = 90
NUM_ID = 90
BULLET_ABSTRACT_ID = 91
BULLET_NUM_ID = 91


# --------------------------------------------------------------------------
# Source model
# --------------------------------------------------------------------------


@dataclass
class Heading:
    level: int
    auto: bool
    label: str | None  # literal number token as typed ("Article 8 -", "3. 2. 1.")
    golden_number: str | None
    title: str  # as written, may end with "." for run-in headings
    runin: str | None  # body text following a run-in heading
    number: str | None = None  # golden number (filled in during numbering)

    @property
    def golden_heading(self) -> str | None:
        t = self.title.strip().rstrip(".:;–—- ").strip()
        return t or None


@dataclass
class Block:
    kind: str  # para, heading, bullet, indent, table, toc, pagebreak, columns, vspace, center, title
    text: str = ""
    heading: Heading | None = None
    rows: list[list[str]] = field(default_factory=list)
    arg: str = ""


@dataclass
class Source:
    name: str
    meta: dict[str, str]
    blocks: list[Block]


HEAD_RE = re.compile(r"^(#{1,4})\s+(.*)$")


def normalise_number(label: str) -> str | None:
    """Turn a typed numbering token into the number a lawyer cites."""
    s = label.strip()
    m = re.match(r"^(Annexe|Annex|Schedule|Exhibit|Appendix)\s+(\S+?)[\s.:–—-]*$", s, re.I)
    if m:
        return f"{m.group(1).capitalize()} {m.group(2)}"
    s = re.sub(r"^(Article|ARTICLE|Art\.|Section|SECTION|Clause|CLAUSE)\s+", "", s)
    s = s.rstrip(" .:–—-")
    s = re.sub(r"\s+", "", s)
    if s in {"1er", "premier", "Premier", "PREMIER"}:
        s = "1"
    return s or None


def parse(path: Path) -> Source:
    meta: dict[str, str] = {}
    blocks: list[Block] = []
    table: Block | None = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.rstrip()
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if table is None:
                table = Block("table", arg=meta.pop("_next_table", "grid"))
                blocks.append(table)
            table.rows.append(cells)
            continue
        table = None
        if not line.strip() or line.startswith("//"):
            continue
        if line.startswith("@"):
            key, _, val = line[1:].partition(" ")
            val = val.strip()
            if key in {"pagebreak"}:
                blocks.append(Block("pagebreak"))
            elif key == "toc":
                blocks.append(Block("toc", text=val or "Sommaire"))
            elif key == "columns":
                blocks.append(Block("columns", arg=val))
            elif key == "vspace":
                blocks.append(Block("vspace", arg=val))
            elif key == "table":
                meta["_next_table"] = val
            else:
                meta[key] = val
            continue
        m = HEAD_RE.match(line)
        if m:
            level = len(m.group(1))
            rest = m.group(2).strip()
            auto = False
            label = golden = None
            if rest.startswith("@num"):
                auto = True
                rest = rest[4:].strip()
            elif rest.startswith("["):
                end = rest.index("]")
                label, _, golden = rest[1:end].partition("|")
                golden = golden or normalise_number(label)
                rest = rest[end + 1 :].strip()
            title, sep, body = rest.partition("::")
            h = Heading(level, auto, label, golden, title.strip(), body.strip() if sep else None)
            blocks.append(Block("heading", heading=h))
            continue
        if line.startswith("- "):
            blocks.append(Block("bullet", text=line[2:].strip()))
        elif line.startswith("> "):
            blocks.append(Block("indent", text=line[2:].strip()))
        elif line.startswith("^^ "):
            blocks.append(Block("title", text=line[3:].strip()))
        elif line.startswith("^! "):
            blocks.append(Block("center", text=line[3:].strip(), arg="bold"))
        elif line.startswith("^ "):
            blocks.append(Block("center", text=line[2:].strip()))
        elif line.startswith("~ "):
            blocks.append(Block("right", text=line[2:].strip()))
        else:
            blocks.append(Block("para", text=line.strip()))
    src = Source(path.stem, meta, blocks)
    assign_numbers(src)
    return src


def assign_numbers(src: Source) -> None:
    counters = [0, 0, 0, 0]
    for b in src.blocks:
        h = b.heading
        if h is None:
            continue
        if h.auto:
            counters[h.level - 1] += 1
            for i in range(h.level, 4):
                counters[i] = 0
            h.number = ".".join(str(c) for c in counters[: h.level])
        else:
            h.number = h.golden_number


def golden(src: Source) -> list[dict]:
    return [
        {"number": b.heading.number, "heading": b.heading.golden_heading, "level": b.heading.level}
        for b in src.blocks
        if b.heading is not None
    ]


# --------------------------------------------------------------------------
# DOCX writer
# --------------------------------------------------------------------------


def lvl_xml(ilvl: int, text: str, suff: str, left: int, hanging: int, bold: bool) -> str:
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:suff w:val="{suff}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr>{rpr}</w:lvl>'
    )


def add_numbering(doc, scheme: str | None, bullet: str) -> None:
    numbering = doc.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    defs = []
    if scheme:
        levels = NUMBERING_SCHEMES[scheme]
        lv = [
            lvl_xml(0, levels[0], "space", 0, 0, True),
            lvl_xml(1, levels[1], "tab", 567, 567, True),
            lvl_xml(2, levels[2], "tab", 851, 851, True),
        ]
        defs.append(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{ABSTRACT_NUM_ID}">'
            f'<w:multiLevelType w:val="multilevel"/>{"".join(lv)}</w:abstractNum>'
        )
    defs.append(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{BULLET_ABSTRACT_ID}">'
        f'<w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'<w:numFmt w:val="bullet"/><w:lvlText w:val="{bullet}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>'
    )
    for d in defs:
        first_num.addprevious(parse_xml(d))
    if scheme:
        numbering.append(
            parse_xml(f'<w:num {nsdecls("w")} w:numId="{NUM_ID}"><w:abstractNumId w:val="{ABSTRACT_NUM_ID}"/></w:num>')
        )
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="{BULLET_NUM_ID}"><w:abstractNumId w:val="{BULLET_ABSTRACT_ID}"/></w:num>')
    )


def set_numpr(paragraph, num_id: int, ilvl: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.insert(
        0 if ppr.find(qn("w:pStyle")) is None else 1,
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'),
    )


INLINE_RE = re.compile(r"(\*\*.+?\*\*)")


def add_text(paragraph, text: str, bold: bool = False, size: float | None = None) -> None:
    for part in INLINE_RE.split(text):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**"):
            r = paragraph.add_run(part[2:-2])
            r.bold = True
        else:
            r = paragraph.add_run(part)
            if bold:
                r.bold = True
        if size:
            r.font.size = Pt(size)


def add_field(paragraph, instr: str, cached: str, size: float | None = None) -> None:
    def run_with(xml: str):
        r = paragraph.add_run()
        if size:
            r.font.size = Pt(size)
        r._r.append(parse_xml(xml))
        return r

    run_with(f'<w:fldChar {nsdecls("w")} w:fldCharType="begin"/>')
    run_with(f'<w:instrText {nsdecls("w")} xml:space="preserve"> {instr} </w:instrText>')
    run_with(f'<w:fldChar {nsdecls("w")} w:fldCharType="separate"/>')
    r = paragraph.add_run(cached)
    if size:
        r.font.size = Pt(size)
    run_with(f'<w:fldChar {nsdecls("w")} w:fldCharType="end"/>')


def fill_running(paragraph, template: str, width, size: float) -> None:
    paragraph.paragraph_format.tab_stops.add_tab_stop(width // 2, WD_TAB_ALIGNMENT.CENTER)
    paragraph.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    for part in re.split(r"(\{PAGE\}|\{NUMPAGES\}|\{TAB\})", template):
        if part == "{PAGE}":
            add_field(paragraph, "PAGE", "1", size)
        elif part == "{NUMPAGES}":
            add_field(paragraph, "NUMPAGES", "1", size)
        elif part == "{TAB}":
            paragraph.add_run("\t").font.size = Pt(size)
        elif part:
            paragraph.add_run(part).font.size = Pt(size)


def heading_text(h: Heading, scheme: str | None = None) -> str:
    """The heading as it reads in the document (used by the TOC)."""
    if h.auto and h.number:
        first = NUMBERING_SCHEMES[scheme or "article-fr"][0]
        return f"{first.replace('%1', h.number)} {h.title}" if h.level == 1 else f"{h.number} {h.title}"
    return f"{h.label} {h.title}".strip() if h.label else h.title


def setup_styles(doc, meta: dict[str, str]) -> None:
    font, _, size = meta.get("font", "Arial 10").rpartition(" ")
    size = float(size)
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = font
    normal.font.size = Pt(size)
    rpr = normal.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), font)
    for a in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        if rfonts.get(qn(a)) is not None:
            del rfonts.attrib[qn(a)]
    pf = normal.paragraph_format
    pf.space_after = Pt(6)
    pf.space_before = Pt(0)
    pf.line_spacing = 1.1
    if "justify" in meta:
        pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    sizes = {1: size + 2, 2: size + 1, 3: size, 4: size}
    for lvl in range(1, 5):
        st = styles[f"Heading {lvl}"]
        st.font.name = font
        st.font.size = Pt(sizes[lvl])
        st.font.bold = True
        st.font.italic = lvl >= 3
        st.font.color.rgb = RGBColor(0x1F, 0x2A, 0x44) if "color" in meta else RGBColor(0, 0, 0)
        rpr = st.element.get_or_add_rPr()
        rfonts = rpr.find(qn("w:rFonts"))
        if rfonts is None:
            rfonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
            rpr.insert(0, rfonts)
        for a in list(rfonts.attrib):
            del rfonts.attrib[a]
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            rfonts.set(qn(attr), font)
        st.paragraph_format.space_before = Pt(14 if lvl == 1 else 10)
        st.paragraph_format.space_after = Pt(6)
        st.paragraph_format.keep_with_next = True
        st.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    for name in ("Header", "Footer"):
        styles[name].paragraph_format.tab_stops.clear_all()
        styles[name].font.name = font


def text_width(section):
    return section.page_width - section.left_margin - section.right_margin


def build_docx(src: Source, toc_pages: dict[int, int] | None, out: Path) -> None:
    meta = src.meta
    doc = Document()
    setup_styles(doc, meta)
    scheme = meta.get("numbering")
    add_numbering(doc, scheme, meta.get("bullet", "–"))
    sec = doc.sections[0]
    if meta.get("page", "A4") == "A4":
        sec.page_width, sec.page_height = Cm(21), Cm(29.7)
        sec.left_margin = sec.right_margin = Cm(2.3)
        sec.top_margin, sec.bottom_margin = Cm(2.5), Cm(2.2)
    else:
        sec.page_width, sec.page_height = Inches(8.5), Inches(11)
        sec.left_margin = sec.right_margin = Inches(1)
        sec.top_margin = sec.bottom_margin = Inches(1)
    sec.header_distance = sec.footer_distance = Cm(1.1)
    width = text_width(sec)
    body_size = float(meta.get("font", "Arial 10").rpartition(" ")[2])
    head_mode = meta.get("headings", "styles")  # styles | bold
    h1_center = "center-h1" in meta
    pending_break = False
    heading_index = 0

    def new_par(style=None):
        nonlocal pending_break
        p = doc.add_paragraph(style=style)
        if pending_break:
            p.paragraph_format.page_break_before = True
            pending_break = False
        return p

    for b in src.blocks:
        k = b.kind
        if k == "pagebreak":
            pending_break = True
        elif k == "vspace":
            p = new_par()
            p.paragraph_format.space_before = Pt(12 * float(b.arg or 1))
        elif k == "title":
            p = new_par()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.space_after = Pt(10)
            add_text(p, b.text, bold=True, size=body_size + 7)
        elif k == "center":
            p = new_par()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            add_text(p, b.text, bold=b.arg == "bold", size=body_size + (1 if b.arg == "bold" else 0))
        elif k == "right":
            p = new_par()
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            add_text(p, b.text)
        elif k == "para":
            add_text(new_par(), b.text)
        elif k == "indent":
            p = new_par()
            p.paragraph_format.left_indent = Cm(1.0)
            add_text(p, b.text)
        elif k == "bullet":
            p = new_par()
            set_numpr(p, BULLET_NUM_ID, 0)
            p.paragraph_format.space_after = Pt(3)
            add_text(p, b.text)
        elif k == "table":
            add_table(doc, b, width, body_size, pending_break)
            pending_break = False
        elif k == "columns":
            n = int(b.arg or 1)
            new = doc.add_section(WD_SECTION.CONTINUOUS)
            sectPr = new._sectPr
            cols = sectPr.find(qn("w:cols"))
            if cols is not None:
                sectPr.remove(cols)
            cols = parse_xml(f'<w:cols {nsdecls("w")} w:num="{n}" w:space="567"' + (' w:sep="1"/>' if n > 1 else "/>"))
            # w:cols must precede w:docGrid and follow w:pgMar etc.
            grid = sectPr.find(qn("w:docGrid"))
            if grid is not None:
                grid.addprevious(cols)
            else:
                sectPr.append(cols)
            tp = sectPr.find(qn("w:titlePg"))
            if tp is not None:
                sectPr.remove(tp)
        elif k == "toc":
            add_toc(doc, src, b.text, toc_pages, width, new_par)
        elif k == "heading":
            h = b.heading
            heading_index += 1
            runin = h.runin is not None
            if runin or head_mode == "bold":
                p = new_par()
                p.paragraph_format.keep_with_next = not runin
                p.paragraph_format.space_before = Pt(10 if h.level == 1 else 6)
                if h.level == 1 and h1_center and not runin:
                    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            else:
                p = new_par(style=f"Heading {h.level}")
            if h.auto:
                set_numpr(p, NUM_ID, h.level - 1)
            lead = f"{h.label} " if h.label else ""
            if runin:
                if lead:
                    r = p.add_run(lead)
                    r.bold = bool(h.title) and head_mode == "bold"
                if h.title:
                    p.add_run(h.title).bold = True
                    p.add_run(" ")
                add_text(p, h.runin)
            else:
                r = p.add_run(lead + h.title)
                if head_mode == "bold":
                    r.bold = True
                    if h.level == 1:
                        r.font.size = Pt(body_size + 1)
                    if h.level >= 3:
                        r.italic = True
    # running header / footer on the first section (later sections inherit)
    first = doc.sections[0]
    if "titlepage" in meta:
        first.different_first_page_header_footer = True
    hsize = body_size - 1.5
    if "header" in meta:
        hp = first.header.paragraphs[0]
        fill_running(hp, meta["header"], width, hsize)
        hp._p.get_or_add_pPr().append(
            parse_xml(f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="4" w:space="1" w:color="808080"/></w:pBdr>')
        )
    if "footer" in meta:
        fp = first.footer.paragraphs[0]
        fill_running(fp, meta["footer"], width, hsize)
        fp._p.get_or_add_pPr().append(
            parse_xml(f'<w:pBdr {nsdecls("w")}><w:top w:val="single" w:sz="4" w:space="1" w:color="808080"/></w:pBdr>')
        )
    cp = doc.core_properties
    cp.author = AUTHOR
    cp.last_modified_by = AUTHOR
    cp.created = FIXED_DATE
    cp.modified = FIXED_DATE
    cp.last_printed = FIXED_DATE
    cp.revision = 1
    cp.title = meta.get("title", src.name)
    cp.language = meta.get("lang", "")
    cp.comments = "Sample document written by the clausecheck project (fictitious parties). Apache-2.0."
    buf = io.BytesIO()
    doc.save(buf)
    out.write_bytes(normalise_zip(buf.getvalue()))


def add_table(doc, b: Block, width, body_size: float, page_break: bool) -> None:
    plain = b.arg == "plain"
    ncols = max(len(r) for r in b.rows)
    t = doc.add_table(rows=0, cols=ncols)
    if not plain:
        t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, row in enumerate(b.rows):
        cells = t.add_row().cells
        for j in range(ncols):
            txt = row[j] if j < len(row) else ""
            p = cells[j].paragraphs[0]
            p.alignment = WD_ALIGN_PARAGRAPH.LEFT
            p.paragraph_format.space_after = Pt(2)
            add_text(p, txt, bold=(i == 0 and not plain), size=body_size - 0.5)
            if i == 0 and not plain:
                tcPr = cells[j]._tc.get_or_add_tcPr()
                tcPr.append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="D9D9D9"/>'))
    if not plain:
        tr = t.rows[0]._tr
        trPr = tr.get_or_add_trPr()
        trPr.append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
    # a short spacer paragraph after the table
    doc.add_paragraph().paragraph_format.space_after = Pt(2)


def add_toc(doc, src: Source, title: str, toc_pages, width, new_par) -> None:
    p = new_par()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.space_after = Pt(12)
    add_text(p, title.upper(), bold=True, size=13)
    entries = [b.heading for b in src.blocks if b.heading and b.heading.level <= 2 and b.heading.runin is None]
    for i, h in enumerate(entries):
        ep = doc.add_paragraph()
        ppr = ep._p.get_or_add_pPr()
        ppr.insert(0, parse_xml(f'<w:pStyle {nsdecls("w")} w:val="TOC{h.level}"/>'))
        pf = ep.paragraph_format
        pf.left_indent = Cm(0 if h.level == 1 else 0.6)
        pf.space_after = Pt(3 if h.level == 1 else 1)
        pf.space_before = Pt(4 if h.level == 1 else 0)
        pf.alignment = WD_ALIGN_PARAGRAPH.LEFT
        pf.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        if i == 0:
            r = ep.add_run()
            r._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="begin"/>'))
            r = ep.add_run()
            r._r.append(parse_xml(f'<w:instrText {nsdecls("w")} xml:space="preserve"> TOC \\o "1-2" \\h \\z \\u </w:instrText>'))
            r = ep.add_run()
            r._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="separate"/>'))
        page = "00" if toc_pages is None else str(toc_pages[id_of(src, h)])
        r = ep.add_run(f"{heading_text(h, src.meta.get('numbering'))}\t{page}")
        if h.level == 1:
            r.bold = True
        if i == len(entries) - 1:
            r = ep.add_run()
            r._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="end"/>'))


def id_of(src: Source, h: Heading) -> int:
    return [b.heading for b in src.blocks if b.heading].index(h)


def normalise_zip(data: bytes) -> bytes:
    """Fixed timestamps and order, no template thumbnail: byte-reproducible DOCX."""
    zin = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in zin.namelist():
            if name == "docProps/thumbnail.jpeg":
                continue
            blob = zin.read(name)
            if name == "_rels/.rels":
                blob = re.sub(rb"<Relationship [^>]*thumbnail\.jpeg\"/>", b"", blob)
            if name == "[Content_Types].xml":
                blob = re.sub(rb"<Override PartName=\"/docProps/thumbnail\.jpeg\"[^>]*/>", b"", blob)
            zi = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, blob)
    return out.getvalue()


# --------------------------------------------------------------------------
# PDF conversion
# --------------------------------------------------------------------------


def to_pdf(docx_files: list[Path], outdir: Path) -> None:
    profile = Path(tempfile.gettempdir()) / "clausecheck-samples-lo-profile"
    cmd = [
        "soffice",
        f"-env:UserInstallation=file://{profile}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(outdir),
        *map(str, docx_files),
    ]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for d in docx_files:
        pdf = outdir / (d.stem + ".pdf")
        if not pdf.exists():
            raise SystemExit(f"LibreOffice did not produce {pdf}")
        normalise_pdf(pdf, hashlib.md5(d.read_bytes()).hexdigest())


def normalise_pdf(pdf: Path, docx_md5: str) -> None:
    """Replace creation date and /ID with fixed values of the same length (offsets unchanged)."""
    data = pdf.read_bytes()

    def fix_date(m: re.Match) -> bytes:
        old = m.group(1)
        tz = re.sub(rb"\d", b"0", old[14:])  # keep the time-zone shape, zero it
        return m.group(0).replace(old, PDF_DATE.encode() + tz)

    data = re.sub(rb"/(?:CreationDate|ModDate)\s*\(D:([^)]*)\)", fix_date, data)

    def fix_id(m: re.Match) -> bytes:
        a, b_ = m.group(1), m.group(2)
        return (
            b"/ID [ <"
            + docx_md5.encode()[: len(a)].ljust(len(a), b"0")
            + b"> <"
            + docx_md5.encode()[: len(b_)].ljust(len(b_), b"0")
            + b"> ]"
        )

    data = re.sub(rb"/DocChecksum /[0-9A-Fa-f]{32}", b"/DocChecksum /" + docx_md5.upper().encode(), data)
    data = re.sub(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]", lambda m: fit(m, fix_id), data)
    pdf.write_bytes(data)


def fit(m: re.Match, fn) -> bytes:
    new = fn(m)
    old = m.group(0)
    if len(new) > len(old):
        return old
    return new.ljust(len(old), b" ")


def pdf_pages_text(pdf: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return [re.sub(r"\s+", " ", p) for p in out.split("\f")]


def find_toc_pages(src: Source, pdf: Path) -> dict[int, int]:
    pages = pdf_pages_text(pdf)
    heads = [b.heading for b in src.blocks if b.heading]
    entries = [h for h in heads if h.level <= 2 and h.runin is None]
    # the TOC ends on the first page that shows the last entry; search after it
    last = re.sub(r"\s+", " ", heading_text(entries[-1], src.meta.get("numbering")))
    start = next(i for i, p in enumerate(pages) if last in p) + 1
    result: dict[int, int] = {}
    cur = start
    for h in entries:
        needle = re.sub(r"\s+", " ", heading_text(h, src.meta.get("numbering")))
        while cur < len(pages) and needle not in pages[cur]:
            cur += 1
        if cur >= len(pages):
            raise SystemExit(f"{src.name}: heading {needle!r} not found in the PDF")
        result[heads.index(h)] = cur + 1
    return result


# --------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------


def build(names: list[str], outdir: Path) -> None:
    (outdir / "expected").mkdir(parents=True, exist_ok=True)
    sources = [parse(SRC / f"{n}.txt") for n in names]
    docx_paths = []
    for s in sources:
        p = outdir / f"{s.name}.docx"
        build_docx(s, None, p)
        docx_paths.append(p)
        (outdir / "expected" / f"{s.name}.json").write_text(
            json.dumps(golden(s), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    to_pdf(docx_paths, outdir)
    # second pass for documents with a table of contents: fill in the page numbers
    with_toc = [s for s in sources if any(b.kind == "toc" for b in s.blocks)]
    toc_pages = {s.name: find_toc_pages(s, outdir / f"{s.name}.pdf") for s in with_toc}
    for s in with_toc:
        build_docx(s, toc_pages[s.name], outdir / f"{s.name}.docx")
    if with_toc:
        to_pdf([outdir / f"{s.name}.docx" for s in with_toc], outdir)
        for s in with_toc:  # filling in the numbers must not have moved any heading
            if find_toc_pages(s, outdir / f"{s.name}.pdf") != toc_pages[s.name]:
                print(f"warning: {s.name}: TOC page numbers moved after the second pass", file=sys.stderr)
    for s in sources:
        n = len(pdf_pages_text(outdir / f"{s.name}.pdf")) - 1
        print(f"{s.name}: {n} pages, {len(golden(s))} clauses")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="*", help="sample names (default: all in samples/src)")
    ap.add_argument("--check", action="store_true", help="rebuild in a temp dir and compare with samples/")
    args = ap.parse_args()
    names = args.names or sorted(p.stem for p in SRC.glob("*.txt"))
    if not args.check:
        build(names, HERE)
        return
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        build(names, out)
        for n in names:
            for rel in (f"{n}.docx", f"expected/{n}.json", f"{n}.pdf"):
                a, b = HERE / rel, out / rel
                if not a.exists() or a.read_bytes() != b.read_bytes():
                    if rel.endswith(".pdf") and a.exists() and pdf_pages_text(a) == pdf_pages_text(b):
                        print(f"note: {rel}: bytes differ, text identical")
                        continue
                    print(f"DIFFERS: {rel}")
                    bad += 1
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
