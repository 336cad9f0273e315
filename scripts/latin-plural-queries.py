#!/usr/bin/env python3
"""Known-item queries for nouns with a Latin plural (Virus / Viren, Thema / Themen).

    python3 scripts/latin-plural-queries.py CORPUS.jsonl.gz OUT.jsonl [--n 300] [--seed 7] [--pairs]

Picks articles that have one number of such a noun and not the other, and writes two queries
per article, scored by ../shared/eval/evaluate.py as usual:
  latin-other  the other number (the article has `Viren`, the query says `Virus`);
  latin-same   the number the article has.
Each with two words of the article in 3 to 300 articles (`--pairs`: with the article's
commonest word in 300 to 5,000 articles instead, as in the dev pairs).

The noun pairs come from the lexicon (crates/analysis/data/lexicon-de.tsv.gz) by the rule of
`GermanStemmer::latin_number` (crates/analysis/src/stem.rs), written again here with a simpler
folding: the script only picks query words, so where it differs from the engine a query just
tests a word the engine does not pair.
"""
import argparse
import collections
import gzip
import json
import os
import random
import re

LEXICON = os.path.join(os.path.dirname(__file__), "../crates/analysis/data/lexicon-de.tsv.gz")
WORD = re.compile(r"[^\W\d_]+")


def fold(w):
    w = w.lower().replace("ß", "ss").replace("ä", "a").replace("ö", "o").replace("ü", "u")
    w = re.sub(r"([ao])e", r"\1", w)
    return re.sub(r"(?<![qae])ue", "u", w)


def latin_singular(w, lex):
    """The singular of a Latin plural `w` (folded), or None."""
    if not w.isalpha() or not w.endswith("en"):
        return None
    n, b = lex[w], w[:-2]
    if n < 100 or len(b) < 3:
        return None
    english = b.endswith("ism") or b.endswith("thm")
    regular = [w[:-1]] + ([b] if not b.endswith("e") and len(b) >= 4 and not english else [])
    if any(lex[r] * 100 >= 5 * n for r in regular):
        return None
    if any(lex[b + e] * 100 >= 5 * n for e in ("t", "et", "te", "st")):
        return None
    if lex[b + "em"] * 100 >= n and lex[b + "er"] * 100 >= n:
        return None
    endings = ["us", "um", "a", "o", "is"] + (["on"] if b.endswith("i") else [])
    count, singular = max((lex[b + e], b + e) for e in endings)
    return singular if count >= 100 and count * 100 >= 20 * n else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("out")
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--pairs", action="store_true")
    a = ap.parse_args()
    lex = collections.Counter()
    with gzip.open(LEXICON, "rt", encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                word, count = line.rstrip("\n").split("\t")
                lex[fold(word)] += int(count)
    docs, df, surface = {}, collections.Counter(), collections.defaultdict(collections.Counter)
    with gzip.open(a.corpus, "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            words = WORD.findall((d.get("header") or "") + " " + (d.get("article") or ""))
            docs.setdefault(d.get("url"), words)
            df.update({w.lower() for w in words})
            for w in words:
                surface[fold(w)][w] += 1
    other = {}
    for f in list(surface):
        s = latin_singular(f, lex)
        if s and s in surface:
            other[f], other[s] = s, f
    rnd = random.Random(a.seed)
    urls = sorted(u for u in docs if u)
    rnd.shuffle(urls)
    out = {"latin-other": [], "latin-same": []}
    for url in urls:
        words = docs[url]
        folded = {fold(w) for w in words}
        found = sorted({w for w in words if fold(w) in other and other[fold(w)] not in folded})
        if not found:
            continue
        word = rnd.choice(found)
        typed_other = surface[other[fold(word)]].most_common(1)[0][0]
        rest = [w for w in words if fold(w) != fold(word) and len(w) >= 5]
        if a.pairs:
            common = collections.Counter(w for w in rest if 300 <= df[w.lower()] <= 5000)
            if not common:
                continue
            extra = [common.most_common(1)[0][0]]
        else:
            distinctive = sorted({w for w in rest if 3 <= df[w.lower()] <= 300})
            if len(distinctive) < 2:
                continue
            extra = rnd.sample(distinctive, 2)
        i = len(out["latin-other"])
        for category, w in (("latin-other", typed_other), ("latin-same", word)):
            query = " ".join([w] + extra)
            out[category].append({"qid": f"lat-{i}{category[6]}", "category": category,
                                  "query": query, "url": url})
        if i + 1 >= a.n:
            break
    with open(a.out, "w", encoding="utf-8") as f:
        for q in out["latin-other"] + out["latin-same"]:
            f.write(json.dumps(q, ensure_ascii=False) + "\n")
    print(f"{len(out['latin-other'])} articles, {len(other) // 2} noun pairs -> {a.out}")


if __name__ == "__main__":
    main()
