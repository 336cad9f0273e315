//! Which files the index holds, and as of when: the basis of incremental indexing.
//!
//! The state is a map from each indexed file (canonical path) to its size and modification time.
//! It is written as the *payload of the tantivy commit* (inside `meta.json`), so it is committed
//! atomically with the documents it describes: after a crash the index and its state agree.
//! A file whose stamp has not changed since the last commit is not read again; a file that
//! changed has its articles deleted and read anew; a file that is gone from a walked directory
//! has its articles deleted.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::source::InputFile;

/// Size and modification time of a file, as recorded when it was indexed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the Unix epoch (0 when unknown).
    pub mtime_ns: i128,
}

impl FileStamp {
    /// The stamp of a file on disk now (`None` when it cannot be read).
    pub fn of(path: &Path) -> Option<FileStamp> {
        let meta = std::fs::metadata(path).ok()?;
        let mtime_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos() as i128);
        Some(FileStamp { size: meta.len(), mtime_ns })
    }
}

/// The files of an index with their stamps.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexState {
    /// Version of this record.
    pub version: u32,
    /// Canonical path → stamp when indexed.
    pub files: BTreeMap<String, FileStamp>,
}

impl IndexState {
    /// Reads the state from a commit payload (an empty state when there is none or it is not
    /// ours: everything is then read again, which is safe).
    pub fn from_payload(payload: Option<&str>) -> IndexState {
        payload.and_then(|p| serde_json::from_str(p).ok()).unwrap_or_default()
    }

    /// The commit payload.
    pub fn to_payload(&self) -> String {
        serde_json::to_string(self).expect("the state serialises")
    }

    /// Whether `file` is indexed as it is now.
    pub fn unchanged(&self, file: &InputFile) -> bool {
        let key = file.path.display().to_string();
        match (self.files.get(&key), FileStamp::of(&file.path)) {
            (Some(old), Some(now)) => *old == now && now.mtime_ns != 0,
            _ => false,
        }
    }

    /// Recorded files below `root` (a walked directory, or the file itself) that are not in
    /// `present`: their articles must go.
    pub fn gone_below<'a>(
        &'a self,
        root: &Path,
        present: &std::collections::HashSet<String>,
    ) -> Vec<&'a str> {
        let root = root.display().to_string();
        self.files
            .keys()
            .filter(|k| {
                (k.as_str() == root || Path::new(k.as_str()).starts_with(&root))
                    && !present.contains(*k)
            })
            .map(String::as_str)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payload_round_trip_and_foreign_payloads() {
        let mut s = IndexState { version: 1, ..Default::default() };
        s.files.insert("/a/b.jsonl".into(), FileStamp { size: 3, mtime_ns: 7 });
        assert_eq!(IndexState::from_payload(Some(&s.to_payload())), s);
        assert_eq!(IndexState::from_payload(Some("not json")), IndexState::default());
        assert_eq!(IndexState::from_payload(None), IndexState::default());
    }

    #[test]
    fn gone_files_are_those_below_the_root_only() {
        let mut s = IndexState::default();
        for p in ["/data/a.txt", "/data/sub/b.txt", "/other/c.txt"] {
            s.files.insert(p.into(), FileStamp { size: 1, mtime_ns: 1 });
        }
        let present: std::collections::HashSet<String> = ["/data/a.txt".to_string()].into();
        assert_eq!(s.gone_below(Path::new("/data"), &present), ["/data/sub/b.txt"]);
        assert!(s.gone_below(Path::new("/data/a.txt"), &present).is_empty());
    }
}
