import math

import pytest
from scoring_factories import document, judged, means, performance, review

from clausecheck.errors import UsageError
from clausecheck.evidence import Evidence, Judgement
from clausecheck.scoring import (
    Waiver,
    clause_units,
    config_from_dict,
    default_config,
    load_config,
    saturate,
    score_document,
    scores_from_units,
    top_drivers,
)


def units(judgement: Judgement, name: str) -> float:
    return clause_units(judgement)[name]


# --- per-clause contribution -------------------------------------------------------------------------------------

def test_neutral_clause_earns_nothing():
    assert clause_units(judged(type="definitions", effects={"rigid": 0.45})) == {
        "prescription": 0.0, "adaptability": 0.0, "innovation_room": 0.0}


def test_an_undecided_effect_earns_nothing_whatever_its_probability():
    assert units(judged("review", effects={"rigid": 0.49}), "prescription") == 0.0


def test_units_are_weighted_by_the_effect_probability():
    sure = units(judged("rigid", effects={"rigid": 1.0}), "prescription")
    unsure = units(judged("rigid", effects={"rigid": 0.5}), "prescription")
    confidence = default_config().scale.confidence
    assert 0 < confidence < 1
    assert unsure == pytest.approx(sure * (1 - confidence * 0.5))
    proportional = config_from_dict({"scale": {"confidence": 1.0}})
    assert clause_units(judged("rigid", effects={"rigid": 0.5}), proportional)["prescription"] == pytest.approx(sure / 2)
    labels_only = config_from_dict({"scale": {"confidence": 0.0}})
    assert clause_units(judged("rigid", effects={"rigid": 0.5}), labels_only)["prescription"] == pytest.approx(sure)


def test_a_structured_review_clause_counts_more_than_a_vague_meeting():
    vague = judged("review", type="renegotiation", provisions=[review(modality="permission")])
    structured = judged("review", type="renegotiation", provisions=[review("numeric", True, True)])
    periodic = judged("review", type="renegotiation", provisions=[review("periodic")])
    assert units(structured, "adaptability") > units(periodic, "adaptability") > units(vague, "adaptability") > 0
    cfg = default_config().adaptability
    weight = 1 - default_config().scale.confidence * (1 - 0.9)
    assert units(structured, "adaptability") == pytest.approx(
        weight * (cfg.base + cfg.trigger.numeric + cfg.procedure + cfg.consequence))


def test_review_quality_can_come_from_clause_attributes():
    bare = judged("review", type="renegotiation")
    stated = judged("review", type="renegotiation", trigger="numeric", procedure=True, consequence=True)
    assert units(stated, "adaptability") > 2 * units(bare, "adaptability")


def test_soft_review_wording_counts_less():
    firm = judged("review", type="renegotiation", provisions=[review("event")])
    soft = judged("review", type="renegotiation", provisions=[review("event", strength="soft")])
    assert units(soft, "adaptability") < units(firm, "adaptability")


def test_the_buyers_unilateral_modification_right_is_not_adaptability():
    assert units(judged("review", type="change_control", unilateral=True), "adaptability") == 0.0
    assert units(judged("review", type="change_control"), "adaptability") > 0


def test_strict_means_requirements_weigh_more_than_soft_ones():
    strict = units(judged("rigid", type="means", provisions=[means("strict")]), "prescription")
    normal = units(judged("rigid", type="means", provisions=[means("normal")]), "prescription")
    soft = units(judged("rigid", type="means", provisions=[means("soft")]), "prescription")
    assert strict > normal > soft > 0


def test_buyer_obligations_do_not_set_the_strength():
    buyer_strict = judged("rigid", type="means", provisions=[means("strict", party="buyer")])
    assert units(buyer_strict, "prescription") == units(judged("rigid", type="means"), "prescription")


def test_more_means_provisions_count_more_up_to_a_cap():
    cap = default_config().prescription.max_provisions
    values = [units(judged("rigid", type="means", provisions=[means()] * n), "prescription") for n in range(1, cap + 3)]
    assert values[0] < values[1] < values[cap - 1] == values[cap] == values[cap + 1]


