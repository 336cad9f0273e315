//! Re-ranking the best candidates by how close together the query's words stand.
//!
//! A reader who remembers an article remembers a passage: "beim Gipfel in Brüssel auf einen
//! Kompromiss zum Rechtsstaatsmechanismus". After BM25 and the coordination factor have picked
//! the [`RERANK_DEPTH`] best candidates, each one's text (title, lead and body, from the index's
//! positions, no stored text is read) is searched for the window of at most [`WINDOW`] words
//! that holds the most distinct query words, and the score grows with that number:
//! `score × (1 + PROXIMITY_WEIGHT × (in_window − 1) / (words − 1))`.

use tantivy::postings::{Postings, SegmentPostings};
use tantivy::schema::{Field, IndexRecordOption, Term};
use tantivy::{DocSet, Searcher, TERMINATED};

use crate::rank::Ranked;

/// How many of the best candidates are re-ranked (100 and 50 rank the dev, pair and synthetic
/// queries alike; 50 keeps fewer candidates in the collector, about 3 % faster).
pub const RERANK_DEPTH: usize = 50;
/// The largest window, in words, that counts as one passage.
pub const WINDOW: u32 = 30;
/// Weight of the passage factor.
pub const PROXIMITY_WEIGHT: f32 = 0.5;

/// Most distinct groups within any window of `WINDOW` positions. `hits` is (position, group),
/// in any order.
pub fn best_window(hits: &mut [(u32, usize)], groups: usize) -> usize {
    hits.sort_unstable();
    let mut counts = vec![0u32; groups];
    let mut distinct = 0usize;
    let mut best = 0usize;
    let mut left = 0usize;
    for right in 0..hits.len() {
        let (pos, g) = hits[right];
        if counts[g] == 0 {
            distinct += 1;
        }
        counts[g] += 1;
        while hits[left].0 + WINDOW < pos {
            let lg = hits[left].1;
            counts[lg] -= 1;
            if counts[lg] == 0 {
                distinct -= 1;
            }
            left += 1;
        }
        best = best.max(distinct);
    }
    best
}

/// Re-scores `ranked` (best first) by passage proximity of the `groups` (each a list of index
/// terms) in `fields`, and re-sorts it.
pub fn rerank(
    searcher: &Searcher,
    fields: &[Field],
    groups: &[Vec<String>],
    ranked: &mut [Ranked],
) {
    let n = groups.len();
    if n < 2 || ranked.is_empty() {
        return;
    }
    let weight = PROXIMITY_WEIGHT;
    let depth = ranked.len().min(RERANK_DEPTH);
    // Candidates by segment, in document order (postings only move forward).
    let mut order: Vec<usize> = (0..depth).collect();
    order.sort_by_key(|&i| ranked[i].doc);
    let mut factors = vec![1.0f32; depth];
    let mut positions = Vec::new();
    let mut i = 0;
    while i < order.len() {
        let segment = ranked[order[i]].doc.segment_ord;
        let reader = searcher.segment_reader(segment);
        // Postings of every (field, group, term).
        let mut postings: Vec<(usize, u32, SegmentPostings)> = Vec::new();
        for (fi, &field) in fields.iter().enumerate() {
            let Ok(inv) = reader.inverted_index(field) else { continue };
            for (g, terms) in groups.iter().enumerate() {
                for t in terms {
                    let term = Term::from_field_text(field, t);
                    if let Ok(Some(p)) =
                        inv.read_postings(&term, IndexRecordOption::WithFreqsAndPositions)
                    {
                        // Fields are laid end to end, far apart, so windows never span two.
                        postings.push((g, fi as u32 * 1_000_000, p));
                    }
                }
            }
        }
        while i < order.len() && ranked[order[i]].doc.segment_ord == segment {
            let idx = order[i];
            let doc = ranked[idx].doc.doc_id;
            let mut hits: Vec<(u32, usize)> = Vec::new();
            for (g, base, p) in postings.iter_mut() {
                if p.doc() == TERMINATED || p.doc() > doc {
                    continue;
                }
                if p.doc() < doc && p.seek(doc) != doc {
                    continue;
                }
                if p.doc() == doc {
                    positions.clear();
                    p.positions(&mut positions);
                    hits.extend(positions.iter().map(|&pos| (pos + *base, *g)));
                }
            }
            let best = best_window(&mut hits, n);
            factors[idx] = 1.0 + weight * (best.saturating_sub(1)) as f32 / (n - 1) as f32;
            i += 1;
        }
    }
    for (r, f) in ranked.iter_mut().zip(&factors) {
        r.rescore(r.score * f);
    }
    ranked[..depth].sort_by(|a, b| b.cmp(a));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_counts_distinct_groups_close_together() {
        let mut hits = vec![(0, 0), (100, 1), (105, 2), (110, 0), (400, 1)];
        assert_eq!(best_window(&mut hits, 3), 3);
        let mut apart = vec![(0, 0), (100, 1), (200, 2)];
        assert_eq!(best_window(&mut apart, 3), 1);
        assert_eq!(best_window(&mut [], 3), 0);
    }
}
