"""The scorer: per-clause contributions, document scores, findings and portfolio aggregates.

Everything here is a pure function of judged clauses and a :class:`ScoringConfig`
(weights in ``default.toml``, formula in docs/scoring.md)::

    scores = score_document(pairs, config, waivers)
    findings = detect_findings(pairs, language="fr", doc_kind="cctp", config=config, waivers=waivers)
"""

from __future__ import annotations

from clausecheck.scoring.config import ScoringConfig, config_from_dict, default_config, load_config
from clausecheck.scoring.findings import FINDING_CODES, SEVERITIES, Finding, detect_findings
from clausecheck.scoring.portfolio import ContractSet, DocumentScores, Portfolio, aggregate, folder_contract_key
from clausecheck.scoring.scores import (
    SUB_SCORES,
    ClauseContribution,
    Driver,
    Scores,
    Waiver,
    clause_units,
    saturate,
    score_document,
    scores_from_units,
    top_drivers,
)

__all__ = [
    "FINDING_CODES",
    "SEVERITIES",
    "SUB_SCORES",
    "ClauseContribution",
    "ContractSet",
    "DocumentScores",
    "Driver",
    "Finding",
    "Portfolio",
    "Scores",
    "ScoringConfig",
    "Waiver",
    "aggregate",
    "clause_units",
    "config_from_dict",
    "default_config",
    "detect_findings",
    "folder_contract_key",
    "load_config",
    "saturate",
    "score_document",
    "scores_from_units",
    "top_drivers",
]
