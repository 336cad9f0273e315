//! What the query crate's test binaries share: the index of `fixtures/articles`.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use presse_query::Searcher;

/// The bundled fixture articles.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/articles")
}

/// One index of the fixtures for the whole test binary.
pub fn searcher() -> &'static Searcher {
    static INDEX: OnceLock<(tempfile::TempDir, Searcher)> = OnceLock::new();
    &INDEX
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let index = dir.path().join("index");
            let mut indexer = presse_indexer::IndexerBuilder::new().open(&index).unwrap();
            indexer.index_paths(&[fixtures()], &|_| {}).unwrap();
            drop(indexer);
            let searcher = Searcher::open(&index).unwrap();
            (dir, searcher)
        })
        .1
}
