//! Work on both cores: the pieces of one search (the index's segments, the typo walks of
//! several words, the snippets of a page) shared by this thread and one more.
//!
//! An index written by two indexing threads has at least two segments, and a large archive has
//! many ([`presse_indexer`'s merge policy] keeps merged segments under 50,000 articles). Each
//! segment is searched on its own and the results merged, the largest segments first.
//!
//! [`presse_indexer`'s merge policy]: https://docs.rs/presse-indexer

use std::sync::atomic::{AtomicUsize, Ordering};

use tantivy::collector::Collector;
use tantivy::query::{Bm25StatisticsProvider, EnableScoring, Query};
use tantivy::Searcher;

/// `f` of every item, worked out on this thread and a second one (when there are two items or
/// more), each taking the next item not yet taken, so that items of unequal cost still keep
/// both busy; each thread keeps a `state` of its own. Returns the results in item order.
pub fn on_two_threads<T: Sync, S, R: Send>(
    items: &[T],
    state: impl Fn() -> S + Sync,
    f: impl Fn(&mut S, &T) -> R + Sync,
) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let work = || {
        let mut s = state();
        let mut done = Vec::new();
        loop {
            let k = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(k) else { return done };
            done.push((k, f(&mut s, item)));
        }
    };
    let mut all = if items.len() < 2 {
        work()
    } else {
        std::thread::scope(|scope| {
            let other = scope.spawn(work);
            let mut all = work();
            all.extend(other.join().expect("a worker thread does not panic"));
            all
        })
    };
    all.sort_by_key(|(k, _)| *k);
    all.into_iter().map(|(_, r)| r).collect()
}

/// [`Searcher::search`], with the segments searched on two threads ([`on_two_threads`]), the
/// largest first, and BM25 weighed by `stats`.
pub fn search<C>(
    searcher: &Searcher,
    stats: &dyn Bm25StatisticsProvider,
    query: &dyn Query,
    collector: &C,
) -> tantivy::Result<C::Fruit>
where
    C: Collector + Sync,
{
    let scoring = if collector.requires_scoring() {
        EnableScoring::enabled_from_statistics_provider(stats, searcher)
    } else {
        EnableScoring::disabled_from_searcher(searcher)
    };
    let weight = query.weight(scoring)?;
    let readers = searcher.segment_readers();
    let mut order: Vec<usize> = (0..readers.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(readers[i].max_doc()));
    let fruits = on_two_threads(
        &order,
        || (),
        |_, &i| collector.collect_segment(weight.as_ref(), i as u32, &readers[i]),
    );
    collector.merge_fruits(fruits.into_iter().collect::<tantivy::Result<Vec<_>>>()?)
}

#[cfg(test)]
mod tests {
    use tantivy::collector::{Count, TopDocs};
    use tantivy::query::TermQuery;
    use tantivy::schema::{IndexRecordOption, Schema, TEXT};
    use tantivy::{doc, Index, IndexWriter, Term};

    #[test]
    fn two_threads_find_what_one_finds() {
        let mut schema = Schema::builder();
        let text = schema.add_text_field("text", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for segment in 0..5 {
            for i in 0..(20 + segment * 7) {
                let words = if i % 3 == 0 { "impfstoff zulassung" } else { "zulassung" };
                writer.add_document(doc!(text => format!("{words} {segment} {i}"))).unwrap();
            }
            writer.commit().unwrap();
        }
        let searcher = index.reader().unwrap().searcher();
        assert_eq!(searcher.segment_readers().len(), 5);
        let query =
            TermQuery::new(Term::from_field_text(text, "impfstoff"), IndexRecordOption::WithFreqs);
        let collector = (Count, TopDocs::with_limit(15).order_by_score());
        let (count, top) = super::search(&searcher, &searcher, &query, &collector).unwrap();
        let (count_1, top_1) = searcher.search(&query, &collector).unwrap();
        assert_eq!(count, count_1);
        assert_eq!(top.len(), 15);
        assert_eq!(format!("{top:?}"), format!("{top_1:?}"));
    }

    #[test]
    fn every_item_is_worked_on_once_and_results_keep_their_order() {
        let items: Vec<u64> = (0..200).collect();
        // Items of unequal cost.
        let results =
            super::on_two_threads(&items, || (), |_, &i| (0..i * 1_000).fold(i, |a, b| a ^ b));
        let expected: Vec<u64> =
            items.iter().map(|&i| (0..i * 1_000).fold(i, |a, b| a ^ b)).collect();
        assert_eq!(results, expected);
        assert_eq!(super::on_two_threads(&[7u8], || (), |_, &x| x * 2), vec![14]);
        assert!(super::on_two_threads(&[] as &[u8], || (), |_, &x| x).is_empty());
    }
}
