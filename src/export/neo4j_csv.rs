//! The `neo4j-csv` writer: `nodes.csv` and `relationships.csv` with the
//! headers of `neo4j-admin database import full`, which kuzu can also load.
//!
//! **nodes.csv:** `id:ID`, `:LABEL` (`Entity` plus the kind, e.g.
//! `Entity␟Person`), then the properties of [`super::properties`]:
//! `type`, `label`, `aliases:string[]`, `mention_count:long`, `documents:string[]`.
//! **relationships.csv:** `:START_ID`, `:END_ID`, `:TYPE` (`MET`,
//! `HOLDS_ROLE`, ...), one column per distinguishing attribute found in the
//! graph (`kind`, `role`, `what`; empty where an edge has none), then
//! `confidence:double`, `weight:long`, `evidence_count:long` and the evidence
//! as parallel arrays (`evidence_quotes:string[]`, `evidence_docs:string[]`,
//! `evidence_dates:string[]`, ... `evidence_trigger_ends:long[]`).
//!
//! **Array delimiter:** U+001F (the ASCII unit separator), not neo4j-admin's
//! default `;`, because names and quoted sentences often contain `;` and the
//! importer has no way to escape it. Import with:
//!
//! ```text
//! neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv \
//!     --array-delimiter=U+001F --multiline-fields=true --ignore-empty-strings=true neo4j
//! ```
//!
//! `--multiline-fields` because a quote may span lines; `--ignore-empty-strings`
//! so an edge without a `role` gets no `role` property, as with the Cypher
//! script. A U+001F inside a value (text never legitimately holds one)
//! becomes a space. Fields are quoted by the `csv` crate (RFC 4180: `"`
//! doubled), the files end lines with `\n` and are UTF-8 without a BOM.

use super::properties::{self, Value, ENTITY_LABEL};
use crate::graph::KnowledgeGraph;
use std::collections::BTreeSet;

/// The node file's name.
pub const NODES_FILE: &str = "nodes.csv";
/// The relationship file's name.
pub const RELATIONSHIPS_FILE: &str = "relationships.csv";
/// The separator of array elements (and of the labels in `:LABEL`).
pub const ARRAY_DELIMITER: char = '\u{1F}';

/// Both files: `[(nodes.csv, …), (relationships.csv, …)]`.
pub fn to_csv_files(graph: &KnowledgeGraph) -> Vec<(String, String)> {
    vec![(NODES_FILE.into(), nodes_csv(graph)), (RELATIONSHIPS_FILE.into(), relationships_csv(graph))]
}

/// `nodes.csv`: a header and one row per node, in id order.
pub fn nodes_csv(graph: &KnowledgeGraph) -> String {
    // The header comes from a real node's properties, so names and types
    // cannot drift from the rows; an empty graph takes it from a blank node.
    let blank = blank_node();
    let first_node = graph.nodes().next().map_or(&blank, |(_, node)| node);
    let mut header = vec!["id:ID".to_string(), ":LABEL".to_string()];
    header.extend(properties::node_properties(first_node).iter().map(|(name, value)| column(name, value)));
    let mut writer = csv_writer();
    writer.write_record(&header).expect("writing CSV to memory");
    for (_, node) in graph.nodes() {
        let mut row = vec![node.id.0.clone(), format!("{ENTITY_LABEL}{ARRAY_DELIMITER}{}", node.kind)];
        row.extend(properties::node_properties(node).iter().map(|(_, value)| cell(value)));
        writer.write_record(&row).expect("writing CSV to memory");
    }
    finish(writer)
}

/// `relationships.csv`: a header and one row per edge, in the graph's edge order.
pub fn relationships_csv(graph: &KnowledgeGraph) -> String {
    let edges = graph.edges();
    let attribute_names: BTreeSet<String> =
        edges.iter().flat_map(|(_, _, edge)| properties::edge_attributes(edge).into_iter().map(|(name, _)| name.into_owned())).collect();
    let blank = blank_edge();
    let first_edge = edges.first().map_or(&blank, |(_, _, edge)| *edge);
    let mut header = vec![":START_ID".to_string(), ":END_ID".to_string(), ":TYPE".to_string()];
    header.extend(attribute_names.iter().cloned());
    header.extend(properties::edge_values(first_edge).iter().map(|(name, value)| column(name, value)));
    let mut writer = csv_writer();
    writer.write_record(&header).expect("writing CSV to memory");
    for (source, target, edge) in &edges {
        let key = properties::edge_attributes(edge);
        let mut row = vec![source.id.0.clone(), target.id.0.clone(), edge.kind.as_str().to_string()];
        row.extend(
            attribute_names
                .iter()
                .map(|wanted| key.iter().find(|(name, _)| name == wanted).map(|(_, value)| cell(value)).unwrap_or_default()),
        );
        row.extend(properties::edge_values(edge).iter().map(|(_, value)| cell(value)));
        writer.write_record(&row).expect("writing CSV to memory");
    }
    finish(writer)
}

