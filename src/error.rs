//! The library's error type: every variant names the file (and line) at fault.

use crate::document::{Diagnostic, Location};
use std::path::PathBuf;

/// Errors that stop a command. Per-document problems that a run can survive
/// are [`crate::document::Diagnostic`]s instead.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: no such file or directory")]
    MissingPath { path: PathBuf },
    #[error("{path}: cannot read: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{path}: cannot write: {source}")]
    Write { path: PathBuf, source: std::io::Error },
    #[error("{path}: looks like a binary file (NUL byte at byte {offset}); expected UTF-8 text (.txt, .md) or JSON Lines (.jsonl)")]
    Binary { path: PathBuf, offset: usize },
    #[error("{path}:{line}: invalid UTF-8 at byte {offset}; save the file as UTF-8")]
    InvalidUtf8 { path: PathBuf, line: usize, offset: usize },
    #[error("{path}: file is empty")]
    Empty { path: PathBuf },
    #[error("{path}:{line}: {message}")]
    BadLine { path: PathBuf, line: usize, message: String },
    #[error("{path}: {message}")]
    BadFile { path: PathBuf, message: String },
    #[error("{path}:{line}: data file: {message}")]
    BadData { path: PathBuf, line: usize, message: String },
    #[error("no documents found under {paths}; expected .txt, .md or .jsonl files{}", skipped_note(.skipped))]
    NoDocuments { paths: String, skipped: Vec<Diagnostic> },
    #[error("duplicate document id '{id}' in {first} and {second}; document ids come from file stems or the JSONL 'id' field and must be unique")]
    DuplicateDocument { id: String, first: Location, second: Location },
    #[error("{0}")]
    Usage(String),
    /// A question the graph cannot answer: a missing graph, an unknown or ambiguous name.
    #[error("{path}: {message}")]
    Query { path: PathBuf, message: String },
    #[error("{what}: {message}")]
    External { what: String, message: String },
}

/// Why the input gave no documents when every JSONL line was skipped.
fn skipped_note(skipped: &[Diagnostic]) -> String {
    match skipped {
        [] => String::new(),
        [only] => format!(" (1 malformed JSONL line was skipped: {only})"),
        [first, ..] => format!(" ({} malformed JSONL lines were skipped; the first: {first})", skipped.len()),
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
