"""PDF reader: pypdfium2 text pages cut into lines, in reading order, without page furniture.

One :class:`~clausecheck.document.Block` per text line (``kind="line"``). Layout
hints (bold, size, left edge) are read through pdfium's raw API at each line's
first character only, so the reader stays close to plain ``get_text_range``
speed. Two-column pages are read left column first; hyphenated line breaks are
joined; running headers, footers, page numbers and tables of contents are
removed by :mod:`clausecheck.readers.furniture`.
"""

from __future__ import annotations

import ctypes
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from clausecheck.document import Block, Page, RawDocument, Warning
from clausecheck.errors import InputError
from clausecheck.readers import ReadOptions
from clausecheck.readers.furniture import find_furniture
from clausecheck.readers.normalize import normalize_line

__all__ = ["PdfReader"]

_BREAK = re.compile(r"\r\n|\r|\n")
_HYPHEN_MARK = re.compile("[\x02\ufffe\xad]")
"""What pdfium leaves where a word was hyphenated at a line end (it may also merge the next line)."""
_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demibold")
_SCANNED_MAX_CHARS = 10
"""A page with images and fewer visible characters than this is a scanned page."""
_HARD_HYPHEN = re.compile(r"(?:^|\s)([^\W\d_]+)-$")
_COMPOUND_WORD = re.compile(r"[^\W\d_]+-[^\W\d_]+")
_NEXT_WORD_HEAD = re.compile(r"[^\W\d_]*")
_NEXT_WORD = re.compile(r"^([^\W\d_]\S*)\s*(.*)$")
_PREFIXES = "non self co ex anti cross third sub inter quasi semi vice well long short full part post pre multi"
_COMPOUND_PREFIXES = frozenset(
    f"{_PREFIXES} sous demi contre auto extra intra ultra ci au vis peut arrière avant après porte grand mi "
    "vingt trente quarante cinquante soixante dix quatre cent".split()
)
"""Left halves after which a line-end ``-`` is a real compound hyphen (``non-\\ncompetition``)."""


@dataclass
class _Line:
    text: str
    page: int
    char: int = -1
    x: float | None = None
    right: float | None = None
    bottom: float | None = None
    top: float | None = None
    size: float | None = None
    bold: bool = False
    soft_end: bool = False
    table: bool = False
    """The line is a row of separate cells (table row, signature block), not running text."""


def _rejoin(left: str, mark: str, right: str) -> str:
    """Join a word cut at a line end; keep the hyphen of compounds (``non-competition``, ``e-mail``)."""
    word = re.search(r"([^\W\d_]+)$", left)
    head = word.group(1).lower() if word else ""
    hyphen = mark != "\xad" and (len(head) <= 2 or head in _COMPOUND_PREFIXES)
    return left + ("-" if hyphen else "") + right


