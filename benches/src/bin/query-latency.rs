//! In-process query latency with snippets over a query file, for corpus-scale measurements.
//!
//! ```text
//! query-latency INDEX QUERIES.jsonl [ROUNDS] [--no-snippets]
//! ```
//! QUERIES.jsonl has one object per line with a `query` key (the format of
//! `../shared/eval/queries-dev.jsonl`). Runs every query once to warm up, then ROUNDS times
//! (default 5), and prints p50 / p95 / p99 / mean in milliseconds. `--no-snippets` measures the
//! search without snippets, to see what they cost.

use std::time::Instant;

use presse_query::{SearchRequest, Searcher};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: query-latency INDEX QUERIES.jsonl [ROUNDS] [--no-snippets]");
        std::process::exit(2);
    }
    let searcher = Searcher::open(&args[1]).unwrap_or_else(|e| {
        eprintln!("query-latency: {e}");
        std::process::exit(2)
    });
    let rounds: usize = args.get(3).and_then(|r| r.parse().ok()).unwrap_or(5);
    let queries = presse_benches::read_queries(&args[2]);
    // `--no-snippets`: the search alone, to see what snippets cost.
    let no_snippets = args.iter().any(|a| a == "--no-snippets");
    let requests: Vec<SearchRequest> = queries
        .iter()
        .map(|q| {
            let request = SearchRequest::new(q.clone()).limit(10);
            if no_snippets {
                request.snippet_chars(0)
            } else {
                request
            }
        })
        .collect();
    for r in &requests {
        searcher.search(r).expect("search");
    }
    let mut times = Vec::with_capacity(requests.len() * rounds);
    for _ in 0..rounds {
        for r in &requests {
            let t = Instant::now();
            let results = searcher.search(r).expect("search");
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            assert!(results.hits.len() <= 10);
        }
    }
    println!("{}", presse_benches::latency_line(&times, queries.len(), rounds));
}
