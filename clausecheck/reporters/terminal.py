"""Terminal reporter (rich): scores with a reading and their driving clauses, findings, the clause table."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from clausecheck.reporters.texts import (
    HEADINGS,
    LABEL_NAMES,
    SCORE_NAMES,
    clause_label,
    finding_title,
    lang_of,
    page_range,
    reading,
)

_FIRST_WORDS = 12
_DRIVERS = 3
LABEL_STYLE = {"rigid": "bold red", "review": "bold blue", "innovation": "bold green"}
SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "cyan", "info": "dim"}


def _summary(data: dict[str, Any]) -> Text:
    doc = data["document"]
    facts = [doc["format"].upper(), doc["kind"], doc["language"]]
    if doc.get("pages"):
        facts.append(f"{doc['pages']} pages")
    facts += [f"{doc['words']:,} words", f"{len(data['clauses'])} clauses"]
    coverage = sum(c["end"] - c["start"] for c in data["clauses"]) / max(1, doc["characters"])
    facts.append(f"{coverage:.0%} of the text in clauses")
    line = Text(doc["path"], style="bold")
    line.append("  " + " · ".join(facts), style="dim")
    return line


def _scores(console: Console, data: dict[str, Any], lang: str) -> None:
    by_id = {c["id"]: c for c in data["clauses"]}
    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column(no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column()
    for name in ("constraint", "prescription", "adaptability", "innovation_room"):
        value = float(data["scores"][name])
        bar = "█" * round(value / 5) + "·" * (20 - round(value / 5))
        ranked = sorted((c for c in data["clauses"] if c.get("contribution", {}).get(name)),
                        key=lambda c: -abs(c["contribution"][name]))[:_DRIVERS]
        drivers = ", ".join(f"{clause_label(by_id[c['id']])[:40]} ({c['contribution'][name]:+.1f})" for c in ranked)
        table.add_row(Text(SCORE_NAMES[lang][name], style="bold"), f"{value:5.1f}", bar,
                      Text(reading(name, value, lang) + (f" — {drivers}" if drivers else ""), style="dim"))
    console.print(table)


def _findings(console: Console, data: dict[str, Any], lang: str) -> None:
    words = HEADINGS[lang]
    console.print(Text(words["findings"], style="bold underline"))
    if not data["findings"]:
        console.print(f"  {words['none']}")
    for finding in data["findings"]:
        severity = finding["severity"]
        head = Text(f"  {severity.upper():6} ", style=SEVERITY_STYLE.get(severity, ""))
        head.append(finding_title(finding["code"], lang), style="bold")
        head.append(f" ({finding['code']})", style="dim")
        if finding.get("waived"):
            head.append(f"  ({words['waived']}: {finding.get('waiver_reason', '')})", style="dim")
        console.print(head)
        console.print(f"         {finding['message']}", highlight=False, markup=False)
        console.print(Text(f"         → {finding['suggestion']}", style="italic"))


def _clause_table(console: Console, data: dict[str, Any], lang: str) -> None:
    clauses = data["clauses"]
    number_width = max((len(c["number"] or "") + 2 * (c["level"] - 1) for c in clauses), default=6)
    heading_width = min(32, max((len(c["heading"] or "") for c in clauses), default=7))
    labels_width = max((sum(len(LABEL_NAMES[lang][x]) + 1 for x in c.get("labels", [])) for c in clauses), default=0)
    type_width = max((len(c.get("type", "")) for c in clauses), default=4)
    widths = [max(3, len(f"c{len(clauses)}")), max(6, min(number_width, 16)), max(7, heading_width),
              max(4, type_width), max(6, labels_width), 5]
    rest = console.width - sum(widths) - 2 * len(widths)
    table = Table(show_edge=False, pad_edge=False, box=None, header_style="bold")
    for name, width in zip(("id", "number", "heading", "type", "labels", "pages"), widths, strict=True):
        table.add_column(name, no_wrap=True, width=width, overflow="ellipsis", justify="right" if name == "pages" else "left")
    if rest >= 16:
        table.add_column("first words", style="dim", width=rest, no_wrap=True, overflow="ellipsis")
    for clause in clauses:
        labels = Text()
        for label in clause.get("labels", []):
            labels.append(LABEL_NAMES[lang][label] + " ", style=LABEL_STYLE[label])
        body = clause["text"][clause["body_start"] - clause["start"] :]
        cells = [clause["id"], "  " * (clause["level"] - 1) + (clause["number"] or "·"), clause["heading"] or "",
                 clause.get("type", ""), labels, page_range(clause.get("pages")), " ".join(body.split()[:_FIRST_WORDS])]
        table.add_row(*cells[: len(table.columns)])
    console.print(table)


def write(reports: Sequence[dict[str, Any]], stream: TextIO) -> None:
    """Print each report: summary, warnings, scores and their drivers, findings, the clause table."""
    console = Console(file=stream, soft_wrap=False, highlight=False)
    for data in reports:
        lang = lang_of(data["report_language"])
        console.print(_summary(data))
        for warning in data["document"]["warnings"]:
            console.print(f"  [yellow]warning[/] {warning['code']}: {warning['message']}")
        if "scores" in data:
            console.print()
            _scores(console, data, lang)
        console.print()
        _findings(console, data, lang)
        console.print()
        _clause_table(console, data, lang)
        console.print()
