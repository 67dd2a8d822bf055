"""The ``clausecheck`` command: thin click commands over the library.

Exit codes: 0 ok, 1 findings over a threshold (later), 2 usage or input error.
Reports go to stdout (or ``-o``); progress, warnings and errors go to stderr.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

import click
from rich.console import Console

from clausecheck import __version__
from clausecheck.errors import ClauseCheckError
from clausecheck.evaluate_cli import evaluate_command
from clausecheck.pipeline import Report, analyze
from clausecheck.readers import ReadOptions
from clausecheck.reporters import REPORTERS
from clausecheck.rules_cli import rules as rules_group

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
@click.option("--revisions", type=click.Choice(["accepted", "original"]), default="accepted", show_default=True,
              help="Word tracked changes: analyse the text with all changes accepted, or the original text.")
@click.option("--max-size", type=click.IntRange(min=1), default=100, show_default=True, metavar="MB",
              help="Refuse files larger than this many megabytes.")
@click.option("--max-pages", type=click.IntRange(min=1), default=2000, show_default=True,
              help="Refuse PDFs with more pages than this.")
def analyze_command(files: tuple[str, ...], fmt: str, output: TextIO, revisions: str,
                    max_size: int, max_pages: int) -> None:
    r"""Read each FILE (or every document in a folder) and report its clauses.

    \b
    Examples:
      clausecheck analyze contract.pdf
      clausecheck analyze samples/ --format json -o reports.json
    """
    options = ReadOptions(max_bytes=max_size * 1024 * 1024, max_pages=max_pages, revisions=revisions)  # type: ignore[arg-type]
    inputs = expand_inputs(files)
    if not inputs:
        raise click.UsageError("no supported document (.pdf, .docx, .txt, .md) in the given folders")
    reports: list[Report] = []
    failed = 0
    for path in inputs:
        try:
            reports.append(analyze(path, options))
        except ClauseCheckError as error:
            failed += 1
            _stderr.print(f"[red]error[/] {error.line()}", soft_wrap=True)
    if reports:
        REPORTERS[fmt](reports, output)
    if failed:
        sys.exit(2)


cli.add_command(rules_group)
cli.add_command(evaluate_command)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="clausecheck")
