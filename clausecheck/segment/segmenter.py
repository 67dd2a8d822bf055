"""Cut a document's blocks into the clause tree."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from clausecheck.clauses import Clause, Segmentation
from clausecheck.document import Block, Document
from clausecheck.language import detect_language
from clausecheck.segment.markers import ANNEX, Marker, parse_label, parse_marker
from clausecheck.segment.outline import Outline

_MODAL = re.compile(
    r"\b(?:shall|will|must|may|is|are|was|were|has|have|does|can|should|agrees?|means|"
    r"doit|devra|doivent|devront|peut|pourra|est|sont|sera|seront|s'engage|a|ont|d[ée]signe|signifie|s'entend)\b",
    re.IGNORECASE,
)
_RUN_IN = re.compile(r"^(?P<head>[A-ZÀ-Ý][^.:!?()\"“”«»]{1,80}?)\s?[.:]\s+(?=\S)")
_TITLE_END = re.compile(r"[\s.:;,–—-]+$")
_PREAMBLE_HEADINGS = re.compile(
    r"^(?:pr[ée]ambule|preamble|recitals?|background|parties|the parties|entre les soussign[ée]s|between the undersigned|"
    r"expos[ée] (?:pr[ée]alable|des motifs)|definitions?|d[ée]finitions|whereas|witnesseth|introduction|"
    r"contexte|objet du (?:contrat|march[ée]))\W*$",
    re.IGNORECASE,
)
_MAX_TITLE_WORDS = 16
CLAUSE_LANGUAGE_CHARS = 1500
"""A clause's language is read from its opening: enough function words, a fraction of the cost."""
_CONTENTS_MIN = 5
"""Numbered headings in a row, without text between them, that may be a table of contents."""
_CELL_SEP = " | "
"""How readers join the cells of a row whose cells they know (Word tables)."""
_LABEL_BLOCKS = 5
"""Without pages, the blocks that count as the top of the document (where a filing label sits)."""
_PROSE_WORDS = 12
"""A mixed-case line this long is running text, not a cover label or legend."""


@dataclass(frozen=True)
class _Head:
    """A block found to open a clause."""

    index: int
    """Index of the opening block."""
    marker: Marker | None
    number: str | None
    heading: str | None
    level: int
    body_block: int
    """Index of the first body block (after the heading's own blocks)."""
    body_offset: int
    """Characters of the opening block taken by the number and a run-in heading."""


def _words(text: str) -> int:
    return len(text.split())


def _title_shaped(text: str) -> bool:
    """A short line that reads as a title, not a sentence."""
    text = text.strip()
    if not text or not (text[0].isupper() or text[0].isdigit() or text[0] in "«\"“("):
        return False
    if _words(text) > _MAX_TITLE_WORDS or text.endswith((",", ";")):
        return False
    if text.isupper():
        return True
    if text[0] in "«\"“" and not re.fullmatch(r"[«\"“][^»\"”]+[»\"”]\W*", text):
        return False  # a definition: « Site » désigne..., "Services" means...
    return not _MODAL.search(text) and (not text.endswith(".") or _words(text) <= 8)


def _clean_title(text: str) -> str | None:
    title = _TITLE_END.sub("", text.strip())
    return title or None


