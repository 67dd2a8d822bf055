"""Document scores: per-clause evidence units, saturating sums, and every point attributed to clauses.

The formula (docs/scoring.md):

* each clause earns ``units`` for each sub-score from its own judgement only
  (labels gate, effect probabilities weight, provisions and attributes set the quality);
* ``score = 100 * (1 - exp(-U / scale))`` where ``U`` is the sum of the counted
  units (waived clauses and labels do not count);
* a clause's ``points`` are its share of the score, ``score * u / U``, so the
  points of the clauses add up to the score exactly;
* ``constraint = 100 * (w_a + w_i) + sum(w_p * p_i - w_a * a_i - w_i * n_i)``, i.e.
  ``w_p * prescription + w_a * (100 - adaptability) + w_i * (100 - innovation_room)``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from clausecheck.clauses import Clause
from clausecheck.errors import UsageError
from clausecheck.evidence import TRIGGER_RANK, Judgement
from clausecheck.scoring.config import ScoringConfig, default_config

SUB_SCORES: tuple[str, ...] = ("prescription", "adaptability", "innovation_room")
"""The three sub-scores, each fed by one effect."""
SCORE_OF_EFFECT: dict[str, str] = {"rigid": "prescription", "review": "adaptability", "innovation": "innovation_room"}
"""Which sub-score each effect feeds."""
TRUE_WORDS = frozenset({"true", "yes", "oui", "1"})


@dataclass(frozen=True)
class Waiver:
    """A reviewer's decision that a clause, one effect of a clause, or a finding stops counting (it stays visible)."""

    reason: str
    """Why it is waived ("negotiated in the 2025 amendment")."""
    author: str
    """Who waived it."""
    clause: str | None = None
    """Waived clause id; alone, the whole clause stops counting."""
    label: str | None = None
    """With ``clause``: only this effect (``rigid``, ``review``, ``innovation``) or sub-score stops counting."""
    finding: str | None = None
    """Waived finding code (``variants_forbidden``)."""

    def __post_init__(self) -> None:
        if (self.clause is None) == (self.finding is None):
            raise UsageError("E120", cause="a waiver names either a clause or a finding")
        if self.label is not None and (self.clause is None or self.score is None):
            raise UsageError("E120", cause=f"waiver label {self.label!r}: expected a clause and one of rigid, review, innovation")

    @property
    def score(self) -> str | None:
        """The sub-score a label waiver removes the clause from."""
        if self.label is None:
            return None
        return SCORE_OF_EFFECT.get(self.label, self.label if self.label in SUB_SCORES else None)

    def to_dict(self) -> dict[str, str]:
        """JSON form: only the fields that are set."""
        keys = ("clause", "label", "finding", "reason", "author")
        return {key: getattr(self, key) for key in keys if getattr(self, key) is not None}


def clause_waivers(waivers: Sequence[Waiver], clause_id: str) -> tuple[Waiver, ...]:
    """The waivers naming a clause."""
    return tuple(w for w in waivers if w.clause == clause_id)


def waived_scores(waivers: Sequence[Waiver], clause_id: str) -> tuple[str, ...]:
    """Sub-scores a clause no longer counts for."""
    applied = clause_waivers(waivers, clause_id)
    if any(w.label is None for w in applied):
        return SUB_SCORES
    return tuple(name for name in SUB_SCORES if any(w.score == name for w in applied))


def facts(judgement: Judgement) -> dict[str, Any]:
    """Clause attributes: those of supporting evidence, overridden by the judgement's own."""
    merged: dict[str, Any] = {}
    for item in judgement.evidence:
        if item.weight > 0 and item.attributes:
            merged.update(item.attributes)
    merged.update(judgement.attributes)
    return merged


def flag(attributes: dict[str, Any], name: str) -> bool:
    """Whether a boolean attribute is set (``True``, ``1``, ``"yes"``, ``"oui"``)."""
    value = attributes.get(name)
    if isinstance(value, str):
        return value.strip().lower() in TRUE_WORDS
    return value is True or (isinstance(value, int | float) and value == 1)


def probability(judgement: Judgement, effect: str, confidence: float = 1.0) -> float:
    """The weight of a decided effect, ``1 - confidence × (1 - p)``; 0 when the effect is not decided.

    ``p`` is the effect's calibrated probability (1.0 when absent).
    """
    if effect not in judgement.labels:
        return 0.0
    value = min(1.0, max(0.0, float(judgement.effects.get(effect, 1.0))))
    return 1.0 - confidence * (1.0 - value)


