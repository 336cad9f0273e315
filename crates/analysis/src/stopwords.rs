//! German stop words: function words that carry no topic.
//!
//! They stay in the index (phrases need their positions), but the query side drops them from a
//! query that has other words, so that `die`, `und`, `der` never drive the ranking, and the
//! compound splitter never uses one as a part. The list is the Snowball project's German stop
//! list (BSD licence) with the inflected forms of its modal verbs, `viel`, `weit` and the
//! relatives that it lacks (`müssen`, `sollten`, `vielen`, `weitere`, `denen`, `wegen`: all among
//! the corpus's commonest words) and the preposition `seit` (so that `Seite`, which Snowball
//! stems like it, gets a term of its own: [`crate::stem`]), less `andern`, which folds like
//! the verb `ändern` (3,004 times in the corpus against 108), folded with [`crate::fold::fold`]
//! and sorted for binary search.

/// The folded stop words, sorted.
const STOP_WORDS: &[&str] = &[
    "aber",
    "alle",
    "allem",
    "allen",
    "aller",
    "alles",
    "als",
    "also",
    "am",
    "an",
    "ander",
    "andere",
    "anderem",
    "anderen",
    "anderer",
    "anderes",
    "anderm",
    "anderr",
    "anders",
    "auch",
    "auf",
    "aus",
    "bei",
    "bin",
    "bis",
    "bist",
    "da",
    "damit",
    "dann",
    "das",
    "dass",
    "dasselbe",
    "dazu",
    "dein",
    "deine",
    "deinem",
    "deinen",
    "deiner",
    "deines",
    "dem",
    "demselben",
    "den",
    "denen",
    "denn",
    "denselben",
    "der",
    "deren",
    "derer",
    "derselbe",
    "derselben",
    "des",
    "desselben",
    "dessen",
    "dich",
    "die",
    "dies",
    "diese",
    "dieselbe",
    "dieselben",
    "diesem",
    "diesen",
    "dieser",
    "dieses",
    "dir",
    "doch",
    "dort",
    "du",
    "durch",
    "ein",
    "eine",
    "einem",
    "einen",
    "einer",
    "eines",
    "einig",
    "einige",
    "einigem",
    "einigen",
    "einiger",
    "einiges",
    "einmal",
    "er",
    "es",
    "etwas",
    "euch",
    "euer",
    "eure",
    "eurem",
    "euren",
    "eurer",
    "eures",
    "fur",
    "gegen",
    "gewesen",
    "hab",
    "habe",
    "haben",
    "hat",
    "hatte",
    "hatten",
    "hier",
    "hin",
    "hinter",
    "ich",
    "ihm",
    "ihn",
    "ihnen",
    "ihr",
    "ihre",
    "ihrem",
    "ihren",
    "ihrer",
    "ihres",
    "im",
    "in",
    "indem",
    "ins",
    "ist",
    "jede",
    "jedem",
    "jeden",
    "jeder",
    "jedes",
    "jene",
    "jenem",
    "jenen",
    "jener",
    "jenes",
    "jetzt",
    "kann",
    "kein",
    "keine",
    "keinem",
    "keinen",
    "keiner",
    "keines",
    "konne",
    "konnen",
    "konnte",
    "konnten",
    "machen",
    "man",
    "manche",
    "manchem",
    "manchen",
    "mancher",
    "manches",
    "mein",
    "meine",
    "meinem",
    "meinen",
    "meiner",
    "meines",
    "mich",
    "mir",
    "mit",
    "muss",
    "musse",
    "mussen",
    "musste",
    "mussten",
    "nach",
    "nicht",
    "nichts",
    "noch",
    "nun",
    "nur",
    "ob",
    "oder",
    "ohne",
    "sehr",
    "sein",
    "seine",
    "seinem",
    "seinen",
    "seiner",
    "seines",
    "seit",
    "selbst",
    "sich",
    "sie",
    "sind",
    "so",
    "solche",
    "solchem",
    "solchen",
    "solcher",
    "solches",
    "soll",
    "solle",
    "sollen",
    "sollte",
    "sollten",
    "sondern",
    "sonst",
    "uber",
    "um",
    "und",
    "uns",
    "unser",
    "unsere",
    "unserem",
    "unseren",
    "unserer",
    "unseres",
    "unter",
    "viel",
    "viele",
    "vielem",
    "vielen",
    "vieler",
    "vieles",
    "vom",
    "von",
    "vor",
    "wahrend",
    "war",
    "waren",
    "warst",
    "was",
    "weg",
    "wegen",
    "weil",
    "weit",
    "weitem",
    "weiter",
    "weitere",
    "weiterem",
    "weiteren",
    "weiterer",
    "weiteres",
    "welche",
    "welchem",
    "welchen",
    "welcher",
    "welches",
    "wenn",
    "werde",
    "werden",
    "wie",
    "wieder",
    "will",
    "wir",
    "wird",
    "wirst",
    "wo",
    "wolle",
    "wollen",
    "wollte",
    "wollten",
    "wurde",
    "wurden",
    "zu",
    "zum",
    "zur",
    "zwar",
    "zwischen",
];

/// Whether the folded word is a German stop word.
pub fn is_stop_word(folded: &str) -> bool {
    STOP_WORDS.binary_search(&folded).is_ok()
}

/// Whether an index term (a stem) is the term of a stop word (`dies` of `dieser`, `diese`):
/// such a term carries no topic, so typo search and word forms never lead to it (`Diess`, a
/// name, is not a misspelt `dies`).
pub fn is_stop_term(term: &str) -> bool {
    static TERMS: std::sync::OnceLock<std::collections::HashSet<String>> =
        std::sync::OnceLock::new();
    TERMS
        .get_or_init(|| {
            let stemmer = crate::stem::GermanStemmer::default();
            STOP_WORDS.iter().map(|w| stemmer.snowball(w)).collect()
        })
        .contains(term)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_terms_are_the_stems_of_stop_words() {
        assert!(is_stop_term("dies"), "dieser, diese, dieses");
        assert!(is_stop_term("und"));
        assert!(!is_stop_term("diess"));
        assert!(!is_stop_term("impfstoff"));
    }

    #[test]
    fn list_is_sorted_and_folded() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]), "sorted, without duplicates");
        for w in STOP_WORDS {
            assert_eq!(crate::fold::fold(w), *w);
        }
    }

    #[test]
    fn recognises_function_words_only() {
        assert!(is_stop_word("und"));
        assert!(is_stop_word("fur"));
        // Inflected modal verbs and relatives that Snowball's list lacks.
        assert!(is_stop_word("mussen"));
        assert!(is_stop_word("denen"));
        // `seit`, a preposition like `nach` and `vor`: `Seite` no longer shares its term.
        assert!(is_stop_word("seit"));
        // `ändern` folds to `andern`, a form of `ander` the list had.
        assert!(!is_stop_word(&crate::fold::fold("ändern")));
        assert!(!is_stop_word("lawrow"));
        assert!(!is_stop_word("impfstoff"));
    }
}
