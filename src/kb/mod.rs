//! The compiled knowledge base: every entity and fact of the rule files, with references
//! resolved to ids and indexes for the questions extraction and evaluation ask.
//!
//! Nothing here reads files or syntax trees except [`compile`]; everything downstream
//! (extraction, evaluation, reports) sees only this module's types. Every query goes through an
//! index (by name, by person, by office, by word); none scans all facts.

mod compile;
mod events;
pub(crate) mod hash;
mod quotes;

use std::collections::HashMap;

pub use compile::{Builder, Compiled, compile};
pub use events::{EventIndex, EventMention};
pub use quotes::{NearMiss, QuoteIndex, QuoteMatch};

use crate::date::{Date, Interval, PartialDate, Precision, add_days};
pub use crate::rules::ast::{Bound, Delivery, ExpectedVerdict, TenureKind};
use crate::text::name_key;

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),*) => {$(
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub u32);
        impl $name {
            /// The index into the knowledge base's table.
            pub fn index(self) -> usize { self.0 as usize }
        }
    )*};
}

id_type!(
    /// A person of the knowledge base.
    PersonId,
    /// A country or organization.
    BodyId,
    /// An office.
    OfficeId,
    /// A tenure (in office, elect or acting).
    TenureId,
    /// An event.
    EventId,
    /// A recorded quote.
    QuoteId
);

/// Where a fact was written: a rule file and a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Origin {
    /// Index into [`KnowledgeBase::files`].
    pub file: u32,
    /// 1-based line of the statement's keyword (or of the example).
    pub line: u32,
}

/// What every entity and fact carries besides its content.
#[derive(Clone, Debug, Default)]
pub struct Provenance {
    /// The sources given (`source "…"`).
    pub sources: Vec<String>,
    /// Where it was written.
    pub origin: Option<Origin>,
}

/// A person.
#[derive(Clone, Debug)]
pub struct Person {
    /// Canonical name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// Wikidata item.
    pub wikidata: Option<String>,
    /// `he`, `she` or `they`, when given.
    pub pronoun: Option<String>,
    /// Sources and origin.
    pub provenance: Provenance,
}

/// Whether a body is a country or an organization.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BodyKind {
    /// A country or polity.
    Country,
    /// An organization.
    Organization,
}

/// A country or an organization: something offices belong to and that may speak.
#[derive(Clone, Debug)]
pub struct Body {
    /// Canonical name.
    pub name: String,
    /// Country or organization.
    pub kind: BodyKind,
    /// Other names.
    pub aliases: Vec<String>,
    /// The organization's kind word (`court`, `ministry`…), if given.
    pub org_kind: Option<String>,
    /// Adjectives written before titles ("Israeli").
    pub adjectives: Vec<String>,
    /// Possessive forms ("Israel's"); for countries defaults to the name plus `'s`.
    pub possessives: Vec<String>,
    /// The country or organization it belongs to.
    pub of: Option<BodyId>,
    /// Sources and origin.
    pub provenance: Provenance,
}

/// An office.
#[derive(Clone, Debug)]
pub struct Office {
    /// Canonical name.
    pub name: String,
    /// Other full names.
    pub aliases: Vec<String>,
    /// Bare titles written before a name ("Defense Minister").
    pub titles: Vec<String>,
    /// The country or organization it belongs to.
    pub of: Option<BodyId>,
    /// One holder at a time.
    pub exclusive: bool,
    /// The list of holders is incomplete.
    pub open: bool,
    /// Sources and origin.
    pub provenance: Provenance,
}

/// An example sentence a fact carries, with the verdict it must get.
#[derive(Clone, Debug)]
pub struct Example {
    /// The publication date to read it on.
    pub date: PartialDate,
    /// The verdict it must get.
    pub verdict: ExpectedVerdict,
    /// The sentence.
    pub sentence: String,
    /// Where the example is written.
    pub origin: Origin,
}

/// A term in office, as elect, or as acting holder.
#[derive(Clone, Debug)]
pub struct Tenure {
    /// Who.
    pub person: PersonId,
    /// Which office.
    pub office: OfficeId,
    /// In office, elect or acting.
    pub kind: TenureKind,
    /// The start as written.
    pub from: Bound,
    /// The end as written (`None`: still going on).
    pub to: Option<Bound>,
    /// Every day the term may cover.
    pub possible: Interval,
    /// The days the term certainly covers, if any.
    pub certain: Option<Interval>,
    /// Sources and origin.
    pub provenance: Provenance,
    /// Example sentences.
    pub examples: Vec<Example>,
}

