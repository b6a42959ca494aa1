//! The `factcheck` command line: parses arguments, calls the library, sets the exit status.
//!
//! Exit status: 0 no claim failed; 1 some claim failed (or was unverified under
//! `--deny unverified`), or `fmt --check` / `test` found differences; 2 the input could not be
//! used (a bad rule file, an unreadable article, a bad flag).

#![warn(
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::unwrap_used,
    clippy::expect_used
)]

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use factcheck::cli;

#[derive(Parser, Debug)]
#[command(name = "factcheck", version, about = "Check the role, date and attribution claims of news articles against rule files", long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check articles (files or directories of .txt/.md) and report a verdict for every claim.
    Check(CheckArgs),
    /// List an article's claims without verdicts.
    Extract(ExtractArgs),
    /// Check rule files for syntax and consistency.
    Lint(LintArgs),
    /// Format rule files canonically.
    Fmt(FmtArgs),
    /// Snapshot-test the reports of known cases, or run the examples carried by the rules.
    Test(TestArgs),
}

#[derive(Args, Debug)]
struct RuleArgs {
    /// Rule files or directories of *.fc files (default: from factcheck.toml, else ./rules).
    #[arg(long = "rules", value_name = "PATH")]
    rules: Vec<PathBuf>,
    /// Let `include` reach files outside the rules directories.
    #[arg(long)]
    allow_outside_includes: bool,
}

#[derive(Args, Debug)]
struct CheckArgs {
    /// Articles, or directories searched for .txt and .md files.
    #[arg(value_name = "ARTICLE|DIR", required = true)]
    articles: Vec<PathBuf>,
    #[command(flatten)]
    rules: RuleArgs,
    /// Publication date to judge claims on (overrides the articles' front matter).
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
    /// Report format (default: text, or factcheck.toml's `format`).
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Also exit 1 when a claim is unverified.
    #[arg(long, value_enum, value_name = "VERDICT")]
    deny: Vec<Deny>,
    /// Compare with an earlier JSON report and list the claims whose verdict changed.
    #[arg(long, value_name = "OLD.json")]
    baseline: Option<PathBuf>,
    /// Threads to spread articles over (default: all cores).
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<usize>,
}

#[derive(Args, Debug)]
struct ExtractArgs {
    /// The article.
    article: PathBuf,
    #[command(flatten)]
    rules: RuleArgs,
    /// Publication date (overrides the front matter).
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: ExtractFormat,
}

#[derive(Args, Debug)]
struct LintArgs {
    /// Rule files or directories (default: from factcheck.toml, else ./rules).
    paths: Vec<PathBuf>,
    /// Let `include` reach files outside the given directories.
    #[arg(long)]
    allow_outside_includes: bool,
}

#[derive(Args, Debug)]
struct FmtArgs {
    /// Rule files or directories (default: from factcheck.toml, else ./rules).
    paths: Vec<PathBuf>,
    /// Change nothing; exit 1 and name the files that would change.
    #[arg(long)]
    check: bool,
}

#[derive(Args, Debug)]
struct TestArgs {
    /// Case directories (default: ./cases); `rules` (or a rules directory) runs rule examples.
    paths: Vec<PathBuf>,
    #[command(flatten)]
    rules: RuleArgs,
    /// Write the current reports as the expected ones.
    #[arg(long)]
    bless: bool,
    /// Run the examples carried by the rules instead of cases.
    #[arg(long)]
    examples: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: TestFormat,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    Text,
    Json,
    Jsonl,
    Markdown,
    Sarif,
    Junit,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ExtractFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum TestFormat {
    Text,
    Junit,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Deny {
    Unverified,
}

fn rule_opts(r: &RuleArgs) -> cli::RuleOptions {
    cli::RuleOptions {
        paths: r.rules.clone(),
        allow_outside_includes: r.allow_outside_includes,
    }
}

/// mimalloc: loading a large knowledge base is mostly small allocations made on one thread and
/// freed on another, where the system allocator spent a sixth of the time (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match cli.command {
        Command::Check(a) => cli::check(&cli::CheckOptions {
            articles: a.articles,
            rules: rule_opts(&a.rules),
            date: a.date,
            format: a.format.map(|f| format!("{f:?}").to_lowercase()),
            deny_unverified: !a.deny.is_empty(),
            baseline: a.baseline,
            jobs: a.jobs,
        }),
        Command::Extract(a) => cli::extract(
            &a.article,
            &rule_opts(&a.rules),
            a.date.as_deref(),
            matches!(a.format, ExtractFormat::Json),
        ),
        Command::Lint(a) => cli::lint(&cli::RuleOptions {
            paths: a.paths,
            allow_outside_includes: a.allow_outside_includes,
        }),
        Command::Fmt(a) => cli::fmt(&a.paths, a.check),
        Command::Test(a) => cli::test(&cli::TestOptions {
            paths: a.paths,
            rules: rule_opts(&a.rules),
            bless: a.bless,
            examples: a.examples,
            junit: matches!(a.format, TestFormat::Junit),
        }),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            anstream::eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}
