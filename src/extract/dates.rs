//! Date claims: a date expression and the event it is given to.
//!
//! Expressions are read at the precision they are written: a day ("Oct. 7, 2023", "21 November
//! 2024", "2024-11-21"), a month ("November 2024", "in May"), a year ("In 2020"), a range
//! ("between 2003-2004", "from 2003 to 2004"), or relative to the publication date ("on
//! Thursday" is the most recent Thursday on or before it, "yesterday", "last year", "earlier
//! this month"). In a clause about the future ("will meet on Thursday") relative and yearless
//! dates point forward instead; a future in another clause of the sentence does not count.
//!
//! The event is chosen by syntax and proximity inside the sentence: the nearest event alias on
//! the left within the same clause, or right after the date ("the Oct. 7, 2023, terror
//! attacks"); a date right after a reporting verb or an occasion of speech ("said on Thursday",
//! "in a statement on Thursday") dates the speaker's statement instead. A sentence that opens
//! with a definite noun phrase for the event of the sentence before ("The executive order,
//! signed on June 11, 2020, …") dates that event.

use std::ops::Range;

use super::doc::{Doc, Sent, Who};
use super::lexicon::{self, is};
use super::{Claim, ClaimKind, DateClaim, Detail};
use crate::article::TokenKind;
use crate::date::{
    Date, DateValue, PartialDate, Precision, Weekday, add_days, weekday_name, weekday_on_or_after, weekday_on_or_before,
};
use crate::kb::{EventId, Speaker};
use crate::text::{is_determiner_stem, month_number, phrase_stems};

/// A date expression found in a sentence.
#[derive(Clone, Debug)]
struct Expr {
    start: usize,
    end: usize,
    value: Option<DateValue>,
    relative: bool,
    unresolved: Option<String>,
    weekday: Option<Weekday>,
    /// The year was not written but inferred from the publication date.
    year_inferred: bool,
    /// A weekday alone ("on Thursday"), without "last" or "next" to pick its side.
    bare_weekday: bool,
}

fn month_of(sent: &Sent, i: usize) -> Option<i8> {
    let t = sent.tokens.get(i)?;
    if t.kind != TokenKind::Word {
        return None;
    }
    // "mid-September": the part is read by `part_of` afterwards.
    if let Some((part, month)) = t.text.split_once('-')
        && matches!(part.to_ascii_lowercase().as_str(), "early" | "mid" | "late")
        && month.starts_with(|c: char| c.is_uppercase())
    {
        return month_number(&month.to_lowercase());
    }
    if !t.is_capitalized() {
        return None;
    }
    month_number(sent.lower(i))
}

fn number<'a>(sent: &Sent<'a>, i: usize) -> Option<&'a str> {
    let t = sent.tokens.get(i)?;
    (t.kind == TokenKind::Number).then_some(t.text)
}

