//! Builds the compound-splitting lexicon into an FST at compile time.
//!
//! The source is `data/lexicon-de.tsv.gz` (see `scripts/build-lexicon.py` at the workspace root):
//! `word<TAB>count` lines. Each word is folded with the very function the analyser uses
//! (`src/fold.rs`, compiled in here), the counts of words that fold alike are added up, and the
//! result is written as an `fst::Map` from folded word to count that the crate embeds.
//!
//! Each word is also stemmed with Snowball as the analyser runs it (`src/snowball.rs`, compiled
//! in here too), and the counts of the words with one stem are added up into the stem's
//! *family* count, written as a second map, from stem to family count.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::{env, fs, path::PathBuf};

#[allow(dead_code)]
#[path = "src/fold.rs"]
mod fold;

#[allow(dead_code)]
#[path = "src/snowball.rs"]
mod snowball;

fn main() {
    let src = "data/lexicon-de.tsv.gz";
    println!("cargo:rerun-if-changed={src}");
    println!("cargo:rerun-if-changed=src/fold.rs");
    println!("cargo:rerun-if-changed=src/snowball.rs");
    let file = fs::File::open(src).expect("data/lexicon-de.tsv.gz is part of the crate");
    let reader = BufReader::new(flate2::read::GzDecoder::new(file));
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    let mut folded = String::new();
    let mut offsets = Vec::new();
    for line in reader.lines() {
        let line = line.expect("lexicon is valid gzip and UTF-8");
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let (word, count) = line.split_once('\t').expect("lexicon lines are word<TAB>count");
        let count: u64 = count.parse().expect("lexicon counts are integers");
        fold::fold_word(word, &mut folded, &mut offsets);
        *counts.entry(folded.clone()).or_default() += count;
    }
    let stemmer = snowball::Snowball::default();
    let mut families: BTreeMap<String, u64> = BTreeMap::new();
    for (word, &count) in &counts {
        *families.entry(stemmer.stem(word)).or_default() += count;
    }
    let dir = PathBuf::from(env::var("OUT_DIR").unwrap());
    let mut builder =
        fst::MapBuilder::new(fs::File::create(dir.join("lexicon.fst")).unwrap()).unwrap();
    for (word, count) in counts {
        builder.insert(word, count).unwrap();
    }
    builder.finish().unwrap();
    let mut builder =
        fst::MapBuilder::new(fs::File::create(dir.join("lexicon-stems.fst")).unwrap()).unwrap();
    for (stem, family) in families {
        builder.insert(stem, family).unwrap();
    }
    builder.finish().unwrap();
}
