//! Source files as read, and the map from byte offsets to lines and columns.
//!
//! Every span in factcheck is a byte range into a file exactly as it was read (front matter,
//! BOM and CRLF included), so that editors and CI annotations land on the right character.
//! Lines and columns are computed here, on demand, from a table of line starts.

use std::ops::Range;
use std::path::PathBuf;

/// Identifies one file of a [`SourceMap`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub u32);

/// One file's text with its line table.
#[derive(Debug)]
pub struct SourceFile {
    /// The path the file was read from.
    pub path: PathBuf,
    /// The name shown to users (the path as the user gave it, or joined from it).
    pub name: String,
    /// The text, exactly as read.
    pub text: String,
    /// Built on first use: most files are never asked for a line (a knowledge base of a million
    /// facts spends a tenth of its load time on tables nobody reads when it has no errors).
    index: std::sync::OnceLock<LineIndex>,
}

/// A 1-based line and a 1-based column counted in characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct LineCol {
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1, counted in characters (not bytes).
    pub column: usize,
}

impl SourceFile {
    /// A file named `name`, read from `path`, holding `text`.
    pub fn new(path: PathBuf, name: String, text: String) -> Self {
        SourceFile {
            path,
            name,
            text,
            index: std::sync::OnceLock::new(),
        }
    }

    fn index(&self) -> &LineIndex {
        self.index.get_or_init(|| LineIndex::new(&self.text))
    }

    /// The line and column of byte `offset` (clamped to the text, and to a character boundary).
    pub fn line_col(&self, offset: usize) -> LineCol {
        self.index().line_col(&self.text, offset)
    }

    /// The byte range of the 1-based line `line`, without its line ending.
    pub fn line_range(&self, line: usize) -> Range<usize> {
        self.index().line_range(&self.text, line)
    }
}

/// Bytes between the character counts a [`LineIndex`] keeps.
const CHECKPOINT: usize = 4096;

/// Where lines start, and how many characters precede every [`CHECKPOINT`]th byte, so that a
/// line and column are found in constant time however long the line (a 10 MB article on one
/// line has a column for each of its claims).
#[derive(Clone, Debug, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// `chars[k]`: the characters in the first `k * CHECKPOINT` bytes.
    chars: Vec<usize>,
}

impl LineIndex {
    /// The index of `text`.
    pub fn new(text: &str) -> Self {
        let starts = line_starts(text);
        let mut chars = Vec::with_capacity(text.len() / CHECKPOINT + 1);
        let mut count = 0;
        for block in text.as_bytes().chunks(CHECKPOINT) {
            chars.push(count);
            count += char_starts(block);
        }
        chars.push(count);
        LineIndex { starts, chars }
    }

    /// The byte offsets at which lines start.
    pub fn line_starts(&self) -> &[usize] {
        &self.starts
    }

    /// The line and column of byte `offset` of `text` (the text the index was made from),
    /// clamped to the text and to a character boundary.
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = floor_char_boundary(text, offset);
        // `starts` holds 0 (but for an index made by `default`), so the line is at least 1.
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts.get(line - 1).copied().unwrap_or(0).min(offset);
        // `start` is a line start (after `\n`) or 0, and `offset` a character boundary, with
        // start <= offset: `get` always succeeds (it only guards an index of another text).
        let column = if offset - start <= CHECKPOINT {
            text.get(start..offset).map_or(0, |s| s.chars().count())
        } else {
            self.chars_before(text, offset) - self.chars_before(text, start)
        };
        LineCol {
            line,
            column: column + 1,
        }
    }

    /// The byte range of the 1-based line `line` of `text`, without its line ending.
    pub fn line_range(&self, text: &str, line: usize) -> Range<usize> {
        let start = self.starts.get(line.saturating_sub(1)).copied().unwrap_or(text.len());
        let end = self.starts.get(line).copied().unwrap_or(text.len()).max(start);
        let slice = text.get(start..end).unwrap_or("");
        let trimmed = slice.trim_end_matches(['\n', '\r']);
        start..start + trimmed.len()
    }

    /// How many characters of `text` precede byte `offset` (a character boundary).
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let k = offset / CHECKPOINT;
        let counted = self.chars.get(k).copied().unwrap_or(0);
        let from = (k * CHECKPOINT).min(offset);
        // from <= offset <= text.len() (callers clamp `offset`): `get` always succeeds.
        counted + text.as_bytes().get(from..offset).map_or(0, char_starts)
    }
}

