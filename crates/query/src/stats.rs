//! BM25 statistics in which a field's average length counts only the articles that have the
//! field.
//!
//! tantivy divides a field's tokens by every document of the index. For a field that only some
//! articles have, a lead (the JSON exports have none; text files and the kicker above a
//! headline do), that average is a fraction of a real lead's length, and BM25's length
//! normalisation then treats every lead as many times too long: in an index where one article in
//! thirty has a lead, a word in it scored a tenth of what it would in a title. Counted over the
//! articles that have a lead, the average is a lead's length, as it is for title and body.

use std::collections::HashMap;

use tantivy::query::Bm25StatisticsProvider;
use tantivy::schema::Field;
use tantivy::{Searcher, Term};

/// The number of documents (deleted ones included, as in tantivy's token counts) in which each
/// of `fields` has at least one token.
pub fn docs_with(searcher: &Searcher, fields: &[Field]) -> HashMap<Field, u64> {
    let mut out = HashMap::new();
    for &field in fields {
        let mut count = 0u64;
        for reader in searcher.segment_readers() {
            let Ok(Some(norms)) = reader.fieldnorms_readers().get_field(field) else { continue };
            count +=
                (0..reader.max_doc()).filter(|&doc| norms.fieldnorm_id(doc) != 0).count() as u64;
        }
        out.insert(field, count);
    }
    out
}

/// The searcher's statistics, with each field's tokens scaled so that tantivy's average (tokens
/// over all documents) comes out as the average over the documents that have the field.
pub struct FieldStats<'a> {
    /// The searcher whose statistics these are.
    pub searcher: &'a Searcher,
    /// [`docs_with`] of the searcher.
    pub docs_with: &'a HashMap<Field, u64>,
}

impl Bm25StatisticsProvider for FieldStats<'_> {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        let tokens = Bm25StatisticsProvider::total_num_tokens(self.searcher, field)?;
        // tantivy's average is tokens / all documents (deleted ones included).
        let all = Bm25StatisticsProvider::total_num_docs(self.searcher)?;
        Ok(match self.docs_with.get(&field) {
            Some(&with) if with > 0 && with < all => {
                (tokens as u128 * all as u128 / with as u128).min(u64::MAX as u128) as u64
            }
            _ => tokens,
        })
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        Bm25StatisticsProvider::total_num_docs(self.searcher)
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        self.searcher.doc_freq(term)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::schema::{Schema, TEXT};
    use tantivy::{doc, Index, IndexWriter};

    #[test]
    fn a_sparse_field_is_averaged_over_the_documents_that_have_it() {
        let mut schema = Schema::builder();
        let (lead, body) =
            (schema.add_text_field("lead", TEXT), schema.add_text_field("body", TEXT));
        let index = Index::create_in_ram(schema.build());
        let mut writer: IndexWriter = index.writer(15_000_000).unwrap();
        writer.add_document(doc!(lead => "eins zwei drei vier", body => "a b")).unwrap();
        for _ in 0..3 {
            writer.add_document(doc!(body => "a b")).unwrap();
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let docs_with = docs_with(&searcher, &[lead, body]);
        assert_eq!((docs_with[&lead], docs_with[&body]), (1, 4));
        let stats = FieldStats { searcher: &searcher, docs_with: &docs_with };
        // tantivy divides by all four documents: the averages come out as 4 and 2.
        assert_eq!(stats.total_num_tokens(lead).unwrap(), 16);
        assert_eq!(stats.total_num_tokens(body).unwrap(), 8);
        assert_eq!(stats.total_num_docs().unwrap(), 4);
    }
}
