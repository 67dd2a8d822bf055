"""Messages and suggestions of the document findings, in French and English.

Placeholders: ``{refs}`` the grounding clauses, ``{share}`` the percentage of
requirements prescribing means, ``{months}`` the term, ``{inn}`` / ``{means}``
the innovation and means clauses, ``{why}`` what locks the relationship.
"""

from __future__ import annotations

REVOYURE_EN = (
    "add a revoyure (review) clause with a numeric trigger (e.g. volumes ±15 % or cost index +10 %), a procedure with "
    "deadlines (meeting within 30 days, written proposal within 60 days) and a consequence if no agreement "
    "(termination without penalty or expert determination)"
)
REVOYURE_FR = (
    "ajouter une clause de revoyure avec un déclencheur chiffré (p. ex. volumes ±15 % ou indice de coûts +10 %), une "
    "procédure avec délais (réunion sous 30 jours, proposition écrite sous 60 jours) et une issue en cas de désaccord "
    "(résiliation sans pénalité ou recours à un expert)"
)

#: code -> language -> (message, suggestion); the order is the report order for equal severity.
TEXTS: dict[str, dict[str, tuple[str, str]]] = {
    "innovation_paradox": {
        "en": ("The document asks for innovation or proposals ({inn}) while {share} % of its requirements "
               "prescribe means ({means}).",
               "Rewrite the means requirements of {means} as service levels (what result, measured how) and reward "
               "the supplier's proposals (gain-share or bonus) in {inn}."),
        "fr": ("Le document demande de l'innovation ou des propositions ({inn}) alors que {share} % de ses exigences "
               "prescrivent des moyens ({means}).",
               "Réécrire les exigences de moyens ({means}) en niveaux de service (quel résultat, mesuré comment) et "
               "rémunérer les propositions du titulaire (partage des gains ou intéressement) ({inn})."),
    },
    "locked_relationship": {
        "en": ("The relationship is locked: {why}, with no review mechanism and no termination for convenience.",
               f"{REVOYURE_EN[0].upper()}{REVOYURE_EN[1:]}; add termination for convenience with 3 months' notice."),
        "fr": ("La relation est verrouillée : {why}, sans mécanisme de réexamen ni résiliation pour convenance.",
               f"{REVOYURE_FR[0].upper()}{REVOYURE_FR[1:]} ; prévoir une résiliation pour convenance (ou pour motif "
               "d'intérêt général) avec un préavis de 3 mois."),
    },
    "firm_price_long_term": {
        "en": ("Prices are firm and not revisable ({refs}) over a {months}-month term.",
               "Make prices revisable after the first year by a formula on a published index (e.g. Syntec, INSEE "
               "raw-material indices) with an annual revision date and a safeguard (review if the index moves by more "
               "than 10 %); French public contracts exposed to raw-material prices must include a revision clause "
               "(CCP R2112-14)."),
        "fr": ("Les prix sont fermes et non révisables ({refs}) sur une durée de {months} mois.",
               "Rendre les prix révisables après la première année par une formule sur un indice publié (p. ex. "
               "Syntec, indices INSEE de matières premières), avec une date de révision annuelle et une clause de "
               "sauvegarde (réexamen si l'indice varie de plus de 10 %) ; une clause de révision est obligatoire "
               "dans les marchés publics exposés aux prix des matières premières (CCP R2112-14)."),
    },
    "hardship_excluded": {
        "en": ("Hardship (French Civil Code art. 1195, imprévision) is excluded ({refs}).",
               "Keep art. 1195 or organise it: a trigger (e.g. cost increase above 15 %), renegotiation within "
               "30 days, and a fallback if no agreement (expert determination or termination without penalty)."),
        "fr": ("L'imprévision (C. civ. art. 1195) est écartée ({refs}).",
               "Maintenir l'article 1195 ou l'aménager : un déclencheur (p. ex. hausse des coûts de plus de 15 %), "
               "une renégociation sous 30 jours et une issue en cas de désaccord (expert ou résiliation sans pénalité)."),
    },
    "variants_forbidden": {
        "en": ("Variants are forbidden ({refs}): suppliers cannot propose alternative solutions.",
               "Authorise variants with minimum requirements (the functional needs any variant must meet) and judge "
               "them on the same award criteria."),
        "fr": ("Les variantes sont interdites ({refs}) : les candidats ne peuvent proposer de solution alternative.",
               "Autoriser les variantes en fixant des exigences minimales (les besoins fonctionnels que toute variante "
               "doit satisfaire) et les juger sur les mêmes critères d'attribution."),
    },
    "unilateral_modification": {
        "en": ("The buyer may modify the contract unilaterally ({refs}); this is not a negotiated review mechanism.",
               "Frame this right: limit its scope (e.g. ±10 % of volumes), require 30 days' written notice, adjust "
               "price and deadlines accordingly, and let the supplier terminate without penalty beyond the limit."),
        "fr": ("L'acheteur peut modifier le contrat unilatéralement ({refs}) ; ce n'est pas un mécanisme de réexamen "
               "négocié.",
               "Encadrer ce pouvoir : en limiter la portée (p. ex. ±10 % des volumes), imposer un préavis écrit de "
               "30 jours, ajuster prix et délais en conséquence et permettre au titulaire de résilier sans pénalité "
               "au-delà de la limite."),
    },
    "ip_capture": {
        "en": ("All supplier improvements are assigned to the buyer without consideration ({refs}).",
               "Let the supplier keep ownership of its improvements with a licence to the buyer, or share them and "
               "pay a consideration (royalty or gain-share)."),
        "fr": ("Toutes les améliorations du titulaire sont cédées à l'acheteur sans contrepartie ({refs}).",
               "Laisser au titulaire la propriété de ses améliorations avec une licence à l'acheteur, ou les partager "
               "contre une contrepartie (redevance ou partage des gains)."),
    },
    "over_specification": {
        "en": ("{share} % of the requirements prescribe means rather than performance ({refs}).",
               "Rewrite the means requirements of {refs} as service levels or functional requirements (what result, "
               "measured how); keep prescribed means only where law, safety or interoperability require them "
               "(CCP R2111-8 allows specifications in terms of performance or functional requirements)."),
        "fr": ("{share} % des exigences prescrivent des moyens plutôt qu'une performance ({refs}).",
               "Réécrire les exigences de moyens ({refs}) en niveaux de service ou exigences fonctionnelles (quel "
               "résultat, mesuré comment) ; ne prescrire les moyens que lorsque la loi, la sécurité ou "
               "l'interopérabilité l'imposent (CCP R2111-8 : spécifications en termes de performances ou "
               "d'exigences fonctionnelles)."),
    },
    "missing_review": {
        "en": ("The document has no review mechanism of any kind (revoyure, price revision, change control, "
               "termination for convenience).", f"{REVOYURE_EN[0].upper()}{REVOYURE_EN[1:]}."),
        "fr": ("Le document ne prévoit aucun mécanisme de réexamen (revoyure, révision des prix, procédure de "
               "modification, résiliation pour convenance).", f"{REVOYURE_FR[0].upper()}{REVOYURE_FR[1:]}."),
    },
}

#: Pieces of the ``locked_relationship`` message.
WHY: dict[str, dict[str, str]] = {
    "en": {"term": "a term of {months} months", "tacit": "tacit renewal ({refs})", "and": " and "},
    "fr": {"term": "une durée de {months} mois", "tacit": "une reconduction tacite ({refs})", "and": " et "},
}

#: Legal reference behind a finding, where there is one.
LEGAL_BASIS: dict[str, str] = {
    "firm_price_long_term": "CCP R2112-14",
    "hardship_excluded": "C. civ. art. 1195",
    "over_specification": "CCP R2111-8",
}
