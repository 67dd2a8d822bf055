"""Dump what the PDF reader sees, or time it against raw pypdfium2 over a folder.

    python scripts/pdf_probe.py FILE.pdf [--removed]     # lines with page numbers and hints
    python scripts/pdf_probe.py --bench FOLDER          # reader vs raw get_text_range, same run
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from pathlib import Path

import pypdfium2 as pdfium

from clausecheck.errors import InputError
from clausecheck.readers import ReadOptions
from clausecheck.readers.pdf import PdfReader


def raw_text(data: bytes) -> int:
    pdf = pdfium.PdfDocument(data)
    total = 0
    for page in pdf:
        total += len(page.get_textpage().get_text_range())
    pdf.close()
    return total


def bench(folder: Path) -> int:
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".pdf")
    datas = [(p, p.read_bytes()) for p in files]
    reader, options = PdfReader(), ReadOptions()
    raw_s = ours_s = 0.0
    failures: list[str] = []
    crashes: list[str] = []
    for path, data in datas:
        t0 = time.perf_counter()
        with contextlib.suppress(pdfium.PdfiumError):
            raw_text(data)
        t1 = time.perf_counter()
        try:
            reader.read(data, str(path), options)
        except InputError as exc:
            failures.append(exc.line())
        except Exception as exc:
            crashes.append(f"{path.name}: {type(exc).__name__}: {exc}")
        t2 = time.perf_counter()
        raw_s += t1 - t0
        ours_s += t2 - t1
    print(f"{len(files)} files  raw get_text_range {raw_s:.2f}s  PdfReader {ours_s:.2f}s  ratio {ours_s / raw_s:.2f}")
    print(f"coded errors: {len(failures)}  non-coded exceptions: {len(crashes)}")
    for line in failures + crashes:
        print("  ", line)
    return 1 if crashes else 0


def dump(path: Path) -> None:
    raw = PdfReader().read(path.read_bytes(), str(path), ReadOptions())
    for block in raw.blocks:
        flags = ("B" if block.bold else "-") + f" {block.size or 0:5.1f} {block.x or 0:6.1f}"
        print(f"p{block.page:<3} {flags} | {block.text}")
    print("pages:", [(p.number, p.source, p.chars) for p in raw.pages])
    print("warnings:", [w.to_dict() for w in raw.warnings])
    print("metadata:", raw.metadata)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("target", type=Path)
    parser.add_argument("--bench", action="store_true")
    args = parser.parse_args()
    if args.bench:
        return bench(args.target)
    dump(args.target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
