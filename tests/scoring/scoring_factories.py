"""Small factories of judged clauses for the scorer's tests (uniquely named so pytest's rootdir imports stay unambiguous)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from clausecheck.clauses import Clause
from clausecheck.evidence import Judgement, Provision

Pair = tuple[Clause, Judgement]


def judged(
    *labels: str,
    type: str = "other",
    effects: dict[str, float] | None = None,
    provisions: Sequence[Provision] = (),
    **attributes: Any,
) -> Judgement:
    """A judgement with the given labels (probability 0.9 each unless ``effects`` says otherwise)."""
    probabilities = {"rigid": 0.05, "review": 0.05, "innovation": 0.05}
    probabilities.update({label: 0.9 for label in labels})
    probabilities.update(effects or {})
    return Judgement(type, probabilities, tuple(labels), tuple(provisions), (), dict(attributes))


def means(strength: str = "normal", party: str = "supplier") -> Provision:
    """A means requirement on the supplier."""
    return Provision(0, 10, party=party, modality="obligation", strength=strength, spec_kind="means")  # type: ignore[arg-type]


def performance(kind: str = "output") -> Provision:
    """A performance requirement on the supplier."""
    return Provision(0, 10, party="supplier", modality="obligation", spec_kind=kind)  # type: ignore[arg-type]


def review(trigger: str | None = None, procedure: bool | None = None, consequence: bool | None = None,
           strength: str = "normal", modality: str = "obligation") -> Provision:
    """A review provision with its quality attributes."""
    return Provision(0, 10, party="both", modality=modality, strength=strength,  # type: ignore[arg-type]
                     trigger=trigger, procedure=procedure, consequence=consequence)  # type: ignore[arg-type]


def document(judgements: Sequence[Judgement], *, language: str = "fr", numbers: Sequence[str] | None = None,
             text: str = "Le titulaire devra affecter deux techniciens.", first: int = 1) -> list[Pair]:
    """Clauses ``c1..cn`` numbered ``1..n`` (or ``numbers``) carrying the judgements, in document order."""
    pairs = []
    offset = 0
    for index, judgement in enumerate(judgements):
        number = numbers[index] if numbers else str(first + index)
        body = f"{number} {text}"
        clause = Clause(f"c{first + index}", number, number, None, 1, None, (), offset, offset + len(body), body,
                        offset + len(number) + 1, language)
        pairs.append((clause, judgement))
        offset += len(body) + 1
    return pairs
