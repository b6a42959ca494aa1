//! A phrase index over event aliases, matched against the stemmed words of a sentence.
//!
//! An alias matches when its stems appear in order, with at most [`MAX_GAP`] other words between
//! two consecutive ones: "issue arrest warrants" finds "issued the arrest warrants". Determiners
//! are left out of aliases, so that "lifted the sanctions" finds "lifted those sanctions". Patterns are
//! filed under their first stem, so matching costs one hash lookup per word of the sentence;
//! where many aliases share a first word ("summit in …"), they are also filed under their last
//! word, and only those whose last word is in the sentence are tried.

use std::hash::BuildHasher;

use super::EventId;
use super::hash::{FxMap, FxSet};
use crate::text::{is_determiner_stem, phrase_stems};

/// How many other words may stand between two consecutive words of an alias.
pub const MAX_GAP: usize = 2;

#[derive(Clone, Debug)]
struct Pattern {
    event: EventId,
    stems: Vec<String>,
}

/// The patterns that share a first stem, in the order they were added.
#[derive(Clone, Debug, Default)]
struct Bucket {
    patterns: Vec<Pattern>,
    /// For a bucket of at least [`BY_LAST_FROM`] patterns: last stem → indexes of the patterns of
    /// two or more stems that end with it.
    by_last: FxMap<String, Vec<u32>>,
    /// Indexes of the one-stem patterns.
    single: Vec<u32>,
}

/// Buckets this large are searched through their last stems.
const BY_LAST_FROM: usize = 8;

