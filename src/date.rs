//! The one date type of factcheck: a calendar date known to a precision (year, month or day),
//! ranges of such dates, and the weekday arithmetic that relative expressions need.
//!
//! Rules and articles both state dates imprecisely ("in 2020", "from 2022", "in May"), and the
//! precision is part of the meaning: "in 2020" is every day of 2020, not 1 January. So every date
//! here can be turned into the inclusive [`Interval`] of days it may denote, and verdicts compare
//! intervals rather than points.

use std::fmt;
use std::str::FromStr;

pub use jiff::civil::{Date, Weekday};
use serde::Serialize;

/// How exactly a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// A single day.
    Day,
    /// A calendar month.
    Month,
    /// A calendar year.
    Year,
    /// A span between two dates.
    Range,
}

impl fmt::Display for Precision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
            Precision::Range => "range",
        })
    }
}

/// Why a written date is not a calendar date.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// The text is not of the form `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[error("dates are written YYYY, YYYY-MM or YYYY-MM-DD")]
    Form,
    /// The month is not 1 to 12.
    #[error("month {0} does not exist (months run from 01 to 12)")]
    Month(i64),
    /// The day does not exist in that month.
    #[error("{year:04}-{month:02} has no day {day} (it has {days} days)")]
    Day {
        /// The year written.
        year: i16,
        /// The month written.
        month: i8,
        /// The day written.
        day: i64,
        /// How many days the month has.
        days: i8,
    },
    /// The year is outside 0000–9999.
    #[error("year {0} is outside 0000-9999")]
    Year(i64),
}

/// A calendar date known to the precision of a year, a month or a day.
///
/// Ordering compares the first day, then the precision, so sorting gives chronological order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    year: i16,
    month: Option<i8>,
    day: Option<i8>,
}

impl PartialDate {
    /// A whole year.
    pub fn year(year: i64) -> Result<Self, DateError> {
        if !(0..=9999).contains(&year) {
            return Err(DateError::Year(year));
        }
        Ok(PartialDate {
            year: year as i16,
            month: None,
            day: None,
        })
    }

    /// A whole month of a year.
    pub fn month(year: i64, month: i64) -> Result<Self, DateError> {
        let y = Self::year(year)?;
        if !(1..=12).contains(&month) {
            return Err(DateError::Month(month));
        }
        Ok(PartialDate {
            month: Some(month as i8),
            ..y
        })
    }

    /// One day.
    pub fn day(year: i64, month: i64, day: i64) -> Result<Self, DateError> {
        let m = Self::month(year, month)?;
        let first = m.first_day();
        let days = first.days_in_month();
        if !(1..=days as i64).contains(&day) {
            return Err(DateError::Day {
                year: m.year,
                month: month as i8,
                day,
                days,
            });
        }
        Ok(PartialDate {
            day: Some(day as i8),
            ..m
        })
    }

    /// The day `date`, at day precision. (A date outside 0000–9999, which no function of
    /// this module returns, is kept as it is.)
    pub fn from_date(date: Date) -> Self {
        PartialDate {
            year: date.year(),
            month: Some(date.month()),
            day: Some(date.day()),
        }
    }

