"""Judge clauses: rules and provisions on one spaCy pass, then fusion.

A :class:`Classifier` holds what is expensive to build (compiled rule sets,
spaCy pipelines, the fusion model); :func:`get_classifier` builds it once per
process and settings, so batch workers each pay for it once. ``judge`` is then
a pure function of the clause text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from clausecheck.analysis.provisions import analyze_provisions, normalize_for_nlp
from clausecheck.analysis.term import term_months
from clausecheck.engine import RuleSet, default_rules_dir, load_rules
from clausecheck.evidence import Judgement, PartyRole
from clausecheck.fusion import FusionModel, fuse
from clausecheck.lexical import LexicalModel
from clausecheck.nlp import Mode, get_nlp
from clausecheck.segment.markers import BULLET_GLYPHS, parse_marker

DEFAULT_MODEL = "fusion.json"
LEXICAL_MODEL = "lexical.json"
TYPE_MODEL = "types-en.json"
TERM_TYPES = frozenset({"duration", "renewal"})
"""Clause types whose stated durations give the contract's term (``term_months``, read by the findings)."""
_DEFINITION = re.compile(
    r"^[«\"“‘']\s*[^»\"”’]{1,80}?\s*[»\"”’]\s*(?:\([^)]{0,40}\)\s*)?[,:]?\s*"
    r"(?:means|shall mean|has the meaning|refers to|includes|désigne|signifie|s'entend|vise|recouvre)\b",
    re.IGNORECASE,
)


_BULLET = re.compile(rf"^[{BULLET_GLYPHS}\uf0b7\uf0a7](?=\s)\s*")
_CELL = re.compile(r"\s+\|\s+")


def canonical(text: str) -> tuple[str, list[int]]:
    """The clause text as the classifier reads it, and where each of its characters comes from in ``text``.

    Line breaks, bullet glyphs and table-cell separators depend on the format
    (a PDF keeps "– " and breaks lines where the page did; Word marks bullets in
    its numbering and separates cells): they are dropped or folded into single
    spaces, so that the PDF and the Word file of a contract are judged on the
    same words (the format-fairness law of the taxonomy). The first line break
    is kept: it ends the heading line, which heading rules look at.
    """
    out: list[str] = []
    origin: list[int] = []
    position = 0
    newline_kept = False
    for number, line in enumerate(text.split("\n")):
        heading_line = number > 0 and bool(out)
        bullet = _BULLET.match(line)
        start = bullet.end() if bullet else 0
        pieces = _CELL.split(line[start:])
        cursor = position + start
        for piece in pieces:
            at = text.index(piece, cursor) if piece else cursor
            for offset, word in ((m.start(), m.group()) for m in re.finditer(r"\S+", piece)):
                if out:
                    out.append("\n" if heading_line and not newline_kept else " ")
                    newline_kept = newline_kept or heading_line
                    origin.append(at + offset - 1 if at + offset > 0 else 0)
                out.append(word)
                origin.extend(range(at + offset, at + offset + len(word)))
            cursor = at + len(piece)
        position += len(line) + 1
    return "".join(out), origin


def is_definition(text: str) -> bool:
    """The clause defines a term ("1.1 « Site » désigne...", '"Services" means...'): neutral by nature."""
    text = text.lstrip()
    marker = parse_marker(text)
    if marker is not None and not marker.is_list:
        text = text[marker.end :].lstrip()
    return bool(_DEFINITION.match(text.replace("’", "'")))


def models_dir() -> Path:
    """The shipped ``models/`` folder: beside the rule pack (source checkout or installed share folder)."""
    return default_rules_dir().parent / "models"


@dataclass(frozen=True)
class Classifier:
    """Rules + provisions + fusion, ready to judge clauses."""

    rules: RuleSet
    model: FusionModel
    mode: Mode = "fast"
    lexical: LexicalModel | None = None
    """The trained second source of evidence, when shipped (``models/lexical.json``)."""
    types: LexicalModel | None = None
    """The trained type model (votes for clause types), when shipped (``models/types-en.json``)."""

    def judge(self, text: str, lang: str, offset: int = 0, roles: Sequence[PartyRole] = (),
              heading_only: bool = False) -> Judgement:
        """Type, effects, labels, provisions and evidence of one clause whose text starts at ``offset``."""
        lang = lang if lang in ("fr", "en") else "en"
        definition = is_definition(text)  # neutral by nature: no rule matching needed
        canon, origin = canonical(text)
        doc = get_nlp(lang, self.mode)(normalize_for_nlp(canon))
        evidence = []
        for item in () if definition else self.rules.match_doc(doc, lang, 0, self.mode):
            if item.start is not None and item.end is not None and origin:
                start, end = _span(item.start, item.end, origin)
                item = replace(item, start=offset + start, end=offset + end, text=text[start:end])
            evidence.append(item)
        if self.lexical is not None and not definition:
            evidence += self.lexical.evidence(canon)
        if self.types is not None and not definition and self.types.applies_to(lang):
            evidence += self.types.type_evidence(canon)
        provisions = []
        for provision in analyze_provisions(canon, lang, 0, tuple(roles), mode=self.mode, doc=doc):
            if origin:
                start, end = _span(provision.start, provision.end, origin)
                provision = replace(provision, start=offset + start, end=offset + end)
            provisions.append(provision)
        if definition:
            return fuse([], provisions, self.model, heading_only=True, clause_type="definitions")
        judgement = fuse(evidence, provisions, self.model, heading_only)
        if judgement.clause_type in TERM_TYPES and (months := term_months(canon)) is not None:
            judgement = replace(judgement, attributes={**judgement.attributes, "term_months": months})
        return judgement


def _span(start: int, end: int, origin: list[int]) -> tuple[int, int]:
    """A span of the canonical text as a span of the clause text."""
    last = len(origin) - 1
    return origin[min(start, last)], origin[min(max(end - 1, start), last)] + 1


@lru_cache(maxsize=4)
def get_classifier(rule_dirs: tuple[str, ...] = (), disabled: tuple[str, ...] = (), mode: Mode = "fast",
                   model_path: str | None = None) -> Classifier:
    """The classifier for these settings, built once per process."""
    rules = load_rules(dirs=[Path(d) for d in rule_dirs] or None, disabled=disabled)
    folder = Path(model_path).parent if model_path else models_dir()
    model = FusionModel.load(model_path or folder / DEFAULT_MODEL)
    lexical_path = folder / LEXICAL_MODEL
    lexical = LexicalModel.load(lexical_path) if lexical_path.is_file() and "lexical" in model.name else None
    types_path = folder / TYPE_MODEL
    types = LexicalModel.load(types_path) if types_path.is_file() else None
    return Classifier(rules, model, mode, lexical, types)
