"""Word styles and automatic numbering: ``styles.xml`` chains, ``numbering.xml`` lists and their labels.

python-docx does not expose the numbers Word draws in front of list paragraphs
("1.1", "Article II –", "(iii)"). This module computes them the way Word does:
counters per list (abstract numbering definition, or per numbering instance when
it overrides levels), restarts of deeper levels, ``w:lvlRestart``,
``w:startOverride``, ``w:numStyleLink`` and ``w:isLgl``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_PLACEHOLDER = re.compile(r"%([1-9])")
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
_ONES = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
)
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORDINAL_WORDS = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
                  "nine": "ninth", "twelve": "twelfth"}
_CHICAGO = "*†‡§"
#: numFmt values whose list paragraphs are sub-items ("a)", "(iv)") rather than numbered clauses.
_OFF = ("0", "false", "off")
LIST_ITEM_FORMATS = frozenset({"bullet", "lowerLetter", "lowerRoman"})


@dataclass(frozen=True)
class Level:
    """One level (``w:lvl``) of a list definition."""

    start: int = 0
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None
    legal: bool = False
    style: str | None = None


@dataclass(frozen=True)
class Label:
    """What Word draws in front of a numbered paragraph."""

    text: str
    """Rendered ``w:lvlText`` (the bullet glyph for bullets), stripped."""
    fmt: str
    """``w:numFmt`` of the paragraph's level."""

    @property
    def bullet(self) -> bool:
        """True when the label is a bullet glyph rather than a number."""
        return self.fmt == "bullet"


@dataclass
class _Num:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)
    levels: dict[int, Level] = field(default_factory=dict)


