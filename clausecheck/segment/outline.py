"""The outline: which markers really open a clause, and at what depth.

Real documents are full of false markers: a wrapped PDF line that starts with
"2019", "15.3 million" or "Article 1195 du Code civil". A marker opens a clause
when it continues the numbering seen so far (the next article, the next
sub-clause, a first child) or, for blocks that look like headings (bold, a
heading style, Word's own numbering), when it at least moves the numbering
forward. Depth comes from the order in which schemes nest, the way a reader
infers it: the first scheme seen is the top, a new scheme under it is one level
down, and meeting an open scheme again closes everything below it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from clausecheck.segment.markers import ANNEX, ARTICLE, DECIMAL, PART, SECTION, Marker

_DOTTED = (DECIMAL, SECTION)
_MAX_SKIP = 3


def _successor(last: tuple[int, ...], value: tuple[int, ...]) -> bool:
    """``value`` follows ``last`` in a dotted numbering: next sibling at some depth, or first child."""
    if value[: len(last)] == last and len(value) == len(last) + 1 and value[-1] <= 2:
        return True
    for depth in range(len(last)):
        if (
            len(value) > depth
            and value[:depth] == last[:depth]
            and last[depth] < value[depth] <= last[depth] + _MAX_SKIP
            and all(part <= 1 for part in value[depth + 1 :])
        ):
            return True
    return False


@dataclass
class Outline:
    """Running state of the numbering while the segmenter walks the blocks."""

    last: dict[str, tuple[int, ...]] = field(default_factory=dict)
    """Last accepted value per scheme."""
    stack: list[tuple[str, int]] = field(default_factory=list)
    """Open schemes, outermost first: (scheme, depth)."""
    numbered: int = 0
    """Numbered clauses accepted so far."""
    parent_division: tuple[int, ...] | None = None
    """Number of the open "Article N" / "Section N", whose sub-clauses may be numbered "N.1"."""
    closed: set[str] = field(default_factory=set)
    """Schemes closed by a shallower clause since they were last used: they may restart at 1."""
    bare_top: bool = False
    """The last top-level decimal was a bare number ("1 Definitions"): the document numbers its headings so."""

    def fits(
        self, marker: Marker, trusted: bool, heading_like: bool, bold: bool = False, rest_is_sentence_end: bool = False
    ) -> bool:
        """Whether ``marker`` opens a clause here."""
        if marker.is_list:
            return False
        if trusted:
            return True
        if marker.scheme == ANNEX:
            return heading_like and (bold or not rest_is_sentence_end)
        last = self.last.get(marker.scheme)
        value = marker.value
        restart = all(part == 1 for part in value)  # "5. Term / A.": restarts under a new parent
        if restart and last is not None and marker.scheme in self.closed and marker.scheme not in (ANNEX, PART):
            return True
        if marker.bare:  # "1 Definitions": only as the document's own scheme, counting from 1
            if last is None:
                return value[0] <= 2
            return self.bare_top and last[0] < value[0] <= last[0] + _MAX_SKIP
        if marker.scheme in _DOTTED:
            if last is None:
                article = self.parent_division
                first = value[0] <= 2 and all(part <= 2 for part in value[1:])
                under_article = article is not None and value[:1] == article[:1] and len(value) > 1 and value[1] <= 2
                return first or under_article or (heading_like and len(value) == 1 and value[0] <= 10)
            if _successor(last, value):
                return True
            if not heading_like or value <= last or value[0] > last[0] + 10:
                return False
            return bold or all(part <= 1 for part in value[1:])  # without bold, only a new section may skip ahead
        if last is None:
            return value[0] <= 2 or (heading_like and value[0] <= 10 and marker.scheme in (ARTICLE, PART))
        if last[0] < value[0] <= last[0] + _MAX_SKIP:
            return True
        return heading_like and last[0] < value[0] <= last[0] + 10

    def accept(self, marker: Marker) -> int:
        """Record ``marker`` as opening a clause; return the clause's level (1 = top)."""
        self.numbered += 1
        self.last[marker.scheme] = marker.value
        if marker.scheme == DECIMAL and marker.depth == 1:
            self.bare_top = marker.bare
        if marker.scheme in (ARTICLE, SECTION) and marker.depth == 1:
            # "Article 3" / "Section 3": its sub-clauses are numbered 3.1, 3.2... or restart at 1.
            self.last.pop(DECIMAL, None)
            self.parent_division = marker.value
        key = (marker.scheme, marker.depth if marker.scheme in _DOTTED else 1)
        before = {scheme for scheme, _ in self.stack}
        level = self._place(marker, key)
        # A scheme nested under the previous clause and closed by this one may restart under its new parent
        # ("4. Payment / A. / B." then "5. Term / A.") or go on counting ("Chapter 2 / Article 9").
        self.closed.discard(marker.scheme)
        self.closed |= before - {entry[0] for entry in self.stack}
        return level

    def _place(self, marker: Marker, key: tuple[str, int]) -> int:
        """Update the stack of open schemes for an accepted ``marker``; return its level."""
        if marker.scheme in (ANNEX, PART) and key not in self.stack:
            outer = [entry for entry in self.stack if entry[0] in (PART, ANNEX)] if marker.scheme == ANNEX else []
            self.stack = [entry for entry in outer if entry[0] == PART and marker.scheme != ANNEX]
        if marker.scheme == ANNEX:  # every annex, not only the first, restarts the numbering inside it
            for scheme in (DECIMAL, ARTICLE, SECTION):
                self.last.pop(scheme, None)
            self.parent_division = None
        if key in self.stack:
            del self.stack[self.stack.index(key) + 1 :]
            return len(self.stack)
        if key[0] in _DOTTED:
            family = [i for i, entry in enumerate(self.stack) if entry[0] == key[0]]
            shallower = [i for i in family if self.stack[i][1] < key[1]]
            if shallower:
                del self.stack[shallower[-1] + 1 :]
            elif family:
                del self.stack[family[0] :]
        self.stack.append(key)
        return len(self.stack)

    def unnumbered_level(self) -> int:
        """Level of an unnumbered heading: top level, or just under an open part or annex."""
        return 2 if self.stack and self.stack[0][0] in (PART, ANNEX) else 1
