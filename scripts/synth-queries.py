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
  pair      one distinctive word and one common word of the article;
  morph     the same with one word in another inflection that the article does not have but
            other articles do (an ending taken off, added or replaced: Impfstoff / Impfstoffe);
  compound  the same with one word replaced by a part of a compound of the article that the
            article has only inside compounds (Messe / Messehalle), or by a compound that other
            articles use and this one has as two words close together (Migranten ... Booten /
            Migrantenboote).
The morph and compound queries draw from their own random stream, so the other categories are
the same with or without them.
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


ENDINGS = ["", "e", "en", "er", "es", "em", "n", "s", "t", "et", "te", "ten", "st"]
LINKS = ["", "s", "n", "en", "e", "es", "er"]


def inflect(word, lower, df, surface, rnd):
    """Another inflection of `word` that other articles use (spelt with the same initial
    case: a noun stays a noun) and this one does not."""
    w = word.lower()
    stems = {w[: len(w) - len(e)] for e in ENDINGS if e and w.endswith(e)} | {w}
    forms = set()
    for stem in stems:
        if len(stem) < 4:
            continue
        for e in ENDINGS:
            f = stem + e
            f = f.capitalize() if word[0].isupper() else f
            if f.lower() != w and f.lower() not in lower and surface[f] >= 2:
                forms.add(f)
    if not forms:
        return None
    return rnd.choice(sorted(forms))


def compound_query(words, lower, df, surface, rnd):
    """A part of one of the article's compounds that it never has alone (`Messe` from
    `Messehalle`: both parts are nouns of 4+ letters in 30+ articles, joined directly or by a
    linking element), or a compound that the article has as two neighbouring nouns and other
    articles have joined (`Migranten Booten` -> `Migrantenbooten`)."""
    noun = lambda x: len(x) >= 4 and surface[x.capitalize()] >= 30
    found = []
    for w in dict.fromkeys(words):
        lw = w.lower()
        if len(lw) < 10 or not (3 <= df[lw] <= 300) or not w[0].isupper():
            continue
        for cut in range(4, len(lw) - 3):
            head, tail = lw[:cut], lw[cut:]
            for link in LINKS:
                if not head.endswith(link):
                    continue
                base = head[: len(head) - len(link)]
                # `-innen` ends feminine plurals (`Rednerinnen`), it is no part there.
                if noun(base) and noun(tail) and tail != "innen":
                    found.extend(p for p in (base, tail) if p not in lower)
    for a, b in zip(words, words[1:] + [""]):
        if not (a[:1].isupper() and b[:1].isupper()) or len(a) < 4 or len(b) < 4:
            continue
        for link in LINKS:
            joined = a.lower() + link + b.lower()
            if joined not in lower and surface[joined.capitalize()] >= 1:
                found.append(joined)
    if not found:
        return None
    return rnd.choice(sorted(set(found))).capitalize()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("out")
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    docs, seen = [], set()
    df = collections.Counter()
    surface = collections.Counter()
    for line in gzip.open(a.corpus, "rt", encoding="utf-8"):
        d = json.loads(line)
        url = d.get("url")
        text = (d.get("header") or "") + "\n" + (d.get("article") or "")
        if not url or url in seen:
            continue
        seen.add(url)
        words = [w for w in WORD.findall(text) if w.lower() not in STOP]
        df.update({w.lower() for w in words})
        surface.update(set(words))
        docs.append((url, words))
    rnd = random.Random(a.seed)
    rnd2 = random.Random(a.seed + 1)
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
        lower = {w.lower() for w in words}
        i = rnd2.randrange(3)
        form = inflect(picked[i], lower, df, surface, rnd2)
        if form:
            emit("morph", " ".join(form if j == i else w for j, w in enumerate(picked)))
        part = compound_query(words, lower, df, surface, rnd2)
        if part:
            emit("compound", " ".join(part if j == i else w for j, w in enumerate(picked)))
    print(f"{n} articles -> {a.out}")


if __name__ == "__main__":
    main()
