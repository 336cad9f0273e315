//! Property tests of the analyser: whatever the text, every token's offsets lie inside it, on
//! char boundaries, positions never decrease, and no token is empty.

use presse_analysis::german_analyzer;
use proptest::prelude::*;
use tantivy::tokenizer::TokenStream;

fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Außenminister".to_string()),
        Just("Gasturbinen-Aufträge".to_string()),
        Just("Test-Pflicht-Regel".to_string()),
        Just("Covid-19".to_string()),
        Just("-".to_string()),
        Just("\u{ad}".to_string()),
        Just("\u{200b}".to_string()),
        Just("İstanbul".to_string()),
        Just("Hotel- und Gaststättengewerbe".to_string()),
        Just("Krankheitskontrolle und -prävention".to_string()),
        Just("Hotel-,".to_string()),
        Just("und".to_string()),
        Just("Künstler*innen".to_string()),
        Just("Schüler:Innen".to_string()),
        Just("Bürger/-in".to_string()),
        Just("erhalten.Als".to_string()),
        Just("Ku’damm".to_string()),
        Just("100.000".to_string()),
        Just("*innen".to_string()),
        "[a-zäöüßA-ZÄÖÜ]{1,30}",
        "\\PC{1,10}",
        "\\p{Cc}{1,3}",
        "[a-z]{70,120}",
    ];
    prop::collection::vec(
        (piece, prop_oneof![Just(" "), Just(""), Just("\n"), Just("-"), Just(". ")]),
        0..60,
    )
    .prop_map(|parts| parts.into_iter().map(|(p, s)| p + s).collect())
}

/// Cases per property: the default, or `PROPTEST_CASES` for a long run.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(3000)))]

    #[test]
    fn offsets_inside_on_boundaries_positions_ordered(t in text()) {
        let mut analyzer = german_analyzer();
        let mut stream = analyzer.token_stream(&t);
        let mut last_position = 0usize;
        while stream.advance() {
            let tok = stream.token();
            prop_assert!(!tok.text.is_empty());
            prop_assert!(tok.offset_from < tok.offset_to && tok.offset_to <= t.len(), "{tok:?}");
            prop_assert!(t.is_char_boundary(tok.offset_from) && t.is_char_boundary(tok.offset_to));
            prop_assert!(tok.position >= last_position, "{tok:?} after {last_position}");
            last_position = tok.position;
        }
    }
}

/// Regression (found by the property test above): a word of only a combining mark folds to
/// nothing and must not become an empty token.
#[test]
fn a_lone_combining_mark_is_no_token() {
    let mut analyzer = german_analyzer();
    let mut stream = analyzer.token_stream("\u{1c24} Lawrow");
    let mut texts = Vec::new();
    while stream.advance() {
        texts.push(stream.token().text.clone());
    }
    assert_eq!(texts, ["lawrow"]);
}
