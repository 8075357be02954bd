//! The `cytoscape` writer (to be written).

use crate::graph::KnowledgeGraph;

pub fn to_cytoscape(_graph: &KnowledgeGraph) -> String {
    String::new()
}
