"""Annotated Word output: the source .docx with one Word comment per labelled clause and per finding.

The document's text is left untouched: only comment anchors are added to
``word/document.xml`` (``w:commentRangeStart``, ``w:commentRangeEnd`` and a run
holding ``w:commentReference``) and the comments themselves go to
``word/comments.xml``. To anchor a comment on the exact evidence words a run may
be split in two; both halves keep a copy of the run's properties (``w:rPr``), so
formatting does not change. Runs holding anything but text, tabs and breaks
(fields, drawings, symbols...) are never split: the comment then covers the
whole run.

Clauses are mapped to paragraphs by walking the body exactly as
:class:`clausecheck.readers.docx.DocxReader` does (same walker, same numbering
state), on the tree python-docx will save, and by checking that every block text
equals the report's block text. Blocks that do not match (the report was made
with other reading options, or from another version of the file) are not used:
their comments fall back to the first matching paragraph of the clause and are
counted in :attr:`AnnotationResult.fallback`.

Comments are written in the report language (``report.report_language``). The
rule messages of the built-in rule pack exist in English only; they are quoted
as they are.
"""

from __future__ import annotations

import bisect
import copy
import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from docx import Document as open_docx
from lxml import etree

from clausecheck.clauses import Clause
from clausecheck.document import Block
from clausecheck.engine import RuleSet, load_rules
from clausecheck.errors import InputError
from clausecheck.evidence import EFFECTS, Evidence, Judgement
from clausecheck.pipeline import Report
from clausecheck.readers import ReadOptions
from clausecheck.readers.docx import walk_body
from clausecheck.readers.normalize import paragraph_offsets
from clausecheck.readers.sniff import sniff
from clausecheck.reporters.texts import finding_title
from clausecheck.scoring import Finding

