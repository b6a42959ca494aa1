//! Front matter and markup: what is not prose is masked with spaces, and `factcheck:` comments
//! are collected.
//!
//! This is not a full CommonMark parser; it knows the constructs news Markdown uses (headings,
//! lists, block quotes, emphasis, links, images, code, HTML comments and tags, tables) and masks
//! their syntax so that only the words remain at their original offsets. URLs are masked in
//! plain text too: a date inside a URL is never a claim.

use super::{ArticleError, Directive, Format, FrontMatter, Paragraph};
use crate::date::Date;

/// Replaces the bytes of `range` with spaces, keeping newlines (so lines stay lines).
fn blank(masked: &mut [u8], range: std::ops::Range<usize>) {
    // `take` then `skip` clamps the range to the slice (past its end, or empty, it blanks nothing).
    for b in masked.iter_mut().take(range.end).skip(range.start) {
        if *b != b'\n' {
            *b = b' ';
        }
    }
}

/// Reads TOML front matter between `+++` lines at the start of the file, and masks it.
pub fn front_matter(name: &str, text: &str, masked: &mut [u8]) -> Result<FrontMatter, ArticleError> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let start = text.len() - body.len();
    let mut lines = body.split_inclusive('\n');
    let first_line = lines.next().unwrap_or_default();
    if first_line.trim_end() != "+++" {
        return Ok(FrontMatter::default());
    }
    let toml_start = start + first_line.len();
    // The closing `+++` is the next line that is exactly `+++`.
    let mut pos = toml_start;
    let mut close = None;
    for line in lines {
        if line.trim_end() == "+++" {
            close = Some((pos, pos + line.len()));
            break;
        }
        pos += line.len();
    }
    let Some((toml_end, after)) = close else {
        let lc = crate::source::line_col(text, &crate::source::line_starts(text), start);
        return Err(ArticleError::FrontMatter {
            name: name.into(),
            line: lc.line,
            column: lc.column,
            message: "front matter opened with `+++` is never closed (expected a line `+++`)".into(),
        });
    };
    // Both ends are starts of lines of `text`, toml_start <= toml_end: `get` always finds them.
    let source = text.get(toml_start..toml_end).unwrap_or_default();
    let located = |offset: usize, message: String| {
        let lc = crate::source::line_col(text, &crate::source::line_starts(text), toml_start + offset);
        ArticleError::FrontMatter {
            name: name.into(),
            line: lc.line,
            column: lc.column,
            message,
        }
    };
    let table: toml::Table = toml::from_str(source).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        located(offset, e.message().trim().to_string())
    })?;
    let text_field = |key: &str| -> Result<Option<String>, ArticleError> {
        match table.get(key) {
            None => Ok(None),
            Some(toml::Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(located(
                source.find(key).unwrap_or(0),
                format!("`{key}` must be a string, found {}", other.type_str()),
            )),
        }
    };
    let date = match table.get("date") {
        None => None,
        Some(toml::Value::Datetime(dt)) => match dt.date {
            Some(d) => Some(
                Date::new(d.year as i16, d.month as i8, d.day as i8)
                    .map_err(|e| located(source.find("date").unwrap_or(0), format!("bad `date`: {e}")))?,
            ),
            None => {
                return Err(located(source.find("date").unwrap_or(0), "`date` has no day".into()));
            }
        },
        Some(toml::Value::String(s)) => Some(parse_day(s).ok_or_else(|| {
            located(
                source.find("date").unwrap_or(0),
                format!("`date` must be YYYY-MM-DD, found \"{s}\""),
            )
        })?),
        Some(other) => {
            return Err(located(
                source.find("date").unwrap_or(0),
                format!("`date` must be a date (date = 2024-11-21), found {}", other.type_str()),
            ));
        }
    };
    let fm = FrontMatter {
        title: text_field("title")?,
        date,
        url: text_field("url")?,
        author: text_field("author")?,
    };
    blank(masked, start..after);
    Ok(fm)
}

/// A `YYYY-MM-DD` day, optionally followed by a time (`2024-11-21T09:00:00Z`).
pub fn parse_day(s: &str) -> Option<Date> {
    let s = s.trim();
    let (day, time) = s.split_at_checked(10)?;
    if !time.is_empty() && !time.starts_with(['T', ' ', 't']) {
        return None;
    }
    let d: crate::date::PartialDate = day.parse().ok()?;
    (d.precision() == crate::date::Precision::Day).then(|| d.first_day())
}

/// Masks markup (and URLs in any format) and returns the `factcheck:` comments found.
pub fn mask(text: &str, masked: &mut [u8], format: Format) -> Vec<Directive> {
    let mut directives = Vec::new();
    if format == Format::Markdown {
        mask_code_blocks(text, masked);
        mask_comments(text, masked, &mut directives);
        mask_inline(text, masked);
        mask_line_markers(text, masked);
    }
    mask_urls(text, masked);
    directives
}

