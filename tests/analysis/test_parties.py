"""Party resolution on preambles (French and English) and subject mapping."""

from __future__ import annotations

import pytest

from clausecheck.analysis import party_of, resolve_parties
from clausecheck.evidence import PartyRole

FR_PREAMBLE = (
    "Entre les soussignés\n"
    "La société MAISON AUBRAC DISTRIBUTION, société par actions simplifiée, représentée par Madame Claire Vernet, "
    "en sa qualité de Directrice Supply Chain, dûment habilitée,\n"
    "ci-après dénommée\u00a0«\u00a0le Client\u00a0»,\nd'une part,\nET\n"
    "La société LOGIRHÔNE SERVICES, société anonyme, représentée par Monsieur Julien Mercier,\n"
    "ci-après dénommée « le Prestataire »,\nd'autre part,\n"
    "ci-après dénommées ensemble « les Parties » et individuellement « une Partie »."
)


def _pairs(roles: tuple[PartyRole, ...]) -> list[tuple[str, str]]:
    return [(r.term, r.role) for r in roles]


def test_french_preamble_with_nbsp_guillemets_and_collective_terms() -> None:
    roles = resolve_parties(FR_PREAMBLE, "fr")
    assert _pairs(roles) == [("le Client", "buyer"), ("le Prestataire", "supplier")]
    assert roles[0].start == FR_PREAMBLE.index("le Client")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Northwind Retail plc, a company incorporated in England (the "Customer"); and Calder Systems Limited '
         '(the "Supplier").', [("Customer", "buyer"), ("Supplier", "supplier")]),
        ('This Agreement is made on 2 May 2024 (the "Effective Date") between Foo Corp. (the “Company”) and Bar LLC '
         '(hereinafter "Consultant").', [("Company", "buyer"), ("Consultant", "supplier")]),
        ('between Adaptimmune Limited, a company registered in England ("Adaptimmune"), and ACME Logistics Inc., '
         'a Delaware corporation and a provider of logistics services ("ACME").',
         [("Adaptimmune", "buyer"), ("ACME", "supplier")]),
        ("ENTRE la société Alpha SAS (ci-après « Alpha »), agissant en qualité de prestataire, ET la société Beta SA "
         "(ci-après « Beta »).", [("Alpha", "supplier"), ("Beta", "buyer")]),
        ('Beta Ltd (hereinafter "Beta") and Gamma GmbH ("Gamma"). Gamma shall provide the Services to Beta.',
         [("Beta", "buyer"), ("Gamma", "supplier")]),
        ('XYZ Inc. ("XYZ") and Widget Co. (the "Distributor").', [("XYZ", "supplier"), ("Distributor", "buyer")]),
        ('ABC Ltd (the "Licensor") and DEF Ltd (the "Licensee"), together the "Parties" and each a "Party".',
         [("Licensor", "supplier"), ("Licensee", "buyer")]),
        ("La société Delta, ci-après dénommée « le Titulaire », et la Ville de Paris, dénommée ci-après "
         "« l'Acheteur ».", [("le Titulaire", "supplier"), ("l'Acheteur", "buyer")]),
        ("Titulaire : ACME SA\nPouvoir adjudicateur : Ville de Lyon\n",
         [("ACME SA", "supplier"), ("Ville de Lyon", "buyer")]),
        ('Omega SARL ("Omega") et Sigma SAS ("Sigma").', [("Omega", "unknown"), ("Sigma", "unknown")]),
    ],
)
def test_preambles(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(resolve_parties(text, "en")) == expected


ROLES = (PartyRole("ACME", "supplier"), PartyRole("le Pouvoir adjudicateur", "buyer"), PartyRole("Omega", "unknown"))


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("le Titulaire", "supplier"), ("The Parties", "both"), ("Customer", "buyer"), ("chaque partie", "both"),
        ("les parties", "both"), ("each party", "both"), ("ACME", "supplier"), ("Neither Party", "both"),
        ("le Pouvoir adjudicateur", "buyer"), ("le titulaire et le client", "both"), ("les prix", "none"),
        ("Omega", "none"), ("a company", "none"), ("le sous-traitant", "supplier"), ("The Company", "buyer"),
    ],
)
def test_party_of(subject: str, expected: str) -> None:
    assert party_of(subject, ROLES) == expected
