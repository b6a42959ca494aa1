//! The syntax tree of one rule file, as written.
//!
//! Nodes borrow their text from the source (a string with escapes or joined parts is the only
//! owned text), and every node keeps its byte span. Spans are left out of the serialised form, so
//! two trees serialise equally exactly when they mean the same thing: that is how `fmt` is
//! proven never to change a file's meaning.

use std::borrow::Cow;
use std::ops::Range;

use serde::{Serialize, Serializer};

use crate::date::PartialDate;

/// A byte range in the file the tree was parsed from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Span {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// The span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    /// As a `Range` of byte offsets.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A node with its span. Serialises as the node alone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spanned<T> {
    /// The node.
    pub node: T,
    /// Where it was written.
    pub span: Span,
}

impl<T: Serialize> Serialize for Spanned<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.node.serialize(s)
    }
}

/// A parsed rule file.
#[derive(Clone, Debug, Default, Serialize)]
pub struct RuleFile<'s> {
    /// The statements, in file order.
    pub statements: Vec<Statement<'s>>,
}

/// A `# …` comment. Comments carry no meaning, so the tree leaves them out; `fmt` finds them with
/// [`collect_comments`](super::parser::collect_comments).
#[derive(Clone, Debug)]
pub struct Comment<'s> {
    /// The text after `#`, without the line ending.
    pub text: &'s str,
    /// Where it stands (from `#` to the end of the line).
    pub span: Span,
}

/// One top-level statement with its optional block of properties.
#[derive(Clone, Debug, Serialize)]
pub struct Statement<'s> {
    /// What the statement says.
    pub head: Head<'s>,
    /// The properties in `{ … }`, if a block was written.
    #[serde(skip_serializing_if = "no_properties")]
    pub block: Option<Box<Block<'s>>>,
    /// The whole statement, keyword to closing brace.
    #[serde(skip)]
    pub span: Span,
    /// The keyword.
    #[serde(skip)]
    pub keyword: Span,
}

/// Whether a statement's block is absent or empty (both mean nothing).
fn no_properties(block: &Option<Box<Block>>) -> bool {
    block.as_ref().is_none_or(|b| b.properties.is_empty())
}

/// The header of a statement: its keyword and fixed arguments.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "statement", rename_all = "lowercase")]
pub enum Head<'s> {
    /// `include "path"`.
    Include {
        /// The path, relative to the including file.
        path: Spanned<Cow<'s, str>>,
    },
    /// `country`, `organization`, `person` or `office` with its canonical name.
    Entity {
        /// Which kind of entity.
        kind: EntityKind,
        /// The canonical name.
        name: Spanned<Cow<'s, str>>,
    },
    /// `tenure`, `elect` or `acting`.
    Tenure {
        /// In office, elect or acting.
        kind: TenureKind,
        /// Who.
        person: Spanned<Cow<'s, str>>,
        /// Which office.
        office: Spanned<Cow<'s, str>>,
        /// When the term started.
        from: Spanned<Bound>,
        /// When it ended; `None` while it goes on.
        to: Option<Spanned<Bound>>,
    },
    /// `event NAME on DATE` or `event NAME from DATE to DATE`.
    Event {
        /// The canonical name.
        name: Spanned<Cow<'s, str>>,
        /// When it happened.
        when: Spanned<When>,
    },
    /// `quote SPEAKER on DATE DELIVERY`.
    Quote {
        /// Who said or wrote it.
        speaker: Spanned<Cow<'s, str>>,
        /// When.
        on: Spanned<PartialDate>,
        /// How it was delivered.
        delivery: Spanned<Delivery>,
    },
}

/// The four kinds of named entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// `country`.
    Country,
    /// `organization`.
    Organization,
    /// `person`.
    Person,
    /// `office`.
    Office,
}

impl EntityKind {
    /// The keyword that introduces it.
    pub fn keyword(self) -> &'static str {
        match self {
            EntityKind::Country => "country",
            EntityKind::Organization => "organization",
            EntityKind::Person => "person",
            EntityKind::Office => "office",
        }
    }
}

/// The three kinds of tenure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TenureKind {
    /// `tenure`: in office.
    InOffice,
    /// `elect`: chosen, not yet in office.
    Elect,
    /// `acting`: acting holder.
    Acting,
}

impl TenureKind {
    /// The keyword that introduces it.
    pub fn keyword(self) -> &'static str {
        match self {
            TenureKind::InOffice => "tenure",
            TenureKind::Elect => "elect",
            TenureKind::Acting => "acting",
        }
    }
}

/// One end of a tenure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Bound {
    /// Within this day, month or year.
    On(PartialDate),
    /// Some time before this date.
    Before(PartialDate),
    /// Some time after this date.
    After(PartialDate),
    /// Not known.
    Unknown,
}

