//! Syntax tree → tantivy query: the German ranking of presse.
//!
//! Every query word becomes a *group*: the disjunction (max, small tie-breaker) of
//! - its exact term in title, lead and body (BM25, fields boosted [`TITLE_BOOST`] > [`LEAD_BOOST`]
//!   > body; the best field counts whole, the others at [`FIELD_TIE`]);
//! - the same term as a compound part of the articles' words, at [`IN_COMPOUND_BOOST`]
//!   (`Turbinen` finds `Gasturbinen`; a quoted word finds only the word itself);
//! - its compound parts near each other, all required, at [`PART_BOOST`] (`Migrantenboote`
//!   finds "Migranten … Booten"), or [`PART_BOOST_HELD`] when the index has the compound itself;
//! - its other word forms that the stemmer keeps apart ([`word_variants`]: `entmachtet` for
//!   `entmachten`; the other number of a Latin plural: `Virus` for `Viren`) at [`MORPH_BOOST`];
//! - its other spellings ([`crate::orthography`]: `Photo`, `Foto`; `St.`, `Sankt`) at
//!   [`SPELLING_BOOST`];
//! - its typo expansions ([`crate::fuzzy`]) at [`FUZZY_BOOST`], less for two edits, none
//!   weighing more than the most common of them (a misspelt word stands for a common word
//!   before a rare one), and its German respelling if it is a name in English transliteration
//!   ([`crate::translit`]).
//!
//! A hyphenated query word (`Test-Pflicht`) is a group of its joined form, all of its words
//! close together, or further apart at [`PART_BOOST`] as the joined word's parts would be.
//! Stop words are left out when the query has other words. Neighbouring query words add a
//! sloppy phrase bonus ([`PROXIMITY_BOOST`]), and [`crate::coord`] scales each article's score
//! by the share of groups it matches, so that articles with more of the query's words rank above
//! articles with one word many times.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use presse_analysis::{analyse_text, AnalysedWord, Fields, Vocabulary, WordAnalyzer};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, DisjunctionMaxQuery, EmptyQuery,
    PhraseQuery, Query, RangeQuery, RegexQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Term};
use tantivy::{DateTime, Searcher};

use crate::coord::CoordQuery;
use crate::fuzzy;
use crate::parse::{Clause, Node, Occur, Scope};
use crate::request::SearchRequest;
use crate::QueryError;

/// Weight of a title match relative to the body.
pub const TITLE_BOOST: f32 = 1.1;
/// Weight of a lead match relative to the body.
pub const LEAD_BOOST: f32 = 1.05;
/// A word found in several fields scores its best field plus this share of each other field's
/// score (a word in title and body counts more than in one of them, but not twice).
pub const FIELD_TIE: f32 = 0.5;
/// Weight of matching a query compound by its parts, when no article has the compound itself.
pub const PART_BOOST: f32 = 0.8;
/// Weight of matching a query compound by its parts when some article has the compound itself.
pub const PART_BOOST_HELD: f32 = PART_BOOST / 2.0;
/// Weight of a query word found as a compound part of an article's word (`Turbinen` in
/// `Gasturbinen`), relative to the word standing alone. Parts are indexed apart from words
/// ([`presse_analysis::PART_MARK`]), each with its own document frequency: a word that many
/// compounds hold (`Hof` in `Seehofer`, `Schlachthöfen`) scores less as a part than as itself.
pub const IN_COMPOUND_BOOST: f32 = 0.8;
/// Weight of a one-edit typo expansion (two edits: [`FUZZY_BOOST_2`]).
pub const FUZZY_BOOST: f32 = 0.7;
/// Weight of a two-edit typo expansion.
pub const FUZZY_BOOST_2: f32 = 0.3;
/// How far apart (in words) the parts of a query compound may stand in an article.
pub const PART_SLOP: u32 = 6;
/// How far apart the words of a hyphenated query word may stand (`Test-Pflicht` finds
/// "Pflicht zum Test" only when the joined form is absent).
pub const CHAIN_SLOP: u32 = 2;
/// Weight of the other spelling German allows for a word (`Photo` for `Foto`,
/// [`crate::orthography`]).
pub const SPELLING_BOOST: f32 = 0.9;
/// Weight of a name's German spelling when typed in English transliteration
/// ([`crate::translit`]: `Tichanowskaja` for `Tikhanovskaya`).
pub const TRANSLIT_BOOST: f32 = FUZZY_BOOST;
/// Weight of a word form the stemmer keeps apart (`entmachtet` for `entmachten`, `Virus` for
/// `Viren`).
pub const MORPH_BOOST: f32 = 0.8;
/// Highlight terms are searched for in unfolded text by their first bytes only: a word that
/// holds a term holds its beginning. Short patterns keep the automaton small (it is built for
/// every search); the words they find are then checked one by one.
const RAW_PATTERN_BYTES: usize = 4;
/// At most this many spellings of one pattern (a pattern with more is shortened).
const MAX_SPELLINGS: usize = 8;
/// Tie-breaker of the alternatives of one group.
pub const GROUP_TIE: f32 = 0.1;
/// Weight of two neighbouring query words standing close together.
pub const PROXIMITY_BOOST: f32 = 1.0;
/// How far apart (in words) neighbouring query words may stand for the proximity bonus.
pub const PROXIMITY_SLOP: u32 = 3;

/// The compiled query.
pub struct Plan {
    /// The query to run.
    pub query: Box<dyn Query>,
    /// The index terms of each group, for proximity.
    pub group_terms: Vec<Vec<String>>,
    /// Terms to highlight.
    pub highlight: Highlight,
}

/// What to highlight: index terms and term prefixes.
#[derive(Debug, Clone, Default)]
pub struct Highlight {
    /// Finds the terms and prefixes inside folded text, so that snippets analyse only the words
    /// that may match. Built on first use, from the terms and prefixes of that moment: the plan
    /// is complete before any snippet is made.
    finder: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>>,
    /// Finds the spellings of the terms and prefixes in unfolded text ([`Highlight::raw_finder`]).
    raw_finder: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>>,
    /// Terms (folded, stemmed) whose words are highlighted.
    pub terms: HashSet<String>,
    /// Prefixes (of `wort*` queries).
    pub prefixes: Vec<String>,
    /// The query word (group) each term stands for, so that a snippet counts `Außenminister`
    /// and a standalone `Minister` (a part of the same query word) as one word, not two.
    pub group_of: std::collections::HashMap<String, usize>,
    /// Terms that stand for only a part of a query word: a compound part (`verbot` of
    /// `Alkoholausschankverbot`) or one word of a hyphenated chain, and not also a query word's
    /// own term. A passage with the whole word is shown before one with only a part of it.
    pub part_terms: HashSet<String>,
    /// The part terms that are words of a hyphenated query word (`krise` of `Corona-Krise`):
    /// "Corona-Krise" in a text is that query word as typed, so they stay highlighted where the
    /// joined form (`Coronakrise`) is shown too.
    pub hyphen_terms: HashSet<String>,
}

