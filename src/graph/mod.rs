//! The knowledge graph: one node per real-world entity, one edge per typed
//! relation with all of its evidence, held in a petgraph `StableDiGraph`.
//!
//! This is the product every exporter, the query engine and the evaluator
//! read. It round-trips through `graph.json` (node-link form, see
//! `schema/graph.schema.json`): [`KnowledgeGraph::to_json`] and
//! [`KnowledgeGraph::from_json`].
//!
//! **Invariant:** offsets here are Unicode *character* offsets into the
//! document text (as Python slices strings); the analysis stages use byte
//! [`crate::span::Span`]s and convert when they merge into the graph.
//! **Invariant:** nodes are ordered by id and edges by (source, target, type,
//! key), so serialisation is byte-identical across runs.

pub mod combine;
pub mod json;
pub mod lookup;
pub mod merge;
pub mod provenance;
pub mod query;
pub mod sample;

pub use crate::corpus::summary::DocumentMeta;
pub use crate::kinds::{EntityKind, RelationKind};
use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// A stable node id: a slug of the entity kind and canonical name
/// (`person-william-ruto`), the same across runs and corpora.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EntityId(pub String);

impl EntityId {
    pub fn new(kind: EntityKind, canonical_name: &str) -> EntityId {
        EntityId(format!("{}-{}", kind.as_str().to_ascii_lowercase(), crate::text::slug(canonical_name)))
    }
}

impl std::fmt::Display for EntityId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where an entity is mentioned: a document and character offsets into its text.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct MentionRecord {
    pub doc: String,
    pub start: u32,
    pub end: u32,
    /// The mentioned text, exactly `text[start..end]` in characters.
    pub text: String,
}

/// A node of the knowledge graph.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityNode {
    pub id: EntityId,
    #[serde(rename = "type")]
    pub kind: EntityKind,
    /// The canonical name.
    pub label: String,
    /// Every surface form seen for it, including the label.
    pub aliases: BTreeSet<String>,
    /// The names its document-level entities had, with their votes: what
    /// chose the label, and what `newsgraph merge` matches and votes with.
    #[serde(default)]
    pub names: BTreeMap<String, NameVotes>,
    pub mention_count: usize,
    /// The first documents that mention it, by id (`build --evidence`; all with
    /// `--provenance full`, from `evidence.jsonl`).
    pub documents: BTreeSet<String>,
    /// How many documents mention it; `documents` holds the first of them.
    #[serde(default)]
    pub document_count: usize,
    /// The first mentions, by document and offset (`build --evidence`).
    pub mentions: Vec<MentionRecord>,
}

impl EntityNode {
    /// Keeps the first `limit` documents by id (`document_count` still counts all).
    pub fn keep_first_documents(&mut self, limit: usize) {
        if let Some(first_dropped) = self.documents.iter().nth(limit).cloned() {
            self.documents.split_off(&first_dropped);
        }
    }
}

/// The votes for one name of an entity: the label is the name of most
/// document-level entities, then of most mentions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameVotes {
    /// How many document-level entities had this name.
    pub entities: usize,
    /// How many mentions they had.
    pub mentions: usize,
}

/// One piece of text that states a relation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub doc: String,
    pub date: Option<String>,
    /// The sentence, verbatim.
    pub quote: String,
    /// Character offsets of the sentence in the document.
    pub sentence_start: u32,
    pub sentence_end: u32,
    /// Character offsets of the trigger word(s) in the document.
    pub trigger_start: u32,
    pub trigger_end: u32,
    pub trigger: String,
    /// The rule that found it (`met.spoke_with`, `holds_role.title_before_name`, ...).
    pub rule: String,
    pub confidence: f32,
}

/// An edge of the knowledge graph: one relation, with its first pieces of
/// evidence (`build --evidence`; all of them in `evidence.jsonl` with
/// `--provenance full`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RelationEdge {
    #[serde(rename = "type")]
    pub kind: RelationKind,
    /// `role` for HOLDS_ROLE, `kind` for MET/MEMBER_OF, `what` for CONTRIBUTES_TO.
    pub attributes: BTreeMap<String, String>,
    pub evidence: Vec<Evidence>,
    /// The highest confidence among the evidence.
    pub confidence: f32,
    /// How many times the relation is stated (for CO_OCCURS: the number of sentences).
    pub weight: u32,
    /// How many distinct pieces of evidence there are; `evidence` holds the first of them.
    pub evidence_count: usize,
}

/// Graph-level metadata (`graph` in the node-link JSON).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GraphMeta {
    pub generator: String,
    pub version: String,
    pub documents: Vec<DocumentMeta>,
}

impl Default for GraphMeta {
    fn default() -> Self {
        GraphMeta { generator: "newsgraph".into(), version: env!("CARGO_PKG_VERSION").into(), documents: Vec::new() }
    }
}

/// The knowledge graph.
#[derive(Clone, Debug, Default)]
pub struct KnowledgeGraph {
    pub meta: GraphMeta,
    pub graph: StableDiGraph<EntityNode, RelationEdge>,
    pub by_id: BTreeMap<EntityId, NodeIndex>,
}

impl KnowledgeGraph {
    /// Adds a node (or returns the existing one with that id).
    pub fn add_node(&mut self, node: EntityNode) -> NodeIndex {
        if let Some(&index) = self.by_id.get(&node.id) {
            return index;
        }
        let id = node.id.clone();
        let index = self.graph.add_node(node);
        self.by_id.insert(id, index);
        index
    }

    pub fn node(&self, id: &EntityId) -> Option<&EntityNode> {
        self.by_id.get(id).map(|&index| &self.graph[index])
    }

    /// Nodes in id order.
    pub fn nodes(&self) -> impl Iterator<Item = (NodeIndex, &EntityNode)> + '_ {
        self.by_id.values().map(move |&index| (index, &self.graph[index]))
    }

    /// Edges as (source node, target node, edge), in a fixed order:
    /// by source id, target id, relation type and attributes.
    pub fn edges(&self) -> Vec<(&EntityNode, &EntityNode, &RelationEdge)> {
        let mut edges: Vec<_> = self
            .graph
            .edge_indices()
            .filter_map(|edge| {
                let (source, target) = self.graph.edge_endpoints(edge)?;
                Some((&self.graph[source], &self.graph[target], &self.graph[edge]))
            })
            .collect();
        edges.sort_by(|a, b| (&a.0.id, &a.1.id, a.2.kind, &a.2.attributes).cmp(&(&b.0.id, &b.1.id, b.2.kind, &b.2.attributes)));
        edges
    }
}
