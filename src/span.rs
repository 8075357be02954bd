//! Byte spans into a document's immutable text.
//!
//! **Invariant:** every `Span` in the crate is a half-open byte range into the
//! original `Document::text`, on `char` boundaries. Nothing rewrites the text;
//! character offsets (what the JSON output carries) are derived at the graph
//! boundary by [`CharIndex`].

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start: start as u32, end: end as u32 }
    }

    /// The slice of `text` this span covers.
    pub fn text(self, text: &str) -> &str {
        &text[self.start as usize..self.end as usize]
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Converts byte offsets of one text into Unicode scalar (char) offsets, as
/// Python slices strings. Built once per document, O(log n) per lookup.
pub struct CharIndex {
    /// Byte offset of every non-ASCII char start; ASCII runs between them count 1:1.
    multibyte: Vec<(u32, u32)>,
}

impl CharIndex {
    pub fn new(text: &str) -> CharIndex {
        let mut multibyte = Vec::new();
        let mut extra = 0u32; // bytes beyond one per char seen so far
        for (byte, ch) in text.char_indices() {
            let width = ch.len_utf8() as u32;
            if width > 1 {
                extra += width - 1;
                multibyte.push((byte as u32 + width, extra));
            }
        }
        CharIndex { multibyte }
    }

    /// The char offset of byte offset `byte` (which must be on a char boundary).
    pub fn char_offset(&self, byte: u32) -> u32 {
        let idx = self.multibyte.partition_point(|&(end, _)| end <= byte);
        let extra = if idx == 0 { 0 } else { self.multibyte[idx - 1].1 };
        byte - extra
    }

    pub fn char_span(&self, span: Span) -> (u32, u32) {
        (self.char_offset(span.start), self.char_offset(span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_match_python_slicing() {
        let text = "Kenya’s Généus met “Ruto” in Port-au-Prince";
        let index = CharIndex::new(text);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let expected = text[..byte].chars().count() as u32;
            assert_eq!(index.char_offset(byte as u32), expected, "byte {byte}");
        }
    }

    #[test]
    fn span_text_and_cover() {
        let text = "United States";
        let a = Span::new(0, 6);
        let b = Span::new(7, 13);
        assert_eq!(a.text(text), "United");
        assert_eq!(a.cover(b).text(text), "United States");
        assert!(!a.overlaps(b));
    }
}
