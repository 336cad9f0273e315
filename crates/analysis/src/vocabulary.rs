//! The vocabulary of an index: every term of one field (the body) over all segments, with its
//! document frequency summed over them, in one FST.
//!
//! Typo tolerance walks a term dictionary with a Levenshtein automaton for each rare query word
//! (`presse_query::fuzzy`). tantivy keeps a dictionary per segment, so an index of many segments
//! was walked as many times: twice for the FANG-COVID corpus, about 18 times for an archive of
//! 400,000 articles, whose segments hold mostly the same words. The vocabulary is walked once.
//!
//! The indexer writes it after its last commit ([`Vocabulary::write`]), as
//! `vocabulary-<hash of the segment ids>.fst`, a file that also lists the segments it was built
//! from (the index holds one vocabulary at a time). A searcher uses it while the index still
//! has all those segments ([`Vocabulary::open`]), and walks the dictionaries of the segments
//! added since one by one ([`Vocabulary::covers`]): the results are the same. A merge of
//! covered segments retires it until the next `presse index` writes a new one. The indexer
//! writes a new vocabulary only when the segments it does not cover hold more than an eighth of
//! the index's articles ([`REBUILD_SHARE`]), so that adding a few files to a large archive does
//! not rebuild it. The vocabulary is derived data: deleting it changes no result, only the time
//! typo search takes.
//!
//! Layout: the length of a JSON header (8 bytes, little endian), the header (layout version
//! [`VOCABULARY_VERSION`], field, covered segments), then the FST of
//! [`fst::Map`] (term bytes → document frequency).

use std::collections::HashSet;
use std::fs;
use std::hash::{Hash, Hasher};
use std::io::{BufWriter, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};
use tantivy::directory::OwnedBytes;
use tantivy::schema::Field;
use tantivy::{Directory, Index, Searcher};

use crate::{Error, Result};

/// The layout version of vocabulary files; a file of another version counts as none.
pub const VOCABULARY_VERSION: u32 = 1;

/// What a vocabulary file says about itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Header {
    /// [`VOCABULARY_VERSION`] of the presse that wrote it.
    version: u32,
    /// The field whose terms it holds.
    field: String,
    /// The ids of the segments it was built from, sorted.
    segments: Vec<String>,
}

/// The index's articles in segments the vocabulary does not cover, as a share of all of them,
/// above which [`Vocabulary::write`] writes a new one.
pub const REBUILD_SHARE: f64 = 1.0 / 8.0;

/// The terms of one field over the segments of an index, with their summed document
/// frequencies (see the [module documentation](self)).
pub struct Vocabulary {
    field: Field,
    covered: HashSet<String>,
    map: fst::Map<OwnedBytes>,
}

impl std::fmt::Debug for Vocabulary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vocabulary")
            .field("field", &self.field)
            .field("segments", &self.covered.len())
            .field("terms", &self.map.len())
            .finish()
    }
}

/// The sorted segment ids of a searcher.
fn segment_ids(searcher: &Searcher) -> Vec<String> {
    let mut ids: Vec<String> =
        searcher.segment_readers().iter().map(|r| r.segment_id().uuid_string()).collect();
    ids.sort();
    ids
}

/// The file name of the vocabulary of `field` over `segments` (sorted).
fn file_name(field: &str, segments: &[String]) -> String {
    // FxHasher is deterministic (no random seed): every process finds the same name.
    let mut hasher = rustc_hash::FxHasher::default();
    field.hash(&mut hasher);
    segments.hash(&mut hasher);
    format!("vocabulary-{:016x}.fst", hasher.finish())
}

/// Whether a directory entry is a vocabulary file (of any segments).
fn is_vocabulary_file(name: &str) -> bool {
    name.starts_with("vocabulary-") && name.ends_with(".fst")
}

