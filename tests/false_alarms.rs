//! True sentences that once made factcheck report a failure, each in the shape an unseen article
//! wrote it: none may fail again. And true sentences whose dates are borne out only by what the
//! sentence names besides an event (a term of office, an event it mentions): they must pass. Each row gives a publication date, a sentence that is true
//! on that date (per ../shared/facts/icc-2024.md), and the claim the false alarm was about,
//! which must still be found, as pass or unverified.

use std::path::PathBuf;
use std::sync::OnceLock;

use factcheck::article::{Article, Format};
use factcheck::check::{Checked, Verdict};
use factcheck::extract::Extractor;

fn rules() -> &'static factcheck::RuleSet {
    static RULES: OnceLock<factcheck::RuleSet> = OnceLock::new();
    RULES.get_or_init(|| {
        factcheck::load_rules(
            &[PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("rules")],
            &Default::default(),
        )
    })
}

fn check(date: &str, text: &str) -> Vec<Checked> {
    check_as(Format::Text, date, text)
}

fn check_as(format: Format, date: &str, text: &str) -> Vec<Checked> {
    let article = Article::from_text("t.txt", text.to_string(), format, Some(date.parse().unwrap())).unwrap();
    let kb = &rules().kb;
    let claims = Extractor::new(kb).extract(&article);
    factcheck::check::check(&article, claims, kb)
}

const TRUE_SENTENCES: &[(&str, &str, &str)] = &[
    // "will" in another clause once read "Thursday" as the coming one.
    (
        "2024-11-22",
        "The court's decision Thursday to issue arrest warrants for Netanyahu drew anger, setting up a test of how President-elect Donald Trump will deal with the court.",
        "Thursday",
    ),
    // The date belongs to an earlier statement than the quoted words.
    (
        "2024-11-25",
        "President Joe Biden called the decision \"outrageous,\" echoing what he had said in May, when the prosecutor applied for the warrants.",
        "in May",
    ),
    // "signing an order" once named Trump's 2020 order; this one is of February 2025.
    (
        "2025-02-10",
        "President Donald Trump has gone further, signing an order earlier this month that imposed sanctions on ICC Prosecutor Karim Khan.",
        "earlier this month",
    ),
    // A briefing recurs: the rules record one of them.
    (
        "2024-11-22",
        "White House press secretary Karine Jean-Pierre told reporters on Wednesday that the administration's position was unchanged.",
        "on Wednesday",
    ),
    // An indefinite subject brings in another dismissal than the recorded one.
    (
        "2024-11-08",
        "It is the second time Netanyahu has tried to remove him: a first dismissal, announced in March 2023, was reversed within weeks.",
        "in March 2023",
    ),
    // A list, not an appositive: the title names the next person.
    (
        "2024-11-21",
        "The court issued arrest warrants Thursday for Israeli Prime Minister Benjamin Netanyahu, his former defense chief, and a Hamas military leader.",
        "Thursday",
    ),
    // The date opens the sentence, but the event is named in a subordinate clause.
    (
        "2025-01-04",
        "In November, as judges weighed the prosecutor's requests for arrest warrants for Israeli leaders, Thune wrote that the Senate should act.",
        "In November",
    ),
    // A timeline: each date belongs to its own line, and an ambiguous phrase to either event.
    (
        "2025-04-25",
        "Timeline: key dates\n\n2015-04-01 — Palestine's accession to the Rome Statute enters into force\n2020-06-11 — Trump signs Executive Order 13928 targeting ICC staff\n2024-11-07 — Gallant's dismissal takes effect; Israel Katz sworn in as defence minister\n",
        "2015-04-01",
    ),
    // "fired" as a verb, not the qualifier of "his sacked defence minister".
    (
        "2024-11-05",
        "Netanyahu fired defense minister Yoav Gallant on Tuesday, citing a crisis of trust.",
        "defense minister Yoav Gallant",
    ),
    // An alias that fits two recorded events (sanctions on the court's prosecutor, in 2020 and
    // in 2025): the date of either passes.
    (
        "2025-02-15",
        "Feb 2025 — The Trump administration imposes sanctions on the ICC prosecutor.",
        "Feb 2025",
    ),
    // "early January" is the first half of the month, which holds the 3rd.
    (
        "2025-02-10",
        "Thune became majority leader in early January.",
        "early January",
    ),
    // A list, not an appositive: "his former defense chief" is the second warrant, not
    // Netanyahu's title.
    (
        "2024-11-21",
        "The court issued arrest warrants Thursday for Israeli Prime Minister Benjamin Netanyahu, his former defense chief and a Hamas military leader, accusing them of war crimes.",
        "Israeli Prime Minister Benjamin Netanyahu",
    ),
    // The date stands in an aside that the alias of another event jumps over.
    (
        "2024-12-02",
        "Israel's formal challenge to that jurisdiction, filed on 23 September, was rejected as premature in the same ruling.",
        "on 23 September",
    ),
    // A weekday in what a dated report said may count from the report's day.
    (
        "2024-12-05",
        "A Nov. 19 report said that Sen. John Thune had posted his threat of sanctions against the court on Monday.",
        "on Monday",
    ),
    // "He" is read as the sentence before's subject, but the article has just named the man
    // whose words these are: it may mean him.
    (
        "2024-11-21",
        "Biden spoke after he met Herzog on Monday. He said: “This is a dark day for justice. A dark day for humanity.”",
        "This is a dark day for justice",
    ),
    // Other warrants, months after the recorded ones.
    (
        "2025-07-17",
        "The court issued arrest warrants on Wednesday for two Taliban leaders.",
        "on Wednesday",
    ),
];

