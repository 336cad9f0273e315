//! The German analyser: text → terms, as a tantivy [`Tokenizer`].
//!
//! For every word (UAX #29 word boundaries, via unicode-segmentation; the ASCII pieces of a text
//! through its ASCII fast path) it emits, all at the word's position and with offsets into the
//! original text:
//! - the stem of the folded word ([`crate::fold`], [`crate::stem`]);
//! - the stem of each compound part ([`crate::compound`]), its offsets on the part alone, so
//!   that `Turbinen` highlights inside `Gasturbinen`;
//! - after a hyphenated chain (`Test-Pflicht`, `Covid-19`, `AfD-Politiker`) the stem of the joined
//!   form (`testpflicht`), at the position of the chain's last word, so that the joined spelling
//!   finds the hyphenated one and phrases that go on after the chain still line up.
//!
//! Stop words are indexed like other words; the query side decides what to do with them.
//! The analysis of each distinct word is cached for the whole process (shared by the index
//! writer's threads), which makes the compound search a once-per-word cost.

use std::collections::VecDeque;
use std::hash::BuildHasher;
use std::sync::{Arc, Mutex, OnceLock};

use rustc_hash::{FxBuildHasher, FxHashMap};

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use unicode_segmentation::UnicodeSegmentation;

use crate::compound::CompoundSplitter;
use crate::fold::{fold_word, is_group_separator};
use crate::stem::GermanStemmer;
use crate::stopwords::is_stop_word;

/// Words longer than this many bytes are not indexed (they are not words but noise such as
/// base64 blobs; tantivy also limits the length of a term).
pub const MAX_WORD_BYTES: usize = 80;

/// How many distinct words the process caches (the corpus of 41,000 articles has 580,000).
const CACHE_CAPACITY: usize = 1_000_000;

/// A compound part of a word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// The part's term (folded and stemmed).
    pub term: String,
    /// Byte offset where the part starts in the original word.
    pub start: usize,
    /// Byte offset where the part ends in the original word.
    pub end: usize,
    /// Two neighbouring parts of a compound of three or more, taken together
    /// (`Intensivbetten` in `Intensivbettenkapazität`): indexed and highlighted like a part,
    /// but not required when a query compound is matched by its parts.
    pub joined: bool,
}

/// The analysis of one word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordAnalysis {
    /// The folded word (lower case, umlauts and ß folded): the form typo matching works on.
    pub folded: String,
    /// The word's term (the folded word, stemmed).
    pub term: String,
    /// Whether the word is a stop word.
    pub stop: bool,
    /// The compound parts, empty when the word is not split.
    pub parts: Vec<Part>,
    /// The term of the feminine plural when the word is a gender-inclusive form
    /// (`Schüler:innen`, `Schüler_innen`, `SchülerInnen`: see [`gender_form`]), whose `term` is
    /// then the masculine's; indexed beside it at the word's position.
    pub feminine: Option<String>,
}

/// Where the masculine ends in a gender-inclusive form: `Schüler:innen`, `Schüler_innen`,
/// `Schüler·innen` (and the singulars in `:in`, `_in`, `·in`; also `:Innen` …), and
/// `SchülerInnen` with a capital I inside the word (the *Binnen-I*; plural only, since
/// `LinkedIn` is no such form). `Schüler*innen` and `Schüler/innen` (or `/-innen`) too, which
/// UAX #29 cuts into two words and the analyser joins again. Byte length of the masculine,
/// which is at least two letters; `None` for other words.
pub fn gender_form(word: &str) -> Option<usize> {
    let masculine = |end: usize| {
        let m = &word[..end];
        (m.chars().count() >= 2 && m.chars().all(char::is_alphabetic)).then_some(end)
    };
    for mark in [':', '_', '\u{b7}', '*', '/'] {
        if let Some((m, suffix)) = word.rsplit_once(mark) {
            let suffix = suffix.strip_prefix('-').unwrap_or(suffix);
            let ending = matches!(suffix, "innen" | "in" | "Innen" | "In");
            return if ending { masculine(m.len()) } else { None };
        }
    }
    let m = word.strip_suffix("Innen")?;
    let last = m.chars().next_back()?;
    let first = m.chars().next()?;
    if last.is_lowercase() && first.is_uppercase() {
        masculine(m.len())
    } else {
        None
    }
}

/// Analyses single words: fold, stem, split. Reusable buffers; cheap to create.
#[derive(Debug, Clone, Default)]
pub struct WordAnalyzer {
    stemmer: GermanStemmer,
    splitter: CompoundSplitter,
    folded: String,
    offsets: Vec<usize>,
}

impl WordAnalyzer {
    /// Analyses one word (a UAX #29 word, no spaces or hyphens in it).
    pub fn analyse(&mut self, word: &str) -> WordAnalysis {
        if let Some(end) = gender_form(word) {
            let mut analysis = self.analyse(&word[..end]);
            let feminine = format!("{}innen", analysis.folded);
            analysis.feminine = Some(self.stemmer.stem(&feminine)).filter(|f| *f != analysis.term);
            return analysis;
        }
        fold_word(word, &mut self.folded, &mut self.offsets);
        if !self.folded.chars().any(char::is_alphanumeric) {
            // Only marks that folding removes (a lone combining character, which UAX #29 joins
            // to the space before it): no word.
            return WordAnalysis {
                folded: String::new(),
                term: String::new(),
                stop: false,
                parts: Vec::new(),
                feminine: None,
            };
        }
        let folded = self.folded.clone();
        let term = self.stemmer.stem(&folded);
        let stop = is_stop_word(&folded);
        let mut parts = Vec::new();
        if !stop {
            let ranges = self.splitter.split(&folded);
            for range in &ranges {
                let part_term = self.stemmer.stem(&folded[range.clone()]);
                if part_term != term {
                    parts.push(Part {
                        term: part_term,
                        start: self.offsets[range.start],
                        end: self.offsets[range.end],
                        joined: false,
                    });
                }
            }
            if ranges.len() >= 3 {
                for pair in ranges.windows(2) {
                    let (start, end) = (pair[0].start, pair[1].end);
                    let joined_term = self.stemmer.stem(&folded[start..end]);
                    if joined_term != term && parts.iter().all(|p| p.term != joined_term) {
                        parts.push(Part {
                            term: joined_term,
                            start: self.offsets[start],
                            end: self.offsets[end],
                            joined: true,
                        });
                    }
                }
            }
        }
        WordAnalysis { folded, term, stop, parts, feminine: None }
    }

