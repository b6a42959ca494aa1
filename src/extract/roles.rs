//! Role claims: a title given to a person.
//!
//! Four shapes of English news writing are read:
//! - a title before the name: "Israeli Prime Minister Benjamin Netanyahu", "his former defense
//!   minister Yoav Gallant", "Senate Majority Leader-elect John Thune";
//! - an appositive after the name: "Benjamin Netanyahu, Israel's prime minister,", "Isaac
//!   Herzog, the president of Israel,";
//! - an appositive before the name: "Israel's president, Isaac Herzog,";
//! - a possessive affiliation: "Fox News Digital's Anders Hagstrom".
//!
//! A title is read leftwards from its head word ("minister", or the last word of a title the
//! knowledge base knows), gathering qualifiers, the country or body it belongs to and modifier
//! words until a word that cannot be part of a title. The people may be unknown to the
//! knowledge base: a capitalised name after a title is still a claim, to be reported unverified.

use super::doc::{Doc, Sent, TokHit, Who};
use super::gazetteer::Entry;
use super::lexicon::{self, is};
use super::{Claim, ClaimKind, Detail, PersonRef, Qualifier, RoleClaim};
use crate::article::TokenKind;
use crate::date::DateValue;
use crate::kb::{BodyId, BodyKind, EventDate, OfficeId};
use crate::text::{name_key, phrase_stems};

/// Abbreviated heads written with a full stop before the name ("Sen. John Thune").
const ABBREVIATED: &[&str] = &[
    "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "brig", "dr", "mr", "mrs", "ms", "prof",
    "pres", "cmdr", "supt", "insp", "det",
];

/// A title phrase found in a sentence.
#[derive(Clone, Debug, Default)]
struct Phrase {
    start: usize,
    end: usize,
    qualifier: Option<Qualifier>,
    /// (word index, word in lower case) of the words that make up the title itself.
    words: Vec<(usize, String)>,
    bodies: Vec<(usize, BodyId)>,
    unknown_body: Option<String>,
    country_ref: bool,
    kind_ref: Option<String>,
    /// Opened by a possessive person or pronoun ("Netanyahu's", "his").
    possessor: bool,
}

/// Splits "then-President" into its qualifier prefix, its base word in lower case, and whether
/// it ends in "-elect".
fn split_word(word: &str) -> (Option<Qualifier>, String, bool) {
    let lower: String = word
        .chars()
        .map(crate::text::fold_char)
        .flat_map(char::to_lowercase)
        .collect();
    let mut base = lower.as_str();
    let mut prefix = None;
    if let Some((p, rest)) = base.split_once('-')
        && let Some(q) = qualifier_of(p)
        && !rest.is_empty()
    {
        prefix = Some(q);
        base = rest;
    }
    let (base, elect) = match base.strip_suffix("-elect") {
        Some(b) if !b.is_empty() => (b, true),
        _ => (base, false),
    };
    let base = base.strip_suffix("-designate").unwrap_or(base);
    // "leader-in-waiting": chosen, about to take office.
    if let Some(b) = base.strip_suffix("-in-waiting").filter(|b| !b.is_empty()) {
        return (Some(Qualifier::Incoming), b.to_string(), elect);
    }
    (prefix, base.to_string(), elect)
}

fn qualifier_of(w: &str) -> Option<Qualifier> {
    Some(match w {
        "former" | "ex" | "erstwhile" | "onetime" | "one-time" | "previous" | "late" => Qualifier::Former,
        // "his sacked defence minister": held the office and was removed from it.
        "sacked" | "fired" | "ousted" | "dismissed" | "deposed" => Qualifier::Former,
        "then" => Qualifier::Then,
        "elect" => Qualifier::Elect,
        "acting" | "interim" | "caretaker" => Qualifier::Acting,
        "incoming" | "designate" | "future" => Qualifier::Incoming,
        "outgoing" => Qualifier::Outgoing,
        "current" | "sitting" | "incumbent" | "new" | "newly" => Qualifier::None,
        _ => return None,
    })
}

fn set_qualifier(ph: &mut Phrase, q: Qualifier) {
    // The word nearest the title wins ("former acting" is rare; "new" never overrides).
    if ph.qualifier.is_none() || q != Qualifier::None {
        ph.qualifier = Some(q);
    }
}

fn possessive_stem(w: &str) -> Option<&str> {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix('\'').filter(|s| s.ends_with('s')))
}

/// Words `a` to `b` (inclusive) of the sentence, each with its index, as [`split_word`] reads
/// them (none unless both are words of it).
fn title_words<'s>(sent: &'s Sent, a: usize, b: usize) -> impl Iterator<Item = (usize, String)> + 's {
    let words = sent.tokens.get(a..=b).unwrap_or_default();
    (a..).zip(words).map(|(k, t)| (k, split_word(t.text).1))
}

