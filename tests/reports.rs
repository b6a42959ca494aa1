//! The report formats (markdown, sarif, junit): snapshots of real articles, and checks that each
//! format is well formed and counts what it should.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use factcheck::RuleSet;
use factcheck::article::{Article, Format};
use factcheck::check::Verdict;
use factcheck::date::Date;
use factcheck::report::{ArticleReport, Summary, junit, markdown, sarif};
use serde_json::Value;

/// The project's rules, loaded once.
fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| {
        let rules = factcheck::load_rules(&[PathBuf::from("rules")], &Default::default());
        assert!(!rules.has_errors(), "{:?}", rules.diagnostics);
        rules
    })
}

fn date(s: &str) -> Date {
    s.parse().expect("a date")
}

/// The report of one article file, checked as of `on`.
fn check(path: &str, on: Option<&str>) -> ArticleReport {
    let extractor = factcheck::extract::Extractor::new(&rules().kb);
    let article = Article::read(Path::new(path), on.map(date)).expect("the article is readable");
    factcheck::check_article(&extractor, article)
}

/// The reference article (2024-11-21), the same with a stale title planted, and a Markdown
/// article with an ignored paragraph (dated by its front matter).
fn reference() -> ArticleReport {
    check("cases/fox-icc-warrants/article.txt", Some("2024-11-21"))
}

fn stale_title() -> ArticleReport {
    check("cases/variant-stale-title/article.txt", Some("2024-11-21"))
}

fn markdown_timeline() -> ArticleReport {
    check("cases/markdown-timeline/article.md", None)
}

/// A Markdown article with Markdown syntax and a `|` in a quote, and an `ignore` comment that
/// suppresses nothing (a notice).
fn with_notice() -> ArticleReport {
    let text = "\
Former Defense Minister Yoav Gallant said on Thursday: “The *court* | has no `standing` here.”

<!-- factcheck: ignore -->

## A heading only
";
    let extractor = factcheck::extract::Extractor::new(&rules().kb);
    let article = Article::from_text(
        "notes/with notice.md",
        text.to_string(),
        Format::Markdown,
        Some(date("2024-11-21")),
    )
    .expect("an article");
    factcheck::check_article(&extractor, article)
}

fn total(reports: &[ArticleReport]) -> Summary {
    let mut s = Summary::default();
    for r in reports {
        s.add(&r.summary());
    }
    s
}

// ---------------------------------------------------------------------------------------------
// Snapshots

#[test]
fn markdown_snapshots() {
    let kb = &rules().kb;
    insta::assert_snapshot!("markdown_reference", markdown::render(&[reference()], kb));
    insta::assert_snapshot!("markdown_stale_title", markdown::render(&[stale_title()], kb));
    insta::assert_snapshot!(
        "markdown_several",
        markdown::render(&[stale_title(), markdown_timeline(), with_notice()], kb)
    );
}

#[test]
fn text_snapshots() {
    let kb = &rules().kb;
    insta::assert_snapshot!(
        "text_reference",
        factcheck::report::text::report(&[reference()], kb, false)
    );
    insta::assert_snapshot!(
        "text_several",
        factcheck::report::text::report(&[stale_title(), with_notice()], kb, false)
    );
}

#[test]
fn json_snapshots() {
    let kb = &rules().kb;
    let json = factcheck::report::json::report(&[stale_title()], kb);
    insta::assert_snapshot!("json_stale_title", serde_json::to_string_pretty(&json).unwrap());
}

#[test]
fn sarif_snapshots() {
    let kb = &rules().kb;
    insta::assert_snapshot!("sarif_reference", sarif::render(&[reference()], kb));
    insta::assert_snapshot!("sarif_stale_title", sarif::render(&[stale_title()], kb));
}

#[test]
fn junit_snapshots() {
    let kb = &rules().kb;
    insta::assert_snapshot!("junit_reference", junit::render(&[reference()], kb));
    insta::assert_snapshot!("junit_stale_title", junit::render(&[stale_title()], kb));
    insta::assert_snapshot!(
        "junit_markdown_timeline",
        junit::render(&[markdown_timeline(), with_notice()], kb)
    );
}

