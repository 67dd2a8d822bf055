"""``clausecheck evaluate``: per-label scores of the classifier on an annotated corpus."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from clausecheck.classify import get_classifier
from clausecheck.evaluation import (
    DEFAULT_CORPUS,
    Evaluation,
    LabelScore,
    default_cuad_dir,
    effect_confusion,
    evaluate,
    load_corpus,
    macro_f1,
)


def _table(title: str, scores: Sequence[LabelScore]) -> Table:
    table = Table(title=title, title_justify="left", header_style="bold")
    for name in ("label", "precision", "recall", "F1", "support", "predicted"):
        table.add_column(name, justify="left" if name == "label" else "right")
    for s in scores:
        table.add_row(s.label, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", str(s.support), str(s.predicted))
    return table


def _report(console: Console, name: str, result: Evaluation, show_types: bool, show_rules: bool) -> None:
    effects = result.effect_scores()
    console.print(_table(f"{name}: effects ({len(result.examples)} clauses)", effects))
    console.print(f"{name}: effects macro-F1 = {macro_f1(effects):.3f}")
    confusion = effect_confusion([e.labels for e in result.examples], result.predicted_labels)
    table = Table(title=f"{name}: effect sets, gold → predicted (most frequent)", title_justify="left")
    for column in ("gold", "predicted", "clauses"):
        table.add_column(column, justify="right" if column == "clauses" else "left")
    for (gold, pred), count in confusion.most_common(16):
        table.add_row(gold, pred, str(count), style="" if gold == pred else "yellow")
    console.print(table)
    types = result.type_scores()
    console.print(f"{name}: clause type accuracy = {result.type_accuracy():.3f}, macro-F1 = {macro_f1(types):.3f}")
    if show_types:
        console.print(_table(f"{name}: clause types", types))
    if show_rules:
        table = Table(title=f"{name}: rules by precision (fired / right)", title_justify="left")
        for column in ("rule", "effect", "fired", "right", "precision"):
            table.add_column(column)
        for code, effect, fired, right in result.rule_precision():
            table.add_row(code, effect, str(fired), str(right), f"{right / fired:.2f}")
        console.print(table)


@click.command("evaluate")
@click.argument("corpus", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--split", type=click.Choice(["dev", "test", "all"]), default="test", show_default=True,
              help="Which part of the corpus: the held-out test split, the development split, or all.")
@click.option("--lang", type=click.Choice(["fr", "en", "all"]), default="all", show_default=True)
@click.option("--cuad-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="CUAD txt folder for records that point into it [default: ../shared/data/cuad-dev/txt].")
@click.option("--types/--no-types", "show_types", default=True, help="Print the per-type table.")
@click.option("--rules", "show_rules", is_flag=True, help="Print each rule's precision on the clauses.")
@click.option("--errors", "show_errors", type=click.Choice(["rigid", "review", "innovation", "type"]), default=None,
              help="List the clauses where this effect (or the type) is wrong, with the rules that fired.")
@click.option("--model", "model_path", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Fusion model to use instead of the shipped models/fusion.json.")
def evaluate_command(corpus: tuple[Path, ...], split: str, lang: str, cuad_dir: Path | None,
                     show_types: bool, show_rules: bool, show_errors: str | None, model_path: str | None) -> None:
    """Score the classifier on an annotated CORPUS (JSONL; default: the project's corpus/).

    Prints per-label precision, recall, F1 and support for the effects and the
    clause types, and the most frequent confusions, per language.
    """
    console = Console()
    examples, missing = load_corpus(corpus or DEFAULT_CORPUS, cuad_dir or default_cuad_dir())
    if missing:
        console.print(f"[yellow]{missing} records point into CUAD texts that are not available: skipped[/]")
    examples = [e for e in examples if split in ("all", e.split)]
    classifier = get_classifier(model_path=model_path)
    languages = ["fr", "en"] if lang == "all" else [lang]
    for language in languages:
        subset = [e for e in examples if e.lang == language]
        if not subset:
            console.print(f"{language}: no clauses")
            continue
        result = evaluate(subset, classifier.judge)
        _report(console, f"{language}/{split}", result, show_types, show_rules)
        if show_errors:
            _errors(console, result, show_errors)


def _errors(console: Console, result: Evaluation, what: str) -> None:
    for example, labels, clause_type, fired in zip(
        result.examples, result.predicted_labels, result.predicted_types, result.rules_fired, strict=True
    ):
        wrong = example.type != clause_type if what == "type" else (what in example.labels) != (what in labels)
        if not wrong:
            continue
        gold = "+".join(sorted(example.labels)) or "neutral"
        pred = "+".join(sorted(labels)) or "neutral"
        console.print(f"[bold]{example.id}[/] gold {gold}/{example.type}  predicted {pred}/{clause_type}", highlight=False)
        console.print(f"  rules: {', '.join(sorted(fired)) or '-'}", highlight=False)
        console.print("  " + " ".join(example.text.split())[:600], highlight=False, markup=False)
