"""Fit the lexical model and the fusion weights on the development split; write models/lexical.json and models/fusion.json.

    python scripts/fit_fusion.py [--cuad-dir DIR] [--out-dir models] [--no-lexical] [--cv-errors FILE]

Needs the ``train`` extra (scikit-learn). Only ``split == "dev"`` records of the
corpus and of its English supplement (``TRAINING_CORPUS``) are used: the held-out
``test`` split is for ``clausecheck evaluate --split test``.

1. Lexical model (clausecheck.lexical): per effect, an L2-regularised logistic
   regression over words and word pairs (scikit-learn, sparse). Its scores on
   the development clauses used to fit the fusion are **out-of-fold** (5 folds,
   a source contract never split across folds), so the fusion learns how far
   to trust it on clauses it has not seen.
2. Fusion (clausecheck.fusion): per effect, an L2-regularised logistic
   regression on the rule, type, provision and model features.
3. Thresholds: a grouped 5-fold cross-validation of the whole fit (lexical +
   fusion) prints an estimate per language on the development split (the
   number to watch while changing features or penalties, since it never reads
   the test split; optimistic, because the rules were written by reading dev
   errors), and each effect's threshold is the one that maximises the mean of
   the French and English F1 on those out-of-fold probabilities (0.05 grid).
   A label the rules do not support also needs ``MODEL_FLOOR`` (see
   ``clausecheck.fusion.decided``).

The English type model (``models/types-en.json``, ``scripts/fit_types.py``) is
fitted before this script and read from ``--out-dir`` (else the shipped one,
copied there): its votes take part in
deciding each clause's type, hence in the ``type:`` features. It was fitted on
CUAD contracts that include the development ones of the corpus, so on those
clauses its votes are in-sample (slightly more often right than on new text).
"""

from __future__ import annotations

import argparse
import json
import shutil
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression

from clausecheck.analysis.provisions import analyze_provisions, normalize_for_nlp
from clausecheck.classify import TYPE_MODEL, canonical, is_definition, models_dir
from clausecheck.engine import RuleSet, load_rules
from clausecheck.evaluation import TRAINING_CORPUS, Example, default_cuad_dir, load_corpus, macro_f1, multilabel_scores
from clausecheck.evidence import EFFECTS, Evidence, Provision
from clausecheck.fusion import FEATURES, FusionModel, decide_type, decided, features, probability
from clausecheck.lexical import LexicalModel, terms, vocabulary_of
from clausecheck.nlp import get_nlp

L2_DENSE = 0.5
L2_RULE = 2.0
L2_LEXICAL = 4.0
STEPS = 4000
FOLDS = 5
LEXICAL_NAME = "lexical-fr-en-0.3"
VETO = 0.7
MODEL_FLOOR = 0.3


@dataclass(frozen=True)
class Knobs:
    """The fit's tuning values (command-line options)."""

    l2_lexical: float = L2_LEXICAL
    l2_rule: float = L2_RULE
    veto: float = VETO
    model_floor: float = MODEL_FLOOR


def fit_logistic(x: np.ndarray, y: np.ndarray, penalty: np.ndarray, steps: int = STEPS, rate: float = 1.0) -> np.ndarray:
    """Weights minimising the mean log-loss + sum(penalty * w^2)/2n, by gradient descent (column 0 is the bias)."""
    w = np.zeros(x.shape[1])
    scaled = penalty / len(y)
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        w -= rate * (x.T @ (p - y) / len(y) + scaled * w)
    return w


def best_threshold(p: np.ndarray, y: np.ndarray, groups: np.ndarray | None = None) -> tuple[float, float]:
    """Threshold maximising F1 (the mean of the F1 of each group, e.g. each language, when ``groups`` is given).

    Averaging per language keeps the larger English corpus from setting the
    thresholds alone: one threshold serves both languages.
    """
    parts = [np.ones(len(y), dtype=bool)] if groups is None else [groups == g for g in np.unique(groups)]
    best = (0.5, -1.0)
    for t in np.arange(0.1, 0.81, 0.05):
        scores = []
        for part in parts:
            pred, gold = p[part] >= t, y[part] == 1
            tp = float(np.sum(pred & gold))
            scores.append(2 * tp / (np.sum(pred) + np.sum(gold)) if np.sum(pred) + np.sum(gold) else 0.0)
        f1 = float(np.mean(scores))
        if f1 > best[1] + 1e-9:
            best = (round(float(t), 2), f1)
    return best


