//! Pathological inputs at growing sizes, so that the growth of each is visible: every benchmark
//! runs at 10 KB, 100 KB and 1 MB (or 1,000, 10,000 and 100,000 items), and linear code takes
//! about ten times longer at each step. A quadratic corner takes a hundred times longer, which
//! these numbers make plain (`docs/fuzzing.md`, "Pathological inputs", records them).
//!
//! Articles are read, extracted and judged against the repository's `rules/`; rule files are
//! parsed, compiled and linted (`factcheck::rules_from_text`).
//!
//! Run with `cargo bench --bench pathological`.

use std::path::PathBuf;
use std::sync::LazyLock;

use divan::Bencher;
use factcheck::RuleSet;
use factcheck::article::{Article, Format};
use factcheck::date::Date;
use factcheck::extract::Extractor;
use factcheck::rules::loader::LoadOptions;

fn main() {
    divan::main();
}

/// Article sizes in bytes.
const SIZES: &[usize] = &[10_000, 100_000, 1_000_000];

/// Item counts for rule files.
const COUNTS: &[usize] = &[1_000, 10_000, 100_000];

static RULES: LazyLock<RuleSet> = LazyLock::new(|| {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/rules"));
    let rules = factcheck::load_rules(&[dir], &LoadOptions::default());
    assert!(!rules.has_errors(), "the repository's rules have errors");
    rules
});

static EXTRACTOR: LazyLock<Extractor<'static>> = LazyLock::new(|| Extractor::new(&RULES.kb));

/// `piece` repeated up to `size` bytes (whole pieces only), then `end`.
fn repeat(piece: &str, size: usize, end: &str) -> String {
    let mut s = piece.repeat(size.saturating_sub(end.len()) / piece.len().max(1));
    s.push_str(end);
    s
}

/// Reads, extracts and judges one article; returns the number of claims.
fn check(text: String, format: Format) -> usize {
    let date = Date::constant(2024, 11, 21);
    let article = Article::from_text("bench.md", text, format, Some(date)).expect("no front matter");
    factcheck::check_article(&EXTRACTOR, article).checked.len()
}

fn bench_article(b: Bencher, text: String, format: Format) {
    LazyLock::force(&EXTRACTOR);
    b.with_inputs(|| text.clone()).bench_values(|t| check(t, format));
}

/// A megabyte of opening curly quotes, no closing one.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn opening_quotes(b: Bencher, size: usize) {
    bench_article(b, repeat("“", size, ""), Format::Text);
}

/// Opening quotes each followed by a word: many quotations, none closed.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn opening_quotes_with_words(b: Bencher, size: usize) {
    bench_article(b, repeat("“We ", size, "."), Format::Text);
}

/// One sentence with "said" again and again (a thousand at 10 KB).
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn said_in_one_sentence(b: Bencher, size: usize) {
    bench_article(b, repeat("Netanyahu said ", size, "it."), Format::Text);
}

/// A known name repeated (100,000 times at 1 MB), with no full stop.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn name_repeated(b: Bencher, size: usize) {
    bench_article(b, repeat("Netanyahu ", size, ""), Format::Text);
}

/// A full name with a title, repeated in one sentence: role claims everywhere.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn titled_name_repeated(b: Bencher, size: usize) {
    bench_article(
        b,
        repeat("Prime Minister Benjamin Netanyahu and ", size, "him."),
        Format::Text,
    );
}

/// One enormous sentence of ordinary words with dates and names, never ended.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn one_enormous_sentence(b: Bencher, size: usize) {
    bench_article(
        b,
        repeat(
            "the court issued warrants on Nov. 21, 2024 for the former defense minister Yoav Gallant and ",
            size,
            "others",
        ),
        Format::Text,
    );
}

/// Many short sentences: the ordinary shape, for comparison.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn many_sentences(b: Bencher, size: usize) {
    bench_article(
        b,
        repeat(
            "Defense Minister Yoav Gallant said on Thursday that the ICC issued warrants. ",
            size,
            "",
        ),
        Format::Text,
    );
}

/// One paragraph of many sentences that each name unknown people and then speak of them by a
/// pronoun or a bare title: every antecedent search once scanned all mentions before it.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn antecedents_in_one_paragraph(b: Bencher, size: usize) {
    bench_article(
        b,
        repeat(
            "Mayor Ana Ruiz met Senator Li Wei on Monday, and he said “we talked”. The president said “no”. ",
            size,
            "",
        ),
        Format::Text,
    );
}

