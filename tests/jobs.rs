//! `factcheck check --jobs N` spreads articles over threads; its report must not depend on N.
//!
//! The articles are the repository's cases (checked against `rules/`) and a batch from the
//! generator (`examples/gen/mod.rs`) with its own rule files, so that many articles are in
//! flight at once. No timings here: see `benches/` and `docs/performance.md`.

#[path = "../examples/gen/mod.rs"]
mod r#gen;

use std::path::Path;
use std::process::Command;

fn check(articles: &Path, rules: &Path, date: Option<&str>, format: &str, jobs: usize) -> (Vec<u8>, Option<i32>) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_factcheck"));
    cmd.arg("check")
        .arg(articles)
        .arg("--rules")
        .arg(rules)
        .args(["--format", format, "--jobs", &jobs.to_string()]);
    if let Some(d) = date {
        cmd.args(["--date", d]);
    }
    let out = cmd
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("factcheck runs");
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "factcheck check failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (out.stdout, out.status.code())
}

fn assert_same_for_any_jobs(articles: &Path, rules: &Path, date: Option<&str>) {
    for format in ["json", "jsonl"] {
        let one = check(articles, rules, date, format, 1);
        assert!(!one.0.is_empty(), "no {format} report");
        for jobs in [2, 3] {
            let many = check(articles, rules, date, format, jobs);
            assert!(
                one == many,
                "--format {format}: --jobs 1 and --jobs {jobs} differ (exit {:?} and {:?})",
                one.1,
                many.1
            );
        }
    }
}

#[test]
fn case_reports_do_not_depend_on_the_number_of_jobs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // The case articles keep their publication dates in case.toml: give them one.
    assert_same_for_any_jobs(&root.join("cases"), &root.join("rules"), Some("2024-11-22"));
}

#[test]
fn generated_reports_do_not_depend_on_the_number_of_jobs() {
    let g = r#gen::generate(r#gen::Params {
        facts: 1_000,
        articles: 60,
        seed: 7,
        pad_to: None,
    });
    let dir = tempfile::tempdir().expect("a temporary directory");
    g.write(dir.path()).expect("the generated files are written");
    assert_same_for_any_jobs(&dir.path().join("articles"), &dir.path().join("rules"), None);
}
