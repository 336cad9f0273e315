//! Query text → syntax tree.
//!
//! The syntax (all of it optional; plain words are the normal case):
//!
//! | form | meaning |
//! |---|---|
//! | `Impfstoff Zulassung` | any of the words; articles with more of them rank higher |
//! | `"exakte Phrase"` | the words in this order (German analysis applies inside); also in `„…“`, `“…”`, `«…»`, `»…«` |
//! | `+wort` / `-wort` | the word is required / excluded (also `+"…"`, `-(…)`) |
//! | `a OR b` | either (the default, but groups what it joins) |
//! | `(a b)` | grouping |
//! | `wort*` | words starting with `wort` |
//! | `wort~` / `wort~2` | up to 1 / 2 typos, whatever the word's frequency |
//! | `title:wort`, `lead:`, `body:`, `caption:`, `source:`, `author:`, `url:` | in that field only |
//!
//! Malformed input yields a [`QueryError::Malformed`] with the byte position of the problem.

use crate::QueryError;
use presse_analysis::gender_form;

/// A field a clause may be limited to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The headline.
    Title,
    /// The lead.
    Lead,
    /// The image caption or credit.
    Caption,
    /// The text.
    Body,
    /// The outlet.
    Source,
    /// The author.
    Author,
    /// The url.
    Url,
}

impl Scope {
    fn parse(name: &str) -> Option<Scope> {
        Some(match name.to_ascii_lowercase().as_str() {
            "title" | "titel" => Scope::Title,
            "lead" => Scope::Lead,
            "caption" => Scope::Caption,
            "body" | "text" => Scope::Body,
            "source" | "quelle" => Scope::Source,
            "author" | "autor" => Scope::Author,
            "url" => Scope::Url,
            _ => return None,
        })
    }
}

/// How a clause takes part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Occur {
    /// May match (ranks higher when it does).
    Should,
    /// Must match (`+`).
    Must,
    /// Must not match (`-`).
    MustNot,
}

/// A node of the query tree.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// A bare word (or hyphenated chain such as `Test-Pflicht`).
    Word {
        /// The word as typed.
        text: String,
        /// Field limit.
        scope: Option<Scope>,
        /// `wort*`.
        prefix: bool,
        /// `wort~N`: explicit typo budget.
        fuzzy: Option<u8>,
    },
    /// A quoted phrase.
    Phrase {
        /// The text between the quotes.
        text: String,
        /// Field limit.
        scope: Option<Scope>,
    },
    /// Alternatives joined by `OR`.
    Or(Vec<Node>),
    /// A parenthesised group of clauses.
    Group(Vec<Clause>),
}

/// A node with its occurrence.
#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    /// Should, must or must not.
    pub occur: Occur,
    /// The node.
    pub node: Node,
}

/// Longest query accepted, in bytes.
pub const MAX_QUERY_BYTES: usize = 4096;
/// Deepest parenthesis nesting accepted.
pub const MAX_DEPTH: usize = 16;

struct Parser<'q> {
    text: &'q str,
    pos: usize,
    depth: usize,
}

fn malformed(message: impl Into<String>, position: usize) -> QueryError {
    QueryError::Malformed { message: message.into(), position }
}

/// Parses query text into top-level clauses.
pub fn parse(text: &str) -> Result<Vec<Clause>, QueryError> {
    if text.len() > MAX_QUERY_BYTES {
        return Err(malformed(
            format!("query too long (over {MAX_QUERY_BYTES} bytes)"),
            MAX_QUERY_BYTES,
        ));
    }
    let mut p = Parser { text, pos: 0, depth: 0 };
    let clauses = p.clauses(false)?;
    Ok(clauses)
}

/// Whether `c` opens or closes a phrase: the typewriter quote and the typographic ones a
/// phrase copied from an article comes in (`„…“`, `“…”`, `«…»`, `»…«`). Any of them closes
/// what any of them opened.
fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201e}' | '\u{201c}' | '\u{201d}' | '\u{ab}' | '\u{bb}')
}

