//! Collecting and ordering hits: relevance or date order, exact hit counts, facets. (The
//! coordination factor is part of the score: [`crate::coord`].)

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};

use presse_analysis::schema::names;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DateTime, DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

use crate::request::Sort;

/// Collects the best `keep` hits in the requested order and counts all matches.
pub struct RankCollector {
    /// How many hits to keep (offset + limit).
    pub keep: usize,
    /// The order.
    pub sort: Sort,
    /// Name of the date fast field.
    pub date_field: String,
    /// Whether to count sources and months over all matches.
    pub facets: bool,
}

/// Counts over the whole matching set, before conversion to names: source → count and
/// (year, month) → count.
#[derive(Debug, Default, Clone)]
pub struct FacetCounts {
    /// Matches per source.
    pub sources: HashMap<String, u64>,
    /// Matches per month.
    pub months: HashMap<(i32, u8), u64>,
}

/// A collected hit.
#[derive(Debug, Clone, Copy)]
pub struct Ranked {
    /// The sort key (score, or seconds since the epoch for date orders).
    key: f64,
    /// The relevance score (coordination applied).
    pub score: Score,
    /// The document.
    pub doc: DocAddress,
    /// Fingerprint of its text (0: none), for collapsing duplicates.
    pub fingerprint: u64,
    /// Publication time in seconds since the epoch (`i64::MAX`: none), for breaking ties.
    pub date: i64,
}

impl Ranked {
    /// Sets a new relevance score (and sort key, under relevance order).
    pub fn rescore(&mut self, score: Score) {
        if self.key == self.score as f64 {
            self.key = score as f64;
        }
        self.score = score;
    }
}

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Ranked {}
impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Ranked {
    /// Greater is better: higher key, then higher score; among equals (often one text
    /// quoted or syndicated by another outlet) the earlier publication, likely the original,
    /// then the fingerprints of their texts, so that the order does not depend on which
    /// indexing thread wrote which article first; the earlier document last.
    fn cmp(&self, other: &Self) -> Ordering {
        self.key
            .total_cmp(&other.key)
            .then(self.score.total_cmp(&other.score))
            .then(other.date.cmp(&self.date))
            .then(other.fingerprint.cmp(&self.fingerprint))
            .then(other.doc.cmp(&self.doc))
    }
}

/// The per-segment part of [`RankCollector`].
pub struct RankSegmentCollector {
    segment: SegmentOrdinal,
    fingerprints: Option<Column<u64>>,
    facets: Option<SegmentFacets>,
    dates: Option<Column<DateTime>>,
    sort: Sort,
    keep: usize,
    heap: BinaryHeap<std::cmp::Reverse<Ranked>>,
    total: u64,
}

impl Collector for RankCollector {
    type Fruit = (u64, Vec<Ranked>, FacetCounts);
    type Child = RankSegmentCollector;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<RankSegmentCollector> {
        let dates = reader.fast_fields().date(&self.date_field).ok();
        let facets = if self.facets {
            Some(SegmentFacets {
                sources: reader.fast_fields().str(names::SOURCE)?,
                source_ords: HashMap::new(),
                months: HashMap::new(),
            })
        } else {
            None
        };
        Ok(RankSegmentCollector {
            segment,
            fingerprints: reader.fast_fields().u64(names::FINGERPRINT).ok(),
            facets,
            dates,
            sort: self.sort,
            keep: self.keep,
            heap: BinaryHeap::with_capacity(self.keep + 1),
            total: 0,
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(
        &self,
        fruits: Vec<(u64, Vec<Ranked>, FacetCounts)>,
    ) -> tantivy::Result<(u64, Vec<Ranked>, FacetCounts)> {
        let total = fruits.iter().map(|f| f.0).sum();
        let mut facets = FacetCounts::default();
        let mut all: Vec<Ranked> = Vec::new();
        for (_, ranked, counts) in fruits {
            all.extend(ranked);
            for (k, v) in counts.sources {
                *facets.sources.entry(k).or_default() += v;
            }
            for (k, v) in counts.months {
                *facets.months.entry(k).or_default() += v;
            }
        }
        all.sort_by(|a, b| b.cmp(a));
        all.truncate(self.keep);
        Ok((total, all, facets))
    }
}

/// Facet counting of one segment (source by term ordinal, converted at the end).
pub struct SegmentFacets {
    sources: Option<StrColumn>,
    source_ords: HashMap<u64, u64>,
    months: HashMap<(i32, u8), u64>,
}

impl RankSegmentCollector {
    fn count_facets(&mut self, doc: DocId) {
        let Some(f) = &mut self.facets else { return };
        if let Some(col) = &f.sources {
            for ord in col.term_ords(doc) {
                *f.source_ords.entry(ord).or_default() += 1;
            }
        }
        let secs = self.dates.as_ref().and_then(|c| c.first(doc)).map(|d| d.into_timestamp_secs());
        if let Some(t) = secs.and_then(|s| time::OffsetDateTime::from_unix_timestamp(s).ok()) {
            *f.months.entry((t.year(), t.month() as u8)).or_default() += 1;
        }
    }
}

impl SegmentCollector for RankSegmentCollector {
    type Fruit = (u64, Vec<Ranked>, FacetCounts);

    fn collect(&mut self, doc: DocId, score: Score) {
        self.total += 1;
        self.count_facets(doc);
        if self.keep == 0 {
            return;
        }
        if self.sort == Sort::Relevance && self.heap.len() >= self.keep {
            // An article that scores below the worst kept hit cannot get in (one that scores
            // the same may, by the tie-break).
            if let Some(worst) = self.heap.peek() {
                if (score as f64) < worst.0.key {
                    return;
                }
            }
        }
        let secs = self.dates.as_ref().and_then(|c| c.first(doc)).map(|d| d.into_timestamp_secs());
        let key = match (self.sort, secs) {
            (Sort::Relevance, _) => score as f64,
            (Sort::Newest, Some(s)) => s as f64,
            (Sort::Oldest, Some(s)) => -(s as f64),
            (_, None) => f64::NEG_INFINITY,
        };
        let fingerprint = self.fingerprints.as_ref().and_then(|c| c.first(doc)).unwrap_or(0);
        let date = secs.unwrap_or(i64::MAX);
        let hit = Ranked { key, score, doc: DocAddress::new(self.segment, doc), fingerprint, date };
        if self.heap.len() < self.keep {
            self.heap.push(std::cmp::Reverse(hit));
        } else if let Some(mut worst) = self.heap.peek_mut() {
            if hit > worst.0 {
                *worst = std::cmp::Reverse(hit);
            }
        }
    }

    fn harvest(self) -> (u64, Vec<Ranked>, FacetCounts) {
        let mut counts = FacetCounts::default();
        if let Some(f) = self.facets {
            let mut name = String::new();
            for (ord, n) in f.source_ords {
                if let Some(col) = &f.sources {
                    if col.ord_to_str(ord, &mut name).unwrap_or(false) {
                        *counts.sources.entry(name.clone()).or_default() += n;
                    }
                }
            }
            counts.months = f.months;
        }
        (self.total, self.heap.into_iter().map(|r| r.0).collect(), counts)
    }
}