/// Reads a title leftwards from its head word `h`.
fn title_before(sent: &Sent, h: usize) -> Option<Phrase> {
    let head = sent.tokens.get(h)?;
    if !sent.is_word(h) {
        return None;
    }
    let (prefix, base, elect) = split_word(head.text);
    let kb_title: Option<&TokHit> = sent.hits_ending_at(h).find(|x| x.is_title() && !x.possessive);
    if kb_title.is_none() && !is(lexicon::TITLE_HEADS, &base) {
        return None;
    }
    let mut ph = Phrase {
        start: h,
        end: h + 1,
        ..Phrase::default()
    };
    if let Some(q) = prefix {
        set_qualifier(&mut ph, q);
    }
    if elect || kb_title.is_some_and(|t| t.elect) {
        set_qualifier(&mut ph, Qualifier::Elect);
    }
    let mut j = h as isize;
    if let Some(t) = kb_title {
        ph.words.extend(title_words(sent, t.start, h));
        if let Some(q) = t.prefix {
            set_qualifier(&mut ph, q);
        }
        ph.start = t.start;
        j = t.start as isize - 1;
    } else {
        ph.words.push((h, base));
        j -= 1;
    }
    let mut steps = 0;
    while j >= 0 && steps < 8 {
        steps += 1;
        let i = j as usize;
        let Some(tok) = sent.tokens.get(i) else {
            break;
        };
        if !sent.is_word(i) {
            break;
        }
        // A person's name ends the title on its left, unless possessive ("Netanyahu's").
        if let Some(p) = sent.hits_ending_at(i).find(|x| x.person().is_some()) {
            if p.possessive && p.body().is_none() {
                ph.start = p.start;
                ph.possessor = true;
            }
            break;
        }
        if let Some(t) = sent.hits_ending_at(i).find(|x| x.is_title() && !x.possessive) {
            ph.words.extend(title_words(sent, t.start, i));
            if let Some(q) = t.prefix {
                set_qualifier(&mut ph, q);
            }
            ph.start = t.start;
            j = t.start as isize - 1;
            continue;
        }
        if let Some(b) = sent.hits_ending_at(i).find(|x| x.body().is_some()) {
            ph.bodies.push((b.start, b.body().unwrap_or(BodyId(0))));
            ph.start = b.start;
            if let Some(q) = b.prefix {
                set_qualifier(&mut ph, q);
            }
            if b.is_body_possessive() {
                break;
            }
            j = b.start as isize - 1;
            continue;
        }
        let (prefix, w, _) = split_word(tok.text);
        // "sacked", "fired" are qualifiers only as adjectives ("his sacked defence minister",
        // "Fired defense minister X"): after a name they are verbs ("Netanyahu fired defense
        // minister Gallant"), and the title is the one held when he was fired.
        let verb_like = matches!(w.as_str(), "sacked" | "fired" | "ousted" | "dismissed" | "deposed");
        let adjective = i == 0
            || !sent.is_word(i - 1)
            || matches!(sent.lower(i - 1), "the" | "a" | "an" | "his" | "her" | "its" | "their")
            || possessive_stem(sent.lower(i - 1)).is_some();
        if let Some(q) = qualifier_of(&w).filter(|_| !verb_like || adjective) {
            set_qualifier(&mut ph, q);
            ph.start = i;
            j -= 1;
            continue;
        }
        if is(lexicon::POSSESSIVE_DETERMINERS, &w) {
            ph.start = i;
            ph.possessor = true;
            break;
        }
        if let Some(stem) = possessive_stem(&w) {
            let the_before = i > 0 && sent.lower(i - 1) == "the";
            if matches!(stem, "country" | "nation") && the_before {
                ph.country_ref = true;
                ph.start = i - 1;
            } else if the_before && !tok.is_capitalized() {
                ph.kind_ref = Some(stem.to_string());
                ph.start = i - 1;
            } else if tok.is_capitalized() {
                // "The European Union's foreign policy chief": the whole name is the body.
                let mut first = i;
                while first > 0
                    && first + 3 > i
                    && sent.tokens.get(first - 1).is_some_and(|t| t.is_capitalized())
                    && !is(lexicon::NOT_NAMES, sent.lower(first - 1))
                {
                    first -= 1;
                }
                ph.unknown_body = Some(
                    sent.tokens
                        .get(first..=i)
                        .unwrap_or_default()
                        .iter()
                        .map(|t| t.text)
                        .collect::<Vec<_>>()
                        .join(" "),
                );
                ph.start = first;
            }
            break;
        }
        if (is(lexicon::TITLE_MODIFIERS, &w) || is(lexicon::TITLE_HEADS, &w)) && !is(lexicon::STOP_WORDS, &w) {
            if let Some(q) = prefix {
                set_qualifier(&mut ph, q);
            }
            ph.words.push((i, w));
            ph.start = i;
            j -= 1;
            continue;
        }
        if tok.is_capitalized() && !is(lexicon::NOT_NAMES, &w) && !is(lexicon::STOP_WORDS, &w) {
            // A country or body the knowledge base does not know ("Dutch").
            let text = match &ph.unknown_body {
                Some(u) => format!("{} {u}", tok.text),
                None => tok.text.to_string(),
            };
            ph.unknown_body = Some(text);
            ph.start = i;
            j -= 1;
            continue;
        }
        break;
    }
    ph.words.sort_by_key(|(i, _)| *i);
    ph.words.dedup();
    Some(ph)
}

/// Whether a title is only a courtesy title or rank ("Mr.", "Maj. Gen."), not an office.
fn only_honorifics(ph: &Phrase) -> bool {
    ph.bodies.is_empty() && ph.unknown_body.is_none() && ph.words.iter().all(|(_, w)| is(lexicon::HONORIFICS, w))
}

