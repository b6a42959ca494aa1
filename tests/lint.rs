//! `factcheck lint` on a folder of bad rule files, one per class of error: every diagnostic is
//! located (`file:line:column`, the line, a caret) and says what was expected. The rendered
//! diagnostics and the exit status are snapshot-tested.

use std::path::PathBuf;
use std::process::Command;

use insta_cmd::assert_cmd_snapshot;

fn lint(path: &str) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_factcheck"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .args(["lint", &format!("tests/fixtures/bad-rules/{path}")]);
    cmd
}

#[test]
fn syntax() {
    assert_cmd_snapshot!(lint("syntax.fc"));
}

#[test]
fn bad_date() {
    assert_cmd_snapshot!(lint("bad-date.fc"));
}

#[test]
fn unknown_reference() {
    assert_cmd_snapshot!(lint("unknown-reference.fc"));
}

#[test]
fn overlap() {
    assert_cmd_snapshot!(lint("overlap.fc"));
}

#[test]
fn end_before_start() {
    assert_cmd_snapshot!(lint("end-before-start.fc"));
}

#[test]
fn ambiguous_alias() {
    assert_cmd_snapshot!(lint("ambiguous-alias.fc"));
}

#[test]
fn include_cycle() {
    assert_cmd_snapshot!(lint("include-cycle"));
}

#[test]
fn missing_include() {
    assert_cmd_snapshot!(lint("missing-include.fc"));
}

#[test]
fn missing_source_is_a_warning() {
    assert_cmd_snapshot!(lint("missing-source.fc"));
}

#[test]
fn five_errors_give_five_located_diagnostics_in_one_run() {
    let out = lint("five-errors.fc").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let located: Vec<&str> = stderr.lines().filter(|l| l.trim_start().starts_with("--> ")).collect();
    assert_eq!(located.len(), 5, "{stderr}");
    let mut lines: Vec<&str> = located.iter().map(|l| l.rsplit(':').nth(1).unwrap()).collect();
    lines.dedup();
    assert_eq!(lines.len(), 5, "five errors on five lines: {stderr}");
    assert!(stderr.ends_with("5 errors, 0 warnings\n"), "{stderr}");
    assert_cmd_snapshot!(lint("five-errors.fc"));
}

#[test]
fn shipped_rules_lint_clean_and_count_examples() {
    let out = Command::new(env!("CARGO_BIN_EXE_factcheck"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["lint", "rules"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        out.stderr.is_empty(),
        "no warnings: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let (facts, with) = {
        let rules = factcheck::load_rules(
            &[PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("rules")],
            &Default::default(),
        );
        rules.kb.example_coverage()
    };
    assert_eq!(facts, with, "every fact carries examples");
    assert!(
        stdout.contains(&format!("{with} of {facts} facts carry examples")),
        "{stdout}"
    );
}
