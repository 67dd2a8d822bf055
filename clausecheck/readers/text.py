"""Plain text and Markdown reader: paragraphs are lines, Markdown headings keep their level."""

from __future__ import annotations

import re
from dataclasses import dataclass

from clausecheck.document import Block, RawDocument
from clausecheck.readers.normalize import normalize_line

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_NOISE = re.compile(r"^(?:[-*_]\s*){3,}$|^```")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")


def decode(data: bytes) -> str:
    """Decode text bytes: BOM-marked UTF-16/UTF-8, then UTF-8, then Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


@dataclass(frozen=True)
class TextReader:
    """Reads ``txt`` (one block per non-empty line) or ``md`` (headings and emphasis understood)."""

    format: str = "txt"

    def read(self, data: bytes, path: str, options: object) -> RawDocument:
        """Split the decoded text into line blocks."""
        blocks: list[Block] = []
        for raw_line in decode(data).splitlines():
            if self.format == "md":
                if _MD_NOISE.match(raw_line.strip()):
                    continue
                heading = _MD_HEADING.match(raw_line.strip())
                if heading:
                    text = normalize_line(_MD_EMPHASIS.sub(r"\2", heading.group(2)))
                    if text:
                        blocks.append(Block(text, kind="heading", outline_level=len(heading.group(1)), bold=True))
                    continue
                bold = raw_line.lstrip().startswith(("**", "__"))
                raw_line = _MD_EMPHASIS.sub(r"\2", raw_line)
                text = normalize_line(raw_line.lstrip(">").strip())
                if text:
                    blocks.append(Block(text, kind="line", bold=bold))
                continue
            text = normalize_line(raw_line)
            if text:
                blocks.append(Block(text, kind="line"))
        return RawDocument(format=self.format, blocks=tuple(blocks))
