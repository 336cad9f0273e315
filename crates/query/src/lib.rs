//! Search a presse index of German news: ranked hits with highlighted snippets.
//!
//! Open an index with [`Searcher::open`], describe a search with [`SearchRequest`], and get
//! owned, serde-serialisable [`SearchResults`] back. The German analysis (spelling folding,
//! stemming, compound parts, typo tolerance) applies to every query; the ranking is described in
//! the workspace README, and [`parse`] documents the optional query syntax. This crate does not depend on the indexer: a tool
//! that only searches pulls in only the query side.
//!
//! ```
//! use presse_query::{SearchRequest, Searcher};
//! # let dir = tempfile::tempdir().unwrap();
//! # let articles = dir.path().join("articles");
//! # std::fs::create_dir(&articles).unwrap();
//! # std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/articles/seed.txt"), articles.join("seed.txt")).unwrap();
//! # let index_dir = dir.path().join("index");
//! # presse_indexer::IndexerBuilder::new().open(&index_dir).unwrap().index_paths(&[articles], &|_| {}).unwrap();
//! // `index_dir` holds an index built by `presse index` (here: of the seed article).
//! let searcher = Searcher::open(&index_dir)?;
//! let results = searcher.search(&SearchRequest::new("Lawrow Aussenminister").limit(5))?;
//! assert_eq!(results.total_hits, 1);
//! let hit = &results.hits[0];
//! assert!(hit.title.starts_with("Lawrow fordert"));
//! // Highlights are byte ranges into the snippet text; `Aussenminister` found `Außenminister`.
//! let [start, end] = hit.snippet.highlights[0];
//! assert!(["Lawrow", "Außenminister"].contains(&&hit.snippet.text[start..end]));
//! # Ok::<(), presse_query::QueryError>(())
//! ```
#![deny(missing_docs)]

mod coord;
mod fuzzy;
pub mod hit;
pub mod orthography;
pub mod parse;
pub mod phonetic;
mod plan;
mod proximity;
mod rank;
pub mod request;
mod segments;
mod snippet;
#[cfg(test)]
mod snippet_props;
mod stats;
pub mod translit;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use presse_analysis::{meta::IndexMeta, register, Fields, Vocabulary};
use tantivy::collector::TopDocs;
use tantivy::directory::MmapDirectory;
use tantivy::query::TermQuery;
use tantivy::schema::document::Value;
use tantivy::schema::{IndexRecordOption, Term};
use tantivy::{Index, IndexReader, ReloadPolicy, TantivyDocument};

pub use hit::{
    Duplicate, FacetCount, Facets, Hit, IndexStats, SearchResults, Snippet, StoredArticle,
};
pub use request::{parse_date_bound, Bound, SearchRequest, Sort};

/// Errors of the query crate.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum QueryError {
    /// There is no presse index at the path.
    #[error("no presse index at {path}; create one with `presse index PATH --index {path}`")]
    NoIndex {
        /// The path.
        path: String,
    },
    /// The index was built by an incompatible presse.
    #[error("{0}")]
    Incompatible(String),
    /// The query text is malformed.
    #[error("malformed query at position {position}: {message}")]
    Malformed {
        /// What is wrong.
        message: String,
        /// Byte offset in the query text.
        position: usize,
    },
    /// The query has no words to search for.
    #[error("the query has no words to search for")]
    NoWords,
    /// A date filter could not be read.
    #[error("cannot read date {0:?}; use YYYY, YYYY-MM or YYYY-MM-DD")]
    BadDate(String),
    /// Reading the index failed.
    #[error("{path}: {message}")]
    Io {
        /// The index directory.
        path: String,
        /// The cause.
        message: String,
    },
}

/// Result type of the query crate.
pub type Result<T> = std::result::Result<T, QueryError>;

/// The number of documents that have each text field ([`stats::docs_with`]).
type DocsWith = std::collections::HashMap<tantivy::schema::Field, u64>;

struct Inner {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    dir: PathBuf,
    /// The index directory as opened, for the files tantivy does not manage.
    raw: MmapDirectory,
    /// The vocabulary of the body terms for the searcher generation it was looked up for (none
    /// when the index has none that covers only segments of that generation).
    vocabulary: Mutex<Option<(u64, Option<Arc<Vocabulary>>)>>,
    /// The documents that have each text field, for the searcher generation they were counted
    /// for ([`stats`]).
    docs_with: Mutex<Option<(u64, Arc<DocsWith>)>>,
}