    /// Folds and stems one word without looking for compound parts (the cheap part of
    /// [`WordAnalyzer::analyse`]); returns (folded, term).
    pub fn fold_and_stem(&mut self, word: &str) -> (String, String) {
        fold_word(word, &mut self.folded, &mut self.offsets);
        (self.folded.clone(), self.stemmer.stem(&self.folded))
    }

    /// The term (stem) of an already folded word.
    pub fn stem_folded(&self, folded: &str) -> String {
        self.stemmer.stem(folded)
    }

    /// The term of a joined form (hyphen chains): stem of the concatenated folded words.
    pub fn joined_term(&self, folded_words: &[&str]) -> String {
        self.stemmer.stem(&folded_words.concat())
    }
}

/// A word of a text with its analysis, as [`analyse_text`] returns it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnalysedWord {
    /// Byte offset of the word in the text.
    pub start: usize,
    /// Byte offset of the end of the word in the text.
    pub end: usize,
    /// Word position (0 for the first word).
    pub position: usize,
    /// The analysis.
    pub analysis: WordAnalysis,
}

/// Whether a UAX #29 segment is a word (has a letter or a digit).
fn is_word(segment: &str) -> bool {
    segment.chars().any(char::is_alphanumeric)
}

/// Whether a segment joins two words into a hyphenated chain.
fn is_hyphen(segment: &str) -> bool {
    matches!(segment, "-" | "\u{2010}" | "\u{2011}")
}

/// Where a missing space joined two words into one UAX #29 word: the byte offset of the `.`
/// or `:` between a word of two or more letters and a capitalised one (`werden.Die`,
/// `ZEIT:Hamburg`, `St.Gallen`; 3,537 and 789 times in 2,532 of the corpus's articles, mostly
/// the end of one sentence glued to the next). Not in abbreviations (`z.B`, `e.V`), names
/// (`re:publica`, `e.GO`) or gender forms (`Schüler:innen`).
fn joined_sentences(word: &str) -> Option<usize> {
    if !word.bytes().any(|b| b == b'.' || b == b':') {
        return None;
    }
    let mut letters_before = 0;
    for (i, c) in word.char_indices() {
        if (c == '.' || c == ':') && letters_before >= 2 {
            let mut after = word[i + 1..].chars();
            if after.next().is_some_and(char::is_uppercase)
                && after.next().is_some_and(char::is_lowercase)
            {
                return Some(i);
            }
        }
        letters_before = if c.is_alphabetic() { letters_before + 1 } else { 0 };
    }
    None
}

/// The length of the gender ending (`*innen`, `*in`, `/innen`, `/-innen`, `/in`, `/-in`) that
/// `after` begins with, when `word` is a word of two or more letters that it completes into a
/// gender form (`Künstler*innen`); `None` otherwise.
fn gender_ending(word: &str, after: &str) -> Option<usize> {
    let rest = after.strip_prefix('*').or_else(|| after.strip_prefix('/'))?;
    let rest = rest.strip_prefix('-').unwrap_or(rest);
    let ending = ["innen", "in", "Innen", "In"].into_iter().find(|e| rest.starts_with(e))?;
    let len = after.len() - rest.len() + ending.len();
    let ends_there = !after[len..].starts_with(char::is_alphanumeric);
    (ends_there && gender_form(&format!("{word}{}", &after[..len])).is_some()).then_some(len)
}

/// The length of the digit groups that continue `word`, a number of one to three digits, at
/// the start of `after`: each a space (or a no-break or thin space, [`is_group_separator`]) and
/// three digits, the way German print groups thousands (`10 000`, `1 500 000`; 7,136 times in
/// the corpus, beside 34,315 `100.000`). The number is one word, folded to its digits (`10000`,
/// [`crate::fold::fold_word`]). A group ends the number where it is not a word of its own
/// (`1 000,5`: the `000,5` is one); `None` when no group follows.
pub fn number_groups(word: &str, after: &str) -> Option<usize> {
    if word.is_empty() || word.len() > 3 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut len = 0;
    loop {
        let rest = &after[len..];
        let Some(sep) = rest.chars().next().filter(|&c| c != '.' && is_group_separator(c)) else {
            break;
        };
        let group = &rest[sep.len_utf8()..];
        if group.len() < 3 || !group.as_bytes()[..3].iter().all(u8::is_ascii_digit) {
            break;
        }
        let mut next = group[3..].chars();
        let whole = match next.next() {
            None => true,
            Some(c) if c.is_alphanumeric() => false,
            // A separator inside a number (`000,5`, `000.000`) joins what follows.
            Some('.' | ',' | '\'' | '’' | ':') => !next.next().is_some_and(char::is_alphanumeric),
            Some(_) => true,
        };
        if !whole {
            break;
        }
        len += sep.len_utf8() + 3;
    }
    (len > 0).then_some(len)
}

/// What [`for_each_word`] reports.
enum Event<'t> {
    /// A word: byte offset, text, position.
    Word(usize, &'t str, usize),
    /// The end of a hyphen chain of this many words, the last ones reported.
    ChainEnd(usize),
}