fn day_of(sent: &Sent, i: usize) -> Option<i8> {
    let n = number(sent, i)?;
    let digits = n.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    if digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let d: i8 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year_of(sent: &Sent, i: usize) -> Option<i16> {
    let n = number(sent, i)?;
    if n.len() != 4 || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i16 = n.parse().ok()?;
    (1000..=2999).contains(&y).then_some(y)
}

fn weekday_of(sent: &Sent, i: usize) -> Option<Weekday> {
    let t = sent.tokens.get(i)?;
    if !t.is_capitalized() {
        return None;
    }
    let w = sent.lower(i);
    let w = w.strip_suffix("'s").unwrap_or(w);
    Some(match w {
        "monday" => Weekday::Monday,
        "tuesday" => Weekday::Tuesday,
        "wednesday" => Weekday::Wednesday,
        "thursday" => Weekday::Thursday,
        "friday" => Weekday::Friday,
        "saturday" => Weekday::Saturday,
        "sunday" => Weekday::Sunday,
        _ => return None,
    })
}

fn is_future_word(sent: &Sent, i: usize) -> bool {
    let w = sent.lower(i);
    is(lexicon::FUTURE_MARKERS, w)
        || w.ends_with("'ll")
        || (is(lexicon::FUTURE_BEFORE_TO, w) && sent.lower(i + 1) == "to")
}

/// Whether token `i` ends the clause that a date's tense is read in: a semicolon, dash, colon
/// or parenthesis, a word that opens a complement or relative clause ("that", "how", "which"),
/// or a comma before a participle (", setting up a test of how Trump will deal with the
/// court"). Temporal clauses ("once he is sworn in on Jan. 20") share the tense of the clause
/// they hang on, so "when", "once" and "after" do not end it.
fn ends_clause(sent: &Sent, i: usize) -> bool {
    let opens = |w: &str| matches!(w, "that" | "how" | "whether" | "which" | "who" | "whom" | "whose");
    let Some(t) = sent.tokens.get(i) else {
        return true;
    };
    if t.is(';') || t.is('—') || t.is('–') || t.is(':') || t.is('(') || t.is(')') {
        return true;
    }
    if t.is(',') {
        let next = sent.lower(i + 1);
        return opens(next) || (next.len() > 4 && next.ends_with("ing"));
    }
    opens(sent.lower(i))
}

/// Whether the clause around token `i` speaks of the future ("will meet on Thursday",
/// "Thursday's vote is expected to …"): only then does a weekday or a yearless date point
/// forward from publication. A future elsewhere in the sentence ("…, setting up a test of how
/// Trump will deal with the court") does not make "decision Thursday" next Thursday.
fn is_future_at(sent: &Sent, i: usize) -> bool {
    let n = sent.tokens.len();
    let mut a = i;
    while a > 0 && !ends_clause(sent, a - 1) {
        a -= 1;
    }
    let mut b = i + 1;
    while b < n && !ends_clause(sent, b) {
        b += 1;
    }
    (a..b).any(|k| is_future_word(sent, k))
}

/// The year a yearless day or month most likely belongs to: the publication year, unless the
/// date would then lie well after publication (a past event) or well before it (a future one).
fn infer_year(pub_date: Date, month: i8, day: Option<i8>, future: bool) -> i16 {
    let y = pub_date.year();
    let candidate = Date::new(y, month, day.unwrap_or(1)).ok();
    let Some(c) = candidate else { return y };
    let last = if day.is_some() { c } else { c.last_of_month() };
    if !future && c > pub_date && add_days(pub_date, 31).is_some_and(|limit| c > limit) {
        y - 1
    } else if future && last < pub_date && add_days(pub_date, -31).is_some_and(|limit| last < limit) {
        y + 1
    } else {
        y
    }
}

/// The year that "last year", "this year" or "next year" at token `k` names, counted from the
/// publication date: "7 October last year", "in March this year".
fn year_named(sent: &Sent, k: usize, pub_date: Date) -> Option<i16> {
    if sent.lower(k + 1) != "year" {
        return None;
    }
    match sent.lower(k) {
        "last" => Some(pub_date.year() - 1),
        "this" => Some(pub_date.year()),
        "next" => Some(pub_date.year() + 1),
        _ => None,
    }
}

fn day_value(y: i16, m: i8, d: i8) -> Option<DateValue> {
    PartialDate::day(y as i64, m as i64, d as i64)
        .ok()
        .map(DateValue::Point)
}

/// The date expressions of a sentence, outside quotations.
fn expressions(doc: &Doc, sent: &Sent) -> Vec<Expr> {
    let pub_date = doc.article.date;
    let mut out: Vec<Expr> = Vec::new();
    let mut i = 0;
    let no_date = || Some("the article has no publication date (give --date or front matter `date`)".to_string());
    while let Some(tok) = sent.tokens.get(i) {
        if doc.in_quote(tok.start) {
            i += 1;
            continue;
        }
        let prev = if i > 0 { sent.lower(i - 1) } else { "" };
        let prep_start = |i: usize| -> usize {
            if i > 0
                && matches!(
                    sent.lower(i - 1),
                    "on" | "in"
                        | "since"
                        | "during"
                        | "between"
                        | "from"
                        | "until"
                        | "by"
                        | "through"
                        | "last"
                        | "this"
                        | "next"
                        | "early"
                        | "late"
                        | "mid"
                )
            {
                i - 1
            } else {
                i
            }
        };
        // Weekday, optionally followed by an explicit date: "Thursday, Nov. 21, 2024".
        if let Some(wd) = weekday_of(sent, i) {
            let mut j = i + 1;
            if sent.tokens.get(j).is_some_and(|t| t.is(',')) {
                j += 1;
            }
            let future = is_future_at(sent, i);
            if let Some(mut e) = explicit(doc, sent, j, future) {
                e.start = prep_start(i);
                e.weekday = Some(wd);
                i = e.end;
                out.push(e);
                continue;
            }
            // "in Monday" is not English: "sworn in Monday" is a phrasal verb and a weekday.
            let start = if prev == "in" { i } else { prep_start(i) };
            let mut end = i + 1;
            if matches!(sent.lower(end), "morning" | "afternoon" | "evening" | "night") {
                end += 1;
            }
            let (value, unresolved) = match pub_date {
                None => (None, no_date()),
                Some(d) => {
                    let v = match prev {
                        "last" => add_days(d, -1).and_then(|d| weekday_on_or_before(d, wd)),
                        "next" => add_days(d, 1).and_then(|d| weekday_on_or_after(d, wd)),
                        _ if future => weekday_on_or_after(d, wd),
                        _ => weekday_on_or_before(d, wd),
                    };
                    (v.map(|d| DateValue::Point(PartialDate::from_date(d))), None)
                }
            };
            out.push(Expr {
                start,
                end,
                value,
                relative: true,
                unresolved,
                weekday: None,
                year_inferred: false,
                bare_weekday: !matches!(prev, "last" | "next" | "past" | "coming"),
            });
            i = end;
            continue;
        }
        let future = is_future_at(sent, i);
        if let Some(mut e) = explicit(doc, sent, i, future) {
            e.start = prep_start(i);
            // A weekday in brackets or in apposition after the date names its day: "3 Jan 2025
            // (Friday)", "7 October 2023, a Saturday,".
            if sent.tokens.get(e.end).is_some_and(|t| t.is('('))
                && let Some(wd) = weekday_of(sent, e.end + 1)
                && sent.tokens.get(e.end + 2).is_some_and(|t| t.is(')'))
            {
                e.weekday = Some(wd);
                e.end += 3;
            } else if sent.tokens.get(e.end).is_some_and(|t| t.is(','))
                && sent.lower(e.end + 1) == "a"
                && let Some(wd) = weekday_of(sent, e.end + 2)
            {
                e.weekday = Some(wd);
                e.end += 3;
            }
            i = e.end;
            out.push(e);
            continue;
        }
        // Years and year ranges after a preposition: "In 2020", "between 2003-2004",
        // "from 2003 to 2004".
        if let Some(y) = year_of(sent, i) {
            if matches!(prev, "from" | "between") {
                let joiner = sent.lower(i + 1);
                if matches!(joiner, "to" | "and" | "through" | "until" | "-" | "–")
                    && let Some(y2) = year_of(sent, i + 2)
                    && let (Ok(a), Ok(b)) = (PartialDate::year(y as i64), PartialDate::year(y2 as i64))
                {
                    out.push(Expr {
                        start: i - 1,
                        end: i + 3,
                        value: Some(DateValue::Range(a, b)),
                        relative: false,
                        unresolved: None,
                        weekday: None,
                        year_inferred: false,
                        bare_weekday: false,
                    });
                    i += 3;
                    continue;
                }
            }
            if matches!(
                prev,
                "in" | "during"
                    | "since"
                    | "from"
                    | "between"
                    | "until"
                    | "through"
                    | "of"
                    | "by"
                    | "early"
                    | "late"
                    | "mid"
                    | "year"
            ) && let Ok(p) = PartialDate::year(y as i64)
            {
                out.push(Expr {
                    start: i - 1,
                    end: i + 1,
                    value: Some(DateValue::Point(p)),
                    relative: false,
                    unresolved: None,
                    weekday: None,
                    year_inferred: false,
                    bare_weekday: false,
                });
            }
            i += 1;
            continue;
        }
        if let Some(e) = relative(sent, i, pub_date) {
            i = e.end;
            out.push(e);
            continue;
        }
        i += 1;
    }
    for e in &mut out {
        let Some(DateValue::Point(p)) = e.value else {
            continue;
        };
        // The word may open the expression ("late November") or stand before it ("late last
        // month"), which then takes it in.
        let first = sent.lower(e.start);
        let hyphened = (e.start..e.end)
            .filter_map(|k| sent.lower(k).split_once('-').map(|(part, _)| part))
            .find(|part| matches!(*part, "early" | "mid" | "late"))
            .unwrap_or_default();
        if matches!(first, "early" | "mid" | "late") {
            e.value = Some(part_of(p, first));
        } else if matches!(hyphened, "early" | "mid" | "late") {
            e.value = Some(part_of(p, hyphened));
        } else if e.start > 0 && matches!(sent.lower(e.start - 1), "early" | "mid" | "late") {
            e.value = Some(part_of(p, sent.lower(e.start - 1)));
            e.start -= 1;
        }
    }
    out
}

/// The part of a month or year that "early", "mid" or "late" before it names ("late last
/// month", "in early 2020"), with generous bounds, since writers draw them differently: the
/// first or second half of a month (the middle: days 6 to 25), the first or second half of a
/// year (the middle: April to September). Other dates, and other words, leave `p` whole.
fn part_of(p: PartialDate, word: &str) -> DateValue {
    let whole = DateValue::Point(p);
    let (first, last) = (p.first_day(), p.last_day());
    let days = |a: i8, b: i8| {
        let a = PartialDate::day(first.year() as i64, first.month() as i64, a as i64).ok()?;
        let b = PartialDate::day(first.year() as i64, first.month() as i64, b as i64).ok()?;
        Some(DateValue::Range(a, b))
    };
    let months = |a: i64, b: i64| {
        let y = first.year() as i64;
        Some(DateValue::Range(
            PartialDate::month(y, a).ok()?,
            PartialDate::month(y, b).ok()?,
        ))
    };
    let part = match (p.precision(), word) {
        (Precision::Month, "early") => days(1, 15),
        (Precision::Month, "mid") => days(6, 25),
        (Precision::Month, "late") => days(16, last.day()),
        (Precision::Year, "early") => months(1, 6),
        (Precision::Year, "mid") => months(4, 9),
        (Precision::Year, "late") => months(7, 12),
        _ => None,
    };
    part.unwrap_or(whole)
}

/// Dates written out: "Oct. 7, 2023", "May 20", "November 2024", "21 November 2024",
/// "2024-11-21", "2003-2004", and "in May".
fn explicit(doc: &Doc, sent: &Sent, i: usize, future: bool) -> Option<Expr> {
    let pub_date = doc.article.date;
    let mk = |start, end, value: Option<DateValue>, relative, unresolved| Expr {
        start,
        end,
        value,
        relative,
        unresolved,
        weekday: None,
        // A written-out date that is relative has no year of its own.
        year_inferred: relative,
        bare_weekday: false,
    };
    let needs_year = || Some("the year is not written and the article has no publication date".to_string());
    // "last year" names the year, though relative to the publication date.
    let year_named_mk = |start, end, value| Expr {
        year_inferred: false,
        ..mk(start, end, value, true, None)
    };
    // A day and month without a year: the year the publication date makes likeliest.
    let yearless = |start: usize, end: usize, m: i8, d: i8| match pub_date {
        Some(pd) => mk(
            start,
            end,
            day_value(infer_year(pd, m, Some(d), future), m, d),
            true,
            None,
        ),
        None => mk(start, end, None, true, needs_year()),
    };
    if let Some(m) = month_of(sent, i) {
        let mut j = i + 1;
        if sent.tokens.get(j).is_some_and(|t| t.is('.')) {
            j += 1;
        }
        if let Some(d) = day_of(sent, j) {
            let mut k = j + 1;
            if sent.tokens.get(k).is_some_and(|t| t.is(',')) {
                k += 1;
            }
            if let Some(y) = year_of(sent, k) {
                return Some(mk(i, k + 1, day_value(y, m, d), false, None));
            }
            if let Some(y) = pub_date.and_then(|pd| year_named(sent, j + 1, pd)) {
                return Some(year_named_mk(i, j + 3, day_value(y, m, d)));
            }
            return Some(yearless(i, j + 1, m, d));
        }
        if let Some(y) = year_of(sent, j) {
            return Some(mk(
                i,
                j + 1,
                PartialDate::month(y as i64, m as i64).ok().map(DateValue::Point),
                false,
                None,
            ));
        }
        let prev = if i > 0 { sent.lower(i - 1) } else { "" };
        if matches!(
            prev,
            "in" | "during"
                | "since"
                | "until"
                | "by"
                | "early"
                | "late"
                | "mid"
                | "last"
                | "this"
                | "next"
                | "through"
        ) {
            if let Some(y) = pub_date.and_then(|pd| year_named(sent, i + 1, pd)) {
                let value = PartialDate::month(y as i64, m as i64).ok().map(DateValue::Point);
                return Some(year_named_mk(i, i + 3, value));
            }
            let value = pub_date.and_then(|pd| {
                let y = match prev {
                    "last" => pd.year() - i16::from(m >= pd.month()),
                    "next" => pd.year() + i16::from(m <= pd.month()),
                    "this" => pd.year(),
                    _ => infer_year(pd, m, None, future),
                };
                PartialDate::month(y as i64, m as i64).ok().map(DateValue::Point)
            });
            let unresolved = if value.is_none() { needs_year() } else { None };
            return Some(mk(i, i + 1, value, true, unresolved));
        }
        return None;
    }
    // "21 November [2024]", and "the 21st of November[, 2024]" read the same way.
    if let Some(d) = day_of(sent, i) {
        let of = sent.lower(i + 1) == "of";
        let m_at = if of { i + 2 } else { i + 1 };
        if let Some(m) = month_of(sent, m_at) {
            let mut k = m_at + 1;
            if of && sent.tokens.get(k).is_some_and(|t| t.is(',')) && year_of(sent, k + 1).is_some() {
                k += 1;
            }
            if let Some(y) = year_of(sent, k) {
                return Some(mk(i, k + 1, day_value(y, m, d), false, None));
            }
            if let Some(y) = pub_date.and_then(|pd| year_named(sent, m_at + 1, pd)) {
                return Some(year_named_mk(i, m_at + 3, day_value(y, m, d)));
            }
            return Some(yearless(i, m_at + 1, m, d));
        }
    }
    // ISO dates and year ranges written as one token.
    let t = number(sent, i)?;
    // "21/11/2024", "21.11.2024": day first or month first, as the article's unambiguous numeric
    // dates show; a date that could be read both ways in an article that never says is left
    // alone.
    if let Some((a, b, y)) = super::doc::numeric_date_parts(t) {
        let day_first = match (a > 12, b > 12) {
            (true, false) => true,
            (false, true) => false,
            (false, false) => doc.day_first?,
            (true, true) => return None,
        };
        let (d, m) = if day_first { (a, b) } else { (b, a) };
        let v = PartialDate::day(y, i64::from(m), i64::from(d)).ok()?;
        return Some(mk(i, i + 1, Some(DateValue::Point(v)), false, None));
    }
    let parts: Vec<&str> = t.split(['-', '–', '—']).collect();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
            let v = format!("{y}-{m}-{d}").parse::<PartialDate>().ok()?;
            Some(mk(i, i + 1, Some(DateValue::Point(v)), false, None))
        }
        [y, m] if y.len() == 4 && m.len() == 2 && !t.contains('–') => {
            // "2024-11" is a month; "2023-24" is a season, left alone.
            let month: i64 = m.parse().ok()?;
            if !(1..=12).contains(&month) || sent.lower(i.wrapping_sub(1)) == "between" {
                return None;
            }
            let v = PartialDate::month(y.parse().ok()?, month).ok()?;
            Some(mk(i, i + 1, Some(DateValue::Point(v)), false, None))
        }
        [a, b] if a.len() == 4 && b.len() == 4 => {
            let (a, b) = (
                PartialDate::year(a.parse().ok()?).ok()?,
                PartialDate::year(b.parse().ok()?).ok()?,
            );
            (b >= a).then(|| mk(i, i + 1, Some(DateValue::Range(a, b)), false, None))
        }
        _ => None,
    }
}

