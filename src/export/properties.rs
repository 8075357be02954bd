//! Node and edge properties as flat, typed values: the one list that the
//! graph-database writers (`cypher`, `neo4j-csv`, `newsgraph push`) share, so
//! every database receives the same property names, types and order.
//!
//! Graph databases accept primitives and lists of primitives as property
//! values, never maps, so each edge's evidence becomes parallel lists
//! (`evidence_quotes[i]` goes with `evidence_docs[i]`, ...). A missing evidence
//! date is an empty string, because Neo4j lists cannot hold nulls. Mention
//! records are left out: `documents` and `mention_count` summarise them.

use crate::graph::{EntityNode, RelationEdge};
use std::borrow::Cow;

/// A property value that Neo4j, FalkorDB, Memgraph and kuzu all accept.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    Text(&'a str),
    Integer(i64),
    Float(f64),
    TextList(Vec<&'a str>),
    IntegerList(Vec<i64>),
    FloatList(Vec<f64>),
}

/// A property: its name and value, in a fixed order.
pub type Property<'a> = (Cow<'a, str>, Value<'a>);

/// The common label every node carries besides its entity kind, so one
/// index or `MERGE` on `(:Entity {id})` finds any node.
pub const ENTITY_LABEL: &str = "Entity";

/// A node's properties besides `id` (which `MERGE` matches on):
/// `type`, `label`, `aliases`, `mention_count`, `document_count`, `documents` (the first of them).
pub fn node_properties(node: &EntityNode) -> Vec<Property<'_>> {
    vec![
        ("type".into(), Value::Text(node.kind.as_str())),
        ("label".into(), Value::Text(&node.label)),
        ("aliases".into(), Value::TextList(node.aliases.iter().map(String::as_str).collect())),
        ("mention_count".into(), Value::Integer(saturating_i64(node.mention_count as u64))),
        ("document_count".into(), Value::Integer(saturating_i64(node.document_count as u64))),
        ("documents".into(), Value::TextList(node.documents.iter().map(String::as_str).collect())),
    ]
}

/// An edge's distinguishing attribute (`role` of HOLDS_ROLE, see
/// [`crate::graph::RelationKind::distinguishing_attribute`]): together with
/// source, type and target it identifies the edge, so `MERGE` matches on it.
/// Names are made safe with [`property_name`].
pub fn edge_key(edge: &RelationEdge) -> Vec<(Cow<'_, str>, Value<'_>)> {
    let key = edge.kind.distinguishing_attribute();
    edge.attributes
        .iter()
        .filter(|(name, _)| Some(name.as_str()) == key)
        .map(|(name, value)| (property_name(name), Value::Text(value)))
        .collect()
}

/// An edge's other properties: its other attributes (`kind`, `what`, ...),
/// confidence, weight, evidence count, and the evidence as parallel lists.
pub fn edge_properties(edge: &RelationEdge) -> Vec<Property<'_>> {
    let key = edge.kind.distinguishing_attribute();
    let mut properties: Vec<Property<'_>> = edge
        .attributes
        .iter()
        .filter(|(name, _)| Some(name.as_str()) != key)
        .map(|(name, value)| (property_name(name), Value::Text(value)))
        .collect();
    properties.extend(edge_values(edge));
    properties
}

/// Every attribute of an edge (`role`, `kind`, `what`, ...), names made safe.
pub fn edge_attributes(edge: &RelationEdge) -> Vec<(Cow<'_, str>, Value<'_>)> {
    edge.attributes.iter().map(|(name, value)| (property_name(name), Value::Text(value))).collect()
}

