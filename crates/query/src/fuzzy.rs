//! Typo tolerance: which index terms a misspelt query word may stand for.
//!
//! A query word whose term is rare or absent in the index ([`EXPAND_BELOW_DF`]) is expanded to
//! the terms within one edit (two for words of [`LONG_WORD_CHARS`] letters or more; a swap of
//! two neighbouring letters counts as one edit), found in two places:
//! - the index's own terms (stems), compared with the query word's stem: finds misspelt names
//!   and words of the corpus that no dictionary has;
//! - the lexicon's surface words, compared with the folded query word, then stemmed: finds a
//!   typo near a word's ending, where stemming a misspelt word goes astray
//!   (`Cybersicherhiet` is no stem away from `cybersich`, but one swap from `cybersicherheit`).
//!
//! Two edits are also accepted for shorter words (from [`PHONETIC_MIN_CHARS`] letters) when both
//! words sound alike by the Kölner Phonetik ([`crate::phonetic`]): `Lavrov` → `Lawrow`,
//! `Zelensky` → `Selenskyj`. The expansions are ranked by edit distance, then by how common they
//! are, and weighted below exact matches by the query plan.

use std::collections::HashMap;
use std::sync::OnceLock;

use levenshtein_automata::{Distance, LevenshteinAutomatonBuilder, DFA, SINK_STATE};
use presse_analysis::compound::Lexicon;
use presse_analysis::stem::GermanStemmer;
use tantivy::schema::Field;
use tantivy::Searcher;

/// Only words whose term occurs in fewer documents than this are expanded: a common word is
/// what the reader meant.
pub const EXPAND_BELOW_DF: u64 = 20;
/// Words of this many letters or more are allowed two edits.
pub const LONG_WORD_CHARS: usize = 8;
/// Words of this many letters or more may take two edits when they sound alike.
pub const PHONETIC_MIN_CHARS: usize = 5;
/// Words shorter than this are never expanded.
pub const MIN_CHARS: usize = 4;
/// At most this many expansions per word.
pub const MAX_EXPANSIONS: usize = 6;

/// A Levenshtein DFA usable on both tantivy's term dictionaries and the lexicon FST.
struct Dfa<'a>(&'a DFA);

impl tantivy_fst::Automaton for Dfa<'_> {
    type State = u32;
    fn start(&self) -> u32 {
        self.0.initial_state()
    }
    fn is_match(&self, state: &u32) -> bool {
        matches!(self.0.distance(*state), Distance::Exact(_))
    }
    fn can_match(&self, state: &u32) -> bool {
        *state != SINK_STATE
    }
    fn accept(&self, state: &u32, byte: u8) -> u32 {
        self.0.transition(*state, byte)
    }
}

impl fst::Automaton for Dfa<'_> {
    type State = u32;
    fn start(&self) -> u32 {
        self.0.initial_state()
    }
    fn is_match(&self, state: &u32) -> bool {
        matches!(self.0.distance(*state), Distance::Exact(_))
    }
    fn can_match(&self, state: &u32) -> bool {
        *state != SINK_STATE
    }
    fn accept(&self, state: &u32, byte: u8) -> u32 {
        self.0.transition(*state, byte)
    }
}

fn builder(distance: u8) -> &'static LevenshteinAutomatonBuilder {
    static ONE: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    static TWO: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    let cell = if distance == 1 { &ONE } else { &TWO };
    cell.get_or_init(|| LevenshteinAutomatonBuilder::new(distance, true))
}

fn distance_of(dfa: &DFA, text: &str) -> Option<u8> {
    match dfa.eval(text) {
        Distance::Exact(d) => Some(d),
        Distance::AtLeast(_) => None,
    }
}

/// The largest number of edits a word may take, and whether two edits need the phonetic check.
fn budget(chars: usize) -> Option<(u8, bool)> {
    if chars < MIN_CHARS {
        None
    } else if chars >= LONG_WORD_CHARS {
        Some((2, false))
    } else if chars >= PHONETIC_MIN_CHARS {
        Some((2, true))
    } else {
        Some((1, false))
    }
}

fn accept(dist: u8, phonetic_needed: bool, a: &str, b: &str) -> bool {
    dist <= 1 || !phonetic_needed || crate::phonetic::cologne(a) == crate::phonetic::cologne(b)
}

/// Document frequency of a term summed over `fields` and segments.
pub fn doc_freq(searcher: &Searcher, fields: &[Field], term: &str) -> u64 {
    let mut df = 0u64;
    for reader in searcher.segment_readers() {
        let mut segment_df = 0u64;
        for &field in fields {
            if let Ok(inv) = reader.inverted_index(field) {
                if let Ok(Some(info)) = inv.terms().get(term.as_bytes()) {
                    segment_df = segment_df.max(info.doc_freq as u64);
                }
            }
        }
        df += segment_df;
    }
    df
}

/// An expansion of a query word.
#[derive(Debug, Clone, PartialEq)]
pub struct Expansion {
    /// The index term.
    pub term: String,
    /// Edits from the query word.
    pub distance: u8,
    /// Documents with the term, summed over fields and segments (an estimate for ranking the
    /// expansions).
    pub doc_freq: u64,
}

