//! Known cases: folders holding one article and its expected report, compared on every run
//! (`factcheck test`), and earlier reports compared with this run (`check --baseline`).
//!
//! A case folder holds `article.txt` or `article.md`, an optional `case.toml` (`date`,
//! `description`, `credit`), and `report.snap`: the expected JSON report, stored in insta's
//! snapshot format so that the same file serves `factcheck test` and the project's own insta
//! tests — there is never a second copy of the same expectation.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::Value;

use crate::article::Article;
use crate::date::Date;
use crate::extract::Extractor;

/// The file name of a case's expected report.
pub const SNAPSHOT: &str = "report.snap";

/// The header written before a blessed report (insta compares only what follows it).
pub const SNAPSHOT_HEADER: &str = "---\nsource: tests/cases.rs\nexpression: report\n---\n";

/// A case's settings (`case.toml`).
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
pub struct CaseSettings {
    /// What the case is for.
    pub description: Option<String>,
    /// The publication date to judge on (else the article's front matter).
    pub date: Option<toml::value::Datetime>,
    /// Who wrote the article, for third-party text.
    pub credit: Option<String>,
}

/// A case folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Case {
    /// The folder.
    pub dir: PathBuf,
    /// Its article.
    pub article: PathBuf,
    /// Its settings.
    pub settings: CaseSettings,
}

/// Why a case could not be used.
#[derive(Debug, thiserror::Error)]
pub enum CaseError {
    /// The folder could not be read.
    #[error("cannot read {0}: {1}")]
    Io(String, String),
    /// `case.toml` is invalid.
    #[error("{0}: {1}")]
    Settings(String, String),
    /// The folder has no article, or more than one.
    #[error("{0}: a case folder holds exactly one article.txt or article.md")]
    Article(String),
    /// The article could not be read.
    #[error(transparent)]
    Read(#[from] crate::article::ArticleError),
    /// The stored report is not a report.
    #[error("{0}: the stored report is not valid JSON: {1}")]
    Snapshot(String, String),
}

impl Case {
    /// The publication date the case is judged on.
    pub fn date(&self) -> Option<Date> {
        let d = self.settings.date.as_ref()?.date?;
        Date::new(d.year as i16, d.month as i8, d.day as i8).ok()
    }

    /// The case's name: its folder's name.
    pub fn name(&self) -> String {
        self.dir
            .file_name()
            .map_or_else(|| self.dir.display().to_string(), |n| n.to_string_lossy().into_owned())
    }

    /// Where its expected report is stored.
    pub fn snapshot_path(&self) -> PathBuf {
        self.dir.join(SNAPSHOT)
    }

    /// The case's report as pretty JSON, with the article named relative to the case folder so
    /// that the report does not depend on where the cases are.
    pub fn report(&self, extractor: &Extractor) -> Result<String, CaseError> {
        let mut article = Article::read(&self.article, self.date())?;
        article.name = self
            .article
            .file_name()
            .map_or_else(|| article.name.clone(), |n| n.to_string_lossy().into_owned());
        let report = crate::check_article(extractor, article);
        let json = crate::report::json::article(&report, extractor.kb());
        Ok(serde_json::to_string_pretty(&json).unwrap_or_default())
    }
}

/// Every case folder below `root`, in path order: a folder holding `case.toml`, or an
/// `article.txt`/`article.md`.
pub fn find(root: &Path) -> Result<Vec<Case>, CaseError> {
    let mut out = Vec::new();
    walk(root, &mut out)?;
    out.sort_by(|a, b| a.dir.cmp(&b.dir));
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<Case>) -> Result<(), CaseError> {
    let io = |e: std::io::Error| CaseError::Io(dir.display().to_string(), crate::rules::loader::io_reason(&e));
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .map_err(io)?;
    entries.sort();
    let articles: Vec<&PathBuf> = entries
        .iter()
        .filter(|p| {
            p.is_file()
                && p.file_stem().is_some_and(|s| s == "article")
                && p.extension().is_some_and(|e| e == "txt" || e == "md")
        })
        .collect();
    let settings_path = dir.join("case.toml");
    if settings_path.is_file() || !articles.is_empty() {
        let [article] = articles.as_slice() else {
            return Err(CaseError::Article(dir.display().to_string()));
        };
        let settings = if settings_path.is_file() {
            let text = crate::rules::loader::read_text(&settings_path)
                .map_err(|r| CaseError::Io(settings_path.display().to_string(), r))?;
            toml::from_str::<CaseSettings>(&text)
                .map_err(|e| CaseError::Settings(settings_path.display().to_string(), e.message().to_string()))?
        } else {
            CaseSettings::default()
        };
        out.push(Case {
            dir: dir.to_path_buf(),
            article: (*article).clone(),
            settings,
        });
        return Ok(());
    }
    for e in entries.iter().filter(|p| p.is_dir()) {
        walk(e, out)?;
    }
    Ok(())
}

/// The stored report of a snapshot file: what follows its header.
pub fn snapshot_contents(text: &str) -> &str {
    let Some(rest) = text.strip_prefix("---\n") else {
        return text;
    };
    match rest.split_once("\n---\n") {
        Some((_, report)) => report,
        None => text,
    }
}

/// A claim's identity across two reports: kind, span start and end, text.
type ClaimKey = (String, u64, u64, String);

/// The identity of a claim of a JSON report.
fn key(c: &Value) -> ClaimKey {
    (
        c["kind"].as_str().unwrap_or_default().to_string(),
        c.pointer("/span/start").and_then(Value::as_u64).unwrap_or_default(),
        c.pointer("/span/end").and_then(Value::as_u64).unwrap_or_default(),
        c["text"].as_str().unwrap_or_default().to_string(),
    )
}

/// One claim that differs between an expected and an actual report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// Only in the actual report.
    Added(String),
    /// Only in the expected report.
    Removed(String),
    /// In both, differently.
    Changed(String),
}