/// A person's name starting at word `n`: a known name, or up to four capitalised words.
fn name_at(doc: &Doc, sent: &Sent, n: usize) -> Option<(usize, PersonRef)> {
    let tok = sent.tokens.get(n)?;
    if let Some(h) = sent.person_at(n) {
        let last = sent.tokens.get(h.end - 1)?;
        let end_byte = if h.possessive {
            possessive_cut(last.text, last.start)
        } else {
            last.end
        };
        return Some((
            h.end,
            PersonRef {
                written: doc.article.text.get(tok.start..end_byte)?.to_string(),
                span: tok.start..end_byte,
                id: h.person(),
            },
        ));
    }
    if !starts_name(sent, n) {
        return None;
    }
    let mut end = n + 1;
    while end - n < 4
        && let Some(t) = sent.tokens.get(end)
    {
        let w = sent.lower(end);
        if t.is_capitalized() && !is(lexicon::NOT_NAMES, w) && !is(lexicon::TITLE_HEADS, &split_word(t.text).1) {
            end += 1;
        } else if is(lexicon::NAME_PARTICLES, w) && sent.tokens.get(end + 1).is_some_and(|t| t.is_capitalized()) {
            end += 2;
        } else if t.is('.')
            && sent
                .tokens
                .get(end - 1)
                .is_some_and(|p| p.text.chars().count() == 1 && p.is_capitalized())
        {
            // An initial: "John F. Kennedy".
            end += 1;
        } else {
            break;
        }
        // A possessive ends the name.
        if possessive_stem(sent.lower(end - 1)).is_some() {
            break;
        }
    }
    while end > n + 1 && !sent.is_word(end - 1) {
        end -= 1;
    }
    // "Executive Order 13928": a name is not followed by a number.
    if sent.tokens.get(end).is_some_and(|t| t.kind == TokenKind::Number) {
        return None;
    }
    let last = sent.tokens.get(end - 1)?;
    let end_byte = possessive_cut(last.text, last.start);
    let written = doc.article.text.get(tok.start..end_byte)?.to_string();
    let id = doc.kb.person_named(&written);
    Some((
        end,
        PersonRef {
            written,
            span: tok.start..end_byte,
            id,
        },
    ))
}

/// Whether word `n` can start an unknown name.
fn starts_name(sent: &Sent, n: usize) -> bool {
    let Some(tok) = sent.tokens.get(n) else {
        return false;
    };
    let w = sent.lower(n);
    tok.is_capitalized()
        && tok.text.chars().count() > 1
        && !is(lexicon::NOT_NAMES, w)
        && !is(lexicon::TITLE_HEADS, &split_word(tok.text).1)
        && !is(lexicon::TITLE_MODIFIERS, w)
        && !sent.hits_starting_at(n).any(|h| h.body().is_some() || h.is_title())
        && (!tok.text.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
            // Initials written in capitals before a name: "JD Vance".
            || (tok.text.chars().count() <= 3 && sent.tokens.get(n + 1).is_some_and(|t| t.is_capitalized() && t.text.chars().any(char::is_lowercase))))
}

/// The end of a word without its possessive ending.
fn possessive_cut(word: &str, start: usize) -> usize {
    for suffix in ["'s", "’s", "'", "’"] {
        if let Some(s) = word.strip_suffix(suffix)
            && (suffix.len() > 1 || s.ends_with('s'))
        {
            return start + s.len();
        }
    }
    start + word.len()
}

/// "of Israel" after a title: the words it spans, the body when known, and the text.
type OfBody = (usize, usize, Option<BodyId>, String);

struct Found {
    start: usize,
    end: usize,
    person: PersonRef,
    phrase: Option<Phrase>,
    of_body: Option<OfBody>,
    /// Given in a relative clause ("who was …").
    relative: bool,
    /// An appositive between commas before "and" or "or" (see [`RoleClaim::listed`]).
    listed: bool,
}

/// Every role claim of the article.
pub fn extract(doc: &Doc) -> Vec<Claim> {
    let mut claims: Vec<Claim> = Vec::new();
    for sent in &doc.sentences {
        // Claims of earlier sentences end before this one starts: only this sentence's can
        // hold a new one (looking through all of them was quadratic in the article's length).
        let first_of_sentence = claims.len();
        let mut found: Vec<Found> = Vec::new();
        title_first(doc, sent, &mut found);
        appositive_after(doc, sent, &mut found);
        appositive_before(doc, sent, &mut found);
        affiliation(doc, sent, &mut found);
        for f in found {
            // The claim ends with the name (without a possessive ending) or with the title after it.
            let (Some(first), Some(last)) = (
                sent.tokens.get(f.start),
                f.end.checked_sub(1).and_then(|e| sent.tokens.get(e)),
            ) else {
                continue;
            };
            let end = if last.start < f.person.span.end {
                f.person.span.end
            } else {
                last.end.max(f.person.span.end)
            };
            let span = first.start..end;
            if doc.in_quote(f.person.span.start) {
                continue;
            }
            if claims.iter().skip(first_of_sentence).any(|c| {
                c.span.start <= f.person.span.start
                    && f.person.span.end <= c.span.end
                    && c.span.start <= span.start
                    && span.end <= c.span.end
            }) {
                continue;
            }
            let (Some(role), Some(text)) = (resolve(doc, sent, &f), doc.article.text.get(span.clone())) else {
                continue;
            };
            claims.push(Claim {
                kind: ClaimKind::Role,
                text: text.to_string(),
                span,
                sentence: sent.range.clone(),
                ignored: sent.ignored,
                detail: Detail::Role(role),
            });
        }
    }
    claims
}

