use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{holds, Env};

/// 20 JSON-lines files of 1,500 articles each, every one with its own url.
fn big_input(env: &Env) -> std::path::PathBuf {
    let dir = env.dir.path().join("big");
    std::fs::create_dir(&dir).unwrap();
    for f in 0..20 {
        let lines: Vec<String> = (0..1500)
            .map(|i| {
                serde_json::json!({
                    "url": format!("https://example.invalid/{f}/{i}"),
                    "header": format!("Meldung {i} aus Stapel {f}"),
                    "article": "Der Impfstoff wurde in die Landkreise geliefert. ".repeat(20),
                })
                .to_string()
            })
            .collect();
        std::fs::write(dir.join(format!("{f:02}.jsonl")), lines.join("\n")).unwrap();
    }
    dir
}

fn spawn_index(env: &Env, input: &std::path::Path) -> Child {
    Command::new(assert_cmd::cargo::cargo_bin("presse"))
        .args(["index", "--commit-every", "1000", "--index"])
        .arg(env.index())
        .arg(input)
        .env_remove("PRESSE_INDEX")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Articles in the index, once it has a commit with some.
fn committed(env: &Env) -> Option<u64> {
    let out = env.presse().args(["stats", "--json", "--index"]).arg(env.index()).output().ok()?;
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).ok()?;
    v["articles"].as_u64().filter(|&n| n > 0)
}

fn wait_for_a_commit(env: &Env, child: &mut Child) -> bool {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(60) {
        if committed(env).is_some() {
            return true;
        }
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}

fn index_count(env: &Env, input: &std::path::Path) -> u64 {
    holds(env.index_ok(input).as_bytes())
}

#[test]
fn killed_mid_run_the_index_opens_and_the_rerun_completes() {
    let env = Env::new();
    let input = big_input(&env);
    let mut child = spawn_index(&env, &input);
    let mid_run = wait_for_a_commit(&env, &mut child);
    eprintln!("killed mid-run: {mid_run}");
    let _ = child.kill(); // SIGKILL
    let _ = child.wait();
    if mid_run {
        // The last commit is there and searchable.
        let n = committed(&env).unwrap();
        assert!(n <= 30_000, "{n}");
        let out = env
            .presse()
            .args(["search", "Impfstoff", "--json", "--index"])
            .arg(env.index())
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["total_hits"].as_u64(), Some(n));
    }
    // The next run completes the work: nothing doubled, nothing missing.
    assert_eq!(index_count(&env, &input), 30_000);
}

#[test]
fn ctrl_c_commits_what_was_read_and_exits_130() {
    let env = Env::new();
    let input = big_input(&env);
    let mut child = spawn_index(&env, &input);
    if !wait_for_a_commit(&env, &mut child) {
        // Finished before we could interrupt it (a very fast machine): nothing to check.
        let _ = child.wait();
        return;
    }
    Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    eprintln!("after SIGINT: exit {:?}", out.status.code());
    if out.status.code() == Some(130) {
        assert!(stderr.contains("interrupted; what was read is committed"), "{stderr}");
        let n = committed(&env).unwrap();
        assert!(n > 0 && n <= 30_000);
        // It stops at once: the vocabulary is left to the run that completes the index.
        let vocabulary = std::fs::read_dir(env.index())
            .unwrap()
            .any(|e| e.unwrap().file_name().to_string_lossy().starts_with("vocabulary-"));
        assert!(!vocabulary, "no vocabulary after an interrupted run");
    } else {
        assert_eq!(out.status.code(), Some(0), "finished just before the signal: {stderr}");
    }
    assert_eq!(index_count(&env, &input), 30_000);
}

#[test]
fn a_second_writer_is_told_who_holds_the_index() {
    let env = Env::new();
    let input = big_input(&env);
    let mut child = spawn_index(&env, &input);
    let start = Instant::now();
    // Wait until the first writer holds the lock (its pid file is written right after).
    while !env.index().join("presse-writer.pid").exists()
        && start.elapsed() < Duration::from_secs(30)
    {
        std::thread::sleep(Duration::from_millis(10));
    }
    let out = env.index_cmd(&input).output().unwrap();
    let still_running = child.try_wait().unwrap().is_none();
    let _ = child.kill();
    let _ = child.wait();
    if still_running {
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("is being written by another presse process (pid "), "{err}");
    }
}
