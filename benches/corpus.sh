#!/usr/bin/env bash
# Corpus-scale benchmark of presse, with a plain-tantivy baseline measured in the same run.
#   benches/corpus.sh            the corpus (1x), the corpus as a directory of JSON files (full
#                                index, unchanged re-run, re-run with 100 files added) and a 10x
#                                copy (distinct urls)
#   benches/corpus.sh --quick    the corpus (1x) only
#   benches/corpus.sh --lucene   also Lucene on the corpus, in the same run (benches/lucene.sh;
#                                sets itself up from PyPI the first time, kept in
#                                $PRESSE_LUCENE_DIR, default /tmp/presse-lucene)
# Needs ../shared (the FANG-COVID corpus and the eval queries). Prints, for each corpus size:
# wall time, articles/s, MB/s of text, peak RSS and index size for presse and the baseline, the
# presse/baseline time ratio, and in-process query latency (p50/p95/p99, with snippets) over the
# dev queries, beside plain tantivy's over the baseline index. Absolute times on shared
# machines are noisy: read the ratios.
set -euo pipefail
quick=false lucene=false
for arg in "$@"; do
  case $arg in
    --quick) quick=true ;;
    --lucene) lucene=true ;;
    *) echo "corpus.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${PRESSE_SHARED:-$root/../shared}
corpus=$shared/corpus/fang-covid.jsonl.gz
work=${PRESSE_BENCH_DIR:-/tmp/presse-bench}
[ -f "$corpus" ] || { echo "corpus.sh: no corpus at $corpus" >&2; exit 2; }
cd "$root"
cargo build --release --quiet -p presse -p presse-benches
bin=$root/target/release
rm -rf "$work" && mkdir -p "$work"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB"

measure() { # name, command...: prints "wall_s peak_kib"
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/$name.time" "$@" >"$work/$name.log" 2>&1
  cat "$work/$name.time"
}