/// Walks the words of `text` in order, numbering their positions, and reports the end of each
/// hyphen chain (`Test-Pflicht`) after its last word.
fn for_each_word<'t>(text: &'t str, mut f: impl FnMut(Event<'t>)) {
    for_each_word_while(text, |event| {
        f(event);
        true
    });
}

/// [`for_each_word`] that stops when `f` returns `false`.
///
/// The word boundaries are those of UAX #29 over the whole text (unicode-segmentation), found
/// piece by piece: ASCII white space always stands between two boundaries (no rule joins it to
/// what precedes it, and what follows it starts a new segment or, for a combining mark, no
/// word), so the text is cut there, and a piece of ASCII text goes through the crate's ASCII
/// fast path (`unicode_word_indices`), which is several times faster than the general
/// iterator that other pieces go through. The test `pieces_segment_like_the_whole_text`
/// compares both on random text.
fn for_each_word_while<'t>(text: &'t str, mut f: impl FnMut(Event<'t>) -> bool) {
    let mut walk = Walk::default();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let piece_start = i;
        if bytes[i].is_ascii_whitespace() {
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            if piece_start >= walk.joined_until {
                // (White space inside a number, `10 000`, is part of the word.)
                walk.other();
            }
            continue;
        }
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let piece = &text[piece_start..i];
        if piece.is_ascii() {
            // Words come from the fast path; what lies between two of them is one hyphen
            // (ASCII punctuation is a segment of its own) or something that ends a chain.
            let mut end = piece_start;
            for (offset, word) in piece.unicode_word_indices() {
                let start = piece_start + offset;
                if start > end && !walk.segment(text, end, &text[end..start], &mut f) {
                    return;
                }
                if !walk.segment(text, start, word, &mut f) {
                    return;
                }
                end = start + word.len();
            }
            if end < i {
                walk.other();
            }
        } else {
            for (offset, segment) in piece.split_word_bound_indices() {
                if !walk.segment(text, piece_start + offset, segment, &mut f) {
                    return;
                }
            }
        }
    }
    walk.finish(&mut f);
}

/// The state of [`for_each_word_while`] between segments.
#[derive(Default)]
struct Walk {
    /// End of the gender form whose first word was reported whole (`Künstler*innen`).
    joined_until: usize,
    position: usize,
    last_word_end: Option<usize>,
    hyphen_end: Option<usize>,
    chain_len: usize,
}

impl Walk {
    /// A segment of the text at byte `start`; `false` when `f` asked to stop.
    fn segment<'t>(
        &mut self,
        text: &'t str,
        start: usize,
        segment: &'t str,
        f: &mut impl FnMut(Event<'t>) -> bool,
    ) -> bool {
        if start < self.joined_until {
            // The mark and the ending of a gender form taken with the word before.
            return true;
        }
        if let Some(cut) = joined_sentences(segment).filter(|_| gender_form(segment).is_none()) {
            // Two words that a missing space joined: each is a word of its own, and the
            // second no link of a hyphen chain.
            let (first, rest) = (&segment[..cut], &segment[cut + 1..]);
            if !self.segment(text, start, first, f) {
                return false;
            }
            self.other();
            return self.segment(text, start + cut + 1, rest, f);
        }
        let end = start + segment.len();
        if let Some(len) = gender_ending(segment, &text[end..]) {
            // `Künstler*innen`, `Bürger/innen`: UAX #29 cuts at the mark; one word.
            let go_on = self.segment(text, start, &text[start..end + len], f);
            self.joined_until = end + len;
            return go_on;
        }
        if let Some(len) = number_groups(segment, &text[end..]) {
            // `10 000`: one word across the spaces.
            let go_on = self.segment(text, start, &text[start..end + len], f);
            self.joined_until = end + len;
            return go_on;
        }
        if is_word(segment) {
            if segment.len() > MAX_WORD_BYTES {
                if self.chain_len > 1 && !f(Event::ChainEnd(self.chain_len)) {
                    return false;
                }
                self.chain_len = 0;
                self.other();
                return true;
            }
            if self.hyphen_end == Some(start) && self.chain_len > 0 {
                self.chain_len += 1;
            } else {
                if self.chain_len > 1 && !f(Event::ChainEnd(self.chain_len)) {
                    return false;
                }
                self.chain_len = 1;
            }
            if !f(Event::Word(start, segment, self.position)) {
                return false;
            }
            self.position += 1;
            self.last_word_end = Some(start + segment.len());
            self.hyphen_end = None;
        } else if is_hyphen(segment) && self.last_word_end == Some(start) {
            self.hyphen_end = Some(start + segment.len());
        } else {
            self.other();
        }
        true
    }

    /// A segment that is neither a word nor a hyphen right after one.
    fn other(&mut self) {
        self.hyphen_end = None;
        self.last_word_end = None;
    }

    /// The end of the text.
    fn finish<'t>(&mut self, f: &mut impl FnMut(Event<'t>) -> bool) {
        if self.chain_len > 1 {
            f(Event::ChainEnd(self.chain_len));
        }
    }
}

/// The words of a text as (byte offset, word), in order: the same words the tokenizer indexes.
pub fn word_spans(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    for_each_word(text, |event| {
        if let Event::Word(start, word, _) = event {
            out.push((start, word));
        }
    });
    out
}

/// Calls `f` with (byte offset, word) for the words of a text in order, the same words the
/// tokenizer indexes, until `f` returns `false`.
pub fn walk_words<'t>(text: &'t str, mut f: impl FnMut(usize, &'t str) -> bool) {
    for_each_word_while(text, |event| match event {
        Event::Word(start, word, _) => f(start, word),
        Event::ChainEnd(_) => true,
    });
}

/// Analyses a whole text into words (no caching; for queries and tests).
pub fn analyse_text(text: &str) -> Vec<AnalysedWord> {
    let mut analyzer = WordAnalyzer::default();
    let mut words = Vec::new();
    for_each_word(text, |event| {
        if let Event::Word(start, word, position) = event {
            let analysis = analyzer.analyse(word);
            if !analysis.term.is_empty() {
                words.push(AnalysedWord { start, end: start + word.len(), position, analysis });
            }
        }
    });
    words
}

