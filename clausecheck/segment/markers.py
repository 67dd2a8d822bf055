"""Numbering markers at the start of a block: what scheme, what value, what follows.

A marker is the "Article 3 –", "8.2", "3. 2. 1.", "Section 4.3", "Annexe 3",
"II.", "B." or "(a)" that opens a block. Parsing says nothing about whether
the block really starts a clause: the outline (``outline.py``) decides that
from the sequence of markers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Scheme names. ``LIST_SCHEMES`` never open a clause: they stay inside their clause.
ARTICLE, SECTION, DECIMAL, ROMAN, LETTER, ANNEX, PART = "article", "section", "decimal", "roman", "letter", "annex", "part"
LIST_SCHEMES = frozenset({"paren_letter", "paren_roman", "paren_number", "bullet"})

_SEP = r"(?:\s*[-–—:.)]+(?=\s|$))?\s*"
_ROMAN = r"(?=[IVXLCM]+\b)M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})"

_ARTICLE = re.compile(
    rf"^(?P<kw>ARTICLE|Article|ART\.|Art\.|article)\s*(?P<num>\d{{1,3}}(?:\s?\.\s?\d{{1,3}})*|{_ROMAN}|premier|PREMIER|Premier)"
    rf"(?:\s?(?:er|ER|st|nd|rd|th)\b)?\.?{_SEP}"
)
_SECTION = re.compile(
    rf"^(?P<kw>SECTION|Section|CLAUSE|Clause|§)\s*(?P<num>\d{{1,3}}(?:\.\d{{1,3}})*|{_ROMAN})\.?{_SEP}"
)
_ANNEX = re.compile(
    r"^(?P<kw>ANNEXE|Annexe|ANNEX|Annex|SCHEDULE|Schedule|EXHIBIT|Exhibit|APPENDIX|Appendix|APPENDICE|Appendice)"
    rf"\s+(?P<num>[A-Z]{{1,2}}(?:-\d+)?|\d{{1,3}}(?:\.\d{{1,3}})?|{_ROMAN}|n°\s?\d{{1,3}})\b(?![’'])\.?{_SEP}"
)
_PART = re.compile(
    rf"^(?P<kw>TITRE|Titre|CHAPITRE|Chapitre|CHAPTER|Chapter|PART|Part|PARTIE|Partie)\s+(?P<num>\d{{1,2}}|{_ROMAN}|[A-Z])\b\.?{_SEP}"
)
# "1.", "1.1", "1.1.1", "3. 2. 1.", "1.1." but not a bare "1" nor "1,5". PDF text often loses the tab after
# the number: "1.DEFINITIONS", "1.1“Affiliate”" (a capital or an opening quote right after the dot).
_DECIMAL = re.compile(
    r"^(?P<num>\d{1,3}(?:\s?\.\s?\d{1,3}){1,5}\.?|\d{1,3}\.)(?=\s|$|[A-Z“\"«])(?P<sep>\s*[-–—:]?\s*)"
)
# "1 Definitions": a bare number before a capitalised word; only a candidate, the segmenter asks for a title.
_BARE = re.compile(r"^(?P<num>\d{1,2})\s+(?=[A-Z])")
_ROMAN_MARK = re.compile(rf"^(?P<num>{_ROMAN})(?:\.|\s?[-–—)])(?=\s|$)\s*")
_LETTER_MARK = re.compile(r"^(?P<num>[A-Z])(?:\.|\))(?=\s|$)\s*")
BULLET_GLYPHS = "-–—•◦▪■●○*·➢✓❖"
"""Characters that open a bulleted list item (inside a character class: the hyphen comes first)."""
_LIST = re.compile(
    r"^(?:\((?P<pr>[ivx]{1,5})\)|(?P<rp>[ivx]{2,5})\)|\((?P<pl>[a-z]{1,2})\)|(?P<lp>[a-z])\)|\((?P<pn>\d{1,2})\)|(?P<np>\d{1,2})\)"
    rf"|(?P<bul>[{BULLET_GLYPHS}]|o(?=\s)))\s+"
)

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def roman_value(text: str) -> int:
    """Integer value of a Roman numeral (upper case)."""
    total = 0
    for char, following in zip(text, [*text[1:], ""], strict=True):
        value = _ROMAN_VALUES[char]
        total += -value if following and _ROMAN_VALUES[following] > value else value
    return total


@dataclass(frozen=True)
class Marker:
    """A numbering marker at the start of a block."""

    scheme: str
    """``article``, ``section``, ``decimal``, ``roman``, ``letter``, ``annex``, ``part`` or a list scheme."""
    value: tuple[int, ...]
    """Comparable value: (3,) for "Article 3", (3, 2, 1) for "3. 2. 1.", (2,) for "II." or "B."."""
    number: str
    """Number as cited: "3", "3.2.1", "II", "Annexe 3"."""
    end: int
    """Offset in the block's text where the marker and its separator end."""
    keyword: str = ""
    """The introducing word, if any ("Article", "Section", "Schedule")."""
    bare: bool = False
    """A number without dot or keyword ("1 Definitions"): a clause only when a title follows."""

    @property
    def is_list(self) -> bool:
        """List items and lettered sub-paragraphs never open a clause."""
        return self.scheme in LIST_SCHEMES

    @property
    def depth(self) -> int:
        """Number of components of the value."""
        return len(self.value)


