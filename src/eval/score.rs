//! Scoring a [`KnowledgeGraph`] against a [`Gold`] file: plain functions
//! over data, so the CLI and the pipeline's gold test share them.
//!
//! How things count (FORMAT.md's rules, plus the choices it leaves open):
//! - A node *matches* a gold entity when its label or an alias normalizes
//!   ([`normalize_name`]) to the entity's name or an alias. Typed scores
//!   keep only the matches whose gold type equals the node's type.
//! - Precision counts **nodes**: a node is a true positive when it matches
//!   at least one *required* gold entity (of its own type, for typed
//!   scores), ignored when it matches only optional ones, and a false
//!   positive when it matches none. A node matching several gold entities
//!   is still one node: one TP, never several.
//! - Recall counts **gold entities**: a required entity is found when at
//!   least one node matches it. Several nodes matching it find it once; the
//!   extra nodes are [`Duplicate`]s (reported, and TPs for precision, since
//!   each of them does name a real entity).
//! - Furniture nodes match a `not_entities` name. They are listed; when
//!   they match no gold entity they are also false positives (a node that
//!   matches gold too is scored by its gold match: its furniture alias is a
//!   merge error, which the list shows).
//! - Relation ends match with the untyped node matching; the relation type
//!   must be equal, and MET matches in either direction. CO_OCCURS edges are
//!   never scored. A predicted relation is a TP when it matches a required
//!   gold relation, ignored when it matches only optional ones, a FP when an
//!   end matches no gold entity, *ignored* when an end matches only optional
//!   gold entities (the annotators did not commit to relations of entities
//!   they did not commit to), and a FP otherwise.
//! - A gold relation counts for recall only when it is required **and**
//!   both of its ends are required entities; otherwise it is optional.
//! - Empty denominators give 0.0 (JSON has no NaN).

use super::gold::{Gold, GoldEntity, GoldRelation};
use crate::graph::{EntityKind, EntityNode, KnowledgeGraph, RelationEdge, RelationKind};
use crate::text::normalize_name;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Precision, recall and F1 with the counts they come from.
///
/// `tp` and `fp` count predictions (nodes or edges); `found` and `fn` count
/// required gold items. They differ when several predictions match one gold
/// item: precision = tp / (tp + fp), recall = found / (found + fn).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Prf {
    pub tp: usize,
    pub fp: usize,
    pub r#fn: usize,
    pub found: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// Every number and list of one evaluation. Serialises (in this field
/// order) to the `--json` output.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Scores {
    pub entities_typed: Prf,
    pub entities_untyped: Prf,
    /// Typed scores by entity type (`Person`, ...).
    pub per_entity_type: BTreeMap<String, Prf>,
    /// Nodes beyond the first that match the same required gold entity.
    pub duplicate_nodes: usize,
    pub furniture_nodes: usize,
    /// Typed relations, CO_OCCURS excluded.
    pub relations: Prf,
    /// By relation type (`HOLDS_ROLE`, ...).
    pub per_relation_type: BTreeMap<String, Prf>,
    pub counts: Counts,
    pub duplicates: Vec<Duplicate>,
    pub furniture: Vec<FurnitureNode>,
    /// Typed false positives, by node id.
    pub false_positive_nodes: Vec<FalsePositiveNode>,
    /// Required gold entities no node of the same type matches, by id.
    pub missed_entities: Vec<MissedEntity>,
    pub false_positive_relations: Vec<FalsePositiveRelation>,
    pub missed_relations: Vec<MissedRelation>,
}

/// The sizes of what was compared.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub nodes: usize,
    /// Edges scored (CO_OCCURS excluded).
    pub relations: usize,
    pub co_occurs_skipped: usize,
    /// Nodes that match only optional gold entities (untyped).
    pub optional_nodes: usize,
    /// Edges neither rewarded nor punished (optional gold relation or end).
    pub optional_relations: usize,
    pub gold_entities_required: usize,
    pub gold_relations_required: usize,
}

/// Several nodes for one gold entity: a failure to merge.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Duplicate {
    pub gold: String,
    pub name: String,
    pub nodes: Vec<String>,
}

/// A node named like page furniture (`not_entities`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FurnitureNode {
    pub id: String,
    pub label: String,
    /// The `not_entities` names it matches.
    pub names: Vec<String>,
}

/// Why a node or a relation is a false positive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FalsePositiveReason {
    /// Matches no gold entity at all.
    NoGoldMatch,
    /// Matches only `not_entities` names.
    Furniture,
    /// A node that matches gold entities of another type only, or a
    /// relation whose ends gold relates with another type (see `gold`).
    WrongType,
    /// A relation with an end that matches no gold entity.
    UnmatchedEnd,
    /// Gold has the same relation the other way round.
    Reversed,
    /// Both ends match, gold has no relation of this type between them.
    NotInGold,
}