/// "Israeli Prime Minister Benjamin Netanyahu".
fn title_first(doc: &Doc, sent: &Sent, found: &mut Vec<Found>) {
    let mut n = 1;
    while n < sent.tokens.len() {
        let Some((end, person)) = name_at(doc, sent, n) else {
            n += 1;
            continue;
        };
        let mut h = n - 1;
        if sent.tokens.get(h).is_some_and(|t| t.is('.')) && h > 0 && is(ABBREVIATED, sent.lower(h - 1)) {
            h -= 1;
        }
        if let Some(ph) = title_before(sent, h) {
            if !only_honorifics(&ph) {
                // "Prime Minister Benjamin Netanyahu of Israel": the body after the name says
                // whose office it is.
                let from = if sent.lower(end + 1) == "the" { end + 2 } else { end + 1 };
                let of_body = (sent.lower(end) == "of")
                    .then(|| {
                        sent.hits_starting_at(from)
                            .find(|b| b.entries.iter().any(|e| matches!(e, Entry::BodyName(_))))
                    })
                    .flatten()
                    // "of Israel's Likud party" names another body.
                    .filter(|b| possessive_stem(sent.lower(b.end.saturating_sub(1))).is_none())
                    .and_then(|b| Some((end, b.end, b.body(), doc.words(sent, b.start, b.end - 1)?.to_string())));
                found.push(Found {
                    start: ph.start,
                    end: of_body.as_ref().map_or(end, |o| o.1),
                    person,
                    phrase: Some(ph),
                    of_body,
                    relative: false,
                    listed: false,
                });
            }
            n = end;
        } else {
            n += 1;
        }
    }
}

/// A title phrase written to the right of word `k` that ends before a terminator: returns the
/// head's index, the index after the phrase, and an "of BODY" part.
fn title_to_the_right(doc: &Doc, sent: &Sent, k: usize) -> Option<(usize, usize, Option<OfBody>)> {
    let mut i = k;
    let mut last_head = None;
    while i < k + 8
        && let Some(tok) = sent.tokens.get(i)
    {
        if !sent.is_word(i) {
            break;
        }
        if let Some(t) = sent.hits_starting_at(i).find(|x| x.is_title() || x.body().is_some()) {
            if t.person().is_some() && t.body().is_none() {
                break;
            }
            if t.is_title() {
                last_head = Some(t.end - 1);
            }
            i = t.end;
            continue;
        }
        let (_, w, _) = split_word(tok.text);
        if is(lexicon::TITLE_HEADS, &w) {
            last_head = Some(i);
        } else if !(qualifier_of(&w).is_some()
            || is(lexicon::TITLE_MODIFIERS, &w)
            || (i == k && is(lexicon::POSSESSIVE_DETERMINERS, &w))
            || possessive_stem(&w).is_some()
            || w == "the"
            || (tok.is_capitalized() && !is(lexicon::NOT_NAMES, &w)))
        {
            break;
        }
        i += 1;
    }
    let head = last_head?;
    let mut after = head + 1;
    // "the president of Israel", "a reporter for Fox News Digital".
    let mut of_body = None;
    if matches!(sent.lower(after), "of" | "for" | "at") && !at_the_time(sent, after) {
        let mut b = after + 1;
        if sent.lower(b) == "the" {
            b += 1;
        }
        if let Some(hit) = sent
            .hits_starting_at(b)
            .find(|x| x.body().is_some() && !x.is_body_possessive())
        {
            of_body = doc
                .words(sent, b, hit.end - 1)
                .map(|written| (after, hit.end, hit.body(), written.to_string()));
            after = hit.end;
        } else if sent.tokens.get(b).is_some_and(|t| t.is_capitalized()) {
            let mut e = b;
            while sent.tokens.get(e).is_some_and(|t| t.is_capitalized()) && e < b + 4 {
                e += 1;
            }
            // "of Hamas' military wing": a possessive name and the part of it meant.
            if possessive_stem(sent.lower(e - 1)).is_some() {
                while e < b + 6
                    && sent.is_word(e)
                    && sent.tokens.get(e).is_some_and(|t| !t.is_capitalized())
                    && !is(lexicon::STOP_WORDS, sent.lower(e))
                {
                    e += 1;
                }
            }
            of_body = doc
                .words(sent, b, e - 1)
                .map(|written| (after, e, None, written.to_string()));
            after = e;
        } else if let Some(tb) = sent
            .tokens
            .get(b)
            .filter(|t| !t.is_capitalized() && t.kind == TokenKind::Word)
        {
            let w = sent.lower(b);
            if !is(lexicon::STOP_WORDS, w) {
                // "of the court": a description, resolved to the body last named of that kind;
                // "head of design": a part of the title the knowledge base cannot place.
                let body = if b > after + 1 {
                    doc.resolve_kind(w, tb.start)
                } else {
                    None
                };
                let from = if b > after + 1 { b - 1 } else { b };
                of_body = doc
                    .words(sent, from, b)
                    .map(|written| (after, b + 1, body, written.to_string()));
                after = b + 1;
            }
        }
    }
    Some((head, after, of_body))
}

