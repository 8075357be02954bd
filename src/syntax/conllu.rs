//! CoNLL-U, the Universal Dependencies file format: reading treebanks and writing parses.
//!
//! A sentence is a block of comment lines (`# sent_id = …`, `# text = …`) and word lines of ten
//! tab-separated columns, ended by a blank line. Multiword tokens (`3-4 don't`) are kept as the
//! surface token over their words; empty nodes (`5.1`) belong to enhanced dependencies and are
//! skipped. Every malformed line is an error naming the file and the line.

use crate::error::{Error, Result};
use std::fmt::Write as _;
use std::path::Path;

/// One syntactic word of a CoNLL-U sentence (the ten columns, `_` kept as written).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Word {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    pub feats: String,
    /// 0 for the root, else the 1-based index of the head word; `None` when the column is `_`.
    pub head: Option<u32>,
    pub deprel: String,
    pub deps: String,
    pub misc: String,
}

/// A multiword token: the surface form of words `first..=last` (1-based), as "don't" over "do n't".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MultiwordToken {
    pub first: u32,
    pub last: u32,
    pub form: String,
    pub misc: String,
}

/// One sentence of a treebank.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TreebankSentence {
    /// The comment lines, without the leading `# ` (`sent_id = …`, `text = …`, `newdoc id = …`).
    pub comments: Vec<String>,
    pub words: Vec<Word>,
    pub multiword: Vec<MultiwordToken>,
    /// The line of the file on which the sentence starts (1-based), for messages.
    pub line: usize,
}

impl TreebankSentence {
    /// The value of the comment `# key = value`, if present.
    pub fn comment(&self, key: &str) -> Option<&str> {
        self.comments.iter().find_map(|comment| {
            let (name, value) = comment.split_once('=')?;
            (name.trim() == key).then(|| value.trim())
        })
    }

    /// `# newdoc` starts a document here.
    pub fn starts_document(&self) -> bool {
        self.comments.iter().any(|comment| comment.starts_with("newdoc"))
    }

    /// `# newpar` starts a paragraph here.
    pub fn starts_paragraph(&self) -> bool {
        self.comments.iter().any(|comment| comment.starts_with("newpar"))
    }

    /// The surface tokens in order: each is `(form, words first..=last, space after)`.
    pub fn tokens(&self) -> Vec<(&str, std::ops::RangeInclusive<u32>, bool)> {
        let mut tokens = Vec::with_capacity(self.words.len());
        let mut multiword = self.multiword.iter().peekable();
        let mut id = 1u32;
        while (id as usize) <= self.words.len() {
            if let Some(token) = multiword.next_if(|token| token.first == id) {
                tokens.push((token.form.as_str(), token.first..=token.last, !has_no_space_after(&token.misc)));
                id = token.last + 1;
            } else {
                let word = &self.words[id as usize - 1];
                tokens.push((word.form.as_str(), id..=id, !has_no_space_after(&word.misc)));
                id += 1;
            }
        }
        tokens
    }
}

/// `SpaceAfter=No` among the MISC attributes.
pub fn has_no_space_after(misc: &str) -> bool {
    misc.split('|').any(|attribute| attribute == "SpaceAfter=No")
}

/// Reads a CoNLL-U file.
pub fn read_file(path: &Path) -> Result<Vec<TreebankSentence>> {
    let bytes = std::fs::read(path).map_err(|source| match source.kind() {
        std::io::ErrorKind::NotFound => Error::MissingPath { path: path.to_owned() },
        _ => Error::Read { path: path.to_owned(), source },
    })?;
    let text = String::from_utf8(bytes).map_err(|error| {
        let offset = error.utf8_error().valid_up_to();
        let line = error.as_bytes()[..offset].iter().filter(|&&byte| byte == b'\n').count() + 1;
        Error::InvalidUtf8 { path: path.to_owned(), line, offset }
    })?;
    parse(&text).map_err(|(line, message)| Error::BadLine { path: path.to_owned(), line, message })
}

/// Parses CoNLL-U text; an error is `(line, message)`.
pub fn parse(text: &str) -> std::result::Result<Vec<TreebankSentence>, (usize, String)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut sentences = Vec::new();
    let mut current = TreebankSentence::default();
    for (line_idx, line) in text.lines().enumerate() {
        let line_no = line_idx + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            if !current.words.is_empty() || !current.comments.is_empty() {
                finish(&mut current).map_err(|message| (current.line, message))?;
                sentences.push(std::mem::take(&mut current));
            }
            continue;
        }
        if current.words.is_empty() && current.comments.is_empty() {
            current.line = line_no;
        }
        if let Some(comment) = line.strip_prefix('#') {
            if !current.words.is_empty() {
                return Err((line_no, "a comment line inside a sentence; sentences end with a blank line".into()));
            }
            current.comments.push(comment.trim_start().to_owned());
            continue;
        }
        read_word_line(line, &mut current).map_err(|message| (line_no, message))?;
    }
    if !current.words.is_empty() || !current.comments.is_empty() {
        finish(&mut current).map_err(|message| (current.line, message))?;
        sentences.push(current);
    }
    Ok(sentences)
}

