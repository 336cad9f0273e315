//! Spellings German writes side by side: `Foto` and `Photo`, `Grafik` and `Graphik`,
//! `Potenzial` and `Potential`, `essenziell` and `essentiell`.
//!
//! The 1996 spelling reform made the `f` and `z` forms the main ones and kept the older as
//! variants, so an archive holds both, often in the same paper a few years apart: a reader who
//! types one means the other too. Two correspondences, each way round:
//!
//! | one | other | examples |
//! |---|---|---|
//! | `ph` | `f` | Photo / Foto, Graphik / Grafik, Mikrophon / Mikrofon, Phantasie / Fantasie |
//! | `tial`, `tiell` | `zial`, `ziell` | Potential / Potenzial, essentiell / essenziell |
//!
//! Checked on the FANG-COVID vocabulary: of the word pairs both spellings of which occur in
//! three or more articles, every `tial`/`tiell` pair (39) is one word spelt two ways, and the
//! `ph` pairs (89) are too but for given names (`Stephan` / `Stefan`, `Ralph` / `Ralf`), which
//! are near enough for a search that ranks the typed spelling first. `th` / `t` and `c` /
//! `k`, `z` are left out: there most pairs are different words (`Roth` / `rot`, `Thor` / `Tor`,
//! `Carte` / `zarte`). The query plan adds a variant only where the index has it, weighted so
//! that a rarer spelling never outscores the typed one.
//!
//! Abbreviations that print a word readers also type out ([`ABBREVIATIONS`]: `St.` for
//! `Sankt`, `Mio.` for `Millionen`) are such variants too.

/// Abbreviations printed beside the word they stand for, folded and without their dot, with
/// that word: `St. Pauli` and `Sankt Pauli` (1,343 `St.` in the corpus, 292 `Sankt`), `5 Mio.
/// Euro` and `5 Millionen Euro`, `Prof. Drosten` and `Professor Drosten`. Only abbreviations
/// that stand for the one word wherever they appear; not `Dr.`, a title that no reader types
/// out.
pub const ABBREVIATIONS: &[(&str, &str)] = &[
    ("mio", "million"),
    ("mrd", "milliarde"),
    ("nr", "nummer"),
    ("prof", "professor"),
    ("st", "sankt"),
];

/// The other way of writing a word that [`ABBREVIATIONS`] gives: the word an abbreviation
/// stands for (`st` → `sankt`), or the abbreviation of a word, in any of its forms (`term` is
/// the word's term, `stem` the stemmer that made it: `millionen` → `mio`).
pub fn abbreviation(
    folded: &str,
    term: &str,
    stem: impl Fn(&str) -> String,
) -> Option<&'static str> {
    ABBREVIATIONS.iter().find_map(|&(short, word)| {
        if folded == short {
            Some(word)
        } else {
            // (A cheap test first: a word's term begins like the word.)
            let begins = word.as_bytes().starts_with(&term.as_bytes()[..term.len().min(2)]);
            (begins && stem(word) == term).then_some(short)
        }
    })
}

/// The other spellings of a folded word (lower case, umlauts folded); empty when it has none.
pub fn variants(folded: &str) -> Vec<String> {
    if folded.chars().count() < 4 || !folded.chars().all(|c| c.is_ascii_lowercase()) {
        return Vec::new();
    }
    let mut out = Vec::new();
    if folded.contains("ph") {
        out.push(folded.replace("ph", "f"));
    } else if folded.contains('f') {
        out.push(folded.replace('f', "ph"));
    }
    for (old, new) in [("tial", "zial"), ("zial", "tial"), ("tiell", "ziell"), ("ziell", "tiell")] {
        if folded.contains(old) {
            out.push(folded.replace(old, new));
        }
    }
    out.retain(|v| v != folded);
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_ways_round() {
        assert_eq!(variants("foto"), ["photo"]);
        assert_eq!(variants("photo"), ["foto"]);
        assert_eq!(variants("fotograf"), ["photograph"]);
        assert_eq!(variants("potential"), ["potenzial"]);
        assert_eq!(variants("potenziell"), ["potentiell"]);
        assert_eq!(variants("essentielle"), ["essenzielle"]);
    }

    #[test]
    fn abbreviations_and_their_words() {
        let stemmer = presse_analysis::stem::GermanStemmer::default();
        let stem = |w: &str| stemmer.stem(w);
        let of = |w: &str| abbreviation(w, &stem(w), stem);
        assert_eq!(of("st"), Some("sankt"));
        assert_eq!(of("sankt"), Some("st"));
        assert_eq!(of("millionen"), Some("mio"));
        assert_eq!(of("mio"), Some("million"));
        assert_eq!(of("milliarden"), Some("mrd"));
        assert_eq!(of("professoren"), Some("prof"));
        assert_eq!(of("nummern"), Some("nr"));
        assert_eq!(of("stadt"), None);
        assert_eq!(of("millionar"), None);
    }

    #[test]
    fn most_words_have_none() {
        assert!(variants("regierung").is_empty());
        assert!(variants("zentrum").is_empty());
        assert!(variants("tag").is_empty(), "too short");
    }
}
