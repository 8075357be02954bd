//! `newsgraph merge`: one graph from graphs built from separate shards of a
//! corpus (documents in exactly one shard each).
//!
//! Nodes are one when their keys meet, as in the build's merge
//! ([`super::merge::merge_keys`] over each node's `names` and `aliases`);
//! the label is elected again from the summed name votes; aliases and
//! documents are unions, counts are sums, and the first mentions and pieces
//! of evidence are the first of all by document and offset. Edges are one per
//! (source, target, type, distinguishing attribute), as in the build.
//!
//! Every step is a union, a sum, a maximum or "the first N in document
//! order" of its inputs, so merging is associative and commutative: any
//! grouping and any order of the same shards give the same bytes.
//!
//! What a shard cannot see, merge cannot recover: a surname alone in one
//! shard whose full name is only in another (the build drops it, there is
//! no node to merge), a name established in another shard (its bare
//! mentions were not found), and "the resolution" or "the X-led mission"
//! whose named entity is in another shard (its relations were dropped).

use super::merge::{add_nodes, elected_label, merge_keys, Limits};
use super::{EntityId, EntityNode, KnowledgeGraph, RelationEdge};
use crate::error::{Error, Result};
use crate::resources::Resources;
use crate::text::normalize_name;
use petgraph::unionfind::UnionFind;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// Merges `graphs` (each read from the path beside it, for error messages).
pub fn combine(resources: &Resources, graphs: &[(PathBuf, KnowledgeGraph)], limits: Limits) -> Result<KnowledgeGraph> {
    let mut merged = KnowledgeGraph::default();
    let mut seen_documents: BTreeMap<&str, &PathBuf> = BTreeMap::new();
    for (path, graph) in graphs {
        for document in &graph.meta.documents {
            if let Some(first) = seen_documents.insert(&document.id, path) {
                return Err(Error::Usage(format!(
                    "document '{}' is in both {} and {}; merge takes graphs of separate shards, each document in one",
                    document.id,
                    first.display(),
                    path.display()
                )));
            }
            merged.meta.documents.push(document.clone());
        }
    }
    merged.meta.documents.sort_by(|a, b| a.id.cmp(&b.id));

    // Union the nodes of all graphs by their keys.
    let nodes: Vec<&EntityNode> = graphs.iter().flat_map(|(_, graph)| graph.nodes().map(|(_, node)| node)).collect();
    let mut union = UnionFind::new(nodes.len());
    let mut owner: BTreeMap<String, usize> = BTreeMap::new();
    for (idx, node) in nodes.iter().enumerate() {
        let names: Vec<&String> = node.names.keys().chain([&node.label]).collect();
        let keys =
            merge_keys(resources, node.kind, names.iter().copied()).into_iter().chain(merge_keys(resources, node.kind, &node.aliases));
        for key in keys {
            match owner.get(&key) {
                Some(&first) => {
                    union.union(first, idx);
                }
                None => {
                    owner.insert(key, idx);
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for idx in 0..nodes.len() {
        groups.entry(union.find(idx)).or_default().push(idx);
    }
    let built: Vec<(EntityNode, Vec<usize>)> =
        groups.into_values().map(|members| (combined_node(&nodes, &members, limits), members)).collect();
    let mut node_of: Vec<petgraph::stable_graph::NodeIndex> = vec![Default::default(); nodes.len()];
    for (index, members) in add_nodes(&mut merged, built) {
        for member in members {
            node_of[member] = index;
        }
    }

    // Edges by (source, target, type, distinguishing value).
    let mut node_base = 0;
    let mut edges: BTreeMap<EdgeKey, Vec<&RelationEdge>> = BTreeMap::new();
    for (_, graph) in graphs {
        let local: BTreeMap<&EntityId, usize> =
            graph.nodes().enumerate().map(|(offset, (_, node))| (&node.id, node_base + offset)).collect();
        for (source, target, edge) in graph.edges() {
            let (mut source, mut target) = (node_of[local[&source.id]], node_of[local[&target.id]]);
            if source == target {
                continue;
            }
            if edge.kind.is_symmetric() && merged.graph[source].id > merged.graph[target].id {
                std::mem::swap(&mut source, &mut target);
            }
            let distinguishing = edge.kind.distinguishing_attribute().and_then(|key| edge.attributes.get(key));
            let key = distinguishing.map(|value| normalize_name(&value.replace('-', " ")));
            edges.entry((source, target, edge.kind, key)).or_default().push(edge);
        }
        node_base += graph.by_id.len();
    }
    for ((source, target, _, _), parts) in edges {
        merged.graph.add_edge(source, target, combined_edge(&parts, limits));
    }
    Ok(merged)
}

type EdgeKey = (petgraph::stable_graph::NodeIndex, petgraph::stable_graph::NodeIndex, super::RelationKind, Option<String>);

fn combined_node(nodes: &[&EntityNode], members: &[usize], limits: Limits) -> EntityNode {
    let first = nodes[members[0]];
    let mut node = EntityNode {
        id: first.id.clone(),
        kind: first.kind,
        label: String::new(),
        aliases: BTreeSet::new(),
        names: BTreeMap::new(),
        mention_count: 0,
        documents: BTreeSet::new(),
        document_count: 0,
        mentions: Vec::new(),
    };
    for &member in members {
        let part = nodes[member];
        node.aliases.extend(part.aliases.iter().cloned());
        for (name, votes) in &part.names {
            let total = node.names.entry(name.clone()).or_default();
            total.entities += votes.entities;
            total.mentions += votes.mentions;
        }
        node.mention_count += part.mention_count;
        node.documents.extend(part.documents.iter().cloned());
        // Shards hold separate documents, so their counts add up.
        node.document_count += part.document_count;
        node.mentions.extend(part.mentions.iter().cloned());
    }
    node.keep_first_documents(limits.evidence);
    node.label = elected_label(&node.names).unwrap_or_else(|| first.label.clone());
    node.id = EntityId::new(node.kind, &node.label);
    node.mentions.sort();
    node.mentions.truncate(limits.evidence);
    node
}

/// One edge from its parts: sums, the highest confidence, the union of the
/// joined attributes, the first evidence in document order, and the
/// distinguishing value of the part stated first.
fn combined_edge(parts: &[&RelationEdge], limits: Limits) -> RelationEdge {
    let earliest = parts.iter().min_by(|a, b| first_stated(a).cmp(&first_stated(b))).expect("an edge has parts");
    let kind = earliest.kind;
    let distinguishing = kind.distinguishing_attribute();
    let mut values: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut edge = RelationEdge { kind, attributes: BTreeMap::new(), evidence: Vec::new(), confidence: 0.0, weight: 0, evidence_count: 0 };
    for part in parts {
        for (key, value) in part.attributes.iter().filter(|(key, _)| Some(key.as_str()) != distinguishing) {
            values.entry(key.clone()).or_default().extend(value.split("; ").map(str::to_string));
        }
        edge.weight += part.weight;
        edge.evidence_count += part.evidence_count;
        edge.confidence = edge.confidence.max(part.confidence);
        edge.evidence.extend(part.evidence.iter().cloned());
    }
    edge.evidence.sort_by(|a, b| evidence_order(a).cmp(&evidence_order(b)));
    edge.evidence.truncate(limits.evidence_for(kind));
    edge.attributes = values.into_iter().map(|(key, values)| (key, values.into_iter().collect::<Vec<_>>().join("; "))).collect();
    if let Some(value) = distinguishing.and_then(|key| earliest.attributes.get(key).map(|value| (key, value))) {
        edge.attributes.insert(value.0.to_string(), value.1.clone());
    }
    edge
}

/// Where a piece of evidence is: document, offsets of sentence and trigger, rule.
type EvidencePlace<'e> = (&'e str, u32, u32, u32, &'e str);

/// Where a piece of evidence is: document, then offsets, then rule.
fn evidence_order(evidence: &super::Evidence) -> EvidencePlace<'_> {
    (&evidence.doc, evidence.sentence_start, evidence.trigger_start, evidence.trigger_end, &evidence.rule)
}

/// Where an edge is first stated, and then its attributes, to order edges totally.
fn first_stated(edge: &RelationEdge) -> (Option<EvidencePlace<'_>>, &BTreeMap<String, String>) {
    (edge.evidence.first().map(evidence_order), &edge.attributes)
}

/// `newsgraph merge`.
pub fn run_merge(args: &crate::cli::MergeArgs) -> Result<()> {
    let resources = match &args.data {
        Some(dir) => Resources::from_dir(dir)?,
        None => Resources::builtin()?,
    };
    let mut graphs = Vec::new();
    for path in &args.graphs {
        graphs.push((path.clone(), KnowledgeGraph::read(path)?));
    }
    let graph = combine(&resources, &graphs, Limits { evidence: args.evidence })?;
    let mut formats = args.format.clone();
    formats.sort();
    formats.dedup();
    let mut rendered = Vec::new();
    for format in formats {
        rendered.extend(crate::export::render_format(&graph, format, &crate::cli::DrawArgs::default())?);
    }
    for (name, contents) in rendered {
        crate::export::write_atomically(&args.out.join(name), contents.as_bytes())?;
    }
    eprintln!(
        "newsgraph: {} graphs, {} documents, {} entities, {} relations -> {}",
        graphs.len(),
        graph.meta.documents.len(),
        graph.graph.node_count(),
        graph.graph.edge_count(),
        args.out.display()
    );
    Ok(())
}
