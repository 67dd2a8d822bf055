"""Provision analysis on tricky sentences: exact attributes, both languages."""

from __future__ import annotations

from typing import Any

import pytest

from clausecheck.analysis import analyze_provisions, resolve_parties
from clausecheck.evidence import PartyRole, Provision

ROLES = (PartyRole("ACME", "supplier"), PartyRole("Northwind", "buyer"))

DEFAULTS: dict[str, Any] = {
    "party": "none", "modality": "none", "strength": "normal", "spec_kind": "none", "means_result": None,
    "negated": False, "exception": False, "trigger": None, "procedure": None, "consequence": None,
}

CASES: list[tuple[str, str, dict[str, Any]]] = [
    # French
    ("fr", "Le Titulaire ne pourra en aucun cas sous-traiter sans l'accord préalable du Pouvoir adjudicateur.",
     {"party": "supplier", "modality": "prohibition", "strength": "strict", "negated": True, "exception": True}),
    ("fr", "Le prestataire s'efforcera, dans la mesure du possible, de limiter les nuisances sonores.",
     {"party": "supplier", "modality": "obligation", "strength": "soft"}),
    ("fr", "Le titulaire est libre des moyens à mettre en œuvre pour atteindre un taux de disponibilité de 99,5 %.",
     {"party": "supplier", "modality": "permission", "spec_kind": "output"}),
    ("fr", "Le titulaire devra affecter deux techniciens à temps plein.",
     {"party": "supplier", "modality": "obligation", "spec_kind": "means"}),
    ("fr", "Les prix sont révisés annuellement selon la formule figurant à l'art. 3.2 du CCAP.",
     {"trigger": "periodic", "procedure": False, "consequence": False}),
    ("fr", "En cas de variation de plus de 15 % des volumes, les parties se rencontrent dans un délai de 30 jours ; "
           "à défaut d'accord, chacune peut résilier.",
     {"party": "both", "modality": "obligation", "trigger": "numeric", "procedure": True, "consequence": True}),
    ("fr", "Le titulaire n'est pas tenu de fournir les consommables.",
     {"party": "supplier", "modality": "permission", "negated": True}),
    ("fr", "Le titulaire utilisera exclusivement les produits de la marque Dupont ou équivalent.",
     {"party": "supplier", "modality": "obligation", "strength": "strict", "spec_kind": "means"}),
    ("fr", "Il est interdit au prestataire de modifier le paramétrage du logiciel.",
     {"party": "supplier", "modality": "prohibition", "spec_kind": "means"}),
    ("fr", "Les variantes ne sont pas autorisées.",
     {"modality": "prohibition", "negated": True}),
    ("fr", "Le Prestataire est tenu à une obligation de résultat sur les indicateurs de l'article 7.",
     {"party": "supplier", "modality": "obligation", "spec_kind": "output", "means_result": "résultat"}),
    ("fr", "Le titulaire n'est tenu qu'à une obligation de moyens.",
     {"party": "supplier", "modality": "obligation", "means_result": "moyens"}),
    ("fr", "Le Pouvoir adjudicateur peut, à tout moment, résilier le marché pour motif d'intérêt général.",
     {"party": "buyer", "modality": "permission", "trigger": "none", "procedure": False, "consequence": False}),
    ("fr", "Le titulaire s'engage à réduire de 10 % la consommation d'énergie des bâtiments.",
     {"party": "supplier", "modality": "obligation", "spec_kind": "outcome"}),
    ("fr", "Le délai d'intervention ne doit pas dépasser 4 heures.",
     {"modality": "prohibition", "negated": True, "spec_kind": "output"}),
    ("fr", "Si le Client le demande, les prix peuvent être révisés.",
     {"modality": "permission", "trigger": "event", "procedure": False, "consequence": False}),
    ("fr", "Sauf accord du Client, le Prestataire ne peut pas changer de site.",
     {"party": "supplier", "modality": "prohibition", "negated": True, "exception": True}),
    ("fr", "Les interventions sont réalisées selon la procédure décrite en annexe 4.",
     {"spec_kind": "means"}),
    ("fr", "Le titulaire ne peut utiliser que des matériaux agréés.",
     {"party": "supplier", "modality": "obligation", "strength": "strict", "spec_kind": "means"}),
    ("fr", "Chaque partie peut demander un réexamen des prix par lettre recommandée si l'indice varie de plus de 5 %.",
     {"party": "both", "modality": "permission", "trigger": "numeric", "procedure": True, "consequence": False}),
    ("fr", "Aucune modification ne pourra intervenir sans avenant signé des deux parties.",
     {"modality": "prohibition", "negated": True, "exception": True, "trigger": "none", "procedure": False,
      "consequence": False}),
    ("fr", "ACME assurera la maintenance des équipements.",
     {"party": "supplier", "modality": "obligation", "spec_kind": "means"}),
    ("fr", "Le titulaire a la faculté de proposer des solutions alternatives.",
     {"party": "supplier", "modality": "permission"}),
    ("fr", "Le titulaire obligatoirement présent à chaque visite devra signer le registre.",
     {"party": "supplier", "modality": "obligation", "strength": "strict"}),
    # English
    ("en", "The Supplier shall not subcontract unless Customer consents in writing.",
     {"party": "supplier", "modality": "prohibition", "negated": True, "exception": True}),
    ("en", "In no event shall Customer be liable for indirect or consequential damages.",
     {"party": "buyer", "modality": "prohibition", "strength": "strict", "negated": True}),
    ("en", "Supplier will use commercially reasonable efforts to meet the delivery dates.",
     {"party": "supplier", "modality": "obligation", "strength": "soft"}),
    ("en", "Supplier shall use only the materials listed in Exhibit A.",
     {"party": "supplier", "modality": "obligation", "strength": "strict", "spec_kind": "means"}),
    ("en", "Each Party may terminate this Agreement for convenience on 90 days' written notice.",
     {"party": "both", "modality": "permission", "trigger": "none", "procedure": True, "consequence": False}),
    ("en", "The Supplier shall restore the service within 4 hours of notification.",
     {"party": "supplier", "modality": "obligation", "spec_kind": "output"}),
    ("en", "ACME will provide the Services in accordance with the Service Levels.",
     {"party": "supplier", "modality": "obligation", "spec_kind": "output"}),
    ("en", "The Services will be performed at the Customer's premises.", {}),
    ("en", "Customer is entitled to audit the Supplier once a year.",
     {"party": "buyer", "modality": "permission"}),
    ("en", "The Supplier is not required to provide on-site staff.",
     {"party": "supplier", "modality": "permission", "negated": True, "spec_kind": "means"}),
    ("en", "Neither Party shall assign this Agreement without the prior written consent of the other Party.",
     {"party": "both", "modality": "prohibition", "negated": True, "exception": True}),
    ("en", "The Charges shall be adjusted annually in line with the CPI index.",
     {"modality": "obligation", "trigger": "periodic", "procedure": False, "consequence": False}),
    ("en", "If the volumes vary by more than 10%, the parties shall meet within 30 days to renegotiate the Charges "
           "in good faith; failing agreement, either party may refer the matter to an expert.",
     {"party": "both", "modality": "obligation", "trigger": "numeric", "procedure": True, "consequence": True}),
    ("en", "Northwind shall pay each undisputed invoice within 30 days.",
     {"party": "buyer", "modality": "obligation"}),
    ("en", "The Supplier shall at all times comply with the Customer's security policies.",
     {"party": "supplier", "modality": "obligation", "strength": "strict"}),
    ("en", "The Supplier is responsible for determining how the Business Outcomes are achieved.",
     {"party": "supplier", "modality": "obligation", "spec_kind": "outcome"}),
    ("en", "The Supplier must assign a dedicated team of three full-time engineers.",
     {"party": "supplier", "modality": "obligation", "spec_kind": "means"}),
    ("en", "No change to the configuration may be made without the Customer's prior written consent.",
     {"modality": "prohibition", "negated": True, "exception": True}),
    ("en", "The Supplier shall achieve a reduction of at least 5% in energy consumption each year.",
     {"party": "supplier", "modality": "obligation", "spec_kind": "outcome"}),
    ("en", "Subject to Section 9, the Customer may request a Change at any time.",
     {"party": "buyer", "modality": "permission", "exception": True}),
]