// ---------------------------------------------------------------------------------------------
// The fixtures hold what the checks below need.

#[test]
fn the_fixtures_cover_every_verdict() {
    let s = total(&[reference(), stale_title(), markdown_timeline(), with_notice()]);
    assert!(s.pass > 0 && s.fail > 0 && s.unverified > 0 && s.ignored > 0, "{s:?}");
    assert_eq!(reference().summary().fail, 0, "the reference article has no fail");
    assert_eq!(stale_title().summary().fail, 1, "the stale title fails");
    assert!(
        !with_notice().notices.is_empty(),
        "the unused ignore comment is a notice"
    );
}

// ---------------------------------------------------------------------------------------------
// SARIF

/// `v[key]`, which must exist.
fn field<'a>(v: &'a Value, path: &str) -> &'a Value {
    let mut cur = v;
    for key in path.split('.') {
        cur = match key.parse::<usize>() {
            Ok(i) => cur.get(i),
            Err(_) => cur.get(key),
        }
        .unwrap_or_else(|| panic!("missing `{path}` (at `{key}`) in {v:#}"));
    }
    cur
}

fn text_field<'a>(v: &'a Value, path: &str) -> &'a str {
    let s = field(v, path)
        .as_str()
        .unwrap_or_else(|| panic!("`{path}` is not a string"));
    assert!(!s.is_empty(), "`{path}` is empty");
    s
}

fn int_field(v: &Value, path: &str) -> u64 {
    let n = field(v, path)
        .as_u64()
        .unwrap_or_else(|| panic!("`{path}` is not a non-negative integer"));
    assert!(n >= 1, "`{path}` is not 1-based");
    n
}

#[test]
fn sarif_has_every_required_field() {
    let kb = &rules().kb;
    let reports = [reference(), stale_title(), markdown_timeline(), with_notice()];
    let log: Value = serde_json::from_str(&sarif::render(&reports, kb)).expect("SARIF is JSON");

    assert_eq!(text_field(&log, "version"), "2.1.0");
    assert_eq!(
        text_field(&log, "$schema"),
        "https://json.schemastore.org/sarif-2.1.0.json"
    );
    let runs = field(&log, "runs").as_array().expect("runs is an array");
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    assert_eq!(text_field(run, "tool.driver.name"), "factcheck");
    assert_eq!(text_field(run, "tool.driver.version"), env!("CARGO_PKG_VERSION"));

    let rules = field(run, "tool.driver.rules").as_array().expect("rules is an array");
    let ids: Vec<&str> = rules.iter().map(|r| text_field(r, "id")).collect();
    assert_eq!(ids, ["factcheck/role", "factcheck/date", "factcheck/attribution"]);
    for r in rules {
        text_field(r, "name");
        text_field(r, "shortDescription.text");
        text_field(r, "fullDescription.text");
        text_field(r, "help.text");
        text_field(r, "defaultConfiguration.level");
    }

    let results = field(run, "results").as_array().expect("results is an array");
    let s = total(&reports);
    assert_eq!(
        results.len(),
        s.fail + s.unverified,
        "one result per fail and per unverified claim"
    );
    let errors = results.iter().filter(|r| text_field(r, "level") == "error").count();
    assert_eq!(errors, s.fail, "fails are errors");
    let mut fingerprints = std::collections::BTreeSet::new();
    for r in results {
        let id = text_field(r, "ruleId");
        let index = field(r, "ruleIndex").as_u64().expect("ruleIndex") as usize;
        assert_eq!(ids[index], id, "ruleIndex points at ruleId");
        assert!(matches!(text_field(r, "level"), "error" | "note"));
        text_field(r, "message.text");
        let uri = text_field(r, "locations.0.physicalLocation.artifactLocation.uri");
        assert!(!uri.contains('\\') && !uri.contains(' '), "{uri}");
        let start_line = int_field(r, "locations.0.physicalLocation.region.startLine");
        let start_col = int_field(r, "locations.0.physicalLocation.region.startColumn");
        let end_line = int_field(r, "locations.0.physicalLocation.region.endLine");
        let end_col = int_field(r, "locations.0.physicalLocation.region.endColumn");
        assert!((end_line, end_col) > (start_line, start_col), "a region is not empty");
        let fp = text_field(r, "partialFingerprints.primaryLocationLineHash");
        assert!(
            fingerprints.insert((uri.to_string(), fp.to_string())),
            "fingerprint {fp} is unique"
        );
        let verdict = text_field(r, "properties.verdict");
        assert!(matches!(verdict, "fail" | "unverified"));
    }
    // The stale title: its location and its message.
    let fail = results
        .iter()
        .find(|r| text_field(r, "level") == "error")
        .expect("a fail");
    assert_eq!(
        text_field(fail, "locations.0.physicalLocation.artifactLocation.uri"),
        "cases/variant-stale-title/article.txt"
    );
    assert_eq!(text_field(fail, "ruleId"), "factcheck/role");
    assert!(text_field(fail, "message.text").contains("rules/israel.fc:"));
    // A path with a space is percent-encoded.
    assert!(
        results
            .iter()
            .all(|r| text_field(r, "locations.0.physicalLocation.artifactLocation.uri") != "notes/with notice.md")
    );
}

