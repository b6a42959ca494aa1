//! The article reader, the extractor and the judge on arbitrary bytes, against the knowledge
//! base of the repository's `rules/` (built once). The first byte picks the format and the
//! publication date (none, a news day, or the ends of the calendar); the rest is the article.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use factcheck::RuleSet;
use factcheck::article::{Article, Format};
use factcheck::date::Date;
use factcheck::extract::Extractor;
use factcheck::rules::loader::LoadOptions;
use libfuzzer_sys::fuzz_target;

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| {
        let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../rules"));
        let rules = factcheck::load_rules(&[dir], &LoadOptions::default());
        assert!(!rules.has_errors(), "the repository's rules have errors");
        rules
    })
}

fn extractor() -> &'static Extractor<'static> {
    static EXTRACTOR: OnceLock<Extractor<'static>> = OnceLock::new();
    EXTRACTOR.get_or_init(|| Extractor::new(&rules().kb))
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
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
    let Ok(article) = Article::from_text("fuzz.md", text.to_string(), format, date) else {
        return;
    };
    let extractor = extractor();
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
});
