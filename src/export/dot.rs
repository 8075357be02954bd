//! The Graphviz DOT writer: the graph as a `dot_structures` syntax tree,
//! printed by graphviz-rust's printer.
//!
//! Drawing rules: each entity type has its own shape and fill colour, shown
//! in a legend cluster; a node is labelled with the entity's label, an edge
//! with its relation type plus `role`/`what` on a second line
//! (`HOLDS_ROLE\nPresident`). MET has no arrowhead (it is symmetric);
//! CO_OCCURS is dashed grey. SVG viewers show an entity's type and aliases,
//! and an edge's first evidence quote, as tooltips.
//!
//! Every id and value is a double-quoted DOT string (see [`quoted`]), so any
//! name survives Graphviz unchanged. Cutting the graph down (`--focus`,
//! `--types`) happens before, in [`super::select`].

use super::columns::edge_caption;
use crate::graph::{EntityKind, EntityNode, KnowledgeGraph, RelationEdge, RelationKind};
use graphviz_rust::dot_structures::{Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph, Vertex};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use std::collections::BTreeSet;

/// The font of every label; one Graphviz ships with on every platform.
const FONT: &str = "Helvetica";
/// Legend node ids start with this; entity ids (`person-…`) never do.
const LEGEND_ID_PREFIX: &str = "__legend_";

/// The graph in DOT, with a trailing newline; byte-identical for the same graph.
pub fn to_dot(graph: &KnowledgeGraph) -> String {
    let mut statements = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![attribute("rankdir", "LR"), attribute("fontname", FONT)])),
        Stmt::GAttribute(GraphAttributes::Node(vec![attribute("style", "filled"), attribute("fontname", FONT)])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![attribute("fontname", FONT), attribute("fontsize", "10")])),
    ];
    let kinds_present: BTreeSet<EntityKind> = graph.nodes().map(|(_, node)| node.kind).collect();
    if !kinds_present.is_empty() {
        statements.push(Stmt::Subgraph(legend(&kinds_present)));
    }
    statements.extend(graph.nodes().map(|(_, node)| Stmt::Node(entity_node(node))));
    statements.extend(graph.edges().into_iter().map(|(source, target, edge)| Stmt::Edge(relation_edge(source, target, edge))));
    let dot_graph = Graph::DiGraph { id: Id::Plain("newsgraph".into()), strict: false, stmts: statements };
    let mut text = dot_graph.print(&mut PrinterContext::default());
    text.push('\n');
    text
}

/// `text` as a DOT double-quoted string that Graphviz reads back as exactly
/// `text`, label escapes included: `"` and `\` are backslash-escaped (so
/// `\n`, `\N`, `\G` in a name stay literal), a line break becomes `\n` (a
/// centred line break), and other control characters, which Graphviz cannot
/// draw, become spaces.
pub fn quoted(text: &str) -> Id {
    let mut escaped = String::with_capacity(text.len() + 2);
    escaped.push('"');
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '"' => escaped.push_str("\\\""),
            '\\' => escaped.push_str("\\\\"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => escaped.push_str("\\n"),
            ch if ch.is_control() => escaped.push(' '),
            ch => escaped.push(ch),
        }
    }
    escaped.push('"');
    Id::Escaped(escaped)
}

/// The shape and fill colour of an entity type (ColorBrewer "Paired", light tones).
fn style(kind: EntityKind) -> (&'static str, &'static str) {
    match kind {
        EntityKind::Person => ("ellipse", "#a6cee3"),
        EntityKind::Country => ("box", "#b2df8a"),
        EntityKind::Organization => ("hexagon", "#fdbf6f"),
        EntityKind::Resolution => ("note", "#fb9a99"),
        EntityKind::Location => ("house", "#cab2d6"),
    }
}

fn attribute(name: &str, value: &str) -> Attribute {
    Attribute(Id::Plain(name.into()), quoted(value))
}

fn node_id(id: &str) -> NodeId {
    NodeId(quoted(id), None)
}

/// A cluster with one sample node per entity type present.
fn legend(kinds: &BTreeSet<EntityKind>) -> Subgraph {
    let mut statements = vec![
        Stmt::Attribute(attribute("label", "Entity types")),
        Stmt::Attribute(attribute("style", "rounded")),
        Stmt::Attribute(attribute("fontname", FONT)),
    ];
    for &kind in kinds {
        let (shape, colour) = style(kind);
        statements.push(Stmt::Node(Node::new(
            node_id(&format!("{LEGEND_ID_PREFIX}{kind}")),
            vec![attribute("label", kind.as_str()), attribute("shape", shape), attribute("fillcolor", colour)],
        )));
    }
    Subgraph { id: Id::Plain("cluster_legend".into()), stmts: statements }
}

