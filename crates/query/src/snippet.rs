//! Snippets: the passage of an article with the most query matches, matches highlighted.
//!
//! Matching follows the index's analysis word by word: a word is a match when its term (folded,
//! stemmed) is one the query searched for, typo expansions included, so `Aussenminister`
//! highlights `Außenminister`; a compound part is highlighted alone (`Turbinen` in
//! `Gasturbinen`). Offsets are bytes into the returned text (see [`crate::hit`]).
//!
//! Only the white-space separated tokens whose folded form contains a searched term (an
//! Aho-Corasick search over the terms) are analysed word by word, and reading stops after the
//! first passage that holds every query word: a snippet costs little more than folding the text
//! up to that passage.

use std::collections::HashSet;

use presse_analysis::{walk_words, WordAnalyzer};

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
    find_matches_until(text, hl, analyzer, 0)
}

/// The matches of the highlight terms in `text`, up to a window past the first stretch of
/// `window` bytes that holds a match of every query word: the passage a snippet of `window`
/// characters shows (no passage holds more distinct words), found without reading the rest of a
/// long article. With `window` 0, every match.
pub fn find_matches_until(
    text: &str,
    hl: &Highlight,
    analyzer: &mut WordAnalyzer,
    window: usize,
) -> Vec<Match> {
    let mut scan = Scan {
        hl,
        window,
        words: if window > 0 { hl.word_count() } else { None },
        stop_at: None,
        out: Vec::new(),
        folded: String::new(),
        offsets: Vec::new(),
    };
    if hl.terms.is_empty() && hl.prefixes.is_empty() {
        return scan.out;
    }
    // Words are analysed only inside the white-space separated tokens that contain a searched
    // term (word boundaries never cross white space): most of a long text is only folded.
    let mut token_folded = String::new();
    let mut token_offsets = Vec::new();
    let mut offset = 0;
    for token in text.split(char::is_whitespace) {
        let token_start = offset;
        offset += token.len();
        offset += text[offset..].chars().next().map_or(0, char::len_utf8);
        if token.is_empty() {
            continue;
        }
        if scan.stop_at.is_some_and(|end| token_start > end) {
            break;
        }
        presse_analysis::fold::fold_word(token, &mut token_folded, &mut token_offsets);
        if !hl.may_match(&token_folded) {
            continue;
        }
        let mut go_on = true;
        walk_words(token, |start, word| {
            go_on = scan.word(analyzer, token_start + start, word);
            go_on
        });
        if !go_on {
            break;
        }
    }
    scan.out
}

/// The state of [`find_matches_until`].
struct Scan<'h> {
    hl: &'h Highlight,
    window: usize,
    /// Distinct query words a passage can hold, when known.
    words: Option<usize>,
    /// Once a passage holds every word, the words up to a window further on are still read, so
    /// that every match inside the shown passage is highlighted; then the scan stops.
    stop_at: Option<usize>,
    out: Vec<Match>,
    folded: String,
    offsets: Vec<usize>,
}

impl Scan<'_> {
    /// Looks at one word at byte `start` of the text; `false` when the scan is done.
    fn word(&mut self, analyzer: &mut WordAnalyzer, start: usize, word: &str) -> bool {
        if self.stop_at.is_some_and(|end| start > end) {
            return false;
        }
        let hl = self.hl;
        // A stem is a prefix of its folded word: only words that begin like a searched term
        // (or contain one, for compound parts) are stemmed and compared.
        presse_analysis::fold::fold_word(word, &mut self.folded, &mut self.offsets);
        let folded = &self.folded;
        let begins = hl.terms.iter().chain(&hl.prefixes).any(|t| folded.starts_with(t.as_str()));
        let contains = folded.len() >= 7
            && hl.terms.iter().any(|t| t.len() >= 3 && folded.contains(t.as_str()));
        if !begins && !contains {
            return true;
        }
        let (_, term) = analyzer.fold_and_stem(word);
        if hl.matches(&term) {
            self.out.push(Match { start, end: start + word.len(), term: hl.label(&term) });
        } else if contains {
            // Compound parts, only looked for when a searched term could be inside the word.
            for part in analyzer.analyse(word).parts {
                if hl.terms.contains(&part.term) {
                    self.out.push(Match {
                        start: start + part.start,
                        end: start + part.end,
                        term: hl.label(&part.term),
                    });
                }
            }
        }
        if self.stop_at.is_none()
            && self.words.is_some_and(|n| all_words_within(&self.out, self.window, n))
        {
            self.stop_at = Some(start + word.len() + self.window);
        }
        true
    }
}

