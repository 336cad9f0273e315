//! Snippets: the passage of an article with the most query matches, matches highlighted.
//!
//! Matching follows the index's analysis word by word: a word is a match when its term (folded,
//! stemmed) is one the query searched for, typo expansions included, so `Aussenminister`
//! highlights `Außenminister`; a compound part is highlighted alone (`Turbinen` in
//! `Gasturbinen`). Offsets are bytes into the returned text (see [`crate::hit`]).

use presse_analysis::{word_spans, WordAnalyzer};

use crate::hit::Snippet;
use crate::plan::Highlight;

/// A match: byte range in the text and the matched term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// Start byte.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// The term that matched.
    pub term: String,
}

/// Every match of the highlight terms in `text`.
pub fn find_matches(text: &str, hl: &Highlight, analyzer: &mut WordAnalyzer) -> Vec<Match> {
    let mut out = Vec::new();
    if hl.terms.is_empty() && hl.prefixes.is_empty() {
        return out;
    }
    let mut folded = String::new();
    let mut offsets = Vec::new();
    for (start, word) in word_spans(text) {
        // A stem is a prefix of its folded word: only words that begin like a searched term
        // (or contain one, for compound parts) are stemmed and compared.
        presse_analysis::fold::fold_word(word, &mut folded, &mut offsets);
        let begins = hl.terms.iter().chain(&hl.prefixes).any(|t| folded.starts_with(t.as_str()));
        let contains = folded.len() >= 7
            && hl.terms.iter().any(|t| t.len() >= 3 && folded.contains(t.as_str()));
        if !begins && !contains {
            continue;
        }
        let (folded, term) = analyzer.fold_and_stem(word);
        if hl.matches(&term) {
            out.push(Match { start, end: start + word.len(), term });
            continue;
        }
        // Compound parts, only looked for when a searched term could be inside the word.
        if folded.len() >= 7 && hl.terms.iter().any(|t| t.len() >= 3 && folded.contains(t.as_str()))
        {
            for part in analyzer.analyse(word).parts {
                if hl.terms.contains(&part.term) {
                    out.push(Match {
                        start: start + part.start,
                        end: start + part.end,
                        term: part.term,
                    });
                }
            }
        }
    }
    out
}

/// Byte offset of the char boundary `chars` characters after `from` (or the end).
fn advance_chars(text: &str, from: usize, chars: usize) -> usize {
    text[from..].char_indices().nth(chars).map_or(text.len(), |(i, _)| from + i)
}

/// Byte offset `chars` characters before `from` (or 0).
fn back_chars(text: &str, from: usize, chars: usize) -> usize {
    text[..from].char_indices().rev().nth(chars.saturating_sub(1)).map_or(0, |(i, _)| i)
}

/// The snippet of `text` of about `max_chars` characters around the passage with the most
/// distinct matches (then the most matches).
pub fn make_snippet(text: &str, matches: &[Match], max_chars: usize) -> Snippet {
    if text.is_empty() || max_chars == 0 {
        return Snippet::default();
    }
    // Choose the window.
    let context = max_chars / 6;
    let mut best = (0usize, 0usize, 0usize); // (distinct, count, start)
    for (i, m) in matches.iter().enumerate() {
        let start = back_chars(text, m.start, context);
        let end = advance_chars(text, start, max_chars);
        let inside: Vec<&Match> = matches[i..].iter().take_while(|x| x.end <= end).collect();
        let mut distinct: Vec<&str> = inside.iter().map(|x| x.term.as_str()).collect();
        distinct.sort_unstable();
        distinct.dedup();
        let candidate = (distinct.len(), inside.len(), start);
        if (candidate.0, candidate.1) > (best.0, best.1) {
            best = candidate;
        }
    }
    let mut start = best.2;
    let mut end = advance_chars(text, start, max_chars);
    // Cut at word boundaries.
    if start > 0 {
        if let Some(ws) = text[..start].rfind(char::is_whitespace) {
            let after = ws + text[ws..].chars().next().map_or(1, char::len_utf8);
            // Move forward to the next word if the boundary before is far.
            start = if start - after <= context {
                after
            } else {
                text[start..].find(char::is_whitespace).map_or(start, |i| start + i + 1)
            };
        } else {
            start = 0;
        }
    }
    if end < text.len() {
        if let Some(ws) = text[start..end].rfind(char::is_whitespace) {
            if ws > 0 {
                end = start + ws;
            }
        }
    }
    let prefix = if start > 0 { "… " } else { "" };
    let suffix = if end < text.len() { " …" } else { "" };
    let body: String = text[start..end]
        .chars()
        .map(|c| if c == '\n' || c == '\r' || c == '\t' { ' ' } else { c })
        .collect();
    let shift = prefix.len();
    let highlights = matches
        .iter()
        .filter(|m| m.start >= start && m.end <= end)
        .map(|m| [m.start - start + shift, m.end - start + shift])
        .collect();
    Snippet { text: format!("{prefix}{}{suffix}", body.trim_end()), highlights }
}

