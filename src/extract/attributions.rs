//! Attribution claims: quoted words and the speaker they are given to.
//!
//! The speaker is read from the attribution next to the quotation, in the shapes news uses:
//! “…,” X said. / “…,” said X. / “…,” according to X. / X said: “…” / X said that … “…” /
//! X called it “…”. A quotation with no attribution of its own that opens a sentence continues
//! the previous speaker's words (“A,” X said. “B.”), and a quotation left open at the end of a
//! paragraph takes the speaker of the one that opens the next. Speakers may be names, surnames,
//! titles with names, pronouns (the most recent fitting person) or organisations ("the court").

use super::dates::subject_before;
use super::doc::{Doc, Sent, Who};
use super::lexicon::{self, is};
use super::{AttributionClaim, Claim, ClaimKind, Detail};
use crate::article::quotes::Quotation;
use crate::article::{Token, TokenKind};
use crate::kb::Speaker;
use crate::text::name_key;

/// Words that may stand between a speaker and the reporting verb ("Biden also said").
const ADVERBS: &[&str] = &[
    "also",
    "later",
    "then",
    "again",
    "further",
    "previously",
    "once",
    "has",
    "had",
    "have",
    "reportedly",
    "recently",
    "immediately",
    "earlier",
    "quickly",
    "simply",
    "flatly",
    "publicly",
    "separately",
    "repeatedly",
    "angrily",
    "firmly",
    "told",
    "wrote",
];

/// A speaker found next to a quotation.
struct Found {
    who: Who,
    written: String,
    verb: Option<String>,
}

/// What `before` needs to know of a sentence, read once for all its quotations (a sentence
/// may hold thousands, and reading it again for each was quadratic).
struct SentenceFacts {
    /// The sentence's index.
    index: usize,
    /// Reporting verbs outside quotations, in order.
    verbs: Vec<usize>,
    /// The first "according to X" whose X is a speaker: the index of "according".
    according: Option<usize>,
    /// For each word, the first word of its clause.
    clause_starts: Vec<usize>,
    /// The end of the first word (not mark), if any.
    first_word_end: Option<usize>,
}

impl SentenceFacts {
    /// The facts of `sent`, the sentence numbered `index`.
    fn new(doc: &Doc, index: usize, sent: &Sent) -> Self {
        let n = sent.tokens.len();
        let verbs = sent
            .tokens
            .iter()
            .enumerate()
            .filter(|&(i, t)| sent.is_reporting_verb(i) && !doc.in_quote(t.start))
            .map(|(i, _)| i)
            .collect();
        let according = (0..n).find(|&i| {
            sent.lower(i) == "according" && sent.lower(i + 1) == "to" && speaker_right(doc, sent, i + 2).is_some()
        });
        // A clause opens at the first word and after each comma, semicolon or colon.
        let mut clause_starts: Vec<usize> = Vec::with_capacity(n);
        let mut clause_start = 0;
        let mut prev: Option<&Token> = None;
        for (k, t) in sent.tokens.iter().enumerate() {
            if prev.is_some_and(|p| p.is(',') || p.is(';') || p.is(':')) {
                clause_start = k;
            }
            clause_starts.push(clause_start);
            prev = Some(t);
        }
        let first_word_end = sent.tokens.iter().find(|t| t.kind != TokenKind::Punct).map(|t| t.end);
        SentenceFacts {
            index,
            verbs,
            according,
            clause_starts,
            first_word_end,
        }
    }
}

