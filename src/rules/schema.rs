//! Which properties each statement takes, and of what kind: the part of the grammar that a
//! table says better than a parser.
//!
//! The parser reads any `name value, …` line; this module then checks each property against the
//! table below, so that a misspelt or misplaced property is an error that names what was expected.

use super::ast::{RuleFile, Statement, Value};
use super::parser::edit_distance;
use crate::diagnostic::Diagnostic;
use crate::source::FileId;

/// What values a property takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    /// None: the property is a flag (`exclusive`).
    Flag,
    /// Strings.
    Text,
    /// Bare words.
    Word,
    /// Dates.
    Date,
    /// Example sentences.
    Example,
}

/// One row of the property table.
#[derive(Clone, Copy, Debug)]
pub struct PropertySpec {
    /// The property's name.
    pub name: &'static str,
    /// What values it takes.
    pub kind: ValueKind,
    /// Whether it may have several values or appear several times.
    pub many: bool,
    /// The words it accepts, for a word property with a fixed set.
    pub choices: &'static [&'static str],
}

const fn spec(name: &'static str, kind: ValueKind, many: bool) -> PropertySpec {
    PropertySpec {
        name,
        kind,
        many,
        choices: &[],
    }
}

const AKA: PropertySpec = spec("aka", ValueKind::Text, true);
const SOURCE: PropertySpec = spec("source", ValueKind::Text, true);
const NOTE: PropertySpec = spec("note", ValueKind::Text, true);
const WIKIDATA: PropertySpec = spec("wikidata", ValueKind::Word, false);
const EXAMPLE: PropertySpec = spec("example", ValueKind::Example, true);
const ADJECTIVE: PropertySpec = spec("adjective", ValueKind::Text, true);
const OF: PropertySpec = spec("of", ValueKind::Text, false);

const COUNTRY: &[PropertySpec] = &[
    AKA,
    ADJECTIVE,
    spec("possessive", ValueKind::Text, true),
    WIKIDATA,
    SOURCE,
    NOTE,
];
const ORGANIZATION: &[PropertySpec] = &[
    AKA,
    spec("kind", ValueKind::Word, false),
    ADJECTIVE,
    OF,
    WIKIDATA,
    SOURCE,
    NOTE,
];
const PERSON: &[PropertySpec] = &[
    AKA,
    WIKIDATA,
    PropertySpec {
        choices: &["he", "she", "they"],
        ..spec("pronoun", ValueKind::Word, false)
    },
    SOURCE,
    NOTE,
];
const OFFICE: &[PropertySpec] = &[
    OF,
    spec("title", ValueKind::Text, true),
    AKA,
    spec("exclusive", ValueKind::Flag, false),
    spec("open", ValueKind::Flag, false),
    SOURCE,
    NOTE,
];
const TENURE: &[PropertySpec] = &[SOURCE, NOTE, EXAMPLE];
const EVENT: &[PropertySpec] = &[
    AKA,
    spec("alternative", ValueKind::Date, true),
    spec("recurring", ValueKind::Flag, false),
    SOURCE,
    NOTE,
    EXAMPLE,
];
const QUOTE: &[PropertySpec] = &[
    spec("text", ValueKind::Text, false),
    spec("variant", ValueKind::Text, true),
    SOURCE,
    NOTE,
    EXAMPLE,
];

/// Whether a property of this name is a flag (takes no value) in every statement that has it.
pub fn is_flag(name: &str) -> bool {
    OFFICE.iter().any(|s| s.name == name && s.kind == ValueKind::Flag)
}

/// The properties a statement with keyword `keyword` accepts.
pub fn properties_of(keyword: &str) -> &'static [PropertySpec] {
    match keyword {
        "country" => COUNTRY,
        "organization" => ORGANIZATION,
        "person" => PERSON,
        "office" => OFFICE,
        "tenure" | "elect" | "acting" => TENURE,
        "event" => EVENT,
        "quote" => QUOTE,
        _ => &[],
    }
}

fn kind_name(k: ValueKind) -> &'static str {
    match k {
        ValueKind::Flag => "no value",
        ValueKind::Text => "strings",
        ValueKind::Word => "a word",
        ValueKind::Date => "dates",
        ValueKind::Example => "examples (`DATE pass|fail|unverified \"sentence\"`)",
    }
}

fn value_kind(v: &Value) -> ValueKind {
    match v {
        Value::Text(_) => ValueKind::Text,
        Value::Word(_) => ValueKind::Word,
        Value::Date(_) => ValueKind::Date,
        Value::Example(_) => ValueKind::Example,
    }
}

