//! The commands behind the binary: each reads its inputs through the library, writes its
//! output, and returns the exit status. This is the application's edge, so errors here are
//! `anyhow` errors with context; everything below returns typed errors.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::article::Article;
use crate::config;
use crate::date::{Date, PartialDate, Precision};
use crate::diagnostic::render_all;
use crate::extract::Extractor;
use crate::rules::loader::LoadOptions;
use crate::{RuleSet, load_rules};

/// Where rules come from.
#[derive(Clone, Debug, Default)]
pub struct RuleOptions {
    /// Rule files or directories given on the command line.
    pub paths: Vec<PathBuf>,
    /// Let includes leave the rules directories.
    pub allow_outside_includes: bool,
}

/// Options of `factcheck check`.
#[derive(Clone, Debug, Default)]
pub struct CheckOptions {
    /// Articles or directories.
    pub articles: Vec<PathBuf>,
    /// Rules.
    pub rules: RuleOptions,
    /// Publication date override.
    pub date: Option<String>,
    /// Report format name.
    pub format: Option<String>,
    /// Exit 1 on unverified claims too.
    pub deny_unverified: bool,
    /// An earlier JSON report to compare with.
    pub baseline: Option<PathBuf>,
    /// Threads.
    pub jobs: Option<usize>,
}

/// Options of `factcheck test`.
#[derive(Clone, Debug, Default)]
pub struct TestOptions {
    /// Case directories, or rule directories with `examples`.
    pub paths: Vec<PathBuf>,
    /// Rules.
    pub rules: RuleOptions,
    /// Write current reports as expected.
    pub bless: bool,
    /// Run rule examples.
    pub examples: bool,
    /// JUnit output.
    pub junit: bool,
}

fn styled_stderr() -> bool {
    anstream::AutoStream::choice(&std::io::stderr()) != anstream::ColorChoice::Never
}

/// The configuration in effect for the working directory.
pub fn configuration() -> Result<Option<config::Found>> {
    let cwd = std::env::current_dir().context("cannot read the working directory")?;
    Ok(config::find(&cwd)?)
}

/// The rule paths to use: the command line's, else the configuration's, else `./rules`.
pub fn rule_paths(opts: &RuleOptions, config: Option<&config::Found>) -> Vec<PathBuf> {
    if !opts.paths.is_empty() {
        return opts.paths.clone();
    }
    match config {
        Some(f) if !f.config.rules.is_empty() => f.config.rules.clone(),
        _ => vec![PathBuf::from("rules")],
    }
}

/// Loads the rules, printing their diagnostics to stderr. `None` when they have errors.
pub fn load_checked_rules(opts: &RuleOptions, config: Option<&config::Found>) -> Option<RuleSet> {
    let paths = rule_paths(opts, config);
    let rules = load_rules(
        &paths,
        &LoadOptions {
            allow_outside_includes: opts.allow_outside_includes,
        },
    );
    let errors: Vec<_> = rules.diagnostics.iter().filter(|d| d.is_error()).cloned().collect();
    if !errors.is_empty() {
        let mut err = anstream::stderr();
        let _ = write!(err, "{}", render_all(&errors, &rules.sources, styled_stderr()));
        let _ = writeln!(err, "error: the rules cannot be used; run `factcheck lint` for details");
        return None;
    }
    Some(rules)
}

/// Parses a `--date` value.
pub fn parse_date(s: &str) -> Result<Date> {
    let p: PartialDate = s.parse().map_err(|e| anyhow::anyhow!("invalid --date `{s}`: {e}"))?;
    if p.precision() != Precision::Day {
        bail!("invalid --date `{s}`: give a day, YYYY-MM-DD");
    }
    Ok(p.first_day())
}

