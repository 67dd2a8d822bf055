"""The one public call: read a contract, cut it into clauses, judge them, score the document.

Per-document work is a pure function of the file's bytes and the :class:`Settings`,
so a batch can run it in worker processes; heavy resources (spaCy pipelines,
compiled rules, the fusion model) load once per process through
:func:`clausecheck.classify.get_classifier`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from clausecheck import __version__
from clausecheck.analysis.parties import resolve_parties
from clausecheck.classify import get_classifier
from clausecheck.clauses import Clause, Segmentation
from clausecheck.config import WaiverSpec
from clausecheck.doc_kind import detect_doc_kind
from clausecheck.document import Document, Warning
from clausecheck.evidence import Judgement, PartyRole
from clausecheck.nlp import Mode
from clausecheck.readers import ReadOptions, read_document
from clausecheck.scoring import Finding, Scores, ScoringConfig, Waiver, default_config, detect_findings, score_document
from clausecheck.segment import segment

SCHEMA_VERSION = "1"
RULES_VERSION = "2026.11"
PARTY_WINDOW = 6000
"""Characters of the document (preamble and definitions) searched for the parties' defined names."""


@dataclass(frozen=True)
class Settings:
    """Everything that can change a report, gathered from options and configuration files."""

    read: ReadOptions = field(default_factory=ReadOptions)
    """Reading limits and the tracked-changes mode."""
    rule_dirs: tuple[str, ...] = ()
    """User rule folders layered over the built-in pack."""
    disabled_rules: tuple[str, ...] = ()
    """Rule codes or names (wildcards allowed) switched off."""
    nlp_mode: Mode = "fast"
    """spaCy pipelines: ``fast`` (default) or ``accurate``."""
    scoring: ScoringConfig | None = None
    """Weights and thresholds; None for the shipped defaults."""
    waivers: tuple[WaiverSpec, ...] = ()
    """Accepted findings and clause labels (they stay visible and stop counting), as configured."""
    report_language: str | None = None
    """Language of messages and suggestions; None to follow the document."""
    doc_kind: str | None = None
    """Kind of document (``cctp``, ``ccap``, ``contract``...); None to detect it."""


@dataclass(frozen=True)
class Report:
    """Everything clausecheck found in one document."""

    document: Document
    """The read document (text, blocks, pages, warnings)."""
    segmentation: Segmentation
    """The clause tree."""
    language: str
    """Main language of the document: ``fr`` or ``en``."""
    judgements: tuple[Judgement, ...] = ()
    """One judgement per clause, in clause order."""
    parties: tuple[PartyRole, ...] = ()
    """Defined party names and their roles."""
    scores: Scores | None = None
    """The four scores and every clause's contribution."""
    findings: tuple[Finding, ...] = ()
    """Document findings, highest severity first."""
    doc_kind: str = "contract"
    """Kind of document."""
    report_language: str = "en"
    """Language of findings and suggestions."""
    model: str = ""
    """Name of the fusion model used."""

    @property
    def clauses(self) -> tuple[Clause, ...]:
        """Every clause in document order."""
        return self.segmentation.clauses

    @property
    def words(self) -> int:
        """Word count of the extracted text."""
        return len(self.document.text.split())

    def judged(self) -> tuple[tuple[Clause, Judgement], ...]:
        """Clauses with their judgements."""
        return tuple(zip(self.clauses, self.judgements, strict=True))

    def to_dict(self) -> dict[str, Any]:
        """The JSON report of OUTPUT.md."""
        doc = self.document
        document: dict[str, Any] = {
            "path": doc.path, "sha256": doc.sha256, "format": doc.format, "language": self.language,
            "kind": self.doc_kind,
        }
        if doc.page_count:
            document["pages"] = doc.page_count
        document.update(words=self.words, characters=len(doc.text),
                        warnings=[warning.to_dict() for warning in doc.warnings])
        seg = self.segmentation
        clauses = []
        for clause, judgement in zip(self.clauses, self.judgements or [None] * len(self.clauses), strict=True):
            data = clause.to_dict()
            if judgement is not None:
                data.update(_judgement_dict(judgement))
            if self.scores is not None and (contribution := self.scores.contribution(clause.id)) is not None:
                data["contribution"] = contribution.to_dict()
            clauses.append(data)
        report: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "tool": {"name": "clausecheck", "version": __version__, "rules": RULES_VERSION, "model": self.model},
            "document": document,
            "parties": [{"term": p.term, "role": p.role, "start": p.start} for p in self.parties],
            "preamble": {"start": 0, "end": seg.preamble_end, "text": doc.text[: seg.preamble_end]},
            "clauses": clauses,
        }
        if self.scores is not None:
            report["scores"] = self.scores.to_dict()
        report["findings"] = [finding.to_dict() for finding in self.findings]
        report["report_language"] = self.report_language
        return report