/// Whether the matches ending in the last `window` bytes before the latest match's end hold
/// `words` distinct query words.
fn all_words_within(matches: &[Match], window: usize, words: usize) -> bool {
    let Some(last) = matches.last() else { return false };
    let from = last.end.saturating_sub(window);
    let mut seen: Vec<&str> = Vec::with_capacity(words);
    for m in matches.iter().rev().take_while(|m| m.start >= from) {
        if !seen.contains(&m.term.as_str()) {
            seen.push(&m.term);
            if seen.len() >= words {
                return true;
            }
        }
    }
    false
}

/// Byte offset of the char boundary `chars` characters after `from` (or the end).
fn advance_chars(text: &str, from: usize, chars: usize) -> usize {
    text[from..].char_indices().nth(chars).map_or(text.len(), |(i, _)| from + i)
}

/// Byte offset `chars` characters before `from` (or 0).
fn back_chars(text: &str, from: usize, chars: usize) -> usize {
    text[..from].char_indices().rev().nth(chars.saturating_sub(1)).map_or(0, |(i, _)| i)
}

/// The best window of `chars` characters: the one with the most distinct terms not in
/// `covered` (then the most matches). Returns its start byte and the distinct new terms.
fn best_window<'m>(
    text: &str,
    matches: &'m [Match],
    chars: usize,
    covered: &HashSet<&'m str>,
) -> (usize, HashSet<&'m str>) {
    let context = chars / 6;
    let mut best: (usize, usize, usize, HashSet<&str>) = (0, 0, 0, HashSet::new());
    for (i, m) in matches.iter().enumerate() {
        let start = back_chars(text, m.start, context);
        let end = advance_chars(text, start, chars);
        let inside = matches[i..].iter().take_while(|x| x.end <= end);
        let mut new: HashSet<&str> = HashSet::new();
        let mut count = 0;
        for x in inside {
            count += 1;
            if !covered.contains(x.term.as_str()) {
                new.insert(x.term.as_str());
            }
        }
        if (new.len(), count) > (best.0, best.1) {
            best = (new.len(), count, start, new);
        }
    }
    (best.2, best.3)
}

/// Snaps a window of `chars` characters from `start` to word boundaries: (start, end) bytes.
fn cut(text: &str, start: usize, chars: usize) -> (usize, usize) {
    let context = chars / 6;
    let window_start = start;
    let mut start = start;
    let mut end = advance_chars(text, start, chars);
    if start > 0 {
        if let Some(ws) = text[..start].rfind(char::is_whitespace) {
            let after = ws + text[ws..].chars().next().map_or(1, char::len_utf8);
            // Back to the start of the word, or on to the next one when that is far.
            start = if start - after <= context {
                after
            } else {
                text[start..].find(char::is_whitespace).map_or(start, |i| {
                    // Past the white space, whatever its width (a no-break space is 2 bytes).
                    let ws = start + i;
                    ws + text[ws..].chars().next().map_or(1, char::len_utf8)
                })
            };
        } else {
            start = 0;
        }
    }
    if start >= end {
        // One long "word" (a url, say) fills the window: cut inside it.
        start = window_start;
    }
    if end < text.len() {
        if let Some(ws) = text[start..end].rfind(char::is_whitespace) {
            if ws > 0 {
                end = start + ws;
            }
        }
    }
    let trimmed = text[start..end].trim_end().len();
    (start, start + trimmed)
}

