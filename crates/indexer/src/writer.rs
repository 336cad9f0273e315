//! Articles → the tantivy index: opening or creating the index, writing, replacing, committing.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use crate::merge::BoundedMergePolicy;
use presse_analysis::{build_schema, meta::IndexMeta, register, Fields};
use rayon::prelude::*;
use serde::Serialize;
use tantivy::directory::error::LockError;
use tantivy::directory::MmapDirectory;
use tantivy::indexer::UserOperation;
use tantivy::schema::Term;
use tantivy::{DateTime, Index, IndexWriter, TantivyDocument, TantivyError};

use crate::article::Article;
use crate::source::{collect_inputs, read_file_until, InputFile, Item, Problem};
use crate::state::{FileStamp, IndexState};
use crate::{Error, Result};

/// File recording the pid of the process writing the index.
const WRITER_PID_FILE: &str = "presse-writer.pid";

/// Default number of articles between two commits.
pub const DEFAULT_COMMIT_EVERY: u64 = 50_000;
/// Default longest time between two commits.
pub const DEFAULT_COMMIT_INTERVAL: Duration = Duration::from_secs(60);

/// Default memory budget of the index writer, in bytes.
pub const DEFAULT_MEMORY: usize = 400 << 20;

/// Builds an [`Indexer`].
#[derive(Debug, Clone)]
pub struct IndexerBuilder {
    memory: usize,
    threads: usize,
    full: bool,
    follow_links: bool,
    commit_every: u64,
    commit_interval: Duration,
    cancel: Option<Arc<AtomicBool>>,
}

