"""The Reader seam: one module per format, chosen from the file's content.

A reader turns bytes into a :class:`~clausecheck.document.RawDocument`: contract
text in reading order with page furniture removed. :func:`read_document` picks
the reader from the magic bytes (never the extension), applies the size limit
and assigns offsets.
"""

from __future__ import annotations

import hashlib
import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from clausecheck.document import Document, RawDocument, assemble
from clausecheck.errors import InputError
from clausecheck.readers.sniff import sniff

__all__ = ["READERS", "ReadOptions", "Reader", "get_reader", "read_document", "register"]


@dataclass(frozen=True)
class ReadOptions:
    """Limits and choices for reading; the defaults suit a contract review."""

    max_bytes: int = 100 * 1024 * 1024
    """Files larger than this are refused (E106)."""
    max_pages: int = 2000
    """PDFs with more pages are refused (E107)."""
    max_unzipped_bytes: int = 500 * 1024 * 1024
    """Word archives whose parts would inflate past this are refused (E108)."""
    revisions: Literal["accepted", "original"] = "accepted"
    """Word tracked changes: analyse the text with all changes accepted, or the original."""


class Reader(Protocol):
    """Turns the bytes of one format into contract text."""

    format: str

    def read(self, data: bytes, path: str, options: ReadOptions) -> RawDocument:
        """Read ``data`` (the whole file); raise :class:`InputError` with a code on failure."""
        ...


READERS: dict[str, Reader] = {}


def register(reader: Reader) -> Reader:
    """Add a reader to the registry under its ``format``."""
    READERS[reader.format] = reader
    return reader


_BUILTIN = {"pdf": "pdf:PdfReader", "docx": "docx:DocxReader", "txt": "text:TextReader", "md": "text:TextReader"}


def get_reader(fmt: str) -> Reader:
    """The registered reader for ``fmt``; built-in readers are imported on first use."""
    if fmt not in READERS:
        module_name, class_name = _BUILTIN[fmt].split(":")
        module = importlib.import_module(f"clausecheck.readers.{module_name}")
        reader_class = getattr(module, class_name)
        READERS[fmt] = reader_class(fmt) if class_name == "TextReader" else reader_class()
    return READERS[fmt]


def read_document(path: str | Path, options: ReadOptions | None = None) -> Document:
    """Read one file into a :class:`Document`, or raise a coded :class:`InputError`."""
    options = options or ReadOptions()
    name = str(path)
    file = Path(path)
    try:
        size = file.stat().st_size
        if not file.is_file():
            raise InputError("E100", name, "not a regular file")
        if size > options.max_bytes:
            raise InputError("E106", name, f"{size:,} bytes, over the limit of {options.max_bytes:,}")
        data = file.read_bytes()
    except OSError as exc:
        raise InputError("E100", name, exc.strerror or "not found or not readable") from None
    if not data.strip():
        raise InputError("E104", name)
    fmt = sniff(data, name)
    raw = get_reader(fmt).read(data, name, options)
    document = assemble(raw, name, hashlib.sha256(data).hexdigest())
    if not document.text.strip():
        if any(page.source == "scanned" for page in document.pages):
            raise InputError("E110", name)
        raise InputError("E111", name)
    return document
