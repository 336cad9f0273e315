use crate::util::Env;

#[test]
fn no_index_is_a_clear_error() {
    let env = Env::new();
    env.presse()
        .args(["search", "Merkel", "--index"])
        .arg(env.dir.path().join("missing"))
        .assert()
        .code(2)
        .stderr(predicates::str::starts_with("presse: no presse index at "));
}

#[test]
fn malformed_query_shows_the_position() {
    let env = Env::indexed();
    let out = env
        .presse()
        .args(["search", "Merkel \"neue Regeln", "--index"])
        .arg(env.index())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err,
        "presse: malformed query: unclosed quote\n  Merkel \"neue Regeln\n         ^\n"
    );
}

#[test]
fn no_hits_exits_one() {
    let env = Env::indexed();
    let out =
        env.presse().args(["search", "xyzzyqwv", "--index"]).arg(env.index()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stdout).unwrap().starts_with("no hits for \"xyzzyqwv\""));
}

#[test]
fn punctuation_only_query_is_answered_not_dumped() {
    let env = Env::indexed();
    let out = env.presse().args(["search", "?!", "--index"]).arg(env.index()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "presse: the query has no words to search for\n"
    );
}

#[test]
fn unreadable_input_path_is_reported() {
    let env = Env::new();
    env.presse()
        .args(["index", "does-not-exist", "--index"])
        .arg(env.index())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("does-not-exist: cannot read"));
}