/// "yesterday", "today", "last year", "this month", "earlier this month", "two days ago".
fn relative(sent: &Sent, i: usize, pub_date: Option<Date>) -> Option<Expr> {
    let w = sent.lower(i);
    let mk = |start, end, value: Option<DateValue>| Expr {
        start,
        end,
        unresolved: value.is_none().then(|| match pub_date {
            None => "the article has no publication date (give --date or front matter `date`)".to_string(),
            Some(_) => "the date falls outside the years 0000-9999".to_string(),
        }),
        value,
        relative: true,
        weekday: None,
        year_inferred: false,
        bare_weekday: false,
    };
    let day = |d: Option<Date>| d.map(|d| DateValue::Point(PartialDate::from_date(d)));
    match w {
        "yesterday" => return Some(mk(i, i + 1, day(pub_date.and_then(|d| add_days(d, -1))))),
        "today" | "tonight" => return Some(mk(i, i + 1, day(pub_date))),
        "tomorrow" => return Some(mk(i, i + 1, day(pub_date.and_then(|d| add_days(d, 1))))),
        _ => {}
    }
    // [earlier|later] (last|this|next) (week|month|year)
    let (start, which) = if matches!(w, "earlier" | "later") && sent.lower(i + 1) == "this" {
        (i, i + 1)
    } else {
        (i, i)
    };
    let which_word = sent.lower(which);
    let unit = sent.lower(which + 1);
    if matches!(which_word, "last" | "this" | "next" | "past") && matches!(unit, "week" | "month" | "year") {
        let shift: i64 = match which_word {
            "last" | "past" => -1,
            "next" => 1,
            _ => 0,
        };
        let value = pub_date.and_then(|d| period(d, unit, shift));
        return Some(mk(start, which + 2, value));
    }
    // "two days ago", "a week ago"
    if sent.lower(i + 2) == "ago" {
        let count = match w {
            "a" | "an" | "one" => Some(1),
            "two" => Some(2),
            "three" => Some(3),
            "four" => Some(4),
            "five" => Some(5),
            "six" => Some(6),
            "seven" => Some(7),
            other => other.parse::<i64>().ok(),
        }?;
        let unit = sent.lower(i + 1);
        let days = match unit.trim_end_matches('s') {
            "day" => count,
            // A count too large for the calendar is no date (7 × it could overflow).
            "week" => count.checked_mul(7)?,
            _ => return None,
        };
        return Some(mk(i, i + 3, day(pub_date.and_then(|d| add_days(d, -days)))));
    }
    None
}

