//! Canonical formatting of rule files (`factcheck fmt`).
//!
//! [`format_source`] parses a file and writes its syntax tree back in the one canonical layout:
//!
//! - statements in file order, one blank line between them, except that a run of block-less
//!   statements of the same keyword written on consecutive lines (`include` lines, one-line
//!   tenures) stays on consecutive lines;
//! - a header on one line, its arguments separated by single spaces, `organisation` spelt
//!   `organization`, strings re-escaped;
//! - a block as ` {`, one property per line indented four spaces, and `}` alone on its line; an
//!   empty block (`{}`) is dropped;
//! - a property's values on one line, separated by `, `, except that a long `text`, `variant` or
//!   `note` is split into adjacent strings at sentence boundaries, one per line, aligned under the
//!   first string's opening quote;
//! - every comment kept, with its text, before the statement or property that follows it or at the
//!   end of the line it ended; a blank line between top-level comments, or between them and the
//!   statement they precede, is kept (one at most); blank lines inside a block are not;
//! - no trailing whitespace, no byte-order mark, LF line endings, one final newline.
//!
//! Formatting never changes what a file means: the formatted file parses to a tree that
//! serialises equally (spans aside; an empty block and no block are the same), with the same
//! comments. A comment written in the middle of a construct that is now written on one line (a
//! header over several lines, a value list continued after a comma) moves to its own line before
//! that statement or property.

use std::borrow::Cow;

use super::ast::{Block, Bound, Comment, Head, Property, RuleFile, Statement, Value, When};
use crate::diagnostic::Diagnostic;
use crate::source::FileId;

/// The indentation of a property inside a block.
const INDENT: &str = "    ";

/// A `text`, `variant` or `note` value longer than this many characters is split into several
/// strings, and no piece is longer than this where a split point allows.
pub const TEXT_WIDTH: usize = 100;

/// Formats one rule file canonically. Returns `None` when the file has errors (`fmt` never
/// rewrites a file it cannot fully parse).
///
/// A leading byte-order mark is dropped and CRLF line endings become LF before parsing.
pub fn format_source(text: &str) -> Option<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text: Cow<str> = if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n"))
    } else {
        Cow::Borrowed(text)
    };
    let (tree, diagnostics) = super::parse_file(FileId(0), &text);
    if diagnostics.iter().any(Diagnostic::is_error) {
        return None;
    }
    Some(format_tree(&tree, &text))
}

/// Writes a parsed rule file canonically. `text` must be the text `tree` was parsed from (its
/// spans and comments point into it); the tree should be free of errors.
pub fn format_tree(tree: &RuleFile, text: &str) -> String {
    let comments = super::parser::collect_comments(text);
    let placed = place_comments(tree, &comments, text);
    let mut out = Output::default();
    let statements = &tree.statements;
    let mut previous: Option<(&Statement, &StatementComments)> = None;
    for (st, c) in statements.iter().zip(&placed.statements) {
        let group_start = c.leading.first().map_or(st.span.start, |c| c.span.start) as usize;
        if let Some((prev, prev_c)) = previous {
            let run = !prev_c.keep_block
                && !c.keep_block
                && prev.keyword_name() == st.keyword_name()
                && !blank_between(text, prev.span.end as usize, group_start);
            if !run {
                out.blank();
            }
        }
        write_statement(&mut out, st, c, text);
        previous = Some((st, c));
    }
    let mut prev_end = statements.last().map(|s| s.span.end as usize);
    for c in &placed.trailing {
        if prev_end.is_some_and(|end| blank_between(text, end, c.span.start as usize)) {
            out.blank();
        }
        out.line("", &comment_text(c));
        prev_end = Some(c.span.end as usize);
    }
    out.finish()
}

/// Writes the lines of one statement: its comments, header, block.
fn write_statement(out: &mut Output, st: &Statement, c: &StatementComments, text: &str) {
    for (k, comment) in c.leading.iter().enumerate() {
        out.line("", &comment_text(comment));
        let next = c.leading.get(k + 1).map_or(st.span.start, |n| n.span.start);
        if blank_between(text, comment.span.end as usize, next as usize) {
            out.blank();
        }
    }
    for comment in &c.hoisted {
        out.line("", &comment_text(comment));
    }
    let mut header = head_text(&st.head);
    let block = st.block.as_deref().filter(|_| c.keep_block);
    if block.is_some() {
        header.push_str(" {");
    }
    out.line_with("", &header, c.header);
    let Some(block) = block else {
        return;
    };
    for (p, pc) in block.properties.iter().zip(&c.properties) {
        for comment in &pc.leading {
            out.line(INDENT, &comment_text(comment));
        }
        let lines = property_lines(p);
        let last = lines.len() - 1;
        for (k, l) in lines.iter().enumerate() {
            out.line_with(INDENT, l, if k == last { pc.trailing } else { None });
        }
    }
    for comment in &c.tail {
        out.line(INDENT, &comment_text(comment));
    }
    out.line_with("", "}", c.close);
}