__all__ = ["AnnotationResult", "PlannedComment", "annotate", "annotate_docx", "comment_anchors", "plan_comments"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_MAX_REASONS = 3
_MAX_QUOTE = 90

_GLOSS = {
    "fr": {"rigid": "exigence d'exécution rigide", "review": "mécanisme de réexamen", "innovation": "marge d'innovation"},
    "en": {"rigid": "rigid execution requirement", "review": "review mechanism", "innovation": "innovation room"},
}
_SEVERITY = {
    "fr": {"info": "info", "low": "faible", "medium": "moyenne", "high": "élevée"},
    "en": {"info": "info", "low": "low", "medium": "medium", "high": "high"},
}
_WORDS = {
    "fr": {
        "clause": "clausecheck · {title}", "effects": "Effets : {value}", "probabilities": "Probabilités : {value}",
        "reason": "Motif : {value}", "model": "Motif : score du modèle, sans règle déterminante ({labels})",
        "suggestion": "Suggestion ({code}) : {value}",
        "finding": "clausecheck · constat : {title} ({code}, gravité : {severity})",
        "finding_suggestion": "Suggestion : {value}", "basis": "Fondement : {value}",
        "waived": "Accepté (dérogation) : {value}", "percent": "{value} %", "sep": " ; ", "quote": "« {value} »",
        "preamble": "Préambule",
    },
    "en": {
        "clause": "clausecheck · {title}", "effects": "Effects: {value}", "probabilities": "Probabilities: {value}",
        "reason": "Reason: {value}", "model": "Reason: model score, no decisive rule ({labels})",
        "suggestion": "Suggestion ({code}): {value}", "finding": "clausecheck · finding: {title} ({code}, severity: {severity})",
        "finding_suggestion": "Suggestion: {value}", "basis": "Legal basis: {value}",
        "waived": "Accepted (waiver): {value}", "percent": "{value}%", "sep": "; ", "quote": "“{value}”",
        "preamble": "Preamble",
    },
}
_SPLITTABLE = {f"{_W}{tag}" for tag in ("rPr", "t", "delText", "tab", "ptab", "br", "cr", "noBreakHyphen", "softHyphen",
                                         "lastRenderedPageBreak")}
_ONE_CHAR = {f"{_W}{tag}" for tag in ("tab", "ptab", "br", "cr", "noBreakHyphen")}


# --------------------------------------------------------------------------- what to say


@dataclass(frozen=True)
class PlannedComment:
    """One comment to add: where (a span of the extracted text) and what."""

    kind: str
    """``clause`` or ``finding``."""
    target: str
    """Clause id, or finding code."""
    clause: Clause
    """The clause the comment is attached to."""
    start: int
    """Preferred anchor span in the extracted text (evidence words, or the clause heading)."""
    end: int
    """End of the preferred anchor span (exclusive)."""
    on_evidence: bool
    """The span is evidence text (else the clause heading / first paragraph)."""
    lines: tuple[str, ...]
    """Paragraphs of the comment; the first is its title."""

    @property
    def text(self) -> str:
        """The comment text, one paragraph per line."""
        return "\n".join(self.lines)


def _lang(report: Report) -> str:
    return report.report_language if report.report_language in _WORDS else "en"


def _percent(value: float, lang: str) -> str:
    return _WORDS[lang]["percent"].format(value=round(100 * value))


def _quote(text: str, lang: str) -> str:
    text = " ".join(text.split())
    if len(text) > _MAX_QUOTE:
        text = text[: _MAX_QUOTE - 1].rstrip() + "…"
    return _WORDS[lang]["quote"].format(value=text)


def _title(clause: Clause, lang: str) -> str:
    parts = [part for part in (clause.number, clause.heading) if part]
    if parts:
        return " ".join(parts)
    words = clause.text.split()
    return " ".join(words[:8]) + (" …" if len(words) > 8 else "") if words else _WORDS[lang]["preamble"]


def _reasons(judgement: Judgement) -> list[Evidence]:
    """Rule evidence behind the decided labels: strongest first per label, one per rule code."""
    order: dict[str, int] = {label: index for index, label in enumerate(EFFECTS)}
    items = [e for e in judgement.evidence
             if e.source == "rule" and e.rule and e.label in judgement.labels and e.weight > 0]
    items.sort(key=lambda e: (order.get(e.label or "", 9), -e.weight, e.start if e.start is not None else 0))
    chosen: list[Evidence] = []
    for item in items:
        if all(item.rule != other.rule for other in chosen):
            chosen.append(item)
    return chosen[:_MAX_REASONS]


def _message(rules: RuleSet, code: str, lang: str) -> str | None:
    loaded = rules.get(code)
    return loaded.spec.message_in(lang) if loaded is not None else None


def _heading_span(clause: Clause) -> tuple[int, int]:
    if clause.body_start > clause.start:
        return clause.start, clause.body_start
    return clause.start, clause.end


def _clause_comment(report: Report, clause: Clause, judgement: Judgement, rules: RuleSet,
                    findings: Sequence[Finding]) -> PlannedComment:
    lang = _lang(report)
    words, gloss = _WORDS[lang], _GLOSS[lang]
    lines = [words["clause"].format(title=_title(clause, lang))]
    lines.append(words["effects"].format(value=words["sep"].join(f"{label} ({gloss.get(label, label)})"
                                                                 for label in judgement.labels)))
    lines.append(words["probabilities"].format(value=" · ".join(
        f"{effect} {_percent(judgement.effects.get(effect, 0.0), lang)}" for effect in EFFECTS)))
    reasons = _reasons(judgement)
    for evidence in reasons:
        parts = [evidence.rule or ""]
        quoted = evidence.text
        if evidence.start is not None and evidence.end is not None:
            quoted = report.document.text[evidence.start:evidence.end] or quoted
        if quoted:
            parts.append(_quote(quoted, lang))
        message = _message(rules, evidence.rule or "", lang)
        value = " ".join(parts) + (f" – {message}" if message else "")
        lines.append(words["reason"].format(value=value))
    if not reasons:
        lines.append(words["model"].format(labels=", ".join(judgement.labels)))
    for finding in findings:
        if clause.id in finding.clauses and finding.suggestion:
            lines.append(words["suggestion"].format(code=finding.code, value=finding.suggestion))
    anchor = max((e for e in reasons if e.start is not None and e.end is not None and e.end > e.start),
                 key=lambda e: e.weight, default=None)
    if anchor is not None and anchor.start is not None and anchor.end is not None:
        start, end, on_evidence = anchor.start, anchor.end, True
    else:
        (start, end), on_evidence = _heading_span(clause), False
    return PlannedComment("clause", clause.id, clause, start, end, on_evidence, tuple(lines))


def _finding_comment(report: Report, finding: Finding, clause: Clause) -> PlannedComment:
    lang = _lang(report)
    words = _WORDS[lang]
    severity = _SEVERITY[lang].get(finding.severity, finding.severity)
    title = finding_title(finding.code, lang)
    lines = [words["finding"].format(title=title, code=finding.code, severity=severity), finding.message]
    if finding.suggestion:
        lines.append(words["finding_suggestion"].format(value=finding.suggestion))
    if finding.legal_basis:
        lines.append(words["basis"].format(value=finding.legal_basis))
    if finding.waived and finding.waiver is not None:
        lines.append(words["waived"].format(value=finding.waiver.reason))
    start, end = _heading_span(clause)
    return PlannedComment("finding", finding.code, clause, start, end, False, tuple(lines))


def plan_comments(report: Report, rules: RuleSet | None = None) -> list[PlannedComment]:
    """The comments :func:`annotate` adds, in document order of their clause (findings after clause comments)."""
    rules = rules if rules is not None else load_rules()
    by_id = {clause.id: clause for clause in report.clauses}
    planned = [_clause_comment(report, clause, judgement, rules, report.findings)
               for clause, judgement in report.judged() if judgement.labels]
    for finding in report.findings:
        clause = next((by_id[ident] for ident in finding.clauses if ident in by_id), None)
        if clause is not None:
            planned.append(_finding_comment(report, finding, clause))
    position = {clause.id: index for index, clause in enumerate(report.clauses)}
    return sorted(planned, key=lambda c: (position[c.clause.id], c.kind == "finding"))


# --------------------------------------------------------------------------- where it goes


@dataclass
class _Run:
    r: Any
    start: int
    end: int


@dataclass
class _Para:
    p: Any
    block: Block
    runs: list[_Run]
    raw: str


def _walk(data: bytes, body: Any, path: str, revisions: str) -> tuple[list[Block], list[list[_Para]]]:
    """Blocks of the body as the reader sees them, with their source paragraphs (mutable: runs get split)."""
    mode: Literal["accepted", "original"] = "original" if revisions == "original" else "accepted"
    walk = walk_body(data, body, path, ReadOptions(revisions=mode))
    sources = [[_Para(p.element, p.block, [_Run(r.element, r.start, r.end) for r in p.runs], p.raw) for p in paras]
               for paras in walk.sources]
    return list(walk.blocks), sources


def _align(ours: Sequence[str], theirs: Sequence[str]) -> dict[int, int]:
    """Report block index -> our block index, for blocks whose texts are equal."""
    if list(ours) == list(theirs):
        return {i: i for i in range(len(theirs))}
    mapping: dict[int, int] = {}
    matcher = difflib.SequenceMatcher(None, list(theirs), list(ours), autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size):
            mapping[a + k] = b + k
    return mapping


def _child_length(child: Any) -> int | None:
    if child.tag in (f"{_W}t", f"{_W}delText"):
        return len(child.text or "")
    if child.tag in _ONE_CHAR:
        return 1
    if child.tag in (f"{_W}softHyphen", f"{_W}lastRenderedPageBreak", f"{_W}rPr"):
        return 0
    return None


def _split(para: _Para, at: int) -> bool:
    """Split the run holding raw offset ``at`` so that a run starts there; False when it cannot be done safely."""
    index = next((i for i, run in enumerate(para.runs) if run.start < at < run.end), None)
    if index is None:
        return any(at in (run.start, run.end) for run in para.runs)  # already on a run boundary
    run = para.runs[index]
    r = run.r
    children = list(r)
    if any(child.tag not in _SPLITTABLE for child in children):
        return False
    lengths = [_child_length(child) for child in children]
    if any(length is None for length in lengths) or sum(length or 0 for length in lengths) != run.end - run.start:
        return False
    k = at - run.start
    right = copy.deepcopy(r)
    right_children = list(right)
    pos = 0
    for child, twin, length in zip(children, right_children, lengths, strict=True):
        size = length or 0
        if child.tag == f"{_W}rPr":
            pos += size
            continue
        if pos + size <= k and not (size == 0 and pos == k):
            right.remove(twin)
        elif pos >= k:
            r.remove(child)
        else:  # a w:t straddling the split
            cut = k - pos
            text = child.text or ""
            child.text, twin.text = text[:cut], text[cut:]
            child.set(_XML_SPACE, "preserve")
            twin.set(_XML_SPACE, "preserve")
        pos += size
    r.addnext(right)
    para.runs[index:index + 1] = [_Run(r, run.start, at), _Run(right, at, run.end)]
    return True


def _whole(para: _Para) -> tuple[Any, Any] | None:
    runs = [run for run in para.runs if run.end > run.start]
    return (runs[0].r, runs[-1].r) if runs else None


def _range(para: _Para, start: int, end: int) -> tuple[tuple[Any, Any] | None, bool]:
    """First and last run covering raw ``[start, end)``, splitting runs where safe; and whether it is exact."""
    exact = _split(para, end)
    exact = _split(para, start) and exact
    inside = [run for run in para.runs if run.end > run.start and run.start < end and run.end > start]
    if not inside:
        return _whole(para), False
    return (inside[0].r, inside[-1].r), exact


@dataclass
class AnnotationResult:
    """What :func:`annotate` did."""

    comments: int = 0
    """Comments added."""
    exact: int = 0
    """Comments anchored exactly on their evidence words."""
    on_paragraph: int = 0
    """Comments anchored on a whole paragraph or heading (by design for findings, or the words could not be cut)."""
    fallback: int = 0
    """Comments whose paragraph could not be matched to the report: anchored on the clause's first matched paragraph."""
    unmatched_blocks: int = 0
    """Report blocks whose text differs from what the file gives (0 when the report comes from this file)."""
    planned: list[PlannedComment] = field(default_factory=list)
    """The comments, in the order they were added."""


class _Anchorer:
    def __init__(self, report: Report, blocks: list[Block], sources: list[list[_Para]]):
        self.doc = report.document
        self.starts = [block.start for block in self.doc.blocks]
        self.mapping = _align([block.text for block in blocks], [block.text for block in self.doc.blocks])
        self.sources = sources
        self.unmatched = len(self.doc.blocks) - len(self.mapping)

    def block_at(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def paras(self, block_index: int) -> list[_Para] | None:
        ours = self.mapping.get(block_index)
        return self.sources[ours] if ours is not None else None

    def span(self, start: int, end: int) -> tuple[tuple[Any, Any] | None, bool]:
        """Runs for ``[start, end)`` of the extracted text (within its first block), and whether exact."""
        index = self.block_at(start)
        block = self.doc.blocks[index]
        paras = self.paras(index)
        if not paras:
            return None, False
        end = min(end, block.end)
        target = self.doc.text[start:end]
        para, rel = paras[0], start - block.start
        if len(paras) > 1 or para.block.text != block.text:
            found = next(((p, p.block.text.find(target)) for p in paras if target and target in p.block.text), None)
            if found is None:
                return _whole(paras[0]), False
            para, rel = found
        prefix = len(para.block.label) + 1 if para.block.label else 0
        lo, hi = max(0, rel - prefix), rel - prefix + len(target)
        mapping = paragraph_offsets(para.raw)
        if hi <= lo or mapping is None or hi > len(mapping):
            return _whole(para), False
        return _range(para, mapping[lo], mapping[hi - 1] + 1)

    def clause_start(self, clause: Clause) -> tuple[Any, Any] | None:
        """Whole first paragraph of the clause that the file and the report agree on."""
        first, last = self.block_at(clause.start), self.block_at(max(clause.start, clause.end - 1))
        for index in range(first, last + 1):
            for para in self.paras(index) or []:
                whole = _whole(para)
                if whole is not None:
                    return whole
        return None


def _reference_run(comment_id: int) -> Any:
    run = etree.Element(f"{_W}r")
    rpr = etree.SubElement(run, f"{_W}rPr")
    etree.SubElement(rpr, f"{_W}rStyle").set(f"{_W}val", "CommentReference")
    etree.SubElement(run, f"{_W}commentReference").set(f"{_W}id", str(comment_id))
    return run


def _mark(first: Any, last: Any, comment_id: int) -> None:
    start = etree.Element(f"{_W}commentRangeStart")
    start.set(f"{_W}id", str(comment_id))
    end = etree.Element(f"{_W}commentRangeEnd")
    end.set(f"{_W}id", str(comment_id))
    first.addprevious(start)
    last.addnext(end)
    end.addnext(_reference_run(comment_id))


def annotate(source: str | Path, report: Report, output: str | Path, author: str = "clausecheck",
             rules: RuleSet | None = None) -> AnnotationResult:
    """Write ``output``: ``source`` with the comments of :func:`plan_comments`; return what was done.

    Raises :class:`InputError` E105 when ``source`` is not a Word .docx file.
    """
    source = Path(source)
    try:
        kind = sniff(source.read_bytes(), str(source))
    except OSError as error:
        raise InputError("E100", source, error.strerror or "not found or not readable") from None
    if kind != "docx":
        raise InputError("E105", source, "only Word .docx files can be annotated")
    data = source.read_bytes()
    try:
        document = open_docx(str(source))
    except Exception as exc:  # python-docx raises many kinds of errors on odd packages
        raise InputError("E102", source, f"cannot open the Word document for annotation ({type(exc).__name__})") from None
    body = document.element.body
    blocks, sources = _walk(data, body, str(source), str(report.document.metadata.get("revisions_mode", "accepted")))
    anchorer = _Anchorer(report, blocks, sources)
    result = AnnotationResult(unmatched_blocks=anchorer.unmatched)
    initials = "".join(word[0] for word in re.findall(r"[A-Za-z]+", author))[:3].upper() or None
    for planned in plan_comments(report, rules):
        runs, exact = anchorer.span(planned.start, planned.end)
        if runs is None:
            runs = anchorer.clause_start(planned.clause)
            if runs is None:
                result.fallback += 1  # nothing in the file to anchor on: the comment is not added
                continue
            result.fallback += 1
        elif exact and planned.on_evidence:
            result.exact += 1
        else:
            result.on_paragraph += 1
        comment = document.comments.add_comment(text="", author=author, initials=initials)
        paragraph = comment.paragraphs[0]
        paragraph.add_run(planned.lines[0]).bold = True
        for line in planned.lines[1:]:
            comment.add_paragraph(line)
        _mark(runs[0], runs[1], comment.comment_id)
        result.planned.append(planned)
        result.comments += 1
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    document.save(str(output))
    return result


def annotate_docx(source: Path, report: Report, output: Path, author: str = "clausecheck") -> int:
    """Write ``output``: ``source`` with a comment on each labelled clause and one per finding; return the count.

    The document's text, numbering, styles, headers and tracked changes are not
    changed. Raises :class:`InputError` E105 when ``source`` is not a Word .docx file.
    """
    return annotate(source, report, output, author).comments


def comment_anchors(path: str | Path) -> list[tuple[str, str]]:
    """(anchored text, comment text) of every comment of a .docx, in comment-id order (for tests and checks)."""
    document = open_docx(str(path))
    texts: dict[int, list[str]] = {}
    open_ids: list[int] = []
    for element in document.element.body.iter(f"{_W}commentRangeStart", f"{_W}commentRangeEnd", f"{_W}t",
                                               f"{_W}tab", f"{_W}p"):
        tag = element.tag
        if tag == f"{_W}commentRangeStart":
            ident = int(element.get(f"{_W}id"))
            open_ids.append(ident)
            texts[ident] = []
        elif tag == f"{_W}commentRangeEnd":
            ident = int(element.get(f"{_W}id"))
            if ident in open_ids:
                open_ids.remove(ident)
        elif tag == f"{_W}p":
            for ident in open_ids:
                if texts[ident]:
                    texts[ident].append("\n")
        else:
            piece = (element.text or "") if tag == f"{_W}t" else " "
            for ident in open_ids:
                texts[ident].append(piece)
    comments = {comment.comment_id: comment.text for comment in document.comments}
    return [("".join(texts.get(ident, [])).strip(), comments[ident]) for ident in sorted(comments)]
