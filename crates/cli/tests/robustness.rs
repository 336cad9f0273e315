use crate::util::{fixtures, Env};

#[test]
fn disk_full_is_a_clear_error_and_the_last_commit_stays() {
    let env = Env::new();
    let mnt = env.dir.path().join("tiny");
    std::fs::create_dir(&mnt).unwrap();
    // A 3 MiB tmpfs; where mounting is not allowed, there is nothing to test here.
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=3m", "tmpfs"])
        .arg(&mnt)
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("disk-full test skipped: cannot mount a tmpfs here");
        return;
    }
    let index = mnt.join("index");
    let run = |input: &std::path::Path| {
        env.presse().arg("index").arg(input).arg("--index").arg(&index).output().unwrap()
    };
    assert!(run(&fixtures().join("articles")).status.success());
    // 3,000 articles of 300 distinct words each (900,000 terms) do not fit in what is left.
    let big = env.dir.path().join("big.jsonl");
    let lines: Vec<String> = (0..3000)
        .map(|i| {
            let text: Vec<String> = (0..300).map(|j| format!("w{i}x{j}q")).collect();
            serde_json::json!({"url": format!("u{i}"), "header": "Titel", "article": text.join(" ")}).to_string()
        })
        .collect();
    std::fs::write(&big, lines.join("\n")).unwrap();
    let out = run(&big);
    let stats = env.presse().args(["stats", "--json", "--index"]).arg(&index).output().unwrap();
    let _ = std::process::Command::new("umount").arg(&mnt).status();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("is full; the index keeps its last commit (30 articles)"), "{err}");
    let v: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
    assert_eq!(v["articles"], 30, "the last commit opens and searches");
}

#[test]
fn the_index_inside_an_input_tree_is_not_read() {
    let env = Env::new();
    let input = env.dir.path().join("archive");
    std::fs::create_dir(&input).unwrap();
    std::fs::copy(fixtures().join("articles/single.json"), input.join("single.json")).unwrap();
    let index = input.join("presse-index");
    for _ in 0..2 {
        let out = env
            .presse()
            .arg("index")
            .arg("--full")
            .arg(&input)
            .arg("--index")
            .arg(&index)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        let text = String::from_utf8_lossy(&out.stdout);
        // meta.json and presse.json of the index would be JSON "articles" if they were read.
        assert!(text.contains("from 1 files"), "{text}");
        assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    }
}

#[test]
fn symbolic_links_are_not_followed_unless_asked_and_loops_are_reported() {
    let env = Env::new();
    let input = env.dir.path().join("archive");
    std::fs::create_dir_all(input.join("sub")).unwrap();
    std::fs::copy(fixtures().join("articles/single.json"), input.join("sub/single.json")).unwrap();
    std::os::unix::fs::symlink(&input, input.join("sub/loop")).unwrap();
    let outside = env.dir.path().join("outside");
    std::fs::create_dir(&outside).unwrap();
    std::fs::copy(fixtures().join("articles/array.json"), outside.join("array.json")).unwrap();
    std::os::unix::fs::symlink(&outside, input.join("elsewhere")).unwrap();
    let run = |follow: bool| {
        let mut cmd = env.presse();
        cmd.arg("index").arg("--full").arg(&input).arg("--index").arg(env.dir.path().join("index"));
        if follow {
            cmd.arg("--follow");
        }
        cmd.output().unwrap()
    };
    let plain = run(false);
    assert!(String::from_utf8_lossy(&plain.stdout).contains("from 1 files"), "{plain:?}");
    let followed = run(true);
    let err = String::from_utf8_lossy(&followed.stderr);
    assert!(err.contains("symbolic link loop"), "{err}");
    assert!(String::from_utf8_lossy(&followed.stdout).contains("from 2 files"), "{followed:?}");
}

#[test]
fn a_50_mb_line_is_survived() {
    let env = Env::new();
    let input = env.dir.path().join("huge.jsonl");
    let huge = "a".repeat(50 << 20);
    let lines = [
        serde_json::json!({"url": "u1", "header": "Riesig", "article": huge}).to_string(),
        serde_json::json!({"url": "u2", "header": "Normal", "article": "Ein normaler Text."})
            .to_string(),
    ];
    std::fs::write(&input, lines.join("\n")).unwrap();
    let out = env.index_cmd(&input).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("holds 2 articles"));
    assert_eq!(env.search_json("normaler", &[])["total_hits"], 1);
}

#[test]
fn pathological_queries_are_answered_quickly() {
    let env = Env::indexed();
    let words = "Impfstoff Lawrow ".repeat(500);
    let cases = [
        ("x".repeat(10_000), 2),
        (words.trim().to_string(), 2),
        ("(".repeat(100) + "a" + &")".repeat(100), 2),
        ("\u{1F600} \u{7} Lawrow".to_string(), 0),
        ("\"Lawrow".to_string(), 2),
    ];
    for (query, code) in cases {
        let start = std::time::Instant::now();
        let out = env
            .presse()
            .arg("search")
            .arg(&query)
            .arg("--index")
            .arg(env.index())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(code), "{}: {out:?}", &query[..query.len().min(40)]);
        assert!(start.elapsed() < std::time::Duration::from_secs(20), "bounded time");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.lines().count() <= 3 && err.len() < 400 && !err.contains("panicked"), "{err}");
    }
}
