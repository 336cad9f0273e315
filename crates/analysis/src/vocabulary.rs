//! The vocabulary of an index: every term of one field (the body) over all segments, with its
//! document frequency summed over them, in one FST.
//!
//! Typo tolerance walks a term dictionary with a Levenshtein automaton for each rare query word
//! (`presse_query::fuzzy`). tantivy keeps a dictionary per segment, so an index of many segments
//! was walked as many times: twice for the FANG-COVID corpus, about 18 times for an archive of
//! 400,000 articles, whose segments hold mostly the same words. The vocabulary is walked once.
//!
//! The indexer writes it after its last commit ([`Vocabulary::write`]), as
//! `vocabulary-<hash of the segment ids>.fst`; the file also lists the segments it was built
//! from. A searcher opens the file named after its own segments ([`Vocabulary::open`]) and so
//! uses a vocabulary only while the index has exactly the segments it was built from; after
//! another commit or a merge it walks the segments' dictionaries, as without a vocabulary,
//! until the next `presse index` writes a new one. The vocabulary is derived data: deleting it
//! changes no result, only the time typo search takes.
//!
//! Layout: the length of a JSON header (8 bytes, little endian), the header, then the FST of
//! [`fst::Map`] (term bytes → document frequency).

use std::fs;
use std::hash::{Hash, Hasher};
use std::io::{BufWriter, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};
use tantivy::directory::OwnedBytes;
use tantivy::schema::Field;
use tantivy::{Directory, Index, Searcher};

use crate::{Error, Result};

/// What a vocabulary file says about itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Header {
    /// The field whose terms it holds.
    field: String,
    /// The ids of the segments it was built from, sorted.
    segments: Vec<String>,
}

/// The terms of one field over all segments of an index, with their summed document
/// frequencies (see the [module documentation](self)).
pub struct Vocabulary {
    header: Header,
    field: Field,
    map: fst::Map<OwnedBytes>,
}

