//! Judging date claims: is the date, at the precision written, the date of the event it is
//! given to?
//!
//! The expression's meaning is an interval of days ("In 2020" is all of 2020, "on Thursday" one
//! day). It passes when the event's day lies inside it (or, for an event known only to a month or
//! year, when that whole month or year does); it fails when the event certainly lies outside it;
//! otherwise the record is too coarse to decide.

use super::{Judgement, Verdict};
use crate::date::{Date, DateValue, Interval, Precision, weekday_name};
use crate::extract::{Claim, DateClaim, Detail};
use crate::kb::{Event, EventDate, KnowledgeBase, Quote, Speaker};

/// How an event's date compares with a claimed date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fit {
    Match,
    Unsure,
    Mismatch,
}

/// For a date written without its year ("May 20"): only the month and day are compared, since
/// the year was inferred, not claimed.
fn fit_yearless(claim: &DateValue, event: EventDate) -> Option<Fit> {
    let (DateValue::Point(c), EventDate::On(e)) = (claim, event) else {
        return None;
    };
    let (cd, ed) = (c.first_day(), e.first_day());
    match (c.precision(), e.precision()) {
        (Precision::Day, Precision::Day) => Some(if (cd.month(), cd.day()) == (ed.month(), ed.day()) {
            Fit::Match
        } else {
            Fit::Mismatch
        }),
        (Precision::Month, Precision::Day | Precision::Month) => Some(if cd.month() == ed.month() {
            Fit::Match
        } else {
            Fit::Mismatch
        }),
        (Precision::Day, Precision::Month) => Some(if cd.month() == ed.month() {
            Fit::Unsure
        } else {
            Fit::Mismatch
        }),
        _ => None,
    }
}

fn fit(claim: &Interval, event: EventDate) -> Fit {
    let ev = event.interval();
    if !claim.overlaps(&ev) {
        return Fit::Mismatch;
    }
    match event {
        EventDate::Range(..) => Fit::Match,
        EventDate::On(d) if d.precision() == Precision::Day => Fit::Match,
        EventDate::On(_) if ev.within(claim) => Fit::Match,
        EventDate::On(_) => Fit::Unsure,
    }
}

/// "on 2024-11-21", "in 2020", "from 2003 to 2004".
fn when_text(d: EventDate) -> String {
    match d {
        EventDate::On(p) if p.precision() == Precision::Day => format!("on {p}"),
        EventDate::On(p) => format!("in {p}"),
        EventDate::Range(a, b) => format!("from {a} to {b}"),
    }
}

fn describe(value: &DateValue, claim: &Claim, pub_date: Option<Date>) -> String {
    let d = claim.date();
    match (d.is_some_and(|d| d.relative), pub_date) {
        (true, Some(p)) => format!(
            "\"{}\" in an article of {} {p} means {value}",
            claim.text,
            weekday_name(p.weekday())
        ),
        _ => format!("\"{}\" means {value}", claim.text),
    }
}

/// Judges a date claim; `all` are the article's claims (a statement's date is checked against
/// the quotation it introduces).
pub fn judge(claim: &Claim, d: &DateClaim, all: &[Claim], pub_date: Option<Date>, kb: &KnowledgeBase) -> Judgement {
    let Some(value) = d.value else {
        return Judgement::unverified(
            d.unresolved
                .clone()
                .unwrap_or_else(|| "the date could not be resolved".into()),
        );
    };
    let interval = value.interval();
    if let (Some(w), DateValue::Point(p)) = (&d.weekday, value)
        && p.precision() == Precision::Day
        && weekday_name(p.first_day().weekday()) != w
    {
        return Judgement::new(
            Verdict::Fail,
            format!("{} is a {}, not a {w}", p, weekday_name(p.first_day().weekday())),
        );
    }
    if !d.events.is_empty() {
        return judge_events(claim, d, &value, &interval, pub_date, kb);
    }
    if let Some(s) = d.statement_by {
        return judge_statement(claim, &value, &interval, s, all, pub_date, kb);
    }
    Judgement::unverified(format!("no known event is named with \"{}\" ({value})", claim.text))
}

