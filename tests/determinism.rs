//! Reports are byte-identical across runs and thread counts: no hash-map iteration order (which
//! `std`'s random hasher changes from process to process) and no thread scheduling may leak into
//! what factcheck prints. Each command runs in several fresh processes, which draw different
//! hash seeds, and their outputs must be equal byte for byte.

use std::path::Path;
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Runs `factcheck ARGS…` in the repository (default rules: `rules/`) and returns its stdout
/// and stderr, checking that it did not fail to run.
fn run(args: &[&str]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_factcheck"))
        .args(args)
        .current_dir(ROOT)
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("FORCE_COLOR")
        .output()
        .expect("run factcheck");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "factcheck {args:?} exited with {:?}\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!out.stdout.is_empty(), "factcheck {args:?} printed nothing");
    let mut bytes = out.stdout;
    bytes.extend_from_slice(b"\n--- stderr ---\n");
    bytes.extend_from_slice(&out.stderr);
    bytes
}

/// Asserts that every run gives the first run's bytes, naming the first line that differs.
fn assert_identical(what: &str, runs: &[Vec<u8>]) {
    let first = &runs[0];
    for (n, other) in runs.iter().enumerate().skip(1) {
        if other != first {
            let a = String::from_utf8_lossy(first);
            let b = String::from_utf8_lossy(other);
            let line = a
                .lines()
                .zip(b.lines())
                .position(|(x, y)| x != y)
                .unwrap_or_else(|| a.lines().count().min(b.lines().count()));
            panic!(
                "{what}: run {n} differs from run 0 at line {}:\n  run 0: {:?}\n  run {n}: {:?}",
                line + 1,
                a.lines().nth(line),
                b.lines().nth(line)
            );
        }
    }
}

/// The case articles, in path order.
fn case_articles() -> Vec<String> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(Path::new(ROOT).join("cases")).expect("cases/") {
        let dir = entry.expect("a case").path();
        if !dir.is_dir() {
            continue;
        }
        for name in ["article.txt", "article.md"] {
            let path = dir.join(name);
            if path.is_file() {
                let rel = path.strip_prefix(ROOT).expect("under the root");
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out.sort();
    assert!(out.len() >= 10, "expected the cases, found {}", out.len());
    out
}

#[test]
fn json_report_is_identical_across_runs() {
    let args = ["check", "cases", "--format", "json"];
    let runs: Vec<Vec<u8>> = (0..3).map(|_| run(&args)).collect();
    assert_identical("check cases --format json", &runs);
}

#[test]
fn jsonl_report_is_identical_across_thread_counts() {
    let runs = vec![
        run(&["check", "cases", "--format", "jsonl", "--jobs", "1"]),
        run(&["check", "cases", "--format", "jsonl", "--jobs", "2"]),
        run(&["check", "cases", "--format", "jsonl", "--jobs", "1"]),
        run(&["check", "cases", "--format", "jsonl", "--jobs", "2"]),
    ];
    assert_identical("check cases --format jsonl with --jobs 1 and 2", &runs);
}

#[test]
fn text_report_is_identical_across_thread_counts() {
    let runs = vec![
        run(&["check", "cases", "--jobs", "1"]),
        run(&["check", "cases", "--jobs", "2"]),
    ];
    assert_identical("check cases (text) with --jobs 1 and 2", &runs);
}

#[test]
fn extraction_is_identical_across_runs() {
    for article in case_articles() {
        for format in ["text", "json"] {
            let args = ["extract", article.as_str(), "--format", format];
            let runs: Vec<Vec<u8>> = (0..2).map(|_| run(&args)).collect();
            assert_identical(&format!("extract {article} --format {format}"), &runs);
        }
    }
}

#[test]
fn lint_is_identical_across_runs() {
    let runs: Vec<Vec<u8>> = (0..2).map(|_| run(&["lint"])).collect();
    assert_identical("lint", &runs);
}