impl Highlight {
    /// Whether a matched term stands for only a part of its query word ([`Highlight::part_terms`]).
    pub fn is_part(&self, term: &str) -> bool {
        self.part_terms.contains(term)
    }

    /// Whether a part term is a word of a hyphenated query word ([`Highlight::hyphen_terms`]).
    pub fn is_hyphen_word(&self, term: &str) -> bool {
        self.hyphen_terms.contains(term)
    }

    /// Whether a word with this term is a match.
    pub fn matches(&self, term: &str) -> bool {
        self.terms.contains(term) || self.prefixes.iter().any(|p| term.starts_with(p.as_str()))
    }

    /// Whether folded text contains any term or prefix (a word of it may then match). Always
    /// true when no finder can be built.
    pub fn may_match(&self, folded: &str) -> bool {
        let finder = self.finder.get_or_init(|| {
            let patterns: Vec<&str> =
                self.terms.iter().chain(&self.prefixes).map(String::as_str).collect();
            aho_corasick::AhoCorasick::new(patterns).ok()
        });
        finder.as_ref().is_none_or(|f| f.is_match(folded))
    }

    /// An automaton that finds, in unfolded text, every place where a word may hold a searched
    /// term or prefix: their spellings ([`presse_analysis::fold::spellings`]), matched
    /// ASCII-case-insensitively, so that a long text is searched without folding it. A term is
    /// looked for by its first [`RAW_PATTERN_BYTES`] bytes, or fewer if those have more than
    /// [`MAX_SPELLINGS`] spellings: the finder finds a superset of the words to look at. Reliable
    /// only where the text's chars [`presse_analysis::fold::spelt_plainly`]. `None` when a term
    /// has letters without a spelling rule.
    pub fn raw_finder(&self) -> Option<&aho_corasick::AhoCorasick> {
        self.raw_finder
            .get_or_init(|| {
                let mut patterns: Vec<String> = Vec::new();
                for term in self.terms.iter().chain(&self.prefixes) {
                    if term.is_empty() {
                        continue;
                    }
                    if !term.is_ascii() {
                        return None;
                    }
                    let spelt = (1..=term.len().min(RAW_PATTERN_BYTES)).rev().find_map(|len| {
                        presse_analysis::fold::spellings(&term[..len], MAX_SPELLINGS)
                    })?;
                    patterns.extend(spelt);
                }
                patterns.sort();
                patterns.dedup();
                aho_corasick::AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    // Few short patterns: the DFA is cheap to build and the fastest to run.
                    .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                    .build(patterns)
                    .ok()
            })
            .as_ref()
    }

    /// How many distinct query words (labels) a text can match, when that is known (not with
    /// `wort*` prefixes, whose words count one by one).
    pub fn word_count(&self) -> Option<usize> {
        if !self.prefixes.is_empty() || self.terms.is_empty() {
            return None;
        }
        let labels: HashSet<String> = self.terms.iter().map(|t| self.label(t)).collect();
        Some(labels.len())
    }

    /// What a matched term counts as when a snippet looks for distinct query words.
    pub fn label(&self, term: &str) -> String {
        match self.group_of.get(term) {
            Some(g) => format!("#{g}"),
            None => term.to_string(),
        }
    }
}

struct Compiler<'a> {
    searcher: &'a Searcher,
    /// The index's vocabulary for typo search, opened when a word first needs it.
    vocabulary: &'a (dyn Fn() -> Option<Arc<Vocabulary>> + Sync),
    fields: &'a Fields,
    highlight: Highlight,
    /// Terms highlighted as a whole query word (its term, forms, typo expansions, a phrase's
    /// words, a chain's joined form), and those highlighted as a part of one.
    whole_terms: HashSet<String>,
    part_terms: HashSet<String>,
    hyphen_terms: HashSet<String>,
    drop_stop_words: bool,
    /// Stop words written capitalised after the query's first word (`Stephan Weil`, `Anne
    /// Will`): names, which still pair with the word before them for the proximity bonus
    /// ([`names_among_stop_words`]).
    kept_stop_words: HashSet<String>,
    /// Typo expansions worked out ahead ([`Compiler::prefetch_expansions`]).
    expansions: HashMap<ExpansionKey, Vec<fuzzy::Expansion>>,
    /// Index terms the current group searches that are not highlighted as such: the compound
    /// part terms ([`presse_analysis::part_term`]), for proximity re-ranking.
    unhighlighted: Vec<String>,
}

/// A word's typo expansion request: folded word, term, the fields searched.
type ExpansionKey = (String, String, Vec<Field>);

