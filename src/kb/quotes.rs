//! A word index over every recorded quote, answering "which quotes contain these words" and
//! "which quote do these words almost match" without reading every quote.

use std::ops::Range;

use super::QuoteId;
use super::hash::FxMap;
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
    /// Every indexed word, with its id.
    ids: FxMap<String, u32>,
    /// By word id: (wording, position) of every occurrence, in order of wording and position.
    postings: Vec<Vec<(u32, u32)>>,
    /// By quote: its wordings.
    by_quote: FxMap<QuoteId, Vec<u32>>,
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
        self.by_quote.entry(quote).or_default().push(w);
        for (pos, word) in words.iter().enumerate() {
            let id = match self.ids.get(word.as_str()) {
                Some(&id) => id,
                None => {
                    let id = self.postings.len() as u32;
                    self.ids.insert(word.clone(), id);
                    self.postings.push(Vec::new());
                    id
                }
            };
            // `id` names a postings list: each id is the length of `postings` before its push.
            if let Some(list) = self.postings.get_mut(id as usize) {
                list.push((w, pos as u32));
            }
        }
        self.wordings.push(Wording {
            quote,
            words,
            sentence_ends,
        });
    }

    fn occurrences(&self, word: &str) -> &[(u32, u32)] {
        self.ids
            .get(word)
            .and_then(|&id| self.postings.get(id as usize))
            .map_or(&[], Vec::as_slice)
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
        let Some((k, rarest)) = first.iter().enumerate().min_by_key(|(_, w)| self.occurrences(w).len()) else {
            return Vec::new();
        };
        let mut out: Vec<QuoteMatch> = Vec::new();
        for &(w, pos) in self.occurrences(rarest) {
            let Some(start) = (pos as usize).checked_sub(k) else {
                continue;
            };
            // Postings only name wordings pushed by `add`.
            let Some(wording) = self.wordings.get(w as usize) else {
                continue;
            };
            let words = &wording.words;
            if !matches_at(words, start, first) {
                continue;
            }
            let mut at = start + first.len();
            let mut all = true;
            for part in parts.iter().skip(1) {
                match find_from(words, at, part) {
                    Some(p) => at = p + part.len(),
                    None => {
                        all = false;
                        break;
                    }
                }
            }
            let quote = wording.quote;
            if all && !out.iter().any(|m| m.quote == quote) {
                out.push(QuoteMatch { quote });
            }
        }
        out
    }

    /// The wordings that hold at least `need` of the words `known` (ids with their number of
    /// occurrences, rarest first), in order.
    ///
    /// Words are counted rarest first. A wording that holds none of the `known.len() - need + 1`
    /// rarest words cannot reach `need` (pigeonhole), so only those words' occurrences start a
    /// count; after each word, the wordings that cannot reach `need` with the words left are
    /// dropped. A later (common) word's occurrences are then scanned, or, when the wordings
    /// still counted are few, looked up for each of them: the cost follows the rare words, not
    /// the number of quotes that share common ones.
    fn sharing(&self, known: &[(usize, u32)], need: usize) -> Vec<u32> {
        let rare = known.len() + 1 - need;
        let mut count = vec![0u32; self.wordings.len()];
        let mut alive: Vec<u32> = Vec::new();
        // Ids in `known` come from `ids`, so they name postings lists; postings name wordings, and
        // `count` has one entry per wording. A missing entry (never the case) counts nothing.
        for (k, &(_, id)) in known.iter().enumerate() {
            let postings = self.postings.get(id as usize).map_or(&[][..], Vec::as_slice);
            let mut last = u32::MAX;
            if k < rare {
                for &(t, _) in postings {
                    if t != last {
                        last = t;
                        if let Some(c) = count.get_mut(t as usize) {
                            if *c == 0 {
                                alive.push(t);
                            }
                            *c += 1;
                        }
                    }
                }
            } else if postings.len() <= alive.len() * 16 {
                for &(t, _) in postings {
                    if t != last {
                        last = t;
                        if let Some(c) = count.get_mut(t as usize)
                            && *c > 0
                        {
                            *c += 1;
                        }
                    }
                }
            } else {
                for &t in &alive {
                    let i = postings.partition_point(|&(w, _)| w < t);
                    if postings.get(i).is_some_and(|&(w, _)| w == t)
                        && let Some(c) = count.get_mut(t as usize)
                    {
                        *c += 1;
                    }
                }
            }
            let left = known.len() - k - 1;
            if k + 1 >= rare {
                alive.retain(|&t| count.get(t as usize).is_some_and(|&c| c as usize + left >= need));
            }
        }
        alive.sort_unstable();
        alive
    }

    /// The best near miss of `words` among the wordings of `quotes` only (a speaker's own
    /// quotes): the cost depends on those quotes, not on how many quotes are recorded.
    pub fn near_miss_among(&self, quotes: &[QuoteId], words: &[String], min: f64) -> Option<NearMiss> {
        let mut best: Option<NearMiss> = None;
        for q in quotes {
            for &t in self.by_quote.get(q).map_or(&[][..], Vec::as_slice) {
                if let Some(m) = self.near_miss_of(t, words, min)
                    && best.as_ref().is_none_or(|b| m.similarity > b.similarity)
                {
                    best = Some(m);
                }
            }
        }
        best
    }

    /// How wording `t` almost matches `words`, if at least `min`.
    fn near_miss_of(&self, t: u32, words: &[String], min: f64) -> Option<NearMiss> {
        let wording = self.wordings.get(t as usize)?;
        let (sim, range) = best_window(&wording.words, words)?;
        if sim < min {
            return None;
        }
        // Show the recorded words to the end of their sentence when it is near, so that a
        // changed last word is seen. `range` lies within the words (`best_window` windows them),
        // and so does a sentence end: `add` counts the words of each piece split at `.?!`, and
        // these marks end a word anyway, so the counts add up to the number of words.
        let end = wording
            .sentence_ends
            .iter()
            .copied()
            .find(|e| *e >= range.end)
            .filter(|e| e - range.end <= 3)
            .unwrap_or(range.end);
        Some(NearMiss {
            quote: wording.quote,
            similarity: sim,
            recorded: wording.words.get(range.start..end)?.to_vec(),
        })
    }

    /// Quotes whose wording has a stretch alike to `words` (similarity at least `min`) without
    /// containing them, best first. Candidates are the wordings that share at least half of the
    /// searched words, found through the index.
    ///
    /// A wording can only reach similarity `min` if it shares at least [`min_shared`] of the
    /// distinct searched words, so the candidates are the wordings that share that many and at
    /// least half, counted without reading every quote (see `sharing`). The filter only drops
    /// wordings that could not pass: the result is the same as comparing with every wording that
    /// shares half of the words.
    pub fn near_misses(&self, words: &[String], min: f64) -> Vec<NearMiss> {
        if words.is_empty() {
            return Vec::new();
        }
        let mut distinct: Vec<&String> = words.iter().collect();
        distinct.sort();
        distinct.dedup();
        // A candidate shares at least half of the distinct words, and enough for the similarity.
        let need = distinct
            .len()
            .div_ceil(2)
            .max(min_shared(words.len(), distinct.len(), min))
            .max(1);
        // Searched words that are in no quote are never shared.
        let mut known: Vec<(usize, u32)> = distinct
            .iter()
            .filter_map(|w| {
                let id = *self.ids.get(w.as_str())?;
                Some((self.postings.get(id as usize)?.len(), id))
            })
            .collect();
        if known.len() < need {
            return Vec::new();
        }
        known.sort_unstable();
        let candidates = self.sharing(&known, need);
        let mut out: Vec<NearMiss> = Vec::new();
        for t in candidates {
            let Some(n) = self.near_miss_of(t, words, min) else {
                continue;
            };
            match out.iter_mut().find(|m| m.quote == n.quote) {
                Some(m) if m.similarity >= n.similarity => {}
                Some(m) => *m = n,
                None => out.push(n),
            }
        }
        out.sort_by(|a, b| b.similarity.total_cmp(&a.similarity).then(a.quote.cmp(&b.quote)));
        out
    }
}

