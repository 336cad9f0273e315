//! `presse index`: drive the indexer, report problems and a summary.

use anyhow::Result;
use presse_indexer::IndexerBuilder;

use crate::args::IndexArgs;
use crate::exit::Exit;
use crate::output::summary;

/// Runs `presse index`.
pub fn run(args: &IndexArgs) -> Result<Exit> {
    let mut builder = IndexerBuilder::new();
    builder.memory(args.memory.saturating_mul(1 << 20)).full(args.full).follow_links(args.follow);
    if let Some(t) = args.threads {
        builder.threads(t);
    }
    let mut indexer = builder.open(&args.index)?;
    let report = indexer.index_paths(&args.paths, &|_| {})?;
    drop(indexer);
    if !args.quiet {
        for p in &report.problems {
            let kind = if p.skipped { "warning" } else { "note" };
            eprintln!("presse: {kind}: {p}");
        }
    }
    if !args.quiet {
        println!("{}", summary::index_summary(&report, &args.index));
    }
    if report.articles_indexed == 0 {
        let why = if report.files_read == 0 {
            "no article files found"
        } else {
            "no article could be read"
        };
        anyhow::bail!("nothing indexed: {why} in {}", paths_list(&args.paths));
    }
    if args.strict && report.skipped() > 0 {
        anyhow::bail!("{} file(s) or line(s) skipped (--strict)", report.skipped());
    }
    Ok(Exit::Success)
}

fn paths_list(paths: &[std::path::PathBuf]) -> String {
    paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
}
