//! The result types: the stable output contract of the query crate and of `presse --json`.
//!
//! One [`SearchResults`] per query:
//!
//! ```json
//! {"query": "Lawrow Cybersicherheit", "total_hits": 1, "took_ms": 1.2, "offset": 0,
//!  "hits": [{"rank": 1, "score": 12.3, "id": "…", "title": "…", "title_highlights": [[0, 6]],
//!            "source": "russland.news", "date": null, "url": null,
//!            "path": "/home/me/presse/fixtures/articles/seed.txt",
//!            "snippet": {"text": "…", "highlights": [[4, 10], [52, 67]]}}]}
//! ```
//!
//! All highlight ranges are `[start, end)` **byte** offsets into the UTF-8 text they belong to
//! (`snippet.text`, or `title`), as in ripgrep's JSON output: `text.as_bytes()[start..end]` in
//! Rust, `text.encode()[start:end].decode()` in Python. They always fall on character
//! boundaries.

use serde::{Deserialize, Serialize};

/// The answer to one query.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    /// The query as given.
    pub query: String,
    /// Number of matching articles (exact, whatever the limit).
    pub total_hits: u64,
    /// Time taken, in milliseconds.
    pub took_ms: f64,
    /// How many hits were skipped (paging).
    pub offset: usize,
    /// The hits, best first.
    pub hits: Vec<Hit>,
    /// Counts per source and month, when asked for.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub facets: Option<Facets>,
}

/// One matching article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// 1-based rank in the whole result list (offset included).
    pub rank: usize,
    /// Relevance score (higher is better; only comparable within one query).
    pub score: f32,
    /// The article id, as `presse show` takes it.
    pub id: String,
    /// The headline.
    pub title: String,
    /// Matches in the title, byte ranges into `title`.
    pub title_highlights: Vec<[usize; 2]>,
    /// The outlet.
    pub source: Option<String>,
    /// Publication time, RFC 3339 in UTC.
    pub date: Option<String>,
    /// The url.
    pub url: Option<String>,
    /// The file it was read from (plus `:line` for JSON lines).
    pub path: String,
    /// The best passages of lead and body, with highlights.
    pub snippet: Snippet,
    /// Other articles with the same text (collapsed into this hit), best first.
    pub also_in: Vec<Duplicate>,
}

/// An article collapsed into a hit because it has the same text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Duplicate {
    /// Its id.
    pub id: String,
    /// Its outlet.
    pub source: Option<String>,
    /// Its url.
    pub url: Option<String>,
}

/// Match counts over the whole result set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facets {
    /// Per source, most matches first.
    pub sources: Vec<FacetCount>,
    /// Per month (`YYYY-MM`), in order.
    pub months: Vec<FacetCount>,
    /// Per year (`YYYY`), in order; only when the matches span more than two years.
    pub years: Vec<FacetCount>,
}

/// One facet value and its count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetCount {
    /// The value.
    pub value: String,
    /// Matching articles with it.
    pub count: u64,
}

/// A passage of text with highlighted matches.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet {
    /// The passage, cut at word boundaries, `…` where it was cut.
    pub text: String,
    /// The matches, `[start, end)` byte ranges into `text`, in order, not overlapping.
    pub highlights: Vec<[usize; 2]>,
}

/// A whole stored article, as `presse show` prints it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredArticle {
    /// The id.
    pub id: String,
    /// The headline.
    pub title: String,
    /// Image caption or credit.
    pub caption: Option<String>,
    /// Lead paragraph.
    pub lead: Option<String>,
    /// The text, paragraphs separated by newlines.
    pub body: String,
    /// The outlet.
    pub source: Option<String>,
    /// The author(s).
    pub author: Option<String>,
    /// Publication time, RFC 3339 in UTC.
    pub date: Option<String>,
    /// The url.
    pub url: Option<String>,
    /// Where it was read from.
    pub path: String,
}

/// What `presse stats` shows about an index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexStats {
    /// The index directory.
    pub path: String,
    /// Articles in the index.
    pub articles: u64,
    /// Articles per source, most first.
    pub sources: Vec<FacetCount>,
    /// Earliest publication time (RFC 3339, UTC), if any article is dated.
    pub first_date: Option<String>,
    /// Latest publication time.
    pub last_date: Option<String>,
    /// Articles without a date.
    pub undated: u64,
    /// Groups of two or more articles with the same text (what search collapses).
    pub duplicate_groups: u64,
    /// Articles in those groups beyond the first of each.
    pub duplicate_articles: u64,
    /// Bytes on disk.
    pub size_bytes: u64,
    /// Index format version.
    pub format: u32,
    /// Analyser version the index was built with.
    pub analyzer: String,
    /// When the index was last committed (RFC 3339, UTC).
    pub updated: Option<String>,
    /// Segments (tantivy's parts of the index, each with its own term dictionaries).
    pub segments: u64,
    /// Terms of the index's vocabulary, which typo search walks instead of each segment's
    /// dictionary; `None` when the index has no vocabulary for its segments (`presse index`
    /// writes one).
    pub vocabulary_terms: Option<u64>,
}
