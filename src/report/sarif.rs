//! The SARIF 2.1.0 report, for code scanning (GitHub and other SARIF viewers).
//!
//! One run; the tool's rules are the three claim kinds (`factcheck/role`, `factcheck/date`,
//! `factcheck/attribution`). Each failed claim is a result of level `error` and each unverified
//! claim one of level `note`; passed and ignored claims give no result. A result points at the
//! claim in the article (line and column, columns counted in Unicode code points, as the run's
//! `columnKind` says), carries the reason and evidence in its message, the rule files that
//! decided it as related locations, and a fingerprint that stays the same while the claim's
//! words do, so that a viewer can follow an alert from one run to the next.
//!
//! The SARIF objects are written as plain serde structs rather than taken from a SARIF crate:
//! only the few properties used here are modelled.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Map, Value, json};

use super::{ArticleReport, claim_fields};
use crate::article::Article;
use crate::check::{Checked, Evidence, Verdict};
use crate::extract::ClaimKind;
use crate::kb::KnowledgeBase;

/// The schema the log declares.
const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The claim kinds, in the order of the driver's `rules` (a result's `ruleIndex`).
const KINDS: [ClaimKind; 3] = [ClaimKind::Role, ClaimKind::Date, ClaimKind::Attribution];

/// Renders the SARIF log of `reports` as pretty-printed JSON.
pub fn render(reports: &[ArticleReport], kb: &KnowledgeBase) -> String {
    let log = log(reports, kb);
    // Plain structs of strings, numbers and JSON values always serialise.
    serde_json::to_string_pretty(&log).unwrap_or_default()
}

/// The whole log: one run with its tool and results.
fn log(reports: &[ArticleReport], kb: &KnowledgeBase) -> Log {
    let mut results = Vec::new();
    for r in reports {
        let uri = artifact_uri(&r.article.name);
        let mut seen: BTreeMap<(ClaimKind, String), usize> = BTreeMap::new();
        for c in &r.checked {
            // Counted over every claim, whatever its verdict, so that a claim's fingerprint does
            // not change when an earlier claim with the same words changes verdict.
            let n = seen
                .entry((c.claim.kind, normalise(&c.claim.text)))
                .and_modify(|n| *n += 1)
                .or_insert(1);
            let level = match c.judgement.verdict {
                Verdict::Fail => "error",
                Verdict::Unverified => "note",
                Verdict::Pass | Verdict::Ignored => continue,
            };
            results.push(result(&r.article, &uri, c, level, *n, kb));
        }
    }
    let information_uri = [env!("CARGO_PKG_REPOSITORY"), env!("CARGO_PKG_HOMEPAGE")]
        .into_iter()
        .find(|u| !u.is_empty());
    Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "factcheck",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri,
                    rules: KINDS.iter().map(|&k| rule(k)).collect(),
                },
            },
            column_kind: "unicodeCodePoints",
            results,
        }],
    }
}

/// The rule id of a claim kind.
fn rule_id(kind: ClaimKind) -> String {
    format!("factcheck/{}", kind.name())
}

/// The driver's description of one claim kind.
fn rule(kind: ClaimKind) -> ReportingDescriptor {
    let (name, short, full, help) = match kind {
        ClaimKind::Role => (
            "RoleClaim",
            "A title or office given to a person, checked against the recorded tenures.",
            "A role claim (\"former Finance Minister Jane Doe\") is checked against the tenures in the \
             rule files as of the article's date, or the date of the event the sentence describes for \
             \"then-\": in office, former, elect or acting. It fails when the record contradicts it (a stale or \
             premature title, an office the person never held, an exclusive office someone else held) and is \
             unverified when the person or the office is unknown or the office's list of holders is open.",
            "Correct the title or its qualifier (former, then-, -elect, acting) in the article; if the article is \
             right, correct or complete the `tenure` statements of the rule files named as evidence.",
        ),
        ClaimKind::Date => (
            "DateClaim",
            "A date given to an event, checked against the event's recorded date.",
            "A date claim (\"on Tuesday\", \"March 3, 2019\", \"in 2018\") is read at the precision it is written \
             in, relative to the article's date where it is relative, and checked against the date of the event \
             it is attached to. It fails when the event is known and its date does not match, and is unverified \
             when no known event is linked to it.",
            "Correct the date (day, weekday, month or year) in the article; if the article is right, correct the \
             `event` statement of the rule file named as evidence, or add the event with its date and source.",
        ),
        ClaimKind::Attribution => (
            "AttributionClaim",
            "Quoted words, checked against the recorded words of the speaker they are given to.",
            "An attribution claim (quoted words and who said or wrote them) is checked against the recorded \
             quotes, after normalising quotation marks, dashes, whitespace, ellipses and bracketed insertions. \
             It fails when the words are recorded for a different speaker (misattributed) or are a near miss of \
             the speaker's recorded words (misquoted, shown as a word diff), and is unverified when no record \
             matches or the speaker is not known.",
            "Correct the quotation or its speaker in the article; if the article is right, add the quote to the \
             rule files with its speaker, date and source.",
        ),
    };
    ReportingDescriptor {
        id: rule_id(kind),
        name,
        short_description: Message::new(short),
        full_description: Message::new(full),
        help: Message::new(help),
        default_configuration: Configuration { level: "error" },
    }
}