def _single(lang: str, text: str, roles: tuple[PartyRole, ...] = ROLES) -> Provision:
    provisions = analyze_provisions(text, lang, 0, roles)
    assert len(provisions) == 1, [text[p.start : p.end] for p in provisions]
    return provisions[0]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES, ids=[c[1][:40] for c in CASES])
def test_sentence_attributes(lang: str, text: str, expected: dict[str, Any]) -> None:
    provision = _single(lang, text)
    got = {key: getattr(provision, key) for key in DEFAULTS}
    assert got == {**DEFAULTS, **expected}


def test_offsets_point_into_document_text() -> None:
    text = "  Le titulaire devra livrer sous 24 heures.  Le client peut refuser la livraison.\n"
    provisions = analyze_provisions(text, "fr", 100, ())
    first, second = "Le titulaire devra livrer sous 24 heures.", "Le client peut refuser la livraison."
    assert [(p.start, p.end) for p in provisions] == [
        (100 + text.index(first), 100 + text.index(first) + len(first)),
        (100 + text.index(second), 100 + text.index(second) + len(second)),
    ]
    assert [p.party for p in provisions] == ["supplier", "buyer"]


def test_heading_and_number_skipped_and_list_items_inherit_lead_in() -> None:
    text = "3.1 Personnel\nLe titulaire devra :\n- affecter deux techniciens ;\n- utiliser le logiciel X.\n"
    provisions = analyze_provisions(text, "fr", 0, ())
    assert [text[p.start : p.end] for p in provisions] == ["affecter deux techniciens", "utiliser le logiciel X."]
    assert all((p.party, p.modality, p.spec_kind) == ("supplier", "obligation", "means") for p in provisions)


