//! The nom parser for rule files.
//!
//! Parsing never fails: [`parse`] returns the statements it could read and a diagnostic for each
//! problem, and recovers after every error so that one run reports them all. Recovery is
//! line-based, which the grammar makes safe: strings end on their line, properties start lines,
//! and statement keywords are never property names. So after a bad statement the parser resumes
//! at the next line that starts with a statement keyword, and after a bad property at the next
//! line of the block.
//!
//! The nom parsers below read one token, one header or one property; the two recovery loops
//! ([`parse`] and `block`) are plain loops around them.

use std::borrow::Cow;

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while1};
use nom::character::complete::{char, satisfy};
use nom::combinator::{cut, not, opt, peek, value};
use nom::error::{ContextError, ErrorKind, FromExternalError, ParseError, context};
use nom::sequence::{preceded, terminated};
use nom::{IResult, Input as _, Parser};

use super::ast::*;
use crate::date::{DateError, PartialDate};
use crate::diagnostic::Diagnostic;
use crate::source::FileId;

pub use super::input::Input;
type PResult<'s, T> = IResult<Input<'s>, T, SyntaxError>;

/// The keywords that start a statement.
pub const STATEMENT_KEYWORDS: &[&str] = &[
    "include",
    "country",
    "organization",
    "organisation",
    "person",
    "office",
    "tenure",
    "elect",
    "acting",
    "event",
    "quote",
];

/// A syntax error: where, and what was expected there.
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    /// Byte offset of the offending text.
    pub offset: usize,
    /// Length of the offending text, when known (0: one token, found by looking).
    pub len: usize,
    /// What could have stood there.
    pub expected: Vec<&'static str>,
    /// A specific message that replaces "expected …" (an impossible date, a bad escape).
    pub message: Option<String>,
    /// The diagnostic class.
    pub code: &'static str,
    /// Advice.
    pub help: Option<&'static str>,
    /// Text beside the caret, replacing "expected …".
    pub label: Option<&'static str>,
}

impl SyntaxError {
    fn at(i: &Input, expected: &'static str) -> Self {
        SyntaxError {
            offset: i.location_offset(),
            len: 0,
            expected: vec![expected],
            message: None,
            code: "syntax",
            help: None,
            label: None,
        }
    }

    fn fail<T>(self) -> Result<T, nom::Err<SyntaxError>> {
        Err(nom::Err::Failure(self))
    }
}

impl<'s> ParseError<Input<'s>> for SyntaxError {
    fn from_error_kind(input: Input<'s>, _kind: ErrorKind) -> Self {
        SyntaxError {
            offset: input.location_offset(),
            len: 0,
            expected: Vec::new(),
            message: None,
            code: "syntax",
            help: None,
            label: None,
        }
    }

    fn append(_input: Input<'s>, _kind: ErrorKind, other: Self) -> Self {
        other
    }

    fn or(mut self, other: Self) -> Self {
        use std::cmp::Ordering::*;
        match self.offset.cmp(&other.offset) {
            Greater => self,
            Less => other,
            Equal if self.message.is_some() => self,
            Equal if other.message.is_some() => other,
            Equal => {
                for e in other.expected {
                    if !self.expected.contains(&e) {
                        self.expected.push(e);
                    }
                }
                self
            }
        }
    }
}

impl<'s> ContextError<Input<'s>> for SyntaxError {
    fn add_context(input: Input<'s>, ctx: &'static str, mut other: Self) -> Self {
        // The innermost description wins; an outer context only fills a gap at the same place.
        if other.expected.is_empty() && other.message.is_none() {
            other.expected.push(ctx);
            other.offset = other.offset.max(input.location_offset());
        }
        other
    }
}

impl<'s, E: std::fmt::Display> FromExternalError<Input<'s>, E> for SyntaxError {
    fn from_external_error(input: Input<'s>, kind: ErrorKind, e: E) -> Self {
        SyntaxError {
            message: Some(e.to_string()),
            ..SyntaxError::from_error_kind(input, kind)
        }
    }
}

fn offset(i: &Input) -> usize {
    i.location_offset()
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}

