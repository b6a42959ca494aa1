//! Claims: finding every role, date and attribution claim in an article.
//!
//! Extraction reads the article once: one gazetteer pass over the text finds every known name,
//! body and title; then each sentence is read for local patterns of English news writing (a
//! title before a name, an appositive, a date expression and the event it is attached to, a
//! quotation and its speaker). Nothing here loops over the facts of the knowledge base, so the
//! cost is linear in the article's length.
//!
//! One module per claim kind: [`roles`], [`dates`], [`attributions`]. [`doc`] holds the
//! per-article reading they share (sentences, words, gazetteer hits, quotations, mentions).

pub mod attributions;
pub mod dates;
pub mod doc;
pub mod gazetteer;
pub mod lexicon;
pub mod roles;

use std::ops::Range;

use serde::Serialize;

use crate::article::Article;
use crate::date::{DateValue, Precision};
use crate::kb::{BodyId, EventId, KnowledgeBase, OfficeId, PersonId, Speaker};
pub use gazetteer::Gazetteer;

/// The three kinds of claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    /// A title or office given to a person.
    Role,
    /// A date given to an event.
    Date,
    /// Words put in someone's mouth.
    Attribution,
}

impl ClaimKind {
    /// The kind's name.
    pub fn name(self) -> &'static str {
        match self {
            ClaimKind::Role => "role",
            ClaimKind::Date => "date",
            ClaimKind::Attribution => "attribution",
        }
    }
}

/// How a title is qualified.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Qualifier {
    /// No qualifier: the person holds the office now.
    None,
    /// "former", "ex-": held it before, not now.
    Former,
    /// "then-": held it at the time the sentence describes.
    Then,
    /// "-elect": chosen, not yet in office.
    Elect,
    /// "acting", "interim".
    Acting,
    /// "incoming", "designate": about to take office.
    Incoming,
    /// "outgoing": in office, about to leave.
    Outgoing,
}

/// A person as written in a claim, and who it resolved to.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PersonRef {
    /// The name as written.
    pub written: String,
    /// Its bytes.
    #[serde(skip)]
    pub span: Range<usize>,
    /// The knowledge base's person, when known.
    #[serde(skip)]
    pub id: Option<PersonId>,
}

/// A role claim: "former Defense Minister Yoav Gallant".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoleClaim {
    /// The person.
    pub person: PersonRef,
    /// The title as written, without the name ("former Defense Minister").
    pub title: String,
    /// The qualifier.
    pub qualifier: Qualifier,
    /// The offices the title may mean, after the country or body named with it.
    #[serde(skip)]
    pub offices: Vec<OfficeId>,
    /// Whether the whole title matched an office's title (not only its last words).
    pub exact: bool,
    /// The country or organization named with the title, when known.
    #[serde(skip)]
    pub body: Option<BodyId>,
    /// A country or body named with the title that the knowledge base does not know.
    pub unknown_body: Option<String>,
    /// A possessive without a title ("Fox News Digital's Anders Hagstrom"): membership only.
    pub affiliation: bool,
    /// The date the sentence describes, for "then-" and past-tense context.
    #[serde(skip)]
    pub context: Option<DateValue>,
    /// The title is given in a relative clause ("X, who was defense minister"): only a date
    /// inside that clause tells its time.
    #[serde(skip)]
    pub relative_clause: bool,
    /// The title stands between commas before "and" or "or" ("Netanyahu, his former defense
    /// chief, and a Hamas leader"): it may be the next item of a list rather than the name's
    /// appositive, so it is not refuted merely because the person never held the office.
    #[serde(skip)]
    pub listed: bool,
}