impl Inner {
    /// [`stats::docs_with`] of the text fields, counted once per searcher generation.
    fn docs_with(&self, searcher: &tantivy::Searcher) -> Arc<DocsWith> {
        let generation = searcher.generation().generation_id();
        let mut cached = self.docs_with.lock().unwrap_or_else(|e| e.into_inner());
        match &*cached {
            Some((g, d)) if *g == generation => d.clone(),
            _ => {
                let f = &self.fields;
                let fields = [f.title, f.lead, f.body, f.caption, f.author];
                let d = Arc::new(stats::docs_with(searcher, &fields));
                *cached = Some((generation, d.clone()));
                d
            }
        }
    }

    /// The index's vocabulary, if it covers only segments `searcher` has (see
    /// [`presse_analysis::vocabulary`]), opened once per searcher generation.
    fn vocabulary(&self, searcher: &tantivy::Searcher) -> Option<Arc<Vocabulary>> {
        let generation = searcher.generation().generation_id();
        let mut cached = self.vocabulary.lock().unwrap_or_else(|e| e.into_inner());
        match &*cached {
            Some((g, v)) if *g == generation => v.clone(),
            _ => {
                let v =
                    Vocabulary::open(&self.dir, &self.raw, &self.index, searcher, self.fields.body)
                        .map(Arc::new);
                *cached = Some((generation, v.clone()));
                v
            }
        }
    }
}

/// An open presse index. Cheap to clone (clones share the index), `Send + Sync`; it picks up
/// new commits of a running indexer within a moment, or at once after [`Searcher::reload`].
#[derive(Clone)]
pub struct Searcher {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for Searcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Searcher").field("dir", &self.inner.dir).finish()
    }
}

fn io_error(dir: &Path, e: impl std::fmt::Display) -> QueryError {
    QueryError::Io { path: dir.display().to_string(), message: e.to_string() }
}

impl Searcher {
    /// Opens the index in `dir`.
    pub fn open(dir: impl AsRef<Path>) -> Result<Searcher> {
        let dir = dir.as_ref();
        let no_index = || QueryError::NoIndex { path: dir.display().to_string() };
        if !dir.is_dir() {
            return Err(no_index());
        }
        let mmap = MmapDirectory::open(dir).map_err(|e| io_error(dir, e))?;
        if !Index::exists(&mmap).map_err(|e| io_error(dir, e))? {
            return Err(no_index());
        }
        IndexMeta::check(dir).map_err(|e| QueryError::Incompatible(e.to_string()))?;
        let raw = mmap.clone();
        let index = Index::open(mmap).map_err(|e| io_error(dir, e))?;
        register(&index);
        let fields = Fields::from_schema(&index.schema())
            .map_err(|e| QueryError::Incompatible(e.to_string()))?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()
            .map_err(|e| io_error(dir, e))?;
        let dir = dir.to_path_buf();
        let (vocabulary, docs_with) = (Mutex::new(None), Mutex::new(None));
        let inner = Inner { index, reader, fields, dir, raw, vocabulary, docs_with };
        Ok(Searcher { inner: Arc::new(inner) })
    }

    /// The index directory.
    pub fn dir(&self) -> &Path {
        &self.inner.dir
    }

    /// Sees the latest commit now.
    pub fn reload(&self) -> Result<()> {
        self.inner.reader.reload().map_err(|e| io_error(&self.inner.dir, e))
    }

    /// Number of articles in the index.
    pub fn num_articles(&self) -> u64 {
        self.inner.reader.searcher().num_docs()
    }