/// Spaces and tabs.
fn hs(i: Input) -> PResult<()> {
    value((), take_while(|c| c == ' ' || c == '\t')).parse(i)
}

/// Whitespace, newlines and comments.
///
/// Read byte by byte, as it runs between every two tokens: ASCII blanks are matched directly,
/// and only a non-ASCII character is decoded to ask whether it is a space (or a BOM).
fn sp(i: Input) -> PResult<()> {
    let text = *i.fragment();
    let bytes = text.as_bytes();
    let mut n = 0;
    while let Some(&b) = bytes.get(n) {
        match b {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => n += 1,
            b'#' => {
                n += bytes
                    .get(n..)
                    .unwrap_or_default()
                    .iter()
                    .position(|&b| b == b'\n')
                    .unwrap_or(bytes.len() - n);
            }
            0x80.. => match text.get(n..).and_then(|t| t.chars().next()) {
                Some(c) if c.is_whitespace() || c == '\u{feff}' => n += c.len_utf8(),
                _ => break,
            },
            _ => break,
        }
    }
    Ok((i.take_from(n), ()))
}

/// The keyword `kw`, not followed by more word characters.
fn keyword<'s>(kw: &'static str) -> impl Parser<Input<'s>, Output = Input<'s>, Error = SyntaxError> {
    terminated(tag(kw), not(peek(satisfy(is_ident_char))))
}

/// A double-quoted string on one line, with `\"` and `\\` escapes.
///
/// Scanned byte by byte: plain ASCII is copied by the slice, and only a non-ASCII character is
/// decoded (to refuse the control characters among them).
pub(crate) fn string(i: Input) -> PResult<Spanned<Cow<str>>> {
    let start = offset(&i);
    let (body, _) = char('"').parse(i)?;
    let frag: &str = body.fragment();
    let bytes = frag.as_bytes();
    // The text up to `done` is in `owned` once an escape has been met.
    let mut owned: Option<String> = None;
    let mut done = 0;
    let mut k = 0;
    let control = |k: usize, c: char| SyntaxError {
        offset: start + 1 + k,
        len: c.len_utf8(),
        expected: vec![],
        message: Some(format!("control character U+{:04X} in a string", c as u32)),
        code: "syntax",
        help: Some("rule files are text: remove the character"),
        label: Some("control character"),
    };
    // `k` and `done` only ever stop at ASCII bytes or after whole characters, so every `get`
    // below is at character boundaries and succeeds.
    while let Some(&b) = bytes.get(k) {
        match b {
            b'"' => {
                let text = match owned {
                    Some(mut s) => {
                        s.push_str(frag.get(done..k).unwrap_or_default());
                        Cow::Owned(s)
                    }
                    None => Cow::Borrowed(frag.get(..k).unwrap_or_default()),
                };
                let rest = body.take_from(k + 1);
                let span = Span::new(start, offset(&rest));
                return Ok((rest, Spanned { node: text, span }));
            }
            b'\n' | b'\r' => break,
            b'\\' => match bytes.get(k + 1) {
                Some(&e @ (b'"' | b'\\')) => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(frag.get(done..k).unwrap_or_default());
                    s.push(char::from(e));
                    k += 2;
                    done = k;
                }
                Some(b'\n' | b'\r') | None => break,
                Some(_) => {
                    let other = frag.get(k + 1..).and_then(|t| t.chars().next()).unwrap_or_default();
                    return SyntaxError {
                        offset: start + 1 + k,
                        len: 1 + other.len_utf8(),
                        expected: vec![],
                        message: Some(format!("unknown escape `\\{other}` in a string")),
                        code: "syntax",
                        help: Some("inside a string, write \\\" for a double quote and \\\\ for a backslash"),
                        label: Some("unknown escape"),
                    }
                    .fail();
                }
            },
            0x80.. => {
                let c = frag.get(k..).and_then(|t| t.chars().next()).unwrap_or_default();
                if c.is_control() {
                    return control(k, c).fail();
                }
                k += c.len_utf8().max(1);
            }
            b if b != b'\t' && (b < 0x20 || b == 0x7f) => return control(k, char::from(b)).fail(),
            _ => k += 1,
        }
    }
    let line_len = frag.find(['\n', '\r']).unwrap_or(frag.len());
    SyntaxError {
        offset: start,
        len: 1 + line_len,
        expected: vec![],
        message: Some("unterminated string".into()),
        code: "syntax",
        help: Some("a string ends on the line it starts on: close it with \""),
        label: Some("this string is not closed on its line"),
    }
    .fail()
}

