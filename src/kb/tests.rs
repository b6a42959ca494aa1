//! Compiled only under `#[cfg(test)]` (see `kb/mod.rs`).
//! Knowledge-base queries at the edges: the first and last day of a tenure, open tenures,
//! year- and month-precision bounds, unknown bounds, date ranges, and the indexes.

use super::*;
use crate::rules_from_text;

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

const RULES: &str = r#"
country "Israel" { adjective "Israeli" }
person "Yoav Gallant" { aka "Gallant" }
person "Israel Katz" { aka "Katz" }
person "Sabrina Singh"
person "Pat Ryder"
office "Minister of Defense of Israel" {
    of "Israel"
    title "Defense Minister"
    exclusive
}
office "Deputy Pentagon Press Secretary" { title "Deputy Press Secretary" open }
office "Pentagon Press Secretary" { title "Press Secretary" exclusive open }
tenure "Yoav Gallant" "Minister of Defense of Israel" from 2022-12-29 to 2024-11-07 { source "s" }
tenure "Israel Katz" "Minister of Defense of Israel" from 2024-11-07 { source "s" }
tenure "Sabrina Singh" "Deputy Pentagon Press Secretary" from 2022 to 2025-01 { source "s" }
tenure "Pat Ryder" "Pentagon Press Secretary" from before 2022-09 to after 2024-12-16 { source "s" }
event "Warrants" on 2024-11-21 { aka "arrest warrants" source "s" }
event "Abuses" from 2003 to 2004 { source "s" }
event "Sanctions" on 2020 { source "s" }
quote "Yoav Gallant" on 2024-11-21 statement {
    text "We will not stop. We will never stop."
    source "s"
}
"#;

fn kb() -> KnowledgeBase {
    let rs = rules_from_text("kb.fc", RULES);
    assert!(!rs.has_errors(), "{:?}", rs.diagnostics);
    rs.kb
}

fn tenure_of<'a>(kb: &'a KnowledgeBase, person: &str) -> &'a Tenure {
    let p = kb.person_named(person).unwrap();
    kb.tenure(kb.tenures_of_person(p)[0])
}

#[test]
fn first_and_last_day_of_a_tenure() {
    let kb = kb();
    let t = tenure_of(&kb, "Yoav Gallant");
    assert_eq!(t.coverage(d("2022-12-28")), Coverage::NotYet);
    assert_eq!(t.coverage(d("2022-12-29")), Coverage::Held);
    assert_eq!(t.coverage(d("2024-11-06")), Coverage::Held);
    // The handover day may be either holder's: the record cannot decide it.
    assert_eq!(t.coverage(d("2024-11-07")), Coverage::Unsure);
    assert_eq!(t.coverage(d("2024-11-08")), Coverage::Ended);
}

#[test]
fn open_tenures_run_to_the_end_of_the_calendar() {
    let kb = kb();
    let t = tenure_of(&kb, "Israel Katz");
    assert_eq!(t.to, None);
    assert_eq!(t.coverage(d("2024-11-08")), Coverage::Held);
    assert_eq!(t.coverage(d("9999-12-31")), Coverage::Held);
    assert_eq!(t.end_text(), None);
}

#[test]
fn year_and_month_precision_bounds_are_unsure_inside_them() {
    let kb = kb();
    let t = tenure_of(&kb, "Sabrina Singh");
    assert_eq!(t.coverage(d("2021-12-31")), Coverage::NotYet);
    assert_eq!(t.coverage(d("2022-01-01")), Coverage::Unsure);
    assert_eq!(t.coverage(d("2022-12-30")), Coverage::Unsure);
    assert_eq!(t.coverage(d("2022-12-31")), Coverage::Held);
    assert_eq!(t.coverage(d("2024-12-31")), Coverage::Held);
    assert_eq!(t.coverage(d("2025-01-01")), Coverage::Unsure);
    assert_eq!(t.coverage(d("2025-01-31")), Coverage::Unsure);
    assert_eq!(t.coverage(d("2025-02-01")), Coverage::Ended);
}