    /// How exactly this date is known.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (_, Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            (None, None) => Precision::Year,
        }
    }

    /// The year.
    pub fn year_number(&self) -> i16 {
        self.year
    }

    /// The first day this date may denote.
    pub fn first_day(&self) -> Date {
        // Constructors validated every field, so the date exists.
        Date::new(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1)).unwrap_or(Date::MIN)
    }

    /// The last day this date may denote.
    pub fn last_day(&self) -> Date {
        match (self.month, self.day) {
            (Some(_), Some(_)) => self.first_day(),
            (Some(_), None) => self.first_day().last_of_month(),
            _ => Date::new(self.year, 12, 31).unwrap_or(Date::MAX),
        }
    }

    /// Every day this date may denote.
    pub fn interval(&self) -> Interval {
        Interval {
            first: self.first_day(),
            last: self.last_day(),
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl FromStr for PartialDate {
    type Err = DateError;

    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (exactly four, two and two digits).
    fn from_str(s: &str) -> Result<Self, DateError> {
        let parts: Vec<&str> = s.split('-').collect();
        let widths = [4, 2, 2];
        if parts.is_empty() || parts.len() > 3 {
            return Err(DateError::Form);
        }
        let mut numbers = [0i64; 3];
        // At most three parts (checked above), so `zip` stops at the last part, never early.
        for ((part, width), number) in parts.iter().zip(widths).zip(&mut numbers) {
            if part.len() != width || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(DateError::Form);
            }
            *number = part.parse().map_err(|_| DateError::Form)?;
        }
        match parts.len() {
            1 => PartialDate::year(numbers[0]),
            2 => PartialDate::month(numbers[0], numbers[1]),
            _ => PartialDate::day(numbers[0], numbers[1], numbers[2]),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// An inclusive span of days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Interval {
    /// The first day.
    pub first: Date,
    /// The last day (inclusive).
    pub last: Date,
}

impl Interval {
    /// The single day `d`.
    pub fn day(d: Date) -> Self {
        Interval { first: d, last: d }
    }

    /// Whether `d` is one of the days.
    pub fn contains(&self, d: Date) -> bool {
        self.first <= d && d <= self.last
    }

    /// Whether the two spans share a day.
    pub fn overlaps(&self, other: &Interval) -> bool {
        self.first <= other.last && other.first <= self.last
    }

    /// Whether every day of `self` is a day of `other`.
    pub fn within(&self, other: &Interval) -> bool {
        other.first <= self.first && self.last <= other.last
    }

    /// How many days it covers.
    pub fn len_days(&self) -> i64 {
        days_between(self.first, self.last) + 1
    }

    /// How many days lie between the two spans (0 when they share or touch a day).
    pub fn gap_days(&self, other: &Interval) -> i64 {
        if self.overlaps(other) {
            0
        } else if self.last < other.first {
            days_between(self.last, other.first)
        } else {
            days_between(other.last, self.first)
        }
    }
}

/// The number of days from `a` to `b` (negative when `b` is earlier).
pub fn days_between(a: Date, b: Date) -> i64 {
    // Both dates are in jiff's range, whose span in days fits easily in an i64.
    a.until(b).map(|s| i64::from(s.get_days())).unwrap_or(0)
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.first == self.last {
            write!(f, "{}", self.first)
        } else {
            write!(f, "{}/{}", self.first, self.last)
        }
    }
}

/// What a date expression means: one partial date, or a range between two.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateValue {
    /// A day, a month or a year.
    Point(PartialDate),
    /// From the first date through the second, inclusive.
    Range(PartialDate, PartialDate),
}

impl DateValue {
    /// Every day the expression may denote.
    pub fn interval(&self) -> Interval {
        match self {
            DateValue::Point(p) => p.interval(),
            DateValue::Range(a, b) => Interval {
                first: a.first_day(),
                last: b.last_day(),
            },
        }
    }

    /// How exactly the expression is known.
    pub fn precision(&self) -> Precision {
        match self {
            DateValue::Point(p) => p.precision(),
            DateValue::Range(..) => Precision::Range,
        }
    }
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateValue::Point(p) => write!(f, "{p}"),
            DateValue::Range(a, b) => write!(f, "{a}/{b}"),
        }
    }
}

impl Serialize for DateValue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Whether `date` lies in the years 0000–9999, the only ones factcheck reads and writes.
pub fn in_range(date: Date) -> bool {
    (0..=9999).contains(&date.year())
}

/// The most recent `weekday` on or before `date` (the date itself when it is that weekday):
/// what "on Thursday" means in a news article published on `date`. `None` before year 0000.
pub fn weekday_on_or_before(date: Date, weekday: Weekday) -> Option<Date> {
    let back = (date.weekday().to_monday_zero_offset() - weekday.to_monday_zero_offset()).rem_euclid(7) as i64;
    add_days(date, -back)
}

/// The first `weekday` on or after `date`: what "on Thursday" means in a sentence about the
/// future ("will meet on Thursday"). `None` after year 9999.
pub fn weekday_on_or_after(date: Date, weekday: Weekday) -> Option<Date> {
    let ahead = (weekday.to_monday_zero_offset() - date.weekday().to_monday_zero_offset()).rem_euclid(7) as i64;
    add_days(date, ahead)
}

/// `date` moved by `days` (negative for earlier), or `None` outside the years 0000–9999 (the
/// range of [`PartialDate`]; "yesterday" in an article dated 0000-01-01 has no date).
pub fn add_days(date: Date, days: i64) -> Option<Date> {
    // A shift beyond jiff's span limits (about ±7.3 million days) is out of range too.
    let span = jiff::Span::new().try_days(days).ok()?;
    date.checked_add(span).ok().filter(|d| in_range(*d))
}