/// A process-wide cache of word analyses, shared by every tokenizer (the index writer clones
/// one per thread) and sharded to keep lock contention low. A word's analysis never changes
/// within a process, so sharing is safe; each shard starts afresh when it grows past its share
/// of [`CACHE_CAPACITY`].
struct WordCache {
    shards: Vec<Mutex<FxHashMap<Box<str>, Arc<WordAnalysis>>>>,
}

/// Shards of the word cache.
const CACHE_SHARDS: usize = 32;

impl WordCache {
    fn global() -> &'static WordCache {
        static CACHE: OnceLock<WordCache> = OnceLock::new();
        CACHE.get_or_init(|| WordCache {
            shards: (0..CACHE_SHARDS).map(|_| Mutex::new(FxHashMap::default())).collect(),
        })
    }

    fn get(&self, word: &str, analyzer: &mut WordAnalyzer) -> Arc<WordAnalysis> {
        let hash = FxBuildHasher.hash_one(word);
        let shard = &self.shards[(hash as usize) % CACHE_SHARDS];
        if let Some(a) = shard.lock().unwrap_or_else(|e| e.into_inner()).get(word) {
            return Arc::clone(a);
        }
        // Analyse outside the lock: another thread may do the same word meanwhile; both
        // results are equal.
        let analysis = Arc::new(analyzer.analyse(word));
        let mut map = shard.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() >= CACHE_CAPACITY / CACHE_SHARDS {
            map.clear();
        }
        map.insert(word.into(), Arc::clone(&analysis));
        analysis
    }
}

/// The presse German tokenizer. Register it with [`crate::register`]; do not use it under
/// another name.
#[derive(Default)]
pub struct GermanTokenizer {
    words: WordAnalyzer,
    /// A small cache of this tokenizer's own, in front of the shared one: the frequent words
    /// are found without taking a lock.
    local: FxHashMap<Box<str>, Arc<WordAnalysis>>,
    /// The terms of frequent simple words, in front of `local` ([`HotWords`]).
    hot: HotWords,
    tokens: Vec<Token>,
    /// Tokens in use in `tokens` (the rest keep their string buffers for reuse).
    len: usize,
}

impl Clone for GermanTokenizer {
    fn clone(&self) -> Self {
        GermanTokenizer::default()
    }
}

/// Entries of a tokenizer's own cache.
const LOCAL_CACHE_CAPACITY: usize = 100_000;

/// Slots of [`HotWords`]: 4 MiB per tokenizer, allocated on first use (2^14 to 2^18 slots
/// measured: 2^16 and more index the corpus 10–15 % faster than without, 2^14 8 %).
const HOT_SLOTS: usize = 1 << 16;
/// The longest word (and term) a [`HotWords`] slot holds.
const HOT_BYTES: usize = 31;

/// A direct-mapped cache of words without compound parts and their terms, each in one 64-byte
/// slot of one array: a word is found with one memory access, where the map of 100,000 words
/// behind it reaches through pointers to keys and analyses spread over the heap (its key
/// comparisons took a fifth of indexing time, in cache and TLB misses). A slot holds the
/// latest word whose hash picks it.
#[derive(Default)]
struct HotWords {
    slots: Vec<HotSlot>,
}

#[derive(Clone, Copy)]
#[repr(C, align(64))]
struct HotSlot {
    /// 0: empty.
    word_len: u8,
    term_len: u8,
    word: [u8; HOT_BYTES],
    term: [u8; HOT_BYTES],
}

impl HotWords {
    fn slot(word: &str) -> usize {
        (FxBuildHasher.hash_one(word) as usize) & (HOT_SLOTS - 1)
    }

    /// The term of `word`, when its slot holds it.
    fn get(&self, word: &str) -> Option<&str> {
        let slot = self.slots.get(Self::slot(word))?;
        let len = usize::from(slot.word_len);
        if len != word.len() || &slot.word[..len] != word.as_bytes() {
            return None;
        }
        std::str::from_utf8(&slot.term[..usize::from(slot.term_len)]).ok()
    }

    /// Keeps `word` and its analysis when it fits: a word without parts, both short enough.
    fn put(&mut self, word: &str, analysis: &WordAnalysis) {
        let term = analysis.term.as_bytes();
        if !analysis.parts.is_empty()
            || analysis.feminine.is_some()
            || term.is_empty()
            || word.len() > HOT_BYTES
            || term.len() > HOT_BYTES
        {
            return;
        }
        if self.slots.is_empty() {
            let empty =
                HotSlot { word_len: 0, term_len: 0, word: [0; HOT_BYTES], term: [0; HOT_BYTES] };
            self.slots = vec![empty; HOT_SLOTS];
        }
        let slot = &mut self.slots[Self::slot(word)];
        slot.word_len = word.len() as u8;
        slot.word[..word.len()].copy_from_slice(word.as_bytes());
        slot.term_len = term.len() as u8;
        slot.term[..term.len()].copy_from_slice(term);
    }
}

impl std::fmt::Debug for GermanTokenizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GermanTokenizer").finish()
    }
}

/// Adds the terms of the compounds an elliptical construction left out (rare).
fn push_completed(
    words: &mut WordAnalyzer,
    tokens: &mut Vec<Token>,
    len: &mut usize,
    completed: &mut Vec<Completed>,
) {
    for c in completed.drain(..) {
        let term = words.fold_and_stem(&c.text).1;
        if !term.is_empty() {
            push_token(tokens, len, &term, c.from, c.to, c.position);
        }
    }
}