fn mask_code_blocks(text: &str, masked: &mut [u8]) {
    let mut pos = 0;
    let mut open: Option<(usize, &str)> = None;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        let fence = if t.starts_with("```") {
            Some("```")
        } else if t.starts_with("~~~") {
            Some("~~~")
        } else {
            None
        };
        match (open, fence) {
            (None, Some(f)) => open = Some((pos, f)),
            (Some((start, f)), Some(g)) if f == g => {
                blank(masked, start..pos + line.len());
                open = None;
            }
            _ => {}
        }
        pos += line.len();
    }
    if let Some((start, _)) = open {
        blank(masked, start..text.len());
    }
}

fn mask_comments(text: &str, masked: &mut [u8], directives: &mut Vec<Directive>) {
    let mut from = 0;
    // `from` is always just after `<!--`, `-->` or at the end: character boundaries, so `get`
    // only ends the loop at the end of the text.
    while let Some(i) = text.get(from..).and_then(|rest| rest.find("<!--")) {
        let start = from + i;
        // `masked` is as long as `text`, so `start` is inside it.
        if masked.get(start) == Some(&b' ') {
            from = start + 4;
            continue;
        }
        // The comment's words end at `-->`, or (never closed) at the end of the text. (Taking
        // three bytes off the end of an unclosed comment could cut a character in two.)
        let (inner_end, end) = match text.get(start + 4..).and_then(|rest| rest.find("-->")) {
            Some(j) => (start + 4 + j, start + 4 + j + 3),
            None => (text.len(), text.len()),
        };
        // `start + 4` is just after the ASCII `<!--`, and `inner_end` is at `-->` or the end of
        // the text, all character boundaries: `get` always finds the words.
        let inner = text.get(start + 4..inner_end).unwrap_or_default().trim();
        if let Some(cmd) = inner.strip_prefix("factcheck:") {
            directives.push(Directive {
                span: start..end,
                command: cmd.trim().to_string(),
                paragraph: None,
            });
        }
        blank(masked, start..end);
        from = end;
    }
}

/// Inline markup: code spans, images, links, HTML tags, emphasis and escapes.
///
/// One pass, left to right; every search for a closing mark either jumps past what it found or
/// is remembered ([`Next`]), so that a line of a million `[` or `<` stays linear.
fn mask_inline(text: &str, masked: &mut [u8]) {
    let bytes = text.as_bytes();
    let mut links = Links::default();
    let mut i = 0;
    // `masked` is as long as `bytes`, and every slice of `text` taken below starts at an ASCII
    // byte (a mark just found) or just after one, so each `get` finds what it asks for.
    while let Some(&b) = bytes.get(i) {
        if masked.get(i) == Some(&b' ') && b != b' ' {
            i += 1;
            continue;
        }
        match b {
            b'`' => {
                let end = text
                    .get(i + 1..)
                    .and_then(|rest| rest.find('`'))
                    .map_or(i + 1, |j| i + 1 + j + 1);
                blank(masked, i..end);
                i = end;
            }
            b'!' if bytes.get(i + 1) == Some(&b'[') => {
                let end = links.end(text, i + 1).unwrap_or(i + 1);
                blank(masked, i..end);
                i = end.max(i + 1);
            }
            b'[' => {
                if let Some((close, end)) = links.link(text, i) {
                    // Keep the link text; mask the brackets and the target.
                    blank(masked, i..i + 1);
                    blank(masked, close..end);
                    i = close;
                } else {
                    i += 1;
                }
            }
            b'<' => {
                // A tag is shorter than 300 bytes and on one line: look no further for its `>`.
                let end = bytes
                    .iter()
                    .skip(i)
                    .take(TAG_LIMIT)
                    .position(|&b| b == b'>')
                    .map(|j| i + j + 1);
                match end {
                    // `i` is at `<` and `end` just after `>`, both ASCII, so `get` finds the tag.
                    Some(end) if text.get(i..end).is_some_and(|tag| !tag.contains('\n') && is_tag(tag)) => {
                        blank(masked, i..end);
                        i = end;
                    }
                    _ => i += 1,
                }
            }
            b'*' | b'~' | b'|' => {
                blank(masked, i..i + 1);
                i += 1;
            }
            b'_' => {
                let before = i.checked_sub(1).and_then(|j| bytes.get(j)).copied();
                let after = bytes.get(i + 1).copied();
                let word = |b: Option<u8>| b.is_some_and(|b| b.is_ascii_alphanumeric());
                if !(word(before) && word(after)) {
                    blank(masked, i..i + 1);
                }
                i += 1;
            }
            b'\\' if bytes.get(i + 1).is_some_and(|b| b.is_ascii_punctuation()) => {
                blank(masked, i..i + 1);
                i += 2;
            }
            _ => i += 1,
        }
    }
}

/// An HTML tag is at most this many bytes long, `<` to `>` exclusive of the `>`.
const TAG_LIMIT: usize = 299;

fn is_tag(s: &str) -> bool {
    let inner = s.trim_start_matches('<').trim_start_matches('/');
    inner.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) || inner.starts_with("http")
}