impl Vocabulary {
    /// Writes the vocabulary of `field` over the segments `index` has now into `dir` (the
    /// index's directory) and removes the older one, unless the older one still serves: its
    /// segments are all in the index and those it does not cover hold at most
    /// [`REBUILD_SHARE`] of the articles. Returns whether it wrote one. Call it when no writer
    /// is committing (the indexer does, after its last commit).
    pub fn write(index: &Index, dir: &Path, field: Field) -> Result<bool> {
        let fail = |path: &Path, reason: String| Error::Vocabulary {
            path: path.display().to_string(),
            reason,
        };
        let reader = index.reader().map_err(|e| fail(dir, e.to_string()))?;
        let searcher = reader.searcher();
        let field_name = index.schema().get_field_name(field).to_string();
        let segments = segment_ids(&searcher);
        if segments.is_empty() {
            remove_others(dir, "");
            return Ok(false);
        }
        if let Some(current) = Vocabulary::read(dir, None, index, &searcher, field) {
            let (mut uncovered, mut all) = (0u64, 0u64);
            for reader in searcher.segment_readers() {
                all += u64::from(reader.max_doc());
                if !current.covers(&reader.segment_id().uuid_string()) {
                    uncovered += u64::from(reader.max_doc());
                }
            }
            if uncovered as f64 <= all as f64 * REBUILD_SHARE {
                return Ok(false);
            }
        }
        let name = file_name(&field_name, &segments);
        let path = dir.join(&name);
        let tmp = dir.join("vocabulary.tmp");
        if let Err(reason) = write_file(&searcher, field, field_name, segments, &tmp) {
            let _ = fs::remove_file(&tmp);
            return Err(fail(&tmp, reason));
        }
        fs::rename(&tmp, &path).map_err(|e| fail(&path, e.to_string()))?;
        remove_others(dir, &name);
        Ok(true)
    }

    /// The index's vocabulary of `field`, if it has one whose segments are all among
    /// `searcher`'s (a file that cannot be read counts as none: typo search then walks the
    /// segments). `dir` is the index directory, and `directory` the same as opened (an
    /// `MmapDirectory`, not the index's managed directory, which reads only tantivy's own
    /// files), through which the vocabulary is mapped into memory.
    pub fn open(
        dir: &Path,
        directory: &dyn Directory,
        index: &Index,
        searcher: &Searcher,
        field: Field,
    ) -> Option<Vocabulary> {
        Vocabulary::read(dir, Some(directory), index, searcher, field)
    }

    /// [`Vocabulary::open`], reading the file into memory when no directory is given. The
    /// first vocabulary file that serves is taken (there is one, unless an older one could not
    /// be removed).
    fn read(
        dir: &Path,
        directory: Option<&dyn Directory>,
        index: &Index,
        searcher: &Searcher,
        field: Field,
    ) -> Option<Vocabulary> {
        let schema = index.schema();
        let field_name = schema.get_field_name(field);
        let current: HashSet<String> = segment_ids(searcher).into_iter().collect();
        fs::read_dir(dir).ok()?.flatten().find_map(|entry| {
            let name = entry.file_name().to_str()?.to_string();
            if !is_vocabulary_file(&name) {
                return None;
            }
            let bytes = match directory {
                Some(d) => d.open_read(Path::new(&name)).ok()?.read_bytes().ok()?,
                None => OwnedBytes::new(fs::read(entry.path()).ok()?),
            };
            let len = u64::from_le_bytes(bytes.as_slice().get(..8)?.try_into().ok()?) as usize;
            let end = len.checked_add(8)?;
            let header: Header = serde_json::from_slice(bytes.as_slice().get(8..end)?).ok()?;
            let covered = header.segments.iter().all(|s| current.contains(s));
            if header.version != VOCABULARY_VERSION || header.field != field_name || !covered {
                return None;
            }
            let map = fst::Map::new(bytes.slice(end..bytes.len())).ok()?;
            Some(Vocabulary { field, covered: header.segments.into_iter().collect(), map })
        })
    }

