//! The `cypher` writer (to be written).

use crate::graph::KnowledgeGraph;

pub fn to_cypher(_graph: &KnowledgeGraph) -> String {
    String::new()
}