/// One result: a failed or unverified claim.
fn result(
    article: &Article,
    uri: &str,
    c: &Checked,
    level: &'static str,
    nth: usize,
    kb: &KnowledgeBase,
) -> SarifResult {
    let claim = &c.claim;
    let j = &c.judgement;
    let mut text = j.reason.clone();
    if let Some(d) = &j.diff {
        text.push_str("\ndiff: ");
        text.push_str(d);
    }
    for e in &j.evidence {
        text.push_str("\nevidence: ");
        text.push_str(&evidence_text(e));
    }
    let start = article.line_col(claim.span.start);
    let end = article.line_col(claim.span.end);
    let region = Region {
        start_line: start.line,
        start_column: Some(start.column),
        end_line: Some(end.line),
        end_column: Some(end.column),
        snippet: article.text.get(claim.span.clone()).map(Message::new),
    };
    let related_locations = j
        .evidence
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let (file, line) = e.rule.rsplit_once(':')?;
            let line: usize = line.parse().ok()?;
            Some(Location {
                id: Some(i),
                physical_location: PhysicalLocation {
                    artifact_location: ArtifactLocation {
                        uri: artifact_uri(file),
                    },
                    region: Region {
                        start_line: line,
                        start_column: None,
                        end_line: None,
                        end_column: None,
                        snippet: None,
                    },
                },
                message: Some(Message::new(match &e.source {
                    Some(s) => format!("evidence (source: {s})"),
                    None => "evidence".to_string(),
                })),
            })
        })
        .collect();
    let fingerprint = format!(
        "{:016x}:{nth}",
        fnv1a([claim.kind.name(), normalise(&claim.text).as_str(), &article.name])
    );
    let mut properties = Map::new();
    properties.insert("verdict".into(), json!(j.verdict));
    properties.insert("evidence".into(), json!(j.evidence));
    if let Some(d) = &j.diff {
        properties.insert("diff".into(), json!(d));
    }
    properties.insert("claim".into(), Value::Object(claim_fields(article, claim, kb)));
    SarifResult {
        rule_id: rule_id(claim.kind),
        rule_index: KINDS.iter().position(|&k| k == claim.kind).unwrap_or(0),
        level,
        message: Message::new(text),
        locations: vec![Location {
            id: None,
            physical_location: PhysicalLocation {
                artifact_location: ArtifactLocation { uri: uri.to_string() },
                region,
            },
            message: None,
        }],
        related_locations,
        partial_fingerprints: BTreeMap::from([("primaryLocationLineHash", fingerprint)]),
        properties,
    }
}

/// One piece of evidence as text: `rules/x.fc:12 (source)`.
fn evidence_text(e: &Evidence) -> String {
    match &e.source {
        Some(s) => format!("{} ({s})", e.rule),
        None => e.rule.clone(),
    }
}

