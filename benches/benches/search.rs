//! Query latency per category, with snippets, on the fixture index.

use criterion::{criterion_group, criterion_main, Criterion};
use presse_query::{SearchRequest, Searcher};

fn search(c: &mut Criterion) {
    let (_dir, index) = presse_benches::fixture_index();
    let searcher = Searcher::open(&index).unwrap();
    let mut group = c.benchmark_group("search");
    for (category, query, title) in presse_benches::FIXTURE_QUERIES {
        let request = SearchRequest::new(*query);
        let top = searcher.search(&request).unwrap();
        assert!(top.hits[0].title.starts_with(title), "{query}: {}", top.hits[0].title);
        group.bench_function(*category, |b| {
            b.iter(|| assert!(!searcher.search(&request).unwrap().hits[0].snippet.text.is_empty()))
        });
    }
    group.finish();
}

criterion_group!(benches, search);
criterion_main!(benches);
