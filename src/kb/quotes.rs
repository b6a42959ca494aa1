//! A word index over every recorded quote, answering "which quotes contain these words" and
//! "which quote do these words almost match" without reading every quote.

use std::collections::HashMap;
use std::ops::Range;

use super::QuoteId;
use crate::text::quote_words;

/// One indexed wording: a quote's text or one of its variants.
#[derive(Clone, Debug)]
struct Wording {
    quote: QuoteId,
    words: Vec<String>,
    /// Word counts at which a sentence ends.
    sentence_ends: Vec<usize>,
}

/// The word index over all quotes.
#[derive(Clone, Debug, Default)]
pub struct QuoteIndex {
    wordings: Vec<Wording>,
    /// word → (wording, position) of every occurrence.
    postings: HashMap<String, Vec<(u32, u32)>>,
}

/// A quote whose wording contains the searched words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuoteMatch {
    /// The quote.
    pub quote: QuoteId,
}

/// A quote whose wording almost matches the searched words.
#[derive(Clone, Debug, PartialEq)]
pub struct NearMiss {
    /// The quote.
    pub quote: QuoteId,
    /// How alike the two are, from 0 to 1 (twice the common words over both lengths).
    pub similarity: f64,
    /// The recorded words that the searched words were aligned with.
    pub recorded: Vec<String>,
}

impl QuoteIndex {
    /// Indexes one wording of quote `quote`.
    pub fn add(&mut self, quote: QuoteId, text: &str) {
        let words = quote_words(text);
        let mut sentence_ends = Vec::new();
        let mut count = 0;
        for piece in text.split_inclusive(['.', '?', '!']) {
            count += quote_words(piece).len();
            sentence_ends.push(count);
        }
        let w = self.wordings.len() as u32;
        for (pos, word) in words.iter().enumerate() {
            self.postings.entry(word.clone()).or_default().push((w, pos as u32));
        }
        self.wordings.push(Wording {
            quote,
            words,
            sentence_ends,
        });
    }

    fn occurrences(&self, word: &str) -> &[(u32, u32)] {
        self.postings.get(word).map_or(&[], Vec::as_slice)
    }

    /// Quotes with a wording that contains every part of `parts` in order (parts are the pieces
    /// of a quotation between ellipses; words between parts are allowed). Each quote is listed
    /// once.
    pub fn containing(&self, parts: &[Vec<String>]) -> Vec<QuoteMatch> {
        let parts: Vec<&Vec<String>> = parts.iter().filter(|p| !p.is_empty()).collect();
        let Some(first) = parts.first() else {
            return Vec::new();
        };
        // Anchor on the first part's rarest word: the fewest places to verify.
        let Some((k, _)) = first.iter().enumerate().min_by_key(|(_, w)| self.occurrences(w).len()) else {
            return Vec::new();
        };
        let mut out: Vec<QuoteMatch> = Vec::new();
        for &(w, pos) in self.occurrences(&first[k]) {
            let Some(start) = (pos as usize).checked_sub(k) else {
                continue;
            };
            let words = &self.wordings[w as usize].words;
            if !matches_at(words, start, first) {
                continue;
            }
            let mut at = start + first.len();
            let mut all = true;
            for part in &parts[1..] {
                match find_from(words, at, part) {
                    Some(p) => at = p + part.len(),
                    None => {
                        all = false;
                        break;
                    }
                }
            }
            let quote = self.wordings[w as usize].quote;
            if all && !out.iter().any(|m| m.quote == quote) {
                out.push(QuoteMatch { quote });
            }
        }
        out
    }

