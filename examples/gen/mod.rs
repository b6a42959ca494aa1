//! A deterministic generator of synthetic knowledge bases and news articles, for benchmarks and
//! scale tests. Shared by `examples/generate.rs` (which writes the data to disk) and
//! `benches/pipeline.rs` (which generates it in memory).
//!
//! Everything comes from one splitmix64 stream seeded by `--seed`, so the same parameters always
//! give byte-identical output. Nothing here depends on factcheck itself: the rule files are
//! written as text in the canonical `factcheck fmt` layout, and the articles as plain text with
//! TOML front matter.
//!
//! # The mix of facts
//!
//! For `facts = N` (see [`Mix::for_facts`]):
//!
//! | kind | count |
//! |---|---|
//! | offices | 2 % of N (at least 4), 40 per country at most |
//! | people | 12 % of N (at least 8) |
//! | events | 3 % of N (at least 4) |
//! | quotes | 3 % of N (at least 4) |
//! | tenures (`tenure`, `acting`, `elect`) | the rest: 80 % of N |
//!
//! Countries (`ceil(offices / 40)`, at least 2) and organizations (a supreme court and a central
//! bank per country that has those offices) come on top and are not counted as facts. So
//! `--facts 1000000` gives 800,000 tenures, and `--facts 1250000` exactly 1,000,000.
//!
//! Every office is `exclusive`; its tenures form one chain of consecutive, non-overlapping
//! terms ending with the current holder (no `to`). About 3 % of terms are `acting` and about 5 % of
//! handovers are preceded by an `elect` term of the next holder. Most bounds are days; about 10 %
//! of handovers are written to the month and 5 % to the year, and a few first terms start
//! `before` a year or at an `unknown` date. Events are mostly single days (some months, years,
//! ranges, a few with an `alternative` date). Every fact carries a `source`.
//!
//! Names are unique: surnames, countries and places are made of syllables and checked against
//! every name, alias and adjective made so far (and the words the articles use), so no alias
//! names two entities.
//!
//! # Articles
//!
//! Each article is published a few days after an event and is about one country. It holds
//! three role claims, two date claims and two or three attributions, in news sentences, with
//! neutral filler to reach 200 to 600 words. About a quarter of the claims are planted wrong:
//! a stale title (a former holder called by the title), a premature title (a future holder), a
//! wrong office, a wrong weekday or day, a misattributed quote (another person's recorded
//! words), a misquote (one word changed). Some quotes are not on record at all (unverified).
//! The manifest lists every claim with its bytes, its expected verdict and what was planted.

#![allow(dead_code)]

use std::collections::HashSet;
use std::fmt::Write as _;

/// splitmix64: small, fast, and good enough for test data.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 11) % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next_u64() % (hi - lo + 1) as u64) as i64
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent as usize
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

// ---------------------------------------------------------------------------------------------
// Dates as day numbers (days since 1970-01-01), proleptic Gregorian.

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i32, m: u32, d: u32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy as i32;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day number.
pub fn civil_from_days(z: i32) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// 0 = Monday … 6 = Sunday.
pub fn weekday(z: i32) -> usize {
    (z + 3).rem_euclid(7) as usize
}

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTH_ABBR: [&str; 12] = [
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
];

fn last_day_of_month(y: i32, m: u32) -> u32 {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    (days_from_civil(ny, nm, 1) - days_from_civil(y, m, 1)) as u32
}

/// How much of a date is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Prec {
    Day,
    Month,
    Year,
}

/// A written date: a day number and how much of it is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PDate {
    pub day: i32,
    pub prec: Prec,
}

impl PDate {
    fn first(self) -> i32 {
        let (y, m, _) = civil_from_days(self.day);
        match self.prec {
            Prec::Day => self.day,
            Prec::Month => days_from_civil(y, m, 1),
            Prec::Year => days_from_civil(y, 1, 1),
        }
    }

    fn last(self) -> i32 {
        let (y, m, _) = civil_from_days(self.day);
        match self.prec {
            Prec::Day => self.day,
            Prec::Month => days_from_civil(y, m, last_day_of_month(y, m)),
            Prec::Year => days_from_civil(y, 12, 31),
        }
    }

    fn write(self, out: &mut String) {
        let (y, m, d) = civil_from_days(self.day);
        let _ = match self.prec {
            Prec::Day => write!(out, "{y:04}-{m:02}-{d:02}"),
            Prec::Month => write!(out, "{y:04}-{m:02}"),
            Prec::Year => write!(out, "{y:04}"),
        };
    }
}

fn iso(day: i32) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// A tenure bound as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    On(PDate),
    Before(PDate),
    Unknown,
}

const DAY_MIN: i32 = i32::MIN / 2;
const DAY_MAX: i32 = i32::MAX / 2;

// ---------------------------------------------------------------------------------------------
// The mix.

/// How many of each thing a knowledge base of `facts` facts holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Mix {
    pub facts: usize,
    pub countries: usize,
    pub organizations: usize,
    pub people: usize,
    pub offices: usize,
    pub tenures: usize,
    pub events: usize,
    pub quotes: usize,
}

/// Most office kinds a country has (see [`office_kind`]).
pub const KINDS: usize = 40;