/// The fewest distinct words of `n` searched words (`distinct` of them distinct) that a wording
/// must share to have a stretch with similarity at least `min`.
///
/// A stretch with `l` words in common (the longest common subsequence) is at least `l` words
/// long, so its similarity is at most `2l / (l + n)`, computed as [`best_window`] computes it;
/// the smallest `l` that reaches `min` is needed. Those `l` words are at most `n - distinct`
/// more than the distinct words they cover.
pub fn min_shared(n: usize, distinct: usize, min: f64) -> usize {
    let lcs_needed = (0..=n)
        // Written as `best_window`'s test is (`sim < min` fails), so that any `min` behaves alike.
        .find(|&l| !(2.0 * l as f64 / (l + n) as f64).lt(&min))
        .unwrap_or(n + 1);
    lcs_needed.saturating_sub(n - distinct)
}

fn matches_at(words: &[String], start: usize, part: &[String]) -> bool {
    words.get(start..start + part.len()).is_some_and(|w| w == part)
}

fn find_from(words: &[String], from: usize, part: &[String]) -> Option<usize> {
    (from..=words.len().saturating_sub(part.len())).find(|&s| matches_at(words, s, part))
}

/// Length of the longest common subsequence of two lists of word ids, with `row` (at least
/// `b.len() + 1` long) as scratch.
fn lcs(a: &[u32], b: &[u32], row: &mut [usize]) -> usize {
    // Both callers pass a row of `b.len() + 1`; a shorter one would be a bug, not input.
    let Some(row) = row.get_mut(..=b.len()) else {
        return 0;
    };
    row.fill(0);
    for x in a {
        // `row[1..]` holds the previous line, entry `j + 1` for `b[j]`; `diagonal` the previous
        // line's entry before it, `left` this line's (entry 0 is always 0).
        let (mut diagonal, mut left) = (0, 0);
        for (cell, y) in row.iter_mut().skip(1).zip(b) {
            let above = *cell;
            *cell = if x == y { diagonal + 1 } else { above.max(left) };
            diagonal = above;
            left = *cell;
        }
    }
    row.last().copied().unwrap_or(0)
}