/// When an event happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum When {
    /// On a day, in a month or in a year.
    On(PartialDate),
    /// Over a range of dates.
    Range(PartialDate, PartialDate),
}

/// How a quote was delivered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Delivery {
    /// Spoken.
    Said,
    /// Written (an article, a letter).
    Wrote,
    /// An official statement.
    Statement,
    /// A social-media post.
    Post,
}

impl Delivery {
    /// How reasons name it: "Biden's statement of 2024-11-21".
    pub fn noun(self) -> &'static str {
        match self {
            Delivery::Said => "remarks",
            Delivery::Wrote => "writing",
            Delivery::Statement => "statement",
            Delivery::Post => "post",
        }
    }

    /// The keyword.
    pub fn keyword(self) -> &'static str {
        match self {
            Delivery::Said => "said",
            Delivery::Wrote => "wrote",
            Delivery::Statement => "statement",
            Delivery::Post => "post",
        }
    }
}

/// The verdict an example sentence must get.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ExpectedVerdict {
    /// `pass`.
    Pass,
    /// `fail`.
    Fail,
    /// `unverified`.
    Unverified,
}

impl ExpectedVerdict {
    /// The keyword.
    pub fn keyword(self) -> &'static str {
        match self {
            ExpectedVerdict::Pass => "pass",
            ExpectedVerdict::Fail => "fail",
            ExpectedVerdict::Unverified => "unverified",
        }
    }
}

/// `{ property… }`.
#[derive(Clone, Debug, Serialize)]
#[serde(transparent)]
pub struct Block<'s> {
    /// The properties, in order.
    pub properties: Vec<Property<'s>>,
    /// The opening brace.
    #[serde(skip)]
    pub open: Span,
    /// The closing brace.
    #[serde(skip)]
    pub close: Span,
}

/// `name value, value…` inside a block.
#[derive(Clone, Debug, Serialize)]
pub struct Property<'s> {
    /// The property's name.
    pub name: Spanned<&'s str>,
    /// Its values (none for a flag like `exclusive`).
    pub values: Vec<Spanned<Value<'s>>>,
    /// The whole property.
    #[serde(skip)]
    pub span: Span,
}

/// One value of a property.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Value<'s> {
    /// A string, or adjacent strings joined with a space.
    Text(Cow<'s, str>),
    /// A date.
    Date(PartialDate),
    /// A bare word (`court`, `he`, `Q43723`).
    Word(&'s str),
    /// `DATE VERDICT "sentence"`.
    Example(Example<'s>),
}

impl Value<'_> {
    /// What kind of value this is, for messages ("a string", "a date"…).
    pub fn describe(&self) -> &'static str {
        match self {
            Value::Text(_) => "a string",
            Value::Date(_) => "a date",
            Value::Word(_) => "a word",
            Value::Example(_) => "an example",
        }
    }
}

/// An example sentence carried by a fact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Example<'s> {
    /// The publication date to read the sentence on.
    pub date: PartialDate,
    /// The verdict it must get.
    pub verdict: ExpectedVerdict,
    /// The sentence.
    pub sentence: Cow<'s, str>,
}

impl<'s> Statement<'s> {
    /// The properties named `name`, in order.
    pub fn properties<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Property<'s>> + 'a {
        self.block
            .iter()
            .flat_map(|b| b.properties.iter())
            .filter(move |p| p.name.node == name)
    }

    /// Every value of every property named `name`.
    pub fn values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Spanned<Value<'s>>> + 'a {
        self.properties(name).flat_map(|p| p.values.iter())
    }

    /// Every text value of the properties named `name`.
    pub fn texts<'a>(&'a self, name: &'a str) -> impl Iterator<Item = (&'a str, Span)> + 'a {
        self.values(name).filter_map(|v| match &v.node {
            Value::Text(t) => Some((t.as_ref(), v.span)),
            _ => None,
        })
    }

    /// Whether a flag property such as `exclusive` is present.
    pub fn has_flag(&self, name: &str) -> bool {
        self.properties(name).next().is_some()
    }

    /// The first word value of the property `name`.
    pub fn word(&self, name: &str) -> Option<&'s str> {
        self.values(name).find_map(|v| match v.node {
            Value::Word(w) => Some(w),
            _ => None,
        })
    }

    /// What kind of statement this is, as its keyword.
    pub fn keyword_name(&self) -> &'static str {
        match &self.head {
            Head::Include { .. } => "include",
            Head::Entity { kind, .. } => kind.keyword(),
            Head::Tenure { kind, .. } => kind.keyword(),
            Head::Event { .. } => "event",
            Head::Quote { .. } => "quote",
        }
    }
}
