//! Terminal output: ranked hits with highlighted snippets.

use std::io::Write;

use anyhow::Result;
use presse_query::{FacetCount, IndexStats, SearchResults, StoredArticle};

const BOLD: &str = "\x1b[1m";
const MATCH: &str = "\x1b[1;31m";
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

/// `text` with the byte ranges `highlights` marked (colour, or nothing without colour).
fn mark(text: &str, highlights: &[[usize; 2]], color: bool, base: &str) -> String {
    if !color {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + highlights.len() * 12);
    let mut at = 0;
    for &[s, e] in highlights {
        if s < at || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        out.push_str(&text[at..s]);
        out.push_str(MATCH);
        out.push_str(&text[s..e]);
        out.push_str(RESET);
        out.push_str(base);
        at = e;
    }
    out.push_str(&text[at..]);
    out
}

/// Prints the hits.
pub fn results(out: &mut impl Write, r: &SearchResults, color: bool) -> Result<()> {
    if r.hits.is_empty() {
        writeln!(out, "no hits for {:?} ({} articles matched)", r.query, r.total_hits)?;
        return Ok(());
    }
    let (bold, dim, reset) = if color { (BOLD, DIM, RESET) } else { ("", "", "") };
    for hit in &r.hits {
        let title = mark(&hit.title, &hit.title_highlights, color, bold);
        writeln!(out, "{bold}{:>2}. {title}{reset}", hit.rank)?;
        let mut meta: Vec<&str> = Vec::new();
        if let Some(s) = &hit.source {
            meta.push(s);
        }
        if let Some(d) = &hit.date {
            meta.push(d.get(..10).unwrap_or(d));
        }
        let place = hit.url.as_deref().unwrap_or(&hit.path);
        meta.push(place);
        writeln!(out, "    {dim}{}{reset}", meta.join(" · "))?;
        if !hit.snippet.text.is_empty() {
            writeln!(out, "    {}", mark(&hit.snippet.text, &hit.snippet.highlights, color, ""))?;
        }
        if !hit.also_in.is_empty() {
            let places: Vec<&str> = hit
                .also_in
                .iter()
                .map(|d| d.source.as_deref().or(d.url.as_deref()).unwrap_or(&d.id))
                .collect();
            writeln!(out, "    {dim}also in: {}{reset}", places.join(", "))?;
        }
        if hit.url.as_deref() != Some(hit.id.as_str()) {
            writeln!(out, "    {dim}id: {}{reset}", hit.id)?;
        }
        writeln!(out)?;
    }
    if let Some(f) = &r.facets {
        facet_table(out, "sources", &f.sources)?;
        if !f.years.is_empty() {
            facet_table(out, "years", &f.years)?;
        }
        facet_table(out, "months", &f.months)?;
        writeln!(out)?;
    }
    let shown = r.hits.len();
    writeln!(
        out,
        "{dim}{shown} of {} hits ({}–{}), {:.1} ms{reset}",
        r.total_hits,
        r.offset + 1,
        r.offset + shown,
        r.took_ms
    )?;
    Ok(())
}

/// Prints one whole article.
pub fn article(out: &mut impl Write, a: &StoredArticle) -> Result<()> {
    writeln!(out, "{}", a.title)?;
    let fields = [
        ("caption", a.caption.as_deref()),
        ("source", a.source.as_deref()),
        ("author", a.author.as_deref()),
        ("date", a.date.as_deref()),
        ("url", a.url.as_deref()),
        ("path", Some(a.path.as_str())),
        ("id", Some(a.id.as_str())),
    ];
    for (name, value) in fields {
        if let Some(v) = value {
            writeln!(out, "{name}: {v}")?;
        }
    }
    writeln!(out)?;
    if let Some(lead) = &a.lead {
        writeln!(out, "{lead}\n")?;
    }
    for paragraph in a.body.split('\n') {
        writeln!(out, "{paragraph}\n")?;
    }
    Ok(())
}

/// A compact facet table: `name: value count · value count …`, wrapped.
fn facet_table(out: &mut impl Write, name: &str, counts: &[FacetCount]) -> Result<()> {
    if counts.is_empty() {
        return Ok(());
    }
    let cells: Vec<String> = counts.iter().map(|c| format!("{} {}", c.value, c.count)).collect();
    let mut line = format!("{name:>8}:");
    for cell in cells {
        if line.len() + cell.len() > 96 {
            writeln!(out, "{line}")?;
            line = " ".repeat(9);
        }
        line.push(' ');
        line.push_str(&cell);
        line.push_str(" ·");
    }
    writeln!(out, "{}", line.trim_end_matches(" ·"))?;
    Ok(())
}

/// Prints index statistics.
pub fn stats(out: &mut impl Write, s: &IndexStats) -> Result<()> {
    writeln!(out, "index:     {}", s.path)?;
    writeln!(out, "articles:  {}", s.articles)?;
    let range = match (&s.first_date, &s.last_date) {
        (Some(a), Some(b)) => {
            format!("{} to {}", a.get(..10).unwrap_or(a), b.get(..10).unwrap_or(b))
        }
        _ => "no dated articles".to_string(),
    };
    writeln!(out, "dates:     {range} ({} undated)", s.undated)?;
    writeln!(
        out,
        "same text: {} groups ({} articles shown once with their group)",
        s.duplicate_groups, s.duplicate_articles
    )?;
    writeln!(out, "size:      {:.1} MB", s.size_bytes as f64 / 1e6)?;
    writeln!(out, "format:    {} (analyser {})", s.format, s.analyzer)?;
    writeln!(out, "updated:   {}", s.updated.as_deref().unwrap_or("unknown"))?;
    match s.vocabulary_terms {
        Some(terms) => writeln!(
            out,
            "segments:  {} (vocabulary of {terms} terms for typo search)",
            s.segments
        )?,
        None => writeln!(
            out,
            "segments:  {} (no vocabulary: typo search walks each segment; `presse index` \
             writes one)",
            s.segments
        )?,
    }
    writeln!(out, "sources:   {}", s.sources.len())?;
    for c in &s.sources {
        writeln!(out, "  {:>8}  {}", c.count, c.value)?;
    }
    Ok(())
}