/// The phrase index.
#[derive(Clone, Debug, Default)]
pub struct EventIndex {
    by_first: FxMap<String, Bucket>,
    /// Hashes of every (event, stems) added, to find duplicates without a scan.
    added: FxSet<u64>,
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
        let mut stems = phrase_stems(alias);
        // Determiners are left out: the sentence's own may differ ("lifted those sanctions")
        // and cost nothing to skip there.
        if stems.iter().any(|s| !is_determiner_stem(s)) {
            stems.retain(|s| !is_determiner_stem(s));
        }
        let Some(first) = stems.first().cloned() else {
            return;
        };
        let key = self.added.hasher().hash_one((event, &stems));
        let bucket = self.by_first.entry(first).or_default();
        // Only a hash seen before can be a duplicate.
        if !self.added.insert(key) && bucket.patterns.iter().any(|p| p.event == event && p.stems == stems) {
            return;
        }
        let index = bucket.patterns.len() as u32;
        if stems.len() == 1 {
            bucket.single.push(index);
        }
        bucket.patterns.push(Pattern { event, stems });
        if bucket.patterns.len() == BY_LAST_FROM {
            for (k, p) in bucket.patterns.iter().enumerate() {
                if let [_, .., last] = p.stems.as_slice() {
                    bucket.by_last.entry(last.clone()).or_default().push(k as u32);
                }
            }
        } else if bucket.patterns.len() > BY_LAST_FROM
            // The pattern just pushed, at `index`.
            && let Some(p) = bucket.patterns.last()
            && let [_, .., last] = p.stems.as_slice()
        {
            bucket.by_last.entry(last.clone()).or_default().push(index);
        }
    }

    /// The patterns that may match from position `i` (whose stem is the bucket's first stem), in
    /// the order they were added: in a large bucket, only those whose last stem is among
    /// `later` (the distinct stems after `i`), since a match needs its last stem after its first.
    fn candidates<'a>(bucket: &'a Bucket, later: &FxSet<&str>) -> Vec<&'a Pattern> {
        if bucket.patterns.len() < BY_LAST_FROM {
            return bucket.patterns.iter().collect();
        }
        let mut indexes: Vec<u32> = bucket.single.clone();
        for s in later {
            if let Some(list) = bucket.by_last.get(*s) {
                indexes.extend_from_slice(list);
            }
        }
        indexes.sort_unstable();
        indexes
            .into_iter()
            .filter_map(|k| bucket.patterns.get(k as usize))
            .collect()
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
        longest(self.search(stems, costs, false), stems.len())
    }

    /// Like [`EventIndex::find_with_costs`], where `participles[i]` says stem `i` is a past
    /// participle in the passive ("were issued", ", issued on"): an alias that opens with that
    /// verb also matches with its other words before it, so "issue arrest warrants" meets "the
    /// arrest warrants were issued" and "the warrants, issued on Nov. 21".
    pub fn find_with_participles(&self, stems: &[String], costs: &[u8], participles: &[bool]) -> Vec<EventMention> {
        let mut found = self.search(stems, costs, false);
        found.extend(self.search_passive(stems, costs, participles));
        found.sort_by_key(|m| m.start);
        longest(found, stems.len())
    }

    /// The passive matches: for each participle, the aliases that open with its stem, whose
    /// other words end at most [`MAX_GAP`] skipped stems before it.
    fn search_passive(&self, stems: &[String], costs: &[u8], participles: &[bool]) -> Vec<EventMention> {
        let mut found = Vec::new();
        for (p, verb) in stems.iter().enumerate() {
            if !participles.get(p).copied().unwrap_or(false) {
                continue;
            }
            let Some(bucket) = self.by_first.get(verb) else {
                continue;
            };
            for pattern in &bucket.patterns {
                let Some((object_first, object)) = pattern.stems.split_first().and_then(|(_, rest)| {
                    let first = rest.first()?;
                    Some((first, rest))
                }) else {
                    continue;
                };
                // The object starts at most 16 words before the participle, as in `match_from`.
                let starts = p.saturating_sub(16)..p;
                // "a first dismissal, announced in March 2023": an indefinite or ordinal subject
                // brings in another occurrence, not the recorded one.
                let another = |s: usize| {
                    (s.saturating_sub(2)..s).any(|j| {
                        stems.get(j).is_some_and(|w| {
                            matches!(
                                w.as_str(),
                                "a" | "an" | "another" | "first" | "second" | "third" | "previous" | "earlier"
                            )
                        })
                    })
                };
                let hit = starts
                    .filter(|&s| stems.get(s) == Some(object_first) && !another(s))
                    .find_map(|s| {
                        let end = match_from(stems, costs, s, object)?;
                        let skipped: usize = (end..p).map(|j| usize::from(costs.get(j).copied().unwrap_or(1))).sum();
                        (end <= p && skipped <= MAX_GAP).then_some(s)
                    });
                if let Some(start) = hit {
                    found.push(EventMention {
                        event: pattern.event,
                        start,
                        end: p + 1,
                        words: pattern.stems.len(),
                    });
                }
            }
        }
        found
    }

    /// Every alias match, before the shorter ones are dropped, by start and then in the order the
    /// aliases were added. With `every_pattern`, large buckets are tried whole (the reference the
    /// last-stem filter is tested against).
    fn search(&self, stems: &[String], costs: &[u8], every_pattern: bool) -> Vec<EventMention> {
        let mut found = Vec::new();
        for (i, s) in stems.iter().enumerate() {
            let Some(bucket) = self.by_first.get(s) else {
                continue;
            };
            let later: FxSet<&str> = if bucket.patterns.len() < BY_LAST_FROM || every_pattern {
                FxSet::default()
            } else {
                stems.iter().skip(i + 1).map(String::as_str).collect()
            };
            let patterns = if every_pattern {
                bucket.patterns.iter().collect()
            } else {
                Self::candidates(bucket, &later)
            };
            for p in patterns {
                if let Some(end) = match_from(stems, costs, i, &p.stems) {
                    found.push(EventMention {
                        event: p.event,
                        start: i,
                        end,
                        words: p.stems.len(),
                    });
                }
            }
        }
        found
    }
}

/// The matches that no longer match overlaps, each (event, start) once, in order. Linear: the
/// longest match over each word is found first. Only a dense match (at most twice as many words
/// as its alias has) outranks the matches it overlaps: "arrest warrant for Deif" stretched over a
/// list of names ("arrest warrants for Netanyahu, his former defense minister Gallant and Hamas
/// commander Deif") is no more specific than "issued arrest warrants" inside it.
fn longest(found: Vec<EventMention>, len: usize) -> Vec<EventMention> {
    // Matches span whole words, `start < end <= len`; two overlap exactly when they share a word.
    let mut most = vec![0usize; len];
    for m in found.iter().filter(|m| m.end - m.start <= 2 * m.words) {
        for w in most.get_mut(m.start..m.end).unwrap_or_default() {
            *w = (*w).max(m.words);
        }
    }
    let mut seen = FxSet::default();
    found
        .into_iter()
        .filter(|m| {
            most.get(m.start..m.end)
                .unwrap_or_default()
                .iter()
                .all(|&w| w <= m.words)
        })
        .filter(|m| seen.insert((m.event, m.start)))
        .collect()
}

