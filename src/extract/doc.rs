//! The reading of one article that every claim kind shares: sentences with their words,
//! gazetteer hits mapped onto words, quotations, and the people and bodies mentioned so far
//! (for "he said" and "the court said").

use std::ops::Range;

use super::gazetteer::{Entry, Gazetteer};
use super::lexicon::{self, is};
use super::{Claim, Qualifier};
use crate::article::Article;
use crate::article::quotes::{Quotation, quotations};
use crate::article::segment::{Token, TokenKind, tokens};
use crate::kb::{BodyId, KnowledgeBase, PersonId, Speaker};

/// A gazetteer hit mapped onto a sentence's words.
#[derive(Clone, Debug)]
pub struct TokHit {
    /// First word.
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// What it may stand for.
    pub entries: Vec<Entry>,
    /// Followed by a possessive ("Israel’s").
    pub possessive: bool,
    /// Followed by "-elect" inside the last word.
    pub elect: bool,
    /// Preceded by a qualifier prefix inside the first word ("then-", "ex-").
    pub prefix: Option<Qualifier>,
}

impl TokHit {
    /// The person, if the hit is a person's name.
    pub fn person(&self) -> Option<PersonId> {
        self.entries.iter().find_map(|e| match e {
            Entry::Person(p) => Some(*p),
            _ => None,
        })
    }

    /// The body, if the hit is a body's name, adjective or possessive.
    pub fn body(&self) -> Option<BodyId> {
        self.entries.iter().find_map(|e| match e {
            Entry::BodyName(b) | Entry::BodyAdjective(b) | Entry::BodyPossessive(b) => Some(*b),
            _ => None,
        })
    }

    /// Whether the hit is a possessive form of a body ("Israel's", "ICC's").
    pub fn is_body_possessive(&self) -> bool {
        self.entries.iter().any(|e| matches!(e, Entry::BodyPossessive(_)))
            || (self.possessive && self.entries.iter().any(|e| matches!(e, Entry::BodyName(_))))
    }

    /// Whether the hit is a title or an office name.
    pub fn is_title(&self) -> bool {
        self.entries
            .iter()
            .any(|e| matches!(e, Entry::Title(_) | Entry::Office(_)))
    }
}

/// One sentence with its words and hits.
#[derive(Clone, Debug)]
pub struct Sent<'a> {
    /// Its paragraph.
    pub paragraph: usize,
    /// Its bytes.
    pub range: Range<usize>,
    /// Its words and marks.
    pub tokens: Vec<Token<'a>>,
    /// Gazetteer hits, in order of their first word.
    pub hits: Vec<TokHit>,
    /// The most words any hit spans.
    pub longest_hit: usize,
    /// In a paragraph suppressed by `factcheck: ignore`.
    pub ignored: bool,
    /// In a heading.
    pub heading: bool,
    /// Each token in lower case, with curly apostrophes straightened ([`Token::lower`]), made
    /// once: the patterns ask for the same words many times.
    lowers: Vec<String>,
}

impl Sent<'_> {
    /// The word `i` in lower case (curly apostrophes straightened).
    pub fn lower(&self, i: usize) -> &str {
        self.lowers.get(i).map_or("", String::as_str)
    }

    /// Hits whose last word is `i`, longest first.
    pub fn hits_ending_at(&self, i: usize) -> impl Iterator<Item = &TokHit> {
        // Hits are in order of their first word and none spans more than `longest_hit` words,
        // so only those starting in that window before `i` can end at `i` (a scan of every hit
        // for every word was quadratic in the sentence's length).
        let lo = self.hits.partition_point(|h| h.start + self.longest_hit < i + 1);
        let hi = self.hits.partition_point(|h| h.start <= i).max(lo);
        let window = self.hits.get(lo..hi).unwrap_or_default();
        let mut v: Vec<&TokHit> = window.iter().filter(move |h| h.end == i + 1).collect();
        v.sort_by_key(|h| h.start);
        v.into_iter()
    }

    /// Hits whose first word is `i`, longest first.
    pub fn hits_starting_at(&self, i: usize) -> impl Iterator<Item = &TokHit> {
        let lo = self.hits.partition_point(|h| h.start < i);
        let hi = self.hits.partition_point(|h| h.start <= i).max(lo);
        let mut v: Vec<&TokHit> = self.hits.get(lo..hi).unwrap_or_default().iter().collect();
        v.sort_by_key(|h| std::cmp::Reverse(h.end));
        v.into_iter()
    }

    /// The longest person-name hit starting at word `i`.
    pub fn person_at(&self, i: usize) -> Option<&TokHit> {
        self.hits_starting_at(i)
            .find(|h| h.person().is_some() && h.prefix.is_none())
    }

    /// Bytes from word `a` to the end of word `b` (inclusive); None unless both are words of
    /// the sentence.
    pub fn span(&self, a: usize, b: usize) -> Option<Range<usize>> {
        Some(self.tokens.get(a)?.start..self.tokens.get(b)?.end)
    }

    /// Whether word `i` is a reporting verb ("said", "wrote"): in lower case, as a verb is
    /// written after the start of a sentence ("the United States" does not state).
    pub fn is_reporting_verb(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            (i == 0 || !t.is_capitalized())
                && (is(lexicon::REPORTING_VERBS, self.lower(i))
                    // "He went on: “…”" continues a speaker's words.
                    || (matches!(self.lower(i), "went" | "goes")
                        && self.lower(i + 1) == "on"
                        && self.tokens.get(i + 2).is_some_and(|t| t.is(':') || t.is(','))))
        })
    }

    /// Whether word `i` is a word (not a mark).
    pub fn is_word(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind != TokenKind::Punct)
    }
}