def _dotted(num: str) -> tuple[int, ...]:
    """Value of a dotted number; a trailing ".0" is the level itself ("2.0" numbers section 2, whose children are 2.1...)."""
    value = tuple(int(part) for part in re.split(r"\s?\.\s?", num.strip(". ")) if part)
    while len(value) > 1 and value[-1] == 0:
        value = value[:-1]
    return value


def _cited(num: str) -> str:
    """A dotted number as cited: spaces and the final dot dropped, leading zeros kept ("3. 2. 1." -> "3.2.1", "1.01")."""
    return re.sub(r"\s", "", num).strip(".")


def _number_value(num: str) -> tuple[int, ...]:
    if num.lower() == "premier":
        return (1,)
    if num[0].isdigit():
        return _dotted(num)
    if re.fullmatch(_ROMAN, num):
        return (roman_value(num),)
    if num.startswith("n°"):
        return (int(num[2:].strip()),)
    head = num.split("-")[0]
    value = 0
    for char in head:  # "A" -> 1, "AA" -> 27
        value = value * 26 + ord(char) - 64
    return (value,)


def parse_marker(text: str) -> Marker | None:
    """Parse the numbering marker opening ``text``, or return None."""
    if not text or text[0].islower():
        return None
    for scheme, pattern in ((ARTICLE, _ARTICLE), (SECTION, _SECTION)):
        match = pattern.match(text)
        if match:
            num = match["num"]
            value = _number_value(num)
            cited = _cited(num) if num[0].isdigit() else "1" if num.lower() == "premier" else num
            return Marker(scheme, value, cited, match.end(), match["kw"])
    match = _ANNEX.match(text)
    if match:
        keyword = match["kw"].capitalize()
        num = match["num"].replace("n° ", "n°")
        return Marker(ANNEX, _number_value(num), f"{keyword} {num}", match.end(), keyword)
    match = _PART.match(text)
    if match:
        keyword = match["kw"].capitalize()
        return Marker(PART, _number_value(match["num"]), f"{keyword} {match['num']}", match.end(), keyword)
    match = _DECIMAL.match(text)
    if match:
        value = _dotted(match["num"])
        if value and value[0] < 1000:
            return Marker(DECIMAL, value, _cited(match["num"]), match.end())
    match = _BARE.match(text)
    if match:
        return Marker(DECIMAL, (int(match["num"]),), match["num"], match.end(), bare=True)
    match = _ROMAN_MARK.match(text)
    if match and (len(match["num"]) > 1 or match["num"] in "IVX"):
        return Marker(ROMAN, (roman_value(match["num"]),), match["num"], match.end())
    match = _LETTER_MARK.match(text)
    if match:
        return Marker(LETTER, (ord(match["num"]) - 64,), match["num"], match.end())
    return _parse_list(text)


def _parse_list(text: str) -> Marker | None:
    match = _LIST.match(text)
    if not match:
        return None
    if match["bul"]:
        return Marker("bullet", (), match["bul"], match.end())
    if match["pn"] or match["np"]:
        num = match["pn"] or match["np"]
        return Marker("paren_number", (int(num),), num, match.end())
    roman = match["pr"] or match["rp"]
    if roman:
        return Marker("paren_roman", (roman_value(roman.upper()),), roman, match.end())
    letter = match["pl"] or match["lp"]
    return Marker("paren_letter", (ord(letter[0]) - 96,), letter, match.end())


def parse_label(label: str, text: str) -> Marker | None:
    """Marker for a block Word numbered itself: ``label`` ("7", "Article 7 –", "(a)") prefixes ``text``."""
    marker = parse_marker(text)
    if marker is not None and marker.end >= len(label.rstrip()):
        return marker
    digits = re.fullmatch(r"\s*(\d{1,3}(?:\.\d{1,3})*)\.?\s*", label)
    if digits:
        value = _dotted(digits[1])
        end = len(label)
        while end < len(text) and text[end] in " -–—:.":
            end += 1
        return Marker(DECIMAL, value, _cited(digits[1]), end)
    return marker
