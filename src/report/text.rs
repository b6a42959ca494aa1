//! The human-readable reports.

use std::fmt::Write;

use crate::article::Article;
use crate::extract::Claim;
use crate::kb::KnowledgeBase;

/// The text listing of `factcheck extract`: one line per claim with its details.
pub fn extraction(article: &Article, claims: &[Claim], kb: &KnowledgeBase) -> String {
    let mut out = String::new();
    for c in claims {
        let lc = article.line_col(c.span.start);
        let fields = super::claim_fields(article, c, kb);
        let details: Vec<String> = fields
            .iter()
            .filter(|(k, _)| !matches!(k.as_str(), "kind" | "text" | "span"))
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        let _ = writeln!(
            out,
            "{}:{}:{}: {:<11} {}\n    {}",
            article.name,
            lc.line,
            lc.column,
            c.kind.name(),
            c.text,
            details.join(" ")
        );
    }
    let _ = writeln!(out, "{} claims", claims.len());
    out
}

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::{ArticleReport, Summary};
use crate::check::Verdict;

/// The rustc-style report: every claim with its line underlined, verdict, reason and evidence,
/// then a summary line per article and in all.
pub fn report(reports: &[ArticleReport], _kb: &KnowledgeBase, styled: bool) -> String {
    let renderer = if styled { Renderer::styled() } else { Renderer::plain() };
    let mut out = String::new();
    let mut total = Summary::default();
    for r in reports {
        for c in &r.checked {
            let v = c.judgement.verdict;
            let level = match v {
                Verdict::Fail => Level::ERROR.with_name("fail"),
                Verdict::Unverified => Level::WARNING.with_name("unverified"),
                Verdict::Pass => Level::NOTE.with_name("pass"),
                Verdict::Ignored => Level::HELP.with_name("ignored"),
            };
            let title = level.primary_title(c.judgement.reason.as_str()).id(c.claim.kind.name());
            // Only the claim's lines go to the renderer (the whole article for each claim made
            // the report quadratic in the article's length).
            let (window, first_line) = r.article.line_window(c.claim.span.clone());
            let mut group = Group::with_title(title);
            // The window is whole lines of the text (character boundaries), so `get` always
            // succeeds; were it not, the claim would still be reported, without its lines.
            if let Some(lines) = r.article.text.get(window.clone()) {
                let snippet = Snippet::source(lines)
                    .line_start(first_line)
                    .path(r.article.name.as_str())
                    .annotation(
                        AnnotationKind::Primary
                            .span(c.claim.span.start - window.start..c.claim.span.end - window.start)
                            .label(c.claim.kind.name()),
                    );
                group = group.element(snippet);
            }
            let mut notes: Vec<String> = Vec::new();
            if let Some(d) = &c.judgement.diff {
                notes.push(format!("diff: {d}"));
            }
            for e in &c.judgement.evidence {
                notes.push(match &e.source {
                    Some(s) => format!("evidence: {} ({s})", e.rule),
                    None => format!("evidence: {}", e.rule),
                });
            }
            for n in &notes {
                group = group.element(Level::NOTE.no_name().message(n.as_str()));
            }
            out.push_str(&renderer.render(&[group]));
            out.push_str("\n\n");
        }
        for n in &r.notices {
            let title = Level::WARNING.primary_title(n.message.as_str()).id(n.code);
            let (window, first_line) = r.article.line_window(n.span.clone());
            let mut group = Group::with_title(title);
            // As above: `get` always succeeds, and the notice is reported even if it did not.
            if let Some(lines) = r.article.text.get(window.clone()) {
                let snippet = Snippet::source(lines)
                    .line_start(first_line)
                    .path(r.article.name.as_str())
                    .annotation(AnnotationKind::Primary.span(n.span.start - window.start..n.span.end - window.start));
                group = group.element(snippet);
            }
            out.push_str(&renderer.render(&[group]));
            out.push_str("\n\n");
        }
        let s = r.summary();
        total.add(&s);
        let _ = writeln!(out, "{}: {}", r.article.name, summary_line(&s));
    }
    if reports.len() > 1 {
        let _ = writeln!(out, "{} articles: {}", reports.len(), summary_line(&total));
    }
    out
}

/// "12 claims: 10 pass, 1 fail, 1 unverified".
pub fn summary_line(s: &Summary) -> String {
    let n = s.pass + s.fail + s.unverified + s.ignored;
    let mut line = format!(
        "{n} claim{}: {} pass, {} fail, {} unverified",
        if n == 1 { "" } else { "s" },
        s.pass,
        s.fail,
        s.unverified
    );
    if s.ignored > 0 {
        line.push_str(&format!(", {} ignored", s.ignored));
    }
    line
}
