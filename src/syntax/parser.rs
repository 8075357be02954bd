//! The dependency parser: greedy arc-hybrid transitions chosen by an averaged perceptron,
//! trained with a dynamic oracle and exploration (Goldberg and Nivre 2012, 2013).
//!
//! Features follow Zhang and Nivre (2011), adapted to arc-hybrid, where stack items have no head
//! yet and `s1` is the candidate head of `s0`: words and tags of `s0..s2` and `n0..n2`, their
//! pairs and triples, the distance between `s0` and `n0`, valencies, the leftmost and rightmost
//! children of `s0`, `s1` and `n0` with their labels, the second-outermost children, and the
//! label sets of `s0`'s and `n0`'s children. A label is part of the move, so one classifier picks
//! both the attachment and its UD relation.

use super::features::{finish, key, mix, WordKeys};
use super::perceptron::{best_class, Perceptron, Trainer};
use super::transition::{apply_tracking, GoldTree, Move, State, NONE};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// Atoms for a missing position and for the root.
const ABSENT: u64 = 1;
const ROOT: u64 = 3;
const TAG_ATOM: u64 = 16;

/// The trained parser.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Parser {
    pub(crate) model: Perceptron,
    pub(crate) n_labels: u16,
    /// The index of the `root` label.
    pub(crate) root: u16,
}

/// Options of parser training.
#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
pub struct ParserOptions {
    pub iterations: usize,
    /// From this iteration on (0-based), training follows the model's own moves …
    pub explore_from: usize,
    /// … with this probability, and the oracle's best move otherwise.
    pub explore_probability: f64,
    /// Averaged weights smaller than this are dropped from the model.
    pub prune: f32,
    pub seed: u64,
    /// Parsers trained side by side, each on its own order of the sentences (seeds `seed`,
    /// `seed + 1`, …); the model is the mean of their weights.
    #[serde(default = "one")]
    pub members: usize,
}

fn one() -> usize {
    1
}

impl Default for ParserOptions {
    fn default() -> ParserOptions {
        ParserOptions { iterations: 25, explore_from: 1, explore_probability: 0.9, prune: 1.0, seed: 11, members: 1 }
    }
}

/// What the parser reads of a sentence: word atoms, tag classes and their UPOS.
pub struct ParserInput<'a> {
    pub words: &'a [WordKeys],
    pub tags: &'a [u16],
    /// The UPOS index of every tag class.
    pub upos_of_tag: &'a [u8],
}

/// A sentence to learn from: the input and its gold tree (heads with the root as `n`).
pub struct GoldSentence<'a> {
    pub words: Vec<WordKeys>,
    pub tags: Vec<u16>,
    pub tree: GoldTree,
    pub upos_of_tag: &'a [u8],
}

/// Buffers reused from sentence to sentence.
#[derive(Default)]
pub struct ParserScratch {
    state: State,
    features: Vec<u64>,
    scores: Vec<f32>,
}

impl Parser {
    pub fn model(&self) -> &Perceptron {
        &self.model
    }

    /// Parses one sentence; afterwards `heads()` and `labels()` of the returned state hold the
    /// tree (the root is `n`).
    pub fn parse<'s>(&self, input: &ParserInput, scratch: &'s mut ParserScratch) -> &'s State {
        let n_labels = self.n_labels as usize;
        let ParserScratch { state, features, scores } = scratch;
        state.reset(input.words.len());
        scores.resize(self.model.n_classes(), 0.0);
        while !state.is_terminal() {
            extract(input, state, features);
            self.model.score(features, scores);
            let class = best_class(scores, |class| state.is_valid(Move::from_class(class, n_labels), self.root))
                .expect("a move is always valid before the end");
            state.apply(Move::from_class(class, n_labels));
        }
        state
    }
}