/// The output, line by line.
#[derive(Default)]
struct Output {
    text: String,
}

impl Output {
    fn line(&mut self, indent: &str, content: &str) {
        self.line_with(indent, content, None);
    }

    fn line_with(&mut self, indent: &str, content: &str, trailing: Option<&Comment>) {
        self.text.push_str(indent);
        self.text.push_str(content);
        if let Some(c) = trailing {
            self.text.push(' ');
            self.text.push_str(&comment_text(c));
        }
        let trimmed = self.text.trim_end_matches([' ', '\t']).len();
        self.text.truncate(trimmed);
        self.text.push('\n');
    }

    /// One blank line (never two, never at the start).
    fn blank(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            self.text.push('\n');
        }
    }

    fn finish(mut self) -> String {
        while self.text.ends_with("\n\n") {
            self.text.pop();
        }
        self.text
    }
}

/// `#` and the comment's text, without trailing whitespace.
fn comment_text(c: &Comment) -> String {
    format!("#{}", c.text.trim_end())
}

/// Whether a blank line (a line of nothing but whitespace) lies between byte offsets `a` and
/// `b`. The text before the first newline is the end of `a`'s line, and is not counted.
fn blank_between(text: &str, a: usize, b: usize) -> bool {
    let Some(gap) = text.get(a..b) else {
        return false;
    };
    let lines: Vec<&str> = gap.split('\n').collect();
    // The lines strictly between the first and the last.
    match lines.as_slice() {
        [_, between @ .., _] => between.iter().any(|l| l.chars().all(is_blank)),
        _ => false,
    }
}

/// Whitespace as the parser skips it (a byte-order mark included).
fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// A string literal: `s` in double quotes, with `"` and `\` escaped.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        if matches!(c, '"' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// A tenure bound as written: `2024-11`, `before 2022-10-28`, `after 2024`, `unknown`.
fn bound_text(b: &Bound) -> String {
    match b {
        Bound::On(d) => d.to_string(),
        Bound::Before(d) => format!("before {d}"),
        Bound::After(d) => format!("after {d}"),
        Bound::Unknown => "unknown".to_string(),
    }
}

/// The header of a statement on one line (without the block's brace).
fn head_text(head: &Head) -> String {
    match head {
        Head::Include { path } => format!("include {}", quote(&path.node)),
        Head::Entity { kind, name } => format!("{} {}", kind.keyword(), quote(&name.node)),
        Head::Tenure {
            kind,
            person,
            office,
            from,
            to,
        } => {
            let mut s = format!(
                "{} {} {} from {}",
                kind.keyword(),
                quote(&person.node),
                quote(&office.node),
                bound_text(&from.node)
            );
            if let Some(to) = to {
                s.push_str(" to ");
                s.push_str(&bound_text(&to.node));
            }
            s
        }
        Head::Event { name, when } => match when.node {
            When::On(d) => format!("event {} on {d}", quote(&name.node)),
            When::Range(a, b) => format!("event {} from {a} to {b}", quote(&name.node)),
        },
        Head::Quote { speaker, on, delivery } => format!(
            "quote {} on {} {}",
            quote(&speaker.node),
            on.node,
            delivery.node.keyword()
        ),
    }
}

/// Where the header ends (after its last argument).
fn head_end(head: &Head) -> usize {
    let end = match head {
        Head::Include { path } => path.span.end,
        Head::Entity { name, .. } => name.span.end,
        Head::Tenure { from, to, .. } => to.as_ref().unwrap_or(from).span.end,
        Head::Event { when, .. } => when.span.end,
        Head::Quote { delivery, .. } => delivery.span.end,
    };
    end as usize
}

/// Whether a property's text may continue with another string on the next line (so a long
/// value may be split).
fn splits(property: &str) -> bool {
    matches!(property, "text" | "variant" | "note")
}

/// The lines of one property, without the block's indentation: `name v1, v2`, with long texts
/// split over several lines. When a value is split and there are several, each value starts a
/// line of its own (after the comma that ends the previous one), aligned under the first value.
fn property_lines(p: &Property) -> Vec<String> {
    let name = p.name.node;
    let values: Vec<Vec<String>> = p
        .values
        .iter()
        .map(|v| match &v.node {
            Value::Text(t) if splits(name) => split_text(t).into_iter().map(quote).collect(),
            other => vec![value_text(other)],
        })
        .collect();
    let column = name.chars().count() + 1;
    let one_per_line = values.len() > 1 && values.iter().any(|pieces| pieces.len() > 1);
    let mut lines = Vec::new();
    let mut line = name.to_string();
    for (k, pieces) in values.iter().enumerate() {
        if k == 0 {
            line.push(' ');
        } else if one_per_line {
            line.push(',');
            lines.push(std::mem::take(&mut line));
            line = " ".repeat(column);
        } else {
            line.push_str(", ");
        }
        // Every value gives at least one piece (`split_text` returns at least one, `value_text`
        // exactly one), so the pattern always matches.
        if let [first, rest @ ..] = pieces.as_slice() {
            line.push_str(first);
            for piece in rest {
                lines.push(std::mem::take(&mut line));
                line = format!("{}{piece}", " ".repeat(column));
            }
        }
    }
    lines.push(line);
    lines
}