/// Whether "at the time" or "at that time" (three words) stands at word `i`: a title so
/// qualified was held then, like a then- title.
fn at_the_time(sent: &Sent, i: usize) -> bool {
    sent.lower(i) == "at" && matches!(sent.lower(i + 1), "the" | "that") && sent.lower(i + 2) == "time"
}

fn terminates(sent: &Sent, i: usize) -> bool {
    match sent.tokens.get(i) {
        None => true,
        Some(t) if !sent.is_word(i) => t.is(',') || t.is('.') || t.is(';') || t.is(')') || t.is('—') || t.is('–'),
        Some(_) => {
            sent.is_reporting_verb(i)
                || matches!(
                    sent.lower(i),
                    "who" | "has" | "had" | "is" | "was" | "will" | "that" | "which" | "until"
                )
                // "the former prime minister and now leader of the opposition": a second,
                // later title joined on; "and" before a title word may belong to the title.
                || (sent.lower(i) == "and"
                    && matches!(sent.lower(i + 1), "now" | "later" | "currently" | "since"))
        }
    }
}

/// "Benjamin Netanyahu, Israel's prime minister,".
fn appositive_after(doc: &Doc, sent: &Sent, found: &mut Vec<Found>) {
    for n in 0..sent.tokens.len() {
        let Some((end, person)) = name_at(doc, sent, n) else {
            continue;
        };
        if person.id.is_none() && end - n < 2 {
            continue;
        }
        if !sent.tokens.get(end).is_some_and(|t| t.is(',')) {
            continue;
        }
        let mut k = end + 1;
        // "Chuck Schumer, D-N.Y., the majority leader,": an American legislator's party and
        // state stand between the name and the title.
        if let Some(t) = sent.tokens.get(k)
            && t.text.len() >= 3
            && t.text.starts_with(['D', 'R', 'I'])
            && t.text.get(1..2) == Some("-")
            && t.text.get(2..3).is_some_and(|c| c.chars().all(char::is_uppercase))
            && let Some(comma) =
                (k + 1..(k + 5).min(sent.tokens.len())).find(|&j| sent.tokens.get(j).is_some_and(|t| t.is(',')))
        {
            k = comma + 1;
        }
        // "X, who was Israel's defense minister,": a relative clause gives the title, in the
        // present (held now) or the past (held at some time, like "then-").
        let mut relative = None;
        if sent.lower(k) == "who" {
            let (verb, next) = (sent.lower(k + 1), sent.lower(k + 2));
            let (q, skip) = match (verb, next) {
                ("is" | "remains" | "becomes", "now" | "still") => (Qualifier::None, 3),
                ("is" | "remains" | "becomes", _) => (Qualifier::None, 2),
                ("serves" | "acts", "as") => (Qualifier::None, 3),
                ("has" | "had", "been") => (
                    if verb == "has" {
                        Qualifier::None
                    } else {
                        Qualifier::Then
                    },
                    3,
                ),
                ("was", "sworn" | "named" | "appointed" | "elected" | "confirmed")
                    if matches!(sent.lower(k + 3), "in" | "as") =>
                {
                    (
                        Qualifier::Then,
                        if sent.lower(k + 3) == "in" && sent.lower(k + 4) == "as" {
                            5
                        } else {
                            4
                        },
                    )
                }

                // "X, who was fired as defence minister": held it, and no longer does.
                ("was", "fired" | "dismissed" | "sacked" | "ousted" | "removed" | "replaced" | "succeeded")
                    if sent.lower(k + 3) == "as" =>
                {
                    (Qualifier::Former, 4)
                }
                ("resigned" | "quit", "as") => (Qualifier::Former, 3),
                ("stepped", "down") if sent.lower(k + 3) == "as" => (Qualifier::Former, 4),
                ("was" | "became" | "remained", _) => (Qualifier::Then, 2),
                ("served" | "acted", "as") => (Qualifier::Then, 3),
                _ => continue,
            };
            relative = Some(q);
            k += skip;
        } else if sent.lower(k) == "then" {
            // "Fatou Bensouda, then the court's chief prosecutor,": a then- title.
            relative = Some(Qualifier::Then);
            k += 1;
        }
        if matches!(sent.lower(k), "the" | "a" | "an") {
            k += 1;
        }
        let Some((head, mut after, of_body)) = title_to_the_right(doc, sent, k) else {
            continue;
        };
        // "Fatou Bensouda, the prosecutor at the time,": held then.
        let at_time = at_the_time(sent, after);
        if at_time {
            after += 3;
        }
        if !terminates(sent, after) && relative.is_none() {
            continue;
        }
        let Some(mut ph) = title_before(sent, head) else {
            continue;
        };
        if ph.start < k.saturating_sub(1) || ph.start > k || only_honorifics(&ph) && of_body.is_none() {
            continue;
        }
        if let Some(q) = relative.or(at_time.then_some(Qualifier::Then))
            && (ph.qualifier.is_none() || ph.qualifier == Some(Qualifier::None))
        {
            ph.qualifier = Some(q);
        }
        // "Yoav Gallant, his defence minister until this month,": held it until then, and the
        // claim reaches to the end of the "until" phrase.
        if sent.lower(after) == "until" && (ph.qualifier.is_none() || ph.qualifier == Some(Qualifier::None)) {
            ph.qualifier = Some(Qualifier::Former);
            if let Some(stop) = (after + 1..(after + 6).min(sent.tokens.len()))
                .find(|&j| {
                    sent.tokens
                        .get(j)
                        .is_none_or(|t| !sent.is_word(j) && (!t.is('.') || j + 1 == sent.tokens.len()))
                        || sent.lower(j) == "and"
                })
                .or_else(|| (after + 2 <= sent.tokens.len()).then_some(sent.tokens.len()))
                .filter(|&stop| stop > after + 1)
            {
                after = stop;
            }
        }

        // "Mr. Netanyahu, the prime minister,": the courtesy title belongs to the claim.
        let start = if n >= 2
            && sent.tokens.get(n - 1).is_some_and(|t| t.is('.'))
            && is(lexicon::HONORIFICS, sent.lower(n - 2))
        {
            n - 2
        } else if n >= 1 && is(lexicon::HONORIFICS, sent.lower(n - 1)) {
            n - 1
        } else {
            n
        };
        found.push(Found {
            start,
            end: after,
            person,
            phrase: Some(ph),
            of_body,
            relative: relative.is_some(),
            listed: relative.is_none()
                && sent.tokens.get(after).is_some_and(|t| t.is(','))
                && matches!(sent.lower(after + 1), "and" | "or"),
        });
    }
}

