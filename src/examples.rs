//! Rule examples: the sentences tenures, events and quotes carry, each with the verdict it must
//! get (`factcheck test --examples`), as LanguageTool's grammar rules carry theirs.
//!
//! An example passes when at least one claim found in its sentence gets the stated verdict and
//! cites the fact that carries the example. Each example is read as a one-sentence article
//! published on its date, judged against the whole knowledge base.

use crate::article::{Article, Format};
use crate::check::Verdict;
use crate::extract::Extractor;
use crate::kb::{Example, ExpectedVerdict, KnowledgeBase, Provenance};

/// The outcome of one example.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// Where the example is written (`file:line`).
    pub location: String,
    /// The sentence.
    pub sentence: String,
    /// The verdict it must get.
    pub expected: ExpectedVerdict,
    /// Whether it got it.
    pub passed: bool,
    /// What the claims citing the fact got instead (or that none cited it).
    pub found: String,
}

fn verdict_of(e: ExpectedVerdict) -> Verdict {
    match e {
        ExpectedVerdict::Pass => Verdict::Pass,
        ExpectedVerdict::Fail => Verdict::Fail,
        ExpectedVerdict::Unverified => Verdict::Unverified,
    }
}

/// Runs every example of the knowledge base, in file order.
pub fn run(extractor: &Extractor) -> Vec<Outcome> {
    let kb = extractor.kb();
    let mut facts: Vec<(&Provenance, &[Example])> = Vec::new();
    facts.extend(kb.tenures.iter().map(|t| (&t.provenance, t.examples.as_slice())));
    facts.extend(kb.events.iter().map(|e| (&e.provenance, e.examples.as_slice())));
    facts.extend(kb.quotes.iter().map(|q| (&q.provenance, q.examples.as_slice())));
    let mut out = Vec::new();
    for (provenance, examples) in facts {
        for ex in examples {
            out.push((ex.origin, run_one(extractor, kb, provenance, ex)));
        }
    }
    out.sort_by_key(|(origin, _)| *origin);
    out.into_iter().map(|(_, o)| o).collect()
}

fn run_one(extractor: &Extractor, kb: &KnowledgeBase, fact: &Provenance, ex: &Example) -> Outcome {
    let location = kb.cite(Some(ex.origin)).unwrap_or_default();
    let fact_rule = kb.cite(fact.origin).unwrap_or_default();
    let want = verdict_of(ex.verdict);
    let article = Article::from_text(&location, ex.sentence.clone(), Format::Text, Some(ex.date.first_day()));
    let (passed, found) = match article {
        Err(e) => (false, e.to_string()),
        Ok(article) => {
            let report = crate::check_article(extractor, article);
            let citing: Vec<_> = report
                .checked
                .iter()
                .filter(|c| c.judgement.evidence.iter().any(|e| e.rule == fact_rule))
                .collect();
            // Unverified claims often cite nothing: an unverified example passes when some
            // claim of the sentence is unverified and none citing the fact says otherwise.
            let passed = citing.iter().any(|c| c.judgement.verdict == want)
                || (want == Verdict::Unverified
                    && citing.is_empty()
                    && report
                        .checked
                        .iter()
                        .any(|c| c.judgement.verdict == Verdict::Unverified));

            let found = if citing.is_empty() {
                let all: Vec<String> = report
                    .checked
                    .iter()
                    .map(|c| {
                        format!(
                            "{} \"{}\": {} ({})",
                            c.claim.kind.name(),
                            c.claim.text,
                            c.judgement.verdict.name(),
                            c.judgement.reason
                        )
                    })
                    .collect();
                if all.is_empty() {
                    "no claim was found in the sentence".to_string()
                } else {
                    format!("no claim cites {fact_rule}; found {}", all.join("; "))
                }
            } else {
                citing
                    .iter()
                    .map(|c| {
                        format!(
                            "{} \"{}\": {} ({})",
                            c.claim.kind.name(),
                            c.claim.text,
                            c.judgement.verdict.name(),
                            c.judgement.reason
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            (passed, found)
        }
    };
    Outcome {
        location,
        sentence: ex.sentence.clone(),
        expected: ex.verdict,
        passed,
        found,
    }
}
