//! Snippets: the passage of an article with the most query matches, matches highlighted.
//!
//! Matching follows the index's analysis word by word: a word is a match when its term (folded,
//! stemmed) is one the query searched for, typo expansions included, so `Aussenminister`
//! highlights `Außenminister`; a compound part is highlighted alone (`Turbinen` in
//! `Gasturbinen`). Offsets are bytes into the returned text (see [`crate::hit`]).
//!
//! A passage that shows a query word whole (`Alkoholausschankverbot`) is preferred to one that
//! shows only a part of it (the `verbot` of `Beherbergungsverbot`): the parts of a query
//! compound count when the article has the compound nowhere.
//!
//! The text is not folded as a whole: an Aho-Corasick automaton finds the spellings of the
//! searched terms' beginnings in the text as it is (`Brüssel`, `Bruessel`, `BRUESSEL` for
//! `brussel`; see [`presse_analysis::fold::spellings`]), and only the white-space separated
//! tokens where it finds one, or that hold a letter without a spelling rule (`é`, a soft
//! hyphen), are analysed word by word. Each word's stem and compound parts are worked out once
//! per result page ([`WordMatcher`]). Reading stops after the first passage that holds every
//! query word whole.

use std::collections::HashMap;

use presse_analysis::{walk_words, WordAnalysis, WordAnalyzer};

use crate::hit::Snippet;
use crate::plan::Highlight;

/// A match: byte range in the text and the matched term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// Start byte.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// The term that matched: what it counts as among the query words ([`Highlight::label`]).
    pub term: String,
    /// Whether the match is only a part of its query word ([`Highlight::is_part`]): `Verbot`
    /// (alone, or in `Beherbergungsverbot`) for `Alkoholausschankverbot`.
    pub part: bool,
    /// Whether the part is a word of a hyphenated query word ([`Highlight::is_hyphen_word`]):
    /// it stays highlighted where the query word is shown whole.
    pub hyphen_word: bool,
    /// Whether the match is a compound part of the text's word (`Hof` in `Seehofer`): it is
    /// highlighted, but a passage with the word itself is shown first.
    pub in_compound: bool,
}

/// Every match of the highlight terms in `text`.
pub fn find_matches(text: &str, hl: &Highlight, matcher: &mut WordMatcher) -> Vec<Match> {
    find_matches_until(text, hl, matcher, 0)
}

/// The matches of the highlight terms in `text`, up to a window past the first stretch of
/// `window` bytes that holds a match of every query word: the passage a snippet of `window`
/// characters shows (no passage holds more distinct words), found without reading the rest of a
/// long article (only whole words count for stopping: a part of a query word may stand in an
/// unrelated compound). With `window` 0, every match.
pub fn find_matches_until(
    text: &str,
    hl: &Highlight,
    matcher: &mut WordMatcher,
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
    // Words are analysed only inside the white-space separated tokens that may hold a searched
    // term (word boundaries never cross white space): most of a long text is only searched.
    let mut token_folded = String::new();
    let mut token_offsets = Vec::new();
    let mut visit = |scan: &mut Scan, token_start: usize, token: &str, checked: bool| -> bool {
        if !checked {
            presse_analysis::fold::fold_word(token, &mut token_folded, &mut token_offsets);
            if !hl.may_match(&token_folded) {
                return true;
            }
        }
        let mut go_on = true;
        walk_words(token, |start, word| {
            go_on = scan.word(matcher, token_start + start, word);
            go_on
        });
        go_on
    };
    // Thousands separators only matter to a searched number.
    let numbers =
        hl.terms.iter().chain(&hl.prefixes).any(|t| t.bytes().any(|b| b.is_ascii_digit()));
    if let Some(finder) = hl.raw_finder() {
        // The spellings of the terms, found in the text as it is; tokens with letters that
        // have no spelling rule are folded and checked one by one.
        for (start, end, checked) in Candidates::new(text, finder, numbers) {
            if scan.stop_at.is_some_and(|stop| start > stop) {
                break;
            }
            if !visit(&mut scan, start, &text[start..end], checked) {
                break;
            }
        }
        return scan.out;
    }
    let mut offset = 0;
    let mut done_until = 0;
    for token in text.split(char::is_whitespace) {
        let token_start = offset;
        offset += token.len();
        offset += text[offset..].chars().next().map_or(0, char::len_utf8);
        if token.is_empty() || token_start < done_until {
            continue;
        }
        if scan.stop_at.is_some_and(|end| token_start > end) {
            break;
        }
        let end = token_start + token.len();
        let number_end = numbers.then(|| number_end(text, token_start, end)).flatten();
        done_until = number_end.unwrap_or(end);
        let token = &text[token_start..done_until];
        if !visit(&mut scan, token_start, token, number_end.is_some()) {
            break;
        }
    }
    scan.out
}

