//! German stemming of folded words: Snowball German (rust-stemmers) plus one rule it lacks.
//!
//! rust-stemmers implements the original Snowball German algorithm. Given the folded words of
//! [`crate::fold`] (no umlauts, `ß` already `ss`), it conflates inflections such as `Impfstoff` /
//! `Impfstoffe` / `Impfstoffen`, and, because umlauts are folded first, `Haus` / `Häuser`. It keeps
//! the feminine plural apart from the singular (`politikerinnen` → `politikerinn`, `politikerin` →
//! `politikerin`); the rule below merges them.

use rust_stemmers::{Algorithm, Stemmer};

/// A German stemmer for folded words. Cheap to create and to clone.
pub struct GermanStemmer {
    inner: Stemmer,
}

impl Default for GermanStemmer {
    fn default() -> Self {
        GermanStemmer { inner: Stemmer::create(Algorithm::German) }
    }
}

impl Clone for GermanStemmer {
    fn clone(&self) -> Self {
        GermanStemmer::default()
    }
}

impl std::fmt::Debug for GermanStemmer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("GermanStemmer")
    }
}

impl GermanStemmer {
    /// Stems one folded word (see [`crate::fold::fold`]).
    pub fn stem(&self, folded: &str) -> String {
        // Digits and mixed tokens (covid19, 2g, fc) are kept as they are.
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
    use crate::fold::fold;

    fn stem(word: &str) -> String {
        GermanStemmer::default().stem(&fold(word))
    }

    #[test]
    fn inflections_meet() {
        assert_eq!(stem("Impfstoff"), stem("Impfstoffe"));
        assert_eq!(stem("Impfstoff"), stem("Impfstoffen"));
        assert_eq!(stem("verhandelt"), stem("verhandelten"));
        assert_eq!(stem("Präsidentschaftswahl"), stem("Präsidentschaftswahlen"));
        assert_eq!(stem("Haus"), stem("Häuser"));
    }

    #[test]
    fn feminine_plural_meets_singular() {
        assert_eq!(stem("Politikerinnen"), stem("Politikerin"));
        assert_eq!(stem("Ärztinnen"), stem("Ärztin"));
    }

    #[test]
    fn keyboard_spellings_meet() {
        assert_eq!(stem("Außenminister"), stem("Aussenminister"));
        assert_eq!(stem("Müller"), stem("Mueller"));
    }

    #[test]
    fn numbers_are_kept() {
        assert_eq!(stem("2020"), "2020");
        assert_eq!(stem("covid19"), "covid19");
    }
}