def fold_of(group: str) -> int:
    """A stable fold number for a source contract (or a drafted clause)."""
    return zlib.crc32(group.encode("utf-8")) % FOLDS


def term_matrix(texts: Sequence[str], vocabulary: Sequence[str]) -> sparse.csr_matrix:
    """Binary features: one row per text, one column per vocabulary term (``clausecheck.lexical.terms``)."""
    column = {t: i for i, t in enumerate(vocabulary)}
    rows, cols = [], []
    for row, text in enumerate(texts):
        present = sorted(column[t] for t in terms(text) if t in column)
        rows += [row] * len(present)
        cols += present
    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(texts), len(vocabulary)))


def train_lexical(texts: Sequence[str], labels: Sequence[frozenset[str]], langs: Sequence[str],
                  l2: float = L2_LEXICAL) -> LexicalModel:
    """The lexical model trained on ``texts``.

    A language column (+0.5 French, -0.5 English) is fitted with the words and
    left out of the shipped model: it absorbs the corpus's different label
    rates per language, so that French words do not carry the French corpus's
    higher share of rigid clauses (a clause and its faithful translation
    should score alike).
    """
    vocabulary = vocabulary_of(texts)
    words = term_matrix(texts, vocabulary)
    lang = sparse.csr_matrix(np.array([[0.5 if code == "fr" else -0.5] for code in langs]))
    x = sparse.hstack([words, lang], format="csr")
    weights, bias = {}, {}
    for effect in EFFECTS:
        y = np.array([effect in gold for gold in labels], dtype=int)
        fit = LogisticRegression(C=1.0 / l2, max_iter=2000).fit(x, y)
        bias[effect] = round(float(fit.intercept_[0]), 4)
        weights[effect] = [round(float(v), 4) for v in fit.coef_[0][:-1]]
    return LexicalModel(LEXICAL_NAME, vocabulary, weights, bias)


def out_of_fold(texts: Sequence[str], labels: Sequence[frozenset[str]], groups: Sequence[str],
                langs: Sequence[str], l2: float = L2_LEXICAL) -> list[dict[str, float]]:
    """Lexical scores of each text from a model that did not see its source contract."""
    scores: list[dict[str, float]] = [{} for _ in texts]
    folds = [fold_of(g) for g in groups]
    for fold in range(FOLDS):
        train = [i for i, f in enumerate(folds) if f != fold]
        model = train_lexical([texts[i] for i in train], [labels[i] for i in train], [langs[i] for i in train], l2)
        for i, f in enumerate(folds):
            if f == fold:
                scores[i] = model.scores(texts[i])
    return scores


class Analysed:
    """What the rules and the provision analysis say of one clause (computed once)."""

    def __init__(self, example: Example, text: str, rules: RuleSet, types: LexicalModel | None = None) -> None:
        doc = get_nlp(example.lang)(normalize_for_nlp(text))
        self.evidence: list[Evidence] = rules.match_doc(doc, example.lang)
        if types is not None and types.applies_to(example.lang):
            self.evidence += types.type_evidence(text)
        self.provisions: list[Provision] = analyze_provisions(text, example.lang, 0, (), doc=doc)

    def rows(self, lexical: dict[str, float]) -> dict[str, dict[str, float]]:
        """The fusion features of each effect, given the clause's lexical scores."""
        evidence = self.evidence + [Evidence(source="model", label=e, score=s) for e, s in lexical.items()]
        clause_type = decide_type(evidence)
        return {effect: features(effect, evidence, clause_type, self.provisions) for effect in EFFECTS}