/// The week, month or year of `d`, shifted by `shift` of them.
fn period(d: Date, unit: &str, shift: i64) -> Option<DateValue> {
    match unit {
        "year" => PartialDate::year(d.year() as i64 + shift).ok().map(DateValue::Point),
        "month" => {
            let total = d.year() as i64 * 12 + d.month() as i64 - 1 + shift;
            PartialDate::month(total.div_euclid(12), total.rem_euclid(12) + 1)
                .ok()
                .map(DateValue::Point)
        }
        _ => {
            let monday = weekday_on_or_before(d, Weekday::Monday)?;
            let first = add_days(monday, 7 * shift)?;
            let last = add_days(first, 6)?;
            Some(DateValue::Range(
                PartialDate::from_date(first),
                PartialDate::from_date(last),
            ))
        }
    }
}

/// The sentence's stems for matching event aliases, with the word each stem comes from and
/// the cost of skipping it. Inside a claimed title with its name ("then-ICC Prosecutor Fatou
/// Bensouda") or a known name ("the International Criminal Court's") only the first stem costs
/// anything, so the whole counts as one word; the words of a date cost nothing.
fn stems_of(sent: &Sent, roles: &[Range<usize>], dates: &[Range<usize>]) -> Stems {
    let mut stems = Vec::new();
    let mut at = Vec::new();
    let mut costs = Vec::new();
    let mut participles = Vec::new();
    // ", who was assassinated in Tehran,": a relative clause between commas is an aside, free to
    // skip, so "the request concerning Haniyeh, who …, was withdrawn" still meets its alias.
    let mut aside = vec![false; sent.tokens.len()];
    for (c, t) in sent.tokens.iter().enumerate() {
        if t.is(',') && matches!(sent.lower(c + 1), "who" | "which" | "whom" | "whose") {
            let close =
                (c + 2..(c + 14).min(sent.tokens.len())).find(|&j| sent.tokens.get(j).is_some_and(|t| t.is(',')));
            if let Some(close) = close {
                for a in aside.get_mut(c + 1..close).unwrap_or_default() {
                    *a = true;
                }
            }
        }
    }
    for (i, t) in sent.tokens.iter().enumerate() {
        if t.kind == TokenKind::Punct {
            continue;
        }
        // A date inside a phrase is an adverbial: "asked the court in May to issue warrants"
        // still says "asked the court to issue warrants".
        let inner = roles.iter().any(|r| r.start < i && i < r.end) || dates.iter().any(|d| d.contains(&i));
        for (k, s) in phrase_stems(t.text).into_iter().enumerate() {
            let free = inner
                || aside.get(i).copied().unwrap_or(false)
                || is_determiner_stem(&s)
                || (k > 0 && roles.iter().any(|r| r.start <= i && i < r.end));
            stems.push(s);
            at.push(i);
            costs.push(u8::from(!free));
            // "the warrants issued on November 21st": a participle right before a date is a
            // reduced relative clause, passive too.
            participles.push(
                passive_participle(sent, i) || (is_participle(sent.lower(i)) && dates.iter().any(|d| d.start == i + 1)),
            );
        }
    }
    Stems {
        stems,
        at,
        costs,
        participles,
    }
}

