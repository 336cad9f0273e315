//! The presse metadata file of an index directory: format and analyser version.
//!
//! tantivy records the schema and the tokenizer *names*; what the names stand for is ours. The
//! indexer writes `presse.json` when it creates an index; every reader checks it before use, so an
//! index built by an incompatible presse is refused with a message that says how to rebuild.

use std::fs;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::{Error, Result, ANALYZER_VERSION};

/// The file name of the metadata inside the index directory.
pub const META_FILE: &str = "presse.json";

/// The on-disk format version of a presse index (schema and metadata layout).
pub const FORMAT_VERSION: u32 = 2;

/// What a presse index records about itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexMeta {
    /// [`FORMAT_VERSION`] of the presse that built the index.
    pub format: u32,
    /// [`ANALYZER_VERSION`] of the presse that built the index.
    pub analyzer: String,
}

impl Default for IndexMeta {
    fn default() -> Self {
        IndexMeta { format: FORMAT_VERSION, analyzer: ANALYZER_VERSION.to_string() }
    }
}

impl IndexMeta {
    /// Reads the metadata of the index in `dir`, `None` when the file does not exist.
    pub fn read(dir: &Path) -> Result<Option<IndexMeta>> {
        let path = dir.join(META_FILE);
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => return Err(Error::Io { path: path.display().to_string(), source }),
        };
        serde_json::from_str(&text).map(Some).map_err(|e| Error::Io {
            path: path.display().to_string(),
            source: std::io::Error::new(std::io::ErrorKind::InvalidData, e),
        })
    }

    /// Writes this metadata into `dir` atomically (write a temporary file, then rename).
    pub fn write(&self, dir: &Path) -> Result<()> {
        let path = dir.join(META_FILE);
        let tmp = dir.join(format!("{META_FILE}.tmp"));
        let io = |source| Error::Io { path: path.display().to_string(), source };
        let text = serde_json::to_string_pretty(self).expect("metadata serialises");
        fs::write(&tmp, text).map_err(io)?;
        fs::rename(&tmp, &path).map_err(io)
    }

    /// Checks that the index in `dir` was built by a compatible presse.
    pub fn check(dir: &Path) -> Result<()> {
        let expected = IndexMeta::default();
        match IndexMeta::read(dir)? {
            Some(meta) if meta == expected => Ok(()),
            found => Err(Error::Incompatible {
                path: dir.display().to_string(),
                found: match found {
                    Some(m) => format!("format {}, analyser {}", m.format, m.analyzer),
                    None => "no presse.json".to_string(),
                },
                expected: format!("format {}, analyser {}", expected.format, expected.analyzer),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_check() {
        let dir = std::env::temp_dir().join(format!("presse-meta-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        assert_eq!(IndexMeta::read(&dir).unwrap(), None);
        assert!(matches!(IndexMeta::check(&dir), Err(Error::Incompatible { .. })));
        IndexMeta::default().write(&dir).unwrap();
        IndexMeta::check(&dir).unwrap();
        let old = IndexMeta { format: 0, analyzer: "old".into() };
        old.write(&dir).unwrap();
        let err = IndexMeta::check(&dir).unwrap_err().to_string();
        assert!(err.contains("presse index --full"), "{err}");
        fs::remove_dir_all(&dir).unwrap();
    }
}
