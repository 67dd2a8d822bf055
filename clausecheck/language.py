"""French or English: counted from function words, which two-language contracts make reliable.

A dictionary of the commonest function words of each language is enough to
tell French from English on a clause of a few words, needs no model, and runs
at the speed of a regular expression.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-zà-ÿ]+")
_FRENCH = frozenset(
    {
        "le", "la", "les", "des", "du", "de", "un", "une", "et", "est", "sont", "au", "aux", "ce", "cette",
        "ces", "dans", "par", "pour", "sur", "que", "qui", "ne", "pas", "il", "elle", "ils", "leur", "leurs",
        "son", "sa", "ses", "se", "en", "avec", "sans", "sous", "entre", "être", "été", "sera", "seront",
        "doit", "devra", "peut", "pourra", "l", "d", "qu", "n", "s", "à", "où", "ou", "tout", "toute", "tous",
        "toutes", "ainsi", "dont", "lors", "article", "titulaire", "prestataire", "présent"
    }
)
_ENGLISH = frozenset(
    {
        "the", "of", "and", "to", "in", "is", "are", "be", "been", "by", "for", "on", "that", "which", "this",
        "these", "those", "with", "without", "shall", "will", "may", "must", "not", "any", "all", "or", "an",
        "a", "as", "at", "from", "such", "its", "their", "other", "under", "upon", "hereof", "herein",
        "thereof", "party", "parties", "agreement", "whereas"
    }
)


def language_scores(text: str) -> tuple[int, int]:
    """Counts of French and English function words in ``text`` (elided forms such as l', d', qu' count)."""
    words = _WORD.findall(text.lower())
    return sum(1 for word in words if word in _FRENCH), sum(1 for word in words if word in _ENGLISH)


def detect_language(text: str, default: str = "en", margin: int = 1) -> str:
    """``fr`` or ``en`` for ``text``; ``default`` unless one language leads by more than ``margin`` words."""
    french, english = language_scores(text[:50_000])
    if abs(french - english) < margin:
        return default
    return "fr" if french > english else "en"