#[test]
fn sarif_region_matches_the_claim() {
    let kb = &rules().kb;
    let r = stale_title();
    let c = r
        .checked
        .iter()
        .find(|c| c.judgement.verdict == Verdict::Fail)
        .expect("a fail");
    let start = r.article.line_col(c.claim.span.start);
    let end = r.article.line_col(c.claim.span.end);
    let log: Value = serde_json::from_str(&sarif::render(std::slice::from_ref(&r), kb)).expect("JSON");
    let region = field(&log, "runs.0.results.0.locations.0.physicalLocation.region");
    assert_eq!(int_field(region, "startLine") as usize, start.line);
    assert_eq!(int_field(region, "startColumn") as usize, start.column);
    assert_eq!(int_field(region, "endLine") as usize, end.line);
    assert_eq!(int_field(region, "endColumn") as usize, end.column);
    assert_eq!(text_field(region, "snippet.text"), c.claim.text);
}

// ---------------------------------------------------------------------------------------------
// JUnit

/// Counts of the elements of a JUnit document, after reading every event without error.
#[derive(Debug, Default, PartialEq)]
struct Elements {
    testsuites: usize,
    testsuite: usize,
    testcase: usize,
    failure: usize,
    skipped: usize,
}

fn read_xml(xml: &str) -> Elements {
    use quick_xml::Reader;
    use quick_xml::events::Event;
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut n = Elements::default();
    let mut depth = 0usize;
    loop {
        let event = reader
            .read_event()
            .unwrap_or_else(|e| panic!("JUnit XML is malformed at {}: {e}", reader.buffer_position()));
        let name = match &event {
            Event::Start(e) => {
                depth += 1;
                Some(e.name().as_ref().to_vec())
            }
            Event::Empty(e) => Some(e.name().as_ref().to_vec()),
            Event::End(_) => {
                depth -= 1;
                None
            }
            Event::Eof => break,
            _ => None,
        };
        match name.as_deref() {
            Some(b"testsuites") => n.testsuites += 1,
            Some(b"testsuite") => n.testsuite += 1,
            Some(b"testcase") => n.testcase += 1,
            Some(b"failure") => n.failure += 1,
            Some(b"skipped") => n.skipped += 1,
            _ => {}
        }
    }
    assert_eq!(depth, 0, "every element is closed");
    n
}

