//! The `turtle` writer (to be written).

use crate::graph::KnowledgeGraph;

pub fn to_turtle(_graph: &KnowledgeGraph) -> String {
    String::new()
}
