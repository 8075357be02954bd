//! Entities of one document: mentions resolved into one entity per
//! real-world thing (surnames to full names, acronyms to expansions,
//! demonyms to countries).

use crate::graph::EntityKind;
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
}

pub mod keys;
pub mod resolve;

pub use resolve::{resolve, CorpusPeople, Resolved};
