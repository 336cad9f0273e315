//! The German analyser: text → terms, as a tantivy [`Tokenizer`].
//!
//! For every word (UAX #29 word boundaries, via unicode-segmentation) it emits, all at the word's
//! position and with offsets into the original text:
//! - the stem of the folded word ([`crate::fold`], [`crate::stem`]);
//! - the stem of each compound part ([`crate::compound`]), its offsets on the part alone, so
//!   that `Turbinen` highlights inside `Gasturbinen`;
//! - after a hyphenated chain (`Test-Pflicht`, `Covid-19`, `AfD-Politiker`) the stem of the joined
//!   form (`testpflicht`), at the position of the chain's last word, so that the joined spelling
//!   finds the hyphenated one and phrases that go on after the chain still line up.
//!
//! Stop words are indexed like other words; the query side decides what to do with them.
//! The analysis of each distinct word is cached per tokenizer (the index writer keeps one
//! tokenizer per thread), which makes the compound search a once-per-word cost.

use std::collections::HashMap;

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use unicode_segmentation::UnicodeSegmentation;

use crate::compound::CompoundSplitter;
use crate::fold::fold_word;
use crate::stem::GermanStemmer;
use crate::stopwords::is_stop_word;

/// Words longer than this many bytes are not indexed (they are not words but noise such as
/// base64 blobs; tantivy also limits the length of a term).
pub const MAX_WORD_BYTES: usize = 80;

/// How many distinct words a tokenizer caches before it starts afresh.
const CACHE_CAPACITY: usize = 300_000;

/// A compound part of a word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// The part's term (folded and stemmed).
    pub term: String,
    /// Byte offset where the part starts in the original word.
    pub start: usize,
    /// Byte offset where the part ends in the original word.
    pub end: usize,
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
        fold_word(word, &mut self.folded, &mut self.offsets);
        let folded = self.folded.clone();
        let term = self.stemmer.stem(&folded);
        let stop = is_stop_word(&folded);
        let mut parts = Vec::new();
        if !stop {
            for range in self.splitter.split(&folded) {
                let part_term = self.stemmer.stem(&folded[range.clone()]);
                if part_term != term {
                    parts.push(Part {
                        term: part_term,
                        start: self.offsets[range.start],
                        end: self.offsets[range.end],
                    });
                }
            }
        }
        WordAnalysis { folded, term, stop, parts }
    }

    /// Folds and stems one word without looking for compound parts (the cheap part of
    /// [`WordAnalyzer::analyse`]); returns (folded, term).
    pub fn fold_and_stem(&mut self, word: &str) -> (String, String) {
        fold_word(word, &mut self.folded, &mut self.offsets);
        (self.folded.clone(), self.stemmer.stem(&self.folded))
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
    let mut position = 0usize;
    let mut last_word_end: Option<usize> = None;
    let mut hyphen_end: Option<usize> = None;
    let mut chain_len = 0usize;
    for (start, segment) in text.split_word_bound_indices() {
        if is_word(segment) {
            if segment.len() > MAX_WORD_BYTES {
                if chain_len > 1 {
                    f(Event::ChainEnd(chain_len));
                }
                chain_len = 0;
                last_word_end = None;
                hyphen_end = None;
                continue;
            }
            if hyphen_end == Some(start) && chain_len > 0 {
                chain_len += 1;
            } else {
                if chain_len > 1 {
                    f(Event::ChainEnd(chain_len));
                }
                chain_len = 1;
            }
            f(Event::Word(start, segment, position));
            position += 1;
            last_word_end = Some(start + segment.len());
            hyphen_end = None;
        } else if is_hyphen(segment) && last_word_end == Some(start) {
            hyphen_end = Some(start + segment.len());
        } else {
            hyphen_end = None;
            last_word_end = None;
        }
    }
    if chain_len > 1 {
        f(Event::ChainEnd(chain_len));
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

/// Analyses a whole text into words (no caching; for queries and tests).
pub fn analyse_text(text: &str) -> Vec<AnalysedWord> {
    let mut analyzer = WordAnalyzer::default();
    let mut words = Vec::new();
    for_each_word(text, |event| {
        if let Event::Word(start, word, position) = event {
            words.push(AnalysedWord {
                start,
                end: start + word.len(),
                position,
                analysis: analyzer.analyse(word),
            })
        }
    });
    words
}

/// The presse German tokenizer. Register it with [`crate::register`]; do not use it under
/// another name.
#[derive(Default)]
pub struct GermanTokenizer {
    words: WordAnalyzer,
    cache: HashMap<Box<str>, WordAnalysis>,
    tokens: Vec<Token>,
}

impl Clone for GermanTokenizer {
    /// A clone starts with an empty cache.
    fn clone(&self) -> Self {
        GermanTokenizer::default()
    }
}

impl std::fmt::Debug for GermanTokenizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GermanTokenizer").field("cached_words", &self.cache.len()).finish()
    }
}

fn push_token(tokens: &mut Vec<Token>, term: &str, from: usize, to: usize, position: usize) {
    tokens.push(Token {
        offset_from: from,
        offset_to: to,
        position,
        text: term.to_string(),
        position_length: 1,
    });
}

impl GermanTokenizer {
    fn fill(&mut self, text: &str) {
        let GermanTokenizer { words, cache, tokens } = self;
        tokens.clear();
        if cache.len() > CACHE_CAPACITY {
            cache.clear();
        }
        // (start, end, position, folded) of the latest words, for hyphen chains.
        let mut recent: Vec<(usize, usize, usize, String)> = Vec::new();
        for_each_word(text, |event| match event {
            Event::Word(start, word, position) => {
                let analysis = match cache.get(word) {
                    Some(a) => a,
                    None => cache.entry(word.into()).or_insert_with(|| words.analyse(word)),
                };
                let end = start + word.len();
                push_token(tokens, &analysis.term, start, end, position);
                for part in &analysis.parts {
                    push_token(tokens, &part.term, start + part.start, start + part.end, position);
                }
                if recent.len() >= MAX_CHAIN {
                    recent.remove(0);
                }
                recent.push((start, end, position, analysis.folded.clone()));
            }
            Event::ChainEnd(len) => {
                let links = &recent[recent.len() - len.min(recent.len())..];
                let folded: Vec<&str> = links.iter().map(|l| l.3.as_str()).collect();
                let term = words.joined_term(&folded);
                let (first, last) = (&links[0], &links[links.len() - 1]);
                push_token(tokens, &term, first.0, last.1, last.2);
            }
        });
    }
}

/// The longest hyphen chain whose joined form is indexed (longer chains join their last words).
const MAX_CHAIN: usize = 6;

/// The token stream of a [`GermanTokenizer`].
pub struct GermanTokenStream<'a> {
    tokens: &'a mut Vec<Token>,
    next: usize,
}

impl Tokenizer for GermanTokenizer {
    type TokenStream<'a> = GermanTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> GermanTokenStream<'a> {
        self.fill(text);
        GermanTokenStream { tokens: &mut self.tokens, next: 0 }
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
