//! Typed relations between the entities of one document, each with the
//! sentence and trigger that state it. One extractor per relation kind, each
//! in its own file with its trigger words in `data/relations/<kind>.toml`.

use crate::graph::RelationKind;
use crate::pipeline::DocContext;
use crate::span::Span;
use std::collections::BTreeMap;

/// A relation found in one document, between two of its local entities.
#[derive(Clone, Debug, PartialEq)]
pub struct RelationCandidate {
    pub kind: RelationKind,
    /// Index into `DocContext::entities`.
    pub source: usize,
    pub target: usize,
    pub attributes: BTreeMap<String, String>,
    /// Index of the sentence that states it.
    pub sentence: u32,
    pub trigger: Span,
    /// The rule that produced it, `<extractor>.<rule>`.
    pub rule: &'static str,
    pub confidence: f32,
}

/// Runs every extractor over one document.
pub fn extract(_ctx: &DocContext) -> Vec<RelationCandidate> {
    Vec::new()
}