/// One value as written.
fn value_text(v: &Value) -> String {
    match v {
        Value::Text(t) => quote(t),
        Value::Date(d) => d.to_string(),
        Value::Word(w) => (*w).to_string(),
        Value::Example(e) => format!("{} {} {}", e.date, e.verdict.keyword(), quote(&e.sentence)),
    }
}

/// Splits a text longer than [`TEXT_WIDTH`] characters into pieces that, joined with one space,
/// give the text back.
///
/// The text is split at sentence boundaries, as few times as keeps each piece within the width; a
/// sentence longer than the width stays whole, unless it is longer than twice the width, when it
/// is split between words. Only a single space between two non-blank characters is a split point,
/// so no piece starts or ends with a blank; and no piece shorter than a third of the width is cut
/// off when a longer one can be had.
pub fn split_text(text: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    if chars.len() <= TEXT_WIDTH {
        return vec![text];
    }
    // Split points, as the number of characters before the space: the middle of each window of
    // three characters that is a space between two non-blanks.
    let words: Vec<usize> = chars
        .windows(3)
        .enumerate()
        .filter_map(|(k, w)| match w {
            [(_, before), (_, ' '), (_, after)] if !is_blank(*before) && !is_blank(*after) => Some(k + 1),
            _ => None,
        })
        .collect();
    // A split point `n` has characters before it and at `n + 1`, so both `get`s succeed.
    let sentences: Vec<usize> = words
        .iter()
        .copied()
        .filter(|&n| {
            chars.get(..n).is_some_and(ends_sentence) && chars.get(n + 1).is_some_and(|&(_, c)| !c.is_lowercase())
        })
        .collect();
    let mut pieces = Vec::new();
    for (start, end) in cut(0, chars.len(), &sentences) {
        if end - start > 2 * TEXT_WIDTH {
            pieces.extend(cut(start, end, &words));
        } else {
            pieces.push((start, end));
        }
    }
    let byte = |n: usize| chars.get(n).map_or(text.len(), |&(at, _)| at);
    // `byte` gives the offsets of characters (or the end), with start <= end, so every `get`
    // succeeds; were one not to, the text would stay whole rather than lose a piece.
    pieces
        .into_iter()
        .map(|(start, end)| text.get(byte(start)..byte(end)))
        .collect::<Option<Vec<&str>>>()
        .unwrap_or_else(|| vec![text])
}

/// Cuts the characters `start..end` at some of `points` (the characters before a space to drop)
/// into pieces of at most [`TEXT_WIDTH`] characters where the points allow.
fn cut(mut start: usize, end: usize, points: &[usize]) -> Vec<(usize, usize)> {
    let min = TEXT_WIDTH / 3;
    let mut pieces = Vec::new();
    while end - start > TEXT_WIDTH {
        let ahead = || points.iter().copied().filter(|&n| n > start && n < end);
        let within = ahead().rfind(|&n| n - start <= TEXT_WIDTH && n - start >= min);
        let beyond = ahead().find(|&n| n - start > TEXT_WIDTH);
        let Some(n) = within.or(beyond) else {
            break;
        };
        pieces.push((start, n));
        start = n + 1;
    }
    pieces.push((start, end));
    pieces
}

/// Whether text ending in `chars` ends a sentence: `.`, `?`, `!` or `…`, perhaps followed by a
/// closing quote or bracket.
fn ends_sentence(chars: &[(usize, char)]) -> bool {
    let mut it = chars.iter().rev().map(|&(_, c)| c);
    match it.next() {
        Some('.' | '?' | '!' | '…') => true,
        Some('"' | '\'' | '”' | '’' | ')' | ']') => matches!(it.next(), Some('.' | '?' | '!' | '…')),
        _ => false,
    }
}

/// Where each comment of a file goes.
struct Placement<'c, 's> {
    /// Per statement.
    statements: Vec<StatementComments<'c, 's>>,
    /// Comments after the last statement.
    trailing: Vec<&'c Comment<'s>>,
}

/// The comments of one statement, by where they are written.
#[derive(Default)]
struct StatementComments<'c, 's> {
    /// On their own lines before the statement.
    leading: Vec<&'c Comment<'s>>,
    /// Written inside the header (or at the end of its line, where another comment follows):
    /// on their own lines after `leading`.
    hoisted: Vec<&'c Comment<'s>>,
    /// At the end of the header line.
    header: Option<&'c Comment<'s>>,
    /// Per property.
    properties: Vec<PropertyComments<'c, 's>>,
    /// On their own lines after the last property.
    tail: Vec<&'c Comment<'s>>,
    /// At the end of the `}` line.
    close: Option<&'c Comment<'s>>,
    /// Whether the block is written (it has properties or comments).
    keep_block: bool,
}

