//! `evidence.jsonl`: every piece of evidence and every mention of a graph,
//! one JSON object a line, for `build --provenance full`.
//!
//! `graph.json` keeps the first few of each (`build --evidence N`) with the
//! counts of all; the side file keeps all of them, each line naming what it
//! belongs to by the ids of `graph.json`:
//!
//! ```text
//! {"record":"evidence","source":"person-a","target":"country-b","key":"MET","doc":"a1",...}
//! {"record":"mention","node":"person-a","doc":"a1","start":0,"end":7,"text":"Ama Ofori"}
//! ```
//!
//! [`KnowledgeGraph::read`] reads the side file beside a `graph.json` when
//! it is there, so `query`, `eval` and the exporters see the full provenance.

use super::json::edge_key;
use super::merge::Limits;
use super::{EntityId, Evidence, KnowledgeGraph, MentionRecord};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The side file's name, beside `graph.json`.
pub const FILE_NAME: &str = "evidence.jsonl";

/// One line of `evidence.jsonl`.
#[derive(Serialize, Deserialize)]
#[serde(tag = "record", rename_all = "lowercase")]
enum Line {
    Evidence {
        source: String,
        target: String,
        key: String,
        #[serde(flatten)]
        evidence: Evidence,
    },
    Mention {
        node: String,
        #[serde(flatten)]
        mention: MentionRecord,
    },
}

/// Every piece of evidence (edges in graph order) and every mention (nodes in id order), one line each.
pub fn to_jsonl(graph: &KnowledgeGraph) -> String {
    let mut out = String::new();
    let mut push = |line: &Line| {
        out.push_str(&serde_json::to_string(line).expect("provenance serialises"));
        out.push('\n');
    };
    for (source, target, edge) in graph.edges() {
        for evidence in &edge.evidence {
            push(&Line::Evidence {
                source: source.id.0.clone(),
                target: target.id.0.clone(),
                key: edge_key(edge),
                evidence: evidence.clone(),
            });
        }
    }
    for (_, node) in graph.nodes() {
        for mention in &node.mentions {
            push(&Line::Mention { node: node.id.0.clone(), mention: mention.clone() });
        }
    }
    out
}

/// Keeps the first pieces of evidence of each edge and mentions of each node that `limits` allow.
pub fn truncate(graph: &mut KnowledgeGraph, limits: Limits) {
    for node in graph.graph.node_weights_mut() {
        node.mentions.truncate(limits.evidence);
        node.keep_first_documents(limits.evidence);
    }
    for edge in graph.graph.edge_weights_mut() {
        edge.evidence.truncate(limits.evidence_for(edge.kind));
    }
}

/// Replaces each edge's evidence and each node's mentions with all of those
/// in `jsonl`; an error names the line that does not fit the graph.
pub fn attach(graph: &mut KnowledgeGraph, jsonl: &str) -> Result<(), String> {
    let mut edges: HashMap<(String, String, String), petgraph::stable_graph::EdgeIndex> = HashMap::new();
    for edge in graph.graph.edge_indices() {
        let (source, target) = graph.graph.edge_endpoints(edge).expect("edge of the graph");
        let key = (graph.graph[source].id.0.clone(), graph.graph[target].id.0.clone(), edge_key(&graph.graph[edge]));
        edges.insert(key, edge);
    }
    let mut evidence: HashMap<petgraph::stable_graph::EdgeIndex, Vec<Evidence>> = HashMap::new();
    let mut mentions: HashMap<EntityId, Vec<MentionRecord>> = HashMap::new();
    for (number, text) in jsonl.lines().enumerate().filter(|(_, text)| !text.trim().is_empty()) {
        let line: Line = serde_json::from_str(text).map_err(|error| format!("line {}: {error}", number + 1))?;
        match line {
            Line::Evidence { source, target, key, evidence: piece } => {
                let edge = edges
                    .get(&(source, target, key))
                    .ok_or_else(|| format!("line {}: evidence for an edge that graph.json does not have", number + 1))?;
                evidence.entry(*edge).or_default().push(piece);
            }
            Line::Mention { node, mention } => {
                let id = EntityId(node);
                if !graph.by_id.contains_key(&id) {
                    return Err(format!("line {}: a mention of node '{id}', which graph.json does not have", number + 1));
                }
                mentions.entry(id).or_default().push(mention);
            }
        }
    }
    for (edge, pieces) in evidence {
        let weight = &mut graph.graph[edge];
        if pieces.len() != weight.evidence_count {
            return Err(format!("{} pieces of evidence for an edge whose evidence_count is {}", pieces.len(), weight.evidence_count));
        }
        weight.evidence = pieces;
    }
    for (id, records) in mentions {
        let node = &mut graph.graph[graph.by_id[&id]];
        if records.len() != node.mention_count {
            return Err(format!("{} mentions of node '{id}', whose mention_count is {}", records.len(), node.mention_count));
        }
        node.documents.extend(records.iter().map(|record| record.doc.clone()));
        node.mentions = records;
    }
    Ok(())
}
