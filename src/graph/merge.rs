//! Folding per-document summaries ([`DocSummary`]), in document-id order,
//! into one knowledge graph as they finish: one node per entity across
//! documents, one edge per relation with its first pieces of evidence.
//!
//! Entities of different documents are one node when their merge keys agree
//! ([`crate::entity::resolve::entity_key`]) or when they share an acronym or a
//! multi-word alias of the same kind.
//! **Invariant:** the result depends only on the analyses' contents and
//! order, never on thread timing or hash order.

use super::{
    DocumentMeta, EntityId, EntityKind, EntityNode, Evidence, KnowledgeGraph, MentionRecord, NameVotes, RelationEdge, RelationKind,
};
use crate::corpus::references::Links;
use crate::corpus::summary::DocSummary;
use crate::corpus::union::UnionFind;
use crate::entity::resolve::entity_key;
use crate::entity::LocalEntity;
use crate::resources::Resources;
use crate::span::Span;
use crate::text::normalize_name;
use petgraph::stable_graph::NodeIndex;
use std::collections::btree_map::Entry;
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

/// Folds document summaries, in document-id order, into one graph; only
/// what the graph keeps is held between documents.
///
/// Each document's entities join groups by their merge keys as they arrive;
/// what a group gathers (votes, aliases, documents, first mentions) and what
/// an edge gathers (weight, attributes, first evidence) is kept under the
/// group's representative at that time. Groups that a later document (or a
/// reference) unites are merged in [`Merger::finish`], each part in
/// document order, so the graph is the one a single pass over all the
/// analyses gives.
pub struct Merger<'r> {
    resources: &'r Resources,
    limits: Limits,
    documents: Vec<DocumentMeta>,
    union: UnionFind,
    /// Each merge key, with the first entity that had it.
    owner: BTreeMap<String, usize>,
    groups: BTreeMap<usize, GroupBuilder>,
    edges: BTreeMap<EdgeKey, EdgeBuilder>,
    links: Links,
}

/// An edge while the fold gathers it: source and target groups (ordered
/// for a symmetric kind), kind, and the normalised distinguishing attribute.
type EdgeKey = (usize, usize, RelationKind, Option<String>);

/// Where a relation is stated in the corpus: document, then index.
type Position = (u32, u32);

