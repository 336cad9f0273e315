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
    /// The best passage of lead and body, with highlights.
    pub snippet: Snippet,
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