def test_freezing_attributes_add_to_prescription():
    plain = units(judged("rigid", type="price"), "prescription")
    assert units(judged("rigid", type="price", firm_price=True), "prescription") > plain
    assert units(judged("rigid", type="price", firm_price="oui"), "prescription") > plain
    assert units(judged("rigid", type="price", firm_price=False), "prescription") == plain


def test_rewarded_innovation_counts_more_than_mentioned_innovation():
    mentioned = units(judged("innovation", type="continuous_improvement"), "innovation_room")
    rewarded = units(judged("innovation", type="continuous_improvement", gain_share=True), "innovation_room")
    incentive = units(judged("innovation", type="incentives"), "innovation_room")
    assert rewarded > mentioned and incentive > mentioned
    result = units(judged("innovation", type="service_levels", provisions=[performance("outcome")]), "innovation_room")
    assert result > units(judged("innovation", type="service_levels"), "innovation_room")


def test_attributes_of_supporting_evidence_are_read_and_contrary_evidence_ignored():
    support = Evidence("rule", label="rigid", rule="RIG-PRICE-FIRM", attributes={"firm_price": True})
    against = Evidence("rule", label="rigid", weight=-1.0, attributes={"hardship_excluded": True})
    base = judged("rigid", type="price")
    with_evidence = Judgement("price", base.effects, base.labels, (), (support, against), {})
    assert units(with_evidence, "prescription") == pytest.approx(units(judged("rigid", type="price", firm_price=True),
                                                                       "prescription"))


# --- document scores ---------------------------------------------------------------------------------------------

def test_saturation_values():
    assert saturate(0, 8) == 0
    assert saturate(8, 8) == pytest.approx(100 * (1 - math.exp(-1)))
    assert saturate(1e9, 8) == pytest.approx(100)
    assert saturate(-3, 8) == 0


def test_empty_document():
    scores = score_document([])
    assert (scores.prescription, scores.adaptability, scores.innovation_room) == (0, 0, 0)
    assert scores.constraint == pytest.approx(50) == scores.constraint_baseline


def test_scores_follow_the_documented_formula():
    pairs = document([judged("rigid", type="means"), judged("review", type="price_revision", trigger="periodic"),
                      judged("innovation", "rigid", type="service_levels"), judged(type="definitions")])
    scores = score_document(pairs)
    cfg = default_config()
    total_p = sum(clause_units(j)["prescription"] for _, j in pairs)
    assert scores.prescription == pytest.approx(100 * (1 - math.exp(-total_p / cfg.scale.prescription)))
    assert scores.constraint == pytest.approx(
        0.5 * scores.prescription + 0.25 * (100 - scores.adaptability) + 0.25 * (100 - scores.innovation_room))
    for name in ("prescription", "adaptability", "innovation_room"):
        assert sum(c.points[name] for c in scores.contributions) == pytest.approx(getattr(scores, name))
    assert scores.constraint_baseline + sum(c.points["constraint"] for c in scores.contributions) == pytest.approx(
        scores.constraint)
    assert [c.clause for c in scores.contributions] == ["c1", "c2", "c3", "c4"]
    assert scores.contribution("c4").points["prescription"] == 0  # type: ignore[union-attr]
    assert scores.contribution("c99") is None


def test_to_dict_rounds_for_display():
    scores = score_document(document([judged("rigid", type="means"), judged("review", type="termination")]))
    data = scores.to_dict()
    assert set(data) == {"prescription", "adaptability", "innovation_room", "constraint"}
    assert data["prescription"] == round(scores.prescription, 1)
    contribution = scores.contributions[0].to_dict()
    assert contribution["prescription"] == round(scores.contributions[0].points["prescription"], 2)
    assert "waived" not in contribution


def test_top_drivers_rank_clauses_by_points():
    pairs = document([judged("rigid", type="means", provisions=[means("soft")]),
                      judged("rigid", type="means", provisions=[means("strict")] * 3),
                      judged(type="definitions"), judged("review", type="termination")])
    drivers = top_drivers(score_document(pairs), 2)
    assert [d.clause for d in drivers["prescription"]] == ["c2", "c1"]
    assert [d.clause for d in drivers["adaptability"]] == ["c4"]
    assert drivers["innovation_room"] == ()
    assert drivers["constraint"][0].clause == "c2" and drivers["constraint"][0].points > 0
    assert any(d.points < 0 for d in top_drivers(score_document(pairs), 4)["constraint"])
    assert drivers["prescription"][0].to_dict()["clause"] == "c2"