    /// Whether the vocabulary holds the terms of the segment with this id (its
    /// `SegmentId::uuid_string`); the terms of the others are looked up in their own
    /// dictionaries.
    pub fn covers(&self, segment_id: &str) -> bool {
        self.covered.contains(segment_id)
    }

    /// The field whose terms it holds.
    pub fn field(&self) -> Field {
        self.field
    }

    /// The terms and their document frequencies (summed over the segments).
    pub fn map(&self) -> &fst::Map<OwnedBytes> {
        &self.map
    }

    /// Number of terms.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether it holds no term.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// Removes the vocabulary files of `dir` other than `keep` (a searcher that has one open keeps
/// its mapping until it drops it).
fn remove_others(dir: &Path, keep: &str) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if is_vocabulary_file(name) && name != keep {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Terms handed from the merging thread to the building one at a time.
const BATCH_TERMS: usize = 8192;

/// Terms and their document frequencies, the terms' bytes in one buffer.
#[derive(Default)]
struct Batch {
    bytes: Vec<u8>,
    ends: Vec<usize>,
    dfs: Vec<u64>,
}

impl Batch {
    fn push(&mut self, key: &[u8], df: u64) {
        self.bytes.extend_from_slice(key);
        self.ends.push(self.bytes.len());
        self.dfs.push(df);
    }

    fn insert_into<W: Write>(
        &self,
        builder: &mut fst::MapBuilder<W>,
    ) -> std::result::Result<(), String> {
        for (key, df) in self.iter() {
            builder.insert(key, df).map_err(|e| e.to_string())?;
        }
        Ok(())
    }

    fn iter(&self) -> impl Iterator<Item = (&[u8], u64)> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(&self.ends)
            .zip(&self.dfs)
            .map(|((start, &end), &df)| (&self.bytes[start..end], df))
    }
}

/// Merges the term `streams` of the segments' dictionaries, handing the terms with their
/// summed document frequencies to `emit` in batches, until it returns `false`.
fn merge(streams: Vec<tantivy::termdict::TermStreamer<'_>>, mut emit: impl FnMut(Batch) -> bool) {
    let mut merger = tantivy::termdict::TermMerger::new(streams);
    let mut batch = Batch::default();
    while merger.advance() {
        if crate::is_part_term(merger.key()) {
            // Compound parts: typo search looks for words, not parts.
            continue;
        }
        // A term's document frequency in each segment holding it, summed.
        let df: u64 =
            merger.current_segment_ords_and_term_infos().map(|(_, t)| u64::from(t.doc_freq)).sum();
        batch.push(merger.key(), df);
        if batch.dfs.len() >= BATCH_TERMS && !emit(std::mem::take(&mut batch)) {
            return;
        }
    }
    if !batch.dfs.is_empty() {
        emit(batch);
    }
}

/// Merges the segments' dictionaries of `field` into a vocabulary file at `path`.
fn write_file(
    searcher: &Searcher,
    field: Field,
    field_name: String,
    segments: Vec<String>,
    path: &Path,
) -> std::result::Result<(), String> {
    let mut dictionaries = Vec::new();
    for reader in searcher.segment_readers() {
        dictionaries.push(reader.inverted_index(field).map_err(|e| e.to_string())?);
    }
    let header =
        serde_json::to_vec(&Header { version: VOCABULARY_VERSION, field: field_name, segments })
            .map_err(|e| e.to_string())?;
    let file = fs::File::create(path).map_err(|e| e.to_string())?;
    let mut out = BufWriter::new(file);
    out.write_all(&(header.len() as u64).to_le_bytes()).map_err(|e| e.to_string())?;
    out.write_all(&header).map_err(|e| e.to_string())?;
    let mut builder = fst::MapBuilder::new(out).map_err(|e| e.to_string())?;
    // The terms are merged in two ranges, below and from the middle term of the largest
    // dictionary, on two threads, while this one builds the FST: the lower range's terms are
    // handed over in batches as they come, the upper range's once the lower one is done.
    let largest = dictionaries.iter().max_by_key(|inv| inv.terms().num_terms());
    let mut pivot = Vec::new();
    if let Some(inv) = largest {
        let terms = inv.terms();
        terms.ord_to_term(terms.num_terms() as u64 / 2, &mut pivot).map_err(|e| e.to_string())?;
    }
    let ranges = |lower: bool| {
        dictionaries
            .iter()
            .map(|inv| {
                let range = inv.terms().range();
                if pivot.is_empty() {
                    // One range: everything in the lower one.
                    if lower { range } else { range.lt([]) }.into_stream()
                } else if lower {
                    range.lt(&pivot).into_stream()
                } else {
                    range.ge(&pivot).into_stream()
                }
            })
            .collect::<std::io::Result<Vec<_>>>()
            .map_err(|e| e.to_string())
    };
    let (lower, upper) = (ranges(true)?, ranges(false)?);
    let (send, receive) = std::sync::mpsc::sync_channel::<Batch>(4);
    std::thread::scope(|scope| {
        scope.spawn(move || merge(lower, |batch| send.send(batch).is_ok()));
        let upper = scope.spawn(move || {
            let mut batches = Vec::new();
            merge(upper, |batch| {
                batches.push(batch);
                true
            });
            batches
        });
        for batch in receive {
            batch.insert_into(&mut builder)?;
        }
        for batch in upper.join().expect("merging does not panic") {
            batch.insert_into(&mut builder)?;
        }
        Ok::<(), String>(())
    })?;
    let out = builder.into_inner().map_err(|e| e.to_string())?;
    let file = out.into_inner().map_err(|e| e.to_string())?;
    file.sync_all().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::{doc, IndexWriter};

    /// An index of the presse schema in `dir` with one segment per batch of bodies.
    fn index_with(dir: &Path, batches: &[&[&str]]) -> (Index, Field) {
        let index = Index::create_in_dir(dir, crate::build_schema()).unwrap();
        crate::register(&index);
        let body = Fields::from_schema(&index.schema()).unwrap().body;
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for batch in batches {
            for text in *batch {
                writer.add_document(doc!(body => *text)).unwrap();
            }
            writer.commit().unwrap();
        }
        drop(writer);
        (index, body)
    }

    fn raw(dir: &Path) -> tantivy::directory::MmapDirectory {
        tantivy::directory::MmapDirectory::open(dir).unwrap()
    }

    /// The document frequency of a word's term in the vocabulary.
    fn df(v: &Vocabulary, word: &str) -> Option<u64> {
        v.map().get(&crate::analyse_text(word)[0].analysis.term)
    }

    use crate::Fields;

    #[test]
    fn one_dictionary_for_all_segments_with_summed_frequencies() {
        let dir = tempfile::tempdir().unwrap();
        let (index, body) = index_with(
            dir.path(),
            &[&["Impfstoff Zulassung", "Impfstoff"], &["Impfstoffe Lieferung", "Maske"]],
        );
        let searcher = index.reader().unwrap().searcher();
        assert_eq!(searcher.segment_readers().len(), 2);
        assert!(
            Vocabulary::open(dir.path(), &raw(dir.path()), &index, &searcher, body).is_none(),
            "none written yet"
        );
        assert!(Vocabulary::write(&index, dir.path(), body).unwrap());
        assert!(!Vocabulary::write(&index, dir.path(), body).unwrap(), "up to date");
        let v = Vocabulary::open(dir.path(), &raw(dir.path()), &index, &searcher, body)
            .expect("written for these segments");
        assert_eq!(v.field(), body);
        // `impfstoff` is in both segments: 2 + 1 documents.
        assert_eq!(df(&v, "Impfstoff"), Some(3));
        assert_eq!(df(&v, "Maske"), Some(1));
        assert_eq!(df(&v, "Zulassung"), Some(1));
        assert_eq!(df(&v, "Lockdown"), None);
        // Every word's term of every segment's dictionary, and no other: no compound part
        // (`Impfstoff` is `impf` + `stoff`).
        let mut expected = std::collections::BTreeSet::new();
        let mut parts = 0;
        for reader in searcher.segment_readers() {
            let inv = reader.inverted_index(body).unwrap();
            let mut s = inv.terms().stream().unwrap();
            while s.advance() {
                if crate::is_part_term(s.key()) {
                    parts += 1;
                } else {
                    expected.insert(s.key().to_vec());
                }
            }
        }
        assert!(parts > 0, "the segments hold compound parts");
        assert_eq!(v.map().get(crate::part_term("stoff")), None);
        assert_eq!(v.len(), expected.len());
        let mut keys = std::collections::BTreeSet::new();
        let mut stream = fst::IntoStreamer::into_stream(v.map().keys());
        while let Some(key) = fst::Streamer::next(&mut stream) {
            keys.insert(key.to_vec());
        }
        assert_eq!(keys, expected);
    }

    #[test]
    fn dictionaries_larger_than_a_batch_are_merged_whole() {
        // More terms than a few batches hold, in two segments that share every other term:
        // the terms cross the batches and the two ranges merged side by side.
        let words = |from: usize, step: usize| -> String {
            (from..3 * BATCH_TERMS).step_by(step).map(|i| format!("w{i:05}x ")).collect()
        };
        let (all, even) = (words(0, 1), words(0, 2));
        let dir = tempfile::tempdir().unwrap();
        let (index, body) = index_with(dir.path(), &[&[all.as_str()], &[even.as_str()]]);
        assert!(Vocabulary::write(&index, dir.path(), body).unwrap());
        let searcher = index.reader().unwrap().searcher();
        let v = Vocabulary::open(dir.path(), &raw(dir.path()), &index, &searcher, body).unwrap();
        assert_eq!(v.len(), 3 * BATCH_TERMS);
        let mut stream = fst::IntoStreamer::into_stream(v.map().stream());
        let mut n = 0;
        while let Some((key, df)) = fst::Streamer::next(&mut stream) {
            let i: usize = std::str::from_utf8(&key[1..6]).unwrap().parse().unwrap();
            assert_eq!(
                df,
                if i.is_multiple_of(2) { 2 } else { 1 },
                "{}",
                String::from_utf8_lossy(key)
            );
            n += 1;
        }
        assert_eq!(n, 3 * BATCH_TERMS);
    }

    /// Adds one segment of these bodies; returns a searcher that sees it.
    fn add_segment(index: &Index, body: Field, texts: &[&str]) -> Searcher {
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for text in texts {
            writer.add_document(doc!(body => *text)).unwrap();
        }
        writer.commit().unwrap();
        drop(writer);
        let reader = index.reader().unwrap();
        reader.reload().unwrap();
        reader.searcher()
    }

    fn files(dir: &Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| is_vocabulary_file(n))
            .collect()
    }