/// `factcheck lint`.
pub fn lint(opts: &RuleOptions) -> Result<u8> {
    let config = configuration()?;
    let paths = rule_paths(opts, config.as_ref());
    let rules = load_rules(
        &paths,
        &LoadOptions {
            allow_outside_includes: opts.allow_outside_includes,
        },
    );
    let mut err = anstream::stderr();
    write!(
        err,
        "{}",
        render_all(&rules.diagnostics, &rules.sources, styled_stderr())
    )?;
    let (facts, with_examples) = rules.kb.example_coverage();
    let kb = &rules.kb;
    let mut out = anstream::stdout();
    writeln!(
        out,
        "{} file{}: {} people, {} countries and organizations, {} offices, {} tenures, {} events, {} quotes; {} of {} facts carry examples",
        rules.sources.len(),
        if rules.sources.len() == 1 { "" } else { "s" },
        kb.persons.len(),
        kb.bodies.len(),
        kb.offices.len(),
        kb.tenures.len(),
        kb.events.len(),
        kb.quotes.len(),
        with_examples,
        facts
    )?;
    let code = if rules.has_errors() { 2 } else { 0 };
    // The process ends here: freeing a large knowledge base piece by piece takes longer than
    // reading it (0.5 s of 5 for a million tenures), and the system frees it at once.
    std::mem::forget(rules);
    Ok(code)
}

/// `factcheck fmt`.
pub fn fmt(paths: &[PathBuf], check: bool) -> Result<u8> {
    let config = configuration()?;
    let paths = rule_paths(
        &RuleOptions {
            paths: paths.to_vec(),
            allow_outside_includes: true,
        },
        config.as_ref(),
    );
    let mut files = Vec::new();
    for p in &paths {
        collect_rule_files(p, &mut files).with_context(|| format!("cannot read `{}`", p.display()))?;
    }
    let mut changed = Vec::new();
    let mut unparsable = Vec::new();
    for f in &files {
        let text =
            crate::rules::loader::read_text(f).map_err(|r| anyhow::anyhow!("cannot read `{}`: {r}", f.display()))?;
        match crate::rules::fmt::format_source(&text) {
            None => unparsable.push(f.clone()),
            Some(formatted) if formatted != text => {
                if !check {
                    write_atomically(f, formatted.as_bytes())
                        .with_context(|| format!("cannot write `{}`", f.display()))?;
                }
                changed.push(f.clone());
            }
            Some(_) => {}
        }
    }
    let mut out = anstream::stdout();
    for f in &changed {
        if check {
            writeln!(out, "would reformat {}", f.display())?;
        } else {
            writeln!(out, "reformatted {}", f.display())?;
        }
    }
    for f in &unparsable {
        anstream::eprintln!(
            "error: `{}` has syntax errors and was left alone; run `factcheck lint`",
            f.display()
        );
    }
    if !unparsable.is_empty() {
        return Ok(2);
    }
    Ok(if check && !changed.is_empty() { 1 } else { 0 })
}

fn collect_rule_files(p: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if std::fs::metadata(p)?.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(p)?
            .map(|e| e.map(|e| e.path()))
            .collect::<std::io::Result<_>>()?;
        entries.sort();
        for e in entries {
            if e.is_dir() || e.extension().is_some_and(|x| x == "fc") {
                collect_rule_files(&e, out)?;
            }
        }
    } else {
        out.push(p.to_path_buf());
    }
    Ok(())
}

/// Writes through a temporary file in the same directory and renames it over the target, so
/// an interrupted write never leaves a truncated file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile_in(dir)?;
    tmp.1.write_all(bytes)?;
    tmp.1.sync_all()?;
    drop(tmp.1);
    std::fs::rename(&tmp.0, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp.0);
    })
}

