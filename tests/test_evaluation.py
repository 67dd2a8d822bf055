"""The evaluation helpers and the shape of the shipped corpus (corpus/CARD.md)."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

import pytest

from clausecheck.evaluation import (
    DEFAULT_CORPUS,
    TRAINING_CORPUS,
    effect_confusion,
    load_corpus,
    macro_f1,
    multilabel_scores,
)
from clausecheck.evidence import CLAUSE_TYPES, EFFECTS


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _cuad_record(rid: str, text: str, start: int, end: int, sha1: str | None = None) -> dict:
    span = text[start:end]
    return {"id": rid, "lang": "en", "cuad": {"file": "a.txt", "start": start, "end": end,
                                              "sha1": sha1 or hashlib.sha1(span.encode()).hexdigest()},
            "heading": None, "type": "price", "labels": ["review"], "split": "test", "attributes": None}


def test_load_corpus_resolves_cuad_offsets_and_counts_what_it_cannot(tmp_path: Path) -> None:
    contract = "Preamble. The prices are reviewed every year. Governing law."
    (tmp_path / "txt").mkdir()
    (tmp_path / "txt" / "a.txt").write_text(contract, encoding="utf-8")
    start = contract.index("The prices")
    end = contract.index(" Governing")
    corpus = _write(tmp_path / "c.jsonl", [
        {"id": "fr-1", "lang": "fr", "text": "Les prix sont fermes.", "heading": "Prix", "type": "price",
         "labels": ["rigid"], "split": "dev", "attributes": {"party": "none"}},
        _cuad_record("en-1", contract, start, end),
        _cuad_record("en-2", contract, start, end, sha1="0" * 40),  # the file changed: never a wrong span
    ])
    examples, missing = load_corpus([corpus], tmp_path / "txt")
    assert [e.id for e in examples] == ["fr-1", "en-1"]
    assert missing == 1
    assert examples[1].text == "The prices are reviewed every year."
    assert examples[1].group == "a.txt" and examples[0].group == "fr-1"  # folds never split a contract
    assert examples[1].attributes == {}
    _, none_resolved = load_corpus([corpus], None)
    assert none_resolved == 2


def test_multilabel_scores_and_macro_f1_ignore_labels_absent_from_gold() -> None:
    gold = [frozenset({"rigid"}), frozenset({"rigid", "review"}), frozenset()]
    pred = [frozenset({"rigid"}), frozenset({"innovation"}), frozenset({"rigid"})]
    scores = {s.label: s for s in multilabel_scores(gold, pred)}
    assert (scores["rigid"].precision, scores["rigid"].recall, scores["rigid"].support) == (0.5, 0.5, 2)
    assert scores["review"].f1 == 0.0 and scores["review"].support == 1
    assert scores["innovation"].support == 0 and scores["innovation"].predicted == 1
    assert macro_f1(list(scores.values())) == pytest.approx(0.25)  # rigid 0.5 and review 0; innovation absent
    assert effect_confusion(gold, pred)[("review+rigid", "innovation")] == 1


def _records(paths: tuple[Path, ...]) -> list[dict]:
    return [json.loads(line) for path in paths for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_the_annotated_corpus_is_at_least_40_percent_french_and_covers_every_effect_and_type() -> None:
    records = _records(DEFAULT_CORPUS)
    french = [r for r in records if r["lang"] == "fr"]
    assert len(records) >= 800
    assert len(french) / len(records) >= 0.40
    assert all(r["attributes"] is not None for r in records)  # type, effects and attributes
    for lang in ("fr", "en"):
        labels = Counter(label for r in records if r["lang"] == lang for label in r["labels"])
        assert set(EFFECTS) <= set(labels), lang
        assert {r["split"] for r in records if r["lang"] == lang} == {"dev", "test"}
    assert {r["type"] for r in french} == set(CLAUSE_TYPES)


def test_the_training_supplement_is_development_data_with_unique_ids() -> None:
    supplement = _records(TRAINING_CORPUS[len(DEFAULT_CORPUS):])
    assert supplement and all(r["split"] == "dev" and r["attributes"] is None for r in supplement)
    ids = [r["id"] for r in _records(TRAINING_CORPUS)]
    assert len(ids) == len(set(ids))