    #[test]
    fn segments_added_later_are_covered_once_they_hold_an_eighth_of_the_articles() {
        let dir = tempfile::tempdir().unwrap();
        let (index, body) = index_with(dir.path(), &[&["Impfstoff"; 16]]);
        assert!(Vocabulary::write(&index, dir.path(), body).unwrap());
        let first = files(dir.path());
        // One article more: 1 of 17 uncovered, the vocabulary stays.
        let searcher = add_segment(&index, body, &["Lockdown"]);
        assert!(!Vocabulary::write(&index, dir.path(), body).unwrap());
        assert_eq!(files(dir.path()), first);
        let v = Vocabulary::open(dir.path(), &raw(dir.path()), &index, &searcher, body).unwrap();
        let ids: Vec<String> =
            searcher.segment_readers().iter().map(|r| r.segment_id().uuid_string()).collect();
        assert_eq!(ids.iter().filter(|id| v.covers(id)).count(), 1, "the new one is not covered");
        assert_eq!(df(&v, "Lockdown"), None, "its terms are looked up in its own dictionary");
        // Three more: 4 of 20 uncovered, more than an eighth: a new vocabulary of all of them.
        let searcher = add_segment(&index, body, &["Maske", "Maske", "Maske"]);
        assert!(Vocabulary::write(&index, dir.path(), body).unwrap());
        let v = Vocabulary::open(dir.path(), &raw(dir.path()), &index, &searcher, body).unwrap();
        assert!(searcher.segment_readers().iter().all(|r| v.covers(&r.segment_id().uuid_string())));
        assert_eq!(df(&v, "Lockdown"), Some(1));
        assert_eq!(df(&v, "Maske"), Some(3));
        let second = files(dir.path());
        assert_eq!(second.len(), 1, "the older vocabulary is removed: {second:?}");
        assert_ne!(second, first);
    }

