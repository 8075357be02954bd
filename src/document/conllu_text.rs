//! Articles from CoNLL-U files (a treebank such as GUM read as news): the text of each document
//! is its sentences' `# text` lines, sentences of one paragraph joined by a space, paragraphs
//! (`# newpar`) by a line break. `# newdoc id` starts a document (the file's name is the id of
//! a file without one) and `# meta::dateCreated` gives its date. Only comment lines are read:
//! the words and trees of the file play no part in `build`.

use super::{DocId, Document};
use std::path::Path;

/// Documents, each with the line of the file it starts on.
pub type DocumentsWithLines = Vec<(Document, Option<usize>)>;

/// The documents of the CoNLL-U text of `path`; a document without any `# text` line is an
/// error naming its line.
pub fn parse(path: &Path, text: &str) -> Result<DocumentsWithLines, (usize, String)> {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("document");
    let mut documents = Vec::new();
    let mut current = Draft::new(stem.to_string(), 1);
    for (idx, line) in text.lines().enumerate() {
        let line_no = idx + 1;
        let Some(comment) = line.strip_prefix('#') else { continue };
        let (key, value) = match comment.split_once('=') {
            Some((key, value)) => (key.trim(), value.trim()),
            None => (comment.trim(), ""),
        };
        match key {
            "newdoc id" | "newdoc" => {
                if current.has_text() || current.explicit {
                    documents.push(current.finish(path)?);
                }
                current = Draft::new(value.to_string(), line_no);
                current.explicit = true;
            }
            "newpar" | "newpar id" => current.new_paragraph = true,
            "meta::dateCreated" => current.date = value.get(..10).map(str::to_string),
            "text" => current.push_sentence(value),
            _ => {}
        }
    }
    if current.has_text() || current.explicit {
        documents.push(current.finish(path)?);
    }
    Ok(documents)
}

/// A document being read.
struct Draft {
    id: String,
    line: usize,
    explicit: bool,
    text: String,
    date: Option<String>,
    new_paragraph: bool,
}

impl Draft {
    fn new(id: String, line: usize) -> Draft {
        Draft { id, line, explicit: false, text: String::new(), date: None, new_paragraph: false }
    }

    fn has_text(&self) -> bool {
        !self.text.is_empty()
    }

    fn push_sentence(&mut self, sentence: &str) {
        if !self.text.is_empty() {
            self.text.push(if self.new_paragraph { '\n' } else { ' ' });
        }
        self.new_paragraph = false;
        self.text.push_str(sentence);
    }

    fn finish(self, path: &Path) -> Result<(Document, Option<usize>), (usize, String)> {
        if self.id.is_empty() {
            return Err((self.line, "a `# newdoc id` without an id".into()));
        }
        if self.text.is_empty() {
            return Err((self.line, format!("document {} has no `# text` lines", self.id)));
        }
        Ok((Document::new(DocId(self.id), path.to_path_buf(), self.text, self.date), Some(self.line)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_paragraphs_and_dates() {
        let text = "# newdoc id = a\n# meta::dateCreated = 2017-07-18\n# newpar\n# text = One two.\n1\tOne\n\n\
                    # text = Three.\n1\tThree\n\n# newpar\n# text = Four.\n\n# newdoc id = b\n# text = Five.\n";
        let docs = parse(Path::new("x.conllu"), text).unwrap();
        let got: Vec<(&str, &str, Option<&str>, Option<usize>)> =
            docs.iter().map(|(d, line)| (d.id.0.as_str(), d.text.as_str(), d.date.as_deref(), *line)).collect();
        assert_eq!(got, vec![("a", "One two. Three.\nFour.", Some("2017-07-18"), Some(1)), ("b", "Five.", None, Some(13))]);
    }

    #[test]
    fn a_file_without_newdoc_is_one_document_named_by_the_file() {
        let docs = parse(Path::new("dir/GUM_x.conllu"), "# text = Hello there.\n1\tHello\n").unwrap();
        assert_eq!(docs[0].0.id.0, "GUM_x");
    }

    #[test]
    fn a_document_without_text_is_an_error_with_its_line() {
        assert_eq!(parse(Path::new("x.conllu"), "# newdoc id = a\n1\tword\n").unwrap_err().0, 1);
        assert_eq!(parse(Path::new("x.conllu"), "# newdoc id = a\n# text = A.\n# newdoc id =\n# text = B.\n").unwrap_err().0, 3);
    }
}
