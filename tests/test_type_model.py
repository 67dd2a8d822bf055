"""The English type model: votes for clause types beside the type rules."""

from __future__ import annotations

import json

import pytest

from clausecheck.classify import TYPE_MODEL, get_classifier, models_dir
from clausecheck.evidence import Evidence
from clausecheck.fusion import decide_type
from clausecheck.lexical import TYPE_FLOOR, TYPE_VOTE, LexicalModel


def model(tmp_path, weights: dict[str, list[float]], bias: float = -2.0) -> LexicalModel:
    data = {"name": "t", "terms": ["exclusive", "audit", "books"], "weights": weights,
            "bias": dict.fromkeys(weights, bias), "lang": "en"}
    (tmp_path / "types.json").write_text(json.dumps(data))
    return LexicalModel.load(tmp_path / "types.json")


def test_a_type_model_votes_only_from_its_floor_with_its_probability_as_weight(tmp_path):
    types = model(tmp_path, {"exclusivity": [4.0, 0.0, 0.0], "audit": [0.0, 1.0, 1.5]})
    votes = types.type_evidence("Distributor is the exclusive distributor; no audit.")
    assert [(v.clause_type, v.source, v.label) for v in votes] == [("exclusivity", "model", None)]
    assert votes[0].score == pytest.approx(0.8808, abs=1e-4) and votes[0].score >= TYPE_FLOOR
    assert votes[0].weight == pytest.approx(TYPE_VOTE * 0.8808, abs=1e-3)
    assert votes[0].text == "exclusive"
    assert {v.clause_type for v in types.type_evidence("audit of the books")} == {"audit"}
    assert types.type_evidence("nothing of the kind") == []


def test_a_type_model_knows_its_language(tmp_path):
    types = model(tmp_path, {"audit": [0.0, 1.0, 1.0]})
    assert types.applies_to("en") and not types.applies_to("fr")
    assert types.to_dict()["lang"] == "en"
    both = LexicalModel("x", ("a",), {"rigid": [0.0]}, {"rigid": 0.0})
    assert both.applies_to("fr") and "lang" not in both.to_dict()


def test_a_vote_weighs_like_a_heading_rule_when_sure():
    def vote(p: float) -> Evidence:
        return Evidence(source="model", clause_type="exclusivity", weight=TYPE_VOTE * p, score=p)

    body = Evidence(source="rule", clause_type="price", weight=0.6, rule="TYP-PRICE")
    heading = Evidence(source="rule", clause_type="price", weight=0.8, rule="TYP-HEADING-PRICE")
    assert decide_type([body, vote(0.4)]) == "exclusivity"  # 0.8 against one ordinary rule's 0.6
    assert decide_type([heading, vote(0.6)]) == "price"  # 1.2 against a heading rule's 1.6
    assert decide_type([heading, vote(0.95)]) == "exclusivity"  # 1.9: a sure vote overrules the heading


def test_the_shipped_type_model_is_english_and_types_a_plain_non_compete():
    shipped = models_dir() / TYPE_MODEL
    assert shipped.is_file()
    classifier = get_classifier()
    assert classifier.types is not None and classifier.types.applies_to("en") and not classifier.types.applies_to("fr")
    text = ("During the Term and for two years thereafter, Reseller shall not, directly or indirectly, market, "
            "sell or distribute any product that competes with the Products.")
    votes = classifier.types.type_evidence(text)
    assert "exclusivity" in {v.clause_type for v in votes}
    assert classifier.judge(text, "en").clause_type == "exclusivity"
    # French clauses get no vote: the model learned English wordings only
    judgement = classifier.judge("Le titulaire ne peut pas sous-traiter sans accord préalable.", "fr")
    assert not [e for e in judgement.evidence if e.source == "model" and e.clause_type]


def _script(name: str):
    import importlib.util
    import sys
    from pathlib import Path

    scripts = Path(__file__).resolve().parents[1] / "scripts"
    sys.path.insert(0, str(scripts))
    try:
        spec = importlib.util.spec_from_file_location(name, scripts / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(scripts))


def test_cuad_contracts_split_like_the_english_corpus():
    from pathlib import Path

    evaluation = _script("cuad_clause_eval")
    held_out = evaluation.held_out_contracts()
    some = sorted(held_out)[0]
    pdf = Path("pdf") / Path(some).with_suffix(".pdf").name
    assert evaluation.in_split(pdf, "test", held_out) and evaluation.in_split(pdf, "all", held_out)
    assert not evaluation.in_split(pdf, "dev", held_out)
    assert evaluation.in_split(Path("pdf/Not a held-out contract.pdf"), "dev", held_out)


def test_fit_types_learns_a_type_from_clauses_holding_labelled_spans():
    pytest.importorskip("sklearn")
    fit_types = _script("fit_types")
    positives = [f"Distributor shall be the exclusive distributor of the products in region {i}." for i in range(12)]
    positives[0] += " Zebra."
    negatives = [f"This Agreement is governed by the laws of state {i} and notices go to address {i}." for i in range(12)]
    texts = positives + negatives
    gold = [["exclusivity"]] * 12 + [["disputes_law"]] * 12
    types = fit_types.fit(texts, gold, l2=0.1)
    assert types.lang == "en" and set(types.labels) == {"exclusivity", "disputes_law"}  # no example, no vote
    assert types.scores("Reseller is appointed exclusive distributor.")["exclusivity"] > 0.5
    assert types.scores("Reseller is appointed exclusive distributor.")["disputes_law"] < 0.5
    assert {v.clause_type for v in types.type_evidence("governed by the laws of New York")} == {"disputes_law"}
    assert "zebra" not in types.vocabulary and "exclusive" in types.vocabulary  # seen in one clause only: left out
