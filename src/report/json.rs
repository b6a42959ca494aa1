//! The JSON report: the contract other tools depend on (documented field by field in
//! docs/report-json.md). Fields are only ever added, never renamed or removed, within a version.

use serde_json::{Value, json};

use super::{ArticleReport, Summary, claim_fields};
use crate::article::Article;
use crate::extract::Claim;
use crate::kb::KnowledgeBase;

/// The JSON document of `factcheck extract`: claims without verdicts.
pub fn extraction(article: &Article, claims: &[Claim], kb: &KnowledgeBase) -> Value {
    let claims: Vec<Value> = claims
        .iter()
        .map(|c| Value::Object(claim_fields(article, c, kb)))
        .collect();
    json!({
        "version": 1,
        "articles": [{
            "path": article.name,
            "date": article.date.map(|d| d.to_string()),
            "claims": claims,
        }]
    })
}

/// One article's report as a JSON object.
pub fn article(r: &ArticleReport, kb: &KnowledgeBase) -> Value {
    let claims: Vec<Value> = r
        .checked
        .iter()
        .map(|c| {
            let mut m = claim_fields(&r.article, &c.claim, kb);
            m.insert("verdict".into(), json!(c.judgement.verdict));
            m.insert("reason".into(), json!(c.judgement.reason));
            m.insert("evidence".into(), json!(c.judgement.evidence));
            if let Some(d) = &c.judgement.diff {
                m.insert("diff".into(), json!(d));
            }
            Value::Object(m)
        })
        .collect();
    json!({
        "path": r.article.name,
        "date": r.article.date.map(|d| d.to_string()),
        "claims": claims,
        "summary": r.summary(),
        "notices": r.notices,
    })
}

/// The whole JSON report.
pub fn report(reports: &[ArticleReport], kb: &KnowledgeBase) -> Value {
    let mut total = Summary::default();
    for r in reports {
        total.add(&r.summary());
    }
    json!({
        "version": 1,
        "articles": reports.iter().map(|r| article(r, kb)).collect::<Vec<_>>(),
        "summary": total,
    })
}
