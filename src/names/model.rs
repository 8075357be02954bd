//! The names model file and the tagging of a document with it.
//!
//! The file is framed as the syntax model's is ([`crate::syntax::model::encode_file`]): the magic
//! `NGNAMES1`, a format version, then the weights and the part-of-speech lexicon in postcard. The
//! build carries `models/names.bin` ([`NamesModel::builtin`], decoded once on first use).
//!
//! Tagging is greedy, left to right, one class per word among those that keep the BILOU
//! sequence well formed (a name opens only where the next word may continue it). A document is
//! tagged twice: the first pass without document features; the second gives every capitalised
//! word the labels the first pass gave the same word elsewhere in the document (Ratinov and
//! Roth's non-local features), and re-tags only the sentences where that says something.

use super::features::{features, GazetteerHit, NameWord, PosLookup, SentenceWords, WordLists, NO_DOCUMENT, UNKNOWN_POS};
use super::{decode, is_open, may_follow, unlabel, NameSpan, N_LABELS, OUTSIDE};
use crate::span::Span;
use crate::syntax::features::{mix, WordKeys};
use crate::syntax::model::{decode_file, encode_file};
use crate::syntax::perceptron::{best_class, Perceptron};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

const MAGIC: &[u8; 8] = b"NGNAMES1";
/// Bumped whenever the features or the file layout change; older files are refused.
pub const FORMAT_VERSION: u32 = 3;

/// The model shipped in the binary.
static BUILTIN_BYTES: &[u8] = include_bytes!("../../models/names.bin");

/// The trained recognizer.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct NamesModel {
    pub weights: Perceptron,
    /// The UPOS names the lexicon's indices stand for.
    pub pos_names: Vec<String>,
    /// Form hash (case kept) → UPOS index, sorted by hash.
    pub pos_forms: Vec<(u64, u8)>,
    /// Lowercase form hash → UPOS index, sorted by hash.
    pub pos_lower: Vec<(u64, u8)>,
    /// Taken from the score of the outside class before a capitalised word's class is chosen
    /// (averaged-perceptron units): a label prior that trades precision for recall, chosen on
    /// the `train-dev` documents held out from training (`newsgraph train --names
    /// --names-dev-every`).
    pub outside_bias: f32,
    #[serde(skip)]
    forms_index: FxHashMap<u64, u8>,
    #[serde(skip)]
    lower_index: FxHashMap<u64, u8>,
}

/// One sentence to tag: token spans into the text, and the gazetteer hits in it.
#[derive(Clone, Copy, Debug)]
pub struct SentenceInput<'a> {
    pub tokens: &'a [Span],
    pub hits: &'a [GazetteerHit],
}

/// Buffers reused from document to document.
#[derive(Default)]
pub struct NamesScratch {
    sentences: Vec<SentenceWords>,
    labels: Vec<Vec<u16>>,
    features: Vec<u64>,
    scores: Vec<f32>,
    counts: FxHashMap<u64, [u32; 4]>,
    margins: Vec<Vec<f32>>,
    names: Vec<NameSpan>,
}

impl PosLookup for NamesModel {
    fn pos(&self, keys: &WordKeys) -> u64 {
        if let Some(&pos) = self.forms_index.get(&keys.form) {
            mix(0x200, u64::from(pos))
        } else if let Some(&pos) = self.lower_index.get(&keys.lower) {
            mix(0x300, u64::from(pos))
        } else {
            UNKNOWN_POS
        }
    }
}

impl NamesModel {
    /// Assembles a model from its parts and builds the lookup tables.
    pub fn new(weights: Perceptron, pos_names: Vec<String>, pos_forms: Vec<(u64, u8)>, pos_lower: Vec<(u64, u8)>) -> NamesModel {
        let mut model = NamesModel {
            weights,
            pos_names,
            pos_forms,
            pos_lower,
            outside_bias: 0.0,
            forms_index: FxHashMap::default(),
            lower_index: FxHashMap::default(),
        };
        model.build_index();
        model
    }

    fn build_index(&mut self) {
        self.forms_index = self.pos_forms.iter().copied().collect();
        self.lower_index = self.pos_lower.iter().copied().collect();
    }

    /// Whether the treebanks know `form` lowercased, and most often as something other than a
    /// proper noun ("Water" at the start of a sentence is the noun "water").
    pub fn is_common_word(&self, form: &str) -> bool {
        let lower = crate::syntax::features::hash_str(form, true);
        self.lower_index.get(&lower).is_some_and(|&pos| !matches!(self.pos_names[usize::from(pos)].as_str(), "PROPN" | "X"))
    }

    /// Whether the treebanks know `form` lowercased, and most often as a function word: an
    /// adposition, auxiliary, conjunction, determiner, particle or pronoun ("For", "The", "Is").
    /// Written with a capital inside a run of capitalised words, such a word marks title case.
    pub fn is_function_word(&self, form: &str) -> bool {
        let lower = crate::syntax::features::hash_str(form, true);
        self.lower_index.get(&lower).is_some_and(|&pos| {
            matches!(self.pos_names[usize::from(pos)].as_str(), "ADP" | "AUX" | "CCONJ" | "DET" | "PART" | "PRON" | "SCONJ")
        })
    }

