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
# (lower bound, reading) from the highest band down; for adaptability and innovation_room high is good.
_READINGS = {
    "en": {
        "constraint": [(70, "highly constraining"), (50, "constraining"), (30, "balanced"), (0, "open")],
        "prescription": [(70, "dictates the means"), (40, "prescriptive in places"), (0, "leaves the means open")],
        "adaptability": [(60, "can be revisited"), (30, "some review mechanisms"), (0, "hard to revisit")],
        "innovation_room": [(60, "room and reward for innovation"), (30, "some room"), (0, "little room")],
    },
    "fr": {
        "constraint": [(70, "très contraignant"), (50, "contraignant"), (30, "équilibré"), (0, "ouvert")],
        "prescription": [(70, "impose les moyens"), (40, "prescriptif par endroits"), (0, "laisse les moyens libres")],
        "adaptability": [(60, "peut être revu"), (30, "quelques mécanismes de revoyure"), (0, "difficile à revoir")],
        "innovation_room": [(60, "place et récompense pour l'innovation"), (30, "un peu de place"), (0, "peu de place")],
    },
}
HEADINGS = {
    "en": {"scores": "Scores", "findings": "Findings", "clauses": "Clauses", "drivers": "driven by",
           "suggestion": "Suggestion", "none": "No finding.", "waived": "waived"},
    "fr": {"scores": "Scores", "findings": "Constats", "clauses": "Clauses", "drivers": "principales clauses",
           "suggestion": "Suggestion", "none": "Aucun constat.", "waived": "accepté"},
}


def lang_of(report_language: str) -> str:
    """``fr`` or ``en``."""
    return "fr" if report_language == "fr" else "en"


def reading(score: str, value: float, language: str) -> str:
    """A few words saying what a score's value means."""
    for bound, words in _READINGS[lang_of(language)][score]:
        if value >= bound:
            return words
    return ""


def clause_label(clause: dict[str, object]) -> str:
    """``8.2 Variation du prix`` (number and heading), or the id when the clause has neither."""
    parts = [str(part) for part in (clause.get("number"), clause.get("heading")) if part]
    return " ".join(parts) or str(clause["id"])


def page_range(pages: list[int] | None) -> str:
    """``3`` or ``3-5``; empty for formats without pages."""
    if not pages:
        return ""
    return str(pages[0]) if len(pages) == 1 else f"{pages[0]}-{pages[-1]}"
