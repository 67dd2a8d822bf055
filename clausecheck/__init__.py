"""clausecheck: find, classify and score the clauses of contracts.

>>> import clausecheck
>>> report = clausecheck.analyze("samples/en_msa.pdf")   # doctest: +SKIP
"""

from __future__ import annotations

__version__ = "0.1.0"

from clausecheck.errors import ClauseCheckError, InputError
from clausecheck.pipeline import Report, analyze

__all__ = ["ClauseCheckError", "InputError", "Report", "__version__", "analyze"]
