//! Quotation marks: where quoted words start and end in a paragraph.
//!
//! Curly double quotes say which way they face; straight ones are paired in order. Single
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

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// Finds the quotations of the paragraph `range` of `text`.
pub fn quotations(text: &str, range: Range<usize>) -> Vec<Quotation> {
    let mut out = Vec::new();
    let para = &text[range.clone()];
    let chars: Vec<(usize, char)> = para.char_indices().collect();
    let base = range.start;
    // The open quotation: (char index, offset after the mark, is double, is curly).
    let mut open: Option<(usize, usize, bool)> = None;
    let mut i = 0;
    while i < chars.len() {
        let (off, c) = chars[i];
        let prev = i.checked_sub(1).map(|j| chars[j].1);
        let next = chars.get(i + 1).map(|x| x.1);
        let after = off + c.len_utf8();
        match (open, c) {
            (None, '“' | '"') => open = Some((i, after, true)),
            (None, '‘') => open = Some((i, after, false)),
            // A straight single quote opens only at a word start.
            (None, '\'') if !is_word(prev) && is_word(next) => open = Some((i, after, false)),
            (Some((_, start, true)), '”' | '"') => {
                push(&mut out, para, base, chars[open.unwrap().0].0, start, Some(off..after));
                open = None;
            }
            // An inner opening double quote while a double quote is open: the writer forgot to
            // close the first one; start again here.
            (Some((_, start, true)), '“') => {
                push(&mut out, para, base, chars[open.unwrap().0].0, start, None);
                open = Some((i, after, true));
            }
            (Some((_, start, false)), '’' | '\'')
                if !(is_word(next) || prev == Some('s') && has_later_close(&chars, i)) =>
            {
                push(&mut out, para, base, chars[open.unwrap().0].0, start, Some(off..after));
                open = None;
            }
            _ => {}
        }
        i += 1;
    }
    if let Some((j, start, _)) = open {
        push(&mut out, para, base, chars[j].0, start, None);
    }
    out
}

fn has_later_close(chars: &[(usize, char)], i: usize) -> bool {
    chars[i + 1..]
        .iter()
        .enumerate()
        .any(|(k, (_, c))| matches!(c, '’' | '\'') && !chars.get(i + 2 + k).is_some_and(|x| x.1.is_alphanumeric()))
}

fn push(out: &mut Vec<Quotation>, para: &str, base: usize, open: usize, start: usize, close: Option<Range<usize>>) {
    let end = close.as_ref().map_or(para.len(), |c| c.start);
    let inner = &para[start..end];
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
    fn unclosed_quotes_end_with_the_paragraph() {
        let t = "“We will go on, he said. And on";
        let q = quotations(t, 0..t.len());
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].close, None);
        assert_eq!(&t[q[0].inner.clone()], "We will go on, he said. And on");
        assert!(quotations("“", 0..3).is_empty());
    }
}
