//! Inputs that once crashed, hung or blew up factcheck, kept so that they never do again. Each
//! file of `tests/fixtures/regressions/` is named after the fuzz target whose code path it takes
//! (`article_extract-…`, `rules_parse-…`, `rules_compile-…`, `fmt_roundtrip-…`) and holds the
//! raw fuzz input, so it can also be replayed with the fuzz binary itself:
//!
//! ```text
//! fuzz/target/x86_64-unknown-linux-gnu/release/article_extract tests/fixtures/regressions/article_extract-…
//! ```
//!
//! Every file of the directory is run by `every_fixture_runs_through_its_target`; the tests
//! below add what each input must give. `docs/fuzzing.md` says how to add one.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use factcheck::RuleSet;
use factcheck::article::{Article, Format};
use factcheck::date::Date;
use factcheck::diagnostic::Diagnostic;
use factcheck::extract::Extractor;
use factcheck::rules::loader::LoadOptions;
use factcheck::source::FileId;

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/regressions")
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixture_dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
        let rules = factcheck::load_rules(&[dir], &LoadOptions::default());
        assert!(!rules.has_errors(), "the repository's rules have errors");
        rules
    })
}

/// The `article_extract` fuzz target: the first byte picks the format (bit 0: Markdown or
/// text) and the date (bits 1–2: none, 2024-11-21, 0000-01-01, 9999-12-31); the rest is the
/// article. Returns the report's claims, or `None` when the input is not an article.
fn article_extract(data: &[u8]) -> Option<factcheck::report::ArticleReport> {
    let (&selector, rest) = data.split_first()?;
    let text = std::str::from_utf8(rest).ok()?;
    let format = if selector & 1 == 0 {
        Format::Markdown
    } else {
        Format::Text
    };
    let date = match (selector >> 1) & 3 {
        0 => None,
        1 => Some(Date::constant(2024, 11, 21)),
        2 => Some(Date::constant(0, 1, 1)),
        _ => Some(Date::constant(9999, 12, 31)),
    };
    let article = Article::from_text("fuzz.md", text.to_string(), format, date).ok()?;
    let extractor = Extractor::new(&rules().kb);
    let kb = extractor.kb();
    // What `factcheck::check_article` does, with the claims extracted once for both reports.
    let claims = extractor.extract(&article);
    let _ = factcheck::report::text::extraction(&article, &claims, kb);
    let _ = factcheck::report::json::extraction(&article, &claims, kb);
    let checked = factcheck::check::check(&article, claims, kb);
    let notices = factcheck::report::directive_notices(&article, &checked);
    let reports = [factcheck::report::ArticleReport {
        article,
        checked,
        notices,
    }];
    let _ = factcheck::report::text::report(&reports, kb, false);
    let _ = factcheck::report::json::report(&reports, kb);
    let [report] = reports;
    Some(report)
}

/// The `rules_parse` fuzz target.
fn rules_parse(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (tree, diagnostics) = factcheck::rules::parse_file(FileId(0), text);
    for d in &diagnostics {
        if let Some(l) = &d.primary {
            assert!(l.range.start <= text.len(), "diagnostic outside the file: {d:?}");
        }
    }
    for st in &tree.statements {
        assert!(st.span.start <= st.span.end && st.span.end as usize <= text.len());
    }
}

/// The `rules_compile` fuzz target.
fn rules_compile(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let rules = factcheck::rules_from_text("fuzz.fc", text);
    let _ = factcheck::diagnostic::render_all(&rules.diagnostics, &rules.sources, false);
}

/// The `fmt_roundtrip` fuzz target: what parses formats to the same meaning, idempotently.
fn fmt_roundtrip(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Some(once) = factcheck::rules::fmt::format_source(text) else {
        return;
    };
    let meaning = |text: &str| {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text).replace("\r\n", "\n");
        let (tree, diagnostics) = factcheck::rules::parse_file(FileId(0), &text);
        assert!(!diagnostics.iter().any(Diagnostic::is_error), "{diagnostics:#?}");
        let mut value = serde_json::to_value(&tree).expect("serialises");
        if let Some(statements) = value["statements"].as_array_mut() {
            for st in statements {
                if let Some(st) = st.as_object_mut()
                    && st.get("block").is_some_and(|b| b.as_array().is_some_and(Vec::is_empty))
                {
                    st.remove("block");
                }
            }
        }
        let mut comments: Vec<String> = factcheck::rules::parser::collect_comments(&text)
            .iter()
            .map(|c| c.text.trim_end().to_string())
            .collect();
        comments.sort();
        (value, comments)
    };
    assert_eq!(meaning(text), meaning(&once), "formatting changed the meaning:\n{once}");
    assert_eq!(
        factcheck::rules::fmt::format_source(&once).as_deref(),
        Some(once.as_str())
    );
}

