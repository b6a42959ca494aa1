//! Extraction, one pattern family at a time: each test gives sentences in the shapes English
//! news writes them and asserts the claims found (kind, text, and the details that matter),
//! including sentences that must give no claim at all.

use std::path::PathBuf;
use std::sync::OnceLock;

use factcheck::article::{Article, Format};
use factcheck::extract::{Claim, ClaimKind, Detail, Extractor, Qualifier};
use factcheck::kb::KnowledgeBase;

fn kb() -> &'static KnowledgeBase {
    static RULES: OnceLock<factcheck::RuleSet> = OnceLock::new();
    &RULES
        .get_or_init(|| {
            factcheck::load_rules(
                &[PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("rules")],
                &Default::default(),
            )
        })
        .kb
}

fn claims(text: &str, date: &str) -> Vec<Claim> {
    let article = Article::from_text("t.txt", text.to_string(), Format::Text, Some(date.parse().unwrap())).unwrap();
    Extractor::new(kb()).extract(&article)
}

fn of_kind(text: &str, kind: ClaimKind) -> Vec<String> {
    claims(text, "2024-11-21")
        .into_iter()
        .filter(|c| c.kind == kind)
        .map(|c| c.text)
        .collect()
}

fn roles(text: &str) -> Vec<String> {
    of_kind(text, ClaimKind::Role)
}

fn role(text: &str) -> factcheck::extract::RoleClaim {
    let found: Vec<_> = claims(text, "2024-11-21")
        .into_iter()
        .filter_map(|c| c.role().cloned())
        .collect();
    assert_eq!(found.len(), 1, "{text}: {found:#?}");
    found.into_iter().next().unwrap()
}

fn office_names(r: &factcheck::extract::RoleClaim) -> Vec<&str> {
    r.offices
        .iter()
        .map(|o| kb().offices[o.index()].name.as_str())
        .collect()
}

// ---- Roles ----

#[test]
fn titles_before_names_in_either_case() {
    assert_eq!(
        roles("Israeli Prime Minister Benjamin Netanyahu spoke."),
        ["Israeli Prime Minister Benjamin Netanyahu"]
    );
    assert_eq!(
        roles("It angered Israeli prime minister Benjamin Netanyahu."),
        ["Israeli prime minister Benjamin Netanyahu"]
    );
    assert_eq!(
        roles("Deputy Pentagon press secretary Sabrina Singh spoke."),
        ["Deputy Pentagon press secretary Sabrina Singh"]
    );
    assert_eq!(roles("The statement came from President Biden."), ["President Biden"]);
    assert_eq!(
        roles("Secretary of State Antony Blinken arrived."),
        ["Secretary of State Antony Blinken"]
    );
    assert_eq!(roles("Sen. John Thune spoke."), ["Sen. John Thune"]);
    let r = role("Israeli Prime Minister Benjamin Netanyahu spoke.");
    assert_eq!(office_names(&r), ["Prime Minister of Israel"]);
    assert_eq!(r.person.written, "Benjamin Netanyahu");
    assert!(r.person.id.is_some() && r.exact);
}

#[test]
fn appositives_after_and_before_the_name() {
    assert_eq!(
        roles("The court named Benjamin Netanyahu, Israel's prime minister, in its ruling."),
        ["Benjamin Netanyahu, Israel's prime minister"]
    );
    assert_eq!(
        roles("Isaac Herzog, the president of Israel, said so."),
        ["Isaac Herzog, the president of Israel"]
    );
    assert_eq!(
        roles("Israel's president, Isaac Herzog, said so."),
        ["Israel's president, Isaac Herzog"]
    );
    let r = role("Isaac Herzog, the president of Israel, said so.");
    assert_eq!(office_names(&r), ["President of Israel"]);
    // A title whose phrase opens with "the" after any word.
    assert_eq!(
        roles("It ends on the day the court's chief prosecutor, Karim Khan, applied."),
        ["the court's chief prosecutor, Karim Khan"]
    );
    // An American legislator's party and state between name and title.
    assert_eq!(
        roles("The Prosecutor of the International Criminal Court, Karim Khan, applied."),
        ["The Prosecutor of the International Criminal Court, Karim Khan"]
    );
    assert_eq!(
        roles("Chuck Schumer, D-N.Y., the majority leader, said so."),
        ["Chuck Schumer, D-N.Y., the majority leader"]
    );
    // The body after the name, but not a possessive that names another body.
    let r = role("Prime Minister Benjamin Netanyahu of Israel spoke.");
    assert_eq!(office_names(&r), ["Prime Minister of Israel"]);
    assert_eq!(
        roles("Prime Minister Benjamin Netanyahu of Israel spoke."),
        ["Prime Minister Benjamin Netanyahu of Israel"]
    );
    assert_eq!(
        roles("Prime Minister Benjamin Netanyahu of Israel's Likud party spoke."),
        ["Prime Minister Benjamin Netanyahu"]
    );
}