def _judgement_dict(judgement: Judgement) -> dict[str, Any]:
    data: dict[str, Any] = {
        "type": judgement.clause_type,
        "effects": judgement.effects,
        "labels": list(judgement.labels),
        "provisions": [p.to_dict() for p in judgement.provisions],
        "evidence": [e.to_dict() for e in judgement.evidence],
    }
    if judgement.attributes:
        data["attributes"] = judgement.attributes
    return data


def resolve_waivers(specs: tuple[WaiverSpec, ...], pairs: tuple[tuple[Clause, Judgement], ...]) -> tuple[Waiver, ...]:
    """Configured waivers as clause-id waivers of this document (by clause number or id, rule code, finding)."""
    waivers: list[Waiver] = []
    for spec in specs:
        if spec.finding is not None:
            waivers.append(Waiver(spec.reason, spec.author, finding=spec.finding))
            continue
        for clause, judgement in pairs:
            if spec.clause is not None and spec.clause in (clause.number, clause.id):
                waivers.append(Waiver(spec.reason, spec.author, clause=clause.id, label=spec.label))
            elif spec.rule is not None:
                fired = {e.label for e in judgement.evidence if e.rule == spec.rule and e.weight > 0 and e.label}
                for label in sorted(fired):
                    if spec.label in (None, label):
                        waivers.append(Waiver(spec.reason, spec.author, clause=clause.id, label=label))
    return tuple(waivers)


def judge_document(document: Document, segmentation: Segmentation, settings: Settings) -> Report:
    """Judge, score and find, given a read and segmented document (pure given the settings)."""
    language = segmentation.language
    classifier = get_classifier(settings.rule_dirs, settings.disabled_rules, settings.nlp_mode)
    parties = resolve_parties(document.text[:PARTY_WINDOW], language)
    judgements = tuple(
        classifier.judge(clause.text, clause.language, clause.start, parties, heading_only=not clause.body.strip())
        for clause in segmentation.clauses
    )
    config = settings.scoring or default_config()
    pairs = tuple(zip(segmentation.clauses, judgements, strict=True))
    waivers = resolve_waivers(settings.waivers, pairs)
    doc_kind = settings.doc_kind or detect_doc_kind(document.text, Path(document.path).name)
    report_language = settings.report_language or language
    return Report(
        document=document,
        segmentation=segmentation,
        language=language,
        judgements=judgements,
        parties=parties,
        scores=score_document(pairs, config, waivers),
        findings=detect_findings(pairs, report_language, doc_kind, config, waivers),
        doc_kind=doc_kind,
        report_language=report_language,
        model=classifier.model.name,
    )


def analyze(path: str | Path, options: ReadOptions | None = None, settings: Settings | None = None) -> Report:
    """Read ``path`` (PDF, DOCX, text), cut it into clauses, judge and score them; return the :class:`Report`.

    Raises :class:`~clausecheck.errors.InputError` with a coded message when the
    file cannot be read as a contract.
    """
    settings = settings or Settings()
    document = read_document(path, options or settings.read)
    segmentation = segment(document)
    if not segmentation.clauses:  # say so: an empty clause list must never pass for a clean contract
        notice = Warning("no_clauses", "no numbered or titled clause was found: the whole text is treated as preamble")
        document = replace(document, warnings=(*document.warnings, notice))
    return judge_document(document, segmentation, settings)