    /// Runs a search.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        let started = Instant::now();
        let inner = &*self.inner;
        let clauses = parse::parse(&request.query)?;
        if clauses.is_empty() {
            return Err(QueryError::NoWords);
        }
        let searcher = inner.reader.searcher();
        let vocabulary = || inner.vocabulary(&searcher);
        let plan = plan::compile(&searcher, &vocabulary, &inner.fields, &clauses, request)?;
        let relevance = request.sort == Sort::Relevance;
        let keep = request.offset + request.limit;
        let collector = rank::RankCollector {
            keep: if relevance { keep.max(proximity::RERANK_DEPTH) } else { keep },
            sort: request.sort,
            date_field: presse_analysis::schema::names::DATE.to_string(),
            facets: request.facets,
        };
        let docs_with = inner.docs_with(&searcher);
        let stats = stats::FieldStats { searcher: &searcher, docs_with: &docs_with };
        let (total, mut ranked, facet_counts) =
            segments::search(&searcher, &stats, &*plan.query, &collector)
                .map_err(|e| io_error(&inner.dir, e))?;
        if relevance {
            let f = &inner.fields;
            proximity::rerank(
                &searcher,
                &[f.title, f.lead, f.body],
                &plan.group_terms,
                &mut ranked,
            );
        }
        // Collapse articles with the same text into the best of them.
        let mut groups: Vec<(rank::Ranked, Vec<rank::Ranked>)> = Vec::with_capacity(ranked.len());
        let mut group_of: std::collections::HashMap<u64, usize> = std::collections::HashMap::new();
        for r in ranked {
            if request.collapse && r.fingerprint != 0 {
                if let Some(&g) = group_of.get(&r.fingerprint) {
                    groups[g].1.push(r);
                    continue;
                }
                group_of.insert(r.fingerprint, groups.len());
            }
            groups.push((r, Vec::new()));
        }
        groups.truncate(keep);
        let page: Vec<(usize, &(rank::Ranked, Vec<rank::Ranked>))> =
            groups.iter().enumerate().skip(request.offset).collect();
        // Snippets are the costly part of a page: two threads share it.
        let hits =
            segments::on_two_threads(&page, snippet::WordMatcher::default, |matcher, &(i, r)| {
                self.hit(&searcher, i + 1, r, &plan.highlight, request, matcher)
            })
            .into_iter()
            .collect::<Result<Vec<Hit>>>()?;
        Ok(SearchResults {
            query: request.query.clone(),
            total_hits: total,
            took_ms: started.elapsed().as_secs_f64() * 1000.0,
            offset: request.offset,
            hits,
            facets: request.facets.then(|| facets_of(facet_counts)),
        })
    }

    /// One hit: stored fields, title highlights and snippet.
    fn hit(
        &self,
        searcher: &tantivy::Searcher,
        rank: usize,
        (r, duplicates): &(rank::Ranked, Vec<rank::Ranked>),
        highlight: &plan::Highlight,
        request: &SearchRequest,
        matcher: &mut snippet::WordMatcher,
    ) -> Result<Hit> {
        let doc: TantivyDocument = searcher.doc(r.doc).map_err(|e| io_error(&self.inner.dir, e))?;
        let article = self.stored(&doc);
        let title_matches = snippet::find_matches(&article.title, highlight, matcher);
        let mut body_matches = Vec::new();
        let snippet = if request.snippet_chars == 0 {
            Snippet::default()
        } else {
            let mut text = article.lead.clone().unwrap_or_default();
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(&article.body);
            // The snippet window starts a sixth of its length before its first match.
            let window = request.snippet_chars - request.snippet_chars / 6;
            let matches = snippet::find_matches_until(&text, highlight, matcher, window);
            body_matches = snippet::without_parts_shown_whole(matches, &[]);
            snippet::make_snippet(&text, &body_matches, request.snippet_chars, request.fragments)
        };
        let title_matches = snippet::without_parts_shown_whole(title_matches, &body_matches);
        let mut also_in = Vec::with_capacity(duplicates.len());
        for d in duplicates {
            let doc: TantivyDocument =
                searcher.doc(d.doc).map_err(|e| io_error(&self.inner.dir, e))?;
            let a = self.stored(&doc);
            also_in.push(Duplicate { id: a.id, source: a.source, url: a.url });
        }
        Ok(Hit {
            rank,
            score: r.score,
            id: article.id,
            title_highlights: title_matches.iter().map(|m| [m.start, m.end]).collect(),
            title: article.title,
            source: article.source,
            date: article.date,
            url: article.url,
            path: article.path,
            snippet,
            also_in,
        })
    }

    /// Statistics of the index: articles, sources, date range, size, versions, last update.
    pub fn stats(&self) -> Result<IndexStats> {
        let inner = &*self.inner;
        let searcher = inner.reader.searcher();
        let collector = rank::RankCollector {
            keep: 0,
            sort: Sort::Relevance,
            date_field: presse_analysis::schema::names::DATE.to_string(),
            facets: true,
        };
        let (articles, _, counts) = searcher
            .search(&tantivy::query::AllQuery, &collector)
            .map_err(|e| io_error(&inner.dir, e))?;
        let facets = facets_of(counts);
        let dated: u64 = facets.months.iter().map(|m| m.count).sum();
        let (mut first, mut last) = (i64::MAX, i64::MIN);
        for reader in searcher.segment_readers() {
            if let Ok(col) = reader.fast_fields().date(presse_analysis::schema::names::DATE) {
                if col.num_docs() > 0 && dated > 0 {
                    first = first.min(col.min_value().into_timestamp_secs());
                    last = last.max(col.max_value().into_timestamp_secs());
                }
            }
        }
        // Fingerprints of the live articles: groups with the same text.
        let mut fingerprints: std::collections::HashMap<u64, u64> =
            std::collections::HashMap::new();
        for reader in searcher.segment_readers() {
            let Ok(col) = reader.fast_fields().u64(presse_analysis::schema::names::FINGERPRINT)
            else {
                continue;
            };
            let alive = reader.alive_bitset();
            for doc in 0..reader.max_doc() {
                if alive.is_some_and(|a| !a.is_alive(doc)) {
                    continue;
                }
                if let Some(fp) = col.first(doc).filter(|&fp| fp != 0) {
                    *fingerprints.entry(fp).or_default() += 1;
                }
            }
        }
        let duplicate_groups = fingerprints.values().filter(|&&n| n > 1).count() as u64;
        let duplicate_articles = fingerprints.values().filter(|&&n| n > 1).map(|n| n - 1).sum();
        let rfc3339 = |secs: i64| {
            time::OffsetDateTime::from_unix_timestamp(secs)
                .ok()
                .and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok())
        };
        let mut size_bytes = 0;
        let mut updated = None;
        if let Ok(entries) = std::fs::read_dir(&inner.dir) {
            for entry in entries.flatten() {
                let Ok(meta) = entry.metadata() else { continue };
                size_bytes += meta.len();
                if entry.file_name() == "meta.json" {
                    updated = meta.modified().ok().map(time::OffsetDateTime::from).and_then(|t| {
                        t.replace_nanosecond(0)
                            .ok()?
                            .format(&time::format_description::well_known::Rfc3339)
                            .ok()
                    });
                }
            }
        }
        let meta = IndexMeta::read(&inner.dir).ok().flatten().unwrap_or_default();
        Ok(IndexStats {
            path: inner.dir.display().to_string(),
            articles,
            sources: facets.sources,
            first_date: (first != i64::MAX).then(|| rfc3339(first)).flatten(),
            last_date: (last != i64::MIN).then(|| rfc3339(last)).flatten(),
            undated: articles - dated.min(articles),
            duplicate_groups,
            duplicate_articles,
            size_bytes,
            format: meta.format,
            analyzer: meta.analyzer,
            updated,
            segments: searcher.segment_readers().len() as u64,
            vocabulary_terms: inner.vocabulary(&searcher).map(|v| v.len() as u64),
        })
    }

    /// The whole article with this id (as shown with every hit), if the index has it.
    pub fn article(&self, id: &str) -> Result<Option<StoredArticle>> {
        let inner = &*self.inner;
        let searcher = inner.reader.searcher();
        let query =
            TermQuery::new(Term::from_field_text(inner.fields.id, id), IndexRecordOption::Basic);
        let top = searcher
            .search(&query, &TopDocs::with_limit(1).order_by_score())
            .map_err(|e| io_error(&inner.dir, e))?;
        let Some((_, addr)) = top.first() else { return Ok(None) };
        let doc: TantivyDocument = searcher.doc(*addr).map_err(|e| io_error(&inner.dir, e))?;
        Ok(Some(self.stored(&doc)))
    }

    fn stored(&self, doc: &TantivyDocument) -> StoredArticle {
        let f = &self.inner.fields;
        let text = |field| doc.get_first(field).and_then(|v| v.as_str().map(str::to_string));
        let date = doc
            .get_first(f.date)
            .and_then(|v| v.as_datetime())
            .and_then(|d| time::OffsetDateTime::from_unix_timestamp(d.into_timestamp_secs()).ok())
            .and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok());
        StoredArticle {
            id: text(f.id).unwrap_or_default(),
            title: text(f.title).unwrap_or_default(),
            caption: text(f.caption),
            lead: text(f.lead),
            body: text(f.body).unwrap_or_default(),
            source: text(f.source),
            author: text(f.author),
            date,
            url: text(f.url),
            path: text(f.path).unwrap_or_default(),
        }
    }

    /// The underlying tantivy index, for tools that need more than this crate offers. This is
    /// the one place tantivy shows through the API, deliberately; everything else is presse's
    /// own types.
    pub fn tantivy_index(&self) -> &Index {
        &self.inner.index
    }
}

/// Facet counts as sorted lists; years only when the months span more than two years.
fn facets_of(counts: rank::FacetCounts) -> Facets {
    let mut sources: Vec<FacetCount> =
        counts.sources.into_iter().map(|(value, count)| FacetCount { value, count }).collect();
    sources.sort_by(|a, b| b.count.cmp(&a.count).then(a.value.cmp(&b.value)));
    let mut months: Vec<((i32, u8), u64)> = counts.months.into_iter().collect();
    months.sort();
    let mut years: Vec<FacetCount> = Vec::new();
    let span = months.first().zip(months.last()).map_or(0, |(a, b)| b.0 .0 - a.0 .0);
    if span > 2 {
        for ((year, _), count) in &months {
            match years.last_mut() {
                Some(y) if y.value == year.to_string() => y.count += count,
                _ => years.push(FacetCount { value: year.to_string(), count: *count }),
            }
        }
    }
    let months = months
        .into_iter()
        .map(|((y, m), count)| FacetCount { value: format!("{y:04}-{m:02}"), count })
        .collect();
    Facets { sources, months, years }
}

/// The crate README's example, compiled and run as a doc test.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