/// Every attribution claim of the article.
pub fn extract(doc: &Doc) -> Vec<Claim> {
    let mut out: Vec<Claim> = Vec::new();
    // For each claim pushed: its quotation left open at the end of its paragraph, with the
    // paragraph, when no speaker was found for it (see `open_ended`).
    let mut open_ended: Vec<Option<usize>> = Vec::new();
    // The speaker of the last attributed quotation, with its paragraph.
    let mut last: Option<(usize, Found)> = None;
    let mut facts: Option<SentenceFacts> = None;
    for q in &doc.quotations {
        let Some(si) = doc.sentence_at(q.open).or_else(|| doc.sentence_at(q.inner.start)) else {
            continue;
        };
        let Some(sent) = doc.sentences.get(si) else {
            continue;
        };
        if facts.as_ref().is_none_or(|f| f.index != si) {
            facts = Some(SentenceFacts::new(doc, si, sent));
        }
        let Some(facts) = facts.as_ref() else {
            continue;
        };
        let Some(inner) = doc.article.text.get(q.inner.clone()) else {
            continue;
        };
        let quote_text = inner.trim_end_matches([',', ' ', ';']).to_string();
        let words = quote_text.split_whitespace().count();
        let partial = facts.first_word_end.is_some_and(|end| end <= q.open);
        let close_sentence = q
            .close
            .as_ref()
            .and_then(|c| doc.sentence_at(c.start))
            .and_then(|i| doc.sentences.get(i));
        // "Biden called the warrants “outrageous”, while Blinken said …": a quotation that is the
        // complement of a naming verb belongs to that verb's subject, whatever follows it.
        let named = names_before(sent, facts, q)
            .then(|| before(doc, sent, facts, q))
            .flatten();
        let mut found = named.or_else(|| close_sentence.and_then(|s| after(doc, s, q)));
        if found.is_none() {
            found = byline(doc, q);
        }
        if found.is_none() {
            found = before(doc, sent, facts, q);
        }
        if found.is_none() && !partial && starts_paragraph(doc, q, sent) {
            // A paragraph that is a quotation, after one that ends by introducing it: "…what he
            // wrote in November:" then the words, often as a block quote.
            found = introduced_by_previous_paragraph(doc, si, sent, q);
        }
        if found.is_none() && !partial {
            // A quotation that opens a sentence continues the previous speaker's words, in the
            // same paragraph or from the paragraph before.
            if let Some((p, f)) = &last
                && (*p == sent.paragraph || (*p + 1 == sent.paragraph && starts_paragraph(doc, q, sent)))
            {
                found = Some(Found {
                    who: f.who.clone(),
                    written: f.written.clone(),
                    verb: None,
                });
            }
        }
        // A pronoun continues the last speaker when the nearest fitting name stands in the same
        // sentence: "If Schumer does not act, he added, …" is still the previous speaker talking.
        if let (Some(f), Some((p, prev))) = (&mut found, &last)
            && matches!(f.written.to_lowercase().as_str(), "he" | "she" | "they")
            && (*p == sent.paragraph || *p + 1 == sent.paragraph)
            && prev.who != f.who
            && let Who::Person { id, .. } = &prev.who
        {
            let pronoun = f.written.to_lowercase();
            let fits = id.is_none_or(|p| {
                doc.kb
                    .persons
                    .get(p.index())
                    .is_none_or(|x| x.pronoun.as_deref().is_none_or(|x| x == pronoun))
            });
            // The nearest mention of `f.who` before the quotation is in this sentence exactly
            // when one lies between the sentence's start and the quotation (found by bisection:
            // a scan of every mention per quotation was quadratic).
            let lo = doc.mentions.partition_point(|m| m.offset < sent.range.start);
            let hi = doc.mentions.partition_point(|m| m.offset < q.open).max(lo);
            let nearest_here = doc
                .mentions
                .get(lo..hi)
                .unwrap_or_default()
                .iter()
                .any(|m| m.who == f.who);
            if fits && nearest_here {
                f.who = prev.who.clone();
            }
        }
        if found.is_none() && words < 2 {
            continue;
        }

        if found.is_none() {
            // A headline: "Pentagon 'fundamentally rejects' ICC decision".
            found = headline_subject(doc, sent, q);
        }
        let (speaker, speaker_id, verb) = match &found {
            Some(f) => (Some(f.written.clone()), f.who.speaker(), f.verb.clone()),
            None => (None, None, None),
        };
        let could_be = found
            .as_ref()
            .map(|f| other_antecedents(doc, sent, q.open, f))
            .unwrap_or_default();
        if let Some(f) = found {
            last = Some((sent.paragraph, f));
        }
        let span = q.inner.start..q.inner.start + quote_text.len();
        open_ended.push((speaker.is_none() && q.close.is_none()).then_some(sent.paragraph));
        out.push(Claim {
            kind: ClaimKind::Attribution,
            text: quote_text.clone(),
            span,
            sentence: sent.range.clone(),
            ignored: sent.ignored,
            detail: Detail::Attribution(AttributionClaim {
                quote: quote_text,
                speaker,
                speaker_id,
                verb,
                partial,
                could_be,
            }),
        });
    }
    continue_across_paragraphs(doc, &mut out, &open_ended);
    out
}