#[test]
fn junit_is_well_formed_and_counts_claims() {
    let kb = &rules().kb;
    let reports = [reference(), stale_title(), markdown_timeline(), with_notice()];
    let xml = junit::render(&reports, kb);
    let s = total(&reports);
    let claims: usize = reports.iter().map(|r| r.checked.len()).sum();
    assert_eq!(
        read_xml(&xml),
        Elements {
            testsuites: 1,
            testsuite: reports.len(),
            testcase: claims,
            failure: s.fail,
            skipped: s.unverified + s.ignored,
        }
    );
    assert_eq!(xml.matches("<testcase ").count(), claims);
    assert_eq!(xml.matches("<failure").count(), s.fail);
    assert_eq!(xml.matches("<skipped").count(), s.unverified + s.ignored);
    assert!(xml.contains("<testsuites name=\"factcheck\""));
    assert!(xml.contains("<testsuite name=\"cases/fox-icc-warrants/article.txt\""));
    assert!(xml.contains("classname=\"cases/variant-stale-title/article.txt\""));
    assert!(
        !xml.contains("timestamp=") && !xml.contains("time="),
        "nothing varies between runs"
    );
}

#[test]
fn junit_test_names_are_unique_within_a_suite() {
    let kb = &rules().kb;
    let xml = junit::render(&[reference()], kb);
    let names: Vec<&str> = xml
        .split("<testcase name=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').expect("a closing quote")])
        .collect();
    let unique: std::collections::BTreeSet<&&str> = names.iter().collect();
    assert_eq!(unique.len(), names.len(), "{names:#?}");
}

// ---------------------------------------------------------------------------------------------
// Markdown

#[test]
fn markdown_lists_failures_first() {
    let kb = &rules().kb;
    let md = markdown::render(&[stale_title()], kb);
    let rows: Vec<&str> = md
        .lines()
        .filter(|l| l.starts_with("| **") || l.starts_with("| PASS"))
        .collect();
    let first_pass = rows.iter().position(|l| l.starts_with("| PASS")).expect("a pass row");
    let last_fail = rows
        .iter()
        .rposition(|l| l.starts_with("| **FAIL**"))
        .expect("a fail row");
    let last_unverified = rows
        .iter()
        .rposition(|l| l.starts_with("| **UNVERIFIED**"))
        .expect("an unverified row");
    assert!(last_fail < first_pass && last_unverified < first_pass, "{md}");
    assert!(rows[0].starts_with("| **FAIL**"), "{md}");
    assert!(rows[0].contains("`rules/israel.fc:"), "evidence as `file:line`: {md}");
    // Every row has the same number of cells as the header.
    for row in md.lines().filter(|l| l.starts_with('|')) {
        let cells = row.replace("\\|", "").matches('|').count();
        assert_eq!(cells, 7, "{row}");
    }
}

#[test]
fn markdown_escapes_table_cells_and_lists_notices() {
    let kb = &rules().kb;
    let md = markdown::render(&[with_notice()], kb);
    assert!(md.contains("**Notices**"), "{md}");
    assert!(md.contains("`unused-ignore`"), "{md}");
    assert!(md.contains("The \\*court\\* \\| has no \\`standing\\` here."), "{md}");
    for row in md.lines().filter(|l| l.starts_with('|')) {
        assert_eq!(row.replace("\\|", "").matches('|').count(), 7, "{row}");
    }
}

#[test]
fn markdown_summarises_several_articles_at_the_top() {
    let kb = &rules().kb;
    let one = markdown::render(&[reference()], kb);
    assert!(!one.contains(" articles**"), "{one}");
    let reports = [reference(), stale_title()];
    let several = markdown::render(&reports, kb);
    let top = several
        .lines()
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .expect("a line");
    let expected = format!(
        "**2 articles**: {}",
        factcheck::report::text::summary_line(&total(&reports))
    );
    assert_eq!(top, expected, "{several}");
}

// ---------------------------------------------------------------------------------------------
// All formats

#[test]
fn reports_are_byte_identical_between_runs() {
    let kb = &rules().kb;
    let a = [reference(), stale_title(), markdown_timeline()];
    let b = [reference(), stale_title(), markdown_timeline()];
    assert_eq!(markdown::render(&a, kb), markdown::render(&b, kb));
    assert_eq!(sarif::render(&a, kb), sarif::render(&b, kb));
    assert_eq!(junit::render(&a, kb), junit::render(&b, kb));
}

#[test]
fn no_articles_still_give_valid_documents() {
    let kb = &rules().kb;
    let log: Value = serde_json::from_str(&sarif::render(&[], kb)).expect("JSON");
    assert_eq!(field(&log, "runs.0.results").as_array().map(Vec::len), Some(0));
    assert_eq!(read_xml(&junit::render(&[], kb)).testsuites, 1);
    assert!(markdown::render(&[], kb).contains("No articles"));
}

#[test]
fn a_misquote_shows_its_diff_in_every_format() {
    let kb = &rules().kb;
    let r = check("cases/variant-altered-quote/article.txt", Some("2024-11-21"));
    let diff = r
        .checked
        .iter()
        .find_map(|c| c.judgement.diff.clone())
        .expect("the altered quote has a diff");
    let reports = [r];
    let md = markdown::render(&reports, kb);
    let row = md.lines().find(|l| l.starts_with("| **FAIL**")).expect("a fail row");
    assert!(row.contains(&format!("<br>diff: `{diff}`")), "{row}");
    let log: Value = serde_json::from_str(&sarif::render(&reports, kb)).expect("JSON");
    let results = field(&log, "runs.0.results").as_array().expect("results");
    let fail = results
        .iter()
        .find(|r| text_field(r, "level") == "error")
        .expect("an error");
    assert!(text_field(fail, "message.text").contains(&format!("diff: {diff}")));
    assert_eq!(text_field(fail, "properties.diff"), diff);
    let xml = junit::render(&reports, kb);
    assert!(xml.contains(&format!("diff: {diff}")), "{xml}");
}

// ---------------------------------------------------------------------------------------------
// docs/report-json.md

/// Every case article, checked as of its case's date (or its front matter's).
fn all_cases() -> Vec<ArticleReport> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir("cases")
        .expect("cases/")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    let mut out = Vec::new();
    for dir in dirs {
        let Some(article) = ["article.txt", "article.md"]
            .iter()
            .map(|n| dir.join(n))
            .find(|p| p.exists())
        else {
            continue;
        };
        let on = std::fs::read_to_string(dir.join("case.toml"))
            .ok()
            .and_then(|t| t.parse::<toml::Table>().ok())
            .and_then(|t| t.get("date").map(ToString::to_string));
        out.push(check(&article.to_string_lossy(), on.as_deref()));
    }
    out
}

