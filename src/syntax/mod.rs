//! The syntax layer: UD part-of-speech tags, lemmas and labelled dependency trees, from models
//! trained by this crate on the treebanks in `../shared/corpora/`.
//!
//! - [`features`]: feature hashing; a word's strings are hashed once per sentence.
//! - [`perceptron`]: the averaged perceptron both classifiers use, and its packed form.
//! - [`tagger`]: greedy left-to-right tagging into joint UPOS/XPOS classes.
//! - [`lemma`]: lemmas from the training pairs and learned suffix rules.
//! - [`transition`]: the arc-hybrid system and its dynamic oracle; every output is a tree.
//! - [`parser`]: the greedy transition parser and its training with exploration.
//! - [`model`]: the model file (inventories plus the three components), carried by the binary.
//! - [`conllu`]: reading treebanks and writing parses.
//! - [`score`]: UPOS/XPOS/lemma accuracy, UAS and LAS, token and sentence F1.
//! - [`train`]: `newsgraph train`, deterministic training from CoNLL-U.
//! - [`augment`]: training copies with the title chains of news ("Kenyan President …").
//! - [`parse`]: `newsgraph parse`, articles or CoNLL-U in, CoNLL-U out.
//! - [`tree`]: one parsed sentence of a document, as relation extraction reads it.

pub mod augment;
pub mod conllu;
pub mod features;
pub mod lemma;
pub mod model;
pub mod parse;
pub mod parser;
pub mod perceptron;
pub mod score;
pub mod tagger;
pub mod train;
pub mod transition;
pub mod tree;

pub use model::{SentenceParse, SyntaxModel, SyntaxScratch};
