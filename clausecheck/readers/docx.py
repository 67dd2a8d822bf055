"""Word (.docx) reader: body paragraphs and table rows in order, with Word's automatic numbering.

The archive is untrusted: sizes and compression ratios are checked before any
member is inflated (E108), the XML parts read are refused if they declare a DTD
or entities (E109) and are parsed without entity expansion or network access.
The body is walked directly in the XML (not through python-docx) so that
tracked changes, fields, content controls and numbering are under our control;
headers, footers, footnotes, comments and text boxes are not part of the text.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from clausecheck.document import Block, BlockKind, RawDocument, Warning
from clausecheck.errors import InputError
from clausecheck.readers import ReadOptions
from clausecheck.readers.docx_numbering import LIST_ITEM_FORMATS, Numbering, Style, Styles
from clausecheck.readers.normalize import normalize_paragraph

__all__ = ["DocxReader"]

_W_TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_DC = "{http://purl.org/dc/elements/1.1/}"
_MAX_MEMBERS = 10_000
_MAX_RATIO = 200  # deflate tops out near 1032:1; real Word XML stays well under 50:1
_RATIO_FLOOR = 1 << 20  # small members may compress as well as they like
_UNSAFE = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_HEADING_NAME = re.compile(r"^(?:heading|titre)\s*([1-9])$")
_TOC_NAME = re.compile(
    r"^(?:toc|table des matières|tdm|table of contents)\s*[1-9]?$|^(?:toc heading|en-tête de table des matières)$"
)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_comments=True, remove_pis=True)


@dataclass
class _Field:
    instr: list[str] = field(default_factory=list)
    result: bool = False
    toc: bool = False


@dataclass
class _Text:
    parts: list[str] = field(default_factory=list)
    first_rpr: Any = None
    started: bool = False
    toc: bool = False


@dataclass(frozen=True)
class RunSpan:
    """One ``w:r`` element and the characters it gave its paragraph's raw text."""

    element: Any
    start: int
    end: int


@dataclass(frozen=True)
class SourceParagraph:
    """A ``w:p`` element, the block it produced, its runs and its raw text (before normalisation)."""

    element: Any
    block: Block
    runs: tuple[RunSpan, ...]
    raw: str


@dataclass(frozen=True)
class BodyWalk:
    """The blocks of a Word body as the reader sees them, each with the paragraphs that produced it.

    ``sources[i]`` holds the paragraphs of ``blocks[i]``: one for a paragraph,
    every paragraph of the row's cells for a table row. This is the reader's
    provenance: a writer that must anchor something on the text of a block
    (the annotated Word report) finds its elements here.
    """

    blocks: tuple[Block, ...]
    sources: tuple[tuple[SourceParagraph, ...], ...]


