#!/usr/bin/env python3
"""Check the ae/oe/ue folding rule of presse on a corpus vocabulary.

    python3 scripts/check-digraphs.py ../shared/corpus/fang-covid.jsonl.gz

Re-implements the digraph step of crates/analysis/src/fold.rs (ae, oe → a, o; ue → u unless
after q, a or e) and lists the words of the corpus that the rule merges with a *different*
corpus word (one that is not its umlaut spelling): the cost of the rule. Words are lower-cased;
words with ä/ö/ü/ß are folded first, as the analyser does.
"""
import collections
import gzip
import json
import re
import sys

WORD = re.compile(r"[a-zäöüß]+")


def fold(w: str) -> str:
    w = w.replace("ß", "ss").replace("ä", "a").replace("ö", "o").replace("ü", "u")
    out = []
    i = 0
    while i < len(w):
        c = w[i]
        out.append(c)
        if i + 1 < len(w) and w[i + 1] == "e":
            prev = w[i - 1] if i > 0 else ""
            if c in "ao" or (c == "u" and prev not in ("q", "a", "e")):
                i += 2
                continue
        i += 1
    return "".join(out)


def umlaut_spelling(w: str) -> str:
    """The spelling without a keyboard: ä → ae, ö → oe, ü → ue, ß → ss."""
    return w.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")


def main() -> None:
    counts = collections.Counter()
    with gzip.open(sys.argv[1], "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            counts.update(WORD.findall(((d.get("header") or "") + " " + (d.get("article") or "")).lower()))
    groups = collections.defaultdict(list)
    for w, n in counts.items():
        groups[fold(w)].append((n, w))
    simple = lambda w: w.replace("ß", "ss").replace("ä", "a").replace("ö", "o").replace("ü", "u")
    # Words where the digraph step fired, and the other corpus words they now meet that are not
    # their umlaut spelling (Mueller meets Müller: wanted; Poet meets Pot: a conflation).
    fired = [(n, w) for w, n in counts.items() if fold(w) != simple(w)]
    conflations = []
    for n, w in fired:
        others = [(m, v) for m, v in groups[fold(w)] if v != w and umlaut_spelling(v) != w and umlaut_spelling(w) != umlaut_spelling(v)]
        if others:
            conflations.append((min(n, max(m for m, _ in others)), w, sorted(others, reverse=True)[:3]))
    conflations.sort(reverse=True)
    wanted = sum(1 for n, w in fired if any(umlaut_spelling(v) == w for _, v in groups[fold(w)] if v != w))
    print(f"{len(counts)} distinct words; the digraph step fires on {len(fired)} of them")
    print(f"{wanted} of those meet their umlaut spelling in the corpus (Mueller/Müller: the purpose)")
    print(f"{len(conflations)} meet a different word; the most frequent (min of the two counts first):")
    for weight, w, others in conflations[:20]:
        print(f"  {w} ({counts[w]}) ~ " + ", ".join(f"{v} ({m})" for m, v in others))


if __name__ == "__main__":
    main()