/// A date `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checked against the calendar.
fn date(i: Input) -> PResult<Spanned<PartialDate>> {
    let start = offset(&i);
    let (rest, tok) = preceded(peek(satisfy(|c: char| c.is_ascii_digit())), take_while1(is_ident_char)).parse(i)?;
    let span = Span::new(start, offset(&rest));
    match tok.fragment().parse::<PartialDate>() {
        Ok(d) => Ok((rest, Spanned { node: d, span })),
        Err(DateError::Form) => SyntaxError {
            offset: start,
            len: tok.fragment().len(),
            expected: vec!["a date (YYYY, YYYY-MM or YYYY-MM-DD)"],
            message: None,
            code: "bad-date",
            help: Some("write a year (2020), a month (2020-06) or a day (2020-06-11)"),
            label: None,
        }
        .fail(),
        Err(e) => SyntaxError {
            offset: start,
            len: tok.fragment().len(),
            expected: vec![],
            message: Some(format!("`{}` is not a date: {e}", tok.fragment())),
            code: "bad-date",
            help: None,
            label: Some("no such day"),
        }
        .fail(),
    }
}

/// A date, described as such when it is missing.
fn a_date(i: Input) -> PResult<Spanned<PartialDate>> {
    context("a date (YYYY, YYYY-MM or YYYY-MM-DD)", date).parse(i)
}

/// A tenure bound: a date, `before DATE`, `after DATE` or `unknown`.
fn bound(i: Input) -> PResult<Spanned<Bound>> {
    let start = offset(&i);
    let (rest, b) = context(
        "a date, `before DATE`, `after DATE` or `unknown`",
        alt((
            date.map(|d| Bound::On(d.node)),
            preceded((keyword("before"), hs), cut(a_date)).map(|d| Bound::Before(d.node)),
            preceded((keyword("after"), hs), cut(a_date)).map(|d| Bound::After(d.node)),
            value(Bound::Unknown, keyword("unknown")),
        )),
    )
    .parse(i)?;
    Ok((
        rest,
        Spanned {
            node: b,
            span: Span::new(start, offset(&rest)),
        },
    ))
}

/// A bare word: a letter, then letters, digits, `_` or `-`.
fn word(i: Input<'_>) -> PResult<'_, Spanned<&str>> {
    let start = offset(&i);
    let (rest, w) = preceded(peek(satisfy(|c| c.is_alphabetic())), take_while1(is_ident_char)).parse(i)?;
    Ok((
        rest,
        Spanned {
            node: *w.fragment(),
            span: Span::new(start, offset(&rest)),
        },
    ))
}

fn name<'s>(what: &'static str) -> impl Parser<Input<'s>, Output = Spanned<Cow<'s, str>>, Error = SyntaxError> {
    preceded(sp, context(what, string))
}

