//! The parser's input: the rest of a rule file with its byte offset in the file.
//!
//! nom_locate's `LocatedSpan` does the same and also counts the lines it passes, at every step
//! of every parser. The parser only needs offsets (a line is found from the offset when a
//! diagnostic is shown), and counting newlines was a tenth of the time of parsing a large
//! knowledge base (docs/performance.md), so this type keeps the offset alone.

use std::str::{CharIndices, Chars};

use nom::{Compare, CompareResult, Needed};

/// The unparsed rest of a file, and where it starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Input<'s> {
    rest: &'s str,
    offset: usize,
}

impl<'s> Input<'s> {
    /// The whole of `text`, at offset 0.
    pub fn new(text: &'s str) -> Self {
        Input { rest: text, offset: 0 }
    }

    /// The unparsed text.
    pub fn fragment(&self) -> &&'s str {
        &self.rest
    }

    /// The byte offset of the unparsed text in the file.
    pub fn location_offset(&self) -> usize {
        self.offset
    }
}

impl<'s> nom::Input for Input<'s> {
    type Item = char;
    type Iter = Chars<'s>;
    type IterIndices = CharIndices<'s>;

    fn input_len(&self) -> usize {
        self.rest.len()
    }

    // nom passes only character boundaries within the text (from `position`, `slice_index` or
    // a tag's length), so `get` always succeeds; were it ever given another index, the input
    // would read as empty rather than crash.
    fn take(&self, index: usize) -> Self {
        Input {
            rest: self.rest.get(..index).unwrap_or_default(),
            offset: self.offset,
        }
    }

    fn take_from(&self, index: usize) -> Self {
        Input {
            rest: self.rest.get(index..).unwrap_or_default(),
            offset: self.offset + index.min(self.rest.len()),
        }
    }

    fn take_split(&self, index: usize) -> (Self, Self) {
        (self.take_from(index), self.take(index))
    }

    fn position<P>(&self, predicate: P) -> Option<usize>
    where
        P: Fn(Self::Item) -> bool,
    {
        self.rest.char_indices().find(|&(_, c)| predicate(c)).map(|(i, _)| i)
    }

    fn iter_elements(&self) -> Self::Iter {
        self.rest.chars()
    }

    fn iter_indices(&self) -> Self::IterIndices {
        self.rest.char_indices()
    }

    fn slice_index(&self, count: usize) -> Result<usize, Needed> {
        self.rest.slice_index(count)
    }
}

impl<'a> Compare<&'a str> for Input<'_> {
    fn compare(&self, t: &'a str) -> CompareResult {
        self.rest.compare(t)
    }

    fn compare_no_case(&self, t: &'a str) -> CompareResult {
        self.rest.compare_no_case(t)
    }
}

#[cfg(test)]
mod tests {
    use nom::Input as _;

    use super::*;

    #[test]
    fn offsets_follow_what_is_taken() {
        let i = Input::new("person \"Ünal\"");
        let (rest, taken) = i.take_split(7);
        assert_eq!((*taken.fragment(), taken.location_offset()), ("person ", 0));
        assert_eq!((*rest.fragment(), rest.location_offset()), ("\"Ünal\"", 7));
        // Past the first multi-byte character: offsets count bytes.
        let after = rest.take_from(3);
        assert_eq!((*after.fragment(), after.location_offset()), ("nal\"", 10));
        assert_eq!(rest.position(|c| c == 'n'), Some(3));
        // An index inside a character reads as empty instead of panicking.
        assert_eq!(*rest.take(2).fragment(), "");
    }
}
