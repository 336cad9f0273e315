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
            let (excerpt, caret) = excerpt_at(query, position);
            anyhow::bail!("malformed query: {message}\n  {excerpt}\n  {}^", " ".repeat(caret));
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

/// At most 60 characters of `query` around byte `position`, with `…` where cut, and the column
/// of `position` in that excerpt: long queries get a readable pointer, not a screen of text.
fn excerpt_at(query: &str, position: usize) -> (String, usize) {
    let chars: Vec<(usize, char)> = query.char_indices().collect();
    let at = chars.iter().position(|&(i, _)| i >= position).unwrap_or(chars.len());
    let from = at.saturating_sub(30);
    let to = (from + 60).min(chars.len());
    let mut excerpt: String = chars[from..to].iter().map(|&(_, c)| c).collect();
    let mut caret = at - from;
    if from > 0 {
        excerpt.insert(0, '…');
        caret += 1;
    }
    if to < chars.len() {
        excerpt.push('…');
    }
    (excerpt, caret)
}

#[cfg(test)]
mod tests {
    use super::excerpt_at;

    #[test]
    fn short_queries_whole_long_ones_cut_around_the_position() {
        assert_eq!(excerpt_at("Merkel \"neu", 7), ("Merkel \"neu".to_string(), 7));
        let long = "wort ".repeat(100);
        let (e, c) = excerpt_at(&long, 250);
        assert!(e.starts_with('…') && e.ends_with('…') && e.chars().count() == 62);
        assert_eq!(c, 31);
    }
}
