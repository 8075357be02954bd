//! Reading files and folders of `.txt`/`.md` articles, `.jsonl` corpora and `.conllu` treebanks
//! (their `# text` lines, [`super::conllu_text`]).

use super::{Diagnostic, DocId, Document, Location};
use crate::error::{Error, Result};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, Read, Seek, SeekFrom};
use std::ops::Range;
use std::path::{Path, PathBuf};

/// What loading a set of paths produced: documents sorted by id, and the
/// problems that were skipped.
#[derive(Debug, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub diagnostics: Vec<Diagnostic>,
    /// Links to folders that were read already (a link loop, or a second
    /// way into one folder), skipped.
    pub skipped_links: Vec<PathBuf>,
}

/// Where every document of a set of paths is, sorted by id: enough to read any one of them again
/// without holding the others, so that a corpus larger than memory can be read twice.
#[derive(Debug, Default)]
pub struct CorpusIndex {
    files: Vec<PathBuf>,
    documents: Vec<Locator>,
    pub diagnostics: Vec<Diagnostic>,
    /// As in [`Corpus::skipped_links`]; `build` warns about them once.
    pub skipped_links: Vec<PathBuf>,
}

/// Where one document is: its file, and the bytes it is read from (a whole article file, a JSONL
/// line, a CoNLL-U document's lines).
#[derive(Debug)]
struct Locator {
    id: DocId,
    file: usize,
    bytes: Range<usize>,
}

/// A document an index found: its id, its bytes in the file, and its line (JSONL, CoNLL-U).
type Found = (DocId, Range<usize>, Option<usize>);

/// How a file's documents are written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Article,
    Jsonl,
    Conllu,
}

impl Format {
    fn of(path: &Path) -> Format {
        match path.extension().and_then(|e| e.to_str()) {
            Some("jsonl") => Format::Jsonl,
            Some("conllu") => Format::Conllu,
            _ => Format::Article,
        }
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
    let index = CorpusIndex::new(paths, strict)?;
    let documents = index.read_all()?;
    Ok(Corpus { documents, diagnostics: index.diagnostics, skipped_links: index.skipped_links })
}

impl CorpusIndex {
    /// Reads every `.txt`, `.md`, `.jsonl` and `.conllu` file under `paths` (as [`load_paths`]
    /// does) and keeps where each document is. A JSONL file is read a line at a time, so no more
    /// than one record is held at once.
    pub fn new(paths: &[PathBuf], strict: bool) -> Result<CorpusIndex> {
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
        let mut index = CorpusIndex { skipped_links: walk.skipped_links, ..CorpusIndex::default() };
        let mut seen: BTreeMap<DocId, Location> = BTreeMap::new();
        for (file, path) in files.iter().enumerate() {
            let mut found = Vec::new();
            match Format::of(path) {
                Format::Jsonl => index_jsonl(path, strict, &mut index.diagnostics, &mut found)?,
                Format::Conllu => index_conllu(path, &mut found)?,
                Format::Article => {
                    let length = read_text(path)?.len();
                    found.push((DocId(stem(path).to_string()), 0..length, None));
                }
            }
            for (id, bytes, line) in found {
                let location = Location { path: path.clone(), line };
                if let Some(first) = seen.insert(id.clone(), location.clone()) {
                    return Err(Error::DuplicateDocument { id: id.0, first, second: location });
                }
                index.documents.push(Locator { id, file, bytes });
            }
        }
        if index.documents.is_empty() {
            let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
            return Err(Error::NoDocuments { paths: names.join(", "), skipped: index.diagnostics });
        }
        index.documents.sort_by(|a, b| a.id.cmp(&b.id));
        index.files = files;
        Ok(index)
    }

    /// The number of documents.
    pub fn len(&self) -> usize {
        self.documents.len()
    }

    /// Whether there are no documents (never, for an index [`CorpusIndex::new`] returned).
    pub fn is_empty(&self) -> bool {
        self.documents.is_empty()
    }

    /// The bytes the documents are read from, in all.
    pub fn input_bytes(&self) -> usize {
        self.documents.iter().map(|locator| locator.bytes.len()).sum()
    }

