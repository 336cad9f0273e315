//! Property tests of the snippet maker (inside the crate: the module is private).

use proptest::prelude::*;

use super::snippet::{find_matches, make_snippet};
use crate::plan::Highlight;
use presse_analysis::analyse_text;

fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Impfstoff".to_string()),
        Just("Außenminister".to_string()),
        Just("Gasturbinen-Aufträge".to_string()),
        Just("Zulassung".to_string()),
        // Three parts: two of them joined (`Intensivbett`) overlap the single ones.
        Just("Intensivbettenkapazität Intensivbetten Bettenkapazität".to_string()),
        // Spellings the unfolded search must see through, and chars it leaves to folding.
        Just("ÄRZTE Ärzte Aerzte aerzte".to_string()),
        Just("Straße STRASSE Maßstab".to_string()),
        Just("Müeller Mueller".to_string()),
        Just("Impf\u{ad}stoff Café İstanbul Erdoğan".to_string()),
        // Numbers the snippet must join across spaces, abbreviations spelt unlike their term.
        Just("10 000 1\u{a0}500\u{202f}000 100.000 000 10".to_string()),
        Just("St. Pauli Sankt Stadt Mio Millionen".to_string()),
        "[0-9]{1,4}",
        "[a-zäöüßA-ZÄÖÜ]{1,12}",
        "\\PC{1,6}",
        "y{40,300}",
    ];
    prop::collection::vec((piece, prop_oneof![Just(" "), Just("\n"), Just(", "), Just("")]), 0..80)
        .prop_map(|parts| parts.into_iter().map(|(p, s)| p + s).collect())
}

/// Cases per property: the default, or `PROPTEST_CASES` for a long run.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(1000)))]

    #[test]
    fn snippets_hold_together(t in text(), q in text(), chars in 0usize..400, fragments in 1usize..5) {
        let mut hl = Highlight::default();
        for w in analyse_text(&q) {
            hl.terms.insert(w.analysis.term.clone());
            for p in w.analysis.parts {
                hl.terms.insert(p.term);
            }
        }
        let mut a = crate::snippet::WordMatcher::default();
        let matches = find_matches(&t, &hl, &mut a);
        for m in &matches {
            prop_assert!(m.start < m.end && m.end <= t.len());
            prop_assert!(t.is_char_boundary(m.start) && t.is_char_boundary(m.end));
        }
        let s = make_snippet(&t, &matches, chars, fragments);
        let mut last = 0;
        let words: std::collections::HashSet<&str> =
            matches.iter().map(|m| &t[m.start..m.end]).collect();
        for [x, y] in &s.highlights {
            prop_assert!(x < y && *y <= s.text.len(), "{x} {y} in {:?}", s.text);
            prop_assert!(s.text.is_char_boundary(*x) && s.text.is_char_boundary(*y));
            prop_assert!(*x >= last, "in order, not overlapping");
            prop_assert!(words.contains(&s.text[*x..*y]), "{:?} is a match", &s.text[*x..*y]);
            last = *y;
        }
    }

    #[test]
    fn every_searched_word_is_found(
        t in text(),
        q in text(),
        picks in prop::collection::vec(any::<prop::sample::Index>(), 0..4),
    ) {
        // The scan skips tokens without a searched term; it must still find every word whose
        // term is searched, exactly where a word-by-word analysis of the text puts it. The
        // query holds words of its own and words of the text.
        let mut hl = Highlight::default();
        for w in analyse_text(&q) {
            hl.terms.insert(w.analysis.term.clone());
        }
        let words = analyse_text(&t);
        if !words.is_empty() {
            for pick in &picks {
                hl.terms.insert(pick.get(&words).analysis.term.clone());
            }
        }
        let mut a = crate::snippet::WordMatcher::default();
        let found: Vec<(usize, usize)> =
            find_matches(&t, &hl, &mut a).iter().map(|m| (m.start, m.end)).collect();
        for w in analyse_text(&t) {
            if hl.terms.contains(&w.analysis.term) {
                prop_assert!(found.contains(&(w.start, w.end)), "{:?} not found in {t:?}", &t[w.start..w.end]);
            }
        }
    }
}
