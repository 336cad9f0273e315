#!/usr/bin/env python3
"""Synthetic known-item queries from the corpus: a larger, seeded check that a ranking change is
not tuned to the 60 dev queries alone.

    python3 scripts/synth-queries.py CORPUS.jsonl.gz OUT.jsonl [--n 300] [--seed 7]

For each of N sampled articles (distinct urls) it writes queries in the format of
../shared/eval/queries-dev.jsonl ({"qid", "category", "query", "url"}), built the way the dev
queries are described:
  exact     3 distinctive words of the article, as printed;
  typo      the same with one letter of the longest word swapped, dropped or doubled;
  spelling  the same with ä ö ü ß written ae oe ue ss (only articles with such a word);
  pair      one distinctive word and one common word of the article.
Distinctive: in 3 to 300 articles; common: in 300 to 5,000. Words are letters only, 4+ long,
not stop words. Score a run with ../shared/eval/evaluate.py as usual.
"""
import argparse
import collections
import gzip
import json
import random
import re

STOP = set(
    """aber alle allem allen aller alles als also am an ander andere anderem anderen anderer
    anderes anderm andern anders auch auf aus bei bin bis bist da damit dann das dass dasselbe
    dazu dein deine dem den denn der des dessen deshalb die dies diese diesem diesen dieser
    dieses doch dort du durch ein eine einem einen einer eines einig einige er es etwas euer
    für gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich ihm ihn ihnen ihr
    ihre im in indem ins ist jede jedem jeden jeder jedes jene jenem jenen jener jenes jetzt
    kann kein keine können könnte machen man manche mein meine mit muss musste nach nicht
    nichts noch nun nur ob oder ohne sehr sein seine selbst sich sie sind so solche soll sollte
    sondern sonst über um und uns unter viel vom von vor während war waren warst was weg weil
    weiter welche wenn werde werden wie wieder will wir wird wirst wo wollen wollte würde würden
    zu zum zur zwar zwischen sagte sagt heute wurde worden schon mehr sowie""".split()
)
WORD = re.compile(r"[^\W\d_]{4,}")
UMLAUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def typo(word, rnd):
    i = rnd.randrange(1, len(word) - 2)
    kind = rnd.choice(["swap", "drop", "double"])
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("out")
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    docs, seen = [], set()
    df = collections.Counter()
    for line in gzip.open(a.corpus, "rt", encoding="utf-8"):
        d = json.loads(line)
        url = d.get("url")
        text = (d.get("header") or "") + "\n" + (d.get("article") or "")
        if not url or url in seen:
            continue
        seen.add(url)
        words = [w for w in WORD.findall(text) if w.lower() not in STOP]
        df.update({w.lower() for w in words})
        docs.append((url, words))
    rnd = random.Random(a.seed)
    out = open(a.out, "w", encoding="utf-8")
    n = 0
    for url, words in rnd.sample(docs, a.n):
        distinct = list(dict.fromkeys(words))
        rare = [w for w in distinct if 3 <= df[w.lower()] <= 300]
        common = [w for w in distinct if 300 < df[w.lower()] <= 5000]
        if len(rare) < 3 or not common:
            continue
        n += 1
        picked = rnd.sample(rare, 3)
        qid = f"syn-{n:04d}"
        emit = lambda cat, q: out.write(
            json.dumps({"qid": f"{qid}{cat[0]}", "category": cat, "query": q, "url": url},
                       ensure_ascii=False) + "\n")
        emit("exact", " ".join(picked))
        longest = max(picked, key=len)
        if len(longest) >= 6:
            emit("typo", " ".join(typo(w, rnd) if w == longest else w for w in picked))
        folded = [w.translate(UMLAUT) for w in picked]
        if folded != picked:
            emit("spelling", " ".join(folded))
        emit("pair", f"{rnd.choice(rare)} {rnd.choice(common)}")
    print(f"{n} articles -> {a.out}")


if __name__ == "__main__":
    main()
