//! `newsgraph parse`: articles (segmented as `build` segments them) or CoNLL-U (its own
//! sentences and words, kept exactly) in, CoNLL-U with predicted tags, lemmas and trees out.
//!
//! Articles give `# newdoc id`, `# sent_id`, `# text`, and `TokenRange=start:end` in MISC: the
//! word's character offsets into the document text, as UDPipe writes them.

use super::conllu::{self, TreebankSentence, Word};
use super::{SentenceParse, SyntaxModel, SyntaxScratch};
use crate::document::Document;
use crate::segment::Segmentation;
use crate::span::CharIndex;
use rayon::prelude::*;

/// Replaces the predicted columns of `sentence` (UPOS, XPOS, lemma, head, relation) with the
/// model's; forms, ids and MISC stay; FEATS and DEPS, which the model does not predict, are cleared.
pub fn annotate(model: &SyntaxModel, sentence: &mut TreebankSentence, scratch: &mut SyntaxScratch, parse: &mut SentenceParse) {
    let forms: Vec<&str> = sentence.words.iter().map(|word| word.form.as_str()).collect();
    model.analyze(&forms, scratch, parse);
    for (idx, word) in sentence.words.iter_mut().enumerate() {
        let tag = parse.tags[idx];
        word.upos = model.upos(tag).to_owned();
        word.xpos = model.xpos(tag).to_owned();
        word.lemma = model.lemma(&word.form, tag).into_owned();
        word.head = Some(parse.heads[idx].map_or(0, |head| head + 1));
        word.deprel = model.label(parse.labels[idx]).to_owned();
        word.feats.clear();
        word.deps.clear();
    }
}

/// Re-annotates a treebank in place, sentences in parallel.
pub fn annotate_treebank(model: &SyntaxModel, sentences: &mut [TreebankSentence]) {
    sentences.par_iter_mut().for_each_init(
        || (SyntaxScratch::default(), SentenceParse::default()),
        |(scratch, parse), sentence| annotate(model, sentence, scratch, parse),
    );
}

/// The CoNLL-U of one segmented document.
pub fn parse_document(model: &SyntaxModel, document: &Document, segmentation: &Segmentation, scratch: &mut SyntaxScratch) -> String {
    let text = document.text.as_str();
    let chars = CharIndex::new(text);
    let mut parse = SentenceParse::default();
    let mut out = String::new();
    for (idx, sentence) in segmentation.sentences.iter().enumerate() {
        let tokens = segmentation.sentence_tokens(sentence);
        let mut comments =
            vec![format!("sent_id = {}-{}", document.id.0, idx + 1), format!("text = {}", one_line(sentence.span.text(text)))];
        if idx == 0 {
            comments.insert(0, format!("newdoc id = {}", document.id.0));
        }
        let mut tree = TreebankSentence { comments, ..TreebankSentence::default() };
        for (at, token) in tokens.iter().enumerate() {
            let (start, end) = chars.char_span(token.span);
            let space_after = tokens.get(at + 1).is_none_or(|next| next.space_before);
            let misc = if space_after { format!("TokenRange={start}:{end}") } else { format!("SpaceAfter=No|TokenRange={start}:{end}") };
            tree.words.push(Word { form: token.span.text(text).to_owned(), misc, ..Word::default() });
        }
        annotate(model, &mut tree, scratch, &mut parse);
        conllu::write_sentence(&tree, &mut out);
    }
    out
}

/// A sentence's text on one line (a CoNLL-U comment cannot hold a line break).
fn one_line(text: &str) -> String {
    text.split(['\n', '\r', '\t']).filter(|part| !part.is_empty()).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_comments_stay_on_one_line() {
        assert_eq!(one_line("a\nb\r\n\tc"), "a b c");
    }
}
