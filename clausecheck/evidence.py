"""Domain types of the judging stage: evidence, provisions, parties and a clause's judgement.

Every source of evidence (the rule engine today, a trained classifier next)
produces :class:`Evidence`; the fusion step turns the evidence of a clause into
a :class:`Judgement`. Offsets are into the document's extracted text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Effect = Literal["rigid", "review", "innovation"]
EFFECTS: tuple[Effect, ...] = ("rigid", "review", "innovation")
CLAUSE_TYPES: tuple[str, ...] = (
    "definitions", "scope", "duration", "renewal", "termination", "price", "payment", "price_revision",
    "renegotiation", "change_control", "governance", "service_levels", "acceptance", "penalties", "incentives",
    "means", "technical_requirements", "continuous_improvement", "variants", "exclusivity", "subcontracting",
    "intellectual_property", "confidentiality", "data_protection", "liability_insurance", "force_majeure", "audit",
    "reversibility", "disputes_law", "other",
)
Party = Literal["supplier", "buyer", "both", "none"]
Modality = Literal["obligation", "prohibition", "permission", "none"]
Strength = Literal["strict", "normal", "soft"]
SpecKind = Literal["means", "output", "outcome", "none"]
TRIGGER_RANK: dict[str, int] = {"none": 0, "event": 1, "periodic": 2, "numeric": 3}
"""Review triggers from weakest to strongest: a threshold says more than a date, a date more than an event."""


@dataclass(frozen=True)
class Evidence:
    """One reason to believe something about a clause."""

    source: Literal["rule", "model"]
    """Who says it: a rule of a rule pack, or a trained model."""
    label: str | None = None
    """Effect it supports (``rigid``, ``review``, ``innovation``), if any."""
    clause_type: str | None = None
    """Clause type it supports, if any."""
    weight: float = 1.0
    """Strength of the evidence, after context words; negative weights argue against ``label``."""
    rule: str | None = None
    """Rule code (``REV-PRICE-INDEX``) for rule evidence."""
    start: int | None = None
    """Start offset of the matched text in the extracted text."""
    end: int | None = None
    """End offset (exclusive)."""
    text: str | None = None
    """The matched text."""
    score: float | None = None
    """Model probability, for model evidence."""
    attributes: dict[str, Any] = field(default_factory=dict)
    """Facts the rule establishes (``unilateral``, ``trigger``, ``means_result``...)."""

    def to_dict(self) -> dict[str, Any]:
        """JSON form per OUTPUT.md: only the fields that are set."""
        data: dict[str, Any] = {"source": self.source}
        for key in ("rule", "label", "clause_type", "start", "end", "text", "score"):
            value = getattr(self, key)
            if value is not None:
                data["type" if key == "clause_type" else key] = value
        if self.source == "rule":
            data["weight"] = round(self.weight, 3)
        if self.attributes:
            data["attributes"] = dict(self.attributes)
        return data


@dataclass(frozen=True)
class Provision:
    """One sentence-level obligation, prohibition or permission inside a clause."""

    start: int
    """Start offset of the sentence in the extracted text."""
    end: int
    """End offset (exclusive)."""
    party: Party = "none"
    """Who is bound or entitled."""
    modality: Modality = "none"
    """Obligation, prohibition, permission, or none (a statement)."""
    strength: Strength = "normal"
    """Strict (exclusivement, in no event), normal, soft (s'efforcera, reasonable efforts)."""
    spec_kind: SpecKind = "none"
    """Whether it prescribes means (how), an output (performance level) or an outcome (business result)."""
    means_result: Literal["moyens", "résultat"] | None = None
    """The French obligation de moyens / de résultat, where the text states it."""
    negated: bool = False
    """The modal verb is negated ("shall not", "ne pourra")."""
    exception: bool = False
    """The provision carries an exception ("sauf accord préalable", "unless")."""
    trigger: Literal["numeric", "periodic", "event", "none"] | None = None
    """For review provisions: what sets the review off."""
    procedure: bool | None = None
    """For review provisions: deadlines or steps are stated."""
    consequence: bool | None = None
    """For review provisions: what happens without agreement is stated."""

    def to_dict(self) -> dict[str, Any]:
        """JSON form per OUTPUT.md."""
        data: dict[str, Any] = {
            "start": self.start, "end": self.end, "party": self.party, "modality": self.modality,
            "strength": self.strength, "spec_kind": self.spec_kind,
        }
        for key in ("means_result", "trigger", "procedure", "consequence"):
            value = getattr(self, key)
            if value is not None:
                data[key] = value
        if self.negated:
            data["negated"] = True
        if self.exception:
            data["exception"] = True
        return data


@dataclass(frozen=True)
class PartyRole:
    """A defined term of the document and the role it plays."""

    term: str
    """The defined name as written ("le Prestataire", "Supplier", "ACME")."""
    role: Literal["supplier", "buyer", "unknown"]
    """Role in the buyer-supplier relationship."""
    start: int | None = None
    """Offset of the definition in the extracted text."""


@dataclass(frozen=True)
class Judgement:
    """What clausecheck decided about one clause."""

    clause_type: str
    """Primary clause type."""
    effects: dict[str, float]
    """Calibrated probability of each effect."""
    labels: tuple[str, ...]
    """Decided effects (subset of rigid, review, innovation)."""
    provisions: tuple[Provision, ...] = ()
    """Sentence-level provisions."""
    evidence: tuple[Evidence, ...] = ()
    """Evidence behind the decision."""
    attributes: dict[str, Any] = field(default_factory=dict)
    """Clause-level facts: ``unilateral`` modification by the buyer, review ``trigger``..."""
