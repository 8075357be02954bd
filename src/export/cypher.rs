//! The `cypher` writer: an idempotent Cypher script for Neo4j
//! (`cypher-shell`), Memgraph (`mgconsole`) and FalkorDB.
//!
//! **Layout:** one statement per line, each ending in `;`; lines that start
//! with `//` are comments. A string literal never holds a raw line break
//! (newlines are written `\n`), so a loader may split the file on `\n`, skip
//! comments and empty lines, and send each line as one query (FalkorDB wants
//! the trailing `;` removed).
//!
//! **Nodes:** `MERGE (n:Entity {id: '…'}) SET n:Person, n += {type, label,
//! aliases, mention_count, documents};` — every node has the common label
//! `Entity` plus its kind (`Person`, `Country`, `Organization`, `Resolution`,
//! `Location`). **Edges:** `MATCH` both ends by id, then `MERGE
//! (a)-[r:HOLDS_ROLE {role: '…'}]->(b) SET r += {confidence, weight,
//! evidence_count, evidence_docs, evidence_quotes, …};` — one relationship
//! type per relation kind, merged on (source, type, distinguishing
//! attributes, target). The properties are listed in [`super::properties`].
//!
//! **Idempotent:** running the script twice, or the script of a second
//! corpus, matches the same nodes and edges and overwrites their properties
//! (the last load wins; evidence lists are replaced, not appended).
//!
//! **Literals:** no query parameters exist in a script, so values are
//! literals: single-quoted strings with `\\`, `\'`, `\n`, `\r`, `\t`, `\b`,
//! `\f` escaped and all other characters (emoji, Arabic, ...) kept as they
//! are. `\uXXXX` is not used because FalkorDB does not decode it.

use super::properties::{self, Property, Value, ENTITY_LABEL};
use crate::graph::{EntityKind, EntityNode, KnowledgeGraph, RelationEdge, RelationKind};
use std::fmt::Write;

/// The whole script: a header, then every node, then every edge, in id order.
pub fn to_cypher(graph: &KnowledgeGraph) -> String {
    let mut script = String::new();
    script.push_str("// newsgraph Cypher script: one statement per line; MERGE makes re-running it safe.\n");
    let _ = writeln!(script, "// {} nodes, {} relationships.", graph.graph.node_count(), graph.graph.edge_count());
    script.push_str(
        "// Neo4j, for speed on large graphs, first: CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;\n",
    );
    for (_, node) in graph.nodes() {
        script.push_str(&node_statement(node));
        script.push_str(";\n");
    }
    for (source, target, edge) in graph.edges() {
        script.push_str(&edge_statement(source, target, edge));
        script.push_str(";\n");
    }
    script
}

/// `MERGE (n:Entity {id: …}) SET n:Kind, n += {…}` for one node, without the `;`.
pub fn node_statement(node: &EntityNode) -> String {
    merge_node_clause(&string_literal(&node.id.0), node.kind, &map_literal(&properties::node_properties(node)))
}

/// `MATCH … MATCH … MERGE (a)-[r:TYPE {…}]->(b) SET r += {…}` for one edge, without the `;`.
pub fn edge_statement(source: &EntityNode, target: &EntityNode, edge: &RelationEdge) -> String {
    let key: Vec<(String, String)> =
        properties::edge_key(edge).into_iter().map(|(name, value)| (name.into_owned(), value_literal(&value))).collect();
    merge_edge_clause(
        &string_literal(&source.id.0),
        &string_literal(&target.id.0),
        edge.kind,
        &key,
        &map_literal(&properties::edge_properties(edge)),
    )
}

/// The node `MERGE` with Cypher expressions for the id and the property map;
/// shared by the script (literals) and `newsgraph push` (`row.id`, ...), so
/// both merge the same way.
pub fn merge_node_clause(id: &str, kind: EntityKind, properties: &str) -> String {
    format!("MERGE (n:{ENTITY_LABEL} {{id: {id}}}) SET n:{kind}, n += {properties}")
}

/// The edge `MERGE` with Cypher expressions for the end ids, the
/// distinguishing attributes (name, expression) and the property map.
pub fn merge_edge_clause(source: &str, target: &str, kind: RelationKind, key: &[(String, String)], properties: &str) -> String {
    let pattern = if key.is_empty() {
        String::new()
    } else {
        let pairs: Vec<String> = key.iter().map(|(name, expression)| format!("{name}: {expression}")).collect();
        format!(" {{{}}}", pairs.join(", "))
    };
    format!(
        "MATCH (a:{ENTITY_LABEL} {{id: {source}}}) MATCH (b:{ENTITY_LABEL} {{id: {target}}}) \
         MERGE (a)-[r:{kind}{pattern}]->(b) SET r += {properties}"
    )
}