#[test]
fn true_sentences_never_fail() {
    for (date, text, claim) in TRUE_SENTENCES {
        let checked = check(date, text);
        let failed: Vec<_> = checked
            .iter()
            .filter(|c| c.judgement.verdict == Verdict::Fail)
            .map(|c| (c.claim.text.as_str(), c.judgement.reason.as_str()))
            .collect();
        assert!(failed.is_empty(), "{text}\n  false alarms: {failed:#?}");
        assert!(
            checked.iter().any(|c| c.claim.text.contains(claim)),
            "{text}\n  the claim {claim:?} is no longer found: {:#?}",
            checked.iter().map(|c| &c.claim.text).collect::<Vec<_>>()
        );
    }
}

/// The verdict of the date claim whose text contains `date_text`.
fn date_verdict(date: &str, text: &str, date_text: &str) -> Verdict {
    let checked = check(date, text);
    let found = checked
        .iter()
        .find(|c| c.claim.kind == factcheck::extract::ClaimKind::Date && c.claim.text.contains(date_text));
    found
        .map(|c| c.judgement.verdict)
        .unwrap_or_else(|| panic!("{text}: no date claim {date_text:?}"))
}

#[test]
fn dates_borne_out_by_what_else_the_sentence_names_pass() {
    // The end of the term of the office the title names.
    assert_eq!(
        date_verdict(
            "2025-01-22",
            "Salesses took charge at noon on Monday, when former Defense Secretary Lloyd Austin left office.",
            "on Monday"
        ),
        Verdict::Pass
    );
    // A range is a whole term: both ends must fit.
    let held = |range: &str| {
        date_verdict(
            "2025-01-04",
            &format!("Senate Majority Leader Mitch McConnell held the post {range}."),
            range,
        )
    };
    assert_eq!(held("from 2015 to 2021"), Verdict::Pass);
    assert_eq!(held("from 2015 to 2019"), Verdict::Unverified);
    // Another office's term proves nothing.
    assert_eq!(
        date_verdict(
            "2024-11-08",
            "Israel Katz, the country's new defense minister, began his first full day in the job on Friday.",
            "on Friday"
        ),
        Verdict::Unverified
    );
    // An event the sentence mentions, though the date is the statement's.
    assert_eq!(
        date_verdict(
            "2024-05-21",
            "The court's chief prosecutor said Monday he is seeking arrest warrants for Netanyahu.",
            "Monday"
        ),
        Verdict::Pass
    );
}

#[test]
fn a_weekday_in_brackets_is_the_dates_weekday() {
    let line = |weekday: &str| format!("3 Jan 2025 ({weekday}) — the new Congress convened.");
    assert_eq!(date_verdict("2025-02-15", &line("Friday"), "3 Jan 2025"), Verdict::Pass);
    assert_eq!(date_verdict("2025-02-15", &line("Monday"), "3 Jan 2025"), Verdict::Fail);
}

#[test]
fn each_row_of_a_markdown_table_is_its_own_record() {
    let table = "| Date | What happened |\n|---|---|\n| 17/11/2024 | Thune threatens the ICC with sanctions in a post on X |\n| 21/11/2024 | The court issues arrest warrants for Netanyahu |\n";
    let checked = check_as(Format::Markdown, "2025-01-22", table);
    let dates: Vec<_> = checked
        .iter()
        .filter(|c| c.claim.kind == factcheck::extract::ClaimKind::Date)
        .map(|c| (c.claim.text.as_str(), c.judgement.verdict))
        .collect();
    assert_eq!(dates, [("17/11/2024", Verdict::Pass), ("21/11/2024", Verdict::Pass)]);
}

#[test]
fn a_pronoun_that_can_only_mean_another_still_misattributes() {
    let checked = check(
        "2024-11-21",
        "Netanyahu spoke on Monday. He said: “This is a dark day for justice. A dark day for humanity.”",
    );
    let verdicts: Vec<_> = checked
        .iter()
        .filter(|c| c.claim.kind == factcheck::extract::ClaimKind::Attribution)
        .map(|c| c.judgement.verdict)
        .collect();
    assert_eq!(verdicts, [Verdict::Fail]);
}

#[test]
fn an_opening_phrase_names_the_occasion_and_the_subject_after_it_speaks() {
    let post = |day: &str| {
        format!(
            "In a post on X on {day}, Thune warned that “If the ICC and its prosecutor do not reverse their outrageous and unlawful actions to pursue arrest warrants against Israeli officials, the Senate should immediately pass sanctions legislation.”"
        )
    };
    assert_eq!(date_verdict("2025-01-04", &post("Nov. 17"), "Nov. 17"), Verdict::Pass);
    assert_eq!(date_verdict("2025-01-04", &post("Nov. 18"), "Nov. 18"), Verdict::Fail);
}