/// The header of a statement, after its keyword.
fn head<'s>(kw: &str, i: Input<'s>) -> PResult<'s, Head<'s>> {
    match kw {
        "include" => cut(name("the path of a rule file in double quotes"))
            .map(|path| Head::Include { path })
            .parse(i),
        "country" | "organization" | "organisation" | "person" | "office" => {
            let kind = match kw {
                "country" => EntityKind::Country,
                "person" => EntityKind::Person,
                "office" => EntityKind::Office,
                _ => EntityKind::Organization,
            };
            cut(name("a name in double quotes"))
                .map(|name| Head::Entity { kind, name })
                .parse(i)
        }
        "tenure" | "elect" | "acting" => {
            let kind = match kw {
                "tenure" => TenureKind::InOffice,
                "elect" => TenureKind::Elect,
                _ => TenureKind::Acting,
            };
            cut((
                name("the person's name in double quotes"),
                name("the office's name in double quotes"),
                preceded((sp, context("`from`", keyword("from")), hs), bound),
                opt(preceded((sp, keyword("to"), hs), cut(bound))),
            ))
            .map(|(person, office, from, to)| Head::Tenure {
                kind,
                person,
                office,
                from,
                to,
            })
            .parse(i)
        }
        "event" => {
            let (i, name) = cut(name("the event's name in double quotes")).parse(i)?;
            let (i, _) = sp(i)?;
            let start = offset(&i);
            let (i, when) = cut(context(
                "`on DATE` or `from DATE to DATE`",
                alt((
                    preceded((keyword("on"), hs), cut(a_date)).map(|d| When::On(d.node)),
                    preceded(
                        (keyword("from"), hs),
                        cut((a_date, preceded((sp, context("`to`", keyword("to")), hs), a_date))),
                    )
                    .map(|(a, b)| When::Range(a.node, b.node)),
                )),
            ))
            .parse(i)?;
            let when = Spanned {
                node: when,
                span: Span::new(start, offset(&i)),
            };
            Ok((i, Head::Event { name, when }))
        }
        "quote" => {
            let delivery = context(
                "how it was delivered: `said`, `wrote`, `statement` or `post`",
                alt((
                    value(Delivery::Said, keyword("said")),
                    value(Delivery::Wrote, keyword("wrote")),
                    value(Delivery::Statement, keyword("statement")),
                    value(Delivery::Post, keyword("post")),
                )),
            );
            cut((
                name("the speaker's name in double quotes"),
                preceded((sp, context("`on`", keyword("on")), hs), a_date),
                preceded(sp, spanned(delivery)),
            ))
            .map(|(speaker, on, delivery)| Head::Quote { speaker, on, delivery })
            .parse(i)
        }
        // Cannot happen: `parse` calls `head` only with a word of STATEMENT_KEYWORDS, and every
        // one of them has an arm above. Should a keyword be added there and not here, the
        // statement is reported as a syntax error rather than crashing the run.
        _ => SyntaxError::at(&i, "a statement keyword").fail(),
    }
}

/// Wraps a parser's output with the span it consumed.
fn spanned<'s, O>(
    mut p: impl Parser<Input<'s>, Output = O, Error = SyntaxError>,
) -> impl Parser<Input<'s>, Output = Spanned<O>, Error = SyntaxError> {
    move |i: Input<'s>| {
        let start = offset(&i);
        let (rest, node) = p.parse(i)?;
        let span = Span::new(start, offset(&rest));
        Ok((rest, Spanned { node, span }))
    }
}

/// Properties whose text may continue with another string on the next line.
fn continues(property: &str) -> bool {
    matches!(property, "text" | "variant" | "note")
}

/// One value of property `prop`.
fn prop_value<'s>(prop: &str, i: Input<'s>) -> PResult<'s, Spanned<Value<'s>>> {
    let start = offset(&i);
    let first = i.fragment().chars().next();
    let (rest, v) = match first {
        Some('"') => {
            let (mut rest, s) = string(i)?;
            let mut text = s.node;
            if continues(prop) {
                // Adjacent strings, on following lines too, join with one space.
                while let Ok((after, _)) = sp(rest) {
                    if !after.fragment().starts_with('"') {
                        break;
                    }
                    let (after, more) = string(after)?;
                    text = Cow::Owned(format!("{text} {}", more.node));
                    rest = after;
                }
            }
            (rest, Value::Text(text))
        }
        Some(c) if c.is_ascii_digit() => {
            let (rest, d) = date(i)?;
            // `DATE VERDICT "sentence"` is an example.
            let verdict = alt((
                value(ExpectedVerdict::Pass, keyword("pass")),
                value(ExpectedVerdict::Fail, keyword("fail")),
                value(ExpectedVerdict::Unverified, keyword("unverified")),
            ));
            match opt(preceded(hs, verdict)).parse(rest)? {
                (rest, Some(verdict)) => {
                    let (rest, sentence) =
                        cut(preceded(hs, context("the example sentence in double quotes", string))).parse(rest)?;
                    (
                        rest,
                        Value::Example(Example {
                            date: d.node,
                            verdict,
                            sentence: sentence.node,
                        }),
                    )
                }
                (rest, None) => (rest, Value::Date(d.node)),
            }
        }
        Some(c) if c.is_alphabetic() => {
            let (rest, w) = word(i)?;
            (rest, Value::Word(w.node))
        }
        _ => return SyntaxError::at(&i, "a value (a string, a date or a word)").fail(),
    };
    let span = Span::new(start, offset(&rest));
    Ok((rest, Spanned { node: v, span }))
}

