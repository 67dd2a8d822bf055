"""A small trained lexical classifier: the second source of evidence beside the rules.

Rules know the wording families a lawyer wrote down; the corpus knows more
paraphrases than any rule file. This model is a per-effect logistic regression
over the words and word pairs of a clause (lower-cased, both languages in one
vocabulary), trained on the development split of the corpus by
``scripts/fit_fusion.py`` and shipped as ``models/lexical.json``. Its score
enters the fusion as ``model`` evidence, with the terms that pushed it most as
the explanation. It is the seam where a trained transformers classifier will
plug in later: anything that yields ``Evidence(source="model", label, score)``.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
from pathlib import Path
from typing import Any

from clausecheck.evidence import EFFECTS, Evidence

_WORD = re.compile(r"[a-zà-öø-ÿœæ]+(?:'[a-zà-öø-ÿœæ]+)?")
EXPLAIN_TERMS = 4


def terms(text: str) -> set[str]:
    """Words and adjacent word pairs of ``text``, lower-cased, digits and punctuation dropped."""
    words = _WORD.findall(text.lower().replace("’", "'"))
    return set(words) | {f"{a} {b}" for a, b in pairwise(words)}


@dataclass(frozen=True)
class LexicalModel:
    """Per-effect logistic weights over a fixed vocabulary."""

    name: str
    """Model name and version."""
    terms: tuple[str, ...]
    """The vocabulary, one term per column."""
    weights: dict[str, list[float]]
    """Effect -> one weight per vocabulary column."""
    bias: dict[str, float]
    """Effect -> intercept."""

    @classmethod
    def load(cls, path: str | Path) -> LexicalModel:
        """Read a model written by :meth:`to_dict`."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(data["name"], tuple(data["terms"]), data["weights"], data["bias"])

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"name": self.name, "terms": list(self.terms), "weights": self.weights, "bias": self.bias}

    @cached_property
    def vocabulary(self) -> dict[str, int]:
        """Term -> column."""
        return {term: column for column, term in enumerate(self.terms)}

    def columns(self, text: str) -> list[int]:
        """Vocabulary columns present in ``text``."""
        return sorted(self.vocabulary[t] for t in terms(text) if t in self.vocabulary)

    def scores(self, text: str) -> dict[str, float]:
        """Probability of each effect."""
        columns = self.columns(text)
        return {effect: _sigmoid(self.bias[effect] + sum(self.weights[effect][c] for c in columns)) for effect in EFFECTS}

    def evidence(self, text: str) -> list[Evidence]:
        """One ``model`` evidence per effect, with the terms that raised its score most."""
        columns = self.columns(text)
        out = []
        for effect in EFFECTS:
            weights = self.weights[effect]
            score = _sigmoid(self.bias[effect] + sum(weights[c] for c in columns))
            top = sorted((c for c in columns if weights[c] > 0), key=lambda c: -weights[c])[:EXPLAIN_TERMS]
            out.append(Evidence(source="model", label=effect, score=round(score, 4),
                                text=", ".join(self.terms[c] for c in top) or None))
        return out


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def vocabulary_of(texts: Iterable[str], min_df: int = 2) -> tuple[str, ...]:
    """Terms found in at least ``min_df`` texts, sorted (a stable column order)."""
    counts: dict[str, int] = {}
    for text in texts:
        for term in terms(text):
            counts[term] = counts.get(term, 0) + 1
    return tuple(sorted(t for t, n in counts.items() if n >= min_df))