/// Sets token `len` (reusing its string buffer) and counts it.
fn push_token(
    tokens: &mut Vec<Token>,
    len: &mut usize,
    term: &str,
    from: usize,
    to: usize,
    position: usize,
) {
    if *len == tokens.len() {
        tokens.push(Token::default());
    }
    let t = &mut tokens[*len];
    t.offset_from = from;
    t.offset_to = to;
    t.position = position;
    t.position_length = 1;
    t.text.clear();
    t.text.push_str(term);
    *len += 1;
}

impl GermanTokenizer {
    fn fill(&mut self, text: &str) {
        let GermanTokenizer { words, local, hot, tokens, len } = self;
        *len = 0;
        if local.len() >= LOCAL_CACHE_CAPACITY {
            local.clear();
        }
        let cache = WordCache::global();
        // (start, end, position) of the latest words, for hyphen chains.
        let mut recent: VecDeque<(usize, usize, usize)> = VecDeque::with_capacity(MAX_CHAIN);
        let mut ellipsis = Ellipsis::default();
        let mut completed = Vec::new();
        for_each_word(text, |event| match event {
            Event::Word(start, word, position) => {
                let end = start + word.len();
                if let Some(term) = hot.get(word) {
                    push_token(tokens, len, term, start, end, position);
                    if recent.len() >= MAX_CHAIN {
                        recent.pop_front();
                    }
                    recent.push_back((start, end, position));
                    ellipsis.word(text, start, end, position, None, &mut completed);
                    push_completed(words, tokens, len, &mut completed);
                    return;
                }
                if !local.contains_key(word) {
                    local.insert(word.into(), cache.get(word, words));
                }
                let analysis = &local[word];
                hot.put(word, analysis);
                let head = analysis.parts.last().map(|p| start + p.start);
                ellipsis.word(text, start, end, position, head, &mut completed);
                push_completed(words, tokens, len, &mut completed);
                if analysis.term.is_empty() {
                    // Only marks that folding removes (a lone combining character): no word.
                    return;
                }
                push_token(tokens, len, &analysis.term, start, end, position);
                if let Some(feminine) = &analysis.feminine {
                    push_token(tokens, len, feminine, start, end, position);
                }
                for part in &analysis.parts {
                    // Its term marked as a part's ([`crate::PART_MARK`]), written into the
                    // token's reused buffer.
                    push_token(tokens, len, "", start + part.start, start + part.end, position);
                    let text = &mut tokens[*len - 1].text;
                    text.push(crate::PART_MARK);
                    text.push_str(&part.term);
                }
                if recent.len() >= MAX_CHAIN {
                    recent.pop_front();
                }
                recent.push_back((start, end, position));
            }
            Event::ChainEnd(chain) => {
                // Rare: fold the chain's words again rather than keep every word's folding.
                let skip = recent.len() - chain.min(recent.len());
                let folded: Vec<String> = recent
                    .iter()
                    .skip(skip)
                    .map(|&(s, e, _)| words.fold_and_stem(&text[s..e]).0)
                    .collect();
                let folded: Vec<&str> = folded.iter().map(String::as_str).collect();
                let term = words.joined_term(&folded);
                let (first, last) = (recent[skip], recent[recent.len() - 1]);
                if !term.is_empty() {
                    push_token(tokens, len, &term, first.0, last.1, last.2);
                }
            }
        });
    }
}

/// Words that join an elliptical compound to its complete neighbour.
const CONJUNCTIONS: [&str; 5] = ["und", "oder", "sowie", "bzw", "beziehungsweise"];

/// Whether `c` may stand between a conjunction and the next word (`bzw.` ends in a dot).
fn is_gap_char(c: char) -> bool {
    c.is_whitespace() || c == '.'
}

/// Whether `c` is a hyphen that can end a truncated word or begin a truncated head.
fn is_hyphen_char(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Elliptical compounds (the German *Ergänzungsstrich*): `Hotel- und Gaststättengewerbe`
/// stands for `Hotelgewerbe und Gaststättengewerbe`, `Krankheitskontrolle und -prävention`
/// for `Krankheitskontrolle und Krankheitsprävention`. Fed the words of a text in order, it
/// works out the compounds the hyphen leaves out: the truncated word joined to the last
/// compound part of the complete word (`Hotel` + `gewerbe`), or the complete word without its
/// last part joined to the truncated head (`Krankheits` + `prävention`). Lists work too
/// (`Hotel-, Gaststätten- und Tourismusgewerbe`). A word that a hyphen joins to the next one
/// (`Android-Geräte`) completes nothing: its head is the chain's last word.
#[derive(Debug, Default)]
struct Ellipsis {
    /// Words cut short by a hyphen, as (start, end, position), waiting for a conjunction.
    truncated: Vec<(usize, usize, usize)>,
    /// A conjunction followed the truncated words: the next word may complete them.
    conjunction: bool,
    /// The latest word when it is a compound: (start, start of its last part, end).
    compound: Option<(usize, usize, usize)>,
    /// A conjunction directly followed that compound: the next word may be its truncated head.
    conjunction_after_compound: bool,
    /// End of the latest word.
    last_end: usize,
}

/// A compound that an elliptical construction leaves out: its text, the position of the word
/// that completes it, and the offsets of the truncated word it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Completed {
    text: String,
    position: usize,
    from: usize,
    to: usize,
}

