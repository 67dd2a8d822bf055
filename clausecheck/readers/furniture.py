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
_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.|pg\.?)\s*)?(?:[-–—(\[]?\s*\d{1,4}\s*[-–—)\]]?|[-–—]?\s*[ivx]{1,5}\s*[-–—]?)"
    r"(?:\s*(?:of|sur|de|/)\s*\d{1,4})?$",
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
        """Count the furniture lines, or those removed for ``reason``."""
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


def _page_number_slot(occurrences: list[tuple[int, str]]) -> tuple[int, int] | None:
    """Find which number of a line moves with the page (``Page 3 of 38`` on page 3): ``(position, offset)``."""
    numbers = [(page, [int(n) for n in _DIGITS.findall(text)]) for page, text in occurrences]
    width = min(len(nums) for _, nums in numbers)
    for position in range(width):
        offsets: dict[int, int] = defaultdict(int)
        for page, nums in numbers:
            offsets[nums[position] - page] += 1
        offset, hits = max(offsets.items(), key=lambda item: item[1])
        if hits >= max(MIN_PAGES, 0.8 * len(numbers)):
            return position, offset
    return None


@dataclass
class _Running:
    exact: set[str]
    masked: dict[str, tuple[int, int]]

    def match(self, line: str, page: int) -> bool:
        if _key(line) in self.exact:
            return True
        slot = self.masked.get(_masked(line))
        if slot is None:
            return False
        numbers = _DIGITS.findall(line)
        return int(numbers[slot[0]]) - page == slot[1]


def _running(pages: Sequence[Sequence[str]]) -> _Running:
    """Lines (verbatim, or with a number following the page number) that recur at the page edges."""
    text_pages = sum(1 for page in pages if page)
    need = max(MIN_PAGES, MIN_SHARE * text_pages)
    exact: dict[str, set[int]] = defaultdict(set)
    masked: dict[str, dict[int, str]] = defaultdict(dict)
    for index, lines in enumerate(pages):
        edge = set(range(min(EDGE, len(lines)))) | set(range(max(0, len(lines) - EDGE), len(lines)))
        for i in sorted(edge, key=lambda i: min(i, len(lines) - 1 - i)):
            exact[_key(lines[i])].add(index)
            masked[_masked(lines[i])].setdefault(index, lines[i])
    running = _Running({key for key, found in exact.items() if len(found) >= need}, {})
    for key, found in masked.items():
        if "#" in key and len(found) >= need:
            slot = _page_number_slot(sorted(found.items()))
            if slot is not None:
                running.masked[key] = slot
    return running


def _is_furniture(line: str, page: int, running: _Running) -> str | None:
    if _STAMP.match(line):
        return "stamp"
    if running.match(line, page):
        return "running"
    if _PAGE_NUMBER.match(line.strip()):
        return "page_number"
    return None


def _peel(lines: Sequence[str], order: Sequence[int], running: _Running, page: int, first_page: bool) -> dict[int, str]:
    """Mark furniture from one page edge inwards, stopping at the first content line."""
    found: dict[int, str] = {}
    for depth, i in enumerate(order):
        if depth >= EDGE + 1:
            break
        why = _is_furniture(lines[i], page, running)
        if why is None:
            break
        if first_page and why == "running" and not _DIGITS.search(lines[i]) and not _CONFIDENTIAL.match(lines[i]):
            break  # the contract's own title, repeated later as a running title
        if why == "page_number" and depth >= 2:
            break  # a bare number deep inside the edge is more likely content
        found[i] = why
    return found


def _find_headers_footers(pages: Sequence[Sequence[str]], furniture: Furniture) -> None:
    running = _running(pages)
    first_text_page = next((i for i, page in enumerate(pages) if page), -1)
    for index, lines in enumerate(pages):
        first = index == first_text_page
        marks = _peel(lines, range(len(lines)), running, index, first)
        marks.update(_peel(lines, range(len(lines) - 1, -1, -1), running, index, first))
        for i, line in enumerate(lines):
            if i not in marks and _STAMP.match(line):
                marks[i] = "stamp"
        for i, why in marks.items():
            furniture.reasons[(index, i)] = why


def _is_entry(line: str) -> bool:
    line = line.strip()
    return bool(_LEADER_ENTRY.search(line) or _NUMBER_ENTRY.search(line) or (line.isdigit() and len(line) <= 4))


_TRAILING_NUMBER = re.compile(r"(\d{1,4})$")


def _page_of(line: str) -> int:
    found = _TRAILING_NUMBER.search(line.strip())
    return int(found.group(1)) if found else -1


def _entry_soon(flat: Sequence[str], start: int, last: int, reach: int = 3) -> bool:
    return any(_is_entry(line) and _page_of(line) >= last for line in flat[start : start + reach])


def _toc_spans(flat: Sequence[str]) -> list[tuple[int, int]]:
    """Spans ``[start, end)`` of flattened lines that form tables of contents.

    Entries must point to non-decreasing pages: the first body heading after a
    table of contents (``ARTICLE 1``) goes back to a lower number and ends it.
    """
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(flat):
        if _TOC_HEADING.match(flat[i].strip()):
            j, entries, last = i + 1, 0, -1
            while j < len(flat):
                line = flat[j].strip()
                if _is_entry(line) and _page_of(line) >= last:
                    entries += 1
                    last = max(last, _page_of(line))
                elif _TOC_COLUMN_HEAD.match(line) or (len(line) <= 160 and _entry_soon(flat, j + 1, last)):
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
    removed = furniture.reasons
    positions = [(index, i) for index, lines in enumerate(pages) for i in range(len(lines))]
    positions = [position for position in positions if position not in removed]
    flat = [pages[index][i] for index, i in positions]
    for start, end in _toc_spans(flat):
        for position in positions[start:end]:
            furniture.reasons[position] = "toc"
    return furniture


def strip_furniture(pages: Sequence[Sequence[str]]) -> list[list[str]]:
    """Return the pages without their furniture lines (convenience for tests and probes)."""
    removed = find_furniture(pages).reasons
    return [[line for i, line in enumerate(lines) if (index, i) not in removed] for index, lines in enumerate(pages)]