#[test]
fn appositives_with_a_second_title_or_after_a_date() {
    assert_eq!(
        roles("Yair Lapid, the former prime minister and now leader of the opposition, said so."),
        ["Yair Lapid, the former prime minister"]
    );
    assert_eq!(
        roles("In September 2020 his secretary of state, Mike Pompeo, designated the prosecutor."),
        ["his secretary of state, Mike Pompeo"]
    );
}

#[test]
fn qualifiers() {
    let q = |s: &str| role(s).qualifier;
    assert_eq!(q("Former Defense Minister Yoav Gallant spoke."), Qualifier::Former);
    assert_eq!(q("Ex-defense minister Yoav Gallant spoke."), Qualifier::Former);
    assert_eq!(q("In 2020, then-President Donald Trump signed it."), Qualifier::Then);
    assert_eq!(q("Senate Majority Leader-elect John Thune spoke."), Qualifier::Elect);
    // "at the time" makes a then- title, before or after the name.
    assert_eq!(
        q("In 2020 the prosecutor at the time, Fatou Bensouda, was sanctioned."),
        Qualifier::Then
    );
    assert_eq!(
        q("In 2020 Fatou Bensouda, the prosecutor at the time, was sanctioned."),
        Qualifier::Then
    );
    // An adverb opening the sentence is not part of the title.
    let r = role("Now Senate Majority Leader-elect John Thune is threatening sanctions again.");
    assert_eq!(
        (r.qualifier, office_names(&r)),
        (Qualifier::Elect, vec!["Senate Majority Leader"])
    );
    assert_eq!(q("President-elect Donald Trump spoke."), Qualifier::Elect);
    assert_eq!(q("Acting Defense Secretary Robert Salesses spoke."), Qualifier::Acting);
    assert_eq!(
        q("Incoming Senate majority leader John Thune spoke."),
        Qualifier::Incoming
    );
    assert_eq!(q("Outgoing President Joe Biden spoke."), Qualifier::Outgoing);
    assert_eq!(q("Defense Minister Israel Katz spoke."), Qualifier::None);
    // Relative clauses and appositives that say the office was left, or held back then.
    assert_eq!(
        q("Yoav Gallant, who was fired as defense minister, spoke."),
        Qualifier::Former
    );
    assert_eq!(
        q("Yoav Gallant, who resigned as defense minister, spoke."),
        Qualifier::Former
    );
    assert_eq!(
        q("Fatou Bensouda, then the court's prosecutor, spoke."),
        Qualifier::Then
    );
    assert_eq!(
        q("It named his sacked defence minister, Yoav Gallant, too."),
        Qualifier::Former
    );
    // After a name, "fired" is the verb: the title is the one he held then.
    assert_eq!(q("Netanyahu fired defense minister Yoav Gallant."), Qualifier::None);
    let r = role("He named Yoav Gallant, Israel's defense minister until this month, in the case.");
    assert_eq!(r.qualifier, Qualifier::Former);
    assert_eq!(
        roles("He named Yoav Gallant, Israel's defense minister until this month, in the case."),
        ["Yoav Gallant, Israel's defense minister until this month"]
    );
}

#[test]
fn country_adjectives_possessives_and_the_countrys() {
    let r = role("In Israel, the country's defense minister, Israel Katz, spoke.");
    assert_eq!(office_names(&r), ["Minister of Defense of Israel"]);
    let r = role("Netanyahu dismissed Gallant and named his former defense minister Yoav Gallant's successor.");
    assert_eq!(r.qualifier, Qualifier::Former);
    let r = role("Israel's defense minister, Israel Katz, spoke.");
    assert_eq!(office_names(&r), ["Minister of Defense of Israel"]);
}