    /// The model carried by the binary, decoded on first use.
    pub fn builtin() -> &'static NamesModel {
        static MODEL: OnceLock<NamesModel> = OnceLock::new();
        MODEL.get_or_init(|| NamesModel::from_bytes(BUILTIN_BYTES).expect("the built-in names model is checked by the tests"))
    }

    /// Decodes a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<NamesModel, String> {
        let mut model: NamesModel = decode_file(bytes, MAGIC, FORMAT_VERSION, "names", "newsgraph train --names")?;
        if model.weights.n_classes() != N_LABELS {
            return Err(format!("names model has {} classes, expected {N_LABELS}", model.weights.n_classes()));
        }
        if model.pos_forms.iter().chain(&model.pos_lower).any(|&(_, pos)| usize::from(pos) >= model.pos_names.len()) {
            return Err("names model: a lexicon entry names an unknown part of speech".into());
        }
        model.build_index();
        Ok(model)
    }

    /// Encodes the model as a model file.
    pub fn to_bytes(&self) -> Vec<u8> {
        encode_file(MAGIC, FORMAT_VERSION, self)
    }

    /// Tags a document (its sentences in order, spans into `text`): `out[s]` gets the names of
    /// sentence `s`, as word ranges, each with its confidence: the smallest margin, in
    /// averaged-perceptron units, by which one of its words' classes beat the next best allowed.
    pub fn tag_document(&self, text: &str, sentences: &[SentenceInput], scratch: &mut NamesScratch, out: &mut Vec<Vec<(NameSpan, f32)>>) {
        let lists = WordLists::builtin();
        let NamesScratch { sentences: words, labels, features: buffer, scores, counts, margins, names } = scratch;
        scores.resize(N_LABELS, 0.0);
        words.resize_with(sentences.len(), SentenceWords::default);
        labels.resize_with(sentences.len(), Vec::new);
        margins.resize_with(sentences.len(), Vec::new);
        let scale = self.weights.scale();
        let bias = if scale > 0.0 { self.outside_bias / scale } else { 0.0 };
        let current = std::cell::RefCell::new(Vec::new());
        let mut choose = |features: &[u64], allowed: &dyn Fn(usize) -> bool, idx: usize| {
            self.weights.score(features, scores);
            scores[usize::from(OUTSIDE)] -= bias;
            let best = best_class(scores, allowed).unwrap_or(OUTSIDE as usize);
            let second = best_class(scores, |class| class != best && allowed(class));
            let margin = second.map_or(f32::INFINITY, |second| (scores[best] - scores[second]) * scale);
            current.borrow_mut().push((idx, margin));
            best
        };
        let mut run = |sentence: &SentenceInput, words: &mut SentenceWords, labels: &mut Vec<u16>, margins: &mut Vec<f32>| {
            let source = WordSource { text, tokens: sentence.tokens, pos: self, lists };
            current.borrow_mut().clear();
            tag_sentence(words, Some(&source), labels, buffer, &mut choose);
            margins.clear();
            margins.resize(labels.len(), f32::INFINITY);
            for &(at, margin) in current.borrow().iter() {
                margins[at] = margin;
            }
        };
        for (idx, sentence) in sentences.iter().enumerate() {
            words[idx].prepare(text, sentence.tokens, sentence.hits, self, lists);
            run(sentence, &mut words[idx], &mut labels[idx], &mut margins[idx]);
        }
        let retag = document_atoms(&mut words[..sentences.len()], &labels[..sentences.len()], counts);
        for (idx, sentence) in sentences.iter().enumerate() {
            if retag[idx] {
                run(sentence, &mut words[idx], &mut labels[idx], &mut margins[idx]);
            }
        }
        out.resize_with(sentences.len(), Vec::new);
        out.truncate(sentences.len());
        for ((found, classes), margins) in out.iter_mut().zip(labels.iter()).zip(margins.iter()) {
            decode(classes, names);
            found.clear();
            found.extend(names.iter().map(|name| {
                let confidence = margins[name.start as usize..name.end as usize].iter().copied().fold(f32::INFINITY, f32::min);
                (*name, confidence)
            }));
        }
    }
}

/// Where the atoms of words not yet computed come from.
pub(crate) struct WordSource<'a> {
    pub text: &'a str,
    pub tokens: &'a [Span],
    pub pos: &'a dyn PosLookup,
    pub lists: &'a WordLists,
}

/// Picks a word's class: `(features, allowed, word) -> class`.
pub(crate) type Choose<'a> = dyn FnMut(&[u64], &dyn Fn(usize) -> bool, usize) -> usize + 'a;