/// Whether a tenure covers a date, as far as the record can say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coverage {
    /// The date is certainly inside the term.
    Held,
    /// The term certainly started after the date.
    NotYet,
    /// The term certainly ended before the date.
    Ended,
    /// The record cannot say (an imprecise or unknown bound, or a handover day).
    Unsure,
}

impl Tenure {
    /// Whether the term covers `d`.
    pub fn coverage(&self, d: Date) -> Coverage {
        if d < self.possible.first {
            Coverage::NotYet
        } else if d > self.possible.last {
            Coverage::Ended
        } else if self.certain.is_some_and(|c| c.contains(d)) {
            Coverage::Held
        } else {
            Coverage::Unsure
        }
    }

    /// The written start, for reasons ("2022-12-29", "before 2022-10", "an unknown date").
    pub fn start_text(&self) -> String {
        bound_text(self.from)
    }

    /// The written end, if the term ended or its end is recorded.
    pub fn end_text(&self) -> Option<String> {
        self.to.map(bound_text)
    }
}

fn bound_text(b: Bound) -> String {
    match b {
        Bound::On(d) => d.to_string(),
        Bound::Before(d) => format!("some time before {d}"),
        Bound::After(d) => format!("some time after {d}"),
        Bound::Unknown => "an unknown date".into(),
    }
}

/// The days a tenure may and certainly covers, from its written bounds.
///
/// The end day of a term is counted as uncertain: on a handover day both the old and the new
/// holder may rightly be called the holder, so neither can be refuted.
pub fn timeline(from: Bound, to: Option<Bound>) -> (Interval, Option<Interval>) {
    let (pstart, cstart) = match from {
        Bound::On(d) => (d.first_day(), Some(d.last_day())),
        Bound::Before(d) => (Date::MIN, Some(d.first_day())),
        Bound::After(d) => (add_days(d.last_day(), 1).unwrap_or(Date::MAX), None),
        Bound::Unknown => (Date::MIN, None),
    };
    let (pend, cend) = match to {
        None => (Date::MAX, Some(Date::MAX)),
        Some(Bound::On(d)) => (d.last_day(), add_days(d.first_day(), -1)),
        Some(Bound::After(d)) => (Date::MAX, Some(d.last_day())),
        Some(Bound::Before(d)) => (add_days(d.first_day(), -1).unwrap_or(Date::MIN), None),
        Some(Bound::Unknown) => (Date::MAX, None),
    };
    let certain = match (cstart, cend) {
        (Some(a), Some(b)) if a <= b => Some(Interval { first: a, last: b }),
        _ => None,
    };
    (
        Interval {
            first: pstart,
            last: pend.max(pstart),
        },
        certain,
    )
}

/// When an event happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventDate {
    /// On a day, in a month or in a year.
    On(PartialDate),
    /// Over a range.
    Range(PartialDate, PartialDate),
}

impl EventDate {
    /// Every day the event may have happened on.
    pub fn interval(&self) -> Interval {
        match self {
            EventDate::On(d) => d.interval(),
            EventDate::Range(a, b) => Interval {
                first: a.first_day(),
                last: b.last_day(),
            },
        }
    }

    /// How exactly the record knows it.
    pub fn precision(&self) -> Precision {
        match self {
            EventDate::On(d) => d.precision(),
            EventDate::Range(..) => Precision::Range,
        }
    }
}

impl std::fmt::Display for EventDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EventDate::On(d) => write!(f, "{d}"),
            EventDate::Range(a, b) => write!(f, "{a} to {b}"),
        }
    }
}

/// Something that happened.
#[derive(Clone, Debug)]
pub struct Event {
    /// Canonical name.
    pub name: String,
    /// Phrases news uses for it.
    pub aliases: Vec<String>,
    /// When.
    pub date: EventDate,
    /// Other dates reliable sources give.
    pub alternatives: Vec<PartialDate>,
    /// An occasion of a kind that recurs (a briefing, a statement): the record holds one
    /// occurrence, so a date that does not fit it may be another one, never a refutation.
    pub recurring: bool,
    /// Sources and origin.
    pub provenance: Provenance,
    /// Example sentences.
    pub examples: Vec<Example>,
}