/// A sentence's stems for matching event aliases ([`stems_of`]).
struct Stems {
    stems: Vec<String>,
    /// The word each stem comes from.
    at: Vec<usize>,
    /// What skipping each stem costs.
    costs: Vec<u8>,
    /// Whether each stem's word is a past participle in the passive.
    participles: Vec<bool>,
}

/// Whether a word (lower case) looks like a past participle: "issued", "withdrawn", "sought".
fn is_participle(w: &str) -> bool {
    (w.len() > 4 && (w.ends_with("ed") || w.ends_with("en") || w.ends_with("wn"))) || is(IRREGULAR_PAST, w)
}

/// Whether word `i` is a past participle in the passive: "were issued", "was formally
/// withdrawn", or after a comma ("the warrants, issued on Thursday").
fn passive_participle(sent: &Sent, i: usize) -> bool {
    if !is_participle(sent.lower(i)) || i == 0 {
        return false;
    }
    let mut b = i - 1;
    if sent.lower(b).ends_with("ly") && b > 0 {
        b -= 1;
    }
    sent.tokens.get(b).is_some_and(|t| t.is(','))
        || matches!(sent.lower(b), "was" | "were" | "been" | "being" | "be" | "is" | "are")
}

/// An event alias found in a sentence, by word positions.
struct Found {
    event: EventId,
    start: usize,
    end: usize,
    words: usize,
}

/// Nouns after which "to" + an event names the event itself ("the decision to issue warrants"),
/// where after a verb it names only an intention ("asked the court to issue warrants").
const FACTIVE: &[&str] = &[
    "decision",
    "decisions",
    "move",
    "vote",
    "ruling",
    "order",
    "resolution",
    "verdict",
];

/// Whether the alias at `f` names an intention rather than a fact: "to" before it, after
/// anything but a factive noun.
fn hypothetical(sent: &Sent, f: &Found) -> bool {
    if f.start == 0 || sent.lower(f.start - 1) != "to" {
        return false;
    }
    // "The decision of the court last Thursday to issue arrest warrants": the noun that makes
    // the infinitive a fact may stand a few words back, before its complements.
    let factive = (f.start.saturating_sub(10)..f.start - 1)
        .rev()
        .take_while(|&i| sent.is_word(i) && !sent.is_reporting_verb(i))
        .any(|i| is(FACTIVE, sent.lower(i)));
    !factive
}

/// The distance in words from `a` to `b` (exclusive) for linking, or None if a clause boundary,
/// a reporting verb or another date lies between. A name or a claimed title counts as one word.
fn distance(sent: &Sent, a: usize, b: usize, units: &[Range<usize>], dates: &[Range<usize>]) -> Option<usize> {
    if dates.iter().any(|d| d.start >= a && d.end <= b) {
        return None;
    }
    let mut d = 0;
    let mut i = a;
    while i < b {
        if let Some(u) = units.iter().find(|u| u.start == i && u.end <= b) {
            d += 1;
            i = u.end;
            continue;
        }
        // `i < b`, and `b` (the first word of a date or of an event's alias) is a word of the
        // sentence: never None.
        let t = sent.tokens.get(i)?;
        let w = sent.lower(i);
        if t.kind == TokenKind::Punct {
            if t.is(';') || t.is(':') || t.is('—') || t.is('(') || t.is(')') {
                return None;
            }
            if t.is(',') && (is(lexicon::CLAUSE_BREAKS, sent.lower(i + 1)) || sent.lower(i + 1) == "and") {
                return None;
            }
        } else {
            if is(lexicon::CLAUSE_BREAKS, w) || sent.is_reporting_verb(i) {
                return None;
            }
            d += 1;
        }
        i += 1;
    }
    Some(d)
}

/// Where each date of a sentence points: events (nearest first), or a statement.
struct Link {
    events: Vec<EventId>,
    linked_by: Option<String>,
    statement_by: Option<Speaker>,
    /// The event is named as the object of a reaction or a report ("condemned the arrest
    /// warrants on Friday"): the date may be the reaction's.
    reported: bool,
}

/// Irregular past forms that make an alias a verb phrase.
const IRREGULAR_PAST: &[&str] = &[
    "began", "begun", "took", "taken", "became", "won", "sought", "struck", "swore", "sworn", "made", "held", "met",
    "led", "broke", "brought", "left", "ran", "went", "came", "fought", "laid", "set", "put", "threw", "chose",
];

/// Whether the alias matched at `f` is a verb phrase ("issued arrest warrants", "to issue
/// warrants", "the war began") rather than a bare noun phrase ("the arrest warrants"): a date
/// next to a verb phrase dates that verb, a date next to a noun phrase may date the verb that
/// governs it.
fn verbal(sent: &Sent, f: &Found) -> bool {
    // An occasion of speech ("the Pentagon briefing") is the reaction itself.
    (f.start..f.end).any(|i| is(lexicon::SPEECH_NOUNS, sent.lower(i)))
        || (f.start >= 1 && sent.lower(f.start - 1) == "to")
        || (f.start..f.end).any(|i| {
            let w = sent.lower(i);
            sent.is_word(i)
                && sent.tokens.get(i).is_some_and(|t| !t.is_capitalized())
                && ((w.len() > 4 && w.ends_with("ed")) || is(IRREGULAR_PAST, w))
        })
}

/// Whether a reaction or report (not an announcement) governs the words before `to` in the
/// sentence: "Biden condemned …", "the Pentagon said it rejects …".
fn governed_by_reaction(sent: &Sent, to: usize) -> bool {
    (0..to).any(|i| {
        let w = sent.lower(i);
        (sent.is_reporting_verb(i) && !w.starts_with("announc")) || is(lexicon::SPEECH_NOUNS, w)
    })
}

