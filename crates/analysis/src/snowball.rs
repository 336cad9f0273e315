//! Snowball German (rust-stemmers) with the `-innen` rule: the stem that the stop words'
//! terms are made with and that the compound splitter's word families group by. The build
//! script compiles this file too, to group the lexicon's words into families, so it needs
//! nothing else of the crate; the analyser's own rules on top of it are in [`crate::stem`].

use rust_stemmers::{Algorithm, Stemmer};

/// Snowball German for folded words. Cheap to create.
pub struct Snowball {
    inner: Stemmer,
}

impl Default for Snowball {
    fn default() -> Self {
        Snowball { inner: Stemmer::create(Algorithm::German) }
    }
}

impl Snowball {
    /// Snowball's stem of a folded word, the feminine plural with its singular
    /// (`politikerinnen` → `politikerin`, where Snowball makes `politikerinn`). Words shorter
    /// than three letters and tokens with digits (`covid19`, `2g`) are kept as they are.
    pub fn stem(&self, folded: &str) -> String {
        if folded.len() < 3 || folded.bytes().any(|b| b.is_ascii_digit()) {
            return folded.to_string();
        }
        let mut stem = self.inner.stem(folded).into_owned();
        // -innen → -inn: merge with the -in singular.
        if stem.len() > 5 && stem.ends_with("inn") {
            stem.pop();
        }
        stem
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snowball_with_the_innen_rule() {
        let s = Snowball::default();
        assert_eq!(s.stem("impfstoffen"), "impfstoff");
        assert_eq!(s.stem("politikerinnen"), s.stem("politikerin"));
        // Snowball cuts the -er of nouns too: the analyser's rules are in `stem`.
        assert_eq!(s.stem("politiker"), "polit");
        assert_eq!(s.stem("covid19"), "covid19");
        assert_eq!(s.stem("eu"), "eu");
    }
}
