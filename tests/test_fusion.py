"""The fusion's decision rules that do not depend on fitted weights."""

from __future__ import annotations

from clausecheck.classify import get_classifier, models_dir
from clausecheck.evidence import Evidence
from clausecheck.fusion import FusionModel, decide_type, features, vetoed


def rule(code: str, label: str | None, weight: float, clause_type: str | None = None) -> Evidence:
    return Evidence(source="rule", label=label, clause_type=clause_type, weight=weight, rule=code)


def test_an_express_exclusion_stronger_than_any_support_vetoes_the_effect():
    waived = [rule("REV-RENEGOTIATION", "review", 0.8), rule("RIG-HARDSHIP-EXCLUDED", "review", -0.9)]
    assert vetoed("review", waived)
    assert not vetoed("rigid", waived)


def test_a_weak_objection_or_a_stronger_support_does_not_veto():
    assert not vetoed("review", [rule("REV-AGAINST-WRITTEN-AMENDMENT", "review", -0.5)])
    assert not vetoed("review", [rule("REV-PRICE-INDEX", "review", 0.9), rule("RIG-PRICE-FIRM", "review", -0.7)])
    assert vetoed("review", [rule("REV-PRICE-INDEX", "review", 0.9), rule("X", "review", -0.95)], floor=0.9)


def test_type_features_name_the_decided_type():
    evidence = [rule("TYP-HEADING-PRICE", None, 0.8, "price"), rule("RIG-PRICE-FIRM", "rigid", 0.6, "price")]
    clause_type = decide_type(evidence)
    values = features("rigid", evidence, clause_type, ())
    assert clause_type == "price" and values["type:price"] == 1.0 and values["rule:RIG-PRICE-FIRM"] == 0.6


def test_shipped_model_round_trips_and_labels_respect_the_veto():
    model = FusionModel.load(models_dir() / "fusion.json")
    assert model.veto <= 1.0
    judgement = get_classifier().judge(
        "4.2 No Renegotiation; Hardship Excluded. Supplier waives any right it may have under any applicable law or doctrine of "
        "hardship, imprévision, commercial impracticability or frustration to request a renegotiation of this "
        "Agreement.", "en")
    assert "review" not in judgement.labels


def test_a_label_without_rule_support_needs_the_model_floor():
    from clausecheck.fusion import decided

    words_only = [Evidence(source="model", label="review", score=0.3)]
    assert not decided("review", 0.3, 0.2, words_only, model_floor=0.5)
    assert decided("review", 0.6, 0.2, words_only, model_floor=0.5)
    supported = [rule("REV-PRICE-INDEX", "review", 0.4)]
    assert decided("review", 0.3, 0.2, supported, model_floor=0.5)
    assert not decided("review", 0.15, 0.2, supported, model_floor=0.5)
