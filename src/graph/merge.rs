//! Folding per-document analyses, in document-id order, into one knowledge
//! graph: one node per entity across documents, one edge per relation with
//! all of its evidence.
//!
//! Entities of different documents are one node when their merge keys agree
//! ([`crate::entity::resolve::entity_key`]) or when they share an acronym or a
//! multi-word alias of the same kind.
//! **Invariant:** the result depends only on the analyses' contents and
//! order, never on thread timing or hash order.

use super::{DocumentMeta, EntityId, EntityNode, Evidence, KnowledgeGraph, MentionRecord, RelationEdge, RelationKind};
use crate::entity::resolve::entity_key;
use crate::pipeline::DocumentAnalysis;
use crate::resources::Resources;
use crate::span::{CharIndex, Span};
use crate::text::normalize_name;
use petgraph::stable_graph::NodeIndex;
use petgraph::unionfind::UnionFind;
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// How many co-occurrence sentences an edge keeps as evidence (the weight counts all).
const CO_OCCURRENCE_EVIDENCE: usize = 3;

/// Merges the analyses into one graph. `analyses` must be sorted by document id.
pub fn merge(resources: &Resources, analyses: &[DocumentAnalysis]) -> KnowledgeGraph {
    let mut graph = KnowledgeGraph::default();
    graph.meta.documents = analyses
        .iter()
        .map(|a| DocumentMeta {
            id: a.document.id.0.clone(),
            date: a.document.date.clone(),
            title: a.document.title.clone(),
            path: Some(a.document.path.display().to_string()),
        })
        .collect();

    // Union the (document, entity) pairs by key and by shared distinctive
    // aliases; then tie each described entity to the group it describes.
    let locals: Vec<(usize, usize)> = analyses.iter().enumerate().flat_map(|(d, a)| (0..a.entities.len()).map(move |e| (d, e))).collect();
    let mut union = UnionFind::new(locals.len());
    let mut owner: BTreeMap<String, usize> = BTreeMap::new();
    for (idx, &(d, e)) in locals.iter().enumerate() {
        let entity = &analyses[d].entities[e];
        if entity.reference.is_some() {
            continue;
        }
        let mut keys = vec![entity_key(resources, entity.kind, &entity.name)];
        for alias in &entity.aliases {
            let is_acronym = alias.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !alias.chars().any(char::is_lowercase);
            if entity.kind != super::EntityKind::Person && (is_acronym || alias.contains(' ')) {
                keys.push(format!("{}:alias:{}", entity.kind, normalize_name(alias)));
            }
        }
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
    super::references::resolve(resources, analyses, &locals, &mut union);

    // One node per group that has a name (a description that found nothing makes none).
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for idx in 0..locals.len() {
        groups.entry(union.find(idx)).or_default().push(idx);
    }
    groups.retain(|_, members| members.iter().any(|&m| analyses[locals[m].0].entities[locals[m].1].reference.is_none()));
    let char_indexes: Vec<CharIndex> = analyses.iter().map(|a| CharIndex::new(&a.document.text)).collect();
    let mut node_of_local: BTreeMap<(usize, usize), NodeIndex> = BTreeMap::new();
    let mut nodes: Vec<(EntityNode, Vec<usize>)> =
        groups.values().map(|members| (group_node(analyses, &locals, &char_indexes, members), members.clone())).collect();
    nodes.sort_by(|a, b| a.0.id.cmp(&b.0.id));
    let mut used_ids: BTreeSet<EntityId> = BTreeSet::new();
    for (mut node, members) in nodes {
        let base = node.id.0.clone();
        let mut suffix = 2;
        while used_ids.contains(&node.id) {
            node.id = EntityId(format!("{base}-{suffix}"));
            suffix += 1;
        }
        used_ids.insert(node.id.clone());
        let index = graph.add_node(node);
        for member in members {
            node_of_local.insert(locals[member], index);
        }
    }

    // Edges: one per (source, target, kind) — and role, for HOLDS_ROLE —
    // with evidence accumulated in document order and the other attributes
    // of all evidence joined ("met; signed").
    type EdgeKey = (NodeIndex, NodeIndex, RelationKind, Option<String>);
    let mut edges: BTreeMap<EdgeKey, EdgeBuilder> = BTreeMap::new();
    for (d, analysis) in analyses.iter().enumerate() {
        let text = analysis.document.text.as_str();
        let chars = &char_indexes[d];
        for relation in &analysis.relations {
            let (Some(&source), Some(&target)) = (node_of_local.get(&(d, relation.source)), node_of_local.get(&(d, relation.target)))
            else {
                continue;
            };
            if source == target {
                continue;
            }
            let (source, target) = if relation.kind.is_symmetric() && graph.graph[source].id > graph.graph[target].id {
                (target, source)
            } else {
                (source, target)
            };
            // "Secretary-General" and "secretary general" are one role; the first spelling is kept.
            let distinguishing_key = relation.kind.distinguishing_attribute();
            let distinguishing = distinguishing_key.and_then(|key| relation.attributes.get(key));
            let key = distinguishing.map(|value| normalize_name(&value.replace('-', " ")));
            let EdgeBuilder { edge, values, evidence_seen } = edges.entry((source, target, relation.kind, key)).or_insert_with(|| {
                let edge =
                    RelationEdge { kind: relation.kind, attributes: BTreeMap::new(), evidence: Vec::new(), confidence: 0.0, weight: 0 };
                let values: BTreeMap<String, BTreeSet<String>> = distinguishing_key
                    .zip(distinguishing)
                    .map(|(key, value)| (key.to_string(), BTreeSet::from([value.clone()])))
                    .into_iter()
                    .collect();
                EdgeBuilder { edge, values, evidence_seen: HashSet::new() }
            });
            let new_evidence = evidence_seen.insert((d, relation.trigger, relation.rule));
            for (key, value) in relation.attributes.iter().filter(|(key, _)| Some(key.as_str()) != distinguishing_key) {
                values.entry(key.clone()).or_default().insert(value.clone());
            }
            edge.weight += 1;
            edge.confidence = edge.confidence.max(relation.confidence);
            if new_evidence && (relation.kind != RelationKind::CoOccurs || edge.evidence.len() < CO_OCCURRENCE_EVIDENCE) {
                let sentence = analysis.segmentation.sentences[relation.sentence as usize].span;
                let (sentence_start, sentence_end) = chars.char_span(sentence);
                let (trigger_start, trigger_end) = chars.char_span(relation.trigger);
                edge.evidence.push(Evidence {
                    doc: analysis.document.id.0.clone(),
                    date: analysis.document.date.clone(),
                    quote: sentence.text(text).to_string(),
                    sentence_start,
                    sentence_end,
                    trigger_start,
                    trigger_end,
                    trigger: relation.trigger.text(text).to_string(),
                    rule: relation.rule.to_string(),
                    confidence: relation.confidence,
                });
            }
        }
    }
    for ((source, target, _, _), EdgeBuilder { mut edge, values, .. }) in edges {
        edge.attributes = values.into_iter().map(|(key, values)| (key, values.into_iter().collect::<Vec<_>>().join("; "))).collect();
        graph.graph.add_edge(source, target, edge);
    }
    graph
}

/// One edge while the merge gathers it.
struct EdgeBuilder {
    edge: RelationEdge,
    /// Every value of each attribute, joined once all evidence is in.
    values: BTreeMap<String, BTreeSet<String>>,
    /// The evidence the edge holds, by document, trigger and rule: a set, so
    /// that an edge stated thousands of times stays linear to build.
    evidence_seen: HashSet<(usize, Span, &'static str)>,
}

/// The node for one group of document entities.
fn group_node(analyses: &[DocumentAnalysis], locals: &[(usize, usize)], char_indexes: &[CharIndex], members: &[usize]) -> EntityNode {
    let mut kind_votes: BTreeMap<super::EntityKind, usize> = BTreeMap::new();
    let mut name_votes: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut aliases = BTreeSet::new();
    let mut documents = BTreeSet::new();
    let mut mentions = Vec::new();
    for &member in members {
        let (d, e) = locals[member];
        let analysis = &analyses[d];
        let entity = &analysis.entities[e];
        documents.insert(analysis.document.id.0.clone());
        if entity.reference.is_some() {
            continue; // A description names nothing: no vote, alias or mention.
        }
        *kind_votes.entry(entity.kind).or_default() += entity.mentions.len();
        let vote = name_votes.entry(entity.name.as_str()).or_default();
        vote.0 += 1;
        vote.1 += entity.mentions.len();
        aliases.extend(entity.aliases.iter().cloned());
        for &mention_idx in &entity.mentions {
            let span = analysis.mentions[mention_idx].span;
            let (start, end) = char_indexes[d].char_span(span);
            mentions.push(MentionRecord {
                doc: analysis.document.id.0.clone(),
                start,
                end,
                text: span.text(&analysis.document.text).to_string(),
            });
        }
    }
    let kind = kind_votes.iter().max_by_key(|(kind, votes)| (**votes, std::cmp::Reverse(**kind))).map(|(k, _)| *k).expect("members");
    let label = name_votes
        .iter()
        .max_by_key(|(name, (docs, count))| (*docs, *count, name.split_whitespace().count(), std::cmp::Reverse(**name)))
        .map(|(name, _)| name.to_string())
        .expect("members");
    mentions.sort();
    mentions.dedup();
    aliases.insert(label.clone());
    EntityNode { id: EntityId::new(kind, &label), kind, label, aliases, mention_count: mentions.len(), documents, mentions }
}