/// Every date claim of the article, linked to events or statements.
pub fn extract(doc: &Doc, roles: &[Claim]) -> Vec<Claim> {
    let mut claims = Vec::new();
    // The role claims of each sentence (looking through all of them for each sentence was
    // quadratic in the article's length).
    let mut roles_of: std::collections::HashMap<(usize, usize), Vec<&Claim>> = std::collections::HashMap::new();
    for c in roles {
        roles_of.entry((c.sentence.start, c.sentence.end)).or_default().push(c);
    }
    for (si, sent) in doc.sentences.iter().enumerate() {
        let exprs = expressions(doc, sent);
        if exprs.is_empty() {
            continue;
        }
        // Names and claimed titles count as one word when measuring distance.
        let mut units: Vec<Range<usize>> = Vec::new();
        for c in roles_of.get(&(sent.range.start, sent.range.end)).into_iter().flatten() {
            // Tokens are in order: the one starting at the claim, the first ending at or after it.
            let a = sent.tokens.partition_point(|t| t.start < c.span.start);
            let b = sent.tokens.partition_point(|t| t.end < c.span.end);
            if let (Some(a), Some(b)) = (
                sent.tokens.get(a).filter(|t| t.start == c.span.start).map(|_| a),
                sent.tokens.get(b).map(|_| b),
            ) {
                units.push(a..b + 1);
            }
        }
        for h in &sent.hits {
            if h.person().is_some() || h.body().is_some() {
                units.push(h.start..h.end);
            }
        }
        units.sort_by_key(|u| (u.start, std::cmp::Reverse(u.end)));
        let date_ranges: Vec<Range<usize>> = exprs.iter().map(|e| e.start..e.end).collect();
        let Stems {
            stems,
            at,
            costs,
            participles,
        } = stems_of(sent, &units, &date_ranges);

        // A match spans stems `m.start..m.end` (at least one) of `stems`, each with its word in `at`.
        let found: Vec<Found> = doc
            .kb
            .event_index
            .find_with_participles(&stems, &costs, &participles)
            .into_iter()
            .filter_map(|m| {
                Some(Found {
                    event: m.event,
                    start: *at.get(m.start)?,
                    end: *at.get(m.end.checked_sub(1)?)? + 1,
                    words: m.words,
                })
            })
            .collect();
        let ranges: Vec<Range<usize>> = exprs.iter().map(|e| e.start..e.end).collect();
        let mut links: Vec<Option<Link>> = Vec::new();
        let mut taken: Vec<usize> = Vec::new();
        for (k, e) in exprs.iter().enumerate() {
            let others: Vec<Range<usize>> = ranges
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != k)
                .map(|(_, r)| r.clone())
                .collect();
            let (link, used) = link(doc, sent, e, &found, &units, &others);
            if let Some(u) = used {
                taken.push(u);
            }
            links.push(link);
        }
        // A date that opens the sentence ("In 2020, …") sets the time of the whole sentence:
        // it is given to the events no other date of the sentence took.
        for (e, slot) in exprs.iter().zip(links.iter_mut()) {
            // Also a timeline entry: "2024-11-21: warrants issued", "Nov. 21 — warrants issued".
            // A clause after a semicolon opens the same way ("…; in April 2021, Biden lifted them").
            let clause_start = e.start == 0 || sent.tokens.get(e.start - 1).is_some_and(|t| t.is(';'));
            let opens = clause_start
                && sent.tokens.get(e.end).is_some_and(|t| {
                    t.is(',') || t.is(':') || t.is('—') || t.is('–') || t.is('-') || t.kind != TokenKind::Punct
                });
            let clause_end = sent
                .tokens
                .get(e.end..)
                .and_then(|rest| rest.iter().position(|t| t.is(';')))
                .map_or(sent.tokens.len(), |i| e.end + i);
            if !opens
                || slot
                    .as_ref()
                    .is_some_and(|l| !l.events.is_empty() || l.statement_by.is_some())
            {
                continue;
            }
            let mut events: Vec<EventId> = Vec::new();
            let mut first: Option<&Found> = None;
            for (fi, f) in found.iter().enumerate() {
                if f.start < e.end || f.end > clause_end || taken.contains(&fi) || hypothetical(sent, f) {
                    continue;
                }
                if !events.contains(&f.event) {
                    events.push(f.event);
                    first = first.or(Some(f));
                }
            }
            if let Some(f) = first {
                // What someone said or did about an event is not dated by it: "On Monday,
                // Netanyahu said the arrest warrants were antisemitic." Nor is a thing named in
                // a subordinate clause: "In November, as judges weighed the requests for
                // arrest warrants, he wrote …" dates the writing.
                let subordinate = (e.end..f.start).any(|i| {
                    let w = sent.lower(i);
                    is(lexicon::CLAUSE_BREAKS, w) || w == "as"
                });
                let reported = !verbal(sent, f) && (governed_by_reaction(sent, f.start) || subordinate);
                *slot = Some(Link {
                    events,
                    linked_by: doc.words(sent, f.start, f.end - 1).map(str::to_string),
                    statement_by: None,
                    reported,
                });
            }
        }
        let previous = si
            .checked_sub(1)
            .and_then(|p| doc.sentences.get(p))
            .filter(|p| p.paragraph == sent.paragraph);
        if let Some(prev) = previous {
            link_back(doc, sent, prev, &exprs, &found, &mut links);
        }
        for (e, l) in exprs.iter().zip(links) {
            // An expression spans at least one word of the sentence: never skipped.
            let Some((span, text)) = e
                .end
                .checked_sub(1)
                .and_then(|last| sent.span(e.start, last))
                .and_then(|span| Some((span.clone(), doc.article.text.get(span)?)))
            else {
                continue;
            };
            let l = l.unwrap_or(Link {
                events: Vec::new(),
                linked_by: None,
                statement_by: None,
                reported: false,
            });
            claims.push(Claim {
                kind: ClaimKind::Date,
                text: text.to_string(),
                span,
                sentence: sent.range.clone(),
                ignored: sent.ignored,
                detail: Detail::Date(DateClaim {
                    precision: e.value.map(|v| v.precision()),
                    value: e.value,
                    relative: e.relative,
                    year_inferred: e.year_inferred,
                    unresolved: e.unresolved.clone(),
                    mentioned: if l.events.is_empty() {
                        let mut m: Vec<EventId> = Vec::new();
                        for f in &found {
                            if !m.contains(&f.event) && !hypothetical(sent, f) {
                                m.push(f.event);
                            }
                        }
                        m
                    } else {
                        Vec::new()
                    },
                    events: l.events,
                    statement_by: l.statement_by,
                    linked_by: l.linked_by,
                    reported: l.reported,
                    weekday: e.weekday.map(|w| weekday_name(w).to_string()),
                    bare_weekday: e.bare_weekday,
                }),
            });
        }
    }
    claims
}

