"""Cutting a clause's text into provision units: sentences and list items, headings skipped.

The extracted text joins blocks with a line break; a PDF block is one *line*, so a
sentence may run over several lines. Lines are first grouped into blocks:

- a line continues the previous one unless the previous ends a sentence
  (``. ; : ! ?``), or the line starts a list item ("- ", "•", "a)", "1°", "(i)")
  or a numbered heading ("3.1 Personnel"), or the previous line looks like a
  heading (no closing punctuation, not ending in a function word) and the line
  starts with a capital;
- a block without closing punctuation, of at most 15 words and without a modal
  verb is a heading and yields nothing; a block of numbers only likewise.

Inside a block, spaCy's sentences (sentencizer in fast mode, parser in accurate
mode) give the units, re-joined where spaCy cut after an abbreviation ("art.",
"n°", "Inc.") or before a lower-case word.

**Lists.** Each list item is its own provision (one requirement per item, so
counts of means against outputs are per requirement). The lead-in that
introduces the list with a colon ("Le titulaire devra :") is not a provision of
its own when items follow; it is passed to each item as context (party,
modality, strength, exception). Inline lists ("... : a) ... ; b) ...") are cut
the same way.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from clausecheck.analysis import lexicon as lx

BULLET = re.compile(
    r"^[ \t]*(?:[-–—•*·▪◦►]|\(?[a-hj-z]\)|\(?(?:i{1,3}|iv|v|vi{0,3}|ix|x)\)|\d{1,2}°|\(\d{1,2}\)|\d{1,2}\))[ \t]+"
)
NUMBER = re.compile(
    r"^[ \t]*(?:(?:article|art\.|section|clause|annexe|annex|schedule)[ \t]+)?\d+(?:[.\d]*\d)?\.?(?:[ \t]*[-–.:)])?"
    r"[ \t]+(?=\S)",
    re.IGNORECASE,
)
NUMBERED_HEADING = re.compile(r"^[ \t]*\d+(?:\.\d+)*\.?[ \t]+[A-ZÀ-Ý]")
ONLY_NUMBERS = re.compile(r"^[\W\d_]*$")
INLINE_ITEM = re.compile(r"[:;]\s*(?=(?:[a-h]|\d{1,2}|i{1,3}|iv|v)\)\s)")
FUNCTION_WORD = re.compile(
    r"(?:\b(?:le|la|les|l'|de|du|des|d'|un|une|à|au|aux|et|ou|par|pour|en|sur|avec|dans|que|qui|the|of|to|and|or|a|an|"
    r"in|on|by|for|with|from|that|which|as|its|their|est|sont|is|are|shall|may|must|will)|,)$",
    re.IGNORECASE,
)
CLOSING = ".;:!?"
MODAL = re.compile("|".join(p.pattern for p in (lx.PROHIBITION, lx.OBLIGATION, lx.PERMISSION)), re.IGNORECASE)


@dataclass(frozen=True)
class Unit:
    """One provision-to-be: a span of the text and, for a list item, the lead-in that introduced it."""

    start: int
    end: int
    lead: tuple[int, int] | None = None


def _blocks(text: str) -> list[tuple[int, int, bool]]:
    """Logical blocks (start, end, is_item) of ``text``; lines joined per the module docstring."""
    blocks: list[list[int]] = []
    items: list[bool] = []
    pos = 0
    prev = ""
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            prev = ""
            continue
        is_item = bool(BULLET.match(line))
        abbreviated = re.search(r"([\w°]+)\.$", prev)
        ends = bool(prev) and prev[-1] in CLOSING and not (abbreviated and abbreviated.group(1).lower() in lx.ABBREVIATIONS)
        cont = bool(prev) and not is_item and not ends and not NUMBERED_HEADING.match(line)
        if cont and stripped[0].isupper() and not FUNCTION_WORD.search(prev) and len(prev.split()) <= 15:
            cont = False  # the previous line is a heading
        if cont:
            blocks[-1][1] = end
        else:
            blocks.append([start, end])
            items.append(is_item)
        prev = stripped
    return [(b[0], b[1], item) for b, item in zip(blocks, items, strict=True)]


def _is_heading(chunk: str) -> bool:
    words = chunk.split()
    if ONLY_NUMBERS.match(chunk):
        return True
    return chunk[-1] not in CLOSING + "»\")" and len(words) <= 15 and not MODAL.search(chunk)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Span without surrounding white space and a leading bullet or number."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    for marker in (BULLET, NUMBER):
        match = marker.match(text[start:end])
        if match and match.end() < end - start:
            start += match.end()
    return start, end


def _pieces(text: str, start: int, end: int, sents: list[tuple[int, int]], starts: list[int]) -> list[list[int]]:
    """Sentences of spaCy clipped to the block, re-joined after abbreviations and before lower-case words."""
    out: list[list[int]] = []
    i = max(0, bisect.bisect_right(starts, start) - 1)
    while i < len(sents) and sents[i][0] < end:
        s, e = max(sents[i][0], start), min(sents[i][1], end)
        i += 1
        s, e = _strip(text, s, e) if not out else (s, e)
        while s < e and text[s].isspace():
            s += 1
        if s >= e:
            continue
        if out:
            prev = text[out[-1][0] : out[-1][1]].rstrip()
            last = re.search(r"([\w.°]+)\.$", prev)
            abbreviation = bool(last and last.group(1).lower().rstrip(".") in lx.ABBREVIATIONS)
            fragment = not any(ch.isalnum() for ch in text[s:e])
            if fragment or text[s].islower() or abbreviation or prev[-1:] not in CLOSING + "»\")":
                out[-1][1] = e
                continue
        if any(ch.isalnum() for ch in text[s:e]):
            out.append([s, e])
    return out


def units(text: str, sents: list[tuple[int, int]]) -> list[Unit]:
    """The provision units of ``text`` given spaCy's sentence spans (see the module docstring)."""
    starts = [s for s, _ in sents]
    result: list[Unit] = []
    lead: tuple[int, int] | None = None
    pending: Unit | None = None  # a lead-in waiting to see whether items follow
    for start, end, is_item in _blocks(text):
        s, e = _strip(text, start, end)
        chunk = text[s:e]
        if not chunk or (not is_item and _is_heading(chunk)):
            continue
        if is_item and lead is not None:
            pending = None
            result.extend(_unit_pieces(text, s, e, sents, starts, lead))
            continue
        if pending is not None:
            result.append(pending)
        pending, lead = None, None
        pieces = _unit_pieces(text, s, e, sents, starts, None)
        if pieces and text[pieces[-1].end - 1] == ":":
            pending = pieces.pop()
            lead = (pending.start, pending.end)
        result.extend(pieces)
    if pending is not None:
        result.append(pending)
    return result


def _unit_pieces(
    text: str, start: int, end: int, sents: list[tuple[int, int]], starts: list[int], lead: tuple[int, int] | None
) -> list[Unit]:
    out: list[Unit] = []
    for s, e in _pieces(text, start, end, sents, starts):
        marks = list(INLINE_ITEM.finditer(text, s, e))
        if len(marks) >= 2 and text[marks[0].start()] == ":":
            inline_lead = (s, marks[0].end())
            bounds = [(m.end(), nxt.start()) for m, nxt in itertools.pairwise(marks)]
            bounds.append((marks[-1].end(), e))
            for a, b in bounds:
                ia, ib = _strip(text, a, b)
                while ib > ia and text[ib - 1] in ";, ":
                    ib -= 1
                if ia < ib:
                    out.append(Unit(ia, ib, inline_lead))
        else:
            if lead is not None:
                while e > s and text[e - 1] in ";, ":
                    e -= 1
            out.append(Unit(s, e, lead))
    return out