/// Deeply nested round brackets.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn nested_brackets(b: Bencher, size: usize) {
    let half = size / 2;
    bench_article(b, format!("{}{}", "(".repeat(half), ")".repeat(half)), Format::Text);
}

/// Deeply nested square brackets in Markdown (link syntax), never closed.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn nested_markdown_links(b: Bencher, size: usize) {
    bench_article(b, repeat("[", size, ""), Format::Markdown);
}

/// Opening angle brackets in Markdown (HTML tag syntax), never closed.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn open_angle_brackets(b: Bencher, size: usize) {
    bench_article(b, repeat("<a ", size, ""), Format::Markdown);
}

/// Backticks and comment openers in Markdown, never closed.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn unclosed_markdown(b: Bencher, size: usize) {
    bench_article(b, repeat("<!-- `x ", size, ""), Format::Markdown);
}

/// Parses, compiles and lints one rule file; returns the number of diagnostics.
fn compile(text: &str) -> usize {
    factcheck::rules_from_text("bench.fc", text).diagnostics.len()
}

/// A rule file holding one string of `size` bytes.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn rules_single_string(b: Bencher, size: usize) {
    let text = format!("person \"{}\"\n", "x".repeat(size));
    b.bench(|| compile(&text));
}

/// A rule file whose one string is never closed.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn rules_unterminated_string(b: Bencher, size: usize) {
    let text = format!("person \"{}", "x".repeat(size));
    b.bench(|| compile(&text));
}

/// One person with `count` aliases.
#[divan::bench(args = COUNTS, sample_count = 5, sample_size = 1)]
fn rules_aliases(b: Bencher, count: usize) {
    let aliases: Vec<String> = (0..count).map(|n| format!("\"Alias {n}\"")).collect();
    let text = format!("person \"Someone\" {{\n    aka {}\n}}\n", aliases.join(", "));
    b.bench(|| compile(&text));
}

/// `count` people, each with a tenure in one office.
#[divan::bench(args = COUNTS, sample_count = 5, sample_size = 1)]
fn rules_many_statements(b: Bencher, count: usize) {
    let mut text = String::from("country \"C\"\noffice \"O\" { of \"C\" }\n");
    for n in 0..count {
        text.push_str(&format!(
            "person \"P {n}\"\ntenure \"P {n}\" \"O\" from {:04}\n",
            1000 + n % 9000
        ));
    }
    b.bench(|| compile(&text));
}

/// `count` syntax errors, one per line.
#[divan::bench(args = COUNTS, sample_count = 5, sample_size = 1)]
fn rules_many_errors(b: Bencher, count: usize) {
    let text = "persn \"A\"\n".repeat(count);
    b.bench(|| compile(&text));
}

/// An article naming one alias of a person with `count` aliases: building the extractor for
/// the knowledge base and checking the article.
#[divan::bench(args = COUNTS, sample_count = 5, sample_size = 1)]
fn article_against_many_aliases(b: Bencher, count: usize) {
    let aliases: Vec<String> = (0..count).map(|n| format!("\"Alias {n}\"")).collect();
    let text = format!("person \"Someone\" {{\n    aka {}\n}}\n", aliases.join(", "));
    let rules = factcheck::rules_from_text("aliases.fc", &text);
    let article = "Alias 7 said on Thursday that Someone met Alias 9999.".to_string();
    b.bench(|| {
        let extractor = Extractor::new(&rules.kb);
        let a = Article::from_text(
            "a.txt",
            article.clone(),
            Format::Text,
            Some(Date::constant(2024, 11, 21)),
        )
        .expect("no front matter");
        factcheck::check_article(&extractor, a).checked.len()
    });
}

/// `fmt` on `count` statements, each with comments before it, after its header and after its
/// property (every comment is placed by bisection among the statements).
#[divan::bench(args = COUNTS, sample_count = 5, sample_size = 1)]
fn fmt_commented_statements(b: Bencher, count: usize) {
    let text: String = (0..count)
        .map(|n| format!("# person {n}\nperson \"P {n}\" {{ # header\n    aka \"Q {n}\" # alias\n}}\n"))
        .collect();
    b.bench(|| factcheck::rules::fmt::format_source(&text).map_or(0, |s| s.len()));
}
