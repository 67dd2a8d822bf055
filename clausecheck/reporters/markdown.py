"""Markdown reporter: for tickets and reviews (GitHub-flavoured tables)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TextIO

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

_DRIVERS = 3


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render(data: dict[str, Any]) -> str:
    """One report (its JSON form) as Markdown."""
    lang = lang_of(data["report_language"])
    words = HEADINGS[lang]
    doc = data["document"]
    by_id = {c["id"]: c for c in data["clauses"]}
    facts = [doc["format"].upper(), doc["kind"], doc["language"]]
    if doc.get("pages"):
        facts.append(f"{doc['pages']} pages")
    facts += [f"{doc['words']} words", f"{len(data['clauses'])} clauses"]
    lines = [f"# {doc['path']}", "", " · ".join(facts), ""]
    for warning in doc["warnings"]:
        lines.append(f"> **{warning['code']}**: {warning['message']}")
    if doc["warnings"]:
        lines.append("")
    if "scores" in data:
        lines += [f"## {words['scores']}", "", f"| | score | | {words['drivers']} |", "|---|---:|---|---|"]
        for name in ("constraint", "prescription", "adaptability", "innovation_room"):
            value = data["scores"][name]
            ranked = sorted((c for c in data["clauses"] if c.get("contribution", {}).get(name)),
                            key=lambda c: -abs(c["contribution"][name]))[:_DRIVERS]
            drivers = ", ".join(f"{_cell(clause_label(by_id[c['id']]))} ({c['contribution'][name]:+.1f})" for c in ranked)
            lines.append(f"| **{SCORE_NAMES[lang][name]}** | {value} | {reading(name, value, lang)} | {drivers} |")
        lines.append("")
    lines += [f"## {words['findings']}", ""]
    if not data["findings"]:
        lines += [words["none"], ""]
    for finding in data["findings"]:
        cited = ", ".join(clause_label(by_id[i]) for i in finding["clauses"] if i in by_id)
        waived = f" — *{words['waived']}: {finding.get('waiver_reason', '')}*" if finding.get("waived") else ""
        lines += [f"- **{finding['severity'].upper()} {finding_title(finding['code'], lang)}** (`{finding['code']}`){waived}: "
                  f"{finding['message']}",
                  f"  - {words['suggestion']}: {finding['suggestion']}"]
        if finding.get("legal_basis"):
            lines.append(f"  - {finding['legal_basis']}")
        if cited:
            lines.append(f"  - {cited}")
    lines += ["", f"## {words['clauses']}", "", "| id | number | heading | type | labels | pages | rules |",
              "|---|---|---|---|---|---|---|"]
    for clause in data["clauses"]:
        labels = ", ".join(LABEL_NAMES[lang][label] for label in clause.get("labels", []))
        rules = ", ".join(sorted({e["rule"] for e in clause.get("evidence", []) if e.get("rule") and e.get("label")}))
        pages = page_range(clause.get("pages"))
        lines.append(f"| {clause['id']} | {_cell(clause['number'] or '')} | {_cell(clause['heading'] or '')} | "
                     f"{clause.get('type', '')} | {labels} | {pages} | {rules} |")
    return "\n".join(lines) + "\n"


def write(reports: Sequence[dict[str, Any]], stream: TextIO) -> None:
    """Every report, one after the other."""
    stream.write("\n---\n\n".join(render(data) for data in reports))
