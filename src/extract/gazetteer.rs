//! The gazetteer: every name, alias, adjective, possessive and title of the knowledge base,
//! found in an article in one pass over its words.
//!
//! Matching is ASCII case-insensitive; whole words only are kept. Names of people and bodies
//! must start with a capital letter in the text ("Gallant" the man, not "gallant" the
//! adjective); titles may be in any case.
//!
//! Every occurrence of every pattern is found, overlapping ones included, exactly as an
//! aho-corasick automaton over all patterns finds them (the tests compare the two), but through
//! hash tables, so that building the gazetteer of a
//! knowledge base of a million facts takes a fraction of a second and a lookup costs about the
//! same whatever the number of names. A match must start where a word starts and end where a
//! word ends, so a pattern that starts with a letter or digit can only match where its first
//! word is the text's whole word there: each word of the text is looked up among the patterns'
//! first words, and only the lengths of the patterns that start with it are tried.

use std::collections::HashMap;

use crate::kb::hash::FxMap;
use crate::kb::{BodyId, Entity, KnowledgeBase, OfficeId, PersonId};
use crate::text::name_key;

/// What a gazetteer pattern stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    /// A person's name or alias.
    Person(PersonId),
    /// A country's or organization's name or alias ("Israel", "Pentagon").
    BodyName(BodyId),
    /// An adjective ("Israeli").
    BodyAdjective(BodyId),
    /// A possessive ("Israel's").
    BodyPossessive(BodyId),
    /// An office's full name or alias.
    Office(OfficeId),
    /// A bare title ("Defense Minister"); the key of [`KnowledgeBase::offices_titled`].
    Title(String),
}

impl Entry {
    fn needs_capital(&self) -> bool {
        matches!(
            self,
            Entry::Person(_) | Entry::BodyName(_) | Entry::BodyAdjective(_) | Entry::BodyPossessive(_)
        )
    }
}

/// One match in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What it may stand for.
    pub entries: Vec<Entry>,
}

/// The patterns and what each stands for.
#[derive(Debug)]
pub struct Gazetteer {
    /// Pattern text (lower case) → index into `entries`.
    patterns: FxMap<Box<str>, u32>,
    /// First word of the patterns that start with a letter or digit → the distinct lengths in
    /// bytes of those patterns, shortest first.
    by_first_word: FxMap<Box<str>, Box<[u32]>>,
    /// First character of the other patterns → their distinct lengths, shortest first.
    by_first_char: FxMap<char, Box<[u32]>>,
    entries: Vec<Vec<Entry>>,
}

/// The leading run of letters and digits of `s`.
fn first_word(s: &str) -> &str {
    s.split(|c: char| !c.is_alphanumeric()).next().unwrap_or(s)
}

fn add_length<K: std::hash::Hash + Eq>(map: &mut FxMap<K, Vec<u32>>, key: K, len: usize) {
    let lens = map.entry(key).or_default();
    if let Err(at) = lens.binary_search(&(len as u32)) {
        lens.insert(at, len as u32);
    }
}

impl Gazetteer {
    /// Builds the gazetteer of a knowledge base.
    pub fn new(kb: &KnowledgeBase) -> Self {
        let mut by_pattern: HashMap<String, Vec<Entry>> = HashMap::new();
        let mut add = |s: &str, e: Entry| {
            let key = name_key(s);
            if key.chars().count() < 2 {
                return;
            }
            let list = by_pattern.entry(key).or_default();
            if !list.contains(&e) {
                list.push(e);
            }
        };
        for (key, entities) in kb.names() {
            for e in entities {
                match e {
                    Entity::Person(p) => add(key, Entry::Person(*p)),
                    Entity::Body(b) => {
                        add(key, Entry::BodyName(*b));
                        add(&format!("{key}'s"), Entry::BodyPossessive(*b));
                        if key.ends_with('s') {
                            add(&format!("{key}'"), Entry::BodyPossessive(*b));
                        }
                    }
                    Entity::Office(o) => add(key, Entry::Office(*o)),
                }
            }
        }
        for (i, b) in kb.bodies.iter().enumerate() {
            let id = BodyId(i as u32);
            for a in &b.adjectives {
                add(a, Entry::BodyAdjective(id));
            }
            for p in &b.possessives {
                add(p, Entry::BodyPossessive(id));
            }
        }
        for (key, _) in kb.titles() {
            add(key, Entry::Title(key.to_string()));
        }
        // Curly apostrophes in the text must meet straight ones in the patterns.
        let mut g = Gazetteer {
            patterns: FxMap::default(),
            by_first_word: FxMap::default(),
            by_first_char: FxMap::default(),
            entries: Vec::with_capacity(by_pattern.len()),
        };
        let mut by_first_word: FxMap<Box<str>, Vec<u32>> = FxMap::default();
        let mut by_first_char: FxMap<char, Vec<u32>> = FxMap::default();
        g.patterns.reserve(by_pattern.len() + by_pattern.len() / 8);
        for (key, es) in by_pattern {
            let curly = key.contains('\'').then(|| key.replace('\'', "’"));
            let id = g.entries.len() as u32;
            g.entries.push(es);
            for pattern in std::iter::once(key).chain(curly) {
                let word = first_word(&pattern);
                if word.is_empty() {
                    let c = pattern.chars().next().unwrap_or(' ');
                    add_length(&mut by_first_char, c, pattern.len());
                } else if let Some(lens) = by_first_word.get_mut(word) {
                    if let Err(at) = lens.binary_search(&(pattern.len() as u32)) {
                        lens.insert(at, pattern.len() as u32);
                    }
                } else {
                    by_first_word.insert(word.into(), vec![pattern.len() as u32]);
                }
                g.patterns.insert(pattern.into_boxed_str(), id);
            }
        }
        g.by_first_word = by_first_word
            .into_iter()
            .map(|(k, v)| (k, v.into_boxed_slice()))
            .collect();
        g.by_first_char = by_first_char
            .into_iter()
            .map(|(k, v)| (k, v.into_boxed_slice()))
            .collect();
        g
    }