/// When `f` is a pronoun: the other people (or, for "they", bodies) named in this paragraph or
/// the one before, before `offset`, whom it could also mean.
fn other_antecedents(doc: &Doc, sent: &Sent, offset: usize, f: &Found) -> Vec<Speaker> {
    let pronoun = f.written.to_lowercase();
    if !matches!(pronoun.as_str(), "he" | "she" | "they") {
        return Vec::new();
    }
    let from = doc
        .article
        .paragraphs
        .get(sent.paragraph.saturating_sub(1))
        .map_or(0, |p| p.range.start);
    let fits = |w: &Who| match w {
        Who::Person { id: Some(p), .. } => {
            pronoun == "they"
                || doc
                    .kb
                    .persons
                    .get(p.index())
                    .is_none_or(|x| x.pronoun.as_deref().is_none_or(|x| x == pronoun))
        }
        Who::Body(_) => pronoun == "they",
        _ => false,
    };
    let mut out = Vec::new();
    // Mentions are in order: the window is found by bisection, not by a scan per quotation, and
    // holds at most the last few dozen (a paragraph of thousands of sentences is no reason to
    // look through all of them for each "he").
    const LOOKBACK: usize = 40;
    let hi = doc.mentions.partition_point(|m| m.offset < offset);
    let lo = doc
        .mentions
        .partition_point(|m| m.offset < from)
        .max(hi.saturating_sub(LOOKBACK))
        .min(hi);
    for m in doc.mentions.get(lo..hi).unwrap_or_default() {
        if m.who != f.who
            && fits(&m.who)
            && let Some(s) = m.who.speaker()
            && !out.contains(&s)
        {
            out.push(s);
        }
    }
    out
}

/// The speaker of a quotation that opens the paragraph after a sentence ending in a colon with
/// a reporting verb: the subject of that verb.
fn introduced_by_previous_paragraph(doc: &Doc, si: usize, sent: &Sent, q: &Quotation) -> Option<Found> {
    let prev = doc.sentences.get(si.checked_sub(1)?)?;
    if prev.paragraph + 1 != sent.paragraph || !prev.tokens.last().is_some_and(|t| t.is(':')) {
        return None;
    }
    before(doc, prev, &SentenceFacts::new(doc, si - 1, prev), q)
}

/// A quotation that runs over several paragraphs leaves each but the last open, and each next
/// paragraph opens with a quotation mark: the attribution after the last ("…,” he wrote.) gives
/// the speaker of them all.
fn continue_across_paragraphs(doc: &Doc, out: &mut [Claim], open_ended: &[Option<usize>]) {
    for k in (0..out.len()).rev() {
        let Some(paragraph) = open_ended.get(k).copied().flatten() else {
            continue;
        };
        let Some(next) = out.get(k + 1) else {
            continue;
        };
        let next_paragraph = doc
            .sentence_at(next.span.start)
            .and_then(|i| doc.sentences.get(i))
            .map(|s| s.paragraph);
        let opens_next = doc
            .article
            .paragraphs
            .get(paragraph + 1)
            .is_some_and(|p| next.span.start <= p.range.start + 3);
        let Detail::Attribution(a) = &next.detail else {
            continue;
        };
        if next_paragraph != Some(paragraph + 1) || !opens_next || a.speaker.is_none() {
            continue;
        }
        let (speaker, speaker_id, verb) = (a.speaker.clone(), a.speaker_id, a.verb.clone());
        if let Some(Detail::Attribution(this)) = out.get_mut(k).map(|c| &mut c.detail) {
            this.speaker = speaker;
            this.speaker_id = speaker_id;
            this.verb = verb;
        }
    }
}

