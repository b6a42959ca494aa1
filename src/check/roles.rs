//! Judging role claims: did this person hold this office, as qualified, on the article's date
//! (or at the time the sentence describes)?
//!
//! A title fails only when the record contradicts it: a tenure that certainly ended before the
//! date (a stale title), one that certainly starts after it (a premature title), or no tenure
//! at all in an office whose holder at that date is known (an exclusive office held by someone
//! else) or whose holders are all listed. Days the record cannot decide (an imprecise bound, a
//! handover day) give unverified.

use super::{Judgement, Verdict};
use crate::date::{Date, DateValue, Interval};
use crate::extract::{Qualifier, RoleClaim};
use crate::kb::{Coverage, KnowledgeBase, OfficeId, Person, PersonId, Tenure, TenureId, TenureKind};

/// Judges a role claim against the knowledge base as of `pub_date`.
pub fn judge(r: &RoleClaim, pub_date: Option<Date>, kb: &KnowledgeBase) -> Judgement {
    let Some(date) = pub_date else {
        return Judgement::unverified("the article has no publication date, so no title can be judged (give --date)");
    };
    // The person's id comes from this knowledge base's names, so the lookup finds them.
    let Some((p, person)) = r
        .person
        .id
        .and_then(|p| kb.persons.get(p.index()).map(|person| (p, person)))
    else {
        return Judgement::unverified(format!("{} is not in the knowledge base", r.person.written));
    };
    let name = &person.name;
    if r.offices.is_empty() {
        return Judgement::unverified(match (&r.unknown_body, r.affiliation) {
            (_, true) => format!(
                "the knowledge base records no office of {} that {name} could hold",
                r.title.trim_end_matches(['\'', '’', 's'])
            ),
            (Some(body), _) if r.title.contains(body.as_str()) => {
                format!("the knowledge base knows no office \"{}\"", r.title)
            }
            (Some(body), _) => format!("the knowledge base knows no office \"{}\" of {body}", r.title),

            (None, _) => format!("the knowledge base knows no office titled \"{}\"", r.title),
        });
    }
    if !r.exact {
        // `r.offices` is not empty (checked above).
        let known = r.offices.first().map_or("", |o| office_name(kb, *o));
        return Judgement::unverified(format!(
            "the title \"{}\" says more than the knowledge base's offices titled like it (such as {known}), so it cannot be judged",
            r.title
        ));
    }
    let tenures: Vec<TenureId> = kb
        .tenures_of_person(p)
        .iter()
        .copied()
        .filter(|t| r.offices.contains(&kb.tenure(*t).office))
        .collect();
    if tenures.is_empty() {
        return never_held(r, person, date, kb);
    }
    let judge = Judge {
        kb,
        name,
        r,
        tenures: &tenures,
        date,
    };
    if r.affiliation {
        return judge.affiliation();
    }
    match r.qualifier {
        Qualifier::None => judge.current(),
        Qualifier::Former => judge.former(),
        Qualifier::Then => judge.then(),
        Qualifier::Elect => judge.elect(),
        Qualifier::Acting => judge.acting(),
        Qualifier::Incoming => judge.incoming(),
        Qualifier::Outgoing => judge.outgoing(),
    }
}

struct Judge<'a> {
    kb: &'a KnowledgeBase,
    name: &'a str,
    r: &'a RoleClaim,
    tenures: &'a [TenureId],
    date: Date,
}

/// The name of office `o` (empty for an id this knowledge base did not make: claims only carry
/// ids of its offices).
fn office_name(kb: &KnowledgeBase, o: OfficeId) -> &str {
    kb.offices.get(o.index()).map_or("", |o| &o.name)
}

/// The name of person `p` (empty for an id this knowledge base did not make: claims and tenures
/// only carry ids of its persons).
fn person_name(kb: &KnowledgeBase, p: PersonId) -> &str {
    kb.persons.get(p.index()).map_or("", |p| &p.name)
}

fn span_text(t: &Tenure) -> String {
    match t.end_text() {
        Some(end) => format!("from {} to {end}", t.start_text()),
        None => format!("since {}", t.start_text()),
    }
}