/// The comments of one property.
#[derive(Default)]
struct PropertyComments<'c, 's> {
    /// On their own lines before it (including those written inside it).
    leading: Vec<&'c Comment<'s>>,
    /// At the end of its last line.
    trailing: Option<&'c Comment<'s>>,
}

/// Where one comment goes, before it is settled which slot keeps it.
enum Slot {
    /// Top level, before the statement with this index (or at the end).
    Before(usize),
    /// On its own line before statement `i` (it was written inside the header).
    Hoisted(usize),
    /// At the end of statement `i`'s header line.
    Header(usize),
    /// On its own line before property `k` of statement `i`.
    PropertyLeading(usize, usize),
    /// At the end of property `k` of statement `i`.
    PropertyTrailing(usize, usize),
    /// On its own line after the last property of statement `i`.
    Tail(usize),
    /// At the end of statement `i`'s `}` line.
    Close(usize),
}

/// If the comment at `pos` follows code on its line, the offset just after that code.
fn trailing_anchor(text: &str, pos: usize) -> Option<usize> {
    // The comment's `#` is a character of the text; `get` only guards a position from elsewhere.
    let before = text.get(..pos).unwrap_or(text);
    let code = before.trim_end_matches(|c: char| c != '\n' && is_blank(c));
    match code.chars().next_back() {
        None | Some('\n') => None,
        Some(_) => Some(code.len()),
    }
}