class _Package:
    """The zip container, checked once, handing out checked and parsed XML parts."""

    def __init__(self, data: bytes, path: str, options: ReadOptions):
        self.path, self.limit = path, options.max_unzipped_bytes
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, EOFError):
            raise InputError("E103" if data.startswith(b"PK\x03\x04") else "E102", path,
                             "the ZIP container is damaged or incomplete") from None
        except (OSError, ValueError, NotImplementedError, RuntimeError):
            raise InputError("E102", path, "the ZIP container is damaged") from None
        if len(infos) > _MAX_MEMBERS:
            raise InputError("E108", path, f"{len(infos):,} archive members")
        total = sum(info.file_size for info in infos)
        if total > self.limit:
            raise InputError("E108", path, f"parts would inflate to {total:,} bytes, over the limit of {self.limit:,}")
        for info in infos:
            if info.file_size > _RATIO_FLOOR and info.file_size > _MAX_RATIO * max(info.compress_size, 1):
                raise InputError("E108", path, f"member {info.filename!r} has a compression ratio over {_MAX_RATIO}:1")
        self.names = {info.filename for info in infos}

    def read(self, name: str) -> bytes:
        info = self.zip.getinfo(name)
        if info.flag_bits & 0x1:
            raise InputError("E101", self.path, "the archive members are encrypted")
        chunks, total = [], 0
        try:
            with self.zip.open(info) as stream:
                while chunk := stream.read(1 << 16):
                    total += len(chunk)
                    if total > info.file_size or total > self.limit:
                        raise InputError("E108", self.path, f"member {name!r} inflates past its declared size")
                    chunks.append(chunk)
        except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, ValueError, OSError):
            raise InputError("E102", self.path, f"part {name!r} is damaged (bad data or checksum)") from None
        except EOFError:
            raise InputError("E103", self.path, f"part {name!r} is incomplete") from None
        return b"".join(chunks)

    def xml(self, name: str | None) -> Any:
        """Parse one part, refusing DTDs and entities; None when the part is absent."""
        if name is None or name not in self.names:
            return None
        data = self.read(name)
        probes = [data]
        if 0 in data[:4]:  # UTF-16/32: look at the text, not the bytes
            for codec in ("utf-16", "utf-16-le", "utf-16-be", "utf-32"):
                try:
                    probes.append(data.decode(codec).encode("utf-8", "replace"))
                except UnicodeError:
                    continue
        if any(_UNSAFE.search(probe) for probe in probes):
            raise InputError("E109", self.path, f"part {name!r} declares a DTD or entities, which are refused")
        try:
            root = etree.fromstring(data, _parser())
        except (etree.XMLSyntaxError, ValueError) as exc:
            raise InputError("E102", self.path, f"part {name!r} is not well-formed XML ({exc})") from None
        if root.getroottree().docinfo.doctype:
            raise InputError("E109", self.path, f"part {name!r} declares a DTD, which is refused")
        return root

    def related(self, source: str, kind: str) -> str | None:
        """Target part of the first relationship of type ``.../kind`` from ``source``."""
        folder, base = posixpath.split(source)
        rels = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        if rels is None:
            return None
        for rel in rels.iter(_REL):
            if (rel.get("Type") or "").endswith("/" + kind) and rel.get("TargetMode") != "External":
                target = rel.get("Target") or ""
                name = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
                return posixpath.normpath(name)
        return None


