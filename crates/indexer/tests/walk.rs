//! Files that change under the walk: a file that vanishes or turns unreadable between being
//! found and being read is a warning naming it, and the rest is read.

use presse_indexer::source::{collect_inputs, read_file, Item};

#[test]
fn a_file_vanishing_after_the_walk_is_a_warning_not_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.jsonl"),
        r#"{"url": "u1", "header": "Eins", "article": "Text"}"#,
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.jsonl"),
        r#"{"url": "u2", "header": "Zwei", "article": "Text"}"#,
    )
    .unwrap();
    let (files, problems) = collect_inputs(&[dir.path().to_path_buf()], None, false);
    assert!(problems.is_empty());
    assert_eq!(files.len(), 2);
    std::fs::remove_file(dir.path().join("a.jsonl")).unwrap();
    let mut articles = Vec::new();
    let mut warnings = Vec::new();
    for f in &files {
        read_file(f, &mut |item| match item {
            Item::Article(a) => articles.push(a.id),
            Item::Problem(p) => warnings.push(p.to_string()),
        });
    }
    assert_eq!(articles, ["u2"]);
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].contains("a.jsonl: cannot open"), "{warnings:?}");
}

#[test]
fn a_path_that_turned_into_a_directory_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.json");
    std::fs::write(&path, r#"{"title": "T", "text": "B"}"#).unwrap();
    let (files, _) = collect_inputs(&[dir.path().to_path_buf()], None, false);
    std::fs::remove_file(&path).unwrap();
    std::fs::create_dir(&path).unwrap();
    let mut warnings = Vec::new();
    read_file(&files[0], &mut |item| {
        if let Item::Problem(p) = item {
            warnings.push(p.to_string());
        }
    });
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("c.json"), "{warnings:?}");
}