#[test]
fn unknown_people_after_titles_are_still_claims() {
    let r = role("Dutch Foreign Minister Caspar Veldkamp said the Netherlands would comply.");
    assert_eq!(r.person.written, "Caspar Veldkamp");
    assert_eq!(r.person.id, None);
    assert_eq!(r.unknown_body.as_deref(), Some("Dutch"));
    assert!(
        r.offices.is_empty(),
        "an unknown country's office is not guessed: {r:?}"
    );
    assert_eq!(
        roles("According to club spokesman Jonas Berg, it is done."),
        ["club spokesman Jonas Berg"]
    );
    assert_eq!(roles("Vice President JD Vance attended."), ["Vice President JD Vance"]);
}

#[test]
fn things_that_are_not_role_claims() {
    for text in [
        "The Defense Minister said the army was ready.",
        "The president's plane landed late.",
        "Trump signed Executive Order 13928 in June.",
        "It was a gallant effort by the team.",
        "Netanyahu and Gallant were named in the warrants.",
        "The minister, who spoke briefly, left.",
        "“President Biden must act,” the senator said.",
    ] {
        assert!(roles(text).is_empty(), "{text}: {:?}", roles(text));
    }
}

// ---- Dates ----

fn date_value(text: &str, pub_date: &str) -> Vec<(String, String)> {
    claims(text, pub_date)
        .into_iter()
        .filter_map(|c| {
            c.date()
                .map(|d| (c.text.clone(), d.value.map(|v| v.to_string()).unwrap_or_default()))
        })
        .collect()
}

#[test]
fn absolute_date_forms() {
    let one = |s: &str| date_value(s, "2024-11-21");
    assert_eq!(
        one("It began on Oct. 7, 2023."),
        [("on Oct. 7, 2023".into(), "2023-10-07".into())]
    );
    assert_eq!(
        one("It ended Nov. 21, 2024, in The Hague."),
        [("Nov. 21, 2024".into(), "2024-11-21".into())]
    );
    assert_eq!(
        one("The ruling of 21 November 2024 stands."),
        [("21 November 2024".into(), "2024-11-21".into())]
    );
    assert_eq!(
        one("Filed 2024-11-21 at noon."),
        [("2024-11-21".into(), "2024-11-21".into())]
    );
    assert_eq!(one("In 2020, it changed."), [("In 2020".into(), "2020".into())]);
    assert_eq!(
        one("It happened in November 2024."),
        [("in November 2024".into(), "2024-11".into())]
    );
    assert_eq!(
        one("Abuses between 2003-2004 were alleged."),
        [("between 2003-2004".into(), "2003/2004".into())]
    );
    assert_eq!(
        one("Abuses from 2003 to 2004 were alleged."),
        [("from 2003 to 2004".into(), "2003/2004".into())]
    );
}