/// "Israel's president, Isaac Herzog," and "The president of Israel, Isaac Herzog,".
fn appositive_before(doc: &Doc, sent: &Sent, found: &mut Vec<Found>) {
    for (c, comma) in sent.tokens.iter().enumerate().skip(1) {
        if !comma.is(',') {
            continue;
        }
        let Some((end, person)) = name_at(doc, sent, c + 1) else {
            continue;
        };
        if person.id.is_none() && end - (c + 1) < 2 {
            continue;
        }
        if !terminates(sent, end) && !sent.tokens.get(end).is_some_and(|t| t.kind != TokenKind::Punct) {
            continue;
        }
        // The title ends just before the comma, possibly with "of BODY", or with "at the
        // time" ("the prosecutor at the time, Fatou Bensouda,"), which makes it a then- title.
        let mut of_body = None;
        let mut head = c - 1;
        let mut then = None;
        if c >= 4 && at_the_time(sent, c - 3) {
            head = c - 4;
            then = Some(Qualifier::Then);
        }
        // "of the International Criminal Court" as well as "of Israel".
        let of_at = |b: &TokHit| match (sent.lower(b.start.wrapping_sub(1)), sent.lower(b.start.wrapping_sub(2))) {
            ("of", _) if b.start >= 2 => Some(b.start - 1),
            ("the", "of") if b.start >= 3 => Some(b.start - 2),
            _ => None,
        };
        if let Some((b, of)) = sent
            .hits_ending_at(c - 1)
            .filter(|x| x.body().is_some())
            .find_map(|b| Some((b, of_at(b)?)))
        {
            of_body = doc
                .words(sent, b.start, c - 1)
                .map(|written| (of, c, b.body(), written.to_string()));
            head = of - 1;
        } else if let Some(of) = (c.saturating_sub(5)..c.saturating_sub(1)).rev().find(|&k| {
            sent.lower(k) == "of"
                && k >= 1
                && sent
                    .tokens
                    .get(k - 1)
                    .is_some_and(|t| is(lexicon::TITLE_HEADS, &split_word(t.text).1))
        }) && (of + 1..c).all(|k| sent.is_word(k))
        {
            // "The chairman of the museum's board, Harold Finch": a body the knowledge base
            // does not name, kept as written.
            let from = if sent.lower(of + 1) == "the" { of + 2 } else { of + 1 };
            let body = match sent.tokens.get(c - 1) {
                Some(last) if from >= c - 1 && !last.is_capitalized() => {
                    doc.resolve_kind(sent.lower(c - 1), last.start)
                }
                _ => None,
            };
            of_body = doc
                .words(sent, of + 1, c - 1)
                .map(|written| (of, c, body, written.to_string()));
            head = of - 1;
        }
        let Some(mut ph) = title_before(sent, head) else {
            continue;
        };
        // The phrase must open the clause, and say whose office it is.
        let opens = ph.start == 0
            || !sent.is_word(ph.start - 1)
            || is(lexicon::STOP_WORDS, sent.lower(ph.start - 1))
            || sent.is_reporting_verb(ph.start - 1)
            || matches!(sent.lower(ph.start), "the" | "a" | "an")
            // After a date: "In September 2020 his secretary of state, Mike Pompeo, …".
            || (ph.possessor && sent.tokens.get(ph.start - 1).is_some_and(|t| t.kind == TokenKind::Number));
        let definite = ph.start > 0 && sent.lower(ph.start - 1) == "the";
        let identified = definite
            || ph.possessor
            || !ph.bodies.is_empty()
            || ph.country_ref
            || ph.kind_ref.is_some()
            || of_body.is_some()
            || ph.unknown_body.is_some();
        if !opens || !identified || only_honorifics(&ph) {
            continue;
        }
        if ph.start > 0 && sent.lower(ph.start - 1) == "the" {
            ph.start -= 1;
        }
        if then.is_some() && (ph.qualifier.is_none() || ph.qualifier == Some(Qualifier::None)) {
            ph.qualifier = then;
        }
        found.push(Found {
            start: ph.start,
            end,
            person,
            phrase: Some(ph),
            of_body,
            relative: false,
            listed: false,
        });
    }
}