/// A date claim: "on Thursday", "Oct. 7, 2023".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DateClaim {
    /// What the expression means (None: it could not be resolved).
    pub value: Option<DateValue>,
    /// Its precision.
    pub precision: Option<Precision>,
    /// Whether it is relative to the publication date ("on Thursday", "last year").
    pub relative: bool,
    /// Whether the year was not written ("May 20") but inferred from the publication date.
    pub year_inferred: bool,
    /// Why it could not be resolved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unresolved: Option<String>,
    /// The events named with it (nearest first).
    #[serde(skip)]
    pub events: Vec<EventId>,
    /// The speaker whose statement it dates ("said in a statement on Thursday").
    #[serde(skip)]
    pub statement_by: Option<Speaker>,
    /// For a date given to no event (a statement's, or none), the events the sentence names
    /// elsewhere ("The prosecutor said Monday he is seeking arrest warrants"): a date that fits
    /// one of them is borne out, though one that fits none is not refuted.
    #[serde(skip)]
    pub mentioned: Vec<EventId>,
    /// The phrase that linked it ("issued the arrest warrants", "in a statement").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub linked_by: Option<String>,
    /// The event is named as the object of a reaction or report ("condemned the arrest
    /// warrants on Friday"): the date may be the reaction's, so it cannot refute the event's.
    #[serde(skip)]
    pub reported: bool,
    /// A weekday alone ("on Thursday"): news uses it for the nearest such day on either side
    /// of publication, so the day a week from the one it was read as may be meant.
    #[serde(skip)]
    pub bare_weekday: bool,
    /// A weekday written with an explicit date ("Thursday, Nov. 21, 2024"), which must agree.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weekday: Option<String>,
}

/// An attribution claim: quoted words and who they are given to.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AttributionClaim {
    /// The quoted words.
    pub quote: String,
    /// The speaker as written, when one is named.
    pub speaker: Option<String>,
    /// The knowledge base's speaker, when resolved.
    #[serde(skip)]
    pub speaker_id: Option<Speaker>,
    /// The reporting verb ("said", "wrote").
    pub verb: Option<String>,
    /// A fragment quoted inside a sentence, not a full quotation.
    pub partial: bool,
    /// When the speaker is a pronoun: the other people named just before whom it could also
    /// mean (a recorded quote of one of them is then no misattribution).
    #[serde(skip)]
    pub could_be: Vec<Speaker>,
}

/// What a claim says, by kind.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Detail {
    /// A role.
    Role(RoleClaim),
    /// A date.
    Date(DateClaim),
    /// An attribution.
    Attribution(AttributionClaim),
}

/// A checkable claim of an article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Claim {
    /// The kind.
    pub kind: ClaimKind,
    /// The claim's text as written.
    pub text: String,
    /// Its bytes in the file.
    #[serde(skip)]
    pub span: Range<usize>,
    /// The sentence it stands in.
    #[serde(skip)]
    pub sentence: Range<usize>,
    /// Suppressed by a `factcheck: ignore` comment.
    #[serde(skip)]
    pub ignored: bool,
    /// What it says.
    #[serde(flatten)]
    pub detail: Detail,
}

impl Claim {
    /// The role, for a role claim.
    pub fn role(&self) -> Option<&RoleClaim> {
        match &self.detail {
            Detail::Role(r) => Some(r),
            _ => None,
        }
    }

    /// The date, for a date claim.
    pub fn date(&self) -> Option<&DateClaim> {
        match &self.detail {
            Detail::Date(d) => Some(d),
            _ => None,
        }
    }

    /// The attribution, for an attribution claim.
    pub fn attribution(&self) -> Option<&AttributionClaim> {
        match &self.detail {
            Detail::Attribution(a) => Some(a),
            _ => None,
        }
    }
}

/// Finds claims in articles, with a gazetteer built once for a knowledge base.
#[derive(Debug)]
pub struct Extractor<'kb> {
    kb: &'kb KnowledgeBase,
    gazetteer: Gazetteer,
}

impl<'kb> Extractor<'kb> {
    /// An extractor for `kb`.
    pub fn new(kb: &'kb KnowledgeBase) -> Self {
        Extractor {
            kb,
            gazetteer: Gazetteer::new(kb),
        }
    }

    /// The knowledge base it reads names from.
    pub fn kb(&self) -> &'kb KnowledgeBase {
        self.kb
    }

    /// Every claim of `article`, in order of position.
    pub fn extract(&self, article: &Article) -> Vec<Claim> {
        let mut doc = doc::Doc::new(article, self.kb, &self.gazetteer);
        let mut claims = roles::extract(&doc);
        doc.collect_mentions(&claims);
        let mut date_claims = dates::extract(&doc, &claims);
        roles::set_context(&doc, &mut claims, &date_claims);
        claims.append(&mut date_claims);
        claims.extend(attributions::extract(&doc));
        claims.sort_by_key(|a| (a.span.start, a.span.end, a.kind));
        claims.dedup_by(|a, b| a.span == b.span && a.kind == b.kind);
        claims
    }
}