    /// Every whole-word match in `text`, in order of start, longest first at each start.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        if self.patterns.is_empty() {
            return Vec::new();
        }
        // Patterns are lower case; only ASCII letters of the text are folded to meet them.
        let folded = text.to_ascii_lowercase();
        let mut hits = Vec::new();
        let mut prev: Option<char> = None;
        let mut start = 0;
        // `start` is always a character boundary of `text`, and so of `folded` (the same text
        // with ASCII letters lowered, byte for byte): it only moves past whole words and
        // characters. `get` stops the loop rather than panic should that ever not hold.
        while let Some(c) = text.get(start..).and_then(|rest| rest.chars().next()) {
            let starts = match prev {
                None => true,
                Some('-') => is_boundary_before(text, start),
                Some(p) => !p.is_alphanumeric(),
            };
            // A match starts where a word starts; inside a word none can.
            let (lens, next) = if c.is_alphanumeric() {
                let Some(rest) = folded.get(start..) else {
                    break;
                };
                let word = first_word(rest);
                prev = word.chars().next_back();
                (
                    if starts { self.by_first_word.get(word) } else { None },
                    start + word.len(),
                )
            } else {
                prev = Some(c);
                (
                    if starts && !self.by_first_char.is_empty() {
                        self.by_first_char.get(&c)
                    } else {
                        None
                    },
                    start + c.len_utf8(),
                )
            };
            for &len in lens.map_or(&[][..], |l| &l[..]) {
                let end = start + len as usize;
                if end > text.len() {
                    break;
                }
                if !text.is_char_boundary(end) || !is_boundary_after(text, end) {
                    continue;
                }
                let Some(&id) = folded.get(start..end).and_then(|p| self.patterns.get(p)) else {
                    continue;
                };
                // Every id in `patterns` was an index into `entries` when it was inserted.
                let Some(candidates) = self.entries.get(id as usize) else {
                    continue;
                };
                let capital = c.is_uppercase() || c.is_ascii_digit();
                let entries: Vec<Entry> = candidates
                    .iter()
                    .filter(|e| capital || !e.needs_capital())
                    .cloned()
                    .collect();
                if !entries.is_empty() {
                    hits.push(Hit { start, end, entries });
                }
            }
            start = next;
        }
        hits.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        hits
    }
}

fn is_boundary_before(text: &str, start: usize) -> bool {
    // Callers pass the start of a character; anything else starts no word.
    let Some(before) = text.get(..start) else {
        return false;
    };
    match before.chars().next_back() {
        None => true,
        // "then-President", "ex-Defense Minister": a qualifier prefix is a boundary.
        Some('-') => {
            let word = before
                .strip_suffix('-')
                .unwrap_or(before)
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("")
                .to_lowercase();
            super::lexicon::is(super::lexicon::QUALIFIERS, &word)
        }
        Some(c) => !c.is_alphanumeric(),
    }
}