/// The English name of a weekday ("Thursday").
pub fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn counts_days_between_and_across_spans() {
        assert_eq!(days_between(d("2024-11-21"), d("2025-02-27")), 98);
        assert_eq!(days_between(d("2025-02-27"), d("2024-11-21")), -98);
        assert_eq!(days_between(d("2024-02-28"), d("2024-03-01")), 2);
        let nov = "2024-11".parse::<PartialDate>().unwrap().interval();
        assert_eq!(nov.len_days(), 30);
        assert_eq!(nov.gap_days(&Interval::day(d("2024-11-21"))), 0);
        assert_eq!(nov.gap_days(&Interval::day(d("2024-12-03"))), 3);
        assert_eq!(Interval::day(d("2024-10-29")).gap_days(&nov), 3);
    }

    #[test]
    fn parses_each_precision() {
        assert_eq!("2020".parse::<PartialDate>().unwrap().precision(), Precision::Year);
        assert_eq!("2020-06".parse::<PartialDate>().unwrap().precision(), Precision::Month);
        assert_eq!("2020-06-11".parse::<PartialDate>().unwrap().precision(), Precision::Day);
    }

    #[test]
    fn rejects_impossible_dates() {
        assert_eq!(
            "2024-02-30".parse::<PartialDate>(),
            Err(DateError::Day {
                year: 2024,
                month: 2,
                day: 30,
                days: 29
            })
        );
        assert_eq!(
            "2023-02-29".parse::<PartialDate>().unwrap_err().to_string(),
            "2023-02 has no day 29 (it has 28 days)"
        );
        assert_eq!("2024-13".parse::<PartialDate>(), Err(DateError::Month(13)));
        assert_eq!("2024-00-10".parse::<PartialDate>(), Err(DateError::Month(0)));
        assert_eq!("24-01-01".parse::<PartialDate>(), Err(DateError::Form));
        assert_eq!("2024-1-01".parse::<PartialDate>(), Err(DateError::Form));
        assert_eq!("2024-01-01-01".parse::<PartialDate>(), Err(DateError::Form));
    }

    #[test]
    fn years_zero_and_9999_have_bounds() {
        let zero: PartialDate = "0000".parse().unwrap();
        assert_eq!(zero.interval().first, d("0000-01-01"));
        let last: PartialDate = "9999-12".parse().unwrap();
        assert_eq!(last.last_day(), d("9999-12-31"));
    }

    #[test]
    fn intervals_follow_precision() {
        let month: PartialDate = "2024-02".parse().unwrap();
        assert_eq!(month.interval().first, d("2024-02-01"));
        assert_eq!(month.interval().last, d("2024-02-29"));
        let year: PartialDate = "2020".parse().unwrap();
        assert!(year.interval().contains(d("2020-12-31")));
        assert!(!year.interval().contains(d("2021-01-01")));
        let range = DateValue::Range("2003".parse().unwrap(), "2004".parse().unwrap());
        assert_eq!(range.interval().to_string(), "2003-01-01/2004-12-31");
        assert_eq!(range.to_string(), "2003/2004");
    }

    #[test]
    fn weekdays_resolve_on_or_before() {
        // 2024-11-21 is a Thursday.
        let pub_date = d("2024-11-21");
        assert_eq!(weekday_on_or_before(pub_date, Weekday::Thursday), Some(pub_date));
        assert_eq!(weekday_on_or_before(pub_date, Weekday::Tuesday), Some(d("2024-11-19")));
        assert_eq!(weekday_on_or_before(pub_date, Weekday::Friday), Some(d("2024-11-15")));
        assert_eq!(weekday_on_or_after(pub_date, Weekday::Friday), Some(d("2024-11-22")));
        assert_eq!(weekday_on_or_before(Date::MIN, Weekday::Sunday), None);
    }

    #[test]
    fn arithmetic_stays_in_years_0000_to_9999() {
        let first = d("0000-01-01");
        let last = d("9999-12-31");
        assert_eq!(add_days(first, -1), None);
        assert_eq!(add_days(last, 1), None);
        assert_eq!(add_days(first, 1), Some(d("0000-01-02")));
        assert_eq!(add_days(last, i64::MAX), None);
        assert_eq!(add_days(last, i64::MIN), None);
        // 0000-01-01 is a Saturday: the Monday before it is in year -1.
        assert_eq!(weekday_on_or_before(first, Weekday::Monday), None);
        assert_eq!(weekday_on_or_before(first, Weekday::Saturday), Some(first));
        // 9999-12-31 is a Friday.
        assert_eq!(weekday_on_or_after(last, Weekday::Saturday), None);
        assert_eq!(weekday_on_or_after(last, Weekday::Friday), Some(last));
    }
}