/// Every object key in `v`, recursively, except inside `properties`-like free maps (none here).
fn keys(v: &Value, out: &mut std::collections::BTreeSet<String>) {
    match v {
        Value::Object(m) => {
            for (k, v) in m {
                out.insert(k.clone());
                keys(v, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|v| keys(v, out)),
        _ => {}
    }
}

#[test]
fn the_json_report_documents_every_field_it_writes() {
    let kb = &rules().kb;
    let doc = std::fs::read_to_string("docs/report-json.md").expect("docs/report-json.md");
    let reports = all_cases();
    assert!(reports.len() > 10, "the cases are found");
    let mut found = std::collections::BTreeSet::new();
    keys(&factcheck::report::json::report(&reports, kb), &mut found);
    keys(&factcheck::report::json::report(&[with_notice()], kb), &mut found);
    let missing: Vec<&String> = found.iter().filter(|k| !doc.contains(&format!("`{k}`"))).collect();
    assert!(missing.is_empty(), "docs/report-json.md does not document {missing:?}");
    // The examples are JSON.
    let mut in_block = false;
    let mut block = String::new();
    let mut blocks = 0;
    for line in doc.lines() {
        match (in_block, line.trim()) {
            (false, "```json") => in_block = true,
            (true, "```") => {
                serde_json::from_str::<Value>(&block).unwrap_or_else(|e| panic!("{e}:\n{block}"));
                block.clear();
                blocks += 1;
                in_block = false;
            }
            (true, _) => {
                block.push_str(line);
                block.push('\n');
            }
            _ => {}
        }
    }
    assert!(blocks >= 2, "the examples are found");
}