impl FalsePositiveReason {
    pub fn as_str(self) -> &'static str {
        match self {
            FalsePositiveReason::NoGoldMatch => "no gold entity",
            FalsePositiveReason::Furniture => "page furniture",
            FalsePositiveReason::WrongType => "wrong type",
            FalsePositiveReason::UnmatchedEnd => "an end matches no gold entity",
            FalsePositiveReason::Reversed => "reversed",
            FalsePositiveReason::NotInGold => "not in gold",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FalsePositiveNode {
    pub id: String,
    pub label: String,
    #[serde(rename = "type")]
    pub kind: EntityKind,
    pub reason: FalsePositiveReason,
    /// For `wrong_type`: the gold entities it matches, as `id (Type)`.
    pub gold: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MissedEntity {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: EntityKind,
    /// Nodes that match it by name but have another type.
    pub found_as: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FalsePositiveRelation {
    pub source: String,
    #[serde(rename = "type")]
    pub kind: RelationKind,
    pub target: String,
    pub reason: FalsePositiveReason,
    /// Gold relations between the same ends, as `source TYPE target`.
    pub gold: Vec<String>,
    /// The rule and sentence of its first evidence, to find the extractor at fault.
    pub rule: Option<String>,
    pub quote: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MissedRelation {
    pub source: String,
    #[serde(rename = "type")]
    pub kind: RelationKind,
    pub target: String,
    /// Whether some node matches each end (if not, fix the entity first).
    pub source_found: bool,
    pub target_found: bool,
    pub evidence: Option<String>,
}

impl Prf {
    pub fn new(tp: usize, fp: usize, found: usize, missed: usize) -> Prf {
        let ratio = |num: usize, den: usize| if den == 0 { 0.0 } else { num as f64 / den as f64 };
        let precision = ratio(tp, tp + fp);
        let recall = ratio(found, found + missed);
        let f1 = if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
        Prf { tp, fp, r#fn: missed, found, precision, recall, f1 }
    }

    fn is_empty(&self) -> bool {
        self.tp + self.fp + self.found + self.r#fn == 0
    }
}

/// Scores `graph` against `gold`.
pub fn evaluate(gold: &Gold, graph: &KnowledgeGraph) -> Scores {
    let index = GoldIndex::new(gold);
    let nodes: Vec<NodeMatch> = graph.nodes().map(|(_, node)| index.match_node(node)).collect();
    let mut scores = Scores {
        entities_typed: Prf::default(),
        entities_untyped: Prf::default(),
        per_entity_type: BTreeMap::new(),
        duplicate_nodes: 0,
        furniture_nodes: 0,
        relations: Prf::default(),
        per_relation_type: BTreeMap::new(),
        counts: Counts {
            nodes: nodes.len(),
            gold_entities_required: gold.entities.iter().filter(|entity| entity.required).count(),
            gold_relations_required: (0..gold.relations.len()).filter(|&idx| index.relation_required(idx)).count(),
            ..Counts::default()
        },
        duplicates: Vec::new(),
        furniture: Vec::new(),
        false_positive_nodes: Vec::new(),
        missed_entities: Vec::new(),
        false_positive_relations: Vec::new(),
        missed_relations: Vec::new(),
    };
    score_entities(&index, &nodes, &mut scores);
    score_relations(&index, &nodes, graph, &mut scores);
    scores
}

/// Gold names normalized once.
struct GoldIndex<'g> {
    gold: &'g Gold,
    by_name: BTreeMap<String, BTreeSet<usize>>,
    by_id: BTreeMap<&'g str, usize>,
    furniture: BTreeMap<String, BTreeSet<&'g str>>,
}

/// One node and the gold entities (indices into `gold.entities`) it matches.
struct NodeMatch<'a> {
    node: &'a EntityNode,
    gold: BTreeSet<usize>,
    furniture: BTreeSet<&'a str>,
}

/// What one prediction counts as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verdict {
    TruePositive,
    Optional,
    FalsePositive,
}

impl<'g> GoldIndex<'g> {
    fn new(gold: &'g Gold) -> GoldIndex<'g> {
        let mut by_name: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
        for (entity_idx, entity) in gold.entities.iter().enumerate() {
            for name in std::iter::once(&entity.name).chain(&entity.aliases) {
                let key = normalize_name(name);
                if !key.is_empty() {
                    by_name.entry(key).or_default().insert(entity_idx);
                }
            }
        }
        let mut furniture: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
        for name in &gold.not_entities {
            let key = normalize_name(name);
            if !key.is_empty() {
                furniture.entry(key).or_default().insert(name.as_str());
            }
        }
        let by_id = gold.entities.iter().enumerate().map(|(idx, entity)| (entity.id.as_str(), idx)).collect();
        GoldIndex { gold, by_name, by_id, furniture }
    }

    fn match_node<'a>(&'a self, node: &'a EntityNode) -> NodeMatch<'a> {
        let mut matched = NodeMatch { node, gold: BTreeSet::new(), furniture: BTreeSet::new() };
        for name in std::iter::once(&node.label).chain(&node.aliases) {
            let key = normalize_name(name);
            if let Some(entities) = self.by_name.get(&key) {
                matched.gold.extend(entities);
            }
            if let Some(names) = self.furniture.get(&key) {
                matched.furniture.extend(names);
            }
        }
        matched
    }

    fn entity(&self, entity_idx: usize) -> &'g GoldEntity {
        &self.gold.entities[entity_idx]
    }

    /// The entity a relation end names. `Gold::check` guarantees one; for
    /// a `Gold` built in code without it, an unknown end matches nothing.
    fn end(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Required, and between required entities.
    fn relation_required(&self, relation_idx: usize) -> bool {
        let relation = &self.gold.relations[relation_idx];
        relation.required
            && [&relation.source, &relation.target]
                .into_iter()
                .all(|end| self.end(end).is_some_and(|entity_idx| self.entity(entity_idx).required))
    }

    /// The verdict for a prediction that matches `gold_items`, given which are required.
    fn verdict(matches: impl IntoIterator<Item = bool>) -> Verdict {
        let mut verdict = Verdict::FalsePositive;
        for required in matches {
            if required {
                return Verdict::TruePositive;
            }
            verdict = Verdict::Optional;
        }
        verdict
    }
}

impl NodeMatch<'_> {
    /// The matches that count for typed scores.
    fn typed<'s>(&'s self, index: &'s GoldIndex) -> impl Iterator<Item = usize> + 's {
        self.gold.iter().copied().filter(move |&idx| index.entity(idx).kind == self.node.kind)
    }
}

fn score_entities(index: &GoldIndex, nodes: &[NodeMatch], scores: &mut Scores) {
    let entities = &index.gold.entities;
    let mut found_untyped: BTreeSet<usize> = BTreeSet::new();
    let mut found_typed: BTreeSet<usize> = BTreeSet::new();
    let mut matching_nodes: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
    let (mut untyped_tp, mut untyped_fp) = (0, 0);
    // Per type: (tp, fp) of nodes.
    let mut per_kind: BTreeMap<EntityKind, (usize, usize)> = BTreeMap::new();

    for matched in nodes {
        let node = matched.node;
        found_untyped.extend(matched.gold.iter().filter(|&&idx| entities[idx].required));
        found_typed.extend(matched.typed(index).filter(|&idx| entities[idx].required));
        for &entity_idx in &matched.gold {
            matching_nodes.entry(entity_idx).or_default().push(&node.id.0);
        }
        if !matched.furniture.is_empty() {
            scores.furniture.push(FurnitureNode {
                id: node.id.0.clone(),
                label: node.label.clone(),
                names: matched.furniture.iter().map(|name| name.to_string()).collect(),
            });
        }

        match GoldIndex::verdict(matched.gold.iter().map(|&idx| entities[idx].required)) {
            Verdict::TruePositive => untyped_tp += 1,
            Verdict::Optional => scores.counts.optional_nodes += 1,
            Verdict::FalsePositive => untyped_fp += 1,
        }
        let counts = per_kind.entry(node.kind).or_default();
        match GoldIndex::verdict(matched.typed(index).map(|idx| entities[idx].required)) {
            Verdict::TruePositive => counts.0 += 1,
            Verdict::Optional => {}
            Verdict::FalsePositive => {
                counts.1 += 1;
                let reason = if !matched.gold.is_empty() {
                    FalsePositiveReason::WrongType
                } else if !matched.furniture.is_empty() {
                    FalsePositiveReason::Furniture
                } else {
                    FalsePositiveReason::NoGoldMatch
                };
                scores.false_positive_nodes.push(FalsePositiveNode {
                    id: node.id.0.clone(),
                    label: node.label.clone(),
                    kind: node.kind,
                    reason,
                    gold: matched.gold.iter().map(|&idx| format!("{} ({})", entities[idx].id, entities[idx].kind)).collect(),
                });
            }
        }
    }

    let required = || entities.iter().enumerate().filter(|(_, entity)| entity.required);
    let n_required = required().count();
    scores.entities_untyped = Prf::new(untyped_tp, untyped_fp, found_untyped.len(), n_required - found_untyped.len());
    let typed_tp = per_kind.values().map(|counts| counts.0).sum();
    let typed_fp = per_kind.values().map(|counts| counts.1).sum();
    scores.entities_typed = Prf::new(typed_tp, typed_fp, found_typed.len(), n_required - found_typed.len());
    for kind in EntityKind::ALL {
        let (tp, fp) = per_kind.get(&kind).copied().unwrap_or_default();
        let (found, missed) = required().filter(|(_, entity)| entity.kind == kind).fold((0, 0), |(found, missed), (idx, _)| {
            if found_typed.contains(&idx) {
                (found + 1, missed)
            } else {
                (found, missed + 1)
            }
        });
        let prf = Prf::new(tp, fp, found, missed);
        if !prf.is_empty() {
            scores.per_entity_type.insert(kind.as_str().to_string(), prf);
        }
    }

    for (entity_idx, entity) in required() {
        let node_ids = matching_nodes.get(&entity_idx).map(Vec::as_slice).unwrap_or_default();
        if node_ids.len() > 1 {
            scores.duplicate_nodes += node_ids.len() - 1;
            scores.duplicates.push(Duplicate {
                gold: entity.id.clone(),
                name: entity.name.clone(),
                nodes: node_ids.iter().map(|id| id.to_string()).collect(),
            });
        }
        if !found_typed.contains(&entity_idx) {
            scores.missed_entities.push(MissedEntity {
                id: entity.id.clone(),
                name: entity.name.clone(),
                kind: entity.kind,
                found_as: node_ids.iter().map(|id| id.to_string()).collect(),
            });
        }
    }
    scores.furniture_nodes = scores.furniture.len();
    scores.duplicates.sort_by(|a, b| a.gold.cmp(&b.gold));
    scores.missed_entities.sort_by(|a, b| a.id.cmp(&b.id));
}

fn score_relations(index: &GoldIndex, nodes: &[NodeMatch], graph: &KnowledgeGraph, scores: &mut Scores) {
    let relations = &index.gold.relations;
    let by_node: BTreeMap<&str, &NodeMatch> = nodes.iter().map(|matched| (matched.node.id.0.as_str(), matched)).collect();
    let mut found = BTreeSet::new();
    // Per type: (tp, fp) of edges.
    let mut per_kind: BTreeMap<RelationKind, (usize, usize)> = BTreeMap::new();

    for (source, target, edge) in graph.edges() {
        if edge.kind == RelationKind::CoOccurs {
            scores.counts.co_occurs_skipped += 1;
            continue;
        }
        scores.counts.relations += 1;
        let (Some(source_match), Some(target_match)) = (by_node.get(source.id.0.as_str()), by_node.get(target.id.0.as_str())) else {
            continue; // Unreachable: every edge end is a node of the graph.
        };
        let matching: Vec<usize> = (0..relations.len())
            .filter(|&idx| relation_matches(index, &relations[idx], edge.kind, &source_match.gold, &target_match.gold))
            .collect();
        found.extend(matching.iter().copied().filter(|&idx| index.relation_required(idx)));
        let counts = per_kind.entry(edge.kind).or_default();
        match GoldIndex::verdict(matching.iter().map(|&idx| index.relation_required(idx))) {
            Verdict::TruePositive => counts.0 += 1,
            Verdict::Optional => scores.counts.optional_relations += 1,
            Verdict::FalsePositive => {
                let required_end = |matched: &NodeMatch| matched.gold.iter().any(|&idx| index.entity(idx).required);
                if source_match.gold.is_empty() || target_match.gold.is_empty() {
                    counts.1 += 1;
                    let fp = false_positive_relation(source, target, edge, FalsePositiveReason::UnmatchedEnd, Vec::new());
                    scores.false_positive_relations.push(fp);
                } else if !required_end(source_match) || !required_end(target_match) {
                    scores.counts.optional_relations += 1;
                } else {
                    counts.1 += 1;
                    let fp = explain_relation(index, source, target, edge, &source_match.gold, &target_match.gold);
                    scores.false_positive_relations.push(fp);
                }
            }
        }
    }

    let found_by_end = |id: &str| nodes.iter().any(|matched| index.end(id).is_some_and(|entity_idx| matched.gold.contains(&entity_idx)));
    let mut per_kind_gold: BTreeMap<RelationKind, (usize, usize)> = BTreeMap::new();
    for (relation_idx, relation) in relations.iter().enumerate() {
        if !index.relation_required(relation_idx) {
            continue;
        }
        let counts = per_kind_gold.entry(relation.kind).or_default();
        if found.contains(&relation_idx) {
            counts.0 += 1;
        } else {
            counts.1 += 1;
            scores.missed_relations.push(MissedRelation {
                source: relation.source.clone(),
                kind: relation.kind,
                target: relation.target.clone(),
                source_found: found_by_end(&relation.source),
                target_found: found_by_end(&relation.target),
                evidence: relation.evidence.first().cloned(),
            });
        }
    }

    let sum = |map: &BTreeMap<RelationKind, (usize, usize)>| map.values().fold((0, 0), |acc, counts| (acc.0 + counts.0, acc.1 + counts.1));
    let ((tp, fp), (n_found, missed)) = (sum(&per_kind), sum(&per_kind_gold));
    scores.relations = Prf::new(tp, fp, n_found, missed);
    for kind in RelationKind::ALL {
        let (tp, fp) = per_kind.get(&kind).copied().unwrap_or_default();
        let (n_found, missed) = per_kind_gold.get(&kind).copied().unwrap_or_default();
        let prf = Prf::new(tp, fp, n_found, missed);
        if !prf.is_empty() {
            scores.per_relation_type.insert(kind.as_str().to_string(), prf);
        }
    }
    scores.missed_relations.sort_by(|a, b| (&a.source, a.kind, &a.target).cmp(&(&b.source, b.kind, &b.target)));
}

/// Same type, and both ends match (either way round for MET).
fn relation_matches(
    index: &GoldIndex,
    relation: &GoldRelation,
    kind: RelationKind,
    source: &BTreeSet<usize>,
    target: &BTreeSet<usize>,
) -> bool {
    if relation.kind != kind {
        return false;
    }
    let (Some(gold_source), Some(gold_target)) = (index.end(&relation.source), index.end(&relation.target)) else {
        return false;
    };
    let forward = source.contains(&gold_source) && target.contains(&gold_target);
    let backward = source.contains(&gold_target) && target.contains(&gold_source);
    forward || (kind.is_symmetric() && backward)
}

/// A false positive between two gold-matching ends: say what gold has there.
fn explain_relation(
    index: &GoldIndex,
    source: &EntityNode,
    target: &EntityNode,
    edge: &RelationEdge,
    source_gold: &BTreeSet<usize>,
    target_gold: &BTreeSet<usize>,
) -> FalsePositiveRelation {
    let mut reason = FalsePositiveReason::NotInGold;
    let mut between = Vec::new();
    for relation in &index.gold.relations {
        let (Some(gold_source), Some(gold_target)) = (index.end(&relation.source), index.end(&relation.target)) else {
            continue;
        };
        let forward = source_gold.contains(&gold_source) && target_gold.contains(&gold_target);
        let backward = source_gold.contains(&gold_target) && target_gold.contains(&gold_source);
        if !forward && !backward {
            continue;
        }
        between.push(format!("{} {} {}", relation.source, relation.kind, relation.target));
        if relation.kind == edge.kind && backward {
            reason = FalsePositiveReason::Reversed;
        } else if reason == FalsePositiveReason::NotInGold {
            reason = FalsePositiveReason::WrongType;
        }
    }
    false_positive_relation(source, target, edge, reason, between)
}

fn false_positive_relation(
    source: &EntityNode,
    target: &EntityNode,
    edge: &RelationEdge,
    reason: FalsePositiveReason,
    gold: Vec<String>,
) -> FalsePositiveRelation {
    let evidence = edge.evidence.first();
    FalsePositiveRelation {
        source: source.id.0.clone(),
        kind: edge.kind,
        target: target.id.0.clone(),
        reason,
        gold,
        rule: evidence.map(|evidence| evidence.rule.clone()),
        quote: evidence.map(|evidence| evidence.quote.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{EntityId, Evidence};
    use EntityKind::{Country, Organization, Person};

    /// A gold entity; `required` as given.
    fn entity(id: &str, kind: EntityKind, name: &str, aliases: &[&str], required: bool) -> GoldEntity {
        GoldEntity {
            id: id.into(),
            kind,
            name: name.into(),
            aliases: aliases.iter().map(|alias| alias.to_string()).collect(),
            documents: Vec::new(),
            required,
        }
    }

    fn relation(source: &str, kind: RelationKind, target: &str, required: bool) -> GoldRelation {
        GoldRelation {
            source: source.into(),
            kind,
            target: target.into(),
            attributes: BTreeMap::new(),
            documents: Vec::new(),
            evidence: vec![format!("{source} {kind} {target}")],
            required,
        }
    }

    fn gold(entities: Vec<GoldEntity>, relations: Vec<GoldRelation>, not_entities: &[&str]) -> Gold {
        let gold = Gold {
            format: 1,
            documents: Vec::new(),
            entities,
            relations,
            not_entities: not_entities.iter().map(|name| name.to_string()).collect(),
        };
        gold.check().expect("test gold is consistent");
        gold
    }

    /// A graph of `(kind, label, aliases)` nodes and `(source label, kind,
    /// target label)` edges.
    fn graph(nodes: &[(EntityKind, &str, &[&str])], edges: &[(&str, RelationKind, &str)]) -> KnowledgeGraph {
        let mut graph = KnowledgeGraph::default();
        let mut by_label = BTreeMap::new();
        for &(kind, label, aliases) in nodes {
            let index = graph.add_node(EntityNode {
                id: EntityId::new(kind, label),
                kind,
                label: label.into(),
                aliases: aliases.iter().map(|alias| alias.to_string()).chain([label.to_string()]).collect(),
                names: BTreeMap::new(),
                mention_count: 1,
                documents: BTreeSet::new(),
                document_count: 0,
                mentions: Vec::new(),
            });
            by_label.insert(label, index);
        }
        for &(source, kind, target) in edges {
            let evidence = Evidence {
                doc: "doc".into(),
                date: None,
                quote: format!("{source} {kind} {target}."),
                sentence_start: 0,
                sentence_end: 0,
                trigger_start: 0,
                trigger_end: 0,
                trigger: String::new(),
                rule: "test.rule".into(),
                confidence: 1.0,
            };
            let edge =
                RelationEdge { kind, attributes: BTreeMap::new(), evidence: vec![evidence], confidence: 1.0, weight: 1, evidence_count: 1 };
            graph.graph.add_edge(by_label[source], by_label[target], edge);
        }
        graph
    }

    /// (tp, fp, found, fn)
    type Tally = (usize, usize, usize, usize);
    type Nodes = &'static [(EntityKind, &'static str, &'static [&'static str])];
    type Edges = &'static [(&'static str, RelationKind, &'static str)];

    fn counts(prf: &Prf) -> Tally {
        (prf.tp, prf.fp, prf.found, prf.r#fn)
    }

    #[test]
    fn entity_matching_table() {
        let cases: [(&str, Vec<GoldEntity>, Nodes, Tally, Tally); 9] = [
            ("periods", vec![entity("us", Country, "U.S.", &[], true)], &[(Country, "US", &[])], (1, 0, 1, 0), (1, 0, 1, 0)),
            ("possessive", vec![entity("kenya", Country, "Kenya", &[], true)], &[(Country, "Kenya’s", &[])], (1, 0, 1, 0), (1, 0, 1, 0)),
            (
                "leading the",
                vec![entity("bahamas", Country, "The Bahamas", &[], true)],
                &[(Country, "Bahamas", &[])],
                (1, 0, 1, 0),
                (1, 0, 1, 0),
            ),
            (
                "node alias against gold alias",
                vec![entity("ruto", Person, "William Ruto", &["Ruto"], true)],
                &[(Person, "President Ruto", &["Ruto"])],
                (1, 0, 1, 0),
                (1, 0, 1, 0),
            ),
            ("no match", vec![entity("kenya", Country, "Kenya", &[], true)], &[(Country, "Kenyatta", &[])], (0, 1, 0, 1), (0, 1, 0, 1)),
            (
                "wrong type counts untyped only",
                vec![entity("kenya", Country, "Kenya", &[], true)],
                &[(Organization, "Kenya", &[])],
                (0, 1, 0, 1),
                (1, 0, 1, 0),
            ),
            (
                "duplicates find once, count as TPs",
                vec![entity("ruto", Person, "William Ruto", &["Ruto"], true)],
                &[(Person, "William Ruto", &[]), (Person, "Ruto", &[])],
                (2, 0, 1, 0),
                (2, 0, 1, 0),
            ),
            (
                "optional entities are neither TP, FP nor FN",
                vec![entity("reporter", Person, "Jacqueline Charles", &[], false), entity("haiti", Country, "Haiti", &[], true)],
                &[(Person, "Jacqueline Charles", &[])],
                (0, 0, 0, 1),
                (0, 0, 0, 1),
            ),
            (
                "one node matching two gold entities is one TP and finds both",
                vec![entity("kenya", Country, "Kenya", &[], true), entity("haiti", Country, "Haiti", &[], true)],
                &[(Country, "Kenya", &["Haiti"])],
                (1, 0, 2, 0),
                (1, 0, 2, 0),
            ),
        ];
        for (name, entities, nodes, typed, untyped) in cases {
            let scores = evaluate(&gold(entities, Vec::new(), &[]), &graph(nodes, &[]));
            assert_eq!(counts(&scores.entities_typed), typed, "{name}: typed");
            assert_eq!(counts(&scores.entities_untyped), untyped, "{name}: untyped");
        }
    }

    #[test]
    fn typed_matching_prefers_a_same_type_gold_entity() {
        // "Kenya" is both a required country and an optional organization
        // (say, a sports team): the Organization node is optional when typed,
        // a TP untyped; the Country node is a TP either way.
        let gold = gold(
            vec![entity("kenya", Country, "Kenya", &[], true), entity("kenya-team", Organization, "Kenya", &[], false)],
            Vec::new(),
            &[],
        );
        let scores = evaluate(&gold, &graph(&[(Organization, "Kenya", &[])], &[]));
        assert_eq!(counts(&scores.entities_typed), (0, 0, 0, 1));
        assert_eq!(counts(&scores.entities_untyped), (1, 0, 1, 0));
        assert_eq!(scores.missed_entities[0].found_as, ["organization-kenya"]);
        let scores = evaluate(&gold, &graph(&[(Country, "Kenya", &[])], &[]));
        assert_eq!(counts(&scores.entities_typed), (1, 0, 1, 0));
    }

    #[test]
    fn lists_per_type_duplicates_and_furniture() {
        let gold = gold(
            vec![
                entity("kenya", Country, "Kenya", &["Kenyan"], true),
                entity("ruto", Person, "William Ruto", &["Ruto"], true),
                entity("un", Organization, "United Nations", &["U.N."], true),
            ],
            Vec::new(),
            &["Mike Pence"],
        );
        let graph = graph(
            &[
                (Country, "Kenya", &[]),
                (Country, "Kenyan", &[]),
                (Organization, "William Ruto", &[]),
                (Person, "Mike Pence", &["Pence"]),
                (Person, "Jerome", &[]),
            ],
            &[],
        );
        let scores = evaluate(&gold, &graph);
        assert_eq!(counts(&scores.entities_typed), (2, 3, 1, 2));
        assert_eq!(counts(&scores.entities_untyped), (3, 2, 2, 1));
        assert_eq!(counts(&scores.per_entity_type["Country"]), (2, 0, 1, 0));
        assert_eq!(counts(&scores.per_entity_type["Organization"]), (0, 1, 0, 1));
        assert_eq!(counts(&scores.per_entity_type["Person"]), (0, 2, 0, 1));
        assert_eq!(scores.per_entity_type.len(), 3);
        assert_eq!(scores.duplicate_nodes, 1);
        assert_eq!(
            scores.duplicates,
            [Duplicate { gold: "kenya".into(), name: "Kenya".into(), nodes: vec!["country-kenya".into(), "country-kenyan".into()] }]
        );
        assert_eq!(scores.furniture_nodes, 1);
        assert_eq!(
            scores.furniture,
            [FurnitureNode { id: "person-mike-pence".into(), label: "Mike Pence".into(), names: vec!["Mike Pence".into()] }]
        );
        let reasons: Vec<_> = scores.false_positive_nodes.iter().map(|node| (node.id.as_str(), node.reason, node.gold.clone())).collect();
        assert_eq!(
            reasons,
            [
                ("organization-william-ruto", FalsePositiveReason::WrongType, vec!["ruto (Person)".to_string()]),
                ("person-jerome", FalsePositiveReason::NoGoldMatch, vec![]),
                ("person-mike-pence", FalsePositiveReason::Furniture, vec![]),
            ]
        );
        let missed: Vec<_> = scores.missed_entities.iter().map(|entity| (entity.id.as_str(), entity.found_as.clone())).collect();
        assert_eq!(missed, [("ruto", vec!["organization-william-ruto".to_string()]), ("un", vec![])]);
    }

    fn relation_gold() -> Gold {
        gold(
            vec![
                entity("ruto", Person, "William Ruto", &["Ruto"], true),
                entity("henry", Person, "Ariel Henry", &["Henry"], true),
                entity("kenya", Country, "Kenya", &[], true),
                entity("haiti", Country, "Haiti", &[], true),
                entity("mss", Organization, "Multinational Security Support mission", &["MSS"], true),
                entity("reporter", Person, "Jacqueline Charles", &[], false),
            ],
            vec![
                relation("ruto", RelationKind::Met, "henry", true),
                relation("ruto", RelationKind::HoldsRole, "kenya", true),
                relation("kenya", RelationKind::Leads, "mss", true),
                relation("henry", RelationKind::HoldsRole, "haiti", false),
            ],
            &[],
        )
    }

    #[test]
    fn relation_table() {
        use RelationKind::*;
        let nodes: Nodes = &[
            (Person, "Ruto", &[]),
            (Person, "Ariel Henry", &[]),
            (Country, "Kenya", &[]),
            (Country, "Haiti", &[]),
            (Organization, "MSS", &[]),
            (Person, "Jacqueline Charles", &[]),
            (Person, "Nobody", &[]),
        ];
        // (case, edges, (tp, fp, found, fn), false-positive reasons)
        let cases: [(&str, Edges, Tally, &[FalsePositiveReason]); 9] = [
            ("exact", &[("Ruto", Met, "Ariel Henry"), ("Ruto", HoldsRole, "Kenya")], (2, 0, 2, 1), &[]),
            ("MET either way round", &[("Ariel Henry", Met, "Ruto")], (1, 0, 1, 2), &[]),
            ("other types are directed", &[("Kenya", HoldsRole, "Ruto")], (0, 1, 0, 3), &[FalsePositiveReason::Reversed]),
            ("type mismatch", &[("Kenya", MemberOf, "MSS")], (0, 1, 0, 3), &[FalsePositiveReason::WrongType]),
            ("not in gold", &[("Ruto", Met, "Haiti")], (0, 1, 0, 3), &[FalsePositiveReason::NotInGold]),
            ("unmatched end", &[("Nobody", Met, "Ruto")], (0, 1, 0, 3), &[FalsePositiveReason::UnmatchedEnd]),
            ("optional gold relation", &[("Ariel Henry", HoldsRole, "Haiti")], (0, 0, 0, 3), &[]),
            ("optional end", &[("Jacqueline Charles", Met, "Ruto")], (0, 0, 0, 3), &[]),
            ("CO_OCCURS is never scored", &[("Ruto", CoOccurs, "Ariel Henry"), ("Nobody", CoOccurs, "Kenya")], (0, 0, 0, 3), &[]),
        ];
        for (name, edges, expected, reasons) in cases {
            let scores = evaluate(&relation_gold(), &graph(nodes, edges));
            assert_eq!(counts(&scores.relations), expected, "{name}");
            let actual: Vec<_> = scores.false_positive_relations.iter().map(|relation| relation.reason).collect();
            assert_eq!(actual, reasons, "{name}");
            assert_eq!(scores.missed_relations.len(), expected.3, "{name}");
        }
    }

    #[test]
    fn relation_lists_and_per_type() {
        use RelationKind::*;
        let graph = graph(
            &[(Person, "Ruto", &[]), (Person, "Henry", &[]), (Country, "Kenya", &[]), (Organization, "MSS", &[])],
            &[("Henry", Met, "Ruto"), ("Ruto", Met, "Henry"), ("Kenya", MemberOf, "MSS"), ("Ruto", CoOccurs, "Kenya")],
        );
        let scores = evaluate(&relation_gold(), &graph);
        // Both MET edges match the one gold MET: two TPs, found once.
        assert_eq!(counts(&scores.relations), (2, 1, 1, 2));
        assert_eq!(counts(&scores.per_relation_type["MET"]), (2, 0, 1, 0));
        assert_eq!(counts(&scores.per_relation_type["MEMBER_OF"]), (0, 1, 0, 0));
        assert_eq!(counts(&scores.per_relation_type["LEADS"]), (0, 0, 0, 1));
        assert_eq!(counts(&scores.per_relation_type["HOLDS_ROLE"]), (0, 0, 0, 1));
        assert!(!scores.per_relation_type.contains_key("CO_OCCURS"));
        assert_eq!((scores.counts.relations, scores.counts.co_occurs_skipped), (3, 1));
        let fp = &scores.false_positive_relations[0];
        assert_eq!((fp.source.as_str(), fp.kind, fp.target.as_str()), ("country-kenya", MemberOf, "organization-mss"));
        assert_eq!(fp.gold, ["kenya LEADS mss"]);
        assert_eq!(fp.rule.as_deref(), Some("test.rule"));
        let missed: Vec<_> = scores
            .missed_relations
            .iter()
            .map(|r| (r.source.as_str(), r.kind, r.target.as_str(), r.source_found, r.target_found))
            .collect();
        assert_eq!(missed, [("kenya", Leads, "mss", true, true), ("ruto", HoldsRole, "kenya", true, true)]);
    }

    #[test]
    fn required_relation_with_an_optional_end_is_optional() {
        let gold = gold(
            vec![entity("ruto", Person, "Ruto", &[], true), entity("reporter", Person, "Jacqueline Charles", &[], false)],
            vec![relation("reporter", RelationKind::Met, "ruto", true)],
            &[],
        );
        let scores = evaluate(&gold, &graph(&[], &[]));
        assert_eq!(counts(&scores.relations), (0, 0, 0, 0));
        assert_eq!(scores.counts.gold_relations_required, 0);
    }

    #[test]
    fn unchecked_gold_with_an_unknown_end_does_not_panic() {
        let mut gold = relation_gold();
        gold.relations.push(relation("ruto", RelationKind::Met, "nobody", true));
        let scores = evaluate(&gold, &graph(&[(Person, "Ruto", &[]), (Person, "Henry", &[])], &[("Ruto", RelationKind::Met, "Henry")]));
        assert_eq!(counts(&scores.relations), (1, 0, 1, 2));
    }

    #[test]
    fn prf_arithmetic() {
        let prf = Prf::new(3, 1, 2, 2);
        assert_eq!((prf.precision, prf.recall), (0.75, 0.5));
        assert!((prf.f1 - 0.6).abs() < 1e-12);
        assert_eq!(Prf::new(0, 0, 0, 0), Prf::default());
    }

    #[test]
    fn sample_graph_scores_perfectly_against_its_own_gold() {
        let graph = crate::graph::sample::sample_graph();
        let entities = graph.nodes().map(|(_, node)| entity(&node.id.0, node.kind, &node.label, &[], true)).collect();
        let relations =
            graph.edges().into_iter().map(|(source, target, edge)| relation(&source.id.0, edge.kind, &target.id.0, true)).collect();
        let scores = evaluate(&gold(entities, relations, &[]), &graph);
        for prf in [scores.entities_typed, scores.entities_untyped, scores.relations] {
            assert_eq!((prf.precision, prf.recall, prf.f1), (1.0, 1.0, 1.0));
        }
        assert!(scores.false_positive_nodes.is_empty() && scores.missed_relations.is_empty());
    }
}
