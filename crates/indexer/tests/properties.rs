//! Property tests of the parsers: any text, any JSON value, never a panic.

use presse_indexer::source::{json::map_value, text::parse_txt};
use proptest::prelude::*;

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(|f| serde_json::json!(f)),
        "\\PC{0,40}".prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        let keys = prop_oneof![
            Just("title".to_string()),
            Just("header".to_string()),
            Just("article".to_string()),
            Just("authors".to_string()),
            Just("date".to_string()),
            Just("url".to_string()),
            "[a-z]{1,8}",
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::from),
            prop::collection::btree_map(keys, inner, 0..6)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Cases per property: the default, or `PROPTEST_CASES` for a long run.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(2000)))]

    #[test]
    fn txt_parser_never_panics(t in "(\\PC|\\n|\\r){0,400}") {
        if let Some(a) = parse_txt(&t, "p.txt") {
            prop_assert!(!a.title.is_empty() || !a.body.is_empty());
        }
    }

    #[test]
    fn json_mapping_never_panics(v in json_value()) {
        if let Ok(m) = map_value(&v, "p.jsonl:1", "p.jsonl:1".into()) {
            let a = m.article.expect("an Ok mapping has an article");
            prop_assert!(!a.title.is_empty() || !a.body.is_empty());
            prop_assert!(!a.title.contains('\n'));
        }
    }
}
