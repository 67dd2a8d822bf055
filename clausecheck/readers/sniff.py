"""File type from content (magic bytes), never from the extension."""

from __future__ import annotations

import io
import zipfile

from clausecheck.errors import InputError

_BINARY_MAGIC = {
    b"\xd0\xcf\x11\xe0": "a legacy Office file (.doc/.xls): save it as .docx or PDF",
    b"\x89PNG": "a PNG image: OCR is needed",
    b"\xff\xd8\xff": "a JPEG image: OCR is needed",
    b"II*\x00": "a TIFF image: OCR is needed",
    b"MM\x00*": "a TIFF image: OCR is needed",
    b"{\\rtf": "an RTF file: save it as .docx or PDF",
    b"\x1f\x8b": "a gzip archive",
    b"Rar!": "a RAR archive",
    b"7z\xbc\xaf": "a 7-zip archive",
}


def sniff(data: bytes, path: str) -> str:
    """Return ``pdf``, ``docx``, ``md`` or ``txt`` for ``data``, or raise E105/E102."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _sniff_zip(data, path)
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError("E105", path, f"this is {what}")
    if _looks_like_text(data):
        return "md" if path.lower().endswith((".md", ".markdown")) else "txt"
    raise InputError("E105", path, "binary content that is not a PDF or Word document")


def _sniff_zip(data: bytes, path: str) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise InputError("E103" if data.startswith(b"PK\x03\x04") else "E102", path,
                         "the ZIP container is damaged or incomplete") from None
    if "word/document.xml" in names:
        return "docx"
    if "content.xml" in names:
        raise InputError("E105", path, "this is an OpenDocument file: save it as .docx or PDF")
    if any(name.startswith(("xl/", "ppt/")) for name in names):
        raise InputError("E105", path, "this is an Excel or PowerPoint file, not a Word document")
    raise InputError("E105", path, "a ZIP archive that is not a Word document")


def _looks_like_text(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        return sample.startswith((b"\xff\xfe", b"\xfe\xff"))  # UTF-16 with BOM
    try:
        sample.decode("utf-8")
        return True
    except UnicodeDecodeError as exc:
        if exc.start > len(sample) - 4:  # cut in the middle of a character
            return True
    controls = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    return controls < len(sample) * 0.01