/// One piece of evidence by document, trigger and rule: two relations with
/// the same one are one piece of evidence.
type EvidenceKey = (u32, Span, &'static str);

impl<'r> Merger<'r> {
    pub fn new(resources: &'r Resources, limits: Limits) -> Merger<'r> {
        Merger {
            resources,
            limits,
            documents: Vec::new(),
            union: UnionFind::default(),
            owner: BTreeMap::new(),
            groups: BTreeMap::new(),
            edges: BTreeMap::new(),
            links: Links::default(),
        }
    }

    /// Folds in the next document; documents must come in id order.
    pub fn add(&mut self, summary: DocSummary) {
        let d = u32::try_from(self.documents.len()).expect("fewer than 2^32 documents");
        let first = self.union.len();
        for _ in &summary.entities {
            self.union.push();
        }
        // Union by key, in entity order; a description is tied to what it describes at the end.
        for (e, entity) in summary.entities.iter().enumerate().filter(|(_, entity)| entity.reference.is_none()) {
            for key in merge_keys(self.resources, entity.kind, [&entity.name].into_iter().chain(&entity.aliases)) {
                match self.owner.get(&key) {
                    Some(&owner) => {
                        self.union.union(owner, first + e);
                    }
                    None => {
                        self.owner.insert(key, first + e);
                    }
                }
            }
        }
        self.links.add(self.resources, &summary, first);

        let DocSummary { meta, entities, mention_counts, mentions, relations, sites, quotes } = summary;
        for (e, (entity, records)) in entities.into_iter().zip(mentions).enumerate() {
            let group = self.groups.entry(self.union.find(first + e)).or_default();
            group.add(d, entity, mention_counts[e], records, &meta.id, self.limits.evidence);
        }
        for (index, (relation, site)) in relations.into_iter().zip(&sites).enumerate() {
            let (mut source, mut target) = (self.union.find(first + relation.source), self.union.find(first + relation.target));
            if relation.kind.is_symmetric() && source > target {
                (source, target) = (target, source);
            }
            let distinguishing =
                relation.kind.distinguishing_attribute().and_then(|key| relation.attributes.get(key).map(|value| (key, value)));
            // "Secretary-General" and "secretary general" are one role; the first spelling is kept.
            let normalised = distinguishing.map(|(_, value)| normalize_name(&value.replace('-', " ")));
            let position = (d, u32::try_from(index).expect("fewer than 2^32 relations a document"));
            let limit = self.limits.evidence_for(relation.kind);
            let edge = self.edges.entry((source, target, relation.kind, normalised)).or_insert_with(|| EdgeBuilder {
                first: position,
                distinguishing: distinguishing.map(|(key, value)| (key, value.clone())),
                values: BTreeMap::new(),
                evidence: Vec::new(),
                seen: (d, HashSet::new()),
                evidence_count: 0,
                weight: 0,
                confidence: 0.0,
            });
            for (key, value) in relation.attributes.iter().filter(|(key, _)| Some(key.as_str()) != relation.kind.distinguishing_attribute())
            {
                edge.values.entry(key.clone()).or_default().insert(value.clone());
            }
            edge.weight += 1;
            edge.confidence = edge.confidence.max(relation.confidence);
            let key = (d, relation.trigger, relation.rule);
            if edge.seen.0 != d {
                edge.seen.0 = d;
                edge.seen.1.clear();
            }
            let distinct = edge.seen.1.insert((relation.trigger, relation.rule));
            edge.evidence_count += usize::from(distinct);
            if distinct && edge.evidence.len() < limit {
                let evidence = Evidence {
                    doc: meta.id.clone(),
                    date: meta.date.clone(),
                    quote: quotes[site.quote].clone(),
                    sentence_start: site.sentence_start,
                    sentence_end: site.sentence_end,
                    trigger_start: site.trigger_start,
                    trigger_end: site.trigger_end,
                    trigger: site.trigger.clone(),
                    rule: relation.rule.to_string(),
                    confidence: relation.confidence,
                };
                edge.evidence.push((position, key, evidence));
            }
        }
        self.documents.push(meta);
    }

    /// Ties the described entities to named ones, then builds one node per
    /// group that has a name and one edge per (source, target, kind) — and
    /// role, for HOLDS_ROLE, so one person's two roles stay two edges.
    pub fn finish(self) -> KnowledgeGraph {
        let Merger { limits, documents, mut union, groups, edges, links, .. } = self;
        links.resolve(&mut union);
        let mut graph = KnowledgeGraph::default();

        // One node per group that has a name (a description that found nothing makes none).
        let mut merged: BTreeMap<usize, GroupBuilder> = BTreeMap::new();
        for (representative, group) in groups {
            match merged.entry(union.find(representative)) {
                Entry::Vacant(slot) => {
                    slot.insert(group);
                }
                Entry::Occupied(mut slot) => slot.get_mut().absorb(group, limits.evidence),
            }
        }
        merged.retain(|_, group| group.named);
        let nodes: Vec<(EntityNode, usize)> =
            merged.into_iter().map(|(representative, group)| (group.into_node(&documents, limits), representative)).collect();
        let node_of_group: BTreeMap<usize, NodeIndex> =
            add_nodes(&mut graph, nodes).into_iter().map(|(index, group)| (group, index)).collect();

        // Edges by their final endpoints, symmetric ones oriented by node id.
        let mut merged: BTreeMap<(NodeIndex, NodeIndex, RelationKind, Option<String>), EdgeBuilder> = BTreeMap::new();
        for ((source, target, kind, key), edge) in edges {
            let (Some(&source), Some(&target)) = (node_of_group.get(&union.find(source)), node_of_group.get(&union.find(target))) else {
                continue;
            };
            if source == target {
                continue;
            }
            let (source, target) =
                if kind.is_symmetric() && graph.graph[source].id > graph.graph[target].id { (target, source) } else { (source, target) };
            match merged.entry((source, target, kind, key)) {
                Entry::Vacant(slot) => {
                    slot.insert(edge);
                }
                Entry::Occupied(mut slot) => slot.get_mut().absorb(edge, limits.evidence_for(kind)),
            }
        }
        for ((source, target, kind, _), edge) in merged {
            graph.graph.add_edge(source, target, edge.into_edge(kind));
        }
        graph.meta.documents = documents;
        graph
    }
}

/// Merges the summaries, sorted by document id, into one graph.
pub fn merge(resources: &Resources, summaries: impl IntoIterator<Item = DocSummary>, limits: Limits) -> KnowledgeGraph {
    let mut merger = Merger::new(resources, limits);
    for summary in summaries {
        merger.add(summary);
    }
    merger.finish()
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

/// What a group of entities gathers while the fold runs.
#[derive(Default)]
struct GroupBuilder {
    /// Whether a member has a name (a group of descriptions only makes no node).
    named: bool,
    kind_votes: BTreeMap<EntityKind, usize>,
    names: BTreeMap<String, NameVotes>,
    aliases: BTreeSet<String>,
    /// The documents of its members, by index, ascending.
    documents: Vec<u32>,
    /// Its first mentions (at most the limit once `into_node` sorts them).
    mentions: Vec<MentionRecord>,
    mention_count: usize,
}

impl GroupBuilder {
    /// Adds one document entity with its mention count and first mentions.
    fn add(&mut self, d: u32, entity: LocalEntity, count: usize, records: Vec<(u32, u32, Box<str>)>, doc: &str, limit: usize) {
        if self.documents.last() != Some(&d) {
            self.documents.push(d);
        }
        if entity.reference.is_some() {
            return; // A description names nothing: no vote, alias or mention.
        }
        self.named = true;
        self.mention_count += count;
        *self.kind_votes.entry(entity.kind).or_default() += count;
        let vote = self.names.entry(entity.name).or_default();
        vote.entities += 1;
        vote.mentions += count;
        self.aliases.extend(entity.aliases);
        let records = records.into_iter().map(|(start, end, text)| MentionRecord { doc: doc.to_string(), start, end, text: text.into() });
        self.mentions.extend(records);
        keep_first(&mut self.mentions, limit);
    }

    /// Takes in another part of the same group.
    fn absorb(&mut self, other: GroupBuilder, limit: usize) {
        self.named |= other.named;
        for (kind, votes) in other.kind_votes {
            *self.kind_votes.entry(kind).or_default() += votes;
        }
        for (name, votes) in other.names {
            let vote = self.names.entry(name).or_default();
            vote.entities += votes.entities;
            vote.mentions += votes.mentions;
        }
        self.aliases.extend(other.aliases);
        self.documents.extend(other.documents);
        self.documents.sort_unstable();
        self.documents.dedup();
        self.mentions.extend(other.mentions);
        keep_first(&mut self.mentions, limit);
        self.mention_count += other.mention_count;
    }

    /// The node: kind and label by vote, the first mentions by document and offset.
    fn into_node(self, documents: &[DocumentMeta], limits: Limits) -> EntityNode {
        let GroupBuilder { kind_votes, names, mut aliases, documents: indices, mut mentions, mention_count, .. } = self;
        let kind = kind_votes.iter().max_by_key(|(kind, votes)| (**votes, std::cmp::Reverse(**kind))).map(|(k, _)| *k).expect("named");
        let label = elected_label(&names).expect("named");
        mentions.sort();
        mentions.truncate(limits.evidence);
        aliases.insert(label.clone());
        let document_count = indices.len();
        let documents = indices.into_iter().take(limits.evidence).map(|d| documents[d as usize].id.clone()).collect();
        EntityNode { id: EntityId::new(kind, &label), kind, label, aliases, names, mention_count, documents, document_count, mentions }
    }
}

/// Keeps the `limit` smallest mentions once there are twice as many, so
/// that a group holds few while it grows (the smallest of a union are among
/// the smallest of its parts).
fn keep_first(mentions: &mut Vec<MentionRecord>, limit: usize) {
    if mentions.len() > limit.saturating_mul(2) {
        mentions.sort();
        mentions.truncate(limit);
    }
}

/// One edge while the fold gathers it.
struct EdgeBuilder {
    /// Where its first relation is stated, with that relation's distinguishing attribute as written.
    first: Position,
    distinguishing: Option<(&'static str, String)>,
    /// Every value of each other attribute, joined once all evidence is in.
    values: BTreeMap<String, BTreeSet<String>>,
    /// Its first pieces of evidence, in corpus order.
    evidence: Vec<(Position, EvidenceKey, Evidence)>,
    /// The evidence of the document folded last, by trigger and rule: documents come in order,
    /// so the set stays as small as one document's evidence however large the corpus.
    seen: (u32, HashSet<(Span, &'static str)>),
    /// How many distinct pieces of evidence it has.
    evidence_count: usize,
    weight: u32,
    confidence: f32,
}

impl EdgeBuilder {
    /// Takes in the relations another part of the same edge gathered: the
    /// first pieces of evidence of both, in corpus order, each once.
    fn absorb(&mut self, mut other: EdgeBuilder, limit: usize) {
        if other.first < self.first {
            std::mem::swap(self, &mut other);
        }
        for (key, values) in other.values {
            self.values.entry(key).or_default().extend(values);
        }
        let mut evidence = std::mem::take(&mut self.evidence);
        evidence.extend(other.evidence);
        evidence.sort_by_key(|(position, _, _)| *position);
        let mut kept = HashSet::new();
        evidence.retain(|(_, key, _)| kept.insert(*key));
        evidence.truncate(limit);
        self.evidence = evidence;
        // Counts add up, as `newsgraph merge` adds up the counts of its parts.
        self.evidence_count += other.evidence_count;
        self.weight += other.weight;
        self.confidence = self.confidence.max(other.confidence);
    }

    /// The edge, with the values of each attribute joined ("met; signed").
    fn into_edge(self, kind: RelationKind) -> RelationEdge {
        let mut values = self.values;
        if let Some((key, value)) = self.distinguishing {
            values.insert(key.to_string(), BTreeSet::from([value]));
        }
        RelationEdge {
            kind,
            attributes: values.into_iter().map(|(key, values)| (key, values.into_iter().collect::<Vec<_>>().join("; "))).collect(),
            evidence: self.evidence.into_iter().map(|(_, _, evidence)| evidence).collect(),
            confidence: self.confidence,
            weight: self.weight,
            evidence_count: self.evidence_count,
        }
    }
}

/// The label of an entity: the name of most document-level entities, then
/// of most mentions, then of most words, then the first in order.
pub fn elected_label(names: &BTreeMap<String, NameVotes>) -> Option<String> {
    names
        .iter()
        .max_by_key(|(name, votes)| (votes.entities, votes.mentions, name.split_whitespace().count(), std::cmp::Reverse(*name)))
        .map(|(name, _)| name.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::summary::EvidenceSite;
    use crate::relation::RelationCandidate;

    /// One document: its organization (`name`, with `aliases`) opposes Kenya in one sentence.
    fn summary(id: &str, name: &str, aliases: &[&str]) -> DocSummary {
        let entity = |kind, name: &str, aliases: &[&str]| LocalEntity {
            kind,
            name: name.to_string(),
            aliases: aliases.iter().map(|alias| alias.to_string()).collect(),
            mentions: Vec::new(),
            reference: None,
        };
        let quote = format!("The {name} condemned Kenya.");
        DocSummary {
            meta: DocumentMeta { id: id.to_string(), date: None, title: None, path: None, hash: None },
            entities: vec![entity(EntityKind::Organization, name, aliases), entity(EntityKind::Country, "Kenya", &["Kenya"])],
            mention_counts: vec![1, 1],
            mentions: vec![vec![(4, 4 + name.chars().count() as u32, name.into())], vec![(0, 5, "Kenya".into())]],
            relations: vec![RelationCandidate {
                kind: RelationKind::Opposes,
                source: 0,
                target: 1,
                attributes: BTreeMap::new(),
                sentence: 0,
                trigger: Span::new(5, 14),
                rule: "opposes.condemned",
                confidence: 0.8,
            }],
            sites: vec![EvidenceSite {
                quote: 0,
                sentence_start: 0,
                sentence_end: 30,
                trigger_start: 5,
                trigger_end: 14,
                trigger: "condemned".into(),
            }],
            quotes: vec![quote],
        }
    }

    /// Two groups kept apart until a third document unites them: the node
    /// and the edge are what one pass over all three gives, the first
    /// evidence in document order whatever the limit.
    #[test]
    fn groups_united_by_a_later_document_merge_exactly() {
        let resources = Resources::builtin().unwrap();
        for evidence in [1, 5] {
            let documents = || {
                vec![
                    summary("a", "NRC", &["NRC"]),
                    summary("b", "Norwegian Refugee Council", &["Norwegian Refugee Council"]),
                    summary("c", "Norwegian Refugee Council", &["Norwegian Refugee Council", "NRC"]),
                ]
            };
            // Before "c", "NRC" and the council are two nodes.
            let apart = merge(&resources, documents().into_iter().take(2), Limits { evidence });
            assert_eq!(apart.graph.node_count(), 3, "evidence {evidence}");
            let graph = merge(&resources, documents(), Limits { evidence });
            assert_eq!(graph.graph.node_count(), 2, "evidence {evidence}");
            let council = graph.node(&EntityId("organization-norwegian-refugee-council".into())).expect("one council");
            assert_eq!(council.documents.iter().map(String::as_str).collect::<Vec<_>>(), ["a", "b", "c"][..evidence.min(3)]);
            assert_eq!(council.document_count, 3);
            assert_eq!(council.mention_count, 3);
            assert_eq!(council.names["Norwegian Refugee Council"], NameVotes { entities: 2, mentions: 2 });
            assert_eq!(council.names["NRC"], NameVotes { entities: 1, mentions: 1 });
            assert_eq!(council.mentions.len(), evidence.min(3));
            assert_eq!(council.mentions[0].doc, "a");
            let edges = graph.edges();
            assert_eq!(edges.len(), 1);
            let (_, kenya, edge) = edges[0];
            assert_eq!(kenya.label, "Kenya");
            assert_eq!((edge.weight, edge.evidence_count), (3, 3));
            let docs: Vec<&str> = edge.evidence.iter().map(|evidence| evidence.doc.as_str()).collect();
            assert_eq!(docs, ["a", "b", "c"][..evidence.min(3)], "evidence {evidence}");
        }
    }
}