/// An unknown or known person or body mentioned in the article, in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Where it is mentioned.
    pub offset: usize,
    /// Who or what.
    pub who: Who,
}

/// A speaker or subject, resolved as far as possible.
#[derive(Clone, Debug, PartialEq)]
pub enum Who {
    /// A person: the name as best known, and the knowledge base's id when known.
    Person {
        /// Full name as written at its first full mention.
        name: String,
        /// The knowledge base's person.
        id: Option<PersonId>,
    },
    /// A country or organization of the knowledge base.
    Body(BodyId),
    /// An organization known only by a description ("the club").
    Described(String),
}

impl Who {
    /// The knowledge-base speaker, when resolved.
    pub fn speaker(&self) -> Option<Speaker> {
        match self {
            Who::Person { id: Some(p), .. } => Some(Speaker::Person(*p)),
            Who::Body(b) => Some(Speaker::Body(*b)),
            _ => None,
        }
    }
}

/// The article as extraction reads it.
pub struct Doc<'a> {
    /// The article.
    pub article: &'a Article,
    /// The knowledge base.
    pub kb: &'a KnowledgeBase,
    /// The masked text.
    pub text: &'a str,
    /// Every sentence, in order.
    pub sentences: Vec<Sent<'a>>,
    /// Every quotation, in order.
    pub quotations: Vec<Quotation>,
    /// Every person and body mentioned, in order (filled after roles are found).
    pub mentions: Vec<Mention>,
    /// The titles role claims gave people, in order: the offset of the claim, the title's
    /// words in lower case, and who (for "the president said" later on).
    pub titled: Vec<(usize, String, Who)>,
    /// How the article orders numeric dates ("21/11/2024" or "11/21/2024"): day first, month
    /// first, or unknown when no date in it says (see [`numeric_date_order`]).
    pub day_first: Option<bool>,
}

