//! Searching an index's segments on both cores.
//!
//! An index written by two indexing threads has at least two segments, and a large archive has
//! many ([`presse_indexer`'s merge policy] keeps merged segments under 50,000 articles). Each
//! segment is searched on its own and the results merged, so a search splits them into two
//! shares of about equal size and runs one on a second thread.
//!
//! [`presse_indexer`'s merge policy]: https://docs.rs/presse-indexer

use tantivy::collector::Collector;
use tantivy::query::{EnableScoring, Query};
use tantivy::{Searcher, SegmentReader};

/// Splits segments (by their number of documents) into two shares of about equal size: the
/// indexes of each share's segments.
pub fn two_shares(docs: &[u32]) -> (Vec<usize>, Vec<usize>) {
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(docs[i]));
    let (mut a, mut b) = (Vec::new(), Vec::new());
    let (mut size_a, mut size_b) = (0u64, 0u64);
    for i in order {
        if size_a <= size_b {
            size_a += u64::from(docs[i]);
            a.push(i);
        } else {
            size_b += u64::from(docs[i]);
            b.push(i);
        }
    }
    (a, b)
}

/// Runs `f` for each segment of `searcher`, the segments split between this thread and a
/// second one when there are two or more; returns the results in segment order.
pub fn each_segment<T: Send>(
    searcher: &Searcher,
    f: impl Fn(u32, &SegmentReader) -> T + Sync,
) -> Vec<T> {
    let readers = searcher.segment_readers();
    if readers.len() < 2 {
        return readers.iter().enumerate().map(|(i, r)| f(i as u32, r)).collect();
    }
    let docs: Vec<u32> = readers.iter().map(SegmentReader::max_doc).collect();
    let (mine, theirs) = two_shares(&docs);
    let run = |share: &[usize]| -> Vec<(usize, T)> {
        share.iter().map(|&i| (i, f(i as u32, &readers[i]))).collect()
    };
    let mut all = std::thread::scope(|scope| {
        let other = scope.spawn(|| run(&theirs));
        let mut all = run(&mine);
        all.extend(other.join().expect("a segment thread does not panic"));
        all
    });
    all.sort_by_key(|(i, _)| *i);
    all.into_iter().map(|(_, t)| t).collect()
}

/// [`Searcher::search`], with the segments searched on two threads ([`each_segment`]).
pub fn search<C>(searcher: &Searcher, query: &dyn Query, collector: &C) -> tantivy::Result<C::Fruit>
where
    C: Collector + Sync,
{
    let scoring = if collector.requires_scoring() {
        EnableScoring::enabled_from_searcher(searcher)
    } else {
        EnableScoring::disabled_from_searcher(searcher)
    };
    let weight = query.weight(scoring)?;
    let fruits = each_segment(searcher, |ord, reader| {
        collector.collect_segment(weight.as_ref(), ord, reader)
    });
    collector.merge_fruits(fruits.into_iter().collect::<tantivy::Result<Vec<_>>>()?)
}

#[cfg(test)]
mod tests {
    use super::two_shares;
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
        let (count, top) = super::search(&searcher, &query, &collector).unwrap();
        let (count_1, top_1) = searcher.search(&query, &collector).unwrap();
        assert_eq!(count, count_1);
        assert_eq!(top.len(), 15);
        assert_eq!(format!("{top:?}"), format!("{top_1:?}"));
    }

    #[test]
    fn shares_are_about_equal() {
        assert_eq!(two_shares(&[]), (vec![], vec![]));
        assert_eq!(two_shares(&[10]), (vec![0], vec![]));
        assert_eq!(two_shares(&[20_000, 21_000]), (vec![1], vec![0]));
        let docs = [50_000, 50_000, 40_000, 30_000, 20_000, 10_000];
        let (a, b) = two_shares(&docs);
        let size = |s: &[usize]| s.iter().map(|&i| docs[i]).sum::<u32>();
        assert_eq!(size(&a) + size(&b), 200_000);
        assert!(size(&a).abs_diff(size(&b)) <= 10_000, "{a:?} {b:?}");
    }
}
