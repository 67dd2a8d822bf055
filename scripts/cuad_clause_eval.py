"""Clause-level recall and precision of clause types against CUAD's lawyer labels (development split).

    python scripts/cuad_clause_eval.py [--jobs 2] [--limit N]

For every contract of ``../shared/data/cuad-dev``: analyse its PDF, find each
span the lawyers labelled (whitespace- and case-insensitive search of its
opening words in the extracted text), and take the clause that contains it.

- recall of a CUAD category: share of its located spans whose clause got one of
  the clause types the category maps to (MAPPING below);
- precision of a type group: share of the clauses clausecheck typed so (in
  contracts where the category's column was filled by the annotators, i.e. all)
  that contain at least one span of the categories mapped to that group.

CUAD's text itself is never written anywhere; only figures are printed.
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
import re
import sys
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from clausecheck.errors import ClauseCheckError
from clausecheck.evaluation import DEFAULT_CORPUS
from clausecheck.pipeline import Report, analyze

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "cuad-dev"
MAPPING: dict[str, frozenset[str]] = {
    "Termination For Convenience": frozenset({"termination"}),
    "Renewal Term": frozenset({"renewal", "duration"}),
    "Notice Period To Terminate Renewal": frozenset({"renewal", "duration", "termination"}),
    "Exclusivity": frozenset({"exclusivity"}),
    "Non-Compete": frozenset({"exclusivity"}),
    "Minimum Commitment": frozenset({"exclusivity"}),
    "Volume Restriction": frozenset({"exclusivity"}),
    "Price Restrictions": frozenset({"price_revision", "price"}),
    "Most Favored Nation": frozenset({"price_revision"}),
    "Audit Rights": frozenset({"audit"}),
    "Ip Ownership Assignment": frozenset({"intellectual_property"}),
    "Joint Ip Ownership": frozenset({"intellectual_property"}),
    "Revenue/Profit Sharing": frozenset({"price", "payment", "incentives"}),
    "Cap On Liability": frozenset({"liability_insurance"}),
    "Uncapped Liability": frozenset({"liability_insurance"}),
    "Insurance": frozenset({"liability_insurance"}),
    "Governing Law": frozenset({"disputes_law"}),
    "Anti-Assignment": frozenset({"other"}),
    "Change Of Control": frozenset({"other", "termination"}),
}
_NON_WORD = re.compile(r"\W+")
PROBE_CHARS = 60


def _normalise(text: str) -> tuple[str, list[int]]:
    """Lower-case letters and digits only, and the original index of each kept character."""
    kept, index = [], []
    for i, char in enumerate(text):
        if char.isalnum():
            kept.append(char.lower())
            index.append(i)
    return "".join(kept), index


def clauses_with_categories(task: tuple[Path, dict[str, list[str]]],
                            ) -> tuple[Report | None, list[tuple[str, int]], dict[str, int]]:
    """Analyse one contract; for each labelled span located, its category and the index of the clause holding it;
    the spans not located, per category."""
    path, spans = task
    try:
        report = analyze(path)
    except ClauseCheckError:
        return None, [], {}
    norm, index = _normalise(report.document.text)
    clauses = report.clauses
    located: list[tuple[str, int]] = []
    missing: dict[str, int] = defaultdict(int)
    for category, texts in spans.items():
        for text in texts:
            probe = _normalise(text)[0][:PROBE_CHARS]
            found = norm.find(probe) if len(probe) >= 12 else -1
            inside = [i for i, c in enumerate(clauses) if found >= 0 and c.start <= index[found] < c.end]
            if inside:
                located.append((category, inside[0]))
            else:
                missing[category] += 1
    return report, located, missing


def evaluate_contract(task: tuple[Path, dict[str, list[str]]]) -> dict[str, object]:
    """Per category: located spans and hits (a span is a hit when its clause got a mapped type); per clause: its
    type and the categories it holds."""
    report, spans_at, missing = clauses_with_categories(task)
    if report is None:
        return {"file": task[0].name, "error": "unreadable"}
    types = [j.clause_type for j in report.judgements]
    holds: list[set[str]] = [set() for _ in types]
    located: dict[str, int] = defaultdict(int)
    hits: dict[str, int] = defaultdict(int)
    for category, clause in spans_at:
        holds[clause].add(category)
        located[category] += 1
        hits[category] += types[clause] in MAPPING[category]
    return {"file": task[0].name, "error": "", "located": dict(located), "missing": dict(missing), "hits": dict(hits),
            "clauses": [(t, sorted(h)) for t, h in zip(types, holds, strict=True)]}


def held_out_contracts() -> set[str]:
    """CUAD files (txt names) with clauses in the test split of ``corpus/en.jsonl``."""
    english = next(path for path in DEFAULT_CORPUS if path.stem == "en")
    records = (json.loads(line) for line in english.read_text(encoding="utf-8").splitlines() if line.strip())
    return {r["cuad"]["file"] for r in records if r.get("split") == "test"}


def in_split(pdf: Path, split: str, held_out: set[str]) -> bool:
    """Whether a contract belongs to ``split`` (all; test: contracts of the held-out corpus split; dev: the others)."""
    return split == "all" or (Path(pdf.name).with_suffix(".txt").name in held_out) == (split == "test")


def load_tasks(limit: int = 0, split: str = "all") -> list[tuple[Path, dict[str, list[str]]]]:
    """(PDF path, labelled spans per mapped category) for every contract of ``split`` (see :func:`in_split`)."""
    held_out = held_out_contracts()
    csv.field_size_limit(10**9)
    pdfs = {p.name.lower(): p for p in (DATA / "pdf").iterdir()}
    tasks = []
    with (DATA / "master_clauses.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            pdf = pdfs.get(row["Filename"].lower())
            if pdf is None or not in_split(pdf, split, held_out):
                continue
            spans = {category: [s for s in ast.literal_eval(row[category] or "[]") if s.strip()] for category in MAPPING}
            tasks.append((pdf, spans))
    return tasks[:limit] if limit else tasks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--split", choices=("all", "dev", "test"), default="all",
                        help="test: only the contracts of the held-out corpus split (never used to fit the type model)")
    args = parser.parse_args()
    if not (DATA / "master_clauses.csv").is_file():
        print(f"CUAD development split not found in {DATA}", file=sys.stderr)
        return 2
    tasks = load_tasks(args.limit, args.split)
    started = time.perf_counter()
    with ProcessPoolExecutor(args.jobs) as pool:
        results = [r for r in pool.map(evaluate_contract, tasks, chunksize=2) if not r["error"]]
    print(f"{len(results)} of {len(tasks)} contracts analysed in {time.perf_counter() - started:.0f} s")
    print(f"\n{'CUAD category':38} {'spans':>6} {'located':>8} {'recall':>7}   types counted as a hit")
    for category, mapped in MAPPING.items():
        located = sum(r["located"].get(category, 0) for r in results)  # type: ignore[union-attr]
        missing = sum(r["missing"].get(category, 0) for r in results)  # type: ignore[union-attr]
        hits = sum(r["hits"].get(category, 0) for r in results)  # type: ignore[union-attr]
        recall = f"{hits / located:.3f}" if located else "  -"
        print(f"{category:38} {located + missing:6} {located:8} {recall:>7}   {', '.join(sorted(mapped))}")
    groups: dict[str, set[str]] = defaultdict(set)
    for category, mapped in MAPPING.items():
        for clause_type in mapped:
            groups[clause_type].add(category)
    print(f"\n{'clausecheck type':24} {'predicted':>9} {'holding a mapped span':>22} {'precision':>9}")
    for clause_type, categories in sorted(groups.items()):
        predicted = right = 0
        for result in results:
            for predicted_type, held in result["clauses"]:  # type: ignore[union-attr]
                if predicted_type == clause_type:
                    predicted += 1
                    right += bool(categories & set(held))
        precision = f"{right / predicted:.3f}" if predicted else "  -"
        print(f"{clause_type:24} {predicted:9} {right:22} {precision:>9}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
