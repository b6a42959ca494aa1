//! Verdicts: judging each claim against the knowledge base.
//!
//! One module per claim kind, beside its extractor's twin. The rule above all others: a
//! correct claim must never be reported as fail. A verdict of fail needs a fact that
//! contradicts the claim; when the knowledge base cannot decide — an unknown person or office,
//! an open list of holders, an imprecise date, no recorded quote — the verdict is unverified,
//! with the reason.

pub mod attributions;
pub mod dates;
pub mod roles;

use serde::Serialize;

use crate::article::Article;
use crate::extract::{Claim, ClaimKind, Detail};
use crate::kb::{KnowledgeBase, Provenance};

/// The outcome for one claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// The knowledge base confirms the claim.
    Pass,
    /// The knowledge base contradicts the claim.
    Fail,
    /// The knowledge base cannot decide.
    Unverified,
    /// Suppressed by a `factcheck: ignore` comment.
    Ignored,
}

impl Verdict {
    /// The verdict's name.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Fail => "fail",
            Verdict::Unverified => "unverified",
            Verdict::Ignored => "ignored",
        }
    }
}

/// A fact that decided a verdict: where it is written and where it comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// The rule's `file:line`.
    pub rule: String,
    /// The rule's first source, when it gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A verdict with its reason and evidence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Judgement {
    /// Pass, fail, unverified or ignored.
    pub verdict: Verdict,
    /// One sentence saying why.
    pub reason: String,
    /// The facts that decided it.
    pub evidence: Vec<Evidence>,
    /// For a misquote: the recorded words against the article's, as a word diff.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diff: Option<String>,
}

impl Judgement {
    /// A verdict without evidence.
    pub fn new(verdict: Verdict, reason: impl Into<String>) -> Self {
        Judgement {
            verdict,
            reason: reason.into(),
            evidence: Vec::new(),
            diff: None,
        }
    }

    /// Unverified, because of `reason`.
    pub fn unverified(reason: impl Into<String>) -> Self {
        Self::new(Verdict::Unverified, reason)
    }

    /// Adds the evidence of a fact.
    pub fn cite(mut self, kb: &KnowledgeBase, p: &Provenance) -> Self {
        if let Some(rule) = kb.cite(p.origin) {
            let e = Evidence {
                rule,
                source: p.sources.first().cloned(),
            };
            if !self.evidence.contains(&e) {
                self.evidence.push(e);
            }
        }
        self
    }
}

/// A claim with its judgement.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    /// The claim.
    pub claim: Claim,
    /// Its judgement.
    pub judgement: Judgement,
}

/// Judges every claim of an article. Claims in ignored paragraphs are reported as ignored.
pub fn check(article: &Article, claims: Vec<Claim>, kb: &KnowledgeBase) -> Vec<Checked> {
    let judgements: Vec<Judgement> = claims.iter().map(|c| judge(article, c, &claims, kb)).collect();
    claims
        .into_iter()
        .zip(judgements)
        .map(|(claim, judgement)| Checked { claim, judgement })
        .collect()
}

/// Judges one claim (`all` are the article's claims, for context).
pub fn judge(article: &Article, claim: &Claim, all: &[Claim], kb: &KnowledgeBase) -> Judgement {
    if claim.ignored {
        let line = article
            .directives
            .iter()
            .filter(|d| d.command == "ignore" && d.span.end <= claim.span.start)
            .map(|d| article.line_col(d.span.start).line)
            .next_back();
        return Judgement::new(
            Verdict::Ignored,
            match line {
                Some(l) => format!("suppressed by the `factcheck: ignore` comment on line {l}"),
                None => "suppressed by a `factcheck: ignore` comment".to_string(),
            },
        );
    }
    match (&claim.detail, claim.kind) {
        (Detail::Role(r), _) => roles::judge(r, article.date, kb),
        (Detail::Date(d), _) => dates::judge(claim, d, all, article.date, kb),
        (Detail::Attribution(a), ClaimKind::Attribution) => attributions::judge(a, kb),
        (Detail::Attribution(_), _) => Judgement::unverified("malformed claim"),
    }
}
