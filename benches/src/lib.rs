//! Shared helpers of the presse benchmarks: fixture paths, a fixture index, query sets, and
//! percentiles.

use std::path::{Path, PathBuf};

/// Every benchmark binary allocates with mimalloc, as the `presse` binary does, so that
/// presse and the plain-tantivy baseline are measured with the same allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The workspace's `fixtures/articles`.
pub fn fixture_articles() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/articles")
}

/// German text of the fixtures (the seed article and the plain txt articles), for analyser
/// throughput.
pub fn fixture_text() -> String {
    let dir = fixture_articles();
    let mut text = std::fs::read_to_string(dir.join("seed.txt")).expect("seed fixture");
    let mut txt: Vec<_> =
        std::fs::read_dir(dir.join("txt")).expect("txt fixtures").flatten().collect();
    txt.sort_by_key(|e| e.path());
    for entry in txt {
        text.push('\n');
        text.push_str(&std::fs::read_to_string(entry.path()).expect("txt fixture"));
    }
    text
}

/// Builds an index of `fixtures/articles` in a temporary directory.
pub fn fixture_index() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let index = dir.path().join("index");
    let mut indexer = presse_indexer::IndexerBuilder::new().open(&index).expect("index");
    indexer.index_paths(&[fixture_articles()], &|_| {}).expect("indexing");
    (dir, index)
}

/// Queries over the fixtures, one per category, with the title fragment the top hit must have.
pub const FIXTURE_QUERIES: &[(&str, &str, &str)] = &[
    ("exact", "Lawrow Cybersicherheit", "Lawrow fordert"),
    ("morph", "Präsidentschaftswahl Lawrow", "Lawrow fordert"),
    ("compound", "Gruppenarbeit Lawrow", "Lawrow fordert"),
    ("spelling", "Aussenminister Lawrow", "Lawrow fordert"),
    ("typo", "Cybersicherhiet Lawrow", "Lawrow fordert"),
];

/// The tokenizer name of the plain-tantivy baseline index.
pub const BASELINE_TOKENIZER: &str = "de_stem";

/// The analyser of the plain-tantivy baseline (`../shared/eval/PEERS.md`, "tantivy (plain)"):
/// simple tokenizer, long tokens removed, lower case, Snowball German.
pub fn baseline_analyzer() -> tantivy::tokenizer::TextAnalyzer {
    use tantivy::tokenizer::{
        Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer,
    };
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(Stemmer::new(Language::German))
        .build()
}

/// The `query` of each line of a JSON-lines query file (`../shared/eval/queries-dev.jsonl`).
pub fn read_queries(path: &str) -> Vec<String> {
    let text = std::fs::read_to_string(path).expect("query file");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("JSON line")["query"]
                .as_str()
                .expect("query")
                .to_string()
        })
        .collect()
}

/// "N queries x R rounds: p50 …" of latencies in milliseconds, in the order measured: round
/// after round, each round every query in the same order. Besides the percentiles of all
/// measurements it gives the median over the queries of each query's fastest round ("best
/// p50"): on a machine whose speed drifts within seconds, it compares two builds more steadily.
pub fn latency_line(times: &[f64], queries: usize, rounds: usize) -> String {
    let mut sorted = times.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mean = sorted.iter().sum::<f64>() / sorted.len().max(1) as f64;
    let mut best: Vec<f64> = (0..queries)
        .map(|q| {
            times.iter().skip(q).step_by(queries.max(1)).copied().fold(f64::INFINITY, f64::min)
        })
        .collect();
    best.sort_by(f64::total_cmp);
    format!(
        "{queries} queries x {rounds} rounds: p50 {:.2} ms, p95 {:.2} ms, p99 {:.2} ms, mean {:.2} ms, best p50 {:.2} ms",
        percentile(&sorted, 50.0),
        percentile(&sorted, 95.0),
        percentile(&sorted, 99.0),
        mean,
        percentile(&best, 50.0),
    )
}

/// The `p`-th percentile (0-100) of sorted values, nearest rank.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles() {
        let v: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&v, 50.0), 50.0);
        assert_eq!(percentile(&v, 99.0), 99.0);
        assert_eq!(percentile(&v, 100.0), 100.0);
        assert!(percentile(&[], 50.0).is_nan());
        // Two queries, two rounds: query 0 took 1 then 4 ms, query 1 took 3 then 2 ms.
        assert_eq!(
            latency_line(&[1.0, 3.0, 4.0, 2.0], 2, 2),
            "2 queries x 2 rounds: p50 2.00 ms, p95 4.00 ms, p99 4.00 ms, mean 2.50 ms, \
             best p50 1.00 ms"
        );
        // Best rounds 1, 2, 5 ms: their median is 2 ms.
        let times = [9.0, 2.0, 5.0, 1.0, 8.0, 7.0];
        assert!(latency_line(&times, 3, 2).ends_with("best p50 2.00 ms"));
    }
}