#[test]
fn a_weekday_in_brackets_or_a_year_in_words_belongs_to_the_date() {
    let claims = claims("3 Jan 2025 (Monday) — the new Congress convenes.", "2025-02-15");
    let dates: Vec<_> = claims
        .iter()
        .filter_map(|c| Some((c.text.as_str(), c.date()?)))
        .collect();
    assert_eq!(dates.len(), 1, "{dates:#?}");
    assert_eq!(dates[0].0, "3 Jan 2025 (Monday)");
    assert_eq!(dates[0].1.weekday.as_deref(), Some("Monday"));
    let found = self::claims("It began on 7 October 2023, a Sunday, at dawn.", "2024-11-21");
    let weekday = found.iter().find_map(|c| c.date()).and_then(|d| d.weekday.clone());
    assert_eq!(weekday.as_deref(), Some("Sunday"));
    let one = |s: &str| date_value(s, "2024-05-22");
    assert_eq!(
        one("So on the 21st of November, warrants were issued."),
        [("21st of November".into(), "2023-11-21".into())]
    );
    assert_eq!(
        one("It happened on the 7th of October, 2023."),
        [("7th of October, 2023".into(), "2023-10-07".into())]
    );
    assert_eq!(
        one("It began on 7 October last year."),
        [("on 7 October last year".into(), "2023-10-07".into())]
    );
    assert_eq!(
        one("It began Oct. 7 last year."),
        [("Oct. 7 last year".into(), "2023-10-07".into())]
    );
    assert_eq!(
        one("It ends in March next year."),
        [("in March next year".into(), "2025-03".into())]
    );
    // Numeric dates: the order the article's unambiguous ones show.
    assert_eq!(
        one("It was filed on 23/09/2024 and ruled on 07/11/2024."),
        [
            ("on 23/09/2024".into(), "2024-09-23".into()),
            ("on 07/11/2024".into(), "2024-11-07".into())
        ]
    );
    assert_eq!(
        one("It was filed on 09/23/2024 and ruled on 11/07/2024."),
        [
            ("on 09/23/2024".into(), "2024-09-23".into()),
            ("on 11/07/2024".into(), "2024-11-07".into())
        ]
    );
    assert_eq!(one("It was ruled on 07/11/2024."), []);
    // "early", "mid", "late" narrow a month or a year to a part of it.
    assert_eq!(
        one("It was blocked late last month."),
        [("late last month".into(), "2024-04-16/2024-04-30".into())]
    );
    assert_eq!(
        one("It was signed in early 2020."),
        [("early 2020".into(), "2020-01/2020-06".into())]
    );
    assert_eq!(
        one("It was filed in mid-September."),
        [("in mid-September".into(), "2023-09-06/2023-09-25".into())]
    );
}

#[test]
fn yearless_dates_take_the_nearest_fitting_year() {
    let one = |s: &str, d: &str| date_value(s, d);
    assert_eq!(
        one("He applied on May 20.", "2024-11-21"),
        [("on May 20".into(), "2024-05-20".into())]
    );
    assert_eq!(
        one("He applied in May.", "2024-11-21"),
        [("in May".into(), "2024-05".into())]
    );
    // A past date late in the year, written in January, belongs to the year before.
    assert_eq!(
        one("It was signed on Dec. 30.", "2025-01-03"),
        [("on Dec. 30".into(), "2024-12-30".into())]
    );
    // A future sentence points forward.
    assert_eq!(
        one("He will take office in January.", "2024-11-14"),
        [("in January".into(), "2025-01".into())]
    );
    let c = claims("He applied on May 20.", "2024-11-21");
    assert!(c[0].date().unwrap().year_inferred);
}

#[test]
fn relative_date_forms() {
    let one = |s: &str| date_value(s, "2024-11-21");
    assert_eq!(
        one("The court ruled on Thursday."),
        [("on Thursday".into(), "2024-11-21".into())]
    );
    assert_eq!(
        one("The court ruled on Tuesday."),
        [("on Tuesday".into(), "2024-11-19".into())]
    );
    assert_eq!(one("The court ruled Friday."), [("Friday".into(), "2024-11-15".into())]);
    assert_eq!(
        one("The court will rule on Friday."),
        [("on Friday".into(), "2024-11-22".into())]
    );
    assert_eq!(one("It ruled yesterday."), [("yesterday".into(), "2024-11-20".into())]);
    assert_eq!(one("It rules today."), [("today".into(), "2024-11-21".into())]);
    assert_eq!(one("It ruled last year."), [("last year".into(), "2023".into())]);
    assert_eq!(one("It ruled this month."), [("this month".into(), "2024-11".into())]);
    assert_eq!(
        one("It ruled earlier this month."),
        [("earlier this month".into(), "2024-11".into())]
    );
    assert_eq!(
        one("It ruled two days ago."),
        [("two days ago".into(), "2024-11-19".into())]
    );
}

#[test]
fn relative_dates_without_a_publication_date_stay_unresolved() {
    let article = Article::from_text("t.txt", "The court ruled on Thursday.".into(), Format::Text, None).unwrap();
    let c = Extractor::new(kb()).extract(&article);
    let d = c[0].date().unwrap();
    assert_eq!(d.value, None);
    assert!(d.unresolved.as_deref().unwrap().contains("no publication date"));
}