/// The expansions of a query word with folded form `folded` and term (stem) `term`; none when
/// the term is common in the index.
pub fn expand(searcher: &Searcher, fields: &[Field], folded: &str, term: &str) -> Vec<Expansion> {
    if budget(folded.chars().count()).is_none() {
        return Vec::new();
    }
    if doc_freq(searcher, fields, term) >= EXPAND_BELOW_DF {
        return Vec::new();
    }
    expand_within(searcher, fields, folded, term, None)
}

/// The expansions within `distance` edits (1 or 2) whatever the term's frequency (`wort~2`).
pub fn expand_forced(
    searcher: &Searcher,
    fields: &[Field],
    folded: &str,
    term: &str,
    distance: u8,
) -> Vec<Expansion> {
    expand_within(searcher, fields, folded, term, Some(distance.clamp(1, 2)))
}

fn expand_within(
    searcher: &Searcher,
    fields: &[Field],
    folded: &str,
    term: &str,
    forced: Option<u8>,
) -> Vec<Expansion> {
    // The edit budget goes by the length of what is compared: the stem for index terms (a
    // short stem of a long word, `turbin` of `Turbinen`, gets the short word's budget), the
    // folded word for the lexicon.
    let budget_of = |text: &str| match forced {
        Some(d) => Some((d, false)),
        None => budget(text.chars().count()),
    };
    let mut found: HashMap<String, (u8, u64)> = HashMap::new();
    // The index's terms, against the query word's stem.
    if let Some((max_dist, phonetic)) = budget_of(term) {
        let dfa = builder(max_dist).build_dfa(term);
        for reader in searcher.segment_readers() {
            for &field in fields {
                let Ok(inv) = reader.inverted_index(field) else { continue };
                let Ok(mut stream) = inv.terms().search(Dfa(&dfa)).into_stream() else { continue };
                while stream.advance() {
                    let Ok(candidate) = std::str::from_utf8(stream.key()) else { continue };
                    if candidate == term {
                        continue;
                    }
                    let Some(dist) = distance_of(&dfa, candidate) else { continue };
                    if !accept(dist, phonetic, candidate, term) {
                        continue;
                    }
                    let df = stream.value().doc_freq as u64;
                    let e = found.entry(candidate.to_string()).or_insert((dist, 0));
                    e.1 += df;
                }
            }
        }
    }
    // The lexicon's words, against the folded query word.
    let stemmer = GermanStemmer::default();
    let Some((max_dist, phonetic)) = budget_of(folded) else { return Vec::new() };
    let dfa = builder(max_dist).build_dfa(folded);
    let lexicon = Lexicon::german().fst();
    let mut stream = fst::IntoStreamer::into_stream(lexicon.search(Dfa(&dfa)));
    let mut lexicon_terms: Vec<(String, u8)> = Vec::new();
    while let Some((key, _)) = fst::Streamer::next(&mut stream) {
        let Ok(word) = std::str::from_utf8(key) else { continue };
        if word == folded {
            continue;
        }
        let Some(dist) = distance_of(&dfa, word) else { continue };
        if !accept(dist, phonetic, word, folded) {
            continue;
        }
        let stem = stemmer.stem(word);
        if stem != term && !found.contains_key(&stem) {
            lexicon_terms.push((stem, dist));
        }
    }
    for (stem, dist) in lexicon_terms {
        let df = doc_freq(searcher, fields, &stem);
        if df > 0 {
            let e = found.entry(stem).or_insert((dist, df));
            e.0 = e.0.min(dist);
        }
    }
    let mut expansions: Vec<Expansion> = found
        .into_iter()
        .filter(|(_, (_, df))| *df > 0)
        .map(|(term, (distance, doc_freq))| Expansion { term, distance, doc_freq })
        .collect();
    expansions.sort_by(|a, b| {
        a.distance.cmp(&b.distance).then(b.doc_freq.cmp(&a.doc_freq)).then(a.term.cmp(&b.term))
    });
    expansions.truncate(MAX_EXPANSIONS);
    expansions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budgets() {
        assert_eq!(budget(3), None);
        assert_eq!(budget(4), Some((1, false)));
        assert_eq!(budget(6), Some((2, true)));
        assert_eq!(budget(12), Some((2, false)));
    }

    #[test]
    fn transposition_is_one_edit() {
        let dfa = builder(2).build_dfa("cybersicherheit");
        assert_eq!(distance_of(&dfa, "cybersicherhiet"), Some(1));
        assert_eq!(distance_of(&dfa, "cyber"), None);
    }

    #[test]
    fn two_edits_for_short_words_only_when_alike() {
        assert!(accept(2, true, "lavrov", "lawrow"));
        assert!(!accept(2, true, "lawine", "lawrow"));
        assert!(accept(1, true, "lawrou", "lawrow"));
        assert!(accept(2, false, "maiverordnug", "maiverordn"));
    }
}