def _merge_rows(lines: list[_Line]) -> list[_Line]:
    """Put back together a row pdfium cut in two (it breaks before some one-character cells)."""
    out: list[_Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if (
            prev is not None
            and not prev.soft_end
            and None not in (prev.bottom, prev.right, line.bottom, line.x)
            and abs(prev.bottom - line.bottom) <= max(2.0, 0.3 * (prev.size or 10))  # type: ignore[operator]
            and line.x > prev.right + 1  # type: ignore[operator]
        ):
            prev.text = f"{prev.text.rstrip()} {line.text.lstrip()}"
            prev.right = line.right
            continue
        out.append(line)
    return out


class _TextPage:
    """Line extraction and hints for one pdfium text page."""

    def __init__(self, textpage: pdfium.PdfTextPage, number: int):
        self.raw = textpage.raw
        self.textpage = textpage
        self.number = number
        self.text = textpage.get_text_range()
        self.aligned = len(self.text) == textpage.count_chars()
        self._l, self._r, self._b, self._t = (ctypes.c_double() for _ in range(4))
        self._font = ctypes.create_string_buffer(128)
        self._flags = ctypes.c_int()
        self.joined = 0

    def char_index(self, text_index: int) -> int:
        if self.aligned:
            return text_index
        return int(pdfium_c.FPDFText_GetCharIndexFromTextIndex(self.raw, text_index))

    def box(self, ci: int) -> tuple[float, float, float, float] | None:
        if ci < 0 or not pdfium_c.FPDFText_GetCharBox(self.raw, ci, self._l, self._r, self._b, self._t):
            return None
        return self._l.value, self._b.value, self._r.value, self._t.value

    def make_line(self, text: str, start: int, soft_end: bool = False) -> _Line:
        """Make the line of ``text`` found at text index ``start``, with hints from its first and last characters."""
        lead = len(text) - len(text.lstrip())
        ci = self.char_index(start + lead)
        line = _Line(text, self.number, ci, soft_end=soft_end)
        first = self.box(ci)
        if first is None:
            return line
        line.x, line.bottom, line.top = round(first[0], 2), first[1], first[3]
        last = self.box(self.char_index(start + len(text.rstrip()) - 1))
        line.right = last[2] if last else first[2]
        size = pdfium_c.FPDFText_GetFontSize(self.raw, ci)
        line.size = round(size, 2) if size > 0 else None
        last_ci = self.char_index(start + len(text.rstrip()) - 1)
        line.bold = self.bold(ci) and (last_ci == ci or self.bold(last_ci))
        if line.bold or text[lead : lead + 1].isdigit():
            line.table = self.has_cells(ci, last_ci - ci + 1, line.size or 10.0)
        return line

    def bold(self, ci: int) -> bool:
        """The character's font is bold (by weight, else by font name)."""
        if pdfium_c.FPDFText_GetFontWeight(self.raw, ci) >= 600:
            return True
        if pdfium_c.FPDFText_GetFontInfo(self.raw, ci, self._font, 128, self._flags):
            name = self._font.value.decode("latin-1", "replace").lower()
            return any(word in name for word in _BOLD_NAMES)
        return False

    def has_cells(self, ci: int, count: int, size: float) -> bool:
        """The characters form separate cells: pdfium's text rectangles leave wide horizontal gaps."""
        n = pdfium_c.FPDFText_CountRects(self.raw, ci, count)
        if n < 2:
            return False
        boxes = sorted(self.textpage.get_rect(i) for i in range(n))
        gaps = (right[0] - left[2] for left, right in itertools.pairwise(boxes))
        return max(gaps) > max(12.0, 1.8 * size)

    def lines(self) -> list[_Line]:
        """Cut the page into lines in pdfium's order, splitting lines pdfium merged at a hyphenated word."""
        out: list[_Line] = []
        pos = 0
        for match in [*_BREAK.finditer(self.text), None]:
            end = match.start() if match else len(self.text)
            self._cut(self.text[pos:end], pos, out)
            pos = match.end() if match else end
        return out

    def _cut(self, text: str, start: int, out: list[_Line]) -> None:
        while True:
            body = text.rstrip()
            found = _HYPHEN_MARK.search(body)
            if found is None or not body.strip():
                if body.strip():
                    out.append(self.make_line(body, start))
                return
            mark = found.start()
            before, after = body[:mark], body[mark + 1 :]
            word_end = before[-1:].isalpha()
            if not after.strip():  # hyphen at the real line end: joined later
                out.append(self.make_line(before if word_end else before + "-", start, soft_end=word_end))
                return
            if not (word_end and after[0].islower()):  # not a cut word: pdfium glued two lines at a dash
                out.append(self.make_line(before + ("-" if found.group() != "\xad" else ""), start))
                text, start = after, start + mark + 1
                continue
            self.joined += 1
            space = body.find(" ", mark)
            if space < 0:  # the whole rest is the end of the word
                text = _rejoin(before, found.group(), after)
                continue
            head = _rejoin(before, found.group(), body[mark + 1 : space])
            out.append(self.make_line(head, start))
            text, start = body[space + 1 :], start + space + 1

    def rects(self) -> list[tuple[float, float, float, float]]:
        n = self.textpage.count_rects()
        return [self.textpage.get_rect(i) for i in range(n)]

    def split_line(self, line: _Line, gutter: float) -> list[_Line]:
        """Cut a line pdfium merged across the gutter into its left and right parts."""
        start = line.char
        text = line.text
        sides: dict[bool, list[str]] = {False: [], True: []}
        starts: dict[bool, int] = {}
        right = False
        for offset, ch in enumerate(text[len(text) - len(text.lstrip()) :]):
            ci = start + offset
            if not ch.isspace():
                box = self.box(ci)
                if box is not None:
                    right = (box[0] + box[2]) / 2 > gutter
                starts.setdefault(right, ci)
            sides[right].append(ch)
        parts = []
        for side in (False, True):
            part = "".join(sides[side]).strip()
            if part:
                parts.append(self.make_line(part, starts[side], soft_end=line.soft_end and side))
        return parts


def _gutter(rects: Sequence[tuple[float, float, float, float]], width: float) -> float | None:
    """Find the x of the gap between two columns of prose, or None for a single-column page."""
    rects = [r for r in rects if r[2] - r[0] > 1]
    if len(rects) < 10 or width <= 0:
        return None
    wide = sum(1 for r in rects if r[2] - r[0] > 0.55 * width)
    if wide > 0.2 * len(rects):
        return None
    narrow = sorted((r for r in rects if r[2] - r[0] <= 0.55 * width), key=lambda r: r[0])
    gaps: list[tuple[float, float]] = []
    reach = narrow[0][2]
    for left, _, right, _ in narrow[1:]:
        if left > reach + 8:
            gaps.append((reach, left))
        reach = max(reach, right)
    middle = [(a + b) / 2 for a, b in gaps if 0.3 * width < (a + b) / 2 < 0.7 * width]
    if not middle:
        return None
    gutter = min(middle, key=lambda x: abs(x - width / 2))
    return gutter if _prose_on_both_sides(narrow, gutter) else None


def _prose_on_both_sides(rects: Sequence[tuple[float, float, float, float]], gutter: float) -> bool:
    """Both sides hold filled lines of text side by side (not a table of short cells)."""
    sides = ([r for r in rects if r[2] <= gutter], [r for r in rects if r[0] >= gutter])
    spans = []
    for side in sides:
        rows: dict[int, list[float]] = {}
        for left, bottom, right, _ in side:
            row = rows.setdefault(round(bottom / 2), [left, right])
            row[0], row[1] = min(row[0], left), max(row[1], right)
        if len(rows) < 5:
            return False
        lo, hi = min(r[0] for r in rows.values()), max(r[1] for r in rows.values())
        fills = sorted((r[1] - r[0]) / max(hi - lo, 1) for r in rows.values())
        if fills[len(fills) // 2] < 0.6:
            return False
        spans.append((min(rows) * 2, max(rows) * 2))
    overlap = min(spans[0][1], spans[1][1]) - max(spans[0][0], spans[1][0])
    return overlap >= 0.3 * min(spans[0][1] - spans[0][0], spans[1][1] - spans[1][0])


def _reading_order(tp: _TextPage, lines: list[_Line], width: float) -> tuple[list[_Line], bool]:
    """Lines of a two-column page as left column then right column; other pages unchanged."""
    if not tp.aligned or len(lines) < 10:
        return _merge_rows(lines), False
    rects = tp.rects()
    gutter = _gutter(rects, width)
    if gutter is None:
        return _merge_rows(lines), False
    out: list[_Line] = []
    left: list[_Line] = []
    right: list[_Line] = []
    for line in lines:
        if line.x is None or line.right is None or line.right <= gutter:
            left.append(line)
        elif line.x >= gutter:
            right.append(line)
        elif any(r[0] < gutter < r[2] and line.bottom is not None and r[1] <= line.bottom + 2 <= r[3] for r in rects):
            out += left + right + [line]  # a full-width line (title) closes the column block
            left, right = [], []
        else:
            for part in tp.split_line(line, gutter):
                (right if part.x is not None and part.x >= gutter else left).append(part)
    return out + left + right, True


def _join_hyphens(lines: list[_Line]) -> int:
    """Join words cut at line ends, moving the word's end up to the first line. Returns the joins.

    A line-end hyphen before a lower-case word is a compound's own hyphen
    ("vingt-quatre", "non-compete") when the document writes that compound with
    a hyphen elsewhere, or when its first half is a known compound head;
    otherwise it was put there to break the word, and goes.
    """
    hyphenated: set[str] | None = None  # the document's hyphenated compounds, read on first need
    joins = 0
    for i in range(len(lines) - 1):
        line, nxt = lines[i], lines[i + 1]
        word = _NEXT_WORD.match(nxt.text)
        if word is None:
            continue
        if line.soft_end and not word.group(1)[0].islower():
            line.text += "-"
            line.soft_end = False
            continue
        if line.soft_end:
            line.text += word.group(1)
        else:
            hyphen = _HARD_HYPHEN.search(line.text)
            if hyphen is None or not word.group(1)[0].islower():
                continue
            head = hyphen.group(1).lower()
            keep = len(head) <= 2 or head in _COMPOUND_PREFIXES
            if not keep:
                if hyphenated is None:
                    hyphenated = {w.lower() for other in lines for w in _COMPOUND_WORD.findall(other.text)}
                compound = f"{head}-{_NEXT_WORD_HEAD.match(word.group(1).lower())[0]}"  # type: ignore[index]
                keep = compound in hyphenated
            line.text = (line.text if keep else line.text[:-1]) + word.group(1)
        line.soft_end = False
        nxt.text = word.group(2)
        joins += 1
    return joins


def _has_images(page: pdfium.PdfPage) -> bool:
    return any(True for _ in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=4))


def _open(data: bytes, path: str) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise InputError("E101", path) from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise InputError("E101", path, "encrypted with an unsupported security scheme") from None
        raise _broken(data, path, "pdfium cannot parse it") from None


def _broken(data: bytes, path: str, what: str) -> InputError:
    if b"%%EOF" not in data[-2048:]:
        return InputError("E103", path, f"truncated file (no %%EOF marker): {what}")
    return InputError("E102", path, f"corrupt or malformed PDF: {what}")


def _metadata(pdf: pdfium.PdfDocument, count: int) -> dict[str, object]:
    meta: dict[str, object] = {"page_count": count}
    try:
        info = pdf.get_metadata_dict(skip_empty=True)
    except pdfium.PdfiumError:
        info = {}
    for key in ("Title", "Author", "Producer", "Creator"):
        value = normalize_line(str(info.get(key, "")))
        if value:
            meta[key.lower()] = value
    return meta


class PdfReader:
    """Reads PDFs with a text layer; see the module docstring."""

    format = "pdf"

    def read(self, data: bytes, path: str, options: ReadOptions) -> RawDocument:
        """Read ``data``; raise a coded :class:`InputError` if it cannot be read."""
        pdf = _open(data, path)
        try:
            return self._read(pdf, data, path, options)
        finally:
            pdf.close()

    def _read(self, pdf: pdfium.PdfDocument, data: bytes, path: str, options: ReadOptions) -> RawDocument:
        count = len(pdf)
        if count > options.max_pages:
            raise InputError("E107", path, f"{count:,} pages, over the limit of {options.max_pages:,}")
        if count == 0:
            raise _broken(data, path, "the document has no pages")
        pages: list[Page] = []
        page_lines: list[list[_Line]] = []
        two_column: list[int] = []
        joins = 0
        for index in range(count):
            lines, page, columns, joined = self._page(pdf, index, data, path)
            joins += joined
            pages.append(page)
            page_lines.append(lines)
            if columns:
                two_column.append(index + 1)
        scanned = tuple(p.number for p in pages if p.source == "scanned")
        if scanned and not any(p.source == "text" for p in pages):
            what = f"all {count} pages" if len(scanned) == count else f"all {len(scanned)} pages with content"
            raise InputError("E110", path, f"{what} are scanned images: OCR is needed")
        furniture = find_furniture([[line.text for line in lines] for lines in page_lines])
        kept = [
            line
            for index, lines in enumerate(page_lines)
            for i, line in enumerate(lines)
            if (index, i) not in furniture.reasons
        ]
        joins += _join_hyphens(kept)
        blocks = tuple(
            Block(text=line.text, page=line.page, kind="table_row" if line.table else "line", bold=line.bold,
                  size=line.size, x=line.x)
            for line in kept
            if line.text
        )
        warnings: list[Warning] = []
        if scanned:
            warnings.append(
                Warning("scanned_pages", f"{len(scanned)} page(s) are scanned images and were not read", scanned)
            )
        if furniture.count("toc"):
            toc_pages = tuple(p + 1 for p in furniture.pages("toc"))
            warnings.append(Warning("toc_removed", "a table of contents was left out of the text", toc_pages))
        metadata = _metadata(pdf, count)
        metadata.update(
            furniture_lines_removed=furniture.count() - furniture.count("toc"),
            toc_lines_removed=furniture.count("toc"),
            hyphenations_joined=joins,
        )
        if two_column:
            metadata["two_column_pages"] = two_column
        return RawDocument(
            format=self.format, blocks=blocks, pages=tuple(pages), warnings=tuple(warnings), metadata=metadata
        )

    def _page(
        self, pdf: pdfium.PdfDocument, index: int, data: bytes, path: str
    ) -> tuple[list[_Line], Page, bool, int]:
        try:
            page = pdf[index]
        except pdfium.PdfiumError:
            raise _broken(data, path, f"page {index + 1} cannot be loaded") from None
        try:
            textpage = page.get_textpage()
            try:
                tp = _TextPage(textpage, index + 1)
                visible = len("".join(tp.text.split()))
                lines, columns = _reading_order(tp, tp.lines(), page.get_width())
            finally:
                textpage.close()
            for line in lines:
                line.text = normalize_line(line.text)
            lines = [line for line in lines if line.text]
            if visible < _SCANNED_MAX_CHARS and _has_images(page):
                return [], Page(index + 1, visible, "scanned"), False, 0
            return lines, Page(index + 1, visible, "text" if visible else "empty"), columns, tp.joined
        except pdfium.PdfiumError:
            raise _broken(data, path, f"page {index + 1} cannot be read") from None
        finally:
            page.close()
