//! Test harness: a temp dir, the presse command, fixture paths.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The workspace's fixtures directory.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

/// A temporary directory with an index path inside.
pub struct Env {
    pub dir: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env { dir: tempfile::tempdir().unwrap() }
    }

    pub fn index(&self) -> PathBuf {
        self.dir.path().join("index")
    }

    /// `presse ARGS` with PRESSE_INDEX and NO_COLOR unset.
    pub fn presse(&self) -> Command {
        let mut cmd = Command::cargo_bin("presse").unwrap();
        cmd.env_remove("PRESSE_INDEX").env_remove("NO_COLOR").current_dir(self.dir.path());
        cmd
    }

    /// `presse index INPUT --index <this env's index>`, to add options to and run.
    pub fn index_cmd(&self, input: &Path) -> Command {
        let mut cmd = self.presse();
        cmd.arg("index").arg(input).arg("--index").arg(self.index());
        cmd
    }

    /// An index of fixtures/articles.
    pub fn indexed() -> Env {
        let env = Env::new();
        env.index_cmd(&fixtures().join("articles")).assert().success();
        env
    }

    /// `presse search QUERY --json` parsed.
    pub fn search_json(&self, query: &str, extra: &[&str]) -> serde_json::Value {
        let out = self
            .presse()
            .args(["search", query, "--json", "--index"])
            .arg(self.index())
            .args(extra)
            .output()
            .unwrap();
        assert!(out.status.code() == Some(0) || out.status.code() == Some(1), "{out:?}");
        serde_json::from_slice(&out.stdout).unwrap()
    }

    /// The urls (or paths) of the hits, in order.
    pub fn hit_ids(&self, query: &str) -> Vec<String> {
        let v = self.search_json(query, &[]);
        v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["id"].as_str().unwrap().to_string())
            .collect()
    }
}

/// The fixture manifest.
pub fn manifest() -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(fixtures().join("MANIFEST.json")).unwrap())
        .unwrap()
}

/// The article count of an index summary (`… holds N articles`).
pub fn holds(stdout: &[u8]) -> u64 {
    let s = String::from_utf8_lossy(stdout);
    let after = s.split(" holds ").nth(1).unwrap_or_else(|| panic!("no summary in {s}"));
    after.split_whitespace().next().unwrap().parse().unwrap()
}

impl Env {
    /// `presse index INPUT` into this env's index; must succeed; returns stdout.
    pub fn index_ok(&self, input: &Path) -> String {
        let out = self.index_cmd(input).output().unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    }
}
