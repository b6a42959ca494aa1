//! Writes a synthetic knowledge base and news articles for benchmarks and scale tests.
//!
//! ```text
//! cargo run --release --example generate -- --facts N --articles M --out DIR [--seed S] [--pad-to T] [--verify]
//! ```
//!
//! writes `DIR/rules/*.fc` (about N facts, 50,000 statements per file), `DIR/articles/*.txt`
//! (M articles of 200 to 600 words), `DIR/patterns.txt` (every name, alias and title of the
//! knowledge base, for `grep -F -f`) and `DIR/manifest.json` (the mix, and every claim written
//! into the articles with its expected verdict and what was planted). The same arguments always
//! give the same bytes. See `examples/gen/mod.rs` for the mix.
//!
//! `--pad-to T` grows the knowledge base to T facts with countries, people, offices, tenures,
//! events and quotes that no article names: the articles and their verdicts are those of
//! `--facts N`, so the same articles can be checked against ever larger knowledge bases.
//!
//! `--verify` then loads the rules and checks every article with factcheck, and compares each
//! planned claim's verdict with the manifest's.

#[path = "gen/mod.rs"]
mod r#gen;

use std::path::PathBuf;
use std::process::ExitCode;

fn usage() -> ExitCode {
    eprintln!("usage: generate --facts N --articles M --out DIR [--seed S] [--pad-to T] [--verify]");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut facts = None;
    let mut articles = 0usize;
    let mut out = None;
    let mut seed = 1u64;
    let mut pad_to = None;
    let mut verify = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next();
        match a.as_str() {
            "--facts" => facts = value().and_then(|v| v.replace('_', "").parse().ok()),
            "--articles" => match value().and_then(|v| v.replace('_', "").parse().ok()) {
                Some(n) => articles = n,
                None => return usage(),
            },
            "--out" => out = value().map(PathBuf::from),
            "--seed" => match value().and_then(|v| v.parse().ok()) {
                Some(s) => seed = s,
                None => return usage(),
            },
            "--pad-to" => match value().and_then(|v| v.replace('_', "").parse().ok()) {
                Some(n) => pad_to = Some(n),
                None => return usage(),
            },
            "--verify" => verify = true,
            _ => return usage(),
        }
    }
    let (Some(facts), Some(out)) = (facts, out) else {
        return usage();
    };
    let started = std::time::Instant::now();
    let g = r#gen::generate(r#gen::Params {
        facts,
        articles,
        seed,
        pad_to,
    });
    if let Err(e) = g.write(&out) {
        eprintln!("error: cannot write to `{}`: {e}", out.display());
        return ExitCode::from(2);
    }
    let m = g.mix;
    eprintln!(
        "wrote {} in {:.1?}: {} rule files ({} bytes): {} countries, {} organizations, {} people, {} offices, {} tenures, {} events, {} quotes; {} articles ({} bytes); {} patterns",
        out.display(),
        started.elapsed(),
        g.rules.len(),
        g.rules.iter().map(|r| r.1.len()).sum::<usize>(),
        m.countries,
        m.organizations,
        m.people,
        m.offices,
        m.tenures,
        m.events,
        m.quotes,
        g.articles.len(),
        g.articles.iter().map(|a| a.text.len()).sum::<usize>(),
        g.patterns.len()
    );
    if verify {
        return self::verify(&out, &g);
    }
    ExitCode::SUCCESS
}

/// Checks every article with factcheck and compares the planned claims' verdicts.
fn verify(dir: &std::path::Path, g: &r#gen::Generated) -> ExitCode {
    use factcheck::check::Verdict;
    use factcheck::extract::ClaimKind;
    let rules = factcheck::load_rules(&[dir.join("rules")], &Default::default());
    if rules.has_errors() {
        eprintln!(
            "verify: the rules have errors; run `factcheck lint {}`",
            dir.join("rules").display()
        );
        return ExitCode::from(1);
    }
    let extractor = factcheck::extract::Extractor::new(&rules.kb);
    let (mut agree, mut differ, mut missing, mut false_alarms) = (0, 0, 0, 0);
    let mut shown = 0;
    for a in &g.articles {
        let path = dir.join("articles").join(&a.name);
        let article = match factcheck::article::Article::read(&path, None) {
            Ok(x) => x,
            Err(e) => {
                eprintln!("verify: {e}");
                return ExitCode::from(1);
            }
        };
        let report = factcheck::check_article(&extractor, article);
        for c in &a.claims {
            let kind = match c.kind {
                "role" => ClaimKind::Role,
                "date" => ClaimKind::Date,
                _ => ClaimKind::Attribution,
            };
            let found = report
                .checked
                .iter()
                .filter(|x| x.claim.kind == kind && x.claim.span.start < c.end && c.start < x.claim.span.end)
                .max_by_key(|x| x.claim.span.end.min(c.end) - x.claim.span.start.max(c.start));
            match found {
                None => {
                    missing += 1;
                    if shown < 15 {
                        shown += 1;
                        eprintln!("verify: {}: not found: {} `{}`", a.name, c.kind, c.text);
                    }
                }
                Some(x) if x.judgement.verdict.name() == c.verdict => agree += 1,
                Some(x) => {
                    differ += 1;
                    if shown < 15 {
                        shown += 1;
                        eprintln!(
                            "verify: {}: {} `{}`: expected {}, got {} ({})",
                            a.name,
                            c.kind,
                            c.text,
                            c.verdict,
                            x.judgement.verdict.name(),
                            x.judgement.reason
                        );
                    }
                }
            }
        }
        for x in &report.checked {
            if x.judgement.verdict == Verdict::Fail
                && !a
                    .claims
                    .iter()
                    .any(|c| c.verdict == "fail" && x.claim.span.start < c.end && c.start < x.claim.span.end)
            {
                false_alarms += 1;
                if shown < 15 {
                    shown += 1;
                    eprintln!(
                        "verify: {}: false alarm: `{}` ({})",
                        a.name, x.claim.text, x.judgement.reason
                    );
                }
            }
        }
    }
    eprintln!("verify: {agree} agree, {differ} differ, {missing} not found, {false_alarms} false alarms");
    if differ + missing + false_alarms == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
