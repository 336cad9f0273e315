use crate::util::{fixtures, Env};

const SEED_TITLE: &str = "Lawrow fordert von USA einen Mechanismus zur Lösung kontroverser Punkte";

fn top_title(env: &Env, query: &str) -> String {
    let v = env.search_json(query, &[]);
    v["hits"][0]["title"].as_str().unwrap_or_default().to_string()
}

#[test]
fn seed_found_by_exact_words_inflection_and_keyboard_spelling() {
    let env = Env::indexed();
    for query in [
        "Lawrow Cybersicherheit",
        "Präsidentschaftswahl",
        "Aussenminister Lawrow",
        "Lawrow Aussenminister",
    ] {
        assert_eq!(top_title(&env, query), SEED_TITLE, "query {query:?}");
    }
    // `Aussenminister` alone: every hit has Außenminister (or its compound) in its text.
    let v = env.search_json("Aussenminister", &[]);
    let titles: Vec<&str> =
        v["hits"].as_array().unwrap().iter().map(|h| h["title"].as_str().unwrap()).collect();
    assert!(titles.contains(&SEED_TITLE), "{titles:?}");
}

#[test]
fn terminal_output_lists_rank_title_source_and_snippet() {
    let env = Env::indexed();
    let out = env
        .presse()
        .args(["search", "Lawrow Cybersicherheit", "--index"])
        .arg(env.index())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with(&format!(" 1. {SEED_TITLE}\n")), "{text}");
    assert!(text.contains("russland.news · "), "{text}");
    assert!(text.contains("Cybersicherheit"), "{text}");
    assert!(!text.contains('\x1b'), "no colour when stdout is not a terminal");
    let out = env
        .presse()
        .args(["search", "Lawrow", "--color", "always", "--index"])
        .arg(env.index())
        .output()
        .unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().contains("\x1b[1;31mLawrow\x1b[0m"));
}

#[test]
fn show_prints_the_whole_article() {
    let env = Env::indexed();
    let id = fixtures().join("articles/seed.txt").canonicalize().unwrap();
    let out = env.presse().arg("show").arg(&id).arg("--index").arg(env.index()).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with(SEED_TITLE));
    assert!(text.contains("caption: Lawrow 181105 bild © facebook mid.ru"));
    assert!(text.contains("author: hrsg"));
    assert!(text.contains("abgebrochen wurde, erwartet."));
    let out = env
        .presse()
        .arg("show")
        .arg(&id)
        .arg("--json")
        .arg("--index")
        .arg(env.index())
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["source"], "russland.news");
    assert_eq!(v["lead"].as_str().unwrap().split(' ').nth(2), Some("Außenminister"));
}

#[test]
fn joined_and_hyphenated_forms_find_each_other() {
    let env = Env::indexed();
    let test_pflicht =
        "https://www.journalistenwatch.com/2020/07/25/lauterbach-steuerzahler-urlaubs/";
    let testpflicht = "https://www.zeit.de/entdecken/reisen/2020-08/corona-tests-pflicht-jens-spahn-rueckkehrer-risikogebiete";
    let ids = env.hit_ids("Testpflicht");
    assert!(ids.contains(&test_pflicht.to_string()), "{ids:?}");
    assert!(ids.contains(&testpflicht.to_string()), "{ids:?}");
    let ids = env.hit_ids("Test-Pflicht");
    assert!(
        ids.contains(&test_pflicht.to_string()) && ids.contains(&testpflicht.to_string()),
        "{ids:?}"
    );
}

#[test]
fn duplicates_and_facets_on_the_terminal() {
    let env = Env::indexed();
    let out = env
        .presse()
        .args(["search", "Bhakdi", "--facets", "--index"])
        .arg(env.index())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("    also in: compact-online.de\n"), "{text}");
    assert!(text.contains(" sources: compact-online.de 2\n"), "{text}");
    assert!(text.contains("  months: 2020-07 1 · 2020-08 1\n"), "{text}");
}

#[test]
fn stats_on_the_terminal() {
    let env = Env::indexed();
    let out = env.presse().args(["stats", "--index"]).arg(env.index()).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("articles:  30\n"), "{text}");
    assert!(text.contains("dates:     2020-03-27 to 2021-03-18 (5 undated)\n"), "{text}");
}

#[test]
fn a_query_may_begin_with_an_excluded_word() {
    // `-Lawrow …` is a query, not an unknown option.
    let env = Env::indexed();
    let all = env.search_json("Aussenminister", &[]);
    let v = env.search_json("-Lawrow Aussenminister", &[]);
    let titles: Vec<&str> =
        v["hits"].as_array().unwrap().iter().map(|h| h["title"].as_str().unwrap()).collect();
    assert!(!titles.contains(&SEED_TITLE), "{titles:?}");
    assert_eq!(v["total_hits"].as_u64().unwrap() + 1, all["total_hits"].as_u64().unwrap());
}
