//! Property tests: the query parser, the searcher and the spelling rules never panic, and
//! what they return holds together, whatever the input.

use presse_query::parse::parse;
use presse_query::{QueryError, SearchRequest};
use proptest::prelude::*;

mod common;
use common::searcher;

/// Text made of German-looking words, umlauts, punctuation, long tokens and odd characters.
fn texty() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Impfstoff".to_string()),
        Just("Außenminister".to_string()),
        Just("Test-Pflicht".to_string()),
        Just("Gasturbinen".to_string()),
        Just("…".to_string()),
        Just("\"".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("-".to_string()),
        Just("+".to_string()),
        Just("title:".to_string()),
        Just("OR".to_string()),
        Just("~2".to_string()),
        Just("*".to_string()),
        Just("„".to_string()),
        Just("“".to_string()),
        Just("»".to_string()),
        Just("Lehrer:innen".to_string()),
        Just("Künstler*innen".to_string()),
        Just("Ku’damm".to_string()),
        Just("100.000".to_string()),
        Just("10".to_string()),
        Just("000".to_string()),
        Just("\u{a0}".to_string()),
        Just("St.".to_string()),
        "[a-zäöüß]{1,12}",
        "\\PC{1,8}",
        "x{50,200}",
    ];
    prop::collection::vec((piece, prop_oneof![Just(" "), Just(""), Just("\n"), Just("  ")]), 0..40)
        .prop_map(|parts| parts.into_iter().map(|(p, s)| p + s).collect())
}

/// Cases per property: the default, or `PROPTEST_CASES` for a long run.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(2000)))]

    #[test]
    fn parser_never_panics_and_positions_are_in_the_query(q in texty()) {
        match parse(&q) {
            Ok(_) => {}
            Err(presse_query::QueryError::Malformed { position, .. }) => prop_assert!(position <= q.len()),
            Err(e) => prop_assert!(false, "unexpected error {e:?}"),
        }
    }

    #[test]
    fn searches_never_panic_and_highlight_inside_the_text(q in texty()) {
        // Whatever is typed, a search returns hits or a typed error about the query, and every
        // highlight is a range of its text on char boundaries, in order.
        match searcher().search(&SearchRequest::new(&q)) {
            Ok(r) => {
                for h in &r.hits {
                    for (text, ranges) in
                        [(&h.title, &h.title_highlights), (&h.snippet.text, &h.snippet.highlights)]
                    {
                        let mut last = 0;
                        for &[a, b] in ranges.iter() {
                            prop_assert!(last <= a && a < b && b <= text.len(), "{q:?}: {a}..{b}");
                            prop_assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
                            last = b;
                        }
                    }
                }
            }
            Err(QueryError::Malformed { position, .. }) => prop_assert!(position <= q.len()),
            // Nothing searchable: only punctuation, only stop words.
            Err(QueryError::NoWords) => {}
            Err(e) => prop_assert!(false, "unexpected error {e:?}"),
        }
    }

    #[test]
    fn spelling_rules_give_other_lower_case_words(w in "\\PC{0,16}|[a-z]{1,16}|[а-яёъь]{1,12}") {
        let lower = w.to_lowercase();
        for other in presse_query::translit::german_spellings(&w) {
            prop_assert!(other != lower && !other.is_empty(), "{w:?} → {other:?}");
            prop_assert!(other.chars().all(|c| c.is_ascii_lowercase()), "{w:?} → {other:?}");
        }
        for other in presse_query::orthography::variants(&w) {
            prop_assert!(other != w && other.chars().all(|c| c.is_ascii_lowercase()), "{w:?} → {other:?}");
        }
    }
}