fn at_line_end(i: &Input) -> bool {
    let f = i.fragment();
    f.is_empty() || f.starts_with(['\n', '\r', '#', '}'])
}

/// `name value, value…` up to the end of its line.
fn property(i: Input) -> PResult<Property> {
    let start = offset(&i);
    let (i, pname) = context(
        "a property name (`aka`, `source`, …) or `}`",
        take_while1(|c: char| c.is_ascii_lowercase() || c == '_'),
    )
    .parse(i)?;
    let (i, _) = not(peek(satisfy(is_ident_char)))
        .parse(i)
        .map_err(|_: nom::Err<SyntaxError>| {
            nom::Err::Error(SyntaxError::at(&pname, "a property name (`aka`, `source`, …) or `}`"))
        })?;
    let name = Spanned {
        node: *pname.fragment(),
        span: Span::new(start, offset(&i)),
    };
    let (mut i, _) = hs(i)?;
    let mut values = Vec::new();
    // A flag takes no value: what follows it on the line is the next property.
    if !at_line_end(&i) && !super::schema::is_flag(name.node) {
        loop {
            let (rest, v) = cut(|i| prop_value(name.node, i)).parse(i)?;
            values.push(v);
            let (rest, _) = hs(rest)?;
            i = rest;
            if i.fragment().starts_with(',') {
                let (rest, _) = (char(','), sp).parse(i)?;
                i = rest;
            } else {
                break;
            }
        }
    }
    // Several properties may share a line ("{ title "X" open }").
    if !at_line_end(&i) && !i.fragment().starts_with(|c: char| c.is_ascii_lowercase()) {
        return SyntaxError::at(&i, "`,`, another property or the end of the line").fail();
    }
    let end = values.last().map_or(name.span.end as usize, |v| v.span.end as usize);
    Ok((
        i,
        Property {
            name,
            values,
            span: Span::new(start, end),
        },
    ))
}

/// The word `text` starts with (empty if it starts with anything else).
pub(crate) fn leading_word_of(text: &str) -> &str {
    // The first piece of a split always exists: all of `text` when it is all word characters.
    text.split(|c: char| !is_ident_char(c)).next().unwrap_or_default()
}

fn leading_word<'a>(i: &Input<'a>) -> &'a str {
    leading_word_of(i.fragment())
}

/// Moves past a bad property: to the block's `}` if it closes on this line (outside strings),
/// else to the start of the next line.
fn skip_property(i: Input) -> Input {
    let line = i.fragment().split('\n').next().unwrap_or("");
    let mut in_string = false;
    let mut escaped = false;
    for (n, c) in line.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' => in_string = !in_string,
            '#' if !in_string => break,
            '}' if !in_string => return i.take_from(n),
            _ => {}
        }
    }
    skip_line(i)
}

/// Moves to the start of the next line.
fn skip_line(i: Input) -> Input {
    match i.fragment().find('\n') {
        Some(n) => i.take_from(n + 1),
        None => i.take_from(i.fragment().len()),
    }
}

/// Moves to the next line whose first token is a statement keyword (or to the end).
fn skip_to_statement(mut i: Input) -> Input {
    loop {
        i = skip_line(i);
        let trimmed = match take_while::<_, _, SyntaxError>(|c: char| c == ' ' || c == '\t').parse(i) {
            Ok((t, _)) => t,
            Err(_) => return i,
        };
        if trimmed.fragment().is_empty() || STATEMENT_KEYWORDS.contains(&leading_word(&trimmed)) {
            return trimmed;
        }
    }
}