fn is_boundary_after(text: &str, end: usize) -> bool {
    // Callers pass the end of a character; anything else ends no word.
    let Some(after) = text.get(end..) else {
        return false;
    };
    let mut rest = after.chars();
    match rest.next() {
        None => true,
        // "Israel’s": a possessive after a name still ends the name.
        Some('\'' | '’') => true,
        Some('-') => rest.next().is_none_or(|c| !c.is_alphanumeric()) || after.starts_with("-elect"),
        Some(c) => !c.is_alphanumeric(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The former search, with an automaton over every pattern: the reference.
    fn find_with_automaton(
        g: &Gazetteer,
        ac: &aho_corasick::AhoCorasick,
        patterns: &[(&str, u32)],
        text: &str,
    ) -> Vec<Hit> {
        let mut hits = Vec::new();
        for m in ac.find_overlapping_iter(text) {
            let (start, end) = (m.start(), m.end());
            if !is_boundary_before(text, start) || !is_boundary_after(text, end) {
                continue;
            }
            let capital = text[start..]
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
            let entries: Vec<Entry> = g.entries[patterns[m.pattern().as_usize()].1 as usize]
                .iter()
                .filter(|e| capital || !e.needs_capital())
                .cloned()
                .collect();
            if !entries.is_empty() {
                hits.push(Hit { start, end, entries });
            }
        }
        hits.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        hits
    }

    #[test]
    fn finds_what_an_automaton_over_every_pattern_finds() {
        let rules = crate::rules_from_text(
            "gazetteer.fc",
            r#"
country "Israel" {
    adjective "Israeli"
}
country "United States" {
    aka "U.S.", "US", "America"
    adjective "American", "U.S."
    possessive "America's"
}
organization "Hamas" {
    kind group
}
organization "Zoë Café Ünion" {
    aka "ZCU"
}
person "Yoav Gallant" {
    aka "Gallant", "Yoav Galant"
}
person "Gideon Sa'ar" {
    aka "Sa'ar", "Gideon Saar"
}
person "Isaac Herzog" {
    aka "Herzog", "Isaac \"Bougie\" Herzog"
}
person "Israel Katz" {
    aka "Katz"
}
person "Élodie Ñúñez" {
    aka "Ñúñez"
}
person "Agent 007" {
    aka "007"
}
office "Minister of Defense of Israel" {
    of "Israel"
    title "Defense Minister", "Minister of Defense", "Minister"
}
office "Senate Majority Leader" {
    of "United States"
    title "Majority Leader", "Leader"
}
"#,
        );
        assert!(!rules.has_errors(), "{:?}", rules.diagnostics);
        let g = Gazetteer::new(&rules.kb);
        let mut patterns: Vec<(&str, u32)> = g.patterns.iter().map(|(p, id)| (&**p, *id)).collect();
        patterns.sort();
        let ac = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(aho_corasick::MatchKind::Standard)
            .build(patterns.iter().map(|p| p.0))
            .unwrap();
        const PIECES: &[&str] = &[
            "Israel",
            "israel",
            "ISRAEL",
            "Israeli",
            "Israel's",
            "Israel’s",
            "Israel Katz",
            "Katz",
            "Yoav Gallant",
            "Gallant",
            "gallant",
            "Galant",
            "Sa'ar",
            "Sa’ar",
            "Gideon Sa'ar",
            "Gideon Saar",
            "U.S.",
            "US",
            "u.s.",
            "America's",
            "America’s",
            "Hamas'",
            "Hamas’",
            "Hamas's",
            "Isaac \"Bougie\" Herzog",
            "Herzog",
            "Zoë Café Ünion",
            "ZOË CAFÉ ÜNION",
            "ZCU",
            "Élodie Ñúñez",
            "ÉLODIE",
            "Ñúñez",
            "Agent 007",
            "007",
            "Defense Minister",
            "defense minister",
            "Minister of Defense",
            "then-",
            "ex-",
            "former-",
            "anti-",
            "Majority Leader",
            "-elect",
            "-designate",
            "Leader-elect",
            "-",
            " ",
            "  ",
            ", ",
            ". ",
            "(",
            ")",
            "\"",
            "“",
            "”",
            "’",
            "'",
            "the",
            "a",
            "x",
            "9",
            "é",
            "\n",
            "Katzenberg",
            "Gallantry",
            "Israelis",
        ];
        let mut state = 0x2545_F491_4F6C_DD1D_u64;
        let mut next = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let mut hits = 0;
        for _ in 0..3000 {
            let text: String = (0..1 + next(12)).map(|_| PIECES[next(PIECES.len())]).collect();
            let found = g.find(&text);
            assert_eq!(found, find_with_automaton(&g, &ac, &patterns, &text), "{text:?}");
            hits += found.len();
        }
        assert!(hits > 2000, "too few hits to prove anything: {hits}");
    }
}
