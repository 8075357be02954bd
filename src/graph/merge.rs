//! Folding per-document analyses, in document-id order, into one knowledge
//! graph: one node per entity across documents, one edge per relation with
//! all of its evidence.
//!
//! Entities of different documents are one node when their merge keys agree
//! ([`crate::entity::resolve::entity_key`]) or when they share an acronym or a
//! multi-word alias of the same kind.
//! **Invariant:** the result depends only on the analyses' contents and
//! order, never on thread timing or hash order.

use super::{
    DocumentMeta, EntityId, EntityKind, EntityNode, Evidence, KnowledgeGraph, MentionRecord, NameVotes, RelationEdge, RelationKind,
};
use crate::entity::resolve::entity_key;
use crate::entity::LocalEntity;
use crate::pipeline::DocumentAnalysis;
use crate::relation::RelationCandidate;
use crate::resources::Resources;
use crate::span::{CharIndex, Span};
use crate::text::normalize_name;
use petgraph::stable_graph::NodeIndex;
use petgraph::unionfind::UnionFind;
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// How many co-occurrence sentences an edge keeps as evidence (the weight counts all).
const CO_OCCURRENCE_EVIDENCE: usize = 3;

/// How much provenance the graph keeps inline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Pieces of evidence per edge and mentions per node (the counts count all).
    pub evidence: usize,
}

impl Limits {
    /// Keeps everything.
    pub const ALL: Limits = Limits { evidence: usize::MAX };

