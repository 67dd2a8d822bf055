"""Segmentation statistics over the CUAD development PDFs (or any folder of contracts).

Prints, per contract: pages, clauses, share of the extracted text assigned to
clauses, largest clause share, and a flag when segmentation looks wrong; then
totals, errors by code, and the suspicious contracts. Usage:

    python scripts/cuad_segmentation.py [FOLDER] [--jobs N] [--csv OUT.csv]
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from clausecheck.errors import ClauseCheckError
from clausecheck.readers import read_document
from clausecheck.segment import segment

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "cuad-dev" / "pdf"


def measure(path: Path) -> dict[str, object]:
    """One row of statistics for one file (runs in a worker)."""
    try:
        document = read_document(path)
        segmentation = segment(document)
    except ClauseCheckError as error:
        return {"file": path.name, "error": error.code, "message": error.line()}
    except Exception as error:  # a crash is what this script exists to find
        return {"file": path.name, "error": "CRASH", "message": f"{type(error).__name__}: {error}"}
    text_len = max(1, len(document.text))
    clauses = segmentation.clauses
    largest = max((c.end - c.start for c in clauses), default=0) / text_len
    coverage = segmentation.covered / text_len
    flags = []
    if len(clauses) < 5:
        flags.append("few-clauses")
    if largest > 0.35 and len(document.text) > 5000:
        flags.append("giant-clause")
    if coverage < 0.6:
        flags.append("low-coverage")
    return {
        "file": path.name, "error": "", "pages": document.page_count or 0, "chars": text_len,
        "clauses": len(clauses), "coverage": round(coverage, 3), "largest": round(largest, 3),
        "headings": round(sum(1 for c in clauses if c.heading) / max(1, len(clauses)), 3),
        "flags": " ".join(flags),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--csv", type=Path, help="also write the per-contract rows as CSV")
    parser.add_argument("--quiet", action="store_true", help="print only the summary")
    args = parser.parse_args()
    if not args.folder.is_dir():
        print(f"no such folder: {args.folder}", file=sys.stderr)
        return 2
    files = sorted(p for p in args.folder.iterdir() if p.is_file())
    started = time.perf_counter()
    with ProcessPoolExecutor(args.jobs) as pool:
        rows = list(pool.map(measure, files, chunksize=4))
    elapsed = time.perf_counter() - started
    ok = [r for r in rows if not r["error"]]
    if not args.quiet:
        print(f"{'file':60} {'pages':>5} {'clauses':>7} {'cover':>6} {'largest':>7}  flags")
        for r in rows:
            if r["error"]:
                print(f"{str(r['file'])[:60]:60} {r['message']}")
            else:
                print(f"{str(r['file'])[:60]:60} {r['pages']:5} {r['clauses']:7} {r['coverage']:6.1%} "
                      f"{r['largest']:7.1%}  {r['flags']}")
    print(f"\n{len(rows)} files in {elapsed:.1f} s with {args.jobs} workers: {len(ok)} analysed, "
          f"{len(rows) - len(ok)} failed")
    print("errors by code:", dict(Counter(str(r["error"]) for r in rows if r["error"])) or "none")
    if ok:
        clauses = [int(r["clauses"]) for r in ok]  # type: ignore[call-overload]
        coverage = [float(r["coverage"]) for r in ok]  # type: ignore[arg-type]
        print(f"clauses per contract: median {statistics.median(clauses):.0f}, mean {statistics.mean(clauses):.1f}, "
              f"min {min(clauses)}, max {max(clauses)}")
        print(f"text assigned to clauses: median {statistics.median(coverage):.1%}, mean {statistics.mean(coverage):.1%}")
        flagged = Counter(flag for r in ok for flag in str(r["flags"]).split())
        print("suspicious:", dict(flagged) or "none", f"({sum(1 for r in ok if r['flags'])} contracts)")
    if args.csv:
        with args.csv.open("w", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=sorted({k for r in rows for k in r}))
            writer.writeheader()
            writer.writerows(rows)
    return 1 if any(r["error"] == "CRASH" for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