/// Trains a parser (its members on all cores); `report` hears each member's share of moves
/// that cost nothing, iteration by iteration: `(member, iteration, share)`.
pub fn train(
    sentences: &[GoldSentence],
    n_labels: usize,
    root: u16,
    options: &ParserOptions,
    report: impl Fn(usize, usize, f64) + Sync,
) -> Parser {
    let members: Vec<Trainer> = (0..options.members.max(1))
        .into_par_iter()
        .map(|member| {
            train_member(sentences, n_labels, root, options, options.seed.wrapping_add(member as u64), |iteration, share| {
                report(member, iteration, share)
            })
        })
        .collect();
    Parser { model: Trainer::mix(&members, options.prune), n_labels: n_labels as u16, root }
}

/// Trains one member: the perceptron over `sentences` in an order shuffled by `seed`.
fn train_member(
    sentences: &[GoldSentence],
    n_labels: usize,
    root: u16,
    options: &ParserOptions,
    seed: u64,
    report: impl Fn(usize, f64),
) -> Trainer {
    let n_classes = 1 + 2 * n_labels;
    let mut trainer = Trainer::new(n_classes);
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = fastrand::Rng::with_seed(seed);
    let (mut state, mut features, mut scores, mut on_stack) = (State::default(), Vec::new(), vec![0.0; n_classes], Vec::new());
    let mut costs = vec![0u32; n_classes];
    for iteration in 0..options.iterations {
        rng.shuffle(&mut order);
        let (mut right, mut total) = (0usize, 0usize);
        for &sentence_idx in &order {
            let sentence = &sentences[sentence_idx];
            let input = ParserInput { words: &sentence.words, tags: &sentence.tags, upos_of_tag: sentence.upos_of_tag };
            state.reset(sentence.words.len());
            on_stack.clear();
            on_stack.resize(sentence.words.len() + 1, false);
            while !state.is_terminal() {
                extract(&input, &state, &mut features);
                trainer.score(&features, &mut scores);
                for (class, cost) in costs.iter_mut().enumerate() {
                    let mv = Move::from_class(class, n_labels);
                    *cost = if state.is_valid(mv, root) { sentence.tree.cost(&state, &on_stack, mv) } else { u32::MAX };
                }
                let min_cost = costs.iter().copied().min().unwrap_or(0);
                let guess = best_class(&scores, |class| costs[class] != u32::MAX).expect("a valid move");
                let best = best_class(&scores, |class| costs[class] == min_cost).expect("a cheapest move");
                trainer.update(best, guess, &features);
                trainer.tick();
                right += usize::from(costs[guess] == min_cost);
                total += 1;
                let follow = if iteration >= options.explore_from && rng.f64() < options.explore_probability { guess } else { best };
                apply_tracking(&mut state, &mut on_stack, Move::from_class(follow, n_labels));
            }
        }
        report(iteration + 1, right as f64 / total.max(1) as f64);
    }
    trainer
}

/// The atoms of one position in the configuration.
#[derive(Clone, Copy)]
struct Slot {
    word: u64,
    tag: u64,
    upos: u64,
    word_tag: u64,
    label: u64,
}

const EMPTY: Slot = Slot { word: ABSENT, tag: ABSENT, upos: ABSENT, word_tag: ABSENT, label: ABSENT };

fn slot(input: &ParserInput, state: &State, word: u32) -> Slot {
    if word == NONE {
        return EMPTY;
    }
    if word == state.n {
        return Slot { word: ROOT, tag: ROOT, upos: ROOT, word_tag: ROOT, label: ABSENT };
    }
    let at = word as usize;
    let tag = TAG_ATOM + u64::from(input.tags[at]);
    let upos = TAG_ATOM + u64::from(input.upos_of_tag.get(input.tags[at] as usize).copied().unwrap_or(0));
    let label = if state.heads[at] == NONE { ABSENT } else { TAG_ATOM + u64::from(state.labels[at]) };
    let lower = input.words[at].lower;
    Slot { word: lower, tag, upos, word_tag: finish(mix(lower, tag)), label }
}

