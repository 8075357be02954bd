//! A snapshot of the graph of `examples/articles`, as a compact summary
//! (node ids with types; edges as `source -[TYPE key=value]-> target`) so a
//! change in extraction shows up as a readable diff.
//!
//! The extractor improves often; after a deliberate change, accept the new
//! snapshot with `INSTA_UPDATE=always cargo test --test it snapshot` (or
//! `cargo insta review`) and commit `tests/it/snapshots/`.

use crate::support;
use newsgraph::KnowledgeGraph;
use std::fmt::Write;

/// One line per node and per edge, in the graph's fixed order.
fn summary(graph: &KnowledgeGraph) -> String {
    let mut out = String::new();
    writeln!(out, "documents: {}", graph.meta.documents.iter().map(|d| d.id.as_str()).collect::<Vec<_>>().join(", ")).unwrap();
    writeln!(out, "\nnodes ({}):", graph.graph.node_count()).unwrap();
    for (_, node) in graph.nodes() {
        writeln!(out, "  {} ({})", node.id, node.kind).unwrap();
    }
    let edges = graph.edges();
    writeln!(out, "\nedges ({}):", edges.len()).unwrap();
    for (source, target, edge) in edges {
        let mut label = edge.kind.to_string();
        for (key, value) in &edge.attributes {
            write!(label, " {key}={value}").unwrap();
        }
        writeln!(out, "  {} -[{label}]-> {}", source.id, target.id).unwrap();
    }
    out
}

#[test]
fn examples_graph() {
    let graph = support::build_graph(&[support::examples_dir()]);
    assert!(graph.graph.node_count() > 50, "the examples gave only {} nodes", graph.graph.node_count());
    insta::assert_snapshot!("examples_graph", summary(&graph));
}
