//! `presse show ID`: one whole article.

use std::io::Write;

use anyhow::Result;
use presse_query::Searcher;

use crate::args::ShowArgs;
use crate::exit::Exit;
use crate::output::{human, json};

/// Runs `presse show`.
pub fn run(args: &ShowArgs) -> Result<Exit> {
    let searcher = Searcher::open(&args.index)?;
    let Some(article) = searcher.article(&args.id)? else {
        anyhow::bail!("no article with id {:?} in {}", args.id, args.index.display());
    };
    let mut out = std::io::stdout().lock();
    if args.json {
        json::article(&mut out, &article)?;
    } else {
        human::article(&mut out, &article)?;
    }
    out.flush()?;
    Ok(Exit::Success)
}