#[test]
fn before_and_after_bounds() {
    let kb = kb();
    let t = tenure_of(&kb, "Pat Ryder");
    assert_eq!(t.coverage(d("2010-01-01")), Coverage::Unsure);
    assert_eq!(t.coverage(d("2022-09-01")), Coverage::Held);
    assert_eq!(t.coverage(d("2024-12-16")), Coverage::Held);
    assert_eq!(t.coverage(d("2024-12-17")), Coverage::Unsure);
    assert_eq!(t.start_text(), "some time before 2022-09");
    let (possible, certain) = timeline(Bound::Unknown, Some(Bound::Unknown));
    assert_eq!((possible.first, possible.last, certain), (Date::MIN, Date::MAX, None));
}

#[test]
fn who_held_an_office_on_a_day() {
    let kb = kb();
    let o = OfficeId(0);
    assert_eq!(kb.offices[0].name, "Minister of Defense of Israel");
    let names = |day: &str| -> Vec<(String, Coverage)> {
        kb.holders_on(o, d(day))
            .into_iter()
            .map(|(t, c)| (kb.persons[kb.tenure(t).person.index()].name.clone(), c))
            .collect()
    };
    assert_eq!(names("2023-06-01"), [("Yoav Gallant".to_string(), Coverage::Held)]);
    assert_eq!(
        names("2024-11-07"),
        [
            ("Yoav Gallant".to_string(), Coverage::Unsure),
            ("Israel Katz".to_string(), Coverage::Held)
        ]
    );
    assert_eq!(names("2025-01-01"), [("Israel Katz".to_string(), Coverage::Held)]);
    assert!(names("2020-01-01").is_empty());
}

#[test]
fn offices_of_a_person_before_on_and_after_a_day() {
    let kb = kb();
    let p = kb.person_named("katz").unwrap();
    let on = |day: &str| kb.offices_of(p, d(day)).into_iter().map(|(_, c)| c).collect::<Vec<_>>();
    assert_eq!(on("2024-01-01"), [Coverage::NotYet]);
    assert_eq!(on("2024-12-01"), [Coverage::Held]);
}

#[test]
fn names_are_case_insensitive_and_aliases_resolve() {
    let kb = kb();
    assert_eq!(kb.person_named("GALLANT"), kb.person_named("Yoav Gallant"));
    assert_eq!(kb.offices_titled("defense minister"), [OfficeId(0)]);
    assert_eq!(kb.body_named("israel"), Some(BodyId(0)));
    assert!(kb.lookup("nobody").is_empty());
}

#[test]
fn event_dates_keep_their_precision_and_ranges() {
    let kb = kb();
    let by = |name: &str| {
        kb.events
            .iter()
            .position(|e| e.name == name)
            .map(|i| EventId(i as u32))
            .unwrap()
    };
    assert_eq!(kb.event_date(by("Warrants")).precision(), Precision::Day);
    let abuses = kb.event_date(by("Abuses"));
    assert_eq!(abuses.precision(), Precision::Range);
    assert_eq!(abuses.interval().first, d("2003-01-01"));
    assert_eq!(abuses.interval().last, d("2004-12-31"));
    let sanctions = kb.event_date(by("Sanctions"));
    assert_eq!(sanctions.precision(), Precision::Year);
    assert_eq!(sanctions.interval().last, d("2020-12-31"));
    let found = kb
        .event_index
        .find(&crate::text::phrase_stems("issued the arrest warrants"));
    assert_eq!(found.first().map(|m| m.event), Some(by("Warrants")));
}

#[test]
fn quotes_are_found_by_their_words_and_speaker() {
    let kb = kb();
    let gallant = Speaker::Person(kb.person_named("Gallant").unwrap());
    assert_eq!(kb.quotes_of(gallant).len(), 1);
    let hits = kb
        .quote_index
        .containing(&[crate::text::quote_words("we will NEVER stop")]);
    assert_eq!(hits.len(), 1);
    assert_eq!(kb.quotes[hits[0].quote.index()].speaker, gallant);
    assert!(
        kb.quote_index
            .containing(&[crate::text::quote_words("we will always stop")])
            .is_empty()
    );
}
