//! How well the model reads a treebank: tag, lemma and attachment scores on gold tokens, and
//! token and sentence F1 when the raw text is segmented from scratch.
//!
//! The definitions are CoNLL 2018's: every word counts, punctuation included; UAS compares heads;
//! LAS compares heads and the universal part of the relation (`nsubj` for `nsubj:pass`).

use super::conllu::TreebankSentence;
use super::parse::annotate;
use super::{SentenceParse, SyntaxModel, SyntaxScratch};
use crate::document::{DocId, Document};
use crate::resources::Lexicon;
use crate::segment;
use crate::span::Span;
use rayon::prelude::*;
use serde::Serialize;

/// Counts of words and of words the model got right.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct TreebankScores {
    pub sentences: usize,
    pub words: usize,
    pub upos: usize,
    pub xpos: usize,
    pub lemma: usize,
    pub uas: usize,
    pub las: usize,
}

impl TreebankScores {
    fn add(mut self, other: TreebankScores) -> TreebankScores {
        self.sentences += other.sentences;
        self.words += other.words;
        self.upos += other.upos;
        self.xpos += other.xpos;
        self.lemma += other.lemma;
        self.uas += other.uas;
        self.las += other.las;
        self
    }

    /// Compares one predicted sentence with its gold version (same words).
    pub fn compare(gold: &TreebankSentence, predicted: &TreebankSentence) -> TreebankScores {
        let mut scores = TreebankScores { sentences: 1, ..TreebankScores::default() };
        for (gold, predicted) in gold.words.iter().zip(&predicted.words) {
            scores.words += 1;
            scores.upos += usize::from(gold.upos == predicted.upos);
            scores.xpos += usize::from(gold.xpos == predicted.xpos);
            scores.lemma += usize::from(gold.lemma == predicted.lemma);
            let head = gold.head.is_some() && gold.head == predicted.head;
            scores.uas += usize::from(head);
            scores.las += usize::from(head && universal(&gold.deprel) == universal(&predicted.deprel));
        }
        scores
    }

    pub fn ratio(&self, count: usize) -> f64 {
        count as f64 / self.words.max(1) as f64
    }
}

/// The universal part of a relation: `nsubj` of `nsubj:pass`.
pub fn universal(deprel: &str) -> &str {
    deprel.split(':').next().unwrap_or(deprel)
}

/// Tags and parses every sentence on its gold words and scores the result.
pub fn score_on_gold_tokens(model: &SyntaxModel, sentences: &[TreebankSentence]) -> TreebankScores {
    sentences
        .par_iter()
        .map_init(
            || (SyntaxScratch::default(), SentenceParse::default()),
            |(scratch, parse), gold| {
                let mut predicted = gold.clone();
                annotate(model, &mut predicted, scratch, parse);
                TreebankScores::compare(gold, &predicted)
            },
        )
        .reduce(TreebankScores::default, TreebankScores::add)
}

/// Segmentation of raw text against the treebank's: counts of gold, predicted and matching
/// words and sentences (a match has the same character span).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SegmentationScores {
    pub gold_words: usize,
    pub predicted_words: usize,
    pub matched_words: usize,
    pub gold_sentences: usize,
    pub predicted_sentences: usize,
    pub matched_sentences: usize,
}

impl SegmentationScores {
    pub fn word_f1(&self) -> f64 {
        f1(self.matched_words, self.gold_words, self.predicted_words)
    }

    pub fn sentence_f1(&self) -> f64 {
        f1(self.matched_sentences, self.gold_sentences, self.predicted_sentences)
    }
}

fn f1(matched: usize, gold: usize, predicted: usize) -> f64 {
    if gold + predicted == 0 {
        return 1.0;
    }
    2.0 * matched as f64 / (gold + predicted) as f64
}

/// Rebuilds each document's text from its sentences' `# text` (a space between sentences, a
/// line break between paragraphs), segments it as `build` does, and scores words and sentences.
pub fn score_raw(lexicon: &Lexicon, sentences: &[TreebankSentence]) -> SegmentationScores {
    let mut scores = SegmentationScores::default();
    for document in split_documents(sentences) {
        let (text, gold_words, gold_sentences) = rebuild_text(document);
        let id = DocId("treebank".into());
        let document = Document::new(id, "treebank".into(), text, None);
        let segmentation = segment::segment(lexicon, &document);
        let predicted_words: Vec<Span> = segmentation.tokens.iter().map(|token| token.span).collect();
        let predicted_sentences: Vec<Span> = segmentation.sentences.iter().map(|sentence| sentence.span).collect();
        scores.gold_words += gold_words.len();
        scores.predicted_words += predicted_words.len();
        scores.matched_words += count_matches(&gold_words, &predicted_words);
        scores.gold_sentences += gold_sentences.len();
        scores.predicted_sentences += predicted_sentences.len();
        scores.matched_sentences += count_matches(&gold_sentences, &predicted_sentences);
    }
    scores
}

