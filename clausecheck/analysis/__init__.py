"""Analysis of a clause's text: the parties of the contract and the provisions of each clause."""

from __future__ import annotations

from clausecheck.analysis.parties import party_of, resolve_parties
from clausecheck.analysis.provisions import analyze_provisions

__all__ = ["analyze_provisions", "party_of", "resolve_parties"]
