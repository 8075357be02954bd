//! The part-of-speech tagger: a greedy left-to-right averaged perceptron predicting one joint
//! class per word, its UPOS and XPOS together ("PROPN|NNP", "SCONJ|IN").
//!
//! Features (Ratnaparkhi 1996, Collins 2002, as in the "averaged perceptron tagger" lineage): the
//! word lowercased and as written, suffixes of 1–4 and prefixes of 1–3 characters, its shape and
//! flags, the two previous predicted classes, the words, suffixes and shapes of two neighbours on
//! each side, and the *ambiguity class* of the word and of the two after it (the set of classes
//! the training data gave a frequent word), which stands in for the classes not yet predicted on
//! the right. Frequent words that the training data always tags one way skip the
//! classifier (a tag dictionary), which is both faster and as accurate.

use super::features::{key, WordKeys};
use super::perceptron::{best_class, Perceptron, Trainer};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// Atoms that stand for a missing neighbour.
const BEFORE_START: u64 = 1;
const AFTER_END: u64 = 2;
/// Class atoms start here, so they never equal the sentinels.
const CLASS_ATOM: u64 = 16;
/// The ambiguity class of a word the training data saw too rarely.
const UNKNOWN_WORD: u64 = 3;

/// The trained tagger.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Tagger {
    pub(crate) model: Perceptron,
    /// Case-sensitive form hash → the class it always has (frequent, unambiguous words).
    pub(crate) dictionary: Vec<(u64, u16)>,
    /// Lowercased form hash → hash of the set of classes it takes (frequent words).
    pub(crate) ambiguity: Vec<(u64, u64)>,
    #[serde(skip)]
    dictionary_index: FxHashMap<u64, u16>,
    #[serde(skip)]
    ambiguity_index: FxHashMap<u64, u64>,
}

/// Options of tagger training.
#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
pub struct TaggerOptions {
    pub iterations: usize,
    /// A word gets an ambiguity class when seen this often.
    pub ambiguity_min_count: u32,
    /// A word enters the tag dictionary when seen this often …
    pub dictionary_min_count: u32,
    /// … with this share of its occurrences in one class.
    pub dictionary_min_share: f64,
    /// Averaged weights smaller than this are dropped from the model.
    pub prune: f32,
    pub seed: u64,
}

impl Default for TaggerOptions {
    fn default() -> TaggerOptions {
        TaggerOptions { iterations: 8, ambiguity_min_count: 5, dictionary_min_count: 20, dictionary_min_share: 0.995, prune: 0.5, seed: 7 }
    }
}

/// A sentence to learn from: word forms and their gold classes.
pub struct TaggedSentence<'a> {
    pub forms: Vec<&'a str>,
    pub classes: Vec<u16>,
}

impl Tagger {
    /// Rebuilds the lookup tables after loading.
    pub fn build_index(&mut self) {
        self.dictionary_index = self.dictionary.iter().copied().collect();
        self.ambiguity_index = self.ambiguity.iter().copied().collect();
    }

    /// The ambiguity class atom of every word (`UNKNOWN_WORD` for rare ones).
    fn ambiguity_atoms(&self, words: &[WordKeys], out: &mut Vec<u64>) {
        out.clear();
        out.extend(words.iter().map(|word| self.ambiguity_index.get(&word.lower).copied().unwrap_or(UNKNOWN_WORD)));
    }

    pub fn model(&self) -> &Perceptron {
        &self.model
    }

    /// Tags one sentence: `out[i]` is the class of `words[i]`.
    pub fn tag(&self, words: &[WordKeys], scratch: &mut TaggerScratch, out: &mut Vec<u16>) {
        out.clear();
        scratch.scores.resize(self.model.n_classes(), 0.0);
        self.ambiguity_atoms(words, &mut scratch.ambiguity);
        for idx in 0..words.len() {
            if let Some(&class) = self.dictionary_index.get(&words[idx].form) {
                out.push(class);
                continue;
            }
            features(words, &scratch.ambiguity, idx, out, &mut scratch.features);
            self.model.score(&scratch.features, &mut scratch.scores);
            out.push(best_class(&scratch.scores, |_| true).unwrap_or(0) as u16);
        }
    }
}

/// Buffers reused from sentence to sentence.
#[derive(Default)]
pub struct TaggerScratch {
    features: Vec<u64>,
    ambiguity: Vec<u64>,
    scores: Vec<f32>,
}