/// Whitespace runs as single spaces, so that re-wrapping a paragraph keeps its fingerprints.
fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// 64-bit FNV-1a of the parts, each followed by a zero byte.
fn fnv1a<'a>(parts: impl IntoIterator<Item = &'a str>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in part.as_bytes().iter().chain(&[0]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// A path as a SARIF artifact URI: forward slashes, a relative path kept relative (without a
/// leading `./`), an absolute one as a `file://` URI, and the characters a URI cannot hold
/// percent-encoded.
fn artifact_uri(path: &str) -> String {
    let mut p = path.replace('\\', "/");
    while let Some(rest) = p.strip_prefix("./") {
        p = rest.to_string();
    }
    let drive = match p.as_bytes() {
        [letter, b':', rest @ ..] => letter.is_ascii_alphabetic() && rest.first().is_none_or(|&c| c == b'/'),
        _ => false,
    };
    let prefix = if drive {
        "file:///"
    } else if p.starts_with('/') {
        "file://"
    } else {
        ""
    };
    let mut out = String::from(prefix);
    for (i, &b) in p.as_bytes().iter().enumerate() {
        let keep = b.is_ascii_alphanumeric()
            || b"-._~/!$&'()*+,;=@".contains(&b)
            // A colon is kept in a drive letter only: in a relative path's first segment it
            // would read as a URI scheme.
            || (b == b':' && drive && i == 1);
        if keep {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The top-level SARIF object.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Log {
    /// The schema URI.
    #[serde(rename = "$schema")]
    schema: &'static str,
    /// Always "2.1.0".
    version: &'static str,
    /// One run.
    runs: Vec<Run>,
}

/// One invocation of the tool.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    /// The tool.
    tool: Tool,
    /// How columns are counted.
    column_kind: &'static str,
    /// The results.
    results: Vec<SarifResult>,
}

/// The tool.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Tool {
    /// The tool's main component.
    driver: Driver,
}

/// factcheck itself.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    /// "factcheck".
    name: &'static str,
    /// The crate's version.
    version: &'static str,
    /// The same, as a semantic version.
    semantic_version: &'static str,
    /// Where to learn about the tool, when the package names a repository or homepage.
    #[serde(skip_serializing_if = "Option::is_none")]
    information_uri: Option<&'static str>,
    /// One rule per claim kind.
    rules: Vec<ReportingDescriptor>,
}

/// A rule: one claim kind.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportingDescriptor {
    /// `factcheck/<kind>`.
    id: String,
    /// A PascalCase name.
    name: &'static str,
    /// One sentence.
    short_description: Message,
    /// What is checked and when it fails.
    full_description: Message,
    /// What to do about a result.
    help: Message,
    /// The level of a result unless it says otherwise.
    default_configuration: Configuration,
}

/// A rule's default configuration.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Configuration {
    /// "error", "warning", "note" or "none".
    level: &'static str,
}

/// A plain-text message.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Message {
    /// The text.
    text: String,
}

impl Message {
    /// A message of `text`.
    fn new(text: impl Into<String>) -> Self {
        Message { text: text.into() }
    }
}

/// One result.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    /// The rule (claim kind).
    rule_id: String,
    /// Its index in the driver's rules.
    rule_index: usize,
    /// "error" for a fail, "note" for unverified.
    level: &'static str,
    /// Reason, diff and evidence.
    message: Message,
    /// The claim in the article.
    locations: Vec<Location>,
    /// The rule-file lines given as evidence.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    /// `primaryLocationLineHash`.
    partial_fingerprints: BTreeMap<&'static str, String>,
    /// Verdict, evidence, diff and the claim's fields as in the JSON report.
    properties: Map<String, Value>,
}

/// A location.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    /// Its id among a result's related locations.
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    /// The file and region.
    physical_location: PhysicalLocation,
    /// What it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Message>,
}

/// A file and a region in it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    /// The file.
    artifact_location: ArtifactLocation,
    /// The region.
    region: Region,
}

/// A file.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    /// Its URI, relative when the path given was.
    uri: String,
}

/// A region of a file: 1-based lines and columns, the end column just past the last character.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    /// First line.
    start_line: usize,
    /// First column.
    #[serde(skip_serializing_if = "Option::is_none")]
    start_column: Option<usize>,
    /// Last line.
    #[serde(skip_serializing_if = "Option::is_none")]
    end_line: Option<usize>,
    /// The column after the last character.
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<usize>,
    /// The region's text.
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<Message>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_references_or_file_uris() {
        assert_eq!(artifact_uri("cases/a b/article.txt"), "cases/a%20b/article.txt");
        assert_eq!(artifact_uri("./cases\\x.md"), "cases/x.md");
        assert_eq!(artifact_uri("/tmp/x.md"), "file:///tmp/x.md");
        assert_eq!(artifact_uri("C:\\news\\x.md"), "file:///C:/news/x.md");
        assert_eq!(artifact_uri("a:b.md"), "a%3Ab.md");
        assert_eq!(artifact_uri("é.md"), "%C3%A9.md");
    }

    #[test]
    fn fingerprints_ignore_wrapping_but_not_words() {
        let a = fnv1a(["role", normalise("former  Defense\nMinister").as_str(), "a.txt"]);
        let b = fnv1a(["role", normalise("former Defense Minister").as_str(), "a.txt"]);
        let c = fnv1a(["role", "former Defense Minister", "b.txt"]);
        assert_eq!(a, b);
        assert_ne!(a, c);
        // The FNV-1a test vector: the empty string hashes to the offset basis.
        assert_eq!(fnv1a(std::iter::empty()), 0xcbf2_9ce4_8422_2325);
    }
}
