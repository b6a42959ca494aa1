//! Reports: one module per output format. Every format renders the same data, so each claim's
//! fields are gathered once here.

pub mod json;
pub mod junit;
pub mod markdown;
pub mod sarif;
pub mod text;

use serde_json::{Map, Value, json};

use crate::article::Article;
use crate::extract::{Claim, Detail, Qualifier};
use crate::kb::KnowledgeBase;

/// A claim's fields as the JSON report and the snapshots show them (without its verdict).
pub fn claim_fields(article: &Article, claim: &Claim, kb: &KnowledgeBase) -> Map<String, Value> {
    let lc = article.line_col(claim.span.start);
    let mut m = Map::new();
    m.insert("kind".into(), json!(claim.kind));
    m.insert("text".into(), json!(claim.text));
    m.insert(
        "span".into(),
        json!({ "start": claim.span.start, "end": claim.span.end, "line": lc.line, "column": lc.column }),
    );
    // The claim's ids were looked up in this knowledge base, so every `get` below finds its entry.
    match &claim.detail {
        Detail::Role(r) => {
            m.insert("person".into(), json!(r.person.written));
            if let Some(p) = r.person.id.and_then(|p| kb.persons.get(p.index())) {
                m.insert("person_id".into(), json!(p.name));
            }
            m.insert("title".into(), json!(r.title));
            if r.qualifier != Qualifier::None {
                m.insert("qualifier".into(), json!(r.qualifier));
            }
            let offices: Vec<&str> = r
                .offices
                .iter()
                .filter_map(|o| kb.offices.get(o.index()))
                .map(|o| o.name.as_str())
                .collect();
            m.insert("offices".into(), json!(offices));
            if let Some(b) = r.body.and_then(|b| kb.bodies.get(b.index())) {
                m.insert("body".into(), json!(b.name));
            }
            if let Some(u) = &r.unknown_body {
                m.insert("unknown_body".into(), json!(u));
            }
            if !r.exact && !r.offices.is_empty() {
                m.insert("partial_title".into(), json!(true));
            }
            if r.affiliation {
                m.insert("affiliation".into(), json!(true));
            }
        }
        Detail::Date(d) => {
            if let Some(v) = d.value {
                m.insert("value".into(), json!(v.to_string()));
                m.insert("precision".into(), json!(d.precision));
            }
            m.insert("relative".into(), json!(d.relative));
            if d.year_inferred {
                m.insert("year_inferred".into(), json!(true));
            }

            if let Some(u) = &d.unresolved {
                m.insert("unresolved".into(), json!(u));
            }
            if let Some(w) = &d.weekday {
                m.insert("weekday".into(), json!(w));
            }
            let events: Vec<&str> = d
                .events
                .iter()
                .filter_map(|e| kb.events.get(e.index()))
                .map(|e| e.name.as_str())
                .collect();
            if !events.is_empty() {
                m.insert("events".into(), json!(events));
            }
            if let Some(s) = d.statement_by {
                m.insert("statement_by".into(), json!(kb.speaker_name(s)));
            }
            if let Some(l) = &d.linked_by {
                m.insert("linked_by".into(), json!(l));
            }
        }
        Detail::Attribution(a) => {
            m.insert("quote".into(), json!(a.quote));
            m.insert("speaker".into(), json!(a.speaker));
            if let Some(s) = a.speaker_id {
                m.insert("speaker_id".into(), json!(kb.speaker_name(s)));
            }
            if let Some(v) = &a.verb {
                m.insert("verb".into(), json!(v));
            }
            m.insert("partial".into(), json!(a.partial));
        }
    }
    if claim.ignored {
        m.insert("ignored".into(), json!(true));
    }
    m
}

use crate::check::{Checked, Verdict};

/// A problem with an article that is not a claim (an `ignore` comment that matches nothing).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Notice {
    /// A stable name for the kind of notice.
    pub code: &'static str,
    /// What is wrong.
    pub message: String,
    /// Where: byte range in the file.
    #[serde(skip)]
    pub span: std::ops::Range<usize>,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
}

/// How many claims got each verdict.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    /// Passed.
    pub pass: usize,
    /// Failed.
    pub fail: usize,
    /// Unverified.
    pub unverified: usize,
    /// Suppressed by `factcheck: ignore`.
    pub ignored: usize,
}

impl Summary {
    /// Counts the verdicts of `checked`.
    pub fn of(checked: &[Checked]) -> Self {
        let mut s = Summary::default();
        for c in checked {
            match c.judgement.verdict {
                Verdict::Pass => s.pass += 1,
                Verdict::Fail => s.fail += 1,
                Verdict::Unverified => s.unverified += 1,
                Verdict::Ignored => s.ignored += 1,
            }
        }
        s
    }

    /// Adds another summary.
    pub fn add(&mut self, o: &Summary) {
        self.pass += o.pass;
        self.fail += o.fail;
        self.unverified += o.unverified;
        self.ignored += o.ignored;
    }
}

/// The report of one article.
#[derive(Clone, Debug)]
pub struct ArticleReport {
    /// The article.
    pub article: Article,
    /// Its claims, judged, in order of position.
    pub checked: Vec<Checked>,
    /// Other problems found.
    pub notices: Vec<Notice>,
}

impl ArticleReport {
    /// The verdict counts.
    pub fn summary(&self) -> Summary {
        Summary::of(&self.checked)
    }
}

/// `factcheck: …` comments that suppress nothing or are not understood.
pub fn directive_notices(article: &Article, checked: &[Checked]) -> Vec<Notice> {
    let mut out = Vec::new();
    for d in &article.directives {
        let lc = article.line_col(d.span.start);
        let message = if d.command != "ignore" {
            format!(
                "unknown factcheck comment `{}` (only `factcheck: ignore` is understood)",
                d.command
            )
        } else {
            // `paragraph` is an index of this article's paragraphs (set by its parser), so `get`
            // always finds it.
            let target = d
                .paragraph
                .and_then(|p| article.paragraphs.get(p))
                .map(|p| p.range.clone());
            let suppressed = target.as_ref().is_some_and(|r| {
                checked
                    .iter()
                    .any(|c| c.claim.span.start >= r.start && c.claim.span.end <= r.end)
            });
            if suppressed {
                continue;
            }
            match target {
                None => "this `factcheck: ignore` comment has no paragraph after it".to_string(),
                Some(_) => {
                    "this `factcheck: ignore` comment matches nothing: the next paragraph has no claims".to_string()
                }
            }
        };
        out.push(Notice {
            code: if d.command == "ignore" {
                "unused-ignore"
            } else {
                "unknown-directive"
            },
            message,
            span: d.span.clone(),
            line: lc.line,
            column: lc.column,
        });
    }
    out
}