/// The end of the number that the white-space separated token `start..end` of `text` begins,
/// when the token ends in one to three digits that groups of three continue (`10 000`, see
/// [`presse_analysis::analyzer::number_groups`]): one word across white space.
fn number_end(text: &str, start: usize, end: usize) -> Option<usize> {
    let token = &text[start..end];
    let digits = token.len() - token.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let number = &token[token.len() - digits..];
    presse_analysis::analyzer::number_groups(number, &text[end..]).map(|len| end + len)
}

/// The white-space separated tokens of a text that may hold a searched term, in text order, as
/// (start, end, checked): those where the raw finder found a spelling of a term (`checked`), and
/// those with a char that does not [`presse_analysis::fold::spelt_plainly`] (to be folded and
/// checked).
struct Candidates<'t> {
    text: &'t str,
    found: aho_corasick::FindIter<'t, 't>,
    next_found: Option<usize>,
    /// Where to look for the next char that does not fold plainly.
    odd_from: usize,
    next_odd: Option<usize>,
    /// Whether a `.` before a digit (a thousands separator, which folding drops) is odd.
    numbers: bool,
    /// End of the latest token returned.
    done_until: usize,
}

impl<'t> Candidates<'t> {
    fn new(text: &'t str, finder: &'t aho_corasick::AhoCorasick, numbers: bool) -> Self {
        let mut found = finder.find_iter(text);
        let next_found = found.next().map(|m| m.start());
        let mut c = Candidates {
            text,
            found,
            next_found,
            odd_from: 0,
            next_odd: None,
            numbers,
            done_until: 0,
        };
        c.next_odd = c.find_odd();
        c
    }

    /// The byte offset of the next char from `odd_from` on that does not fold plainly.
    fn find_odd(&mut self) -> Option<usize> {
        let bytes = self.text.as_bytes();
        loop {
            // Non-ASCII chars, apostrophes and (for numbers) dots and spaces may fold
            // unplainly.
            let numbers = self.numbers;
            let at = self.odd_from
                + bytes[self.odd_from..].iter().position(|&b| {
                    b >= 0x80 || b == b'\'' || (numbers && (b == b'.' || b == b' '))
                })?;
            let c = self.text[at..].chars().next()?;
            self.odd_from = at + c.len_utf8();
            let next = bytes.get(self.odd_from).copied();
            if c != '.' && presse_analysis::fold::is_group_separator(c) {
                // A space between digits (`10 000`): the token before it may begin a number.
                if at > 0
                    && bytes[at - 1].is_ascii_digit()
                    && next.is_some_and(|b| b.is_ascii_digit())
                {
                    return Some(at - 1);
                }
                continue;
            }
            if !presse_analysis::fold::spelt_plainly(c, next) {
                return Some(at);
            }
        }
    }

    /// The white-space separated token around byte `at`.
    fn token_at(&self, at: usize) -> (usize, usize) {
        let start = self.text[..at]
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let end = self.text[at..].find(char::is_whitespace).map_or(self.text.len(), |i| at + i);
        (start, end)
    }
}

