//! `graph.json`: the knowledge graph in NetworkX node-link form.
//!
//! `networkx.node_link_graph(data, edges="edges")` loads it as a directed
//! multigraph; each edge's `key` is its relation type plus its distinguishing
//! attribute, so parallel relations of different kinds stay apart.
//! The JSON Schema is `schema/graph.schema.json`.

use super::{EntityNode, GraphMeta, KnowledgeGraph, RelationEdge};
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The serialised form of one edge.
#[derive(Serialize, Deserialize)]
pub struct EdgeRecord {
    pub source: String,
    pub target: String,
    pub key: String,
    #[serde(flatten)]
    pub edge: RelationEdge,
}

/// The serialised form of one edge, borrowed from the graph.
#[derive(Serialize)]
struct EdgeRecordRef<'g> {
    source: &'g str,
    target: &'g str,
    key: String,
    #[serde(flatten)]
    edge: &'g RelationEdge,
}

/// The serialised form of the whole graph, borrowed from it: writing
/// `graph.json` copies nothing but the text it writes.
#[derive(Serialize)]
struct NodeLinkRef<'g> {
    directed: bool,
    multigraph: bool,
    graph: &'g GraphMeta,
    nodes: Vec<&'g EntityNode>,
    edges: Vec<EdgeRecordRef<'g>>,
}

/// The serialised form of the whole graph, as read back.
#[derive(Serialize, Deserialize)]
pub struct NodeLinkGraph {
    pub directed: bool,
    pub multigraph: bool,
    pub graph: GraphMeta,
    pub nodes: Vec<EntityNode>,
    pub edges: Vec<EdgeRecord>,
}

/// The multigraph key of an edge: `HOLDS_ROLE:President`, `MET`, ...
pub fn edge_key(edge: &RelationEdge) -> String {
    match edge.kind.distinguishing_attribute().and_then(|key| edge.attributes.get(key)) {
        Some(value) => format!("{}:{value}", edge.kind),
        None => edge.kind.as_str().to_string(),
    }
}

impl KnowledgeGraph {
    fn to_node_link(&self) -> NodeLinkRef<'_> {
        NodeLinkRef {
            directed: true,
            multigraph: true,
            graph: &self.meta,
            nodes: self.nodes().map(|(_, node)| node).collect(),
            edges: self
                .edges()
                .into_iter()
                .map(|(source, target, edge)| EdgeRecordRef { source: &source.id.0, target: &target.id.0, key: edge_key(edge), edge })
                .collect(),
        }
    }

    /// Pretty JSON with a trailing newline; byte-identical for the same graph.
    pub fn to_json(&self) -> String {
        let mut json = serde_json::to_string_pretty(&self.to_node_link()).expect("graph serialises");
        json.push('\n');
        json
    }

    pub fn from_node_link(data: NodeLinkGraph) -> Result<KnowledgeGraph, String> {
        let mut graph = KnowledgeGraph { meta: data.graph, ..KnowledgeGraph::default() };
        for mut node in data.nodes {
            // A graph written before `document_count` listed every document.
            node.document_count = node.document_count.max(node.documents.len());
            if graph.by_id.contains_key(&node.id) {
                return Err(format!("node id '{}' appears twice", node.id));
            }
            graph.add_node(node);
        }
        for (edge_idx, record) in data.edges.into_iter().enumerate() {
            let find = |id: &str| {
                graph
                    .by_id
                    .get(&super::EntityId(id.to_string()))
                    .copied()
                    .ok_or_else(|| format!("edge {edge_idx} names node '{id}', which is not in \"nodes\""))
            };
            let (source, target) = (find(&record.source)?, find(&record.target)?);
            graph.graph.add_edge(source, target, record.edge);
        }
        Ok(graph)
    }

    pub fn from_json(json: &str) -> Result<KnowledgeGraph, String> {
        let data: NodeLinkGraph = serde_json::from_str(crate::document::load::strip_bom(json)).map_err(|e| e.to_string())?;
        KnowledgeGraph::from_node_link(data)
    }

    /// Reads a `graph.json` written by `newsgraph build`, with the full
    /// provenance of the `evidence.jsonl` beside it when there is one.
    pub fn read(path: &Path) -> Result<KnowledgeGraph> {
        let text = crate::document::load::read_text(path)?;
        let mut graph = KnowledgeGraph::from_json(&text)
            .map_err(|message| Error::BadFile { path: path.to_path_buf(), message: format!("not a newsgraph graph.json: {message}") })?;
        let side = path.with_file_name(super::provenance::FILE_NAME);
        if side.is_file() {
            let jsonl = crate::document::load::read_text(&side)?;
            super::provenance::attach(&mut graph, &jsonl).map_err(|message| Error::BadFile {
                path: side.clone(),
                message: format!("does not belong to {}: {message}", path.display()),
            })?;
        }
        Ok(graph)
    }
}