/// Writes the features of `state` into `out`.
fn extract(input: &ParserInput, state: &State, out: &mut Vec<u64>) {
    out.clear();
    let (s0w, s1w, s2w) = (state.stack_item(0), state.stack_item(1), state.stack_item(2));
    let n0w = state.buffer_item(0);
    let left = |word: u32, k: usize| if word == NONE { NONE } else { state.left[word as usize][k] };
    let right = |word: u32, k: usize| if word == NONE { NONE } else { state.right[word as usize][k] };
    let [s0, s1, s2, n0, n1, n2] = [s0w, s1w, s2w, n0w, state.buffer_item(1), state.buffer_item(2)].map(|word| slot(input, state, word));
    let [s0l, s0l2, s0r, s0r2, n0l, n0l2, s1r, s1l] =
        [left(s0w, 0), left(s0w, 1), right(s0w, 0), right(s0w, 1), left(n0w, 0), left(n0w, 1), right(s1w, 0), left(s1w, 0)]
            .map(|word| slot(input, state, word));
    let distance = |a: u32, b: u32| if a == NONE || b == NONE { 0 } else { u64::from(a.abs_diff(b).min(6)) + 1 };
    let d = distance(s0w, n0w);
    let d1 = distance(s1w, s0w);
    let count = |counts: &[u8], word: u32| if word == NONE { 0 } else { u64::from(counts[word as usize].min(5)) + 1 };
    let set = |sets: &[u64], word: u32| if word == NONE { 0 } else { sets[word as usize] };
    let (s0_vl, s0_vr, n0_vl, s1_vr) =
        (count(&state.n_left, s0w), count(&state.n_right, s0w), count(&state.n_left, n0w), count(&state.n_right, s1w));
    let (s0_sl, s0_sr, n0_sl) = (set(&state.left_labels, s0w), set(&state.right_labels, s0w), set(&state.left_labels, n0w));
    let depth = state.stack.len().min(3) as u64 + u64::from(n0w == state.n) * 8;
    let templates: [(u64, u64, u64); 88] = [
        // single positions
        (s0.word_tag, 0, 0),
        (s0.word, 0, 0),
        (s0.tag, 0, 0),
        (n0.word_tag, 0, 0),
        (n0.word, 0, 0),
        (n0.tag, 0, 0),
        (n1.word_tag, 0, 0),
        (n1.word, 0, 0),
        (n1.tag, 0, 0),
        (n2.word_tag, 0, 0),
        (n2.word, 0, 0),
        (n2.tag, 0, 0),
        (s1.word_tag, 0, 0),
        (s1.word, 0, 0),
        (s1.tag, 0, 0),
        (s2.word, 0, 0),
        (s2.tag, 0, 0),
        // pairs
        (s0.word_tag, n0.word_tag, 0),
        (s0.word_tag, n0.word, 0),
        (s0.word, n0.word_tag, 0),
        (s0.word_tag, n0.tag, 0),
        (s0.tag, n0.word_tag, 0),
        (s0.word, n0.word, 0),
        (s0.tag, n0.tag, 0),
        (n0.tag, n1.tag, 0),
        (s1.word_tag, s0.word_tag, 0),
        (s1.word, s0.word, 0),
        (s1.tag, s0.tag, 0),
        (s1.word_tag, s0.tag, 0),
        (s1.tag, s0.word_tag, 0),
        (s1.word, n0.word, 0),
        (s1.tag, n0.tag, 0),
        // triples
        (s1.tag, s0.tag, n0.tag),
        (n0.tag, n1.tag, n2.tag),
        (s0.tag, n0.tag, n1.tag),
        (s0.tag, s0l.tag, n0.tag),
        (s0.tag, s0r.tag, n0.tag),
        (s0.tag, n0.tag, n0l.tag),
        (s2.tag, s1.tag, s0.tag),
        (s1.tag, s1r.tag, s0.tag),
        (s1.tag, s0.tag, s0l.tag),
        (s1.tag, s0.tag, s0r.tag),
        (s0.word, n0.tag, n1.tag),
        (s0.tag, n0.word, n1.tag),
        // distances
        (s0.word, d, 0),
        (s0.tag, d, 0),
        (n0.word, d, 0),
        (n0.tag, d, 0),
        (s0.word, n0.word, d),
        (s0.tag, n0.tag, d),
        (s1.tag, s0.tag, d1),
        (s1.word, s0.word, d1),
        // valencies
        (s0.word, s0_vr, 0),
        (s0.tag, s0_vr, 0),
        (s0.word, s0_vl, 0),
        (s0.tag, s0_vl, 0),
        (n0.word, n0_vl, 0),
        (n0.tag, n0_vl, 0),
        (s1.tag, s1_vr, 0),
        // children and their labels
        (s0l.word, 0, 0),
        (s0l.tag, 0, 0),
        (s0l.label, 0, 0),
        (s0r.word, 0, 0),
        (s0r.tag, 0, 0),
        (s0r.label, 0, 0),
        (n0l.word, 0, 0),
        (n0l.tag, 0, 0),
        (n0l.label, 0, 0),
        (s1r.tag, s1r.label, 0),
        (s1l.tag, s1l.label, 0),
        (s0l2.word, 0, 0),
        (s0l2.tag, 0, 0),
        (s0l2.label, 0, 0),
        (s0r2.word, 0, 0),
        (s0r2.tag, 0, 0),
        (s0r2.label, 0, 0),
        (n0l2.word, n0l2.tag, n0l2.label),
        (s0.tag, s0l.tag, s0l2.tag),
        (s0.tag, s0r.tag, s0r2.tag),
        (n0.tag, n0l.tag, n0l2.tag),
        // label sets
        (s0.word, s0_sr, 0),
        (s0.tag, s0_sr, s0_sl),
        (s0.word, s0_sl, 0),
        (n0.word, n0_sl, 0),
        (n0.tag, n0_sl, 0),
        // universal tags and the shape of the configuration
        (s1.upos, s0.upos, n0.upos),
        (s0.upos, n0.upos, n1.upos),
        (depth, s0.tag, n0.tag),
    ];
    out.extend(templates.iter().enumerate().map(|(template, &(a, b, c))| key(template as u32 + 100, a, b, c)));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A toy grammar: determiners attach to the next noun, nouns to the verb, the verb is the root.
    #[test]
    fn learns_a_tiny_grammar_and_always_gives_a_tree() {
        // tags: 0 DET, 1 NOUN, 2 VERB; labels: 0 root, 1 det, 2 nsubj, 3 obj
        let upos_of_tag = [0u8, 1, 2];
        let make = |forms: &[&str], tags: &[u16], heads: &[u32], labels: &[u16]| GoldSentence {
            words: forms.iter().map(|form| WordKeys::of(form)).collect(),
            tags: tags.to_vec(),
            tree: GoldTree::new(heads.to_vec(), labels.to_vec()),
            upos_of_tag: &upos_of_tag,
        };
        let sentences = vec![
            make(&["the", "dog", "saw", "a", "cat"], &[0, 1, 2, 0, 1], &[1, 2, 5, 4, 2], &[1, 2, 0, 1, 3]),
            make(&["a", "cat", "chased", "the", "dog"], &[0, 1, 2, 0, 1], &[1, 2, 5, 4, 2], &[1, 2, 0, 1, 3]),
            make(&["dogs", "like", "cats"], &[1, 2, 1], &[1, 3, 1], &[2, 0, 3]),
        ];
        let options = ParserOptions { iterations: 10, prune: 0.0, ..ParserOptions::default() };
        let parser = train(&sentences, 4, 0, &options, |_, _, _| {});
        let words: Vec<WordKeys> = ["the", "cat", "saw", "a", "dog"].iter().map(|form| WordKeys::of(form)).collect();
        let tags = [0u16, 1, 2, 0, 1];
        let mut scratch = ParserScratch::default();
        let state = parser.parse(&ParserInput { words: &words, tags: &tags, upos_of_tag: &upos_of_tag }, &mut scratch);
        assert_eq!(&state.heads[..5], &[1, 2, 5, 4, 2]);
        assert_eq!(&state.labels[..5], &[1, 2, 0, 1, 3]);
        for n in [0usize, 1, 7] {
            let words = vec![WordKeys::of("x"); n];
            let tags = vec![1u16; n];
            let state = parser.parse(&ParserInput { words: &words, tags: &tags, upos_of_tag: &upos_of_tag }, &mut scratch);
            assert_eq!(state.heads[..n].iter().filter(|&&head| head == n as u32).count(), usize::from(n > 0), "one root for {n} words");
        }
    }
}