    /// The one warning about [`CorpusIndex::skipped_links`], if any were skipped.
    pub fn skipped_links_warning(&self) -> Option<String> {
        let first = self.skipped_links.first()?;
        let more = match self.skipped_links.len() {
            1 => String::new(),
            n => format!(" and {} more", n - 1),
        };
        Some(format!("skipped {}{more}: a link to a folder already read (each folder is read once)", first.display()))
    }

    /// Reads document `index` (in id order) from its file again. A file that no longer holds
    /// what was indexed is an error naming it.
    pub fn read(&self, index: usize) -> Result<Document> {
        let locator = &self.documents[index];
        let path = &self.files[locator.file];
        let changed = || Error::BadFile {
            path: path.clone(),
            message: format!("changed while newsgraph was reading it (document '{}' is no longer where it was); run again", locator.id),
        };
        let mut file = std::fs::File::open(path).map_err(|source| Error::Read { path: path.clone(), source })?;
        let mut bytes = vec![0; locator.bytes.len()];
        file.seek(SeekFrom::Start(locator.bytes.start as u64)).and_then(|_| file.read_exact(&mut bytes)).map_err(|source| match source
            .kind()
        {
            std::io::ErrorKind::UnexpectedEof => changed(),
            _ => Error::Read { path: path.clone(), source },
        })?;
        let text = String::from_utf8(bytes).map_err(|_| changed())?;
        let document = match Format::of(path) {
            Format::Jsonl => parse_record(&text).map(|(id, record)| record_document(path, id, record)).map_err(|_| changed())?,
            Format::Conllu => match super::conllu_text::parse(path, &text) {
                Ok(mut documents) if documents.len() == 1 => documents.remove(0).0,
                _ => return Err(changed()),
            },
            Format::Article => Document::new(DocId(stem(path).to_string()), path.clone(), text, None),
        };
        if document.id != locator.id {
            return Err(changed());
        }
        Ok(document)
    }

    /// Every document, in id order.
    pub fn read_all(&self) -> Result<Vec<Document>> {
        (0..self.len()).map(|index| self.read(index)).collect()
    }
}

/// The id a file without ids inside gives its document.
fn stem(path: &Path) -> &str {
    path.file_stem().and_then(|s| s.to_str()).unwrap_or("document")
}

/// Adds the records of a JSONL file, read a line at a time, each with its byte range and line;
/// a bad line is a diagnostic, or an error when `strict`.
fn index_jsonl(path: &Path, strict: bool, diagnostics: &mut Vec<Diagnostic>, found: &mut Vec<Found>) -> Result<()> {
    let read_error = |source| Error::Read { path: path.to_path_buf(), source };
    let mut reader = std::io::BufReader::new(std::fs::File::open(path).map_err(read_error)?);
    let (mut offset, mut line_no, mut blank) = (0usize, 0usize, true);
    loop {
        let mut line = Vec::new();
        let read = reader.read_until(b'\n', &mut line).map_err(read_error)?;
        if read == 0 {
            break;
        }
        line_no += 1;
        let start = offset;
        offset += read;
        let text = checked_text(path, line, start, line_no)?;
        let content = if line_no == 1 { strip_bom(&text) } else { &text };
        let skipped = text.len() - content.len();
        let content = content.strip_suffix('\n').map(|c| c.strip_suffix('\r').unwrap_or(c)).unwrap_or(content);
        blank &= content.trim().is_empty();
        if content.trim().is_empty() {
            continue;
        }
        match parse_record(content) {
            Ok((id, _)) => found.push((DocId(id), start + skipped..start + skipped + content.len(), Some(line_no))),
            Err(message) if strict => return Err(Error::BadLine { path: path.to_path_buf(), line: line_no, message }),
            Err(message) => {
                diagnostics.push(Diagnostic { path: path.to_path_buf(), line: Some(line_no), message: format!("{message}; line skipped") })
            }
        }
    }
    if blank {
        return Err(Error::Empty { path: path.to_path_buf() });
    }
    Ok(())
}

/// Adds the documents of a CoNLL-U file, each with the bytes from the line it starts on to the
/// line the next one starts on.
fn index_conllu(path: &Path, found: &mut Vec<Found>) -> Result<()> {
    let text = read_text(path)?;
    let bom = text.len() - strip_bom(&text).len();
    let documents = super::conllu_text::parse(path, strip_bom(&text)).map_err(|(line, message)| Error::BadLine {
        path: path.to_path_buf(),
        line,
        message,
    })?;
    // The byte each line starts at.
    let line_starts: Vec<usize> = std::iter::once(bom).chain(text.match_indices('\n').map(|(at, _)| at + 1)).collect();
    let starts: Vec<usize> =
        documents.iter().enumerate().map(|(idx, (_, line))| if idx == 0 { bom } else { line_starts[line.unwrap_or(1) - 1] }).collect();
    for (idx, (document, line)) in documents.into_iter().enumerate() {
        let end = starts.get(idx + 1).copied().unwrap_or(text.len());
        found.push((document.id, starts[idx]..end, line));
    }
    Ok(())
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
    let text = checked_text(path, bytes, 0, 1)?;
    if text.trim().is_empty() {
        return Err(Error::Empty { path: path.to_path_buf() });
    }
    Ok(text)
}

/// `bytes`, read from `path` at byte `offset` on line `line`, as text: a NUL byte (a binary
/// file) or invalid UTF-8 is an error naming the byte and its line.
fn checked_text(path: &Path, bytes: Vec<u8>, offset: usize, line: usize) -> Result<String> {
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::Binary { path: path.to_path_buf(), offset: offset + at });
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let line = line + e.as_bytes()[..valid].iter().filter(|&&b| b == b'\n').count();
        Error::InvalidUtf8 { path: path.to_path_buf(), line, offset: offset + valid }
    })
}

