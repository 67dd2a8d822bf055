import pytest
from scoring_factories import document, judged, means, performance, review

from clausecheck.scoring import FINDING_CODES, Waiver, detect_findings


def codes(pairs, **kwargs):
    return {f.code: f for f in detect_findings(pairs, **kwargs)}


REVISION = judged("review", type="price_revision", trigger="periodic", procedure=True)
DEFINITIONS = judged(type="definitions")


def test_an_empty_document_has_no_findings():
    assert detect_findings([]) == ()


def test_every_code_has_french_and_english_texts():
    assert set(FINDING_CODES) == {
        "innovation_paradox", "locked_relationship", "firm_price_long_term", "hardship_excluded",
        "variants_forbidden", "unilateral_modification", "ip_capture", "over_specification", "missing_review"}


# --- innovation_paradox and over_specification --------------------------------------------------------------------

def spec(n_means, n_performance, *extra):
    return document([*(judged("rigid", type="means", provisions=[means()]) for _ in range(n_means)),
                     *(judged("innovation", type="service_levels", provisions=[performance()]) for _ in range(n_performance)),
                     *extra], numbers=None)


def test_innovation_paradox_when_proposals_are_asked_and_means_are_prescribed():
    asks = judged("innovation", type="continuous_improvement", asks_proposals=True)
    found = codes(spec(4, 1, asks, REVISION))
    paradox = found["innovation_paradox"]
    assert paradox.severity == "high"
    assert paradox.clauses == ("c1", "c2", "c3", "c4", "c6")
    assert "80 %" in paradox.message and "clause 6" in paradox.message
    assert "service levels" in paradox.suggestion and "clauses 1, 2, 3, 4" in paradox.suggestion


def test_rewarded_innovation_softens_the_paradox_and_result_based_specs_avoid_it():
    rewarded = judged("innovation", type="incentives", gain_share=True)
    assert codes(spec(4, 1, rewarded, REVISION))["innovation_paradox"].severity == "medium"
    assert "innovation_paradox" not in codes(spec(1, 4, judged("innovation", type="continuous_improvement"), REVISION))


def test_over_specification_in_a_cctp_cites_the_means_clauses_and_r2111_8():
    found = codes(spec(5, 1, REVISION), doc_kind="cctp", language="fr")
    over = found["over_specification"]
    assert over.severity == "high" and over.legal_basis == "CCP R2111-8"
    assert over.clauses == ("c1", "c2", "c3", "c4", "c5")
    assert over.message.startswith("83 % des exigences") and "art. 1, 2, 3, 4, 5" in over.message
    assert "niveaux de service" in over.suggestion and "R2111-8" in over.suggestion


def test_over_specification_needs_enough_requirements_and_a_specification():
    assert "over_specification" not in codes(spec(3, 0, REVISION), doc_kind="cctp")
    assert "over_specification" not in codes(spec(6, 1, REVISION), doc_kind="ccap")
    assert codes(spec(3, 2, REVISION), doc_kind="SOW")["over_specification"].severity == "medium"
    assert "over_specification" not in codes(spec(2, 3, REVISION), doc_kind="cctp")


def test_waived_means_clauses_stop_counting_in_the_share():
    waivers = [Waiver("safety", "legal", clause=f"c{n}") for n in (1, 2, 3)]
    assert "over_specification" not in codes(spec(5, 3, REVISION), doc_kind="cctp", waivers=waivers)


# --- relationship and price -----------------------------------------------------------------------------------------

def test_locked_relationship_long_term_without_review_or_exit():
    pairs = document([judged(type="duration", term_months=48), judged("rigid", type="renewal", tacit_renewal=True),
                      DEFINITIONS])
    found = codes(pairs)
    locked = found["locked_relationship"]
    assert locked.severity == "high" and locked.clauses == ("c1", "c2")
    assert "48 months" in locked.message and "tacit renewal (clause 2)" in locked.message
    assert "numeric trigger" in locked.suggestion and "30 days" in locked.suggestion
    assert "missing_review" not in found
    french = codes(pairs, language="fr")["locked_relationship"]
    assert "reconduction tacite (art. 2)" in french.message and "revoyure" in french.suggestion


def test_an_exit_for_convenience_or_a_review_unlocks_the_relationship():
    long = judged(type="duration", term_months=60)
    assert "locked_relationship" not in codes(document([long, judged("review", type="termination")]))
    assert "locked_relationship" not in codes(document([long, REVISION]))
    assert codes(document([judged(type="duration", term_months=36)]))["locked_relationship"].severity == "medium"
    assert "locked_relationship" not in codes(document([judged(type="duration", term_months=24)]))


def test_a_unilateral_right_is_no_review_and_is_reported():
    pairs = document([judged(type="duration", term_months=48), judged("review", type="change_control", unilateral=True)])
    found = codes(pairs)
    assert "locked_relationship" in found
    assert found["unilateral_modification"].severity == "high" and found["unilateral_modification"].clauses == ("c2",)
    assert codes(document([REVISION, judged("rigid", unilateral=True)]))["unilateral_modification"].severity == "medium"


