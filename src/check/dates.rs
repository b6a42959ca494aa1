//! Judging date claims: is the date, at the precision written, the date of the event it is
//! given to?
//!
//! The expression's meaning is an interval of days ("In 2020" is all of 2020, "on Thursday" one
//! day). It passes when the event's day lies inside it (or, for an event known only to a month or
//! year, when that whole month or year does); it fails when the event certainly lies outside it;
//! otherwise the record is too coarse to decide.

use super::{Judgement, Verdict};
use crate::date::{Date, DateValue, Interval, Precision, add_days, days_between, weekday_name};
use crate::extract::{Claim, DateClaim, Detail};
use crate::kb::{Bound, Event, EventDate, KnowledgeBase, Quote, Speaker, Tenure};

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

/// How far a date counted from the publication day ("on Wednesday", "last week", "earlier this
/// month") may miss its event before the miss says more about the link than about the date:
/// nobody writes "on Wednesday" for something eight months old, so such a date most likely names
/// another occasion the rules do not record. Longer spans ("last year") have no limit.
fn anchored_reach(claim: &Interval) -> Option<i64> {
    match claim.len_days() {
        i64::MIN..=7 => Some(31),
        8..=31 => Some(366),
        _ => None,
    }
}

/// The other reading of a bare weekday: the same weekday a week away, when it too lies within a
/// week of publication ("Thursday" in a Friday article may be yesterday or six days ahead).
fn other_weekday_reading(value: &DateValue, pub_date: Date) -> Vec<Date> {
    let DateValue::Point(p) = value else {
        return Vec::new();
    };
    if p.precision() != Precision::Day {
        return Vec::new();
    }
    [-7, 7]
        .into_iter()
        .filter_map(|shift| add_days(p.first_day(), shift))
        .filter(|d| days_between(pub_date, *d).abs() <= 7)
        .collect()
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
    if let Some((tenure, began, bound)) = fitting_term(claim, d, &value, &interval, all, kb) {
        let office = kb.offices.get(tenure.office.index()).map_or("", |o| o.name.as_str());
        let person = kb.persons.get(tenure.person.index()).map_or("", |p| p.name.as_str());
        let term = match (&value, tenure.to) {
            (DateValue::Range(..), Some(Bound::On(to))) => {
                format!("ran {}", when_text(EventDate::Range(bound, to)))
            }
            _ => format!(
                "{} {}",
                if began { "began" } else { "ended" },
                when_text(EventDate::On(bound))
            ),
        };
        return Judgement::new(
            Verdict::Pass,
            format!(
                "{}; {person}'s term as {office} {term}",
                describe(&value, claim, pub_date)
            ),
        )
        .cite(kb, &tenure.provenance);
    }
    if let Some(event) = fitting_mention(d, &interval, kb) {
        return Judgement::new(
            Verdict::Pass,
            format!(
                "{}; {}, which the sentence names, happened {}",
                describe(&value, claim, pub_date),
                event.name,
                when_text(event.date)
            ),
        )
        .cite(kb, &event.provenance);
    }
    Judgement::unverified(format!("no known event is named with \"{}\" ({value})", claim.text))
}

/// The claims of `claim`'s sentence. `all` is in order of position (as `Extractor::extract`
/// returns it) and a claim starts in its sentence, so they are found by bisection, not by a scan
/// of the article (which made judging quadratic in its length).
fn same_sentence<'a>(claim: &'a Claim, all: &'a [Claim]) -> impl Iterator<Item = &'a Claim> {
    let lo = all.partition_point(|c| c.span.start < claim.sentence.start);
    let hi = all.partition_point(|c| c.span.start <= claim.sentence.end).max(lo);
    // `lo <= hi <= all.len()`, so `get` always finds the range.
    all.get(lo..hi)
        .unwrap_or_default()
        .iter()
        .filter(move |c| c.sentence == claim.sentence)
}

/// A term of office that began or ended on the date, of a person the sentence gives that title
/// ("former Defense Secretary Lloyd Austin left office on Monday"). Only a fit is used: a date that fits no
/// term may be another step of a career the rules do not record, so it refutes nothing.
fn fitting_term<'k>(
    claim: &Claim,
    d: &DateClaim,
    value: &DateValue,
    interval: &Interval,
    all: &[Claim],
    kb: &'k KnowledgeBase,
) -> Option<(&'k Tenure, bool, crate::date::PartialDate)> {
    let roles = same_sentence(claim, all)
        .filter_map(|c| c.role())
        .filter_map(|r| Some((r.person.id?, &r.offices)));
    for (p, offices) in roles {
        // Only the terms in the office the title names: "Katz, the new defense minister, …
        // on Friday" says nothing of his term as foreign minister.
        let terms = kb
            .tenures_of_person(p)
            .iter()
            .filter_map(|t| kb.tenures.get(t.index()))
            .filter(|t| offices.contains(&t.office));
        for tenure in terms {
            // A range is a whole term: both of its ends must fit ("majority leader from 2015
            // until 2019" is not borne out by a term from 2015 to 2021).
            if let DateValue::Range(a, b) = value {
                let (Bound::On(from), Some(Bound::On(to))) = (tenure.from, tenure.to) else {
                    continue;
                };
                let ends = |p: &crate::date::PartialDate, on: crate::date::PartialDate| {
                    fit(&DateValue::Point(*p).interval(), EventDate::On(on)) == Fit::Match
                };
                if ends(a, from) && ends(b, to) {
                    return Some((tenure, true, from));
                }
                continue;
            }
            for (began, bound) in [(true, Some(tenure.from)), (false, tenure.to)] {
                let Some(Bound::On(date)) = bound else {
                    continue;
                };
                let on = EventDate::On(date);
                let f = if d.year_inferred {
                    fit_yearless(value, on).unwrap_or_else(|| fit(interval, on))
                } else {
                    fit(interval, on)
                };
                if f == Fit::Match {
                    return Some((tenure, began, date));
                }
            }
        }
    }
    None
}

