//! The GraphML writer (quick-xml), for Gephi, yEd, Cytoscape desktop and
//! `networkx.read_graphml`.
//!
//! One directed `<graph>`; every column of [`super::columns`] is declared
//! by a `<key>` with its `attr.name` and `attr.type` (`string`, `int`,
//! `double`), node keys first, each group sorted by name. Node ids are the
//! entity ids; edge ids are `e0`, `e1`, … in the graph's edge order.
//! List columns (`aliases`, `documents`) are JSON-encoded arrays of strings
//! (`["Mensah","Ms. Mensah"]`): GraphML has no list type, and JSON keeps any
//! name, even one containing a separator, intact.
//!
//! XML 1.0 cannot hold most control characters at all: one that a name
//! carries becomes U+FFFD, its code in hex and a semicolon (BEL becomes
//! `\u{FFFD}07;`), and U+FFFD itself becomes `\u{FFFD}FFFD;`, so the mapping
//! is one-to-one: two ids that differ only in control characters stay two
//! ids. Carriage returns, and in attribute values line
//! breaks and tabs, are written as character references so that XML parsers
//! do not normalise them away.

use super::columns::{edge_columns, format_real, node_columns, Column, ColumnValue};
use crate::graph::KnowledgeGraph;
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::name::QName;
use quick_xml::Writer;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io;

const GRAPHML_NAMESPACE: &str = "http://graphml.graphdrawing.org/xmlns";
const SCHEMA_LOCATION: &str = "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";

/// The graph as GraphML, with a trailing newline; byte-identical for the same graph.
pub fn to_graphml(graph: &KnowledgeGraph) -> String {
    let node_rows: Vec<(String, Vec<Column>)> = graph.nodes().map(|(_, node)| (node.id.0.clone(), node_columns(node))).collect();
    let edge_rows: Vec<(String, String, Vec<Column>)> =
        graph.edges().into_iter().map(|(source, target, edge)| (source.id.0.clone(), target.id.0.clone(), edge_columns(edge))).collect();
    let node_keys = KeyTable::new("node", node_rows.iter().map(|(_, columns)| columns), 0);
    let edge_keys = KeyTable::new("edge", edge_rows.iter().map(|(_, _, columns)| columns), node_keys.keys.len());
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    write_document(&mut writer, &node_keys, &edge_keys, &node_rows, &edge_rows).expect("writing to memory cannot fail");
    let mut text = String::from_utf8(writer.into_inner()).expect("the writer is given UTF-8 only");
    text.push('\n');
    text
}

/// `text` escaped for XML 1.0 element content (`in_attribute: false`) or a
/// double-quoted attribute value (`true`).
pub fn escape_xml(text: &str, in_attribute: bool) -> String {
    let mut escaped = String::with_capacity(text.len());
    // Quotes need escaping only inside an attribute value.
    let base = if in_attribute { quick_xml::escape::escape(text) } else { quick_xml::escape::partial_escape(text) };
    for ch in base.chars() {
        match ch {
            '\r' => escaped.push_str("&#13;"),
            '\n' if in_attribute => escaped.push_str("&#10;"),
            '\t' if in_attribute => escaped.push_str("&#9;"),
            '\n' | '\t' => escaped.push(ch),
            ch if ch.is_control() && (ch as u32) < 0x20 || matches!(ch, '\u{FFFD}' | '\u{FFFE}' | '\u{FFFF}') => {
                escaped.push_str(&format!("\u{FFFD}{:02X};", ch as u32))
            }
            ch => escaped.push(ch),
        }
    }
    escaped
}

/// The `<key>`s of one element kind: column name -> (key id, attr.type).
struct KeyTable {
    element: &'static str,
    keys: BTreeMap<String, (String, &'static str)>,
}

impl KeyTable {
    /// Declares every column seen in `rows`, numbering key ids from `first_number`.
    fn new<'a>(element: &'static str, rows: impl Iterator<Item = &'a Vec<Column>>, first_number: usize) -> KeyTable {
        let mut types: BTreeMap<String, &'static str> = BTreeMap::new();
        for (name, value) in rows.flatten() {
            types.entry(name.clone()).or_insert_with(|| graphml_type(value));
        }
        let keys = types.into_iter().enumerate().map(|(i, (name, kind))| (name, (format!("d{}", first_number + i), kind))).collect();
        KeyTable { element, keys }
    }
}

fn graphml_type(value: &ColumnValue) -> &'static str {
    match value {
        ColumnValue::Text(_) | ColumnValue::List(_) => "string",
        ColumnValue::Integer(_) => "int",
        ColumnValue::Real(_) => "double",
    }
}

fn graphml_value(value: &ColumnValue) -> String {
    match value {
        ColumnValue::Text(text) => text.clone(),
        ColumnValue::Integer(number) => number.to_string(),
        ColumnValue::Real(number) => format_real(*number),
        ColumnValue::List(items) => serde_json::to_string(items).expect("strings serialise"),
    }
}

/// An attribute whose value is escaped here (quick-xml's own escaping would
/// let line breaks through, which parsers turn into spaces).
fn attribute<'a>(name: &'a str, value: &str) -> Attribute<'a> {
    Attribute { key: QName(name.as_bytes()), value: Cow::Owned(escape_xml(value, true).into_bytes()) }
}

