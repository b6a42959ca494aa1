//! Located problems with input files, rendered the way rustc renders its errors.
//!
//! A [`Diagnostic`] names what is wrong, where (a file and a byte range, shown as
//! `file:line:column` with the line and a caret under the offending text), and what was expected.
//! Parsing, loading and linting all produce them, and never stop at the first one.

use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::source::{FileId, SourceMap};

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Advice: the input is used as it is.
    Warning,
    /// The input cannot be used (exit status 2).
    Error,
}

/// A place in a file, with a short text shown beside the caret.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// The file.
    pub file: FileId,
    /// The byte range the label underlines (may be empty: a caret at one point).
    pub range: Range<usize>,
    /// What to say there.
    pub text: String,
}

impl Label {
    /// A label over `range` of `file`.
    pub fn new(file: FileId, range: Range<usize>, text: impl Into<String>) -> Self {
        Label {
            file,
            range,
            text: text.into(),
        }
    }
}

/// One problem found in the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A stable short name for the class of problem (`syntax`, `bad-date`, `unknown-name`, …).
    pub code: &'static str,
    /// One line saying what is wrong.
    pub message: String,
    /// Where it is wrong, when it has a place.
    pub primary: Option<Label>,
    /// Other places that explain it (the earlier definition, the overlapping tenure…).
    pub secondary: Vec<Label>,
    /// What to do about it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error of class `code`.
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            primary: None,
            secondary: Vec::new(),
            help: None,
        }
    }

    /// A warning of class `code`.
    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message)
        }
    }

    /// Places the diagnostic at `range` of `file`, with `label` beside the caret.
    pub fn at(mut self, file: FileId, range: Range<usize>, label: impl Into<String>) -> Self {
        self.primary = Some(Label::new(file, range, label));
        self
    }

    /// Adds a secondary place.
    pub fn with(mut self, file: FileId, range: Range<usize>, label: impl Into<String>) -> Self {
        self.secondary.push(Label::new(file, range, label));
        self
    }

    /// Adds advice.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Whether this diagnostic makes the input unusable.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:column` of the primary place, when there is one.
    pub fn location(&self, sources: &SourceMap) -> Option<String> {
        let p = self.primary.as_ref()?;
        let f = sources.get(p.file);
        let lc = f.line_col(p.range.start);
        Some(format!("{}:{}:{}", f.name, lc.line, lc.column))
    }

    /// Renders the diagnostic rustc-style: header, `--> file:line:column`, the source lines with
    /// carets, and the help. `styled` adds terminal colours.
    pub fn render(&self, sources: &SourceMap, styled: bool) -> String {
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let title = level.primary_title(self.message.as_str()).id(self.code);
        let mut group: Group = Group::with_title(title);
        let mut files: Vec<FileId> = Vec::new();
        for l in self.primary.iter().chain(&self.secondary) {
            if !files.contains(&l.file) {
                files.push(l.file);
            }
        }
        for file in files {
            let src = sources.get(file);
            let labels = || {
                self.primary
                    .iter()
                    .chain(&self.secondary)
                    .enumerate()
                    .filter(|(_, l)| l.file == file)
            };
            // Only the lines from the first label to the last are given to the renderer: giving
            // it the whole file for each diagnostic made rendering many diagnostics of a long
            // file quadratic.
            let ranges: Vec<Range<usize>> = labels().map(|(_, l)| clamp(&src.text, l.range.clone())).collect();
            let first = ranges.iter().map(|r| r.start).min().unwrap_or(0);
            let last = ranges.iter().map(|r| r.end).max().unwrap_or(0);
            let first_line = src.line_col(first).line;
            let last_line = src.line_col(last).line;
            let window = src.line_range(first_line).start..src.line_range(last_line).end.max(last);
            // The window runs from a line start to a line end (or a clamped label end), all
            // character boundaries of the text, so `get` always succeeds.
            let Some(excerpt) = src.text.get(window.clone()) else {
                continue;
            };
            let mut snippet = Snippet::source(excerpt).line_start(first_line).path(src.name.as_str());
            for ((i, l), range) in labels().zip(ranges) {
                let kind = if i == 0 && self.primary.is_some() {
                    AnnotationKind::Primary
                } else {
                    AnnotationKind::Context
                };
                let range = range.start - window.start..range.end - window.start;
                snippet = snippet.annotation(kind.span(range).label(l.text.as_str()));
            }
            group = group.element(snippet);
        }
        if let Some(h) = &self.help {
            group = group.element(Level::HELP.message(h.as_str()));
        }
        let renderer = if styled { Renderer::styled() } else { Renderer::plain() };
        renderer.render(&[group])
    }
}

/// Keeps a range inside the text and on character boundaries, so rendering never panics.
fn clamp(text: &str, r: Range<usize>) -> Range<usize> {
    let mut start = r.start.min(text.len());
    // Cannot loop forever: 0 is a character boundary.
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = r.end.clamp(start, text.len());
    // Cannot loop forever: `text.len()` is a character boundary.
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

/// Renders many diagnostics, separated by blank lines, followed by a count line.
pub fn render_all(diagnostics: &[Diagnostic], sources: &SourceMap, styled: bool) -> String {
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&d.render(sources, styled));
        out.push_str("\n\n");
    }
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    if !diagnostics.is_empty() {
        out.push_str(&format!(
            "{} error{}, {} warning{}\n",
            errors,
            if errors == 1 { "" } else { "s" },
            warnings,
            if warnings == 1 { "" } else { "s" }
        ));
    }
    out
}