/// How many characters start in `bytes` (the bytes that are not UTF-8 continuation bytes).
fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// `offset` clamped to the text and moved back to a character boundary.
fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    // Cannot loop forever: 0 is a character boundary.
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Byte offsets at which each line starts.
pub fn line_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    starts.extend(
        text.bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'\n')
            .map(|(i, _)| i + 1),
    );
    starts
}

/// The line and column of byte `offset` in `text`, given its [`line_starts`].
///
/// The column is counted from the line's start, in time proportional to the distance: for many
/// lookups in one text, use a [`LineIndex`].
pub fn line_col(text: &str, starts: &[usize], offset: usize) -> LineCol {
    let offset = floor_char_boundary(text, offset);
    // `line_starts` always holds 0, so the partition point is at least 1; the `max(1)` and
    // `unwrap_or(0)` only guard a `starts` made by hand.
    let line = starts.partition_point(|&s| s <= offset).max(1);
    let start = starts.get(line - 1).copied().unwrap_or(0).min(offset);
    // `start` is a line start clamped to `offset`, both character boundaries: `get` always
    // succeeds for the starts of `text` (it only guards a `starts` made by hand).
    LineCol {
        line,
        column: text.get(start..offset).map_or(0, |s| s.chars().count()) + 1,
    }
}

/// The line and column of byte `offset` of `bytes`, counting only the UTF-8 text before it (for
/// pointing at the first invalid byte of a file that is not UTF-8, or at a NUL byte).
pub fn line_col_of_prefix(bytes: &[u8], offset: usize) -> LineCol {
    // The bytes before `offset`, all of them when `offset` is past the end.
    let before = bytes.get(..offset).unwrap_or(bytes);
    let prefix = match std::str::from_utf8(before) {
        Ok(text) => text,
        // Only the valid part: callers pass the offset of the first invalid byte, so this is
        // the whole prefix. (`valid_up_to` <= the length, so `get` always succeeds.)
        Err(e) => std::str::from_utf8(before.get(..e.valid_up_to()).unwrap_or_default()).unwrap_or(""),
    };
    line_col(prefix, &line_starts(prefix), prefix.len())
}

/// Every file read in one run, addressed by [`FileId`].
#[derive(Debug, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a file and returns its id.
    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        FileId((self.files.len() - 1) as u32)
    }

    /// The file `id`.
    ///
    /// # Panics
    /// If `id` did not come from this map; ids are only made by [`SourceMap::add`].
    #[expect(
        clippy::indexing_slicing,
        reason = "Cannot fail for ids this map made: `add` returns the index of the file it pushed, and files \
                  are never removed. (A `FileId` built by hand for another map is a bug, documented above.)"
    )]
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    /// Every file with its id, in the order added.
    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files.iter().enumerate().map(|(i, f)| (FileId(i as u32), f))
    }

    /// How many files are in the map.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether the map holds no file.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// `file:line` of byte `offset` in file `id`: the form evidence cites.
    pub fn location(&self, id: FileId, offset: usize) -> String {
        let f = self.get(id);
        format!("{}:{}", f.name, f.line_col(offset).line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters() {
        let f = SourceFile::new("x".into(), "x".into(), "ab\n“é” z\r\nlast".into());
        assert_eq!(f.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(f.line_col(3), LineCol { line: 2, column: 1 });
        // “ is 3 bytes and é is 2: the space after ” is the 4th character.
        let space = f.text.find(' ').unwrap();
        assert_eq!(f.line_col(space), LineCol { line: 2, column: 4 });
        assert_eq!(f.line_col(f.text.len()), LineCol { line: 3, column: 5 });
        assert_eq!(&f.text[f.line_range(2)], "“é” z");
        // An offset inside a character is moved back to its start.
        assert_eq!(f.line_col(4), LineCol { line: 2, column: 1 });
    }

    #[test]
    fn columns_on_very_long_lines() {
        let line = "aé“".repeat(10_000);
        let text = format!("x\n{line}\n{line}");
        let f = SourceFile::new("x".into(), "x".into(), text.clone());
        let starts = line_starts(&text);
        for offset in [
            0,
            1,
            2,
            3,
            4,
            5,
            5000,
            5001,
            4096 * 3,
            4096 * 3 + 1,
            60_000,
            60_002,
            60_005,
            text.len(),
        ] {
            assert_eq!(f.line_col(offset), line_col(&text, &starts, offset), "offset {offset}");
        }
        let last = f.line_col(text.len());
        assert_eq!(
            last,
            LineCol {
                line: 3,
                column: 30_001
            }
        );
    }
}
