"""Evaluate clause judgements against an annotated corpus: per-label P/R/F1, support, confusions.

The corpus is JSONL (see ``corpus/CARD.md``). Records either carry their
``text`` (the team's own drafting) or point into the CUAD development split by
file name and character offsets (``cuad``: file, start, end, sha1), so that
borrowed text never enters the repository; those are resolved against
``../shared/data/cuad-dev/txt`` (or ``--cuad-dir``) and skipped when absent.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clausecheck.evidence import EFFECTS

_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = (_ROOT / "corpus" / "fr.jsonl", _ROOT / "corpus" / "en.jsonl")
"""The annotated corpus (type, effects and attributes): what ``clausecheck evaluate`` measures by default."""
TRAINING_CORPUS = (*DEFAULT_CORPUS, _ROOT / "corpus" / "en_extra.jsonl")
"""What ``scripts/fit_fusion.py`` learns from (its ``dev`` records): the corpus plus the English supplement
of development spans labelled with type and effects only (``corpus/CARD.md``)."""


def default_cuad_dir() -> Path:
    """Where the CUAD text files are expected: ``../shared/data/cuad-dev/txt`` beside the project."""
    return _ROOT.parent / "shared" / "data" / "cuad-dev" / "txt"


@dataclass(frozen=True)
class Example:
    """One annotated clause."""

    id: str
    lang: str
    text: str
    heading: str | None
    type: str
    labels: frozenset[str]
    split: str
    attributes: dict[str, Any] = field(default_factory=dict)
    group: str = ""
    """Clauses of one source contract share a group (cross-validation keeps a group in one fold)."""
    corpus: str = ""
    """Name of the file the record comes from (``fr``, ``en``, ``en_extra``)."""


def load_corpus(paths: Iterable[Path], cuad_dir: Path | None = None) -> tuple[list[Example], int]:
    """Load every record of the JSONL files; return the examples and how many CUAD records were unresolvable."""
    examples: list[Example] = []
    missing = 0
    cache: dict[str, str] = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            text = record.get("text")
            if text is None:
                text = _cuad_text(record["cuad"], cuad_dir, cache)
                if text is None:
                    missing += 1
                    continue
            examples.append(
                Example(
                    id=record["id"], lang=record["lang"], text=text, heading=record.get("heading"),
                    type=record["type"], labels=frozenset(record["labels"]), split=record.get("split", "dev"),
                    attributes=record.get("attributes") or {},
                    group=record["cuad"]["file"] if "cuad" in record else record["id"],
                    corpus=path.stem,
                )
            )
    return examples, missing


def _cuad_text(ref: dict[str, Any], cuad_dir: Path | None, cache: dict[str, str]) -> str | None:
    if cuad_dir is None:
        return None
    path = cuad_dir / ref["file"]
    if ref["file"] not in cache:
        if not path.is_file():
            return None
        cache[ref["file"]] = path.read_text(encoding="utf-8")
    text = cache[ref["file"]][ref["start"] : ref["end"]]
    if hashlib.sha1(text.encode("utf-8")).hexdigest() != ref["sha1"]:
        return None
    return text


@dataclass(frozen=True)
class LabelScore:
    """Precision, recall and F1 of one label."""

    label: str
    precision: float
    recall: float
    f1: float
    support: int
    predicted: int


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def multilabel_scores(gold: Sequence[frozenset[str]], pred: Sequence[frozenset[str]],
                      labels: Sequence[str] = EFFECTS) -> list[LabelScore]:
    """Per-label scores for multi-label decisions (the effects)."""
    scores = []
    for label in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if label in g and label in p)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if label not in g and label in p)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if label in g and label not in p)
        scores.append(LabelScore(label, *_prf(tp, fp, fn), support=tp + fn, predicted=tp + fp))
    return scores


def multiclass_scores(gold: Sequence[str], pred: Sequence[str]) -> list[LabelScore]:
    """Per-class scores for single-label decisions (the clause type)."""
    labels = sorted(set(gold) | set(pred))
    scores = []
    for label in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == label == p)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != label == p)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == label != p)
        scores.append(LabelScore(label, *_prf(tp, fp, fn), support=tp + fn, predicted=tp + fp))
    return scores


def macro_f1(scores: Sequence[LabelScore]) -> float:
    """Unweighted mean F1 over labels that occur in the gold data."""
    present = [s.f1 for s in scores if s.support]
    return sum(present) / len(present) if present else 0.0


def effect_confusion(gold: Sequence[frozenset[str]], pred: Sequence[frozenset[str]]) -> Counter[tuple[str, str]]:
    """Counts of (gold label set, predicted label set), ``neutral`` for the empty set."""
    def name(labels: frozenset[str]) -> str:
        return "+".join(sorted(labels)) or "neutral"

    return Counter((name(g), name(p)) for g, p in zip(gold, pred, strict=True))


@dataclass(frozen=True)
class Evaluation:
    """Predictions of one classifier on a set of examples, with the scores derived from them."""

    examples: tuple[Example, ...]
    predicted_labels: tuple[frozenset[str], ...]
    predicted_types: tuple[str, ...]
    rules_fired: tuple[frozenset[str], ...]

    def effect_scores(self) -> list[LabelScore]:
        """Per-effect precision, recall, F1."""
        return multilabel_scores([e.labels for e in self.examples], self.predicted_labels)

    def type_scores(self) -> list[LabelScore]:
        """Per-type precision, recall, F1."""
        return multiclass_scores([e.type for e in self.examples], self.predicted_types)

    def type_accuracy(self) -> float:
        """Share of clauses whose type is right."""
        hits = sum(1 for e, t in zip(self.examples, self.predicted_types, strict=True) if e.type == t)
        return hits / len(self.examples) if self.examples else 0.0

    def rule_precision(self) -> list[tuple[str, str, int, int]]:
        """Per (rule, effect it supports): how often it fired, and how often the clause truly has the effect."""
        fired: Counter[tuple[str, str]] = Counter()
        right: Counter[tuple[str, str]] = Counter()
        for example, rules in zip(self.examples, self.rules_fired, strict=True):
            for item in rules:
                code, _, effect = item.partition(":")
                if effect:
                    fired[code, effect] += 1
                    right[code, effect] += effect in example.labels
        return sorted(((code, effect, fired[code, effect], right[code, effect]) for code, effect in fired),
                      key=lambda row: (row[3] / row[2], -row[2]))


def evaluate(examples: Sequence[Example], judge: Any) -> Evaluation:
    """Run ``judge(text, lang) -> Judgement`` on every example."""
    labels, types, fired = [], [], []
    for example in examples:
        judgement = judge(example.text, example.lang)
        labels.append(frozenset(judgement.labels))
        types.append(judgement.clause_type)
        fired.append(frozenset(f"{e.rule}:{e.label}" if e.label and e.weight > 0 else f"{e.rule}:"
                               for e in judgement.evidence if e.source == "rule"))
    return Evaluation(tuple(examples), tuple(labels), tuple(types), tuple(fired))
