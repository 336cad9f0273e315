//! Typo tolerance: which index terms a misspelt query word may stand for.
//!
//! A query word whose term is rare or absent in the index ([`EXPAND_BELOW_DF`]) is expanded to
//! the more common terms within one edit (two for words of [`LONG_WORD_CHARS`] letters or more; a swap of
//! two neighbouring letters counts as one edit), found in two places:
//! - the index's own terms (stems), compared with the query word's stem: finds misspelt names
//!   and words of the corpus that no dictionary has (only the largest field's dictionary is
//!   walked, the body's);
//! - the lexicon's surface words, compared with the folded query word, then stemmed, for words
//!   the lexicon does not know: finds a typo near a word's ending, where stemming a misspelt
//!   word goes astray (`Cybersicherhiet` is no stem away from `cybersich`, but one swap from
//!   `cybersicherheit`).
//!
//! A common term is what the reader meant and is not expanded, unless the typed word is no
//! lexicon word and only its stem is common (`Guteres` stems to `gut`; it stands for `Guterres`).
//!
//! Two edits are searched only when one edit finds no term more common than the query word's
//! (a misspelt word is rarely two edits from the intended one when one edit already reaches a
//! common word). A long word the index holds is spelt as some article spells it: its two edits
//! must sound alike, and are searched only when it is in at most [`MINORITY_SPELLING_DF`]
//! articles (a minority spelling of a name; then also when one edit found a more common
//! spelling), which keeps the costliest dictionary walks out of most searches.
//!
//! Candidates begin with a letter that sounds like the query word's first letter
//! ([`FirstLetter`]); a word no article has that finds nothing that way is searched within one
//! edit anywhere, for a typo in its first letter (`ockdown`).
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
use presse_analysis::stopwords::is_stop_term;
use presse_analysis::Vocabulary;
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
/// A long word in at most this many documents may be a minority spelling of a name, and its
/// sound-alikes within two edits are searched (`Medvedev`, in one article, for `Medwedew`);
/// a long word in more documents gets one edit only.
pub const MINORITY_SPELLING_DF: u64 = 5;
/// At most this many expansions per word.
pub const MAX_EXPANSIONS: usize = 6;

/// A Levenshtein DFA restricted to strings whose first letter sounds like the query's (the
/// same Kölner Phonetik class: `z`/`s`, `v`/`w`/`f`, `c`/`k`/`g`/`q` …), and for two-edit walks
/// of short words, which look for sound-alikes only, the second letter too (vowels are one
/// class). Typos rarely hit the first letter, transliterations change the first letters only
/// within their class (`Lavrov`/`Lawrow`, `Zelensky`/`Selenskyj`), and the restriction makes
/// the search of a large dictionary many times faster.
struct FirstLetter<'a> {
    dfa: &'a DFA,
    /// The bytes allowed at each of the first positions.
    allowed: Vec<[bool; 256]>,
}

impl<'a> FirstLetter<'a> {
    /// No restriction: every string within the DFA's edits.
    fn anywhere(dfa: &'a DFA) -> Self {
        FirstLetter { dfa, allowed: Vec::new() }
    }

    /// Restricts the first `letters` letters of `word` to their sound classes (beyond the
    /// first, only as long as the letters are ASCII: a byte is a letter).
    fn new(dfa: &'a DFA, word: &str, letters: usize) -> Self {
        let mut allowed = Vec::new();
        for (i, c) in word.chars().take(letters).enumerate() {
            if i > 0 && !c.is_ascii() {
                break;
            }
            allowed.push(sound_class(c));
            if !c.is_ascii() {
                // The automaton counts bytes: after a multi-byte letter, no more positions.
                break;
            }
        }
        FirstLetter { dfa, allowed }
    }

    fn step(&self, state: &(u8, u32), byte: u8) -> (u8, u32) {
        let (pos, s) = *state;
        if let Some(allowed) = self.allowed.get(usize::from(pos)) {
            if !allowed[usize::from(byte)] {
                return (pos + 1, SINK_STATE);
            }
        }
        let from = if pos == 0 { self.dfa.initial_state() } else { s };
        let restricted = self.allowed.len().max(1) as u8;
        (pos.saturating_add(1).min(restricted), self.dfa.transition(from, byte))
    }
}