/// The features of word `idx`, given the classes already predicted for the words before it.
pub fn features(words: &[WordKeys], ambiguity: &[u64], idx: usize, previous: &[u16], out: &mut Vec<u64>) {
    out.clear();
    let word = &words[idx];
    let at = |offset: isize| -> Option<&WordKeys> { idx.checked_add_signed(offset).and_then(|at| words.get(at)) };
    let lower = |offset: isize| at(offset).map_or(if offset < 0 { BEFORE_START } else { AFTER_END }, |w| w.lower);
    let suffix3 = |offset: isize| at(offset).map_or(if offset < 0 { BEFORE_START } else { AFTER_END }, |w| w.suffix[2]);
    let shape = |offset: isize| at(offset).map_or(if offset < 0 { BEFORE_START } else { AFTER_END }, |w| w.shape);
    let class = |back: usize| -> u64 { idx.checked_sub(back).map_or(BEFORE_START, |at| CLASS_ATOM + u64::from(previous[at])) };
    let (p1, p2) = (class(1), class(2));
    let ambiguous = |offset: usize| ambiguity.get(idx + offset).copied().unwrap_or(AFTER_END);
    out.extend_from_slice(&[
        key(0, 0, 0, 0),
        key(1, word.lower, 0, 0),
        key(2, word.form, 0, 0),
        key(3, word.suffix[0], 0, 0),
        key(4, word.suffix[1], 0, 0),
        key(5, word.suffix[2], 0, 0),
        key(6, word.suffix[3], 0, 0),
        key(7, word.prefix[0], 0, 0),
        key(8, word.prefix[1], 0, 0),
        key(9, word.prefix[2], 0, 0),
        key(10, word.shape, 0, 0),
        key(11, u64::from(word.flags), 0, 0),
        key(12, p1, 0, 0),
        key(13, p2, 0, 0),
        key(14, p1, p2, 0),
        key(15, p1, word.lower, 0),
        key(16, lower(-1), 0, 0),
        key(17, suffix3(-1), 0, 0),
        key(18, lower(-2), 0, 0),
        key(19, lower(1), 0, 0),
        key(20, suffix3(1), 0, 0),
        key(21, lower(2), 0, 0),
        key(22, shape(1), 0, 0),
        key(23, shape(-1), 0, 0),
        key(24, lower(-1), word.lower, 0),
        key(25, word.lower, lower(1), 0),
        key(26, u64::from(idx == 0), word.shape, u64::from(word.flags)),
        key(27, p1, word.suffix[2], 0),
        key(28, at(1).map_or(AFTER_END, |w| u64::from(w.flags)), 0, 0),
        key(29, lower(1), lower(2), 0),
        key(30, lower(-1), lower(1), 0),
        key(31, p1, lower(1), 0),
        key(32, ambiguous(0), 0, 0),
        key(33, ambiguous(1), 0, 0),
        key(34, ambiguous(2), 0, 0),
        key(35, ambiguous(0), ambiguous(1), 0),
        key(36, p1, ambiguous(0), ambiguous(1)),
        key(37, word.suffix[2], ambiguous(1), 0),
    ]);
}

/// Trains a tagger on `sentences` (`n_classes` classes); `report` hears about each iteration.
pub fn train(sentences: &[TaggedSentence], n_classes: usize, options: &TaggerOptions, mut report: impl FnMut(usize, f64)) -> Tagger {
    let dictionary = build_dictionary(sentences, options);
    let ambiguity = build_ambiguity(sentences, options);
    let mut tagger = Tagger {
        model: Trainer::new(0).average(0.0),
        dictionary,
        ambiguity,
        dictionary_index: FxHashMap::default(),
        ambiguity_index: FxHashMap::default(),
    };
    tagger.build_index();
    let keyed: Vec<Vec<WordKeys>> =
        sentences.iter().map(|sentence| sentence.forms.iter().map(|form| WordKeys::of(form)).collect()).collect();
    let mut trainer = Trainer::new(n_classes);
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = fastrand::Rng::with_seed(options.seed);
    let (mut feature_keys, mut scores, mut predicted, mut ambiguity) = (Vec::new(), vec![0.0; n_classes], Vec::new(), Vec::new());
    for iteration in 0..options.iterations {
        rng.shuffle(&mut order);
        let (mut correct, mut total) = (0usize, 0usize);
        for &sentence_idx in &order {
            let (words, gold) = (&keyed[sentence_idx], &sentences[sentence_idx].classes);
            predicted.clear();
            tagger.ambiguity_atoms(words, &mut ambiguity);
            for idx in 0..words.len() {
                let guess = match tagger.dictionary_index.get(&words[idx].form) {
                    Some(&class) => class as usize,
                    None => {
                        features(words, &ambiguity, idx, &predicted, &mut feature_keys);
                        trainer.score(&feature_keys, &mut scores);
                        let guess = best_class(&scores, |_| true).unwrap_or(0);
                        trainer.update(gold[idx] as usize, guess, &feature_keys);
                        trainer.tick();
                        guess
                    }
                };
                correct += usize::from(guess == gold[idx] as usize);
                total += 1;
                predicted.push(guess as u16);
            }
        }
        report(iteration + 1, correct as f64 / total.max(1) as f64);
    }
    tagger.model = trainer.average(options.prune);
    tagger
}

