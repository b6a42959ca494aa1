//! The JUnit XML report, for CI systems that show test results: one test suite per article (named
//! by its path), one test case per claim. A failed claim is a `<failure>` (message: the reason;
//! text: the evidence and the diff), an unverified claim a `<skipped>` (message: the reason), an
//! ignored claim a `<skipped>` saying it was suppressed, and a passed claim a plain test case whose
//! `<system-out>` holds the reason and evidence.
//!
//! The output is deterministic: no timestamps, durations or ids, so two runs on the same input
//! give the same bytes.

use std::collections::BTreeMap;
use std::fmt::Write;

use quick_junit::{NonSuccessKind, Property, Report, TestCase, TestCaseStatus, TestSuite};

use super::ArticleReport;
use crate::article::Article;
use crate::check::{Checked, Verdict};
use crate::kb::KnowledgeBase;

/// The longest claim text, in characters, put in a test case's name.
const NAME_CHARS: usize = 80;

/// Renders the JUnit XML report of `reports`.
pub fn render(reports: &[ArticleReport], _kb: &KnowledgeBase) -> String {
    let mut report = Report::new("factcheck");
    for r in reports {
        report.add_test_suite(suite(r));
    }
    report.to_string().unwrap_or_else(|e| {
        // Serialising into memory fails only on a bug in the XML writer; still give valid XML.
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"factcheck\" tests=\"0\" failures=\"0\" \
             errors=\"1\"><!-- cannot write the report: {} --></testsuites>\n",
            e.to_string().replace("--", "- -")
        )
    })
}

/// One article's test suite.
fn suite(r: &ArticleReport) -> TestSuite {
    let mut suite = TestSuite::new(r.article.name.as_str());
    if let Some(d) = r.article.date {
        suite.add_property(Property::new("date", d.to_string()));
    }
    let mut names: BTreeMap<String, usize> = BTreeMap::new();
    for c in &r.checked {
        let base = test_name(c);
        // Names are made unique within the suite ("date: on Thursday (2)"), since some CI
        // systems merge test cases of the same name.
        let n = names.entry(base.clone()).and_modify(|n| *n += 1).or_insert(1);
        let name = if *n == 1 { base } else { format!("{base} ({n})") };
        let mut case = TestCase::new(name, status(&r.article, c));
        case.set_classname(r.article.name.as_str());
        if c.judgement.verdict == Verdict::Pass {
            case.set_system_out(details(&r.article, c, true));
        }
        suite.add_test_case(case);
    }
    if !r.notices.is_empty() {
        let mut err = String::new();
        for n in &r.notices {
            let _ = writeln!(
                err,
                "warning[{}]: {}:{}:{}: {}",
                n.code, r.article.name, n.line, n.column, n.message
            );
        }
        suite.set_system_err(err);
    }
    suite
}

/// The test case's status for the claim's verdict.
fn status(article: &Article, c: &Checked) -> TestCaseStatus {
    let j = &c.judgement;
    match j.verdict {
        Verdict::Pass => TestCaseStatus::success(),
        Verdict::Fail => {
            let mut s = TestCaseStatus::non_success(NonSuccessKind::Failure);
            s.set_message(j.reason.as_str()).set_type("fail");
            s.set_description(details(article, c, false));
            s
        }
        Verdict::Unverified => {
            let mut s = TestCaseStatus::skipped();
            s.set_message(j.reason.as_str()).set_type("unverified");
            s.set_description(details(article, c, false));
            s
        }
        Verdict::Ignored => {
            let mut s = TestCaseStatus::skipped();
            s.set_message(format!("ignored: {}", j.reason)).set_type("ignored");
            s.set_description(details(article, c, false));
            s
        }
    }
}

/// The claim's `path:line:column`, optionally its reason, then its diff and evidence, one per line.
fn details(article: &Article, c: &Checked, with_reason: bool) -> String {
    let j = &c.judgement;
    let mut out = String::new();
    let lc = article.line_col(c.claim.span.start);
    let _ = writeln!(out, "at {}:{}:{}", article.name, lc.line, lc.column);
    if with_reason {
        let _ = writeln!(out, "{}", j.reason);
    }
    if let Some(d) = &j.diff {
        let _ = writeln!(out, "diff: {d}");
    }
    for e in &j.evidence {
        match &e.source {
            Some(s) => {
                let _ = writeln!(out, "evidence: {} ({s})", e.rule);
            }
            None => {
                let _ = writeln!(out, "evidence: {}", e.rule);
            }
        }
    }
    out
}

/// `kind: text`, with the text on one line and cut at a word boundary after [`NAME_CHARS`].
fn test_name(c: &Checked) -> String {
    let text = c.claim.text.split_whitespace().collect::<Vec<_>>().join(" ");
    format!("{}: {}", c.claim.kind.name(), truncate(&text, NAME_CHARS))
}

/// `s` cut to at most `max` characters (plus an ellipsis), at the last space when there is one
/// in the second half.
fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    // The offset of a character of `s`, so `get` always succeeds.
    let head = s.char_indices().nth(max).and_then(|(cut, _)| s.get(..cut)).unwrap_or(s);
    let head = match head.rsplit_once(' ') {
        Some((before, _)) if before.chars().count() >= max / 2 => before,
        _ => head,
    };
    format!("{}…", head.trim_end_matches([' ', ',', ';', ':']))
}

#[cfg(test)]
mod tests {
    use super::truncate;

    #[test]
    fn long_names_are_cut_at_a_word() {
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("one two three four", 10), "one two…");
        assert_eq!(truncate("abcdefghijklmnop", 10), "abcdefghij…");
        assert_eq!(truncate("ééééééééééé", 10), "éééééééééé…");
    }
}