class Segmenter:
    """Walks the blocks once, keeping the outline state."""

    def __init__(self, document: Document):
        self.document = document
        self.blocks = document.blocks
        self.outline = Outline()
        sizes = Counter(block.size for block in self.blocks if block.kind == "line" and block.size)
        self.body_size: float | None = sizes.most_common(1)[0][0] if sizes else None
        """Font size of the body text (the commonest line size), where the reader knows sizes."""
        self.head_blocks: set[int] = set()
        """Indices of the blocks taken by accepted headings (number line and wrapped title lines)."""

    @staticmethod
    def _trusted(block: Block) -> bool:
        """Word numbered the block itself or styled it as a heading: believe it."""
        return block.kind == "heading" or (block.label is not None and block.text.startswith(block.label))

    @staticmethod
    def _heading_like(block: Block, rest: str) -> bool:
        """Strong enough signs of a heading to accept a number that skips ahead."""
        if block.kind == "heading" or block.bold or not rest:
            return True
        return _title_shaped(rest) and rest[0] not in "(," and "," not in rest and _words(rest) <= 10

    def _bare_heading(self, index: int, rest: str) -> bool:
        """Whether a bare number heads a clause: a short title without digits, not followed by another bare number."""
        if not _title_shaped(rest) or rest.endswith((".", ",")) or _words(rest) > 10 or any(c.isdigit() for c in rest):
            return False
        following = self.blocks[index + 1].text if index + 1 < len(self.blocks) else ""
        return not re.match(r"\d+\s", following)

    def _cut_off(self, index: int, block: Block) -> bool:
        """A plain annex marker right after running text cut mid-sentence on the same page: a wrapped reference."""
        if block.bold or not index or self.blocks[index - 1].page != block.page:
            return False
        previous = self.blocks[index - 1].text.rstrip()
        marker = parse_marker(previous)
        if _words(previous) < 6 or (marker is not None and marker.is_list):
            return False
        return previous[-1:].islower() or previous.endswith(",")

    def _document_label(self, index: int, block: Block) -> bool:
        """An annex marker at the top of the first page, before any clause or running text, labels the document."""
        if self.outline.numbered or self.head_blocks:
            return False
        first_page = self.blocks[0].page
        if block.page != first_page or (first_page is None and index >= _LABEL_BLOCKS):
            return False
        return not any(_words(b.text) >= _PROSE_WORDS and not b.text.isupper() for b in self.blocks[:index])

    def _title_from_next(self, index: int) -> str | None:
        """Heading on the line after a bare number ("ARTICLE 1" / "OBJET")."""
        if index + 1 >= len(self.blocks):
            return None
        following = self.blocks[index + 1]
        marker = parse_marker(following.text)
        if marker and not marker.is_list:
            return None
        if _title_shaped(following.text) and not following.text.endswith("."):
            return following.text
        return None

    def _continues_title(self, block: Block, index: int) -> bool:
        """A PDF heading wrapped onto the next line: same bold face, no marker, no sentence end."""
        if block.kind != "line" or not block.bold or index + 1 >= len(self.blocks):
            return False
        following = self.blocks[index + 1]
        if not following.bold or following.kind != "line" or following.page != block.page:
            return False
        if block.size and following.size and abs(block.size - following.size) > 0.25:
            return False
        marker = parse_marker(following.text)
        return not marker and not block.text.endswith((".", ":")) and _words(following.text) <= 10

    def _numbered(self, index: int, block: Block, marker: Marker) -> _Head | None:
        rest = block.text[marker.end :].strip()
        trusted = self._trusted(block)
        if rest and rest[0].islower() and not trusted:
            return None  # "Article 1195 du Code civil...", "Section 3 hereof": a wrapped reference
        if marker.scheme != ANNEX and block.text[marker.end - 1 : marker.end + 1].endswith("(") and not trusted \
                and not block.text[marker.end - 1].isspace():
            return None  # "Article 2.2(iii).", "Section 4(b) applies": a reference to a sub-paragraph
        if marker.scheme == ANNEX and not trusted and (self._document_label(index, block) or self._cut_off(index, block)):
            return None  # "Exhibit 10.1" labelling the whole filing; "...as described in the attached / EXHIBIT D."
        if marker.bare and not trusted and not self._bare_heading(index, rest):
            return None  # "30 Business Days after...", a table row "1 Modem": a number, not a heading
        if marker.scheme != ANNEX and block.text[marker.end - 1 : marker.end + 1].endswith("(") and not trusted \
                and not block.text[marker.end - 1].isspace():
            return None  # "Article 2.2(iii).", "Section 4(b) applies": a reference to a sub-paragraph
        if marker.scheme == ANNEX and not trusted and (self._document_label(index, block) or self._cut_off(index, block)):
            return None  # "Exhibit 10.1" labelling the whole filing; "...as described in the attached / EXHIBIT D."
        sentence_end = not rest and block.text.rstrip().endswith(".") and not block.text.isupper()
        if not self.outline.fits(marker, trusted, self._heading_like(block, rest), block.bold, sentence_end):
            return None
        level = self.outline.accept(marker)
        if not rest:
            title = self._title_from_next(index)
            if title is not None:
                return _Head(index, marker, marker.number, _clean_title(title), level, index + 2, len(block.text))
            return _Head(index, marker, marker.number, None, level, index + 1, len(block.text))
        run_in = None if block.kind == "heading" else _RUN_IN.match(rest)
        if run_in and _words(run_in["head"]) <= 8 and not _MODAL.search(run_in["head"]):
            offset = marker.end + (len(block.text[marker.end :]) - len(rest)) + run_in.end()
            return _Head(index, marker, marker.number, _clean_title(run_in["head"]), level, index, offset)
        bold_line = block.bold and block.kind == "line" and _words(rest) <= _MAX_TITLE_WORDS and not rest.endswith(".")
        if block.kind == "heading" or bold_line or (
            _title_shaped(rest) and (block.bold or "." not in rest[:-1] or rest.isupper())
        ):
            body = index + 1
            title = rest
            while self._continues_title(self.blocks[body - 1], body - 1):
                title += " " + self.blocks[body].text
                body += 1
            return _Head(index, marker, marker.number, _clean_title(title), level, body, len(block.text))
        return _Head(index, marker, marker.number, None, level, index, marker.end)

    def _unnumbered(self, index: int, block: Block) -> _Head | None:
        text = block.text
        if block.label or not _title_shaped(text) or text.endswith("."):
            return None
        known = bool(_PREAMBLE_HEADINGS.match(text))
        if block.kind == "heading":
            pass
        elif block.bold and block.kind in ("line", "paragraph"):
            if not (self.outline.numbered or self.head_blocks) and not known:
                return None
            if block.size and self.body_size and block.size < self.body_size - 0.25:
                return None  # smaller than the body: a table cell, a caption, a signature block
            previous = self.blocks[index - 1] if index else None
            if previous is not None and previous.bold and index - 1 not in self.head_blocks:
                return None  # one cell of a bold table header, not a heading
            following = self.blocks[index + 1] if index + 1 < len(self.blocks) else None
            if following is None or (following.bold and block.kind == "line" and not self._continues_title(block, index)):
                return None
        elif not known:
            return None
        body = index + 1
        title = text
        while self._continues_title(self.blocks[body - 1], body - 1):
            title += " " + self.blocks[body].text
            body += 1
        return _Head(index, None, None, _clean_title(title), self.outline.unnumbered_level(), body, len(text))

    def heads(self) -> list[_Head]:
        """Find every block that opens a clause; a contents list left in the text is walked past."""
        heads = self._walk(range(0))
        contents = _contents_run(heads, self.blocks)
        if contents is not None:
            self.outline, self.head_blocks = Outline(), set()
            heads = self._walk(contents)
        return heads

    def _walk(self, skip: range) -> list[_Head]:
        heads: list[_Head] = []
        index = 0
        while index < len(self.blocks):
            block = self.blocks[index]
            if index in skip:
                index = skip.stop
                continue
            marker = parse_label(block.label, block.text) if block.label else parse_marker(block.text)
            if block.kind == "table_row" and not _numbered_row(block, marker):
                index += 1  # a row of cells (table, signature block) never opens a clause
                continue
            head = self._numbered(index, block, marker) if marker else self._unnumbered(index, block)
            if head is not None:
                heads.append(head)
                self.head_blocks.update(range(index, max(head.body_block, index + 1)))
                index = max(head.body_block, index + 1)
            else:
                index += 1
        return heads

    def run(self) -> Segmentation:
        """Build the clauses from the heads."""
        heads = self.heads()
        doc_language = detect_language(self.document.text)
        clauses: list[Clause] = []
        open_levels: list[tuple[int, str]] = []
        for position, head in enumerate(heads):
            last_block = (heads[position + 1].index if position + 1 < len(heads) else len(self.blocks)) - 1
            blocks = self.blocks[head.index : last_block + 1]
            start, end = blocks[0].start, blocks[-1].end
            if head.body_block > head.index:
                body_start = self.blocks[head.body_block].start if head.body_block <= last_block else end
            else:
                body_start = start + head.body_offset
                while body_start < end and self.document.text[body_start] == " ":
                    body_start += 1
            while open_levels and open_levels[-1][0] >= head.level:
                open_levels.pop()
            clause_id = f"c{position + 1}"
            text = self.document.text[start:end]
            body = self.document.text[body_start:end]
            clauses.append(
                Clause(
                    id=clause_id,
                    key=_key(head.number, head.heading, body),
                    number=head.number,
                    heading=head.heading,
                    level=head.level,
                    parent=open_levels[-1][1] if open_levels else None,
                    pages=tuple(sorted({b.page for b in blocks if b.page is not None})),
                    start=start,
                    end=end,
                    text=text,
                    body_start=body_start,
                    language=detect_language(text[:CLAUSE_LANGUAGE_CHARS], default=doc_language, margin=3),
                )
            )
            open_levels.append((head.level, clause_id))
        preamble_end = heads[0].index if heads else len(self.blocks)
        end = self.blocks[preamble_end - 1].end if preamble_end else 0
        return Segmentation(clauses=tuple(clauses), preamble_end=end, language=doc_language)