/// "Fox News Digital's Anders Hagstrom".
fn affiliation(doc: &Doc, sent: &Sent, found: &mut Vec<Found>) {
    for h in &sent.hits {
        if !h.is_body_possessive() || h.person().is_some() {
            continue;
        }
        let Some((end, person)) = name_at(doc, sent, h.end) else {
            continue;
        };
        if person.id.is_none() && end - h.end < 2 {
            continue;
        }
        if found.iter().any(|f| f.person.span == person.span) {
            continue;
        }
        let mut ph = Phrase {
            start: h.start,
            end: h.end,
            ..Phrase::default()
        };
        if let Some(b) = h.body() {
            ph.bodies.push((h.start, b));
        }
        found.push(Found {
            start: h.start,
            end,
            person,
            phrase: Some(ph),
            of_body: None,
            relative: false,
            listed: false,
        });
    }
}

/// Resolves the title to offices of the knowledge base. None unless the claim's first word and
/// its title are words of `sent`.
fn resolve(doc: &Doc, sent: &Sent, f: &Found) -> Option<RoleClaim> {
    let kb = doc.kb;
    let ph = f.phrase.clone().unwrap_or_default();
    let offset = sent.tokens.get(f.start)?.start;
    let mut bodies: Vec<BodyId> = ph.bodies.iter().map(|(_, b)| *b).collect();
    let mut unknown_body = ph.unknown_body.clone();
    if ph.country_ref {
        match doc.last_mention(
            offset,
            |w| matches!(w, Who::Body(b) if kb.bodies.get(b.index()).is_some_and(|b| b.kind == BodyKind::Country)),
        ) {
            Some(Who::Body(b)) => bodies.push(*b),
            _ => unknown_body = Some("the country".into()),
        }
    }
    if let Some(kind) = &ph.kind_ref {
        match doc.resolve_kind(kind, offset) {
            Some(b) => bodies.push(b),
            None => unknown_body = Some(format!("the {kind}")),
        }
    }
    if let Some((_, _, body, written)) = &f.of_body {
        match body {
            Some(b) => bodies.push(*b),
            None => unknown_body = Some(written.clone()),
        }
    }
    let affiliation = ph.words.is_empty();
    let words: Vec<&str> = ph.words.iter().map(|(_, w)| w.as_str()).collect();
    let mut offices: Vec<OfficeId> = Vec::new();
    let mut exact = false;
    if !affiliation {
        // The title written as an office's full name ("Senate Majority Leader", or with its
        // body: "Israeli Defense Minister").
        let first_word = ph.words.first().map_or(ph.start, |(i, _)| *i);
        let first_body = ph.bodies.iter().map(|(i, _)| *i).min().unwrap_or(first_word);
        let last = ph.end.max(ph.start + 1) - 1;
        let mut names = vec![words.join(" ")];
        let tail = |from: usize| {
            title_words(sent, from, last)
                .map(|(_, w)| w)
                .collect::<Vec<_>>()
                .join(" ")
        };
        names.push(tail(first_body.min(first_word)));
        for name in names {
            if let Some(o) = kb.lookup(&name).iter().find_map(|e| match e {
                crate::kb::Entity::Office(o) => Some(*o),
                _ => None,
            }) {
                offices.push(o);
                exact = true;
                break;
            }
        }
        if offices.is_empty() {
            for k in 0..words.len() {
                let key = name_key(&words.get(k..).unwrap_or_default().join(" "));
                let cands = kb.offices_titled(&key);
                if !cands.is_empty() {
                    offices = cands.to_vec();
                    exact = k == 0;
                    break;
                }
            }
        }
        if unknown_body.is_some() && bodies.is_empty() {
            offices.clear();
        }
        if !bodies.is_empty() {
            offices.retain(|o| bodies.iter().all(|b| kb.office_in(*o, *b)));
        }
    } else if let Some(b) = bodies.first() {
        // Membership: any office of the body or of its parts.
        offices = (0..kb.offices.len())
            .map(|i| OfficeId(i as u32))
            .filter(|o| kb.office_in(*o, *b))
            .collect();
        exact = true;
    }
    let title_end = if affiliation { ph.end } else { ph.end.max(ph.start + 1) };
    let mut title = doc.words(sent, ph.start, title_end.checked_sub(1)?)?.to_string();
    if let Some((_, _, _, written)) = &f.of_body {
        title = format!("{title} of {written}");
    }
    let unknown_body = if bodies.is_empty() { unknown_body } else { None };
    Some(RoleClaim {
        person: f.person.clone(),
        title,
        qualifier: ph.qualifier.unwrap_or(Qualifier::None),
        offices,
        exact,
        body: bodies.last().copied(),
        unknown_body,
        affiliation,
        context: None,
        relative_clause: f.relative,
        listed: f.listed,
    })
}