/// Frequent words that (nearly) always take one class, sorted by hash.
fn build_dictionary(sentences: &[TaggedSentence], options: &TaggerOptions) -> Vec<(u64, u16)> {
    let mut counts: FxHashMap<u64, FxHashMap<u16, u32>> = FxHashMap::default();
    for sentence in sentences {
        for (form, &class) in sentence.forms.iter().zip(&sentence.classes) {
            *counts.entry(super::features::hash_str(form, false)).or_default().entry(class).or_default() += 1;
        }
    }
    let mut dictionary: Vec<(u64, u16)> = counts
        .into_iter()
        .filter_map(|(form, classes)| {
            let total: u32 = classes.values().sum();
            let (&class, &count) = classes.iter().max_by_key(|&(&class, &count)| (count, std::cmp::Reverse(class)))?;
            (total >= options.dictionary_min_count && f64::from(count) / f64::from(total) >= options.dictionary_min_share)
                .then_some((form, class))
        })
        .collect();
    dictionary.sort_unstable();
    dictionary
}

/// Frequent words (by lowercased form) and the hash of the set of classes each takes, sorted.
fn build_ambiguity(sentences: &[TaggedSentence], options: &TaggerOptions) -> Vec<(u64, u64)> {
    let mut classes: FxHashMap<u64, (u32, std::collections::BTreeSet<u16>)> = FxHashMap::default();
    for sentence in sentences {
        for (form, &class) in sentence.forms.iter().zip(&sentence.classes) {
            let entry = classes.entry(super::features::hash_str(form, true)).or_default();
            entry.0 += 1;
            entry.1.insert(class);
        }
    }
    let mut ambiguity: Vec<(u64, u64)> = classes
        .into_iter()
        .filter(|(_, (count, _))| *count >= options.ambiguity_min_count)
        .map(|(form, (_, set))| {
            (form, super::features::finish(set.iter().fold(0x33, |state, &class| super::features::mix(state, u64::from(class)))))
        })
        .collect();
    ambiguity.sort_unstable();
    ambiguity
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A toy language where the class follows from the word and the previous class.
    #[test]
    fn learns_a_tiny_language() {
        let text = [("the dog runs", [0u16, 1, 2]), ("a cat sleeps", [0, 1, 2]), ("the cat runs", [0, 1, 2]), ("dogs run", [1, 2, 9])];
        let sentences: Vec<TaggedSentence> = text
            .iter()
            .map(|(words, classes)| {
                let forms: Vec<&str> = words.split(' ').collect();
                TaggedSentence { classes: classes[..forms.len()].to_vec(), forms }
            })
            .collect();
        let options = TaggerOptions { iterations: 10, dictionary_min_count: 100, prune: 0.0, ..TaggerOptions::default() };
        let tagger = train(&sentences, 3, &options, |_, _| {});
        let words: Vec<WordKeys> = ["a", "dog", "sleeps"].iter().map(|form| WordKeys::of(form)).collect();
        let mut out = Vec::new();
        tagger.tag(&words, &mut TaggerScratch::default(), &mut out);
        assert_eq!(out, vec![0, 1, 2]);
    }

    #[test]
    fn features_are_the_same_for_the_same_context() {
        let words: Vec<WordKeys> = ["Kenya", "sent", "troops"].iter().map(|form| WordKeys::of(form)).collect();
        let (mut first, mut second) = (Vec::new(), Vec::new());
        let ambiguity = [5, 6, 7];
        features(&words, &ambiguity, 1, &[3], &mut first);
        features(&words, &ambiguity, 1, &[3], &mut second);
        assert_eq!(first, second);
        features(&words, &ambiguity, 1, &[4], &mut second);
        assert_ne!(first, second, "the previous class is a feature");
    }
}
