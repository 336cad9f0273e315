//! Articles → the tantivy index: opening or creating the index, writing, replacing, committing.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use presse_analysis::{build_schema, meta::IndexMeta, register, Fields};
use rayon::prelude::*;
use serde::Serialize;
use tantivy::directory::error::LockError;
use tantivy::directory::MmapDirectory;
use tantivy::indexer::UserOperation;
use tantivy::schema::Term;
use tantivy::{DateTime, Index, IndexWriter, TantivyDocument, TantivyError};

use crate::article::Article;
use crate::source::{collect_inputs, read_file, Item, Problem};
use crate::{Error, Result};

/// File recording the pid of the process writing the index.
const WRITER_PID_FILE: &str = "presse-writer.pid";

/// Default memory budget of the index writer, in bytes.
pub const DEFAULT_MEMORY: usize = 400 << 20;

/// Builds an [`Indexer`].
#[derive(Debug, Clone)]
pub struct IndexerBuilder {
    memory: usize,
    threads: usize,
    full: bool,
    follow_links: bool,
}

impl Default for IndexerBuilder {
    fn default() -> Self {
        IndexerBuilder {
            memory: DEFAULT_MEMORY,
            threads: std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
            full: false,
            follow_links: false,
        }
    }
}

impl IndexerBuilder {
    /// A builder with the defaults.
    pub fn new() -> Self {
        Self::default()
    }

    /// Memory budget of the index writer in bytes (default 400 MiB; at least 15 MiB a thread).
    pub fn memory(&mut self, bytes: usize) -> &mut Self {
        self.memory = bytes;
        self
    }

    /// Indexing threads (default: the number of cores).
    pub fn threads(&mut self, threads: usize) -> &mut Self {
        self.threads = threads.max(1);
        self
    }

    /// Rebuild from scratch: drop everything the index holds first (default off).
    pub fn full(&mut self, yes: bool) -> &mut Self {
        self.full = yes;
        self
    }

    /// Follow symbolic links while walking directories (default off).
    pub fn follow_links(&mut self, yes: bool) -> &mut Self {
        self.follow_links = yes;
        self
    }

    /// Opens the index in `dir`, creating it (and the directory) when there is none.
    pub fn open(&self, dir: &Path) -> Result<Indexer> {
        let io = |source| Error::Io { path: dir.display().to_string(), source };
        if self.full && dir.join(presse_analysis::meta::META_FILE).exists() {
            // A rebuild starts from an empty directory, so a schema or analyser change of a
            // newer presse takes effect. Only a directory presse wrote is ever removed.
            if std::fs::exists(dir.join(WRITER_PID_FILE)).unwrap_or(false) {
                let pid = std::fs::read_to_string(dir.join(WRITER_PID_FILE)).ok();
                let lock = MmapDirectory::open(dir).ok().and_then(|d| Index::open(d).ok());
                if let Some(index) = lock {
                    if let Err(TantivyError::LockFailure(LockError::LockBusy, _)) =
                        index.writer::<TantivyDocument>(15 << 20)
                    {
                        return Err(Error::Locked {
                            path: dir.display().to_string(),
                            pid: pid.map(|p| p.trim().to_string()).filter(|p| !p.is_empty()),
                        });
                    }
                }
            }
            std::fs::remove_dir_all(dir).map_err(io)?;
        }
        std::fs::create_dir_all(dir).map_err(io)?;
        let mmap = MmapDirectory::open(dir).map_err(|e| Error::Tantivy(e.into()))?;
        let exists = Index::exists(&mmap).map_err(|e| Error::Tantivy(e.into()))?;
        let index = if exists {
            if !self.full {
                IndexMeta::check(dir)?;
            }
            Index::open(mmap)?
        } else {
            let non_empty = std::fs::read_dir(dir).map_err(io)?.next().is_some();
            if non_empty {
                return Err(Error::NotAnIndex(dir.display().to_string()));
            }
            Index::create(mmap, build_schema(), Default::default())?
        };
        register(&index);
        let fields = Fields::from_schema(&index.schema())?;
        let threads = self.threads.min(8);
        let memory = self.memory.max(threads * (15 << 20) + (1 << 20));
        let writer = match index.writer_with_num_threads(threads, memory) {
            Ok(w) => w,
            Err(TantivyError::LockFailure(LockError::LockBusy, _)) => {
                let pid = std::fs::read_to_string(dir.join(WRITER_PID_FILE)).ok();
                return Err(Error::Locked {
                    path: dir.display().to_string(),
                    pid: pid.map(|p| p.trim().to_string()).filter(|p| !p.is_empty()),
                });
            }
            Err(e) => return Err(e.into()),
        };
        std::fs::write(dir.join(WRITER_PID_FILE), std::process::id().to_string()).map_err(io)?;
        if self.full || !exists {
            writer.delete_all_documents()?;
            IndexMeta::default().write(dir)?;
        }
        Ok(Indexer {
            index,
            writer,
            fields,
            dir: dir.to_path_buf(),
            follow_links: self.follow_links,
        })
    }
}

/// Writes articles into a presse index. Holds the index's write lock until dropped.
pub struct Indexer {
    index: Index,
    writer: IndexWriter,
    fields: Fields,
    dir: PathBuf,
    follow_links: bool,
}

