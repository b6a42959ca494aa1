//! Paragraphs, sentences and words of the masked text.
//!
//! Sentence splitting follows news conventions: a full stop ends a sentence only when the next
//! word starts like a sentence, and never after a title or month abbreviation ("Sen.", "Oct.")
//! or an initial ("U.S.", "John F."). Words keep internal apostrophes and hyphens
//! ("Israel’s", "Leader-elect"); numbers keep internal separators ("2024-11-21", "2003–2004").

use std::ops::Range;

use super::{Format, Paragraph};

/// A sentence: its bytes in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// The bytes.
    pub range: Range<usize>,
}

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (with internal apostrophes, hyphens, or the full stops of "U.S.").
    Word,
    /// Digits (with internal separators and ordinal suffixes).
    Number,
    /// Any other single character.
    Punct,
}

/// A word, number or mark, with its bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The text.
    pub text: &'a str,
    /// The kind.
    pub kind: TokenKind,
}

impl Token<'_> {
    /// Whether the token is a word starting with a capital letter.
    pub fn is_capitalized(&self) -> bool {
        self.kind == TokenKind::Word && self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether the token is this single character.
    pub fn is(&self, c: char) -> bool {
        self.kind == TokenKind::Punct && self.text.starts_with(c) && self.text.len() == c.len_utf8()
    }

    /// The token in lower case, with curly apostrophes straightened.
    pub fn lower(&self) -> String {
        // Most words are ASCII, where folding only straightens the backtick.
        if self.text.is_ascii() {
            let mut s = self.text.to_ascii_lowercase();
            if s.contains('`') {
                s = s.replace('`', "'");
            }
            return s;
        }
        self.text
            .chars()
            .map(crate::text::fold_char)
            .flat_map(char::to_lowercase)
            .collect()
    }
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "sgt", "adm", "brig", "sen", "rep",
    "gov", "pres", "rev", "hon", "st", "jr", "sr", "no", "vs", "inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr",
    "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.u", "d.c", "a.m", "p.m", "approx", "est",
    "dept", "gov't", "atty", "supt", "fig",
];

/// The longest line taken as a label of its own when it has no sentence end: a live blog's
/// timestamp ("13.05 GMT"), a dateline, a byline. Prose wrapped at any usual width has longer lines.
const LABEL_MAX_BYTES: usize = 32;

/// Whether a line is a label: short, with no sentence end, and followed by a line that opens a
/// sentence. Without this, "13.48 GMT" would run into the entry it heads ("13.48 GMT Benny
/// Gantz, the former defence minister, …") and hide the name's position.
fn is_label(line: &str, next: Option<&str>) -> bool {
    let t = line.trim();
    !t.is_empty()
        && t.len() <= LABEL_MAX_BYTES
        && !t.ends_with(['.', '?', '!', '"', '”', ':', ',', ';'])
        && next
            .and_then(|n| n.trim_start().chars().next())
            .is_some_and(opens_sentence)
}

/// Whether a line is a timeline entry: a date (it holds a digit, in at most 25 bytes) and then a
/// dash or colon ("2015-04-01 — Palestine joins the court", "Nov. 21: warrants issued"). Entries
/// carry no full stop, so without this a timeline would read as one sentence and each date would
/// meet the event of the line before it.
fn is_entry(line: &str) -> bool {
    let t = line.trim();
    [" — ", " – ", " - ", ": "].iter().any(|sep| {
        t.find(sep)
            .and_then(|at| t.get(..at))
            .is_some_and(|head| head.len() <= 25 && head.bytes().any(|b| b.is_ascii_digit()))
    })
}