/// Whether the quotation is the complement of a naming verb a few words before it: "called the
/// warrants “outrageous”", "described it as “a dark day”".
fn names_before(sent: &Sent, facts: &SentenceFacts, q: &Quotation) -> bool {
    let open = sent.tokens.partition_point(|t| t.start < q.open);
    facts
        .verbs
        .get(..facts.verbs.partition_point(|&i| i < open))
        .and_then(<[usize]>::last)
        .is_some_and(|&v| {
            open - v <= 6
                && matches!(
                    sent.lower(v),
                    "called"
                        | "calls"
                        | "call"
                        | "calling"
                        | "described"
                        | "describes"
                        | "dubbed"
                        | "labelled"
                        | "labeled"
                        | "branded"
                        | "termed"
                )
                && (v + 1..open).all(|k| sent.is_word(k))
        })
}

fn starts_paragraph(doc: &Doc, q: &Quotation, sent: &Sent) -> bool {
    doc.article
        .paragraphs
        .get(sent.paragraph)
        .is_some_and(|p| p.range.start + 3 >= q.open)
}

/// The byline of a pull quote or a fact box: “…” — Joe Biden, 21 Nov 2024. A dash right after
/// the closing mark, in the same paragraph, then the speaker.
fn byline(doc: &Doc, q: &Quotation) -> Option<Found> {
    let close = q.close.as_ref()?;
    let first = doc.sentences.partition_point(|s| s.range.end <= close.end);
    let (sent, a) = doc.sentences.get(first..)?.iter().find_map(|s| {
        let a = s.tokens.partition_point(|t| t.start < close.end);
        (a < s.tokens.len()).then_some((s, a))
    })?;
    let opened = doc.sentence_at(q.open).and_then(|i| doc.sentences.get(i))?;
    let dash = sent.tokens.get(a)?;
    let between = doc.article.text.get(close.end..dash.start)?;
    if sent.paragraph != opened.paragraph || !(dash.is('—') || dash.is('–')) || !between.trim().is_empty() {
        return None;
    }
    // A known person up to the first comma, past a title with hyphens ("then-President Joe
    // Biden"); else whoever stands right after the dash.
    let end = sent.tokens.len().min(a + 12);
    let known = (a + 1..end)
        .take_while(|&k| sent.tokens.get(k).is_some_and(|t| !t.is(',')))
        .find_map(|k| {
            let h = sent.person_at(k)?;
            Some(Found {
                who: doc.person(h.person()?)?,
                written: doc.words(sent, k, h.end - 1)?.to_string(),
                verb: None,
            })
        });
    known.or_else(|| speaker_right(doc, sent, a + 1))
}

/// The attribution after the closing mark: “…,” X said. / “…,” said X. / “…,” according to X.
fn after(doc: &Doc, sent: &Sent, q: &Quotation) -> Option<Found> {
    let close = q.close.as_ref()?;
    let mut a = sent.tokens.partition_point(|t| t.start < close.end);
    if a == sent.tokens.len() {
        return None;
    }
    while sent.tokens.get(a).is_some_and(|t| t.is(',') || t.is('—') || t.is('–')) {
        a += 1;
    }
    // The quotation must end its clause: "…," or "…?" or "…!" inside the marks, or a comma after.
    let inner_end = doc.article.text.get(q.inner.clone())?.trim_end();
    let ends_clause = inner_end.ends_with([',', '?', '!', '.', '—', '–'])
        || sent.tokens.get(a.wrapping_sub(1)).is_some_and(|t| t.is(','));
    if !ends_clause {
        return None;
    }
    let w = sent.lower(a);
    if w == "according" && sent.lower(a + 1) == "to" {
        return speaker_right(doc, sent, a + 2).map(|mut f| {
            f.verb = Some("according to".into());
            f
        });
    }
    if sent.is_reporting_verb(a) {
        return speaker_right(doc, sent, a + 1).map(|mut f| {
            f.verb = sent.tokens.get(a).map(|t| t.text.to_string());
            f
        });
    }
    // X [also] said
    let mut v = a;
    while v < sent.tokens.len() && v < a + 8 && !sent.is_reporting_verb(v) {
        if !sent.is_word(v) {
            return None;
        }
        v += 1;
    }
    if v >= sent.tokens.len() || !sent.is_reporting_verb(v) || v == a {
        return None;
    }
    let mut e = v - 1;
    while e > a && is(ADVERBS, sent.lower(e)) {
        e -= 1;
    }
    let f = speaker_left(doc, sent, a, e)?;
    Some(Found {
        verb: sent.tokens.get(v).map(|t| t.text.to_string()),
        ..f
    })
}