/// A header column: the name and the neo4j-admin type (`aliases:string[]`).
fn column(name: &str, value: &Value<'_>) -> String {
    let suffix = match value {
        Value::Text(_) => "",
        Value::Integer(_) => ":long",
        Value::Float(_) => ":double",
        Value::TextList(_) => ":string[]",
        Value::IntegerList(_) => ":long[]",
        Value::FloatList(_) => ":double[]",
    };
    format!("{name}{suffix}")
}

/// A field: lists joined with [`ARRAY_DELIMITER`]; a non-finite float is empty.
fn cell(value: &Value<'_>) -> String {
    fn join<T>(items: &[T], text: impl Fn(&T) -> String) -> String {
        items.iter().map(text).collect::<Vec<_>>().join(&ARRAY_DELIMITER.to_string())
    }
    let float = |value: f64| properties::float_text(value).unwrap_or_default();
    match value {
        Value::Text(text) => text.to_string(),
        Value::Integer(integer) => integer.to_string(),
        Value::Float(value) => float(*value),
        Value::TextList(texts) => join(texts, |text| text.replace(ARRAY_DELIMITER, " ")),
        Value::IntegerList(integers) => join(integers, i64::to_string),
        Value::FloatList(floats) => join(floats, |value| float(*value)),
    }
}

fn csv_writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new())
}

fn finish(writer: csv::Writer<Vec<u8>>) -> String {
    let bytes = writer.into_inner().expect("flushing CSV to memory");
    String::from_utf8(bytes).expect("CSV of UTF-8 fields is UTF-8")
}

fn blank_node() -> crate::graph::EntityNode {
    crate::graph::EntityNode {
        id: crate::graph::EntityId(String::new()),
        kind: crate::graph::EntityKind::Person,
        label: String::new(),
        aliases: BTreeSet::new(),
        names: Default::default(),
        mention_count: 0,
        documents: BTreeSet::new(),
        document_count: 0,
        mentions: Vec::new(),
    }
}

fn blank_edge() -> crate::graph::RelationEdge {
    crate::graph::RelationEdge {
        kind: crate::graph::RelationKind::Met,
        attributes: Default::default(),
        evidence: Vec::new(),
        confidence: 0.0,
        weight: 0,
        evidence_count: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(csv_text: &str) -> Vec<String> {
        csv::Reader::from_reader(csv_text.as_bytes()).headers().unwrap().iter().map(String::from).collect()
    }

    #[test]
    fn node_header_has_neo4j_admin_types() {
        let graph = crate::graph::sample::sample_graph();
        let expected =
            ["id:ID", ":LABEL", "type", "label", "aliases:string[]", "mention_count:long", "document_count:long", "documents:string[]"];
        assert_eq!(header(&nodes_csv(&graph)), expected);
        assert_eq!(header(&nodes_csv(&KnowledgeGraph::default())), expected);
    }

    #[test]
    fn relationship_header_has_attribute_columns_and_evidence_arrays() {
        let expected = [
            ":START_ID",
            ":END_ID",
            ":TYPE",
            "kind",
            "role",
            "confidence:double",
            "weight:long",
            "evidence_count:long",
            "evidence_docs:string[]",
            "evidence_dates:string[]",
            "evidence_quotes:string[]",
            "evidence_triggers:string[]",
            "evidence_rules:string[]",
            "evidence_confidences:double[]",
            "evidence_sentence_starts:long[]",
            "evidence_sentence_ends:long[]",
            "evidence_trigger_starts:long[]",
            "evidence_trigger_ends:long[]",
        ];
        assert_eq!(header(&relationships_csv(&crate::graph::sample::sample_graph())), expected);
        let without_attributes: Vec<&str> = expected.iter().copied().filter(|name| *name != "kind" && *name != "role").collect();
        assert_eq!(header(&relationships_csv(&KnowledgeGraph::default())), without_attributes);
    }

    #[test]
    fn rows_carry_labels_arrays_and_empty_missing_attributes() {
        let graph = crate::graph::sample::sample_graph();
        let nodes = nodes_csv(&graph);
        assert!(
            nodes.contains("person-ama-mensah,Entity\u{1F}Person,Person,Ama Mensah,Ama Mensah\u{1F}Mensah\u{1F}Ms. Mensah,1,1,sample\n")
        );
        let relationships = relationships_csv(&graph);
        assert!(relationships.contains("person-ama-mensah,country-ghana,HOLDS_ROLE,,President,0.9,1,1,sample,2024-05-06,"));
        assert!(relationships.contains("person-ama-mensah,person-luis-quispe,MET,met,,0.9,"));
    }

    #[test]
    fn adversarial_fields_read_back_unchanged() {
        let graph = crate::graph::sample::adversarial_graph();
        let nodes = nodes_csv(&graph);
        let mut reader = csv::Reader::from_reader(nodes.as_bytes());
        let labels: BTreeSet<String> = reader.records().map(|record| record.unwrap()[3].to_string()).collect();
        let expected: BTreeSet<String> = crate::graph::sample::ADVERSARIAL_NAMES.iter().map(|name| name.to_string()).collect();
        assert_eq!(labels, expected);
    }
}