#[test]
fn dates_link_to_the_event_named_with_them() {
    let events = |s: &str| -> Vec<String> {
        claims(s, "2024-11-21")
            .into_iter()
            .filter_map(|c| c.date().cloned())
            .flat_map(|d| d.events)
            .map(|e| kb().events[e.index()].name.clone())
            .collect()
    };
    assert_eq!(
        events("Herzog cited the Oct. 7, 2023, terror attacks."),
        ["Hamas-led attack on Israel of 7 October 2023"]
    );
    assert_eq!(
        events("The court issued the arrest warrants on Thursday."),
        ["ICC arrest warrants for Netanyahu and Gallant"]
    );
    assert_eq!(
        events("Khan had requested the warrants on May 20."),
        ["Prosecutor Karim Khan applies for arrest warrants"]
    );
    // An intention is not an event: "asked … to issue" is not the issuing.
    assert!(events("Rights groups asked the court on Monday to issue warrants.").is_empty());
    // A date after a reporting verb dates the speaking, not the event spoken of.
    assert!(events("Netanyahu said on Tuesday that the arrest warrants were antisemitic.").is_empty());
    // Another date in between takes its own event.
    assert!(events("The warrants came on Thursday, and the court met again on Friday.").len() <= 1);
    // The passive, an aside between commas, and another determiner.
    assert_eq!(
        events("The warrants, issued on Nov. 21, named two men."),
        ["ICC arrest warrants for Netanyahu and Gallant"]
    );
    assert_eq!(
        events("The arrest warrants were issued on Thursday."),
        ["ICC arrest warrants for Netanyahu and Gallant"]
    );
    assert!(events("A first dismissal, announced in March 2023, was reversed.").is_empty());
    // A reduced relative clause: the participle right before the date.
    assert_eq!(
        events("The court said the warrants issued on November 21st stay in force."),
        ["ICC arrest warrants for Netanyahu and Gallant"]
    );
    // A noun that makes "to issue" a fact, a few words back: the event is at least mentioned.
    let mentioned: Vec<String> = claims(
        "The decision of the court last Thursday to issue arrest warrants was historic.",
        "2024-11-25",
    )
    .into_iter()
    .filter_map(|c| c.date().cloned())
    .flat_map(|d| d.events.into_iter().chain(d.mentioned))
    .map(|e| kb().events[e.index()].name.clone())
    .collect();
    assert_eq!(mentioned, ["ICC arrest warrants for Netanyahu and Gallant"]);
    assert_eq!(
        events("The request for Haniyeh, who was killed in Tehran, was withdrawn on Aug. 9."),
        ["Application for a warrant for Ismail Haniyeh withdrawn"]
    );
    assert_eq!(
        events("Biden lifted those sanctions in April 2021."),
        ["Biden revokes Executive Order 13928 and lifts the ICC sanctions"]
    );
    // A definite noun phrase naming the event of the sentence before, with its verb repeated.
    let order = "Trump signs Executive Order 13928 against the ICC";
    assert!(
        events("Trump signed an executive order in 2020. The executive order, signed on June 11, 2020, was broad.")
            .iter()
            .filter(|e| *e == order)
            .count()
            == 2
    );
    // Another verb is another thing done to it; another paragraph is another subject.
    assert!(
        !events("Trump signed an executive order in 2020. The order, extended on June 11, 2021, was broad.")
            .iter()
            .skip(1)
            .any(|e| e == order)
    );
    assert_eq!(
        events("Trump signed an executive order in 2020.\n\nThe order, signed on June 11, 2020, was broad.")
            .iter()
            .filter(|e| *e == order)
            .count(),
        1
    );
}

#[test]
fn the_tense_of_a_date_is_its_own_clauses() {
    let one = |s: &str| date_value(s, "2024-11-22");
    // "will" in a later clause does not push "Thursday" forward.
    assert_eq!(
        one("The decision Thursday to issue warrants drew anger, setting up a test of how Trump will respond."),
        [("Thursday".into(), "2024-11-21".into())]
    );
    assert_eq!(
        one("Trump will respond once he is sworn in on Jan. 20."),
        [("on Jan. 20".into(), "2025-01-20".into())]
    );
    assert_eq!(
        one("On Thursday, the court will rule."),
        [("On Thursday".into(), "2024-11-28".into())]
    );
}

#[test]
fn things_that_are_not_date_claims() {
    for text in [
        "The bill passed 247–155 in the House.",
        "Read more at https://example.com/2024/11/21/story.",
        "They may decide soon.",
        "About 1,200 people were killed.",
        "“We will meet on Thursday,” he said.",
    ] {
        let found: Vec<String> = of_kind(text, ClaimKind::Date);
        assert!(found.is_empty(), "{text}: {found:?}");
    }
}

