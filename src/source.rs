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
    line_starts: Vec<usize>,
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
        let line_starts = line_starts(&text);
        SourceFile {
            path,
            name,
            text,
            line_starts,
        }
    }

    /// The line and column of byte `offset` (clamped to the text, and to a character boundary).
    pub fn line_col(&self, offset: usize) -> LineCol {
        line_col(&self.text, &self.line_starts, offset)
    }

    /// The byte range of the 1-based line `line`, without its line ending.
    pub fn line_range(&self, line: usize) -> Range<usize> {
        let start = self
            .line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len());
        let end = self.line_starts.get(line).copied().unwrap_or(self.text.len());
        let slice = &self.text[start..end];
        let trimmed = slice.trim_end_matches(['\n', '\r']);
        start..start + trimmed.len()
    }
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
pub fn line_col(text: &str, starts: &[usize], offset: usize) -> LineCol {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let line = starts.partition_point(|&s| s <= offset);
    let start = starts[line - 1];
    LineCol {
        line,
        column: text[start..offset].chars().count() + 1,
    }
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
}