/// Compiles parsed clauses and the request's filters.
///
/// `vocabulary` opens the index's vocabulary for the searcher's segments
/// ([`presse_analysis::vocabulary`]), if it has one; it is called only when a word needs typo
/// expansion.
pub fn compile(
    searcher: &Searcher,
    vocabulary: &(dyn Fn() -> Option<Arc<Vocabulary>> + Sync),
    fields: &Fields,
    clauses: &[Clause],
    request: &SearchRequest,
) -> Result<Plan, QueryError> {
    let mut c = Compiler {
        searcher,
        vocabulary,
        fields,
        highlight: Highlight::default(),
        whole_terms: HashSet::new(),
        part_terms: HashSet::new(),
        hyphen_terms: HashSet::new(),
        drop_stop_words: has_content_word(clauses),
        kept_stop_words: names_among_stop_words(clauses),
        expansions: HashMap::new(),
        unhighlighted: Vec::new(),
    };
    c.prefetch_expansions(clauses);
    use tantivy::query::Occur as Tv;
    // The word groups (with whether each is required) and the exclusions.
    let mut groups: Vec<(Box<dyn Query>, bool)> = Vec::new();
    let mut excluded: Vec<Box<dyn Query>> = Vec::new();
    let mut group_terms = Vec::new();
    for clause in clauses {
        let before: HashSet<String> = c.highlight.terms.clone();
        c.unhighlighted.clear();
        let Some(q) = c.node(&clause.node, None)? else { continue };
        if clause.occur != Occur::MustNot {
            let mut terms: Vec<String> = c.highlight.terms.difference(&before).cloned().collect();
            terms.append(&mut c.unhighlighted);
            terms.sort();
            terms.dedup();
            group_terms.push(terms);
        }
        match clause.occur {
            Occur::MustNot => excluded.push(q),
            occur => groups.push((q, occur == Occur::Must)),
        }
    }
    let bonuses = c.proximity(clauses);
    let mut subqueries: Vec<(Tv, Box<dyn Query>)> = Vec::new();
    if groups.len() >= 2 {
        // Scored with the coordination factor; a required group is also a filter.
        let mut scored = Vec::with_capacity(groups.len());
        for (q, required) in groups {
            if required {
                subqueries.push((Tv::Must, Box::new(ConstScoreQuery::new(q.box_clone(), 0.0))));
            }
            scored.push(q);
        }
        subqueries.push((Tv::Must, Box::new(CoordQuery::new(scored, bonuses))));
    } else if let Some((q, required)) = groups.pop() {
        subqueries.push((if required { Tv::Must } else { Tv::Should }, q));
        subqueries.extend(bonuses.into_iter().map(|b| (Tv::Should, b)));
    } else if excluded.is_empty() {
        return Err(QueryError::NoWords);
    } else {
        // Only exclusions: everything but what is excluded.
        subqueries.push((Tv::Must, Box::new(AllQuery)));
    }
    subqueries.extend(excluded.into_iter().map(|q| (Tv::MustNot, q)));
    let mut query: Box<dyn Query> = Box::new(BooleanQuery::new(subqueries));
    let filters = filters(fields, request);
    if !filters.is_empty() {
        // The words stay required as a whole (a Must next to them would make Should words
        // optional); filters add no score.
        let mut all = vec![(tantivy::query::Occur::Must, query)];
        for filter in filters {
            all.push((tantivy::query::Occur::Must, Box::new(ConstScoreQuery::new(filter, 0.0))));
        }
        query = Box::new(BooleanQuery::new(all));
    }
    for (g, terms) in group_terms.iter().enumerate() {
        for t in terms {
            c.highlight.group_of.entry(t.clone()).or_insert(g);
        }
    }
    c.highlight.part_terms = c.part_terms.difference(&c.whole_terms).cloned().collect();
    c.highlight.hyphen_terms =
        c.hyphen_terms.intersection(&c.highlight.part_terms).cloned().collect();
    Ok(Plan { query, group_terms, highlight: c.highlight })
}

/// The plain words of the query that are stop words written as a name would be: capitalised
/// and not the query's first word (`Weil` in `Stephan Weil`, `Will` in `Anne Will`, `Oder` in
/// `Frankfurt Oder`). A reader capitalises a function word only at the start of a sentence;
/// anywhere else the capital means a name. Its term is the stop word's, found in nearly every
/// article, so it makes no word group; but it pairs with the word before it for the proximity
/// bonus, as a phrase (`Stephan Weil`, in this order, side by side), so that the articles with
/// the name come first.
fn names_among_stop_words(clauses: &[Clause]) -> HashSet<String> {
    fn walk(node: &Node, seen: &mut usize, out: &mut HashSet<String>) {
        match node {
            Node::Word { text, .. } => {
                *seen += 1;
                let words = analyse_text(text);
                let name = |w: &AnalysedWord| written_as_noun(&text[w.start..w.end]);
                if let [word] = words.as_slice() {
                    if *seen > 1 && word.analysis.stop && name(word) {
                        out.insert(text.clone());
                    }
                }
            }
            Node::Phrase { .. } => *seen += 1,
            Node::Or(nodes) => nodes.iter().for_each(|n| walk(n, seen, out)),
            Node::Group(clauses) => clauses.iter().for_each(|c| walk(&c.node, seen, out)),
        }
    }
    let (mut seen, mut out) = (0, HashSet::new());
    clauses.iter().for_each(|c| walk(&c.node, &mut seen, &mut out));
    out
}

/// Whether any plain word of the query is not a stop word.
fn has_content_word(clauses: &[Clause]) -> bool {
    fn node_has(node: &Node) -> bool {
        match node {
            Node::Word { text, .. } | Node::Phrase { text, .. } => {
                analyse_text(text).iter().any(|w| !w.analysis.stop)
            }
            Node::Or(nodes) => nodes.iter().any(node_has),
            Node::Group(clauses) => clauses.iter().any(|c| node_has(&c.node)),
        }
    }
    clauses.iter().any(|c| c.occur != Occur::MustNot && node_has(&c.node))
}

fn filters(fields: &Fields, request: &SearchRequest) -> Vec<Box<dyn Query>> {
    let mut out: Vec<Box<dyn Query>> = Vec::new();
    if request.since.is_some() || request.until.is_some() {
        use std::ops::Bound;
        let bound = |t: Option<time::OffsetDateTime>| match t {
            Some(t) => Bound::Included(Term::from_field_date(
                fields.date,
                DateTime::from_timestamp_secs(t.unix_timestamp()),
            )),
            None => Bound::Unbounded,
        };
        out.push(Box::new(RangeQuery::new(bound(request.since), bound(request.until))));
    }
    if !request.sources.is_empty() {
        let alternatives: Vec<Box<dyn Query>> = request
            .sources
            .iter()
            .map(|s| {
                Box::new(TermQuery::new(
                    Term::from_field_text(fields.source, s),
                    IndexRecordOption::Basic,
                )) as Box<dyn Query>
            })
            .collect();
        out.push(Box::new(BooleanQuery::union(alternatives)));
    }
    for author in &request.authors {
        let words: Vec<Box<dyn Query>> = analyse_text(author)
            .iter()
            .map(|w| {
                Box::new(TermQuery::new(
                    Term::from_field_text(fields.author, &w.analysis.term),
                    IndexRecordOption::Basic,
                )) as Box<dyn Query>
            })
            .collect();
        if words.is_empty() {
            out.push(Box::new(EmptyQuery));
        } else {
            out.push(Box::new(BooleanQuery::intersection(words)));
        }
    }
    out
}

