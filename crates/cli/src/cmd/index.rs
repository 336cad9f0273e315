//! `presse index`: drive the indexer with a progress bar and Ctrl-C handling, then report
//! problems and a summary.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use anyhow::Result;
use presse_indexer::{IndexerBuilder, Progress};

use crate::args::IndexArgs;
use crate::exit::Exit;
use crate::output::summary;

/// Runs `presse index`.
pub fn run(args: &IndexArgs) -> Result<Exit> {
    let cancel = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&cancel);
    // First Ctrl-C: stop reading, commit, exit 130. Second: exit at once (the index keeps its
    // last commit).
    let _ = ctrlc::set_handler(move || {
        if flag.swap(true, Ordering::SeqCst) {
            std::process::exit(Exit::Interrupted as i32);
        }
    });
    let mut builder = IndexerBuilder::new();
    builder
        .memory(args.memory.saturating_mul(1 << 20))
        .full(args.full)
        .follow_links(args.follow)
        .commit_every(args.commit_every)
        .cancel_flag(Arc::clone(&cancel));
    if let Some(t) = args.threads {
        builder.threads(t);
    }
    let mut indexer = builder.open(&args.index)?;
    let bar = (!args.quiet && std::io::stderr().is_terminal()).then(progress_bar);
    let report = indexer.index_paths(&args.paths, &|p: Progress| {
        if let Some(bar) = &bar {
            bar.set_length(p.files_total);
            bar.set_position(p.files_done);
            let secs = bar.elapsed().as_secs_f64().max(0.001);
            bar.set_message(format!(
                "{} articles, {:.1} MB/s",
                p.articles,
                p.bytes as f64 / 1e6 / secs
            ));
        }
    })?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    if report.interrupted {
        // Stop at once: the next run completes the index and writes its vocabulary.
        drop(indexer);
    } else if let Err(e) = indexer.finish() {
        // The index is complete; without a vocabulary only typo search is slower.
        eprintln!("presse: warning: {e}; typo search walks each segment instead");
    }
    if !args.quiet {
        for p in &report.problems {
            let kind = if p.skipped { "warning" } else { "note" };
            eprintln!("presse: {kind}: {p}");
        }
        println!("{}", summary::index_summary(&report, &args.index));
    }
    if report.interrupted {
        eprintln!(
            "presse: interrupted; what was read is committed ({} articles in the index)",
            report.articles_in_index
        );
        return Ok(Exit::Interrupted);
    }
    let up_to_date =
        report.files_read == 0 && (report.files_unchanged > 0 || report.files_removed > 0);
    if report.articles_indexed == 0 && !up_to_date {
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

/// Files done of all files, articles, MB/s and ETA, on stderr.
fn progress_bar() -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(0);
    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr_with_hz(4));
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} files, {msg}, ETA {eta}")
            .expect("a valid template"),
    );
    bar
}

fn paths_list(paths: &[std::path::PathBuf]) -> String {
    paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
}
