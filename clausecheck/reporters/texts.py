"""Words the human-readable reporters share, in French and English."""

from __future__ import annotations

SCORE_NAMES = {
    "en": {"prescription": "Prescription", "adaptability": "Adaptability", "innovation_room": "Innovation room",
           "constraint": "Constraint"},
    "fr": {"prescription": "Prescription", "adaptability": "Adaptabilité", "innovation_room": "Marge d'innovation",
           "constraint": "Contrainte"},
}
LABEL_NAMES = {
    "en": {"rigid": "rigid", "review": "review", "innovation": "innovation", "neutral": "neutral"},
    "fr": {"rigid": "rigide", "review": "revoyure", "innovation": "innovation", "neutral": "neutre"},
}
# Three bands per score, low (< 40), middle (40-70), high (>= 70): one wording for every reporter.
READINGS = {
    "en": {
        "constraint": ("low constraint", "moderately constraining", "highly constraining"),
        "prescription": ("light prescription", "prescriptive", "highly prescriptive"),
        "adaptability": ("little adaptability", "partly adaptable", "highly adaptable"),
        "innovation_room": ("little innovation room", "some innovation room", "ample innovation room"),
    },
    "fr": {
        "constraint": ("peu contraignant", "moyennement contraignant", "très contraignant"),
        "prescription": ("peu prescriptif", "prescriptif", "très prescriptif"),
        "adaptability": ("peu adaptable", "partiellement adaptable", "très adaptable"),
        "innovation_room": ("peu de marge d'innovation", "marge d'innovation partielle", "large marge d'innovation"),
    },
}
FINDING_TITLES = {
    "en": {
        "innovation_paradox": "Innovation paradox", "locked_relationship": "Locked relationship",
        "firm_price_long_term": "Firm price over a long term", "hardship_excluded": "Hardship excluded",
        "variants_forbidden": "Variants forbidden", "unilateral_modification": "Unilateral modification",
        "ip_capture": "Capture of improvements", "over_specification": "Over-specification",
        "missing_review": "No review mechanism",
    },
    "fr": {
        "innovation_paradox": "Paradoxe de l'innovation", "locked_relationship": "Relation verrouillée",
        "firm_price_long_term": "Prix ferme sur longue durée", "hardship_excluded": "Imprévision exclue",
        "variants_forbidden": "Variantes interdites", "unilateral_modification": "Modification unilatérale",
        "ip_capture": "Captation des améliorations", "over_specification": "Sur-spécification",
        "missing_review": "Aucun mécanisme de revoyure",
    },
}
BAND_BOUNDS = (40.0, 70.0)
HEADINGS = {
    "en": {"scores": "Scores", "findings": "Findings", "clauses": "Clauses", "drivers": "driven by",
           "suggestion": "Suggestion", "none": "No finding.", "waived": "waived"},
    "fr": {"scores": "Scores", "findings": "Constats", "clauses": "Clauses", "drivers": "principales clauses",
           "suggestion": "Suggestion", "none": "Aucun constat.", "waived": "accepté"},
}


def lang_of(report_language: str) -> str:
    """``fr`` or ``en``."""
    return "fr" if report_language == "fr" else "en"


def band(value: float) -> int:
    """0, 1 or 2: the band of a score (see ``BAND_BOUNDS``)."""
    return sum(value >= bound for bound in BAND_BOUNDS)


def reading(score: str, value: float, language: str) -> str:
    """A few words saying what a score's value means."""
    return READINGS[lang_of(language)][score][band(value)]


def clause_label(clause: dict[str, object]) -> str:
    """``8.2 Variation du prix`` (number and heading), or the id when the clause has neither."""
    parts = [str(part) for part in (clause.get("number"), clause.get("heading")) if part]
    return " ".join(parts) or str(clause["id"])


def page_range(pages: list[int] | None) -> str:
    """``3`` or ``3-5``; empty for formats without pages."""
    if not pages:
        return ""
    return str(pages[0]) if len(pages) == 1 else f"{pages[0]}-{pages[-1]}"


def finding_title(code: str, language: str) -> str:
    """The human title of a finding code (the code itself for a finding this table does not know)."""
    return FINDING_TITLES[lang_of(language)].get(code, code)