fn judge_events(
    claim: &Claim,
    d: &DateClaim,
    value: &DateValue,
    interval: &Interval,
    pub_date: Option<Date>,
    kb: &KnowledgeBase,
) -> Judgement {
    // The events named. Their ids come from this knowledge base's event index, so every lookup
    // finds one, and `judge` only calls this with at least one.
    let events: Vec<&Event> = d.events.iter().filter_map(|e| kb.events.get(e.index())).collect();
    let Some(&first) = events.first() else {
        return Judgement::unverified(format!("no known event is named with \"{}\" ({value})", claim.text));
    };
    let mut unsure = None;
    for &event in &events {
        let dates = std::iter::once(event.date).chain(event.alternatives.iter().map(|a| EventDate::On(*a)));
        let mut best = Fit::Mismatch;
        let mut matched = event.date;
        for date in dates {
            let yearless = if d.year_inferred {
                fit_yearless(value, date)
            } else {
                None
            };
            let f = yearless.unwrap_or_else(|| fit(interval, date));
            if f == Fit::Match || (f == Fit::Unsure && best == Fit::Mismatch) {
                best = f;
                matched = date;
            }
            if f == Fit::Match {
                break;
            }
        }
        match best {
            Fit::Match => {
                let meaning = if d.year_inferred {
                    format!("\"{}\" (the year is not written)", claim.text)
                } else {
                    describe(value, claim, pub_date)
                };
                return Judgement::new(
                    Verdict::Pass,
                    format!("{meaning}; {} happened {}", event.name, when_text(matched)),
                )
                .cite(kb, &event.provenance);
            }
            Fit::Unsure => unsure = unsure.or(Some((event, matched))),
            Fit::Mismatch => {}
        }
    }
    if let Some((event, date)) = unsure {
        return Judgement::unverified(format!(
            "{}; the record dates {} only to {date}, which cannot decide it",
            describe(value, claim, pub_date),
            event.name
        ))
        .cite(kb, &event.provenance);
    }
    if d.reported {
        let event = first;
        return Judgement::unverified(format!(
            "{}, but {} happened {}; the date may be that of the reaction or report in the sentence rather than of the event",
            describe(value, claim, pub_date),
            event.name,
            when_text(event.date)
        ))
        .cite(kb, &event.provenance);
    }
    let mut j = Judgement::new(Verdict::Fail, String::new());
    let mut parts = Vec::new();
    for event in &events {
        let when = match event.date {
            EventDate::On(p) if p.precision() == Precision::Day => {
                format!("on {p} (a {})", weekday_name(p.first_day().weekday()))
            }
            EventDate::On(p) => format!("in {p}"),
            EventDate::Range(a, b) => format!("from {a} to {b}"),
        };
        parts.push(format!("{} happened {when}", event.name));
        j = j.cite(kb, &event.provenance);
    }
    let meaning = if d.year_inferred {
        format!("\"{}\" (the year is not written)", claim.text)
    } else {
        describe(value, claim, pub_date)
    };
    j.reason = format!("{meaning}, but {}", parts.join(" and "));
    j
}

/// A date given to a speaker's statement: checked against the recorded quotation the
/// sentence introduces, else against any recorded statement of that speaker.
fn judge_statement(
    claim: &Claim,
    value: &DateValue,
    interval: &Interval,
    speaker: Speaker,
    all: &[Claim],
    pub_date: Option<Date>,
    kb: &KnowledgeBase,
) -> Judgement {
    let name = kb.speaker_name(speaker);
    // The quotations of this speaker in the same sentence or paragraph that are on record.
    // `all` is in order of position (as `Extractor::extract` returns it) and a claim starts in
    // its sentence, so the sentence's claims are found by bisection, not by a scan of the
    // article (which made judging quadratic in its length).
    let lo = all.partition_point(|c| c.span.start < claim.sentence.start);
    let hi = all.partition_point(|c| c.span.start <= claim.sentence.end).max(lo);
    // `lo <= hi <= all.len()`, so `get` always finds the range.
    let quoted: Vec<&Quote> = all
        .get(lo..hi)
        .unwrap_or_default()
        .iter()
        .filter(|c| c.sentence == claim.sentence)
        .filter_map(|c| match &c.detail {
            Detail::Attribution(a) if a.speaker_id == Some(speaker) => Some(a),
            _ => None,
        })
        .flat_map(|a| {
            let parts = super::attributions::parts(&a.quote);
            kb.quote_index.containing(&parts)
        })
        .filter_map(|m| kb.quotes.get(m.quote.index()))
        .filter(|q| q.speaker == speaker)
        .collect();
    if let Some(q) = quoted.first() {
        return if q.date.interval().overlaps(interval) {
            Judgement::new(
                Verdict::Pass,
                format!(
                    "{}; {name}'s quoted words are recorded on {}",
                    describe(value, claim, pub_date),
                    q.date
                ),
            )
            .cite(kb, &q.provenance)
        } else {
            Judgement::new(
                Verdict::Fail,
                format!(
                    "{}, but {name}'s quoted words are recorded on {}",
                    describe(value, claim, pub_date),
                    q.date
                ),
            )
            .cite(kb, &q.provenance)
        };
    }
    // The speaker's quote ids come from this knowledge base, so every lookup finds one.
    for quote in kb.quotes_of(speaker).iter().filter_map(|q| kb.quotes.get(q.index())) {
        if quote.date.precision() == Precision::Day && interval.contains(quote.date.first_day()) {
            return Judgement::new(
                Verdict::Pass,
                format!(
                    "{}; a {} of {name} is recorded on {}",
                    describe(value, claim, pub_date),
                    quote.delivery.noun(),
                    quote.date
                ),
            )
            .cite(kb, &quote.provenance);
        }
    }
    Judgement::unverified(format!(
        "{}; no statement of {name} on that date is recorded",
        describe(value, claim, pub_date)
    ))
}