/// The attribution before the opening mark: X said: “…” / X said that … “…” / According to X, “…”.
fn before(doc: &Doc, sent: &Sent, facts: &SentenceFacts, q: &Quotation) -> Option<Found> {
    let open = sent.tokens.partition_point(|t| t.start < q.open);
    // "According to X, “…”"
    if let Some(i) = facts.according.filter(|&i| i < open.saturating_sub(2))
        && let Some(mut f) = speaker_right(doc, sent, i + 2)
    {
        f.verb = Some("according to".into());
        return Some(f);
    }
    // "As Prime Minister Netanyahu put it, the court “…”".
    if let Some(put) = (1..open)
        .rev()
        .find(|&k| sent.lower(k) == "put" && sent.lower(k + 1) == "it")
        && let Some(as_at) = (put.saturating_sub(8)..put).rev().find(|&k| sent.lower(k) == "as")
        && let Some(mut f) = speaker_left(doc, sent, as_at + 1, put - 1)
    {
        f.verb = Some("put it".into());
        return Some(f);
    }
    // "Herzog issued a strongly worded statement: “…”": the subject of the clause that names
    // the statement the quotation is.
    if open >= 2
        && sent.tokens.get(open - 1).is_some_and(|t| t.is(':'))
        && let Some(noun) = (open.saturating_sub(5)..open - 1).find(|&k| is(lexicon::SPEECH_NOUNS, sent.lower(k)))
        && facts.verbs.iter().all(|&v| v >= noun || v + 8 < noun)
        && let Some(who) = super::dates::subject_before(doc, sent, noun)
        && let Some(written) = written_of(doc, &who)
    {
        return Some(Found {
            who,
            written,
            verb: sent.tokens.get(noun).map(|t| t.text.to_string()),
        });
    }
    // The last reporting verb before the quotation.
    let v = *facts.verbs.get(..facts.verbs.partition_point(|&i| i < open))?.last()?;
    let verb = sent.tokens.get(v).map(|t| t.text.to_string());
    // Inversion: "Said Israeli President Isaac Herzog: “…”".
    if v == 0
        && let Some(mut f) = speaker_right(doc, sent, v + 1)
    {
        f.verb = verb;
        return Some(f);
    }
    // ", adding that “…”": a participle after a comma keeps the subject of the clause it
    // hangs on, the nearest person before it (what stands between the commas before it is
    // that clause, not an appositive).
    if v >= 1
        && sent.lower(v).ends_with("ing")
        && sent.tokens.get(v - 1).is_some_and(|t| t.is(','))
        && let Some(who) = subject_before(doc, sent, v)
        && let Some(written) = written_of(doc, &who)
    {
        return Some(Found { who, written, verb });
    }
    let mut e = v;
    while e > 0 && is(ADVERBS, sent.lower(e - 1)) {
        e -= 1;
    }
    // Between two commas stands either the speaker's name after a title ("Israel's foreign
    // minister, Gideon Saar, called …") or an appositive after the name ("Joe Biden, the US
    // president, called …"), to be skipped.
    if e >= 2
        && sent.tokens.get(e - 1).is_some_and(|t| t.is(','))
        && let Some(c) = sent
            .tokens
            .get(..e - 1)
            .and_then(|ts| ts.iter().rposition(|t| t.is(',')))
        && c > 0
        && sent.is_word(c - 1)
    {
        // A name or a title opens with a capital; "no friend of Netanyahu's" is an appositive.
        if let Some(f) = speaker_left(doc, sent, c + 1, e - 2)
            && matches!(f.who, Who::Person { .. })
            && sent.tokens.get(c + 1).is_some_and(|t| t.is_capitalized())
        {
            return Some(Found { verb, ..f });
        }
        e = c;
    }

    if e == 0 {
        return None;
    }
    let start = *facts.clause_starts.get(e - 1)?;
    let f = speaker_left(doc, sent, start, e - 1).or_else(|| {
        // "The ICC charged Netanyahu and Gallant with “…”": the subject may stand further left.
        let who = subject_before(doc, sent, v)?;
        Some(Found {
            written: written_of(doc, &who)?,
            who,
            verb: None,
        })
    })?;
    Some(Found { verb, ..f })
}