impl std::fmt::Debug for Vocabulary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vocabulary")
            .field("field", &self.header.field)
            .field("segments", &self.header.segments.len())
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
    /// index's directory), unless it is there already, and removes the vocabularies of other
    /// segments. Returns whether it wrote one. Call it when no writer is committing (the
    /// indexer does, after its last commit).
    pub fn write(index: &Index, dir: &Path, field: Field) -> Result<bool> {
        let fail = |path: &Path, reason: String| Error::Vocabulary {
            path: path.display().to_string(),
            reason,
        };
        let reader = index.reader().map_err(|e| fail(dir, e.to_string()))?;
        let searcher = reader.searcher();
        let field_name = index.schema().get_field_name(field).to_string();
        let segments = segment_ids(&searcher);
        let name = file_name(&field_name, &segments);
        let path = dir.join(&name);
        if segments.is_empty() || path.exists() {
            remove_others(dir, &name);
            return Ok(false);
        }
        let tmp = dir.join("vocabulary.tmp");
        if let Err(reason) = write_file(&searcher, field, field_name, segments, &tmp) {
            let _ = fs::remove_file(&tmp);
            return Err(fail(&tmp, reason));
        }
        fs::rename(&tmp, &path).map_err(|e| fail(&path, e.to_string()))?;
        remove_others(dir, &name);
        Ok(true)
    }

    /// The vocabulary of `field` built from exactly the segments `searcher` has, if the index
    /// has one (a file that cannot be read counts as none: typo search then walks the
    /// segments). `directory` is the index's directory as opened (an `MmapDirectory`, not the
    /// index's managed directory, which reads only tantivy's own files).
    pub fn open(
        directory: &dyn Directory,
        index: &Index,
        searcher: &Searcher,
        field: Field,
    ) -> Option<Vocabulary> {
        let field_name = index.schema().get_field_name(field).to_string();
        let segments = segment_ids(searcher);
        let name = file_name(&field_name, &segments);
        let bytes = directory.open_read(Path::new(&name)).ok()?.read_bytes().ok()?;
        let len = u64::from_le_bytes(bytes.as_slice().get(..8)?.try_into().ok()?) as usize;
        let end = len.checked_add(8)?;
        let header: Header = serde_json::from_slice(bytes.as_slice().get(8..end)?).ok()?;
        if header.field != field_name || header.segments != segments {
            return None;
        }
        let map = fst::Map::new(bytes.slice(end..bytes.len())).ok()?;
        Some(Vocabulary { header, field, map })
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
        serde_json::to_vec(&Header { field: field_name, segments }).map_err(|e| e.to_string())?;
    let file = fs::File::create(path).map_err(|e| e.to_string())?;
    let mut out = BufWriter::new(file);
    out.write_all(&(header.len() as u64).to_le_bytes()).map_err(|e| e.to_string())?;
    out.write_all(&header).map_err(|e| e.to_string())?;
    let mut builder = fst::MapBuilder::new(out).map_err(|e| e.to_string())?;
    let streams = dictionaries
        .iter()
        .map(|inv| inv.terms().stream())
        .collect::<std::io::Result<Vec<_>>>()
        .map_err(|e| e.to_string())?;
    let mut merger = tantivy::termdict::TermMerger::new(streams);
    while merger.advance() {
        // A term's document frequency in each segment holding it, summed.
        let df: u64 =
            merger.current_segment_ords_and_term_infos().map(|(_, t)| u64::from(t.doc_freq)).sum();
        builder.insert(merger.key(), df).map_err(|e| e.to_string())?;
    }
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
            Vocabulary::open(&raw(dir.path()), &index, &searcher, body).is_none(),
            "none written yet"
        );
        assert!(Vocabulary::write(&index, dir.path(), body).unwrap());
        assert!(!Vocabulary::write(&index, dir.path(), body).unwrap(), "up to date");
        let v = Vocabulary::open(&raw(dir.path()), &index, &searcher, body)
            .expect("written for these segments");
        assert_eq!(v.field(), body);
        // `impfstoff` is in both segments: 2 + 1 documents.
        assert_eq!(df(&v, "Impfstoff"), Some(3));
        assert_eq!(df(&v, "Maske"), Some(1));
        assert_eq!(df(&v, "Zulassung"), Some(1));
        assert_eq!(df(&v, "Lockdown"), None);
        // Every term of every segment's dictionary, and no other.
        let mut expected = std::collections::BTreeSet::new();
        for reader in searcher.segment_readers() {
            let inv = reader.inverted_index(body).unwrap();
            let mut s = inv.terms().stream().unwrap();
            while s.advance() {
                expected.insert(s.key().to_vec());
            }
        }
        assert_eq!(v.len(), expected.len());
        let mut keys = std::collections::BTreeSet::new();
        let mut stream = fst::IntoStreamer::into_stream(v.map().keys());
        while let Some(key) = fst::Streamer::next(&mut stream) {
            keys.insert(key.to_vec());
        }
        assert_eq!(keys, expected);
    }

    #[test]
    fn another_segment_set_has_no_vocabulary_until_it_is_written_again() {
        let dir = tempfile::tempdir().unwrap();
        let (index, body) = index_with(dir.path(), &[&["Impfstoff"], &["Maske"]]);
        Vocabulary::write(&index, dir.path(), body).unwrap();
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        writer.add_document(doc!(body => "Lockdown")).unwrap();
        writer.commit().unwrap();
        drop(writer);
        let reader = index.reader().unwrap();
        reader.reload().unwrap();
        let searcher = reader.searcher();
        assert!(
            Vocabulary::open(&raw(dir.path()), &index, &searcher, body).is_none(),
            "built for other segments"
        );
        assert!(Vocabulary::write(&index, dir.path(), body).unwrap());
        let v = Vocabulary::open(&raw(dir.path()), &index, &searcher, body).unwrap();
        assert_eq!(df(&v, "Lockdown"), Some(1));
        let files: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| is_vocabulary_file(n))
            .collect();
        assert_eq!(files.len(), 1, "the older vocabulary is removed: {files:?}");
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
        for bytes in [&b"\x02\0\0\0\0\0\0\0{}"[..], b"\xff\xff\xff\xff\xff\xff\xff\xff{}", b"{}"] {
            std::fs::write(&file, bytes).unwrap();
            assert!(Vocabulary::open(&raw(dir.path()), &index, &searcher, body).is_none());
        }
    }
}
