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

/// CO_OCCURS candidates: every pair of distinct entities named in one sentence.
pub fn cooccurrence(ctx: &DocContext) -> Vec<RelationCandidate> {
    let mut by_sentence: BTreeMap<u32, Vec<(usize, Span)>> = BTreeMap::new();
    for (idx, mention) in ctx.mentions.iter().enumerate() {
        by_sentence.entry(mention.sentence).or_default().push((ctx.mention_entity[idx], mention.span));
    }
    let mut found = Vec::new();
    for (sentence, entities) in by_sentence {
        let mut seen: Vec<(usize, Span)> = Vec::new();
        for (entity, span) in entities {
            if !seen.iter().any(|(e, _)| *e == entity) {
                seen.push((entity, span));
            }
        }
        for (i, &(a, span_a)) in seen.iter().enumerate() {
            for &(b, _) in &seen[i + 1..] {
                found.push(RelationCandidate {
                    kind: RelationKind::CoOccurs,
                    source: a,
                    target: b,
                    attributes: BTreeMap::new(),
                    sentence,
                    trigger: span_a,
                    rule: "co_occurs.sentence",
                    confidence: 0.1,
                });
            }
        }
    }
    found
}
