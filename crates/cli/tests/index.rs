use crate::util::{fixtures, holds, manifest, Env};

#[test]
fn indexes_every_fixture_article_once() {
    let env = Env::new();
    let out = env.index_cmd(&fixtures().join("articles")).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    let expected = manifest()["distinct_articles"].as_u64().unwrap();
    assert_eq!(holds(&out.stdout), expected, "duplicate url replaced, not doubled");
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(summary.contains("from 10 files"), "{summary}");
    assert!(summary.contains("MB/s"), "{summary}");
    assert!(
        out.stderr.is_empty() || !String::from_utf8_lossy(&out.stderr).contains("warning"),
        "{out:?}"
    );
}

#[test]
fn reindexing_replaces_articles() {
    let env = Env::indexed();
    let out = env.index_cmd(&fixtures().join("articles")).output().unwrap();
    assert!(out.status.success());
    assert_eq!(holds(&out.stdout), manifest()["distinct_articles"].as_u64().unwrap());
    // A single file again, given by a relative path from elsewhere: same ids.
    let out = env.index_cmd(&fixtures().join("articles/seed.txt")).output().unwrap();
    assert_eq!(holds(&out.stdout), manifest()["distinct_articles"].as_u64().unwrap());
}

#[test]
fn index_dir_defaults_to_env_then_presse_index() {
    let env = Env::new();
    env.presse().arg("index").arg(fixtures().join("articles/seed.txt")).assert().success();
    assert!(env.dir.path().join("presse-index/presse.json").exists());
    let custom = env.dir.path().join("custom");
    env.presse()
        .env("PRESSE_INDEX", &custom)
        .arg("index")
        .arg(fixtures().join("articles/seed.txt"))
        .assert()
        .success();
    assert!(custom.join("presse.json").exists());
}

#[test]
fn broken_files_are_reported_and_the_rest_indexed() {
    let env = Env::new();
    let out = env.index_cmd(&fixtures().join("broken")).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    for expected in [
        "bad-line.jsonl:2: JSON syntax error",
        "empty.json: empty file",
        "binary.txt: binary file",
        "truncated.jsonl.gz:1: corrupt or truncated gzip",
        "latin1.txt: not UTF-8; read as Windows-1252",
        "no-text.json: no title and no text",
        "wrong-type.jsonl:1: field `header` is a number",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    for line in err.lines() {
        assert!(
            line.starts_with("presse: warning: ") || line.starts_with("presse: note: "),
            "{line}"
        );
    }
    // Sorted by file (and line), whatever order the parallel readers finished in.
    let files: Vec<&str> =
        err.lines().map(|l| l.split(": ").nth(2).unwrap().split(':').next().unwrap()).collect();
    assert!(files.windows(2).all(|w| w[0] <= w[1]), "{files:?}");
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(summary.contains("skipped"), "{summary}");
    // bad-line.jsonl lines 1 and 3, latin1.txt, both wrong-type.jsonl lines.
    assert_eq!(holds(&out.stdout), 5, "{summary}");
    // The Latin-1 article is searchable with its umlauts decoded.
    let v = env.search_json("Weßling überschritten", &[]);
    assert_eq!(v["hits"][0]["title"], "Corona-Warnwert weiter überschritten");
}

#[test]
fn strict_turns_skips_into_failure() {
    let env = Env::new();
    env.index_cmd(&fixtures().join("broken"))
        .arg("--strict")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("skipped (--strict)"));
}

