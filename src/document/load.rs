//! Reading files and folders of `.txt`/`.md` articles, `.jsonl` corpora and `.conllu` treebanks
//! (their `# text` lines, [`super::conllu_text`]).

use super::{Diagnostic, DocId, Document, Location};
use crate::error::{Error, Result};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// What loading a set of paths produced: documents sorted by id, and the
/// problems that were skipped.
#[derive(Debug, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub diagnostics: Vec<Diagnostic>,
    /// Links to folders that were read already (a link loop, or a second
    /// way into one folder), skipped: `build` warns about them once.
    pub skipped_links: Vec<PathBuf>,
}

impl Corpus {
    /// The one warning about [`Corpus::skipped_links`], if any were skipped.
    pub fn skipped_links_warning(&self) -> Option<String> {
        let first = self.skipped_links.first()?;
        let more = match self.skipped_links.len() {
            1 => String::new(),
            n => format!(" and {} more", n - 1),
        };
        Some(format!("skipped {}{more}: a link to a folder already read (each folder is read once)", first.display()))
    }
}

/// One record of a JSONL corpus.
#[derive(Deserialize)]
struct JsonlRecord {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

/// Loads every `.txt`, `.md`, `.jsonl` and `.conllu` file under `paths` (folders are
/// walked recursively, in name order). A malformed JSONL line is a
/// diagnostic, or an error when `strict`.
pub fn load_paths(paths: &[PathBuf], strict: bool) -> Result<Corpus> {
    let mut files = Vec::new();
    let mut walk = Walk::default();
    for path in paths {
        if !path.exists() {
            return Err(Error::MissingPath { path: path.clone() });
        }
        if path.is_dir() {
            walk.dir(path, &mut files)?;
        } else {
            files.push(path.clone());
        }
    }
    let mut corpus = Corpus { skipped_links: walk.skipped_links, ..Corpus::default() };
    let mut seen: BTreeMap<DocId, Location> = BTreeMap::new();
    for file in files {
        for (document, line) in load_file(&file, strict, &mut corpus.diagnostics)? {
            let location = Location { path: file.clone(), line };
            if let Some(first) = seen.insert(document.id.clone(), location.clone()) {
                return Err(Error::DuplicateDocument { id: document.id.0, first, second: location });
            }
            corpus.documents.push(document);
        }
    }
    if corpus.documents.is_empty() {
        let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(Error::NoDocuments { paths: names.join(", "), skipped: corpus.diagnostics });
    }
    corpus.documents.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(corpus)
}

fn is_article_file(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("txt" | "md" | "jsonl"))
}

/// A walk over folders that reads each real folder once (by canonical
/// path), so a link loop (`ln -s . L/a`) ends and a folder reached twice is
/// not read twice.
#[derive(Default)]
struct Walk {
    visited: BTreeSet<PathBuf>,
    skipped_links: Vec<PathBuf>,
}

impl Walk {
    /// Adds the article files under `dir`, in name order.
    fn dir(&mut self, dir: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
        let read_error = |source| Error::Read { path: dir.to_path_buf(), source };
        let real = std::fs::canonicalize(dir).map_err(read_error)?;
        if !self.visited.insert(real) {
            self.skipped_links.push(dir.to_path_buf());
            return Ok(());
        }
        let mut entries: Vec<PathBuf> =
            std::fs::read_dir(dir).map_err(read_error)?.map(|e| e.map(|e| e.path())).collect::<Result<_, _>>().map_err(read_error)?;
        entries.sort();
        for entry in entries {
            if entry.is_dir() {
                self.dir(&entry, files)?;
            } else if is_article_file(&entry) {
                files.push(entry);
            }
        }
        Ok(())
    }
}

/// Reads a file as UTF-8 text, with a clear error for binary, non-UTF-8 or empty files.
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|source| Error::Read { path: path.to_path_buf(), source })?;
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::Binary { path: path.to_path_buf(), offset });
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..offset].iter().filter(|&&b| b == b'\n').count();
        Error::InvalidUtf8 { path: path.to_path_buf(), line, offset }
    })?;
    if text.trim().is_empty() {
        return Err(Error::Empty { path: path.to_path_buf() });
    }
    Ok(text)
}

/// `text` without the UTF-8 byte-order mark that may open it. JSON readers
/// (JSONL, graph.json, gold files) call it; `.txt`/`.md` keep the mark in
/// `Document::text`, and cleaning leaves it out of the body.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix(super::clean::BOM).unwrap_or(text)
}

/// The documents of one file, each with its line for a JSONL record or a CoNLL-U document.
fn load_file(path: &Path, strict: bool, diagnostics: &mut Vec<Diagnostic>) -> Result<Vec<(Document, Option<usize>)>> {
    let text = read_text(path)?;
    match path.extension().and_then(|e| e.to_str()) {
        Some("jsonl") => parse_jsonl(path, &text, strict, diagnostics),
        Some("conllu") => super::conllu_text::parse(path, strip_bom(&text)).map_err(|(line, message)| Error::BadLine {
            path: path.to_path_buf(),
            line,
            message,
        }),
        _ => {
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("document");
            Ok(vec![(Document::new(DocId(stem.to_string()), path.to_path_buf(), text, None), None)])
        }
    }
}