/// "Pentagon 'fundamentally rejects' ICC decision": a name right before a quotation in a
/// headline, where the quotation is the verb.
fn headline_subject(doc: &Doc, sent: &Sent, q: &Quotation) -> Option<Found> {
    if !sent.heading {
        return None;
    }
    let open = sent.tokens.partition_point(|t| t.start < q.open);
    if open == sent.tokens.len() {
        return None;
    }
    let e = open.checked_sub(1)?;
    speaker_left(doc, sent, 0, e)
}

/// How a speaker is written: None only for a body of another knowledge base.
fn written_of(doc: &Doc, who: &Who) -> Option<String> {
    Some(match who {
        Who::Person { name, .. } => name.clone(),
        Who::Body(b) => doc.kb.bodies.get(b.index())?.name.clone(),
        Who::Described(d) => d.clone(),
    })
}

/// A speaker whose last word is word `e` (not before word `from`).
fn speaker_left(doc: &Doc, sent: &Sent, from: usize, e: usize) -> Option<Found> {
    if e < from || !sent.is_word(e) {
        return None;
    }
    let last = sent.tokens.get(e)?;
    let text = |a: usize, b: usize| doc.words(sent, a, b).map(str::to_string);
    if let Some(h) = sent
        .hits_ending_at(e)
        .find(|h| h.person().is_some() && h.prefix.is_none())
    {
        return Some(Found {
            who: doc.person(h.person()?)?,
            written: text(h.start, e)?,
            verb: None,
        });
    }
    let w = sent.lower(e);
    if matches!(w, "he" | "she" | "it" | "they") {
        let who = doc.resolve_pronoun(w, last.start)?;
        return Some(Found {
            who,
            written: last.text.to_string(),
            verb: None,
        });
    }
    if let Some(h) = sent.hits_ending_at(e).find(|h| h.body().is_some() && !h.possessive) {
        return Some(Found {
            who: Who::Body(h.body()?),
            written: text(h.start, e)?,
            verb: None,
        });
    }
    // "the court", "the club": an organisation by its kind.
    if e > from && sent.lower(e - 1) == "the" && !last.is_capitalized() {
        let written = text(e - 1, e)?;
        let at = sent.tokens.get(e - 1).map_or(last.start, |t| t.start);
        // "The president added …" after "President Joe Biden".
        let who = match doc.titled_before(w, at) {
            Some(who) => who.clone(),
            None => match doc.resolve_kind(w, last.start) {
                Some(b) => Who::Body(b),
                None => Who::Described(written.clone()),
            },
        };
        return Some(Found {
            who,
            written,
            verb: None,
        });
    }
    if last.is_capitalized() && !is(lexicon::NOT_NAMES, w) {
        let mut a = e;
        while a > from
            && (sent.tokens.get(a - 1).is_some_and(|t| t.is_capitalized())
                || is(lexicon::NAME_PARTICLES, sent.lower(a - 1)))
            && !is(lexicon::NOT_NAMES, sent.lower(a - 1))
            && !is(lexicon::TITLE_HEADS, sent.lower(a - 1))
            && e - a < 3
        {
            a -= 1;
        }
        let name = text(a, e)?;
        let who = if a == e {
            doc.resolve_surname(&name, last.start)
        } else {
            let id = doc.kb.person_named(&name);
            match (id, doc.kb.body_named(&name)) {
                (None, Some(b)) => Who::Body(b),
                _ => Who::Person { name: name.clone(), id },
            }
        };
        return Some(Found {
            who,
            written: name,
            verb: None,
        });
    }
    // A title without a name that says whose office it is: "Israel's president said".
    if let Some((start, p)) = super::roles::holder_of_title(doc, sent, e)
        && start >= from
    {
        return Some(Found {
            who: doc.person(p)?,
            written: text(start, e)?,
            verb: None,
        });
    }
    // A title without a name: "the spokesman", "a senior official".
    if is(lexicon::TITLE_HEADS, w) {
        let mut a = e;
        while a > from && sent.is_word(a - 1) && !is(lexicon::STOP_WORDS, sent.lower(a - 1)) {
            a -= 1;
        }
        if a > from && matches!(sent.lower(a - 1), "the" | "a" | "an") {
            a -= 1;
        }
        // "Thune, the Senate majority leader, had warned …": the title is an appositive of the
        // name before it, which is the speaker.
        if a >= 2
            && sent.tokens.get(a - 1).is_some_and(|t| t.is(','))
            && let Some(f) = speaker_left(doc, sent, 0, a - 2)
            && matches!(f.who, Who::Person { .. })
        {
            return Some(f);
        }
        let written = text(a, e)?;
        // "The president added …" after "President Joe Biden": the one person so titled.
        if sent.lower(a) == "the"
            && let Some(words) = doc.words(sent, a + 1, e)
            && let Some(who) = doc.titled_before(&words.to_lowercase(), sent.tokens.get(a).map_or(0, |t| t.start))
        {
            return Some(Found {
                who: who.clone(),
                written,
                verb: None,
            });
        }
        return Some(Found {
            who: Who::Described(written.clone()),
            written,
            verb: None,
        });
    }
    None
}