/// Links one date: to the nearest event alias on its left in the same clause, or right after
/// it ("the Oct. 7, 2023, terror attacks"), or in a "when" clause after it; or to the statement
/// of the speaker when a reporting verb or occasion of speech comes first. Returns the link and
/// the index of the alias used.
/// The event aliases a sentence names, each with the stems of the words it matched and of the
/// three before them (the noun an alias hangs on: "an executive order authorizing sanctions"),
/// and the stems of all its words.
fn events_named(doc: &Doc, sent: &Sent) -> (Vec<(EventId, Vec<String>)>, Vec<String>) {
    let Stems {
        stems,
        costs,
        participles,
        ..
    } = stems_of(sent, &[], &[]);
    let named = doc
        .kb
        .event_index
        .find_with_participles(&stems, &costs, &participles)
        .into_iter()
        .filter_map(|m| Some((m.event, stems.get(m.start.saturating_sub(3)..m.end)?.to_vec())))
        .collect();
    (named, stems)
}

/// A sentence that opens with a definite noun phrase ("The executive order, signed on June 11,
/// 2020, …") may name the event of the sentence before it ("Trump signed an executive order …"):
/// its head is a word of that event's alias or of the three before it ("order"), and a word
/// between it and the date
/// repeats a word of the sentence before ("signed"). Only then does the date go to that event;
/// the repeated verb keeps other dates of the same thing ("The order, extended on …") from being
/// given to it.
fn link_back(doc: &Doc, sent: &Sent, prev: &Sent, exprs: &[Expr], found: &[Found], links: &mut [Option<Link>]) {
    let unlinked = |l: &Option<Link>| {
        l.as_ref()
            .is_none_or(|l| l.events.is_empty() && l.statement_by.is_none())
    };
    if !links.iter().any(unlinked) || !matches!(sent.lower(0), "the" | "this" | "that") {
        return;
    }
    // The noun phrase: up to three words after the determiner, ending before the first mark.
    let np_end = (1..=3)
        .take_while(|&k| sent.tokens.get(k).is_some_and(|t| t.kind != TokenKind::Punct))
        .last();
    let Some(head_at) = np_end else {
        return;
    };
    // A name is not an event's head word ("The court, founded in 2002, …").
    if sent.hits.iter().any(|h| h.start <= head_at && head_at < h.end) {
        return;
    }
    let Some(head) = sent.tokens.get(head_at).and_then(|t| phrase_stems(t.text).pop()) else {
        return;
    };
    let (named, before) = events_named(doc, prev);
    for (e, slot) in exprs.iter().zip(links.iter_mut()) {
        if !unlinked(slot) || e.start <= head_at || e.start > head_at + 8 {
            continue;
        }
        // An alias of this sentence before the date takes it instead.
        if found.iter().any(|f| f.start < e.start) {
            continue;
        }
        let between: Vec<String> = (head_at + 1..e.start)
            .filter_map(|i| sent.tokens.get(i))
            .flat_map(|t| phrase_stems(t.text))
            .filter(|s| !is(lexicon::STOP_WORDS, s))
            .collect();
        // Every event the phrase may name: an alias shared by two events passes a date that fits either.
        let mut events: Vec<EventId> = Vec::new();
        for (event, stems) in &named {
            if stems.contains(&head) && between.iter().any(|w| before.contains(w)) && !events.contains(event) {
                events.push(*event);
            }
        }
        if events.is_empty() {
            continue;
        }
        *slot = Some(Link {
            events,
            linked_by: doc.words(sent, 0, head_at).map(str::to_string),
            statement_by: None,
            reported: false,
        });
    }
}

fn link(
    doc: &Doc,
    sent: &Sent,
    e: &Expr,
    found: &[Found],
    units: &[Range<usize>],
    others: &[Range<usize>],
) -> (Option<Link>, Option<usize>) {
    // "served as press secretary until Monday": a bound of a time, not the date of an event.
    let first = sent.lower(e.start);
    let before = if e.start > 0 { sent.lower(e.start - 1) } else { "" };
    if [first, before].iter().any(|w| matches!(*w, "until" | "since" | "till")) {
        return (None, None);
    }
    // "in May, when he applied for arrest warrants"

    let mut when_at = e.end;
    if sent.tokens.get(when_at).is_some_and(|t| t.is(',')) {
        when_at += 1;
    }
    let when = sent.lower(when_at) == "when";
    let mut best: Vec<(usize, bool, usize, usize)> = Vec::new();
    for (fi, f) in found.iter().enumerate() {
        let factive_before_date = f.start == e.end + 1 && e.start >= 1 && is(FACTIVE, sent.lower(e.start - 1));
        if hypothetical(sent, f) && !factive_before_date {
            continue;
        }
        let d = if f.end <= e.start {
            distance(sent, f.end, e.start, units, others)
                .filter(|d| *d <= 15)
                .map(|d| (d, true))
        } else if f.start >= e.end {
            if when && f.start > when_at {
                distance(sent, when_at + 1, f.start, units, others)
                    .filter(|d| *d <= 4)
                    .map(|d| (d, false))
            } else {
                // Only a noun right after the date, or after its comma, is dated by it; or what
                // a factive noun before the date introduces ("the decision on Thursday to issue
                // arrest warrants").
                sent.tokens.get(e.end..f.start).and_then(|gap| {
                    let factive = e.start >= 1
                        && is(FACTIVE, sent.lower(e.start - 1))
                        && gap.len() == 1
                        && sent.lower(e.end) == "to";
                    (gap.iter().all(|t| t.is(',')) || factive).then_some((0, false))
                })
            }
        } else {
            // A match around the date dates it, unless the date stands in an aside the match
            // jumps over: in "Israel's challenge to that jurisdiction, filed on 23 September,
            // was rejected", the date is the filing's, not the rejection's.
            let comma_in = |r: Range<usize>| sent.tokens.get(r).is_some_and(|ts| ts.iter().any(|t| t.is(',')));
            let aside = comma_in(f.start..e.start) && comma_in(e.end..f.end);
            (!aside).then_some((0, true))
        };
        if let Some((d, left)) = d {
            best.push((d, !left, f.words, fi));
        }
    }
    best.sort_by_key(|a| (a.0, a.1, std::cmp::Reverse(a.2)));
    let speech = speech_cue(doc, sent, e);
    let event_distance = best.first().map(|b| b.0);
    // A cue that is itself a word of the event's alias ("Herzog condemned …") names the event.
    let cue_in_event = |cue: usize| {
        best.first()
            .and_then(|b| found.get(b.3))
            .is_some_and(|f| (f.start..f.end).contains(&cue))
    };
    match (speech, event_distance) {
        (Some((cue_d, cue_at, cue_word, who)), ed) if ed.is_none_or(|ed| cue_d < ed) && !cue_in_event(cue_at) => (
            Some(Link {
                events: Vec::new(),
                linked_by: Some(cue_word),
                statement_by: who.and_then(|w| w.speaker()),
                reported: false,
            }),
            None,
        ),
        (_, Some(d0)) => {
            let mut events: Vec<EventId> = Vec::new();
            for f in best.iter().filter(|b| b.0 == d0).filter_map(|b| found.get(b.3)) {
                if !events.contains(&f.event) {
                    events.push(f.event);
                }
            }
            // `best` holds indices into `found`, and is not empty: `d0` is its first distance.
            let Some((fi, f)) = best.first().and_then(|b| Some((b.3, found.get(b.3)?))) else {
                return (None, None);
            };
            let phrase = doc.words(sent, f.start, f.end - 1).map(str::to_string);
            // A noun phrase on the date's left, under a reaction: "Biden condemned the arrest
            // warrants on Friday" may date the condemning.
            let reported = (f.end <= e.start && !verbal(sent, f) && governed_by_reaction(sent, f.start))
                || relative_to_a_dated_report(sent, e, others);
            (
                Some(Link {
                    events,
                    linked_by: phrase,
                    statement_by: None,
                    reported,
                }),
                Some(fi),
            )
        }
        _ => (None, None),
    }
}