#[cfg(test)]
mod tests {
    use super::*;
    use presse_analysis::analyse_text;

    fn highlight(query: &str) -> Highlight {
        let mut hl = Highlight::default();
        for w in analyse_text(query) {
            hl.terms.insert(w.analysis.term.clone());
            for p in w.analysis.parts {
                hl.terms.insert(p.term);
            }
        }
        hl
    }

    fn marked(s: &Snippet) -> Vec<&str> {
        s.highlights.iter().map(|[a, b]| &s.text[*a..*b]).collect()
    }

    #[test]
    fn umlauts_and_sharp_s_are_highlighted_exactly() {
        let text = "Der russische Außenminister Lawrow sagte, die Präsidentschaftswahlen würden überschätzt.";
        let mut a = WordAnalyzer::default();
        let m = find_matches(
            text,
            &highlight("Aussenminister Präsidentschaftswahl überschätzt"),
            &mut a,
        );
        let s = make_snippet(text, &m, 200);
        assert_eq!(s.text, text);
        assert_eq!(marked(&s), ["Außenminister", "Präsidentschaftswahlen", "überschätzt"]);
    }

    #[test]
    fn compound_parts_are_highlighted_alone() {
        let text = "Siemens Energy meldet Gasturbinen-Aufträge.";
        let mut a = WordAnalyzer::default();
        let m = find_matches(text, &highlight("Turbinen"), &mut a);
        let s = make_snippet(text, &m, 200);
        assert_eq!(marked(&s), ["turbinen"]);
    }

    #[test]
    fn window_goes_to_the_densest_passage_and_cuts_at_words() {
        let filler = "Wort ".repeat(100);
        let text =
            format!("{filler}Impfstoff hier. {filler}Impfstoff und Zulassung zusammen. {filler}");
        let mut a = WordAnalyzer::default();
        let m = find_matches(&text, &highlight("Impfstoff Zulassung"), &mut a);
        let s = make_snippet(&text, &m, 120);
        assert!(s.text.starts_with("… ") && s.text.ends_with(" …"), "{}", s.text);
        assert_eq!(marked(&s), ["Impfstoff", "Zulassung"]);
        assert!(s.text.chars().count() <= 124);
        for w in s.text.trim_start_matches("… ").trim_end_matches(" …").split(' ') {
            assert!(
                w.is_empty()
                    || w == "Wort"
                    || "Impfstoff und Zulassung zusammen. hier.".contains(w),
                "cut word {w}"
            );
        }
    }

    #[test]
    fn no_match_gives_the_beginning() {
        let s = make_snippet("Ein kurzer Text.", &[], 200);
        assert_eq!(s, Snippet { text: "Ein kurzer Text.".into(), highlights: vec![] });
    }
}