impl Judge<'_> {
    fn t(&self, id: TenureId) -> &Tenure {
        self.kb.tenure(id)
    }

    fn of_kind(&self, kinds: &[TenureKind]) -> Vec<TenureId> {
        self.tenures
            .iter()
            .copied()
            .filter(|t| kinds.contains(&self.t(*t).kind))
            .collect()
    }

    fn with(&self, verdict: Verdict, reason: String, cite: &[TenureId]) -> Judgement {
        let mut j = Judgement::new(verdict, reason);
        for t in cite {
            j = j.cite(self.kb, &self.t(*t).provenance);
        }
        j
    }

    fn office(&self, t: TenureId) -> &str {
        office_name(self.kb, self.t(t).office)
    }

    /// Who else certainly held an exclusive office on `d`, for reasons.
    fn other_holder(&self, o: OfficeId, d: Date) -> Option<(PersonId, TenureId)> {
        if !self.kb.offices.get(o.index()).is_some_and(|o| o.exclusive) {
            return None;
        }
        self.kb
            .holders_on(o, d)
            .into_iter()
            .filter(|(t, c)| *c == Coverage::Held && Some(self.kb.tenure(*t).person) != self.r.person.id)
            .map(|(t, _)| (self.kb.tenure(t).person, t))
            .next()
    }

    fn holder_note(&self, o: OfficeId, d: Date, cite: &mut Vec<TenureId>) -> String {
        match self.other_holder(o, d) {
            Some((p, t)) => {
                cite.push(t);
                format!(" ({} held it then)", person_name(self.kb, p))
            }
            None => String::new(),
        }
    }

    /// Coverage of `d` by the tenures of the given kinds: the best news first.
    fn coverage(&self, kinds: &[TenureKind], d: Date) -> Vec<(TenureId, Coverage)> {
        self.of_kind(kinds)
            .into_iter()
            .map(|t| (t, self.t(t).coverage(d)))
            .collect()
    }

    /// Whether a tenure certainly covers every day of `i`.
    fn covers(&self, kinds: &[TenureKind], i: &Interval) -> Option<TenureId> {
        self.of_kind(kinds)
            .into_iter()
            .find(|t| self.t(*t).certain.is_some_and(|c| i.within(&c)))
    }

    /// Whether any tenure may cover some day of `i`.
    fn may_cover(&self, kinds: &[TenureKind], i: &Interval) -> bool {
        self.of_kind(kinds).into_iter().any(|t| self.t(t).possible.overlaps(i))
    }

    /// No qualifier: in office on the date, or at the time the sentence describes.
    fn current(&self) -> Judgement {
        let kinds = [TenureKind::InOffice, TenureKind::Acting];
        let cov = self.coverage(&kinds, self.date);
        if let Some((t, _)) = cov.iter().find(|(_, c)| *c == Coverage::Held) {
            let acting = if self.t(*t).kind == TenureKind::Acting {
                " as acting holder"
            } else {
                ""
            };
            return self.with(
                Verdict::Pass,
                format!(
                    "{} held the office of {}{acting} on {} ({})",
                    self.name,
                    self.office(*t),
                    self.date,
                    span_text(self.t(*t))
                ),
                &[*t],
            );
        }
        if let Some(ctx) = self.r.context.map(|v| v.interval())
            && let Some(t) = self.covers(&kinds, &ctx)
        {
            return self.with(
                Verdict::Pass,
                format!(
                    "{} held the office of {} at the time the sentence describes ({}; {})",
                    self.name,
                    self.office(t),
                    ctx,
                    span_text(self.t(t))
                ),
                &[t],
            );
        }
        if let Some((t, _)) = cov.iter().find(|(_, c)| *c == Coverage::Unsure) {
            return self.with(
                Verdict::Unverified,
                format!(
                    "the record cannot say whether {} held the office of {} on {} (tenure {})",
                    self.name,
                    self.office(*t),
                    self.date,
                    span_text(self.t(*t))
                ),
                &[*t],
            );
        }
        if let Some(ctx) = self.r.context.map(|v| v.interval())
            && self.may_cover(&kinds, &ctx)
            && ctx != Interval::day(self.date)
            // Some tenure of these kinds, since one may cover `ctx`.
            && let Some(&t) = self.of_kind(&kinds).first()
        {
            return self.with(
                Verdict::Unverified,
                format!(
                    "the record cannot say whether {} held the office of {} in {ctx}",
                    self.name,
                    self.office(t)
                ),
                &[t],
            );
        }
        self.not_in_office()
    }

    /// The person did not hold the office on the date: stale or premature.
    fn not_in_office(&self) -> Judgement {
        let kinds = [TenureKind::InOffice, TenureKind::Acting];
        let cov = self.coverage(&kinds, self.date);
        let ended: Vec<TenureId> = cov
            .iter()
            .filter(|(_, c)| *c == Coverage::Ended)
            .map(|(t, _)| *t)
            .collect();
        let upcoming: Vec<TenureId> = cov
            .iter()
            .filter(|(_, c)| *c == Coverage::NotYet)
            .map(|(t, _)| *t)
            .collect();
        // Chosen but not yet in office: elect on the date.
        let elect = self
            .coverage(&[TenureKind::Elect], self.date)
            .into_iter()
            .find(|(_, c)| matches!(c, Coverage::Held | Coverage::Unsure));
        if let (Some(next), Some((e, _))) = (upcoming.first(), elect) {
            let mut cite = vec![*next, e];
            let note = self.holder_note(self.t(*next).office, self.date, &mut cite);
            return self.with(
                Verdict::Fail,
                format!(
                    "{} takes the office of {} on {}; on {} {} is only elect (chosen, not yet in office){note}",
                    self.name,
                    self.office(*next),
                    self.t(*next).start_text(),
                    self.date,
                    self.name,
                ),
                &cite,
            );
        }
        if let Some(last) = ended.last() {
            let mut cite = vec![*last];
            let note = self.holder_note(self.t(*last).office, self.date, &mut cite);
            let end = self.t(*last).end_text().unwrap_or_default();
            return self.with(
                Verdict::Fail,
                format!(
                    "{} left the office of {} on {end}; on {} {} is a former holder{note}",
                    self.name,
                    self.office(*last),
                    self.date,
                    self.name
                ),
                &cite,
            );
        }
        if let Some(next) = upcoming.first() {
            let mut cite = vec![*next];
            let note = self.holder_note(self.t(*next).office, self.date, &mut cite);
            return self.with(
                Verdict::Fail,
                format!(
                    "{} took the office of {} only on {}, after {}{note}",
                    self.name,
                    self.office(*next),
                    self.t(*next).start_text(),
                    self.date
                ),
                &cite,
            );
        }
        // Only elect tenures are recorded (`judge` builds a `Judge` only for some tenures).
        let t = self.tenures.first().copied();
        self.with(
            Verdict::Unverified,
            format!(
                "the knowledge base records {} only as elect for {}",
                self.name,
                t.map_or("", |t| self.office(t))
            ),
            t.as_slice(),
        )
    }

    /// "former": held it before the date, not on it.
    fn former(&self) -> Judgement {
        let kinds = [TenureKind::InOffice, TenureKind::Acting];
        let cov = self.coverage(&kinds, self.date);
        if let Some((t, _)) = cov.iter().find(|(_, c)| *c == Coverage::Held) {
            return self.with(
                Verdict::Fail,
                format!(
                    "{} holds the office of {} on {} ({}), so is not a former holder",
                    self.name,
                    self.office(*t),
                    self.date,
                    span_text(self.t(*t))
                ),
                &[*t],
            );
        }
        if let Some((t, _)) = cov.iter().rev().find(|(_, c)| *c == Coverage::Ended) {
            return self.with(
                Verdict::Pass,
                format!(
                    "{} held the office of {} {}, before {}",
                    self.name,
                    self.office(*t),
                    span_text(self.t(*t)),
                    self.date
                ),
                &[*t],
            );
        }
        if let Some((t, _)) = cov.iter().find(|(_, c)| *c == Coverage::Unsure) {
            return self.with(
                Verdict::Unverified,
                format!(
                    "the record cannot say whether {}'s tenure as {} had ended by {} ({})",
                    self.name,
                    self.office(*t),
                    self.date,
                    span_text(self.t(*t))
                ),
                &[*t],
            );
        }
        match cov.first() {
            Some((t, _)) => self.with(
                Verdict::Fail,
                format!(
                    "{} had not yet held the office of {} on {} (took office on {})",
                    self.name,
                    self.office(*t),
                    self.date,
                    self.t(*t).start_text()
                ),
                &[*t],
            ),
            None => self.with(
                Verdict::Unverified,
                format!("the knowledge base records {} only as elect", self.name),
                self.tenures,
            ),
        }
    }

    /// "then-": held it at the time the sentence describes.
    fn then(&self) -> Judgement {
        let kinds = [TenureKind::InOffice, TenureKind::Acting];
        let Some(ctx) = self.r.context.map(|v: DateValue| v.interval()) else {
            // No date in the sentence: "then-" claims only that the tenure lies in the past.
            let before: Vec<TenureId> = self
                .of_kind(&kinds)
                .into_iter()
                .filter(|t| self.t(*t).possible.first <= self.date)
                .collect();
            return match before.first() {
                Some(t) => self.with(
                    Verdict::Pass,
                    format!(
                        "{} held the office of {} {} (the sentence names no date to check \"then\" against)",
                        self.name,
                        self.office(*t),
                        span_text(self.t(*t))
                    ),
                    &[*t],
                ),
                None => self.not_in_office(),
            };
        };
        if let Some(t) = self.covers(&kinds, &ctx) {
            return self.with(
                Verdict::Pass,
                format!(
                    "{} held the office of {} in {ctx} ({})",
                    self.name,
                    self.office(t),
                    span_text(self.t(t))
                ),
                &[t],
            );
        }
        // Some tenure of these kinds, since one may cover `ctx`.
        if self.may_cover(&kinds, &ctx)
            && let Some(&t) = self.of_kind(&kinds).first()
        {
            return self.with(
                Verdict::Unverified,
                format!(
                    "the record cannot say whether {} held the office of {} in {ctx}",
                    self.name,
                    self.office(t)
                ),
                &[t],
            );
        }
        let all = self.of_kind(&kinds);
        let Some(t) = all.first().copied() else {
            return self.with(
                Verdict::Unverified,
                format!("the knowledge base records {} only as elect", self.name),
                self.tenures,
            );
        };
        let mut cite = all.clone();
        let note = self.holder_note(self.t(t).office, ctx.first, &mut cite);
        let spans: Vec<String> = all.iter().map(|t| span_text(self.t(*t))).collect();
        self.with(
            Verdict::Fail,
            format!(
                "{} did not hold the office of {} in {ctx} (held it {}){note}",
                self.name,
                self.office(t),
                spans.join(" and ")
            ),
            &cite,
        )
    }

    /// "-elect": chosen, not yet in office, on the date.
    fn elect(&self) -> Judgement {
        let cov = self.coverage(&[TenureKind::Elect], self.date);
        if let Some((t, _)) = cov.iter().find(|(_, c)| *c == Coverage::Held) {
            return self.with(
                Verdict::Pass,
                format!(
                    "{} was elected to the office of {} and not yet in office on {} ({})",
                    self.name,
                    self.office(*t),
                    self.date,
                    span_text(self.t(*t))
                ),
                &[*t],
            );
        }
        if let Some((t, _)) = cov.iter().find(|(_, c)| *c == Coverage::Unsure) {
            return self.with(
                Verdict::Unverified,
                format!(
                    "the record cannot say whether {} was elected to the office of {} and not yet in office on {} ({})",
                    self.name,
                    self.office(*t),
                    self.date,
                    span_text(self.t(*t))
                ),
                &[*t],
            );
        }
        let in_office = self.coverage(&[TenureKind::InOffice], self.date);
        if let Some((t, _)) = in_office.iter().find(|(_, c)| *c == Coverage::Held) {
            let mut cite = vec![*t];
            cite.extend(cov.iter().map(|(t, _)| *t));
            return self.with(
                Verdict::Fail,
                format!(
                    "{} took the office of {} on {}; on {} {} is no longer elect",
                    self.name,
                    self.office(*t),
                    self.t(*t).start_text(),
                    self.date,
                    self.name
                ),
                &cite,
            );
        }
        if let Some((t, _)) = cov.iter().find(|(_, c)| *c == Coverage::Ended) {
            return self.with(
                Verdict::Fail,
                format!(
                    "{}'s time as elect for the office of {} ended on {}, before {}",
                    self.name,
                    self.office(*t),
                    self.t(*t).end_text().unwrap_or_default(),
                    self.date
                ),
                &[*t],
            );
        }
        if let Some((t, _)) = cov.iter().find(|(_, c)| *c == Coverage::NotYet) {
            return self.with(
                Verdict::Fail,
                format!(
                    "{} was chosen for {} only on {}, after {}",
                    self.name,
                    self.office(*t),
                    self.t(*t).start_text(),
                    self.date
                ),
                &[*t],
            );
        }
        self.with(
            Verdict::Unverified,
            format!("the knowledge base records no time when {} was elect for it", self.name),
            self.tenures,
        )
    }

    /// "acting": an acting tenure on the date.
    fn acting(&self) -> Judgement {
        let cov = self.coverage(&[TenureKind::Acting], self.date);
        if let Some((t, _)) = cov.iter().find(|(_, c)| *c == Coverage::Held) {
            return self.with(
                Verdict::Pass,
                format!(
                    "{} was acting {} on {} ({})",
                    self.name,
                    self.office(*t),
                    self.date,
                    span_text(self.t(*t))
                ),
                &[*t],
            );
        }
        if cov.iter().any(|(_, c)| *c == Coverage::Unsure)
            || self
                .coverage(&[TenureKind::InOffice], self.date)
                .iter()
                .any(|(_, c)| matches!(c, Coverage::Held | Coverage::Unsure))
        {
            return self.with(
                Verdict::Unverified,
                format!(
                    "the record cannot say whether {} was acting {} on {}",
                    self.name,
                    // `judge` builds a `Judge` only for some tenures.
                    self.tenures.first().map_or("", |t| self.office(*t)),
                    self.date
                ),
                self.tenures,
            );
        }
        self.not_in_office()
    }

    /// "incoming": elect on the date, or taking office soon after it.
    fn incoming(&self) -> Judgement {
        if let Some((t, _)) = self
            .coverage(&[TenureKind::Elect], self.date)
            .into_iter()
            .find(|(_, c)| *c == Coverage::Held)
        {
            return self.with(
                Verdict::Pass,
                format!(
                    "{} was chosen for {} and not yet in office on {} ({})",
                    self.name,
                    self.office(t),
                    self.date,
                    span_text(self.t(t))
                ),
                &[t],
            );
        }
        let cov = self.coverage(&[TenureKind::InOffice, TenureKind::Acting], self.date);
        if let Some((t, _)) = cov.iter().find(|(_, c)| *c == Coverage::Held) {
            return self.with(
                Verdict::Fail,
                format!(
                    "{} already held the office of {} on {} ({})",
                    self.name,
                    self.office(*t),
                    self.date,
                    span_text(self.t(*t))
                ),
                &[*t],
            );
        }
        if let Some((t, _)) = cov.iter().find(|(_, c)| *c == Coverage::NotYet) {
            return self.with(
                Verdict::Pass,
                format!(
                    "{} took the office of {} on {}, after {}",
                    self.name,
                    self.office(*t),
                    self.t(*t).start_text(),
                    self.date
                ),
                &[*t],
            );
        }
        if let Some((t, _)) = cov.iter().find(|(_, c)| *c == Coverage::Ended) {
            return self.with(
                Verdict::Fail,
                format!(
                    "{} left the office of {} on {}, before {}",
                    self.name,
                    self.office(*t),
                    self.t(*t).end_text().unwrap_or_default(),
                    self.date
                ),
                &[*t],
            );
        }
        self.with(
            Verdict::Unverified,
            format!(
                "the record cannot say whether {} was about to take office on {}",
                self.name, self.date
            ),
            self.tenures,
        )
    }

    /// "outgoing": in office on the date, with a recorded end within a year.
    fn outgoing(&self) -> Judgement {
        let cov = self.coverage(&[TenureKind::InOffice, TenureKind::Acting], self.date);
        if let Some((t, _)) = cov.iter().find(|(_, c)| *c == Coverage::Held) {
            let tenure = self.t(*t);
            let soon = crate::date::add_days(self.date, 366).is_some_and(|limit| tenure.possible.last <= limit);
            return if soon {
                self.with(
                    Verdict::Pass,
                    format!(
                        "{} held the office of {} on {} and left it on {}",
                        self.name,
                        self.office(*t),
                        self.date,
                        tenure.end_text().unwrap_or_default()
                    ),
                    &[*t],
                )
            } else {
                self.with(
                    Verdict::Unverified,
                    format!(
                        "{} held the office of {} on {}; no end of the tenure is recorded within a year",
                        self.name,
                        self.office(*t),
                        self.date
                    ),
                    &[*t],
                )
            };
        }
        if cov.iter().any(|(_, c)| *c == Coverage::Unsure) {
            return self.with(
                Verdict::Unverified,
                format!(
                    "the record cannot say whether {} held the office on {}",
                    self.name, self.date
                ),
                self.tenures,
            );
        }
        self.not_in_office()
    }

    /// "Fox News Digital's Anders Hagstrom": held some office of the body on the date.
    fn affiliation(&self) -> Judgement {
        let kinds = [TenureKind::InOffice, TenureKind::Acting];
        let cov = self.coverage(&kinds, self.date);
        let body = self
            .r
            .title
            .trim_end_matches(['\'', '’', 's'])
            .trim_end_matches(['\'', '’']);
        if let Some((t, _)) = cov.iter().find(|(_, c)| *c == Coverage::Held) {
            return self.with(
                Verdict::Pass,
                format!(
                    "{} was {} on {} ({})",
                    self.name,
                    self.office(*t),
                    self.date,
                    span_text(self.t(*t))
                ),
                &[*t],
            );
        }
        if let Some((t, _)) = cov.iter().find(|(_, c)| *c == Coverage::Unsure) {
            return self.with(
                Verdict::Unverified,
                format!(
                    "the record cannot say whether {} was still with {body} on {} ({})",
                    self.name,
                    self.date,
                    span_text(self.t(*t))
                ),
                &[*t],
            );
        }
        self.not_in_office()
    }
}