fn read_word_line(line: &str, sentence: &mut TreebankSentence) -> std::result::Result<(), String> {
    let columns: Vec<&str> = line.split('\t').collect();
    if columns.len() != 10 {
        return Err(format!("expected 10 tab-separated columns, found {}", columns.len()));
    }
    let id = columns[0];
    if id.contains('.') {
        return Ok(()); // an empty node of the enhanced graph
    }
    if let Some((first, last)) = id.split_once('-') {
        let (first, last) = (parse_id(first)?, parse_id(last)?);
        if first > last || first as usize != sentence.words.len() + 1 {
            return Err(format!("multiword token range '{id}' does not start at the next word"));
        }
        sentence.multiword.push(MultiwordToken { first, last, form: columns[1].to_owned(), misc: columns[9].to_owned() });
        return Ok(());
    }
    let id = parse_id(id)?;
    if id as usize != sentence.words.len() + 1 {
        return Err(format!("word id {id} out of sequence; expected {}", sentence.words.len() + 1));
    }
    let head = match columns[6] {
        "_" => None,
        head => Some(head.parse::<u32>().map_err(|_| format!("head '{}' is not a number", shorten(head)))?),
    };
    sentence.words.push(Word {
        form: columns[1].to_owned(),
        lemma: columns[2].to_owned(),
        upos: columns[3].to_owned(),
        xpos: columns[4].to_owned(),
        feats: columns[5].to_owned(),
        head,
        deprel: columns[7].to_owned(),
        deps: columns[8].to_owned(),
        misc: columns[9].to_owned(),
    });
    Ok(())
}

fn parse_id(id: &str) -> std::result::Result<u32, String> {
    match id.parse::<u32>() {
        Ok(value) if value > 0 => Ok(value),
        _ => Err(format!("word id '{}' is not a positive number", shorten(id))),
    }
}

/// Checks what needs the whole sentence: heads in range, multiword tokens inside it.
fn finish(sentence: &mut TreebankSentence) -> std::result::Result<(), String> {
    let n = sentence.words.len() as u32;
    if n == 0 {
        return Err("a sentence with comments but no words".into());
    }
    for (idx, word) in sentence.words.iter().enumerate() {
        if let Some(head) = word.head {
            if head > n {
                return Err(format!("word {} has head {head}, beyond the sentence's {n} words", idx + 1));
            }
        }
    }
    if let Some(token) = sentence.multiword.iter().find(|token| token.last > n) {
        return Err(format!("multiword token {}-{} reaches past the sentence's {n} words", token.first, token.last));
    }
    Ok(())
}

fn shorten(value: &str) -> String {
    match value.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", crate::span::prefix(value, cut)),
        None => value.to_owned(),
    }
}

/// Writes one sentence as CoNLL-U (comments, multiword tokens before their words, a blank line).
pub fn write_sentence(sentence: &TreebankSentence, out: &mut String) {
    for comment in &sentence.comments {
        let _ = writeln!(out, "# {comment}");
    }
    let mut multiword = sentence.multiword.iter().peekable();
    for (idx, word) in sentence.words.iter().enumerate() {
        let id = idx as u32 + 1;
        if let Some(token) = multiword.next_if(|token| token.first == id) {
            let _ = writeln!(out, "{}-{}\t{}\t_\t_\t_\t_\t_\t_\t_\t{}", token.first, token.last, token.form, or_blank(&token.misc));
        }
        let head = word.head.map_or_else(|| "_".to_owned(), |head| head.to_string());
        let _ = writeln!(
            out,
            "{id}\t{}\t{}\t{}\t{}\t{}\t{head}\t{}\t{}\t{}",
            word.form,
            or_blank(&word.lemma),
            or_blank(&word.upos),
            or_blank(&word.xpos),
            or_blank(&word.feats),
            or_blank(&word.deprel),
            or_blank(&word.deps),
            or_blank(&word.misc)
        );
    }
    out.push('\n');
}

fn or_blank(value: &str) -> &str {
    if value.is_empty() {
        "_"
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = 1\n# text = They don't.\n1\tThey\tthey\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n\
        2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n2\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n\
        3\tn't\tnot\tPART\tRB\t_\t2\tadvmod\t_\t_\n3.1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";

    #[test]
    fn reads_words_multiword_tokens_and_comments() {
        let sentences = parse(SAMPLE).unwrap();
        assert_eq!(sentences.len(), 1);
        let sentence = &sentences[0];
        assert_eq!(sentence.comment("text"), Some("They don't."));
        assert_eq!(sentence.words.len(), 4);
        assert_eq!(sentence.words[1].form, "do");
        assert_eq!(sentence.words[0].head, Some(3));
        let tokens: Vec<_> =
            sentence.tokens().into_iter().map(|(form, words, space)| (form, *words.start(), *words.end(), space)).collect();
        assert_eq!(tokens, vec![("They", 1, 1, true), ("don't", 2, 3, false), (".", 4, 4, true)]);
    }

    #[test]
    fn writing_gives_back_what_was_read() {
        let sentences = parse(SAMPLE).unwrap();
        let mut out = String::new();
        write_sentence(&sentences[0], &mut out);
        assert_eq!(parse(&out).unwrap(), sentences);
    }

    #[test]
    fn bad_lines_are_named() {
        let cases = [
            ("1\tA\n", 1, "expected 10 tab-separated columns, found 2"),
            ("2\tA\ta\tX\tX\t_\t0\troot\t_\t_\n", 1, "word id 2 out of sequence; expected 1"),
            ("1\tA\ta\tX\tX\t_\tz\troot\t_\t_\n", 1, "head 'z' is not a number"),
            ("# x\n1\tA\ta\tX\tX\t_\t5\troot\t_\t_\n", 1, "word 1 has head 5, beyond the sentence's 1 words"),
        ];
        for (text, line, message) in cases {
            assert_eq!(parse(text), Err((line, message.to_owned())), "{text:?}");
        }
    }
}
