//! The index schema: the one list of article fields, shared by the indexer and the query side.

use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, Schema, TextFieldIndexing,
    TextOptions, FAST, STORED, STRING,
};

use crate::{Error, Result, ANALYZER_NAME};

/// Names of the fields, as stored in the schema.
pub mod names {
    /// Stable article id: the url when there is one, else the path (plus `:line` for JSON lines).
    pub const ID: &str = "id";
    /// The headline.
    pub const TITLE: &str = "title";
    /// An image caption or credit that came with the title.
    pub const CAPTION: &str = "caption";
    /// The lead (teaser) paragraph.
    pub const LEAD: &str = "lead";
    /// The article text.
    pub const BODY: &str = "body";
    /// The outlet, lower case (`zeit.de`).
    pub const SOURCE: &str = "source";
    /// The author(s).
    pub const AUTHOR: &str = "author";
    /// Publication time (UTC).
    pub const DATE: &str = "date";
    /// The article's url.
    pub const URL: &str = "url";
    /// The file the article was read from (plus `:line` for JSON lines).
    pub const PATH: &str = "path";
    /// The file the article was read from, for deleting a file's articles.
    pub const FILE: &str = "file";
    /// Fingerprint of the normalised body text, for collapsing duplicates (0: no text).
    pub const FINGERPRINT: &str = "fingerprint";
}

/// The fields of a presse index.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// See [`names::ID`].
    pub id: Field,
    /// See [`names::TITLE`].
    pub title: Field,
    /// See [`names::CAPTION`].
    pub caption: Field,
    /// See [`names::LEAD`].
    pub lead: Field,
    /// See [`names::BODY`].
    pub body: Field,
    /// See [`names::SOURCE`].
    pub source: Field,
    /// See [`names::AUTHOR`].
    pub author: Field,
    /// See [`names::DATE`].
    pub date: Field,
    /// See [`names::URL`].
    pub url: Field,
    /// See [`names::PATH`].
    pub path: Field,
    /// See [`names::FILE`].
    pub file: Field,
    /// See [`names::FINGERPRINT`].
    pub fingerprint: Field,
}

/// Builds the presse schema.
pub fn build_schema() -> Schema {
    let mut b = Schema::builder();
    let text = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(ANALYZER_NAME)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    b.add_text_field(names::ID, STRING | STORED);
    b.add_text_field(names::TITLE, text.clone());
    b.add_text_field(names::CAPTION, text.clone());
    b.add_text_field(names::LEAD, text.clone());
    b.add_text_field(names::BODY, text.clone());
    b.add_text_field(names::SOURCE, STRING | STORED | FAST);
    b.add_text_field(names::AUTHOR, text);
    b.add_date_field(
        names::DATE,
        DateOptions::default()
            .set_indexed()
            .set_stored()
            .set_fast()
            .set_precision(DateTimePrecision::Seconds),
    );
    b.add_text_field(names::URL, STRING | STORED);
    b.add_text_field(names::PATH, STORED);
    b.add_text_field(names::FILE, STRING);
    b.add_u64_field(names::FINGERPRINT, FAST);
    b.build()
}

impl Fields {
    /// Looks the fields up in a schema; fails when the schema is not a presse schema.
    pub fn from_schema(schema: &Schema) -> Result<Fields> {
        let f = |name: &str| schema.get_field(name).map_err(|_| Error::MissingField(name.into()));
        Ok(Fields {
            id: f(names::ID)?,
            title: f(names::TITLE)?,
            caption: f(names::CAPTION)?,
            lead: f(names::LEAD)?,
            body: f(names::BODY)?,
            source: f(names::SOURCE)?,
            author: f(names::AUTHOR)?,
            date: f(names::DATE)?,
            url: f(names::URL)?,
            path: f(names::PATH)?,
            file: f(names::FILE)?,
            fingerprint: f(names::FINGERPRINT)?,
        })
    }
}

/// The fingerprint of an article text: a 64-bit FNV-1a hash of its words, lower-cased,
/// punctuation and spacing ignored. Two texts with the same words in the same order have the same
/// fingerprint whatever their layout (the same agency text published by two outlets, or one
/// article indexed under two urls). Returns 0 (meaning "none") for a text without words.
pub fn fingerprint(text: &str) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET;
    let mut eat = |b: u8| {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(PRIME);
    };
    let mut words = 0usize;
    let mut in_word = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if !in_word {
                words += 1;
                in_word = true;
            }
            if c.is_ascii() {
                eat(c.to_ascii_lowercase() as u8);
            } else {
                let mut buf = [0u8; 4];
                for lc in c.to_lowercase() {
                    lc.encode_utf8(&mut buf).bytes().for_each(&mut eat);
                }
            }
        } else if in_word {
            eat(b' ');
            in_word = false;
        }
    }
    if in_word {
        eat(b' ');
    }
    if words == 0 {
        0
    } else {
        hash.max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_ignores_layout_not_words() {
        let a = fingerprint("Die EU hat den Impfstoff zugelassen.\nMehr folgt.");
        assert_eq!(a, fingerprint("  die EU hat den  Impfstoff zugelassen -- mehr folgt!"));
        assert_ne!(a, fingerprint("Die EU hat den Impfstoff nicht zugelassen. Mehr folgt."));
        assert_eq!(fingerprint(" … "), 0);
        // Stable across builds and platforms: it is stored in the index.
        assert_eq!(fingerprint("Impfstoff"), 0x82fe_ae25_57c4_822d);
    }
}
