//! Terminal output: ranked hits with highlighted snippets.

use std::io::Write;

use anyhow::Result;
use presse_query::{SearchResults, StoredArticle};

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
        if hit.url.as_deref() != Some(hit.id.as_str()) {
            writeln!(out, "    {dim}id: {}{reset}", hit.id)?;
        }
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