/// The snippet of `text`: the passage of about `max_chars` characters with the most distinct
/// matched terms, or, when no single passage holds every matched term, up to `fragments`
/// shorter passages (at least 60 characters each) that together hold the most, in text order,
/// joined with ` … `. Cut at word boundaries; `…` marks a cut.
pub fn make_snippet(text: &str, matches: &[Match], max_chars: usize, fragments: usize) -> Snippet {
    if text.is_empty() || max_chars == 0 {
        return Snippet::default();
    }
    let all: HashSet<&str> = matches.iter().map(|m| m.term.as_str()).collect();
    let (start, found) = best_window(text, matches, max_chars, &HashSet::new());
    let mut windows: Vec<(usize, usize)> = Vec::new();
    if fragments <= 1 || found.len() == all.len() {
        windows.push(cut(text, start, max_chars));
    } else {
        let size = (max_chars / fragments).max(60);
        let mut covered: HashSet<&str> = HashSet::new();
        for _ in 0..fragments {
            let (start, new) = best_window(text, matches, size, &covered);
            if new.is_empty() {
                break;
            }
            covered.extend(new);
            windows.push(cut(text, start, size));
        }
        windows.sort_unstable();
        // Overlapping or touching passages become one.
        let mut merged: Vec<(usize, usize)> = Vec::new();
        for w in windows {
            match merged.last_mut() {
                Some(last) if w.0 <= last.1 + 1 => last.1 = last.1.max(w.1),
                _ => merged.push(w),
            }
        }
        windows = merged;
    }
    let mut out = String::with_capacity(max_chars * 2);
    let mut highlights = Vec::new();
    for (i, &(start, end)) in windows.iter().enumerate() {
        if i > 0 {
            out.push_str(" … ");
        } else if start > 0 {
            out.push_str("… ");
        }
        let shift = out.len();
        out.extend(text[start..end].chars().map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        }));
        highlights.extend(
            matches
                .iter()
                .filter(|m| m.start >= start && m.end <= end)
                .map(|m| [m.start - start + shift, m.end - start + shift]),
        );
    }
    if windows.last().is_some_and(|&(_, end)| end < text.len()) {
        out.push_str(" …");
    }
    Snippet { text: out, highlights }
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

    /// As the query plan builds it: a word's parts count as the word.
    fn grouped(query: &str) -> Highlight {
        let mut hl = highlight(query);
        for (g, w) in analyse_text(query).into_iter().enumerate() {
            hl.group_of.insert(w.analysis.term.clone(), g);
            for p in w.analysis.parts {
                hl.group_of.insert(p.term, g);
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
        let s = make_snippet(text, &m, 200, 3);
        assert_eq!(s.text, text);
        assert_eq!(marked(&s), ["Außenminister", "Präsidentschaftswahlen", "überschätzt"]);
    }

    #[test]
    fn compound_parts_are_highlighted_alone() {
        let text = "Siemens Energy meldet Gasturbinen-Aufträge.";
        let mut a = WordAnalyzer::default();
        let m = find_matches(text, &highlight("Turbinen"), &mut a);
        let s = make_snippet(text, &m, 200, 3);
        assert_eq!(marked(&s), ["turbinen"]);
    }

    #[test]
    fn window_goes_to_the_densest_passage_and_cuts_at_words() {
        let filler = "Wort ".repeat(100);
        let text =
            format!("{filler}Impfstoff hier. {filler}Impfstoff und Zulassung zusammen. {filler}");
        let mut a = WordAnalyzer::default();
        let m = find_matches(&text, &highlight("Impfstoff Zulassung"), &mut a);
        let s = make_snippet(&text, &m, 120, 1);
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
    fn words_far_apart_get_one_fragment_each() {
        let filler = "Wort ".repeat(100);
        let text = format!(
            "{filler}Impfstoff hier. {filler}Zulassung dort. {filler}Lieferung da. {filler}"
        );
        let mut a = WordAnalyzer::default();
        let m = find_matches(&text, &highlight("Impfstoff Zulassung Lieferung"), &mut a);
        let s = make_snippet(&text, &m, 200, 3);
        assert_eq!(marked(&s), ["Impfstoff", "Zulassung", "Lieferung"]);
        assert_eq!(s.text.matches(" … ").count(), 2, "{}", s.text);
        assert!(s.text.starts_with("… ") && s.text.ends_with(" …"));
        let one = make_snippet(&text, &m, 200, 1);
        assert_eq!(marked(&one).len(), 1);
    }

    #[test]
    fn a_long_unbroken_token_does_not_break_the_cut() {
        let text = format!("Anfang {} Impfstoff Ende", "x".repeat(300));
        let mut a = WordAnalyzer::default();
        let m = find_matches(&text, &highlight("Impfstoff Anfang"), &mut a);
        for fragments in 1..4 {
            for chars in [10, 60, 200] {
                let s = make_snippet(&text, &m, chars, fragments);
                for [x, y] in &s.highlights {
                    assert!(x < y && *y <= s.text.len());
                    assert!(s.text.is_char_boundary(*x) && s.text.is_char_boundary(*y));
                }
            }
        }
    }

    /// Regression (found by the long property run): a no-break space before a long token.
    #[test]
    fn wide_white_space_before_a_long_token() {
        let text = format!(
            "Impfstoff {}\u{a0} Impfstoff Impfstoff Impfstoff Gasturbinen-Aufträge Impfstoff ",
            "y".repeat(40)
        );
        let mut a = WordAnalyzer::default();
        let m = find_matches(&text, &highlight("Impfstoff Gasturbinen-Aufträge"), &mut a);
        let s = make_snippet(&text, &m, 59, 1);
        for [x, y] in &s.highlights {
            assert!(s.text.is_char_boundary(*x) && s.text.is_char_boundary(*y));
        }
    }

    #[test]
    fn no_match_gives_the_beginning() {
        let s = make_snippet("Ein kurzer Text.", &[], 200, 3);
        assert_eq!(s, Snippet { text: "Ein kurzer Text.".into(), highlights: vec![] });
    }

    #[test]
    fn scanning_stops_at_the_first_passage_with_every_word() {
        let filler = "Die Sitzung dauerte bis in den Abend. ".repeat(40);
        let text =
            format!("Der Impfstoff erhielt die Zulassung. {filler}Impfstoff und Zulassung erneut.");
        let hl = grouped("Impfstoff Zulassung");
        let mut a = WordAnalyzer::default();
        let all = find_matches(&text, &hl, &mut a);
        let early = find_matches_until(&text, &hl, &mut a, 100);
        assert_eq!(all.len(), 4);
        assert_eq!(early, all[..2].to_vec(), "the rest of the text is not read");
        let s = make_snippet(&text, &early, 120, 3);
        assert_eq!(marked(&s), ["Impfstoff", "Zulassung"]);
    }

    #[test]
    fn scanning_goes_on_while_the_words_stand_apart() {
        let filler = "Die Sitzung dauerte bis in den Abend. ".repeat(10);
        let text = format!("Der Impfstoff kam. {filler}Die Zulassung folgte.");
        let hl = grouped("Impfstoff Zulassung");
        let mut a = WordAnalyzer::default();
        assert_eq!(find_matches_until(&text, &hl, &mut a, 100), find_matches(&text, &hl, &mut a));
        // Prefix queries count words one by one: no early stop.
        let mut prefix = grouped("Impfstoff");
        prefix.prefixes.push("zulass".into());
        assert_eq!(prefix.word_count(), None);
        assert_eq!(hl.word_count(), Some(2));
    }
}