def review_quality(judgement: Judgement, attributes: dict[str, Any]) -> tuple[str, bool, bool]:
    """Best trigger, and whether a procedure and a consequence are stated (provisions or attributes)."""
    triggers = [p.trigger for p in judgement.provisions if p.trigger] + [str(attributes.get("trigger") or "none")]
    trigger = max((t for t in triggers if t in TRIGGER_RANK), key=TRIGGER_RANK.__getitem__, default="none")
    procedure = any(p.procedure for p in judgement.provisions) or flag(attributes, "procedure")
    consequence = any(p.consequence for p in judgement.provisions) or flag(attributes, "consequence")
    return trigger, procedure, consequence


def _prescription_units(judgement: Judgement, attributes: dict[str, Any], config: ScoringConfig) -> float:
    weight = probability(judgement, "rigid", config.scale.confidence)
    if not weight:
        return 0.0
    cfg = config.prescription
    binding = [p for p in judgement.provisions if p.modality in ("obligation", "prohibition") and p.party != "buyer"]
    means = [p for p in binding if p.spec_kind == "means"]
    strengths = [getattr(cfg.strength, p.strength) for p in (means or binding)]
    strength = max(strengths) if strengths else cfg.strength.normal
    extra = cfg.extra_means_provision * (min(len(means), cfg.max_provisions) - 1) if means else 0.0
    frozen = sum(value for name, value in cfg.freeze.items() if flag(attributes, name))
    return weight * cfg.clause_type.get(judgement.clause_type, 1.0) * strength * (cfg.base + extra + frozen)


def _adaptability_units(judgement: Judgement, attributes: dict[str, Any], config: ScoringConfig) -> float:
    weight = probability(judgement, "review", config.scale.confidence)
    if not weight:
        return 0.0
    cfg = config.adaptability
    trigger, procedure, consequence = review_quality(judgement, attributes)
    quality = cfg.base + getattr(cfg.trigger, trigger) + cfg.procedure * procedure + cfg.consequence * consequence
    if judgement.provisions and all(p.strength == "soft" for p in judgement.provisions):
        quality *= cfg.soft
    if flag(attributes, "unilateral"):
        quality *= cfg.unilateral
    return weight * cfg.clause_type.get(judgement.clause_type, 1.0) * quality


def is_rewarded(judgement: Judgement, attributes: dict[str, Any]) -> bool:
    """Innovation is rewarded: incentive clause, gain-share, bonus."""
    return judgement.clause_type == "incentives" or any(
        flag(attributes, name) for name in ("rewarded", "gain_share", "incentive", "bonus")
    )


def is_result_based(judgement: Judgement, attributes: dict[str, Any]) -> bool:
    """A result or outcome is required with free choice of means."""
    return (
        flag(attributes, "free_means")
        or attributes.get("means_result") == "résultat"
        or any(p.means_result == "résultat" or p.spec_kind in ("output", "outcome") for p in judgement.provisions)
    )


def _innovation_units(judgement: Judgement, attributes: dict[str, Any], config: ScoringConfig) -> float:
    weight = probability(judgement, "innovation", config.scale.confidence)
    if not weight:
        return 0.0
    cfg = config.innovation_room
    quality = (
        cfg.base
        + cfg.rewarded * is_rewarded(judgement, attributes)
        + cfg.result_based * is_result_based(judgement, attributes)
        + cfg.variants_allowed * flag(attributes, "variants_allowed")
        + cfg.ip_shared * flag(attributes, "ip_shared")
    )
    return weight * cfg.clause_type.get(judgement.clause_type, 1.0) * quality


def clause_units(judgement: Judgement, config: ScoringConfig | None = None) -> dict[str, float]:
    """Evidence units one clause earns for each sub-score; depends on this judgement only."""
    config = config or default_config()
    attributes = facts(judgement)
    return {
        "prescription": _prescription_units(judgement, attributes, config),
        "adaptability": _adaptability_units(judgement, attributes, config),
        "innovation_room": _innovation_units(judgement, attributes, config),
    }


def saturate(units: float, scale: float) -> float:
    """``100 * (1 - exp(-units / scale))``: 0 for no units, rising towards 100, never above."""
    return 100.0 * (1.0 - math.exp(-max(units, 0.0) / scale))


