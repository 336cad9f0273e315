//! German text analysis and the index schema of presse, shared by the indexer and the query side.
//!
//! The analysis turns German text into index terms (see [`analyzer`] for the whole chain):
//! UAX #29 words → [`fold`] (lower case, `ß` → `ss`, umlauts and `ae oe ue` → `a o u`) →
//! [`stem`] (Snowball German) → [`compound`] parts beside the whole word, and joined forms of
//! hyphenated words. Offsets always point into the original text.
//!
//! An index stores only the *name* of its tokenizer, so every process that opens a presse index
//! must call [`register`] on it first (the indexer and the query crates do). [`ANALYZER_VERSION`]
//! is recorded in each index; an index built with another analysis is refused, not misread.
//!
//! ```
//! use presse_analysis::analyse_text;
//!
//! let words = analyse_text("Der Außenminister lobt die Gasturbinen");
//! let terms: Vec<&str> = words.iter().map(|w| w.analysis.term.as_str()).collect();
//! assert_eq!(terms[1], presse_analysis::analyse_text("Aussenminister")[0].analysis.term);
//! // The compound part is emitted beside the whole word, marked as a part in the index.
//! assert!(words[4].analysis.parts.iter().any(|p| p.term == "turbin"));
//! assert_eq!(presse_analysis::part_term("turbin"), "\u{1}turbin");
//! ```
#![deny(missing_docs)]

/// The lexicon version, as a literal for `concat!` (see [`compound::LEXICON_VERSION`]).
macro_rules! lexicon_version {
    () => {
        "wordfreq-3.1.1-de-large.8"
    };
}

pub mod analyzer;
pub mod compound;
pub mod fold;
pub mod meta;
pub mod schema;
pub mod snowball;
pub mod stem;
pub mod stopwords;
pub mod vocabulary;

pub use analyzer::{
    analyse_text, gender_form, walk_words, word_spans, AnalysedWord, GermanTokenizer, Part,
    WordAnalysis, WordAnalyzer,
};
pub use meta::IndexMeta;
pub use schema::{build_schema, fingerprint, Fields};
pub use vocabulary::Vocabulary;

use tantivy::tokenizer::TextAnalyzer;
use tantivy::Index;

/// The name the German analyser is registered under in every presse index.
pub const ANALYZER_NAME: &str = "presse_de";

/// The version of the whole analysis (folding, stemming, splitting, lexicon). An index records
/// it; a different version means the index must be rebuilt.
pub const ANALYZER_VERSION: &str = concat!("presse-de-6+", lexicon_version!());

/// The first byte of a compound part's index term: a part is indexed apart from the same word
/// standing alone (`hof` of `Schlachthof` as `\u{1}hof`, the word `Hof` as `hof`), so that each
/// has its own document frequency and a query ranks the word itself above compounds that hold
/// it ([`part_term`]). No word's term begins with it (terms are folded letters and digits).
pub const PART_MARK: char = '\u{1}';

/// The index term of a compound part whose term is `term`.
pub fn part_term(term: &str) -> String {
    let mut out = String::with_capacity(term.len() + 1);
    out.push(PART_MARK);
    out.push_str(term);
    out
}

/// Whether an index term is a compound part's ([`PART_MARK`]).
pub fn is_part_term(term: &[u8]) -> bool {
    term.first() == Some(&(PART_MARK as u8))
}

/// Errors of the analysis crate.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The index schema lacks a presse field.
    #[error("the index has no field `{0}`: it was not built by presse")]
    MissingField(String),
    /// The index was built by an incompatible version of presse.
    #[error(
        "the index at {path} was built by an incompatible presse ({found}; this presse needs \
         {expected}); rebuild it with `presse index --full`"
    )]
    Incompatible {
        /// The index directory.
        path: String,
        /// What the index records.
        found: String,
        /// What this build needs.
        expected: String,
    },
    /// The index's vocabulary could not be written.
    #[error("{path}: cannot write the vocabulary: {reason}")]
    Vocabulary {
        /// The file or index directory.
        path: String,
        /// The cause.
        reason: String,
    },
    /// The index metadata file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
}

/// Result type of the analysis crate.
pub type Result<T> = std::result::Result<T, Error>;

/// The German analyser as a tantivy [`TextAnalyzer`].
pub fn german_analyzer() -> TextAnalyzer {
    TextAnalyzer::from(GermanTokenizer::default())
}

/// Registers the presse analysers on an index. Call it on every index you open.
pub fn register(index: &Index) {
    index.tokenizers().register(ANALYZER_NAME, german_analyzer());
}
