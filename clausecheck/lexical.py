"""A small trained lexical classifier: the second source of evidence beside the rules.

Rules know the wording families a lawyer wrote down; the corpus knows more
paraphrases than any rule file. This model is a per-effect logistic regression
over the words and word pairs of a clause (lower-cased, both languages in one
vocabulary), trained on the development split of the corpus by
``scripts/fit_fusion.py`` and shipped as ``models/lexical.json``. Its score
enters the fusion as ``model`` evidence, with the terms that pushed it most as
the explanation. It is the seam where a trained transformers classifier will
plug in later: anything that yields ``Evidence(source="model", label, score)``.

The same form serves a second model, over clause types instead of effects
(``models/types-en.json``, ``scripts/fit_types.py``): trained on the clauses
where CUAD's lawyers labelled exclusivity, audit, liability... spans, it votes
for a type beside the type rules (:meth:`LexicalModel.type_evidence`).
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
TYPE_FLOOR = 0.3
"""Probability from which a type model votes for a type."""
TYPE_VOTE = 2.0
"""A vote weighs its probability times this: a sure vote counts like a heading rule (``FusionModel.heading_factor``).
Chosen on the CUAD development contracts with out-of-fold votes (``models/CARD.md``)."""


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
    lang: str | None = None
    """The only language the model was trained on, or None (both)."""

    @classmethod
    def load(cls, path: str | Path) -> LexicalModel:
        """Read a model written by :meth:`to_dict`."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(data["name"], tuple(data["terms"]), data["weights"], data["bias"], data.get("lang"))

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        out = {"name": self.name, "terms": list(self.terms), "weights": self.weights, "bias": self.bias}
        return out if self.lang is None else {**out, "lang": self.lang}

    @property
    def labels(self) -> tuple[str, ...]:
        """What the model scores: effects, or clause types for a type model."""
        return tuple(self.weights)

    def applies_to(self, lang: str) -> bool:
        """Whether the model was trained on ``lang``."""
        return self.lang is None or self.lang == lang

    @cached_property
    def vocabulary(self) -> dict[str, int]:
        """Term -> column."""
        return {term: column for column, term in enumerate(self.terms)}

    def columns(self, text: str) -> list[int]:
        """Vocabulary columns present in ``text``."""
        return sorted(self.vocabulary[t] for t in terms(text) if t in self.vocabulary)

    def _probability(self, label: str, columns: list[int]) -> float:
        return _sigmoid(self.bias[label] + sum(self.weights[label][c] for c in columns))

    def scores(self, text: str) -> dict[str, float]:
        """Probability of each label."""
        columns = self.columns(text)
        return {label: self._probability(label, columns) for label in self.labels}

    def _top_terms(self, label: str, columns: list[int]) -> str | None:
        weights = self.weights[label]
        top = sorted((c for c in columns if weights[c] > 0), key=lambda c: -weights[c])[:EXPLAIN_TERMS]
        return ", ".join(self.terms[c] for c in top) or None

    def evidence(self, text: str) -> list[Evidence]:
        """One ``model`` evidence per effect, with the terms that raised its score most."""
        columns = self.columns(text)
        out = []
        for effect in EFFECTS:
            out.append(Evidence(source="model", label=effect, score=round(self._probability(effect, columns), 4),
                                text=self._top_terms(effect, columns)))
        return out

    def type_evidence(self, text: str, floor: float = TYPE_FLOOR) -> list[Evidence]:
        """For a type model: one vote per clause type scoring at least ``floor``, weighing ``TYPE_VOTE`` x its probability.

        :func:`clausecheck.fusion.decide_type` adds the votes to the type rules' support (where a heading rule
        counts double): a confident vote outweighs an ordinary rule and can outweigh a heading rule.
        """
        columns = self.columns(text)
        out = []
        for label in self.labels:
            score = self._probability(label, columns)
            if score >= floor:
                out.append(Evidence(source="model", clause_type=label, weight=round(TYPE_VOTE * score, 4), score=round(score, 4),
                                    text=self._top_terms(label, columns)))
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