impl Compiler<'_> {
    /// Whether a stop word typed as `text` is left out of the proximity pairs: when the query
    /// has other words, unless it is written as a name ([`names_among_stop_words`]). (It is
    /// never a word group of its own then: as the term of a function word it would count as
    /// matched in nearly every article.)
    fn drops(&self, text: &str) -> bool {
        self.drop_stop_words && !self.kept_stop_words.contains(text)
    }

    /// Works out the typo expansions of the query's plain words on two threads when more than
    /// one word needs a dictionary search (the costliest step of compiling a query); the
    /// compiled groups then take them from [`Compiler::expansions`].
    fn prefetch_expansions(&mut self, clauses: &[Clause]) {
        fn collect(c: &Compiler, node: &Node, out: &mut Vec<ExpansionKey>) {
            match node {
                Node::Word { scope: Some(Scope::Source | Scope::Url), .. } => {}
                Node::Word { text, scope, prefix: false, fuzzy: None } => {
                    let words = analyse_text(text);
                    let [word] = words.as_slice() else { return };
                    let a = &word.analysis;
                    if a.stop && c.drop_stop_words {
                        return;
                    }
                    let fields: Vec<Field> = c.text_fields(*scope).iter().map(|f| f.0).collect();
                    if fuzzy::expansion_floor(c.searcher, &fields, &a.folded, &a.term).is_some() {
                        out.push((a.folded.clone(), a.term.clone(), fields));
                    }
                }
                Node::Or(nodes) => nodes.iter().for_each(|n| collect(c, n, out)),
                Node::Group(clauses) => clauses.iter().for_each(|cl| collect(c, &cl.node, out)),
                _ => {}
            }
        }
        let mut jobs = Vec::new();
        for clause in clauses {
            if clause.occur != Occur::MustNot {
                collect(self, &clause.node, &mut jobs);
            }
        }
        jobs.sort();
        jobs.dedup();
        if jobs.len() < 2 {
            return;
        }
        let searcher = self.searcher;
        let vocabulary = (self.vocabulary)();
        let vocabulary = vocabulary.as_deref();
        let done = crate::segments::on_two_threads(
            &jobs,
            || (),
            |_, key| fuzzy::expand(searcher, vocabulary, &key.2, &key.0, &key.1),
        );
        self.expansions.extend(jobs.into_iter().zip(done));
    }

    /// The text fields a scope searches, with their boosts.
    fn text_fields(&self, scope: Option<Scope>) -> Vec<(Field, f32)> {
        let f = self.fields;
        match scope {
            None => vec![(f.title, TITLE_BOOST), (f.lead, LEAD_BOOST), (f.body, 1.0)],
            Some(Scope::Title) => vec![(f.title, 1.0)],
            Some(Scope::Lead) => vec![(f.lead, 1.0)],
            Some(Scope::Caption) => vec![(f.caption, 1.0)],
            Some(Scope::Body) => vec![(f.body, 1.0)],
            Some(Scope::Author) => vec![(f.author, 1.0)],
            Some(Scope::Source | Scope::Url) => Vec::new(),
        }
    }

    fn node(
        &mut self,
        node: &Node,
        _outer: Option<Scope>,
    ) -> Result<Option<Box<dyn Query>>, QueryError> {
        match node {
            Node::Word { text, scope: Some(Scope::Source), .. } => {
                Ok(Some(raw_term(self.fields.source, &text.trim().to_lowercase())))
            }
            Node::Word { text, scope: Some(Scope::Url), .. } => {
                Ok(Some(raw_term(self.fields.url, text.trim())))
            }
            Node::Word { text, scope, prefix, fuzzy } => {
                let fields = self.text_fields(*scope);
                let words = analyse_text(text);
                if words.is_empty() {
                    return Ok(None);
                }
                if *prefix {
                    return Ok(self.prefix(&words, &fields));
                }
                if words.len() == 1 {
                    if words[0].analysis.stop && self.drop_stop_words {
                        return Ok(None);
                    }
                    let surface = &text[words[0].start..words[0].end];
                    let noun = written_as_noun(surface);
                    return Ok(Some(self.word(&words[0], surface, &fields, *fuzzy, noun)));
                }
                // A hyphenated chain: its joined form, or its words close together.
                let analyzer = WordAnalyzer::default();
                let folded: Vec<&str> = words.iter().map(|w| w.analysis.folded.as_str()).collect();
                let joined = analyzer.joined_term(&folded);
                self.highlight_whole(&joined);
                let terms: Vec<String> = words.iter().map(|w| w.analysis.term.clone()).collect();
                for t in &terms {
                    self.highlight_part(t);
                    self.hyphen_terms.insert(t.clone());
                }
                let dfs = self.doc_freqs(&joined, &fields);
                let mut alternatives: Vec<Box<dyn Query>> = vec![
                    term_query(&joined, &holding(&fields, &dfs)),
                    self.near(&terms, &fields, CHAIN_SLOP),
                ];
                alternatives.extend(self.in_compounds(&joined, &fields, &dfs));
                // The words (or the joined form's compound parts) further apart, as for the
                // compound typed joined: `Bundes-Notbremse` finds "Notbremse … des Bundes"
                // as `Bundesnotbremse` does.
                let surface: String = words.iter().map(|w| &text[w.start..w.end]).collect();
                let whole = WordAnalyzer::default().analyse(&surface);
                let mut parts: Vec<String> =
                    whole.parts.iter().filter(|p| !p.joined).map(|p| p.term.clone()).collect();
                if whole.term != joined || parts.len() < 2 {
                    parts = terms.clone();
                }
                for p in &parts {
                    self.highlight_part(p);
                }
                let held = dfs.iter().any(|&df| df > 0);
                let boost = if held { PART_BOOST_HELD } else { PART_BOOST };
                alternatives.push(boosted(self.near(&parts, &fields, PART_SLOP), boost));
                Ok(Some(Box::new(DisjunctionMaxQuery::with_tie_breaker(alternatives, GROUP_TIE))))
            }
            Node::Phrase { text, scope } => {
                let fields = match scope {
                    Some(Scope::Source) => {
                        return Ok(Some(raw_term(self.fields.source, &text.trim().to_lowercase())))
                    }
                    Some(Scope::Url) => return Ok(Some(raw_term(self.fields.url, text.trim()))),
                    _ => self.text_fields(*scope),
                };
                let words = analyse_text(text);
                match words.len() {
                    0 => Ok(None),
                    1 => {
                        let surface = &text[words[0].start..words[0].end];
                        Ok(Some(self.word(&words[0], surface, &fields, Some(0), false)))
                    }
                    _ => {
                        for w in &words {
                            self.highlight_whole(&w.analysis.term);
                        }
                        let first = words[0].position;
                        let per_field: Vec<Box<dyn Query>> = fields
                            .iter()
                            .map(|&(field, boost)| {
                                let terms = words
                                    .iter()
                                    .map(|w| {
                                        (
                                            w.position - first,
                                            Term::from_field_text(field, &w.analysis.term),
                                        )
                                    })
                                    .collect();
                                boosted(Box::new(PhraseQuery::new_with_offset(terms)), boost)
                            })
                            .collect();
                        Ok(Some(Box::new(BooleanQuery::union(per_field))))
                    }
                }
            }
            Node::Or(nodes) => {
                let mut alternatives = Vec::new();
                for n in nodes {
                    if let Some(q) = self.node(n, None)? {
                        alternatives.push(q);
                    }
                }
                Ok((!alternatives.is_empty())
                    .then(|| Box::new(BooleanQuery::union(alternatives)) as Box<dyn Query>))
            }
            Node::Group(clauses) => {
                let mut subqueries = Vec::new();
                let mut positive = false;
                for c in clauses {
                    let Some(q) = self.node(&c.node, None)? else { continue };
                    let occur = match c.occur {
                        Occur::Should => tantivy::query::Occur::Should,
                        Occur::Must => tantivy::query::Occur::Must,
                        Occur::MustNot => tantivy::query::Occur::MustNot,
                    };
                    positive |= c.occur != Occur::MustNot;
                    subqueries.push((occur, q));
                }
                if subqueries.is_empty() {
                    return Ok(None);
                }
                if !positive {
                    subqueries.push((tantivy::query::Occur::Must, Box::new(AllQuery)));
                }
                Ok(Some(Box::new(BooleanQuery::new(subqueries))))
            }
        }
    }

    /// Highlights `term` as a whole query word.
    fn highlight_whole(&mut self, term: &str) {
        self.highlight.terms.insert(term.to_string());
        self.whole_terms.insert(term.to_string());
    }

    /// Highlights `term` as a part of a query word.
    fn highlight_part(&mut self, term: &str) {
        self.highlight.terms.insert(term.to_string());
        self.part_terms.insert(term.to_string());
    }

    /// A term in each of the fields, boosted per field, combined by [`fields_combined`].
    fn term_in_fields(&self, term: &str, fields: &[(Field, f32)]) -> Box<dyn Query> {
        term_query(term, &self.fields_holding(term, fields))
    }

    /// The fields of `fields` whose dictionaries hold `term` in some segment (a field without
    /// it adds nothing to the score, and every field more makes the search build and walk a
    /// bigger union: the corpus's articles have no lead; most words are in no title).
    fn fields_holding(&self, term: &str, fields: &[(Field, f32)]) -> Vec<(Field, f32)> {
        holding(fields, &self.doc_freqs(term, fields))
    }

    /// The document frequency of `term` in each of `fields`.
    fn doc_freqs(&self, term: &str, fields: &[(Field, f32)]) -> Vec<u64> {
        fields.iter().map(|&(field, _)| fuzzy::doc_freq(self.searcher, &[field], term)).collect()
    }

    /// The group of one word: exact, parts, typo expansions. `surface`: the word as typed.
    /// `fuzzy`: `None` automatic, `Some(0)` exact only (phrases), `Some(n)` an explicit `~n`.
    /// `noun`: the word is written as a noun ([`written_as_noun`]), so verb forms are no forms
    /// of it.
    fn word(
        &mut self,
        word: &AnalysedWord,
        surface: &str,
        fields: &[(Field, f32)],
        fuzzy: Option<u8>,
        noun: bool,
    ) -> Box<dyn Query> {
        let a = &word.analysis;
        self.highlight_whole(&a.term);
        let dfs = self.doc_freqs(&a.term, fields);
        let holding = holding(fields, &dfs);
        let mut alternatives = vec![term_query(&a.term, &holding)];
        if fuzzy != Some(0) {
            alternatives.extend(self.in_compounds(&a.term, fields, &dfs));
        }
        if !a.parts.is_empty() && fuzzy != Some(0) {
            // The parts near each other (in any order): `Migrantenboote` finds "Migranten …
            // Booten", but not an article that has `Migranten` and `Boote` pages apart.
            let mut terms = Vec::new();
            for p in &a.parts {
                self.highlight_part(&p.term);
                if !p.joined {
                    terms.push(p.term.clone());
                }
            }
            let slop = PART_SLOP;
            // A compound the articles use is better found as itself: its parts near each other
            // (`Gefühl der Verantwortung` for `Verantwortungsgefühl`) count less then.
            let boost = if !holding.is_empty() { PART_BOOST_HELD } else { PART_BOOST };
            alternatives.push(boosted(self.near(&terms, fields, slop), boost));
        }
        if fuzzy != Some(0) {
            // Forms the stemmer keeps apart: entmachten / entmachtet, Nawalny / Nawalnys, and
            // the other number of a noun with a Latin plural: Viren / Virus.
            let stemmer = presse_analysis::stem::GermanStemmer::default();
            let mut variants = word_variants(&a.term, noun);
            if let Some(other) = stemmer.latin_number(&a.folded) {
                let term = stemmer.stem(&other);
                if term != a.term && !variants.contains(&term) {
                    variants.push(term);
                }
            }
            for variant in variants {
                // Weighed like another spelling: a rarer form never outscores the word typed
                // (`Mais`, corn, for `Mai`).
                let weighed = self.never_above(&variant, fields, &dfs);
                if !weighed.is_empty() {
                    self.highlight_whole(&variant);
                    alternatives.push(boosted(term_query(&variant, &weighed), MORPH_BOOST));
                }
            }
        }
        if fuzzy != Some(0) {
            // The same word in the other spelling German allows (`Foto`, `Photo`).
            alternatives.extend(self.other_spellings(&a.folded, &a.term, fields, &dfs));
        }
        let mut respelt = HashSet::new();
        if fuzzy.is_none() {
            // A name in English transliteration, respelt the German way (`Tikhanovskaya`,
            // `Tichanowskaja`).
            let word_df = dfs.iter().copied().max().unwrap_or(0);
            let respellings = self.transliterations(surface, &a.folded, &a.term, fields, word_df);
            for (term, distance) in respellings {
                self.highlight_whole(&term);
                let boost = if distance == 0 { TRANSLIT_BOOST } else { FUZZY_BOOST_2 };
                alternatives.push(boosted(self.term_in_fields(&term, fields), boost));
                respelt.insert(term);
            }
        }
        if fuzzy != Some(0) {
            let field_list: Vec<Field> = fields.iter().map(|f| f.0).collect();
            let key = (a.folded.clone(), a.term.clone(), field_list);
            let expansions = match (fuzzy, self.expansions.remove(&key)) {
                (None, Some(prefetched)) => prefetched,
                (None, None) => {
                    let vocabulary = (self.vocabulary)();
                    fuzzy::expand(self.searcher, vocabulary.as_deref(), &key.2, &a.folded, &a.term)
                }
                (Some(n), _) => {
                    let vocabulary = (self.vocabulary)();
                    let v = vocabulary.as_deref();
                    fuzzy::expand_forced(self.searcher, v, &key.2, &a.folded, &a.term, n)
                }
            };
            // A misspelt word more likely stands for a common word than for a rare one, yet
            // BM25 would score the rare one higher: no expansion weighs more than the most
            // common one (`Spanh` is `Spahn` before it is `Späth`).
            let docs = self.searcher.num_docs();
            let most_common = expansions.iter().map(|e| e.doc_freq).max().unwrap_or(0);
            for e in expansions.into_iter().filter(|e| !respelt.contains(&e.term)) {
                self.highlight_whole(&e.term);
                let boost = if e.distance <= 1 { FUZZY_BOOST } else { FUZZY_BOOST_2 };
                let share = (idf(docs, most_common) / idf(docs, e.doc_freq)).min(1.0);
                alternatives.push(boosted(self.term_in_fields(&e.term, fields), boost * share));
            }
        }
        if alternatives.len() == 1 {
            return alternatives.pop().expect("one");
        }
        Box::new(DisjunctionMaxQuery::with_tie_breaker(alternatives, GROUP_TIE))
    }

    /// The index terms of a rare query word's German spellings ([`crate::translit`]), each
    /// with 0 when it is the respelling's own term, else the typo distance from it (the German
    /// spelling of `Gorbachev` is `Gorbatschow`, one letter from the respelling
    /// `Gorbatschew`). Only terms more common than the word's: where the index has the typed
    /// spelling in many articles, it is what the reader meant.
    fn transliterations(
        &self,
        surface: &str,
        folded: &str,
        term: &str,
        fields: &[(Field, f32)],
        word_df: u64,
    ) -> Vec<(String, u8)> {
        if word_df >= fuzzy::EXPAND_BELOW_DF {
            // Most words: common, so spelt as the reader meant.
            return Vec::new();
        }
        let spellings = crate::translit::german_spellings(surface);
        if spellings.is_empty() {
            return Vec::new();
        }
        let field_list: Vec<Field> = fields.iter().map(|f| f.0).collect();
        let Some(floor) = fuzzy::expansion_floor(self.searcher, &field_list, folded, term) else {
            return Vec::new();
        };
        let mut analyzer = WordAnalyzer::default();
        let respellings: Vec<_> = spellings.iter().map(|s| analyzer.analyse(s)).collect();
        // A German word is no transliteration (`Zeche` is not respelt `setsche`), unless German
        // text writes one of its respellings more often (`Chernobyl`, `Tschernobyl`).
        let lexicon = presse_analysis::compound::Lexicon::german();
        let typed = lexicon.count(folded);
        if typed > 0 && respellings.iter().all(|r| lexicon.count(&r.folded) <= typed) {
            return Vec::new();
        }
        let mut out: Vec<(String, u8)> = Vec::new();
        let mut misses = Vec::new();
        for respelt in respellings {
            if respelt.term.is_empty() || respelt.term == term {
                continue;
            }
            if fuzzy::doc_freq(self.searcher, &field_list, &respelt.term) > floor {
                out.push((respelt.term, 0));
            } else {
                misses.push(respelt);
            }
        }
        if out.is_empty() && crate::translit::looks_transliterated(surface) {
            // No respelling is an index term: the German spelling may be a letter away.
            let vocabulary = (self.vocabulary)();
            for respelt in misses {
                let v = vocabulary.as_deref();
                let found =
                    fuzzy::expand(self.searcher, v, &field_list, &respelt.folded, &respelt.term);
                for e in found.into_iter().filter(|e| e.distance <= 1 && e.doc_freq > floor) {
                    if e.term != term && !out.iter().any(|(t, _)| *t == e.term) {
                        out.push((e.term, 1));
                    }
                }
            }
        }
        out
    }

    /// The query word in the other spellings German allows ([`crate::orthography`]) that the
    /// index has, at [`SPELLING_BOOST`], each field's weight scaled like a compound part's
    /// ([`Self::in_compounds`]): a rarer spelling never outscores the word as typed.
    fn other_spellings(
        &mut self,
        folded: &str,
        term: &str,
        fields: &[(Field, f32)],
        word_dfs: &[u64],
    ) -> Vec<Box<dyn Query>> {
        let analyzer = WordAnalyzer::default();
        let mut out = Vec::new();
        let short = crate::orthography::abbreviation(folded, term, |w| analyzer.stem_folded(w));
        for variant in
            crate::orthography::variants(folded).into_iter().chain(short.map(String::from))
        {
            let other = analyzer.stem_folded(&variant);
            if other == term {
                continue;
            }
            let weighed = self.never_above(&other, fields, word_dfs);
            if !weighed.is_empty() {
                self.highlight_whole(&other);
                out.push(boosted(term_query(&other, &weighed), SPELLING_BOOST));
            }
        }
        out
    }

    /// The fields of `fields` that hold `other` (a stand-in for the query word: a compound part,
    /// another spelling), each boost scaled by idf(word) / idf(other) where that is below 1, so
    /// that the stand-in never scores above the word by being rarer. `word_dfs`: the word's
    /// document frequency in each field (0: no scaling, the word is not there to outrank).
    fn never_above(
        &self,
        other: &str,
        fields: &[(Field, f32)],
        word_dfs: &[u64],
    ) -> Vec<(Field, f32)> {
        let docs = self.searcher.num_docs();
        fields
            .iter()
            .zip(word_dfs)
            .filter_map(|(&(field, boost), &word_df)| {
                let other_df = fuzzy::doc_freq(self.searcher, &[field], other);
                if other_df == 0 {
                    return None;
                }
                let share = if word_df == 0 {
                    1.0
                } else {
                    (idf(docs, word_df) / idf(docs, other_df)).min(1.0)
                };
                Some((field, boost * share))
            })
            .collect()
    }

    /// `term` as a compound part of the articles' words ([`IN_COMPOUND_BOOST`]), in the fields
    /// that hold it as one; nothing when none does. `word_dfs`: the document frequency of
    /// `term` itself in each field.
    ///
    /// The part is weighed by its own document frequency, but never above the word's: in a
    /// field where the word alone is more common than the part (`Ende` in 15,000 articles,
    /// `Jahresende`, `Kriegsende` … in fewer), the part's score is scaled down to the word's
    /// inverse document frequency, so that a compound never outranks the word by being rarer.
    fn in_compounds(
        &mut self,
        term: &str,
        fields: &[(Field, f32)],
        word_dfs: &[u64],
    ) -> Option<Box<dyn Query>> {
        let part = presse_analysis::part_term(term);
        let weighed = self.never_above(&part, fields, word_dfs);
        if weighed.is_empty() {
            return None;
        }
        let query = boosted(term_query(&part, &weighed), IN_COMPOUND_BOOST);
        self.unhighlighted.push(part);
        Some(query)
    }

    /// The terms near each other (within `slop` positions, in any order), in each field.
    fn near(&self, terms: &[String], fields: &[(Field, f32)], slop: u32) -> Box<dyn Query> {
        if terms.len() < 2 {
            // A phrase needs two terms; one is a plain term.
            return self.term_in_fields(terms.first().map_or("", String::as_str), fields);
        }
        let per_field: Vec<Box<dyn Query>> = fields
            .iter()
            .map(|&(field, boost)| {
                let terms = terms
                    .iter()
                    .enumerate()
                    .map(|(i, t)| (i, Term::from_field_text(field, t)))
                    .collect();
                boosted(Box::new(PhraseQuery::new_with_offset_and_slop(terms, slop)), boost)
            })
            .collect();
        Box::new(BooleanQuery::union(per_field))
    }

    /// `wort*`: index terms starting with the word's stem, constant score per field.
    fn prefix(
        &mut self,
        words: &[AnalysedWord],
        fields: &[(Field, f32)],
    ) -> Option<Box<dyn Query>> {
        // Terms are stems: the stem of the typed prefix is a prefix of the stems of the words it
        // begins (`Impfstoffe*` → `impfstoff…`).
        let stem = &words.last()?.analysis.term;
        self.highlight.prefixes.push(stem.clone());
        // The words it begins, and the compound parts (`impf*` finds `Grippeimpfung`).
        let patterns = [
            format!("{}.*", regex_escape(stem)),
            format!("\\x{:02x}{}.*", u32::from(presse_analysis::PART_MARK), regex_escape(stem)),
        ];
        let per_field: Vec<Box<dyn Query>> = fields
            .iter()
            .flat_map(|&(field, boost)| {
                patterns.iter().filter_map(move |pattern| {
                    RegexQuery::from_pattern(pattern, field)
                        .ok()
                        .map(|q| boosted(Box::new(q), boost))
                })
            })
            .collect();
        Some(Box::new(BooleanQuery::union(per_field)))
    }

    /// Sloppy phrases of neighbouring plain words, as bonus clauses.
    fn proximity(&self, clauses: &[Clause]) -> Vec<Box<dyn Query>> {
        // Each plain word's term, and whether it is a stop word kept as a name.
        let mut terms: Vec<Option<(String, bool)>> = Vec::new();
        for c in clauses {
            match (&c.occur, &c.node) {
                (
                    Occur::Should | Occur::Must,
                    Node::Word { text, scope: None, prefix: false, .. },
                ) => {
                    let words = analyse_text(text);
                    let stop = words.len() == 1 && words[0].analysis.stop;
                    if stop && self.drops(text) {
                        continue;
                    }
                    terms.push(if words.len() == 1 {
                        Some((words[0].analysis.term.clone(), stop && self.drop_stop_words))
                    } else {
                        None
                    });
                }
                _ => terms.push(None),
            }
        }
        let mut out: Vec<Box<dyn Query>> = Vec::new();
        for pair in terms.windows(2) {
            let (Some((a, a_name)), Some((b, b_name))) = (&pair[0], &pair[1]) else { continue };
            if a == b || *a_name {
                continue;
            }
            // A name that is a stop word's term only right after the word before it
            // (`Stephan Weil`): anywhere else its term is mostly the function word.
            let slop = if *b_name { 0 } else { PROXIMITY_SLOP };
            for (field, boost) in [(self.fields.title, TITLE_BOOST), (self.fields.body, 1.0)] {
                let phrase = PhraseQuery::new_with_offset_and_slop(
                    vec![
                        (0, Term::from_field_text(field, a)),
                        (1, Term::from_field_text(field, b)),
                    ],
                    slop,
                );
                out.push(boosted(Box::new(phrase), boost * PROXIMITY_BOOST));
            }
        }
        out
    }
}

