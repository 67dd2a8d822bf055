"""Fit the lexical model and the fusion weights on the development split; write models/lexical.json and models/fusion.json.

    python scripts/fit_fusion.py [--cuad-dir DIR] [--out-dir models] [--no-lexical] [--cv]

Needs the ``train`` extra (scikit-learn). Only ``split == "dev"`` records are
used: the held-out ``test`` split is for ``clausecheck evaluate --split test``.

1. Lexical model (clausecheck.lexical): per effect, an L2-regularised logistic
   regression over words and word pairs (scikit-learn, sparse). Its scores on
   the development clauses used to fit the fusion are **out-of-fold** (5 folds,
   a source contract never split across folds), so the fusion learns how far
   to trust it on clauses it has not seen.
2. Fusion (clausecheck.fusion): per effect, an L2-regularised logistic
   regression on the rule, type, provision and model features; the threshold
   maximises F1 on the development split (0.05 grid).

``--cv`` also prints a grouped 5-fold cross-validated estimate of the whole
fit (lexical + fusion) per language on the development split: the number to
watch while changing features or penalties, since it never reads the test split.
The estimate is optimistic, because the rules were written by reading dev errors.
"""

from __future__ import annotations

import argparse
import json
import zlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression

from clausecheck.analysis.provisions import analyze_provisions, normalize_for_nlp
from clausecheck.classify import canonical, is_definition, models_dir
from clausecheck.engine import load_rules
from clausecheck.evaluation import DEFAULT_CORPUS, Example, default_cuad_dir, load_corpus, macro_f1, multilabel_scores
from clausecheck.evidence import EFFECTS, Evidence, Provision
from clausecheck.fusion import FEATURES, FusionModel, decide_type, features
from clausecheck.lexical import LexicalModel, terms, vocabulary_of
from clausecheck.nlp import get_nlp

L2_DENSE = 0.5
L2_RULE = 2.0
L2_LEXICAL = 4.0
STEPS = 4000
FOLDS = 5
LEXICAL_NAME = "lexical-fr-en-0.2"


def fit_logistic(x: np.ndarray, y: np.ndarray, penalty: np.ndarray, steps: int = STEPS, rate: float = 1.0) -> np.ndarray:
    """Weights minimising the mean log-loss + sum(penalty * w^2)/2n, by gradient descent (column 0 is the bias)."""
    w = np.zeros(x.shape[1])
    scaled = penalty / len(y)
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        w -= rate * (x.T @ (p - y) / len(y) + scaled * w)
    return w