impl Iterator for Candidates<'_> {
    type Item = (usize, usize, bool);

    fn next(&mut self) -> Option<(usize, usize, bool)> {
        loop {
            let (at, checked) = match (self.next_found, self.next_odd) {
                (None, None) => return None,
                (Some(f), Some(o)) if o < f => (o, false),
                (Some(f), _) => (f, true),
                (None, Some(o)) => (o, false),
            };
            if checked {
                self.next_found = self.found.next().map(|m| m.start());
            } else {
                self.next_odd = self.find_odd();
            }
            if at < self.done_until {
                // Inside the token returned last.
                continue;
            }
            let (start, end) = self.token_at(at);
            // A number grouped by spaces (`10 000`) is one word: the tokens it spans are one,
            // which the finder of its folded digits cannot check.
            let number_end = self.numbers.then(|| number_end(self.text, start, end)).flatten();
            let end = number_end.unwrap_or(end);
            self.done_until = end;
            // A token with a spelling found later in it is checked by the finder as well.
            let checked =
                checked || number_end.is_some() || self.next_found.is_some_and(|f| f < end);
            return Some((start, end, checked));
        }
    }
}

/// Stems and compound parts of the words a page of snippets looks at, each worked out once: the
/// same words recur within an article and across the articles of one result page. Create one
/// per page (or per thread of a page): it keeps every word it has seen.
#[derive(Debug, Default)]
pub struct WordMatcher {
    analyzer: WordAnalyzer,
    /// Folded word → term.
    terms: HashMap<String, String>,
    /// Word → its whole analysis (compound parts; a gender form's two terms).
    analyses: HashMap<String, WordAnalysis>,
}

impl WordMatcher {
    /// The term (stem) of a folded word.
    fn term(&mut self, folded: &str) -> &str {
        if !self.terms.contains_key(folded) {
            let term = self.analyzer.stem_folded(folded);
            self.terms.insert(folded.to_string(), term);
        }
        &self.terms[folded]
    }

    /// The whole analysis of a word, as the index has it: compound parts (offsets relative to
    /// the word), and for a gender form ([`presse_analysis::gender_form`]) the masculine's and
    /// the feminine's terms.
    fn analysis(&mut self, word: &str) -> &WordAnalysis {
        if !self.analyses.contains_key(word) {
            let analysis = self.analyzer.analyse(word);
            self.analyses.insert(word.to_string(), analysis);
        }
        &self.analyses[word]
    }
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
    fn word(&mut self, matcher: &mut WordMatcher, start: usize, word: &str) -> bool {
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
        let gendered = presse_analysis::gender_form(word).is_some();
        if !begins && !contains && !gendered {
            return true;
        }
        let before = self.out.len();
        let term = if gendered {
            let a = matcher.analysis(word);
            match &a.feminine {
                Some(feminine) if hl.matches(feminine) && !hl.matches(&a.term) => feminine,
                _ => &a.term,
            }
        } else {
            matcher.term(folded)
        };
        if hl.matches(term) {
            self.out.push(Match {
                start,
                end: start + word.len(),
                term: hl.label(term),
                part: hl.is_part(term),
                hyphen_word: hl.is_hyphen_word(term),
                in_compound: false,
            });
        } else if contains {
            // Compound parts, only looked for when a searched term could be inside the word.
            for part in &matcher.analysis(word).parts {
                if hl.terms.contains(&part.term) {
                    self.out.push(Match {
                        start: start + part.start,
                        end: start + part.end,
                        term: hl.label(&part.term),
                        part: hl.is_part(&part.term),
                        hyphen_word: hl.is_hyphen_word(&part.term),
                        in_compound: true,
                    });
                }
            }
            // Two parts taken together (`Intensivbett`) cover the parts they join: highlights
            // never overlap, the longest of those that start first is kept.
            if self.out.len() > before + 1 {
                let mut found: Vec<Match> = self.out.drain(before..).collect();
                found.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
                let mut covered = 0;
                self.out.extend(found.into_iter().filter(|m| {
                    let free = m.start >= covered;
                    if free {
                        covered = m.end;
                    }
                    free
                }));
            }
        }
        if self.stop_at.is_none()
            && self.out.len() > before
            && self.words.is_some_and(|n| all_words_within(&self.out, self.window, n))
        {
            self.stop_at = Some(start + word.len() + self.window);
        }
        true
    }
}