/// Decides where each comment of `tree` is written.
fn place_comments<'c, 's>(tree: &RuleFile<'s>, comments: &'c [Comment<'s>], text: &str) -> Placement<'c, 's> {
    let statements = &tree.statements;
    let slots: Vec<(Slot, &Comment)> = comments.iter().map(|c| (slot_of(statements, text, c), c)).collect();

    let mut placed: Vec<StatementComments> = statements
        .iter()
        .map(|st| StatementComments {
            properties: st
                .block
                .iter()
                .flat_map(|b| &b.properties)
                .map(|_| PropertyComments::default())
                .collect(),
            keep_block: st.block.as_ref().is_some_and(|b| {
                // Comments are in file order: the first after the brace tells (a scan of all
                // of them for each block was quadratic in the file's length).
                let first_after = comments.partition_point(|c| c.span.start <= b.open.start);
                !b.properties.is_empty() || comments.get(first_after).is_some_and(|c| c.span.start < b.close.start)
            }),
            ..StatementComments::default()
        })
        .collect();
    let mut trailing = Vec::new();
    // Candidates for the one trailing slot of each line, settled below.
    let mut header: Vec<Vec<&Comment>> = vec![Vec::new(); statements.len()];
    let mut close: Vec<Vec<&Comment>> = vec![Vec::new(); statements.len()];
    let mut prop_trailing: Vec<Vec<Vec<&Comment>>> =
        placed.iter().map(|p| vec![Vec::new(); p.properties.len()]).collect();
    // `slot_of` gives indices of `statements` (and of their properties), and `placed`, `header`,
    // `close` and `prop_trailing` have one entry per statement (and per property), made from the
    // same tree: every `get_mut` finds its list but that of `Before` the end, which is `trailing`.
    // (Were another to miss, its comment would still be kept, at the end.)
    for (slot, c) in slots {
        let list = match slot {
            Slot::Before(i) => placed.get_mut(i).map(|p| &mut p.leading),
            Slot::Hoisted(i) => placed.get_mut(i).map(|p| &mut p.hoisted),
            Slot::Header(i) => header.get_mut(i),
            Slot::PropertyLeading(i, k) => placed
                .get_mut(i)
                .and_then(|p| p.properties.get_mut(k))
                .map(|pc| &mut pc.leading),
            Slot::PropertyTrailing(i, k) => prop_trailing.get_mut(i).and_then(|p| p.get_mut(k)),
            Slot::Tail(i) => placed.get_mut(i).map(|p| &mut p.tail),
            Slot::Close(i) if placed.get(i).is_some_and(|p| p.keep_block) => close.get_mut(i),
            Slot::Close(i) => header.get_mut(i),
        };
        match list {
            Some(list) => list.push(c),
            None => trailing.push(c),
        }
    }
    let lists = header.iter_mut().zip(&mut close).zip(&mut prop_trailing);
    for (p, ((header, close), prop_trailing)) in placed.iter_mut().zip(lists) {
        // A line keeps one trailing comment: the last one, if no comment moved before the line
        // was written after it. The others go on their own lines before it, in file order.
        p.header = settle(header, &mut p.hoisted);
        p.close = settle(close, &mut p.tail);
        for (pc, candidates) in p.properties.iter_mut().zip(prop_trailing) {
            pc.trailing = settle(candidates, &mut pc.leading);
        }
    }
    Placement {
        statements: placed,
        trailing,
    }
}

/// Picks the trailing comment of a line from `candidates`; the rest join `own_line`.
fn settle<'c, 's>(
    candidates: &mut Vec<&'c Comment<'s>>,
    own_line: &mut Vec<&'c Comment<'s>>,
) -> Option<&'c Comment<'s>> {
    let last = candidates.pop();
    own_line.append(candidates);
    let result = match last {
        Some(c) if own_line.iter().all(|o| o.span.start < c.span.start) => Some(c),
        Some(c) => {
            own_line.push(c);
            None
        }
        None => None,
    };
    own_line.sort_by_key(|c| c.span.start);
    result
}

/// Where one comment belongs.
fn slot_of(statements: &[Statement], text: &str, c: &Comment) -> Slot {
    let pos = c.span.start as usize;
    let anchor = trailing_anchor(text, pos);
    // The statement the comment is written in (or at the end of). Statements are in file order
    // and do not overlap, so it is the last one starting before the comment (or its anchor), if
    // that one reaches it; found by bisection, as a scan per comment was quadratic.
    let at = anchor.unwrap_or(pos);
    // A partition point minus one is an index of `statements`, so `get` always succeeds.
    let inside = statements
        .partition_point(|st| (st.span.start as usize) < at)
        .checked_sub(1)
        .and_then(|i| Some((i, statements.get(i)?)))
        .filter(|(_, st)| {
            let end = st.span.end as usize;
            match anchor {
                Some(a) => a <= end,
                None => pos < end,
            }
        });
    let Some((i, st)) = inside else {
        let next = statements.partition_point(|st| st.span.start as usize <= pos);
        return Slot::Before(next);
    };
    let block: Option<&Block> = st.block.as_deref();
    let in_body = |at: usize| block.is_some_and(|b| b.open.end as usize <= at && at < b.close.start as usize);
    match anchor {
        None if in_body(pos) => {
            let properties = &block.map_or(&[][..], |b| &b.properties[..]);
            // Properties are in file order and do not overlap (bisection, as above).
            let after = properties.partition_point(|p| p.span.start as usize <= pos);
            let within = after.checked_sub(1).filter(|&k| {
                properties
                    .get(k)
                    .is_some_and(|p| (p.span.start as usize) < pos && pos < p.span.end as usize)
            });
            let next = (after < properties.len()).then_some(after);
            match within.or(next) {
                Some(k) => Slot::PropertyLeading(i, k),
                None => Slot::Tail(i),
            }
        }
        None => Slot::Hoisted(i),
        Some(a) => {
            if let Some(b) = block {
                if a == b.close.end as usize {
                    return Slot::Close(i);
                }
                if a == b.open.end as usize {
                    return Slot::Header(i);
                }
                if a > b.open.end as usize {
                    let properties = &b.properties;
                    // As above: `get` always finds the property.
                    let k = properties
                        .partition_point(|p| (p.span.start as usize) < a)
                        .checked_sub(1)
                        .and_then(|k| Some((k, properties.get(k)?)))
                        .filter(|(_, p)| a <= p.span.end as usize);
                    return match k {
                        Some((k, p)) if a == p.span.end as usize => Slot::PropertyTrailing(i, k),
                        Some((k, _)) => Slot::PropertyLeading(i, k),
                        None => Slot::Tail(i),
                    };
                }
            }
            if a == head_end(&st.head) {
                Slot::Header(i)
            } else {
                Slot::Hoisted(i)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::parse_file;

    /// The meaning of a file: its serialised tree (an empty block counts as none) and its comments.
    fn meaning(text: &str) -> (serde_json::Value, Vec<String>) {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let (tree, diagnostics) = parse_file(FileId(0), text);
        assert!(
            !diagnostics.iter().any(Diagnostic::is_error),
            "{diagnostics:#?}\n{text}"
        );
        let mut value = serde_json::to_value(&tree).unwrap();
        for st in value["statements"].as_array_mut().unwrap() {
            let st = st.as_object_mut().unwrap();
            if st.get("block").is_some_and(|b| b.as_array().is_some_and(Vec::is_empty)) {
                st.remove("block");
            }
        }
        let mut comments: Vec<String> = crate::rules::parser::collect_comments(text)
            .iter()
            .map(|c| c.text.trim_end().to_string())
            .collect();
        comments.sort();
        (value, comments)
    }

    /// Formats `input`, checks idempotence and meaning, and returns the result.
    fn fmt(input: &str) -> String {
        let out = format_source(input).expect("formats");
        assert_eq!(
            format_source(&out).as_deref(),
            Some(out.as_str()),
            "not idempotent:\n{out}"
        );
        assert_eq!(meaning(input), meaning(&out), "meaning changed:\n{out}");
        out
    }

    #[test]
    fn entity_with_block() {
        let input =
            "person   \"Benjamin Netanyahu\"{\n aka \"Netanyahu\" ,\"Bibi\"\n\t\twikidata Q43723\npronoun he   }\n";
        assert_eq!(
            fmt(input),
            "person \"Benjamin Netanyahu\" {\n    aka \"Netanyahu\", \"Bibi\"\n    wikidata Q43723\n    pronoun he\n}\n"
        );
    }

    #[test]
    fn organisation_becomes_organization() {
        assert_eq!(
            fmt("organisation \"ICC\" {\n kind court\n}"),
            "organization \"ICC\" {\n    kind court\n}\n"
        );
    }

    #[test]
    fn strings_are_re_escaped() {
        let input = "person \"Isaac \\\"Bougie\\\" Herzog\" {\n    aka \"back\\\\slash\", \"“curly” – ü 中\"\n}\n";
        assert_eq!(fmt(input), input);
    }

    #[test]
    fn headers_on_one_line() {
        let input = "tenure\n  \"A\"\n  \"B\"\n  from   before 2020-01\n  to\tafter 2024\n\n\
                     elect \"C\" \"D\" from unknown\n\n\
                     event \"E\"\n from 2003 to 2004-02-29\n\n\
                     quote \"F\"   on 2024-11-21\n  said {\n text \"x\"\n}\n\n\
                     acting \"G\" \"H\" from 2025 to unknown\n";
        assert_eq!(
            fmt(input),
            "tenure \"A\" \"B\" from before 2020-01 to after 2024\n\n\
             elect \"C\" \"D\" from unknown\n\n\
             event \"E\" from 2003 to 2004-02-29\n\n\
             quote \"F\" on 2024-11-21 said {\n    text \"x\"\n}\n\n\
             acting \"G\" \"H\" from 2025 to unknown\n"
        );
    }

    #[test]
    fn one_blank_line_between_statements() {
        let input = "\n\n\ncountry \"A\" {\n adjective \"a\"\n}\ncountry \"B\" {\n adjective \"b\"\n}\n\n\n\n\ncountry \"C\"\n\n\n";
        assert_eq!(
            fmt(input),
            "country \"A\" {\n    adjective \"a\"\n}\n\ncountry \"B\" {\n    adjective \"b\"\n}\n\ncountry \"C\"\n"
        );
    }

    #[test]
    fn runs_of_one_line_statements_stay_together() {
        let input = "include \"a.fc\"\ninclude   \"b.fc\"\n\n\n\ninclude \"c.fc\"\n\
                     tenure \"P\" \"O\" from 2020 to 2021\ntenure \"P\" \"O\" from 2022\n\
                     acting \"P\" \"O\" from 2023\n\
                     person \"X\"\nperson \"Y\" { aka \"Z\" }\nperson \"W\"\nperson \"V\"\n";
        assert_eq!(
            fmt(input),
            "include \"a.fc\"\ninclude \"b.fc\"\n\ninclude \"c.fc\"\n\n\
             tenure \"P\" \"O\" from 2020 to 2021\ntenure \"P\" \"O\" from 2022\n\n\
             acting \"P\" \"O\" from 2023\n\n\
             person \"X\"\n\nperson \"Y\" {\n    aka \"Z\"\n}\n\nperson \"W\"\nperson \"V\"\n"
        );
    }

    #[test]
    fn empty_blocks_are_dropped() {
        let input = "person \"A\" {}\nperson \"B\" { }\n\nevent \"E\" on 2020 {\n\n}\n";
        assert_eq!(fmt(input), "person \"A\"\nperson \"B\"\n\nevent \"E\" on 2020\n");
        // A trailing comment after the dropped block stays on the line.
        assert_eq!(fmt("person \"A\" {  } # none\n"), "person \"A\" # none\n");
    }

    #[test]
    fn a_block_holding_only_comments_is_kept() {
        let input = "person \"A\" {\n  # TODO: aliases\n}\n";
        assert_eq!(fmt(input), "person \"A\" {\n    # TODO: aliases\n}\n");
        assert_eq!(fmt("person \"A\" { # TODO\n}\n"), "person \"A\" { # TODO\n}\n");
    }

    #[test]
    fn flags_and_dates_and_examples() {
        let input = "office \"O\" {\n of \"C\"\n exclusive\n open\n}\n\n\
                     event \"E\" on 2021-04 {\n alternative 2021-04-02,2021\n example 2024-11-21 pass \"A \\\"b\\\".\", 2024 unverified \"c\"\n}\n";
        assert_eq!(
            fmt(input),
            "office \"O\" {\n    of \"C\"\n    exclusive\n    open\n}\n\n\
             event \"E\" on 2021-04 {\n    alternative 2021-04-02, 2021\n    example 2024-11-21 pass \"A \\\"b\\\".\", 2024 unverified \"c\"\n}\n"
        );
    }

    #[test]
    fn value_lists_continued_after_a_comma_join_one_line() {
        let input = "country \"US\" {\n    aka \"U.S.\",\n        \"USA\",\n        \"America\"\n}\n";
        assert_eq!(
            fmt(input),
            "country \"US\" {\n    aka \"U.S.\", \"USA\", \"America\"\n}\n"
        );
    }

    #[test]
    fn long_texts_are_split_at_sentences() {
        let first = "The ICC issuance of arrest warrants against Israeli leaders is outrageous.";
        let second = "Let me be clear once again: whatever the ICC might imply, there is no equivalence – none – between Israel and Hamas.";
        let input = format!("quote \"Joe Biden\" on 2024-11-21 statement {{\n    text \"{first} {second}\"\n}}\n");
        let expected = format!(
            "quote \"Joe Biden\" on 2024-11-21 statement {{\n    text \"{first}\"\n         \"{second}\"\n}}\n"
        );
        assert_eq!(fmt(&input), expected);
        // Already split: unchanged.
        assert_eq!(fmt(&expected), expected);
    }

    #[test]
    fn short_texts_written_in_pieces_are_joined() {
        assert_eq!(
            fmt("quote \"A\" on 2020 said {\n text \"One.\"\n  \"Two.\"\n}\n"),
            "quote \"A\" on 2020 said {\n    text \"One. Two.\"\n}\n"
        );
    }

    #[test]
    fn long_notes_are_split_and_aligned_under_their_quote() {
        let s = "This sentence is forty characters long.";
        let long = format!("{s} {s} {s} {s}");
        let out = fmt(&format!(
            "person \"P\" {{\n note \"{long}\", \"short\"\n source \"{long}\"\n}}\n"
        ));
        assert_eq!(
            out,
            format!(
                "person \"P\" {{\n    note \"{s} {s}\"\n         \"{s} {s}\",\n         \"short\"\n    source \"{long}\"\n}}\n"
            )
        );
        // When a value is split, every value starts its own line.
        let out = fmt(&format!("person \"P\" {{\n note \"x\", \"{long}\",\"y\"\n}}\n"));
        assert_eq!(
            out,
            format!(
                "person \"P\" {{\n    note \"x\",\n         \"{s} {s}\"\n         \"{s} {s}\",\n         \"y\"\n}}\n"
            )
        );
    }

    #[test]
    fn one_long_sentence_stays_whole() {
        let input = "quote \"Isaac Herzog\" on 2024-11-21 post {\n    text \"Taken in bad faith, the outrageous decision at the ICC has turned universal justice into a universal laughingstock.\"\n}\n";
        assert_eq!(fmt(input), input);
    }

    #[test]
    fn split_falls_back_to_words_for_very_long_sentences() {
        let long = "word ".repeat(50) + "end";
        let pieces = split_text(&long);
        assert_eq!(pieces.len(), 3);
        assert!(pieces.iter().all(|p| p.chars().count() <= TEXT_WIDTH));
        assert_eq!(pieces.join(" "), long);
        // A sentence of 150 characters, then a short one: split between them only.
        let sentence = format!("{}.", "w ".repeat(74) + "w");
        let text = format!("{sentence} Short one.");
        assert_eq!(split_text(&text), vec![sentence.as_str(), "Short one."]);
        // No space at all: one piece.
        let url = "x".repeat(300);
        assert_eq!(split_text(&url), vec![url.as_str()]);
    }

    #[test]
    fn split_points_are_single_spaces_before_a_new_sentence() {
        // Double spaces and a full stop followed by lowercase are not sentence boundaries.
        let odd = format!("{}.  Then e.g. more {}. Next", "a".repeat(50), "b".repeat(50));
        assert_eq!(split_text(&odd), vec![&odd[..odd.len() - 5], "Next"]);
        // Nor is an abbreviation near the start, when a later boundary will do.
        let text = format!(
            "Mr. Smith {}. {}.",
            "a ".repeat(30).trim_end(),
            "B ".repeat(30).trim_end()
        );
        let pieces = split_text(&text);
        assert_eq!(pieces.len(), 2);
        assert!(pieces[0].starts_with("Mr. Smith"));
        // A closing quote after the full stop still ends the sentence.
        let text = format!(
            "He said \"{}.\" {}",
            "a ".repeat(40).trim_end(),
            "Then ".repeat(12).trim_end()
        );
        assert_eq!(split_text(&text).len(), 2);
        // A long text with escapes survives the split.
        let escaped = format!("{} \\\"quoted.\\\" {}", "q ".repeat(60), "\\\\ ".repeat(40));
        fmt(&format!("quote \"S\" on 2020 said {{\n text \"{escaped}\"\n}}\n"));
    }

    #[test]
    fn own_line_comments_stay_before_what_follows() {
        let input = "# file header\n\n# about A\nperson \"A\" {\n# before aka\n        aka \"a\"\n   # before source\n source \"s\"\n # at the end of the block\n}\n# at the end of the file\n";
        assert_eq!(
            fmt(input),
            "# file header\n\n# about A\nperson \"A\" {\n    # before aka\n    aka \"a\"\n    # before source\n    source \"s\"\n    # at the end of the block\n}\n# at the end of the file\n"
        );
    }

    #[test]
    fn blank_lines_between_top_level_comments_are_kept_once() {
        let input = "# one\n\n\n\n# two\n# three\n\n\nperson \"A\"\n\n\n# end\n\n\n# really the end\n";
        assert_eq!(
            fmt(input),
            "# one\n\n# two\n# three\n\nperson \"A\"\n\n# end\n\n# really the end\n"
        );
    }

    #[test]
    fn trailing_comments_stay_on_their_line() {
        let input = "include \"a.fc\"   # first\noffice \"A\" {   # header\n    aka \"X\"  # note\n    exclusive\t# flag\n}  # close\n";
        assert_eq!(
            fmt(input),
            "include \"a.fc\" # first\n\noffice \"A\" { # header\n    aka \"X\" # note\n    exclusive # flag\n} # close\n"
        );
        // A one-line block: the comment follows the `}`.
        assert_eq!(
            fmt("person \"A\" { aka \"X\" } # c\n"),
            "person \"A\" {\n    aka \"X\"\n} # c\n"
        );
        // The brace on its own line.
        assert_eq!(
            fmt("person \"A\" # c\n{\n aka \"X\"\n}\n"),
            "person \"A\" { # c\n    aka \"X\"\n}\n"
        );
    }

    #[test]
    fn comments_inside_a_header_move_before_the_statement() {
        let input = "# lead\ntenure \"A\" # who\n  # between\n  \"B\" from 2020 # start\n  to 2021 # end\n";
        assert_eq!(
            fmt(input),
            "# lead\n# who\n# between\n# start\ntenure \"A\" \"B\" from 2020 to 2021 # end\n"
        );
        // Two comments for the header line: the first moves up.
        assert_eq!(
            fmt("person \"A\" # one\n{ # two\n aka \"X\"\n}\n"),
            "# one\nperson \"A\" { # two\n    aka \"X\"\n}\n"
        );
        // A trailing comment followed by an own-line one: both move up, in order.
        assert_eq!(
            fmt("person \"A\" # one\n# two\n{\n aka \"X\"\n}\n"),
            "# one\n# two\nperson \"A\" {\n    aka \"X\"\n}\n"
        );
    }

    #[test]
    fn comments_inside_a_property_move_before_it() {
        let input = "country \"US\" {\n    aka \"U.S.\", # dotted\n    # more\n        \"USA\" # last\n    note \"One.\" # a\n         \"Two.\" # b\n}\n";
        assert_eq!(
            fmt(input),
            "country \"US\" {\n    # dotted\n    # more\n    aka \"U.S.\", \"USA\" # last\n    # a\n    note \"One. Two.\" # b\n}\n"
        );
    }

    #[test]
    fn comment_text_is_kept_but_trailing_whitespace_trimmed() {
        assert_eq!(
            fmt("#no space   \n#\t tab # \"quoted\" {}\n#\nperson \"A\"\n"),
            "#no space\n#\t tab # \"quoted\" {}\n#\nperson \"A\"\n"
        );
    }

    #[test]
    fn hash_inside_strings_is_not_a_comment() {
        let input = "person \"#1\" {\n    aka \"C# \\\"#\\\"\" # real\n}\n";
        assert_eq!(fmt(input), input);
    }

    #[test]
    fn bom_crlf_and_trailing_whitespace() {
        let input = "\u{feff}# c  \r\nperson \"A\" {   \r\n  aka \"B\"\t\r\n}\r\n\r\n\r\n";
        assert_eq!(fmt(input), "# c\nperson \"A\" {\n    aka \"B\"\n}\n");
    }

    #[test]
    fn empty_and_comment_only_files() {
        assert_eq!(fmt(""), "");
        assert_eq!(fmt("\n\n  \n"), "");
        assert_eq!(fmt("# only\n\n\n# comments"), "# only\n\n# comments\n");
    }

    #[test]
    fn files_with_errors_are_not_formatted() {
        for bad in [
            "person \"A\" {\n aka \"B\"\n",
            "person \"A\n",
            "tenure \"A\" \"B\" from 2024-02-30\n",
            "persn \"A\"\n",
            "person \"A\" {\n nickname \"B\"\n}\n",
            "quote \"A\" on 2020 said\n",
            "include \"a.fc\" {}\n",
            "person \"A\" { pronoun it }\n",
            "person \"A\" \"B\"\n",
        ] {
            assert_eq!(format_source(bad), None, "{bad}");
        }
    }

    #[test]
    fn canonical_text_is_unchanged() {
        let canonical = "# People.\n\ninclude \"a.fc\"\ninclude \"b.fc\"\n\nperson \"A\" {\n    aka \"B\", \"C\" # common\n    pronoun she\n}\n\ntenure \"A\" \"O\" from 2020-01-02 to before 2021 {\n    source \"s\"\n    example 2020-06 pass \"A was O.\"\n}\n";
        assert_eq!(fmt(canonical), canonical);
    }
}
