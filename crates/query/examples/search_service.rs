//! A JSON-over-stdin search service: the query crate embedded in a long-running process.
//!
//! ```text
//! cargo run --release -p presse-query --example search_service -- presse-index
//! {"query": "Lawrow Aussenminister", "limit": 3}
//! {"query": "Impfstoff", "since": "2021-01", "sort": "newest", "source": ["zeit.de"]}
//! ```
//!
//! Each input line is a request object (`query` required; `limit`, `offset`, `since`, `until`,
//! `source`, `sort`, `snippet` optional); each output line is the `SearchResults` JSON that
//! `presse search --json` prints, or `{"error": "…"}`. The searcher is opened once and picks up
//! new commits of a running `presse index` by itself.

use std::io::{BufRead, Write};

use presse_query::{parse_date_bound, Bound, SearchRequest, Searcher, Sort};
use serde::Deserialize;

#[derive(Deserialize)]
struct Request {
    query: String,
    limit: Option<usize>,
    offset: Option<usize>,
    since: Option<String>,
    until: Option<String>,
    #[serde(default)]
    source: Vec<String>,
    sort: Option<Sort>,
    snippet: Option<usize>,
}

fn answer(searcher: &Searcher, line: &str) -> String {
    let result = serde_json::from_str::<Request>(line).map_err(|e| e.to_string()).and_then(|r| {
        let mut req = SearchRequest::new(r.query)
            .limit(r.limit.unwrap_or(10))
            .offset(r.offset.unwrap_or(0))
            .sort(r.sort.unwrap_or_default())
            .snippet_chars(r.snippet.unwrap_or(200));
        if let Some(s) = r.since {
            req = req.since(parse_date_bound(&s, Bound::Start).map_err(|e| e.to_string())?);
        }
        if let Some(u) = r.until {
            req = req.until(parse_date_bound(&u, Bound::End).map_err(|e| e.to_string())?);
        }
        for s in r.source {
            req = req.source(s);
        }
        searcher.search(&req).map_err(|e| e.to_string())
    });
    match result {
        Ok(results) => serde_json::to_string(&results).expect("results serialise"),
        Err(e) => serde_json::json!({ "error": e }).to_string(),
    }
}

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "presse-index".to_string());
    let searcher = match Searcher::open(&dir) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("search_service: {e}");
            std::process::exit(2);
        }
    };
    // One answer per request line, flushed at once, so a client can talk to the process
    // through a pipe. (`Searcher` is `Clone + Send + Sync`: a threaded server shares one.)
    let mut out = std::io::stdout().lock();
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else { break };
        if line.trim().is_empty() {
            continue;
        }
        writeln!(out, "{}", answer(&searcher, &line)).and_then(|()| out.flush()).expect("stdout");
    }
}