/// Gives each role claim the date its sentence describes: the nearest date claim of the same
/// clause; for a "then-" title with no date, the date of an event the sentence names.
pub fn set_context(doc: &Doc, roles: &mut [Claim], dates: &[Claim]) {
    // The date claims of each sentence, in article order (looking through all of them for each
    // role was quadratic in the article's length).
    let mut by_sentence: std::collections::HashMap<(usize, usize), Vec<&Claim>> = std::collections::HashMap::new();
    for d in dates {
        by_sentence
            .entry((d.sentence.start, d.sentence.end))
            .or_default()
            .push(d);
    }
    for c in roles.iter_mut() {
        let sentence = c.sentence.clone();
        let span = c.span.clone();
        let Detail::Role(r) = &mut c.detail else {
            continue;
        };
        // The date must tell the time of the role's own clause: not across a semicolon or a
        // clause word ("the ruling of Thursday covers the period when then-minister X…"), and
        // not a bound ("until November", "since 2020").
        let same_clause = |d: &Claim| {
            let (a, b) = if d.span.start < span.start {
                (d.span.end, span.start)
            } else {
                (span.end, d.span.start)
            };
            // Claim spans start and end at words, so at whole characters: never None.
            let Some(between) = doc.article.text.get(a.min(b)..b.max(a)) else {
                return false;
            };
            !between.contains(';')
                && !between
                    .split(|c: char| !c.is_alphabetic())
                    .any(|w| lexicon::is(lexicon::CLAUSE_BREAKS, &w.to_lowercase()))
        };
        let is_bound = |d: &Claim| {
            let first = d.text.split_whitespace().next().unwrap_or("").to_lowercase();
            let before = doc
                .article
                .text
                .get(..d.span.start)
                .unwrap_or_default()
                .split_whitespace()
                .next_back()
                .unwrap_or("")
                .to_lowercase();
            [first, before]
                .iter()
                .any(|w| matches!(w.as_str(), "until" | "since" | "by" | "till"))
        };

        // In a relative clause only a date inside it counts: up to the clause's next comma.
        let clause_end = doc
            .article
            .text
            .get(span.end..sentence.end)
            .and_then(|rest| rest.find([',', ';']))
            .map_or(sentence.end, |i| span.end + i);
        let in_relative = |d: &Claim| !r.relative_clause || (d.span.start >= span.end && d.span.end <= clause_end);
        let from_date = by_sentence
            .get(&(sentence.start, sentence.end))
            .into_iter()
            .flatten()
            .filter(|d| d.sentence == sentence && same_clause(d) && !is_bound(d) && in_relative(d))
            .filter_map(|d| {
                d.date()
                    .and_then(|x| x.value)
                    .map(|v| (d.span.start.abs_diff(span.start), v))
            })
            .min_by_key(|(dist, _)| *dist)
            .map(|(_, v)| v);
        if from_date.is_some() || r.qualifier != Qualifier::Then || r.relative_clause {
            r.context = from_date;
            continue;
        }
        r.context = (|| {
            let s = doc
                .sentence_at(sentence.start)
                .and_then(|i| doc.sentences.get(i))
                .filter(|s| s.range == sentence)?;
            let stems: Vec<String> = s
                .tokens
                .iter()
                .filter(|t| t.kind != TokenKind::Punct)
                .flat_map(|t| phrase_stems(t.text))
                .collect();
            let m = doc.kb.event_index.find(&stems);
            let e = m.first()?;
            Some(match doc.kb.event_date(e.event) {
                EventDate::On(d) => DateValue::Point(d),
                EventDate::Range(a, b) => DateValue::Range(a, b),
            })
        })();
    }
}

/// Who holds the office a title without a name stands for ("Israel's president said …"): the
/// one certain holder on the publication date of the one exclusive office the title means,
/// with the first word of the title. None when the title is not that precise.
pub fn holder_of_title(doc: &Doc, sent: &Sent, head: usize) -> Option<(usize, crate::kb::PersonId)> {
    let ph = title_before(sent, head)?;
    if only_honorifics(&ph) || ph.qualifier.is_some_and(|q| q != Qualifier::None) {
        return None;
    }
    let date = doc.article.date?;
    let f = Found {
        start: ph.start,
        end: head + 1,
        person: PersonRef {
            written: String::new(),
            span: 0..0,
            id: None,
        },
        phrase: Some(ph),
        of_body: None,
        relative: false,
        listed: false,
    };
    let role = resolve(doc, sent, &f)?;
    let [office] = role.offices.as_slice() else {
        return None;
    };
    // A bare "the president" could be anyone's: only an exact title that says whose office it
    // is ("Israel's president", "the court's prosecutor") is resolved.
    if !role.exact || role.body.is_none() || !doc.kb.offices.get(office.index()).is_some_and(|o| o.exclusive) {
        return None;
    }

    let holders: Vec<_> = doc
        .kb
        .holders_on(*office, date)
        .into_iter()
        .filter(|(_, c)| *c == crate::kb::Coverage::Held)
        .collect();
    match holders.as_slice() {
        [(t, _)] => Some((f.start, doc.kb.tenure(*t).person)),
        _ => None,
    }
}
