"""CSV reporter: one row per clause, for spreadsheets and contract-management imports."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from typing import Any, TextIO

COLUMNS = (
    "document", "clause_id", "number", "heading", "level", "parent", "pages", "start", "end", "language", "type",
    "labels", "p_rigid", "p_review", "p_innovation", "rules", "prescription_points", "adaptability_points",
    "innovation_room_points", "text",
)


def write(reports: Sequence[dict[str, Any]], stream: TextIO) -> None:
    """A header row, then one row per clause of every report (document order)."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(COLUMNS)
    for data in reports:
        for clause in data["clauses"]:
            effects = clause.get("effects", {})
            points = clause.get("contribution", {})
            rules = sorted({e["rule"] for e in clause.get("evidence", []) if e.get("rule")})
            writer.writerow([
                data["document"]["path"], clause["id"], clause["number"] or "", clause["heading"] or "", clause["level"],
                clause["parent"] or "", " ".join(map(str, clause.get("pages", []))), clause["start"], clause["end"],
                clause["language"], clause.get("type", ""), " ".join(clause.get("labels", [])),
                effects.get("rigid", ""), effects.get("review", ""), effects.get("innovation", ""), " ".join(rules),
                points.get("prescription", ""), points.get("adaptability", ""), points.get("innovation_room", ""),
                " ".join(clause["text"].split()),
            ])