#[test]
fn every_fixture_runs_through_its_target() {
    let mut ran = 0;
    for entry in std::fs::read_dir(fixture_dir()).expect("the regressions directory") {
        let path = entry.expect("an entry").path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let data = std::fs::read(&path).expect("a fixture");
        match name.split('-').next() {
            Some("article_extract") => {
                article_extract(&data);
            }
            Some("rules_parse") => rules_parse(&data),
            Some("rules_compile") => rules_compile(&data),
            Some("fmt_roundtrip") => fmt_roundtrip(&data),
            _ => panic!("{name}: a regression input is named after its fuzz target"),
        }
        ran += 1;
    }
    assert!(ran >= 2, "only {ran} regression inputs ran");
}

/// An unclosed Markdown comment ending in a multibyte character: the comment's words were cut
/// three bytes before the end of the text, inside the `€` (a panic: "byte index is not a char
/// boundary"). Found by the unwrap audit of `src/article/markdown.rs`.
#[test]
fn unclosed_comment_ending_in_a_multibyte_character() {
    let data = fixture("article_extract-unclosed-comment-cuts-a-character");
    let report = article_extract(&data).expect("an article");
    assert!(report.checked.is_empty());
    // The comment hides the rest of the text, whatever it holds.
    assert!(
        report.article.masked.trim_end() == "Hello",
        "{:?}",
        report.article.masked
    );
}

/// A paragraph of opening quotation marks: each restart ran to the end of the paragraph, so
/// n marks gave n overlapping quotations of the whole rest (quadratic time and memory: a
/// megabyte of them would copy about 170 GB).
#[test]
fn opening_quotation_marks_do_not_overlap() {
    let data = fixture("article_extract-reopened-quotes");
    let report = article_extract(&data).expect("an article");
    let quotes: Vec<_> = report
        .checked
        .iter()
        .filter(|c| c.claim.kind == factcheck::extract::ClaimKind::Attribution)
        .collect();
    assert!(quotes.len() <= 1, "{} attribution claims", quotes.len());
    let text = std::str::from_utf8(&data[1..]).expect("UTF-8");
    let q = factcheck::article::quotes::quotations(text, 0..text.trim_end().len());
    assert!(q.len() <= 1, "{} quotations", q.len());
    assert!(q.iter().all(|q| q.inner.len() < 100), "{q:?}");
}

/// "2000000000000000000 weeks ago": 7 × the count overflowed an i64 (a panic in debug builds,
/// garbage in release). Needs the fix to `src/extract/dates.rs` proposed with issue 7.
#[test]
fn a_huge_number_of_weeks_ago() {
    let data = fixture("article_extract-weeks-ago-overflow");
    let report = article_extract(&data).expect("an article");
    assert!(
        report
            .checked
            .iter()
            .all(|c| c.claim.kind != factcheck::extract::ClaimKind::Date
                || c.claim.date().is_some_and(|d| d.value.is_none())),
        "{:#?}",
        report.checked
    );
}

/// Relative dates at the ends of the calendar stay in 0000–9999: "last week" in an article of
/// 0000-01-01 used to give the week of -0001-12-26.
#[test]
fn relative_dates_stay_inside_the_calendar() {
    for selector in [0b101u8, 0b111] {
        let mut data = vec![selector];
        data.extend_from_slice(
            "Defense Minister Yoav Gallant said yesterday, last week and tomorrow that next week and last year counted.\n"
                .as_bytes(),
        );
        let report = article_extract(&data).expect("an article");
        for c in &report.checked {
            if let Some(v) = c.claim.date().and_then(|d| d.value) {
                let text = v.to_string();
                assert!(!text.starts_with('-') && !text.contains("10000"), "{text}");
            }
        }
    }
}