def format_number(value: int, fmt: str) -> str:
    """Render one counter value in a ``w:numFmt`` format (unknown formats fall back to decimal)."""
    if fmt in ("none", "bullet"):
        return ""
    if fmt == "decimalZero":
        return f"{value:02d}" if 0 <= value < 10 else str(value)
    if fmt in ("upperRoman", "lowerRoman") and 0 < value < 4000:
        out, rest = "", value
        for amount, digits in _ROMAN:
            while rest >= amount:
                out, rest = out + digits, rest - amount
        return out.upper() if fmt == "upperRoman" else out
    if fmt in ("upperLetter", "lowerLetter") and value > 0:
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "ordinal":
        suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
        return f"{value}{suffix}"
    if fmt in ("cardinalText", "ordinalText") and 0 < value < 1000:
        words = _words(value)
        if fmt == "ordinalText":
            head, last = re.fullmatch(r"(.*?[ -]?)([a-z]+)", words).groups()  # type: ignore[union-attr]
            last = _ORDINAL_WORDS.get(last) or (last[:-1] + "ieth" if last.endswith("y") else last + "th")
            words = head + last
        return words[0].upper() + words[1:]
    if fmt == "decimalEnclosedParen":
        return f"({value})"
    if fmt == "decimalEnclosedFullstop":
        return f"{value}."
    if fmt == "decimalEnclosedCircle" and 0 < value <= 20:
        return chr(0x2460 + value - 1)
    if fmt == "chicago" and value > 0:
        return _CHICAGO[(value - 1) % 4] * ((value - 1) // 4 + 1)
    return str(value)


def _words(value: int) -> str:
    hundreds, rest = divmod(value, 100)
    parts = [f"{_ONES[hundreds]} hundred"] if hundreds else []
    if rest >= 20:
        parts.append(_TENS[rest // 10] + (f"-{_ONES[rest % 10]}" if rest % 10 else ""))
    elif rest or not parts:
        parts.append(_ONES[rest])
    return " ".join(parts)


class Numbering:
    """List definitions of one document and the running counters of its lists.

    ``root`` is the parsed ``w:numbering`` element (or None), ``w`` the
    ``{namespace}`` prefix of WordprocessingML, ``style_nums`` maps numbering
    style ids to the ``w:numId`` their ``w:numPr`` names (for ``w:numStyleLink``).
    """

    def __init__(self, root: Any, w: str, style_nums: Mapping[str, str] | None = None):
        self._w = w
        self._style_nums = dict(style_nums or {})
        self._abstracts: dict[str, dict[int, Level]] = {}
        self._links: dict[str, str] = {}
        self._nums: dict[str, _Num] = {}
        self._counters: dict[tuple[str, str], dict[int, int]] = {}
        if root is None:
            return
        for abstract in root.iterchildren(f"{w}abstractNum"):
            ident = abstract.get(f"{w}abstractNumId")
            if ident is None:
                continue
            levels: dict[int, Level] = {}
            for lvl in abstract.iterchildren(f"{w}lvl"):
                index = _int(lvl.get(f"{w}ilvl"))
                if index is not None and 0 <= index < 9:
                    levels[index] = self._level(lvl, Level())
            self._abstracts[ident] = levels
            link = abstract.find(f"{w}numStyleLink")
            if link is not None and link.get(f"{w}val"):
                self._links[ident] = link.get(f"{w}val")
        for num in root.iterchildren(f"{w}num"):
            ident, ref = num.get(f"{w}numId"), num.find(f"{w}abstractNumId")
            if ident is None or ref is None or ref.get(f"{w}val") is None:
                continue
            entry = _Num(ref.get(f"{w}val"))
            for override in num.iterchildren(f"{w}lvlOverride"):
                index = _int(override.get(f"{w}ilvl"))
                if index is None or not 0 <= index < 9:
                    continue
                start = _int(_val(override.find(f"{w}startOverride"), w))
                if start is not None:
                    entry.starts[index] = start
                lvl = override.find(f"{w}lvl")
                if lvl is not None:
                    entry.levels[index] = lvl
            self._nums[ident] = entry
        for entry in self._nums.values():  # full-level overrides inherit what they leave out
            base = self._abstracts.get(self._resolve(entry.abstract), {})
            entry.levels = {i: self._level(el, base.get(i, Level())) for i, el in entry.levels.items()}

    def _level(self, lvl: Any, base: Level) -> Level:
        w = self._w
        fmt_el = lvl.find(f"{w}numFmt")
        if fmt_el is None:  # Word 2010+ wraps custom formats in mc:AlternateContent
            fmt_el = lvl.find(f"{MC}AlternateContent/{MC}Fallback/{w}numFmt")
        start, restart = _int(_val(lvl.find(f"{w}start"), w)), _int(_val(lvl.find(f"{w}lvlRestart"), w))
        text_el, legal_el = lvl.find(f"{w}lvlText"), lvl.find(f"{w}isLgl")
        style = _val(lvl.find(f"{w}pStyle"), w)
        return replace(
            base,
            start=base.start if start is None else start,
            fmt=_val(fmt_el, w) or base.fmt,
            text=base.text if text_el is None else (text_el.get(f"{w}val") or ""),
            restart=base.restart if restart is None else restart,
            legal=base.legal if legal_el is None else _on(legal_el, w),
            style=style or base.style,
        )

    def _resolve(self, abstract: str) -> str:
        """Follow ``w:numStyleLink`` to the abstract definition that holds the levels."""
        for _ in range(8):
            link = self._links.get(abstract)
            num = self._nums.get(self._style_nums.get(link, "")) if link else None
            if num is None:
                return abstract
            abstract = num.abstract
        return abstract

    def _levels(self, num_id: str) -> tuple[str, dict[int, Level]] | None:
        num = self._nums.get(num_id)
        if num is None:
            return None
        abstract = self._resolve(num.abstract)
        levels = dict(self._abstracts.get(abstract, {}))
        levels.update(num.levels)
        for index, start in num.starts.items():
            if index in levels:
                levels[index] = replace(levels[index], start=start)
        return abstract, levels

    def level_of_style(self, num_id: str, style_id: str) -> int | None:
        """Level of list ``num_id`` whose ``w:pStyle`` is ``style_id`` (style-linked lists)."""
        found = self._levels(num_id)
        if found is None:
            return None
        return next((i for i, lvl in sorted(found[1].items()) if lvl.style == style_id), None)

    def advance(self, num_id: str, ilvl: int) -> Label | None:
        """Count one paragraph of list ``num_id`` at level ``ilvl`` and return its label."""
        found = self._levels(num_id)
        if found is None or ilvl not in found[1]:
            return None
        abstract, levels = found
        num = self._nums[num_id]
        key = ("num", num_id) if num.starts or num.levels else ("abstract", abstract)
        counters = self._counters.setdefault(key, {})
        current = counters.get(ilvl)
        counters[ilvl] = levels[ilvl].start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or restart > deeper:
                restart = deeper  # default: any shallower level restarts it
            if ilvl < restart:
                counters.pop(deeper, None)
        level = levels[ilvl]

        def render(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            other = levels.get(index)
            if other is None:
                return ""
            value = counters.get(index, other.start - 1)
            fmt = "decimal" if level.legal and other.fmt not in ("none", "bullet") else other.fmt
            return format_number(value, fmt)

        text = level.text if level.fmt == "bullet" else _PLACEHOLDER.sub(render, level.text)
        return Label(text.strip(), level.fmt)


@dataclass
class Style:
    """What the reader needs of one ``w:style``: name, parent, list, outline level, bold and size."""

    name: str = ""
    based_on: str | None = None
    num_id: str | None = None
    ilvl: int | None = None
    outline: int | None = None
    bold: bool | None = None
    size: float | None = None


class Styles:
    """The ``w:styles`` part: style chains (``w:basedOn``) and document defaults."""

    def __init__(self, root: Any, w: str):
        self.default: str | None
        self.w, self.default = w, None
        self.styles: dict[str, Style] = {}
        self.defaults = Style()
        if root is None:
            return
        rpr = root.find(f"{w}docDefaults/{w}rPrDefault/{w}rPr")
        self.defaults.bold, self.defaults.size = self.run_props(rpr)
        for el in root.iterchildren(f"{w}style"):
            ident = el.get(f"{w}styleId")
            if ident is None:
                continue
            style = Style(name=(self.val(el.find(f"{w}name")) or ident).strip().lower(),
                           based_on=self.val(el.find(f"{w}basedOn")))
            ppr = el.find(f"{w}pPr")
            if ppr is not None:
                style.num_id = self.val(ppr.find(f"{w}numPr/{w}numId"))
                style.ilvl = _int(self.val(ppr.find(f"{w}numPr/{w}ilvl")))
                style.outline = _int(self.val(ppr.find(f"{w}outlineLvl")))
            style.bold, style.size = self.run_props(el.find(f"{w}rPr"))
            self.styles.setdefault(ident, style)
            if el.get(f"{w}type") == "paragraph" and (el.get(f"{w}default") or "0").lower() in ("1", "true", "on"):
                self.default = ident

    def val(self, el: Any) -> str | None:
        """Return the ``w:val`` attribute of ``el`` (None when ``el`` is None)."""
        return None if el is None else el.get(f"{self.w}val")

    def on(self, el: Any) -> bool | None:
        """Read an OOXML on/off property: None when absent, else its value."""
        return None if el is None else (self.val(el) or "true").lower() not in _OFF

    def run_props(self, rpr: Any) -> tuple[bool | None, float | None]:
        """Bold and size (points) set directly in a ``w:rPr``."""
        if rpr is None:
            return None, None
        size = _int(self.val(rpr.find(f"{self.w}sz")))
        return self.on(rpr.find(f"{self.w}b")), None if size is None else size / 2

    def chain(self, ident: str | None) -> list[tuple[str, Style]]:
        """Return the style and its ``w:basedOn`` ancestors, nearest first (cycles end it)."""
        out: list[tuple[str, Style]] = []
        while ident is not None and ident in self.styles and len(out) < 20 and ident not in dict(out):
            out.append((ident, self.styles[ident]))
            ident = self.styles[ident].based_on
        return out

    def numbering_styles(self) -> dict[str, str]:
        """Style id -> ``w:numId`` of every style that carries a list."""
        return {ident: style.num_id for ident, style in self.styles.items() if style.num_id}


def _val(element: Any, w: str) -> str | None:
    return None if element is None else element.get(f"{w}val")


def _on(element: Any, w: str) -> bool:
    return (element.get(f"{w}val") or "true").lower() not in ("0", "false", "off")


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None
