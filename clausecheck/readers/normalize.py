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