/// Splits the article into paragraphs: runs of non-blank lines; in Markdown also headings and
/// list items and table rows; short labels on lines of their own ([`is_label`]); and timeline
/// entries, each a paragraph ([`is_entry`]). A first paragraph without a full stop is taken as the headline.
pub fn paragraphs(text: &str, masked: &str, format: Format) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    let mut current: Option<(usize, usize, bool)> = None;
    let mut pos = 0;
    let mut lines = masked.split_inclusive('\n').zip(text.split_inclusive('\n')).peekable();
    while let Some((line, raw)) = lines.next() {
        let next_line = lines.peek().map(|(next, _)| *next);
        let label = is_label(line, next_line);
        // A row of a Markdown table is a record of its own, like a timeline entry.
        let entry = is_entry(line) || (format == Format::Markdown && raw.trim_start().starts_with('|'));
        let trimmed = line.trim();
        let raw_t = raw.trim_start();
        let md_heading = format == Format::Markdown && raw_t.starts_with('#');
        let md_item = format == Format::Markdown
            && (raw_t.starts_with("- ")
                || raw_t.starts_with("* ")
                || raw_t.starts_with("+ ")
                || raw_t
                    .split_once(". ")
                    .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())));
        let start_off = pos + (line.len() - line.trim_start().len());
        let end_off = pos + line.trim_end().len();
        if (trimmed.is_empty() || md_heading || md_item || label || entry)
            && let Some((s, e, h)) = current.take()
        {
            out.push(Paragraph {
                range: s..e,
                ignored: false,
                heading: h,
            });
        }
        if !trimmed.is_empty() {
            if md_heading || label {
                out.push(Paragraph {
                    range: start_off..end_off,
                    ignored: false,
                    heading: true,
                });
            } else if entry {
                out.push(Paragraph {
                    range: start_off..end_off,
                    ignored: false,
                    heading: false,
                });
            } else {
                match &mut current {
                    Some((_, e, _)) => *e = end_off,
                    None => current = Some((start_off, end_off, false)),
                }
            }
        }
        pos += line.len();
    }
    if let Some((s, e, h)) = current {
        out.push(Paragraph {
            range: s..e,
            ignored: false,
            heading: h,
        });
    }
    // Paragraph ranges are made from the lines of `masked`, trimmed, so `get` finds the first.
    if let Some(first) = out.first_mut()
        && let Some(t) = masked.get(first.range.clone()).map(str::trim_end)
        && !t.ends_with(['.', '?', '!', '"', '”', ':'])
        && !t.contains('\n')
    {
        first.heading = true;
    }
    out
}

fn opens_sentence(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '—' | '–')
}

/// Splits a paragraph's bytes into sentences.
pub fn sentences(masked: &str, range: Range<usize>) -> Vec<Sentence> {
    let mut out = Vec::new();
    // Callers pass a paragraph of `masked`; a range that is not one (outside the text, or
    // cutting a character) holds no sentence.
    let Some(text) = masked.get(range.clone()) else {
        return out;
    };
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while let Some(&(at, c)) = chars.get(i) {
        if matches!(c, '.' | '?' | '!') {
            // Closing quotes and brackets belong to the sentence they end.
            let mut j = i + 1;
            while chars
                .get(j)
                .is_some_and(|x| matches!(x.1, '"' | '”' | '’' | '\'' | ')' | ']'))
            {
                j += 1;
            }
            let mut k = j;
            while chars.get(k).is_some_and(|x| x.1.is_whitespace()) {
                k += 1;
            }
            let spaced = k > j;
            if spaced
                && let Some(&(next_at, next)) = chars.get(k)
                && opens_sentence(next)
                && !(c == '.' && j == i + 1 && is_abbreviation(text, at))
            {
                let end = chars.get(j).map_or(text.len(), |x| x.0);
                push_sentence(&mut out, text, range.start, start, end);
                start = next_at;
                i = k;
                continue;
            }
        }
        i += 1;
    }
    push_sentence(&mut out, text, range.start, start, text.len());
    out
}

/// The longest sentence, in bytes. No sentence of news prose comes near it (the longest in
/// `cases/` has about 500 bytes); a longer run of text without a sentence end (a list written
/// as one line, a pasted table, garbage) is cut into pieces of at most this size, at the last
/// blank before the limit, so that the work extraction does per sentence stays bounded and an
/// article of any shape is read in time linear in its size.
pub const MAX_SENTENCE_BYTES: usize = 2_000;

/// Records the sentence `start..end` of `text` (offsets from `base`), trimmed of blanks, cut
/// into pieces if it is longer than [`MAX_SENTENCE_BYTES`].
fn push_sentence(out: &mut Vec<Sentence>, text: &str, base: usize, start: usize, end: usize) {
    // Callers pass offsets of characters of `text`, start <= end, so `get` finds the piece.
    let Some(piece) = text.get(start..end) else {
        return;
    };
    let mut rest = piece.trim();
    if rest.is_empty() {
        return;
    }
    // Where `rest` starts in the file.
    let mut at = base + start + (piece.len() - piece.trim_start().len());
    while rest.len() > MAX_SENTENCE_BYTES {
        let mut limit = MAX_SENTENCE_BYTES;
        while !rest.is_char_boundary(limit) {
            limit -= 1;
        }
        // Cut at the last blank before the limit, else (one enormous word) at the limit.
        let window = rest.get(..limit).unwrap_or(rest);
        // `rest` starts with a non-blank, so a blank found is never its first byte.
        let cut = window.rfind(char::is_whitespace).unwrap_or(limit);
        // `cut` is a character boundary below `rest.len()` (from `rfind`, or the limit), so the
        // split succeeds; the fallback would end the loop with one last long piece.
        let (head, tail) = rest.split_at_checked(cut).unwrap_or((rest, ""));
        out.push(Sentence {
            range: at..at + head.trim_end().len(),
        });
        let tail_trimmed = tail.trim_start();
        at += head.len() + (tail.len() - tail_trimmed.len());
        rest = tail_trimmed;
    }
    out.push(Sentence {
        range: at..at + rest.len(),
    });
}