/// Tags one sentence greedily into `out`. `choose(features, allowed, word)` picks the class of a
/// word among the allowed ones (and, in training, learns from it). Words without a capital are
/// outside a name unless a name is open before them; a name may open only where the next word
/// can continue it.
pub(crate) fn tag_sentence(
    sentence: &mut SentenceWords,
    source: Option<&WordSource>,
    out: &mut Vec<u16>,
    buffer: &mut Vec<u64>,
    choose: &mut Choose,
) {
    out.clear();
    let n = sentence.words.len();
    for idx in 0..n {
        let previous = out.last().copied().unwrap_or(OUTSIDE);
        if !sentence.words[idx].candidate && !is_open(previous) {
            out.push(OUTSIDE);
            continue;
        }
        if let Some(source) = source {
            for near in idx.saturating_sub(2)..(idx + 3).min(n) {
                sentence.fill(near, source.text, source.tokens, source.pos, source.lists);
            }
        }
        let next: Option<&NameWord> = sentence.words.get(idx + 1);
        let continues = next.is_some_and(|word| word.candidate || word.connector);
        let allowed = |class: usize| may_follow(previous, class as u16) && (continues || !is_open(class as u16));
        features(sentence, idx, out, buffer);
        out.push(choose(buffer, &allowed, idx) as u16);
    }
}

/// The document column of a class: 0 outside, then one per name type.
fn column(class: u16) -> usize {
    unlabel(class).map_or(0, |(kind, _)| kind as usize + 1)
}

/// Sets every capitalised word's document atom from the classes the other occurrences of the
/// same lowercase word got in `labels`; returns which sentences have a word whose other
/// occurrences mostly got another label than it did (only those are worth tagging again).
pub(crate) fn document_atoms(sentences: &mut [SentenceWords], labels: &[Vec<u16>], counts: &mut FxHashMap<u64, [u32; 4]>) -> Vec<bool> {
    counts.clear();
    for (sentence, classes) in sentences.iter().zip(labels) {
        for (word, &class) in sentence.words.iter().zip(classes) {
            if word.candidate && word.ready {
                counts.entry(word.keys.lower).or_default()[column(class)] += 1;
            }
        }
    }
    let mut retag = vec![false; sentences.len()];
    for ((sentence, classes), retag) in sentences.iter_mut().zip(labels).zip(&mut retag) {
        for (word, &class) in sentence.words.iter_mut().zip(classes) {
            word.document = NO_DOCUMENT;
            if !(word.candidate && word.ready) {
                continue;
            }
            let mut others = counts.get(&word.keys.lower).copied().unwrap_or_default();
            others[column(class)] -= 1;
            let total: u32 = others.iter().sum();
            if total == 0 {
                continue;
            }
            let (best, &count) = others.iter().enumerate().max_by_key(|&(idx, &count)| (count, std::cmp::Reverse(idx))).expect("four");
            word.document = mix(mix(0xd0c, best as u64), u64::from(count == total) * 2 + u64::from(total >= 2));
            *retag |= best != column(class);
        }
    }
    retag
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::{label, NameType, Position};

    #[test]
    fn the_builtin_model_loads_and_refuses_bad_files() {
        let model = NamesModel::builtin();
        assert_eq!(model.weights.n_classes(), N_LABELS);
        assert!(NamesModel::from_bytes(b"").unwrap_err().contains("magic"));
        assert!(NamesModel::from_bytes(b"NGNAMES1\x09\x00\x00\x00").unwrap_err().contains("format 9"));
        let mut bytes = model.to_bytes();
        bytes.truncate(bytes.len() / 2);
        assert!(NamesModel::from_bytes(&bytes).unwrap_err().contains("corrupt"));
    }

    #[test]
    fn common_words_come_from_the_lexicon() {
        let model = NamesModel::builtin();
        assert!(model.is_common_word("Water"));
        assert!(model.is_common_word("The"));
        assert!(!model.is_common_word("Kenya"));
        assert!(!model.is_common_word("Zqxlorp"));
        for (form, expected) in
            [("For", true), ("the", true), ("Without", true), ("Is", true), ("Period", false), ("Ends", false), ("Kenya", false)]
        {
            assert_eq!(model.is_function_word(form), expected, "{form}");
        }
    }

    #[test]
    fn document_atoms_count_the_other_occurrences() {
        let word =
            |lower: u64| NameWord { keys: WordKeys { lower, ..WordKeys::default() }, candidate: true, ready: true, ..NameWord::default() };
        let mut sentences =
            vec![SentenceWords { words: vec![word(1), word(2)], caps: false }, SentenceWords { words: vec![word(1)], caps: false }];
        let per = label(NameType::Person, Position::Unit);
        let labels = vec![vec![per, OUTSIDE], vec![OUTSIDE]];
        let retag = document_atoms(&mut sentences, &labels, &mut FxHashMap::default());
        assert_eq!(retag, vec![true, true], "the two occurrences of word 1 disagree");
        assert_eq!(sentences[0].words[1].document, NO_DOCUMENT, "seen once");
        assert_ne!(sentences[0].words[0].document, sentences[1].words[0].document, "each sees the other's label");
    }
}
