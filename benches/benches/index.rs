//! Indexing the fixture articles (30 articles in 10 files of every format) into a new index.

use criterion::{criterion_group, criterion_main, Criterion};

fn index(c: &mut Criterion) {
    let mut group = c.benchmark_group("index");
    group.sample_size(10);
    group.bench_function("fixtures_30_articles", |b| {
        b.iter(|| {
            let dir = tempfile::tempdir().unwrap();
            let mut indexer =
                presse_indexer::IndexerBuilder::new().open(&dir.path().join("i")).unwrap();
            let report =
                indexer.index_paths(&[presse_benches::fixture_articles()], &|_| {}).unwrap();
            assert_eq!(report.articles_in_index, 30);
        })
    });
    group.finish();
}

criterion_group!(benches, index);
criterion_main!(benches);