def test_firm_price_long_term_cites_r2112_14():
    pairs = document([judged(type="duration", term_months=48), judged("rigid", type="price", firm_price=True),
                      judged("review", type="termination")])
    firm = codes(pairs)["firm_price_long_term"]
    assert firm.severity == "high" and firm.clauses == ("c2",) and firm.legal_basis == "CCP R2112-14"
    assert "48-month" in firm.message and "index" in firm.suggestion
    assert "R2112-14" in codes(pairs, language="fr")["firm_price_long_term"].suggestion


def test_firm_price_is_fine_for_a_short_term_or_with_a_revision_clause():
    firm = judged("rigid", type="price", firm_price=True)
    assert "firm_price_long_term" not in codes(document([judged(type="duration", term_months=12), firm]))
    assert "firm_price_long_term" not in codes(document([judged(type="duration", term_months=48), firm, REVISION]))
    assert "firm_price_long_term" not in codes(document([firm]))
    assert codes(document([judged(type="duration", term_months=24), firm]))["firm_price_long_term"].severity == "medium"


def test_hardship_variants_and_ip_capture():
    pairs = document([judged("rigid", type="renegotiation", hardship_excluded=True),
                      judged("rigid", type="variants", variants_forbidden=True),
                      judged("rigid", type="intellectual_property", ip_capture=True), REVISION])
    found = codes(pairs)
    assert found["hardship_excluded"].clauses == ("c1",) and found["hardship_excluded"].legal_basis == "C. civ. art. 1195"
    assert found["variants_forbidden"].severity == "low" and found["ip_capture"].severity == "medium"
    asked = codes([*pairs, *document([judged("innovation", type="continuous_improvement")], first=5)])
    assert asked["variants_forbidden"].severity == "medium" and asked["ip_capture"].severity == "high"
    assert "licence" in found["ip_capture"].suggestion
    assert "1195" in codes(pairs, language="fr")["hardship_excluded"].message


def test_missing_review_is_info_only_in_a_specification():
    pairs = document([judged("rigid", type="means"), DEFINITIONS])
    assert codes(pairs)["missing_review"].severity == "medium"
    assert codes(pairs, doc_kind="cctp")["missing_review"].severity == "info"
    assert "missing_review" not in codes(document([judged("review", type="governance", provisions=[review()])]))


# --- output ---------------------------------------------------------------------------------------------------------

def test_findings_are_sorted_by_severity_then_code():
    pairs = document([judged("rigid", type="variants", variants_forbidden=True),
                      judged(type="duration", term_months=80), judged("rigid", type="price", firm_price=True)])
    found = detect_findings(pairs)
    order = ["info", "low", "medium", "high"]
    ranks = [order.index(f.severity) for f in found]
    assert ranks == sorted(ranks, reverse=True)
    assert [f.code for f in found][:2] == ["locked_relationship", "firm_price_long_term"]


def test_waived_findings_stay_listed_with_reason_and_author():
    pairs = document([judged("rigid", type="variants", variants_forbidden=True), REVISION])
    waiver = Waiver("single-source equipment", "A. Martin", finding="variants_forbidden")
    finding = codes(pairs, waivers=[waiver])["variants_forbidden"]
    assert finding.waived and finding.waiver == waiver
    data = finding.to_dict()
    assert data["waived"] is True and data["waiver_reason"] == "single-source equipment"
    by_clause = codes(pairs, waivers=[Waiver("ok", "B", clause="c1")])["variants_forbidden"]
    assert by_clause.waived and by_clause.waiver is not None and by_clause.waiver.author == "B"
    assert not codes(pairs, waivers=[Waiver("ok", "B", clause="c2")])["variants_forbidden"].waived


def test_to_dict_matches_the_report_contract():
    finding = codes(document([judged("rigid", type="renegotiation", hardship_excluded=True), REVISION]))[
        "hardship_excluded"]
    data = finding.to_dict()
    assert {"code", "severity", "message", "suggestion", "clauses"} <= set(data)
    assert data["clauses"] == ["c1"] and data["legal_basis"] == "C. civ. art. 1195" and "waived" not in data


@pytest.mark.parametrize("language", ["fr", "en"])
def test_clauses_without_numbers_are_cited_by_heading_or_id(language):
    pairs = document([judged("rigid", type="variants", variants_forbidden=True), REVISION])
    clause = pairs[0][0]
    from dataclasses import replace
    unnumbered = [(replace(clause, number=None, heading="Variantes"), pairs[0][1]), pairs[1]]
    assert "«Variantes»" in codes(unnumbered, language=language)["variants_forbidden"].message
    bare = [(replace(clause, number=None, heading=None), pairs[0][1]), pairs[1]]
    assert "c1" in codes(bare, language=language)["variants_forbidden"].message


def test_an_exit_attribute_counts_as_a_review_mechanism_without_the_label():
    pairs = document([judged(type="duration", term_months=60), judged(type="termination", exit_for_convenience=True)])
    found = codes(pairs)
    assert "locked_relationship" not in found and "missing_review" not in found