struct Parse<'s> {
    file: FileId,
    diagnostics: Vec<Diagnostic>,
    text: &'s str,
}

impl<'s> Parse<'s> {
    fn report(&mut self, e: SyntaxError) {
        self.diagnostics.push(to_diagnostic(self.file, self.text, e));
    }

    /// `{ property… }`, recovering after each bad property.
    fn block(&mut self, i: Input<'s>) -> (Input<'s>, Block<'s>) {
        let open = Span::new(offset(&i), offset(&i) + 1);
        let mut i = i.take_from(1);
        let mut properties = Vec::new();
        loop {
            i = match sp(i) {
                Ok((rest, _)) => rest,
                Err(_) => i,
            };
            let f = *i.fragment();
            if f.is_empty() || STATEMENT_KEYWORDS.contains(&leading_word(&i)) {
                let close = Span::new(offset(&i), offset(&i));
                self.diagnostics.push(
                    Diagnostic::error("syntax", "unclosed block: expected `}`")
                        .at(self.file, open.range(), "this block is never closed")
                        .help("close the block with `}` before the next statement"),
                );
                return (
                    i,
                    Block {
                        properties,
                        open,
                        close,
                    },
                );
            }
            if f.starts_with('}') {
                let close = Span::new(offset(&i), offset(&i) + 1);
                return (
                    i.take_from(1),
                    Block {
                        properties,
                        open,
                        close,
                    },
                );
            }
            match property(i) {
                Ok((rest, p)) => {
                    properties.push(p);
                    i = rest;
                }
                Err(nom::Err::Error(e) | nom::Err::Failure(e)) => {
                    self.report(e);
                    i = skip_property(i);
                }
                Err(nom::Err::Incomplete(_)) => i = skip_property(i),
            }
        }
    }
}

/// Parses one rule file. Never fails: returns what it could read and a diagnostic per problem.
pub fn parse(file: FileId, text: &str) -> (RuleFile<'_>, Vec<Diagnostic>) {
    let mut p = Parse {
        file,
        diagnostics: Vec::new(),
        text,
    };
    let mut statements = Vec::new();
    let mut i = Input::new(text);
    loop {
        i = match sp(i) {
            Ok((rest, _)) => rest,
            Err(_) => i,
        };
        if i.fragment().is_empty() {
            break;
        }
        let start = offset(&i);
        let kw = leading_word(&i);
        if !STATEMENT_KEYWORDS.contains(&kw) {
            let mut e = SyntaxError::at(&i, "a statement (`person`, `office`, `tenure`, `event`, `quote`, …)");
            e.len = kw.len();
            if let Some(k) = closest_keyword(kw) {
                p.diagnostics
                    .push(to_diagnostic(file, text, e).help(format!("did you mean `{k}`?")));
            } else {
                p.report(e);
            }
            i = skip_to_statement(i);
            continue;
        }
        let keyword_span = Span::new(start, start + kw.len());
        let after_kw = i.take_from(kw.len());
        match head(kw, after_kw) {
            Ok((rest, head)) => {
                let (rest2, _) = sp(rest).unwrap_or((rest, ()));
                let (rest, block) = if rest2.fragment().starts_with('{') {
                    let (r, b) = p.block(rest2);
                    (r, Some(Box::new(b)))
                } else {
                    (rest, None)
                };
                let end = block.as_ref().map_or(offset(&rest), |b| b.close.end as usize);
                statements.push(Statement {
                    head,
                    block,
                    span: Span::new(start, end),
                    keyword: keyword_span,
                });
                i = rest;
                if !i.fragment().is_empty() && !at_statement_end(&i) {
                    p.report(SyntaxError::at(&i, "the end of the statement (a new line)"));
                    i = skip_to_statement(i);
                }
            }
            Err(nom::Err::Error(e) | nom::Err::Failure(e)) => {
                p.report(e);
                i = skip_to_statement(after_kw);
            }
            Err(nom::Err::Incomplete(_)) => i = skip_to_statement(after_kw),
        }
    }
    (RuleFile { statements }, p.diagnostics)
}

