"""Fusion: from a clause's evidence and provisions to its type, effect probabilities and labels.

Each effect's probability is a logistic function of a few features, each one
explainable in a report:

- ``rule_for``: noisy-OR of the weights of the rules that support the effect
  (``1 - Π(1 - w)``: a second match of the same idea adds less than the first);
- ``rule_against``: the same over rules that argue against it (negative weights);
- ``type_prior``: 1 when the decided clause type usually carries the effect
  (``means`` → rigid, ``price_revision`` → review, ``incentives`` → innovation...);
- ``provisions``: how many provisions show the effect in their grammar (supplier
  obligations on means for rigid; review triggers for review; outputs and
  outcomes left to the supplier for innovation), saturating;
- ``model``: the score of a trained classifier's evidence (the lexical model
  today; the seam for a transformers model);
- ``type:NAME``: one feature for the decided clause type, so that fitting
  learns how often each type carries the effect (a governing-law clause almost
  never does, a price-revision clause almost always reviews);
- ``rule:CODE``: one feature per rule that fired for (or, negative, against)
  the effect, so that fitting learns how far each rule is to be trusted on real
  clauses; a rule never seen in fitting counts only through ``rule_for``.

The weights are fitted on the development split of the corpus by
``scripts/fit_fusion.py`` and shipped in ``models/fusion.json`` with its card.
Everything here is a pure function of its inputs.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clausecheck.evidence import EFFECTS, TRIGGER_RANK, Evidence, Judgement, Provision

FEATURES = ("bias", "rule_for", "rule_against", "type_prior", "provisions", "model")
TYPE_PRIOR: dict[str, frozenset[str]] = {
    "rigid": frozenset({"means", "exclusivity", "technical_requirements"}),
    "review": frozenset({"price_revision", "renegotiation", "change_control"}),
    "innovation": frozenset({"continuous_improvement", "incentives", "service_levels"}),
}
HEADING_RULE_PREFIX = "TYP-HEADING-"
TRIGGER_SIGNAL = {"numeric": 1.0, "periodic": 0.8, "event": 0.5, "none": 0.1}


@dataclass(frozen=True)
class FusionModel:
    """Weights of the logistic fusion, per effect, and the decision thresholds."""

    name: str
    """Model name and version, reported in the JSON ``tool.model``."""
    weights: dict[str, dict[str, float]]
    """effect -> feature -> weight (``bias`` included)."""
    thresholds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(EFFECTS, 0.5))
    """Probability from which an effect becomes a label."""
    heading_factor: float = 2.0
    """How much more a heading rule counts than a body rule when deciding the clause type."""
    veto: float = 0.7
    """Weight from which a rule against an effect is an express exclusion (see :func:`vetoed`); above 1: never."""
    model_floor: float = 0.5
    """Probability an effect needs when no rule supports it (see :func:`decided`); 0: the threshold alone."""

    @classmethod
    def load(cls, path: str | Path) -> FusionModel:
        """Read a model written by :meth:`to_dict`."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(data["name"], data["weights"], data.get("thresholds", dict.fromkeys(EFFECTS, 0.5)),
                   data.get("heading_factor", 2.0), data.get("veto", 0.7), data.get("model_floor", 0.5))

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"name": self.name, "weights": self.weights, "thresholds": self.thresholds,
                "heading_factor": self.heading_factor, "veto": self.veto, "model_floor": self.model_floor}


def _noisy_or(weights: Sequence[float]) -> float:
    product = 1.0
    for weight in weights:
        product *= 1.0 - min(max(weight, 0.0), 0.99)
    return 1.0 - product


def decide_type(evidence: Sequence[Evidence], heading_factor: float = 2.0) -> str:
    """The clause type with the most rule support; heading rules count ``heading_factor`` times; else ``other``."""
    support: dict[str, float] = defaultdict(float)
    first: dict[str, int] = {}
    for position, item in enumerate(evidence):
        if item.clause_type and item.weight > 0:
            factor = heading_factor if (item.rule or "").startswith(HEADING_RULE_PREFIX) else 1.0
            support[item.clause_type] += item.weight * factor
            first.setdefault(item.clause_type, position)
    if not support:
        return "other"
    return max(support, key=lambda name: (support[name], -first[name]))


def _provision_signal(effect: str, provisions: Sequence[Provision]) -> float:
    count = 0.0
    for p in provisions:
        binding = p.modality in ("obligation", "prohibition") and p.party in ("supplier", "none")
        if effect == "rigid" and binding and p.spec_kind == "means":
            count += {"strict": 1.5, "normal": 1.0, "soft": 0.3}[p.strength]
        elif effect == "innovation" and p.spec_kind in ("output", "outcome") and p.party in ("supplier", "none"):
            count += 1.0
        elif effect == "review" and p.trigger is not None:
            # a review word with no trigger ("the terms may be amended") says little; a threshold says much
            count += TRIGGER_SIGNAL[p.trigger] + 0.5 * bool(p.procedure) + 0.5 * bool(p.consequence)
    return 1.0 - math.exp(-count / 2.0)


