//! The coordination factor, worked out while an article is scored: articles that match more of
//! the query's word groups rank above articles that match one of them many times.
//!
//! An article's score is the sum of its groups' scores and of the proximity bonuses, times
//! (groups matched / groups)^[`COORD_POWER`]. The groups and the bonuses are the clauses of one
//! tantivy `BooleanWeight` whose score combiner ([`CoordCombiner`]) counts the groups that
//! match an article as it adds up their scores. A bonus is told apart from a group by its sign:
//! the bonuses enter negated ([`Negated`]), and BM25 scores are never negative. (The collector
//! used to count the groups itself by opening every group's postings again for each segment
//! and seeking them for each collected article: a fifth of a search's instructions.)

use tantivy::query::{
    BooleanWeight, EnableScoring, Explanation, Occur, Query, ScoreCombiner, Scorer, Weight,
};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

/// The score of an article is multiplied by (groups matched / groups) to this power.
pub const COORD_POWER: f32 = 2.0;

/// The word groups of a query and its proximity bonuses, scored with the coordination factor.
#[derive(Debug)]
pub struct CoordQuery {
    groups: Vec<Box<dyn Query>>,
    bonuses: Vec<Box<dyn Query>>,
}

impl CoordQuery {
    /// `groups`: the query's word groups (each counts once); `bonuses`: clauses that add to the
    /// score of an article the groups match.
    pub fn new(groups: Vec<Box<dyn Query>>, bonuses: Vec<Box<dyn Query>>) -> CoordQuery {
        CoordQuery { groups, bonuses }
    }
}

impl Clone for CoordQuery {
    fn clone(&self) -> Self {
        CoordQuery {
            groups: self.groups.iter().map(|q| q.box_clone()).collect(),
            bonuses: self.bonuses.iter().map(|q| q.box_clone()).collect(),
        }
    }
}

impl Query for CoordQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let mut weights: Vec<(Occur, Box<dyn Weight>)> = Vec::new();
        for group in &self.groups {
            weights.push((Occur::Should, group.weight(enable_scoring)?));
        }
        for bonus in &self.bonuses {
            weights.push((Occur::Should, Box::new(Negated(bonus.weight(enable_scoring)?))));
        }
        // With a clause that never matches, tantivy always builds its union of the clauses,
        // through the combiner, even where a segment has postings for one group only (a single
        // scorer would be returned as it is, uncoordinated).
        weights.push((Occur::Should, Box::new(Never)));
        let groups = u16::try_from(self.groups.len()).unwrap_or(u16::MAX);
        Ok(Box::new(BooleanWeight::with_minimum_number_should_match(
            weights,
            1,
            enable_scoring.is_scoring_enabled(),
            Box::new(move || CoordCombiner { groups, ..CoordCombiner::default() }),
        )))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for q in self.groups.iter().chain(&self.bonuses) {
            q.query_terms(visitor);
        }
    }
}

/// Adds up the scores of an article's matching clauses, counting the groups among them.
#[derive(Debug, Clone, Copy, Default)]
pub struct CoordCombiner {
    sum: Score,
    matched: u16,
    groups: u16,
}

impl ScoreCombiner for CoordCombiner {
    fn update<TScorer: Scorer>(&mut self, scorer: &mut TScorer) {
        let score = scorer.score();
        if score < 0.0 {
            // A bonus.
            self.sum -= score;
        } else {
            self.sum += score;
            self.matched += 1;
        }
    }

    fn clear(&mut self) {
        self.sum = 0.0;
        self.matched = 0;
    }

    fn score(&self) -> Score {
        coordinated(self.sum, usize::from(self.matched), usize::from(self.groups))
    }
}

/// `score` × (`matched` / `groups`)^[`COORD_POWER`] (at least one group counts as matched).
pub fn coordinated(score: Score, matched: usize, groups: usize) -> Score {
    let share = matched.max(1) as f32 / groups.max(1) as f32;
    score * share.powf(COORD_POWER)
}

/// A weight whose scores are those of another, negated.
struct Negated(Box<dyn Weight>);

impl Weight for Negated {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(NegatedScorer(self.0.scorer(reader, boost)?)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let inner = self.0.explain(reader, doc)?;
        let mut explanation =
            Explanation::new("Bonus (negated to tell it from a group)", -inner.value());
        explanation.add_detail(inner);
        Ok(explanation)
    }
}

struct NegatedScorer(Box<dyn Scorer>);

impl DocSet for NegatedScorer {
    fn advance(&mut self) -> DocId {
        self.0.advance()
    }
    fn seek(&mut self, target: DocId) -> DocId {
        self.0.seek(target)
    }
    fn doc(&self) -> DocId {
        self.0.doc()
    }
    fn size_hint(&self) -> u32 {
        self.0.size_hint()
    }
}

impl Scorer for NegatedScorer {
    fn score(&mut self) -> Score {
        -self.0.score()
    }
}

/// A weight that matches nothing, and is not tantivy's `EmptyScorer` (which unions drop).
struct Never;

impl Weight for Never {
    fn scorer(&self, _reader: &SegmentReader, _boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(NeverScorer))
    }

    fn explain(&self, _reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        Err(tantivy::TantivyError::InvalidArgument(format!("document {doc} does not match")))
    }
}

struct NeverScorer;

impl DocSet for NeverScorer {
    fn advance(&mut self) -> DocId {
        TERMINATED
    }
    fn doc(&self) -> DocId {
        TERMINATED
    }
    fn size_hint(&self) -> u32 {
        0
    }
}

impl Scorer for NeverScorer {
    fn score(&mut self) -> Score {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A scorer that sits on one document with a fixed score.
    struct Fixed(Score);

    impl DocSet for Fixed {
        fn advance(&mut self) -> DocId {
            TERMINATED
        }
        fn doc(&self) -> DocId {
            0
        }
        fn size_hint(&self) -> u32 {
            1
        }
    }

    impl Scorer for Fixed {
        fn score(&mut self) -> Score {
            self.0
        }
    }

    #[test]
    fn groups_count_and_bonuses_add() {
        let mut c = CoordCombiner { groups: 3, ..CoordCombiner::default() };
        c.update(&mut Fixed(2.0));
        c.update(&mut Fixed(1.0));
        c.update(&mut NegatedScorer(Box::new(Fixed(0.5))));
        // Two of three groups, and the bonus in the sum.
        assert_eq!(c.score(), 3.5 * (2.0f32 / 3.0).powf(COORD_POWER));
        c.clear();
        c.update(&mut Fixed(4.0));
        assert_eq!(c.score(), 4.0 * (1.0f32 / 3.0).powf(COORD_POWER));
        assert_eq!(coordinated(4.0, 0, 2), 1.0, "no group counts as one");
    }
}