fn write_document(
    writer: &mut Writer<Vec<u8>>,
    node_keys: &KeyTable,
    edge_keys: &KeyTable,
    node_rows: &[(String, Vec<Column>)],
    edge_rows: &[(String, String, Vec<Column>)],
) -> io::Result<()> {
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    writer
        .create_element("graphml")
        .with_attribute(attribute("xmlns", GRAPHML_NAMESPACE))
        .with_attribute(attribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"))
        .with_attribute(attribute("xsi:schemaLocation", SCHEMA_LOCATION))
        .write_inner_content(|writer| {
            for table in [node_keys, edge_keys] {
                for (name, (id, kind)) in &table.keys {
                    writer
                        .create_element("key")
                        .with_attribute(attribute("id", id))
                        .with_attribute(attribute("for", table.element))
                        .with_attribute(attribute("attr.name", name))
                        .with_attribute(attribute("attr.type", kind))
                        .write_empty()?;
                }
            }
            writer
                .create_element("graph")
                .with_attribute(attribute("id", "newsgraph"))
                .with_attribute(attribute("edgedefault", "directed"))
                .write_inner_content(|writer| {
                    for (id, columns) in node_rows {
                        writer
                            .create_element("node")
                            .with_attribute(attribute("id", id))
                            .write_inner_content(|writer| write_data(writer, node_keys, columns))?;
                    }
                    for (number, (source, target, columns)) in edge_rows.iter().enumerate() {
                        writer
                            .create_element("edge")
                            .with_attribute(attribute("id", &format!("e{number}")))
                            .with_attribute(attribute("source", source))
                            .with_attribute(attribute("target", target))
                            .write_inner_content(|writer| write_data(writer, edge_keys, columns))?;
                    }
                    Ok(())
                })?;
            Ok(())
        })?;
    Ok(())
}

fn write_data(writer: &mut Writer<Vec<u8>>, keys: &KeyTable, columns: &[Column]) -> io::Result<()> {
    for (name, value) in columns {
        let (key_id, _) = &keys.keys[name];
        writer
            .create_element("data")
            .with_attribute(attribute("key", key_id))
            .write_text_content(BytesText::from_escaped(escape_xml(&graphml_value(value), false)))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::sample::sample_graph;

    #[test]
    fn escaping_table() {
        for (text, element, attribute) in [
            ("Tom & Jerry <b>", "Tom &amp; Jerry &lt;b&gt;", "Tom &amp; Jerry &lt;b&gt;"),
            ("</key><key id=\"x\">", "&lt;/key&gt;&lt;key id=\"x\"&gt;", "&lt;/key&gt;&lt;key id=&quot;x&quot;&gt;"),
            ("O'Brien", "O'Brien", "O&apos;Brien"),
            ("Line\nBreak\tTab", "Line\nBreak\tTab", "Line&#10;Break&#9;Tab"),
            ("CR\r\nLF", "CR&#13;\nLF", "CR&#13;&#10;LF"),
            ("bell\u{7}nul\u{0}", "bell\u{FFFD}07;nul\u{FFFD}00;", "bell\u{FFFD}07;nul\u{FFFD}00;"),
            ("a\u{FFFD}07;", "a\u{FFFD}FFFD;07;", "a\u{FFFD}FFFD;07;"),
            ("محمد 🕊️", "محمد 🕊️", "محمد 🕊️"),
        ] {
            assert_eq!(escape_xml(text, false), element, "{text:?}");
            assert_eq!(escape_xml(text, true), attribute, "{text:?}");
        }
    }

    #[test]
    fn control_characters_do_not_make_ids_collide() {
        // BEL and BS both became U+FFFD, so two ids that differ only there were one.
        let ids = ["a\u{7}", "a\u{8}", "a\u{FFFD}", "a\u{FFFD}07;", "a"];
        let escaped: std::collections::BTreeSet<String> = ids.iter().map(|id| escape_xml(id, true)).collect();
        assert_eq!(escaped.len(), ids.len(), "{escaped:?}");
    }

    #[test]
    fn sample_graph_declares_typed_keys_and_numbers_edges() {
        let graphml = to_graphml(&sample_graph());
        for key in [
            r#"<key id="d0" for="node" attr.name="aliases" attr.type="string"/>"#,
            r#"<key id="d1" for="node" attr.name="document_count" attr.type="int"/>"#,
            r#"<key id="d4" for="node" attr.name="mention_count" attr.type="int"/>"#,
            r#"<key id="d6" for="edge" attr.name="confidence" attr.type="double"/>"#,
            r#"attr.name="role" attr.type="string"/>"#,
            r#"attr.name="evidence_quote" attr.type="string"/>"#,
            r#"<graph id="newsgraph" edgedefault="directed">"#,
            r#"<node id="person-ama-mensah">"#,
            r#"<data key="d0">["Ama Mensah","Mensah","Ms. Mensah"]</data>"#,
            r#"<edge id="e8" source="resolution-resolution-9001" target="organization-coastal-support-mission">"#,
        ] {
            assert!(graphml.contains(key), "{key} missing:\n{graphml}");
        }
        assert!(!graphml.contains("<edge id=\"e9\""), "nine edges");
        assert_eq!(graphml, to_graphml(&sample_graph()), "deterministic");
    }
}
