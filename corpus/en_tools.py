"""Helpers for the English annotated clause corpus (corpus/en.jsonl) and its training supplement (corpus/en_extra.jsonl).

The contract text stays out of the repository: records hold a CUAD txt file
name, character offsets (Python str indices of the utf-8 decoded file) and the
SHA-1 of the span. Run ``python corpus/en_tools.py --check`` to validate, and
``--agreement`` for the agreement of the two independent annotations.
"""
from __future__ import annotations

import hashlib
import itertools
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "en.jsonl")
EXTRA = os.path.join(HERE, "en_extra.jsonl")
"""Development spans labelled with type and effects only (``attributes: null``): training data, not the corpus."""
CUAD_TXT = os.environ.get(
    "CUAD_TXT", os.path.join(HERE, "..", "..", "shared", "data", "cuad-dev", "txt"))
if not os.path.isdir(CUAD_TXT):
    CUAD_TXT = "/work/shared/data/cuad-dev/txt"

TYPES = {"definitions", "scope", "duration", "renewal", "termination", "price", "payment",
         "price_revision", "renegotiation", "change_control", "governance", "service_levels",
         "acceptance", "penalties", "incentives", "means", "technical_requirements",
         "continuous_improvement", "variants", "exclusivity", "subcontracting",
         "intellectual_property", "confidentiality", "data_protection", "liability_insurance",
         "force_majeure", "audit", "reversibility", "disputes_law", "other"}
LABELS = {"innovation", "review", "rigid"}
DOC_KINDS = {"logistics", "facility", "it_services", "supply", "distribution", "licensing",
             "consulting", "manufacturing", "outsourcing", "marketing", "other"}
KEYS = ["id", "lang", "source", "cuad", "doc_kind", "heading", "type", "labels",
        "attributes", "split", "rationale"]
ATTR_KEYS = ["party", "modality", "strength", "spec_kind", "trigger", "procedure",
             "consequence", "unilateral", "means_result"]

_cache: dict[str, str] = {}


def read(name: str) -> str:
    if name not in _cache:
        with open(os.path.join(CUAD_TXT, name), encoding="utf-8") as fh:
            _cache[name] = fh.read()
    return _cache[name]