/// The fields of `fields` whose document frequency in `dfs` (one per field) is not zero.
fn holding(fields: &[(Field, f32)], dfs: &[u64]) -> Vec<(Field, f32)> {
    fields.iter().zip(dfs).filter(|(_, &df)| df > 0).map(|(&f, _)| f).collect()
}

/// BM25's inverse document frequency (as tantivy computes it) of a term in `df` of `docs`
/// documents.
fn idf(docs: u64, df: u64) -> f32 {
    let (docs, df) = (docs as f32, df.min(docs) as f32);
    (1.0 + (docs - df + 0.5) / (df + 0.5)).ln()
}

/// A term in the given fields (each with its boost); nothing when there are none.
fn term_query(term: &str, fields: &[(Field, f32)]) -> Box<dyn Query> {
    let mut per_field: Vec<Box<dyn Query>> = fields
        .iter()
        .map(|&(field, boost)| {
            let q =
                TermQuery::new(Term::from_field_text(field, term), IndexRecordOption::WithFreqs);
            boosted(Box::new(q), boost)
        })
        .collect();
    match per_field.len() {
        0 => Box::new(EmptyQuery),
        1 => per_field.pop().expect("one"),
        _ => fields_combined(per_field),
    }
}

/// One word's matches in several fields: the best field's score plus [`FIELD_TIE`] of each
/// other's.
fn fields_combined(per_field: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    Box::new(DisjunctionMaxQuery::with_tie_breaker(per_field, FIELD_TIE))
}