/// Whether the full stop at `dot` ends an abbreviation or an initial.
fn is_abbreviation(text: &str, dot: usize) -> bool {
    // `dot` is the offset of a character of `text`, so `get` finds what is before it.
    let Some(before) = text.get(..dot) else {
        return false;
    };
    // The word is what follows the last character that cannot be part of one: the first piece
    // `rsplit` yields (it always yields one).
    let word = before
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '.' || c == '\'' || c == '’'))
        .next()
        .unwrap_or(before);
    if word.is_empty() {
        return false;
    }
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    // An initial ("John F. Kennedy") or a dotted abbreviation ("U.S.").
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    matches!(letters.as_slice(), [c] if c.is_uppercase()) || word.contains('.')
}

/// Splits bytes of the masked text into tokens.
pub fn tokens(masked: &str, range: Range<usize>) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    // Callers pass a sentence of `masked`; a range that is not one (outside the text, or cutting
    // a character) holds no token.
    let Some(text) = masked.get(range.clone()) else {
        return out;
    };
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|x| x.1);
    let off = |i: usize| chars.get(i).map_or(text.len(), |x| x.0);
    let mut i = 0;
    while let Some(&(_, c)) = chars.get(i) {
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if c.is_alphabetic() {
            kind = TokenKind::Word;
            i += 1;
            loop {
                match at(i) {
                    Some(c) if c.is_alphanumeric() || is_mark(c) => i += 1,
                    Some('\'' | '’') if at(i + 1).is_some_and(char::is_alphabetic) => i += 2,
                    Some('-' | '‐') if at(i + 1).is_some_and(char::is_alphanumeric) => i += 2,
                    // "U.S.", "D.C.": single letters separated by full stops.
                    Some('.')
                        if at(i + 1).is_some_and(char::is_alphabetic)
                            && at(i + 2) == Some('.')
                            && i - start <= 2
                            && chars.iter().take(i).skip(start).filter(|x| x.1.is_alphabetic()).count() <= 2 =>
                    {
                        i += 3
                    }
                    _ => break,
                }
            }
            // A plural possessive: "Hamas’".
            if matches!(at(i), Some('\'' | '’'))
                && at(i - 1) == Some('s')
                && !at(i + 1).is_some_and(char::is_alphanumeric)
            {
                i += 1;
            }
        } else if c.is_ascii_digit() {
            kind = TokenKind::Number;
            i += 1;
            loop {
                match at(i) {
                    Some(c) if c.is_ascii_digit() => i += 1,
                    Some(',' | '.' | ':' | '/' | '-' | '–' | '—') if at(i + 1).is_some_and(|c| c.is_ascii_digit()) => {
                        i += 2
                    }
                    _ => break,
                }
            }
            // Ordinals: 21st, 2nd, 3rd, 7th.
            let rest: String = chars.iter().skip(i).take(2).map(|x| x.1.to_ascii_lowercase()).collect();
            if ["st", "nd", "rd", "th"].contains(&rest.as_str()) && !at(i + 2).is_some_and(char::is_alphanumeric) {
                i += 2;
            }
        } else {
            kind = TokenKind::Punct;
            i += 1;
        }
        let (s, e) = (off(start), off(i));
        // `s` and `e` are offsets of characters of `text` (or its end), s < e: `get` finds the
        // token.
        let Some(token) = text.get(s..e) else {
            continue;
        };
        out.push(Token {
            start: range.start + s,
            end: range.start + e,
            text: token,
            kind,
        });
    }
    out
}