/// Whether `e` is a relative date in what a dated report said: in "A Nov. 19 report said that
/// Thune had posted his threat on Monday", "Monday" may count from the report's day, not the
/// article's, so its day is not certain.
fn relative_to_a_dated_report(sent: &Sent, e: &Expr, others: &[Range<usize>]) -> bool {
    e.relative && (1..e.start).any(|v| sent.is_reporting_verb(v) && others.iter().any(|r| r.end <= v))
}

/// A reporting verb or an occasion of speech just before the date, and who spoke.
fn speech_cue(doc: &Doc, sent: &Sent, e: &Expr) -> Option<(usize, usize, String, Option<Who>)> {
    let mut d = 0;
    let mut i = e.start;
    while i > 0 && d < 4 {
        i -= 1;
        let w = sent.lower(i);
        if matches!(
            w,
            "on" | "a"
                | "an"
                | "the"
                | "its"
                | "his"
                | "her"
                | "their"
                | "press"
                | "news"
                | "written"
                | "joint"
                | "late"
                | "early"
                | "this"
                | "in"
                | "during"
                | "at"
        ) {
            continue;
        }
        // "a post on X on Nov. 17", "a post on social media"; "his post as minister" is a job,
        // and so is "named to the post on Wednesday" (the "on" there is the date's).
        let post = matches!(w, "post" | "posts") && sent.lower(i + 1) == "on" && i + 2 < e.start;
        if sent.is_reporting_verb(i) || is(lexicon::SPEECH_NOUNS, w) || post {
            // "In a post on X on Nov. 17, Thune warned …": an opening phrase names the occasion,
            // and the speaker is the subject after it.
            let who = subject_before(doc, sent, i).or_else(|| subject_after_opening(doc, sent, e));
            return Some((d, i, sent.tokens.get(i)?.text.to_string(), who));
        }
        if !sent.is_word(i) {
            return None;
        }
        d += 1;
    }
    None
}

/// The person who opens the main clause right after a date that ends an opening phrase ("…
/// on Nov. 17, Thune warned"): a known name, or a subject pronoun.
fn subject_after_opening(doc: &Doc, sent: &Sent, e: &Expr) -> Option<Who> {
    if !sent.tokens.get(e.end).is_some_and(|t| t.is(',')) {
        return None;
    }
    let k = e.end + 1;
    // A title may come first: "…, Senate Republican leader John Thune said".
    for j in k..(k + 6).min(sent.tokens.len()) {
        if let Some(h) = sent.person_at(j) {
            return doc.person(h.person()?);
        }
        if !sent.is_word(j) || sent.is_reporting_verb(j) {
            break;
        }
    }
    let w = sent.lower(k);
    if matches!(w, "he" | "she" | "they") {
        return doc.resolve_pronoun(w, sent.tokens.get(k)?.start);
    }
    None
}

/// The speaker of the clause whose verb or speech noun is word `v`: the nearest person named
/// before it in the sentence, or a subject pronoun (one that opens a clause, not an object as in
/// "called it"), resolved to the last fitting mention; failing both, the nearest body.
pub fn subject_before(doc: &Doc, sent: &Sent, v: usize) -> Option<Who> {
    let mut body = None;
    for (i, tok) in sent.tokens.iter().enumerate().take(v).rev() {
        if doc.in_quote(tok.start) {
            continue;
        }
        if let Some(h) = sent
            .hits_ending_at(i)
            .find(|h| h.person().is_some() && h.prefix.is_none())
        {
            return doc.person(h.person()?);
        }
        // Mentions are in order of offset: found by bisection (a scan of them all for each word
        // was quadratic in a long paragraph).
        let at = doc.mentions.partition_point(|m| m.offset < tok.start);
        if let Some(m) = doc
            .mentions
            .get(at..)
            .unwrap_or_default()
            .iter()
            .take_while(|m| m.offset == tok.start)
            .find(|m| matches!(m.who, Who::Person { id: None, .. }))
        {
            return Some(m.who.clone());
        }
        let w = sent.lower(i);
        let opens_clause = i == 0
            || !sent.is_word(i - 1)
            || matches!(
                sent.lower(i - 1),
                "and" | "but" | "while" | "as" | "when" | "that" | "because"
            );
        if matches!(w, "he" | "she" | "it" | "they") && opens_clause {
            return doc.resolve_pronoun(w, tok.start).or(body);
        }
        if body.is_none()
            && let Some(h) = sent.hits_ending_at(i).find(|h| {
                h.body().is_some()
                    && !h.possessive
                    && !h
                        .entries
                        .iter()
                        .any(|e| matches!(e, super::gazetteer::Entry::BodyAdjective(_)))
            })
        {
            body = h.body().map(Who::Body);
        }
    }
    body
}