/// The documents of the JSONL text of `path`, each with its line; a bad line
/// is a diagnostic, or an error when `strict`.
pub fn parse_jsonl(path: &Path, text: &str, strict: bool, diagnostics: &mut Vec<Diagnostic>) -> Result<Vec<(Document, Option<usize>)>> {
    let mut documents = Vec::new();
    for (line_idx, line) in strip_bom(text).lines().enumerate() {
        let line_no = line_idx + 1;
        if line.trim().is_empty() {
            continue;
        }
        match parse_record(line) {
            Ok(record) => {
                let mut document = Document::new(DocId(record.0), path.to_path_buf(), record.1.text, record.1.date);
                document.title = record.1.title;
                document.url = record.1.url;
                documents.push((document, Some(line_no)));
            }
            Err(message) if strict => {
                return Err(Error::BadLine { path: path.to_path_buf(), line: line_no, message });
            }
            Err(message) => {
                diagnostics.push(Diagnostic { path: path.to_path_buf(), line: Some(line_no), message: format!("{message}; line skipped") })
            }
        }
    }
    Ok(documents)
}

fn parse_record(line: &str) -> Result<(String, JsonlRecord), String> {
    let value: serde_json::Value = serde_json::from_str(line).map_err(|e| {
        // serde_json counts lines within this one line; the column is what helps.
        let message = e.to_string();
        let message = message.strip_suffix(&format!(" at line {} column {}", e.line(), e.column())).unwrap_or(&message);
        format!("malformed JSONL record: {message} at column {} (expected an object with \"id\" and \"text\")", e.column())
    })?;
    let found = match &value {
        serde_json::Value::Object(_) => None,
        serde_json::Value::Array(_) => Some("an array"),
        serde_json::Value::String(_) => Some("a string"),
        serde_json::Value::Number(_) => Some("a number"),
        serde_json::Value::Bool(_) => Some("a boolean"),
        serde_json::Value::Null => Some("null"),
    };
    if let Some(found) = found {
        return Err(format!("malformed JSONL record: found {found}, expected an object with \"id\" and \"text\""));
    }
    let record: JsonlRecord = serde_json::from_value(value).map_err(|e| format!("malformed JSONL record: {e}"))?;
    let id = match &record.id {
        serde_json::Value::String(s) if !s.trim().is_empty() => s.clone(),
        serde_json::Value::Number(n) => n.to_string(),
        other => return Err(format!("\"id\" must be a non-empty string or a number, found {other}")),
    };
    if record.text.trim().is_empty() {
        return Err(format!("record '{id}' has an empty \"text\""));
    }
    if let Some(date) = &record.date {
        if super::date::parse_iso(date).is_none() {
            return Err(format!("record '{id}' has date \"{date}\"; expected YYYY-MM-DD"));
        }
    }
    Ok((id, record))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_records_and_bad_lines() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("corpus.jsonl");
        std::fs::write(
            &path,
            "{\"id\":\"a\",\"text\":\"Kenya spoke.\",\"date\":\"2024-01-02\"}\nnot json\n{\"id\":7,\"text\":\"Peru too.\"}\n",
        )
        .unwrap();
        let corpus = load_paths(std::slice::from_ref(&path), false).unwrap();
        let ids: Vec<&str> = corpus.documents.iter().map(|d| d.id.0.as_str()).collect();
        assert_eq!(ids, ["7", "a"]);
        assert_eq!(corpus.documents[1].date.as_deref(), Some("2024-01-02"));
        assert_eq!(corpus.diagnostics.len(), 1);
        assert_eq!(corpus.diagnostics[0].line, Some(2));
        let strict = load_paths(&[path], true).unwrap_err().to_string();
        assert!(strict.contains("corpus.jsonl:2:"), "{strict}");
    }

    #[test]
    fn binary_and_empty_files_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let binary = dir.path().join("x.txt");
        std::fs::write(&binary, b"abc\0def").unwrap();
        assert!(load_paths(&[binary], false).unwrap_err().to_string().contains("x.txt: looks like a binary"));
        let empty = dir.path().join("e.txt");
        std::fs::write(&empty, "  \n").unwrap();
        assert!(load_paths(&[empty], false).unwrap_err().to_string().contains("e.txt: file is empty"));
        let latin1 = dir.path().join("l.txt");
        std::fs::write(&latin1, b"caf\xe9").unwrap();
        assert!(load_paths(&[latin1], false).unwrap_err().to_string().contains("l.txt:1: invalid UTF-8 at byte 3"));
    }
}
