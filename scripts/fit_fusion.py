"""Fit the lexical model and the fusion weights on the development split; write models/lexical.json and models/fusion.json.

    python scripts/fit_fusion.py [--cuad-dir DIR] [--out-dir models] [--no-lexical]

Only ``split == "dev"`` records are used: the held-out ``test`` split is for
``clausecheck evaluate --split test``.

1. Lexical model (clausecheck.lexical): per effect, an L2-regularised logistic
   regression over words and word pairs. Its scores on the development clauses
   used to fit the fusion are **out-of-fold** (5 folds), so the fusion learns
   how far to trust it on clauses it has not seen.
2. Fusion (clausecheck.fusion): per effect, an L2-regularised logistic
   regression on the rule, type, provision and model features; the threshold
   maximises F1 on the development split (0.05 grid).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from clausecheck.analysis.provisions import analyze_provisions, normalize_for_nlp
from clausecheck.classify import canonical, is_definition, models_dir
from clausecheck.engine import load_rules
from clausecheck.evaluation import DEFAULT_CORPUS, Example, default_cuad_dir, load_corpus
from clausecheck.evidence import EFFECTS, Evidence
from clausecheck.fusion import FEATURES, FusionModel, decide_type, features
from clausecheck.lexical import LexicalModel, terms, vocabulary_of
from clausecheck.nlp import get_nlp

L2_DENSE = 0.5
L2_RULE = 2.0
L2_LEXICAL = 4.0
STEPS = 4000
FOLDS = 5
LEXICAL_NAME = "lexical-fr-en-0.1"


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


def train_lexical(texts: list[str], labels: list[frozenset[str]]) -> LexicalModel:
    """The lexical model trained on ``texts``."""
    vocabulary = vocabulary_of(texts)
    column = {t: i for i, t in enumerate(vocabulary)}
    x = np.zeros((len(texts), len(vocabulary) + 1), dtype=np.float32)
    x[:, 0] = 1.0
    for row, text in enumerate(texts):
        for term in terms(text):
            if term in column:
                x[row, column[term] + 1] = 1.0
    penalty = np.full(x.shape[1], L2_LEXICAL)
    penalty[0] = 0.0
    weights, bias = {}, {}
    for effect in EFFECTS:
        y = np.array([effect in gold for gold in labels], dtype=np.float32)
        w = fit_logistic(x, y, penalty, steps=600, rate=0.5)
        bias[effect] = round(float(w[0]), 4)
        weights[effect] = [round(float(v), 4) for v in w[1:]]
    return LexicalModel(LEXICAL_NAME, vocabulary, weights, bias)


def out_of_fold(texts: list[str], labels: list[frozenset[str]]) -> list[dict[str, float]]:
    """Lexical scores of each text from a model that did not see it."""
    scores: list[dict[str, float]] = [{} for _ in texts]
    for fold in range(FOLDS):
        train = [i for i in range(len(texts)) if i % FOLDS != fold]
        model = train_lexical([texts[i] for i in train], [labels[i] for i in train])
        for i in range(fold, len(texts), FOLDS):
            scores[i] = model.scores(texts[i])
    return scores


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cuad-dir", type=Path, default=default_cuad_dir())
    parser.add_argument("--out-dir", type=Path, default=models_dir())
    parser.add_argument("--no-lexical", action="store_true", help="fit the fusion on rules and provisions only")
    args = parser.parse_args()
    examples, missing = load_corpus(DEFAULT_CORPUS, args.cuad_dir)
    dev: list[Example] = [e for e in examples if e.split == "dev" and not is_definition(e.text)]
    print(f"{len(dev)} development clauses ({missing} CUAD references unresolved)")
    texts = [canonical(e.text)[0] for e in dev]
    labels = [e.labels for e in dev]
    oof = [dict.fromkeys(EFFECTS, 0.0) for _ in dev] if args.no_lexical else out_of_fold(texts, labels)
    rules = load_rules()
    rows: dict[str, list[dict[str, float]]] = {effect: [] for effect in EFFECTS}
    for example, text, lexical in zip(dev, texts, oof, strict=True):
        doc = get_nlp(example.lang)(normalize_for_nlp(text))
        evidence = rules.match_doc(doc, example.lang)
        evidence += [Evidence(source="model", label=effect, score=score) for effect, score in lexical.items()]
        provisions = analyze_provisions(text, example.lang, 0, (), doc=doc)
        clause_type = decide_type(evidence)
        for effect in EFFECTS:
            rows[effect].append(features(effect, evidence, clause_type, provisions))
    weights: dict[str, dict[str, float]] = {}
    thresholds: dict[str, float] = {}
    for effect in EFFECTS:
        names = list(FEATURES) + sorted({n for row in rows[effect] for n in row if n not in FEATURES})
        x = np.array([[row.get(name, 0.0) for name in names] for row in rows[effect]])
        y = np.array([effect in gold for gold in labels], dtype=float)
        penalty = np.array([0.0 if n == "bias" else (L2_RULE if n.startswith("rule:") else L2_DENSE) for n in names])
        w = fit_logistic(x, y, penalty)
        thresholds[effect], f1 = best_threshold(1.0 / (1.0 + np.exp(-x @ w)), y)
        weights[effect] = {name: round(float(value), 4) for name, value in zip(names, w, strict=True)
                           if name in FEATURES or abs(value) >= 1e-3}
        dense = {name: weights[effect][name] for name in FEATURES}
        print(f"{effect:11} threshold {thresholds[effect]:.2f}  dev F1 {f1:.3f}  {len(names) - len(FEATURES)} rule "
              f"features  {dense}")
    args.out_dir.mkdir(parents=True, exist_ok=True)
    name = "clauses-fr-en-rules" + ("" if args.no_lexical else "+lexical") + "-0.2"
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