/// The bytes that begin a letter of `c`'s Kölner Phonetik class (`c` itself always).
fn sound_class(c: char) -> [bool; 256] {
    // The codes of `a`–`z`, worked out once (a walk builds this for every search).
    static LETTERS: OnceLock<Vec<String>> = OnceLock::new();
    let letters = LETTERS.get_or_init(|| {
        (b'a'..=b'z').map(|b| crate::phonetic::cologne(&(b as char).to_string())).collect()
    });
    let mut allowed = [false; 256];
    let class = crate::phonetic::cologne(&c.to_string());
    for (b, code) in (b'a'..=b'z').zip(letters) {
        if !class.is_empty() && *code == class {
            allowed[b as usize] = true;
        }
    }
    let mut buf = [0u8; 4];
    allowed[c.encode_utf8(&mut buf).as_bytes()[0] as usize] = true;
    allowed
}

/// The same automaton for tantivy's term dictionaries and for the lexicon: two FST crates with
/// twin `Automaton` traits.
macro_rules! first_letter_automaton {
    ($($trait:path),+) => {$(
        impl $trait for FirstLetter<'_> {
            /// (bytes read, up to the restricted ones; DFA state once a byte is read)
            type State = (u8, u32);
            fn start(&self) -> (u8, u32) {
                (0, 0)
            }
            fn is_match(&self, state: &(u8, u32)) -> bool {
                state.0 > 0 && matches!(self.dfa.distance(state.1), Distance::Exact(_))
            }
            fn can_match(&self, state: &(u8, u32)) -> bool {
                state.0 == 0 || state.1 != SINK_STATE
            }
            fn accept(&self, state: &(u8, u32), byte: u8) -> (u8, u32) {
                self.step(state, byte)
            }
        }
    )+};
}

first_letter_automaton!(tantivy_fst::Automaton, fst::Automaton);

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