/// A map literal `{name: value, …}` of properties.
pub fn map_literal(properties: &[Property<'_>]) -> String {
    let pairs: Vec<String> = properties.iter().map(|(name, value)| format!("{name}: {}", value_literal(value))).collect();
    format!("{{{}}}", pairs.join(", "))
}

/// A value as a Cypher literal.
pub fn value_literal(value: &Value<'_>) -> String {
    fn list<T>(items: &[T], literal: impl Fn(&T) -> String) -> String {
        let items: Vec<String> = items.iter().map(literal).collect();
        format!("[{}]", items.join(", "))
    }
    match value {
        Value::Text(text) => string_literal(text),
        Value::Integer(integer) => integer.to_string(),
        Value::Float(float) => float_literal(*float),
        Value::TextList(texts) => list(texts, |text| string_literal(text)),
        Value::IntegerList(integers) => list(integers, |integer| integer.to_string()),
        Value::FloatList(floats) => list(floats, |float| float_literal(*float)),
    }
}

/// A single-quoted Cypher string literal that Neo4j, Memgraph and FalkorDB
/// read back as exactly `text`, with no raw line break in it.
pub fn string_literal(text: &str) -> String {
    let mut literal = String::with_capacity(text.len() + 2);
    literal.push('\'');
    for ch in text.chars() {
        match ch {
            '\\' => literal.push_str("\\\\"),
            '\'' => literal.push_str("\\'"),
            '\n' => literal.push_str("\\n"),
            '\r' => literal.push_str("\\r"),
            '\t' => literal.push_str("\\t"),
            '\u{8}' => literal.push_str("\\b"),
            '\u{c}' => literal.push_str("\\f"),
            other => literal.push(other),
        }
    }
    literal.push('\'');
    literal
}

/// A float literal; `null` for NaN and infinities.
fn float_literal(value: f64) -> String {
    properties::float_text(value).unwrap_or_else(|| "null".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_literals_escape_what_cypher_needs() {
        let cases = [
            ("plain", "'plain'"),
            ("O'Brien", r"'O\'Brien'"),
            ("say \"hi\"", r#"'say "hi"'"#),
            ("back\\slash", r"'back\\slash'"),
            ("line\nbreak", r"'line\nbreak'"),
            ("cr\rlf", r"'cr\rlf'"),
            ("tab\there", r"'tab\there'"),
            ("bell\u{8}form\u{c}", r"'bell\bform\f'"),
            ("\\back", r"'\\back'"),
            ("\\'", r"'\\\''"),
            ("\"]; DROP GRAPH newsgraph; //", r#"'"]; DROP GRAPH newsgraph; //'"#),
            ("Peace 🕊️ Mission", "'Peace 🕊️ Mission'"),
            ("محمد بن سلمان", "'محمد بن سلمان'"),
            ("\\u00e9", r"'\\u00e9'"),
            ("", "''"),
        ];
        for (text, expected) in cases {
            assert_eq!(string_literal(text), expected, "{text:?}");
        }
    }

    #[test]
    fn values_become_literals() {
        let cases = [
            (Value::Integer(3), "3"),
            (Value::Float(1.0), "1.0"),
            (Value::Float(f64::NAN), "null"),
            (Value::TextList(vec!["a'b", "c"]), r"['a\'b', 'c']"),
            (Value::TextList(vec![]), "[]"),
            (Value::IntegerList(vec![1, 22]), "[1, 22]"),
            (Value::FloatList(vec![0.5, 1.0]), "[0.5, 1.0]"),
        ];
        for (value, expected) in cases {
            assert_eq!(value_literal(&value), expected, "{value:?}");
        }
    }

    #[test]
    fn sample_script_has_one_statement_per_line() {
        let graph = crate::graph::sample::sample_graph();
        let script = to_cypher(&graph);
        let statements: Vec<&str> = script.lines().filter(|line| !line.starts_with("//")).collect();
        assert_eq!(statements.len(), graph.graph.node_count() + graph.graph.edge_count());
        assert!(statements.iter().all(|line| line.ends_with(';')));
        assert!(statements.contains(
            &"MERGE (n:Entity {id: 'person-ama-mensah'}) SET n:Person, n += {type: 'Person', label: 'Ama Mensah', \
              aliases: ['Ama Mensah', 'Mensah', 'Ms. Mensah'], mention_count: 1, document_count: 1, documents: ['sample']};"
        ));
        let role_edge = statements.iter().find(|line| line.contains("HOLDS_ROLE {role: 'President'}")).expect("a HOLDS_ROLE edge");
        assert!(role_edge.starts_with(
            "MATCH (a:Entity {id: 'person-ama-mensah'}) MATCH (b:Entity {id: 'country-ghana'}) \
             MERGE (a)-[r:HOLDS_ROLE {role: 'President'}]->(b) SET r += {confidence: 0.9, weight: 1, evidence_count: 1, "
        ));
        assert!(statements.iter().any(|line| line.contains("MERGE (a)-[r:LEADS]->(b)")));
    }

    #[test]
    fn adversarial_script_keeps_every_statement_on_its_line() {
        let graph = crate::graph::sample::adversarial_graph();
        let script = to_cypher(&graph);
        let statements = script.lines().filter(|line| !line.starts_with("//")).count();
        assert_eq!(statements, graph.graph.node_count() + graph.graph.edge_count());
        assert!(script.contains(r"label: 'Line\nBreak Council'"));
        assert!(script.contains("label: 'Quote \"Q\" O\\'Brien'"));
    }
}
