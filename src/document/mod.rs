//! Documents: loading files and JSONL corpora, finding the date, and marking
//! page furniture — all without touching the text.
//!
//! **Invariant:** `Document::text` is the file's text exactly as read (a JSONL
//! record's `text` field). Cleaning only records which byte ranges are body.

pub mod clean;
pub mod conllu_text;
pub mod date;
pub mod load;

use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// A document id: the file stem, or the `id` field of a JSONL record.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocId(pub String);

impl std::fmt::Display for DocId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// One news article.
#[derive(Clone, Debug)]
pub struct Document {
    pub id: DocId,
    /// Where it came from (for messages); JSONL records share their file's path.
    pub path: PathBuf,
    /// ISO date `YYYY-MM-DD`, when one was given or found.
    pub date: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub text: String,
    /// Byte ranges of the article body, in order; everything else is furniture.
    pub body: Vec<Span>,
}

impl Document {
    /// The FNV-1a checksum (16 hex digits) of the date, title and text: what
    /// the analysis reads, so equal hashes mean the same graph contributions.
    pub fn content_hash(&self) -> String {
        let mut bytes = Vec::with_capacity(self.text.len() + 64);
        for part in [self.date.as_deref().unwrap_or(""), self.title.as_deref().unwrap_or(""), &self.text] {
            bytes.extend_from_slice(part.as_bytes());
            bytes.push(0);
        }
        format!("{:016x}", crate::text::fnv1a(&bytes))
    }

    /// Builds a document, finding its date unless one is given. Its body is
    /// the whole text until [`clean::body_spans`] marks the furniture.
    pub fn new(id: DocId, path: PathBuf, text: String, date: Option<String>) -> Document {
        let date = date.or_else(|| date::find(&text));
        let body = vec![Span::new(0, text.len())];
        Document { id, path, date, title: None, url: None, text, body }
    }

    /// True when `span` lies inside the body (not in furniture).
    pub fn in_body(&self, span: Span) -> bool {
        self.body.iter().any(|body| body.contains(span))
    }
}

/// A place in the input: a file, and the line of a JSONL record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    pub path: PathBuf,
    pub line: Option<usize>,
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}", self.path.display(), line),
            None => write!(f, "{}", self.path.display()),
        }
    }
}

/// A recoverable problem met while loading or analysing: reported, counted,
/// and fatal only under `--strict`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path.display(), line, self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}