run_size() { # label, input file, articles
  local label=$1 input=$2
  local mb; mb=$(python3 -c "import gzip,json,sys
n=b=0
f=gzip.open(sys.argv[1],'rt') if sys.argv[1].endswith('.gz') else open(sys.argv[1])
for l in f:
    d=json.loads(l); n+=1; b+=len((d.get('header') or '').encode())+len((d.get('article') or '').encode())
print(n, b/1e6)" "$input")
  local n=${mb% *} text_mb=${mb#* }
  read -r p_wall p_rss < <(measure "presse-$label" "$bin/presse" index "$input" --index "$work/presse-$label" --quiet)
  read -r b_wall b_rss < <(measure "baseline-$label" "$bin/baseline-index" "$input" "$work/baseline-$label")
  local p_size b_size
  p_size=$(du -sm "$work/presse-$label" | cut -f1); b_size=$(du -sm "$work/baseline-$label" | cut -f1)
  python3 - "$label" "$n" "$text_mb" "$p_wall" "$p_rss" "$p_size" "$b_wall" "$b_rss" "$b_size" <<'PY'
import sys
label, n, mb, pw, pr, ps, bw, br, bs = sys.argv[1:]
n, mb, pw, bw = int(n), float(mb), float(pw), float(bw)
print(f"[{label}] {n} articles, {mb:.0f} MB of text")
print(f"  presse:   {pw:6.1f} s  {n/pw:8.0f} articles/s  {mb/pw:6.1f} MB/s  peak RSS {int(pr)/1024:6.0f} MiB  index {ps} MB")
print(f"  baseline: {bw:6.1f} s  {n/bw:8.0f} articles/s  {mb/bw:6.1f} MB/s  peak RSS {int(br)/1024:6.0f} MiB  index {bs} MB")
print(f"  presse / baseline wall time: {pw/bw:.2f}")
PY
  echo "$p_wall" > "$work/presse-$label.wall"
}

run_size 1x "$corpus"
if $lucene; then
  "$root/benches/lucene.sh" "$corpus" "${PRESSE_LUCENE_DIR:-/tmp/presse-lucene}" 3 | tee "$work/lucene.log" | sed 's/^/  /'
  python3 -c "import sys; p=float(open(sys.argv[1]).read()); l=float(open(sys.argv[2]).read().split()[-2]); print(f'  presse / Lucene wall time: {p/l:.2f} (Lucene / presse: {l/p:.2f})')" "$work/presse-1x.wall" <(tail -1 "$work/lucene.log")
fi
echo "  query latency (in process, with snippets):"
for set in queries-dev pairs-dev; do
  printf '    %-12s ' "$set"; "$bin/query-latency" "$work/presse-1x" "$shared/eval/$set.jsonl" 5 | tee "$work/latency-$set.txt"
done
# The machine's speed of the hour: plain tantivy (BM25 over title and body, best 10, stored
# documents read) over the same queries, on the baseline index.
printf '    %-12s ' "baseline"; "$bin/baseline-latency" "$work/baseline-1x" "$shared/eval/queries-dev.jsonl" 5 | tee "$work/latency-baseline.txt"
python3 -c "import re,sys; p50=lambda f, k: float(re.search(k + r' ([0-9.]+)', open(f).read()).group(1)); a, b = sys.argv[1:]; print(f'    presse / baseline p50 (dev queries): {p50(a, \": p50\")/p50(b, \": p50\"):.1f}, best p50 {p50(a, \"best p50\")/p50(b, \"best p50\"):.1f}')" "$work/latency-queries-dev.txt" "$work/latency-baseline.txt"
printf '    end to end, one process per query: '
python3 - "$bin/presse" "$work/presse-1x" "$shared/eval/queries-dev.jsonl" <<'PY'
import json, subprocess, sys, time
binary, index, qfile = sys.argv[1:]
qs = [json.loads(l)["query"] for l in open(qfile) if l.strip()][:20]
times = []
for q in qs:
    t = time.perf_counter()
    subprocess.run([binary, "search", q, "--index", index, "--json"], capture_output=True)
    times.append((time.perf_counter() - t) * 1000)
times.sort()
print(f"p50 {times[len(times)//2]:.1f} ms over {len(qs)} queries")
PY
if ! $quick; then
  # A directory of one JSON file per article (the upstream layout): a full index, a re-run on
  # the unchanged directory (incremental: nothing to read), and a re-run after adding 100 files.
  python3 "$shared/corpus/explode.py" "$work/dir" --format json >/dev/null
  files=$(find "$work/dir" -type f | wc -l)
  read -r d_wall d_rss < <(measure presse-dir "$bin/presse" index "$work/dir" --index "$work/presse-dir" --quiet)
  read -r n_wall n_rss < <(measure presse-dir-noop "$bin/presse" index "$work/dir" --index "$work/presse-dir" --quiet)
  articles() { "$bin/presse" stats --index "$work/presse-dir" --json | python3 -c "import json,sys; print(json.load(sys.stdin)['articles'])"; }
  before=$(articles)
  python3 - "$corpus" "$work/dir/added" <<'PY'
import gzip, json, os, sys
os.makedirs(sys.argv[2])
with gzip.open(sys.argv[1], "rt", encoding="utf-8") as f:
    for i, line in zip(range(100), f):
        r = json.loads(line)
        r["url"] += "#added"
        with open(os.path.join(sys.argv[2], f"{i}.json"), "w", encoding="utf-8") as out:
            json.dump(r, out, ensure_ascii=False)
PY
  read -r a_wall a_rss < <(measure presse-dir-add "$bin/presse" index "$work/dir" --index "$work/presse-dir" --quiet)
  after=$(articles)
  echo "[directory] $files files (explode.py --format json)"
  echo "  full index:             ${d_wall} s, peak RSS $((d_rss / 1024)) MiB"
  echo "  re-run, unchanged:      ${n_wall} s, peak RSS $((n_rss / 1024)) MiB"
  echo "  re-run, 100 files added: ${a_wall} s, peak RSS $((a_rss / 1024)) MiB ($before -> $after articles)"
  [ "$((after - before))" -eq 100 ] || { echo "corpus.sh: 100 files added $((after - before)) articles" >&2; exit 1; }
  rm -rf "$work/dir" "$work/presse-dir"

  python3 "$shared/corpus/explode.py" "$work/x10" --format jsonl --copies 10 >/dev/null
  run_size 10x "$work/x10/corpus.jsonl"
  python3 -c "import sys; a=float(open(sys.argv[1]).read()); b=float(open(sys.argv[2]).read()); print(f'10x / 1x presse wall time: {b/a:.2f}')" "$work/presse-1x.wall" "$work/presse-10x.wall"
  rm -rf "$work/x10"
fi