    /// Quotes whose wording has a stretch alike to `words` (similarity at least `min`) without
    /// containing them, best first. Candidates are the wordings that share at least half of the
    /// searched words, found through the index.
    pub fn near_misses(&self, words: &[String], min: f64) -> Vec<NearMiss> {
        if words.is_empty() {
            return Vec::new();
        }
        let mut distinct: Vec<&String> = words.iter().collect();
        distinct.sort();
        distinct.dedup();
        let mut shared: HashMap<u32, usize> = HashMap::new();
        for w in &distinct {
            let mut seen_in: Vec<u32> = self.occurrences(w).iter().map(|(t, _)| *t).collect();
            seen_in.dedup();
            for t in seen_in {
                *shared.entry(t).or_default() += 1;
            }
        }
        let mut candidates: Vec<u32> = shared
            .into_iter()
            .filter(|(_, n)| *n * 2 >= distinct.len())
            .map(|(t, _)| t)
            .collect();
        candidates.sort_unstable();
        let mut out: Vec<NearMiss> = Vec::new();
        for t in candidates {
            let wording = &self.wordings[t as usize];
            let Some((sim, range)) = best_window(&wording.words, words) else {
                continue;
            };
            if sim < min {
                continue;
            }
            // Show the recorded words to the end of their sentence when it is near, so that a
            // changed last word is seen.
            let end = wording
                .sentence_ends
                .iter()
                .copied()
                .find(|e| *e >= range.end)
                .filter(|e| e - range.end <= 3)
                .unwrap_or(range.end);
            let recorded = wording.words[range.start..end].to_vec();
            match out.iter_mut().find(|m| m.quote == wording.quote) {
                Some(m) if m.similarity >= sim => {}
                Some(m) => {
                    m.similarity = sim;
                    m.recorded = recorded;
                }
                None => out.push(NearMiss {
                    quote: wording.quote,
                    similarity: sim,
                    recorded,
                }),
            }
        }
        out.sort_by(|a, b| b.similarity.total_cmp(&a.similarity).then(a.quote.cmp(&b.quote)));
        out
    }
}

fn matches_at(words: &[String], start: usize, part: &[String]) -> bool {
    words.get(start..start + part.len()).is_some_and(|w| w == part)
}

fn find_from(words: &[String], from: usize, part: &[String]) -> Option<usize> {
    (from..=words.len().saturating_sub(part.len())).find(|&s| matches_at(words, s, part))
}

/// Length of the longest common subsequence of two word lists.
fn lcs(a: &[String], b: &[String]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    for x in a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y { prev[j] + 1 } else { prev[j + 1].max(cur[j]) };
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The stretch of `text` most alike to `words`, and how alike (Dice over the common
/// subsequence). Windows within two words of the searched length are tried.
fn best_window(text: &[String], words: &[String]) -> Option<(f64, Range<usize>)> {
    let n = words.len();
    let mut best: Option<(f64, Range<usize>)> = None;
    for len in n.saturating_sub(2).max(1)..=n + 2 {
        if len > text.len() {
            break;
        }
        for start in 0..=text.len() - len {
            let window = &text[start..start + len];
            // A window must share its first or last word with the search to be a real alignment.
            if window.first() != words.first() && window.last() != words.last() {
                continue;
            }
            let sim = 2.0 * lcs(window, words) as f64 / (len + n) as f64;
            if best.as_ref().is_none_or(|(b, _)| sim > *b) {
                best = Some((sim, start..start + len));
            }
        }
    }
    if best.is_none() && text.len() < n {
        let sim = 2.0 * lcs(text, words) as f64 / (text.len() + n) as f64;
        best = Some((sim, 0..text.len()));
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> QuoteIndex {
        let mut q = QuoteIndex::default();
        q.add(
            QuoteId(0),
            "We will always stand with Israel against threats to its security.",
        );
        q.add(QuoteId(1), "This is a dark day for justice. A dark day for humanity.");
        q.add(QuoteId(1), "This is a dark day for justice, a dark day for mankind.");
        q
    }

    fn words(s: &str) -> Vec<String> {
        quote_words(s)
    }

    #[test]
    fn finds_contained_fragments_once_per_quote() {
        let q = index();
        assert_eq!(
            q.containing(&[words("a dark day for")]),
            [QuoteMatch { quote: QuoteId(1) }]
        );
        assert_eq!(
            q.containing(&[words("stand with Israel")]),
            [QuoteMatch { quote: QuoteId(0) }]
        );
        assert!(q.containing(&[words("stand with Hamas")]).is_empty());
    }

    #[test]
    fn ellipsis_parts_must_come_in_order() {
        let q = index();
        let parts = [words("We will always"), words("threats to its security")];
        assert_eq!(q.containing(&parts).len(), 1);
        let reversed = [words("threats to its security"), words("We will always")];
        assert!(q.containing(&reversed).is_empty());
    }

    #[test]
    fn near_misses_align_with_the_closest_stretch() {
        let q = index();
        let found = q.near_misses(
            &words("We will never stand with Israel against threats to its security"),
            0.8,
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].quote, QuoteId(0));
        assert!(found[0].similarity > 0.85, "{}", found[0].similarity);
        assert!(q.near_misses(&words("The fans deserve that"), 0.8).is_empty());
    }
}
