"""The ``clausecheck`` command: thin click commands over the library.

Exit codes: 0 ok, 1 a ``--fail-on`` condition crossed, 2 usage or input error.
Reports go to stdout (or ``-o``); progress, warnings and errors go to stderr.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path
from typing import TextIO

import click
from rich.console import Console

from clausecheck import __version__
from clausecheck.config import LoadedConfig, find_config, load_project_config
from clausecheck.errors import ClauseCheckError
from clausecheck.evaluate_cli import evaluate_command
from clausecheck.gate import Condition, failures, parse_condition
from clausecheck.pipeline import Report, Settings, analyze
from clausecheck.readers import ReadOptions
from clausecheck.reporters import REPORTERS
from clausecheck.rules_cli import rules as rules_group
from clausecheck.scoring import config_from_dict

SUPPORTED_SUFFIXES = (".pdf", ".docx", ".txt", ".md")
_stderr = Console(stderr=True, highlight=False)


def expand_inputs(paths: tuple[str, ...]) -> list[Path]:
    """Files as given, and the supported documents inside any folder (recursively, sorted)."""
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
        else:
            files.append(path)
    return files


class FailOn(click.ParamType):
    """A ``--fail-on`` expression, checked when the command line is parsed."""

    name = "EXPR"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> Condition:
        """Parse the expression or fail with a usage message."""
        if isinstance(value, Condition):
            return value
        try:
            return parse_condition(str(value))
        except ClauseCheckError as error:
            self.fail(error.cause, param, ctx)


@lru_cache(maxsize=32)
def _config_for(config_path: Path | None) -> LoadedConfig:
    return load_project_config(config_path)


def settings_for(document: Path, explicit: Path | None, read: ReadOptions, lang: str | None,
                 rule_dirs: tuple[str, ...], disabled: tuple[str, ...]) -> tuple[Settings, tuple[str, ...]]:
    """Settings for one document: its configuration file (explicit or found upward), then command-line options."""
    loaded = _config_for(explicit or find_config(document))
    config = loaded.config
    settings = Settings(
        read=read,
        rule_dirs=loaded.rule_dirs() + tuple(str(Path(d).resolve()) for d in rule_dirs),
        disabled_rules=config.disable + disabled,
        nlp_mode=config.nlp,
        scoring=config_from_dict(config.scoring, loaded.path) if config.scoring else None,
        waivers=config.waivers,
        report_language=lang or config.language,
    )
    return settings, config.fail_on


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="clausecheck")
def cli() -> None:
    """Find, classify and score the clauses of contracts and specifications.

    Reads PDF, Word (.docx) and text files, French and English.
    """


@cli.command("analyze")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--format", "fmt", type=click.Choice(sorted(REPORTERS)), default="terminal", show_default=True,
              help="Report format.")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Write the report to this file instead of stdout.")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Configuration file [default: the nearest .clausecheck.toml or pyproject.toml above each document].")
@click.option("--lang", type=click.Choice(["fr", "en"]), default=None,
              help="Language of findings and suggestions [default: the document's].")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(exists=True, file_okay=False),
              help="Extra rule folder (repeatable); its rules replace built-in rules of the same code.")
@click.option("--disable", multiple=True, metavar="CODE", help="Switch a rule off (repeatable; wildcards allowed).")
@click.option("--fail-on", "fail_on", multiple=True, type=FailOn(),
              help="Exit 1 when crossed: 'constraint>70', 'finding:CODE', 'severity>=high' (repeatable).")
@click.option("--revisions", type=click.Choice(["accepted", "original"]), default="accepted", show_default=True,
              help="Word tracked changes: analyse the text with all changes accepted, or the original text.")
@click.option("--max-size", type=click.IntRange(min=1), default=100, show_default=True, metavar="MB",
              help="Refuse files larger than this many megabytes.")
@click.option("--max-pages", type=click.IntRange(min=1), default=2000, show_default=True,
              help="Refuse PDFs with more pages than this.")
def analyze_command(files: tuple[str, ...], fmt: str, output: TextIO, config_path: Path | None, lang: str | None,
                    rule_dirs: tuple[str, ...], disable: tuple[str, ...], fail_on: tuple[Condition, ...],
                    revisions: str, max_size: int, max_pages: int) -> None:
    r"""Read each FILE (or every document in a folder), judge its clauses and score it.

    \b
    Examples:
      clausecheck analyze contract.pdf
      clausecheck analyze samples/ --format json -o reports.json
      clausecheck analyze draft.docx --format html -o draft.html --fail-on "constraint>70"
    """
    read = ReadOptions(max_bytes=max_size * 1024 * 1024, max_pages=max_pages, revisions=revisions)  # type: ignore[arg-type]
    inputs = expand_inputs(files)
    if not inputs:
        raise click.UsageError("no supported document (.pdf, .docx, .txt, .md) in the given folders")
    reports: list[Report] = []
    failed = 0
    gate_failures: list[str] = []
    with _stderr.status("") as status:
        for number, path in enumerate(inputs, 1):
            status.update(f"[{number}/{len(inputs)}] {path}")
            try:
                settings, configured_gate = settings_for(path, config_path, read, lang, rule_dirs, disable)
                report = analyze(path, settings=settings)
            except ClauseCheckError as error:
                failed += 1
                _stderr.print(f"[red]error[/] {error.line()}", soft_wrap=True)
                continue
            reports.append(report)
            conditions = tuple(fail_on) + tuple(parse_condition(text) for text in configured_gate)
            gate_failures += [f"{path}: {reason}" for reason in failures(report.to_dict(), conditions)]
    if reports:
        REPORTERS[fmt]([report.to_dict() for report in reports], output)
    for reason in gate_failures:
        _stderr.print(f"[yellow]fail-on[/] {reason}", soft_wrap=True)
    if failed:
        sys.exit(2)
    if gate_failures:
        sys.exit(1)


@cli.command("annotate")
@click.argument("contract", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Where to write the annotated copy (the original is never modified).")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Configuration file [default: the nearest .clausecheck.toml or pyproject.toml].")
@click.option("--lang", type=click.Choice(["fr", "en"]), default=None, help="Language of the comments.")
@click.option("--author", default="clausecheck", show_default=True, help="Author name of the comments.")
def annotate_command(contract: Path, output: Path, config_path: Path | None, lang: str | None, author: str) -> None:
    """Copy a Word CONTRACT with a comment on each labelled clause and each finding.

    The comments give the labels, the rule and its reason, and the suggestion;
    the text of the document is left untouched.
    """
    from clausecheck.reporters.docx_annotate import annotate_docx

    if output.resolve() == contract.resolve():
        raise click.UsageError("the output must be a new file: the contract itself is never modified")
    try:
        settings, _ = settings_for(contract, config_path, ReadOptions(), lang, (), ())
        count = annotate_docx(contract, analyze(contract, settings=settings), output, author)
    except ClauseCheckError as error:
        _stderr.print(f"[red]error[/] {error.line()}", soft_wrap=True)
        sys.exit(2)
    _stderr.print(f"{output}: {count} comments added")


cli.add_command(rules_group)
cli.add_command(evaluate_command)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="clausecheck")
