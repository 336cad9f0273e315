//! The query-latency baseline of `benches/corpus.sh`: the same queries over the plain tantivy
//! index of `baseline-index`, parsed by tantivy's `QueryParser` over title and body (any word),
//! the best 10 hits collected and their stored documents read (no snippets, no typo tolerance,
//! no compounds). Measured in the same run as presse, its p50 says how fast the machine is at
//! the time, so presse's latency can be read as a ratio.
//!
//! ```text
//! baseline-latency INDEX QUERIES.jsonl [ROUNDS]
//! ```

use std::time::Instant;

use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::{Index, TantivyDocument};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: baseline-latency INDEX QUERIES.jsonl [ROUNDS]");
        std::process::exit(2);
    }
    let index = Index::open_in_dir(&args[1]).expect("baseline index");
    index
        .tokenizers()
        .register(presse_benches::BASELINE_TOKENIZER, presse_benches::baseline_analyzer());
    let schema = index.schema();
    let fields = ["title", "body"].map(|f| schema.get_field(f).expect("baseline field"));
    let parser = QueryParser::for_index(&index, fields.to_vec());
    let searcher = index.reader().expect("reader").searcher();
    let rounds: usize = args.get(3).and_then(|r| r.parse().ok()).unwrap_or(5);
    let queries: Vec<_> = presse_benches::read_queries(&args[2])
        .iter()
        .map(|q| parser.parse_query_lenient(q).0)
        .collect();
    let run = |query: &dyn tantivy::query::Query| -> usize {
        let top =
            searcher.search(query, &TopDocs::with_limit(10).order_by_score()).expect("search");
        for (_, address) in &top {
            let _doc: TantivyDocument = searcher.doc(*address).expect("stored document");
        }
        top.len()
    };
    for q in &queries {
        run(q.as_ref());
    }
    let mut times = Vec::with_capacity(queries.len() * rounds);
    for _ in 0..rounds {
        for q in &queries {
            let t = Instant::now();
            let hits = run(q.as_ref());
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            assert!(hits <= 10);
        }
    }
    println!("{}", presse_benches::latency_line(&times, queries.len(), rounds));
}
