//! Analyser throughput: MB/s of German text through the full presse analysis.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use presse_analysis::german_analyzer;
use tantivy::tokenizer::TokenStream;

fn analysis(c: &mut Criterion) {
    let text = presse_benches::fixture_text();
    let mut analyzer = german_analyzer();
    let count = |analyzer: &mut tantivy::tokenizer::TextAnalyzer| {
        let mut stream = analyzer.token_stream(&text);
        let mut n = 0usize;
        while stream.advance() {
            n += 1;
        }
        n
    };
    let tokens = count(&mut analyzer);
    // Words plus compound parts plus joined forms: more tokens than words, never fewer.
    let words = presse_analysis::word_spans(&text).len();
    assert!(tokens > words && words > 500, "{tokens} tokens for {words} words");
    let mut group = c.benchmark_group("analysis");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("german_fixture_text", |b| {
        b.iter(|| assert_eq!(count(&mut analyzer), tokens))
    });
    // The duplicate fingerprint computed for every article at index time.
    let fp = presse_analysis::fingerprint(&text);
    assert_ne!(fp, 0);
    group.bench_function("fingerprint", |b| {
        b.iter(|| assert_eq!(presse_analysis::fingerprint(&text), fp))
    });
    group.finish();
}

criterion_group!(benches, analysis);
criterion_main!(benches);