impl Ellipsis {
    /// Takes the next word of `text` (`start..end`, `position`); `head` is the start of its
    /// last compound part when it has parts. Pushes the compounds it completes onto `out`.
    fn word(
        &mut self,
        text: &str,
        start: usize,
        end: usize,
        position: usize,
        head: Option<usize>,
        out: &mut Vec<Completed>,
    ) {
        let word = &text[start..end];
        let gap = &text[self.last_end.min(start)..start];
        let chained = text[end..].chars().next().is_some_and(is_hyphen_char)
            && text[end..].chars().nth(1).is_some_and(char::is_alphanumeric);
        // `Hotel- und Gaststättengewerbe`: this word completes the truncated ones.
        if self.conjunction {
            if let Some(h) = head.filter(|_| !chained && gap.chars().all(is_gap_char)) {
                // At the complete word's position: a term's positions in a document must not
                // go back (tantivy stores their differences).
                for &(s, e, _) in &self.truncated {
                    let text = format!("{}{}", &text[s..e], &text[h..end]);
                    out.push(Completed { text, position, from: s, to: e });
                }
            }
            self.truncated.clear();
            self.conjunction = false;
        }
        // `Krankheitskontrolle und -prävention`: this word is the truncated head.
        if self.conjunction_after_compound {
            let mut before = gap.chars().rev();
            let hyphen_first = before.next().is_some_and(is_hyphen_char)
                && before.all(is_gap_char)
                && gap.chars().count() >= 2;
            if let (true, Some((s, h, _))) = (hyphen_first && !chained, self.compound) {
                out.push(Completed {
                    text: format!("{}{}", &text[s..h], word),
                    position,
                    from: start,
                    to: end,
                });
            }
            self.conjunction_after_compound = false;
        }
        let conjunction = CONJUNCTIONS.contains(&word);
        if conjunction {
            // After truncated words: `Hotel- und`, the hyphen and white space between.
            let after_truncated = self.truncated.last().is_some_and(|&(_, e, _)| {
                let mut between = text[e..start].chars();
                between.next().is_some_and(is_hyphen_char) && between.all(char::is_whitespace)
            });
            self.conjunction = after_truncated;
            if !after_truncated {
                self.truncated.clear();
            }
            self.conjunction_after_compound = self
                .compound
                .is_some_and(|(_, _, e)| text[e..start].chars().all(char::is_whitespace));
        } else {
            let mut after = text[end..].chars();
            let truncated = after.next().is_some_and(is_hyphen_char)
                && after.next().is_none_or(|c| c.is_whitespace() || c == ',');
            if truncated {
                // A list (`Hotel-, Gaststätten- und …`) goes on after a comma.
                let listed = self.truncated.last().is_some_and(|&(_, e, _)| {
                    let mut between = text[e..start].chars();
                    between.next().is_some_and(is_hyphen_char)
                        && between.all(|c| c.is_whitespace() || c == ',')
                });
                if !listed {
                    self.truncated.clear();
                }
                self.truncated.push((start, end, position));
            } else {
                self.truncated.clear();
            }
            self.compound = head.filter(|_| !chained && !truncated).map(|h| (start, h, end));
        }
        self.last_end = end;
    }
}

/// The longest hyphen chain whose joined form is indexed (longer chains join their last words).
const MAX_CHAIN: usize = 6;

/// The token stream of a [`GermanTokenizer`].
pub struct GermanTokenStream<'a> {
    tokens: &'a mut [Token],
    next: usize,
}

impl Tokenizer for GermanTokenizer {
    type TokenStream<'a> = GermanTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> GermanTokenStream<'a> {
        self.fill(text);
        GermanTokenStream { tokens: &mut self.tokens[..self.len], next: 0 }
    }
}

