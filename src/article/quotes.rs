//! Quotation marks: where quoted words start and end in a paragraph.
//!
//! Curly double quotes say which way they face; straight ones are paired in order; „…“ and
//! guillemets («…», »…«) close with their own marks. Single
//! quotes count only at the top level (headlines quote with them), and a closing curly
//! apostrophe counts only where it cannot be an apostrophe. A quotation still open at the end
//! of its paragraph ends there: news continues a long quote in the next paragraph by opening it
//! again, and a missing mark must not swallow the article.

use std::ops::Range;

/// One quotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quotation {
    /// The opening mark's offset.
    pub open: usize,
    /// The closing mark's range, if it was closed in the paragraph.
    pub close: Option<Range<usize>>,
    /// The quoted words, between the marks, trimmed of blanks.
    pub inner: Range<usize>,
}

/// How an open quotation was opened, which says what closes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    /// “…” or "…".
    Double,
    /// ‘…’ or '…'.
    Single,
    /// „…“ or „…” (German and other central European styles).
    Low,
    /// «…» or »…«, closed by the mark held.
    Angle(char),
}

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// Finds the quotations of the paragraph `range` of `text`.
pub fn quotations(text: &str, range: Range<usize>) -> Vec<Quotation> {
    let mut out = Vec::new();
    // Callers pass a paragraph of `text`; a range that is not one (outside the text, or cutting
    // a character) holds no quotation.
    let Some(para) = text.get(range.clone()) else {
        return out;
    };
    let chars: Vec<(usize, char)> = para.char_indices().collect();
    let base = range.start;
    // The open quotation: (offset of its mark, offset after the mark, its style).
    let mut open: Option<(usize, usize, Style)> = None;
    // Straight or curly single closing marks ahead of each character, counted from the end, so
    // that "is there a later closing mark?" is answered in constant time (a paragraph of
    // apostrophes must not make the scan quadratic).
    let later_closes = later_single_closes(&chars);
    for (i, &(off, c)) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|j| chars.get(j)).map(|x| x.1);
        let next = chars.get(i + 1).map(|x| x.1);
        let after = off + c.len_utf8();
        match (open, c) {
            (None, '“' | '"') => open = Some((off, after, Style::Double)),
            (None, '„') => open = Some((off, after, Style::Low)),
            (None, '«') => open = Some((off, after, Style::Angle('»'))),
            // "»…«" opens with the mark that closes the other way round (German).
            (None, '»') if is_word(next) => open = Some((off, after, Style::Angle('«'))),
            (None, '‘') => open = Some((off, after, Style::Single)),
            // A straight single quote opens only at a word start.
            (None, '\'') if !is_word(prev) && is_word(next) => open = Some((off, after, Style::Single)),
            (Some((mark, start, Style::Double)), '”' | '"') | (Some((mark, start, Style::Low)), '“' | '”') => {
                push(&mut out, para, base, mark, start, off, Some(off..after));
                open = None;
            }
            (Some((mark, start, Style::Angle(closer))), c) if c == closer => {
                push(&mut out, para, base, mark, start, off, Some(off..after));
                open = None;
            }
            // An inner opening double quote while a double quote is open: the writer forgot to
            // close the first one; it ends here, and a new one starts.
            (Some((mark, start, Style::Double)), '“') => {
                push(&mut out, para, base, mark, start, off, None);
                open = Some((off, after, Style::Double));
            }
            // `later_closes` has an entry for one past the last character, so `get` finds i + 1.
            (Some((mark, start, Style::Single)), '’' | '\'')
                if !(is_word(next) || prev == Some('s') && later_closes.get(i + 1).is_some_and(|&n| n > 0)) =>
            {
                push(&mut out, para, base, mark, start, off, Some(off..after));
                open = None;
            }
            _ => {}
        }
    }
    if let Some((mark, start, _)) = open {
        push(&mut out, para, base, mark, start, para.len(), None);
    }
    out
}