fn entity_node(node: &EntityNode) -> Node {
    let (shape, colour) = style(node.kind);
    let aliases: Vec<&str> = node.aliases.iter().map(String::as_str).filter(|alias| *alias != node.label).collect();
    let tooltip = if aliases.is_empty() { node.kind.to_string() } else { format!("{}; also: {}", node.kind, aliases.join(", ")) };
    Node::new(
        node_id(&node.id.0),
        vec![attribute("label", &node.label), attribute("shape", shape), attribute("fillcolor", colour), attribute("tooltip", &tooltip)],
    )
}

fn relation_edge(source: &EntityNode, target: &EntityNode, edge: &RelationEdge) -> Edge {
    let mut attributes = vec![attribute("label", &edge_caption(edge))];
    if let Some(evidence) = edge.evidence.first() {
        attributes.push(attribute("tooltip", &evidence.quote));
    }
    if edge.kind.is_symmetric() {
        attributes.push(attribute("dir", "none"));
    }
    if edge.kind == RelationKind::CoOccurs {
        attributes.extend([attribute("style", "dashed"), attribute("color", "grey"), attribute("fontcolor", "grey")]);
    }
    Edge { ty: EdgeTy::Pair(Vertex::N(node_id(&source.id.0)), Vertex::N(node_id(&target.id.0))), attributes }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::sample::sample_graph;

    fn quoted_text(text: &str) -> String {
        match quoted(text) {
            Id::Escaped(escaped) => escaped,
            other => panic!("not escaped: {other:?}"),
        }
    }

    #[test]
    fn quoting_table() {
        for (text, expected) in [
            ("Ama Mensah", r#""Ama Mensah""#),
            ("Quote \"Q\"", r#""Quote \"Q\"""#),
            ("Back\\slash", r#""Back\\slash""#),
            ("ends with \\", r#""ends with \\""#),
            ("Line\nBreak", r#""Line\nBreak""#),
            ("CR\r\nLF and lone\rCR", r#""CR\nLF and lone\nCR""#),
            ("tab\there\u{0}", r#""tab here ""#),
            ("\\N and \\G stay literal", r#""\\N and \\G stay literal""#),
            ("\"]; DROP", r#""\"]; DROP""#),
            ("</key> & <b>", r#""</key> & <b>""#),
            ("محمد 🕊️", "\"محمد 🕊️\""),
            ("", r#""""#),
        ] {
            assert_eq!(quoted_text(text), expected, "{text:?}");
        }
    }

    #[test]
    fn sample_graph_draws_types_legend_and_edge_styles() {
        let dot = to_dot(&sample_graph());
        assert!(dot.starts_with("digraph newsgraph {\n"), "{dot}");
        assert!(dot.contains("subgraph cluster_legend {"), "{dot}");
        for kind in EntityKind::ALL {
            assert!(dot.contains(&format!("\"{LEGEND_ID_PREFIX}{kind}\"[label=\"{kind}\"")), "{kind} missing from legend:\n{dot}");
        }
        assert!(
            dot.contains(r##""person-ama-mensah"[label="Ama Mensah" shape="ellipse" fillcolor="#a6cee3" tooltip="Person; also: Mensah, Ms. Mensah"]"##),
            "{dot}"
        );
        assert!(dot.contains(r#""person-ama-mensah" -> "country-ghana" [label="HOLDS_ROLE\nPresident""#), "{dot}");
        assert!(dot.contains(r#""person-ama-mensah" -> "person-luis-quispe" [label="MET" tooltip="#), "{dot}");
        let met_line = dot.lines().find(|line| line.contains("label=\"MET\"")).unwrap();
        assert!(met_line.ends_with(r#"dir="none"]"#), "{met_line}");
        assert_eq!(dot, to_dot(&sample_graph()), "deterministic");
    }

    #[test]
    fn cooccurrence_is_dashed_grey_and_undirected() {
        let mut graph = sample_graph();
        let ghana = graph.by_id[&crate::graph::EntityId("country-ghana".into())];
        let peru = graph.by_id[&crate::graph::EntityId("country-peru".into())];
        graph.graph.add_edge(
            ghana,
            peru,
            RelationEdge {
                kind: RelationKind::CoOccurs,
                attributes: Default::default(),
                evidence: Vec::new(),
                confidence: 1.0,
                weight: 4,
                evidence_count: 0,
            },
        );
        let dot = to_dot(&graph);
        assert!(
            dot.contains(
                r#""country-ghana" -> "country-peru" [label="CO_OCCURS" dir="none" style="dashed" color="grey" fontcolor="grey"]"#
            ),
            "{dot}"
        );
    }
}
