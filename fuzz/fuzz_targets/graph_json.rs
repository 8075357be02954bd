//! graph.json as query, render, export and eval read it: parse, then every
//! writer, every question about every entity, and scores against a gold file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph::cli::{DrawArgs, Format};
use newsgraph::graph::query::{entity, met, neighbors, path, relations, render, Scope};
use newsgraph::KnowledgeGraph;
use std::sync::LazyLock;

const FORMATS: [Format; 7] =
    [Format::Json, Format::Dot, Format::Graphml, Format::Cypher, Format::Neo4jCsv, Format::Cytoscape, Format::Turtle];

static GOLD: LazyLock<newsgraph::eval::gold::Gold> = LazyLock::new(|| {
    newsgraph::eval::gold::parse_gold(include_str!("../../tests/fixtures/heldout/gold.json")).expect("the held-out gold parses")
});

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(graph) = KnowledgeGraph::from_json(text) else { return };
    let json = graph.to_json();
    KnowledgeGraph::from_json(&json).expect("a graph read once reads again");
    for format in FORMATS {
        let _ = newsgraph::export::render_format(&graph, format, &DrawArgs::default());
    }
    let focus = DrawArgs { focus: graph.graph.node_weights().next().map(|node| node.label.clone()), depth: 2, types: vec![] };
    let _ = newsgraph::export::render_format(&graph, Format::Dot, &focus);
    let scope = Scope::default();
    let indices: Vec<_> = graph.graph.node_indices().take(16).collect();
    render(&met::meetings(&graph, None), false);
    render(&relations::relations(&graph, &relations::RelationFilter { scope, source: None, target: None }), true);
    for &index in &indices {
        render(&entity::card(&graph, index, scope), false);
        render(&neighbors::neighbors(&graph, index, scope), true);
        render(&met::meetings(&graph, Some(index)), false);
        render(&path::shortest_path(&graph, indices[0], index, scope), false);
        let node = &graph.graph[index];
        let _ = newsgraph::graph::lookup::lookup(&graph, &node.label);
    }
    let scores = newsgraph::eval::score::evaluate(&GOLD, &graph);
    newsgraph::eval::report::to_table(&scores);
    newsgraph::eval::report::to_json(&scores);
});
