"""The clause tree: what the segmenter produces and every later stage reads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Clause:
    """One clause: the smallest numbered or titled division with its body text."""

    id: str
    """Position-based id in document order: ``c1``, ``c2``..."""
    key: str
    """Identity that survives edits elsewhere in the document (number and heading), for comparing versions."""
    number: str | None
    """Number as a lawyer cites it ("8.2", "3", "Annexe 3"); None for an unnumbered heading."""
    heading: str | None
    """Title after the number, or None when the clause has none."""
    level: int
    """Depth in the outline, 1 = top."""
    parent: str | None
    """Id of the enclosing clause, or None at the top."""
    pages: tuple[int, ...]
    """1-based source pages the clause spans (empty for formats without pages)."""
    start: int
    """Offset of the clause's first character (its number or heading) in the extracted text."""
    end: int
    """End offset (exclusive) in the extracted text."""
    text: str
    """The clause's text, heading line included: ``document.text[start:end]``."""
    body_start: int
    """Offset where the body begins (after the heading line or run-in heading)."""
    language: str = "en"
    """Language of the clause's text: ``fr`` or ``en``."""

    @property
    def body(self) -> str:
        """The clause text without its number and heading."""
        return self.text[self.body_start - self.start :]

    def to_dict(self) -> dict[str, Any]:
        """JSON form per OUTPUT.md (reading-stage fields)."""
        data: dict[str, Any] = {
            "id": self.id,
            "key": self.key,
            "number": self.number,
            "heading": self.heading,
            "level": self.level,
            "parent": self.parent,
        }
        if self.pages:
            data["pages"] = list(self.pages)
        data.update(start=self.start, end=self.end, body_start=self.body_start, text=self.text, language=self.language)
        return data


@dataclass(frozen=True)
class Segmentation:
    """The clause tree of a document and the text before its first clause."""

    clauses: tuple[Clause, ...]
    """Every clause in document order."""
    preamble_end: int
    """End of the text before the first clause (title, parties); 0 when there is none."""
    language: str = "en"
    """Main language of the document (``fr`` or ``en``), the default of every clause's own."""

    @property
    def covered(self) -> int:
        """Characters of the extracted text assigned to clauses."""
        return sum(clause.end - clause.start for clause in self.clauses)
