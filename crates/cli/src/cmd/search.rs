//! `presse search`: one query, or a batch of them, against the index.

use std::io::{BufRead, Write};

use anyhow::{Context, Result};
use presse_query::{parse_date_bound, Bound, SearchRequest, Searcher, Sort};

use crate::args::{SearchArgs, SortArg};
use crate::exit::Exit;
use crate::output::{human, json, use_color};

/// The request every query of this invocation shares.
fn request(args: &SearchArgs, query: &str) -> Result<SearchRequest> {
    let mut r = SearchRequest::new(query)
        .limit(args.limit)
        .offset(args.offset)
        .snippet_chars(args.snippet)
        .fragments(args.fragments)
        .facets(args.facets)
        .collapse(!args.no_collapse)
        .sort(match args.sort {
            SortArg::Relevance => Sort::Relevance,
            SortArg::Newest => Sort::Newest,
            SortArg::Oldest => Sort::Oldest,
        });
    if let Some(s) = &args.since {
        r = r.since(parse_date_bound(s, Bound::Start)?);
    }
    if let Some(u) = &args.until {
        r = r.until(parse_date_bound(u, Bound::End)?);
    }
    for s in &args.source {
        r = r.source(s);
    }
    if let Some(a) = &args.author {
        r = r.author(a);
    }
    Ok(r)
}

/// Runs `presse search`.
pub fn run(args: &SearchArgs) -> Result<Exit> {
    let searcher = Searcher::open(&args.index)?;
    if let Some(batch) = &args.batch {
        return run_batch(args, &searcher, batch);
    }
    let query = args.query.as_deref().unwrap_or_default();
    let results = match searcher.search(&request(args, query)?) {
        Ok(r) => r,
        Err(presse_query::QueryError::Malformed { message, position }) => {
            anyhow::bail!(
                "malformed query: {message}\n  {query}\n  {}^",
                " ".repeat(query[..position.min(query.len())].chars().count())
            );
        }
        Err(e) => return Err(e.into()),
    };
    let mut out = std::io::stdout().lock();
    if args.json {
        json::results(&mut out, &results)?;
    } else {
        human::results(&mut out, &results, use_color(args.color))?;
    }
    out.flush()?;
    Ok(if results.total_hits == 0 { Exit::NoHits } else { Exit::Success })
}

/// One JSON line per input line, in order; a failing query gets an `error` line.
fn run_batch(args: &SearchArgs, searcher: &Searcher, path: &std::path::Path) -> Result<Exit> {
    let input: Box<dyn BufRead> = if path.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        let f =
            std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
        Box::new(std::io::BufReader::new(f))
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (n, line) in input.lines().enumerate() {
        let line =
            line.with_context(|| format!("{}:{}: cannot read line", path.display(), n + 1))?;
        let query = line.trim();
        match searcher.search(&request(args, query)?) {
            Ok(results) => json::results(&mut out, &results)?,
            Err(e) => json::error(&mut out, query, &e.to_string())?,
        }
    }
    out.flush()?;
    Ok(Exit::Success)
}