def features(effect: str, evidence: Sequence[Evidence], clause_type: str,
             provisions: Sequence[Provision]) -> dict[str, float]:
    """The feature vector of one effect for one clause."""
    rule_for = [e.weight for e in evidence if e.source == "rule" and e.label == effect and e.weight > 0]
    against = [-e.weight for e in evidence if e.source == "rule" and e.label == effect and e.weight < 0]
    model = [e.score or 0.0 for e in evidence if e.source == "model" and e.label == effect]
    values = {
        "bias": 1.0,
        "rule_for": _noisy_or(rule_for),
        "rule_against": _noisy_or(against),
        "type_prior": 1.0 if clause_type in TYPE_PRIOR[effect] else 0.0,
        "provisions": _provision_signal(effect, provisions),
        "model": max(model, default=0.0),
    }
    values[f"type:{clause_type}"] = 1.0
    for item in evidence:
        if item.source == "rule" and item.label == effect and item.rule:
            name = f"rule:{item.rule}"
            if abs(item.weight) > abs(values.get(name, 0.0)):
                values[name] = item.weight
    return values


def vetoed(effect: str, evidence: Sequence[Evidence], floor: float = 0.7) -> bool:
    """Whether ``effect`` is expressly excluded: a rule argues against it (weight >= ``floor``) as strongly as any for it.

    "Supplier waives any right to request a renegotiation", "Neither Party may
    terminate for convenience", "Buyer may change the Specifications at any
    time": the wording names the mechanism only to exclude it. The trained
    model (words) cannot overrule such a clause on its own; a rule for the
    effect that is stronger than the exclusion can.
    """
    against = max((-e.weight for e in evidence if e.source == "rule" and e.label == effect and e.weight < 0), default=0.0)
    if against < floor:
        return False
    support = max((e.weight for e in evidence if e.source == "rule" and e.label == effect and e.weight > 0), default=0.0)
    return against >= support


def decided(effect: str, p: float, threshold: float, evidence: Sequence[Evidence], veto: float = 0.7,
            model_floor: float = 0.5) -> bool:
    """Whether an effect of probability ``p`` becomes a label.

    It must reach its threshold and not be expressly excluded (:func:`vetoed`);
    when no rule supports it (the words of the trained model alone), it must
    also reach ``model_floor``: a borderline score of the lexical model is not
    enough to label a clause no rule recognises.
    """
    if p < threshold or vetoed(effect, evidence, veto):
        return False
    supported = any(e.source == "rule" and e.label == effect and e.weight > 0 for e in evidence)
    return supported or p >= model_floor


def probability(weights: dict[str, float], values: dict[str, float]) -> float:
    """Logistic function of the weighted features."""
    z = sum(weights.get(name, 0.0) * value for name, value in values.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def clause_attributes(evidence: Sequence[Evidence], provisions: Sequence[Provision]) -> dict[str, Any]:
    """Clause-level facts: attributes carried by supporting rule evidence, then review facts of provisions."""
    attributes: dict[str, Any] = {}
    for item in evidence:
        if item.weight > 0:
            for key, value in item.attributes.items():
                attributes.setdefault(key, value)
    triggers = [p.trigger for p in provisions if p.trigger is not None]
    if triggers:
        best = max(triggers, key=TRIGGER_RANK.__getitem__)
        if TRIGGER_RANK[best] > TRIGGER_RANK.get(str(attributes.get("trigger", "none")), 0):
            attributes["trigger"] = best
        attributes.setdefault("procedure", any(p.procedure for p in provisions))
        attributes.setdefault("consequence", any(p.consequence for p in provisions))
    results = [p.means_result for p in provisions if p.means_result]
    if results:
        attributes.setdefault("means_result", results[0])
    return attributes


def fuse(evidence: Sequence[Evidence], provisions: Sequence[Provision], model: FusionModel,
         heading_only: bool = False, clause_type: str | None = None) -> Judgement:
    """Decide a clause's type, effect probabilities and labels from its evidence and provisions.

    A clause that is only a heading grouping its children (``heading_only``) gets
    a type but no label: its children carry the effects. ``clause_type`` imposes
    the type when the caller knows it (a definition).
    """
    clause_type = clause_type or decide_type(evidence, model.heading_factor)
    effects: dict[str, float] = {
        effect: round(probability(model.weights[effect], features(effect, evidence, clause_type, provisions)), 4)
        for effect in EFFECTS
    }
    labels = () if heading_only else tuple(
        e for e in EFFECTS if decided(e, effects[e], model.thresholds[e], evidence, model.veto, model.model_floor))
    supporting = tuple(e for e in evidence if e.weight != 0)
    return Judgement(
        clause_type=clause_type,
        effects=effects,
        labels=labels,
        provisions=tuple(provisions),
        evidence=supporting,
        attributes=clause_attributes(evidence, provisions),
    )