impl std::fmt::Debug for Indexer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Indexer").field("dir", &self.dir).finish()
    }
}

/// Progress of an indexing run, as reported to the caller's callback.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Progress {
    /// Files done so far.
    pub files_done: u64,
    /// Files to read in all.
    pub files_total: u64,
    /// Articles added so far.
    pub articles: u64,
    /// Bytes read so far (uncompressed).
    pub bytes: u64,
}

/// What an indexing run did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct IndexReport {
    /// Input files read.
    pub files_read: u64,
    /// Articles written (an article seen twice counts twice; the index keeps one).
    pub articles_indexed: u64,
    /// Uncompressed bytes read.
    pub bytes_read: u64,
    /// Problems, in the order met per file.
    pub problems: Vec<Problem>,
    /// Wall time.
    pub elapsed: Duration,
    /// Articles in the index after the commit.
    pub articles_in_index: u64,
}

impl IndexReport {
    /// Files or lines that were skipped.
    pub fn skipped(&self) -> usize {
        self.problems.iter().filter(|p| p.skipped).count()
    }
}

impl Indexer {
    /// The directory of the index.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Adds an article, replacing any article with the same id.
    pub fn add_article(&self, article: &Article) -> Result<()> {
        let f = &self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.id, &article.id);
        doc.add_text(f.title, &article.title);
        let optional = [
            (f.caption, &article.caption),
            (f.lead, &article.lead),
            (f.source, &article.source),
            (f.author, &article.author),
            (f.url, &article.url),
        ];
        for (field, value) in optional {
            if let Some(v) = value {
                doc.add_text(field, v);
            }
        }
        doc.add_text(f.body, &article.body);
        if let Some(date) = article.date {
            doc.add_date(f.date, DateTime::from_timestamp_secs(date.unix_timestamp()));
        }
        doc.add_text(f.path, &article.path);
        let file = article
            .path
            .rsplit_once(':')
            .filter(|(_, l)| l.parse::<u64>().is_ok())
            .map_or(article.path.as_str(), |(p, _)| p);
        doc.add_text(f.file, file);
        doc.add_u64(f.fingerprint, presse_analysis::fingerprint(&article.body));
        // Delete and add as one group with contiguous opstamps: two threads replacing the same
        // id (a url in two files) cannot interleave into two surviving copies.
        self.writer.run([
            UserOperation::Delete(Term::from_field_text(f.id, &article.id)),
            UserOperation::Add(doc),
        ])?;
        Ok(())
    }

    /// Finds the article files under `inputs`, reads them in parallel and adds their articles,
    /// then commits. `progress` is called now and then from worker threads.
    pub fn index_paths(
        &mut self,
        inputs: &[PathBuf],
        progress: &(dyn Fn(Progress) + Sync),
    ) -> Result<IndexReport> {
        let start = Instant::now();
        let (files, walk_problems) = collect_inputs(inputs, Some(&self.dir), self.follow_links);
        let files_total = files.len() as u64;
        let problems = Mutex::new(walk_problems);
        let files_done = AtomicU64::new(0);
        let articles = AtomicU64::new(0);
        let bytes = AtomicU64::new(0);
        let failure: Mutex<Option<Error>> = Mutex::new(None);
        let report = |files_done: u64| {
            progress(Progress {
                files_done,
                files_total,
                articles: articles.load(Ordering::Relaxed),
                bytes: bytes.load(Ordering::Relaxed),
            })
        };
        files.par_iter().for_each(|file| {
            if failure.lock().expect("not poisoned").is_some() {
                return;
            }
            let mut local = Vec::new();
            let mut count = 0u64;
            let read = read_file(file, &mut |item| match item {
                Item::Article(a) => match self.add_article(&a) {
                    Ok(()) => {
                        count += 1;
                        if count.is_multiple_of(1000) {
                            articles.fetch_add(1000, Ordering::Relaxed);
                            report(files_done.load(Ordering::Relaxed));
                        }
                    }
                    Err(e) => {
                        failure.lock().expect("not poisoned").get_or_insert(e);
                    }
                },
                Item::Problem(p) => local.push(p),
            });
            articles.fetch_add(count % 1000, Ordering::Relaxed);
            bytes.fetch_add(read, Ordering::Relaxed);
            problems.lock().expect("not poisoned").extend(local);
            let done = files_done.fetch_add(1, Ordering::Relaxed) + 1;
            report(done);
        });
        if let Some(e) = failure.into_inner().expect("not poisoned") {
            return Err(e);
        }
        self.commit()?;
        let reader = self.index.reader()?;
        Ok(IndexReport {
            files_read: files_total,
            articles_indexed: articles.into_inner(),
            bytes_read: bytes.into_inner(),
            problems: problems.into_inner().expect("not poisoned"),
            elapsed: start.elapsed(),
            articles_in_index: reader.searcher().num_docs(),
        })
    }

    /// Commits what was added: it is then durable and visible to searchers.
    pub fn commit(&mut self) -> Result<()> {
        self.writer.commit()?;
        Ok(())
    }
}

impl Drop for Indexer {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(self.dir.join(WRITER_PID_FILE));
    }
}
