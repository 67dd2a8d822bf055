"""Build .docx files for the reader tests: python-docx for the package, raw XML for the rest."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from typing import Any

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from clausecheck.readers import ReadOptions
from clausecheck.readers.docx import DocxReader

W = nsdecls("w")


def p(text: str = "", style: str | None = None, num: tuple[int, int] | None = None, ppr: str = "",
      runs: str | None = None) -> str:
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
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>')


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
        for el in parse_xml(f"<w:styles {W}>{styles}</w:styles>"):
            document.styles.element.append(el)
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
