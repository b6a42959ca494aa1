//! Judging attribution claims: were these words said or written by this speaker?
//!
//! Both sides are normalised (quotes, dashes, case, spacing); an ellipsis in the article's
//! quotation stands for left-out words, and bracketed words are an editor's. The words pass
//! when a recorded quote of the speaker contains them. They fail as misattributed when they are
//! recorded for someone else — but only when they are distinctive enough to prove it, since a
//! few common words prove nothing — and as misquoted when they are a near miss of the speaker's
//! recorded words (shown as a word diff). Anything else is unverified.

use super::{Judgement, Verdict};
use crate::extract::AttributionClaim;
use crate::kb::{KnowledgeBase, Quote, Speaker, TenureKind};
use crate::text::quote_words;

/// How alike a near miss must be to count as a misquote.
pub const MISQUOTE_SIMILARITY: f64 = 0.8;

/// Fewest words a quotation needs to be compared for a misquote.
pub const MISQUOTE_MIN_WORDS: usize = 4;

/// Fewest content words that make words distinctive enough to prove misattribution (with at
/// least one more word in all).
pub const DISTINCTIVE_WORDS: usize = 3;

const COMMON: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "is", "are",
    "was", "were", "be", "been", "it", "its", "this", "that", "these", "those", "we", "i", "you", "he", "she", "they",
    "our", "us", "not", "no", "do", "does", "did", "have", "has", "had", "will", "would", "can", "could", "so", "very",
    "all", "there", "here", "what", "which", "who", "if", "then", "than", "just", "also", "about", "my", "your",
    "their", "his", "her", "me", "him", "them", "one", "more", "know", "you", "we're", "it's", "that's",
];

/// The pieces of a quotation between ellipses and editor's brackets, as words.
pub fn parts(quote: &str) -> Vec<Vec<String>> {
    let chars: Vec<char> = quote.chars().collect();
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        i += 1;
        match c {
            '[' => {
                depth += 1;
                out.push(std::mem::take(&mut cur));
            }
            ']' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            '…' => out.push(std::mem::take(&mut cur)),
            '.' => {
                // Three or more full stops, spaced or not, are an ellipsis.
                let mut j = i - 1;
                let mut dots = 0;
                while let Some(&d) = chars.get(j)
                    && (d == '.' || (d == ' ' && chars.get(j + 1) == Some(&'.')))
                {
                    dots += usize::from(d == '.');
                    j += 1;
                }
                if dots >= 3 {
                    out.push(std::mem::take(&mut cur));
                    i = j;
                } else {
                    cur.push('.');
                }
            }
            _ => cur.push(c),
        }
    }
    out.push(cur);
    out.into_iter()
        .map(|p| quote_words(&p))
        .filter(|w| !w.is_empty())
        .collect()
}

fn distinctive(words: &[String]) -> bool {
    words.len() > DISTINCTIVE_WORDS
        && words.iter().filter(|w| !COMMON.contains(&w.as_str())).count() >= DISTINCTIVE_WORDS
}

/// Whether `quote` counts as said by `speaker`: by them, or — for an organisation — by a
/// person holding one of its offices on the quote's date.
fn said_by(kb: &KnowledgeBase, quote: &Quote, speaker: Speaker) -> bool {
    if quote.speaker == speaker {
        return true;
    }
    let (Speaker::Body(b), Speaker::Person(p)) = (speaker, quote.speaker) else {
        return false;
    };
    let day = quote.date.first_day();
    kb.tenures_of_person(p).iter().any(|t| {
        let t = kb.tenure(*t);
        t.kind != TenureKind::Elect && kb.office_in(t.office, b) && t.possible.contains(day)
    })
}

fn quote_label(kb: &KnowledgeBase, quote: &Quote) -> String {
    format!(
        "{} ({} of {})",
        kb.speaker_name(quote.speaker),
        quote.delivery.noun(),
        quote.date
    )
}

