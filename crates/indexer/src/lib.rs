//! Files → articles → a presse index.
//!
//! [`source`] finds article files (`.txt`, `.json`, `.jsonl`, `.ndjson`, each optionally `.gz`)
//! and parses them into [`Article`]s; [`writer`] writes them into a tantivy index whose schema and
//! German analysis come from `presse-analysis`. Bad input is never fatal: each problem is
//! reported with its file (and line) and the rest is indexed.
//!
//! ```
//! use presse_indexer::IndexerBuilder;
//!
//! let dir = tempfile::tempdir().unwrap();
//! let articles = dir.path().join("articles");
//! std::fs::create_dir(&articles).unwrap();
//! std::fs::write(articles.join("a.jsonl"), r#"{"url": "u1", "header": "Impfstoff zugelassen", "article": "Die EU lässt den Impfstoff zu."}"#).unwrap();
//! let mut indexer = IndexerBuilder::new().open(&dir.path().join("index")).unwrap();
//! let report = indexer.index_paths(&[articles], &|_| {}).unwrap();
//! assert_eq!(report.articles_in_index, 1);
//! assert!(report.problems.is_empty());
//! ```
#![deny(missing_docs)]

pub mod article;
pub mod date;
pub mod merge;
pub mod source;
pub mod state;
pub mod writer;

pub use article::Article;
pub use source::{Item, Problem};
pub use writer::{IndexReport, Indexer, IndexerBuilder, Progress};

/// Errors of the indexer. Problems with single input files are not errors (see [`Problem`]).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The index directory holds something that is not a presse index.
    #[error("{0} exists and is not a presse index; choose an empty or new directory")]
    NotAnIndex(String),
    /// Another process is writing the index.
    #[error("the index at {path} is being written by another presse process{}; wait for it to finish", pid.as_ref().map(|p| format!(" (pid {p})")).unwrap_or_default())]
    Locked {
        /// The index directory.
        path: String,
        /// The pid of the writer, when known.
        pid: Option<String>,
    },
    /// A file system error on the index directory.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The disk holding the index is full; the index keeps its last commit.
    #[error("the disk holding {path} is full; the index keeps its last commit ({committed} articles). Free some space and run `presse index` again: it continues where it stopped")]
    DiskFull {
        /// The index directory.
        path: String,
        /// Articles in the last commit.
        committed: u64,
    },
    /// Schema or version mismatch.
    #[error(transparent)]
    Analysis(#[from] presse_analysis::Error),
    /// An error of the search engine library.
    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}

/// Result type of the indexer.
pub type Result<T> = std::result::Result<T, Error>;
