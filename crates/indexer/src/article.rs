//! The article: what presse knows of one news item, whatever file it came from.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// One news article, parsed and cleaned, ready to be indexed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id: the url when there is one, else the path (plus `:line` for JSON lines, `#n`
    /// for the n-th object of a JSON array).
    pub id: String,
    /// The headline, whitespace collapsed.
    pub title: String,
    /// An image caption or credit that came glued to the title (txt layout), if any.
    pub caption: Option<String>,
    /// The lead paragraph, if any.
    pub lead: Option<String>,
    /// The text, paragraphs separated by `\n`.
    pub body: String,
    /// The outlet (`zeit.de`), lower case.
    pub source: Option<String>,
    /// The author(s), comma separated.
    pub author: Option<String>,
    /// Publication time, when the input had a date presse could read.
    #[serde(with = "time::serde::rfc3339::option")]
    pub date: Option<OffsetDateTime>,
    /// The url.
    pub url: Option<String>,
    /// Where the article was read from (file path, plus `:line` for JSON lines).
    pub path: String,
}

/// Collapses runs of white space (and drops control characters) into single spaces, trimmed:
/// the form of short fields such as titles, which real exports wrap in newlines and padding.
pub fn clean_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| c.is_whitespace() || c.is_control()) {
        if !word.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    out
}

/// Cleans a long text: control characters other than newlines and tabs are dropped (they sit
/// inside words in real exports: `schließ\u{8}en`), tabs become spaces, every
/// line is trimmed, and runs of blank lines become one paragraph break (`\n`). Words and their
/// order are kept exactly, so what is indexed is what the source said.
pub fn clean_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut push = |line: &str| {
        let line = line.trim();
        if !line.is_empty() {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(line);
        }
    };
    let each_line = |line: &str| {
        // Most lines have no control character (C0, DEL, or C1, whose UTF-8 starts with 0xC2
        // as do NBSP and guillemets): taken as they are, without a copy.
        if !line.bytes().any(|b| b < 0x20 || b == 0x7f || b == 0xc2) {
            return push(line);
        }
        let line: String = line
            .chars()
            .filter(|c| !c.is_control() || *c == '\t')
            .map(|c| if c == '\t' { ' ' } else { c })
            .collect();
        push(&line);
    };
    // Unicode line and paragraph separators (and NEL) end lines too; left inside a text they
    // break line-oriented consumers of the JSON output. Each is looked for on its own (a
    // byte search), the set of four only when one is there.
    if ['\u{2028}', '\u{2029}', '\u{85}'].iter().any(|&c| text.contains(c)) {
        text.split(['\n', '\u{2028}', '\u{2029}', '\u{85}']).for_each(each_line);
    } else {
        text.split('\n').for_each(each_line);
    }
    out
}

/// `Some(cleaned)` for a non-empty short field, else `None`.
pub fn non_empty_line(text: &str) -> Option<String> {
    Some(clean_line(text)).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_line_collapses_whitespace_and_controls() {
        assert_eq!(
            clean_line("\n  Merkel  warnt\u{7}\tvor \n Lockdown \n"),
            "Merkel warnt vor Lockdown"
        );
        assert_eq!(clean_line(" \n "), "");
    }

    #[test]
    fn clean_text_keeps_paragraphs_and_words() {
        let raw = "  Erster Absatz.\r\n\r\n\r\nZweiter\u{0} Absatz.  \n";
        assert_eq!(clean_text(raw), "Erster Absatz.\nZweiter Absatz.");
        assert_eq!(clean_text("schließ\u{8}en\tjetzt"), "schließen jetzt");
        assert_eq!(clean_text("Eins\u{2028}Zwei\u{85}Drei"), "Eins\nZwei\nDrei");
    }

    /// The cleaning as it was written first, char by char: the reference of the fast paths.
    fn clean_text_reference(text: &str) -> String {
        let mut out = String::new();
        for line in text.split(['\n', '\u{2028}', '\u{2029}', '\u{85}']) {
            let line: String = line
                .chars()
                .filter(|c| !c.is_control() || *c == '\t')
                .map(|c| if c == '\t' { ' ' } else { c })
                .collect();
            let line = line.trim();
            if !line.is_empty() {
                if !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(line);
            }
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5_000))]
        #[test]
        fn clean_text_is_the_char_by_char_cleaning(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "Wort", "ä", "ß", " ", "  ", "\n", "\n\n", "\r\n", "\t", "\u{8}", "\u{7f}",
                "\u{85}", "\u{9f}", "\u{a0}", "«", "»", "\u{2028}", "\u{2029}", "\u{3000}",
                "\u{200b}", "\u{feff}", "é", "😀", ".", "-",
            ]), 0..40)
        ) {
            let text: String = pieces.concat();
            proptest::prop_assert_eq!(clean_text(&text), clean_text_reference(&text));
        }
    }
}
