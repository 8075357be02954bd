//! The `neo4j-csv` writer (to be written).

use crate::graph::KnowledgeGraph;

pub fn to_csv_files(_graph: &KnowledgeGraph) -> Vec<(String, String)> {
    Vec::new()
}
