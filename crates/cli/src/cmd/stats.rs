//! `presse stats`: what the index holds.

use std::io::Write;

use anyhow::Result;
use presse_query::Searcher;

use crate::args::StatsArgs;
use crate::exit::Exit;
use crate::output::{human, json};

/// Runs `presse stats`.
pub fn run(args: &StatsArgs) -> Result<Exit> {
    let stats = Searcher::open(&args.index)?.stats()?;
    let mut out = std::io::stdout().lock();
    if args.json {
        json::stats(&mut out, &stats)?;
    } else {
        human::stats(&mut out, &stats)?;
    }
    out.flush()?;
    Ok(Exit::Success)
}