/// `matches` without the parts of query words that `matches` or `elsewhere` (the article's
/// other text) show whole: for `Alkoholausschankverbot`, an article that has the word does not
/// get the `verbot` of `Beherbergungsverbot` highlighted; one that lacks it keeps its parts,
/// which are what it matched by. The words of a hyphenated query word are kept: `Corona-Krise`
/// is that word as typed, beside a `Coronakrise`.
pub fn without_parts_shown_whole(mut matches: Vec<Match>, elsewhere: &[Match]) -> Vec<Match> {
    if !matches.iter().any(|m| m.part) {
        return matches;
    }
    let whole: Vec<String> =
        matches.iter().chain(elsewhere).filter(|m| !m.part).map(|m| m.term.clone()).collect();
    matches.retain(|m| !m.part || m.hyphen_word || !whole.contains(&m.term));
    matches
}

/// Whether the matches ending in the last `window` bytes before the latest match's end hold
/// `words` distinct query words, each whole (a part of a query word may stand in an unrelated
/// compound, and a query word in a compound of the text's: the scan goes on for the word).
fn all_words_within(matches: &[Match], window: usize, words: usize) -> bool {
    let Some(last) = matches.last() else { return false };
    let from = last.end.saturating_sub(window);
    let mut seen: Vec<&str> = Vec::with_capacity(words);
    for m in matches.iter().rev().take_while(|m| m.start >= from) {
        if !m.part && !m.in_compound && !seen.contains(&m.term.as_str()) {
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

/// How a passage shows a query word: not at all, only by a part of it, or whole.
type Level = u8;
const PART: Level = 1;
const WHOLE: Level = 2;

/// The matches of a text, indexed for choosing windows: each match's term as a small number and
/// its start and end as char positions, from one pass over the text (a window is measured in
/// chars; walking the text char by char for every candidate window cost more than the rest of a
/// snippet).
struct Indexed {
    /// Term number of each match.
    ids: Vec<usize>,
    /// [`WHOLE`] or [`PART`] (a part of a query word, or a query word inside a compound of
    /// the text's), for each match.
    levels: Vec<Level>,
    /// Distinct terms.
    terms: usize,
    /// The best level of each term anywhere in the text.
    best: Vec<Level>,
    /// Char position of each match's start.
    starts: Vec<usize>,
    /// Char position of each match's end.
    ends: Vec<usize>,
}

impl Indexed {
    fn new(text: &str, matches: &[Match]) -> Indexed {
        let mut numbers: HashMap<&str, usize> = HashMap::new();
        let ids: Vec<usize> = matches
            .iter()
            .map(|m| {
                let next = numbers.len();
                *numbers.entry(m.term.as_str()).or_insert(next)
            })
            .collect();
        let levels: Vec<Level> =
            matches.iter().map(|m| if m.part || m.in_compound { PART } else { WHOLE }).collect();
        let mut best = vec![0; numbers.len()];
        for (&id, &level) in ids.iter().zip(&levels) {
            best[id] = best[id].max(level);
        }
        let mut bounds: Vec<usize> = matches.iter().flat_map(|m| [m.start, m.end]).collect();
        bounds.sort_unstable();
        bounds.dedup();
        let mut chars = Vec::with_capacity(bounds.len());
        let (mut count, mut last) = (0, 0);
        for &b in &bounds {
            count += text[last..b].chars().count();
            last = b;
            chars.push(count);
        }
        let char_at = |byte: usize| bounds.binary_search(&byte).map_or(0, |i| chars[i]);
        Indexed {
            ids,
            levels,
            terms: numbers.len(),
            best,
            starts: matches.iter().map(|m| char_at(m.start)).collect(),
            ends: matches.iter().map(|m| char_at(m.end)).collect(),
        }
    }

    /// The best window of `chars` characters: the one that shows the most terms whole that
    /// `covered` does not show whole yet, then the most terms (by a part) that it does not show
    /// at all, then the most matches; a window starts a sixth of its length before a match.
    /// Returns its start byte and the terms it shows better than `covered`, with their level.
    fn best_window(
        &self,
        text: &str,
        matches: &[Match],
        chars: usize,
        covered: &[Level],
    ) -> (usize, Vec<(usize, Level)>) {
        let context = chars / 6;
        // The level of each term in a window, reset with a stamp per term instead of a map.
        let mut seen = vec![usize::MAX; self.terms];
        let mut level = vec![0; self.terms];
        let mut touched = Vec::new();
        let mut best: Option<((usize, usize, usize), usize)> = None;
        for i in 0..matches.len() {
            let end = self.starts[i].saturating_sub(context) + chars;
            touched.clear();
            let mut count = 0;
            for j in (i..matches.len()).take_while(|&j| self.ends[j] <= end) {
                count += 1;
                let id = self.ids[j];
                if seen[id] != i {
                    seen[id] = i;
                    level[id] = 0;
                    touched.push(id);
                }
                level[id] = level[id].max(self.levels[j]);
            }
            let whole = touched.iter().filter(|&&id| level[id] == WHOLE && covered[id] < WHOLE);
            let part = touched.iter().filter(|&&id| level[id] == PART && covered[id] == 0);
            let key = (whole.count(), part.count(), count);
            if best.is_none_or(|(b, _)| key > b) && key > (0, 0, 0) {
                best = Some((key, i));
            }
        }
        let Some((_, i)) = best else { return (0, Vec::new()) };
        let end = self.starts[i].saturating_sub(context) + chars;
        let mut shown: Vec<(usize, Level)> = Vec::new();
        for j in (i..matches.len()).take_while(|&j| self.ends[j] <= end) {
            let (id, level) = (self.ids[j], self.levels[j]);
            match shown.iter_mut().find(|(t, _)| *t == id) {
                Some(s) => s.1 = s.1.max(level),
                None => shown.push((id, level)),
            }
        }
        shown.retain(|&(id, level)| level > covered[id]);
        shown.sort_unstable();
        (back_chars(text, matches[i].start, context), shown)
    }
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
/// matched terms (query words shown whole first, then by a part), or, when no single passage
/// shows every matched term as well as the whole text does, up to `fragments`
/// shorter passages (at least 60 characters each) that together hold the most, in text order,
/// joined with ` … `. Cut at word boundaries; `…` marks a cut.
pub fn make_snippet(text: &str, matches: &[Match], max_chars: usize, fragments: usize) -> Snippet {
    if text.is_empty() || max_chars == 0 {
        return Snippet::default();
    }
    let index = Indexed::new(text, matches);
    let mut covered: Vec<Level> = vec![0; index.terms];
    let (start, found) = index.best_window(text, matches, max_chars, &covered);
    // One passage when it shows every term as well as the whole text does.
    let all = found.len() == index.terms && found.iter().all(|&(id, l)| l == index.best[id]);
    let mut windows: Vec<(usize, usize)> = Vec::new();
    if fragments <= 1 || all {
        windows.push(cut(text, start, max_chars));
    } else {
        let size = (max_chars / fragments).max(60);
        for _ in 0..fragments {
            let (start, new) = index.best_window(text, matches, size, &covered);
            if new.is_empty() {
                break;
            }
            for (id, level) in new {
                covered[id] = level;
            }
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
        // Where each byte of the passage lands in `out`: line breaks become spaces, or a
        // separator after a line that ends without punctuation (a kicker, a sub-heading), so
        // that it does not run into the next sentence.
        let shift = out.len();
        let mut grown: Vec<(usize, usize)> = Vec::new(); // (source offset, bytes added before it)
        for (i, c) in text[start..end].char_indices() {
            match c {
                '\n' if ends_unpunctuated(&text[start..start + i]) => {
                    out.push_str(LINE_SEPARATOR);
                    let added = grown.last().map_or(0, |g| g.1) + LINE_SEPARATOR.len() - 1;
                    grown.push((start + i + 1, added));
                }
                '\n' | '\r' | '\t' => out.push(' '),
                c => out.push(c),
            }
        }
        let place = |offset: usize| {
            let added = grown.iter().take_while(|g| g.0 <= offset).last().map_or(0, |g| g.1);
            offset - start + shift + added
        };
        highlights.extend(
            matches
                .iter()
                .filter(|m| m.start >= start && m.end <= end)
                .map(|m| [place(m.start), place(m.end)]),
        );
    }
    if windows.last().is_some_and(|&(_, end)| end < text.len()) {
        out.push_str(" …");
    }
    Snippet { text: out, highlights }
}

/// What a line break after a line without final punctuation becomes in a snippet.
const LINE_SEPARATOR: &str = " · ";

/// Whether `line` (what comes before a line break) ends in a letter or digit: a heading,
/// not a sentence.
fn ends_unpunctuated(line: &str) -> bool {
    line.trim_end().chars().next_back().is_some_and(char::is_alphanumeric)
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

    /// As the query plan builds it: a word's parts count as the word, as a part of it.
    fn grouped(query: &str) -> Highlight {
        let mut hl = highlight(query);
        let words = analyse_text(query);
        for (g, w) in words.iter().enumerate() {
            hl.group_of.insert(w.analysis.term.clone(), g);
            for p in &w.analysis.parts {
                hl.group_of.insert(p.term.clone(), g);
                if !words.iter().any(|w| w.analysis.term == p.term) {
                    hl.part_terms.insert(p.term.clone());
                }
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
        let mut a = WordMatcher::default();
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
    fn a_line_without_punctuation_does_not_run_into_the_next() {
        // A kicker (or sub-heading) read as the lead, then the text.
        let text = "Immer mehr Bürger mit Depressionen\nLaut einer Analyse der Krankenkasse stieg die Zahl.\nNeue Zahlen folgen.";
        let mut a = WordMatcher::default();
        let m = find_matches(text, &highlight("Depressionen Analyse Zahlen"), &mut a);
        let s = make_snippet(text, &m, 200, 3);
        assert_eq!(
            s.text,
            "Immer mehr Bürger mit Depressionen · Laut einer Analyse der Krankenkasse stieg die \
             Zahl. Neue Zahlen folgen."
        );
        assert_eq!(marked(&s), ["Depressionen", "Analyse", "Zahl", "Zahlen"]);
    }

    #[test]
    fn compound_parts_are_highlighted_alone() {
        let text = "Siemens Energy meldet Gasturbinen-Aufträge.";
        let mut a = WordMatcher::default();
        let m = find_matches(text, &highlight("Turbinen"), &mut a);
        let s = make_snippet(text, &m, 200, 3);
        assert_eq!(marked(&s), ["turbinen"]);
    }

    #[test]
    fn window_goes_to_the_densest_passage_and_cuts_at_words() {
        let filler = "Wort ".repeat(100);
        let text =
            format!("{filler}Impfstoff hier. {filler}Impfstoff und Zulassung zusammen. {filler}");
        let mut a = WordMatcher::default();
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
        let mut a = WordMatcher::default();
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
        let mut a = WordMatcher::default();
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
        let mut a = WordMatcher::default();
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
        let mut a = WordMatcher::default();
        let all = find_matches(&text, &hl, &mut a);
        let early = find_matches_until(&text, &hl, &mut a, 100);
        assert_eq!(all.len(), 4);
        assert_eq!(early, all[..2].to_vec(), "the rest of the text is not read");
        let s = make_snippet(&text, &early, 120, 3);
        assert_eq!(marked(&s), ["Impfstoff", "Zulassung"]);
    }

    #[test]
    fn a_whole_query_word_is_shown_before_a_part_of_it() {
        // `Beherbergungsverbot` holds `verbot`, a part of the query word: the passage with
        // the whole word is the one to show, even though the part comes first.
        let filler = "Die Sitzung dauerte bis in den Abend. ".repeat(20);
        let text =
            format!("Das Beherbergungsverbot endet. {filler}Das Alkoholausschankverbot bleibt.");
        let hl = grouped("Alkoholausschankverbot");
        assert!(hl.is_part("verbot") && !hl.is_part("alkoholausschankverbot"));
        let mut a = WordMatcher::default();
        let m = find_matches_until(&text, &hl, &mut a, 100);
        assert!(m.iter().any(|m| m.part) && m.iter().any(|m| !m.part), "{m:?}");
        for fragments in [1, 3] {
            let s = make_snippet(&text, &m, 120, fragments);
            assert_eq!(marked(&s), ["Alkoholausschankverbot"], "{}", s.text);
        }
    }

    #[test]
    fn parts_are_not_highlighted_where_the_word_is_shown_whole() {
        let hl = grouped("Alkoholausschankverbot Sperrstunde");
        let mut a = WordMatcher::default();
        let text = "Alkoholausschankverbot und Beherbergungsverbot, Sperrstunde.";
        let m = find_matches(text, &hl, &mut a);
        let kept = without_parts_shown_whole(m.clone(), &[]);
        let words: Vec<&str> = kept.iter().map(|m| &text[m.start..m.end]).collect();
        assert_eq!(words, ["Alkoholausschankverbot", "Sperrstunde"], "{m:?}");
        // The title keeps its part when neither it nor the body has the whole word …
        let title = "Beherbergungsverbot gekippt";
        let t = find_matches(title, &hl, &mut a);
        assert_eq!(without_parts_shown_whole(t.clone(), &[]).len(), 1);
        // … and drops it when the body has the word.
        assert!(without_parts_shown_whole(t, &kept).is_empty());
    }

    #[test]
    fn without_the_whole_word_the_passage_with_most_parts_is_shown() {
        let filler = "Die Sitzung dauerte bis in den Abend. ".repeat(20);
        let text = format!("Viele Migranten kamen. {filler}Migranten kamen in Booten. {filler}");
        let hl = grouped("Migrantenboote");
        let mut a = WordMatcher::default();
        let m = find_matches_until(&text, &hl, &mut a, 100);
        assert!(m.len() == 3 && m.iter().all(|m| m.part), "{m:?}");
        let s = make_snippet(&text, &m, 120, 3);
        assert_eq!(marked(&s), ["Migranten", "Booten"], "{}", s.text);
    }

    #[test]
    fn scanning_goes_on_while_the_words_stand_apart() {
        let filler = "Die Sitzung dauerte bis in den Abend. ".repeat(10);
        let text = format!("Der Impfstoff kam. {filler}Die Zulassung folgte.");
        let hl = grouped("Impfstoff Zulassung");
        let mut a = WordMatcher::default();
        assert_eq!(find_matches_until(&text, &hl, &mut a, 100), find_matches(&text, &hl, &mut a));
        // Prefix queries count words one by one: no early stop.
        let mut prefix = grouped("Impfstoff");
        prefix.prefixes.push("zulass".into());
        assert_eq!(prefix.word_count(), None);
        assert_eq!(hl.word_count(), Some(2));
    }
}
