//! Benchmarks of every stage of the pipeline, at 1k, 100k and 1M facts.
//!
//! ```text
//! cargo bench --bench pipeline                 # everything (several minutes; 1M facts is heavy)
//! cargo bench --bench pipeline -- extract      # one stage
//! ```
//!
//! The data come from the generator (`examples/gen/mod.rs`), in memory, once per size: a
//! knowledge base of 1,000 facts with 100 articles about it, padded with facts no article
//! names to 100,000 and 1,000,000 facts (`--pad-to`). So the per-article benchmarks check the
//! *same* articles, with the same claims and verdicts, against ever larger knowledge bases: any
//! growth of their cost with the size is the knowledge base's.
//!
//! - `parse`: every rule file, to syntax trees (bytes/s of rule text);
//! - `compile`: syntax trees to the knowledge base (facts/s);
//! - `gazetteer`: building the extractor for a knowledge base (once per run of `check`);
//! - `extract`: the claims of the 100 articles (bytes/s of article text);
//! - `evaluate`: judging those claims (claims/s);
//! - `check_article`: extraction, evaluation and the report of each article, the rules loaded
//!   (articles/s).
//!
//! Runs at 1M facts take seconds each, so every benchmark stops after `max_time` seconds of
//! samples. See `docs/performance.md` for the figures and the machine.

#[path = "../examples/gen/mod.rs"]
mod r#gen;

use std::path::PathBuf;
use std::sync::OnceLock;

use divan::counter::{BytesCount, ItemsCount};
use factcheck::article::{Article, Format};
use factcheck::extract::{Claim, Extractor};
use factcheck::kb::KnowledgeBase;
use factcheck::rules::ast::RuleFile;
use factcheck::source::{FileId, SourceFile, SourceMap};

fn main() {
    divan::main();
}

/// Knowledge base sizes, in facts.
const FACTS: [usize; 3] = [1_000, 100_000, 1_000_000];

/// Articles per size (the same at every size).
const ARTICLES: usize = 100;

/// One size's data, built once and kept for the whole run.
struct Data {
    sources: SourceMap,
    rule_bytes: usize,
    facts: usize,
    kb: KnowledgeBase,
    articles: Vec<Article>,
    article_bytes: usize,
    claims: Vec<Vec<Claim>>,
    extractor: OnceLock<Extractor<'static>>,
    parsed: OnceLock<Vec<(FileId, RuleFile<'static>)>>,
}

impl Data {
    fn extractor(&'static self) -> &'static Extractor<'static> {
        self.extractor.get_or_init(|| Extractor::new(&self.kb))
    }

    fn parsed(&'static self) -> &'static [(FileId, RuleFile<'static>)] {
        self.parsed.get_or_init(|| parse_all(&self.sources))
    }
}

fn parse_all(sources: &SourceMap) -> Vec<(FileId, RuleFile<'_>)> {
    sources
        .iter()
        .map(|(id, f)| (id, factcheck::rules::parse_file(id, &f.text).0))
        .collect()
}

fn data(facts: usize) -> &'static Data {
    static DATA: [OnceLock<&'static Data>; FACTS.len()] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let slot = FACTS.iter().position(|f| *f == facts).expect("a size of FACTS");
    DATA[slot].get_or_init(|| {
        let g = r#gen::generate(r#gen::Params {
            facts: FACTS[0],
            articles: ARTICLES,
            seed: 1,
            pad_to: (facts > FACTS[0]).then_some(facts),
        });
        let mut sources = SourceMap::new();
        for (name, text) in &g.rules {
            sources.add(SourceFile::new(PathBuf::from(name), name.clone(), text.clone()));
        }
        let rule_bytes = g.rules.iter().map(|r| r.1.len()).sum();
        let compiled = factcheck::kb::compile(&parse_all(&sources), &sources);
        assert!(
            !compiled.diagnostics.iter().any(|d| d.is_error()),
            "the generated rules have errors"
        );
        let articles: Vec<Article> = g
            .articles
            .iter()
            .map(|a| Article::from_text(&a.name, a.text.clone(), Format::Text, None).expect("a generated article"))
            .collect();
        let article_bytes = articles.iter().map(|a| a.text.len()).sum();
        let data: &'static mut Data = Box::leak(Box::new(Data {
            sources,
            rule_bytes,
            facts: g.mix.facts,
            kb: compiled.kb,
            articles,
            article_bytes,
            claims: Vec::new(),
            extractor: OnceLock::new(),
            parsed: OnceLock::new(),
        }));
        let extractor = Extractor::new(&data.kb);
        data.claims = data.articles.iter().map(|a| extractor.extract(a)).collect();
        data
    })
}

/// Parsing every rule file (bytes of rule text per second).
#[divan::bench(args = FACTS, max_time = 10)]
fn parse(bencher: divan::Bencher, facts: usize) {
    let d = data(facts);
    bencher
        .counter(BytesCount::new(d.rule_bytes))
        .bench(|| parse_all(&d.sources));
}

/// Compiling the syntax trees into the knowledge base (facts per second).
#[divan::bench(args = FACTS, max_time = 10)]
fn compile(bencher: divan::Bencher, facts: usize) {
    let d = data(facts);
    let parsed = d.parsed();
    bencher
        .counter(ItemsCount::new(d.facts))
        .bench(|| factcheck::kb::compile(parsed, &d.sources));
}

/// Building the extractor (its gazetteer of every name and title), once per `check` run.
#[divan::bench(args = FACTS, max_time = 10)]
fn gazetteer(bencher: divan::Bencher, facts: usize) {
    let d = data(facts);
    bencher.bench(|| Extractor::new(&d.kb));
}

/// Extracting the claims of the articles (bytes of article text per second).
#[divan::bench(args = FACTS, max_time = 5)]
fn extract(bencher: divan::Bencher, facts: usize) {
    let d = data(facts);
    let extractor = d.extractor();
    bencher
        .counter(BytesCount::new(d.article_bytes))
        .bench(|| d.articles.iter().map(|a| extractor.extract(a)).collect::<Vec<_>>());
}

/// Judging the claims of the articles (claims per second).
#[divan::bench(args = FACTS, max_time = 5)]
fn evaluate(bencher: divan::Bencher, facts: usize) {
    let d = data(facts);
    let claims: usize = d.claims.iter().map(Vec::len).sum();
    bencher
        .counter(ItemsCount::new(claims))
        .with_inputs(|| d.claims.clone())
        .bench_values(|all| {
            d.articles
                .iter()
                .zip(all)
                .map(|(a, c)| factcheck::check::check(a, c, &d.kb))
                .collect::<Vec<_>>()
        });
}

/// Checking articles end to end, the rules loaded: extraction, evaluation, report (articles
/// per second).
#[divan::bench(args = FACTS, max_time = 5)]
fn check_article(bencher: divan::Bencher, facts: usize) {
    let d = data(facts);
    let extractor = d.extractor();
    bencher
        .counter(ItemsCount::new(d.articles.len()))
        .with_inputs(|| d.articles.clone())
        .bench_values(|articles| {
            articles
                .into_iter()
                .map(|a| factcheck::check_article(extractor, a))
                .collect::<Vec<_>>()
        });
}