impl Default for IndexerBuilder {
    fn default() -> Self {
        IndexerBuilder {
            memory: DEFAULT_MEMORY,
            threads: std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
            full: false,
            follow_links: false,
            commit_every: DEFAULT_COMMIT_EVERY,
            commit_interval: DEFAULT_COMMIT_INTERVAL,
            cancel: None,
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

    /// Commit after this many articles (default 50,000), so that a crash loses at most that
    /// much work; 0 commits only at the end.
    pub fn commit_every(&mut self, articles: u64) -> &mut Self {
        self.commit_every = articles;
        self
    }

    /// Commit at least this often while indexing (default 60 s).
    pub fn commit_interval(&mut self, interval: Duration) -> &mut Self {
        self.commit_interval = interval;
        self
    }

    /// A flag that stops indexing when set (by a Ctrl-C handler, say): reading stops between
    /// articles, what was read is committed, and the report says `interrupted` (default none).
    pub fn cancel_flag(&mut self, flag: Arc<AtomicBool>) -> &mut Self {
        self.cancel = Some(flag);
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
        let state = IndexState::from_payload(index.load_metas()?.payload.as_deref());
        let threads = self.threads.min(8);
        let memory = self.memory.max(threads * (15 << 20) + (1 << 20));
        let options = tantivy::indexer::IndexWriterOptions::builder()
            .num_worker_threads(threads)
            .memory_budget_per_thread(memory / threads)
            // One merge at a time: each maps its source segments (see [`crate::merge`]).
            .num_merge_threads(1)
            .build();
        let writer = match index.writer_with_options(options) {
            Ok(w) => {
                w.set_merge_policy(Box::new(BoundedMergePolicy::default()));
                w
            }
            Err(TantivyError::LockFailure(LockError::LockBusy, _)) => {
                let pid = std::fs::read_to_string(dir.join(WRITER_PID_FILE)).ok();
                return Err(Error::Locked {
                    path: dir.display().to_string(),
                    pid: pid.map(|p| p.trim().to_string()).filter(|p| !p.is_empty()),
                });
            }
            Err(e) => return Err(e.into()),
        };
        record_writer(dir).map_err(io)?;
        let state = if self.full || !exists { IndexState::default() } else { state };
        if self.full || !exists {
            writer.delete_all_documents()?;
            IndexMeta::default().write(dir)?;
        }
        Ok(Indexer {
            index,
            writer: RwLock::new(writer),
            fields,
            dir: dir.to_path_buf(),
            follow_links: self.follow_links,
            commit_every: self.commit_every,
            commit_interval: self.commit_interval,
            cancel: self.cancel.clone().unwrap_or_default(),
            state: Mutex::new(state),
            replacing: Mutex::new(()),
        })
    }
}

/// Writes articles into a presse index. Holds the index's write lock until dropped.
pub struct Indexer {
    index: Index,
    /// Adds take the read side (they only need `&IndexWriter`); a commit takes the write side.
    writer: RwLock<IndexWriter>,
    fields: Fields,
    dir: PathBuf,
    follow_links: bool,
    commit_every: u64,
    commit_interval: Duration,
    cancel: Arc<AtomicBool>,
    /// The indexed files, committed with every commit.
    state: Mutex<IndexState>,
    /// Held while an article replaces its id's older copies ([`Indexer::add_article`]).
    replacing: Mutex<()>,
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
    /// Input files skipped because they are indexed as they are now.
    pub files_unchanged: u64,
    /// Files gone from the walked inputs whose articles were removed.
    pub files_removed: u64,
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
    /// Commits made (the last one included).
    pub commits: u64,
    /// Whether the run was stopped by the cancel flag (what was read is committed).
    pub interrupted: bool,
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
        // Delete and add as one group with contiguous opstamps, and one group at a time: the
        // writer hands the adds to its indexing threads in the order they come, and a segment
        // skips the deletes older than its first document. Were two threads replacing the same
        // id (a url in two files) to hand over their groups out of opstamp order, the earlier
        // add could land in a segment that has already skipped the later delete, and both
        // copies would survive (seen: 3,001 articles of 3,000 urls).
        let _in_order = self.replacing.lock().unwrap_or_else(|e| e.into_inner());
        self.writer.read().unwrap_or_else(|e| e.into_inner()).run([
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
        let (all_files, walk_problems) = collect_inputs(inputs, Some(&self.dir), self.follow_links);
        // Incremental: files indexed as they are now are skipped; files gone from a walked
        // input (one that still exists: an unmounted drive deletes nothing) lose their articles.
        let present: HashSet<String> =
            all_files.iter().map(|f| f.path.display().to_string()).collect();
        let gone: Vec<String> = {
            let state = self.state.lock().unwrap_or_else(|e| e.into_inner());
            let mut gone = Vec::new();
            for input in inputs {
                if let Ok(root) = input.canonicalize() {
                    gone.extend(state.gone_below(&root, &present).into_iter().map(str::to_string));
                }
            }
            gone.sort();
            gone.dedup();
            gone
        };
        let (unchanged, files): (Vec<InputFile>, Vec<InputFile>) = {
            let state = self.state.lock().unwrap_or_else(|e| e.into_inner());
            all_files.into_iter().partition(|f| state.unchanged(f))
        };
        if files.is_empty() && gone.is_empty() {
            // Nothing new: no commit, nothing written.
            return Ok(IndexReport {
                files_unchanged: unchanged.len() as u64,
                problems: walk_problems,
                elapsed: start.elapsed(),
                articles_in_index: self.index.reader()?.searcher().num_docs(),
                ..Default::default()
            });
        }
        {
            let writer = self.writer.read().unwrap_or_else(|e| e.into_inner());
            let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
            for path in &gone {
                writer.delete_term(Term::from_field_text(self.fields.file, path));
                state.files.remove(path);
            }
        }
        let files_total = files.len() as u64;
        let problems = Mutex::new(walk_problems);
        let files_done = AtomicU64::new(0);
        let articles = AtomicU64::new(0);
        let bytes = AtomicU64::new(0);
        let failure: Mutex<Option<Error>> = Mutex::new(None);
        let since_commit = AtomicU64::new(0);
        let last_commit = Mutex::new(Instant::now());
        let commits = AtomicU64::new(0);
        let stop = || {
            self.cancel.load(Ordering::Relaxed)
                || failure.lock().map(|f| f.is_some()).unwrap_or(true)
        };
        // Commits now and then, from whichever worker notices it is time. No read guard is held
        // here, so taking the write lock cannot deadlock.
        let maybe_commit = || -> Result<()> {
            let due = |last: &Instant| {
                (self.commit_every > 0 && since_commit.load(Ordering::Relaxed) >= self.commit_every)
                    || last.elapsed() >= self.commit_interval
            };
            if !due(&last_commit.lock().unwrap_or_else(|e| e.into_inner())) {
                return Ok(());
            }
            let mut last = last_commit.lock().unwrap_or_else(|e| e.into_inner());
            if !due(&last) {
                return Ok(()); // another worker committed meanwhile
            }
            commit_with_state(
                &mut self.writer.write().unwrap_or_else(|e| e.into_inner()),
                &self.state,
            )?;
            since_commit.store(0, Ordering::Relaxed);
            commits.fetch_add(1, Ordering::Relaxed);
            *last = Instant::now();
            Ok(())
        };
        let report = |files_done: u64| {
            progress(Progress {
                files_done,
                files_total,
                articles: articles.load(Ordering::Relaxed),
                bytes: bytes.load(Ordering::Relaxed),
            })
        };
        files.par_iter().for_each(|file| {
            if stop() {
                return;
            }
            let mut local = Vec::new();
            let mut count = 0u64;
            let key = file.path.display().to_string();
            let stamp = FileStamp::of(&file.path);
            // A changed file: its old articles go first (same thread, so before its new ones).
            self.writer
                .read()
                .unwrap_or_else(|e| e.into_inner())
                .delete_term(Term::from_field_text(self.fields.file, &key));
            let read = read_file_until(
                file,
                &mut |item| match item {
                    Item::Article(a) => match self.add_article(&a).and_then(|()| {
                        since_commit.fetch_add(1, Ordering::Relaxed);
                        maybe_commit()
                    }) {
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
                },
                &stop,
            );
            articles.fetch_add(count % 1000, Ordering::Relaxed);
            bytes.fetch_add(read, Ordering::Relaxed);
            if let (false, Some(stamp)) = (stop(), stamp) {
                // Read to the end: recorded, and committed with the next commit.
                self.state.lock().unwrap_or_else(|e| e.into_inner()).files.insert(key, stamp);
            }
            problems.lock().expect("not poisoned").extend(local);
            let done = files_done.fetch_add(1, Ordering::Relaxed) + 1;
            report(done);
        });
        if let Some(e) = failure.into_inner().expect("not poisoned") {
            return Err(self.explain(e));
        }
        if let Err(e) = self.commit() {
            return Err(self.explain(e));
        }
        let reader = self.index.reader()?;
        let interrupted = self.cancel.load(Ordering::Relaxed);
        Ok(IndexReport {
            files_read: files_total,
            files_unchanged: unchanged.len() as u64,
            files_removed: gone.len() as u64,
            articles_indexed: articles.into_inner(),
            bytes_read: bytes.into_inner(),
            problems: {
                // Files are read in parallel; report in file and line order, the same each run.
                let mut p = problems.into_inner().expect("not poisoned");
                p.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
                p
            },
            elapsed: start.elapsed(),
            articles_in_index: reader.searcher().num_docs(),
            commits: commits.into_inner() + 1,
            interrupted,
        })
    }

    /// Closes the writer and writes the index's vocabulary (the body terms of all segments in
    /// one dictionary, which typo search walks instead of one dictionary per segment; see
    /// [`presse_analysis::vocabulary`]) unless the index has one for its segments already.
    /// Returns whether it wrote one. What was committed stands whatever this returns; merges
    /// still running are abandoned, as when the indexer is dropped. An indexer dropped without
    /// `finish` leaves the vocabulary as it was: searches stay right, typo search slower.
    ///
    /// The writer lock is taken again at once for the vocabulary, so that the index has one
    /// writer until the run ends: another `presse index` started meanwhile is told who holds
    /// it, rather than writing the index beside this one's vocabulary. Should another process
    /// take the lock in between, it writes the vocabulary itself, and this returns `false`.
    pub fn finish(self) -> Result<bool> {
        let (index, dir, body) = (self.index.clone(), self.dir.clone(), self.fields.body);
        drop(self);
        let written = holding_writer_lock(&index, &dir, || {
            presse_analysis::Vocabulary::write(&index, &dir, body)
        })?;
        Ok(written.transpose()?.unwrap_or(false))
    }

    /// Commits what was added: it is then durable and visible to searchers.
    pub fn commit(&mut self) -> Result<()> {
        commit_with_state(self.writer.get_mut().unwrap_or_else(|e| e.into_inner()), &self.state)
    }

    /// Turns a writer failure into a clearer error where the cause can be found: tantivy reports
    /// a full disk as a dead worker thread, so a probe write tells.
    fn explain(&self, error: Error) -> Error {
        let probe = self.dir.join(".presse-space-probe");
        let full = match std::fs::write(&probe, vec![0u8; 1 << 20]) {
            Err(e) => e.kind() == std::io::ErrorKind::StorageFull || e.raw_os_error() == Some(28),
            Ok(()) => false,
        };
        let _ = std::fs::remove_file(&probe);
        if !full {
            return error;
        }
        let committed = self.index.reader().map(|r| r.searcher().num_docs()).unwrap_or(0);
        Error::DiskFull { path: self.dir.display().to_string(), committed }
    }
}

/// Records this process as the index's writer, for the message another writer gets.
fn record_writer(dir: &Path) -> std::io::Result<()> {
    std::fs::write(dir.join(WRITER_PID_FILE), std::process::id().to_string())
}

/// Removes the record of [`record_writer`].
fn forget_writer(dir: &Path) {
    let _ = std::fs::remove_file(dir.join(WRITER_PID_FILE));
}

/// Runs `f` holding the index's writer lock, with this process's pid in the pid file, as a
/// writer does; `None` when another process holds the lock.
fn holding_writer_lock<T>(index: &Index, dir: &Path, f: impl FnOnce() -> T) -> Result<Option<T>> {
    let io = |source| Error::Io { path: dir.display().to_string(), source };
    use tantivy::Directory;
    let lock = match index.directory().acquire_lock(&tantivy::directory::INDEX_WRITER_LOCK) {
        Ok(lock) => lock,
        Err(LockError::LockBusy) => return Ok(None),
        Err(LockError::IoError(e)) => return Err(io(std::io::Error::new(e.kind(), e.to_string()))),
    };
    record_writer(dir).map_err(io)?;
    let out = f();
    forget_writer(dir);
    drop(lock);
    Ok(Some(out))
}

/// Commits, with the file state as the commit's payload (atomic with the documents).
fn commit_with_state(writer: &mut IndexWriter, state: &Mutex<IndexState>) -> Result<()> {
    let payload = state.lock().unwrap_or_else(|e| e.into_inner()).to_payload();
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&payload);
    prepared.commit()?;
    Ok(())
}

impl Drop for Indexer {
    fn drop(&mut self) {
        forget_writer(&self.dir);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vocabulary_is_written_under_the_writer_lock() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("index");
        let indexer = IndexerBuilder::new().open(&path).unwrap();
        let index = indexer.index.clone();
        drop(indexer);
        // What `finish` runs after closing the writer: meanwhile, no one else may write.
        let inside = holding_writer_lock(&index, &path, || IndexerBuilder::new().open(&path))
            .unwrap()
            .expect("the lock was free");
        match inside {
            Err(Error::Locked { pid, .. }) => {
                assert_eq!(pid, Some(std::process::id().to_string()));
            }
            other => panic!("a second writer was let in: {:?}", other.map(|_| ())),
        }
        // Released afterwards, pid file gone.
        assert!(!path.join(WRITER_PID_FILE).exists());
        assert!(IndexerBuilder::new().open(&path).is_ok());
    }

    #[test]
    fn the_writer_merges_with_the_bounded_policy() {
        let dir = tempfile::tempdir().unwrap();
        let indexer = IndexerBuilder::new().open(&dir.path().join("index")).unwrap();
        let writer = indexer.writer.read().unwrap();
        let policy = format!("{:?}", writer.get_merge_policy());
        assert!(policy.starts_with("BoundedMergePolicy"), "{policy}");
    }
}