/// After a statement only blanks, a comment or a new line may follow on its line.
fn at_statement_end(i: &Input) -> bool {
    let f = i.fragment().trim_start_matches([' ', '\t']);
    f.is_empty() || f.starts_with(['\n', '\r', '#'])
}

/// Every `#` comment of the file, found by a scan that knows where strings are.
pub fn collect_comments(text: &str) -> Vec<Comment<'_>> {
    let mut comments = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let mut in_string = false;
        let mut escaped = false;
        for (idx, c) in line.char_indices() {
            if in_string {
                match c {
                    _ if escaped => escaped = false,
                    '\\' => escaped = true,
                    '"' => in_string = false,
                    _ => {}
                }
            } else if c == '"' {
                in_string = true;
            } else if c == '#' {
                // `#` is one byte at the character boundary `idx`, so `get` always succeeds.
                let body = line.get(idx + 1..).unwrap_or_default().trim_end_matches(['\n', '\r']);
                let start = line_start + idx;
                comments.push(Comment {
                    text: body,
                    span: Span::new(start, start + 1 + body.len()),
                });
                break;
            }
        }
        line_start += line.len();
    }
    comments
}

/// The statement keyword a misspelt word most likely meant.
fn closest_keyword(w: &str) -> Option<&'static str> {
    if w.is_empty() {
        return None;
    }
    STATEMENT_KEYWORDS
        .iter()
        .map(|k| (edit_distance(&w.to_lowercase(), k), *k))
        .filter(|(d, k)| *d <= 2 && *d < k.len() / 2 + 1)
        .min()
        .map(|(_, k)| k)
}

/// Levenshtein distance between two short words.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        // Row i + 1 from row i: for each `cb`, the distances to its left (`left`), above-left
        // (`diagonal`, prev[j]) and above (`up`, prev[j + 1]).
        let mut cur = Vec::with_capacity(b.len() + 1);
        let mut left = i + 1;
        cur.push(left);
        for ((cb, diagonal), up) in b.iter().zip(&prev).zip(prev.iter().skip(1)) {
            left = (diagonal + usize::from(ca != *cb)).min(up + 1).min(left + 1);
            cur.push(left);
        }
        prev = cur;
    }
    // `prev` has b.len() + 1 entries, the last being the distance between the whole words.
    prev.last().copied().unwrap_or_default()
}

/// What stands at `offset`, for "found …" in messages.
fn found(text: &str, offset: usize) -> (String, usize) {
    let rest = text.get(offset..).unwrap_or("");
    match rest.chars().next() {
        None => ("end of file".into(), 0),
        Some('\n' | '\r') => ("end of line".into(), 0),
        Some('"') => ("a string".into(), rest.find(['\n', '\r']).unwrap_or(rest.len()).min(80)),
        Some(c) if is_ident_char(c) => {
            let w = leading_word_of(rest);
            (format!("`{w}`"), w.len())
        }
        Some(c) if c.is_control() => (format!("control character U+{:04X}", c as u32), c.len_utf8()),
        Some(c) => (format!("`{c}`"), c.len_utf8()),
    }
}

/// Turns a syntax error into a located diagnostic.
pub fn to_diagnostic(file: FileId, text: &str, e: SyntaxError) -> Diagnostic {
    let (found, found_len) = found(text, e.offset);
    let len = if e.len > 0 { e.len } else { found_len };
    let (message, label) = match (&e.message, e.expected.is_empty()) {
        (Some(m), _) => (m.clone(), e.label.unwrap_or("here").to_string()),
        (None, false) => {
            let expected = e.expected.join(" or ");
            (
                format!("expected {expected}, found {found}"),
                format!("expected {expected}"),
            )
        }
        (None, true) => (format!("unexpected {found}"), "not expected here".to_string()),
    };
    let mut d = Diagnostic::error(e.code, message).at(file, e.offset..e.offset + len, label);
    if let Some(h) = e.help {
        d = d.help(h);
    }
    d
}
