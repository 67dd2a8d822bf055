"""The matcher: context words, negation, offsets, disabled rules and user folders overriding the built-in pack."""

from __future__ import annotations

from pathlib import Path

import pytest

from clausecheck.engine import load_rules

RULES = load_rules()


def codes(text: str, lang: str, rules=RULES) -> set[str]:
    return {item.rule for item in rules.match(text, lang) if item.rule}


@pytest.mark.parametrize(("text", "lang", "present", "absent"), [
    ("Les variantes ne sont pas autorisées.", "fr", "RIG-VARIANTS-FORBIDDEN", "INN-VARIANTS-ALLOWED"),
    ("Les variantes sont autorisées.", "fr", "INN-VARIANTS-ALLOWED", "RIG-VARIANTS-FORBIDDEN"),
    ("Variants are not permitted.", "en", "RIG-VARIANTS-FORBIDDEN", "INN-VARIANTS-ALLOWED"),
    ("Variants are permitted.", "en", "INN-VARIANTS-ALLOWED", "RIG-VARIANTS-FORBIDDEN"),
    ("Prices are firm and shall not be adjusted by reference to the CPI index.", "en", "RIG-PRICE-FIRM",
     "REV-PRICE-INDEX"),
    ("Les prix sont fermes et non révisables selon l'indice.", "fr", "RIG-PRICE-FIRM", "REV-PRICE-INDEX"),
    ("Les parties renoncent à se prévaloir de l'article 1195 du Code civil.", "fr", "RIG-HARDSHIP-EXCLUDED",
     "REV-HARDSHIP"),
    ("Le titulaire n'est pas libre des moyens.", "fr", "ATT-OBLIGATION-RESULT", "INN-FREE-MEANS"),
])
def test_negation_flips_the_direction(text: str, lang: str, present: str, absent: str) -> None:
    if present == "ATT-OBLIGATION-RESULT":  # nothing should fire for a negated free-means sentence
        assert absent not in codes(text, lang)
        return
    found = codes(text, lang)
    assert present in found
    assert absent not in found


def test_against_direction_gives_negative_weight() -> None:
    evidence = [e for e in RULES.match("Les prix sont fermes et non révisables.", "fr") if e.rule == "RIG-PRICE-FIRM"]
    by_label = {e.label: e.weight for e in evidence}
    assert by_label["rigid"] > 0
    assert by_label["review"] < 0
    assert by_label["rigid"] == -by_label["review"]


def test_context_raise_changes_weight() -> None:
    plain = [e for e in RULES.match("Les prix sont révisés selon l'indice Syntec.", "fr") if e.rule == "REV-PRICE-INDEX"]
    raised = [e for e in RULES.match("Les prix sont révisés chaque année selon l'indice Syntec.", "fr")
              if e.rule == "REV-PRICE-INDEX"]
    assert plain[0].weight == pytest.approx(0.8)
    assert raised[0].weight == pytest.approx(0.9)


def test_context_lower_and_cancel(write_rule, valid_rule) -> None:
    rule = valid_rule + (
        "context:\n  window: sentence\n  lower:\n    - {words: [peut-être, maybe], by: 0.2}\n"
        "    - {words: [jamais, never], by: 0.6}\n  cancel_if: [sauf si]\n")
    folder = write_rule("rev-test.yaml", rule).parent
    rules = load_rules([folder], builtin=False)

    def weight(text: str, lang: str) -> float | None:
        found = [e.weight for e in rules.match(text, lang)]
        return found[0] if found else None

    assert weight("A review clause applies.", "en") == pytest.approx(0.5)
    assert weight("A review clause maybe applies.", "en") == pytest.approx(0.3)
    assert weight("A review clause never applies.", "en") is None  # lowered to 0: dropped
    assert weight("La clause de revoyure joue, sauf si le contrat expire.", "fr") is None
    # context is looked for in the same sentence only
    assert weight("Une clause de revoyure est prévue. Elle ne joue jamais en été.", "fr") == pytest.approx(0.5)


