"""Document findings: patterns across clauses that a purchasing lawyer would flag, in French or English.

Detection reads labels, clause types, provisions and the attributes listed in
docs/scoring.md; every finding cites its grounding clauses and gives a concrete
suggestion. Waivers never hide a finding: a waived one is listed with its reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from clausecheck.clauses import Clause
from clausecheck.evidence import Judgement
from clausecheck.scoring.config import ScoringConfig, default_config
from clausecheck.scoring.scores import Waiver, facts, flag, is_result_based, is_rewarded, waived_scores
from clausecheck.scoring.texts import LEGAL_BASIS, TEXTS, WHY

SEVERITIES: tuple[str, ...] = ("info", "low", "medium", "high")
"""Severities, lowest first."""
FINDING_CODES: tuple[str, ...] = tuple(TEXTS)
"""Every finding code, in report order for equal severity."""
ASKING_TYPES = frozenset({"continuous_improvement", "incentives"})
"""Clause types that ask the supplier for innovation or proposals (besides the ``asks_proposals`` attribute)."""


@dataclass(frozen=True)
class Finding:
    """One document-level finding."""

    code: str
    """Stable code (``innovation_paradox``)."""
    severity: str
    """``info``, ``low``, ``medium`` or ``high``."""
    message: str
    """What is wrong, in the report language, citing the clauses."""
    suggestion: str
    """A concrete rewrite, in the report language."""
    clauses: tuple[str, ...]
    """Ids of the grounding clauses, in document order."""
    legal_basis: str | None = None
    """Legal reference behind the finding ("CCP R2112-14"), if any."""
    waived: bool = False
    """A waiver applies: the finding stays listed but no longer counts."""
    waiver: Waiver | None = None
    """The waiver (reason, author) when ``waived``."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of OUTPUT.md ``findings`` items."""
        data: dict[str, Any] = {
            "code": self.code, "severity": self.severity, "message": self.message,
            "suggestion": self.suggestion, "clauses": list(self.clauses),
        }
        if self.legal_basis:
            data["legal_basis"] = self.legal_basis
        if self.waived:
            data["waived"] = True
            if self.waiver is not None:
                data.update(waiver_reason=self.waiver.reason, waiver_author=self.waiver.author)
        return data


@dataclass(frozen=True)
class _Item:
    clause: Clause
    judgement: Judgement
    attributes: dict[str, Any]


def _means_and_performance(item: _Item) -> tuple[int, int]:
    """Requirements of a clause prescribing means, and those fixing a performance or outcome."""
    bound = [p for p in item.judgement.provisions if p.party != "buyer" and p.modality in ("obligation", "prohibition")]
    means = sum(p.spec_kind == "means" for p in bound)
    performance = sum(p.spec_kind in ("output", "outcome") for p in bound)
    if means or performance:
        return means, performance
    kind, labels = item.judgement.clause_type, item.judgement.labels
    if kind == "means" or (kind == "technical_requirements" and "rigid" in labels):
        return 1, 0
    if kind == "service_levels" or is_result_based(item.judgement, item.attributes):
        return 0, 1
    return 0, 0


def _term_months(items: Sequence[_Item]) -> float | None:
    values = []
    for item in items:
        try:
            values.append(float(item.attributes["term_months"]))
        except (KeyError, TypeError, ValueError):
            continue
    return max(values, default=None)


def _ref(clause: Clause) -> str:
    if clause.number:
        return clause.number
    return f"«{clause.heading}»" if clause.heading else clause.id


def _refs(clauses: Sequence[Clause], language: str, limit: int) -> str:
    names = [_ref(c) for c in clauses[:limit]] + (["…"] if len(clauses) > limit else [])
    if language == "fr":
        return "art. " + ", ".join(names)
    return ("clause " if len(names) == 1 else "clauses ") + ", ".join(names)