/// Who a quote is by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Speaker {
    /// A person.
    Person(PersonId),
    /// A country or organization.
    Body(BodyId),
}

/// Words recorded as said or written by a speaker.
#[derive(Clone, Debug)]
pub struct Quote {
    /// Who.
    pub speaker: Speaker,
    /// When.
    pub date: PartialDate,
    /// How.
    pub delivery: Delivery,
    /// The words.
    pub text: String,
    /// Other wordings reliable outlets printed.
    pub variants: Vec<String>,
    /// Sources and origin.
    pub provenance: Provenance,
    /// Example sentences.
    pub examples: Vec<Example>,
}

/// Anything a name can refer to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Entity {
    /// A person.
    Person(PersonId),
    /// A country or organization.
    Body(BodyId),
    /// An office.
    Office(OfficeId),
}

/// The compiled knowledge base.
#[derive(Debug, Default)]
pub struct KnowledgeBase {
    /// Names of the rule files facts came from, indexed by [`Origin::file`].
    pub files: Vec<String>,
    /// People.
    pub persons: Vec<Person>,
    /// Countries and organizations.
    pub bodies: Vec<Body>,
    /// Offices.
    pub offices: Vec<Office>,
    /// Tenures.
    pub tenures: Vec<Tenure>,
    /// Events.
    pub events: Vec<Event>,
    /// Quotes.
    pub quotes: Vec<Quote>,
    names: hash::FxMap<String, Vec<Entity>>,
    tenures_by_person: Vec<Vec<TenureId>>,
    tenures_by_office: Vec<Vec<TenureId>>,
    offices_by_title: HashMap<String, Vec<OfficeId>>,
    bodies_by_kind: HashMap<String, Vec<BodyId>>,
    quotes_by_speaker: HashMap<Speaker, Vec<QuoteId>>,
    /// Word index over every quote text and variant.
    pub quote_index: QuoteIndex,
    /// Phrase index over every event alias.
    pub event_index: EventIndex,
}

impl KnowledgeBase {
    /// `file:line` of an origin: what evidence cites.
    pub fn cite(&self, origin: Option<Origin>) -> Option<String> {
        let o = origin?;
        Some(format!("{}:{}", self.files.get(o.file as usize)?, o.line))
    }

    /// The entities a name or alias refers to (case-insensitive).
    pub fn lookup(&self, name: &str) -> &[Entity] {
        self.names.get(&name_key(name)).map_or(&[], Vec::as_slice)
    }

    /// Every indexed name key with the entities it refers to (for building gazetteers).
    pub fn names(&self) -> impl Iterator<Item = (&str, &[Entity])> {
        self.names.iter().map(|(k, v)| (k.as_str(), v.as_slice()))
    }

    /// The person a name refers to, if exactly one.
    pub fn person_named(&self, name: &str) -> Option<PersonId> {
        let mut it = self.lookup(name).iter().filter_map(|e| match e {
            Entity::Person(p) => Some(*p),
            _ => None,
        });
        let first = it.next()?;
        it.next().is_none().then_some(first)
    }

    /// The country or organization a name refers to, if exactly one.
    pub fn body_named(&self, name: &str) -> Option<BodyId> {
        let mut it = self.lookup(name).iter().filter_map(|e| match e {
            Entity::Body(b) => Some(*b),
            _ => None,
        });
        let first = it.next()?;
        it.next().is_none().then_some(first)
    }

    /// Offices whose bare title is `title` (case-insensitive).
    pub fn offices_titled(&self, title: &str) -> &[OfficeId] {
        self.offices_by_title.get(&name_key(title)).map_or(&[], Vec::as_slice)
    }

    /// Every title key with its offices (for building gazetteers).
    pub fn titles(&self) -> impl Iterator<Item = (&str, &[OfficeId])> {
        self.offices_by_title.iter().map(|(k, v)| (k.as_str(), v.as_slice()))
    }

    /// Organizations of a kind (`court`, `ministry`…).
    pub fn bodies_of_kind(&self, kind: &str) -> &[BodyId] {
        self.bodies_by_kind.get(&name_key(kind)).map_or(&[], Vec::as_slice)
    }

    /// Every organization kind word in the rules.
    pub fn body_kinds(&self) -> impl Iterator<Item = &str> {
        self.bodies_by_kind.keys().map(String::as_str)
    }