/// The properties every edge has: confidence, weight, evidence count, and
/// the evidence as parallel lists.
pub fn edge_values(edge: &RelationEdge) -> Vec<Property<'_>> {
    let evidence = &edge.evidence;
    let texts = |field: fn(&crate::graph::Evidence) -> &str| Value::TextList(evidence.iter().map(field).collect());
    let integers = |field: fn(&crate::graph::Evidence) -> u32| Value::IntegerList(evidence.iter().map(|e| i64::from(field(e))).collect());
    vec![
        ("confidence".into(), Value::Float(f64::from(edge.confidence))),
        ("weight".into(), Value::Integer(i64::from(edge.weight))),
        ("evidence_count".into(), Value::Integer(saturating_i64(edge.evidence_count as u64))),
        ("evidence_docs".into(), texts(|e| &e.doc)),
        ("evidence_dates".into(), texts(|e| e.date.as_deref().unwrap_or(""))),
        ("evidence_quotes".into(), texts(|e| &e.quote)),
        ("evidence_triggers".into(), texts(|e| &e.trigger)),
        ("evidence_rules".into(), texts(|e| &e.rule)),
        ("evidence_confidences".into(), Value::FloatList(evidence.iter().map(|e| f64::from(e.confidence)).collect())),
        ("evidence_sentence_starts".into(), integers(|e| e.sentence_start)),
        ("evidence_sentence_ends".into(), integers(|e| e.sentence_end)),
        ("evidence_trigger_starts".into(), integers(|e| e.trigger_start)),
        ("evidence_trigger_ends".into(), integers(|e| e.trigger_end)),
    ]
}

/// A property name every target accepts unquoted: ASCII letters, digits and
/// `_`, not starting with a digit. Attribute names come from `graph.json`
/// and could hold anything; FalkorDB cannot escape a backtick inside a
/// quoted name and CSV headers give `:` a meaning, so other characters
/// become `_`.
pub fn property_name(name: &str) -> Cow<'_, str> {
    let is_safe = |(i, ch): (usize, char)| ch == '_' || ch.is_ascii_alphabetic() || (i > 0 && ch.is_ascii_digit());
    if !name.is_empty() && name.chars().enumerate().all(is_safe) {
        return Cow::Borrowed(name);
    }
    let mut safe: String = name.chars().map(|ch| if ch == '_' || ch.is_ascii_alphanumeric() { ch } else { '_' }).collect();
    if safe.is_empty() || safe.starts_with(|ch: char| ch.is_ascii_digit()) {
        safe.insert(0, '_');
    }
    Cow::Owned(safe)
}

/// A float as the shortest text that reads back as the same value and always
/// has a point (`1.0`, never `1`, which databases would read as an integer).
/// The graph's f32 confidences print in their f32 form, so `0.9` stays `0.9`
/// after widening. `None` for NaN and infinities, which JSON cannot hold anyway.
pub fn float_text(value: f64) -> Option<String> {
    if !value.is_finite() {
        return None;
    }
    let narrowed = value as f32;
    Some(if f64::from(narrowed) == value { format!("{narrowed:?}") } else { format!("{value:?}") })
}

fn saturating_i64(value: u64) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn property_names_are_plain_identifiers() {
        let cases = [
            ("role", "role"),
            ("what_2", "what_2"),
            ("2nd", "_2nd"),
            ("", "_"),
            ("a:b", "a_b"),
            ("with space", "with_space"),
            ("back`tick", "back_tick"),
            ("rôle", "r_le"),
        ];
        for (name, expected) in cases {
            assert_eq!(property_name(name), expected, "{name:?}");
        }
    }

    #[test]
    fn floats_always_have_a_point_and_keep_their_short_form() {
        let cases = [(1.0, Some("1.0")), (f64::from(0.9f32), Some("0.9")), (0.25, Some("0.25")), (0.1, Some("0.1")), (f64::NAN, None)];
        for (value, expected) in cases {
            assert_eq!(float_text(value).as_deref(), expected, "{value}");
        }
    }

    #[test]
    fn evidence_becomes_parallel_lists_of_one_length() {
        let graph = crate::graph::sample::sample_graph();
        for (_, _, edge) in graph.edges() {
            for (name, value) in edge_properties(edge) {
                let length = match value {
                    Value::TextList(list) => list.len(),
                    Value::IntegerList(list) => list.len(),
                    Value::FloatList(list) => list.len(),
                    Value::Text(_) | Value::Integer(_) | Value::Float(_) => continue,
                };
                assert_eq!(length, edge.evidence.len(), "{name}");
            }
        }
    }
}