/// An event the sentence names, though the date is not given to it, that happened on the date.
fn fitting_mention<'k>(d: &DateClaim, interval: &Interval, kb: &'k KnowledgeBase) -> Option<&'k Event> {
    d.mentioned
        .iter()
        .filter_map(|e| kb.events.get(e.index()))
        .find(|event| fit(interval, event.date) == Fit::Match)
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
    if let Some(p) = pub_date.filter(|_| d.bare_weekday) {
        for other in other_weekday_reading(value, p) {
            if let Some(event) = events.iter().find(|e| fit(&Interval::day(other), e.date) == Fit::Match) {
                return Judgement::new(
                    Verdict::Pass,
                    format!(
                        "\"{}\" in an article of {} {p} can also mean {other}; {} happened {}",
                        claim.text,
                        weekday_name(p.weekday()),
                        event.name,
                        when_text(event.date)
                    ),
                )
                .cite(kb, &event.provenance);
            }
        }
    }
    if let Some(event) = events.iter().find(|e| e.recurring) {
        return Judgement::unverified(format!(
            "{}; the rules record {} {}, an occasion of a kind that recurs, so the date may be another one",
            describe(value, claim, pub_date),
            event.name,
            when_text(event.date)
        ))
        .cite(kb, &event.provenance);
    }
    if d.relative
        && !d.year_inferred
        && let Some(reach) = anchored_reach(interval)
        && events.iter().all(|e| interval.gap_days(&e.date.interval()) > reach)
    {
        return Judgement::unverified(format!(
            "{}, but {} happened {}, too far from the article's date for \"{}\" to mean it: either the sentence speaks of another occasion or the article's date is not the one it was written for",
            describe(value, claim, pub_date),
            first.name,
            when_text(first.date),
            claim.text
        ))
        .cite(kb, &first.provenance);
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
    // The quotations of this speaker in the same sentence that are on record.
    let quoted: Vec<&Quote> = same_sentence(claim, all)
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
        } else if let Some(other) = kb
            .quotes_of(speaker)
            .iter()
            .filter_map(|o| kb.quotes.get(o.index()))
            .find(|o| o.date.interval().overlaps(interval))
        {
            // "…, echoing what he had said in May": the date may belong to another statement
            // the sentence mentions, not to the words it quotes.
            Judgement::unverified(format!(
                "{}, but {name}'s quoted words are recorded on {}; a {} of {name} recorded on {} may be the one the date refers to",
                describe(value, claim, pub_date),
                q.date,
                other.delivery.noun(),
                other.date
            ))
            .cite(kb, &other.provenance)
        } else if claim.date().is_some_and(|d| d.relative && !d.year_inferred)
            && anchored_reach(interval).is_some_and(|reach| interval.gap_days(&q.date.interval()) > reach)
        {
            // Spokespeople repeat their lines: months away from the recorded day, a date counted
            // from publication more likely dates another delivery (or the article's date is wrong).
            Judgement::unverified(format!(
                "{}, but {name}'s quoted words are recorded on {}, too far from the article's date for \"{}\" to mean it: either they were said again or the article's date is not the one it was written for",
                describe(value, claim, pub_date),
                q.date,
                claim.text
            ))
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
    // "The prosecutor said Monday he is seeking arrest warrants": the statement is not on
    // record, but an event the sentence names happened that day, which bears the date out.
    if let Some(event) = claim.date().and_then(|d| fitting_mention(d, interval, kb)) {
        return Judgement::new(
            Verdict::Pass,
            format!(
                "{}; no statement of {name} is recorded then, but {}, which the sentence names, happened {}",
                describe(value, claim, pub_date),
                event.name,
                when_text(event.date)
            ),
        )
        .cite(kb, &event.provenance);
    }
    Judgement::unverified(format!(
        "{}; no statement of {name} on that date is recorded",
        describe(value, claim, pub_date)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::PartialDate;

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn point(s: &str) -> DateValue {
        DateValue::Point(s.parse().unwrap())
    }

    #[test]
    fn a_bare_weekday_has_a_second_reading_only_within_a_week_of_publication() {
        // Friday 2024-11-22: "Thursday" read as the coming one (28th) may be yesterday (21st).
        assert_eq!(
            other_weekday_reading(&point("2024-11-28"), day("2024-11-22")),
            vec![day("2024-11-21")]
        );
        // Read as yesterday, the coming Thursday is six days ahead: also in reach.
        assert_eq!(
            other_weekday_reading(&point("2024-11-21"), day("2024-11-22")),
            vec![day("2024-11-28")]
        );
        // A month has no second reading.
        assert!(other_weekday_reading(&point("2024-11"), day("2024-11-22")).is_empty());
    }

    #[test]
    fn the_reach_of_a_date_counted_from_publication_grows_with_its_span() {
        let on = |s: &str| Interval::day(day(s));
        assert_eq!(anchored_reach(&on("2024-11-21")), Some(31));
        let week = Interval {
            first: day("2024-11-11"),
            last: day("2024-11-17"),
        };
        assert_eq!(anchored_reach(&week), Some(31));
        let month = "2025-02".parse::<PartialDate>().unwrap().interval();
        assert_eq!(anchored_reach(&month), Some(366));
        let year = "2024".parse::<PartialDate>().unwrap().interval();
        assert_eq!(anchored_reach(&year), None);
    }
}