    /// The tenures of a person, in order of start.
    pub fn tenures_of_person(&self, p: PersonId) -> &[TenureId] {
        self.tenures_by_person.get(p.index()).map_or(&[], Vec::as_slice)
    }

    /// The tenures of an office, in order of start.
    pub fn tenures_of_office(&self, o: OfficeId) -> &[TenureId] {
        self.tenures_by_office.get(o.index()).map_or(&[], Vec::as_slice)
    }

    /// The tenure `id`.
    #[expect(
        clippy::indexing_slicing,
        reason = "Cannot fail: a TenureId is only made by `compile` (`Compiler::index`), as `TenureId(i)` for `i` \
                  in `0..tenures.len()`, and reaches callers only through this knowledge base's \
                  tenure lists (`tenures_of_person`, `tenures_of_office` and the queries built on them); nothing \
                  removes a tenure after compilation"
    )]
    pub fn tenure(&self, id: TenureId) -> &Tenure {
        &self.tenures[id.index()]
    }

    /// Who held office `o` on `d`: every in-office or acting tenure that may cover `d`, with how
    /// sure the record is. Binary search finds the tenures that started by `d`.
    pub fn holders_on(&self, o: OfficeId, d: Date) -> Vec<(TenureId, Coverage)> {
        let ids = self.tenures_of_office(o);
        let started = ids.partition_point(|t| self.tenure(*t).possible.first <= d);
        ids.iter()
            .take(started)
            .filter(|t| self.tenure(**t).kind != TenureKind::Elect)
            .map(|t| (*t, self.tenure(*t).coverage(d)))
            .filter(|(_, c)| matches!(c, Coverage::Held | Coverage::Unsure))
            .collect()
    }

    /// The offices person `p` held (or was elect or acting in), with each tenure's coverage of `d`:
    /// what they held on, before and after `d`.
    pub fn offices_of(&self, p: PersonId, d: Date) -> Vec<(TenureId, Coverage)> {
        self.tenures_of_person(p)
            .iter()
            .map(|t| (*t, self.tenure(*t).coverage(d)))
            .collect()
    }

    /// The date of event `e`.
    #[expect(
        clippy::indexing_slicing,
        reason = "Cannot fail: an EventId is only made by `compile` (`Compiler::fact`), as `EventId(events.len())` \
                  right before that event is pushed (nothing returns in between), and reaches callers only \
                  through this knowledge base's `event_index`; nothing removes an event after compilation"
    )]
    pub fn event_date(&self, e: EventId) -> EventDate {
        self.events[e.index()].date
    }

    /// The recorded quotes of a speaker.
    pub fn quotes_of(&self, s: Speaker) -> &[QuoteId] {
        self.quotes_by_speaker.get(&s).map_or(&[], Vec::as_slice)
    }

    /// The name of a speaker (empty for an id this knowledge base did not make).
    pub fn speaker_name(&self, s: Speaker) -> &str {
        match s {
            Speaker::Person(p) => self.persons.get(p.index()).map_or("", |p| &p.name),
            Speaker::Body(b) => self.bodies.get(b.index()).map_or("", |b| &b.name),
        }
    }

    /// The chain of bodies an office belongs to, innermost first.
    pub fn body_chain(&self, mut b: Option<BodyId>) -> Vec<BodyId> {
        let mut out = Vec::new();
        while let Some(id) = b {
            if out.contains(&id) || out.len() > 16 {
                break;
            }
            out.push(id);
            b = self.bodies.get(id.index()).and_then(|body| body.of);
        }
        out
    }

    /// Whether the office belongs to body `b` (directly or through its parents).
    pub fn office_in(&self, o: OfficeId, b: BodyId) -> bool {
        self.offices
            .get(o.index())
            .is_some_and(|office| self.body_chain(office.of).contains(&b))
    }

    /// How many facts (tenures, events, quotes) there are, and how many carry examples.
    pub fn example_coverage(&self) -> (usize, usize) {
        let total = self.tenures.len() + self.events.len() + self.quotes.len();
        let with = self.tenures.iter().filter(|t| !t.examples.is_empty()).count()
            + self.events.iter().filter(|e| !e.examples.is_empty()).count()
            + self.quotes.iter().filter(|q| !q.examples.is_empty()).count();
        (total, with)
    }
}

#[cfg(test)]
mod tests;