fn describe(c: &Value) -> String {
    format!(
        "{} {}:{} {:?}: {}",
        c["kind"].as_str().unwrap_or("?"),
        c.pointer("/span/line").unwrap_or(&Value::Null),
        c.pointer("/span/column").unwrap_or(&Value::Null),
        c["text"].as_str().unwrap_or(""),
        c["verdict"].as_str().unwrap_or("(no verdict)")
    )
}

/// Compares two article reports claim by claim.
pub fn compare(expected: &Value, actual: &Value) -> Vec<Change> {
    let claims = |v: &Value| -> BTreeMap<ClaimKey, Value> {
        v["claims"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|c| (key(c), c.clone()))
            .collect()
    };
    let (old, new) = (claims(expected), claims(actual));
    let mut out = Vec::new();
    for (k, o) in &old {
        match new.get(k) {
            None => out.push(Change::Removed(describe(o))),
            Some(n) if n != o => {
                let mut lines = vec![describe(n)];
                let fields: std::collections::BTreeSet<&String> = o
                    .as_object()
                    .into_iter()
                    .chain(n.as_object())
                    .flat_map(|m| m.keys())
                    .collect();
                for f in fields {
                    if o.get(f) != n.get(f) {
                        lines.push(format!(
                            "      {f}: {} → {}",
                            o.get(f).map_or("(none)".into(), Value::to_string),
                            n.get(f).map_or("(none)".into(), Value::to_string)
                        ));
                    }
                }
                out.push(Change::Changed(lines.join("\n")));
            }
            Some(_) => {}
        }
    }
    for (k, n) in &new {
        if !old.contains_key(k) {
            out.push(Change::Added(describe(n)));
        }
    }
    for f in ["summary", "notices", "date", "path"] {
        if expected.get(f) != actual.get(f) && f != "summary" {
            out.push(Change::Changed(format!(
                "{f}: {} → {}",
                expected.get(f).map_or("(none)".into(), Value::to_string),
                actual.get(f).map_or("(none)".into(), Value::to_string)
            )));
        }
    }
    out
}

/// A claim whose verdict differs from an earlier report's.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Flip {
    /// The article.
    pub path: String,
    /// The claim's kind.
    pub kind: String,
    /// The claim's text.
    pub text: String,
    /// 1-based line.
    pub line: u64,
    /// The verdict before.
    pub old: String,
    /// The verdict now.
    pub new: String,
    /// Why, now.
    pub reason: String,
}

/// The claims of `current` whose verdict differs from the same claim in `baseline` (both full
/// JSON reports). Claims new in `current` count as flipped from "absent".
pub fn flips(baseline: &Value, current: &Value) -> Vec<Flip> {
    let mut old: BTreeMap<(String, ClaimKey), String> = BTreeMap::new();
    for a in baseline["articles"].as_array().into_iter().flatten() {
        let path = a["path"].as_str().unwrap_or_default().to_string();
        for c in a["claims"].as_array().into_iter().flatten() {
            old.insert(
                (path.clone(), key(c)),
                c["verdict"].as_str().unwrap_or_default().to_string(),
            );
        }
    }
    let mut out = Vec::new();
    for a in current["articles"].as_array().into_iter().flatten() {
        let path = a["path"].as_str().unwrap_or_default().to_string();
        for c in a["claims"].as_array().into_iter().flatten() {
            let k = (path.clone(), key(c));
            let new = c["verdict"].as_str().unwrap_or_default().to_string();
            let before = old.get(&k).cloned().unwrap_or_else(|| "absent".into());
            if before != new {
                out.push(Flip {
                    path: path.clone(),
                    kind: k.1.0.clone(),
                    text: k.1.3.clone(),
                    line: c.pointer("/span/line").and_then(Value::as_u64).unwrap_or_default(),
                    old: before,
                    new,
                    reason: c["reason"].as_str().unwrap_or_default().to_string(),
                });
            }
        }
    }
    out
}