#[test]
fn nothing_indexable_is_an_error() {
    let env = Env::new();
    env.index_cmd(&fixtures().join("broken/empty.json"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("nothing indexed"));
}

#[test]
fn urls_in_two_files_indexed_in_parallel_stay_single() {
    // The same urls in two files read by two threads at once: each article once. (The replace
    // is one operation group in the writer; separate delete and add calls could interleave.)
    let env = Env::new();
    let inputs = env.dir.path().join("inputs");
    std::fs::create_dir(&inputs).unwrap();
    for name in ["a", "b"] {
        let lines: Vec<String> = (0..3000)
            .map(|j| format!(r#"{{"url": "https://example.invalid/{j}", "header": "Kopie {name}", "article": "Text {j}"}}"#))
            .collect();
        std::fs::write(inputs.join(format!("{name}.jsonl")), lines.join("\n")).unwrap();
    }
    let out = env.index_cmd(&inputs).output().unwrap();
    assert_eq!(holds(&out.stdout), 3000, "{out:?}");
}

/// A copy of fixtures/articles in the test's temp dir, to change files in.
fn copy_of_fixtures(env: &Env) -> std::path::PathBuf {
    let dst = env.dir.path().join("articles");
    let src = fixtures().join("articles");
    for entry in walk(&src) {
        let rel = entry.strip_prefix(&src).unwrap();
        let to = dst.join(rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&entry, &to).unwrap();
    }
    dst
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        if e.file_type().unwrap().is_dir() {
            out.extend(walk(&e.path()));
        } else {
            out.push(e.path());
        }
    }
    out
}

#[test]
fn incremental_runs_read_only_what_changed() {
    let env = Env::new();
    let dir = copy_of_fixtures(&env);
    let first = env.index_ok(&dir);
    assert!(first.contains("from 10 files"), "{first}");
    let meta = env.index().join("meta.json");
    let committed = std::fs::read_to_string(&meta).unwrap();
    // Unchanged: nothing read, nothing committed.
    let again = env.index_ok(&dir);
    assert!(again.contains("indexed 0 articles from 0 files"), "{again}");
    assert!(again.contains("10 files unchanged"), "{again}");
    assert!(again.contains("holds 30 articles"), "{again}");
    assert_eq!(std::fs::read_to_string(&meta).unwrap(), committed, "no commit for a no-op run");
    // One file changes: only it is read; its new article is added.
    std::thread::sleep(std::time::Duration::from_millis(20));
    let single = dir.join("single.json");
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&single).unwrap()).unwrap();
    v["link"] = "https://example.invalid/neu".into();
    std::fs::write(
        &single,
        serde_json::to_string(&vec![v.clone(), {
            let mut w = v.clone();
            w["link"] = "https://example.invalid/neu-2".into();
            w
        }])
        .unwrap(),
    )
    .unwrap();
    let changed = env.index_ok(&dir);
    assert!(changed.contains("from 1 files"), "{changed}");
    // single.json's old url is gone, two new ones are in: 30 - 1 + 2.
    assert!(changed.contains("holds 31 articles"), "{changed}");
    // A file removed: its articles go.
    std::fs::remove_file(dir.join("txt/zeit-impfstoff.txt")).unwrap();
    let removed = env.index_ok(&dir);
    assert!(removed.contains("1 files gone"), "{removed}");
    assert!(removed.contains("holds 30 articles"), "{removed}");
    let v = env.search_json("\"Janssen\"", &[]);
    assert_eq!(v["total_hits"], 0, "the removed file's article is no longer found");
}

/// The vocabulary files in an index directory.
fn vocabularies(env: &Env) -> Vec<String> {
    std::fs::read_dir(env.index())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("vocabulary-") && n.ends_with(".fst"))
        .collect()
}

#[test]
fn every_run_leaves_one_vocabulary_of_the_segments_it_committed() {
    let env = Env::new();
    let stats = |env: &Env| -> serde_json::Value {
        let out = env.presse().args(["stats", "--json", "--index"]).arg(env.index()).output();
        serde_json::from_slice(&out.unwrap().stdout).unwrap()
    };
    env.index_cmd(&fixtures().join("articles/seed.txt")).assert().success();
    let first = vocabularies(&env);
    assert_eq!(first.len(), 1, "{first:?}");
    let s = stats(&env);
    assert!(s["vocabulary_terms"].as_u64().is_some_and(|n| n > 50), "{s}");
    // Nothing new: the vocabulary stays.
    env.index_cmd(&fixtures().join("articles/seed.txt")).assert().success();
    assert_eq!(vocabularies(&env), first);
    // New articles, a new segment: a new vocabulary replaces the old one.
    env.index_cmd(&fixtures().join("articles/txt")).assert().success();
    let second = vocabularies(&env);
    assert_eq!(second.len(), 1, "{second:?}");
    assert_ne!(second, first);
    let s = stats(&env);
    assert!(s["vocabulary_terms"].as_u64().is_some(), "{s}");
    assert!(s["segments"].as_u64().is_some_and(|n| n >= 1), "{s}");
    // A vocabulary that is gone changes nothing but speed: stats say so.
    std::fs::remove_file(env.index().join(&second[0])).unwrap();
    let out = env.presse().args(["stats", "--index"]).arg(env.index()).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("(no vocabulary: typo search walks each segment"), "{text}");
    env.presse().args(["search", "Lawrov", "--index"]).arg(env.index()).assert().success();
}
