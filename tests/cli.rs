//! The command line as users meet it: exit statuses, `--deny unverified`, `factcheck.toml`,
//! directories of articles, ignore comments, every report format, and colour only on request.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn project() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factcheck"))
        .args(args)
        .current_dir(dir)
        .env_remove("CLICOLOR_FORCE")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A directory with the project's rules and the given articles.
fn workspace(articles: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules");
    std::fs::create_dir_all(&rules).unwrap();
    for entry in std::fs::read_dir(project().join("rules")).unwrap() {
        let p = entry.unwrap().path();
        std::fs::copy(&p, rules.join(p.file_name().unwrap())).unwrap();
    }
    for (name, text) in articles {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

const CORRECT: &str = "Former Defense Minister Yoav Gallant spoke on Thursday.\n";
const STALE: &str = "Israeli Defense Minister Yoav Gallant spoke on Thursday.\n";
const UNKNOWN: &str = "Dutch Foreign Minister Caspar Veldkamp spoke on Thursday.\n";

#[test]
fn exit_status_follows_the_verdicts() {
    let dir = workspace(&[("ok.txt", CORRECT), ("stale.txt", STALE), ("unknown.txt", UNKNOWN)]);
    let d = ["--date", "2024-11-21"];
    assert_eq!(
        run(dir.path(), &[&["check", "ok.txt"][..], &d].concat()).status.code(),
        Some(0)
    );
    assert_eq!(
        run(dir.path(), &[&["check", "stale.txt"][..], &d].concat())
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        run(dir.path(), &[&["check", "unknown.txt"][..], &d].concat())
            .status
            .code(),
        Some(0)
    );
    let denied = run(
        dir.path(),
        &[&["check", "unknown.txt", "--deny", "unverified"][..], &d].concat(),
    );
    assert_eq!(denied.status.code(), Some(1));
    let missing = run(dir.path(), &["check", "nope.txt"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("nope.txt"), "{}", stderr(&missing));
    let bad_flag = run(dir.path(), &["check", "ok.txt", "--format", "xml"]);
    assert_eq!(bad_flag.status.code(), Some(2));
    let bad_date = run(dir.path(), &["check", "ok.txt", "--date", "21/11/2024"]);
    assert_eq!(bad_date.status.code(), Some(2));
    assert!(
        stderr(&bad_date).contains("invalid --date `21/11/2024`"),
        "{}",
        stderr(&bad_date)
    );
}

#[test]
fn configuration_sets_rules_format_and_deny_and_flags_override_it() {
    let dir = workspace(&[("news/unknown.txt", UNKNOWN)]);
    std::fs::rename(dir.path().join("rules"), dir.path().join("kb")).unwrap();
    std::fs::write(
        dir.path().join("factcheck.toml"),
        "rules = [\"kb\"]\nformat = \"json\"\ndeny = [\"unverified\"]\n",
    )
    .unwrap();
    let nested = dir.path().join("news");
    let out = run(&nested, &["check", "unknown.txt", "--date", "2024-11-21"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["articles"][0]["summary"]["unverified"], 2);
    let text = run(
        &nested,
        &["check", "unknown.txt", "--date", "2024-11-21", "--format", "text"],
    );
    assert!(
        stdout(&text).contains("unknown.txt: 2 claims: 0 pass, 0 fail, 2 unverified"),
        "{}",
        stdout(&text)
    );
}

#[test]
fn directories_are_read_in_path_order_and_jobs_do_not_change_the_report() {
    let dir = workspace(&[
        ("a/2.md", STALE),
        ("a/1.txt", CORRECT),
        ("a/skip.json", "{}"),
        ("a/b/3.txt", UNKNOWN),
    ]);
    let one = run(
        dir.path(),
        &["check", "a", "--date", "2024-11-21", "--format", "jsonl", "--jobs", "1"],
    );
    let two = run(
        dir.path(),
        &["check", "a", "--date", "2024-11-21", "--format", "jsonl", "--jobs", "2"],
    );
    assert_eq!(one.stdout, two.stdout);
    let paths: Vec<String> = stdout(&one)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["path"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(paths, ["a/1.txt", "a/2.md", "a/b/3.txt"]);
}

#[test]
fn ignore_comments_suppress_a_paragraph_and_unused_ones_are_reported() {
    let text = "Intro.\n\n<!-- factcheck: ignore -->\nIsraeli Defense Minister Yoav Gallant spoke.\n\n<!-- factcheck: ignore -->\nNothing to see here.\n";
    let dir = workspace(&[("a.md", text)]);
    let out = run(
        dir.path(),
        &["check", "a.md", "--date", "2024-11-21", "--format", "json"],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "the ignored stale title does not fail the run"
    );
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let article = &r["articles"][0];
    assert_eq!(article["claims"][0]["verdict"], "ignored");
    assert_eq!(article["claims"][0]["ignored"], true);
    assert_eq!(article["summary"]["ignored"], 1);
    let notices = article["notices"].as_array().unwrap();
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0]["code"], "unused-ignore");
    assert_eq!(notices[0]["line"], 6);
}

#[test]
fn every_format_renders_and_text_has_no_colour_when_piped() {
    let dir = workspace(&[("stale.txt", STALE)]);
    for format in ["text", "json", "jsonl", "markdown", "sarif", "junit"] {
        let out = run(
            dir.path(),
            &["check", "stale.txt", "--date", "2024-11-21", "--format", format],
        );
        assert_eq!(out.status.code(), Some(1), "{format}: {}", stderr(&out));
        assert!(!out.stdout.is_empty(), "{format}");
        assert!(!out.stdout.contains(&0x1b), "{format}: escape codes in piped output");
    }
    let forced = Command::new(env!("CARGO_BIN_EXE_factcheck"))
        .args(["check", "stale.txt", "--date", "2024-11-21"])
        .current_dir(dir.path())
        // NO_COLOR outranks CLICOLOR_FORCE, and CI machines often set it.
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env("CLICOLOR_FORCE", "1")
        .output()
        .unwrap();
    assert!(forced.stdout.contains(&0x1b), "CLICOLOR_FORCE asks for colour");
}

#[test]
fn extract_lists_claims_without_verdicts() {
    let dir = workspace(&[("stale.txt", STALE)]);
    let out = run(
        dir.path(),
        &["extract", "stale.txt", "--date", "2024-11-21", "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(0));
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let claims = r["articles"][0]["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 2);
    assert!(claims.iter().all(|c| c.get("verdict").is_none()));
    assert_eq!(
        claims[0]["span"],
        serde_json::json!({"start": 0, "end": 37, "line": 1, "column": 1})
    );
    let text = run(dir.path(), &["extract", "stale.txt", "--date", "2024-11-21"]);
    assert!(
        stdout(&text).contains("stale.txt:1:1: role        Israeli Defense Minister Yoav Gallant"),
        "{}",
        stdout(&text)
    );
}

#[test]
fn fmt_check_names_the_files_that_would_change() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.fc"), "person   \"A\"   {aka \"B\"}\n").unwrap();
    std::fs::write(dir.path().join("b.fc"), "person \"C\"\n").unwrap();
    let out = run(dir.path(), &["fmt", "--check", "."]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "would reformat ./a.fc\n");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.fc")).unwrap(),
        "person   \"A\"   {aka \"B\"}\n"
    );
    let out = run(dir.path(), &["fmt", "."]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.fc")).unwrap(),
        "person \"A\" {\n    aka \"B\"\n}\n"
    );
    assert_eq!(run(dir.path(), &["fmt", "--check", "."]).status.code(), Some(0));
}