// ---- Attributions ----

fn speakers(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
    claims(text, "2024-11-21")
        .into_iter()
        .filter_map(|c| match c.detail {
            Detail::Attribution(a) => Some((
                a.quote,
                a.speaker,
                a.speaker_id.map(|s| kb().speaker_name(s).to_string()),
            )),
            _ => None,
        })
        .collect()
}

fn speaker_ids(text: &str) -> Vec<Option<String>> {
    speakers(text).into_iter().map(|(_, _, id)| id).collect()
}

#[test]
fn every_attribution_shape() {
    let biden = || vec![Some("Joe Biden".to_string())];
    assert_eq!(speaker_ids("“It is outrageous,” Biden said."), biden());
    assert_eq!(speaker_ids("Biden said: “It is outrageous.”"), biden());
    assert_eq!(speaker_ids("“It is outrageous,” said Biden."), biden());
    assert_eq!(speaker_ids("“It is outrageous,” said President Joe Biden."), biden());
    assert_eq!(speaker_ids("Biden said that the decision was “outrageous.”"), biden());
    assert_eq!(speaker_ids("“It is outrageous,” Biden wrote on X."), biden());
    assert_eq!(speaker_ids("“It is outrageous,” Biden told reporters."), biden());
    assert_eq!(speaker_ids("“It is outrageous,” according to Biden."), biden());
    assert_eq!(speaker_ids("According to Biden, “it is outrageous.”"), biden());
    assert_eq!(
        speaker_ids("Joe Biden, the US president, called the warrants “outrageous.”"),
        biden()
    );
    assert_eq!(speaker_ids("\"It is outrageous,\" Biden said."), biden());
    // A naming verb's complement belongs to its subject, whoever speaks after it.
    assert_eq!(
        speaker_ids("Biden called the warrants “outrageous”, while Blinken said the US rejected them."),
        biden()
    );
    // "As X put it", a statement introduced by a colon, a title after the name.
    assert_eq!(
        speaker_ids("As President Biden put it, the decision “is outrageous.”"),
        biden()
    );
    assert_eq!(
        speaker_ids("Biden issued a strongly worded statement: “It is outrageous.”"),
        biden()
    );
    assert_eq!(
        speaker_ids("Biden, the US president, had warned them on Monday, writing that “it is outrageous.”"),
        biden()
    );
    // A participle after a comma keeps the subject of its clause, past a place or an
    // appositive; a possessive inside an appositive is not the speaker.
    assert_eq!(
        speaker_ids("In Washington, President Joe Biden issued a statement, adding that “it is outrageous.”"),
        biden()
    );
    assert_eq!(
        speaker_ids("Even President Biden, no friend of Netanyahu's, called the decision “outrageous and wrong.”"),
        biden()
    );
    assert_eq!(
        speaker_ids("Herzog, a man of the center-left, went further, warning that the court had “chosen terror.”"),
        [Some("Isaac Herzog".to_string())]
    );
}

#[test]
fn continued_and_multi_sentence_quotations_keep_their_speaker() {
    let found = speakers("“We remain concerned. It matters,” Singh said. “And again, we have been clear.”");
    assert_eq!(found.len(), 2);
    assert!(
        found.iter().all(|(_, _, id)| id.as_deref() == Some("Sabrina Singh")),
        "{found:?}"
    );
    assert_eq!(found[0].0, "We remain concerned. It matters");
    // A quotation over two paragraphs: the first left open, the attribution after the second.
    let found = speakers(
        "Thune posted on Sunday.\n\n“The court must reverse course.\n\n“If it does not, we will act,” he wrote.",
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found.iter().all(|(_, _, id)| id.as_deref() == Some("John Thune")),
        "{found:?}"
    );
    // An unattributed quotation closed in its own paragraph is not continued.
    let found = speakers(
        "Thune posted on Sunday.\n\n“The court must reverse course,” a banner read.\n\n“If it does not, we will act,” he wrote.",
    );
    assert_ne!(found[0].2.as_deref(), Some("John Thune"), "{found:?}");
}

