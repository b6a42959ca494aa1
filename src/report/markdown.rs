//! The Markdown report, for a pull-request comment: a heading and a table per article, failures
//! first, then unverified claims, then passes, then ignored ones; the article's notices after its
//! table; an overall summary at the top when there are several articles.
//!
//! Everything taken from an article or a rule file is escaped, so a claim holding `|`, `*` or a
//! line break cannot break the table or the comment's formatting.

use std::fmt::Write;

use super::text::summary_line;
use super::{ArticleReport, Summary};
use crate::check::{Checked, Evidence, Verdict};
use crate::kb::KnowledgeBase;

/// Renders the Markdown report of `reports` (one section per article, in the order given).
pub fn render(reports: &[ArticleReport], _kb: &KnowledgeBase) -> String {
    let mut out = String::from("## factcheck report\n\n");
    if reports.is_empty() {
        out.push_str("No articles were checked.\n");
        return out;
    }
    if reports.len() > 1 {
        let mut total = Summary::default();
        for r in reports {
            total.add(&r.summary());
        }
        let _ = writeln!(out, "**{} articles**: {}\n", reports.len(), summary_line(&total));
    }
    for (i, r) in reports.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        article(&mut out, r);
    }
    out
}

/// One article's section: heading, summary line, table, notices.
fn article(out: &mut String, r: &ArticleReport) {
    let _ = writeln!(out, "### {}\n", code(&r.article.name));
    let mut line = summary_line(&r.summary());
    if let Some(d) = r.article.date {
        let _ = write!(line, " (as of {d})");
    }
    let _ = writeln!(out, "{}\n", escape(&line));
    if r.checked.is_empty() {
        out.push_str("No claims found.\n");
    } else {
        out.push_str("| verdict | kind | claim | line:col | reason | evidence |\n");
        out.push_str("|---|---|---|---|---|---|\n");
        let mut rows: Vec<&Checked> = r.checked.iter().collect();
        // A stable sort: within one verdict, claims stay in the order they appear.
        rows.sort_by_key(|c| rank(c.judgement.verdict));
        for c in rows {
            let lc = r.article.line_col(c.claim.span.start);
            let mut reason = escape(&c.judgement.reason);
            if let Some(d) = &c.judgement.diff {
                let _ = write!(reason, "<br>diff: {}", code(d));
            }
            let evidence: Vec<String> = c.judgement.evidence.iter().map(evidence).collect();
            let evidence = if evidence.is_empty() {
                "—".to_string()
            } else {
                evidence.join("<br>")
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} | {}:{} | {} | {} |",
                marker(c.judgement.verdict),
                c.claim.kind.name(),
                escape(&c.claim.text),
                lc.line,
                lc.column,
                reason,
                evidence
            );
        }
    }
    if !r.notices.is_empty() {
        out.push_str("\n**Notices**\n\n");
        for n in &r.notices {
            let _ = writeln!(
                out,
                "- {}:{} {}: {}",
                n.line,
                n.column,
                code(n.code),
                escape(&n.message)
            );
        }
    }
}

/// The order of the table's rows: failures first.
fn rank(v: Verdict) -> u8 {
    match v {
        Verdict::Fail => 0,
        Verdict::Unverified => 1,
        Verdict::Pass => 2,
        Verdict::Ignored => 3,
    }
}

/// The verdict column: bold for what needs a look.
fn marker(v: Verdict) -> &'static str {
    match v {
        Verdict::Fail => "**FAIL**",
        Verdict::Unverified => "**UNVERIFIED**",
        Verdict::Pass => "PASS",
        Verdict::Ignored => "IGNORED",
    }
}

/// One piece of evidence: the rule's `file:line` as code, its source as a link when it is a
/// web address and as plain text otherwise (sources may be a publication's name and date).
fn evidence(e: &Evidence) -> String {
    let rule = code(&e.rule);
    match &e.source {
        Some(s) if is_url(s) => format!("{rule} ([source]({}))", link_target(s)),
        Some(s) => format!("{rule} ({})", escape(s)),
        None => rule,
    }
}

/// Whether `s` is a single web address.
fn is_url(s: &str) -> bool {
    (s.starts_with("https://") || s.starts_with("http://")) && !s.chars().any(char::is_whitespace)
}

/// A URL made safe as a link target: in angle brackets, with the characters that would end the
/// link or the table cell percent-encoded.
fn link_target(url: &str) -> String {
    let mut t = String::from("<");
    for c in url.chars() {
        match c {
            '<' => t.push_str("%3C"),
            '>' => t.push_str("%3E"),
            '|' => t.push_str("%7C"),
            '\\' => t.push_str("%5C"),
            _ => t.push(c),
        }
    }
    t.push('>');
    t
}

/// Text made inert in a table cell: line breaks become spaces, and every character that
/// Markdown or a GFM table gives a meaning is backslash-escaped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push(' ');
                }
            }
            '\n' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Text as a code span that no backtick inside it can end early; `|` is still escaped, since a
/// GFM table splits cells on it even inside code.
fn code(s: &str) -> String {
    let s = s.replace(['\r', '\n'], " ").replace('|', "\\|");
    let longest = s.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    if s.starts_with('`') || s.ends_with('`') {
        format!("{fence} {s} {fence}")
    } else {
        format!("{fence}{s}{fence}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_keeps_a_table_cell_whole() {
        assert_eq!(escape("a | b\nc\r\nd"), "a \\| b c d");
        assert_eq!(escape("*bold* _x_ [l](u) <b>"), "\\*bold\\* \\_x\\_ \\[l\\](u) \\<b\\>");
    }

    #[test]
    fn code_spans_survive_backticks_and_pipes() {
        assert_eq!(code("rules/a.fc:3"), "`rules/a.fc:3`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`x"), "`` `x ``");
        assert_eq!(code("a|b"), "`a\\|b`");
    }

    #[test]
    fn only_web_addresses_become_links() {
        let e = Evidence {
            rule: "rules/a.fc:3".into(),
            source: Some("https://example.org/a|b".into()),
        };
        assert_eq!(evidence(&e), "`rules/a.fc:3` ([source](<https://example.org/a%7Cb>))");
        let e = Evidence {
            rule: "rules/a.fc:3".into(),
            source: Some("example.org, 2024 [print]".into()),
        };
        assert_eq!(evidence(&e), "`rules/a.fc:3` (example.org, 2024 \\[print\\])");
    }
}