fn tempfile_in(dir: &Path) -> std::io::Result<(PathBuf, std::fs::File)> {
    for n in 0..1000u32 {
        let path = dir.join(format!(".factcheck-{}-{n}.tmp", std::process::id()));
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(f) => return Ok((path, f)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("no free temporary file name"))
}

/// `factcheck extract`.
pub fn extract(article: &Path, rules: &RuleOptions, date: Option<&str>, json: bool) -> Result<u8> {
    let config = configuration()?;
    let date = date.map(parse_date).transpose()?;
    let Some(rules) = load_checked_rules(rules, config.as_ref()) else {
        return Ok(2);
    };
    let article = Article::read(article, date)?;
    let extractor = Extractor::new(&rules.kb);
    let claims = extractor.extract(&article);
    let mut out = anstream::stdout();
    if json {
        let doc = crate::report::json::extraction(&article, &claims, &rules.kb);
        writeln!(out, "{}", serde_json::to_string_pretty(&doc)?)?;
    } else {
        write!(out, "{}", crate::report::text::extraction(&article, &claims, &rules.kb))?;
    }
    Ok(0)
}

/// Every article a path names: the file itself, or every `.txt`/`.md` below a directory, in
/// path order.
pub fn article_paths(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => {
                let mut found = Vec::new();
                walk_articles(p, &mut found).with_context(|| format!("cannot read directory `{}`", p.display()))?;
                if found.is_empty() {
                    bail!(
                        "`{}` is a directory holding no articles (*.txt, *.md, *.markdown)",
                        p.display()
                    );
                }
                found.sort();
                out.extend(found);
            }
            _ => out.push(p.clone()),
        }
    }
    Ok(out)
}

fn walk_articles(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk_articles(&path, out)?;
        } else if path
            .extension()
            .is_some_and(|e| e == "txt" || e == "md" || e == "markdown")
        {
            out.push(path);
        }
    }
    Ok(())
}

/// A progress bar on stderr for a long run on a terminal; nothing otherwise.
fn progress_bar(n: usize) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if n < 50 || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(n as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} articles {elapsed}") {
        bar.set_style(style);
    }
    Some(bar)
}

/// `factcheck check`.
pub fn check(opts: &CheckOptions) -> Result<u8> {
    let config = configuration()?;
    let date = opts.date.as_deref().map(parse_date).transpose()?;
    let format = opts
        .format
        .clone()
        .or_else(|| config.as_ref().and_then(|c| c.config.format.clone()))
        .unwrap_or_else(|| "text".into());
    let deny_unverified = opts.deny_unverified
        || config
            .as_ref()
            .is_some_and(|c| c.config.deny.iter().any(|d| d == "unverified"));
    let baseline: Option<serde_json::Value> = match &opts.baseline {
        None => None,
        Some(p) => {
            let text = crate::rules::loader::read_text(p)
                .map_err(|r| anyhow::anyhow!("cannot read baseline `{}`: {r}", p.display()))?;
            let v: serde_json::Value = serde_json::from_str(&text)
                .with_context(|| format!("baseline `{}` is not a JSON report", p.display()))?;
            if !v.get("articles").is_some_and(serde_json::Value::is_array) {
                bail!(
                    "baseline `{}` is not a factcheck JSON report (no `articles`)",
                    p.display()
                );
            }
            Some(v)
        }
    };
    let Some(rules) = load_checked_rules(&opts.rules, config.as_ref()) else {
        return Ok(2);
    };
    let paths = article_paths(&opts.articles)?;

    let extractor = Extractor::new(&rules.kb);
    let results = crate::check_paths(&extractor, &paths, date, opts.jobs, progress_bar(paths.len()))?;
    let mut reports = Vec::new();
    let mut unusable = false;
    for r in results {
        match r {
            Ok(report) => reports.push(report),
            Err(e) => {
                anstream::eprintln!("error: {e}");
                unusable = true;
            }
        }
    }
    let flips = match &baseline {
        Some(old) => crate::cases::flips(old, &crate::report::json::report(&reports, &rules.kb)),
        None => Vec::new(),
    };
    let mut out = anstream::stdout();
    match format.as_str() {
        "json" => {
            let mut doc = crate::report::json::report(&reports, &rules.kb);
            if let (Some(path), Some(obj)) = (&opts.baseline, doc.as_object_mut()) {
                obj.insert(
                    "baseline".into(),
                    serde_json::json!({ "path": path.display().to_string(), "flips": flips }),
                );
            }
            writeln!(out, "{}", serde_json::to_string_pretty(&doc)?)?
        }
        "markdown" => write!(out, "{}", crate::report::markdown::render(&reports, &rules.kb))?,
        "sarif" => writeln!(out, "{}", crate::report::sarif::render(&reports, &rules.kb))?,
        "junit" => write!(out, "{}", crate::report::junit::render(&reports, &rules.kb))?,
        "jsonl" => {
            for r in &reports {
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string(&crate::report::json::article(r, &rules.kb))?
                )?;
            }
        }
        _ => {
            let styled = anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never;
            write!(out, "{}", crate::report::text::report(&reports, &rules.kb, styled))?;
        }
    }
    if unusable {
        return Ok(2);
    }
    if let Some(path) = &opts.baseline {
        let mut err = anstream::stderr();
        if flips.is_empty() {
            writeln!(err, "baseline {}: no verdict changed", path.display())?;
        } else {
            writeln!(err, "baseline {}: {} verdicts changed", path.display(), flips.len())?;
            for f in &flips {
                writeln!(
                    err,
                    "  {}:{}: {} \"{}\": {} → {} ({})",
                    f.path, f.line, f.kind, f.text, f.old, f.new, f.reason
                )?;
            }
        }
        if flips.iter().any(|f| f.new == "fail" && f.old != "fail") {
            return Ok(1);
        }
    }
    let failed = reports.iter().any(|r| {
        let s = r.summary();
        s.fail > 0 || (deny_unverified && s.unverified > 0)
    });
    // As in `lint`: the process ends here, and the system frees the memory at once.
    std::mem::forget(reports);
    std::mem::forget(extractor);
    std::mem::forget(rules);
    Ok(u8::from(failed))
}