def _contents_run(heads: list[_Head], blocks: tuple[Block, ...]) -> range | None:
    """Blocks of a table of contents the reader left in, or None.

    The document's first headings follow each other with no text between them, and their numbers open blocks
    again later in the document.
    """
    end = 1
    while end < len(heads) and _words(blocks[heads[end - 1].index].text) <= _MAX_TITLE_WORDS:
        if heads[end].index > max(heads[end - 1].body_block, heads[end - 1].index + 1):
            break  # text between the two headings
        end += 1
    values = [head.marker.value for head in heads[:end] if head.marker is not None]
    if len(values) < _CONTENTS_MIN:
        return None
    later = {marker.value for block in blocks[heads[end - 1].body_block :] if (marker := parse_marker(block.text))}
    if sum(value in later for value in values) < 0.6 * len(values):
        return None
    return range(heads[0].index, heads[end - 1].body_block)


def _numbered_row(block: Block, marker: Marker | None) -> bool:
    """A PDF "row" whose first cell is a clause number: hanging-indent numbering ("1.1<tab>The Supplier...")."""
    return marker is not None and not marker.is_list and _CELL_SEP not in block.text


def _key(number: str | None, heading: str | None, body: str) -> str:
    """Stable identity: number and heading, or the body's first words when there is no heading."""
    words = re.findall(r"\w+", (heading or body).lower())[:6]
    return f"{number or ''}|{'-'.join(words)}"


def segment(document: Document) -> Segmentation:
    """Cut ``document`` into its clause tree."""
    return Segmenter(document).run()