/// The order of numeric dates in `sentences`: day first when one of them can only be read that
/// way ("21/11/2024"), month first when one can only be read the other way ("11/21/2024"), and
/// unknown when none, or both, occur.
pub fn numeric_date_order(sentences: &[Sent]) -> Option<bool> {
    let (mut day_first, mut month_first) = (false, false);
    for t in sentences.iter().flat_map(|s| &s.tokens) {
        if t.kind != TokenKind::Number {
            continue;
        }
        if let Some((a, b, _)) = numeric_date_parts(t.text) {
            day_first |= a > 12 && b <= 12;
            month_first |= b > 12 && a <= 12;
        }
    }
    match (day_first, month_first) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

/// The three numbers of "21/11/2024" or "21.11.2024": two of one or two digits, then a year of
/// four.
pub fn numeric_date_parts(token: &str) -> Option<(u8, u8, i64)> {
    let sep = if token.contains('/') { '/' } else { '.' };
    let mut parts = token.split(sep);
    let (a, b, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || a.len() > 2 || b.len() > 2 || y.len() != 4 {
        return None;
    }
    Some((a.parse().ok()?, b.parse().ok()?, y.parse().ok()?))
}

impl<'a> Doc<'a> {
    /// Reads `article`.
    pub fn new(article: &'a Article, kb: &'a KnowledgeBase, gazetteer: &Gazetteer) -> Self {
        let text = article.masked.as_str();
        let hits = gazetteer.find(text);
        let mut sentences = Vec::new();
        let mut quotes = Vec::new();
        for (p, para) in article.paragraphs.iter().enumerate() {
            quotes.extend(quotations(text, para.range.clone()));
            for s in article.sentences(p) {
                let toks = tokens(text, s.range.clone());
                let sent_hits = map_hits(&hits, &toks, &s.range, text);
                sentences.push(Sent {
                    paragraph: p,
                    range: s.range,
                    lowers: toks.iter().map(Token::lower).collect(),
                    tokens: toks,
                    longest_hit: sent_hits.iter().map(|h| h.end - h.start).max().unwrap_or(0),
                    hits: sent_hits,
                    ignored: para.ignored,
                    heading: para.heading,
                });
            }
        }
        let mut doc = Doc {
            article,
            kb,
            text,
            sentences,
            quotations: quotes,
            mentions: Vec::new(),
            titled: Vec::new(),
            day_first: None,
        };
        doc.day_first = numeric_date_order(&doc.sentences);
        doc.collect_hit_mentions();
        doc
    }

    /// Whether byte `offset` lies inside quoted words.
    pub fn in_quote(&self, offset: usize) -> bool {
        // The last quotation opened before `offset`, if any.
        let i = self.quotations.partition_point(|q| q.open < offset);
        i.checked_sub(1)
            .and_then(|i| self.quotations.get(i))
            .is_some_and(|q| offset >= q.inner.start && offset < q.close.as_ref().map_or(q.inner.end, |c| c.start))
    }

    /// The index of the sentence holding byte `offset`.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        // The last sentence starting at or before `offset`, if it reaches it.
        let i = self.sentences.partition_point(|s| s.range.start <= offset);
        i.checked_sub(1)
            .filter(|&i| self.sentences.get(i).is_some_and(|s| offset <= s.range.end))
    }

    /// The article's text of words `a` to `b` (inclusive) of `sent`, as written. None unless both
    /// are words of it and their bytes are whole characters of the text (offsets are found in
    /// the masked copy; `get` keeps a disagreement between the two from panicking).
    pub fn words(&self, sent: &Sent, a: usize, b: usize) -> Option<&'a str> {
        self.article.text.get(sent.span(a, b)?)
    }

    /// Person `p` of the knowledge base, by its name there. None only for an id of another
    /// knowledge base than the one the gazetteer was built from.
    pub fn person(&self, p: PersonId) -> Option<Who> {
        Some(Who::Person {
            name: self.kb.persons.get(p.index())?.name.clone(),
            id: Some(p),
        })
    }

    /// Records every person and body the gazetteer found outside quotations.
    fn collect_hit_mentions(&mut self) {
        let mut mentions = Vec::new();
        for s in &self.sentences {
            for h in &s.hits {
                let Some(offset) = s.tokens.get(h.start).map(|t| t.start) else {
                    continue;
                };
                if self.in_quote(offset) || h.prefix.is_some() {
                    continue;
                }
                if let Some(p) = h.person() {
                    if let Some(who) = self.person(p) {
                        mentions.push(Mention { offset, who });
                    }
                } else if let Some(b) = h.body() {
                    mentions.push(Mention {
                        offset,
                        who: Who::Body(b),
                    });
                }
            }
        }
        mentions.sort_by_key(|m| m.offset);
        mentions.dedup_by(|a, b| a.offset == b.offset);
        self.mentions = mentions;
    }

    /// Adds the people of role claims the knowledge base does not know, so that a later "she
    /// said" or surname can refer to them, and records the title each role claim gives (for a
    /// later "the president said").
    pub fn collect_mentions(&mut self, roles: &[Claim]) {
        for c in roles {
            if let Some(r) = c.role()
                && r.qualifier == Qualifier::None
            {
                let who = match r.person.id {
                    Some(p) => self.person(p),
                    None => Some(Who::Person {
                        name: r.person.written.clone(),
                        id: None,
                    }),
                };
                if let Some(who) = who {
                    self.titled.push((c.span.start, r.title.to_lowercase(), who));
                }
            }
            if let Some(r) = c.role()
                && r.person.id.is_none()
            {
                self.mentions.push(Mention {
                    offset: r.person.span.start,
                    who: Who::Person {
                        name: r.person.written.clone(),
                        id: None,
                    },
                });
            }
        }
        self.mentions.sort_by_key(|m| m.offset);
        self.mentions.dedup_by(|a, b| a.offset == b.offset);
        self.titled.sort_by_key(|(at, _, _)| *at);
    }

    /// The most recent mention before `offset` that `fits`.
    pub fn last_mention(&self, offset: usize, fits: impl Fn(&Who) -> bool) -> Option<&Who> {
        /// How many mentions back an antecedent is looked for: far more than any reader would
        /// follow, and a bound on the work per pronoun or description in a pathological text
        /// (a scan to the start for each was quadratic).
        const LOOKBACK: usize = 500;
        let i = self.mentions.partition_point(|m| m.offset < offset);
        let before = self.mentions.get(..i).unwrap_or_default();
        before.iter().rev().take(LOOKBACK).map(|m| &m.who).find(|w| fits(w))
    }

    /// Who a pronoun before `offset` refers to: the most recent fitting person (he, she), body
    /// (it) or either (they).
    pub fn resolve_pronoun(&self, pronoun: &str, offset: usize) -> Option<Who> {
        let kb = self.kb;
        let person_fits = |w: &Who, want: &str| match w {
            Who::Person { id: Some(p), .. } => kb
                .persons
                .get(p.index())
                .is_none_or(|x| x.pronoun.as_deref().is_none_or(|x| x == want)),
            Who::Person { id: None, .. } => true,
            _ => false,
        };
        match pronoun {
            "he" | "she" => {
                let want = pronoun;
                self.previous_subject(offset, |w| person_fits(w, want))
                    .or_else(|| self.last_mention(offset, |w| person_fits(w, want)))
                    .cloned()
            }
            "him" | "his" => self.last_mention(offset, |w| person_fits(w, "he")).cloned(),
            "her" => self.last_mention(offset, |w| person_fits(w, "she")).cloned(),
            "it" | "its" => self
                .last_mention(offset, |w| matches!(w, Who::Body(_) | Who::Described(_)))
                .cloned(),
            "they" | "their" => self.last_mention(offset, |_| true).cloned(),
            _ => None,
        }
    }

    /// Who "the president" (a definite title without a name, `words` in lower case) before
    /// `offset` is: the person an earlier role claim gave a title ending in those words, when
    /// every such claim so far names the same person (two presidents make it anyone's guess).
    pub fn titled_before(&self, words: &str, offset: usize) -> Option<&Who> {
        /// How far back a title is looked for, in bytes: enough for a long article, and a
        /// bound on the work per speaker in a pathological one.
        const WINDOW: usize = 20_000;
        let suffix = format!(" {words}");
        let lo = self.titled.partition_point(|(at, _, _)| *at + WINDOW < offset);
        let hi = self.titled.partition_point(|(at, _, _)| *at < offset).max(lo);
        let mut fitting = self
            .titled
            .get(lo..hi)
            .unwrap_or_default()
            .iter()
            .filter(|(_, title, _)| title == words || title.ends_with(&suffix))
            .map(|(_, _, who)| who);
        let first = fitting.next()?;
        fitting.all(|w| w == first).then_some(first)
    }

    /// For a subject pronoun that opens its sentence, the previous sentence's subject when it
    /// `fits`: "Khan applied for warrants against Sinwar, Deif and Haniyeh. He set out his
    /// case…" speaks of Khan, not of the last name before it. The subject is taken to be a
    /// mention among the first words of the sentence (the usual order of news prose).
    fn previous_subject(&self, offset: usize, fits: impl Fn(&Who) -> bool) -> Option<&Who> {
        /// How far into a sentence its subject may start, in words ("Israel's Prime Minister,
        /// Benjamin Netanyahu," starts at the fifth).
        const SUBJECT_WITHIN: usize = 6;
        let at = self
            .sentences
            .partition_point(|s| s.range.start <= offset)
            .checked_sub(1)?;
        let sent = self.sentences.get(at)?;
        if sent.tokens.first().is_none_or(|t| t.start != offset) {
            return None;
        }
        let prev = self.sentences.get(at.checked_sub(1)?)?;
        if prev.paragraph + 1 < sent.paragraph {
            return None;
        }
        let limit = prev.tokens.get(SUBJECT_WITHIN).map_or(prev.range.end, |t| t.start);
        let first = self.mentions.partition_point(|m| m.offset < prev.range.start);
        let m = self.mentions.get(first)?;
        (m.offset < limit && fits(&m.who)).then_some(&m.who)
    }

    /// Who a surname or single name before `offset` refers to: a person named in full earlier
    /// in the article, else the knowledge base's person with that alias.
    pub fn resolve_surname(&self, name: &str, offset: usize) -> Who {
        let key = crate::text::name_key(name);
        let earlier = self.last_mention(offset, |w| match w {
            Who::Person { name: full, .. } => {
                let full = crate::text::name_key(full);
                full == key || full.ends_with(&format!(" {key}"))
            }
            _ => false,
        });
        if let Some(w) = earlier {
            return w.clone();
        }
        // A full name written earlier without a title ("named Marta Silva as coach").
        if let Some(full) = self.earlier_full_name(name, offset) {
            let id = self.kb.person_named(&full);
            return Who::Person { name: full, id };
        }
        if let Some(who) = self.kb.person_named(name).and_then(|p| self.person(p)) {
            return who;
        }
        if let Some(b) = self.kb.body_named(name) {
            return Who::Body(b);
        }
        Who::Person {
            name: name.to_string(),
            id: None,
        }
    }

    /// A capitalized "Given Name" written before `offset` whose last word is `surname`.
    fn earlier_full_name(&self, surname: &str, offset: usize) -> Option<String> {
        for s in self.sentences.iter().filter(|s| s.range.start < offset) {
            for (i, t) in s.tokens.iter().enumerate() {
                if t.start >= offset || t.text != surname || i == 0 {
                    continue;
                }
                let mut first = i;
                while first > 0
                    && s.tokens.get(first - 1).is_some_and(|t| t.is_capitalized())
                    && !is(lexicon::NOT_NAMES, s.lower(first - 1))
                    && !is(lexicon::TITLE_HEADS, s.lower(first - 1))
                    && i - first < 3
                {
                    first -= 1;
                }
                if first < i
                    && let Some(name) = s.tokens.get(first..=i)
                {
                    return Some(name.iter().map(|t| t.text).collect::<Vec<_>>().join(" "));
                }
            }
        }
        None
    }

    /// The organization a description like "the court" refers to: the last body of that kind
    /// mentioned, else the only one of that kind in the knowledge base.
    pub fn resolve_kind(&self, kind: &str, offset: usize) -> Option<BodyId> {
        let kb = self.kb;
        let of_kind = |b: &BodyId| {
            kb.bodies
                .get(b.index())
                .and_then(|b| b.org_kind.as_deref())
                .is_some_and(|k| k.eq_ignore_ascii_case(kind))
        };
        // A chamber of a court is part of the court: "the court" is the outermost one.
        let outermost = |mut b: BodyId| {
            while let Some(parent) = kb.bodies.get(b.index()).and_then(|b| b.of).filter(of_kind) {
                b = parent;
            }
            b
        };
        if let Some(Who::Body(b)) = self.last_mention(offset, |w| matches!(w, Who::Body(b) if of_kind(b))) {
            return Some(outermost(*b));
        }
        let mut tops: Vec<BodyId> = kb.bodies_of_kind(kind).iter().map(|b| outermost(*b)).collect();
        tops.dedup();
        match tops.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }
}

