//! Time to write an index's vocabulary for typo search, as `presse index` does after its last
//! commit, for corpus-scale measurements.
//!
//! ```text
//! vocabulary-write INDEX [ROUNDS]
//! ```
//! The index is not touched: each round links its files into a fresh directory beside it (hard
//! links, so the directory must be writable and on the same file system), writes the vocabulary
//! there without the index's own one, and removes the directory. Prints the median and the
//! fastest of ROUNDS (default 3) in seconds, and the vocabulary's terms and size.

use std::path::{Path, PathBuf};
use std::time::Instant;

use presse_analysis::schema::names;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(index_dir) = args.get(1).map(PathBuf::from) else {
        eprintln!("usage: vocabulary-write INDEX [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(3).max(1);
    let parent = index_dir.parent().unwrap_or(Path::new(".")).to_path_buf();
    let mut times = Vec::with_capacity(rounds);
    let mut written = (0usize, 0u64);
    for _ in 0..rounds {
        let copy = tempfile::Builder::new()
            .prefix(".vocabulary-bench-")
            .tempdir_in(&parent)
            .unwrap_or_else(|e| fail(&parent, e));
        for entry in std::fs::read_dir(&index_dir).unwrap_or_else(|e| fail(&index_dir, e)) {
            let path = entry.unwrap_or_else(|e| fail(&index_dir, e)).path();
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            let Some(name) = name else { continue };
            if path.is_file() && !name.starts_with("vocabulary") && !name.ends_with(".lock") {
                std::fs::hard_link(&path, copy.path().join(&name))
                    .unwrap_or_else(|e| fail(&path, e));
            }
        }
        let index =
            tantivy::Index::open_in_dir(copy.path()).unwrap_or_else(|e| fail(copy.path(), e));
        presse_analysis::register(&index);
        let field = index.schema().get_field(names::BODY).unwrap_or_else(|e| fail(copy.path(), e));
        let started = Instant::now();
        let wrote = presse_analysis::Vocabulary::write(&index, copy.path(), field)
            .unwrap_or_else(|e| fail(copy.path(), e));
        times.push(started.elapsed().as_secs_f64());
        assert!(wrote, "an index without a vocabulary gets one");
        let reader = index.reader().unwrap_or_else(|e| fail(copy.path(), e));
        let vocabulary = presse_analysis::Vocabulary::open(
            copy.path(),
            &tantivy::directory::MmapDirectory::open(copy.path())
                .unwrap_or_else(|e| fail(copy.path(), e)),
            &index,
            &reader.searcher(),
            field,
        )
        .expect("the vocabulary just written serves");
        written = (vocabulary.len(), vocabulary.map().as_fst().as_bytes().len() as u64);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "vocabulary of {} terms ({:.1} MB) written in {:.3} s (median of {rounds}; fastest {:.3} s)",
        written.0,
        written.1 as f64 / 1e6,
        times[rounds / 2],
        times[0]
    );
}

fn fail(path: &Path, e: impl std::fmt::Display) -> ! {
    eprintln!("vocabulary-write: {}: {e}", path.display());
    std::process::exit(2)
}
