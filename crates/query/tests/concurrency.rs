//! The searcher under concurrent use: several threads search while an indexer commits.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use presse_query::{SearchRequest, Searcher};

#[test]
fn threads_search_while_an_indexer_commits() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let inputs = dir.path().join("inputs");
    std::fs::create_dir(&inputs).unwrap();
    let mut indexer = presse_indexer::IndexerBuilder::new().open(&index).unwrap();
    let write_batch = |n: usize| {
        let path = inputs.join(format!("batch-{n}.jsonl"));
        let lines: Vec<String> = (0..20)
            .map(|i| {
                serde_json::json!({
                    "url": format!("https://example.invalid/{n}/{i}"),
                    "header": format!("Meldung {i} der Lieferung {n}"),
                    "article": "Der Impfstoff wurde in die Landkreise geliefert.",
                })
                .to_string()
            })
            .collect();
        std::fs::write(&path, lines.join("\n")).unwrap();
        path
    };
    indexer.index_paths(&[write_batch(0)], &|_| {}).unwrap();
    let searcher = Searcher::open(&index).unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let readers: Vec<_> = (0..3)
        .map(|_| {
            let (searcher, stop) = (searcher.clone(), Arc::clone(&stop));
            std::thread::spawn(move || {
                let mut seen = Vec::new();
                while !stop.load(Ordering::Relaxed) {
                    let r = searcher.search(&SearchRequest::new("Impfstoff").limit(5)).unwrap();
                    assert!(r.hits.len() <= 5);
                    seen.push(r.total_hits);
                }
                seen
            })
        })
        .collect();
    for n in 1..=5 {
        indexer.index_paths(&[write_batch(n)], &|_| {}).unwrap();
    }
    searcher.reload().unwrap();
    assert_eq!(searcher.search(&SearchRequest::new("Impfstoff")).unwrap().total_hits, 120);
    stop.store(true, Ordering::Relaxed);
    for r in readers {
        let seen = r.join().unwrap();
        assert!(!seen.is_empty());
        // Every search saw a committed state: whole batches of 20, never fewer than the first.
        assert!(seen.iter().all(|&t| t >= 20 && t % 20 == 0 && t <= 120), "{seen:?}");
        assert!(seen.windows(2).all(|w| w[0] <= w[1]), "commits only add: {seen:?}");
    }
}

#[test]
fn searcher_is_send_sync_and_cheap_to_clone() {
    fn assert_send_sync<T: Send + Sync + Clone + 'static>() {}
    assert_send_sync::<Searcher>();
    assert_send_sync::<presse_query::SearchResults>();
}