def sha1(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# A clause start: a number (1, 1.2, 12.3.1, optionally "Section"/"Article"
# before it) followed by a capitalised heading ending with "." or ":", at the
# start of a line or after a run of spaces (CUAD txt often joins lines).
_START = re.compile(
    r"(?:(?<=\n)|(?<=\s\s)|^)[ \t]*"
    r"(?P<num>(?:(?:Section|SECTION|Article|ARTICLE|Clause)\s+)?"
    r"(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[IVX]{1,5}\.))"
    r"[ \t]+(?P<head>[A-Z][A-Za-z0-9 ,;&'/()\-]{1,90}?)(?:[.:]|\s{2,}|\n)")


# Other boundaries (article titles, exhibits, signature blocks) end a clause.
_BOUND = re.compile(r"(?:(?<=\n)|(?<=\s\s)|^)[ \t]*(?:ARTICLE|Article|SCHEDULE|Schedule|EXHIBIT|Exhibit|"
                    r"ANNEX|Annex|APPENDIX|IN WITNESS WHEREOF|\[Signature)\b")


def segment(name: str, min_len: int = 120) -> list[dict]:
    """Cut a CUAD txt file into numbered clauses (start, end, number, heading)."""
    text = read(name)
    starts = [(m.start("num"), m) for m in _START.finditer(text)]
    bounds = sorted({s for s, _ in starts} | {m.start() for m in _BOUND.finditer(text)})
    out = []
    import bisect
    for s, m in starts:
        head = m.group("head").strip()
        if re.match(r"(Section|SECTION|Article|ARTICLE)\b", head):
            continue
        i = bisect.bisect_right(bounds, s)
        e = bounds[i] if i < len(bounds) else len(text)
        s2, e2 = trim(text, s, e)
        if e2 - s2 < min_len:
            continue
        out.append({"start": s2, "end": e2, "num": m.group("num").strip(), "heading": head})
    return out


def find_span(name: str, begin: str, end_before: str | None = None, occurrence: int = 0,
              max_len: int = 6000) -> tuple[int, int]:
    """Offsets of the span that starts at the `occurrence`-th match of regex `begin`
    and ends before the next match of regex `end_before` (or at max_len)."""
    text = read(name)
    ms = list(re.finditer(begin, text))
    m = ms[occurrence]
    s = m.start()
    e = min(len(text), s + max_len)
    if end_before:
        n = re.compile(end_before).search(text, m.end())
        if n:
            e = n.start()
    return trim(text, s, e)


def load(path: str = CORPUS) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _check_attributes(rid: str, labels: list[str], a: dict, errors: list[str]) -> None:
    if list(a.keys()) != ATTR_KEYS:
        errors.append(f"{rid}: attribute keys")
        return
    if a["party"] not in {"supplier", "buyer", "both", "none"}:
        errors.append(f"{rid}: party")
    if a["modality"] not in {"obligation", "prohibition", "permission", "none"}:
        errors.append(f"{rid}: modality")
    if a["strength"] not in {"strict", "normal", "soft"}:
        errors.append(f"{rid}: strength")
    if a["spec_kind"] not in {"means", "output", "outcome", "none"}:
        errors.append(f"{rid}: spec_kind")
    review = (a["trigger"], a["procedure"], a["consequence"])
    if "review" in labels:
        # all null: the review label came from the adjudication, which did not annotate attributes
        if review != (None, None, None) and (a["trigger"] not in {"numeric", "periodic", "event", "none"}
                                             or not isinstance(a["procedure"], bool)
                                             or not isinstance(a["consequence"], bool)):
            errors.append(f"{rid}: review attributes")
    elif review != (None, None, None):
        errors.append(f"{rid}: trigger/procedure/consequence must be null for non-review")
    if not isinstance(a["unilateral"], bool):
        errors.append(f"{rid}: unilateral")
    if a["means_result"] not in (None, "means", "result"):
        errors.append(f"{rid}: means_result")


def _check_annotators(rid: str, annotators: dict, errors: list[str]) -> None:
    """The two independent annotations behind an adjudicated record."""
    if sorted(annotators) != ["first", "second"]:
        errors.append(f"{rid}: annotators must be first and second")
        return
    for who, item in annotators.items():
        if sorted(item) != ["labels", "type"] or item["type"] not in TYPES \
                or item["labels"] != sorted(set(item["labels"])) or not set(item["labels"]) <= LABELS:
            errors.append(f"{rid}: annotators.{who}")


def check(path: str = CORPUS, extra: str | None = EXTRA) -> int:
    """Validate the corpus and its supplement together: ids unique and spans disjoint across both files.

    Corpus records carry attributes; supplement records have ``attributes: null``
    and are all in the development split.
    """
    recs = load(path)
    supplement = load(extra) if extra else []
    errors: list[str] = []
    errors += [f"{r['id']}: corpus record without attributes" for r in recs if r.get("attributes") is None]
    errors += [f"{r['id']}: supplement record must have attributes null and split dev" for r in supplement
               if r.get("attributes") is not None or r.get("split") != "dev"]
    recs = recs + supplement
    ids: set[str] = set()
    spans: dict[str, list[tuple[int, int, str]]] = {}
    file_split: dict[str, set[str]] = {}
    for r in recs:
        rid = r.get("id")
        if [k for k in r if k != "annotators"] != KEYS:
            errors.append(f"{rid}: keys {list(r.keys())}")
        if rid in ids:
            errors.append(f"{rid}: duplicate id")
        ids.add(rid)
        if r["lang"] != "en" or r["source"] != "cuad":
            errors.append(f"{rid}: lang/source")
        c = r["cuad"]
        try:
            text = read(c["file"])
        except OSError as exc:
            errors.append(f"{rid}: {exc}")
            continue
        s, e = c["start"], c["end"]
        if not (0 <= s < e <= len(text)):
            errors.append(f"{rid}: bad offsets")
            continue
        span = text[s:e]
        if span != span.strip():
            errors.append(f"{rid}: span not trimmed")
        if sha1(span) != c["sha1"]:
            errors.append(f"{rid}: sha1 mismatch")
        spans.setdefault(c["file"], []).append((s, e, rid))
        file_split.setdefault(c["file"], set()).add(r["split"])
        if r["doc_kind"] not in DOC_KINDS:
            errors.append(f"{rid}: doc_kind {r['doc_kind']}")
        if r["type"] not in TYPES:
            errors.append(f"{rid}: type {r['type']}")
        if r["labels"] != sorted(set(r["labels"])) or not set(r["labels"]) <= LABELS:
            errors.append(f"{rid}: labels {r['labels']}")
        if r["attributes"] is not None:  # null: labelled for type and effects only (the supplement)
            _check_attributes(rid, r["labels"], r["attributes"], errors)
        if "annotators" in r:
            _check_annotators(rid, r["annotators"], errors)
        if r["split"] not in {"dev", "test"}:
            errors.append(f"{rid}: split")
        if not r["rationale"]:
            errors.append(f"{rid}: empty rationale")
        if r["heading"] is not None and not isinstance(r["heading"], str):
            errors.append(f"{rid}: heading must be a string or null (null: the clause has no heading)")
    for f, lst in spans.items():
        lst.sort()
        for (_s1, e1, i1), (s2, _e2, i2) in itertools.pairwise(lst):
            if s2 < e1:
                errors.append(f"overlap {i1} {i2} in {f}")
    mixed = [f for f, s in file_split.items() if len(s) > 1]
    for e in errors:
        print("ERROR", e)
    def part(r: dict) -> str:
        return "supplement" if r["attributes"] is None else "corpus"

    contracts = Counter(kind for kind, _file in {(part(r), r["cuad"]["file"]) for r in recs})
    print(f"records: {len(recs)} ({len(recs) - len(supplement)} corpus, {len(supplement)} supplement)"
          f"  contracts: {len(spans)} ({contracts['corpus']} corpus, {contracts['supplement']} supplement)"
          f"  errors: {len(errors)}  contracts in both splits: {len(mixed)}")
    for title, cnt in [
        ("type", Counter(r["type"] for r in recs)),
        ("labels", Counter(",".join(r["labels"]) or "neutral" for r in recs)),
        ("effect", Counter(lab for r in recs for lab in (r["labels"] or ["neutral"]))),
        ("split", Counter(r["split"] for r in recs)),
        ("doc_kind", Counter(r["doc_kind"] for r in recs)),
    ]:
        print(f"-- {title}")
        for k, v in sorted(cnt.items(), key=lambda kv: -kv[1]):
            print(f"   {k:24s} {v:4d}")
    tc = Counter((part(r), r["split"], lab) for r in recs for lab in (r["labels"] or ["neutral"]))
    print("-- effect x split (corpus, then supplement)", dict(sorted(tc.items())))
    ty = Counter((r["type"], r["split"]) for r in recs)
    print("-- type x split", {t: (ty[(t, 'dev')], ty[(t, 'test')]) for t in sorted(TYPES)})
    return 1 if errors else 0


def agreement(path: str = CORPUS) -> None:
    """Agreement of the two independent annotations (records with ``annotators``), per split and label.

    F1 takes the first annotation as the reference (it is symmetric) and is
    computed by ``clausecheck.evaluation`` like the classifier's; kappa is
    Cohen's kappa of the yes/no decision for the label. Also prints how many
    records the adjudication decided and how many it changed.
    """
    from clausecheck.evaluation import macro_f1, multilabel_scores  # the project's own scorer

    recs = [r for r in load(path) if "annotators" in r]
    disputed = [r for r in recs if r["annotators"]["first"] != r["annotators"]["second"]]
    changed = [r for r in recs if r["annotators"]["first"] != {"type": r["type"], "labels": r["labels"]}]
    print(f"{len(recs)} clauses annotated twice; {len(disputed)} disagreements adjudicated, "
          f"{len(changed)} records changed from the first annotation")
    for split in ("all", "dev", "test"):
        part = [r for r in recs if split in ("all", r["split"])]
        if not part:
            continue
        n = len(part)
        first = [frozenset(r["annotators"]["first"]["labels"]) for r in part]
        second = [frozenset(r["annotators"]["second"]["labels"]) for r in part]
        same = sum(a == b for a, b in zip(first, second, strict=True))
        types = sum(r["annotators"]["first"]["type"] == r["annotators"]["second"]["type"] for r in part)
        print(f"{split}: {n} clauses  same label set {same / n:.3f}  same type {types / n:.3f}")
        scores = multilabel_scores(first, second, sorted(LABELS))
        for score in scores:
            a_n = sum(score.label in g for g in first) / n
            b_n = sum(score.label in g for g in second) / n
            observed = sum((score.label in a) == (score.label in b) for a, b in zip(first, second, strict=True)) / n
            chance = a_n * b_n + (1 - a_n) * (1 - b_n)
            kappa = (observed - chance) / (1 - chance) if chance < 1 else 1.0
            print(f"  {score.label:10s} F1 {score.f1:.3f}  kappa {kappa:.3f}  "
                  f"(first {round(a_n * n)}, second {round(b_n * n)})")
        print(f"  macro-F1 {macro_f1(scores):.3f}")


if __name__ == "__main__":
    if "--check" in sys.argv:
        sys.exit(check())
    if "--agreement" in sys.argv:
        agreement()
    if "--segment" in sys.argv:
        for c in segment(sys.argv[-1]):
            print(c["start"], c["end"], c["num"], "|", c["heading"])
