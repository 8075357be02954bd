//! Folding per-document analyses into one knowledge graph (to be written).

use super::KnowledgeGraph;
use crate::pipeline::DocumentAnalysis;

pub fn merge(_analyses: &[DocumentAnalysis], _cooccurrence: bool) -> KnowledgeGraph {
    KnowledgeGraph::default()
}