    #[test]
    fn a_merge_of_covered_segments_retires_the_vocabulary() {
        let dir = tempfile::tempdir().unwrap();
        let (index, body) = index_with(dir.path(), &[&["Impfstoff"], &["Maske"]]);
        Vocabulary::write(&index, dir.path(), body).unwrap();
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        let ids = index.searchable_segment_ids().unwrap();
        writer.merge(&ids).wait().unwrap();
        writer.wait_merging_threads().unwrap();
        let reader = index.reader().unwrap();
        reader.reload().unwrap();
        let searcher = reader.searcher();
        assert_eq!(searcher.segment_readers().len(), 1);
        assert!(Vocabulary::open(dir.path(), &raw(dir.path()), &index, &searcher, body).is_none());
        assert!(Vocabulary::write(&index, dir.path(), body).unwrap());
        let v = Vocabulary::open(dir.path(), &raw(dir.path()), &index, &searcher, body).unwrap();
        assert_eq!(df(&v, "Maske"), Some(1));
    }

    #[test]
    fn an_unreadable_file_counts_as_none() {
        let dir = tempfile::tempdir().unwrap();
        let (index, body) = index_with(dir.path(), &[&["Impfstoff"]]);
        Vocabulary::write(&index, dir.path(), body).unwrap();
        let file = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| is_vocabulary_file(&p.file_name().unwrap().to_string_lossy()))
            .unwrap();
        let searcher = index.reader().unwrap().searcher();
        // A stray file that cannot be read, beside the one that serves: the latter is used.
        let stray = dir.path().join("vocabulary-0000000000000000.fst");
        std::fs::write(&stray, b"{}").unwrap();
        assert!(Vocabulary::open(dir.path(), &raw(dir.path()), &index, &searcher, body).is_some());
        std::fs::remove_file(&stray).unwrap();
        // The same file with another version in its header.
        let real = std::fs::read(&file).unwrap();
        let len = u64::from_le_bytes(real[..8].try_into().unwrap()) as usize;
        let mut header: Header = serde_json::from_slice(&real[8..8 + len]).unwrap();
        assert!(Vocabulary::open(dir.path(), &raw(dir.path()), &index, &searcher, body).is_some());
        header.version += 1;
        let header = serde_json::to_vec(&header).unwrap();
        let mut bytes = (header.len() as u64).to_le_bytes().to_vec();
        bytes.extend_from_slice(&header);
        bytes.extend_from_slice(&real[8 + len..]);
        std::fs::write(&file, &bytes).unwrap();
        assert!(Vocabulary::open(dir.path(), &raw(dir.path()), &index, &searcher, body).is_none());
        for bytes in [&b"\x02\0\0\0\0\0\0\0{}"[..], b"\xff\xff\xff\xff\xff\xff\xff\xff{}", b"{}"] {
            std::fs::write(&file, bytes).unwrap();
            assert!(
                Vocabulary::open(dir.path(), &raw(dir.path()), &index, &searcher, body).is_none()
            );
        }
    }
}