def fit_fusion(rows: Sequence[dict[str, dict[str, float]]], labels: Sequence[frozenset[str]], l2_rule: float = L2_RULE,
               verbose: bool = False, langs: Sequence[str] | None = None,
               ) -> tuple[dict[str, dict[str, float]], dict[str, float]]:
    """Fusion weights fitted on ``rows``, and the thresholds best on those same rows (used inside the folds)."""
    weights: dict[str, dict[str, float]] = {}
    thresholds: dict[str, float] = {}
    for effect in EFFECTS:
        names = list(FEATURES) + sorted({n for row in rows for n in row[effect] if n not in FEATURES})
        x = np.array([[row[effect].get(name, 0.0) for name in names] for row in rows])
        y = np.array([effect in gold for gold in labels], dtype=float)
        penalty = np.array([0.0 if n == "bias" else (l2_rule if n.startswith(("rule:", "type:")) else L2_DENSE)
                            for n in names])
        w = fit_logistic(x, y, penalty)
        thresholds[effect], f1 = best_threshold(1.0 / (1.0 + np.exp(-x @ w)), y,
                                                None if langs is None else np.array(langs))
        weights[effect] = {name: round(float(value), 4) for name, value in zip(names, w, strict=True)
                           if name in FEATURES or abs(value) >= 1e-3}
        if verbose:
            dense = {name: weights[effect][name] for name in FEATURES}
            print(f"{effect:11} in-sample F1 {f1:.3f}  {len(names) - len(FEATURES)} rule and type features  {dense}")
    return weights, thresholds