/// Checks every statement's properties against the table; returns one diagnostic per problem.
pub fn check(file: FileId, ast: &RuleFile) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for st in &ast.statements {
        check_statement(file, st, &mut out);
    }
    out
}

fn check_statement(file: FileId, st: &Statement, out: &mut Vec<Diagnostic>) {
    let keyword = st.keyword_name();
    let specs = properties_of(keyword);
    let Some(block) = &st.block else {
        if keyword == "quote" {
            out.push(
                Diagnostic::error("missing-property", "a quote needs its `text`")
                    .at(file, st.keyword.range(), "this quote has no text")
                    .help("add a block: { text \"…\" source \"…\" }"),
            );
        }
        return;
    };
    if keyword == "include" {
        out.push(Diagnostic::error("syntax", "`include` takes no block").at(
            file,
            block.open.range(),
            "unexpected block",
        ));
        return;
    }
    let mut seen: Vec<(&str, std::ops::Range<usize>)> = Vec::new();
    for p in &block.properties {
        let name = p.name.node;
        let Some(spec) = specs.iter().find(|s| s.name == name) else {
            let names: Vec<&str> = specs.iter().map(|s| s.name).collect();
            let mut d = Diagnostic::error("unknown-property", format!("`{keyword}` has no property `{name}`")).at(
                file,
                p.name.span.range(),
                format!("expected one of: {}", names.join(", ")),
            );
            if let Some(best) = names
                .iter()
                .map(|n| (edit_distance(name, n), *n))
                .filter(|(d, _)| *d <= 2)
                .min()
            {
                d = d.help(format!("did you mean `{}`?", best.1));
            }
            out.push(d);
            continue;
        };
        if !spec.many {
            if let Some((_, first)) = seen.iter().find(|(n, _)| *n == name) {
                out.push(
                    Diagnostic::error("duplicate-property", format!("`{name}` is given twice"))
                        .at(file, p.name.span.range(), "given again here")
                        .with(file, first.clone(), "first given here"),
                );
                continue;
            }
            seen.push((name, p.name.span.range()));
        }
        match spec.kind {
            ValueKind::Flag => {
                if let Some(v) = p.values.first() {
                    out.push(Diagnostic::error("bad-value", format!("`{name}` takes no value")).at(
                        file,
                        v.span.range(),
                        "unexpected value",
                    ));
                }
                continue;
            }
            _ if p.values.is_empty() => {
                out.push(
                    Diagnostic::error("bad-value", format!("`{name}` needs {}", kind_name(spec.kind))).at(
                        file,
                        p.name.span.range(),
                        "no value given",
                    ),
                );
                continue;
            }
            _ => {}
        }
        if !spec.many
            && let Some(second) = p.values.get(1)
        {
            out.push(Diagnostic::error("bad-value", format!("`{name}` takes one value")).at(
                file,
                second.span.range(),
                "a second value",
            ));
        }
        for v in &p.values {
            let kind = value_kind(&v.node);
            if kind != spec.kind {
                out.push(
                    Diagnostic::error(
                        "bad-value",
                        format!("`{name}` takes {}, found {}", kind_name(spec.kind), v.node.describe()),
                    )
                    .at(file, v.span.range(), format!("expected {}", kind_name(spec.kind))),
                );
                continue;
            }
            if let Value::Word(w) = v.node {
                if !spec.choices.is_empty() && !spec.choices.contains(&w) {
                    out.push(
                        Diagnostic::error(
                            "bad-value",
                            format!("`{name}` must be one of: {}", spec.choices.join(", ")),
                        )
                        .at(file, v.span.range(), format!("found `{w}`")),
                    );
                }
                if name == "wikidata" && !is_qid(w) {
                    out.push(
                        Diagnostic::error("bad-value", "a Wikidata id is Q followed by digits")
                            .at(file, v.span.range(), format!("found `{w}`"))
                            .help("for example: wikidata Q43723"),
                    );
                }
            }
            if let Value::Text(t) = &v.node
                && t.trim().is_empty()
            {
                out.push(Diagnostic::error("bad-value", format!("`{name}` is empty")).at(
                    file,
                    v.span.range(),
                    "empty string",
                ));
            }
        }
    }
    if keyword == "quote" && !st.has_flag("text") {
        out.push(Diagnostic::error("missing-property", "a quote needs its `text`").at(
            file,
            block.open.range(),
            "no `text` in this block",
        ));
    }
}

fn is_qid(w: &str) -> bool {
    w.strip_prefix('Q')
        .is_some_and(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
}
