//! JSON output: the library's own serde types, one document (or one line per batch query).

use std::io::Write;

use anyhow::Result;
use presse_query::{SearchResults, StoredArticle};

/// Writes the results as one JSON line.
pub fn results(out: &mut impl Write, results: &SearchResults) -> Result<()> {
    serde_json::to_writer(&mut *out, results)?;
    writeln!(out)?;
    Ok(())
}

/// Writes a failed batch query as one JSON line: `{"query", "error", "total_hits": 0, "hits": []}`.
pub fn error(out: &mut impl Write, query: &str, error: &str) -> Result<()> {
    let v = serde_json::json!({"query": query, "error": error, "total_hits": 0, "hits": []});
    serde_json::to_writer(&mut *out, &v)?;
    writeln!(out)?;
    Ok(())
}

/// Writes one article as a JSON document.
pub fn article(out: &mut impl Write, article: &StoredArticle) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, article)?;
    writeln!(out)?;
    Ok(())
}