impl Mix {
    /// The documented mix for `facts` facts.
    pub fn for_facts(facts: usize) -> Mix {
        let offices = (facts / 50).max(4);
        let people = (facts * 12 / 100).max(8);
        let events = (facts * 3 / 100).max(4);
        let quotes = (facts * 3 / 100).max(4);
        let tenures = facts.saturating_sub(offices + people + events + quotes).max(offices);
        let countries = offices.div_ceil(KINDS).max(2);
        Mix {
            facts,
            countries,
            organizations: 0,
            people,
            offices,
            tenures,
            events,
            quotes,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Words.

const SYLLABLES: &[&str] = &[
    "ka", "ro", "vel", "mir", "tan", "sho", "lu", "bar", "den", "zi", "kor", "ma", "nes", "tov", "ri", "sa", "gal",
    "pen", "dor", "vi", "lek", "an", "bo", "ser", "yu", "mat", "ol", "fen", "gra", "hul", "isk", "jor", "kel", "lin",
    "mos", "nar", "ost", "pra", "quin", "rad", "sil", "tur", "und", "vash", "wen", "xan", "yel", "zor", "dak", "eth",
];

const GIVEN: &[(&str, &str)] = &[
    ("Adam", "he"),
    ("Boris", "he"),
    ("Carlos", "he"),
    ("Daniel", "he"),
    ("Emil", "he"),
    ("Felix", "he"),
    ("Georg", "he"),
    ("Hugo", "he"),
    ("Ivan", "he"),
    ("Jonas", "he"),
    ("Karl", "he"),
    ("Leon", "he"),
    ("Marco", "he"),
    ("Nikolai", "he"),
    ("Oskar", "he"),
    ("Pavel", "he"),
    ("Rafael", "he"),
    ("Stefan", "he"),
    ("Tomas", "he"),
    ("Viktor", "he"),
    ("Anton", "he"),
    ("Bruno", "he"),
    ("Dmitri", "he"),
    ("Elias", "he"),
    ("Filip", "he"),
    ("Goran", "he"),
    ("Henrik", "he"),
    ("Igor", "he"),
    ("Josef", "he"),
    ("Kasper", "he"),
    ("Anna", "she"),
    ("Beatrix", "she"),
    ("Clara", "she"),
    ("Daria", "she"),
    ("Elena", "she"),
    ("Freya", "she"),
    ("Greta", "she"),
    ("Hana", "she"),
    ("Ingrid", "she"),
    ("Julia", "she"),
    ("Katya", "she"),
    ("Lena", "she"),
    ("Maria", "she"),
    ("Nadia", "she"),
    ("Olga", "she"),
    ("Petra", "she"),
    ("Rosa", "she"),
    ("Sofia", "she"),
    ("Tanja", "she"),
    ("Vera", "she"),
    ("Alma", "she"),
    ("Berit", "she"),
    ("Carmen", "she"),
    ("Dora", "she"),
    ("Edith", "she"),
    ("Flora", "she"),
    ("Gisela", "she"),
    ("Helga", "she"),
    ("Irena", "she"),
    ("Jana", "she"),
    ("Robin", "they"),
    ("Sasha", "they"),
];

/// Ministries: (short title word, domain).
const MINISTRIES: &[(&str, &str)] = &[
    ("Defense", "Defense"),
    ("Foreign", "Foreign Affairs"),
    ("Finance", "Finance"),
    ("Interior", "the Interior"),
    ("Justice", "Justice"),
    ("Health", "Health"),
    ("Education", "Education"),
    ("Agriculture", "Agriculture"),
    ("Energy", "Energy"),
    ("Trade", "Trade"),
    ("Transport", "Transport"),
    ("Labor", "Labor"),
    ("Culture", "Culture"),
    ("Environment", "the Environment"),
    ("Tourism", "Tourism"),
    ("Housing", "Housing"),
    ("Fisheries", "Fisheries"),
    ("Industry", "Industry"),
    ("Science", "Science"),
    ("Sports", "Sports"),
    ("Water", "Water Resources"),
    ("Communications", "Communications"),
    ("Mines", "Mines"),
    ("Forestry", "Forestry"),
    ("Veterans", "Veterans Affairs"),
    ("Public Works", "Public Works"),
    ("Social Affairs", "Social Affairs"),
    ("Digital", "Digital Affairs"),
    ("Immigration", "Immigration"),
    ("Youth", "Youth"),
    ("Heritage", "Heritage"),
    ("Planning", "Planning"),
    ("Infrastructure", "Infrastructure"),
    ("Religious Affairs", "Religious Affairs"),
    ("Economy", "the Economy"),
];

/// Event types: (type word, alias patterns; `{P}` is the place).
const EVENT_TYPES: &[(&str, &[&str])] = &[
    ("summit", &["{P} summit", "summit in {P}"]),
    ("accord", &["{P} accord", "signing of the {P} accord"]),
    ("earthquake", &["{P} earthquake", "earthquake in {P}"]),
    ("floods", &["{P} floods", "flooding in {P}"]),
    ("talks", &["{P} talks"]),
    ("conference", &["{P} conference", "conference in {P}"]),
    ("referendum", &["{P} referendum", "referendum in {P}"]),
    ("blackout", &["{P} blackout"]),
    ("dock strike", &["{P} dock strike", "strike at the {P} docks"]),
    ("fire", &["{P} fire", "fire in {P}"]),
];

const PLACE_SUFFIXES: &[&str] = &["", "", "", "ovo", "burg", "port", "grad", "ville", "mouth"];

const Q_SUBJECTS: &[&str] = &[
    "We",
    "They",
    "I",
    "Our people",
    "This government",
    "The country",
    "Nobody",
    "Everyone",
];
const Q_MODALS: &[&str] = &[
    "will",
    "must",
    "cannot",
    "should",
    "would never",
    "will always",
    "are ready to",
    "have decided to",
    "intend to",
    "refuse to",
];
const Q_VERBS: &[&str] = &[
    "defend",
    "protect",
    "rebuild",
    "reform",
    "support",
    "oppose",
    "review",
    "expand",
    "reduce",
    "restore",
    "strengthen",
    "secure",
    "accept",
    "reject",
    "delay",
    "fund",
    "repair",
    "modernize",
    "question",
    "honor",
    "welcome",
    "resist",
    "finish",
    "launch",
    "guarantee",
    "improve",
    "open",
    "close",
    "respect",
    "change",
    "measure",
    "share",
    "examine",
    "simplify",
    "rescue",
    "shield",
    "revive",
    "transform",
    "stabilize",
    "renew",
    "complete",
    "challenge",
    "preserve",
    "build",
    "clean",
    "count",
    "defeat",
    "deliver",
    "extend",
    "follow",
    "govern",
    "guide",
    "invest in",
    "lead",
    "lower",
    "manage",
    "mend",
    "organize",
    "plant",
    "raise",
    "rethink",
    "settle",
    "train",
    "unite",
];
const Q_ADJS: &[&str] = &[
    "fair",
    "strong",
    "modern",
    "honest",
    "difficult",
    "urgent",
    "national",
    "regional",
    "public",
    "rural",
    "coastal",
    "historic",
    "independent",
    "quiet",
    "stable",
    "lasting",
    "careful",
    "bold",
    "broken",
    "shared",
    "costly",
    "essential",
    "local",
    "new",
    "northern",
    "southern",
    "free",
    "safe",
    "green",
    "vital",
    "common",
    "fragile",
    "peaceful",
    "proud",
    "ancient",
    "generous",
    "hidden",
    "huge",
    "narrow",
    "patient",
    "precious",
    "rapid",
    "serious",
    "simple",
    "steady",
    "tired",
    "uneven",
    "wider",
    "young",
    "bitter",
    "clear",
    "decent",
    "empty",
    "familiar",
    "gentle",
    "heavy",
    "loyal",
    "painful",
    "rich",
    "solid",
];
const Q_NOUNS: &[&str] = &[
    "agreement",
    "budget",
    "border",
    "economy",
    "harbor",
    "railway",
    "treaty",
    "school",
    "hospital",
    "market",
    "constitution",
    "water supply",
    "forests",
    "farmers",
    "workers",
    "pensions",
    "taxes",
    "courts",
    "elections",
    "villages",
    "bridges",
    "roads",
    "factories",
    "mines",
    "coast",
    "rivers",
    "islands",
    "families",
    "children",
    "teachers",
    "nurses",
    "soldiers",
    "police",
    "parliament",
    "cabinet",
    "press",
    "universities",
    "museums",
    "libraries",
    "ports",
    "airports",
    "grain",
    "fuel",
    "electricity",
    "housing",
    "currency",
    "debt",
    "savings",
    "wages",
    "prices",
    "exports",
    "imports",
    "fishermen",
    "pilots",
    "drivers",
    "miners",
    "judges",
    "voters",
    "reform",
    "plan",
    "promise",
    "future",
    "past",
    "truth",
    "law",
    "rules",
    "region",
    "capital",
    "province",
    "valley",
    "mountains",
    "desert",
    "climate",
    "harvest",
    "network",
    "system",
    "service",
    "army",
    "navy",
    "peace",
    "dialogue",
    "trust",
    "unity",
    "freedom",
    "dignity",
    "security",
    "stability",
    "recovery",
    "growth",
    "justice system",
];
const Q_PREPS: &[&str] = &[
    "for", "with", "against", "across", "beyond", "under", "without", "within", "through", "around",
];

const FILLER: &[&str] = &[
    "The talks covered trade, energy and the cost of living.",
    "Markets were calm as the news spread through the capital.",
    "Analysts expect the debate to continue for some time.",
    "Several groups gathered outside the building to follow the proceedings.",
    "The government has faced growing pressure over rising prices.",
    "Opposition parties called for a full review of the budget.",
    "Turnout at public meetings has been unusually high.",
    "The issue has divided opinion across the region.",
    "Local newspapers devoted several pages to the story.",
    "Diplomats described the atmosphere as cautious but constructive.",
    "Neighbouring countries are watching the situation closely.",
    "Business groups welcomed the signs of stability.",
    "Unions have warned that they could call further protests.",
    "The central question remains how the costs will be shared.",
    "Few details of the discussions were made public.",
    "Observers noted that the mood had changed in recent days.",
    "Residents in the north said they felt left out of the process.",
    "The plan still needs the approval of parliament.",
    "Aid organizations have asked for better access to remote areas.",
    "Critics say the process has been rushed.",
    "Supporters argue that the changes are long overdue.",
    "Officials in the provinces have asked for more resources.",
    "The currency gained slightly against the dollar.",
    "Farmers have complained about the price of fuel and fertilizer.",
    "A number of smaller parties have yet to take a position.",
    "Schools in the affected areas reopened after a short closure.",
    "Television stations interrupted their programmes to report the news.",
    "The capital was quiet, with traffic lighter than usual.",
    "Several roads were closed as a precaution.",
    "Experts said it was too early to judge the long-term effects.",
    "The committee is expected to publish its findings in due course.",
    "Public opinion appears to be evenly split on the question.",
    "The announcement came after hours of closed-door discussions.",
    "Independent monitors were invited to observe the process.",
    "There was no immediate reaction from the security services.",
    "Shops and offices in the city centre stayed open.",
    "The measures are meant to reassure investors and the public alike.",
    "A broad coalition of civic groups has promised to keep up the pressure.",
    "Lawyers for several of the parties declined to comment.",
    "The dispute has dragged on for much of the decade.",
];

const ROLE_VERB_PHRASES: &[&str] = &[
    "arrived for the meeting",
    "spoke to reporters after the session",
    "was among the first to respond",
    "has pushed for a quick agreement",
    "declined to answer questions",
    "met regional leaders",
    "left the building without speaking",
    "joined the delegation",
    "was seen entering the chamber",
    "has rejected the criticism",
];

const APPOSITIVE_VERB_PHRASES: &[&str] = &[
    "said the discussions had been useful",
    "called for calm",
    "praised the outcome",
    "promised a detailed response",
    "stressed the need for unity",
    "urged patience",
];

/// Sentences dating an event: the event is the subject, so the date is the event's own (not
/// that of a reaction to it).
const EVENT_SENTENCES: &[&str] = &[
    "The {A} took place on {W}.",
    "The {A} began on {W}.",
    "The {A} happened on {W}.",
    "The {A} was held on {W}.",
];

const OLD_EVENT_SENTENCES: &[&str] = &[
    "The {A} happened on {W}.",
    "The {A} took place on {W}.",
    "The {A} began on {W}.",
    "The {A} was held on {W}.",
];

// ---------------------------------------------------------------------------------------------
// The generated world.

#[derive(Clone, Debug)]
struct Country {
    name: String,
    adjective: String,
    alias: Option<String>,
    court: Option<String>,
    bank: Option<String>,
    offices: Vec<usize>,
}

#[derive(Clone, Debug)]
struct Office {
    name: String,
    titles: Vec<String>,
    /// The title written before a name in articles ("Defense Minister").
    short: String,
    country: usize,
    of: String,
    /// Tenure ids in chronological order.
    tenures: Vec<usize>,
}

#[derive(Clone, Debug)]
struct Person {
    given: String,
    surname: String,
    full: String,
    pronoun: &'static str,
    initial_alias: bool,
    wikidata: Option<u32>,
    tenures: Vec<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TKind {
    InOffice,
    Acting,
    Elect,
}

#[derive(Clone, Debug)]
struct Tenure {
    person: usize,
    office: usize,
    kind: TKind,
    from: Bound,
    to: Option<PDate>,
    /// Every day the term may cover.
    possible: (i32, i32),
    /// The days it certainly covers.
    certain: Option<(i32, i32)>,
}

#[derive(Clone, Debug)]
enum EDate {
    On(PDate),
    Range(PDate, PDate),
}

#[derive(Clone, Debug)]
struct Event {
    name: String,
    ty: usize,
    place: String,
    aliases: Vec<String>,
    date: EDate,
    alternative: Option<i32>,
}

#[derive(Clone, Debug)]
struct Quote {
    speaker: usize,
    date: i32,
    delivery: &'static str,
    text: String,
}

/// The timeline of a tenure, as `kb::timeline` computes it.
fn timeline(from: Bound, to: Option<PDate>) -> ((i32, i32), Option<(i32, i32)>) {
    let (pstart, cstart) = match from {
        Bound::On(d) => (d.first(), Some(d.last())),
        Bound::Before(d) => (DAY_MIN, Some(d.first())),
        Bound::Unknown => (DAY_MIN, None),
    };
    let (pend, cend) = match to {
        None => (DAY_MAX, Some(DAY_MAX)),
        Some(d) => (d.last(), Some(d.first() - 1)),
    };
    let certain = match (cstart, cend) {
        (Some(a), Some(b)) if a <= b => Some((a, b)),
        _ => None,
    };
    ((pstart, pend.max(pstart)), certain)
}

/// One claim written into an article, with what it should get.
#[derive(Clone, Debug, serde::Serialize)]
pub struct PlannedClaim {
    /// `role`, `date` or `attribution`.
    pub kind: &'static str,
    /// First byte in the article file.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The bytes.
    pub text: String,
    /// The verdict factcheck should give: `pass`, `fail` or `unverified`.
    pub verdict: &'static str,
    /// What was planted (`None` for a correct claim).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub planted: Option<&'static str>,
}

/// One generated article.
#[derive(Clone, Debug, serde::Serialize)]
pub struct GenArticle {
    /// File name (under `articles/`).
    pub name: String,
    /// Publication date, `YYYY-MM-DD`.
    pub date: String,
    /// The text (front matter included).
    #[serde(skip)]
    pub text: String,
    /// Words of prose.
    pub words: usize,
    /// The claims written into it.
    pub claims: Vec<PlannedClaim>,
}

/// Everything generated.
pub struct Generated {
    /// The parameters.
    pub params: Params,
    /// What the knowledge base holds.
    pub mix: Mix,
    /// Rule files: (file name under `rules/`, text).
    pub rules: Vec<(String, String)>,
    /// Articles.
    pub articles: Vec<GenArticle>,
    /// Every name, alias and title of the knowledge base, one each (for `grep -F -f`).
    pub patterns: Vec<String>,
}

/// What to generate.
#[derive(Clone, Copy, Debug, serde::Serialize)]
pub struct Params {
    /// Facts in the knowledge base.
    pub facts: usize,
    /// Articles.
    pub articles: usize,
    /// The seed.
    pub seed: u64,
    /// Pad the knowledge base to this many facts with a layer of other countries, offices,
    /// people, tenures, events and quotes that no article names (see [`generate`]).
    pub pad_to: Option<usize>,
}

/// Statements per rule file.
pub const STATEMENTS_PER_FILE: usize = 50_000;

struct World {
    rng: Rng,
    used: HashSet<String>,
    countries: Vec<Country>,
    offices: Vec<Office>,
    people: Vec<Person>,
    tenures: Vec<Tenure>,
    events: Vec<Event>,
    quotes: Vec<Quote>,
    mix: Mix,
    /// The first person and office of the layer being generated: a layer's tenures and quotes
    /// only use its own people, so padding never changes what the base's articles claim.
    people_from: usize,
    offices_from: usize,
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

impl World {
    /// A fresh capitalised word of `lo..=hi` syllables plus `suffix`, unlike any name so far.
    fn fresh(&mut self, lo: usize, hi: usize, suffix: &str) -> String {
        loop {
            let n = self.rng.range(lo as i64, hi as i64) as usize;
            let mut w = String::new();
            for _ in 0..n {
                let syllable: &&str = self.rng.pick(SYLLABLES);
                w.push_str(syllable);
            }
            w.push_str(suffix);
            let key = w.to_lowercase();
            if key.len() >= 4 && !self.used.contains(&key) {
                self.used.insert(key);
                return capitalize(&w);
            }
        }
    }

    fn reserve(&mut self, s: &str) {
        self.used.insert(s.to_lowercase());
    }

    fn build(params: &Params) -> World {
        let mix = Mix::for_facts(params.facts);
        let mut w = World {
            rng: Rng::new(params.seed),
            used: HashSet::new(),
            countries: Vec::new(),
            offices: Vec::new(),
            people: Vec::new(),
            tenures: Vec::new(),
            events: Vec::new(),
            quotes: Vec::new(),
            mix,
            people_from: 0,
            offices_from: 0,
        };
        // Words the articles use must never be names.
        let reserved: Vec<String> = GIVEN
            .iter()
            .map(|g| g.0.to_string())
            .chain(
                Q_VERBS
                    .iter()
                    .chain(Q_ADJS)
                    .chain(Q_NOUNS)
                    .chain(Q_PREPS)
                    .map(|s| s.to_string()),
            )
            .chain(
                FILLER
                    .iter()
                    .chain(ROLE_VERB_PHRASES)
                    .chain(APPOSITIVE_VERB_PHRASES)
                    .flat_map(|s| s.split(|c: char| !c.is_alphabetic()))
                    .map(str::to_string),
            )
            .chain(WEEKDAYS.iter().chain(&MONTHS).map(|s| s.to_string()))
            .collect();
        for r in reserved {
            w.reserve(&r);
        }
        w.countries(mix.countries, mix.offices);
        w.people(mix.people);
        w.tenures(mix.tenures);
        w.events(mix.events);
        w.quotes(mix.quotes);
        w.count_organizations();
        w
    }

    fn count_organizations(&mut self) {
        self.mix.organizations = self
            .countries
            .iter()
            .map(|c| usize::from(c.court.is_some()) + usize::from(c.bank.is_some()))
            .sum();
    }

    /// Adds a layer of new countries, offices, people, tenures, events and quotes, disjoint from
    /// what exists, until the knowledge base holds `target`'s counts.
    fn grow(&mut self, target: Mix) {
        let base = self.mix;
        self.people_from = self.people.len();
        self.offices_from = self.offices.len();
        let offices = target.offices.saturating_sub(base.offices).max(1);
        let countries = target
            .countries
            .saturating_sub(base.countries)
            .max(offices.div_ceil(KINDS));
        self.countries(countries, offices);
        self.people(target.people.saturating_sub(base.people).max(1));
        self.tenures(target.tenures.saturating_sub(base.tenures));
        self.events(target.events.saturating_sub(base.events));
        self.quotes(target.quotes.saturating_sub(base.quotes));
        self.mix = Mix {
            facts: self.people.len() + self.offices.len() + self.tenures.len() + self.events.len() + self.quotes.len(),
            countries: self.countries.len(),
            organizations: 0,
            people: self.people.len(),
            offices: self.offices.len(),
            tenures: self.tenures.len(),
            events: self.events.len(),
            quotes: self.quotes.len(),
        };
        self.count_organizations();
    }

    /// Adds `countries` countries holding `offices` offices.
    fn countries(&mut self, countries: usize, offices: usize) {
        let per = offices / countries;
        let extra = offices % countries;
        for c in 0..countries {
            let stem = self.fresh(2, 3, "");
            let (suffix, adj) = *self.rng.pick(&[
                ("ia", "ian"),
                ("a", "an"),
                ("stan", "stani"),
                ("or", "oran"),
                ("ea", "ean"),
            ]);
            let mut name = format!("{stem}{suffix}");
            let mut adjective = format!("{stem}{adj}");
            while self.used.contains(&name.to_lowercase()) || self.used.contains(&adjective.to_lowercase()) {
                let stem = self.fresh(2, 3, "");
                name = format!("{stem}{suffix}");
                adjective = format!("{stem}{adj}");
            }
            self.reserve(&name);
            self.reserve(&adjective);
            self.reserve(&format!("{name}'s"));
            let alias = self.rng.chance(50).then(|| format!("Republic of {name}"));
            let kinds = per + usize::from(c < extra);
            let mut country = Country {
                name: name.clone(),
                adjective: adjective.clone(),
                alias,
                court: None,
                bank: None,
                offices: Vec::new(),
            };
            for k in 0..kinds.min(KINDS) {
                let (oname, titles, short, of) = office_kind(k, &name);
                if k == 2 {
                    country.court = Some(of.clone());
                }
                if k == 3 {
                    country.bank = Some(of.clone());
                }
                country.offices.push(self.offices.len());
                self.offices.push(Office {
                    name: oname,
                    titles,
                    short,
                    country: self.countries.len(),
                    of,
                    tenures: Vec::new(),
                });
            }
            self.countries.push(country);
        }
    }

    fn people(&mut self, n: usize) {
        for _ in 0..n {
            let i = self.people.len();
            let (given, pronoun) = *self.rng.pick(GIVEN);
            let surname = self.fresh(2, 4, "");
            let full = format!("{given} {surname}");
            self.reserve(&full);
            let initial_alias = self.rng.chance(20);
            let wikidata = self.rng.chance(50).then_some(10_000_000 + i as u32);
            self.people.push(Person {
                given: given.to_string(),
                surname,
                full,
                pronoun,
                initial_alias,
                wikidata,
                tenures: Vec::new(),
            });
        }
    }

    /// A person of the current layer.
    fn layer_person(&mut self) -> usize {
        self.people_from + self.rng.below(self.people.len() - self.people_from)
    }

    fn pick_person(&mut self, office: usize) -> usize {
        for _ in 0..8 {
            let p = self.layer_person();
            if !self.people[p].tenures.iter().any(|t| self.tenures[*t].office == office) {
                return p;
            }
        }
        self.layer_person()
    }

    fn push_tenure(&mut self, person: usize, office: usize, kind: TKind, from: Bound, to: Option<PDate>) {
        let (possible, certain) = timeline(from, to);
        let id = self.tenures.len();
        self.tenures.push(Tenure {
            person,
            office,
            kind,
            from,
            to,
            possible,
            certain,
        });
        self.people[person].tenures.push(id);
        self.offices[office].tenures.push(id);
    }

    fn tenures(&mut self, total: usize) {
        let offices = self.offices.len() - self.offices_from;
        let today = days_from_civil(2025, 6, 30);
        for k in 0..offices {
            let o = self.offices_from + k;
            let len = total / offices + usize::from(k < total % offices);
            if len == 0 {
                continue;
            }
            // Plan the chain: (kind, days in office, preceded by an elect term).
            let mut plan: Vec<(TKind, i32, bool)> = Vec::new();
            let mut statements = 0;
            while statements < len {
                let acting = self.rng.chance(3);
                let dur = if acting {
                    self.rng.range(60, 300)
                } else {
                    self.rng.range(400, 3650)
                } as i32;
                let elect = !plan.is_empty() && !acting && statements + 2 <= len && self.rng.chance(5);
                plan.push((if acting { TKind::Acting } else { TKind::InOffice }, dur, elect));
                statements += 1 + usize::from(elect);
            }
            let before_current: i32 = plan[..plan.len() - 1].iter().map(|p| p.1).sum();
            let mut start = today - self.rng.range(30, 700) as i32 - before_current;
            let mut from = match self.rng.below(100) {
                0..=2 => Bound::Before(PDate {
                    day: start,
                    prec: Prec::Year,
                }),
                3 => Bound::Unknown,
                _ => Bound::On(PDate {
                    day: start,
                    prec: Prec::Day,
                }),
            };
            let mut next_person = None;
            for (i, &(kind, dur, _)) in plan.iter().enumerate() {
                let person = match next_person.take() {
                    Some(p) => p,
                    None => self.pick_person(o),
                };
                let Some(&(next_kind, _, next_elect)) = plan.get(i + 1) else {
                    self.push_tenure(person, o, kind, from, None);
                    break;
                };
                let handover = start + dur;
                let prec = if next_elect || kind == TKind::Acting || next_kind == TKind::Acting {
                    Prec::Day
                } else {
                    match self.rng.below(100) {
                        0..=9 => Prec::Month,
                        10..=14 => Prec::Year,
                        _ => Prec::Day,
                    }
                };
                let h = PDate { day: handover, prec };
                self.push_tenure(person, o, kind, from, Some(h));
                if next_elect {
                    // The next holder is elect for a few weeks before the handover.
                    let next = self.pick_person(o);
                    let e_from = PDate {
                        day: handover - self.rng.range(20, 75) as i32,
                        prec: Prec::Day,
                    };
                    self.push_tenure(next, o, TKind::Elect, Bound::On(e_from), Some(h));
                    next_person = Some(next);
                }
                start = handover;
                from = Bound::On(h);
            }
        }
    }

    fn events(&mut self, n: usize) {
        let lo = days_from_civil(1990, 1, 1);
        let hi = days_from_civil(2025, 6, 30);
        for _ in 0..n {
            let ty = self.rng.below(EVENT_TYPES.len());
            let suffix = *self.rng.pick(PLACE_SUFFIXES);
            let place = self.fresh(2, 3, suffix);
            let (word, patterns) = EVENT_TYPES[ty];
            let aliases: Vec<String> = patterns.iter().map(|p| p.replace("{P}", &place)).collect();
            let name = format!("{place} {word}");
            let day = self.rng.range(lo as i64, hi as i64) as i32;
            let date = match self.rng.below(100) {
                0..=5 => EDate::On(PDate { day, prec: Prec::Month }),
                6..=8 => EDate::On(PDate { day, prec: Prec::Year }),
                9..=11 => EDate::Range(
                    PDate { day, prec: Prec::Month },
                    PDate {
                        day: day + self.rng.range(40, 400) as i32,
                        prec: Prec::Month,
                    },
                ),
                _ => EDate::On(PDate { day, prec: Prec::Day }),
            };
            let alternative =
                (matches!(date, EDate::On(PDate { prec: Prec::Day, .. })) && self.rng.chance(3)).then_some(day + 1);
            self.events.push(Event {
                name,
                ty,
                place,
                aliases,
                date,
                alternative,
            });
        }
    }

    fn quote_sentence(&mut self) -> String {
        let r = &mut self.rng;
        match r.below(3) {
            0 => format!(
                "{} {} {} the {} {} {} the {} {}.",
                r.pick(Q_SUBJECTS),
                r.pick(Q_MODALS),
                r.pick(Q_VERBS),
                r.pick(Q_ADJS),
                r.pick(Q_NOUNS),
                r.pick(Q_PREPS),
                r.pick(Q_ADJS),
                r.pick(Q_NOUNS)
            ),
            1 => format!(
                "{} {} {} our {} and {} the {} {} {} every {}.",
                r.pick(Q_SUBJECTS),
                r.pick(Q_MODALS),
                r.pick(Q_VERBS),
                r.pick(Q_NOUNS),
                r.pick(Q_VERBS),
                r.pick(Q_ADJS),
                r.pick(Q_NOUNS),
                r.pick(Q_PREPS),
                r.pick(Q_NOUNS)
            ),
            _ => format!(
                "There is no {} {} {} the {} {}, and we {} {} the {}.",
                r.pick(Q_ADJS),
                r.pick(Q_NOUNS),
                r.pick(Q_PREPS),
                r.pick(Q_ADJS),
                r.pick(Q_NOUNS),
                r.pick(Q_MODALS),
                r.pick(Q_VERBS),
                r.pick(Q_NOUNS)
            ),
        }
    }

    fn quote_text(&mut self) -> String {
        let mut t = self.quote_sentence();
        if self.rng.chance(35) {
            t.push(' ');
            t.push_str(&self.quote_sentence());
        }
        t
    }

    fn quotes(&mut self, n: usize) {
        let lo = days_from_civil(1990, 1, 1);
        let hi = days_from_civil(2025, 6, 30);
        for _ in 0..n {
            let speaker = self.layer_person();
            let date = self.rng.range(lo as i64, hi as i64) as i32;
            let delivery = *self.rng.pick(&["said", "said", "statement", "post", "wrote"]);
            let text = self.quote_text();
            self.quotes.push(Quote {
                speaker,
                date,
                delivery,
                text,
            });
        }
    }
}

/// The office of kind `k` of country `c`: (name, titles, title used in articles, the body it
/// belongs to).
fn office_kind(k: usize, c: &str) -> (String, Vec<String>, String, String) {
    match k {
        0 => (
            format!("President of {c}"),
            vec!["President".into()],
            "President".into(),
            c.into(),
        ),
        1 => (
            format!("Prime Minister of {c}"),
            vec!["Prime Minister".into(), "Premier".into()],
            "Prime Minister".into(),
            c.into(),
        ),
        2 => (
            format!("Chief Justice of {c}"),
            vec!["Chief Justice".into()],
            "Chief Justice".into(),
            format!("Supreme Court of {c}"),
        ),
        3 => (
            format!("Governor of the Central Bank of {c}"),
            vec!["central bank governor".into()],
            "central bank governor".into(),
            format!("Central Bank of {c}"),
        ),
        4 => (
            format!("Chief of the General Staff of {c}"),
            vec!["army chief".into(), "Chief of the General Staff".into()],
            "army chief".into(),
            c.into(),
        ),
        k => {
            let (short, domain) = MINISTRIES[(k - 5) % MINISTRIES.len()];
            let display = domain.trim_start_matches("the ");
            let _ = display;
            (
                format!("Minister of {domain} of {c}"),
                vec![format!("{short} Minister"), format!("Minister of {domain}")],
                format!("{short} Minister"),
                c.into(),
            )
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Rule files.

fn quoted(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
}

fn quoted_list(out: &mut String, items: &[&str]) {
    for (i, s) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        quoted(out, s);
    }
}

struct RuleWriter {
    files: Vec<(String, String)>,
    cur: String,
    count: usize,
    section: &'static str,
    part: usize,
    order: usize,
}

impl RuleWriter {
    fn section(&mut self, name: &'static str) {
        self.flush();
        self.section = name;
        self.part = 0;
        self.order += 1;
    }

    fn flush(&mut self) {
        if self.count > 0 {
            let name = format!("{}-{}-{:03}.fc", self.order, self.section, self.part);
            self.files.push((name, std::mem::take(&mut self.cur)));
            self.part += 1;
            self.count = 0;
        }
    }

    /// Starts a statement (the text is appended by the caller to `cur`).
    fn statement(&mut self) -> &mut String {
        if self.count == STATEMENTS_PER_FILE {
            self.flush();
        }
        if self.count == 0 {
            let _ = writeln!(self.cur, "# Generated by examples/generate.rs: {}.\n", self.section);
        } else {
            self.cur.push('\n');
        }
        self.count += 1;
        &mut self.cur
    }
}

impl World {
    fn rules(&self) -> Vec<(String, String)> {
        let mut w = RuleWriter {
            files: Vec::new(),
            cur: String::new(),
            count: 0,
            section: "",
            part: 0,
            order: 0,
        };
        w.section("countries");
        for (i, c) in self.countries.iter().enumerate() {
            let o = w.statement();
            o.push_str("country ");
            quoted(o, &c.name);
            o.push_str(" {\n");
            if let Some(a) = &c.alias {
                o.push_str("    aka ");
                quoted(o, a);
                o.push('\n');
            }
            o.push_str("    adjective ");
            quoted(o, &c.adjective);
            let _ = write!(o, "\n    source \"https://atlas.example/country/{i}\"\n}}\n");
            if let Some(court) = &c.court {
                let o = w.statement();
                o.push_str("organization ");
                quoted(o, court);
                o.push_str(" {\n    aka ");
                quoted(o, &format!("{} Supreme Court", c.adjective));
                o.push_str("\n    kind court\n    of ");
                quoted(o, &c.name);
                let _ = write!(o, "\n    source \"https://atlas.example/court/{i}\"\n}}\n");
            }
            if let Some(bank) = &c.bank {
                let o = w.statement();
                o.push_str("organization ");
                quoted(o, bank);
                o.push_str(" {\n    aka ");
                quoted(o, &format!("{} Central Bank", c.adjective));
                o.push_str("\n    kind bank\n    of ");
                quoted(o, &c.name);
                let _ = write!(o, "\n    source \"https://atlas.example/bank/{i}\"\n}}\n");
            }
        }
        w.section("people");
        for (i, p) in self.people.iter().enumerate() {
            let o = w.statement();
            o.push_str("person ");
            quoted(o, &p.full);
            o.push_str(" {\n    aka ");
            quoted(o, &p.surname);
            if p.initial_alias {
                o.push_str(", ");
                quoted(o, &format!("{}. {}", &p.given[..1], p.surname));
            }
            o.push('\n');
            if let Some(q) = p.wikidata {
                let _ = writeln!(o, "    wikidata Q{q}");
            }
            let _ = write!(
                o,
                "    pronoun {}\n    source \"https://people.example/{i}\"\n}}\n",
                p.pronoun
            );
        }
        w.section("offices");
        for (i, off) in self.offices.iter().enumerate() {
            let o = w.statement();
            o.push_str("office ");
            quoted(o, &off.name);
            o.push_str(" {\n    of ");
            quoted(o, &off.of);
            o.push_str("\n    title ");
            let titles: Vec<&str> = off.titles.iter().map(String::as_str).collect();
            quoted_list(o, &titles);
            let _ = write!(
                o,
                "\n    exclusive\n    source \"https://gov.example/office/{i}\"\n}}\n"
            );
        }
        w.section("tenures");
        for (i, t) in self.tenures.iter().enumerate() {
            let o = w.statement();
            o.push_str(match t.kind {
                TKind::InOffice => "tenure ",
                TKind::Acting => "acting ",
                TKind::Elect => "elect ",
            });
            quoted(o, &self.people[t.person].full);
            o.push(' ');
            quoted(o, &self.offices[t.office].name);
            o.push_str(" from ");
            match t.from {
                Bound::On(d) => d.write(o),
                Bound::Before(d) => {
                    o.push_str("before ");
                    d.write(o);
                }
                Bound::Unknown => o.push_str("unknown"),
            }
            if let Some(to) = t.to {
                o.push_str(" to ");
                to.write(o);
            }
            let _ = write!(o, " {{\n    source \"https://gov.example/t/{i}\"\n}}\n");
        }
        w.section("events");
        for (i, e) in self.events.iter().enumerate() {
            let o = w.statement();
            o.push_str("event ");
            quoted(o, &e.name);
            match &e.date {
                EDate::On(d) => {
                    o.push_str(" on ");
                    d.write(o);
                }
                EDate::Range(a, b) => {
                    o.push_str(" from ");
                    a.write(o);
                    o.push_str(" to ");
                    b.write(o);
                }
            }
            o.push_str(" {\n");
            let aliases: Vec<&str> = e.aliases.iter().map(String::as_str).filter(|a| *a != e.name).collect();
            if !aliases.is_empty() {
                o.push_str("    aka ");
                quoted_list(o, &aliases);
                o.push('\n');
            }
            if let Some(a) = e.alternative {
                let _ = writeln!(o, "    alternative {}", iso(a));
            }
            let _ = write!(o, "    source \"https://news.example/event/{i}\"\n}}\n");
        }
        w.section("quotes");
        for (i, q) in self.quotes.iter().enumerate() {
            let o = w.statement();
            o.push_str("quote ");
            quoted(o, &self.people[q.speaker].full);
            let _ = write!(o, " on {} {} {{\n    text ", iso(q.date), q.delivery);
            // One string per sentence, as `factcheck fmt` writes them.
            for (k, sentence) in q.text.split_inclusive(". ").enumerate() {
                if k > 0 {
                    o.push_str("\n         ");
                }
                quoted(o, sentence.trim_end());
            }
            let _ = write!(o, "\n    source \"https://news.example/quote/{i}\"\n}}\n");
        }
        w.flush();
        w.files
    }

    fn patterns(&self) -> Vec<String> {
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        let mut add = |s: &str| {
            if seen.insert(s.to_string()) {
                out.push(s.to_string());
            }
        };
        for c in &self.countries {
            add(&c.name);
            if let Some(a) = &c.alias {
                add(a);
            }
            if let Some(court) = &c.court {
                add(court);
                add(&format!("{} Supreme Court", c.adjective));
            }
            if let Some(bank) = &c.bank {
                add(bank);
                add(&format!("{} Central Bank", c.adjective));
            }
        }
        for p in &self.people {
            add(&p.full);
            add(&p.surname);
            if p.initial_alias {
                add(&format!("{}. {}", &p.given[..1], p.surname));
            }
        }
        for o in &self.offices {
            add(&o.name);
            for t in &o.titles {
                add(t);
            }
        }
        out
    }
}

// ---------------------------------------------------------------------------------------------
// Articles.

/// Builds an article's text while recording where claims are.
struct Writer {
    text: String,
    claims: Vec<PlannedClaim>,
    words: usize,
}

impl Writer {
    fn push(&mut self, s: &str) {
        self.words += s.split_whitespace().count();
        self.text.push_str(s);
    }

    fn claim(&mut self, kind: &'static str, s: &str, verdict: &'static str, planted: Option<&'static str>) {
        let start = self.text.len();
        self.push(s);
        self.claims.push(PlannedClaim {
            kind,
            start,
            end: self.text.len(),
            text: s.to_string(),
            verdict,
            planted,
        });
    }
}

/// A sentence being assembled from literal parts and claims.
enum Part {
    Lit(String),
    Claim(&'static str, String, &'static str, Option<&'static str>),
}

fn lit(s: impl Into<String>) -> Part {
    Part::Lit(s.into())
}

impl World {
    /// Coverage of day `d` by tenure `t`: 0 held, 1 not yet, 2 ended, 3 unsure.
    fn coverage(&self, t: usize, d: i32) -> u8 {
        let t = &self.tenures[t];
        if d < t.possible.0 {
            1
        } else if d > t.possible.1 {
            2
        } else if t.certain.is_some_and(|(a, b)| a <= d && d <= b) {
            0
        } else {
            3
        }
    }

    /// The in-office tenure of `o` that certainly covers `d` with a margin, if any.
    fn holder(&self, o: usize, d: i32) -> Option<usize> {
        self.offices[o].tenures.iter().copied().find(|&t| {
            let t = &self.tenures[t];
            t.kind == TKind::InOffice && t.certain.is_some_and(|(a, b)| a + 3 <= d && d + 3 <= b)
        })
    }

    /// Whether every tenure of person `p` in office `o` satisfies `f`.
    fn all_in_office(&self, p: usize, o: usize, f: impl Fn(&Tenure) -> bool) -> bool {
        self.people[p]
            .tenures
            .iter()
            .map(|t| &self.tenures[*t])
            .filter(|t| t.office == o)
            .all(f)
    }

    fn role_sentence(&mut self, c: usize, d: i32, mentioned: &mut Vec<usize>) -> Option<Vec<Part>> {
        let country = &self.countries[c];
        let offices = country.offices.clone();
        let adjective = country.adjective.clone();
        let cname = country.name.clone();
        let o = offices[self.rng.below(offices.len())];
        let short = self.offices[o].short.clone();
        let roll = self.rng.below(100);
        let vp = self.rng.pick(ROLE_VERB_PHRASES).to_string();
        if roll < 75 {
            // A correct claim: the current holder (title first or appositive), or a former one.
            let former = roll >= 55;
            if former {
                let past: Vec<usize> = self.offices[o]
                    .tenures
                    .iter()
                    .copied()
                    .filter(|&t| {
                        let t = &self.tenures[t];
                        t.kind == TKind::InOffice && t.possible.1 + 30 < d && t.certain.is_some()
                    })
                    .filter(|&t| {
                        let p = self.tenures[t].person;
                        self.all_in_office(p, o, |x| x.possible.1 + 30 < d) && !mentioned.contains(&p)
                    })
                    .collect();
                let t = *past.get(self.rng.below(past.len().max(1)))?;
                let p = self.tenures[t].person;
                mentioned.push(p);
                let name = self.people[p].full.clone();
                return Some(vec![
                    lit("The delegation included "),
                    Part::Claim("role", format!("former {adjective} {short} {name}"), "pass", None),
                    lit("."),
                ]);
            }
            let t = self.holder(o, d)?;
            let p = self.tenures[t].person;
            if mentioned.contains(&p) || !self.all_in_office(p, o, |x| x.kind != TKind::Elect || x.possible.1 < d) {
                return None;
            }
            mentioned.push(p);
            let name = self.people[p].full.clone();
            if roll < 40 {
                Some(vec![
                    Part::Claim("role", format!("{adjective} {short} {name}"), "pass", None),
                    lit(format!(" {vp}.")),
                ])
            } else {
                let avp = self.rng.pick(APPOSITIVE_VERB_PHRASES).to_string();
                Some(vec![
                    Part::Claim(
                        "role",
                        format!("{name}, {cname}'s {}", short.to_lowercase()),
                        "pass",
                        None,
                    ),
                    lit(format!(", {avp}.")),
                ])
            }
        } else if roll < 87 {
            // Stale title: a former holder called by the title.
            let past: Vec<usize> = self.offices[o]
                .tenures
                .iter()
                .copied()
                .filter(|&t| {
                    let t = &self.tenures[t];
                    t.kind == TKind::InOffice && t.possible.1 + 30 < d
                })
                .filter(|&t| {
                    let p = self.tenures[t].person;
                    self.all_in_office(p, o, |x| x.possible.1 + 30 < d) && !mentioned.contains(&p)
                })
                .collect();
            let t = *past.get(self.rng.below(past.len().max(1)))?;
            let p = self.tenures[t].person;
            mentioned.push(p);
            let name = self.people[p].full.clone();
            Some(vec![
                Part::Claim(
                    "role",
                    format!("{adjective} {short} {name}"),
                    "fail",
                    Some("stale-title"),
                ),
                lit(format!(" {vp}.")),
            ])
        } else if roll < 92 {
            // Premature title: a holder whose term starts later.
            let future: Vec<usize> = self.offices[o]
                .tenures
                .iter()
                .copied()
                .filter(|&t| {
                    let t = &self.tenures[t];
                    t.kind == TKind::InOffice && t.possible.0 > d + 30
                })
                .filter(|&t| {
                    let p = self.tenures[t].person;
                    self.all_in_office(p, o, |x| x.possible.0 > d + 30) && !mentioned.contains(&p)
                })
                .collect();
            let t = *future.get(self.rng.below(future.len().max(1)))?;
            let p = self.tenures[t].person;
            mentioned.push(p);
            let name = self.people[p].full.clone();
            Some(vec![
                Part::Claim(
                    "role",
                    format!("{adjective} {short} {name}"),
                    "fail",
                    Some("premature-title"),
                ),
                lit(format!(" {vp}.")),
            ])
        } else {
            // Wrong office: the holder of another office of the country, given this one's title.
            let o2 = offices[self.rng.below(offices.len())];
            if o2 == o {
                return None;
            }
            self.holder(o, d)?;
            let t = self.holder(o2, d)?;
            let p = self.tenures[t].person;
            if mentioned.contains(&p) || self.people[p].tenures.iter().any(|x| self.tenures[*x].office == o) {
                return None;
            }
            mentioned.push(p);
            let name = self.people[p].full.clone();
            Some(vec![
                Part::Claim(
                    "role",
                    format!("{adjective} {short} {name}"),
                    "fail",
                    Some("wrong-office"),
                ),
                lit(format!(" {vp}.")),
            ])
        }
    }

    fn explicit_date(&mut self, day: i32) -> String {
        let (y, m, dd) = civil_from_days(day);
        match self.rng.below(3) {
            0 => format!("{} {dd}, {y}", MONTHS[m as usize - 1]),
            1 => format!("{dd} {} {y}", MONTHS[m as usize - 1]),
            _ => format!("{} {dd}, {y}", MONTH_ABBR[m as usize - 1]),
        }
    }

    /// A date sentence about event `e`: relative to `d` when `recent`, else explicit.
    fn date_sentence(&mut self, e: usize, recent: bool) -> Vec<Part> {
        let ev = &self.events[e];
        let EDate::On(PDate { day, .. }) = ev.date else {
            unreachable!("only day events are dated in articles")
        };
        let alias = ev.aliases[self.rng.below(ev.aliases.len())].clone();
        let template = if recent {
            *self.rng.pick(EVENT_SENTENCES)
        } else {
            *self.rng.pick(OLD_EVENT_SENTENCES)
        };
        let planted = self.rng.chance(25);
        let (when, verdict, what) = if recent {
            let wd = if planted {
                (weekday(day) + 1 + self.rng.below(6)) % 7
            } else {
                weekday(day)
            };
            (
                WEEKDAYS[wd].to_string(),
                if planted { "fail" } else { "pass" },
                planted.then_some("wrong-weekday"),
            )
        } else if planted {
            let (y, m, dd) = civil_from_days(day);
            let shift = match self.rng.below(3) {
                0 => 1 + self.rng.below(3) as i32,
                1 => -(1 + self.rng.below(3) as i32),
                _ => {
                    // Wrong year.
                    let wrong = days_from_civil(y - 1 - self.rng.below(2) as i32, m, dd.min(28));
                    return self.finish_date(template, &alias, wrong, "fail", Some("wrong-year"));
                }
            };
            let wrong = day + shift;
            let text = self.explicit_date(wrong);
            return self.finish_date_text(template, &alias, text, "fail", Some("wrong-day"));
        } else {
            (self.explicit_date(day), "pass", None)
        };
        self.finish_date_text(template, &alias, when, verdict, what)
    }

    fn finish_date(
        &mut self,
        template: &str,
        alias: &str,
        day: i32,
        verdict: &'static str,
        what: Option<&'static str>,
    ) -> Vec<Part> {
        let text = self.explicit_date(day);
        self.finish_date_text(template, alias, text, verdict, what)
    }

    fn finish_date_text(
        &mut self,
        template: &str,
        alias: &str,
        when: String,
        verdict: &'static str,
        what: Option<&'static str>,
    ) -> Vec<Part> {
        let (before, after) = template.split_once("{W}").unwrap_or((template, ""));
        let before = before.replace("{A}", alias);
        vec![
            lit(before),
            Part::Claim("date", when, verdict, what),
            lit(after.to_string()),
        ]
    }

    fn attribution(&mut self, d: i32, mentioned: &mut Vec<usize>) -> Option<Vec<Part>> {
        let q = self.rng.below(self.quotes.len());
        if self.quotes[q].date > d {
            return None;
        }
        let roll = self.rng.below(100);
        let speaker = self.quotes[q].speaker;
        let (text, who, verdict, planted) = if roll < 60 {
            (self.quotes[q].text.clone(), speaker, "pass", None)
        } else if roll < 75 {
            let other = self.rng.below(self.people.len());
            if other == speaker {
                return None;
            }
            (self.quotes[q].text.clone(), other, "fail", Some("misattributed-quote"))
        } else if roll < 90 {
            // One content word changed.
            let text = &self.quotes[q].text;
            let words: Vec<&str> = text.split(' ').collect();
            let candidates: Vec<usize> = (1..words.len())
                .filter(|&i| {
                    let w = words[i].trim_end_matches([',', '.']);
                    Q_ADJS.contains(&w) || (Q_NOUNS.contains(&w) && !w.contains(' '))
                })
                .collect();
            let &i = candidates.get(self.rng.below(candidates.len().max(1)))?;
            let w = words[i].trim_end_matches([',', '.']);
            let tail = &words[i][w.len()..];
            let list = if Q_ADJS.contains(&w) { Q_ADJS } else { Q_NOUNS };
            let mut new = *self.rng.pick(list);
            while new == w || new.contains(' ') || text.split(' ').any(|x| x.trim_end_matches([',', '.']) == new) {
                new = *self.rng.pick(list);
            }
            let mut changed: Vec<String> = words.iter().map(|s| s.to_string()).collect();
            changed[i] = format!("{new}{tail}");
            (changed.join(" "), speaker, "fail", Some("misquote"))
        } else {
            let text = self.quote_text();
            (text, speaker, "unverified", None)
        };
        let name = if mentioned.contains(&who) {
            self.people[who].surname.clone()
        } else {
            mentioned.push(who);
            self.people[who].full.clone()
        };
        // The quotation's last full stop becomes a comma before the attribution.
        let inner = text.strip_suffix('.').unwrap_or(&text).to_string();
        Some(match self.rng.below(3) {
            0 => vec![
                lit("“"),
                Part::Claim("attribution", inner, verdict, planted),
                lit(format!(",” {name} said.")),
            ],
            1 => vec![
                lit("“"),
                Part::Claim("attribution", inner, verdict, planted),
                lit(format!(",” said {name}.")),
            ],
            _ => vec![
                lit(format!("{name} said: “")),
                Part::Claim("attribution", inner, verdict, planted),
                lit(".”"),
            ],
        })
    }

    fn article(&mut self, index: usize, day_events: &[usize]) -> GenArticle {
        loop {
            if let Some(a) = self.try_article(index, day_events) {
                return a;
            }
        }
    }

    fn try_article(&mut self, index: usize, day_events: &[usize]) -> Option<GenArticle> {
        let e = day_events[self.rng.below(day_events.len())];
        let EDate::On(PDate { day: eday, .. }) = self.events[e].date else {
            return None;
        };
        let d = eday + self.rng.range(1, 6) as i32;
        let c = self.rng.below(self.countries.len());
        let mut mentioned = Vec::new();
        let mut sentences: Vec<Vec<Part>> = Vec::new();
        let mut tries = 0;
        let mut roles = 0;
        while roles < 3 && tries < 30 {
            tries += 1;
            if let Some(s) = self.role_sentence(c, d, &mut mentioned) {
                sentences.push(s);
                roles += 1;
            }
        }
        if roles == 0 {
            return None;
        }
        let first_role = sentences.remove(0);
        let other_roles = std::mem::take(&mut sentences);
        let recent = self.date_sentence(e, true);
        let older: Vec<usize> = (0..8)
            .map(|_| day_events[self.rng.below(day_events.len())])
            .filter(|&x| x != e && matches!(self.events[x].date, EDate::On(p) if p.day + 30 < d))
            .collect();
        let old = older.first().map(|&x| self.date_sentence(x, false));
        let mut quotes = Vec::new();
        let want = 2 + self.rng.below(2);
        let mut tries = 0;
        while quotes.len() < want && tries < 40 {
            tries += 1;
            if let Some(q) = self.attribution(d, &mut mentioned) {
                quotes.push(q);
            }
        }
        // Lay out paragraphs: lead, roles, dates and quotes, with filler between.
        let target = self.rng.range(200, 600) as usize;
        let mut paragraphs: Vec<Vec<Vec<Part>>> = Vec::new();
        paragraphs.push(vec![first_role, recent]);
        let mut rest: Vec<Vec<Part>> = other_roles;
        if let Some(o) = old {
            rest.push(o);
        }
        rest.extend(quotes);
        for s in rest {
            paragraphs.push(vec![s]);
        }
        let (y, m, dd) = civil_from_days(d);
        let mut w = Writer {
            text: format!("+++\ndate = {y:04}-{m:02}-{dd:02}\n+++\n\n"),
            claims: Vec::new(),
            words: 0,
        };
        let ev = &self.events[e];
        let headline = format!(
            "{} remains in focus as {} weighs its next steps\n\n",
            capitalize(&ev.aliases[0]),
            self.countries[c].name
        );
        w.push(&headline);
        let claim_words: usize = paragraphs
            .iter()
            .flatten()
            .flatten()
            .map(|p| match p {
                Part::Lit(s) | Part::Claim(_, s, _, _) => s.split_whitespace().count(),
            })
            .sum();
        let mut filler_left = target.saturating_sub(claim_words + 10);
        // Filler sentences in a shuffled order, none twice until all are used.
        let mut order: Vec<usize> = (0..FILLER.len()).collect();
        for i in (1..order.len()).rev() {
            order.swap(i, self.rng.below(i + 1));
        }
        let mut next_filler = 0;
        let n = paragraphs.len();
        for (k, para) in paragraphs.into_iter().enumerate() {
            for (j, sent) in para.into_iter().enumerate() {
                if j > 0 {
                    w.push(" ");
                }
                for part in sent {
                    match part {
                        Part::Lit(s) => w.push(&s),
                        Part::Claim(kind, s, v, p) => w.claim(kind, &s, v, p),
                    }
                }
            }
            // Filler after the paragraph, spread evenly.
            let share = filler_left / (n - k);
            let mut used = 0;
            while used < share {
                let f = FILLER[order[next_filler % FILLER.len()]];
                next_filler += 1;
                w.push(" ");
                w.push(f);
                used += f.split_whitespace().count();
            }
            filler_left = filler_left.saturating_sub(used);
            w.push("\n\n");
        }
        w.text.truncate(w.text.trim_end().len());
        w.text.push('\n');
        Some(GenArticle {
            name: format!("a{index:06}.txt"),
            date: iso(d),
            text: w.text,
            words: w.words,
            claims: w.claims,
        })
    }
}

/// Generates a knowledge base and articles.
///
/// With `pad_to`, the articles are those of the unpadded knowledge base, word for word, and
/// every claim gets the same verdict: the padding has its own countries, offices, people,
/// events and quotes. So the same articles can be checked against knowledge bases of growing
/// size (`--facts 1000 --pad-to 1000000` holds the `--facts 1000` one).
pub fn generate(params: Params) -> Generated {
    let mut world = World::build(&params);
    // Articles are dated a few days after an event known to the day, from 1995 on (when every
    // office has holders).
    let since = days_from_civil(1995, 1, 1);
    let day_events: Vec<usize> = world
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            matches!(e.date, EDate::On(PDate { prec: Prec::Day, day }) if day >= since) && e.alternative.is_none()
        })
        .map(|(i, _)| i)
        .collect();
    let mut articles = Vec::with_capacity(params.articles);
    if !day_events.is_empty() {
        // Articles draw from their own stream, so the knowledge base does not depend on how
        // many articles are asked for.
        world.rng = Rng::new(params.seed ^ 0xA57C_1E5A_11CE_5EED);
        for i in 0..params.articles {
            articles.push(world.article(i, &day_events));
        }
    }
    if let Some(total) = params.pad_to.filter(|t| *t > params.facts) {
        world.rng = Rng::new(params.seed ^ 0x9ADD_1265_0F0F_7E57);
        world.grow(Mix::for_facts(total));
    }
    let rules = world.rules();
    let patterns = world.patterns();
    Generated {
        params,
        mix: world.mix,
        rules,
        articles,
        patterns,
    }
}

impl Generated {
    /// The manifest: parameters, mix, and every article's planned claims.
    pub fn manifest(&self) -> serde_json::Value {
        let mut totals: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
        for a in &self.articles {
            for c in &a.claims {
                *totals.entry(format!("{} {}", c.kind, c.verdict)).or_default() += 1;
                if let Some(p) = c.planted {
                    *totals.entry(format!("planted {p}")).or_default() += 1;
                }
            }
        }
        serde_json::json!({
            "generator": "examples/generate.rs",
            "params": self.params,
            "mix": self.mix,
            "rule_files": self.rules.iter().map(|r| &r.0).collect::<Vec<_>>(),
            "rule_bytes": self.rules.iter().map(|r| r.1.len()).sum::<usize>(),
            "article_bytes": self.articles.iter().map(|a| a.text.len()).sum::<usize>(),
            "patterns": self.patterns.len(),
            "totals": totals,
            "articles": self.articles,
        })
    }

    /// Writes `rules/`, `articles/`, `patterns.txt` and `manifest.json` under `dir`.
    pub fn write(&self, dir: &std::path::Path) -> std::io::Result<()> {
        let rules = dir.join("rules");
        let articles = dir.join("articles");
        for d in [&rules, &articles] {
            if d.exists() {
                std::fs::remove_dir_all(d)?;
            }
            std::fs::create_dir_all(d)?;
        }
        for (name, text) in &self.rules {
            std::fs::write(rules.join(name), text)?;
        }
        for a in &self.articles {
            std::fs::write(articles.join(&a.name), &a.text)?;
        }
        let mut p = self.patterns.join("\n");
        p.push('\n');
        std::fs::write(dir.join("patterns.txt"), p)?;
        let m = serde_json::to_string_pretty(&self.manifest()).map_err(std::io::Error::other)?;
        std::fs::write(dir.join("manifest.json"), m + "\n")
    }
}
