use crate::util::Env;

#[test]
fn json_document_has_every_field() {
    let env = Env::indexed();
    let v = env.search_json("Lawrow Aussenminister", &["--limit", "3"]);
    assert_eq!(v["query"], "Lawrow Aussenminister");
    assert!(v["total_hits"].as_u64().unwrap() >= 1);
    assert!(v["took_ms"].as_f64().unwrap() >= 0.0);
    let hit = &v["hits"][0];
    assert_eq!(hit["rank"], 1);
    assert!(hit["score"].as_f64().unwrap() > 0.0);
    assert!(hit["id"].as_str().unwrap().ends_with("seed.txt"));
    assert_eq!(hit["path"], hit["id"]);
    assert_eq!(hit["url"], serde_json::Value::Null);
    assert_eq!(hit["source"], "russland.news");
    assert_eq!(hit["title_highlights"], serde_json::json!([[0, 6]]));
    let snippet = hit["snippet"]["text"].as_str().unwrap();
    let marked: Vec<&str> = hit["snippet"]["highlights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &snippet[r[0].as_u64().unwrap() as usize..r[1].as_u64().unwrap() as usize])
        .collect();
    assert!(!marked.is_empty());
    for m in &marked {
        // `Minister` alone is a part of the query compound `Aussenminister`.
        assert!(
            ["Lawrow", "Außenminister", "Minister"].contains(m),
            "highlight {m:?} in {snippet}"
        );
    }
    assert!(marked.contains(&"Außenminister"), "{marked:?}");
}

#[test]
fn json_dates_are_rfc3339_utc() {
    let env = Env::indexed();
    let v = env.search_json("Tokio Analabstrich", &["--limit", "1"]);
    let hit = &v["hits"][0];
    assert_eq!(hit["url"], "https://de.rt.com/asien/113815-tokio-bittet-china-analabstrich-tests/");
    let date = hit["date"].as_str().unwrap();
    assert!(date.ends_with('Z') && date.len() == 20, "{date}");
}

#[test]
fn batch_answers_every_line_in_order() {
    let env = Env::indexed();
    let queries = "Lawrow Cybersicherheit\nxyzzyqwv\n\"unbalanced\nTestpflicht\n";
    let out = env
        .presse()
        .args(["search", "--batch", "-", "--json", "--limit", "2", "--index"])
        .arg(env.index())
        .write_stdin(queries)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["query"], "Lawrow Cybersicherheit");
    assert!(lines[0]["hits"][0]["id"].as_str().unwrap().ends_with("seed.txt"));
    assert_eq!(lines[1]["total_hits"], 0);
    assert!(lines[2]["error"].as_str().unwrap().contains("unclosed quote"));
    assert_eq!(lines[3]["query"], "Testpflicht");
    assert!(lines[3]["hits"].as_array().unwrap().len() <= 2);
}

#[test]
fn facets_and_duplicates_in_json() {
    let env = Env::indexed();
    let v = env.search_json("Nawalny", &["--facets", "--limit", "1"]);
    assert_eq!(
        v["facets"]["sources"][0],
        serde_json::json!({"value": "tagesspiegel.de", "count": 2})
    );
    assert_eq!(v["facets"]["months"].as_array().unwrap().len(), 3);
    assert!(env.search_json("Nawalny", &[])["facets"].is_null());
    let v = env.search_json("Bhakdi", &[]);
    assert_eq!(v["hits"].as_array().unwrap().len(), 1);
    assert_eq!(v["hits"][0]["also_in"][0]["source"], "compact-online.de");
    let v = env.search_json("Bhakdi", &["--no-collapse"]);
    assert_eq!(v["hits"].as_array().unwrap().len(), 2);
}

#[test]
fn stats_as_json() {
    let env = Env::indexed();
    let out = env.presse().args(["stats", "--json", "--index"]).arg(env.index()).output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["articles"], 30);
    assert_eq!(v["format"], 2);
    assert_eq!(v["sources"].as_array().unwrap().len(), 14);
}