/// The stretch of `text` most alike to `words`, and how alike (Dice over the common
/// subsequence). Windows within two words of the searched length are tried.
fn best_window(text: &[String], words: &[String]) -> Option<(f64, Range<usize>)> {
    let n = words.len();
    // Words as numbers, compared without reading them again: a searched word by the place it
    // first stands in the search, any other word by none.
    let id = |w: &String| words.iter().position(|x| x == w).map_or(u32::MAX, |p| p as u32);
    let searched: Vec<u32> = words.iter().map(id).collect();
    let text: Vec<u32> = text.iter().map(id).collect();
    let mut row = vec![0usize; n + 1];
    let mut best: Option<(f64, Range<usize>)> = None;
    for len in n.saturating_sub(2).max(1)..=n + 2 {
        if len > text.len() {
            break;
        }
        // `len >= 1`, so `windows` gives every start in `0..=text.len() - len`.
        for (start, window) in text.windows(len).enumerate() {
            // A window must share its first or last word with the search to be a real alignment.
            if window.first() != searched.first() && window.last() != searched.last() {
                continue;
            }
            let sim = 2.0 * lcs(window, &searched, &mut row) as f64 / (len + n) as f64;
            if best.as_ref().is_none_or(|(b, _)| sim > *b) {
                best = Some((sim, start..start + len));
            }
        }
    }
    if best.is_none() && text.len() < n {
        let sim = 2.0 * lcs(&text, &searched, &mut row) as f64 / (text.len() + n) as f64;
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
    fn sentence_ends_add_up_to_the_words() {
        // `near_miss_of` shows the recorded words up to a sentence end, so no end may pass the
        // number of words, whatever stands around the full stops.
        for text in [
            "U.S. forces left.",
            "Wait... what?! 'No.' Hamas's. e.g.'s",
            "...",
            "",
            "'. '",
            "A.B.C",
            "x.y",
        ] {
            let mut q = QuoteIndex::default();
            q.add(QuoteId(0), text);
            for w in &q.wordings {
                assert_eq!(w.sentence_ends.last().copied().unwrap_or(0), w.words.len(), "{text:?}");
                assert!(w.sentence_ends.is_sorted(), "{text:?}");
            }
        }
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
    /// The index's original search: every wording that shares half of the words is compared.
    fn near_misses_by_comparing_all(q: &QuoteIndex, words: &[String], min: f64) -> Vec<NearMiss> {
        let mut distinct: Vec<&String> = words.iter().collect();
        distinct.sort();
        distinct.dedup();
        let mut out: Vec<NearMiss> = Vec::new();
        for wording in &q.wordings {
            let shared = distinct.iter().filter(|w| wording.words.contains(w)).count();
            if shared * 2 < distinct.len() {
                continue;
            }
            let Some((sim, range)) = best_window(&wording.words, words) else {
                continue;
            };
            if sim < min {
                continue;
            }
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

    #[test]
    fn the_filtered_search_finds_what_comparing_every_wording_finds() {
        // Quotes over a small vocabulary, so that many share words and pairs of words; searches
        // are quotes with words changed, dropped, repeated or added.
        const VOCAB: &[&str] = &[
            "we", "will", "the", "and", "stand", "with", "court", "peace", "law", "now", "a", "of", "to", "in", "our",
            "people", "never", "always", "against", "for", "justice", "security", "is", "this", "day", "dark", "fair",
            "free", "nation", "world", "vote", "bill", "war", "end", "hope", "time", "truth", "all", "who", "must",
        ];
        let mut state = 0x1234_5678_u64;
        let mut next = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        // Fifteen words at 0.8 share at least ten in order.
        assert_eq!(min_shared(15, 15, 0.8), 10);
        for vocab in [&VOCAB[..10], VOCAB] {
            let mut q = QuoteIndex::default();
            let mut texts = Vec::new();
            for i in 0..250 {
                let len = 1 + next(18);
                let text: Vec<&str> = (0..len).map(|_| vocab[next(vocab.len())]).collect();
                let text = text.join(" ") + ".";
                q.add(QuoteId(i / 2), &text);
                texts.push(text);
            }
            let mut found = 0;
            for round in 0..120 {
                let mut w = words(&texts[next(texts.len())]);
                for _ in 0..next(4) {
                    let k = next(w.len() + 1);
                    match next(3) {
                        0 if k < w.len() => w[k] = vocab[next(vocab.len())].to_string(),
                        1 if k < w.len() && w.len() > 1 => {
                            w.remove(k);
                        }
                        _ => w.insert(k, ["zebra", "we", "law"][next(3)].to_string()),
                    }
                }
                for min in [0.0, 0.5, 0.8, 0.9, 0.95, 1.0, 1.5, f64::NAN] {
                    let got = q.near_misses(&w, min);
                    found += got.len();
                    assert_eq!(
                        got,
                        near_misses_by_comparing_all(&q, &w, min),
                        "round {round}, min {min}, words {w:?}"
                    );
                }
            }
            assert!(found > 500, "too few near misses to prove anything: {found}");
        }
    }
    /// The former windows, compared word by word: the reference for `best_window`.
    fn best_window_of_strings(text: &[String], words: &[String]) -> Option<(f64, Range<usize>)> {
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
        let n = words.len();
        let mut best: Option<(f64, Range<usize>)> = None;
        for len in n.saturating_sub(2).max(1)..=n + 2 {
            if len > text.len() {
                break;
            }
            for start in 0..=text.len() - len {
                let window = &text[start..start + len];
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

    #[test]
    fn windows_are_compared_as_before() {
        const VOCAB: &[&str] = &["a", "b", "c", "d", "e", "f"];
        let mut state = 0xDEAD_BEEF_u64;
        let mut next = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        for _ in 0..3000 {
            let text: Vec<String> = (0..next(25)).map(|_| VOCAB[next(6)].to_string()).collect();
            let words: Vec<String> = (0..1 + next(12)).map(|_| VOCAB[next(6)].to_string()).collect();
            assert_eq!(
                best_window(&text, &words),
                best_window_of_strings(&text, &words),
                "{text:?} {words:?}"
            );
        }
    }
}
