"""What kind of document this is (CCAP, CCTP, RC, statement of work, contract), from its opening text.

The kind matters to the findings: ``over_specification`` judges specifications
(CCTP, SOW, cahier des charges), not the administrative clauses of a CCAP.
"""

from __future__ import annotations

import re

_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("cctp", re.compile(r"cahier des clauses techniques particuli[èe]res|\bC\.?\s?C\.?\s?T\.?\s?P\b", re.IGNORECASE)),
    ("ccap", re.compile(r"cahier des clauses administratives particuli[èe]res|\bC\.?\s?C\.?\s?A\.?\s?P\b", re.IGNORECASE)),
    ("rc", re.compile(r"r[èe]glement de (?:la )?consultation", re.IGNORECASE)),
    ("ae", re.compile(r"acte d'engagement", re.IGNORECASE)),
    ("sow", re.compile(r"statement of work|scope of work", re.IGNORECASE)),
    ("cdc", re.compile(r"cahier des charges|technical specifications?\b", re.IGNORECASE)),
)
OPENING_CHARS = 3000


def detect_doc_kind(text: str, name: str = "") -> str:
    """``cctp``, ``ccap``, ``rc``, ``ae``, ``sow``, ``cdc`` or ``contract``: first named in the opening, else the name."""
    for source in (text[:OPENING_CHARS], name):
        found = [(match.start(), kind) for kind, pattern in _KINDS if (match := pattern.search(source))]
        if found:
            return min(found)[1]
    return "contract"
