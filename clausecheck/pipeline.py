"""The one public call: read a contract, cut it into clauses, build its report.

Per-document work is a pure function of the file's bytes and the settings, so a
batch can run it in worker processes; heavy resources (spaCy pipelines, models)
load once per process in :mod:`clausecheck.nlp` when later stages need them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clausecheck import __version__
from clausecheck.clauses import Clause, Segmentation
from clausecheck.document import Document
from clausecheck.language import detect_language
from clausecheck.readers import ReadOptions, read_document
from clausecheck.segment import segment

SCHEMA_VERSION = "1"


@dataclass(frozen=True)
class Report:
    """Everything clausecheck found in one document."""

    document: Document
    """The read document (text, blocks, pages, warnings)."""
    segmentation: Segmentation
    """The clause tree."""
    language: str
    """Main language of the document: ``fr`` or ``en``."""
    extra: dict[str, Any] = field(default_factory=dict)
    """Room for later stages (labels, scores, findings) without changing this type."""

    @property
    def clauses(self) -> tuple[Clause, ...]:
        """Every clause in document order."""
        return self.segmentation.clauses

    @property
    def words(self) -> int:
        """Word count of the extracted text."""
        return len(self.document.text.split())

    def to_dict(self) -> dict[str, Any]:
        """The JSON report of OUTPUT.md."""
        doc = self.document
        document: dict[str, Any] = {
            "path": doc.path,
            "sha256": doc.sha256,
            "format": doc.format,
            "language": self.language,
        }
        if doc.page_count:
            document["pages"] = doc.page_count
        document.update(
            words=self.words,
            characters=len(doc.text),
            warnings=[warning.to_dict() for warning in doc.warnings],
        )
        seg = self.segmentation
        return {
            "schema_version": SCHEMA_VERSION,
            "tool": {"name": "clausecheck", "version": __version__},
            "document": document,
            "preamble": {"start": 0, "end": seg.preamble_end, "text": doc.text[: seg.preamble_end]},
            "clauses": [clause.to_dict() for clause in seg.clauses],
        }


def analyze(path: str | Path, options: ReadOptions | None = None) -> Report:
    """Read ``path`` (PDF, DOCX, text) and return its :class:`Report`.

    Raises :class:`~clausecheck.errors.InputError` with a coded message when the
    file cannot be read as a contract.
    """
    document = read_document(path, options)
    segmentation = segment(document)
    return Report(document=document, segmentation=segmentation, language=detect_language(document.text))