/// `text` without the UTF-8 byte-order mark that may open it. JSON readers
/// (JSONL, graph.json, gold files) call it; `.txt`/`.md` keep the mark in
/// `Document::text`, and cleaning leaves it out of the body.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix(super::clean::BOM).unwrap_or(text)
}

/// The document of a JSONL record.
fn record_document(path: &Path, id: String, record: JsonlRecord) -> Document {
    let mut document = Document::new(DocId(id), path.to_path_buf(), record.text, record.date);
    document.title = record.title;
    document.url = record.url;
    document
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
    fn an_index_reads_each_document_again_from_its_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let jsonl = dir.path().join("c.jsonl");
        // A byte-order mark, a CRLF line, a blank line and a record after a bad one.
        std::fs::write(
            &jsonl,
            "\u{feff}{\"id\":\"b\",\"text\":\"Kenya spoke.\"}\r\n\n{bad\n{\"id\":\"a\",\"text\":\"Peru, too.\",\"title\":\"T\"}",
        )
        .unwrap();
        // A treebank is read when named (a folder walk leaves .conllu files out).
        let conllu = dir.path().join("t.conllu");
        std::fs::write(&conllu, "# text = First.\n1\tFirst\n\n# newdoc id = d\n# meta::dateCreated = 2020-05-06\n# text = Second.\n1\tSecond\n\n# newdoc id = e\n# text = Third.\n").unwrap();
        let article = dir.path().join("art.txt");
        std::fs::write(&article, "\u{feff}Chile met Peru.\n").unwrap();
        let index = CorpusIndex::new(&[dir.path().to_path_buf(), conllu], false).unwrap();
        let read: Vec<(String, String, Option<String>, Option<String>)> =
            index.read_all().unwrap().into_iter().map(|d| (d.id.0, d.text, d.date, d.title)).collect();
        let own = |id: &str, text: &str, date: Option<&str>, title: Option<&str>| {
            (id.to_string(), text.to_string(), date.map(str::to_string), title.map(str::to_string))
        };
        assert_eq!(
            read,
            [
                own("a", "Peru, too.", None, Some("T")),
                own("art", "\u{feff}Chile met Peru.\n", None, None),
                own("b", "Kenya spoke.", None, None),
                own("d", "Second.", Some("2020-05-06"), None),
                own("e", "Third.", None, None),
                own("t", "First.", None, None),
            ]
        );
        assert_eq!(index.diagnostics.len(), 1);
        assert_eq!(index.diagnostics[0].line, Some(3));
        // A file changed after it was indexed is named, not misread.
        std::fs::write(&jsonl, "{\"id\":\"z\",\"text\":\"Other.\"}\n").unwrap();
        let error = index.read(0).unwrap_err().to_string();
        assert!(error.contains("c.jsonl: changed while newsgraph was reading it"), "{error}");
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