def test_offsets_point_into_the_document() -> None:
    document = "ARTICLE 9 - PRIX\nLes prix sont fermes et non révisables. Ils sont payés à 30 jours."
    clause_start = 1000
    evidence = RULES.match(document, "fr", offset=clause_start)
    assert evidence
    for item in evidence:
        assert item.start is not None and item.end is not None
        assert document[item.start - clause_start:item.end - clause_start] == item.text
    firm = next(e for e in evidence if e.rule == "RIG-PRICE-FIRM")
    assert firm.text in ("prix sont fermes", "prix fermes", "non révisables")
    assert [e.start for e in evidence] == sorted(e.start or 0 for e in evidence)


def test_heading_rules_only_fire_on_the_first_line() -> None:
    assert "TYP-HEADING-PENALTIES" in codes("Article 14 – Pénalités\nLe titulaire est payé.", "fr")
    assert "TYP-HEADING-PENALTIES" not in codes("Article 14 – Paiement\nLes pénalités sont dues.", "fr")


def test_matches_stay_within_one_sentence() -> None:
    text = "Les prix sont révisables. Le titulaire utilise l'indice de satisfaction client."
    assert "REV-PRICE-INDEX" not in codes(text, "fr")


def test_regex_rules_are_language_neutral() -> None:
    assert "REV-PRICE-FORMULA" in codes("P = P0 x (0,15 + 0,85 In/I0)", "fr")
    assert "REV-PRICE-FORMULA" in codes("P = P0 x (0.15 + 0.85 In/I0)", "en")


def test_unilateral_attribute() -> None:
    evidence = [e for e in RULES.match("Le pouvoir adjudicateur peut modifier unilatéralement les quantités.", "fr")
                if e.rule == "ATT-UNILATERAL-MODIFICATION"]
    assert evidence and evidence[0].attributes == {"unilateral": True}
    assert evidence[0].label is None and evidence[0].clause_type == "change_control"


def test_disabled_rules() -> None:
    text = "Les variantes ne sont pas autorisées. Les prix sont fermes."
    rules = load_rules(disabled=["RIG-VARIANTS-*", "rigid.price.*"])
    assert codes(text, "fr", rules).isdisjoint({"RIG-VARIANTS-FORBIDDEN", "RIG-PRICE-FIRM"})
    assert {"RIG-VARIANTS-FORBIDDEN", "RIG-PRICE-FIRM"} <= codes(text, "fr")
    assert len(rules) == len(RULES) - 2


def test_user_folder_overrides_builtin_rule(write_rule, valid_rule, tmp_path: Path) -> None:
    override = valid_rule.replace("REV-TEST-REVIEW", "REV-PRICE-INDEX").replace("weight: 0.5", "weight: 0.3")
    folder = write_rule("my-index.yaml", override, folder="mine").parent
    rules = load_rules([folder])
    assert len(rules) == len(RULES)
    rule = rules.get("REV-PRICE-INDEX")
    assert rule is not None and Path(rule.path).parent == folder
    assert "REV-PRICE-INDEX" not in codes("Les prix sont révisables selon l'indice Syntec.", "fr", rules)
    [evidence] = [e for e in rules.match("Une clause de revoyure est prévue.", "fr") if e.rule == "REV-PRICE-INDEX"]
    assert evidence.weight == pytest.approx(0.3)


def test_unknown_language_gives_no_evidence() -> None:
    assert RULES.match("Les prix sont fermes.", "de") == []


def test_rules_compile_once_per_language() -> None:
    assert load_rules() is RULES
    assert RULES.compiled("fr") is RULES.compiled("fr")


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("effect", ["rigid", "review", "innovation"])
@pytest.mark.parametrize("direction", ["for", "against"])
def test_pack_covers_every_effect_both_directions(lang: str, effect: str, direction: str) -> None:
    assert any(entry.effect == effect and entry.direction == direction
               for spec in RULES.for_language(lang) for entry in spec.evidence)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_pack_covers_every_clause_type(lang: str) -> None:
    from clausecheck.evidence import CLAUSE_TYPES

    covered = {entry.type for spec in RULES.for_language(lang) for entry in spec.evidence}
    assert set(CLAUSE_TYPES) - covered <= {"other"}


