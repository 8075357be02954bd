//! The Graphviz DOT writer (to be written).

use crate::cli::DrawArgs;
use crate::error::Result;
use crate::graph::KnowledgeGraph;

pub fn to_dot(_graph: &KnowledgeGraph, _draw: &DrawArgs) -> Result<String> {
    Ok(String::new())
}
