"""Fit the fusion weights on the development split of the annotated corpus; write models/fusion.json.

    python scripts/fit_fusion.py [--cuad-dir DIR] [--out models/fusion.json]

Only ``split == "dev"`` records are used: the held-out ``test`` split is for
``clausecheck evaluate --split test``. Per effect, an L2-regularised logistic
regression on the features of :mod:`clausecheck.fusion`; the threshold is the
one that maximises F1 on the development split (searched on a 0.05 grid).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from clausecheck.analysis.provisions import analyze_provisions
from clausecheck.classify import is_definition, models_dir
from clausecheck.engine import load_rules
from clausecheck.evaluation import DEFAULT_CORPUS, default_cuad_dir, load_corpus
from clausecheck.evidence import EFFECTS
from clausecheck.fusion import FEATURES, FusionModel, decide_type, features
from clausecheck.nlp import get_nlp

L2_DENSE = 0.5
L2_RULE = 2.0
STEPS = 4000


def fit_logistic(x: np.ndarray, y: np.ndarray, names: list[str]) -> np.ndarray:
    """Weights minimising the mean log-loss + L2 penalty (bias free, per-rule features penalised more)."""
    w = np.zeros(x.shape[1])
    penalty = np.array([0.0 if n == "bias" else (L2_RULE if n.startswith("rule:") else L2_DENSE) for n in names])
    penalty /= len(y)
    rate = 1.0
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        grad = x.T @ (p - y) / len(y) + penalty * w
        w -= rate * grad
    return w


def best_threshold(p: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Threshold maximising F1, and that F1."""
    best = (0.5, -1.0)
    for t in np.arange(0.2, 0.81, 0.05):
        pred = p >= t
        tp = float(np.sum(pred & (y == 1)))
        f1 = 2 * tp / (np.sum(pred) + np.sum(y == 1)) if np.sum(pred) + np.sum(y == 1) else 0.0
        if f1 > best[1] + 1e-9:
            best = (round(float(t), 2), f1)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cuad-dir", type=Path, default=default_cuad_dir())
    parser.add_argument("--out", type=Path, default=models_dir() / "fusion.json")
    args = parser.parse_args()
    examples, missing = load_corpus(DEFAULT_CORPUS, args.cuad_dir)
    dev = [e for e in examples if e.split == "dev" and not is_definition(e.text)]  # definitions are neutral by rule
    print(f"{len(dev)} development clauses ({missing} CUAD references unresolved)")
    rules = load_rules()
    rows: dict[str, list[dict[str, float]]] = {effect: [] for effect in EFFECTS}
    gold: dict[str, list[int]] = {effect: [] for effect in EFFECTS}
    for example in dev:
        doc = get_nlp(example.lang)(example.text.replace("\n", " "))
        evidence = rules.match_doc(doc, example.lang)
        provisions = analyze_provisions(example.text, example.lang, 0, (), doc=doc)
        clause_type = decide_type(evidence)
        for effect in EFFECTS:
            rows[effect].append(features(effect, evidence, clause_type, provisions))
            gold[effect].append(int(effect in example.labels))
    weights: dict[str, dict[str, float]] = {}
    thresholds: dict[str, float] = {}
    for effect in EFFECTS:
        names = list(FEATURES) + sorted({n for row in rows[effect] for n in row if n not in FEATURES})
        x = np.array([[row.get(name, 0.0) for name in names] for row in rows[effect]])
        y = np.array(gold[effect], dtype=float)
        w = fit_logistic(x, y, names)
        p = 1.0 / (1.0 + np.exp(-x @ w))
        thresholds[effect], f1 = best_threshold(p, y)
        weights[effect] = {name: round(float(value), 4) for name, value in zip(names, w, strict=True)
                           if name in FEATURES or abs(value) >= 1e-3}
        dense = {name: weights[effect][name] for name in FEATURES}
        print(f"{effect:11} threshold {thresholds[effect]:.2f}  dev F1 {f1:.3f}  {len(names) - len(FEATURES)} rule "
              f"features  {dense}")
    model = FusionModel("clauses-fr-en-rules-0.1", weights, thresholds)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
