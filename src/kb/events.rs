//! A phrase index over event aliases, matched against the stemmed words of a sentence.
//!
//! An alias matches when its stems appear in order, with at most [`MAX_GAP`] other words between
//! two consecutive ones: "issue arrest warrants" finds "issued the arrest warrants". Patterns are
//! filed under their first stem, so matching costs one hash lookup per word of the sentence.

use std::collections::HashMap;

use super::EventId;
use crate::text::phrase_stems;

/// How many other words may stand between two consecutive words of an alias.
pub const MAX_GAP: usize = 2;

#[derive(Clone, Debug)]
struct Pattern {
    event: EventId,
    stems: Vec<String>,
}

/// The phrase index.
#[derive(Clone, Debug, Default)]
pub struct EventIndex {
    by_first: HashMap<String, Vec<Pattern>>,
}

/// An event alias found in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EventMention {
    /// The event.
    pub event: EventId,
    /// Index of the first matched word.
    pub start: usize,
    /// One past the last matched word.
    pub end: usize,
    /// How many words the alias has (longer aliases are more specific).
    pub words: usize,
}

impl EventIndex {
    /// Indexes one alias of `event`.
    pub fn add(&mut self, event: EventId, alias: &str) {
        let stems = phrase_stems(alias);
        let Some(first) = stems.first().cloned() else {
            return;
        };
        let list = self.by_first.entry(first).or_default();
        if !list.iter().any(|p| p.event == event && p.stems == stems) {
            list.push(Pattern { event, stems });
        }
    }

    /// Every alias found in a sentence given as stems. Where matches of different lengths
    /// overlap, only the longest remain: the more specific phrase names the event.
    pub fn find(&self, stems: &[String]) -> Vec<EventMention> {
        self.find_with_costs(stems, &vec![1; stems.len()])
    }

    /// Like [`EventIndex::find`], where skipping stem `i` between two alias words costs
    /// `costs[i]` instead of one: a name with its title ("then-ICC Prosecutor Fatou
    /// Bensouda") can count as a single word, so "sanctions against Bensouda" still meets it.
    pub fn find_with_costs(&self, stems: &[String], costs: &[u8]) -> Vec<EventMention> {
        let mut found = Vec::new();
        for (i, s) in stems.iter().enumerate() {
            let Some(patterns) = self.by_first.get(s) else {
                continue;
            };
            for p in patterns {
                if let Some(end) = match_from(stems, costs, i, &p.stems) {
                    found.push(EventMention {
                        event: p.event,
                        start: i,
                        end,
                        words: p.stems.len(),
                    });
                } else if p.stems.len() >= 4 {
                    // One inner word of a long alias may be left out ("applied for the
                    // warrants" for "apply for arrest warrants"); such a match ranks as shorter.
                    for skip in 1..p.stems.len() - 1 {
                        let shorter: Vec<String> = p
                            .stems
                            .iter()
                            .enumerate()
                            .filter(|(k, _)| *k != skip)
                            .map(|(_, s)| s.clone())
                            .collect();
                        if let Some(end) = match_from(stems, costs, i, &shorter) {
                            found.push(EventMention {
                                event: p.event,
                                start: i,
                                end,
                                words: shorter.len(),
                            });
                            break;
                        }
                    }
                }
            }
        }
        let longest: Vec<EventMention> = found
            .iter()
            .filter(|m| {
                !found
                    .iter()
                    .any(|o| o.words > m.words && o.start < m.end && m.start < o.end)
            })
            .copied()
            .collect();
        let mut out: Vec<EventMention> = Vec::new();
        for m in longest {
            if !out.iter().any(|o| o.event == m.event && o.start == m.start) {
                out.push(m);
            }
        }
        out
    }
}

fn match_from(stems: &[String], costs: &[u8], start: usize, pattern: &[String]) -> Option<usize> {
    let mut at = start;
    for want in &pattern[1..] {
        let mut skipped = 0usize;
        let mut j = at + 1;
        loop {
            let s = stems.get(j)?;
            if s == want {
                break;
            }
            skipped += usize::from(costs.get(j).copied().unwrap_or(1));
            if skipped > MAX_GAP || j > at + 16 {
                return None;
            }
            j += 1;
        }
        at = j;
    }
    Some(at + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_match_inflected_words_with_small_gaps() {
        let mut idx = EventIndex::default();
        idx.add(EventId(0), "issue arrest warrants");
        idx.add(EventId(1), "arrest warrants");
        idx.add(EventId(2), "request arrest warrants");
        let s = phrase_stems("The court issued the arrest warrants on Thursday");
        let found = idx.find(&s);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].event, EventId(0));
        let s = phrase_stems("Khan had requested the arrest warrants in May");
        assert_eq!(idx.find(&s)[0].event, EventId(2));
        let s = phrase_stems("the warrants for arrest were issued");
        assert!(idx.find(&s).is_empty());
        // One inner word of an alias of four words or more may be missing, not of a shorter one.
        idx.add(EventId(3), "apply for arrest warrants");
        let s = phrase_stems("Khan had applied for the warrants in May");
        assert_eq!(idx.find(&s)[0].event, EventId(3));
        let s = phrase_stems("Khan had requested the warrants in May");
        assert!(idx.find(&s).is_empty());
        // Three words between two alias words is too far.
        let s = phrase_stems("issued, on a cold day, arrest warrants");
        assert_eq!(idx.find(&s)[0].event, EventId(1));
    }
}