impl<'q> Parser<'q> {
    fn rest(&self) -> &'q str {
        &self.text[self.pos..]
    }

    fn skip_space(&mut self) {
        let rest = self.rest();
        self.pos += rest.len() - rest.trim_start().len();
    }

    fn clauses(&mut self, nested: bool) -> Result<Vec<Clause>, QueryError> {
        let mut out: Vec<Clause> = Vec::new();
        loop {
            self.skip_space();
            let rest = self.rest();
            if rest.is_empty() {
                if nested {
                    return Err(malformed("unclosed parenthesis", self.text.len()));
                }
                return Ok(out);
            }
            if rest.starts_with(')') {
                if !nested {
                    return Err(malformed("unmatched closing parenthesis", self.pos));
                }
                self.pos += 1;
                return Ok(out);
            }
            if rest.starts_with("OR")
                && rest[2..].starts_with(|c: char| c.is_whitespace() || c == '(' || is_quote(c))
            {
                let at = self.pos;
                self.pos += 2;
                self.skip_space();
                let next = self.clause()?;
                let Some(prev) = out.pop() else {
                    return Err(malformed("OR needs a word before it", at));
                };
                let Some(next) = next else {
                    return Err(malformed("OR needs a word after it", at));
                };
                let mut alternatives = match prev.node {
                    Node::Or(nodes) if prev.occur == Occur::Should => nodes,
                    node => vec![node],
                };
                alternatives.push(next.node);
                out.push(Clause { occur: prev.occur, node: Node::Or(alternatives) });
                continue;
            }
            if let Some(c) = self.clause()? {
                out.push(c);
            }
        }
    }

    /// One clause; `None` for bare punctuation that carries no word.
    fn clause(&mut self) -> Result<Option<Clause>, QueryError> {
        if self.rest().is_empty() {
            return Ok(None);
        }
        let mut occur = Occur::Should;
        let rest = self.rest();
        if let Some(r) = rest.strip_prefix('+').or_else(|| rest.strip_prefix('-')) {
            if r.starts_with(|c: char| c.is_alphanumeric() || is_quote(c) || c == '(') {
                occur = if rest.starts_with('+') { Occur::Must } else { Occur::MustNot };
                self.pos += 1;
            }
        }
        let start = self.pos;
        let mut scope = None;
        // field:…
        let rest = self.rest();
        let word = rest.split(|c: char| c.is_whitespace() || c == ')').next().unwrap_or(rest);
        if let Some(colon) = rest.find(':').filter(|_| gender_form(word).is_none()) {
            // (`Lehrer:innen` is a word: see `presse_analysis::gender_form`.)
            let name = &rest[..colon];
            if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphabetic()) {
                let after = &rest[colon + 1..];
                // `url:https://…` or a word right after the colon: a field scope.
                match Scope::parse(name) {
                    Some(s) => {
                        if after.is_empty()
                            || after.starts_with(char::is_whitespace)
                            || after.starts_with(')')
                        {
                            return Err(malformed(
                                format!("`{name}:` needs a word after it"),
                                start + colon + 1,
                            ));
                        }
                        scope = Some(s);
                        self.pos += colon + 1;
                    }
                    None if !after.starts_with("//")
                        && after.starts_with(|c: char| c.is_alphanumeric() || is_quote(c)) =>
                    {
                        return Err(malformed(
                            format!("unknown field `{name}` (fields: title, lead, body, caption, source, author, url)"),
                            start,
                        ));
                    }
                    None => {}
                }
            }
        }
        let rest = self.rest();
        let node = if let Some(open) = rest.chars().next().filter(|&c| is_quote(c)) {
            let inner = &rest[open.len_utf8()..];
            let Some(end) = inner.find(is_quote) else {
                return Err(malformed("unclosed quote", self.pos));
            };
            let text = inner[..end].to_string();
            let close = inner[end..].chars().next().map_or(1, char::len_utf8);
            self.pos += open.len_utf8() + end + close;
            Node::Phrase { text, scope }
        } else if rest.starts_with('(') {
            if scope.is_some() {
                return Err(malformed("a field cannot be applied to a group", self.pos));
            }
            self.depth += 1;
            if self.depth > MAX_DEPTH {
                return Err(malformed("parentheses nested too deeply", self.pos));
            }
            self.pos += 1;
            let inner = self.clauses(true)?;
            self.depth -= 1;
            Node::Group(inner)
        } else {
            let len = rest
                .find(|c: char| c.is_whitespace() || c == '(' || c == ')' || is_quote(c))
                .unwrap_or(rest.len());
            if len == 0 {
                // A lone quote or parenthesis is handled by the callers; skip one char.
                let c = rest.chars().next().expect("not empty");
                if is_quote(c) {
                    return Err(malformed("unclosed quote", self.pos));
                }
                self.pos += c.len_utf8();
                return Ok(None);
            }
            // `10 000` is one word, as in the articles.
            let len = len
                + presse_analysis::analyzer::number_groups(&rest[..len], &rest[len..]).unwrap_or(0);
            let mut word = &rest[..len];
            self.pos += len;
            let mut fuzzy = None;
            if let Some((w, n)) = word.rsplit_once('~') {
                fuzzy = match n {
                    "" => Some(1),
                    "1" => Some(1),
                    "2" => Some(2),
                    _ => return Err(malformed("`~` takes 1 or 2", start + w.len())),
                };
                word = w;
            }
            let prefix = word.ends_with('*');
            let word = word.trim_end_matches('*');
            if !word.chars().any(char::is_alphanumeric) {
                return Ok(None);
            }
            Node::Word { text: word.to_string(), scope, prefix, fuzzy }
        };
        Ok(Some(Clause { occur, node }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str) -> Node {
        Node::Word { text: text.into(), scope: None, prefix: false, fuzzy: None }
    }

    #[test]
    fn plain_words() {
        let c = parse("Lawrow  Cybersicherheit").unwrap();
        assert_eq!(
            c,
            vec![
                Clause { occur: Occur::Should, node: word("Lawrow") },
                Clause { occur: Occur::Should, node: word("Cybersicherheit") },
            ]
        );
    }

    #[test]
    fn a_gender_inclusive_form_is_a_word_not_a_field() {
        let c = parse("Lehrer:innen title:Schüler:innen").unwrap();
        assert_eq!(c[0].node, word("Lehrer:innen"));
        assert_eq!(
            c[1].node,
            Node::Word {
                text: "Schüler:innen".into(),
                scope: Some(Scope::Title),
                prefix: false,
                fuzzy: None
            }
        );
        assert!(parse("foo:innenstadt").is_err(), "an unknown field as before");
    }

    #[test]
    fn numbers_grouped_by_spaces_are_one_word() {
        let nodes =
            |q: &str| -> Vec<Node> { parse(q).unwrap().into_iter().map(|c| c.node).collect() };
        assert_eq!(nodes("10 000 Euro"), [word("10 000"), word("Euro")]);
        assert_eq!(nodes("+1 500 000"), [word("1 500 000")]);
        assert_eq!(nodes("2020 100"), [word("2020"), word("100")]);
    }

    #[test]
    fn typographic_quotes_make_phrases() {
        let phrase = Node::Phrase { text: "neue Regeln".into(), scope: None };
        for q in
            ["„neue Regeln“", "“neue Regeln”", "«neue Regeln»", "»neue Regeln«", "\"neue Regeln\""]
        {
            let c = parse(q).unwrap();
            assert_eq!(c.len(), 1, "{q}");
            assert_eq!(c[0].node, phrase, "{q}");
        }
        let c = parse("+„neue Regeln“ Berlin").unwrap();
        assert_eq!((c[0].occur, &c[0].node), (Occur::Must, &phrase));
        assert_eq!(c[1].node, word("Berlin"));
        assert!(matches!(parse("„neue Regeln"), Err(QueryError::Malformed { .. })));
    }

    #[test]
    fn operators() {
        let c = parse(r#"+Merkel -Trump "neue Regeln" title:Impfstoff Test* Nawalni~2 (a OR b)"#)
            .unwrap();
        assert_eq!(c[0].occur, Occur::Must);
        assert_eq!(c[1].occur, Occur::MustNot);
        assert_eq!(c[2].node, Node::Phrase { text: "neue Regeln".into(), scope: None });
        assert_eq!(
            c[3].node,
            Node::Word {
                text: "Impfstoff".into(),
                scope: Some(Scope::Title),
                prefix: false,
                fuzzy: None
            }
        );
        assert_eq!(
            c[4].node,
            Node::Word { text: "Test".into(), scope: None, prefix: true, fuzzy: None }
        );
        assert_eq!(
            c[5].node,
            Node::Word { text: "Nawalni".into(), scope: None, prefix: false, fuzzy: Some(2) }
        );
        assert_eq!(
            c[6].node,
            Node::Group(vec![Clause {
                occur: Occur::Should,
                node: Node::Or(vec![word("a"), word("b")])
            }])
        );
    }

    #[test]
    fn hyphens_and_urls_stay_words() {
        assert_eq!(parse("Test-Pflicht").unwrap()[0].node, word("Test-Pflicht"));
        assert_eq!(parse("Covid-19").unwrap()[0].node, word("Covid-19"));
        let c = parse("url:https://zeit.de/x").unwrap();
        assert_eq!(
            c[0].node,
            Node::Word {
                text: "https://zeit.de/x".into(),
                scope: Some(Scope::Url),
                prefix: false,
                fuzzy: None
            }
        );
    }

    #[test]
    fn malformed_queries_name_the_position() {
        let err = |q: &str| match parse(q) {
            Err(QueryError::Malformed { message, position }) => (message, position),
            other => panic!("{q}: {other:?}"),
        };
        assert_eq!(err(r#"Merkel "neue Regeln"#), ("unclosed quote".into(), 7));
        assert_eq!(err("(Merkel Trump").1, 13);
        assert_eq!(err("Merkel)").1, 6);
        assert!(err("foo:bar").0.contains("unknown field `foo`"));
        assert_eq!(err("title: Merkel").1, 6);
        assert!(err(&"(".repeat(40)).0.contains("too deeply"));
        assert_eq!(err("OR "), ("OR needs a word before it".into(), 0));
        assert_eq!(err("Merkel OR "), ("OR needs a word after it".into(), 7));
    }

    #[test]
    fn punctuation_alone_is_no_clause() {
        assert!(parse("").unwrap().is_empty());
        assert!(parse("  ?! ...  ").unwrap().is_empty());
    }
}
