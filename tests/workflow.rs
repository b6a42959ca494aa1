//! The CI workflow of a newsroom: snapshot-tested cases that flag exactly the reports a rule
//! change affects, `--bless` to accept them, rule examples, and `--baseline` to list the
//! verdicts a corrected fact flips.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn project() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn factcheck(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factcheck"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

/// A copy of the project's rules and cases in a temporary directory.
fn sandbox() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&project().join("rules"), &dir.path().join("rules"));
    copy_dir(&project().join("cases"), &dir.path().join("cases"));
    dir
}

/// Moves the handover of Israel's defense ministry from 2024-11-07 to 2024-11-30, and returns
/// the `file:line` of the two tenures it changes.
fn move_handover(rules: &Path) -> Vec<String> {
    let path = rules.join("israel.fc");
    let text = std::fs::read_to_string(&path).unwrap();
    let gallant = "tenure \"Yoav Gallant\" \"Minister of Defense of Israel\" from 2022-12-29 to 2024-11-07";
    let katz = "tenure \"Israel Katz\" \"Minister of Defense of Israel\" from 2024-11-07";
    let mut lines = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with(gallant) || line.starts_with(katz) {
            lines.push(format!("rules/israel.fc:{}", n + 1));
        }
    }
    assert_eq!(lines.len(), 2, "the two tenures of the handover are in rules/israel.fc");
    let changed = text
        .replace(gallant, &gallant.replace("2024-11-07", "2024-11-30"))
        .replace(katz, &katz.replace("2024-11-07", "2024-11-30"));
    std::fs::write(&path, changed).unwrap();
    lines
}

#[test]
fn shipped_cases_pass() {
    let out = factcheck(&project(), &["test", "cases"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("0 failed"), "{stdout}");
}

#[test]
fn a_rule_change_fails_exactly_the_affected_cases_until_blessed() {
    let dir = sandbox();
    let cited = move_handover(&dir.path().join("rules"));
    // The affected cases are those whose expected report cites one of the moved tenures.
    let mut affected: Vec<String> = Vec::new();
    for entry in std::fs::read_dir(dir.path().join("cases")).unwrap() {
        let case = entry.unwrap().path();
        let Ok(snap) = std::fs::read_to_string(case.join("report.snap")) else {
            continue;
        };
        if cited.iter().any(|c| snap.contains(&format!("\"{c}\""))) {
            affected.push(format!("cases/{}", case.file_name().unwrap().to_string_lossy()));
        }
    }
    affected.sort();
    assert!(
        affected.len() >= 10,
        "expected many cases to cite the handover: {affected:?}"
    );

    let out = factcheck(dir.path(), &["test", "cases"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    let mut failed: Vec<String> = stdout
        .lines()
        .filter_map(|l| l.strip_prefix("FAIL    "))
        .map(str::to_string)
        .collect();
    failed.sort();
    assert_eq!(failed, affected, "{stdout}");
    // The diff is claim by claim: the reference article's "former" title flips to fail.
    assert!(
        stdout.contains("~ role 1:155 \"former Defense Minister Yoav Gallant\": fail"),
        "{stdout}"
    );
    assert!(stdout.contains("verdict: \"pass\" → \"fail\""), "{stdout}");

    let out = factcheck(dir.path(), &["test", "cases", "--bless"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    let out = factcheck(dir.path(), &["test", "cases"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn a_new_case_is_reported_as_new_and_blessed() {
    let dir = sandbox();
    let case = dir.path().join("cases/new-case");
    std::fs::create_dir_all(&case).unwrap();
    std::fs::write(
        case.join("article.txt"),
        "Former Defense Minister Yoav Gallant spoke on Thursday.\n",
    )
    .unwrap();
    std::fs::write(case.join("case.toml"), "date = 2024-11-21\n").unwrap();
    let out = factcheck(dir.path(), &["test", "cases"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("FAIL    cases/new-case\nno expected report (new case)"),
        "{stdout}"
    );
    let out = factcheck(dir.path(), &["test", "cases", "--bless"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("new     cases/new-case"), "{stdout}");
    let snap = std::fs::read_to_string(case.join("report.snap")).unwrap();
    assert!(
        snap.starts_with("---\n") && snap.contains("\"verdict\": \"pass\""),
        "{snap}"
    );
}

#[test]
fn rule_examples_all_pass_and_a_wrong_one_is_located() {
    let out = factcheck(&project(), &["test", "rules"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains(" passed, 0 failed"), "{stdout}");

    let dir = sandbox();
    let rules = dir.path().join("rules");
    let text = std::fs::read_to_string(rules.join("israel.fc")).unwrap();
    let line = text
        .lines()
        .position(|l| l.contains("example") && l.contains(" pass "))
        .unwrap()
        + 1;
    let broken: Vec<String> = text
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i + 1 == line {
                l.replacen(" pass ", " fail ", 1)
            } else {
                l.to_string()
            }
        })
        .collect();
    std::fs::write(rules.join("israel.fc"), broken.join("\n") + "\n").unwrap();
    let out = factcheck(dir.path(), &["test", "rules"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains(&format!("FAIL rules/israel.fc:{line}: expected fail")),
        "{stdout}"
    );
    assert!(stdout.contains("1 failed"), "{stdout}");
}

#[test]
fn baseline_lists_flipped_verdicts_and_fails_on_new_failures() {
    let dir = sandbox();
    let article = "cases/fox-icc-warrants/article.txt";
    let out = factcheck(
        dir.path(),
        &["check", article, "--date", "2024-11-21", "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(0));
    std::fs::write(dir.path().join("old.json"), &out.stdout).unwrap();

    // Unchanged rules: nothing flips.
    let out = factcheck(
        dir.path(),
        &["check", article, "--date", "2024-11-21", "--baseline", "old.json"],
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no verdict changed"));

    move_handover(&dir.path().join("rules"));
    let out = factcheck(
        dir.path(),
        &[
            "check",
            article,
            "--date",
            "2024-11-21",
            "--baseline",
            "old.json",
            "--format",
            "json",
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("1 verdicts changed"), "{stderr}");
    assert!(
        stderr.contains("role \"former Defense Minister Yoav Gallant\": pass → fail (Yoav Gallant holds the office"),
        "{stderr}"
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let flips = report["baseline"]["flips"].as_array().unwrap();
    assert_eq!(flips.len(), 1);
    assert_eq!(flips[0]["old"], "pass");
    assert_eq!(flips[0]["new"], "fail");
}