impl TokenStream for GermanTokenStream<'_> {
    fn advance(&mut self) -> bool {
        if self.next < self.tokens.len() {
            self.next += 1;
            true
        } else {
            false
        }
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The events of the whole text segmented at once by unicode-segmentation (the walk as it
    /// was before it went piece by piece).
    fn events_of_whole_text(text: &str) -> Vec<(usize, String, usize)> {
        let mut out = Vec::new();
        let mut walk = Walk::default();
        let mut f = |e: Event<'_>| {
            out.push(match e {
                Event::Word(start, word, position) => (start, word.to_string(), position),
                Event::ChainEnd(n) => (usize::MAX, String::new(), n),
            });
            true
        };
        for (start, segment) in text.split_word_bound_indices() {
            walk.segment(text, start, segment, &mut f);
        }
        walk.finish(&mut f);
        out
    }

    fn events(text: &str) -> Vec<(usize, String, usize)> {
        let mut out = Vec::new();
        for_each_word(text, |e| {
            out.push(match e {
                Event::Word(start, word, position) => (start, word.to_string(), position),
                Event::ChainEnd(n) => (usize::MAX, String::new(), n),
            })
        });
        out
    }

    /// Text made of the characters that decide word boundaries: letters, digits (groups of
    /// three among them), the ASCII joiners (`.` `:` `'` `,` `;` `_`), gender marks and endings
    /// (`*`, `/`, `innen`, `Innen`), hyphens, white space of every kind, umlauts, a soft hyphen,
    /// a combining mark, a zero-width joiner, typographic quotes and dashes, an emoji, a CJK
    /// ideograph, Hebrew, Katakana.
    fn texty() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "a", "Zu", "test", "Pflicht", "7", "19", ".", ":", "'", ",", ";", "_", "-", "--", " ",
            "  ", "\n", "\r\n", "\t", "\u{b}", "\u{c}", "ä", "Öl", "ß", "\u{ad}", "\u{301}",
            "\u{200d}", "„", "“", "–", "\u{2010}", "\u{2011}", "’", "\u{a0}", "\u{2009}", "😀",
            "000", "250", "\u{202f}", "中", "ש", "\"", "カ", "/", "(", ")", "!", "@", "é", "*",
            "innen", "In", "Innen",
        ]);
        prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn pieces_segment_like_the_whole_text(text in texty()) {
            prop_assert_eq!(events(&text), events_of_whole_text(&text));
        }
    }

    #[test]
    fn pieces_segment_the_corpus_sample_like_the_whole_text() {
        let sample = "Die Test-Pflicht (z.B. für U.S.-Bürger) gilt ab 1.000 Fällen; \
            \u{201e}Corona-Krise\u{201c} – AfD-Politiker: Covid-19 \u{2011} Drosten-Studie's \
            e.V. http://x.de/a_b Straße\u{ad}nbahn Jahres\u{2010}ende  3,5 % ... Ende.";
        assert_eq!(events(sample), events_of_whole_text(sample));
        assert!(events(sample).iter().any(|e| e.1 == "z.B"));
        assert!(events(sample).iter().any(|e| e.0 == usize::MAX && e.2 == 2), "a chain ended");
    }

    /// The compounds an elliptical construction leaves out in `text`, as (text, position).
    fn completed(text: &str) -> Vec<(String, usize)> {
        let mut ellipsis = Ellipsis::default();
        let mut out = Vec::new();
        for w in analyse_text(text) {
            let head = w.analysis.parts.last().map(|p| w.start + p.start);
            ellipsis.word(text, w.start, w.end, w.position, head, &mut out);
        }
        out.into_iter().map(|c| (c.text, c.position)).collect()
    }

    #[test]
    fn neighbouring_parts_of_long_compounds_are_parts_too() {
        let word = "Intensivbettenkapazität";
        let a = WordAnalyzer::default().analyse(word);
        let parts: Vec<(&str, &str, bool)> =
            a.parts.iter().map(|p| (p.term.as_str(), &word[p.start..p.end], p.joined)).collect();
        assert_eq!(
            parts,
            [
                ("intensiv", "Intensiv", false),
                ("bett", "bett", false),
                ("kapazitat", "kapazität", false),
                ("intensivbett", "Intensivbett", true),
                ("bettenkapazitat", "bettenkapazität", true),
            ]
        );
        // Two parts make no joined ones: the pair is the word.
        assert!(WordAnalyzer::default().analyse("Gasturbinen").parts.iter().all(|p| !p.joined));
    }

    #[test]
    fn elliptical_compounds_are_completed() {
        // The truncated word takes the last part of the complete one, at its position.
        assert_eq!(completed("Das Hotel- und Gaststättengewerbe"), [("Hotelgewerbe".into(), 3)]);
        assert_eq!(
            completed("Hotel-, Gaststätten- und Tourismusgewerbe"),
            [("Hotelgewerbe".into(), 3), ("Gaststättengewerbe".into(), 3)]
        );
        assert_eq!(completed("Abstands- oder Hygieneregeln"), [("Abstandsregeln".into(), 2)]);
        assert_eq!(completed("Abstands- bzw. Hygieneregeln"), [("Abstandsregeln".into(), 2)]);
        assert_eq!(
            completed("Krankheitskontrolle bzw. -prävention"),
            [("Krankheitsprävention".into(), 2)]
        );
        // The complete word gives its front to the truncated head.
        assert_eq!(
            completed("Krankheitskontrolle und -prävention"),
            [("Krankheitsprävention".into(), 2)]
        );
        // Nothing to complete: no conjunction, a hyphen chain, no compound, a hyphen chain
        // after the conjunction (its head is the chain's last word).
        for text in [
            "Hotel- Gaststättengewerbe",
            "Test-Pflicht und Gaststättengewerbe",
            "Hotel- und Restaurant",
            "Apple- und Android-Geräte",
            "Hotel und -gewerbe",
            "Krankheitskontrolle und - prävention",
        ] {
            assert_eq!(completed(text), [], "{text}");
        }
    }

    #[test]
    fn the_tokenizer_indexes_elliptical_compounds() {
        let mut tokenizer = GermanTokenizer::default();
        let mut stream = tokenizer.token_stream("Hotel- und Gaststättengewerbe leiden");
        let mut tokens = Vec::new();
        while stream.advance() {
            let t = stream.token();
            tokens.push((t.text.clone(), t.position));
        }
        assert!(tokens.contains(&("hotelgewerb".to_string(), 2)), "{tokens:?}");
        assert!(tokens.contains(&("hotel".to_string(), 0)), "{tokens:?}");
    }

    #[test]
    fn words_joined_by_a_missing_space_are_two() {
        let words = |text: &str| -> Vec<(String, usize)> {
            events(text).into_iter().filter(|e| e.0 != usize::MAX).map(|e| (e.1, e.2)).collect()
        };
        let w = |s: &str, p: usize| (s.to_string(), p);
        assert_eq!(
            words("nicht erhalten.Als sie kam"),
            [w("nicht", 0), w("erhalten", 1), w("Als", 2), w("sie", 3), w("kam", 4)]
        );
        assert_eq!(words("ZEIT:Hamburg"), [w("ZEIT", 0), w("Hamburg", 1)]);
        assert_eq!(words("in St.Gallen"), [w("in", 0), w("St", 1), w("Gallen", 2)]);
        // Abbreviations, names and gender forms stay whole.
        for word in ["z.B", "e.V", "re:publica", "e.GO", "Schüler:Innen", "U.S.A", "bild.de"] {
            assert_eq!(words(word), [w(word, 0)], "{word}");
        }
        // The second word is no link of a hyphen chain.
        assert!(!events("Corona-Krise.Die").iter().any(|e| e.0 == usize::MAX && e.2 > 2));
    }

    #[test]
    fn gender_inclusive_forms_are_recognised() {
        assert_eq!(gender_form("Schüler:innen"), Some("Schüler".len()));
        assert_eq!(gender_form("Lehrer_innen"), Some(6));
        assert_eq!(gender_form("Ärzt:in"), Some("Ärzt".len()));
        assert_eq!(gender_form("Bürger\u{b7}innen"), Some("Bürger".len()));
        assert_eq!(gender_form("BürgerInnen"), Some("Bürger".len()));
        assert_eq!(gender_form("Künstler*innen"), Some("Künstler".len()));
        assert_eq!(gender_form("Bürger/-innen"), Some("Bürger".len()));
        assert_eq!(gender_form("Schüler:Innen"), Some("Schüler".len()));
        for word in ["Schülerinnen", "LinkedIn", "12:30", "a:innen", "Innen", "ABCInnen", "x_y"] {
            assert_eq!(gender_form(word), None, "{word}");
        }
    }

    #[test]
    fn numbers_grouped_by_spaces_are_one_word() {
        let words = |text: &str| -> Vec<(String, usize)> {
            events(text).into_iter().filter(|e| e.0 != usize::MAX).map(|e| (e.1, e.2)).collect()
        };
        let w = |s: &str, p: usize| (s.to_string(), p);
        assert_eq!(
            words("rund 10 000 Menschen, 1 500 000 Euro"),
            [w("rund", 0), w("10 000", 1), w("Menschen", 2), w("1 500 000", 3), w("Euro", 4)]
        );
        assert_eq!(words("(10\u{a0}000)"), [w("10\u{a0}000", 0)]);
        assert_eq!(words("am 3 000."), [w("am", 0), w("3 000", 1)]);
        // A hyphen chain goes on after it, as after any word.
        assert_eq!(events("1 000-mal").last(), Some(&(usize::MAX, String::new(), 2)));
        assert_eq!(events("1 000-mal"), events_of_whole_text("1 000-mal"));
        // Not a group of three, not after four digits, not where the group runs on.
        for (text, n) in [("10 00", 2), ("2020 100", 2), ("1 000,5 Liter", 3), ("5 100er", 2)] {
            assert_eq!(words(text).len(), n, "{text}");
        }
        // The index holds the digits, at the number's offsets.
        let tokens = tokens("Es kamen 10 000 Menschen");
        assert_eq!(tokens[2], ("10000".to_string(), 2, "10 000"));
        assert_eq!(tokens[3].1, 3);
    }

    /// The tokens of `text` as (term, position, the text they cover).
    fn tokens(text: &str) -> Vec<(String, usize, &str)> {
        let mut tokenizer = GermanTokenizer::default();
        let mut stream = tokenizer.token_stream(text);
        let mut tokens = Vec::new();
        while stream.advance() {
            let t = stream.token();
            tokens.push((t.text.clone(), t.position, &text[t.offset_from..t.offset_to]));
        }
        tokens
    }

    #[test]
    fn the_tokenizer_indexes_a_gender_form_as_masculine_and_feminine() {
        let tokens =
            tokens("Die Schüler:innen und ErzieherInnen, Künstler*innen und Bürger/-innen gehen.");
        let stem = |w: &str| GermanStemmer::default().stem(&crate::fold::fold(w));
        for (word, position, text) in [
            ("Schüler", 1, "Schüler:innen"),
            ("Schülerinnen", 1, "Schüler:innen"),
            ("Erzieher", 3, "ErzieherInnen"),
            ("Erzieherinnen", 3, "ErzieherInnen"),
            // UAX #29 cuts these at the mark: joined again, one position.
            ("Künstlerinnen", 4, "Künstler*innen"),
            ("Bürger", 6, "Bürger/-innen"),
            ("gehen", 7, "gehen"),
        ] {
            assert!(tokens.contains(&(stem(word), position, text)), "{word}: {tokens:?}");
        }
    }

    #[test]
    fn compound_parts_are_indexed_marked_at_the_word_s_position() {
        let tokens = tokens("Die Gasturbinen und eine Turbine");
        assert!(tokens.contains(&("gasturbin".to_string(), 1, "Gasturbinen")), "{tokens:?}");
        assert!(tokens.contains(&(crate::part_term("turbin"), 1, "turbinen")), "{tokens:?}");
        assert!(tokens.contains(&(crate::part_term("gas"), 1, "Gas")), "{tokens:?}");
        // The word standing alone keeps the plain term.
        assert!(tokens.contains(&("turbin".to_string(), 4, "Turbine")), "{tokens:?}");
        assert!(!tokens.iter().any(|t| t.0 == "turbin" && t.1 == 1), "{tokens:?}");
        assert!(crate::is_part_term(crate::part_term("turbin").as_bytes()));
        assert!(!crate::is_part_term(b"turbin"));
    }

    #[test]
    fn hot_words_give_the_tokens_of_a_first_reading() {
        let text = "Die Impfstoffe der Gasturbinen-Aufträge: Impfstoff, Zulassung. Impfstoff!";
        let mut tokenizer = GermanTokenizer::default();
        let read = |t: &mut GermanTokenizer| {
            let mut stream = t.token_stream(text);
            let mut out = Vec::new();
            while stream.advance() {
                let tok = stream.token();
                out.push((tok.text.clone(), tok.offset_from, tok.offset_to, tok.position));
            }
            out
        };
        let first = read(&mut tokenizer);
        assert!(!tokenizer.hot.slots.is_empty(), "simple words were kept");
        assert_eq!(read(&mut tokenizer), first);
        assert_eq!(read(&mut GermanTokenizer::default()), first);
    }

    #[test]
    fn hot_words_keep_only_short_words_without_parts() {
        let mut words = WordAnalyzer::default();
        let mut hot = HotWords::default();
        for word in ["Zulassung", "Gasturbinen", "Donaudampfschifffahrtsgesellschaftskapitän"] {
            hot.put(word, &words.analyse(word));
        }
        assert_eq!(hot.get("Zulassung"), Some("zulassung"));
        assert_eq!(hot.get("Gasturbinen"), None, "a compound: its parts are tokens too");
        assert_eq!(hot.get("Donaudampfschifffahrtsgesellschaftskapitän"), None, "too long");
        assert_eq!(hot.get("Impfstoff"), None, "never kept");
    }

    #[test]
    fn a_space_with_a_lone_combining_mark_is_no_word() {
        // UAX #29 joins a combining mark to the space before it: " \u{11ca9}" is one "word".
        assert!(analyse_text("Impfstoff \u{11ca9} Zulassung")
            .iter()
            .all(|w| { w.analysis.term.chars().any(char::is_alphanumeric) }));
        assert_eq!(analyse_text("Impfstoff \u{11ca9} Zulassung").len(), 2);
    }
}
