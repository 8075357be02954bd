//! Byte spans into a document's immutable text.
//!
//! **Invariant:** every `Span` in the crate is a half-open byte range into the
//! original `Document::text`, on `char` boundaries. Nothing rewrites the text;
//! character offsets (what the JSON output carries) are derived at the graph
//! boundary by [`CharIndex`].
//!
//! Byte arithmetic on a `&str` ("24 bytes before the trigger") may land inside
//! a multi-byte character, and slicing there panics. The crate denies
//! `clippy::string_slice`: text is cut through [`Span::text`] or through the
//! helpers below ([`slice()`], [`prefix`], [`suffix`], [`tail`]), which snap
//! every index to a character boundary and never panic.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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

    /// The slice of `text` this span covers. Spans are on char boundaries
    /// (the invariant above, checked in debug builds); one that is not is
    /// narrowed to the whole characters inside it rather than panicking.
    pub fn text(self, text: &str) -> &str {
        let (start, end) = (self.start as usize, self.end as usize);
        debug_assert!(text.is_char_boundary(start) && text.is_char_boundary(end), "span {start}..{end} is not on char boundaries");
        slice(text, start, end)
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

/// Values keyed by span, in (start, end) order, that answer "which overlap
/// this span?" by looking only at the keys near it: a key starting more than
/// the longest key's length before the span cannot reach into it. Equal spans keep their
/// values in insertion order.
#[derive(Clone, Debug)]
pub struct SpanMap<T> {
    by_span: BTreeMap<Span, Vec<T>>,
    longest: u32,
}

impl<T> Default for SpanMap<T> {
    fn default() -> Self {
        SpanMap { by_span: BTreeMap::new(), longest: 0 }
    }
}

impl<T> SpanMap<T> {
    pub fn insert(&mut self, span: Span, value: T) {
        self.longest = self.longest.max(span.end - span.start);
        self.by_span.entry(span).or_default().push(value);
    }

    /// The entries whose span overlaps `span` (as [`Span::overlaps`]), in order.
    pub fn overlapping(&self, span: Span) -> impl Iterator<Item = (Span, &T)> {
        let from = Span { start: span.start.saturating_sub(self.longest), end: 0 };
        let to = Span { start: span.end, end: 0 };
        self.by_span
            .range(from..to)
            .filter(move |(key, _)| key.overlaps(span))
            .flat_map(|(key, values)| values.iter().map(move |value| (*key, value)))
    }

    /// Whether any entry overlaps `span`.
    pub fn overlaps_any(&self, span: Span) -> bool {
        self.overlapping(span).next().is_some()
    }

    /// Removes the entries whose span lies within `span`.
    pub fn remove_within(&mut self, span: Span) {
        let from = Span { start: span.start, end: 0 };
        let candidates = self.by_span.range(from..).take_while(|(key, _)| key.start <= span.end);
        let inside: Vec<Span> = candidates.map(|(key, _)| *key).filter(|key| span.contains(*key)).collect();
        for key in inside {
            self.by_span.remove(&key);
        }
    }

    /// The values in (start, end) order.
    pub fn into_values(self) -> impl Iterator<Item = T> {
        self.by_span.into_values().flatten()
    }
}

/// The largest char boundary of `text` at or before `index` (at most `text.len()`).
pub fn floor_char_boundary(text: &str, index: usize) -> usize {
    let mut index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// The smallest char boundary of `text` at or after `index` (at most `text.len()`).
pub fn ceil_char_boundary(text: &str, index: usize) -> usize {
    let mut index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index += 1;
    }
    index
}

/// `text[start..end]`, narrowed to the whole characters inside it (`start`
/// moves forward and `end` back to a char boundary); empty when reversed.
pub fn slice(text: &str, start: usize, end: usize) -> &str {
    let start = ceil_char_boundary(text, start);
    let end = floor_char_boundary(text, end).max(start);
    text.get(start..end).unwrap_or_default()
}

/// `text[..end]`, with `end` moved back to a char boundary.
pub fn prefix(text: &str, end: usize) -> &str {
    slice(text, 0, end)
}

/// `text[start..]`, with `start` moved forward to a char boundary.
pub fn suffix(text: &str, start: usize) -> &str {
    slice(text, start, text.len())
}

/// The last `max_bytes` bytes of `text` at most, starting on a char boundary.
pub fn tail(text: &str, max_bytes: usize) -> &str {
    suffix(text, text.len().saturating_sub(max_bytes))
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
            let expected = prefix(text, byte).chars().count() as u32;
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

    #[test]
    fn span_map_finds_what_a_scan_finds() {
        let spans = [(0, 5), (3, 4), (10, 30), (12, 14), (29, 31), (40, 41), (3, 4)];
        let mut map = SpanMap::default();
        for (idx, &(start, end)) in spans.iter().enumerate() {
            map.insert(Span::new(start, end), idx);
        }
        for start in 0..45 {
            for end in start..46 {
                let probe = Span::new(start, end);
                let found: Vec<usize> = map.overlapping(probe).map(|(_, &idx)| idx).collect();
                let mut scanned: Vec<(Span, usize)> = spans
                    .iter()
                    .enumerate()
                    .map(|(idx, &(s, e))| (Span::new(s, e), idx))
                    .filter(|(span, _)| span.overlaps(probe))
                    .collect();
                scanned.sort();
                assert_eq!(found, scanned.into_iter().map(|(_, idx)| idx).collect::<Vec<_>>(), "{probe:?}");
            }
        }
        map.remove_within(Span::new(2, 14));
        assert_eq!(map.into_values().collect::<Vec<_>>(), vec![0, 2, 4, 5]);
    }

    #[test]
    fn helpers_snap_to_char_boundaries() {
        // "é" is bytes 1..3, "’" bytes 4..7.
        let text = "aé ’b";
        assert_eq!(floor_char_boundary(text, 2), 1);
        assert_eq!(ceil_char_boundary(text, 2), 3);
        assert_eq!(slice(text, 2, 5), " ");
        assert_eq!(slice(text, 6, 2), "");
        assert_eq!(prefix(text, 5), "aé ");
        assert_eq!(suffix(text, 5), "b");
        assert_eq!(tail(text, 3), "b");
        assert_eq!(tail(text, 4), "’b");
        assert_eq!(slice(text, 0, 99), text);
    }
}
