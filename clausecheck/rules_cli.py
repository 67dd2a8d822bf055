"""The ``clausecheck rules`` command group: list, show and validate rule packs.

Attach to the main CLI with ``cli.add_command(rules)``. Exit codes follow the
CLI's: 0 ok, 2 invalid rule pack or unknown code.
"""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from clausecheck.engine import RulePackError, RuleSet, load_rules
from clausecheck.engine.loader import LoadedRule

_stderr = Console(stderr=True, highlight=False, soft_wrap=True)


def _console() -> Console:
    """Stdout console, made per command (tests swap stdout); wide when not a terminal so tables are not cut."""
    console = Console(highlight=False, soft_wrap=True)
    return console if console.is_terminal else Console(highlight=False, soft_wrap=True, width=200)


def _evidence_text(rule: LoadedRule) -> str:
    parts = []
    for entry in rule.spec.evidence:
        words = [word for word in (entry.effect, entry.type) if word]
        words += [f"{key}={value}" for key, value in entry.attributes.items()]
        sign = "-" if entry.direction == "against" else "+"
        parts.append(sign + "/".join(words))
    return " ".join(parts)


def _ruleset(ctx: click.Context) -> RuleSet:
    try:
        return load_rules(ctx.obj["dirs"], ctx.obj["disabled"])
    except RulePackError as error:
        for problem in error.problems:
            _stderr.print(str(problem), markup=False)
        raise click.exceptions.Exit(2) from error


@click.group("rules")
@click.option("--rules", "dirs", multiple=True, type=click.Path(file_okay=False, path_type=Path), metavar="DIR",
              help="Extra rule folder, layered on the built-in pack (a rule with the same code replaces it).")
@click.option("--disable", "disabled", multiple=True, metavar="CODE",
              help="Leave out a rule by code or name; wildcards work (RIG-*, review.price.*).")
@click.pass_context
def rules(ctx: click.Context, dirs: tuple[Path, ...], disabled: tuple[str, ...]) -> None:
    """List, show and validate the rule packs."""
    ctx.ensure_object(dict)
    ctx.obj.update(dirs=dirs, disabled=disabled)


@rules.command("list")
@click.option("--lang", type=click.Choice(["fr", "en"]), help="Only rules that run on this language.")
@click.pass_context
def list_command(ctx: click.Context, lang: str | None) -> None:
    """Table of the loaded rules: code, name, languages, evidence, weight, severity."""
    ruleset = _ruleset(ctx)
    table = Table("code", "name", "langs", "evidence for", "weight", "severity")
    shown = 0
    for rule in ruleset.loaded:
        spec = rule.spec
        if lang and lang not in spec.languages:
            continue
        shown += 1
        table.add_row(spec.code, spec.name, ",".join(spec.languages), _evidence_text(rule), f"{spec.weight:g}",
                      spec.severity)
    _console().print(table)
    _stderr.print(f"{shown} rule(s)")


@rules.command("show")
@click.argument("code")
@click.pass_context
def show_command(ctx: click.Context, code: str) -> None:
    """Everything about rule CODE, examples included."""
    rule = _ruleset(ctx).get(code.upper())
    if rule is None:
        _stderr.print(f"unknown rule code: {code}", markup=False)
        raise click.exceptions.Exit(2)
    spec = rule.spec
    out = _console()
    out.print(f"[bold]{spec.code}[/]  {spec.name}")
    out.print(f"file:      {rule.path}", markup=False)
    out.print(f"languages: {', '.join(spec.languages)}   weight: {spec.weight:g}   severity: {spec.severity}"
              f"   where: {spec.where}", markup=False)
    out.print(f"evidence:  {_evidence_text(rule)}", markup=False)
    out.print(f"message:   {spec.message}", markup=False)
    if spec.message_fr:
        out.print(f"message_fr: {spec.message_fr}", markup=False)
    if spec.basis or spec.url:
        out.print(f"basis:     {spec.basis or ''} {spec.url or ''}".rstrip(), markup=False)
    for key in ("patterns", "phrases", "regex"):
        for lang, items in getattr(spec, key).items():
            out.print(f"{key} ({lang}):", markup=False)
            for item in items:
                out.print(f"  - {item}", markup=False)
    ctx_spec = spec.context
    if ctx_spec.raise_ or ctx_spec.lower or ctx_spec.cancel_if:
        out.print(f"context (window {ctx_spec.window}):", markup=False)
        for group in ctx_spec.raise_:
            out.print(f"  raise +{group.by:g}: {', '.join(group.words)}", markup=False)
        for group in ctx_spec.lower:
            out.print(f"  lower -{group.by:g}: {', '.join(group.words)}", markup=False)
        cancel = ctx_spec.cancel_if
        for lang, words in cancel.items() if isinstance(cancel, dict) else [("", cancel)]:
            if words:
                out.print(f"  cancel if{f' ({lang})' if lang else ''}: {', '.join(words)}", markup=False)
    for kind in ("match", "no_match"):
        out.print(f"{kind}:", markup=False)
        for example in getattr(spec.examples, kind):
            out.print(f"  - [{example.lang or ','.join(spec.languages)}] {example.text}", markup=False)


@rules.command("validate")
@click.argument("dirs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--examples/--no-examples", default=True, show_default=True,
              help="Also run every rule's examples (RC050 when one misbehaves).")
def validate_command(dirs: tuple[Path, ...], examples: bool) -> None:
    """Check the rule files in each DIR; print every problem as path:line: key: code message.

    Exit 0 when all are valid, 2 otherwise.
    """
    try:
        ruleset = load_rules(dirs, builtin=False)
    except RulePackError as error:
        for problem in error.problems:
            _stderr.print(str(problem), markup=False)
        _stderr.print(error.line(), markup=False)
        raise click.exceptions.Exit(2) from error
    problems = ruleset.check_examples() if examples else []
    for problem in problems:
        _stderr.print(str(problem), markup=False)
    if problems:
        _stderr.print(f"{len(problems)} example(s) misbehave", markup=False)
        raise click.exceptions.Exit(2)
    _console().print(f"{len(ruleset)} rule(s) valid", markup=False)