def cross_validate(dev: Sequence[Example], texts: Sequence[str], analysed: Sequence[Analysed], lexical: bool,
                   knobs: Knobs, errors: Path | None = None) -> dict[str, float]:
    """Print the grouped 5-fold estimate of the effects F1 per language (and on the English corpus without the
    supplement); return the thresholds best on the folds.

    Each fold is predicted by a lexical model and a fusion fitted without it
    (with the thresholds chosen on its training part). The returned thresholds
    maximise F1 on these out-of-fold probabilities: fitted probabilities are
    over-confident on the clauses they were fitted on, out-of-fold ones are not.
    """
    folds = [fold_of(e.group) for e in dev]
    predicted: list[frozenset[str]] = [frozenset()] * len(dev)
    oof: list[dict[str, float]] = [{} for _ in dev]
    for fold in range(FOLDS):
        train = [i for i, f in enumerate(folds) if f != fold]
        test = [i for i, f in enumerate(folds) if f == fold]
        t_texts, t_labels = [texts[i] for i in train], [dev[i].labels for i in train]
        t_langs = [dev[i].lang for i in train]
        inner = (out_of_fold(t_texts, t_labels, [dev[i].group + "#" for i in train], t_langs, knobs.l2_lexical)
                 if lexical else None)
        rows = [analysed[i].rows(inner[k] if inner else dict.fromkeys(EFFECTS, 0.0)) for k, i in enumerate(train)]
        weights, thresholds = fit_fusion(rows, t_labels, knobs.l2_rule, langs=t_langs)
        model = train_lexical(t_texts, t_labels, t_langs, knobs.l2_lexical) if lexical else None
        for i in test:
            row = analysed[i].rows(model.scores(texts[i]) if model else dict.fromkeys(EFFECTS, 0.0))
            oof[i] = {effect: probability(weights[effect], row[effect]) for effect in EFFECTS}
            predicted[i] = frozenset(  # as clausecheck.fusion.fuse decides
                effect for effect in EFFECTS
                if decided(effect, oof[i][effect], thresholds[effect], analysed[i].evidence, knobs.veto, knobs.model_floor))
    if errors is not None:
        with errors.open("w", encoding="utf-8") as out:
            for example, text, guess, facts in zip(dev, texts, predicted, analysed, strict=True):
                if guess != example.labels:
                    rules = sorted({e.rule for e in facts.evidence if e.label and e.rule})
                    out.write(json.dumps({"id": example.id, "gold": sorted(example.labels), "predicted": sorted(guess),
                                          "type": example.type, "rules": rules, "text": text[:600]},
                                         ensure_ascii=False) + "\n")
    parts = {"fr": lambda e: e.lang == "fr", "en": lambda e: e.lang == "en",
             # the annotated corpus only (without the supplement): the same kind of clauses as the test split
             "en corpus": lambda e: e.lang == "en" and e.corpus == "en"}
    for name, keep in parts.items():
        idx = [i for i, e in enumerate(dev) if keep(e)]
        table = multilabel_scores([dev[i].labels for i in idx], [predicted[i] for i in idx], EFFECTS)
        cells = "  ".join(f"{s.label} P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}" for s in table)
        print(f"cv {name}: {len(idx)} clauses  macro-F1 {macro_f1(table):.3f}  {cells}")
    chosen = {}
    langs = np.array([e.lang for e in dev])
    for effect in EFFECTS:
        y = np.array([effect in e.labels for e in dev], dtype=float)
        chosen[effect], f1 = best_threshold(np.array([p[effect] for p in oof]), y, langs)
        print(f"{effect:11} threshold {chosen[effect]:.2f} (out-of-fold F1 {f1:.3f}, mean of the languages)")
    return chosen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cuad-dir", type=Path, default=default_cuad_dir())
    parser.add_argument("--out-dir", type=Path, default=models_dir())
    parser.add_argument("--no-lexical", action="store_true", help="fit the fusion on rules and provisions only")
    parser.add_argument("--cv-errors", type=Path, help="write the clauses the folds got wrong (JSONL)")
    parser.add_argument("--l2-lexical", type=float, default=L2_LEXICAL, help=f"lexical L2 penalty [{L2_LEXICAL}]")
    parser.add_argument("--model-floor", type=float, default=MODEL_FLOOR,
                        help=f"probability a label needs without rule support [{MODEL_FLOOR}]")
    parser.add_argument("--veto", type=float, default=VETO, help=f"express-exclusion floor, >1 for none [{VETO}]")
    parser.add_argument("--l2-rule", type=float, default=L2_RULE, help=f"per-rule fusion L2 penalty [{L2_RULE}]")
    args = parser.parse_args()
    knobs = Knobs(args.l2_lexical, args.l2_rule, args.veto, args.model_floor)
    examples, missing = load_corpus(TRAINING_CORPUS, args.cuad_dir)
    dev: list[Example] = [e for e in examples if e.split == "dev" and not is_definition(e.text)]
    print(f"{len(dev)} development clauses ({missing} CUAD references unresolved)")
    texts = [canonical(e.text)[0] for e in dev]
    labels = [e.labels for e in dev]
    rules = load_rules()
    # the type model (scripts/fit_types.py, fitted first): from --out-dir, else the shipped one (copied beside the fit)
    types_path = next((p for p in (args.out_dir / TYPE_MODEL, models_dir() / TYPE_MODEL) if p.is_file()), None)
    types = LexicalModel.load(types_path) if types_path else None
    print(f"type model: {types.name if types else 'none'}")
    analysed = [Analysed(example, text, rules, types) for example, text in zip(dev, texts, strict=True)]
    thresholds = cross_validate(dev, texts, analysed, not args.no_lexical, knobs, args.cv_errors)
    oof = [dict.fromkeys(EFFECTS, 0.0) for _ in dev] if args.no_lexical else out_of_fold(
        texts, labels, [e.group for e in dev], [e.lang for e in dev], knobs.l2_lexical)
    rows = [a.rows(scores) for a, scores in zip(analysed, oof, strict=True)]
    weights, _in_sample = fit_fusion(rows, labels, knobs.l2_rule, verbose=True)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    if types_path is not None and types_path.resolve() != (args.out_dir / TYPE_MODEL).resolve():
        shutil.copyfile(types_path, args.out_dir / TYPE_MODEL)  # the classifier reads it beside fusion.json
    name = "clauses-fr-en-rules" + ("" if args.no_lexical else "+lexical") + "-0.6"  # bump when the fit changes
    model = FusionModel(name, weights, thresholds, veto=knobs.veto, model_floor=knobs.model_floor)
    (args.out_dir / "fusion.json").write_text(json.dumps(model.to_dict(), indent=1, ensure_ascii=False) + "\n")
    lexical_path = args.out_dir / "lexical.json"
    if args.no_lexical:
        lexical_path.unlink(missing_ok=True)
    else:
        final = train_lexical(texts, labels, [e.lang for e in dev], knobs.l2_lexical)
        lexical_path.write_text(json.dumps(final.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n")
        print(f"lexical model: {len(final.terms)} terms")
    print(f"wrote {args.out_dir / 'fusion.json'}" + ("" if args.no_lexical else f" and {lexical_path}"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