/// Whether a path holds rule files rather than cases.
fn holds_rules(p: &Path) -> bool {
    if p.extension().is_some_and(|e| e == "fc") {
        return true;
    }
    let mut files = Vec::new();
    collect_rule_files(p, &mut files).is_ok()
        && !files.is_empty()
        && crate::cases::find(p).map(|c| c.is_empty()).unwrap_or(true)
}

/// `factcheck test`: snapshot-tests case folders, or runs the examples the rules carry.
pub fn test(opts: &TestOptions) -> Result<u8> {
    let config = configuration()?;
    let paths: Vec<PathBuf> = if opts.paths.is_empty() {
        vec![PathBuf::from("cases")]
    } else {
        opts.paths.clone()
    };
    let examples = opts.examples || paths.iter().all(|p| holds_rules(p));
    let mut rule_opts = opts.rules.clone();
    if examples && !opts.examples && rule_opts.paths.is_empty() {
        rule_opts.paths = paths.clone();
    }
    let Some(rules) = load_checked_rules(&rule_opts, config.as_ref()) else {
        return Ok(2);
    };
    let extractor = Extractor::new(&rules.kb);
    if examples {
        return test_examples(&extractor, opts.junit);
    }
    test_cases(&extractor, &paths, opts.bless, opts.junit)
}

fn test_examples(extractor: &Extractor, junit: bool) -> Result<u8> {
    let outcomes = crate::examples::run(extractor);
    let failed: Vec<_> = outcomes.iter().filter(|o| !o.passed).collect();
    let mut out = anstream::stdout();
    if junit {
        let mut suite = quick_junit::TestSuite::new("rule examples");
        for o in &outcomes {
            let mut case = quick_junit::TestCase::new(
                format!("{} {}", o.location, o.sentence),
                if o.passed {
                    quick_junit::TestCaseStatus::success()
                } else {
                    let mut s = quick_junit::TestCaseStatus::non_success(quick_junit::NonSuccessKind::Failure);
                    s.set_message(format!("expected {}: {}", o.expected.keyword(), o.found));
                    s
                },
            );
            case.set_classname(o.location.split(':').next().unwrap_or_default().to_string());
            suite.add_test_case(case);
        }
        let mut report = quick_junit::Report::new("factcheck");
        report.add_test_suite(suite);
        writeln!(
            out,
            "{}",
            report
                .to_string()
                .map_err(|e| anyhow::anyhow!("cannot write JUnit: {e}"))?
        )?;
    } else {
        for o in &failed {
            writeln!(
                out,
                "FAIL {}: expected {} for \"{}\"\n     {}",
                o.location,
                o.expected.keyword(),
                o.sentence,
                o.found
            )?;
        }
        writeln!(
            out,
            "rule examples: {} passed, {} failed",
            outcomes.len() - failed.len(),
            failed.len()
        )?;
    }
    Ok(u8::from(!failed.is_empty()))
}