/// Judges an attribution claim.
pub fn judge(a: &AttributionClaim, kb: &KnowledgeBase) -> Judgement {
    let parts = parts(&a.quote);
    let words: Vec<String> = parts.iter().flatten().cloned().collect();
    if words.is_empty() {
        return Judgement::unverified("the quotation holds no words");
    }
    // The recorded quotes that hold the words. The index only names quotes of this knowledge
    // base, so every lookup finds one.
    let matches: Vec<&Quote> = kb
        .quote_index
        .containing(&parts)
        .iter()
        .filter_map(|m| kb.quotes.get(m.quote.index()))
        .collect();
    let Some(speaker) = a.speaker_id else {
        let who = match &a.speaker {
            Some(s) => format!("the speaker \"{s}\" is not in the knowledge base"),

            None => "no speaker is named for these words".to_string(),
        };
        let mut j = Judgement::unverified(match matches.first() {
            Some(q) => format!("{who}; the words are on record for {}", quote_label(kb, q)),
            None => who,
        });
        if let Some(q) = matches.first() {
            j = j.cite(kb, &q.provenance);
        }
        return j;
    };
    let name = kb.speaker_name(speaker);
    if let Some(quote) = matches.iter().find(|q| said_by(kb, q, speaker)) {
        let by = if quote.speaker == speaker {
            String::new()
        } else {
            format!(" by {}", kb.speaker_name(quote.speaker))
        };
        return Judgement::new(
            Verdict::Pass,
            format!(
                "{name}'s {} of {} records these words{by}",
                quote.delivery.noun(),
                quote.date
            ),
        )
        .cite(kb, &quote.provenance);
    }
    // "he said" where the article has just named the person whose words these are: the
    // pronoun may mean them.
    if let Some(quote) = matches.iter().find(|q| a.could_be.iter().any(|s| said_by(kb, q, *s))) {
        let pronoun = a.speaker.as_deref().unwrap_or("the speaker");
        return Judgement::unverified(format!(
            "\"{pronoun}\" was read as {name}, but may mean {}, named just before, whose {} of {} records these words",
            kb.speaker_name(quote.speaker),
            quote.delivery.noun(),
            quote.date
        ))
        .cite(kb, &quote.provenance);
    }
    if let Some(quote) = matches.first() {
        if distinctive(&words) {
            let mut j = Judgement::new(
                Verdict::Fail,
                format!(
                    "misattributed: these words are recorded as said by {}, not by {name}",
                    quote_label(kb, quote)
                ),
            );
            for q in &matches {
                j = j.cite(kb, &q.provenance);
            }
            return j;
        }
        return Judgement::unverified(format!(
            "these words are too few to tell: they are on record for {}, and {name} may have used them too",
            quote_label(kb, quote)
        ))
        .cite(kb, &quote.provenance);
    }
    if words.len() >= MISQUOTE_MIN_WORDS
        && let Some(n) = kb
            .quote_index
            .near_miss_among(kb.quotes_of(speaker), &words, MISQUOTE_SIMILARITY)
        && let Some(quote) = kb.quotes.get(n.quote.index())
    {
        let diff = word_diff(&n.recorded, &words);
        return Judgement {
            verdict: Verdict::Fail,
            reason: format!(
                "misquoted: {name}'s {} of {} reads \"{}\"",
                quote.delivery.noun(),
                quote.date,
                n.recorded.join(" ")
            ),
            evidence: Vec::new(),
            diff: Some(diff),
        }
        .cite(kb, &quote.provenance);
    }
    Judgement::unverified(format!("no recorded quote of {name} holds these words"))
}

/// A word diff from the recorded words to the article's: `[-removed-] {+added+}`.
pub fn word_diff(recorded: &[String], written: &[String]) -> String {
    use similar::{Algorithm, DiffOp, capture_diff_slices};
    // The diff's ranges index the slices it was made of, so `get` always finds them.
    let old = |op: &DiffOp| recorded.get(op.old_range()).unwrap_or_default().join(" ");
    let new = |op: &DiffOp| written.get(op.new_range()).unwrap_or_default().join(" ");
    let mut out: Vec<String> = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, recorded, written) {
        match op {
            DiffOp::Equal { .. } => out.push(old(&op)),
            DiffOp::Delete { .. } => out.push(format!("[-{}-]", old(&op))),
            DiffOp::Insert { .. } => out.push(format!("{{+{}+}}", new(&op))),
            DiffOp::Replace { .. } => out.push(format!("[-{}-]{{+{}+}}", old(&op), new(&op))),
        }
    }
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<String> {
        quote_words(s)
    }

    #[test]
    fn ellipses_and_brackets_split_the_quotation() {
        assert_eq!(
            parts("We will … stand [firmly] with Israel"),
            [w("We will"), w("stand"), w("with Israel")]
        );
        assert_eq!(parts("one... two. . . three"), [w("one"), w("two"), w("three")]);
        assert_eq!(parts("plain words"), [w("plain words")]);
    }

    #[test]
    fn distinctive_needs_content_words() {
        assert!(!distinctive(&w("fundamentally rejects")));
        assert!(!distinctive(&w("we have been very clear")));
        assert!(distinctive(&w("This is a dark day for justice")));
        assert!(distinctive(&w("territorial jurisdiction of Palestine")));
        assert!(!distinctive(&w("a statement of ambition")));
    }

    #[test]
    fn word_diff_marks_changes() {
        assert_eq!(
            word_diff(&w("is outrageous"), &w("is a disgrace")),
            "is [-outrageous-]{+a disgrace+}"
        );
    }
}
