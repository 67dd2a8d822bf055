"""Aggregation across documents for batch audits.

Documents of one contract set (a CCAP, its CCTP and annexes; an MSA and its
schedules) are pooled: their counted units are summed and scored with the same
saturating formula as one document, so splitting a document into several files
of the same set leaves the set's scores unchanged. The portfolio scores are
the mean of the contract sets' scores, each contract counting once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from clausecheck.scoring.config import ScoringConfig, default_config
from clausecheck.scoring.findings import SEVERITIES, Finding
from clausecheck.scoring.scores import SUB_SCORES, Scores, scores_from_units

SCORE_NAMES: tuple[str, ...] = (*SUB_SCORES, "constraint")


@dataclass(frozen=True)
class DocumentScores:
    """One audited document: where it is, which contract set it belongs to, its scores and findings."""

    path: str
    """Path of the document as audited."""
    scores: Scores
    """The document's scores (their counted units are what gets pooled)."""
    findings: tuple[Finding, ...] = ()
    """The document's findings."""
    contract: str | None = None
    """Key of the contract set; None = the document is a contract set of its own."""

    @property
    def contract_key(self) -> str:
        """The contract set this document is pooled into."""
        return self.contract if self.contract is not None else self.path


@dataclass(frozen=True)
class ContractSet:
    """The documents of one contract, scored together."""

    key: str
    """Contract set key (a folder, a tender reference)."""
    documents: tuple[str, ...]
    """Paths of its documents, in audit order."""
    units: dict[str, float]
    """Counted units summed over its documents."""
    scores: dict[str, float]
    """Scores of the pooled units (same formula as a document)."""

    def to_dict(self) -> dict[str, Any]:
        """JSON form, scores rounded for display."""
        return {"contract": self.key, "documents": list(self.documents),
                "scores": {name: round(value, 1) for name, value in self.scores.items()}}


@dataclass(frozen=True)
class Portfolio:
    """Aggregates of a batch audit."""

    scores: dict[str, float]
    """Mean over contract sets of each score (0 when there is none)."""
    contracts: tuple[ContractSet, ...]
    """Every contract set, in order of first appearance."""
    documents: int
    """Number of documents aggregated."""
    findings: dict[str, int]
    """Number of documents with each finding code (waived findings excluded)."""
    severities: dict[str, int]
    """Number of findings per severity (waived findings excluded)."""

    def to_dict(self) -> dict[str, Any]:
        """The ``portfolio`` object of the batch JSON."""
        return {
            "scores": {name: round(value, 1) for name, value in self.scores.items()},
            "documents": self.documents,
            "contracts": [c.to_dict() for c in self.contracts],
            "findings": dict(self.findings),
            "severities": dict(self.severities),
        }


def folder_contract_key(path: str | Path, root: str | Path) -> str | None:
    """Default grouping for ``audit DIR``: each first-level folder of ``root`` is one contract set.

    Files directly in ``root`` stand alone (None).
    """
    relative = PurePath(path).relative_to(root)
    return relative.parts[0] if len(relative.parts) > 1 else None


def aggregate(documents: Sequence[DocumentScores], config: ScoringConfig | None = None) -> Portfolio:
    """Pool the documents of each contract set, then average the contract sets' scores."""
    config = config or default_config()
    groups: dict[str, list[DocumentScores]] = {}
    for document in documents:
        groups.setdefault(document.contract_key, []).append(document)
    contracts = []
    for key, members in groups.items():
        units = {name: sum(m.scores.units.get(name, 0.0) for m in members) for name in SUB_SCORES}
        contracts.append(ContractSet(key, tuple(m.path for m in members), units, scores_from_units(units, config)))
    means = {
        name: sum(c.scores[name] for c in contracts) / len(contracts) if contracts else 0.0 for name in SCORE_NAMES
    }
    counted = [(d, f) for d in documents for f in d.findings if not f.waived]
    per_code = Counter(code for _, code in {(d.path, f.code) for d, f in counted})
    return Portfolio(
        scores=means,
        contracts=tuple(contracts),
        documents=len(documents),
        findings=dict(sorted(per_code.items())),
        severities={severity: sum(f.severity == severity for _, f in counted) for severity in SEVERITIES},
    )
