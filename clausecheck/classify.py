"""Judge clauses: rules and provisions on one spaCy pass, then fusion.

A :class:`Classifier` holds what is expensive to build (compiled rule sets,
spaCy pipelines, the fusion model); :func:`get_classifier` builds it once per
process and settings, so batch workers each pay for it once. ``judge`` is then
a pure function of the clause text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from clausecheck.analysis.provisions import analyze_provisions, normalize_for_nlp
from clausecheck.engine import RuleSet, default_rules_dir, load_rules
from clausecheck.evidence import Evidence, Judgement, PartyRole
from clausecheck.fusion import FusionModel, fuse
from clausecheck.nlp import Mode, get_nlp
from clausecheck.segment.markers import parse_marker

DEFAULT_MODEL = "fusion.json"
_DEFINITION = re.compile(
    r"^[«\"“‘']\s*[^»\"”’]{1,80}?\s*[»\"”’]\s*(?:\([^)]{0,40}\)\s*)?[,:]?\s*"
    r"(?:means|shall mean|has the meaning|refers to|includes|désigne|signifie|s'entend|vise|recouvre)\b",
    re.IGNORECASE,
)


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

    def evidence(self, text: str, lang: str, offset: int = 0) -> tuple[list[Evidence], object]:
        """Rule evidence for ``text`` and the spaCy doc it was found on."""
        doc = get_nlp(lang, self.mode)(normalize_for_nlp(text).replace("\n", " "))
        return self.rules.match_doc(doc, lang, offset, self.mode), doc

    def judge(self, text: str, lang: str, offset: int = 0, roles: Sequence[PartyRole] = (),
              heading_only: bool = False) -> Judgement:
        """Type, effects, labels, provisions and evidence of one clause whose text starts at ``offset``."""
        lang = lang if lang in ("fr", "en") else "en"
        evidence, doc = self.evidence(text, lang, offset)
        provisions = analyze_provisions(text, lang, offset, tuple(roles), mode=self.mode, doc=doc)  # type: ignore[arg-type]
        if is_definition(text):
            return fuse([], provisions, self.model, heading_only=True, clause_type="definitions")
        return fuse(evidence, provisions, self.model, heading_only)


@lru_cache(maxsize=4)
def get_classifier(rule_dirs: tuple[str, ...] = (), disabled: tuple[str, ...] = (), mode: Mode = "fast",
                   model_path: str | None = None) -> Classifier:
    """The classifier for these settings, built once per process."""
    rules = load_rules(dirs=[Path(d) for d in rule_dirs] or None, disabled=disabled)
    model = FusionModel.load(model_path or models_dir() / DEFAULT_MODEL)
    return Classifier(rules, model, mode)