fn is_mark(c: char) -> bool {
    // Combining accents written as separate code points.
    ('\u{0300}'..='\u{036F}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(t: &str) -> Vec<&str> {
        sentences(t, 0..t.len()).into_iter().map(|s| &t[s.range]).collect()
    }

    fn toks(t: &str) -> Vec<&str> {
        tokens(t, 0..t.len()).into_iter().map(|s| s.text).collect()
    }

    fn paras(t: &str) -> Vec<(&str, bool)> {
        paragraphs(t, t, Format::Text)
            .into_iter()
            .map(|p| (&t[p.range], p.heading))
            .collect()
    }

    #[test]
    fn short_lines_without_a_sentence_end_are_labels_of_their_own() {
        let blog =
            "Live: the court rules on the warrants today\n\n13.05 GMT\nThe court has ruled.\nJudges were unanimous.\n";
        assert_eq!(
            paras(blog),
            [
                ("Live: the court rules on the warrants today", true),
                ("13.05 GMT", true),
                ("The court has ruled.\nJudges were unanimous.", false)
            ]
        );
        // A timeline: each entry a paragraph of its own.
        let timeline = "Timeline: key dates\n2015-04-01 — Palestine joins\nNov. 21, 2024: warrants issued\nThe court then rested.\n";
        assert_eq!(
            paras(timeline).into_iter().map(|(p, _)| p).collect::<Vec<_>>(),
            [
                "Timeline: key dates",
                "2015-04-01 — Palestine joins",
                "Nov. 21, 2024: warrants issued",
                "The court then rested."
            ]
        );
        // Wrapped prose keeps its lines together: a long line, a line with a sentence end, or a
        // short line followed by one that does not open a sentence.
        let wrapped = "The court ruled on Thursday that the warrants\nwould stand.\nIt did so\nunanimously.\n";
        assert_eq!(paras(wrapped).len(), 1);
    }

    #[test]
    fn sentences_respect_abbreviations_and_quotes() {
        assert_eq!(
            sents("Sen. John Thune spoke on Oct. 7. The U.S. Senate met. “It is over.” Then he left."),
            [
                "Sen. John Thune spoke on Oct. 7.",
                "The U.S. Senate met.",
                "“It is over.”",
                "Then he left."
            ]
        );
        assert_eq!(
            sents("“We remain concerned,” Singh said. “And again, we’ve been clear.”"),
            ["“We remain concerned,” Singh said.", "“And again, we’ve been clear.”"]
        );
        assert_eq!(
            sents("John F. Kennedy was there. it was late."),
            ["John F. Kennedy was there. it was late."]
        );
    }

    #[test]
    fn overlong_sentences_are_cut_at_blanks() {
        let word = "word ";
        let text = word.repeat(1_000);
        let pieces = sents(&text);
        assert!(pieces.len() >= 3, "{}", pieces.len());
        assert!(pieces.iter().all(|p| p.len() <= MAX_SENTENCE_BYTES && !p.is_empty()));
        assert!(pieces.iter().all(|p| p.starts_with("word") && p.ends_with("word")));
        assert_eq!(pieces.join(" "), text.trim_end());
        // One enormous word is cut on a character boundary.
        let wide = "é".repeat(3_000);
        let pieces = sents(&wide);
        assert_eq!(pieces.concat(), wide);
        assert!(pieces.iter().all(|p| p.len() <= MAX_SENTENCE_BYTES));
    }

    #[test]
    fn tokens_keep_names_dates_and_abbreviations_whole() {
        assert_eq!(
            toks("Israel’s Leader-elect Jean-Pierre, the U.S. and Hamas’ 2024-11-21 2003–2004 21st."),
            [
                "Israel’s",
                "Leader-elect",
                "Jean-Pierre",
                ",",
                "the",
                "U.S.",
                "and",
                "Hamas’",
                "2024-11-21",
                "2003–2004",
                "21st",
                "."
            ]
        );
        assert_eq!(toks("Oct. 7, 2023,"), ["Oct", ".", "7", ",", "2023", ","]);
        assert_eq!(toks("then-President Trump"), ["then-President", "Trump"]);
    }

    #[test]
    fn ranges_outside_the_text_or_inside_a_character_hold_nothing() {
        let t = "“Yes.” No.";
        // Inside the three bytes of `“`, and past the end.
        for range in [1..5, 0..t.len() + 1, t.len() + 1..t.len() + 2] {
            assert!(sentences(t, range.clone()).is_empty(), "{range:?}");
            assert!(tokens(t, range.clone()).is_empty(), "{range:?}");
        }
    }
}