@dataclass(frozen=True)
class ClauseContribution:
    """What one clause adds to the document's scores."""

    clause: str
    """Clause id (``c17``)."""
    units: dict[str, float]
    """Evidence units earned per sub-score, before waivers."""
    points: dict[str, float]
    """Score points attributed to the clause per sub-score, and its signed ``constraint`` points; 0 when waived."""
    waived: tuple[str, ...] = ()
    """Sub-scores the clause no longer counts for because of a waiver."""
    waivers: tuple[Waiver, ...] = ()
    """The waivers that apply to the clause (reason and author)."""

    @property
    def counted(self) -> dict[str, float]:
        """Units that count, waivers applied."""
        return {name: 0.0 if name in self.waived else value for name, value in self.units.items()}

    def to_dict(self) -> dict[str, Any]:
        """The ``contribution`` object of a clause in the JSON report (points, rounded)."""
        data: dict[str, Any] = {name: round(value, 2) for name, value in self.points.items()}
        if self.waived:
            data["waived"] = {"scores": list(self.waived), "waivers": [w.to_dict() for w in self.waivers]}
        return data


@dataclass(frozen=True)
class Scores:
    """A document's (or a contract set's) scores, with the contribution of every clause."""

    prescription: float
    """How much the document dictates the supplier's means and freezes execution (0-100)."""
    adaptability: float
    """How well the document can be revisited: coverage and quality of review mechanisms (0-100)."""
    innovation_room: float
    """How much room and reward it leaves for supplier innovation (0-100)."""
    constraint: float
    """Headline, higher = more constraining: weighted prescription, missing adaptability, missing innovation room."""
    contributions: tuple[ClauseContribution, ...] = ()
    """One entry per clause, in document order."""
    units: dict[str, float] = field(default_factory=dict)
    """Counted units per sub-score (sum over clauses), the input of the saturating formula."""
    constraint_baseline: float = 50.0
    """The constraint of a document without any counted clause; clause points move it from there."""

    def contribution(self, clause_id: str) -> ClauseContribution | None:
        """The contribution of one clause, by id."""
        return next((c for c in self.contributions if c.clause == clause_id), None)

    def to_dict(self) -> dict[str, float]:
        """The ``scores`` object of the JSON report, rounded to one decimal for display."""
        return {name: round(getattr(self, name), 1) for name in (*SUB_SCORES, "constraint")}


def scores_from_units(units: dict[str, float], config: ScoringConfig | None = None) -> dict[str, float]:
    """The four scores from counted unit totals (also used to pool a contract set in a portfolio)."""
    config = config or default_config()
    values = {name: saturate(units.get(name, 0.0), getattr(config.scale, name)) for name in SUB_SCORES}
    w_p, w_a, w_i = config.constraint.normalised()
    values["constraint"] = w_p * values["prescription"] + w_a * (100 - values["adaptability"]) + w_i * (
        100 - values["innovation_room"]
    )
    return values


def score_document(
    pairs: Iterable[tuple[Clause, Judgement]],
    config: ScoringConfig | None = None,
    waivers: Sequence[Waiver] = (),
) -> Scores:
    """Score one document from its judged clauses (document order); waived clauses and labels stop counting."""
    config = config or default_config()
    raw = [
        (clause.id, clause_units(judgement, config), waived_scores(waivers, clause.id), clause_waivers(waivers, clause.id))
        for clause, judgement in pairs
    ]
    totals = {name: sum(0.0 if name in w else u[name] for _, u, w, _ in raw) for name in SUB_SCORES}
    values = scores_from_units(totals, config)
    w_p, w_a, w_i = config.constraint.normalised()
    contributions = []
    for clause_id, units, waived, applied in raw:
        points = {
            name: 0.0 if name in waived or not totals[name] else values[name] * units[name] / totals[name]
            for name in SUB_SCORES
        }
        points["constraint"] = w_p * points["prescription"] - w_a * points["adaptability"] - w_i * points["innovation_room"]
        contributions.append(ClauseContribution(clause_id, units, points, waived, applied))
    return Scores(
        values["prescription"], values["adaptability"], values["innovation_room"], values["constraint"],
        tuple(contributions), totals, 100.0 * (w_a + w_i),
    )


@dataclass(frozen=True)
class Driver:
    """A clause driving a score, with the points it adds (negative: it lowers the score)."""

    clause: str
    """Clause id."""
    points: float
    """Points the clause contributes to the score."""

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"clause": self.clause, "points": round(self.points, 2)}


def top_drivers(scores: Scores, n: int = 5) -> dict[str, tuple[Driver, ...]]:
    """The ``n`` clauses contributing most to each score (by absolute points for ``constraint``), ties in document order."""
    drivers: dict[str, tuple[Driver, ...]] = {}
    for name in (*SUB_SCORES, "constraint"):
        ranked = sorted(
            (Driver(c.clause, c.points[name]) for c in scores.contributions if c.points[name]),
            key=lambda driver: -abs(driver.points),
        )
        drivers[name] = tuple(ranked[:n])
    return drivers
