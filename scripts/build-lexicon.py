#!/usr/bin/env python3
"""Build presse's German word-frequency lexicon from the `wordfreq` package.

    pip install wordfreq==3.1.1
    python3 scripts/build-lexicon.py > crates/analysis/data/lexicon-de.tsv && gzip -n -9 -f crates/analysis/data/lexicon-de.tsv

Source: wordfreq 3.1.1 (Robyn Speer et al.), German "large" list. Its data is distributed under
CC-BY-SA 4.0, and so is the file this script writes (see crates/analysis/data/LICENSE-lexicon.md).
Output: one `word<TAB>count` line per lower-case, letters-only German word (a-z, äöüß) of two or more
letters, where count is the word's frequency per billion words, rounded, sorted by word. The output is
deterministic for a given wordfreq version; the analysis crate's build script folds and indexes it.
"""
import importlib.metadata
import re
import sys

import wordfreq

WORD = re.compile(r"^[a-zäöüß]{2,}$")


def main() -> None:
    freqs = wordfreq.get_frequency_dict("de", wordlist="large")
    rows = []
    for word, freq in freqs.items():
        if not WORD.match(word):
            continue
        count = round(freq * 1e9)
        if count > 0:
            rows.append((word, count))
    rows.sort()
    out = sys.stdout
    version = importlib.metadata.version("wordfreq")
    out.write(f"# wordfreq {version} de large; CC-BY-SA 4.0\n")
    for word, count in rows:
        out.write(f"{word}\t{count}\n")


if __name__ == "__main__":
    main()
