//! The dependency tree of one sentence of a document, as relation extraction reads it: every
//! word a span into the document text with its UPOS, lemma, head and relation, and its
//! dependents found in O(1) (children kept in one array, grouped by head).

use super::{SentenceParse, SyntaxModel, SyntaxScratch};
use crate::segment::Token;
use crate::span::Span;
use std::borrow::Cow;

/// One parsed sentence. Word `i` is `tokens[i]` of the sentence.
#[derive(Clone, Debug, Default)]
pub struct DependencyTree<'t> {
    pub spans: Vec<Span>,
    pub upos: Vec<&'static str>,
    pub xpos: Vec<&'static str>,
    /// Lemmas as the model gives them (proper nouns keep their capitals).
    pub lemmas: Vec<Cow<'t, str>>,
    /// The head of every word, `None` for the root.
    pub heads: Vec<Option<u32>>,
    pub labels: Vec<&'static str>,
    /// Dependents grouped by head: those of word `h` are `children[child_start[h]..child_start[h + 1]]`, in word order.
    children: Vec<u32>,
    child_start: Vec<u32>,
}

/// Reusable buffers for parsing sentence after sentence (one per thread).
#[derive(Default)]
pub struct TreeScratch {
    syntax: SyntaxScratch,
    parse: SentenceParse,
}

impl<'t> DependencyTree<'t> {
    /// Tags, lemmatizes and parses the words `tokens` of `text` with the built-in model.
    pub fn parse(text: &'t str, tokens: &[Token], scratch: &mut TreeScratch) -> DependencyTree<'t> {
        Self::parse_with(SyntaxModel::builtin(), text, tokens, scratch)
    }

    /// The same with any model.
    pub fn parse_with(model: &'static SyntaxModel, text: &'t str, tokens: &[Token], scratch: &mut TreeScratch) -> DependencyTree<'t> {
        let forms: Vec<&'t str> = tokens.iter().map(|token| token.span.text(text)).collect();
        model.analyze(&forms, &mut scratch.syntax, &mut scratch.parse);
        let parse = &scratch.parse;
        let lemmas = forms.iter().zip(&parse.tags).map(|(form, &tag)| model.lemma(form, tag)).collect();
        let mut tree = DependencyTree {
            spans: tokens.iter().map(|token| token.span).collect(),
            upos: parse.tags.iter().map(|&tag| model.upos(tag)).collect(),
            xpos: parse.tags.iter().map(|&tag| model.xpos(tag)).collect(),
            lemmas,
            heads: parse.heads.clone(),
            labels: parse.labels.iter().map(|&label| model.label(label)).collect(),
            children: Vec::new(),
            child_start: Vec::new(),
        };
        tree.index_children();
        tree
    }

    /// A tree from given columns (for tests and for trees read from a treebank).
    pub fn from_columns(
        spans: Vec<Span>,
        upos: Vec<&'static str>,
        lemmas: Vec<Cow<'t, str>>,
        heads: Vec<Option<u32>>,
        labels: Vec<&'static str>,
    ) -> DependencyTree<'t> {
        let xpos = vec![""; spans.len()];
        let mut tree = DependencyTree { spans, upos, xpos, lemmas, heads, labels, children: Vec::new(), child_start: Vec::new() };
        tree.index_children();
        tree
    }

    fn index_children(&mut self) {
        let n = self.heads.len();
        let mut counts = vec![0u32; n + 1];
        for head in self.heads.iter().flatten() {
            counts[*head as usize + 1] += 1;
        }
        for idx in 1..=n {
            counts[idx] += counts[idx - 1];
        }
        self.child_start = counts.clone();
        self.children = vec![0; counts[n] as usize];
        for (word, head) in self.heads.iter().enumerate() {
            if let Some(head) = head {
                let slot = &mut counts[*head as usize];
                self.children[*slot as usize] = word as u32;
                *slot += 1;
            }
        }
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The dependents of `word`, in word order.
    pub fn children(&self, word: u32) -> &[u32] {
        let word = word as usize;
        &self.children[self.child_start[word] as usize..self.child_start[word + 1] as usize]
    }

    /// The dependents of `word` whose relation is `label` or a subtype of it (`obl` takes `obl:tmod`).
    pub fn children_labelled<'a>(&'a self, word: u32, label: &'a str) -> impl Iterator<Item = u32> + 'a {
        self.children(word).iter().copied().filter(move |&child| label_matches(self.labels[child as usize], label))
    }

    pub fn head(&self, word: u32) -> Option<u32> {
        self.heads[word as usize]
    }

    pub fn label(&self, word: u32) -> &'static str {
        self.labels[word as usize]
    }

    pub fn lemma(&self, word: u32) -> &str {
        &self.lemmas[word as usize]
    }

    /// Whether the lemma of `word` is one of `lemmas` (lowercase), ignoring case.
    pub fn lemma_in<S: AsRef<str>>(&self, word: u32, lemmas: &[S]) -> bool {
        let lemma = self.lemma(word);
        lemmas.iter().any(|wanted| wanted.as_ref().eq_ignore_ascii_case(lemma))
    }

    pub fn upos(&self, word: u32) -> &'static str {
        self.upos[word as usize]
    }

    /// The word whose span contains byte `offset`.
    pub fn word_at(&self, offset: u32) -> Option<u32> {
        let idx = self.spans.partition_point(|span| span.end <= offset);
        (idx < self.spans.len() && self.spans[idx].start <= offset).then_some(idx as u32)
    }

    /// The words that overlap `span`, as a range of word indices.
    pub fn words_within(&self, span: Span) -> std::ops::Range<usize> {
        let first = self.spans.partition_point(|s| s.end <= span.start);
        let last = self.spans.partition_point(|s| s.start < span.end);
        first..last.max(first)
    }

    /// The highest word inside `span` (the one whose head lies outside it), the syntactic head of a phrase.
    pub fn head_within(&self, span: Span) -> Option<u32> {
        self.words_within(span)
            .map(|idx| idx as u32)
            .find(|&word| self.head(word).is_none_or(|head| !span.contains(self.spans[head as usize])))
    }
}

/// Whether a relation `label` is `wanted` or one of its subtypes (`nmod:poss` is an `nmod`).
pub fn label_matches(label: &str, wanted: &str) -> bool {
    label == wanted || label.strip_prefix(wanted).is_some_and(|rest| rest.starts_with(':'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::tokenize;

    #[test]
    fn children_are_grouped_by_head() {
        let text = "Ruto met Blinken in Nairobi.";
        let mut tokens = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut tokens);
        let tree = DependencyTree::parse(text, &tokens, &mut TreeScratch::default());
        assert_eq!(tree.len(), 6);
        let met = tree.word_at(5).unwrap();
        assert_eq!(tree.lemma(met), "meet");
        assert_eq!(tree.label(met), "root");
        let labels: Vec<&str> = tree.children(met).iter().map(|&c| tree.label(c)).collect();
        assert_eq!(labels, ["nsubj", "obj", "obl", "punct"]);
        assert_eq!(tree.children_labelled(met, "obl").count(), 1);
        let nairobi = tree.word_at(20).unwrap();
        assert_eq!(tree.children_labelled(nairobi, "case").map(|c| tree.lemma(c)).collect::<Vec<_>>(), ["in"]);
        assert_eq!(tree.head_within(Span::new(0, 16)), Some(met));
    }

    #[test]
    fn label_subtypes() {
        assert!(label_matches("obl:tmod", "obl"));
        assert!(label_matches("obl", "obl"));
        assert!(!label_matches("obl", "obl:agent"));
        assert!(!label_matches("oblique", "obl"));
    }
}
