//! The Cytoscape.js writer: `{"elements": {"nodes": [{"data": …}], "edges":
//! [{"data": …}]}}`, which `cy.add(json.elements)` (Cytoscape.js) and File →
//! Import → Network from File (Cytoscape desktop, "Cytoscape.js JSON") read.
//!
//! Node `data`: `id` (the entity id) and the columns of
//! [`super::columns::node_columns`], lists as JSON arrays. Edge `data`: `id`
//! (`e0`, `e1`, … in the graph's edge order; entity ids never look like
//! that, and Cytoscape.js wants node and edge ids distinct), `source`,
//! `target`, and the columns of [`super::columns::edge_columns`] (`label`
//! is the caption, e.g. `HOLDS_ROLE\nPresident`, for a `label: data(label)`
//! style).

use super::columns::{edge_columns, format_real, node_columns, Column, ColumnValue};
use crate::graph::KnowledgeGraph;
use serde_json::{json, Map, Value};

/// The graph as Cytoscape.js JSON, pretty-printed with a trailing newline.
pub fn to_cytoscape(graph: &KnowledgeGraph) -> String {
    let nodes: Vec<Value> = graph
        .nodes()
        .map(|(_, node)| {
            let mut data = Map::new();
            data.insert("id".into(), node.id.0.clone().into());
            insert_columns(&mut data, node_columns(node));
            json!({ "data": data })
        })
        .collect();
    let edges: Vec<Value> = graph
        .edges()
        .into_iter()
        .enumerate()
        .map(|(number, (source, target, edge))| {
            let mut data = Map::new();
            data.insert("id".into(), format!("e{number}").into());
            data.insert("source".into(), source.id.0.clone().into());
            data.insert("target".into(), target.id.0.clone().into());
            insert_columns(&mut data, edge_columns(edge));
            json!({ "data": data })
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&json!({ "elements": { "nodes": nodes, "edges": edges } })).expect("JSON values serialise");
    text.push('\n');
    text
}

fn insert_columns(data: &mut Map<String, Value>, columns: Vec<Column>) {
    for (name, value) in columns {
        let value = match value {
            ColumnValue::Text(text) => Value::from(text),
            ColumnValue::Integer(number) => Value::from(number),
            // Through its shortest decimal form: 0.9, not the widened 0.8999999761581421.
            ColumnValue::Real(number) => format_real(number).parse::<f64>().map_or(Value::Null, Value::from),
            ColumnValue::List(items) => Value::from(items),
        };
        data.insert(name, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::sample::sample_graph;

    #[test]
    fn sample_graph_elements() {
        let text = to_cytoscape(&sample_graph());
        let value: Value = serde_json::from_str(&text).unwrap();
        let nodes = value["elements"]["nodes"].as_array().unwrap();
        let edges = value["elements"]["edges"].as_array().unwrap();
        assert_eq!((nodes.len(), edges.len()), (9, 9));
        let ama = nodes.iter().find(|node| node["data"]["id"] == "person-ama-mensah").unwrap();
        assert_eq!(
            ama["data"],
            json!({"id": "person-ama-mensah", "type": "Person", "label": "Ama Mensah", "aliases": ["Ama Mensah", "Mensah", "Ms. Mensah"],
                   "mention_count": 1, "document_count": 1, "documents": ["sample"]})
        );
        let role = edges.iter().find(|edge| edge["data"]["role"] == "President").unwrap();
        assert_eq!(role["data"]["source"], "person-ama-mensah");
        assert_eq!(role["data"]["label"], "HOLDS_ROLE\nPresident");
        assert_eq!(role["data"]["confidence"].to_string(), "0.9");
        assert_eq!(role["data"]["evidence_date"], "2024-05-06");
    }
}