# --- waivers -----------------------------------------------------------------------------------------------------

def test_a_waived_clause_stays_visible_and_stops_counting():
    pairs = document([judged("rigid", type="means"), judged("rigid", type="exclusivity")])
    waiver = Waiver("imposed by safety regulations", "M. Durand", clause="c2")
    scores = score_document(pairs, waivers=[waiver])
    assert scores.prescription == pytest.approx(score_document(pairs[:1]).prescription)
    waived = scores.contribution("c2")
    assert waived is not None and waived.waived == ("prescription", "adaptability", "innovation_room")
    assert waived.units["prescription"] > 0 and waived.points["prescription"] == 0
    assert waived.to_dict()["waived"]["waivers"] == [
        {"clause": "c2", "reason": "imposed by safety regulations", "author": "M. Durand"}]


def test_a_label_waiver_removes_one_effect_only():
    pairs = document([judged("rigid", "review", type="price_revision", trigger="periodic")])
    scores = score_document(pairs, waivers=[Waiver("ok", "legal", clause="c1", label="rigid")])
    assert scores.prescription == 0 and scores.adaptability > 0
    assert scores.contributions[0].waived == ("prescription",)


def test_bad_waivers_are_refused():
    with pytest.raises(UsageError):
        Waiver("r", "a")
    with pytest.raises(UsageError):
        Waiver("r", "a", clause="c1", finding="ip_capture")
    with pytest.raises(UsageError, match="label"):
        Waiver("r", "a", clause="c1", label="rigidity")


# --- configuration -----------------------------------------------------------------------------------------------

def test_defaults_are_shipped_and_loaded_without_a_path():
    assert load_config() == default_config()
    assert default_config().scale.prescription == 8.0


def test_a_user_file_is_merged_over_the_defaults(tmp_path):
    path = tmp_path / "weights.toml"
    path.write_text("[scale]\nprescription = 4.0\n[adaptability.trigger]\nnumeric = 2.0\n", encoding="utf-8")
    config = load_config(path)
    assert config.scale.prescription == 4.0 and config.scale.adaptability == default_config().scale.adaptability
    assert config.adaptability.trigger.numeric == 2.0 and config.adaptability.trigger.periodic == 0.75
    pairs = document([judged("rigid", type="means")])
    assert score_document(pairs, config).prescription > score_document(pairs).prescription


def test_bad_keys_and_values_are_all_reported_with_their_path(tmp_path):
    path = tmp_path / "weights.toml"
    path.write_text("[scale]\nprescriptoin = 4.0\nadaptability = -1\n[findings]\nlong_term_months = 'long'\n")
    with pytest.raises(UsageError) as caught:
        load_config(path)
    message = str(caught.value)
    assert message.startswith("E121 ") and str(path) in message
    assert "scale.prescriptoin: unknown key" in message
    assert "scale.adaptability" in message and "findings.long_term_months" in message


def test_invalid_toml_and_missing_files_are_usage_errors(tmp_path):
    path = tmp_path / "weights.toml"
    path.write_text("[scale\n")
    with pytest.raises(UsageError, match="invalid TOML"):
        load_config(path)
    with pytest.raises(UsageError, match="cannot read"):
        load_config(tmp_path / "missing.toml")


def test_constraint_weights_are_normalised_and_cannot_all_be_zero():
    config = config_from_dict({"constraint": {"prescription": 2, "adaptability": 1, "innovation_room": 1}})
    assert scores_from_units({}, config)["constraint"] == pytest.approx(50)
    with pytest.raises(UsageError, match="constraint"):
        config_from_dict({"constraint": {"prescription": 0, "adaptability": 0, "innovation_room": 0}})
    with pytest.raises(UsageError, match=r"prescription\.clause_type\.means"):
        config_from_dict({"prescription": {"clause_type": {"means": -1}}})