class _Walker:
    """Walks the body in document order and turns paragraphs and table rows into blocks."""

    def __init__(self, w: str, styles: Styles, numbering: Numbering, accepted: bool, record: bool = False):
        self.w, self.styles, self.numbering, self.accepted = w, styles, numbering, accepted
        self.fields: list[_Field] = []
        self.toc_removed = 0
        self.record = record
        self.top: list[Block] = []
        self.sources: list[tuple[SourceParagraph, ...]] = []
        self.pending: list[SourceParagraph] = []
        self.runs: list[RunSpan] | None = None
        self.raw: list[str] = []
        self.raw_length = 0
        keep, drop = ("ins", "moveTo"), ("del", "moveFrom")
        self.keep = {f"{w}{t}" for t in (keep if accepted else drop)}
        self.drop = {f"{w}{t}" for t in (drop if accepted else keep)}
        self.containers = {f"{w}{t}" for t in ("hyperlink", "smartTag", "customXml", "dir", "bdo", "sdtContent")}

    def walk(self, body: Any) -> list[Block]:
        """The blocks of ``body``, in document order (with their sources in ``self.sources`` when recording)."""
        self.top, self.sources, self.pending = [], [], []
        self.body(body, self.top)
        return self.top

    def emit(self, out: list[Block], block: Block) -> None:
        out.append(block)
        if self.record and out is self.top:
            mine = self.pending if block.kind == "table_row" else [p for p in self.pending if p.block is block]
            self.sources.append(tuple(mine))
            self.pending = []

    def body(self, parent: Any, out: list[Block]) -> None:
        w = self.w
        for child in parent:
            if child.tag == f"{w}p":
                before = self.toc_removed
                block = self.paragraph(child)
                if block is not None:
                    self.emit(out, block)
                elif self.toc_removed > before and out and _TOC_TITLE.match(out[-1].text):
                    out.pop()  # the TOC's own unstyled title ("Sommaire")
                    if self.record and out is self.top:
                        self.sources.pop()
                    self.toc_removed += 1
            elif child.tag == f"{w}tbl":
                self.table(child, out)
            elif child.tag == f"{w}sdt":
                gallery = child.find(f"{w}sdtPr/{w}docPartObj/{w}docPartGallery")
                content = child.find(f"{w}sdtContent")
                if content is None:
                    continue
                if gallery is not None and (self.styles.val(gallery) or "").lower() == "table of contents":
                    self.toc_removed += sum(1 for p in content.iter(f"{w}p") if "".join(p.itertext()).strip())
                    continue
                self.body(content, out)
            elif child.tag == f"{w}customXml":
                self.body(child, out)

    def table(self, tbl: Any, out: list[Block]) -> None:
        w = self.w
        for row in _flatten(tbl, f"{w}tr", w):
            trpr = row.find(f"{w}trPr")
            if trpr is not None and any(trpr.find(tag) is not None for tag in self.drop):
                continue
            cells: list[str] = []
            first: Block | None = None
            for cell in _flatten(row, f"{w}tc", w):
                merge = cell.find(f"{w}tcPr/{w}vMerge")
                if merge is not None and (merge.get(f"{w}val") or "continue") == "continue":
                    continue
                inner: list[Block] = []
                self.body(cell, inner)
                first = first or next(iter(inner), None)
                text = "\n".join(block.text for block in inner if block.text)
                if text:
                    cells.append(text)
            if cells:
                self.emit(out, Block(normalize_paragraph(" | ".join(cells)), kind="table_row",
                                     bold=first.bold if first else False, size=first.size if first else None))

    def paragraph(self, p: Any) -> Block | None:
        if not self.record:
            return self._paragraph(p)
        self.runs, self.raw, self.raw_length = [], [], 0
        block = self._paragraph(p)
        if block is not None:
            self.pending.append(SourceParagraph(p, block, tuple(self.runs), "".join(self.raw)))
        self.runs = None
        return block

    def _paragraph(self, p: Any) -> Block | None:
        w = self.w
        ppr = p.find(f"{w}pPr")
        text = _Text()
        self.inline(p, text)
        self.fields = [f for f in self.fields if f.result]  # an instruction cannot span paragraphs
        content = normalize_paragraph("".join(text.parts))
        mark = ppr.find(f"{w}rPr") if ppr is not None else None
        if not content and mark is not None and any(mark.find(tag) is not None for tag in self.drop):
            return None  # a paragraph that only exists in the other version of the text
        style_id = self.styles.val(ppr.find(f"{w}pStyle")) if ppr is not None else None
        chain = self.styles.chain(style_id) or self.styles.chain(self.styles.default)
        if text.toc or any(_TOC_NAME.match(style.name) for _, style in chain):
            self.toc_removed += 1 if content else 0
            return None
        label = self.label(ppr, chain)
        kind: BlockKind = "paragraph"
        level = self.outline(ppr, chain)
        if label is not None and label.fmt in LIST_ITEM_FORMATS:
            kind = "list_item"
        if level is not None or any(style.name in ("title", "titre") for _, style in chain[:1]):
            kind = "heading"
        prefix = label.text if label is not None and not label.bullet and label.text else None
        if prefix:
            content = f"{prefix} {content}".strip()
        if not content:
            return None
        bold, size = self.format(text.first_rpr, chain)
        return Block(content, kind=kind, outline_level=level, label=prefix, bold=bold, size=size)

    def label(self, ppr: Any, chain: list[tuple[str, Style]]) -> Any:
        w, num_id, ilvl = self.w, None, None
        numpr = ppr.find(f"{w}numPr") if ppr is not None else None
        if numpr is not None:
            num_id = self.styles.val(numpr.find(f"{w}numId"))
            ilvl = _int(self.styles.val(numpr.find(f"{w}ilvl")))
        if num_id is None:
            for _, style in chain:
                if style.num_id is not None:
                    num_id, ilvl = style.num_id, ilvl if ilvl is not None else style.ilvl
                    break
        if num_id is None or num_id == "0":
            return None
        if ilvl is None:
            ilvl = next((lvl for lvl in (self.numbering.level_of_style(num_id, ident) for ident, _ in chain)
                         if lvl is not None), 0)
        return self.numbering.advance(num_id, ilvl)

    def outline(self, ppr: Any, chain: list[tuple[str, Style]]) -> int | None:
        own = _int(self.styles.val(ppr.find(f"{self.w}outlineLvl"))) if ppr is not None else None
        if own is not None:
            return own + 1 if 0 <= own < 9 else None
        for _, style in chain:
            if style.outline is not None:
                return style.outline + 1 if 0 <= style.outline < 9 else None
            heading = _HEADING_NAME.match(style.name)
            if heading:
                return int(heading.group(1))
        return None

    def format(self, rpr: Any, chain: list[tuple[str, Style]]) -> tuple[bool, float | None]:
        bold, size = self.styles.run_props(rpr)
        char_style = self.styles.val(rpr.find(f"{self.w}rStyle")) if rpr is not None else None
        for _, style in [*self.styles.chain(char_style), *chain, ("", self.styles.defaults)]:
            bold = style.bold if bold is None else bold
            size = style.size if size is None else size
        return bool(bold), size

    def inline(self, parent: Any, text: _Text) -> None:
        w = self.w
        for child in parent:
            tag = child.tag
            if tag == f"{w}r":
                self.run(child, text)
            elif tag in self.keep or tag in self.containers:
                self.inline(child, text)
            elif tag == f"{w}sdt":
                content = child.find(f"{w}sdtContent")
                if content is not None:
                    self.inline(content, text)
            elif tag == f"{w}fldSimple":
                instr = child.get(f"{w}instr") or ""
                self.fields.append(_Field([instr], True, instr.strip().upper().startswith("TOC")))
                self.inline(child, text)
                self.fields.pop()

    def run(self, r: Any, text: _Text) -> None:
        before = len(text.parts)
        self._run(r, text)
        if self.runs is not None:
            piece = "".join(text.parts[before:])
            self.runs.append(RunSpan(r, self.raw_length, self.raw_length + len(piece)))
            self.raw.append(piece)
            self.raw_length += len(piece)

    def _run(self, r: Any, text: _Text) -> None:
        w = self.w
        rpr = r.find(f"{w}rPr")
        hidden = rpr is not None and bool(self.styles.on(rpr.find(f"{w}vanish")))
        for child in r:
            tag = child.tag
            if tag == f"{w}fldChar":
                kind = child.get(f"{w}fldCharType")
                if kind == "begin":
                    self.fields.append(_Field())
                elif kind == "separate" and self.fields:
                    current = self.fields[-1]
                    current.result = True
                    current.toc = "".join(current.instr).strip().upper().startswith("TOC")
                elif kind == "end" and self.fields:
                    self.fields.pop()
                continue
            if tag == f"{w}instrText":
                if self.fields and not self.fields[-1].result:
                    self.fields[-1].instr.append(child.text or "")
                continue
            piece = _RUN_TEXT.get(tag.removeprefix(w)) if tag.startswith(w) else None
            if tag in (f"{w}t", f"{w}delText"):
                piece = child.text or ""
            elif tag == f"{w}sym":
                code = _int_hex(child.get(f"{w}char"))
                piece = chr(code) if code is not None and not 0xE000 <= code <= 0xF8FF and code < 0x110000 else ""
            if piece is None or hidden or any(not f.result for f in self.fields):
                continue
            if any(f.toc for f in self.fields):
                text.toc = True
            if piece.strip() and not text.started:
                text.started, text.first_rpr = True, rpr
            text.parts.append(piece)


