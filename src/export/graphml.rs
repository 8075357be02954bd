//! The `graphml` writer (to be written).

use crate::graph::KnowledgeGraph;

pub fn to_graphml(_graph: &KnowledgeGraph) -> String {
    String::new()
}