#[test]
fn bylines_and_quotations_introduced_by_the_paragraph_before() {
    // A fact box: each quotation with its byline after a dash, the next one another's words.
    let found = speaker_ids(
        "“It is outrageous.” — then-President Joe Biden, 21 Nov 2024\n\n“A dark day for justice.” — Israeli President Isaac Herzog, 21 Nov 2024\n\n“We reject it.” — then-Secretary of State Antony Blinken",
    );
    assert_eq!(
        found,
        [
            Some("Joe Biden".to_string()),
            Some("Isaac Herzog".to_string()),
            Some("Antony Blinken".to_string())
        ]
    );
    // "…what he wrote:" then the words as their own paragraph (a block quote).
    let found = speaker_ids("Thune has not forgotten what he wrote in November:\n\n“The Senate will act.”");
    assert_eq!(found, [Some("John Thune".to_string())]);
    // Without the colon, a paragraph's quotation is not given to the sentence before.
    let found =
        speaker_ids("Thune has not forgotten what he wrote in November.\n\n“The Senate will act,” a banner read.");
    assert_ne!(found, [Some("John Thune".to_string())]);
}

#[test]
fn partial_quotations_inside_a_sentence() {
    let found =
        speakers("Deputy Pentagon press secretary Sabrina Singh said the U.S. “fundamentally rejects” the decision.");
    assert_eq!(
        found,
        [(
            "fundamentally rejects".to_string(),
            Some("Sabrina Singh".into()),
            Some("Sabrina Singh".into())
        )]
    );
}

#[test]
fn pronouns_and_organisations_as_speakers() {
    let ids = speaker_ids("Israeli President Isaac Herzog spoke on Thursday. “It is a dark day,” he said.");
    assert_eq!(ids, [Some("Isaac Herzog".into())]);
    let ids = speaker_ids("Karine Jean-Pierre took questions. “We are clear,” she said.");
    assert_eq!(ids, [Some("Karine Jean-Pierre".into())]);
    // "He" opening a sentence is the previous sentence's subject, not the last man named.
    let ids = speaker_ids("Biden spoke after meeting Netanyahu. He said: “It is outrageous.”");
    assert_eq!(ids, [Some("Joe Biden".into())]);
    // Inside a sentence, the last fitting name stays the antecedent.
    let ids = speaker_ids("Biden met Netanyahu, and “It is a dark day,” he said.");
    assert_eq!(ids, [Some("Benjamin Netanyahu".into())]);
    // "went on" continues a speaker's words.
    let ids = speaker_ids("Biden called it “outrageous”. He went on: “We will always stand with Israel.”");
    assert_eq!(ids, [Some("Joe Biden".into()), Some("Joe Biden".into())]);
    let ids = speaker_ids("The ICC ruled. The court said it could act on the “territorial jurisdiction of Palestine.”");
    assert_eq!(ids, [Some("International Criminal Court".into())]);
    let ids = speaker_ids("“We reject it,” the Pentagon said.");
    assert_eq!(ids, [Some("United States Department of Defense".into())]);
}

#[test]
fn a_definite_title_names_the_one_person_given_it() {
    let ids = speaker_ids("President Joe Biden spoke. The president added that it was “outrageous and wrong.”");
    assert_eq!(ids, [Some("Joe Biden".to_string())]);
    let ids = speaker_ids(
        "Israeli Prime Minister Benjamin Netanyahu spoke. The prime minister said it was “absurd and false.”",
    );
    assert_eq!(ids, [Some("Benjamin Netanyahu".to_string())]);
    // Two presidents: "the president" is anyone's guess.
    let ids = speaker_ids(
        "President Joe Biden and Israeli President Isaac Herzog spoke. The president said it was “absurd and false.”",
    );
    assert_eq!(ids, [None]);
}

#[test]
fn unknown_speakers_are_kept_as_written() {
    let found = speakers("Harbor City FC named Marta Silva as coach. “The fans deserve that,” Silva said.");
    assert_eq!(
        found,
        [("The fans deserve that".to_string(), Some("Silva".into()), None)]
    );
}

#[test]
fn things_that_are_not_attributions() {
    for text in ["The so-called “rogue” court met.", "He spoke of “peace.”"] {
        let found = speakers(text);
        assert!(found.is_empty(), "{text}: {found:?}");
    }
}
