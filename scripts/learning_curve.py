"""Learning curve of the lexical model: how its effects F1 grows with the share of development data.

    python scripts/learning_curve.py [--lang en] [--fractions 0.25 0.5 0.75 1]

Needs the ``train`` extra. The lexical model alone (no rules, no fusion), so
that the figure is not flattered by rules written while reading development
errors: a grouped 5-fold cross-validation (``fit_fusion.fold_of``: a contract
never in two folds) over the development clauses of one language
(``TRAINING_CORPUS``), each fold's model trained on a random share of the
other folds (seed 0); per effect, the F1 at its best threshold
(``fit_fusion.best_threshold``), then their mean. It answers "how much would
more annotation buy?" (the session-5 note in ``docs/classification.md``).
About two minutes per fraction for English.
"""

from __future__ import annotations

import argparse

import numpy as np
from fit_fusion import best_threshold, fold_of, train_lexical

from clausecheck.classify import canonical, is_definition
from clausecheck.evaluation import TRAINING_CORPUS, default_cuad_dir, load_corpus
from clausecheck.evidence import EFFECTS


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("fr", "en"), default="en")
    parser.add_argument("--fractions", type=float, nargs="+", default=[0.25, 0.5, 0.75, 1.0])
    args = parser.parse_args()
    examples, _missing = load_corpus(TRAINING_CORPUS, default_cuad_dir())
    dev = [e for e in examples if e.split == "dev" and e.lang == args.lang and not is_definition(e.text)]
    texts = [canonical(e.text)[0] for e in dev]
    folds = np.array([fold_of(e.group) for e in dev])
    draw = np.random.RandomState(0).rand(len(dev))
    print(f"{len(dev)} {args.lang} development clauses; lexical model alone, grouped 5-fold")
    for fraction in args.fractions:
        oof = np.zeros((len(dev), len(EFFECTS)))
        for fold in range(5):
            train = np.flatnonzero((folds != fold) & (draw < fraction))
            model = train_lexical([texts[i] for i in train], [dev[i].labels for i in train],
                                  [args.lang] * len(train))
            for i in np.flatnonzero(folds == fold):
                scores = model.scores(texts[i])
                oof[i] = [scores[effect] for effect in EFFECTS]
        f1 = [best_threshold(oof[:, k], np.array([effect in e.labels for e in dev], dtype=float))[1]
              for k, effect in enumerate(EFFECTS)]
        cells = "  ".join(f"{effect} {value:.3f}" for effect, value in zip(EFFECTS, f1, strict=True))
        print(f"{fraction:5.0%} of the data: macro-F1 {np.mean(f1):.3f}  ({cells})", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
