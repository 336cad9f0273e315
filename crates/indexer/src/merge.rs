//! Which segments the index writer merges: small ones, into segments of bounded size.
//!
//! A tantivy merge reads its source segments through memory maps, and every page it reads counts
//! towards the process's resident memory until the merge is done. tantivy's default policy
//! merges ever larger segments (up to millions of documents), so the memory of indexing grew
//! with the archive: 1.2 GiB of mapped pages during one merge of the 10× corpus. This policy
//! merges only while the merged segment stays under [`MAX_MERGED_DOCS`] documents, which bounds
//! the pages one merge maps whatever the size of the archive; a large archive ends up with
//! several segments of that size, which costs a search little.

use tantivy::index::SegmentMeta;
use tantivy::merge_policy::{MergeCandidate, MergePolicy};

/// The largest segment a merge may produce, in documents (about 300 MB of index for news
/// articles).
pub const MAX_MERGED_DOCS: u32 = 50_000;
/// Merge when at least this many segments fit in one merge.
pub const MIN_SEGMENTS_TO_MERGE: usize = 4;

/// Merges small segments, never into a segment larger than a bound.
#[derive(Debug, Clone)]
pub struct BoundedMergePolicy {
    max_merged_docs: u32,
    min_segments: usize,
}

impl Default for BoundedMergePolicy {
    fn default() -> Self {
        BoundedMergePolicy { max_merged_docs: MAX_MERGED_DOCS, min_segments: MIN_SEGMENTS_TO_MERGE }
    }
}

impl BoundedMergePolicy {
    /// A policy producing segments of at most `max_merged_docs` documents, merging at least
    /// `min_segments` segments at a time.
    pub fn new(max_merged_docs: u32, min_segments: usize) -> Self {
        BoundedMergePolicy { max_merged_docs, min_segments: min_segments.max(2) }
    }

    /// Groups of segment sizes (in documents) to merge, as indexes into `sizes`: the smallest
    /// segments first, each group as large as fits under the bound.
    pub fn groups(&self, sizes: &[u32]) -> Vec<Vec<usize>> {
        let mut order: Vec<usize> =
            (0..sizes.len()).filter(|&i| sizes[i] < self.max_merged_docs / 2).collect();
        order.sort_by_key(|&i| (sizes[i], i));
        let mut groups = Vec::new();
        let mut group: Vec<usize> = Vec::new();
        let mut total = 0u64;
        for i in order {
            if total + u64::from(sizes[i]) > u64::from(self.max_merged_docs) {
                if group.len() >= self.min_segments {
                    groups.push(std::mem::take(&mut group));
                }
                // The segments are sorted by size: no later one fits into this group either.
                group.clear();
                total = 0;
            }
            total += u64::from(sizes[i]);
            group.push(i);
        }
        if group.len() >= self.min_segments {
            groups.push(group);
        }
        groups
    }
}

impl MergePolicy for BoundedMergePolicy {
    fn compute_merge_candidates(&self, segments: &[SegmentMeta]) -> Vec<MergeCandidate> {
        let sizes: Vec<u32> = segments.iter().map(SegmentMeta::num_docs).collect();
        self.groups(&sizes)
            .into_iter()
            .map(|g| MergeCandidate(g.into_iter().map(|i| segments[i].id()).collect()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_small_segments_in_groups_under_the_bound() {
        let policy = BoundedMergePolicy::new(100, 2);
        let groups = policy.groups(&[10, 10, 10, 10, 40, 45]);
        let sizes = [10, 10, 10, 10, 40, 45];
        assert!(!groups.is_empty());
        for g in &groups {
            assert!(g.len() >= 2);
            assert!(g.iter().map(|&i| sizes[i]).sum::<u32>() <= 100, "{groups:?}");
        }
        // Every small segment is in some group.
        let merged: usize = groups.iter().map(Vec::len).sum();
        assert!(merged >= 5, "{groups:?}");
    }

    #[test]
    fn large_segments_are_left_alone() {
        let policy = BoundedMergePolicy::new(100, 2);
        assert!(policy.groups(&[60, 70, 80]).is_empty(), "each at least half the bound");
        assert!(policy.groups(&[10]).is_empty(), "one segment is no merge");
        let groups = policy.groups(&[60, 10, 70, 20]);
        assert_eq!(groups, vec![vec![1, 3]]);
    }

    #[test]
    fn too_few_segments_wait() {
        let policy = BoundedMergePolicy::new(100, 4);
        assert!(policy.groups(&[10, 10, 10]).is_empty());
        assert_eq!(policy.groups(&[10, 10, 10, 10]).len(), 1);
    }
}
