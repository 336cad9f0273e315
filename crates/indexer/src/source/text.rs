//! `.txt` articles: the scraped layout, and plain "title, blank line, body" files.
//!
//! The scraped layout (see `fixtures/articles/seed.txt`):
//!
//! ```text
//! Lawrow fordert von USA einen Mechanismus …Lawrow 181105 bild © facebook mid.ru   ← title + caption
//!
//! Lawrow fordert von USA einen Mechanismus …                                        ← clean title
//!
//! Der russische Außenminister Lawrow sagte, …                                       ← lead
//!
//! Russland und die USA müssen …                                                     ← body …
//!
//! [hrsg/russland.NEWS]                                                              ← editor/source
//!
//! COMMENTS                                                                          ← boilerplate
//! ```
//!
//! When the second paragraph is a prefix of the first line, the rest of that line is the caption
//! and the paragraph after the clean title is the lead. Otherwise the file is plain: the first
//! paragraph is the title and everything else the body.

use crate::article::{clean_line, clean_text, Article};

/// Lines that are page furniture, not article text, when they stand alone at the end.
const BOILERPLATE: &[&str] = &["COMMENTS", "Kommentare", "KOMMENTARE", "Share", "Teilen"];

/// Parses a txt article. `id` and `path` are set by the caller's conventions. Returns `None`
/// when the file holds no text at all.
pub fn parse_txt(text: &str, path: &str) -> Option<Article> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut paragraphs: Vec<&str> =
        text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).collect();
    while paragraphs.last().is_some_and(|p| BOILERPLATE.contains(p)) {
        paragraphs.pop();
    }
    // An `[editor/source]` tag, usually the last paragraph.
    let mut author = None;
    let mut source = None;
    if let Some(pos) = paragraphs.iter().rposition(|p| parse_tag(p).is_some()) {
        let (editor, outlet) = parse_tag(paragraphs[pos]).expect("checked");
        author = Some(editor.to_string());
        source = Some(outlet.to_lowercase());
        paragraphs.remove(pos);
    }
    let first = *paragraphs.first()?;
    let (first_line, first_rest) = match first.split_once('\n') {
        Some((line, rest)) => (line.trim(), Some(rest)),
        None => (first, None),
    };
    let mut article = Article {
        path: path.to_string(),
        id: path.to_string(),
        author,
        source,
        ..Default::default()
    };
    let clean_title = paragraphs.get(1).map(|p| clean_line(p));
    let scraped = first_rest.is_none()
        && clean_title
            .as_deref()
            .is_some_and(|t| !t.is_empty() && clean_line(first_line).starts_with(t));
    let body_from;
    if scraped {
        let title = clean_title.expect("checked");
        let line = clean_line(first_line);
        let caption = clean_line(&line[title.len()..]);
        article.title = title;
        article.caption = Some(caption).filter(|c| !c.is_empty());
        article.lead = paragraphs.get(2).map(|p| clean_text(p)).filter(|l| !l.is_empty());
        body_from = 3;
    } else {
        article.title = clean_line(first_line);
        body_from = 1;
        if let Some(rest) = first_rest {
            paragraphs[0] = rest;
        }
    }
    let start = if first_rest.is_some() && !scraped { 0 } else { body_from };
    let body: Vec<String> = paragraphs.iter().skip(start).map(|p| clean_text(p)).collect();
    article.body = body.join("\n");
    if article.title.is_empty() && article.body.is_empty() {
        return None;
    }
    Some(article)
}

/// Parses `[editor/source]`.
fn parse_tag(p: &str) -> Option<(&str, &str)> {
    let inner = p.strip_prefix('[')?.strip_suffix(']')?;
    let (editor, source) = inner.split_once('/')?;
    let ok = |s: &str| !s.is_empty() && s.len() < 60 && !s.contains(char::is_whitespace);
    (ok(editor) && ok(source)).then_some((editor, source))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../../../fixtures/articles/seed.txt");

    #[test]
    fn seed_layout_every_field() {
        let a = parse_txt(SEED, "seed.txt").unwrap();
        assert_eq!(
            a.title,
            "Lawrow fordert von USA einen Mechanismus zur Lösung kontroverser Punkte"
        );
        assert_eq!(a.caption.as_deref(), Some("Lawrow 181105 bild © facebook mid.ru"));
        assert_eq!(
            a.lead.as_deref(),
            Some("Der russische Außenminister Lawrow sagte, Russland schlage vor, die Arbeit der bilateralen Gruppe für Cybersicherheit wieder aufzunehmen.")
        );
        assert!(a
            .body
            .starts_with("Russland und die USA müssen vor den nächsten US-Präsidentschaftswahlen"));
        assert!(a.body.ends_with("abgebrochen wurde, erwartet."));
        assert_eq!(a.body.matches('\n').count(), 4, "five body paragraphs");
        assert_eq!(a.author.as_deref(), Some("hrsg"));
        assert_eq!(a.source.as_deref(), Some("russland.news"));
        assert!(!a.body.contains("COMMENTS") && !a.body.contains("[hrsg"));
        assert_eq!(a.id, "seed.txt");
        assert_eq!(a.url, None);
    }

    #[test]
    fn seed_with_crlf_and_no_final_newline() {
        let crlf = SEED.trim_end().replace('\n', "\r\n");
        assert_eq!(parse_txt(&crlf, "x"), parse_txt(SEED, "x"));
    }

    #[test]
    fn plain_layout() {
        let a = parse_txt(
            "Impfstoff zugelassen\n\nDie EU hat den Impfstoff zugelassen.\n\nMehr folgt.",
            "p.txt",
        )
        .unwrap();
        assert_eq!(a.title, "Impfstoff zugelassen");
        assert_eq!(a.caption, None);
        assert_eq!(a.lead, None);
        assert_eq!(a.body, "Die EU hat den Impfstoff zugelassen.\nMehr folgt.");
    }

    #[test]
    fn title_line_directly_followed_by_body() {
        let a = parse_txt("Titel\nErste Zeile.\nZweite Zeile.", "p.txt").unwrap();
        assert_eq!(a.title, "Titel");
        assert_eq!(a.body, "Erste Zeile.\nZweite Zeile.");
    }

    #[test]
    fn empty_text_is_no_article() {
        assert_eq!(parse_txt(" \n\n \r\n", "e.txt"), None);
        assert_eq!(parse_txt("COMMENTS", "e.txt"), None);
    }
}
