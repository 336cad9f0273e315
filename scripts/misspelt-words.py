#!/usr/bin/env python3
"""Single misspelt words: does the first hit have the word the reader meant?

    python3 scripts/misspelt-words.py CORPUS.jsonl.gz PRESSE_BIN INDEX [--n 200] [--seed 5]

Picks capitalised title words of 5-7 letters that are common in the corpus (in 100-5,000
articles, 15+ titles among the first 20,000 articles), misspells each by one edit (two
neighbouring letters swapped, one dropped, one doubled or one replaced; never into a word of
20+ articles), searches each alone (`presse search --batch --json --limit 3`) and prints the
share of searches whose first hit, and whose first three hits, have the intended word in the
title or snippet (case-insensitive substring: an inflected form of it counts only when it holds
the word, so the shares are a lower bound).
"""
import argparse, collections, gzip, json, random, re, subprocess, tempfile


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("bin")
    ap.add_argument("index")
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--seed", type=int, default=5)
    a = ap.parse_args()
    df = collections.Counter()
    titles = collections.Counter()
    with gzip.open(a.corpus, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            d = json.loads(line)
            header = d.get("header") or ""
            df.update({w.lower() for w in re.findall(r"[^\W\d_]+", header + " " + (d.get("article") or ""))})
            if i < 20000:
                titles.update(re.findall(r"\b[A-ZÄÖÜ][a-zäöüß]{4,6}\b", header))
    rng = random.Random(a.seed)
    words = sorted(w for w, c in titles.items() if c >= 15 and 100 <= df[w.lower()] <= 5000)
    rng.shuffle(words)
    pairs = []
    for w in words[: a.n]:
        op = rng.choice(["swap", "drop", "double", "sub"])
        p = rng.randrange(1, len(w) - 1)
        t = {"swap": w[:p] + w[p + 1] + w[p] + w[p + 2:], "drop": w[:p] + w[p + 1:],
             "double": w[:p] + w[p] + w[p:], "sub": w[:p] + rng.choice("aeinrst") + w[p + 1:]}[op]
        if t != w and df[t.lower()] < 20:
            pairs.append((w, t))
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write("".join(t + "\n" for _, t in pairs))
        batch = f.name
    out = subprocess.run([a.bin, "search", "--index", a.index, "--batch", batch, "--json", "--limit", "3"],
                         capture_output=True, text=True).stdout
    results = [json.loads(l) for l in out.splitlines() if l.strip()]
    has = lambda w, h: w.lower() in (h["title"] + " " + h["snippet"]["text"]).lower()
    top1 = sum(1 for (w, _), r in zip(pairs, results) if r["hits"] and has(w, r["hits"][0]))
    top3 = sum(1 for (w, _), r in zip(pairs, results) if any(has(w, h) for h in r["hits"]))
    print(f"{len(pairs)} misspelt words: first hit has the word {top1 / len(pairs):.3f}, "
          f"one of the first three {top3 / len(pairs):.3f}")


if __name__ == "__main__":
    main()