/// The edit budget of `text`: [`budget`] by its length, or the edits a `~N` query asked for.
fn budget_for(text: &str, forced: Option<u8>) -> Option<(u8, bool)> {
    match forced {
        Some(d) => Some((d, false)),
        None => budget(text.chars().count()),
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

/// The field of `fields` with the most terms in the largest segment, as a one-field list.
fn largest_dictionary(searcher: &Searcher, fields: &[Field]) -> Vec<Field> {
    let Some(reader) = searcher.segment_readers().iter().max_by_key(|r| r.num_docs()) else {
        return fields.to_vec();
    };
    fields
        .iter()
        .copied()
        .max_by_key(|&f| reader.inverted_index(f).map(|inv| inv.terms().num_terms()).unwrap_or(0))
        .map_or_else(|| fields.to_vec(), |f| vec![f])
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
///
/// `vocabulary`, the index's vocabulary if it has one whose segments the searcher still has,
/// stands in for the body dictionaries of the segments it covers: the same terms and document
/// frequencies, walked once.
pub fn expand(
    searcher: &Searcher,
    vocabulary: Option<&Vocabulary>,
    fields: &[Field],
    folded: &str,
    term: &str,
) -> Vec<Expansion> {
    let Some(df) = expansion_floor(searcher, fields, folded, term) else {
        return Vec::new();
    };
    let dictionaries = Dictionaries { searcher, vocabulary };
    let mut expansions = expand_within(dictionaries, fields, folded, term, None, df);
    expansions.retain(|e| e.doc_freq > df);
    expansions
}

/// Whether [`expand`] searches the dictionaries for a word: `None` when it does not (the word
/// is too short, or common), else the document frequency an expansion must exceed.
pub fn expansion_floor(
    searcher: &Searcher,
    fields: &[Field],
    folded: &str,
    term: &str,
) -> Option<u64> {
    budget(folded.chars().count())?;
    // Compounds that hold the word count too: a word used mostly as a part (`Turbine`, alone
    // in few articles, in many `Gasturbinen`) is no misspelling.
    let df = doc_freq(searcher, fields, term)
        + doc_freq(searcher, fields, &presse_analysis::part_term(term));
    if df < EXPAND_BELOW_DF {
        // A misspelling is rarer than the word it misspells: only more common terms are what
        // the reader may have meant (`Drosten`, in the index, is not a typo of `droht`).
        return Some(df);
    }
    // A common stem is what the reader meant, unless the typed word is no German word at all
    // and only its stem collides with a common one (`Guteres` → `gut`, for `Guterres`).
    (folded != term && Lexicon::german().count(folded) == 0).then_some(0)
}

/// The expansions within `distance` edits (1 or 2) whatever the term's frequency (`wort~2`).
pub fn expand_forced(
    searcher: &Searcher,
    vocabulary: Option<&Vocabulary>,
    fields: &[Field],
    folded: &str,
    term: &str,
    distance: u8,
) -> Vec<Expansion> {
    let dictionaries = Dictionaries { searcher, vocabulary };
    expand_within(dictionaries, fields, folded, term, Some(distance.clamp(1, 2)), 0)
}

/// Where the index's terms are looked up: the segments, and the vocabulary if there is one.
#[derive(Clone, Copy)]
struct Dictionaries<'a> {
    searcher: &'a Searcher,
    vocabulary: Option<&'a Vocabulary>,
}

fn expand_within(
    dictionaries: Dictionaries<'_>,
    fields: &[Field],
    folded: &str,
    term: &str,
    forced: Option<u8>,
    more_common_than: u64,
) -> Vec<Expansion> {
    let searcher = dictionaries.searcher;
    // The edit budget goes by the length of what is compared: the stem for index terms (a
    // short stem of a long word, `turbin` of `Turbinen`, gets the short word's budget), the
    // folded word for the lexicon.
    let mut found: HashMap<String, (u8, u64)> = HashMap::new();
    // The index's terms, against the query word's stem. Walking a term dictionary is the costly
    // part, so only the largest field's is walked (the body's: nearly every word of a title or
    // lead is in some body too); document frequencies then cover every field.
    let walked = largest_dictionary(searcher, fields);
    if let Some((max_dist, phonetic)) = budget_for(term, forced) {
        // The walks, as (edits, whether two-edit candidates must sound alike): one edit first;
        // two only when one finds nothing more common than the word (walking a dictionary
        // within two edits is the costliest step of a search).
        let mut walks = vec![(max_dist, phonetic)];
        if max_dist == 2 && forced.is_none() {
            // A long word the index holds is spelt as some article spells it: its two edits
            // must sound alike (`Medvedev`, in one article, for `Medwedew`, in seventeen), and
            // only a spelling of a few articles takes them; that walk is cheap (the first three
            // letters keep their sound classes) and stays away from other words. Shorter words
            // only ever take two sound-alike edits (`Lavrov` for `Lawrow`).
            let held = more_common_than > 0;
            walks = if held && !phonetic && more_common_than > MINORITY_SPELLING_DF {
                vec![(1, false)]
            } else {
                vec![(1, phonetic), (2, phonetic || held)]
            };
        }
        // A minority spelling of a long name takes its sound-alikes even when one edit found
        // a more common spelling: `Zelensky` (2 articles) finds `Selensky` (3) at one edit and
        // `Selenskyj` (6) at two.
        let minority = max_dist == 2 && !phonetic && more_common_than > 0 && forced.is_none();
        for (max_dist, phonetic) in walks {
            let more_common = found.values().any(|&(_, df)| df > more_common_than);
            let keep_going = minority && max_dist == 2;
            if more_common && !keep_going {
                break;
            }
            let dfa = builder(max_dist).build_dfa(term);
            // Two edits that must sound alike keep the second letter's sound class too, and
            // for a long word the third letter's: its beginning is long enough to compare.
            let letters = match (max_dist, phonetic) {
                (2, true) if term.chars().count() >= LONG_WORD_CHARS => 3,
                (2, true) => 2,
                _ => 1,
            };
            let automaton = FirstLetter::new(&dfa, term, letters);
            // Terms found again at two edits keep their one-edit distance.
            let mut next = HashMap::new();
            walk(dictionaries, &walked, &automaton, term, phonetic, &mut next);
            for (candidate, entry) in next {
                found.entry(candidate).or_insert(entry);
            }
        }
        if forced.is_none() && more_common_than == 0 && found.is_empty() {
            // A word no article has and no sound-alike neighbour: the typo may be in the first
            // letter (`ockdown`, `oLckdown`), so one edit anywhere.
            let dfa = builder(1).build_dfa(term);
            let anywhere = FirstLetter::anywhere(&dfa);
            walk(dictionaries, &walked, &anywhere, term, phonetic, &mut found);
        }
        if walked.len() < fields.len() {
            for (candidate, (_, df)) in found.iter_mut() {
                *df = doc_freq(searcher, fields, candidate);
            }
        }
    }
    if wants_lexicon(folded, forced) {
        lexicon_expansions(searcher, fields, folded, term, forced, &mut found);
    }
    // A stop word's term carries no topic: a rare word one edit from it (`Diess`, `dies`) is
    // no misspelt stop word, and every article would match it.
    let mut expansions: Vec<Expansion> = found
        .into_iter()
        .filter(|(term, (_, df))| *df > 0 && !is_stop_term(term))
        .map(|(term, (distance, doc_freq))| Expansion { term, distance, doc_freq })
        .collect();
    expansions.sort_by(|a, b| {
        a.distance.cmp(&b.distance).then(b.doc_freq.cmp(&a.doc_freq)).then(a.term.cmp(&b.term))
    });
    expansions.truncate(MAX_EXPANSIONS);
    expansions
}

/// Adds to `found` the terms of the `walked` fields' dictionaries that `automaton` accepts,
/// with their edit distance and document frequency (summed over segments): from the
/// vocabulary when it holds the walked field, and from the dictionaries of the segments it does
/// not cover.
fn walk(
    dictionaries: Dictionaries<'_>,
    walked: &[Field],
    automaton: &FirstLetter<'_>,
    term: &str,
    phonetic: bool,
    found: &mut HashMap<String, (u8, u64)>,
) {
    let mut add = |candidate: &[u8], df: u64| {
        if presse_analysis::is_part_term(candidate) {
            // A compound part: typo search looks for words.
            return;
        }
        let Ok(candidate) = std::str::from_utf8(candidate) else { return };
        if candidate == term {
            return;
        }
        let Some(dist) = distance_of(automaton.dfa, candidate) else { return };
        if !accept(dist, phonetic, candidate, term) {
            return;
        }
        found.entry(candidate.to_string()).or_insert((dist, 0)).1 += df;
    };
    let vocabulary = dictionaries.vocabulary.filter(|v| walked == [v.field()]);
    if let Some(vocabulary) = vocabulary {
        let mut stream = fst::IntoStreamer::into_stream(vocabulary.map().search(automaton));
        while let Some((key, df)) = fst::Streamer::next(&mut stream) {
            add(key, df);
        }
    }
    // The segments the vocabulary does not cover (all of them without one).
    for reader in dictionaries.searcher.segment_readers() {
        if vocabulary.is_some_and(|v| v.covers(&reader.segment_id().uuid_string())) {
            continue;
        }
        for &field in walked {
            let Ok(inv) = reader.inverted_index(field) else { continue };
            let Ok(mut stream) = inv.terms().search(automaton).into_stream() else { continue };
            while stream.advance() {
                add(stream.key(), u64::from(stream.value().doc_freq));
            }
        }
    }
}

/// Whether the lexicon is searched for typo neighbours of `folded`: when the word is no lexicon
/// word (or the query asked for edits with `~`).
fn wants_lexicon(folded: &str, forced: Option<u8>) -> bool {
    forced.is_some() || Lexicon::german().count(folded) == 0
}

/// Adds to `found` the lexicon's words within one edit of the folded query word, stemmed, that
/// are index terms. Only for words the lexicon does not know: a known word is spelt right, and
/// what the lexicon adds are typos near a word's ending, where stemming goes astray.
fn lexicon_expansions(
    searcher: &Searcher,
    fields: &[Field],
    folded: &str,
    term: &str,
    forced: Option<u8>,
    found: &mut HashMap<String, (u8, u64)>,
) {
    // The lexicon's words, against the folded query word.
    let stemmer = GermanStemmer::default();
    // One edit only: what the lexicon adds are typos near a word's ending; misspelt names
    // (two edits, sounding alike) are the index branch's work.
    let Some((max_dist, phonetic)) = budget_for(folded, forced).map(|(d, p)| (d.min(1), p)) else {
        return;
    };
    let dfa = builder(max_dist).build_dfa(folded);
    let lexicon = Lexicon::german().fst();
    let mut stream =
        fst::IntoStreamer::into_stream(lexicon.search(FirstLetter::new(&dfa, folded, 1)));
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compound_parts_are_no_candidates() {
        // `turbin` stands in the index only as a part of `Gasturbinen`: its marked term is one
        // edit (the mark) from the word, and the walk without a first-letter restriction
        // would take it.
        let index = tantivy::Index::create_in_ram(presse_analysis::build_schema());
        presse_analysis::register(&index);
        let fields = presse_analysis::Fields::from_schema(&index.schema()).unwrap();
        let mut writer: tantivy::IndexWriter = index.writer(15_000_000).unwrap();
        let mut doc = tantivy::TantivyDocument::default();
        doc.add_text(fields.body, "Die Gasturbinen laufen.");
        writer.add_document(doc).unwrap();
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let dfa = builder(1).build_dfa("turbin");
        let mut found = HashMap::new();
        let dictionaries = Dictionaries { searcher: &searcher, vocabulary: None };
        let anywhere = FirstLetter::anywhere(&dfa);
        walk(dictionaries, &[fields.body], &anywhere, "turbin", false, &mut found);
        assert!(found.keys().all(|t| !presse_analysis::is_part_term(t.as_bytes())), "{found:?}");
        let dfa = builder(1).build_dfa("gasturbin");
        walk(dictionaries, &[fields.body], &FirstLetter::anywhere(&dfa), "x", false, &mut found);
        assert!(found.contains_key("gasturbin"), "the walk finds words: {found:?}");
    }

    #[test]
    fn only_unknown_words_look_into_the_lexicon() {
        assert!(!wants_lexicon("regierung", None), "a known word is spelt right");
        assert!(wants_lexicon("cybersicherhiet", None));
        assert!(wants_lexicon("regierung", Some(1)), "asked for with ~");
    }

    #[test]
    fn budgets() {
        assert_eq!(budget(3), None);
        assert_eq!(budget(4), Some((1, false)));
        assert_eq!(budget(6), Some((2, true)));
        assert_eq!(budget(12), Some((2, false)));
    }

    #[test]
    fn first_letter_keeps_its_sound_class() {
        let dfa = builder(2).build_dfa("zelensky");
        let aut = FirstLetter::new(&dfa, "zelensky", 1);
        let run = |w: &str| {
            let mut s = tantivy_fst::Automaton::start(&aut);
            for b in w.bytes() {
                s = tantivy_fst::Automaton::accept(&aut, &s, b);
            }
            tantivy_fst::Automaton::is_match(&aut, &s)
        };
        assert!(run("zelenski"));
        assert!(run("selensky"), "s and z sound alike");
        assert!(!run("delensky"), "another first letter");
    }

    #[test]
    fn sound_alike_walks_keep_the_second_letter_class_too() {
        let dfa = builder(2).build_dfa("lavrov");
        let run = |aut: &FirstLetter, w: &str| {
            let mut s = tantivy_fst::Automaton::start(aut);
            for b in w.bytes() {
                s = tantivy_fst::Automaton::accept(aut, &s, b);
            }
            tantivy_fst::Automaton::is_match(aut, &s)
        };
        let two = FirstLetter::new(&dfa, "lavrov", 2);
        assert!(run(&two, "lawrow"));
        assert!(run(&two, "lewrov"), "vowels are one class");
        assert!(!run(&two, "lrvrov"), "a consonant for the vowel");
        let one = FirstLetter::new(&dfa, "lavrov", 1);
        assert!(run(&one, "lrvrov"));
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
