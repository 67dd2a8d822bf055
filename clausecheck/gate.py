"""``--fail-on``: turn a report into a pass/fail decision for document workflows.

Expressions (several may be given; any one crossed fails):

- ``constraint>70``, ``prescription>=60``, ``adaptability<20``, ``innovation_room<=10``: a score against a threshold;
- ``finding:hardship_excluded``: that finding is present (and not waived);
- ``severity>=high``: a finding (not waived) at or above that severity (``info`` < ``low`` < ``medium`` < ``high``).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from clausecheck.errors import UsageError

SCORES = ("prescription", "adaptability", "innovation_room", "constraint")
SEVERITY_RANK = {"info": 0, "low": 1, "medium": 2, "high": 3}
_OPS: dict[str, Callable[[float, float], bool]] = {
    ">=": operator.ge, "<=": operator.le, ">": operator.gt, "<": operator.lt, "=": operator.eq,
}
_SCORE = re.compile(r"^\s*(?P<name>[a-z_]+)\s*(?P<op>>=|<=|>|<|=)\s*(?P<value>\d+(?:\.\d+)?)\s*$")
_FINDING = re.compile(r"^\s*finding\s*:\s*(?P<code>[a-z_]+)\s*$")


@dataclass(frozen=True)
class Condition:
    """One parsed ``--fail-on`` expression."""

    text: str
    kind: str
    name: str
    op: str = ""
    value: float = 0.0

    def crossed(self, report: dict[str, Any]) -> str | None:
        """Why ``report`` (the JSON form) crosses this condition, or None."""
        findings = [f for f in report.get("findings", []) if not f.get("waived")]
        if self.kind == "score":
            actual = report.get("scores", {}).get(self.name)
            if actual is not None and _OPS[self.op](float(actual), self.value):
                return f"{self.name} = {actual} ({self.text})"
        elif self.kind == "finding":
            if any(f["code"] == self.name for f in findings):
                return f"finding {self.name}"
        else:
            worst = [f for f in findings if _OPS[self.op](SEVERITY_RANK[f["severity"]], self.value)]
            if worst:
                return f"{len(worst)} finding(s) with severity {self.op} {self.name}: " + ", ".join(f["code"] for f in worst)
        return None


def parse_condition(text: str) -> Condition:
    """Parse one expression; a bad one is a usage error (E120) naming it."""
    finding = _FINDING.match(text)
    if finding:
        return Condition(text, "finding", finding["code"])
    severity = re.match(r"^\s*severity\s*(?P<op>>=|<=|>|<|=)\s*(?P<level>[a-z]+)\s*$", text)
    if severity and severity["level"] in SEVERITY_RANK:
        return Condition(text, "severity", severity["level"], severity["op"], SEVERITY_RANK[severity["level"]])
    score = _SCORE.match(text)
    if score and score["name"] in SCORES:
        return Condition(text, "score", score["name"], score["op"], float(score["value"]))
    raise UsageError("E120", cause=f"--fail-on {text!r}: expected e.g. 'constraint>70', 'finding:CODE' or 'severity>=high'")


def failures(report: dict[str, Any], conditions: Sequence[Condition]) -> list[str]:
    """Every reason the report fails the gate (empty: it passes)."""
    return [reason for condition in conditions if (reason := condition.crossed(report))]
