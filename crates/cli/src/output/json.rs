//! JSON output: the library's own serde types, one document (or one line per batch query).

use std::io::Write;

use anyhow::Result;
use presse_query::{IndexStats, SearchResults, StoredArticle};

/// Serialises to one line of JSON, escaping the characters that JSON allows raw but that
/// line-splitting readers (Python's `str.splitlines`, JavaScript before ES2019) take for line
/// ends: U+2028, U+2029 and NEL.
fn one_line(value: &impl serde::Serialize) -> Result<String> {
    let text = serde_json::to_string(value)?;
    if !text.contains(['\u{2028}', '\u{2029}', '\u{85}']) {
        return Ok(text);
    }
    Ok(text
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
        .replace('\u{85}', "\\u0085"))
}

/// Writes the results as one JSON line.
pub fn results(out: &mut impl Write, results: &SearchResults) -> Result<()> {
    writeln!(out, "{}", one_line(results)?)?;
    Ok(())
}

/// Writes a failed batch query as one JSON line: `{"query", "error", "total_hits": 0, "hits": []}`.
pub fn error(out: &mut impl Write, query: &str, error: &str) -> Result<()> {
    let v = serde_json::json!({"query": query, "error": error, "total_hits": 0, "hits": []});
    writeln!(out, "{}", one_line(&v)?)?;
    Ok(())
}

/// Writes index statistics as a JSON document.
pub fn stats(out: &mut impl Write, stats: &IndexStats) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, stats)?;
    writeln!(out)?;
    Ok(())
}

/// Writes one article as a JSON document.
pub fn article(out: &mut impl Write, article: &StoredArticle) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, article)?;
    writeln!(out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_separators_are_escaped() {
        let line = one_line(&serde_json::json!({"t": "a\u{2028}b\u{85}c"})).unwrap();
        assert_eq!(line, r#"{"t":"a\u2028b\u0085c"}"#);
        let back: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(back["t"], "a\u{2028}b\u{85}c");
    }
}