/// Sentences grouped by `# newdoc` (all in one document when there is none).
pub fn split_documents(sentences: &[TreebankSentence]) -> Vec<&[TreebankSentence]> {
    let mut documents = Vec::new();
    let mut start = 0;
    for (idx, sentence) in sentences.iter().enumerate() {
        if sentence.starts_document() && idx > start {
            documents.push(&sentences[start..idx]);
            start = idx;
        }
    }
    if start < sentences.len() {
        documents.push(&sentences[start..]);
    }
    documents
}

/// The document's text and the byte spans of its gold words and sentences in it.
pub fn rebuild_text(sentences: &[TreebankSentence]) -> (String, Vec<Span>, Vec<Span>) {
    let (mut text, mut words, mut spans) = (String::new(), Vec::new(), Vec::new());
    for (idx, sentence) in sentences.iter().enumerate() {
        if idx > 0 {
            text.push(if sentence.starts_paragraph() { '\n' } else { ' ' });
        }
        let sentence_start = text.len();
        let sentence_text: String = match sentence.comment("text") {
            Some(written) => written.to_owned(),
            None => sentence.tokens().iter().map(|(form, _, space)| if *space { format!("{form} ") } else { form.to_string() }).collect(),
        };
        text.push_str(sentence_text.trim_end());
        let first_word = words.len();
        let mut cursor = sentence_start;
        for (form, range, _) in sentence.tokens() {
            let Some(found) = crate::span::suffix(&text, cursor).find(form) else { continue };
            let start = cursor + found;
            cursor = start + form.len();
            let parts: Vec<&str> = range.clone().map(|word| sentence.words[word as usize - 1].form.as_str()).collect();
            if parts.len() > 1 && parts.concat() == form {
                let mut at = start;
                for part in parts {
                    words.push(Span::new(at, at + part.len()));
                    at += part.len();
                }
            } else {
                words.push(Span::new(start, cursor));
            }
        }
        if words.len() > first_word {
            spans.push(words[first_word].cover(words[words.len() - 1]));
        }
    }
    (text, words, spans)
}

/// How many spans the two sorted lists share.
fn count_matches(gold: &[Span], predicted: &[Span]) -> usize {
    let (mut i, mut j, mut matched) = (0, 0, 0);
    while i < gold.len() && j < predicted.len() {
        match gold[i].cmp(&predicted[j]) {
            std::cmp::Ordering::Equal => {
                matched += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    matched
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::conllu;

    #[test]
    fn universal_relations_drop_the_subtype() {
        assert_eq!(universal("nsubj:pass"), "nsubj");
        assert_eq!(universal("root"), "root");
    }

    #[test]
    fn compares_word_by_word() {
        let text = "# text = a b\n1\ta\ta\tDET\tDT\t_\t2\tdet\t_\t_\n2\tb\tb\tNOUN\tNN\t_\t0\troot\t_\t_\n";
        let gold = &conllu::parse(text).unwrap()[0];
        let mut predicted = gold.clone();
        predicted.words[0].deprel = "det:predet".into();
        predicted.words[1].upos = "VERB".into();
        let scores = TreebankScores::compare(gold, &predicted);
        assert_eq!((scores.words, scores.upos, scores.xpos, scores.uas, scores.las), (2, 1, 2, 2, 2));
        predicted.words[0].head = Some(0);
        assert_eq!(TreebankScores::compare(gold, &predicted).uas, 1);
    }

    #[test]
    fn raw_text_is_rebuilt_with_word_spans() {
        let text = "# newdoc id = d\n# text = We don't know.\n1\tWe\twe\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n\
            2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n\
            4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n\
            # text = Yes.\n1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\tSpaceAfter=No\n2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n";
        let sentences = conllu::parse(text).unwrap();
        let (rebuilt, words, spans) = rebuild_text(&sentences);
        assert_eq!(rebuilt, "We don't know. Yes.");
        let forms: Vec<&str> = words.iter().map(|span| span.text(&rebuilt)).collect();
        assert_eq!(forms, ["We", "do", "n't", "know", ".", "Yes", "."]);
        assert_eq!(spans.iter().map(|span| span.text(&rebuilt)).collect::<Vec<_>>(), ["We don't know.", "Yes."]);
        let resources = crate::resources::Resources::builtin().unwrap();
        let scores = score_raw(&resources.lexicon, &sentences);
        assert_eq!((scores.matched_words, scores.gold_words, scores.predicted_words), (7, 7, 7));
        assert_eq!(scores.sentence_f1(), 1.0);
    }
}
