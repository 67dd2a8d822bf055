"""The contract's term, in months, from a duration or renewal clause ("conclu pour une durée de trois (3) ans")."""

from __future__ import annotations

import re

_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "twelve": 12, "eighteen": 18, "twenty-four": 24, "thirty-six": 36, "un": 1, "une": 1, "deux": 2, "trois": 3,
    "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "douze": 12, "dix-huit": 18,
    "vingt-quatre": 24, "trente-six": 36,
}
_DURATION = re.compile(
    rf"\b(?P<num>\d{{1,3}}|{'|'.join(sorted(_NUMBERS, key=len, reverse=True))})\s*(?:\(\d{{1,3}}\)\s*)?"
    r"(?P<unit>years?|ans?|années?|months?|mois)\b",
    re.IGNORECASE,
)
MAX_MONTHS = 600


def term_months(text: str) -> int | None:
    """The longest duration stated in ``text``, in months (None when it states none)."""
    months = []
    for match in _DURATION.finditer(text):
        raw = match["num"].lower()
        number = int(raw) if raw.isdigit() else _NUMBERS[raw]
        unit = match["unit"].lower()
        value = number if unit.startswith(("month", "mois")) else number * 12
        if 0 < value <= MAX_MONTHS:
            months.append(value)
    return max(months) if months else None