_TOC_TITLE = re.compile(r"^(?:sommaire|table des matières|contents|table of contents)\s*:?$", re.IGNORECASE)
_RUN_TEXT = {"tab": " ", "ptab": " ", "br": "\n", "cr": "\n", "noBreakHyphen": "-", "softHyphen": ""}


def _flatten(parent: Any, tag: str, w: str) -> list[Any]:
    """Children ``tag`` of ``parent``, looking through content controls and custom XML."""
    out = []
    for child in parent:
        if child.tag == tag:
            out.append(child)
        elif child.tag in (f"{w}sdt", f"{w}customXml"):
            content = child.find(f"{w}sdtContent") if child.tag == f"{w}sdt" else child
            if content is not None:
                out.extend(_flatten(content, tag, w))
    return out


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


def _int_hex(text: str | None) -> int | None:
    try:
        return int(text, 16) if text else None
    except ValueError:
        return None


def _revisions(body: Any, w: str) -> dict[str, int]:
    counts = {"insertions": 0, "deletions": 0, "moves": 0, "formatting": 0}
    names = {f"{w}ins": "insertions", f"{w}del": "deletions", f"{w}moveFrom": "moves", f"{w}moveTo": "moves"}
    for el in body.iter(*names):
        if el.getparent() is not None and el.getparent().tag != f"{w}rPr":  # skip paragraph-mark changes
            counts[names[el.tag]] += 1
    changes = ("rPrChange", "pPrChange", "tblPrChange", "trPrChange", "tcPrChange", "sectPrChange", "numberingChange")
    counts["formatting"] = sum(1 for _ in body.iter(*(f"{w}{t}" for t in changes)))
    return counts


