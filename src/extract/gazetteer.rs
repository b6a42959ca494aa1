//! The gazetteer: every name, alias, adjective, possessive and title of the knowledge base,
//! found in an article in one aho-corasick pass.
//!
//! The automaton is built once per knowledge base and matches ASCII case-insensitively; whole
//! words only are kept. Names of people and bodies must start with a capital letter in the text
//! ("Gallant" the man, not "gallant" the adjective); titles may be in any case.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};

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

/// The automaton and what each pattern stands for.
#[derive(Debug)]
pub struct Gazetteer {
    automaton: Option<AhoCorasick>,
    entries: Vec<Vec<Entry>>,
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
        let mut patterns = Vec::with_capacity(by_pattern.len() * 2);
        let mut entries = Vec::with_capacity(by_pattern.len() * 2);
        let mut keys: Vec<(String, Vec<Entry>)> = by_pattern.into_iter().collect();
        keys.sort_by(|a, b| a.0.cmp(&b.0));
        for (key, es) in keys {
            if key.contains('\'') {
                patterns.push(key.replace('\'', "’"));
                entries.push(es.clone());
            }
            patterns.push(key);
            entries.push(es);
        }
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .ok();
        Gazetteer { automaton, entries }
    }

    /// Every whole-word match in `text`, in order of start, longest first at each start.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
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
            let entries: Vec<Entry> = self.entries[m.pattern().as_usize()]
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
}

fn is_boundary_before(text: &str, start: usize) -> bool {
    let before = &text[..start];
    match before.chars().next_back() {
        None => true,
        // "then-President", "ex-Defense Minister": a qualifier prefix is a boundary.
        Some('-') => {
            let word = before[..before.len() - 1]
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
    let mut rest = text[end..].chars();
    match rest.next() {
        None => true,
        // "Israel’s": a possessive after a name still ends the name.
        Some('\'' | '’') => true,
        Some('-') => rest.next().is_none_or(|c| !c.is_alphanumeric()) || text[end..].starts_with("-elect"),
        Some(c) => !c.is_alphanumeric(),
    }
}
