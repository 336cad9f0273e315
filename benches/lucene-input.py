"""The corpus as Anserini's JsonCollection, for benches/lucene.sh.

    python3 lucene-input.py CORPUS.jsonl[.gz] OUTDIR [FILES]

One JSON object per line, {"id": url, "contents": header + "\\n" + article}, spread over FILES
files (default 4, so that Lucene's two threads both have work); a repeated url keeps its first
copy, as in ../shared/eval/PEERS.md.
"""
import gzip
import json
import os
import sys

src, out = sys.argv[1], sys.argv[2]
files = int(sys.argv[3]) if len(sys.argv) > 3 else 4
os.makedirs(out, exist_ok=True)
outs = [open(os.path.join(out, f"part{i:02d}.jsonl"), "w", encoding="utf-8") for i in range(files)]
opener = gzip.open if src.endswith(".gz") else open
seen = set()
n = 0
with opener(src, "rt", encoding="utf-8") as f:
    for line in f:
        d = json.loads(line)
        url = d["url"]
        if url in seen:
            continue
        seen.add(url)
        contents = (d.get("header") or "").strip() + "\n" + (d.get("article") or "")
        outs[n % files].write(json.dumps({"id": url, "contents": contents}, ensure_ascii=False) + "\n")
        n += 1
for o in outs:
    o.close()
print(f"{n} documents in {out}", file=sys.stderr)
