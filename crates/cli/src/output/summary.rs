//! The summary `presse index` ends with.

use std::collections::BTreeMap;
use std::path::Path;

use presse_indexer::IndexReport;

/// The reason of a problem without its details (`JSON syntax error at column 7: …` →
/// `JSON syntax error`), for counting.
fn reason_class(reason: &str) -> &str {
    let head = reason.split([':', ';', '(']).next().unwrap_or(reason);
    head.split(" at column").next().unwrap_or(head).trim()
}

/// The summary lines.
pub fn index_summary(r: &IndexReport, index: &Path) -> String {
    let secs = r.elapsed.as_secs_f64();
    let mb = r.bytes_read as f64 / 1e6;
    let mut s = format!(
        "indexed {} articles from {} files ({:.1} MB) in {:.1} s ({:.1} MB/s); {} holds {} articles",
        r.articles_indexed,
        r.files_read,
        mb,
        secs,
        if secs > 0.0 { mb / secs } else { 0.0 },
        index.display(),
        r.articles_in_index,
    );
    if r.files_unchanged > 0 || r.files_removed > 0 {
        s.push_str(&format!(
            "\n{} files unchanged since the last run (not read again), {} files gone (their articles removed)",
            r.files_unchanged, r.files_removed
        ));
    }
    let mut skipped: BTreeMap<&str, usize> = BTreeMap::new();
    for p in r.problems.iter().filter(|p| p.skipped) {
        *skipped.entry(reason_class(&p.reason)).or_default() += 1;
    }
    if !skipped.is_empty() {
        let list: Vec<String> = skipped.iter().map(|(k, v)| format!("{k}: {v}")).collect();
        s.push_str(&format!("\nskipped {} files or lines ({})", r.skipped(), list.join(", ")));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert_eq!(
            reason_class("JSON syntax error at column 7: expected value; line skipped"),
            "JSON syntax error"
        );
        assert_eq!(reason_class("empty file"), "empty file");
        assert_eq!(reason_class("no title and no text; skipped"), "no title and no text");
    }
}
