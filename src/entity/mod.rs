//! Entities of one document: mentions resolved into one entity per
//! real-world thing (surnames to full names, acronyms to expansions,
//! demonyms to countries).

use crate::kinds::EntityKind;
use std::collections::BTreeSet;

/// One entity of one document.
#[derive(Clone, Debug, PartialEq)]
pub struct LocalEntity {
    pub kind: EntityKind,
    /// The canonical name: the gazetteer name, or the longest full form.
    pub name: String,
    /// Every surface form that referred to it in this document.
    pub aliases: BTreeSet<String>,
    /// Indices into the document's mentions, in text order.
    pub mentions: Vec<usize>,
    /// Set when the document only describes the entity ("the resolution"):
    /// it has no name or mentions here, and the corpus merge finds it.
    pub reference: Option<Reference>,
}

/// What a description stands for when the document names no such entity.
/// Local entity indices point into the same document's entities.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reference {
    /// "the resolution", "a draft resolution": the named resolution of the
    /// corpus adopted (by `body`, when known) close to the document's date,
    /// or on `date` when the document gives one.
    Resolution { body: Option<usize>, date: Option<String> },
    /// "the mission", "the Kenya-led force": the mission or force of the
    /// corpus that `leader` leads.
    Mission { leader: usize },
}

pub mod keys;
pub mod resolve;

pub use resolve::{resolve, CorpusPeople, Resolved};