def detect_findings(
    pairs: Sequence[tuple[Clause, Judgement]],
    language: str = "en",
    doc_kind: str | None = None,
    config: ScoringConfig | None = None,
    waivers: Sequence[Waiver] = (),
) -> tuple[Finding, ...]:
    """Findings of one document, highest severity first; ``language`` is the report language (``fr`` or ``en``)."""
    config = config or default_config()
    cfg = config.findings
    lang = "fr" if language == "fr" else "en"
    items = [_Item(c, j, facts(j)) for c, j in pairs]
    if not items:
        return ()
    counted = [i for i in items if "prescription" not in waived_scores(waivers, i.clause.id)]
    term = _term_months(items)
    long_term = term is not None and term >= cfg.long_term_months
    is_spec = (doc_kind or "").lower() in {k.lower() for k in cfg.specification_kinds}

    def having(name: str) -> list[_Item]:
        return [i for i in items if flag(i.attributes, name)]

    reviews = [
        i for i in items
        if ("review" in i.judgement.labels and not flag(i.attributes, "unilateral")) or flag(i.attributes, "exit_for_convenience")
    ]
    asks = [i for i in items if i.judgement.clause_type in ASKING_TYPES or flag(i.attributes, "asks_proposals")]
    rewarded = any(is_rewarded(i.judgement, i.attributes) for i in asks)
    split = {i.clause.id: _means_and_performance(i) for i in counted}
    means_items = [i for i in counted if split[i.clause.id][0]]
    n_means = sum(m for m, _ in split.values())
    n_req = n_means + sum(p for _, p in split.values())
    share = n_means / n_req if n_req else 0.0
    found: list[tuple[str, str, list[_Item], dict[str, Any]]] = []

    if asks and n_req >= cfg.paradox_min_requirements and share >= cfg.paradox_share:
        severity = "high" if share >= cfg.paradox_high and not rewarded else "medium"
        found.append(("innovation_paradox", severity, asks + means_items, {"inn": asks, "means": means_items}))
    timing = [i for i in items if i.judgement.clause_type in ("duration", "renewal") or "term_months" in i.attributes]
    tacit = having("tacit_renewal")
    if (long_term or tacit) and not reviews:
        severity = "high" if (tacit and long_term) or (term or 0) >= 2 * cfg.long_term_months else "medium"
        why = [WHY[lang]["term"].format(months=round(term))] if long_term and term is not None else []
        why += [WHY[lang]["tacit"].format(refs=_refs([i.clause for i in tacit], lang, cfg.max_cited))] if tacit else []
        found.append(("locked_relationship", severity, timing + tacit, {"why": WHY[lang]["and"].join(why)}))
    firm = having("firm_price")
    revision = [i for i in reviews if i.judgement.clause_type == "price_revision"]
    if firm and term is not None and term > cfg.firm_price_months and not revision:
        found.append(("firm_price_long_term", "high" if long_term else "medium", firm, {"months": round(term)}))
    if having("hardship_excluded"):
        found.append(("hardship_excluded", "high" if long_term else "medium", having("hardship_excluded"), {}))
    variants = having("variants_forbidden")
    if variants:
        found.append(("variants_forbidden", "medium" if asks else "low", variants, {}))
    if having("unilateral"):
        found.append(("unilateral_modification", "medium" if reviews else "high", having("unilateral"), {}))
    if having("ip_capture"):
        found.append(("ip_capture", "high" if asks else "medium", having("ip_capture"), {}))
    enough = n_req >= cfg.over_specification_min_requirements
    if (is_spec or doc_kind is None) and enough and share >= cfg.over_specification_share:
        severity = "high" if share >= cfg.over_specification_high else "medium"
        found.append(("over_specification", severity, means_items, {}))
    if not reviews and not any(code == "locked_relationship" for code, *_ in found):
        severity = "info" if is_spec else ("high" if long_term else "medium")
        found.append(("missing_review", severity, timing, {}))

    findings = [_build(code, sev, grounds, extra, lang, share, cfg.max_cited, waivers) for code, sev, grounds, extra in found]
    return tuple(sorted(findings, key=lambda f: (-SEVERITIES.index(f.severity), FINDING_CODES.index(f.code))))


def _build(
    code: str, severity: str, grounds: list[_Item], extra: dict[str, Any], lang: str, share: float, limit: int,
    waivers: Sequence[Waiver],
) -> Finding:
    unique = {i.clause.id: i.clause for i in sorted(grounds, key=lambda i: i.clause.start)}
    clauses = list(unique.values())
    fields = {
        "refs": _refs(clauses, lang, limit), "share": round(100 * share),
        **{key: _refs([i.clause for i in v], lang, limit) if isinstance(v, list) else v for key, v in extra.items()},
    }
    message, suggestion = (text.format(**fields) for text in TEXTS[code][lang])
    waiver = next((w for w in waivers if w.finding == code), None)
    whole = [next((w for w in waivers if w.clause == c.id and w.label is None), None) for c in clauses]
    if waiver is None and clauses and all(whole):
        waiver = whole[0]
    return Finding(code, severity, message, suggestion, tuple(c.id for c in clauses), LEGAL_BASIS.get(code),
                   waiver is not None, waiver)
