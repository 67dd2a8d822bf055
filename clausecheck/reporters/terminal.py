"""Terminal reporter: document facts and the clause tree as rich tables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from clausecheck.pipeline import Report

_FIRST_WORDS = 12


def _pages(pages: tuple[int, ...]) -> str:
    if not pages:
        return ""
    return str(pages[0]) if len(pages) == 1 else f"{pages[0]}-{pages[-1]}"


def _summary(report: Report) -> Text:
    doc = report.document
    facts = [doc.format.upper(), report.language]
    if doc.page_count:
        facts.append(f"{doc.page_count} pages")
    facts += [f"{report.words:,} words", f"{len(report.clauses)} clauses"]
    coverage = report.segmentation.covered / max(1, len(doc.text))
    facts.append(f"{coverage:.0%} of the text in clauses")
    line = Text(doc.path, style="bold")
    line.append("  " + " · ".join(facts), style="dim")
    return line


def write(reports: Sequence[Report], stream: TextIO) -> None:
    """Print each report: a summary line, warnings, then the clause tree."""
    console = Console(file=stream, soft_wrap=False, highlight=False)
    for report in reports:
        console.print(_summary(report))
        for warning in report.document.warnings:
            console.print(f"  [yellow]warning[/] {warning.code}: {warning.message}")
        clauses = report.clauses
        number_width = max((len(c.number or "") + 2 * (c.level - 1) for c in clauses), default=6)
        heading_width = min(40, max((len(c.heading or "") for c in clauses), default=7))
        table = Table(show_edge=False, pad_edge=False, box=None, header_style="bold")
        widths = [max(3, len(f"c{len(clauses)}")), max(6, min(number_width, 20)), max(7, heading_width), 5]
        rest = max(10, console.width - sum(widths) - 2 * len(widths))
        table.add_column("id", style="dim", no_wrap=True, width=widths[0])
        table.add_column("number", no_wrap=True, width=widths[1], overflow="ellipsis")
        table.add_column("heading", width=widths[2], no_wrap=True, overflow="ellipsis")
        table.add_column("pages", justify="right", no_wrap=True, width=widths[3])
        table.add_column("first words", style="dim", width=rest, no_wrap=True, overflow="ellipsis")
        for clause in clauses:
            indent = "  " * (clause.level - 1)
            first = " ".join(clause.body.split()[:_FIRST_WORDS])
            table.add_row(clause.id, indent + (clause.number or "·"), clause.heading or "", _pages(clause.pages), first)
        console.print(table)
        console.print()