def best_threshold(p: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Threshold maximising F1, and that F1."""
    best = (0.5, -1.0)
    for t in np.arange(0.1, 0.81, 0.05):
        pred = p >= t
        tp = float(np.sum(pred & (y == 1)))
        f1 = 2 * tp / (np.sum(pred) + np.sum(y == 1)) if np.sum(pred) + np.sum(y == 1) else 0.0
        if f1 > best[1] + 1e-9:
            best = (round(float(t), 2), f1)
    return best


def fold_of(group: str) -> int:
    """A stable fold number for a source contract (or a drafted clause)."""
    return zlib.crc32(group.encode("utf-8")) % FOLDS


def train_lexical(texts: Sequence[str], labels: Sequence[frozenset[str]]) -> LexicalModel:
    """The lexical model trained on ``texts``."""
    vocabulary = vocabulary_of(texts)
    column = {t: i for i, t in enumerate(vocabulary)}
    rows, cols = [], []
    for row, text in enumerate(texts):
        present = sorted(column[t] for t in terms(text) if t in column)
        rows += [row] * len(present)
        cols += present
    x = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(texts), len(vocabulary)))
    weights, bias = {}, {}
    for effect in EFFECTS:
        y = np.array([effect in gold for gold in labels], dtype=int)
        fit = LogisticRegression(C=1.0 / L2_LEXICAL, max_iter=2000).fit(x, y)
        bias[effect] = round(float(fit.intercept_[0]), 4)
        weights[effect] = [round(float(v), 4) for v in fit.coef_[0]]
    return LexicalModel(LEXICAL_NAME, vocabulary, weights, bias)


def out_of_fold(texts: Sequence[str], labels: Sequence[frozenset[str]], groups: Sequence[str]) -> list[dict[str, float]]:
    """Lexical scores of each text from a model that did not see its source contract."""
    scores: list[dict[str, float]] = [{} for _ in texts]
    folds = [fold_of(g) for g in groups]
    for fold in range(FOLDS):
        train = [i for i, f in enumerate(folds) if f != fold]
        model = train_lexical([texts[i] for i in train], [labels[i] for i in train])
        for i, f in enumerate(folds):
            if f == fold:
                scores[i] = model.scores(texts[i])
    return scores


class Analysed:
    """What the rules and the provision analysis say of one clause (computed once)."""

    def __init__(self, example: Example, text: str, rules) -> None:  # type: ignore[no-untyped-def]
        doc = get_nlp(example.lang)(normalize_for_nlp(text))
        self.evidence: list[Evidence] = rules.match_doc(doc, example.lang)
        self.provisions: list[Provision] = analyze_provisions(text, example.lang, 0, (), doc=doc)

    def rows(self, lexical: dict[str, float]) -> dict[str, dict[str, float]]:
        """The fusion features of each effect, given the clause's lexical scores."""
        evidence = self.evidence + [Evidence(source="model", label=e, score=s) for e, s in lexical.items()]
        clause_type = decide_type(evidence)
        return {effect: features(effect, evidence, clause_type, self.provisions) for effect in EFFECTS}


def fit_fusion(rows: Sequence[dict[str, dict[str, float]]], labels: Sequence[frozenset[str]],
               verbose: bool = False) -> tuple[dict[str, dict[str, float]], dict[str, float]]:
    """Fusion weights and thresholds fitted on ``rows``."""
    weights: dict[str, dict[str, float]] = {}
    thresholds: dict[str, float] = {}
    for effect in EFFECTS:
        names = list(FEATURES) + sorted({n for row in rows for n in row[effect] if n not in FEATURES})
        x = np.array([[row[effect].get(name, 0.0) for name in names] for row in rows])
        y = np.array([effect in gold for gold in labels], dtype=float)
        penalty = np.array([0.0 if n == "bias" else (L2_RULE if n.startswith("rule:") else L2_DENSE) for n in names])
        w = fit_logistic(x, y, penalty)
        thresholds[effect], f1 = best_threshold(1.0 / (1.0 + np.exp(-x @ w)), y)
        weights[effect] = {name: round(float(value), 4) for name, value in zip(names, w, strict=True)
                           if name in FEATURES or abs(value) >= 1e-3}
        if verbose:
            dense = {name: weights[effect][name] for name in FEATURES}
            print(f"{effect:11} threshold {thresholds[effect]:.2f}  dev F1 {f1:.3f}  {len(names) - len(FEATURES)} rule "
                  f"features  {dense}")
    return weights, thresholds


def predict(weights: dict[str, dict[str, float]], thresholds: dict[str, float],
            row: dict[str, dict[str, float]]) -> frozenset[str]:
    """The labels the fitted fusion gives a clause."""
    out = set()
    for effect in EFFECTS:
        z = sum(weights[effect].get(name, 0.0) * value for name, value in row[effect].items())
        if 1.0 / (1.0 + np.exp(-z)) >= thresholds[effect]:
            out.add(effect)
    return frozenset(out)


def cross_validate(dev: Sequence[Example], texts: Sequence[str], analysed: Sequence[Analysed], lexical: bool) -> None:
    """Print the grouped 5-fold estimate of the effects F1 per language."""
    folds = [fold_of(e.group) for e in dev]
    predicted: list[frozenset[str]] = [frozenset()] * len(dev)
    for fold in range(FOLDS):
        train = [i for i, f in enumerate(folds) if f != fold]
        test = [i for i, f in enumerate(folds) if f == fold]
        t_texts, t_labels = [texts[i] for i in train], [dev[i].labels for i in train]
        inner = out_of_fold(t_texts, t_labels, [dev[i].group + "#" for i in train]) if lexical else None
        rows = [analysed[i].rows(inner[k] if inner else dict.fromkeys(EFFECTS, 0.0)) for k, i in enumerate(train)]
        weights, thresholds = fit_fusion(rows, t_labels)
        model = train_lexical(t_texts, t_labels) if lexical else None
        for i in test:
            scores = model.scores(texts[i]) if model else dict.fromkeys(EFFECTS, 0.0)
            predicted[i] = predict(weights, thresholds, analysed[i].rows(scores))
    for lang in ("fr", "en"):
        idx = [i for i, e in enumerate(dev) if e.lang == lang]
        table = multilabel_scores([dev[i].labels for i in idx], [predicted[i] for i in idx], EFFECTS)
        cells = "  ".join(f"{s.label} P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}" for s in table)
        print(f"cv {lang}: {len(idx)} clauses  macro-F1 {macro_f1(table):.3f}  {cells}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cuad-dir", type=Path, default=default_cuad_dir())
    parser.add_argument("--out-dir", type=Path, default=models_dir())
    parser.add_argument("--no-lexical", action="store_true", help="fit the fusion on rules and provisions only")
    parser.add_argument("--cv", action="store_true", help="print a grouped 5-fold estimate per language first")
    args = parser.parse_args()
    examples, missing = load_corpus(DEFAULT_CORPUS, args.cuad_dir)
    dev: list[Example] = [e for e in examples if e.split == "dev" and not is_definition(e.text)]
    print(f"{len(dev)} development clauses ({missing} CUAD references unresolved)")
    texts = [canonical(e.text)[0] for e in dev]
    labels = [e.labels for e in dev]
    rules = load_rules()
    analysed = [Analysed(example, text, rules) for example, text in zip(dev, texts, strict=True)]
    if args.cv:
        cross_validate(dev, texts, analysed, not args.no_lexical)
    oof = [dict.fromkeys(EFFECTS, 0.0) for _ in dev] if args.no_lexical else out_of_fold(texts, labels, [e.group for e in dev])
    rows = [a.rows(scores) for a, scores in zip(analysed, oof, strict=True)]
    weights, thresholds = fit_fusion(rows, labels, verbose=True)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    name = "clauses-fr-en-rules" + ("" if args.no_lexical else "+lexical") + "-0.3"
    model = FusionModel(name, weights, thresholds)
    (args.out_dir / "fusion.json").write_text(json.dumps(model.to_dict(), indent=1, ensure_ascii=False) + "\n")
    lexical_path = args.out_dir / "lexical.json"
    if args.no_lexical:
        lexical_path.unlink(missing_ok=True)
    else:
        final = train_lexical(texts, labels)
        lexical_path.write_text(json.dumps(final.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n")
        print(f"lexical model: {len(final.terms)} terms")
    print(f"wrote {args.out_dir / 'fusion.json'}" + ("" if args.no_lexical else f" and {lexical_path}"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