/// The next occurrence of a pattern at or after a position, remembered between calls whose
/// positions only grow: each byte is searched at most once.
struct Next {
    pattern: &'static str,
    /// The last search: from where, and what it found.
    last: Option<(usize, Option<usize>)>,
}

impl Next {
    fn new(pattern: &'static str) -> Self {
        Next { pattern, last: None }
    }

    /// The first occurrence of the pattern at or after byte `from` (a character boundary).
    fn at_or_after(&mut self, text: &str, from: usize) -> Option<usize> {
        if let Some((searched_from, found)) = self.last
            && searched_from <= from
            && found.is_none_or(|f| f >= from)
        {
            return found;
        }
        let found = text
            .get(from..)
            .and_then(|rest| rest.find(self.pattern))
            .map(|j| from + j);
        self.last = Some((from, found));
        found
    }
}

/// Finds `[text](target)` links, remembering its searches (see [`Next`]).
struct Links {
    middle: Next,
    close: Next,
    newline: Next,
}

impl Default for Links {
    fn default() -> Self {
        Links {
            middle: Next::new("]("),
            close: Next::new(")"),
            newline: Next::new("\n"),
        }
    }
}

impl Links {
    /// The link starting with the `[` at `open`: the offset of its `](` and its end.
    fn link(&mut self, text: &str, open: usize) -> Option<(usize, usize)> {
        let middle = self.middle.at_or_after(text, open)?;
        if self.newline.at_or_after(text, open).is_some_and(|n| n < middle) {
            return None;
        }
        let target = middle + 2;
        let end = self.close.at_or_after(text, target)?;
        if self.newline.at_or_after(text, target).is_some_and(|n| n < end) {
            return None;
        }
        Some((middle, end + 1))
    }

    /// The end of the link starting with the `[` at `open`, if it is one.
    fn end(&mut self, text: &str, open: usize) -> Option<usize> {
        self.link(text, open).map(|(_, end)| end)
    }
}

/// Line-start markers: headings, block quotes, list bullets and numbers, rules, table rows.
fn mask_line_markers(text: &str, masked: &mut [u8]) {
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        // What is left of the line after the markers masked so far.
        let mut rest = line.trim_start_matches([' ', '\t']);
        loop {
            let marker = if rest.starts_with('>') {
                1
            } else if rest.starts_with('#') {
                rest.len() - rest.trim_start_matches('#').len()
            } else if rest.starts_with("- ") || rest.starts_with("+ ") || rest.starts_with("* ") {
                1
            } else {
                let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                let after = rest.get(digits..).unwrap_or_default();
                if digits > 0 && digits < 4 && (after.starts_with(". ") || after.starts_with(") ")) {
                    digits + 1
                } else {
                    0
                }
            };
            if marker == 0 {
                break;
            }
            let at = pos + (line.len() - rest.len());
            blank(masked, at..at + marker);
            // A marker is ASCII (`>`, `#`s, a bullet, digits and a mark), so it ends on a
            // character boundary inside `rest` and the split always succeeds.
            let Some((_, after)) = rest.split_at_checked(marker) else {
                break;
            };
            rest = after.trim_start_matches([' ', '\t']);
        }
        let t = line.trim();
        if t.len() >= 3 && t.chars().all(|c| matches!(c, '-' | '=' | '*' | '_' | ' ' | ':' | '|')) {
            blank(masked, pos..pos + line.len());
        }
        pos += line.len();
    }
}

/// Bare URLs and e-mail addresses, in any format.
fn mask_urls(text: &str, masked: &mut [u8]) {
    for scheme in ["https://", "http://", "www."] {
        let mut from = 0;
        // `from` is the end of a URL (a blank or quote mark, or the end) or just after an ASCII
        // scheme, and `i` is where `find` found the scheme: character boundaries, so `get` and
        // `split_at_checked` only end the loop when no scheme is left.
        while let Some(rest) = text.get(from..)
            && let Some(i) = rest.find(scheme)
            && let Some((_, from_scheme)) = rest.split_at_checked(i)
        {
            let start = from + i;
            // The URL runs to the first blank or quote mark, else to the end of the text.
            let url = from_scheme
                .split(|c: char| c.is_whitespace() || matches!(c, '"' | '<' | '>' | '“' | '”'))
                .next()
                .unwrap_or(from_scheme);
            let end = start + url.len();
            // Trailing punctuation ends the sentence, not the URL.
            let trimmed = url.trim_end_matches(['.', ',', ')', ';', ':', '!', '?', '\'']);
            blank(masked, start..start + trimmed.len());
            from = end.max(start + scheme.len());
        }
    }
}

/// Gives each directive the paragraph it applies to (the next one after it) and marks ignored
/// paragraphs.
pub fn attach(mut directives: Vec<Directive>, paragraphs: &mut [Paragraph]) -> Vec<Directive> {
    for d in &mut directives {
        let next = paragraphs.iter().position(|p| p.range.start >= d.span.end);
        d.paragraph = next;
        if d.command == "ignore"
            && let Some(para) = next.and_then(|p| paragraphs.get_mut(p))
        {
            para.ignored = true;
        }
    }
    directives
}