@dataclass(frozen=True)
class DocxReader:
    """Reads Word 2007+ documents (.docx, .docm, .dotx)."""

    format: str = "docx"

    def read(self, data: bytes, path: str, options: ReadOptions) -> RawDocument:
        """Read the main document story; raise a coded :class:`InputError` on any failure."""
        try:
            return self._read(data, path, options)
        except InputError:
            raise
        except Exception as exc:  # a malformed package must never escape as a traceback
            raise InputError("E102", path, f"malformed Word document ({type(exc).__name__})") from None

    def _read(self, data: bytes, path: str, options: ReadOptions) -> RawDocument:
        package = _Package(data, path, options)
        main = _main_part(package)
        root = package.xml(main)
        if root is None:
            raise InputError("E102", path, "word/document.xml is missing")
        ns = etree.QName(root).namespace
        w = "{%s}" % (ns if ns in (_W_TRANSITIONAL, _W_STRICT) else _W_TRANSITIONAL)
        body = root.find(f"{w}body")
        if body is None:
            raise InputError("E102", path, "the document has no body")
        walker = _walker(package, main, w, options)
        blocks = walker.walk(body)

        warnings: list[Warning] = []
        revisions = _revisions(body, w)
        changed = revisions["insertions"] + revisions["deletions"] + revisions["moves"]
        if changed:
            version = "all changes accepted" if walker.accepted else "the original text"
            warnings.append(Warning("tracked_changes",
                                    f"{changed} tracked revisions (insertions/deletions); analysed with {version}"))
        if walker.toc_removed:
            warnings.append(Warning("toc_removed", f"{walker.toc_removed} table-of-contents paragraphs removed"))
        comments = package.xml(package.related(main, "comments"))
        core = package.xml(package.related("", "core-properties") or "docProps/core.xml")
        metadata: dict[str, Any] = {
            "title": _core(core, "title"),
            "author": _core(core, "creator"),
            "paragraphs": sum(1 for block in blocks if block.kind != "table_row"),
            "table_rows": sum(1 for block in blocks if block.kind == "table_row"),
            "comments": 0 if comments is None else sum(1 for _ in comments.iter(f"{w}comment")),
            "revisions": revisions,
            "revisions_mode": "accepted" if walker.accepted else "original",
        }
        return RawDocument(format=self.format, blocks=tuple(blocks), warnings=tuple(warnings), metadata=metadata)


def _main_part(package: _Package) -> str:
    main = package.related("", "officeDocument")
    return main if main in package.names else "word/document.xml"


def _walker(package: _Package, main: str, w: str, options: ReadOptions, record: bool = False) -> _Walker:
    styles = Styles(package.xml(package.related(main, "styles") or "word/styles.xml"), w)
    numbering_root = package.xml(package.related(main, "numbering") or "word/numbering.xml")
    return _Walker(w, styles, Numbering(numbering_root, w, styles.numbering_styles()),
                   accepted=options.revisions != "original", record=record)


def walk_body(data: bytes, body: Any, path: str, options: ReadOptions) -> BodyWalk:
    """Walk ``body`` (the ``w:body`` element of an already parsed copy of the package ``data``) as the reader does.

    The blocks are the ones :class:`DocxReader` yields for the same file and
    options; each comes with the paragraph and run elements of ``body`` that
    produced it, so a caller can anchor comments or marks on them.
    """
    package = _Package(data, path, options)
    walker = _walker(package, _main_part(package), f"{{{etree.QName(body).namespace}}}", options, record=True)
    blocks = walker.walk(body)
    return BodyWalk(tuple(blocks), tuple(walker.sources))


def _core(core: Any, name: str) -> str | None:
    if core is None:
        return None
    el = core.find(f"{_DC}{name}")
    text = (el.text or "").strip() if el is not None else ""
    return text or None