def test_inline_list_items() -> None:
    text = "Le titulaire doit fournir : a) un planning ; b) un rapport mensuel ; c) un bilan annuel."
    provisions = analyze_provisions(text, "fr", 0, ())
    assert [text[p.start : p.end] for p in provisions] == ["un planning", "un rapport mensuel", "un bilan annuel."]
    assert {p.modality for p in provisions} == {"obligation"}


def test_pdf_lines_are_joined_into_one_sentence() -> None:
    text = ("Le titulaire devra affecter à l'exécution des prestations deux\n"
            "techniciens à temps plein, conformément à l'art.\n12 du CCAG.")
    provisions = analyze_provisions(text, "fr", 0, ())
    assert len(provisions) == 1
    assert provisions[0].spec_kind == "means"


def test_pronoun_subject_takes_previous_party() -> None:
    text = "Le prestataire assure la préparation des commandes. Il s'engage à un taux de service de 99 %."
    provisions = analyze_provisions(text, "fr", 0, ())
    assert [(p.party, p.modality, p.spec_kind) for p in provisions] == [
        ("supplier", "obligation", "none"), ("supplier", "obligation", "output")]


def test_company_name_parties_from_preamble_drive_provisions() -> None:
    preamble = ('This Agreement is made between Northwind Retail plc, a company registered in England ("Northwind"), '
                'and ACME Logistics Inc., a Delaware corporation and a provider of logistics services ("ACME").')
    roles = resolve_parties(preamble, "en")
    provision = _single("en", "ACME shall not change the Site without Northwind's approval.", roles)
    assert (provision.party, provision.modality, provision.exception) == ("supplier", "prohibition", True)


def test_accurate_mode_agrees_on_french() -> None:
    text = ("Le Titulaire ne pourra en aucun cas sous-traiter sans l'accord préalable du Pouvoir adjudicateur. "
            "Si le Client le demande, les prix peuvent être révisés.")
    fast = analyze_provisions(text, "fr", 0, ())
    accurate = analyze_provisions(text, "fr", 0, (), mode="accurate")
    assert fast == accurate


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("Le contrat est conclu pour une durée ferme de trois (3) ans à compter de la date de démarrage.", 36),
        ("This Agreement has an initial term of five (5) years and renews for successive one-year periods.", 60),
        ("L'accord-cadre est conclu pour 12 mois, reconductible trois fois.", 12),
        ("This Agreement continues until terminated.", None),
    ],
)
def test_term_months(text: str, months: int | None) -> None:
    from clausecheck.analysis.term import term_months

    assert term_months(text) == months
