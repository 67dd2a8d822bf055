"""Ingestion + segmentation throughput next to raw pypdfium2 text extraction, same files, same run.

    python scripts/bench_ingest.py [FOLDER] [--limit N] [--repeat R]

Both sides run in this one process, one file at a time, alternating per file so
that disk cache and machine load affect them alike. Raw extraction is
``pypdfium2``'s ``get_text_range()`` on every page: the floor any PDF reader
built on it pays.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pypdfium2 as pdfium

from clausecheck.errors import ClauseCheckError
from clausecheck.readers import read_document
from clausecheck.segment import segment

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "cuad-dev" / "pdf"


def raw_extract(path: Path) -> tuple[int, int]:
    """Pages and characters pypdfium2 extracts from ``path``."""
    pdf = pdfium.PdfDocument(path.read_bytes())
    chars = 0
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            chars += len(textpage.get_text_range())
            textpage.close()
            page.close()
        return len(pdf), chars
    finally:
        pdf.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=0, help="only the first N files")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    if not args.folder.is_dir():
        print(f"no such folder: {args.folder}", file=sys.stderr)
        return 2
    files = sorted(p for p in args.folder.iterdir() if p.suffix.lower() == ".pdf")
    files = files[: args.limit] if args.limit else files
    raw_time = ours_time = 0.0
    pages = size = failed = clauses = 0
    for _ in range(args.repeat):
        for path in files:
            started = time.perf_counter()
            try:
                n_pages, _chars = raw_extract(path)
            except pdfium.PdfiumError:
                continue
            raw_time += time.perf_counter() - started
            started = time.perf_counter()
            try:
                clauses += len(segment(read_document(path)).clauses)
            except ClauseCheckError:
                failed += 1
            ours_time += time.perf_counter() - started
            pages += n_pages
            size += path.stat().st_size
    n = len(files) * args.repeat
    print(f"{n} PDF files, {pages} pages, {size / 1e6:.1f} MB ({failed} refused with a coded error)")
    print(f"raw pypdfium2 text extraction : {raw_time:7.2f} s  {pages / raw_time:8.1f} pages/s  {n / raw_time:6.1f} files/s")
    print(f"clausecheck read + segment    : {ours_time:7.2f} s  {pages / ours_time:8.1f} pages/s  {n / ours_time:6.1f} files/s")
    print(f"clausecheck / raw throughput  : {raw_time / ours_time:.2f}  ({clauses} clauses found)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