    /// The pieces of evidence an edge of `kind` keeps: co-occurrences keep
    /// at most three unless everything is kept.
    pub fn evidence_for(self, kind: RelationKind) -> usize {
        match kind {
            RelationKind::CoOccurs if self != Limits::ALL => self.evidence.min(CO_OCCURRENCE_EVIDENCE),
            _ => self.evidence,
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits { evidence: DEFAULT_EVIDENCE }
    }
}

/// The default of `build --evidence`.
pub const DEFAULT_EVIDENCE: usize = 5;

/// One document reduced to what the merge reads: its entities with their
/// first mentions (as the graph writes them), its relations, and the
/// sentences that state them. The text, tokens and other mentions are gone,
/// so a corpus's summaries take a fraction of its analyses' memory.
pub struct DocSummary {
    pub meta: DocumentMeta,
    /// The local entities; their `mentions` are emptied (see `mentions`).
    pub entities: Vec<LocalEntity>,
    /// For each entity, how many mentions it has here.
    pub mention_counts: Vec<usize>,
    /// For each entity, its first mentions in text order (all of them when
    /// `all_mentions`), as (start, end, text) with character offsets.
    pub mentions: Vec<Vec<(u32, u32, Box<str>)>>,
    pub relations: Vec<RelationCandidate>,
    /// For each relation, where it is stated.
    pub sites: Vec<EvidenceSite>,
    /// The sentences that state a relation, verbatim, indexed by `EvidenceSite::quote`.
    pub quotes: Vec<String>,
}

/// Where one relation is stated, in character offsets.
pub struct EvidenceSite {
    pub quote: usize,
    pub sentence_start: u32,
    pub sentence_end: u32,
    pub trigger_start: u32,
    pub trigger_end: u32,
    pub trigger: String,
}

impl DocSummary {
    /// Summarises one analysis; keeps every mention when `all_mentions`, else the first `limits.evidence` of each entity.
    pub fn new(analysis: DocumentAnalysis, limits: Limits, all_mentions: bool) -> DocSummary {
        let text = analysis.document.text.as_str();
        let chars = CharIndex::new(text);
        let mut entities = analysis.entities;
        let mut mention_counts = Vec::with_capacity(entities.len());
        let mut mentions = Vec::with_capacity(entities.len());
        for entity in &mut entities {
            let mut records: Vec<(u32, u32, Box<str>)> = entity
                .mentions
                .iter()
                .map(|&idx| {
                    let span = analysis.mentions[idx].span;
                    let (start, end) = chars.char_span(span);
                    (start, end, span.text(text).into())
                })
                .collect();
            records.sort();
            records.dedup();
            mention_counts.push(records.len());
            if !all_mentions {
                records.truncate(limits.evidence);
            }
            records.shrink_to_fit();
            mentions.push(records);
            entity.mentions = Vec::new();
        }
        let mut quote_of_sentence: BTreeMap<u32, usize> = BTreeMap::new();
        let mut quotes = Vec::new();
        let sites = analysis
            .relations
            .iter()
            .map(|relation| {
                let sentence = analysis.segmentation.sentences[relation.sentence as usize].span;
                let quote = *quote_of_sentence.entry(relation.sentence).or_insert_with(|| {
                    quotes.push(sentence.text(text).to_string());
                    quotes.len() - 1
                });
                let (sentence_start, sentence_end) = chars.char_span(sentence);
                let (trigger_start, trigger_end) = chars.char_span(relation.trigger);
                EvidenceSite {
                    quote,
                    sentence_start,
                    sentence_end,
                    trigger_start,
                    trigger_end,
                    trigger: relation.trigger.text(text).to_string(),
                }
            })
            .collect();
        let document = &analysis.document;
        DocSummary {
            meta: DocumentMeta {
                id: document.id.0.clone(),
                date: document.date.clone(),
                title: document.title.clone(),
                path: Some(document.path.display().to_string()),
                hash: Some(document.content_hash()),
            },
            entities,
            mention_counts,
            mentions,
            relations: analysis.relations,
            sites,
            quotes,
        }
    }
}

/// Merges the summaries into one graph. `summaries` must be sorted by document id.
pub fn merge(resources: &Resources, summaries: &[DocSummary], limits: Limits) -> KnowledgeGraph {
    let mut graph = KnowledgeGraph::default();
    graph.meta.documents = summaries.iter().map(|a| a.meta.clone()).collect();

    // Union the (document, entity) pairs by key and by shared distinctive
    // aliases; then tie each described entity to the group it describes.
    let locals: Vec<(usize, usize)> = summaries.iter().enumerate().flat_map(|(d, a)| (0..a.entities.len()).map(move |e| (d, e))).collect();
    let mut union = UnionFind::new(locals.len());
    let mut owner: BTreeMap<String, usize> = BTreeMap::new();
    for (idx, &(d, e)) in locals.iter().enumerate() {
        let entity = &summaries[d].entities[e];
        if entity.reference.is_some() {
            continue;
        }
        for key in merge_keys(resources, entity.kind, [&entity.name].into_iter().chain(&entity.aliases)) {
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
    super::references::resolve(resources, summaries, &locals, &mut union);

    // One node per group that has a name (a description that found nothing makes none).
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for idx in 0..locals.len() {
        groups.entry(union.find(idx)).or_default().push(idx);
    }
    groups.retain(|_, members| members.iter().any(|&m| summaries[locals[m].0].entities[locals[m].1].reference.is_none()));
    let mut node_of_local: BTreeMap<(usize, usize), NodeIndex> = BTreeMap::new();
    let nodes: Vec<(EntityNode, Vec<usize>)> =
        groups.values().map(|members| (group_node(summaries, &locals, members, limits), members.clone())).collect();
    for (index, members) in add_nodes(&mut graph, nodes) {
        for member in members {
            node_of_local.insert(locals[member], index);
        }
    }

    // Edges: one per (source, target, kind) — and role, for HOLDS_ROLE —
    // with evidence accumulated in document order and the other attributes
    // of all evidence joined ("met; signed").
    type EdgeKey = (NodeIndex, NodeIndex, RelationKind, Option<String>);
    let mut edges: BTreeMap<EdgeKey, EdgeBuilder> = BTreeMap::new();
    for (d, summary) in summaries.iter().enumerate() {
        for (relation, site) in summary.relations.iter().zip(&summary.sites) {
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
                let edge = RelationEdge {
                    kind: relation.kind,
                    attributes: BTreeMap::new(),
                    evidence: Vec::new(),
                    confidence: 0.0,
                    weight: 0,
                    evidence_count: 0,
                };
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
            if new_evidence {
                edge.evidence_count += 1;
                if edge.evidence.len() < limits.evidence_for(relation.kind) {
                    edge.evidence.push(Evidence {
                        doc: summary.meta.id.clone(),
                        date: summary.meta.date.clone(),
                        quote: summary.quotes[site.quote].clone(),
                        sentence_start: site.sentence_start,
                        sentence_end: site.sentence_end,
                        trigger_start: site.trigger_start,
                        trigger_end: site.trigger_end,
                        trigger: site.trigger.clone(),
                        rule: relation.rule.to_string(),
                        confidence: relation.confidence,
                    });
                }
            }
        }
    }
    for ((source, target, _, _), EdgeBuilder { mut edge, values, .. }) in edges {
        edge.attributes = values.into_iter().map(|(key, values)| (key, values.into_iter().collect::<Vec<_>>().join("; "))).collect();
        graph.graph.add_edge(source, target, edge);
    }
    graph
}

/// The keys that make entities of `kind` one node: the merge key of each
/// name, and each acronym or multi-word alias of a non-person.
pub fn merge_keys<'n>(resources: &Resources, kind: EntityKind, names: impl IntoIterator<Item = &'n String>) -> Vec<String> {
    let mut names = names.into_iter();
    let mut keys: Vec<String> = names.next().map(|name| entity_key(resources, kind, name)).into_iter().collect();
    for alias in names {
        let is_acronym = alias.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !alias.chars().any(char::is_lowercase);
        if kind != EntityKind::Person && (is_acronym || alias.contains(' ')) {
            keys.push(format!("{}:alias:{}", kind, normalize_name(alias)));
        }
    }
    keys
}

/// Adds `nodes` in id order (then first document, then label), making ids
/// unique with `-2`, `-3`, ...; returns each node's index with what came with it.
pub fn add_nodes<T>(graph: &mut KnowledgeGraph, mut nodes: Vec<(EntityNode, T)>) -> Vec<(NodeIndex, T)> {
    nodes.sort_by(|a, b| (&a.0.id, a.0.documents.first(), &a.0.label).cmp(&(&b.0.id, b.0.documents.first(), &b.0.label)));
    let mut added = Vec::with_capacity(nodes.len());
    for (mut node, with) in nodes {
        let base = node.id.0.clone();
        let mut suffix = 2;
        while graph.by_id.contains_key(&node.id) {
            node.id = EntityId(format!("{base}-{suffix}"));
            suffix += 1;
        }
        added.push((graph.add_node(node), with));
    }
    added
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
fn group_node(summaries: &[DocSummary], locals: &[(usize, usize)], members: &[usize], limits: Limits) -> EntityNode {
    let mut kind_votes: BTreeMap<EntityKind, usize> = BTreeMap::new();
    let mut names: BTreeMap<String, NameVotes> = BTreeMap::new();
    let mut aliases = BTreeSet::new();
    let mut documents = BTreeSet::new();
    let mut mentions = Vec::new();
    let mut mention_count = 0;
    for &member in members {
        let (d, e) = locals[member];
        let summary = &summaries[d];
        let entity = &summary.entities[e];
        documents.insert(summary.meta.id.clone());
        if entity.reference.is_some() {
            continue; // A description names nothing: no vote, alias or mention.
        }
        let count = summary.mention_counts[e];
        mention_count += count;
        *kind_votes.entry(entity.kind).or_default() += count;
        let vote = names.entry(entity.name.clone()).or_default();
        vote.entities += 1;
        vote.mentions += count;
        aliases.extend(entity.aliases.iter().cloned());
        let records = summary.mentions[e].iter().map(|(start, end, text)| MentionRecord {
            doc: summary.meta.id.clone(),
            start: *start,
            end: *end,
            text: text.to_string(),
        });
        mentions.extend(records);
    }
    let kind = kind_votes.iter().max_by_key(|(kind, votes)| (**votes, std::cmp::Reverse(**kind))).map(|(k, _)| *k).expect("members");
    let label = elected_label(&names).expect("members");
    mentions.sort();
    mentions.truncate(limits.evidence);
    aliases.insert(label.clone());
    EntityNode { id: EntityId::new(kind, &label), kind, label, aliases, names, mention_count, documents, mentions }
}

/// The label of an entity: the name of most document-level entities, then
/// of most mentions, then of most words, then the first in order.
pub fn elected_label(names: &BTreeMap<String, NameVotes>) -> Option<String> {
    names
        .iter()
        .max_by_key(|(name, votes)| (votes.entities, votes.mentions, name.split_whitespace().count(), std::cmp::Reverse(*name)))
        .map(|(name, _)| name.clone())
}
