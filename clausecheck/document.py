r"""Domain types of the reading stage: pages, blocks, warnings and the read document.

Text offsets (``start``/``end``) are character offsets into
:attr:`Document.text`, the *extracted text*: the document's blocks in reading
order, each normalised (Unicode NFC, ligatures expanded, soft hyphens removed,
hyphenated line breaks joined, every run of white space inside a line folded to
one space) and joined with one ``\n``. Page furniture (running headers and
footers, page numbers, tables of contents) is not part of it.
"""

from __future__ import annotations

import copy
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

BlockKind = Literal["line", "paragraph", "heading", "table_row", "list_item"]
PageSource = Literal["text", "scanned", "ocr", "empty"]


@dataclass(frozen=True)
class Block:
    """One unit of text as a reader found it: a PDF line, a Word paragraph or table row."""

    text: str
    r"""Normalised text of the block (no line breaks for lines, ``\n`` kept inside paragraphs)."""
    page: int | None = None
    """1-based source page, or None where the format has no pages (Word, text)."""
    kind: BlockKind = "paragraph"
    """What the reader knows the block to be."""
    outline_level: int | None = None
    """Heading level the source declares (Word heading style or outline level, 1 = top)."""
    label: str | None = None
    """Number the source generated for the block (Word automatic numbering), already prefixed to ``text``."""
    bold: bool = False
    """The block's first characters are bold."""
    size: float | None = None
    """Font size of the block's first characters, in points, where known."""
    x: float | None = None
    """Left edge of the block on its page, in points, where known."""
    start: int = 0
    """Offset of the block in the extracted text (set by :func:`assemble`)."""
    end: int = 0
    """End offset (exclusive) of the block in the extracted text."""


@dataclass(frozen=True)
class Page:
    """Provenance of one source page."""

    number: int
    """1-based page number."""
    chars: int
    """Characters of text found on the page (before furniture removal)."""
    source: PageSource = "text"
    """Where the page's text comes from: its text layer, OCR, or nothing (scanned / empty)."""


@dataclass(frozen=True)
class Warning:
    """Something the reader wants the user to know; the document was still read."""

    code: str
    """Stable machine code, e.g. ``scanned_pages``, ``tracked_changes``."""
    message: str
    """One human sentence."""
    pages: tuple[int, ...] = ()
    """Pages concerned, if any."""

    def to_dict(self) -> dict[str, Any]:
        """JSON form per OUTPUT.md."""
        data: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.pages:
            data["pages"] = list(self.pages)
        return data


@dataclass(frozen=True)
class RawDocument:
    """What a reader returns: blocks in reading order, before offsets are assigned."""

    format: str
    """``pdf``, ``docx``, ``txt`` or ``md``."""
    blocks: tuple[Block, ...]
    """Contract text in reading order, furniture removed."""
    pages: tuple[Page, ...] = ()
    """Per-page provenance (PDF); empty for formats without pages."""
    warnings: tuple[Warning, ...] = ()
    """Things the user should know (scanned pages, tracked changes, removed TOC...)."""
    metadata: dict[str, Any] = field(default_factory=dict)
    """Format-specific facts (title, author, revision counts...)."""


@dataclass(frozen=True)
class Document:
    """A read document: extracted text, its blocks with offsets, and provenance."""

    path: str
    """Path as given by the caller."""
    sha256: str
    """SHA-256 of the file's bytes."""
    format: str
    """``pdf``, ``docx``, ``txt`` or ``md``."""
    text: str
    """The extracted text every offset points into (see the module docstring)."""
    blocks: tuple[Block, ...]
    """Blocks in reading order with ``start``/``end`` set."""
    pages: tuple[Page, ...] = ()
    """Per-page provenance; empty for formats without pages."""
    warnings: tuple[Warning, ...] = ()
    """Reader warnings."""
    metadata: dict[str, Any] = field(default_factory=dict)
    """Format-specific facts."""

    @property
    def page_count(self) -> int | None:
        """Number of source pages, or None for formats without pages."""
        return len(self.pages) or None

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form (for pickling across workers or debugging)."""
        return asdict(self)


def assemble(raw: RawDocument, path: str, sha256: str) -> Document:
    """Give every block its offsets in the extracted text and build the :class:`Document`."""
    blocks: list[Block] = []
    parts: list[str] = []
    pos = 0
    for block in raw.blocks:
        if not block.text:
            continue
        placed = copy.copy(block)  # dataclasses.replace re-runs __init__: ten times slower on big documents
        object.__setattr__(placed, "start", pos)
        object.__setattr__(placed, "end", pos + len(block.text))
        blocks.append(placed)
        parts.append(block.text)
        pos += len(block.text) + 1
    return Document(
        path=path,
        sha256=sha256,
        format=raw.format,
        text="\n".join(parts),
        blocks=tuple(blocks),
        pages=raw.pages,
        warnings=raw.warnings,
        metadata=dict(raw.metadata),
    )