def test_pack_messages_in_both_report_languages() -> None:
    specs = list(RULES)
    missing = [spec.code for spec in specs if not spec.message_fr]
    assert not missing, missing
    spec = next(s for s in specs if s.code == "RIG-PRICE-FIRM")
    assert spec.message_in("fr") == spec.message_fr != spec.message_in("en") == spec.message


def test_a_list_lead_in_and_its_items_are_one_sentence_for_the_rules() -> None:
    """The accurate French pipeline splits a list after its first item; the rules still see one provision."""
    from clausecheck.engine.matcher import _sentence_bounds
    from clausecheck.nlp import get_nlp

    text = ("Le marché peut être résilié par l'acheteur dans les cas suivants :\n"
            "- manquement grave du titulaire à ses obligations ;\n"
            "- liquidation judiciaire du titulaire.\n"
            "Le titulaire en est informé par écrit.")
    doc = get_nlp("fr", "accurate")(text)
    assert len(list(doc.sents)) >= 3  # the parser's own split
    bounds = _sentence_bounds(doc, doc.text)
    last_item = next(t.i for t in doc if t.text == "liquidation")
    after = next(t.i for t in doc if t.text == "informé")
    assert bounds[0] == bounds[last_item]  # lead-in and every item together
    assert bounds[after] != bounds[0]  # the sentence after the list stands alone


def test_termination_for_cause_written_as_a_list_is_seen() -> None:
    text = ("Buyer may terminate this Agreement immediately by written notice if:\n"
            "(a) Supplier breaches any provision of this Agreement and fails to cure such breach within fifteen (15) "
            "days of notice;\n(b) Supplier becomes insolvent.")
    assert "REV-AGAINST-TERMINATION-CAUSE" in codes(text, "en")


def test_english_prior_consent_is_rigid_for_execution_not_for_assignment() -> None:
    assert "RIG-PRIOR-CONSENT" in codes(
        "Supplier shall not subcontract any of the Services without the prior written consent of Customer.", "en")
    assert "RIG-PRIOR-CONSENT" not in codes(
        "Neither party may assign this Agreement without the prior written consent of the other party.", "en")
    # an English cancel word must not silence a French match
    assert "RIG-PRIOR-CONSENT" in codes(
        "Toute modification du planning d'information des usagers est soumise à l'accord préalable du client.", "fr")


def test_cancel_words_can_be_given_per_language(write_rule, valid_rule) -> None:
    """``cancel_if: {fr: [...], en: [...]}``: a French cancel word does not silence the English match."""
    text = valid_rule.replace("examples:", "context:\n  window: sentence\n  cancel_if:\n    fr: [annuelle]\n"
                                           "    en: [ignored]\nexamples:")
    folder = write_rule("per-language.yaml", text, folder="mine").parent
    rules = load_rules([folder])
    assert "REV-TEST-REVIEW" not in codes("La clause de revoyure annuelle est supprimée.", "fr", rules)
    assert "REV-TEST-REVIEW" in codes("The annuelle review clause applies.", "en", rules)
    assert "REV-TEST-REVIEW" not in codes("The review clause is ignored.", "en", rules)


def test_cancel_words_for_a_language_the_rule_lacks_are_reported(write_rule, valid_rule) -> None:
    from clausecheck.engine.loader import RulePackError

    text = valid_rule.replace("languages: [fr, en]", "languages: [fr]").replace(
        '  en: ["review clause"]\n', "").replace('    - en: "A review clause applies."\n', "").replace(
        '    - en: "The review clause applies yearly."\n', "").replace('    - en: "Nothing."\n', "").replace(
        "examples:", "context:\n  cancel_if:\n    en: [ignored]\nexamples:")
    folder = write_rule("stray.yaml", text, folder="stray").parent
    with pytest.raises(RulePackError, match="cancel_if"):
        load_rules([folder])
