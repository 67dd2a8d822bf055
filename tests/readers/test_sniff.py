import io
import zipfile

import pytest

from clausecheck.errors import InputError
from clausecheck.readers.sniff import sniff


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_pdf_by_magic_whatever_the_extension() -> None:
    assert sniff(b"%PDF-1.7\n...", "contract.docx") == "pdf"


def test_docx_needs_the_word_part() -> None:
    assert sniff(_zip({"word/document.xml": b"<w/>"}), "x.pdf") == "docx"
    with pytest.raises(InputError) as error:
        sniff(_zip({"content.xml": b"<x/>"}), "x.docx")
    assert error.value.code == "E105"
    assert "OpenDocument" in error.value.line()


def test_truncated_zip_is_e103() -> None:
    data = _zip({"word/document.xml": b"<w/>" * 1000})
    with pytest.raises(InputError) as error:
        sniff(data[: len(data) // 2], "cut.docx")
    assert error.value.code == "E103"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "legacy Office"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "OCR"),
        (bytes(range(256)) * 10, "binary"),
    ],
)
def test_unsupported(data: bytes, words: str) -> None:
    with pytest.raises(InputError) as error:
        sniff(data, "file.pdf")
    assert error.value.code == "E105"
    assert words in error.value.line()


def test_text_and_markdown() -> None:
    assert sniff("Article 1 – Objet\nLe présent contrat".encode(), "a.txt") == "txt"
    assert sniff("Article 1 – Objet".encode("cp1252"), "a") == "txt"
    assert sniff(b"# Title\n", "notes.md") == "md"
