//! The flat columns of nodes and edges that table-minded formats (GraphML,
//! Cytoscape.js) carry, and the caption drawn on an edge (DOT, GraphML and
//! Cytoscape.js `label`). One definition, so the formats agree on names.
//!
//! Node columns: `type`, `label`, `aliases` (list), `mention_count`,
//! `documents` (list). Edge columns: `type`, `label` (the caption), each of
//! the edge's attributes under its own name (`role`, `what`, `kind`; renamed
//! `attribute_NAME` should it clash with a fixed column), `confidence`,
//! `weight`, `evidence_count`, and the first piece of evidence as
//! `evidence_quote`, `evidence_doc`, `evidence_date`, `evidence_rule`.

use crate::graph::{EntityNode, RelationEdge};

/// The edge columns every edge may have; an attribute of the same name is
/// renamed so it cannot overwrite one of them (nor Cytoscape's `id`,
/// `source`, `target`).
pub const FIXED_EDGE_COLUMNS: [&str; 12] = [
    "id",
    "source",
    "target",
    "type",
    "label",
    "confidence",
    "weight",
    "evidence_count",
    "evidence_quote",
    "evidence_doc",
    "evidence_date",
    "evidence_rule",
];

/// The attributes shown on a drawn edge, under its relation type, one per line.
const CAPTION_ATTRIBUTES: [&str; 2] = ["role", "what"];

/// A column value, typed so each format can declare it.
#[derive(Clone, Debug, PartialEq)]
pub enum ColumnValue {
    Text(String),
    Integer(u64),
    Real(f32),
    /// Several strings (aliases, documents): a JSON array where the format has
    /// arrays, a JSON-encoded string where it has not (GraphML).
    List(Vec<String>),
}

/// One named value of a node or an edge.
pub type Column = (String, ColumnValue);

/// The columns of a node, in a fixed order.
pub fn node_columns(node: &EntityNode) -> Vec<Column> {
    vec![
        ("type".into(), ColumnValue::Text(node.kind.as_str().into())),
        ("label".into(), ColumnValue::Text(node.label.clone())),
        ("aliases".into(), ColumnValue::List(node.aliases.iter().cloned().collect())),
        ("mention_count".into(), ColumnValue::Integer(node.mention_count as u64)),
        ("document_count".into(), ColumnValue::Integer(node.document_count as u64)),
        ("documents".into(), ColumnValue::List(node.documents.iter().cloned().collect())),
    ]
}

/// The columns of an edge, in a fixed order; the evidence columns only when
/// the edge has evidence, `evidence_date` only when that evidence is dated.
pub fn edge_columns(edge: &RelationEdge) -> Vec<Column> {
    let mut columns: Vec<Column> =
        vec![("type".into(), ColumnValue::Text(edge.kind.as_str().into())), ("label".into(), ColumnValue::Text(edge_caption(edge)))];
    for (name, value) in &edge.attributes {
        columns.push((attribute_column_name(name), ColumnValue::Text(value.clone())));
    }
    columns.push(("confidence".into(), ColumnValue::Real(edge.confidence)));
    columns.push(("weight".into(), ColumnValue::Integer(u64::from(edge.weight))));
    columns.push(("evidence_count".into(), ColumnValue::Integer(edge.evidence_count as u64)));
    if let Some(first) = edge.evidence.first() {
        columns.push(("evidence_quote".into(), ColumnValue::Text(first.quote.clone())));
        columns.push(("evidence_doc".into(), ColumnValue::Text(first.doc.clone())));
        if let Some(date) = &first.date {
            columns.push(("evidence_date".into(), ColumnValue::Text(date.clone())));
        }
        columns.push(("evidence_rule".into(), ColumnValue::Text(first.rule.clone())));
    }
    columns
}

/// The column name of an edge attribute: its own name unless that is a fixed column.
pub fn attribute_column_name(name: &str) -> String {
    if FIXED_EDGE_COLUMNS.contains(&name) {
        format!("attribute_{name}")
    } else {
        name.to_string()
    }
}

/// What a drawing writes on an edge: the relation type, then its `role` and
/// `what` attributes on their own lines (`HOLDS_ROLE\nPresident`).
pub fn edge_caption(edge: &RelationEdge) -> String {
    let mut caption = edge.kind.as_str().to_string();
    for name in CAPTION_ATTRIBUTES {
        if let Some(value) = edge.attributes.get(name) {
            caption.push('\n');
            caption.push_str(value);
        }
    }
    caption
}

/// A real number as it reads best: `0.9`, not `0.8999999761581421` (the f32
/// widened to f64), and never in exponent form.
pub fn format_real(value: f32) -> String {
    let mut text = value.to_string();
    if value.is_finite() && !text.contains('.') {
        text.push_str(".0");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::sample::sample_graph;
    use crate::graph::RelationKind;

    #[test]
    fn captions() {
        let graph = sample_graph();
        let mut captions: Vec<String> = graph.edges().iter().map(|(_, _, edge)| edge_caption(edge)).collect();
        captions.sort();
        assert_eq!(
            captions,
            [
                "ABSTAINED",
                "ADOPTED",
                "AUTHORIZES",
                "HOLDS_ROLE\nForeign Minister",
                "HOLDS_ROLE\nPresident",
                "LEADS",
                "LOCATED_IN",
                "MEMBER_OF",
                "MET"
            ]
        );
        let contribution = RelationEdge {
            kind: RelationKind::ContributesTo,
            attributes: [("what".to_string(), "troops".to_string())].into(),
            evidence: Vec::new(),
            confidence: 1.0,
            weight: 1,
            evidence_count: 0,
        };
        assert_eq!(edge_caption(&contribution), "CONTRIBUTES_TO\ntroops");
    }

    #[test]
    fn edge_columns_rename_clashing_attributes_and_skip_missing_evidence() {
        let edge = RelationEdge {
            kind: RelationKind::Met,
            attributes: [("kind".to_string(), "talks".to_string()), ("type".to_string(), "x".to_string())].into(),
            evidence: Vec::new(),
            confidence: 1.0,
            weight: 3,
            evidence_count: 0,
        };
        let names: Vec<String> = edge_columns(&edge).into_iter().map(|(name, _)| name).collect();
        assert_eq!(names, ["type", "label", "kind", "attribute_type", "confidence", "weight", "evidence_count"]);
    }

    #[test]
    fn real_numbers() {
        for (value, text) in [(0.9f32, "0.9"), (1.0, "1.0"), (0.0, "0.0"), (0.123_456_79, "0.12345679"), (1e-7, "0.0000001")] {
            assert_eq!(format_real(value), text);
        }
    }
}
