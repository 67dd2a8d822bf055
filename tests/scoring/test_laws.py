"""The six required properties of the scores (TAXONOMY.md, "Scores"), as hypothesis properties."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scoring_factories import document
from scoring_factories import judged as make_judged

from clausecheck.evidence import CLAUSE_TYPES, Judgement, Provision
from clausecheck.scoring import (
    DocumentScores,
    aggregate,
    clause_units,
    config_from_dict,
    detect_findings,
    score_document,
    scores_from_units,
    top_drivers,
)

SETTINGS = settings(max_examples=40, deadline=None)
NAMES = ("prescription", "adaptability", "innovation_room")
FLAGS = ("unilateral", "firm_price", "hardship_excluded", "variants_forbidden", "variants_allowed", "ip_capture",
         "ip_shared", "tacit_renewal", "exit_for_convenience", "procedure", "consequence", "gain_share", "free_means",
         "asks_proposals")

provisions = st.builds(
    Provision, st.just(0), st.just(10),
    party=st.sampled_from(["supplier", "buyer", "both", "none"]),
    modality=st.sampled_from(["obligation", "prohibition", "permission", "none"]),
    strength=st.sampled_from(["strict", "normal", "soft"]),
    spec_kind=st.sampled_from(["means", "output", "outcome", "none"]),
    means_result=st.sampled_from([None, "moyens", "résultat"]),
    trigger=st.sampled_from([None, "numeric", "periodic", "event", "none"]),
    procedure=st.sampled_from([None, True, False]),
    consequence=st.sampled_from([None, True, False]),
)
attributes = st.fixed_dictionaries(
    {}, optional={**{name: st.booleans() for name in FLAGS},
                  "term_months": st.integers(1, 120), "trigger": st.sampled_from(["numeric", "periodic", "event", "none"])})


@st.composite
def judgements(draw, labels=None):
    chosen = draw(st.lists(st.sampled_from(["rigid", "review", "innovation"]), unique=True, max_size=3)) \
        if labels is None else list(labels)
    effects = {e: draw(st.floats(0, 1)) for e in ("rigid", "review", "innovation")}
    return Judgement(draw(st.sampled_from(CLAUSE_TYPES)), effects, tuple(chosen),
                     tuple(draw(st.lists(provisions, max_size=4))), (), draw(attributes))


docs = st.lists(judgements(), max_size=12)


def score(js, **kwargs):
    return score_document(document(js), **kwargs)


@SETTINGS
@given(docs)
def test_explained_every_point_is_attributed_to_clauses(js):
    scores = score(js)
    for name in NAMES:
        assert sum(c.points[name] for c in scores.contributions) == pytest.approx(getattr(scores, name), abs=1e-9)
        everything = top_drivers(scores, len(js))[name]
        assert sum(d.points for d in everything) == pytest.approx(getattr(scores, name), abs=1e-9)
        assert [abs(d.points) for d in everything] == sorted((abs(d.points) for d in everything), reverse=True)
    assert scores.constraint_baseline + sum(c.points["constraint"] for c in scores.contributions) == pytest.approx(
        scores.constraint, abs=1e-9)
    totals = {name: sum(clause_units(j)[name] for j in js) for name in NAMES}
    assert scores_from_units(totals) == pytest.approx(
        {name: getattr(scores, name) for name in (*NAMES, "constraint")}, abs=1e-9)
    for name in (*NAMES, "constraint"):
        assert 0 <= getattr(scores, name) <= 100


@SETTINGS
@given(docs, judgements(labels=["rigid"]), st.integers(0, 12))
def test_monotone_a_rigid_clause_never_lowers_prescription_or_constraint(js, extra, at):
    before, after = score(js), score([*js[:at], extra, *js[at:]])
    assert after.prescription >= before.prescription - 1e-9
    assert after.constraint >= before.constraint - 1e-9
    assert (after.adaptability, after.innovation_room) == pytest.approx((before.adaptability, before.innovation_room))


@SETTINGS
@given(docs, judgements(), st.integers(0, 12))
def test_monotone_no_clause_lowers_any_sub_score(js, extra, at):
    before, after = score(js), score([*js[:at], extra, *js[at:]])
    for name in NAMES:
        assert getattr(after, name) >= getattr(before, name) - 1e-9
    if "review" in extra.labels:
        assert after.adaptability >= before.adaptability - 1e-9
    if "innovation" in extra.labels:
        assert after.innovation_room >= before.innovation_room - 1e-9


@SETTINGS
@given(st.floats(0, 50), st.floats(0, 50), st.floats(0, 50), st.floats(0, 5))
def test_monotone_constraint_rises_with_prescription_and_falls_with_adaptability_and_innovation(p, a, i, d):
    base = scores_from_units({"prescription": p, "adaptability": a, "innovation_room": i})["constraint"]
    assert scores_from_units({"prescription": p + d, "adaptability": a, "innovation_room": i})["constraint"] >= base - 1e-9
    assert scores_from_units({"prescription": p, "adaptability": a + d, "innovation_room": i})["constraint"] <= base + 1e-9
    assert scores_from_units({"prescription": p, "adaptability": a, "innovation_room": i + d})["constraint"] <= base + 1e-9


@SETTINGS
@given(docs, st.lists(st.integers(0, 12), max_size=40), st.sampled_from(CLAUSE_TYPES))
def test_size_fair_repeating_neutral_boilerplate_moves_no_score(js, positions, clause_type):
    padded = list(js)
    for at in positions:
        padded.insert(min(at, len(padded)), make_judged(type=clause_type, effects={"rigid": 0.4, "review": 0.3}))
    before, after = score(js), score(padded)
    for name in (*NAMES, "constraint"):
        assert abs(getattr(after, name) - getattr(before, name)) <= 2


@SETTINGS
@given(docs, st.integers(0, 12), st.lists(st.lists(judgements(), max_size=4), max_size=2))
def test_size_fair_splitting_a_document_in_two_files_of_one_contract_set(js, cut, others):
    whole = [DocumentScores("set/msa.pdf", score(js), contract="set")]
    halves = [DocumentScores("set/msa-1.pdf", score(js[:cut]), contract="set"),
              DocumentScores("set/msa-2.pdf", score(js[cut:]), contract="set")]
    rest = [DocumentScores(f"other-{n}.pdf", score(o)) for n, o in enumerate(others)]
    one, two = aggregate(whole + rest), aggregate(halves + rest)
    assert two.scores == pytest.approx(one.scores, abs=1e-6)
    assert aggregate(whole).scores == pytest.approx(score(js).to_dict(), abs=0.05)
    assert len(two.contracts) == len(one.contracts) == 1 + len(others)


@SETTINGS
@given(docs, st.text(max_size=200), st.sampled_from(["cctp", "ccap", None]))
def test_language_and_format_fair_scores_depend_on_judgements_only(js, text, doc_kind):
    french = document(js, language="fr", text="Le titulaire devra affecter deux techniciens à temps plein.")
    english = document(js, language="en", text="The contractor shall assign\ntwo full-time\r\n technicians." + text)
    assert score_document(french) == score_document(english)
    fr = detect_findings(french, "fr", doc_kind)
    en = detect_findings(english, "en", doc_kind)
    assert [(f.code, f.severity, f.clauses) for f in fr] == [(f.code, f.severity, f.clauses) for f in en]


@SETTINGS
@given(docs, st.floats(0.5, 20), st.floats(0.5, 20), st.floats(0.5, 20))
def test_configurable_scales_come_from_the_config(js, p, a, i):
    config = config_from_dict({"scale": {"prescription": p, "adaptability": a, "innovation_room": i}})
    scaled = score(js, config=config)
    for name in NAMES:
        assert scaled.units[name] == pytest.approx(score(js).units[name])
    assert scaled.prescription == pytest.approx(scores_from_units(scaled.units, config)["prescription"])
