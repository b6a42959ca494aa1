//! Reading articles: the file as read, its front matter, the prose with markup masked out,
//! paragraphs, `factcheck: ignore` comments, sentences and words.
//!
//! Every offset in factcheck is a byte offset into the file exactly as read. To keep that true
//! while ignoring Markdown syntax, URLs, code and front matter, the reader builds a *masked*
//! copy of the text of the same length, in which everything that is not prose is replaced by
//! spaces. Extraction reads the masked copy; spans point into both.

mod markdown;
pub mod quotes;
pub mod segment;

use std::ops::Range;
use std::path::Path;

use crate::date::Date;
use crate::source::{LineCol, LineIndex};

pub use segment::{Sentence, Token, TokenKind};

/// How the article is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
}

/// The TOML front matter between `+++` lines.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct FrontMatter {
    /// `title`.
    pub title: Option<String>,
    /// `date`, a TOML date or a `YYYY-MM-DD` string.
    pub date: Option<Date>,
    /// `url`.
    pub url: Option<String>,
    /// `author`.
    pub author: Option<String>,
}

/// A block of prose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// Its bytes in the file.
    pub range: Range<usize>,
    /// Suppressed by a `<!-- factcheck: ignore -->` comment.
    pub ignored: bool,
    /// A heading or a headline.
    pub heading: bool,
}

/// A `<!-- factcheck: … -->` comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directive {
    /// The comment's bytes.
    pub span: Range<usize>,
    /// What it says after `factcheck:` (e.g. `ignore`).
    pub command: String,
    /// The paragraph it applies to, if any follows.
    pub paragraph: Option<usize>,
}

/// Why an article could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ArticleError {
    /// The file could not be opened or read.
    #[error("cannot read article `{name}`: {reason}")]
    Unreadable {
        /// The file.
        name: String,
        /// Why, in words.
        reason: String,
    },
    /// The bytes are not UTF-8.
    #[error(
        "cannot read article `{name}`: not UTF-8 text (invalid byte 0x{byte:02X} at offset {offset}, line {line}, column {column})"
    )]
    NotUtf8 {
        /// The file.
        name: String,
        /// Offset of the first invalid byte.
        offset: usize,
        /// The byte.
        byte: u8,
        /// Its 1-based line.
        line: usize,
        /// Its 1-based column, in characters.
        column: usize,
    },
    /// The bytes hold a NUL: binary data, not text.
    #[error(
        "cannot read article `{name}`: binary data, not text (NUL byte at offset {offset}, line {line}, column {column})"
    )]
    Binary {
        /// The file.
        name: String,
        /// Offset of the first NUL byte.
        offset: usize,
        /// Its 1-based line.
        line: usize,
        /// Its 1-based column, in characters.
        column: usize,
    },
    /// The front matter is malformed.
    #[error("{name}:{line}:{column}: bad front matter: {message}")]
    FrontMatter {
        /// The file.
        name: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
}

/// An article ready for extraction.
#[derive(Clone, Debug)]
pub struct Article {
    /// The name shown to users (the path as given).
    pub name: String,
    /// The text exactly as read.
    pub text: String,
    /// The same text with everything that is not prose replaced by spaces (same length).
    pub masked: String,
    /// Text or Markdown.
    pub format: Format,
    /// The front matter, if any.
    pub front: FrontMatter,
    /// The publication date claims are judged on (a `--date` override, else the front matter's).
    pub date: Option<Date>,
    /// The paragraphs, in order.
    pub paragraphs: Vec<Paragraph>,
    /// `factcheck:` comments, in order.
    pub directives: Vec<Directive>,
    lines: LineIndex,
}

impl Article {
    /// Reads an article file. The format follows the extension (`.md`/`.markdown` is Markdown).
    pub fn read(path: &Path, date: Option<Date>) -> Result<Article, ArticleError> {
        let name = path.to_string_lossy().replace('\\', "/");
        let meta = std::fs::metadata(path).map_err(|e| ArticleError::Unreadable {
            name: name.clone(),
            reason: crate::rules::loader::io_reason(&e),
        })?;
        if meta.is_dir() {
            return Err(ArticleError::Unreadable {
                name,
                reason: "it is a directory".into(),
            });
        }
        let bytes = std::fs::read(path).map_err(|e| ArticleError::Unreadable {
            name: name.clone(),
            reason: crate::rules::loader::io_reason(&e),
        })?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let offset = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let lc = crate::source::line_col_of_prefix(bytes, offset);
            ArticleError::NotUtf8 {
                name: name.clone(),
                offset,
                // `valid_up_to` is the offset of the invalid byte, inside the file: `get` finds it.
                byte: bytes.get(offset).copied().unwrap_or(0),
                line: lc.line,
                column: lc.column,
            }
        })?;
        if let Some(offset) = text.find('\0') {
            let lc = crate::source::line_col_of_prefix(text.as_bytes(), offset);
            return Err(ArticleError::Binary {
                name,
                offset,
                line: lc.line,
                column: lc.column,
            });
        }
        let format = match path.extension().and_then(|e| e.to_str()) {
            Some("md" | "markdown" | "mdx") => Format::Markdown,
            _ => Format::Text,
        };
        Article::from_text(&name, text, format, date)
    }

    /// Builds an article from text in memory.
    pub fn from_text(name: &str, text: String, format: Format, date: Option<Date>) -> Result<Article, ArticleError> {
        let mut masked = text.clone().into_bytes();
        // A byte-order mark is not prose. (It is three bytes, and `masked` is a copy of the text,
        // so `get_mut` always finds it.)
        if text.starts_with('\u{feff}')
            && let Some(mark) = masked.get_mut(..3)
        {
            mark.fill(b' ');
        }
        let front = markdown::front_matter(name, &text, &mut masked)?;
        let directives = markdown::mask(&text, &mut masked, format);
        // Masking only replaces whole characters by ASCII spaces, so the result is UTF-8.
        let masked = String::from_utf8(masked).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        let mut paragraphs = segment::paragraphs(&text, &masked, format);
        let directives = markdown::attach(directives, &mut paragraphs);
        Ok(Article {
            name: name.to_string(),
            date: date.or(front.date),
            lines: LineIndex::new(&text),
            text,
            masked,
            format,
            front,
            paragraphs,
            directives,
        })
    }

    /// 1-based line and character column of a byte offset.
    pub fn line_col(&self, offset: usize) -> LineCol {
        self.lines.line_col(&self.text, offset)
    }

    /// The bytes of the whole lines that hold `range` (without the last line's ending), and the
    /// number of the first: the part of the article a report shows for a claim. (Giving the
    /// renderer the whole article for each claim made reports quadratic in its length.)
    pub fn line_window(&self, range: Range<usize>) -> (Range<usize>, usize) {
        let first = self.line_col(range.start).line;
        let last = self.line_col(range.end.max(range.start)).line;
        let start = self.lines.line_range(&self.text, first).start;
        let end = self
            .lines
            .line_range(&self.text, last)
            .end
            .max(range.end)
            .min(self.text.len());
        (start.min(range.start)..end, first)
    }

    /// The sentences of paragraph `p`.
    pub fn sentences(&self, p: usize) -> Vec<Sentence> {
        self.paragraphs
            .get(p)
            .map_or_else(Vec::new, |para| segment::sentences(&self.masked, para.range.clone()))
    }
}

#[cfg(test)]
mod tests;