/// Where the alias `pattern` ends when it matches from stem `start`: every word in order, with
/// at most [`MAX_GAP`] skipped (costed) stems between two of them. No word of an alias may be
/// left out: the one left out could be the verb that makes the phrase mean this event.
fn match_from(stems: &[String], costs: &[u8], start: usize, pattern: &[String]) -> Option<usize> {
    let mut at = start;
    for want in pattern.iter().skip(1) {
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
        // No word of an alias may be left out.
        idx.add(EventId(3), "Jean-Pierre became press secretary");
        let s = phrase_stems("Jean-Pierre, who served as White House press secretary");
        assert!(idx.find(&s).is_empty(), "no word of an alias may be left out");
        // Three words between two alias words is too far.
        let s = phrase_stems("issued, on a cold day, arrest warrants");
        assert_eq!(idx.find(&s)[0].event, EventId(1));
    }

    #[test]
    fn determiners_are_interchangeable() {
        let mut idx = EventIndex::default();
        idx.add(EventId(0), "lifted the sanctions");
        let s = phrase_stems("Biden lifted those sanctions in 2021");
        assert_eq!(idx.find(&s).first().map(|m| m.event), Some(EventId(0)));
        let s = phrase_stems("Biden lifted sanctions");
        assert_eq!(idx.find(&s).first().map(|m| m.event), Some(EventId(0)));
    }

    #[test]
    fn an_alias_opening_with_a_verb_meets_its_passive() {
        let mut idx = EventIndex::default();
        idx.add(EventId(0), "issue arrest warrants");
        idx.add(EventId(1), "arrest warrants");
        let passive = |text: &str, at: &str| {
            let s = phrase_stems(text);
            let p: Vec<bool> = s.iter().map(|w| w == at).collect();
            let costs = vec![1; s.len()];
            idx.find_with_participles(&s, &costs, &p)
        };
        // The verb after its object, at most two words on.
        let found = passive("the arrest warrants were issued on Thursday", "issu");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].event, EventId(0));
        assert_eq!((found[0].start, found[0].end), (1, 5));
        // Only where the caller says the word is a passive participle.
        let s = phrase_stems("the arrest warrants were issued");
        assert_eq!(idx.find(&s).first().map(|m| m.event), Some(EventId(1)));
        // Too far, or another occurrence ("an arrest warrant").
        assert!(
            passive(
                "the arrest warrants that the judges had been asked for in May were issued",
                "issu"
            )
            .iter()
            .all(|m| m.event != EventId(0))
        );
        assert!(
            passive("an arrest warrant, issued on Thursday", "issu")
                .iter()
                .all(|m| m.event != EventId(0))
        );
    }
    /// The original quadratic filter: drop matches overlapped by a longer one, then repeats.
    fn longest_by_comparing_all(found: Vec<EventMention>) -> Vec<EventMention> {
        let longest: Vec<EventMention> = found
            .iter()
            .filter(|m| {
                !found
                    .iter()
                    .any(|o| o.words > m.words && o.end - o.start <= 2 * o.words && o.start < m.end && m.start < o.end)
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

    #[test]
    fn large_buckets_find_what_trying_every_pattern_finds() {
        // Many aliases share their first words; sentences mix their words.
        const WORDS: &[&str] = &[
            "summit", "in", "the", "of", "accord", "sign", "talks", "x1", "x2", "x3", "x4", "x5",
        ];
        let mut state = 0x9E37_79B9_u64;
        let mut next = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let mut idx = EventIndex::default();
        for e in 0..200 {
            for _ in 0..1 + next(3) {
                let len = 1 + next(5);
                let alias: Vec<&str> = (0..len)
                    .map(|k| {
                        if k == 0 {
                            WORDS[next(3)]
                        } else {
                            WORDS[next(WORDS.len())]
                        }
                    })
                    .collect();
                idx.add(EventId(e), &alias.join(" "));
            }
        }
        assert!(idx.by_first.values().any(|b| b.patterns.len() >= BY_LAST_FROM));
        let mut found = 0;
        for _ in 0..500 {
            let len = 1 + next(14);
            let sentence: Vec<&str> = (0..len).map(|_| WORDS[next(WORDS.len())]).collect();
            let stems = phrase_stems(&sentence.join(" "));
            let costs: Vec<u8> = stems.iter().map(|_| next(2) as u8).collect();
            let got = idx.find_with_costs(&stems, &costs);
            assert_eq!(
                got,
                longest_by_comparing_all(idx.search(&stems, &costs, true)),
                "{sentence:?}"
            );
            found += got.len();
        }
        assert!(found > 100, "too few matches to prove anything: {found}");
    }
}