fn raw_term(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::Basic))
}

fn boosted(q: Box<dyn Query>, boost: f32) -> Box<dyn Query> {
    if (boost - 1.0).abs() < f32::EPSILON {
        q
    } else {
        Box::new(BoostQuery::new(q, boost))
    }
}

fn regex_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else {
            out.push('\\');
            out.push(c);
        }
    }
    out
}

/// Whether a query word is written as a noun: a capital letter, then a small one (`Recht`,
/// `Macht`; not `recht`, `macht` or the acronym `WHO`). German capitalises nouns and names, so
/// such a word is no verb form, whatever its ending.
pub fn written_as_noun(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase())
}

/// Word forms of a stem that Snowball German does not merge: the stem plus or minus the verb
/// endings `-t`, `-et`, `-st`, `-est` (`entmacht` ↔ `entmachtet`, `verhohn` ↔ `verhohnt`) and
/// `-ert` (the participle of `-ieren` and `-ern` verbs: `debatti` ↔ `debattiert`, `behind` ↔
/// `behindert`), `-eln` ↔ `-elt` ↔ `-el` (`verhandeln` ↔ `verhandelt`, `regeln` ↔ `regel`:
/// Snowball keeps the `n` after `el`), and the genitive `-s` that Snowball keeps after vowels
/// (`nawalny` ↔ `nawalnys`). Only stems of five letters or more take part, so that short
/// nouns (`Gast`, `Welt`) do not; of shorter stems, those of three or four letters that end in
/// a vowel or a `p` take and lose the `-s` (`kita` ↔ `kitas`, `oma` ↔ `omas`, `app` ↔ `apps`).
///
/// A word written as a noun (`noun`) takes no verb endings: `Recht` is no form of `rechnen`
/// (`rech`), `Macht` none of `machen`, `Markt` none of `Mark`; the genitive `-s` and the `-el`
/// forms stay (`Nawalnys`, `Regeln`).
pub fn word_variants(stem: &str, noun: bool) -> Vec<String> {
    const VERB_ENDINGS: [&str; 6] = ["ert", "est", "et", "st", "t", "s"];
    const NOUN_ENDINGS: [&str; 1] = ["s"];
    let endings: &[&str] = if noun { &NOUN_ENDINGS } else { &VERB_ENDINGS };
    let mut out = Vec::new();
    if !stem.chars().all(char::is_alphabetic) {
        return out;
    }
    let len = stem.chars().count();
    if len < 5 {
        // A short noun's plural or genitive in `-s` after a vowel or a `p`, which Snowball
        // keeps (`Kita` / `Kitas`, `Demo` / `Demos`, `Oma` / `Omas`, `App` / `Apps`, `Tipp` /
        // `Tipps`; not after a `w`: `New`, `News`).
        let vowel = |c: Option<char>| matches!(c, Some('a' | 'i' | 'o' | 'u' | 'y' | 'p'));
        if len >= 3 && vowel(stem.chars().last()) {
            out.push(format!("{stem}s"));
        } else if len >= 4 && vowel(stem.strip_suffix('s').and_then(|b| b.chars().last())) {
            out.push(stem[..stem.len() - 1].to_string());
        }
        out.retain(|v| !presse_analysis::stopwords::is_stop_term(v));
        return out;
    }
    // Snowball keeps the `n` after `el`: verhandeln ↔ verhandelt, Regeln ↔ Regel.
    if let Some(base) = stem.strip_suffix("eln") {
        out.push(format!("{base}elt"));
        out.push(format!("{base}el"));
    }
    if let Some(base) = stem.strip_suffix("elt") {
        out.push(format!("{base}eln"));
    }
    if stem.ends_with("el") {
        out.push(format!("{stem}n"));
    }
    for ending in endings {
        out.push(format!("{stem}{ending}"));
        if let Some(base) = stem.strip_suffix(ending) {
            if base.chars().count() >= 4 {
                out.push(base.to_string());
            }
        }
    }
    // A stop word's term is no form of a content word (`diess`, a name, is no genitive `dies`).
    out.retain(|v| !presse_analysis::stopwords::is_stop_term(v));
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verb_variants_add_and_remove_endings() {
        let v = word_variants("entmacht", false);
        assert!(v.contains(&"entmachtet".to_string()) && v.contains(&"entmach".to_string()));
        assert!(word_variants("verhohnt", false).contains(&"verhohn".to_string()));
        assert!(word_variants("welt", false).is_empty());
        // Short nouns in a vowel: the plural and genitive `-s`.
        for (word, other) in
            [("kita", "kitas"), ("kitas", "kita"), ("oma", "omas"), ("omas", "oma")]
        {
            assert!(word_variants(word, true).contains(&other.to_string()), "{word}");
        }
        for word in ["bus", "rats", "new", "news"] {
            assert!(word_variants(word, true).is_empty(), "{word}");
        }
        assert!(!word_variants("diess", false).contains(&"dies".to_string()), "a stop word's term");
        assert!(word_variants("nawalny", false).contains(&"nawalnys".to_string()));
        assert!(word_variants("nawalnys", false).contains(&"nawalny".to_string()));
        assert!(!word_variants("covid19", false).iter().any(|_| true));
        // -ieren and -ern verbs: the infinitive's stem and the participle.
        assert!(word_variants("debatti", false).contains(&"debattiert".to_string()));
        assert!(word_variants("debattiert", false).contains(&"debatti".to_string()));
        assert!(word_variants("behind", false).contains(&"behindert".to_string()));
        // -eln verbs keep their n in Snowball.
        assert!(word_variants("verhandeln", false).contains(&"verhandelt".to_string()));
        assert!(word_variants("verhandelt", false).contains(&"verhandeln".to_string()));
        // So do -el nouns in the dative plural.
        assert!(word_variants("regeln", false).contains(&"regel".to_string()));
        assert!(word_variants("regel", false).contains(&"regeln".to_string()));
    }

    #[test]
    fn a_word_written_as_a_noun_takes_no_verb_endings() {
        assert!(
            written_as_noun("Recht") && written_as_noun("Ärzte") && written_as_noun("Nawalnys")
        );
        assert!(!written_as_noun("recht") && !written_as_noun("WHO") && !written_as_noun("R"));
        assert!(word_variants("recht", false).contains(&"rech".to_string()));
        let noun = word_variants("recht", true);
        assert!(!noun.contains(&"rech".to_string()) && !noun.contains(&"rechtet".to_string()));
        assert!(!word_variants("stadt", true).contains(&"stad".to_string()));
        // The genitive and the `-el` forms are a noun's own.
        assert!(word_variants("nawalnys", true).contains(&"nawalny".to_string()));
        assert!(word_variants("nawalny", true).contains(&"nawalnys".to_string()));
        assert!(word_variants("regeln", true).contains(&"regel".to_string()));
    }
}
