"""Page furniture: what a paginated document repeats around its text but is not contract text.

Works on plain per-page lists of normalised lines so it can be tested without
PDFs. :func:`find_furniture` says which lines are furniture and why:

* ``stamp``: EDGAR filing stamps (``Source: ACME INC, 8-K, 3/26/2020``), on any page;
* ``running``: a running header or footer, found at the top or bottom of at
  least 3 pages and ~40% of the pages with text, either verbatim or with a
  number that follows the page number (``Page 3 of 38``, ``Contrat - page 3``);
* ``page_number``: a line that is only a page number (``3``, ``- 3 -``,
  ``Page 3``, ``3/38``, ``iii``) at the top or bottom of a page;
* ``toc``: a table of contents (a ``Contents``/``Sommaire`` heading followed by
  entries ending with a page number, or a run of at least 3 dot-leader entries).

Headers and footers are peeled from the page edges inwards, so a line that only
looks like furniture in the middle of a page is kept. The first occurrence of a
repeated title on the first page is kept: it is the contract's own heading.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = ["Furniture", "find_furniture", "strip_furniture"]

EDGE = 4
"""How many lines at the top and bottom of a page may be running headers or footers."""
MIN_PAGES = 3
"""A running header must appear on at least this many pages..."""
MIN_SHARE = 0.4
"""...and on at least this share of the pages with text (odd/even headers alternate)."""

_STAMP = re.compile(r"^source: .{2,120}, \d{1,2}/\d{1,2}/\d{2,4}$", re.I)
_ROMAN = r"[ivxlc]{1,7}"
_PAGE_NUMBER = re.compile(
    rf"^(?:(?:page|p\.|pg\.?)\s*)?[-–—(\[]?\s*(?:\d{{1,4}}|{_ROMAN})\s*[-–—)\]]?"
    rf"(?:\s*(?:of|sur|de|/)\s*\d{{1,4}})?$",
    re.I,
)
_CONFIDENTIAL = re.compile(r"^(?:strictly |highly )?confidential\b", re.I)
_DIGITS = re.compile(r"\d+")
_TOC_HEADING = re.compile(
    r"^(?:table of contents|contents|index|sommaire|table des mati[eè]res|index des articles)"
    r"(?:\s+page)?\s*:?$",
    re.I,
)
_LEADER_ENTRY = re.compile(r"(?:\.\s?){3,}\s*(?:\d{1,4}|[ivxlc]{1,7})$|…+\s*\d{1,4}$|_{4,}\s*\d{1,4}$", re.I)
_NUMBER_ENTRY = re.compile(r"\S\s+\d{1,4}$")
_TOC_COLUMN_HEAD = re.compile(r"^(?:page|pages|pg\.?|article|section|clause)s?$", re.I)


@dataclass
class Furniture:
    """Which lines of which pages are furniture, keyed by ``(page_index, line_index)`` (0-based)."""

    reasons: dict[tuple[int, int], str] = field(default_factory=dict)
    """Why each furniture line was removed: ``stamp``, ``running``, ``page_number`` or ``toc``."""

    def count(self, reason: str | None = None) -> int:
        """Number of furniture lines, or of those removed for ``reason``."""
        if reason is None:
            return len(self.reasons)
        return sum(1 for why in self.reasons.values() if why == reason)

    def pages(self, reason: str) -> tuple[int, ...]:
        """0-based indices of the pages that lost lines for ``reason``."""
        return tuple(sorted({page for (page, _), why in self.reasons.items() if why == reason}))


def _key(line: str) -> str:
    return " ".join(line.lower().split())


def _masked(line: str) -> str:
    return _DIGITS.sub("#", _key(line))


def _follows_page_numbers(occurrences: list[tuple[int, str]]) -> bool:
    """True when some number in the line moves with the page (``Page 3 of 38`` on page 3)."""
    numbers = [(page, [int(n) for n in _DIGITS.findall(text)]) for page, text in occurrences]
    width = min(len(nums) for _, nums in numbers)
    for position in range(width):
        offsets: dict[int, int] = defaultdict(int)
        for page, nums in numbers:
            offsets[nums[position] - page] += 1
        if max(offsets.values()) >= max(2, 0.6 * len(numbers)):
            return True
    return False


def _running_keys(pages: Sequence[Sequence[str]]) -> set[str]:
    """Keys (verbatim or digit-masked) of lines that recur at the page edges."""
    text_pages = sum(1 for page in pages if page)
    need = max(MIN_PAGES, MIN_SHARE * text_pages)
    exact: dict[str, set[int]] = defaultdict(set)
    masked: dict[str, dict[int, str]] = defaultdict(dict)
    for index, lines in enumerate(pages):
        edge = set(range(min(EDGE, len(lines)))) | set(range(max(0, len(lines) - EDGE), len(lines)))
        for i in edge:
            exact[_key(lines[i])].add(index)
            masked[_masked(lines[i])].setdefault(index, lines[i])
    keys = {key for key, found in exact.items() if len(found) >= need}
    for key, found in masked.items():
        if "#" in key and len(found) >= need and _follows_page_numbers(sorted(found.items())):
            keys.add(key)
    return keys


def _is_furniture(line: str, running: set[str]) -> str | None:
    if _STAMP.match(line):
        return "stamp"
    if _key(line) in running or _masked(line) in running:
        return "running"
    if _PAGE_NUMBER.match(line.strip()):
        return "page_number"
    return None


def _peel(lines: Sequence[str], order: Sequence[int], running: set[str], first_page: bool) -> dict[int, str]:
    """Mark furniture from one page edge inwards, stopping at the first content line."""
    found: dict[int, str] = {}
    for depth, i in enumerate(order):
        if depth >= EDGE + 1:
            break
        why = _is_furniture(lines[i], running)
        if why is None:
            break
        if first_page and why == "running" and not _DIGITS.search(lines[i]) and not _CONFIDENTIAL.match(lines[i]):
            break  # the contract's own title, repeated later as a running title
        if why == "page_number" and depth >= 2:
            break  # a bare number deep inside the edge is more likely content
        found[i] = why
    return found


def _find_headers_footers(pages: Sequence[Sequence[str]], furniture: Furniture) -> None:
    running = _running_keys(pages)
    first_text_page = next((i for i, page in enumerate(pages) if page), -1)
    for index, lines in enumerate(pages):
        first = index == first_text_page
        marks = _peel(lines, range(len(lines)), running, first)
        marks.update(_peel(lines, range(len(lines) - 1, -1, -1), running, first))
        for i, line in enumerate(lines):
            if i not in marks and _STAMP.match(line):
                marks[i] = "stamp"
        for i, why in marks.items():
            furniture.reasons[(index, i)] = why


def _is_entry(line: str) -> bool:
    return bool(_LEADER_ENTRY.search(line) or _NUMBER_ENTRY.search(line))


def _entry_soon(flat: Sequence[str], start: int, reach: int = 3) -> bool:
    return any(_is_entry(line) for line in flat[start : start + reach])


def _toc_spans(flat: Sequence[str]) -> list[tuple[int, int]]:
    """Spans ``[start, end)`` of flattened lines that form tables of contents."""
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(flat):
        if _TOC_HEADING.match(flat[i].strip()):
            j, entries = i + 1, 0
            while j < len(flat):
                line = flat[j].strip()
                if _is_entry(line):
                    entries += 1
                elif _TOC_COLUMN_HEAD.match(line) or (
                    len(line) <= 100 and not line.endswith((".", ";", ":")) and _entry_soon(flat, j + 1)
                ):
                    pass  # a column heading or an entry title wrapped before its page number
                else:
                    break
                j += 1
            if entries >= 2:
                spans.append((i, j))
                i = j
                continue
        elif _LEADER_ENTRY.search(flat[i]):
            j, entries = i, 0
            while j < len(flat) and (
                _LEADER_ENTRY.search(flat[j]) or (j + 1 < len(flat) and _LEADER_ENTRY.search(flat[j + 1]))
            ):
                entries += 1 if _LEADER_ENTRY.search(flat[j]) else 0
                j += 1
            if entries >= 3:
                spans.append((i, j))
                i = j
                continue
        i += 1
    return spans


def find_furniture(pages: Sequence[Sequence[str]]) -> Furniture:
    """Find the furniture lines of a document given as one list of normalised lines per page."""
    furniture = Furniture()
    _find_headers_footers(pages, furniture)
    positions = [
        (index, i) for index, lines in enumerate(pages) for i in range(len(lines)) if (index, i) not in furniture.reasons
    ]
    flat = [pages[index][i] for index, i in positions]
    for start, end in _toc_spans(flat):
        for position in positions[start:end]:
            furniture.reasons[position] = "toc"
    return furniture


def strip_furniture(pages: Sequence[Sequence[str]]) -> list[list[str]]:
    """The pages without their furniture lines (convenience for tests and probes)."""
    furniture = find_furniture(pages)
    return [
        [line for i, line in enumerate(lines) if (index, i) not in furniture.reasons] for index, lines in enumerate(pages)
    ]
