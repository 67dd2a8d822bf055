"""Text normalisation shared by every reader, so that PDF, Word and text agree."""

from __future__ import annotations

import re
import unicodedata

_LIGATURES = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
        "\u00ad": "",  # soft hyphen
        "\u200b": "",  # zero-width space
        "\ufeff": "",  # byte-order mark
        "\u2028": "\n",
        "\u2029": "\n",
    }
)
_SPACES = re.compile(r"[^\S\n]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def normalize_line(text: str) -> str:
    """Normalise one line: NFC, ligatures, control characters, folded white space."""
    text = unicodedata.normalize("NFC", text.translate(_LIGATURES))
    text = _CONTROL.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def normalize_paragraph(text: str) -> str:
    """Normalise a paragraph that may hold line breaks: each line as :func:`normalize_line`."""
    lines = (normalize_line(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


def paragraph_offsets(raw: str) -> list[int] | None:
    """For each character of ``normalize_paragraph(raw)``, its index in ``raw`` (None if the mapping is unsure).

    Writers that anchor on extracted text (the annotated Word report) use it to
    find the source characters of a span.
    """
    lines: list[list[tuple[str, int]]] = [[]]
    for index, char in enumerate(raw):
        for c in char.translate(_LIGATURES):
            if c in "\n\r":
                lines.append([])
                continue
            if _CONTROL.match(c) or (c.isspace()):
                c = " "
            lines[-1].append((c, index))
    out: list[tuple[str, int]] = []
    for line in lines:
        folded: list[tuple[str, int]] = []
        for c, index in line:
            if c == " " and folded and folded[-1][0] == " ":
                continue
            folded.append((c, index))
        while folded and folded[0][0] == " ":
            folded.pop(0)
        while folded and folded[-1][0] == " ":
            folded.pop()
        if folded:
            if out:
                out.append(("\n", out[-1][1]))
            out.extend(folded)
    if "".join(c for c, _ in out) != normalize_paragraph(raw):
        return None
    return [index for _, index in out]
