//! Text or Markdown through the whole pipeline to a graph, then every writer,
//! and graph.json read back to the same bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph::cli::{DrawArgs, Format};
use newsgraph::document::{DocId, Document};
use newsgraph::KnowledgeGraph;
use newsgraph_fuzz::{text_from, RESOURCES};

const FORMATS: [Format; 7] =
    [Format::Json, Format::Dot, Format::Graphml, Format::Cypher, Format::Neo4jCsv, Format::Cytoscape, Format::Turtle];

fuzz_target!(|data: &[u8]| {
    let text = text_from(data);
    let path = if data.len() % 2 == 0 { "fuzz.txt" } else { "fuzz.md" };
    let document = Document::new(DocId("fuzz".into()), path.into(), text, None);
    let graph = newsgraph::pipeline::build_graph(&RESOURCES, &[document], data.first().is_some_and(|b| b & 2 != 0));
    let json = graph.to_json();
    let back = KnowledgeGraph::from_json(&json).expect("a built graph reads back");
    assert_eq!(back.to_json(), json, "graph.json does not round-trip");
    for format in FORMATS {
        newsgraph::export::render_format(&graph, format, &DrawArgs::default()).expect("every format renders");
    }
});