fn test_cases(extractor: &Extractor, roots: &[PathBuf], bless: bool, junit: bool) -> Result<u8> {
    let mut cases = Vec::new();
    for r in roots {
        cases.extend(crate::cases::find(r)?);
    }
    if cases.is_empty() {
        bail!(
            "no case folders below {}",
            roots
                .iter()
                .map(|r| r.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let mut out = anstream::stdout();
    let mut failures = 0;
    let mut results: Vec<(String, Option<String>)> = Vec::new();
    for case in &cases {
        let name = case.dir.display().to_string();
        let actual = case.report(extractor)?;
        let path = case.snapshot_path();
        let stored = std::fs::read_to_string(&path).ok();
        let problem: Option<String> = match &stored {
            None => Some("no expected report (new case)".to_string()),
            Some(text) => {
                let expected: serde_json::Value = serde_json::from_str(crate::cases::snapshot_contents(text))
                    .map_err(|e| crate::cases::CaseError::Snapshot(path.display().to_string(), e.to_string()))?;
                let actual_v: serde_json::Value = serde_json::from_str(&actual)?;
                let changes = crate::cases::compare(&expected, &actual_v);
                (!changes.is_empty()).then(|| {
                    changes
                        .iter()
                        .map(|c| match c {
                            crate::cases::Change::Added(s) => format!("  + {s}"),
                            crate::cases::Change::Removed(s) => format!("  - {s}"),
                            crate::cases::Change::Changed(s) => format!("  ~ {s}"),
                        })
                        .collect::<Vec<_>>()
                        .join("\n")
                })
            }
        };
        match (&problem, bless) {
            (None, _) => {
                if !junit {
                    writeln!(out, "ok      {name}")?;
                }
            }
            (Some(p), true) => {
                let mut text = String::from(crate::cases::SNAPSHOT_HEADER);
                text.push_str(&actual);
                text.push('\n');
                write_atomically(&path, text.as_bytes())
                    .with_context(|| format!("cannot write `{}`", path.display()))?;
                if !junit {
                    let what = if stored.is_none() { "new" } else { "blessed" };
                    writeln!(out, "{what:<7} {name}")?;
                    if stored.is_some() {
                        writeln!(out, "{p}")?;
                    }
                }
            }
            (Some(p), false) => {
                failures += 1;
                if !junit {
                    writeln!(out, "FAIL    {name}\n{p}")?;
                }
            }
        }
        results.push((name, if bless { None } else { problem }));
    }
    if junit {
        let mut suite = quick_junit::TestSuite::new("cases");
        for (name, problem) in &results {
            let status = match problem {
                None => quick_junit::TestCaseStatus::success(),
                Some(p) => {
                    let mut s = quick_junit::TestCaseStatus::non_success(quick_junit::NonSuccessKind::Failure);
                    s.set_message("the report differs from the expected one");
                    s.set_description(p.clone());
                    s
                }
            };
            let mut case = quick_junit::TestCase::new(name.clone(), status);
            case.set_classname("factcheck test");
            suite.add_test_case(case);
        }
        let mut report = quick_junit::Report::new("factcheck");
        report.add_test_suite(suite);
        writeln!(
            out,
            "{}",
            report
                .to_string()
                .map_err(|e| anyhow::anyhow!("cannot write JUnit: {e}"))?
        )?;
    } else {
        writeln!(
            out,
            "cases: {} passed, {} failed{}",
            cases.len() - failures,
            failures,
            if failures > 0 && !bless {
                " (run with --bless to accept the new reports)"
            } else {
                ""
            }
        )?;
    }
    Ok(u8::from(failures > 0))
}