/// For each character index `i` (and one past the end), how many single closing marks (`’` or
/// `'` not followed by a letter or digit) stand at `i` or after it.
fn later_single_closes(chars: &[(usize, char)]) -> Vec<usize> {
    let mut counts = vec![0; chars.len() + 1];
    let mut later = 0;
    // The last entry, one past the end, stays 0: `zip` stops at the last character.
    for (i, (count, &(_, c))) in counts.iter_mut().zip(chars).enumerate().rev() {
        let closes = matches!(c, '’' | '\'') && !chars.get(i + 1).is_some_and(|x| x.1.is_alphanumeric());
        later += usize::from(closes);
        *count = later;
    }
    counts
}

/// Records the quotation whose mark is at `open` and whose words run from `start` to `end`
/// (offsets in `para`), unless it quotes nothing.
fn push(
    out: &mut Vec<Quotation>,
    para: &str,
    base: usize,
    open: usize,
    start: usize,
    end: usize,
    close: Option<Range<usize>>,
) {
    // `start` is just after a mark and `end` is at a later mark or the end of the paragraph,
    // both character boundaries of `para`, with start <= end: `get` always finds the words.
    let Some(inner) = para.get(start..end) else {
        return;
    };
    let lead = inner.len() - inner.trim_start().len();
    let trimmed = inner.trim();
    if trimmed.is_empty() {
        return;
    }
    out.push(Quotation {
        open: base + open,
        close: close.map(|c| base + c.start..base + c.end),
        inner: base + start + lead..base + start + lead + trimmed.len(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(t: &str) -> Vec<&str> {
        quotations(t, 0..t.len()).into_iter().map(|q| &t[q.inner]).collect()
    }

    #[test]
    fn pairs_curly_straight_and_single_quotes() {
        assert_eq!(inner("“A,” he said. “B.”"), ["A,", "B."]);
        assert_eq!(inner("He said \"A\" and \"B\"."), ["A", "B"]);
        assert_eq!(
            inner("Pentagon 'fundamentally rejects' ICC decision"),
            ["fundamentally rejects"]
        );
        assert_eq!(
            inner("Hamas’ use of ‘human shields’ and Israel’s war"),
            ["human shields"]
        );
        assert_eq!(
            inner("the U.S. “fundamentally rejects” the decision"),
            ["fundamentally rejects"]
        );
    }

    #[test]
    fn german_and_french_marks_close_with_their_own() {
        assert_eq!(
            inner("Herzog sprach von „einem dunklen Tag“ und ging."),
            ["einem dunklen Tag"]
        );
        assert_eq!(inner("Er sagte „A” und „B“."), ["A", "B"]);
        assert_eq!(inner("Il a dit « A » puis «B»."), ["A", "B"]);
        assert_eq!(inner("Er nannte es »empörend« und ging."), ["empörend"]);
        // A closing guillemet alone opens nothing.
        assert!(inner("2 » 1").is_empty());
    }

    #[test]
    fn unclosed_quotes_end_with_the_paragraph() {
        let t = "“We will go on, he said. And on";
        let q = quotations(t, 0..t.len());
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].close, None);
        assert_eq!(&t[q[0].inner.clone()], "We will go on, he said. And on");
        assert!(quotations("“", 0..3).is_empty());
    }

    #[test]
    fn a_quotation_reopened_before_it_closed_ends_at_the_new_mark() {
        assert_eq!(inner("“A, he said. “B.”"), ["A, he said.", "B."]);
        // A paragraph of opening marks quotes nothing, and stays linear.
        let marks = "“".repeat(10_000);
        assert!(quotations(&marks, 0..marks.len()).is_empty());
    }

    #[test]
    fn plural_possessives_before_a_later_closing_mark() {
        assert_eq!(inner("‘the Jones’ house’ is"), ["the Jones’ house"]);
        assert_eq!(inner("‘the Jones’ house is"), ["the Jones"]);
    }

    #[test]
    fn ranges_outside_the_text_or_inside_a_character_hold_nothing() {
        let t = "“A,” he said.";
        assert!(quotations(t, 1..t.len()).is_empty());
        assert!(quotations(t, 0..t.len() + 1).is_empty());
    }
}