/// A speaker starting at or soon after word `a` (after an inverted verb or "according to").
fn speaker_right(doc: &Doc, sent: &Sent, a: usize) -> Option<Found> {
    let text = |x: usize, y: usize| doc.words(sent, x, y).map(str::to_string);
    let limit = (a + 8).min(sent.tokens.len());
    for k in a..limit {
        if !sent.is_word(k) {
            break;
        }
        let Some(tok) = sent.tokens.get(k) else {
            break;
        };
        if let Some(h) = sent.person_at(k) {
            return Some(Found {
                who: doc.person(h.person()?)?,
                written: text(k, h.end - 1)?,
                verb: None,
            });
        }
        let w = sent.lower(k);
        if k == a && matches!(w, "he" | "she" | "it" | "they") {
            let who = doc.resolve_pronoun(w, tok.start)?;
            return Some(Found {
                who,
                written: tok.text.to_string(),
                verb: None,
            });
        }
        if let Some(h) = sent.hits_starting_at(k).find(|h| h.body().is_some() && !h.possessive) {
            // A body followed by a title is a title ("Pentagon spokesman"): keep reading.
            let next = sent.lower(h.end);
            if !is(lexicon::TITLE_HEADS, next) && !is(lexicon::TITLE_MODIFIERS, next) {
                return Some(Found {
                    who: Who::Body(h.body()?),
                    written: text(k, h.end - 1)?,
                    verb: None,
                });
            }
        }
        if tok.is_capitalized()
            && !is(lexicon::NOT_NAMES, w)
            && !is(lexicon::TITLE_HEADS, w)
            && !is(lexicon::TITLE_MODIFIERS, w)
        {
            let mut e = k;
            while e + 1 < limit
                && sent.tokens.get(e + 1).is_some_and(|t| t.is_capitalized())
                && !is(lexicon::NOT_NAMES, sent.lower(e + 1))
            {
                e += 1;
            }
            let name = text(k, e)?;
            let who = if e == k {
                doc.resolve_surname(&name, tok.start)
            } else {
                let id = doc.kb.person_named(&name);
                Who::Person { name: name.clone(), id }
            };
            return Some(Found {
                who,
                written: name,
                verb: None,
            });
        }
        if k == a && w == "the" {
            let kind = sent.lower(k + 1);
            if sent
                .tokens
                .get(k + 1)
                .is_some_and(|t| !t.is_capitalized() && t.kind == TokenKind::Word)
                && !is(lexicon::TITLE_HEADS, kind)
            {
                let written = text(k, k + 1)?;
                let who = match doc.resolve_kind(kind, tok.start) {
                    Some(b) => Who::Body(b),
                    None => Who::Described(written.clone()),
                };
                return Some(Found {
                    who,
                    written,
                    verb: None,
                });
            }
        }
        let lw = name_key(w);
        if !(is(lexicon::TITLE_HEADS, &lw)
            || is(lexicon::TITLE_MODIFIERS, &lw)
            || matches!(lw.as_str(), "the" | "a" | "an" | "former" | "then")
            || lw.ends_with("'s")
            || tok.is_capitalized())
        {
            break;
        }
    }
    None
}
