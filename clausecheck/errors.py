"""One exception tree and one catalogue of coded messages.

The library raises these and never prints or exits; the CLI turns each into one
line (``E101 contract.pdf: cannot read PDF: encrypted (password required)``)
and exit code 2.
"""

from __future__ import annotations

from pathlib import Path

#: code -> (short title, default cause). The title says what failed, the cause why.
CATALOGUE: dict[str, tuple[str, str]] = {
    "E100": ("cannot open file", "not found or not readable"),
    "E101": ("cannot read document", "encrypted (password required)"),
    "E102": ("cannot read document", "corrupt or malformed file"),
    "E103": ("cannot read document", "truncated file"),
    "E104": ("cannot read document", "empty file"),
    "E105": ("unsupported file type", "not a PDF, Word (.docx) or text document"),
    "E106": ("document too large", "over the size limit"),
    "E107": ("document too long", "over the page limit"),
    "E108": ("unsafe archive", "uncompressed content too large (possible zip bomb)"),
    "E109": ("unsafe XML", "document type declarations and entities are refused"),
    "E110": ("no text layer", "all pages are scanned images: OCR is needed"),
    "E111": ("no contract text", "the document contains no extractable text"),
    "E120": ("invalid option", "bad value"),
    "E121": ("invalid configuration", "the configuration file has problems"),
    "E130": ("invalid rule pack", "rule files have problems"),
}


class ClauseCheckError(Exception):
    """Base of every error clausecheck raises on purpose."""

    code = "E000"

    def __init__(self, code: str, path: str | Path | None = None, cause: str | None = None):
        self.code = code
        self.path = str(path) if path is not None else None
        title, default_cause = CATALOGUE.get(code, ("error", ""))
        self.title = title
        self.cause = cause or default_cause
        super().__init__(self.line())

    def line(self) -> str:
        """The one-line message shown to the user: code, file, what, why."""
        where = f" {self.path}:" if self.path else ""
        return f"{self.code}{where} {self.title}: {self.cause}"

    def to_dict(self) -> dict[str, str]:
        """The ``error`` object of a failed document in batch JSON."""
        return {"code": self.code, "message": self.line()}


class InputError(ClauseCheckError):
    """The input file cannot be turned into contract text."""


class UsageError(ClauseCheckError):
    """An option or setting has a bad value."""