/// Maps gazetteer hits inside a sentence onto its words.
fn map_hits(hits: &[super::gazetteer::Hit], toks: &[Token], range: &Range<usize>, text: &str) -> Vec<TokHit> {
    let first = hits.partition_point(|h| h.start < range.start);
    let mut out = Vec::new();
    for h in hits
        .get(first..)
        .unwrap_or_default()
        .iter()
        .take_while(|h| h.start < range.end)
    {
        if h.end > range.end {
            continue;
        }
        // The first word: starts at the hit, or holds a qualifier prefix before it.
        // Tokens are in order and do not overlap: the one holding a byte is found by
        // bisection (a scan per hit was quadratic in the sentence's length).
        let s = toks.partition_point(|t| t.start <= h.start);
        let Some((s, first_tok)) = s
            .checked_sub(1)
            .and_then(|s| Some((s, toks.get(s)?)))
            .filter(|(_, t)| h.start < t.end)
        else {
            continue;
        };
        let prefix = if first_tok.start == h.start {
            None
        } else {
            // Both ends are character boundaries (a token's start, a hit's start), but a hit
            // that does not fit is only skipped, like one with any other text before it.
            let Some(before) = text.get(first_tok.start..h.start) else {
                continue;
            };
            match before.to_lowercase().trim_end_matches('-') {
                "then" => Some(Qualifier::Then),
                "ex" | "former" => Some(Qualifier::Former),
                "acting" => Some(Qualifier::Acting),
                _ => continue,
            }
        };
        let e = toks.partition_point(|t| t.end < h.end);
        let Some(rest) = toks
            .get(e)
            .filter(|t| t.start < h.end)
            .and_then(|t| text.get(h.end..t.end))
        else {
            continue;
        };
        let (possessive, elect) = match rest.to_lowercase().as_str() {
            "" => (false, false),
            "'s" | "’s" | "'" | "’" => (true, false),
            "-elect" => (false, true),
            _ => continue,
        };
        out.push(TokHit {
            start: s,
            end: e + 1,
            entries: h.entries.clone(),
            possessive,
            elect,
            prefix,
        });
    }
    out
}
