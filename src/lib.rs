//! factcheck checks the role, date and attribution claims of news articles against a knowledge
//! base of declarative rule files, and reports each claim as pass, fail or unverified with the
//! evidence that decided it.
//!
//! The pipeline, one module per stage, data flowing one way:
//!
//! ```text
//! rule files ──rules (parse)──> syntax trees ──kb (compile)──> KnowledgeBase
//!                                                                   │
//! article ──article (read)──> Article ──extract──> Claims ──check──> Report ──report──> text | json | …
//! ```
//!
//! See `ARCHITECTURE.md` for the map of the code and `docs/rules.md` for the rule language.
//!
//! Rule files and articles come from anywhere, so no index, slice or unwrap that they can reach
//! may panic: the lints below (made errors by CI's `clippy -D warnings`) reject every such site
//! outside tests, and the few that remain carry an `#[expect(..., reason = "...")]` proving why
//! they cannot fail.

#![cfg_attr(
    not(test),
    warn(
        clippy::indexing_slicing,
        clippy::string_slice,
        clippy::unwrap_used,
        clippy::expect_used
    )
)]

pub mod article;
pub mod cases;
pub mod check;
pub mod cli;
pub mod config;
pub mod date;
pub mod diagnostic;
pub mod examples;
pub mod extract;
pub mod kb;
pub mod report;
pub mod rules;
pub mod source;
pub mod text;

use std::path::PathBuf;

use diagnostic::Diagnostic;
use kb::KnowledgeBase;
use rules::loader::{LoadOptions, Loaded};
use source::SourceMap;

/// A loaded knowledge base with the files it came from and every problem found in them.
#[derive(Debug)]
pub struct RuleSet {
    /// The rule files as read (diagnostics point into them).
    pub sources: SourceMap,
    /// The compiled knowledge base.
    pub kb: KnowledgeBase,
    /// Errors and warnings from reading, parsing and compiling.
    pub diagnostics: Vec<Diagnostic>,
}

impl RuleSet {
    /// Whether any diagnostic is an error (the rules cannot be used).
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Reads, parses and compiles the rule files reachable from `paths`.
pub fn load_rules(paths: &[PathBuf], opts: &LoadOptions) -> RuleSet {
    build(rules::loader::load(paths, opts))
}

/// Parses and compiles one in-memory rule file (its includes are not followed).
pub fn rules_from_text(name: &str, text: &str) -> RuleSet {
    build(rules::loader::from_text(name, text))
}

fn build(loaded: Loaded) -> RuleSet {
    let Loaded {
        sources,
        files,
        diagnostics: mut all,
        ..
    } = loaded;
    let kb = {
        // Reading problems first, then each file's problems in file order. Files are parsed on
        // another thread and compiled here as they come, in file order, so that parsing and
        // compiling overlap and only a few syntax trees are held at once.
        let mut statements = 0;
        let mut builder = kb::Builder::new(&sources);
        std::thread::scope(|scope| {
            let (tx, rx) = std::sync::mpsc::sync_channel(2);
            let (sources, files) = (&sources, &files);
            scope.spawn(move || {
                for &id in files {
                    if tx.send((id, rules::parse_file(id, &sources.get(id).text))).is_err() {
                        break;
                    }
                }
            });
            for (id, (tree, diagnostics)) in rx {
                let clean = !diagnostics.iter().any(Diagnostic::is_error);
                all.extend(diagnostics);
                statements += tree.statements.len();
                if tree.statements.is_empty() && clean {
                    all.push(
                        Diagnostic::warning("empty", format!("`{}` holds no statements", sources.get(id).name)).at(
                            id,
                            0..0,
                            "nothing but blanks and comments",
                        ),
                    );
                }
                builder.add(id, tree);
            }
        });
        if statements == 0 && !all.iter().any(Diagnostic::is_error) {
            // Name the file(s): "the rules" alone does not say which file was empty.
            let names: Vec<&str> = files.iter().map(|&id| sources.get(id).name.as_str()).collect();
            let which = match names.as_slice() {
                [] => "the rules hold".to_string(),
                [one] => format!("`{one}` holds"),
                many if many.len() <= 3 => format!("`{}` hold", many.join("`, `")),
                [a, b, others @ ..] => format!("`{a}`, `{b}` and {} other files hold", others.len()),
            };
            let mut d = Diagnostic::error(
                "no-rules",
                format!("{which} no statements: every claim would be unverified"),
            )
            .help("point --rules at a directory of rule files (*.fc), or add facts to this one");
            if let [only] = files.as_slice() {
                d = d.at(*only, 0..0, "nothing but blanks and comments");
            }
            all.push(d);
        }
        let compiled = builder.finish();
        all.extend(compiled.diagnostics);
        all.sort_by_key(|d| d.primary.as_ref().map(|l| (l.file, l.range.start)));
        compiled.kb
    };
    RuleSet {
        sources,
        kb,
        diagnostics: all,
    }
}

/// Extracts and judges the claims of one article: its report.
pub fn check_article(extractor: &extract::Extractor, article: article::Article) -> report::ArticleReport {
    let claims = extractor.extract(&article);
    let checked = check::check(&article, claims, extractor.kb());
    let notices = report::directive_notices(&article, &checked);
    report::ArticleReport {
        article,
        checked,
        notices,
    }
}

/// Checks many articles, spread over `jobs` threads (default: all cores). The results are in
/// the order of `paths` whatever the thread count, so reports are byte-identical.
pub fn check_paths(
    extractor: &extract::Extractor,
    paths: &[PathBuf],
    date: Option<date::Date>,
    jobs: Option<usize>,
    progress: Option<indicatif::ProgressBar>,
) -> Result<Vec<Result<report::ArticleReport, article::ArticleError>>, rayon::ThreadPoolBuildError> {
    use rayon::prelude::*;
    let pool = rayon::ThreadPoolBuilder::new().num_threads(jobs.unwrap_or(0)).build()?;
    let results = pool.install(|| {
        paths
            .par_iter()
            .map(|p| {
                let r = article::Article::read(p, date).map(|a| check_article(extractor, a));
                if let Some(bar) = &progress {
                    bar.inc(1);
                }
                r
            })
            .collect()
    });
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    Ok(results)
}
