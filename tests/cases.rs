//! The shipped cases, checked two ways.
//!
//! 1. Each case's report is snapshot-tested with insta against `cases/<name>/report.snap` —
//!    the same file `factcheck test` compares with, so there is one copy of each expectation.
//! 2. Each case's hand-written gold (`expect.toml`, written from the fact sheet, never from the
//!    engine's output) is checked: every expected claim is found with the right kind and
//!    verdict, a planted error's reason names the right facts, nothing in `absent` is a claim,
//!    and no claim fails where no failure is expected (no false alarms).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use factcheck::cases::{self, Case};
use factcheck::extract::Extractor;
use serde::Deserialize;
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rules() -> &'static factcheck::RuleSet {
    static RULES: OnceLock<factcheck::RuleSet> = OnceLock::new();
    RULES.get_or_init(|| {
        let rules = factcheck::load_rules(&[PathBuf::from("rules")], &Default::default());
        assert!(
            !rules.has_errors(),
            "the shipped rules have errors: {:?}",
            rules.diagnostics
        );
        rules
    })
}

fn all_cases() -> Vec<Case> {
    // Reports name rule files relative to the project root, as `factcheck` run there does.
    std::env::set_current_dir(root()).unwrap();
    cases::find(Path::new("cases")).unwrap()
}

#[test]
fn reports_match_their_snapshots() {
    let cases = all_cases();
    assert!(
        cases.len() >= 9,
        "expected the reference article and at least eight more cases"
    );
    let extractor = Extractor::new(&rules().kb);
    for case in &cases {
        let report = case.report(&extractor).unwrap();
        insta::with_settings!({
            snapshot_path => case.dir.canonicalize().unwrap(),
            prepend_module_to_snapshot => false,
            omit_expression => true,
            description => case.settings.description.clone().unwrap_or_default(),
        }, {
            insta::assert_snapshot!("report", report);
        });
    }
}

#[derive(Deserialize)]
struct Gold {
    #[serde(default)]
    expect: Vec<Expectation>,
    #[serde(default)]
    absent: Vec<String>,
}

#[derive(Deserialize)]
struct Expectation {
    text: String,
    #[serde(default = "one")]
    nth: usize,
    kind: String,
    verdict: String,
    #[serde(default)]
    reason: Vec<String>,
    /// A known limitation: the engine need not get the verdict, but must not fail the claim.
    #[serde(default)]
    gap: Option<String>,
}

fn one() -> usize {
    1
}

/// The byte range of the `nth` occurrence of `needle`.
fn find_nth(hay: &[u8], needle: &[u8], nth: usize) -> Option<(usize, usize)> {
    let mut from = 0;
    let mut found = None;
    for _ in 0..nth {
        let i = hay[from..].windows(needle.len()).position(|w| w == needle)? + from;
        found = Some((i, i + needle.len()));
        from = i + 1;
    }
    found
}

fn span(c: &Value) -> (usize, usize) {
    (
        c["span"]["start"].as_u64().unwrap() as usize,
        c["span"]["end"].as_u64().unwrap() as usize,
    )
}

#[test]
fn every_case_meets_its_hand_written_gold() {
    let extractor = Extractor::new(&rules().kb);
    let mut problems = Vec::new();
    let mut checked = 0;
    for case in all_cases() {
        let name = case.name();
        let gold: Gold = toml::from_str(&std::fs::read_to_string(case.dir.join("expect.toml")).unwrap())
            .unwrap_or_else(|e| panic!("{name}/expect.toml: {e}"));
        let data = std::fs::read(&case.article).unwrap();
        let report: Value = serde_json::from_str(&case.report(&extractor).unwrap()).unwrap();
        let claims = report["claims"].as_array().unwrap();
        let mut fail_ranges = Vec::new();
        for e in &gold.expect {
            checked += 1;
            let (start, end) = find_nth(&data, e.text.as_bytes(), e.nth)
                .unwrap_or_else(|| panic!("{name}: {:?} is not in the article", e.text));
            if matches!(e.verdict.as_str(), "fail" | "any") {
                fail_ranges.push((start, end));
            }
            let covering: Vec<&Value> = claims
                .iter()
                .filter(|c| c["kind"] == e.kind.as_str())
                .filter(|c| {
                    let (s, t) = span(c);
                    if e.kind == "role" {
                        // A role claim holds the title and the name, not the name alone.
                        (t.min(end).saturating_sub(s.max(start))) as f64 >= 0.9 * (end - start) as f64
                    } else {
                        s < end && t > start
                    }
                })
                .collect();
            let rank = |v: &str| match v {
                "fail" => 3,
                "unverified" => 1,
                _ => 0,
            };
            let worst = covering
                .iter()
                .map(|c| c["verdict"].as_str().unwrap_or(""))
                .max_by_key(|v| rank(v));
            let ok = match (e.verdict.as_str(), worst) {
                (_, Some("fail")) if e.gap.is_some() => false,
                (_, _) if e.gap.is_some() => true,
                ("no-fail", w) => w != Some("fail"),
                ("any", w) => w.is_some(),
                ("not-fail", w) => matches!(w, Some("pass" | "unverified")),
                (want, w) => w == Some(want),
            };
            if !ok {
                problems.push(format!(
                    "{name}: {} {:?}: expected {}, got {}",
                    e.kind,
                    e.text,
                    e.verdict,
                    worst.unwrap_or("no claim")
                ));
                continue;
            }
            if e.verdict == "fail" {
                let reasons: String = covering
                    .iter()
                    .filter(|c| c["verdict"] == "fail")
                    .map(|c| c["reason"].as_str().unwrap_or(""))
                    .collect();
                for r in &e.reason {
                    if !reasons.contains(r.as_str()) {
                        problems.push(format!(
                            "{name}: the reason for {:?} does not name {r:?}: {reasons}",
                            e.text
                        ));
                    }
                }
            }
        }
        for a in &gold.absent {
            checked += 1;
            let (start, end) = find_nth(&data, a.as_bytes(), 1)
                .unwrap_or_else(|| panic!("{name}: absent {a:?} is not in the article"));
            for c in claims {
                let (s, t) = span(c);
                if s < end && t > start {
                    problems.push(format!(
                        "{name}: {a:?} should not be a claim, found {} {:?}",
                        c["kind"], c["text"]
                    ));
                }
            }
        }
        for c in claims.iter().filter(|c| c["verdict"] == "fail") {
            let (s, t) = span(c);
            if !fail_ranges.iter().any(|(fs, fe)| s < *fe && t > *fs) {
                problems.push(format!(
                    "{name}: false alarm on {} {:?}: {}",
                    c["kind"], c["text"], c["reason"]
                ));
            }
        }
    }
    assert!(checked > 400, "only {checked} expectations were checked");
    assert!(
        problems.is_empty(),
        "{} of {checked} expectations not met:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
