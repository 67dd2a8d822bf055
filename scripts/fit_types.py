"""Fit the English type model on CUAD's lawyer labels (development contracts); write models/types-en.json.

    python scripts/fit_types.py [--jobs 2] [--out FILE] [--l2 2.0]

Needs the ``train`` extra (scikit-learn). The type rules know the wordings a
lawyer wrote down; CUAD's lawyers labelled every exclusivity, non-compete,
minimum commitment, audit, liability, governing-law... span of each contract,
thousands of real wordings. This script:

1. analyses the PDF of every CUAD development contract **except those with
   clauses in the held-out test split** of ``corpus/en.jsonl`` (so that
   ``scripts/cuad_clause_eval.py --split test`` measures the model on contracts
   it never saw) with clausecheck itself, and notes which clauses hold a
   labelled span of each category (as ``cuad_clause_eval.py`` does);
2. per clause type of ``CATEGORY_TYPE`` (the categories that map to one type
   only), fits a logistic regression over words and word pairs: clauses
   holding a span of a category of the type against every other clause;
3. prints a grouped 5-fold estimate (contracts never split), the model's
   precision and recall per type beside those of the type rules on the same
   clauses (with ``--vote-grid``, also the types decided by the rules and the
   out-of-fold votes for several vote weights and floors: how ``TYPE_VOTE``
   and ``TYPE_FLOOR`` in ``clausecheck.lexical`` were chosen), and writes the
   model fitted on all of them.

Only figures are printed; CUAD's text is never written.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
from cuad_clause_eval import DATA, clauses_with_categories, load_tasks
from fit_fusion import FOLDS, fold_of, term_matrix
from sklearn.linear_model import LogisticRegression

from clausecheck.classify import TYPE_MODEL, canonical, get_classifier, models_dir
from clausecheck.evaluation import multilabel_scores
from clausecheck.evidence import Evidence
from clausecheck.fusion import decide_type
from clausecheck.lexical import TYPE_FLOOR, LexicalModel, vocabulary_of

CATEGORY_TYPE: dict[str, str] = {
    "Exclusivity": "exclusivity",
    "Non-Compete": "exclusivity",
    "Minimum Commitment": "exclusivity",
    "Volume Restriction": "exclusivity",
    "Audit Rights": "audit",
    "Ip Ownership Assignment": "intellectual_property",
    "Joint Ip Ownership": "intellectual_property",
    "Cap On Liability": "liability_insurance",
    "Uncapped Liability": "liability_insurance",
    "Insurance": "liability_insurance",
    "Governing Law": "disputes_law",
    "Termination For Convenience": "termination",
    "Renewal Term": "renewal",
}
TYPES = tuple(sorted(set(CATEGORY_TYPE.values())))
NAME = "types-en-cuad-0.1"
L2 = 1.0
MIN_DF = 3
PRUNE = 0.01
"""Terms whose weight stays under this for every type are dropped from the shipped file."""


Clause = tuple[str, list[str], list[Evidence], str]
"""(canonical text, types its CUAD spans map to, the type rules' evidence, the type the rules alone decide)."""


def contract_clauses(task: tuple[Path, dict[str, list[str]]]) -> tuple[str, list[Clause]]:
    """The clauses of one contract as the shipped classifier sees them, without the type model's votes."""
    report, spans_at, _missing = clauses_with_categories(task)
    if report is None:
        return task[0].name, []
    text = report.document.text
    heading_factor = get_classifier().model.heading_factor
    mapped_of: dict[int, set[str]] = {}
    for category, index in spans_at:
        if category in CATEGORY_TYPE:
            mapped_of.setdefault(index, set()).add(CATEGORY_TYPE[category])
    out = []
    for index, (clause, judgement) in enumerate(zip(report.clauses, report.judgements, strict=True)):
        cues = [e for e in judgement.evidence if e.source == "rule" and e.clause_type]
        # a definition is typed before any evidence is gathered; otherwise the type rules' support decides
        by_rules = judgement.clause_type if judgement.clause_type == "definitions" else decide_type(cues, heading_factor)
        out.append((canonical(text[clause.start:clause.end])[0], sorted(mapped_of.get(index, ())), cues, by_rules))
    return task[0].name, out


def fit(texts: Sequence[str], gold: Sequence[Sequence[str]], l2: float) -> LexicalModel:
    """One logistic regression per type over the words of ``texts`` (terms of negligible weight dropped)."""
    vocabulary = vocabulary_of(texts, MIN_DF)
    x = term_matrix(texts, vocabulary)
    bias, coefficients = {}, {}
    for clause_type in TYPES:
        y = np.array([clause_type in g for g in gold], dtype=int)
        if not y.any():
            continue  # nothing to learn from: the model does not vote for this type
        model = LogisticRegression(C=1.0 / l2, max_iter=3000).fit(x, y)
        bias[clause_type] = round(float(model.intercept_[0]), 4)
        coefficients[clause_type] = model.coef_[0]
    keep = np.flatnonzero(np.abs(np.array(list(coefficients.values()))).max(axis=0) >= PRUNE)
    weights = {t: [round(float(c[k]), 3) for k in keep] for t, c in coefficients.items()}
    return LexicalModel(NAME, tuple(vocabulary[k] for k in keep), weights, bias, lang="en")


def _cells(gold: Sequence[frozenset[str]], predicted: Sequence[frozenset[str]], clause_type: str) -> str:
    score = multilabel_scores(gold, predicted, (clause_type,))[0]
    return f"P {score.precision:.3f} R {score.recall:.3f} F1 {score.f1:.3f}"


def vote_grid(clauses: Sequence[Clause], oof: np.ndarray) -> None:
    """Micro recall and precision, over the model's types, of the type decided from rules + out-of-fold votes."""
    gold_sets = [set(mapped) for _, mapped, _, _ in clauses]
    print("\ntypes decided by the rules and the votes (micro over the model's types; weight 0 = rules alone)")
    for factor, floor in [(0.0, 1.0)] + [(f, t) for f in (1.0, 2.0, 4.0) for t in (0.3, 0.4, 0.5)]:
        decided = [by_rules if by_rules == "definitions" else
                   decide_type(cues + [Evidence(source="model", clause_type=t, weight=factor * p)
                                       for t, p in zip(TYPES, row, strict=True) if p >= floor])
                   for (_, _, cues, by_rules), row in zip(clauses, oof, strict=True)]
        hits = sum(d in g for d, g in zip(decided, gold_sets, strict=True))
        predicted = sum(d in TYPES for d in decided)
        print(f"  vote weight {factor:.0f} x p, floor {floor:.1f}: recall {hits / sum(map(len, gold_sets)):.3f}  "
              f"precision {hits / max(predicted, 1):.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, default=models_dir() / TYPE_MODEL)
    parser.add_argument("--l2", type=float, default=L2, help=f"L2 penalty [{L2}]")
    parser.add_argument("--vote-grid", action="store_true",
                        help="also print the types decided with the rules for several vote weights and floors "
                             "(out-of-fold votes)")
    args = parser.parse_args()
    if not (DATA / "master_clauses.csv").is_file():
        parser.error(f"CUAD development split not found in {DATA}")
    started = time.perf_counter()
    with ProcessPoolExecutor(args.jobs) as pool:
        contracts = [c for c in pool.map(contract_clauses, load_tasks(split="dev"), chunksize=2) if c[1]]
    clauses = [clause for _, found in contracts for clause in found]
    texts = [text for text, _, _, _ in clauses]
    gold = [mapped for _, mapped, _, _ in clauses]
    folds = np.array([fold_of(name) for name, found in contracts for _ in found])
    print(f"{len(contracts)} development contracts, {len(texts)} clauses, analysed in "
          f"{time.perf_counter() - started:.0f} s")
    oof = np.zeros((len(texts), len(TYPES)))
    for fold in range(FOLDS):
        train = np.flatnonzero(folds != fold)
        model = fit([texts[i] for i in train], [gold[i] for i in train], args.l2)
        for i in np.flatnonzero(folds == fold):
            scores = model.scores(texts[i])
            oof[i] = [scores.get(t, 0.0) for t in TYPES]
    gold_sets = [frozenset(g) for g in gold]
    by_model = [frozenset(t for t, p in zip(TYPES, row, strict=True) if p >= TYPE_FLOOR) for row in oof]
    by_rules = [frozenset({given}) for _, _, _, given in clauses]
    print(f"\n{'type':22} {'clauses':>7}   model alone (out-of-fold, p >= {TYPE_FLOOR})   type rules")
    for clause_type in TYPES:
        support = sum(clause_type in g for g in gold_sets)
        print(f"{clause_type:22} {support:7}   {_cells(gold_sets, by_model, clause_type):30}   "
              f"{_cells(gold_sets, by_rules, clause_type)}")
    if args.vote_grid:
        vote_grid(clauses, oof)
    final = fit(texts, gold, args.l2)
    args.out.write_text(json.dumps(final.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"\n{len(final.terms)} terms -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
