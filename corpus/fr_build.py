"""Build corpus/fr.jsonl from the compact source files in corpus/src_fr/*.txt.

Source format (blocks separated by blank lines):
    ## <type>                      sets the clause type for the following blocks
    doc_kind | labels | attrs | heading
    text (one or more lines, joined with a space)
    > rationale
labels: letters r (rigid), v (review), i (innovation), or '-' for neutral.
attrs: 9 tokens  party modality strength spec_kind trigger procedure consequence unilateral means_result
    party S/B/2/0 = supplier/buyer/both/none; modality o/p/m/n = obligation/prohibition/permission/none;
    strength s/n/w = strict/normal/soft; spec M/O/U/- = means/output/outcome/none;
    trigger N/P/E/0/- = numeric/periodic/event/none/null; procedure, consequence, unilateral 1/0;
    means_result m/r/- = moyens/résultat/null.
split: within each type, every clause whose rank (0-based, in source order) is 1, 4, 7 mod 10 is "test".
"""
import glob
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
P = dict(S="supplier", B="buyer", **{"2": "both", "0": "none"})
M = dict(o="obligation", p="prohibition", m="permission", n="none")
ST = dict(s="strict", n="normal", w="soft")
SK = dict(M="means", O="output", U="outcome", **{"-": "none"})
TR = dict(N="numeric", P="periodic", E="event", **{"0": "none", "-": None})
MR = dict(m="moyens", r="résultat", **{"-": None})
LB = dict(r="rigid", v="review", i="innovation")


def parse():
    recs = []
    for path in sorted(glob.glob(os.path.join(HERE, "src_fr", "*.txt"))):
        typ = None
        with open(path, encoding="utf-8") as handle:
            raw = handle.read()
        for block in re.split(r"\n\s*\n", raw):
            lines = [l.rstrip() for l in block.strip().splitlines() if l.strip()]
            if not lines:
                continue
            if lines[0].startswith("## "):
                typ = lines[0][3:].strip()
                lines = lines[1:]
                if not lines:
                    continue
            head = [x.strip() for x in lines[0].split("|")]
            assert len(head) == 4, (path, lines[0])
            kind, labs, attrs, heading = head
            rat = [l[1:].strip() for l in lines[1:] if l.startswith(">")]
            text = " ".join(l.strip() for l in lines[1:] if not l.startswith(">"))
            a = attrs.split()
            assert len(a) == 9, (path, lines[0])
            labels = sorted(LB[c] for c in labs if c != "-")
            rec = {
                "lang": "fr", "source": "team", "doc_kind": kind, "heading": heading,
                "text": text, "type": typ, "labels": labels,
                "attributes": {
                    "party": P[a[0]], "modality": M[a[1]], "strength": ST[a[2]],
                    "spec_kind": SK[a[3]], "trigger": TR[a[4]],
                    "procedure": a[5] == "1", "consequence": a[6] == "1",
                    "unilateral": a[7] == "1", "means_result": MR[a[8]],
                },
                "rationale": " ".join(rat),
            }
            recs.append(rec)
    rank = {}
    out = []
    for i, r in enumerate(recs, 1):
        k = rank.get(r["type"], 0)
        rank[r["type"]] = k + 1
        r["split"] = "test" if k % 10 in (1, 4, 7) else "dev"
        r = {"id": f"fr-{i:04d}", **r}
        out.append({k2: r[k2] for k2 in ["id", "lang", "source", "doc_kind", "heading", "text", "type",
                                          "labels", "attributes", "split", "rationale"]})
    return out


if __name__ == "__main__":
    recs = parse()
    with open(os.path.join(HERE, "fr.jsonl"), "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(recs), "clauses written")