/// The person holds no tenure in any office the title may mean.
fn never_held(r: &RoleClaim, person: &Person, date: Date, kb: &KnowledgeBase) -> Judgement {
    let name = &person.name;
    if r.listed {
        return Judgement::unverified(format!(
            "{name} never held the office of {}, but in this list the title may name someone else",
            r.offices
                .iter()
                .map(|o| office_name(kb, *o))
                .collect::<Vec<_>>()
                .join(" or ")
        ))
        .cite(kb, &person.provenance);
    }
    let when = match (r.qualifier, r.context) {
        (Qualifier::Then, Some(c)) => c.interval().first,
        _ => date,
    };
    // Refutable only if every office the title may mean has a known holder then, or lists
    // all its holders.
    let mut holders = Vec::new();
    for &o in &r.offices {
        // Claims only carry ids of this knowledge base's offices.
        let Some(office) = kb.offices.get(o.index()) else {
            return Judgement::unverified(format!("{name} is not recorded as holding the office"));
        };
        let held_by = kb
            .holders_on(o, when)
            .into_iter()
            .find(|(_, c)| *c == crate::kb::Coverage::Held)
            .map(|(t, _)| t);
        match held_by {
            Some(t) if office.exclusive => holders.push((office, Some(t))),
            _ if !office.exclusive && !office.open => holders.push((office, None)),
            _ => {
                return Judgement::unverified(format!(
                    "{name} is not recorded as holding the office of {}, and its list of holders on {when} is incomplete",
                    office.name
                ));
            }
        }
    }
    let mut j = Judgement::new(Verdict::Fail, String::new());
    let mut parts = Vec::new();
    for (office, t) in &holders {
        match t {
            Some(t) => {
                let tenure = kb.tenure(*t);
                parts.push(format!(
                    "{} was held by {}",
                    office.name,
                    person_name(kb, tenure.person)
                ));
                j = j.cite(kb, &tenure.provenance);
            }
            None => {
                parts.push(format!("{} lists all its holders", office.name));
                j = j.cite(kb, &office.provenance);
            }
        }
    }
    let offices: Vec<&str> = r.offices.iter().map(|o| office_name(kb, *o)).collect();
    j.reason = format!(
        "{name} never held the office of {}; on {when} {}",
        offices.join(" or "),
        parts.join(", and ")
    );
    j.cite(kb, &person.provenance)
}
